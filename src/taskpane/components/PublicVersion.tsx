// "公開版を作成": the public version of the run just written, as a separate file. Opened as a new
// workbook in Excel when the host can (ExcelApi 1.8) and always offered as a download; nothing is
// written into the open workbook. When Excel cannot open it, the reason is shown next to the link.

import * as React from "react";
import { Button, Link, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../engine/errors";
import type { WorkbookSpec } from "../../report/spec";
import { XLSX_TYPE, offerPublicVersion, type PublicOffer } from "../publicFile";
import { errorParts, useRun } from "../useRun";
import { ErrorBar } from "./RunPanel";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface PublicVersionProps {
  /** Prefix of the test ids: `${id}-public`, `${id}-public-download`, `${id}-public-opened`. */
  id: string;
  spec: WorkbookSpec;
  /** Name of the full workbook without .xlsx ("ripple-政策評価"). */
  base: string;
}

export function PublicVersion(p: PublicVersionProps): React.ReactElement {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === "ja" ? "ja" : "en") as Lang;
  const s = useStyles();
  const run = useRun();
  const [offer, setOffer] = React.useState<PublicOffer | null>(null);
  const [url, setUrl] = React.useState<string | null>(null);

  // A new run brings a new spec: the old file is not its public version.
  React.useEffect(() => setOffer(null), [p.spec]);
  React.useEffect(() => {
    if (!offer) return setUrl(null);
    const u = URL.createObjectURL(new Blob([offer.file.bytes as BlobPart], { type: XLSX_TYPE }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [offer]);

  const onMake = async () => {
    setOffer(null);
    const out = await run.start(() => offerPublicVersion(p.spec, p.base, lang));
    if (out) setOffer(out);
  };

  return (
    <div className={s.col}>
      <Text size={200} className={s.hint}>{t("publicVersion.hint")}</Text>
      <div>
        <Button data-testid={`${p.id}-public`} onClick={() => void onMake()} disabled={run.running}>
          {run.running ? t("publicVersion.making") : t("publicVersion.make")}
        </Button>
      </div>
      {run.error !== null && !run.running && (
        <ErrorBar {...errorParts(run.error, lang, (message) => t("errors.unexpected", { message }))} onDismiss={() => run.setError(null)} />
      )}
      {offer && offer.opened && (
        <MessageBar intent="success" data-testid={`${p.id}-public-opened`}>
          <MessageBarBody>{t("publicVersion.opened")}</MessageBarBody>
        </MessageBar>
      )}
      {offer && !offer.opened && offer.openError !== null && (
        <ErrorBar
          {...errorParts(offer.openError, lang, (message) => t("errors.unexpected", { message }))}
          onDismiss={() => setOffer({ ...offer, openError: null })}
        />
      )}
      {offer && url && (
        <Link data-testid={`${p.id}-public-download`} href={url} download={offer.file.fileName}>
          {t("publicVersion.download", { name: offer.file.fileName })}
        </Link>
      )}
    </div>
  );
}
