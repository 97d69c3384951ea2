// 比較: one button on the 支援計画 tab. The user picks the earlier results workbook (.xlsx made by
// Ripple, the internal version); this workbook is the later run. The 比較 sheet goes into a new
// sheet here (compareFlow.ts).

import * as React from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../engine/errors";
import { compareWithFile } from "../compareFlow";
import { useRun } from "../useRun";
import { FlowRun } from "./FlowRun";

const useStyles = makeStyles({
  hint: { color: tokens.colorNeutralForeground3 },
  hidden: { display: "none" },
});

export function CompareAction(): React.ReactElement {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === "ja" ? "ja" : "en") as Lang;
  const s = useStyles();
  const run = useRun();
  const input = React.useRef<HTMLInputElement>(null);
  const [written, setWritten] = React.useState<string[] | null>(null);
  const [changes, setChanges] = React.useState<string | null>(null);

  const onFile = async (f: File | undefined) => {
    if (!f) return;
    setWritten(null);
    const bytes = new Uint8Array(await f.arrayBuffer());
    const out = await run.start((control) => compareWithFile({ name: f.name, bytes }, lang, control));
    if (input.current) input.current.value = ""; // the same file can be picked again
    if (!out) return;
    setWritten(out.sheets);
    const names = out.result.parameters.map((p) => p.name[lang]);
    const plans = out.result.plans.map((p) => p.id);
    setChanges([...names, ...plans].join(", ") || t("compare.noChange"));
  };

  return (
    <>
      <Text weight="semibold">{t("compare.heading")}</Text>
      <Text size={200} className={s.hint}>{t("compare.hint")}</Text>
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className={s.hidden}
        data-testid="compare-file"
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      <FlowRun id="compare" runLabel={t("compare.run")} canRun state={run} written={written} onRun={() => input.current?.click()}>
        {changes && <div data-testid="compare-changes">{t("compare.changed", { list: changes })}</div>}
      </FlowRun>
    </>
  );
}
