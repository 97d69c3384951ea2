// The pane's header: the title and the language switch (日本語 / English), which changes every
// text of the pane at once; the Office display language only sets the first one.

import * as React from "react";
import { Button, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../engine/errors";

const useStyles = makeStyles({
  header: { display: "flex", flexWrap: "wrap", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
  langs: { display: "flex", gap: tokens.spacingHorizontalXS },
});

export function PaneHeader({ lang }: { lang: Lang }): React.ReactElement {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  return (
    <header className={s.header}>
      <Title3 as="h1">{t("app.title")}</Title3>
      <div className={s.langs} role="group" aria-label={t("app.language")}>
        {(["ja", "en"] as const).map((l) => (
          <Button
            key={l}
            size="small"
            data-testid={`lang-${l}`}
            appearance={lang === l ? "primary" : "subtle"}
            aria-pressed={lang === l}
            onClick={() => void i18n.changeLanguage(l)}
          >
            {t(l === "ja" ? "app.langJa" : "app.langEn")}
          </Button>
        ))}
      </div>
    </header>
  );
}
