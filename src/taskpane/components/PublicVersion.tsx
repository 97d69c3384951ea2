// "公開版": the public version of the run just written, handed over in the ways this host allows
// (publicFile.ts): opened as a new workbook (ExcelApi 1.8), written into new sheets of this
// workbook (every host), and downloaded where a task pane can download (not on Mac or iPad,
// where the pane says so). A way the host lacks is not offered as a button that does nothing.

import * as React from "react";
import { Button, Link, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../engine/errors";
import type { WorkbookSpec } from "../../report/spec";
import * as gateway from "../../workbook/office/gateway";
import { XLSX_TYPE, downloadsWork, offerPublicVersion, writePublicSheets, type PublicOffer } from "../publicFile";
import { errorParts, useRun } from "../useRun";
import { ErrorBar } from "./RunPanel";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
  // Long Japanese labels wrap inside the pane instead of widening it.
  button: { maxWidth: "100%", whiteSpace: "normal", textAlign: "start", height: "auto" },
});

export interface PublicVersionProps {
  /** Prefix of the test ids: `${id}-public`, `${id}-public-sheets`, `${id}-public-download`,
   * `${id}-public-opened`, `${id}-public-written`, `${id}-public-no-download`. */
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
  const canOpen = gateway.canCreateWorkbook();
  const canDownload = downloadsWork(gateway.hostPlatform());
  const [offer, setOffer] = React.useState<PublicOffer | null>(null);
  const [written, setWritten] = React.useState<string[] | null>(null);
  const [url, setUrl] = React.useState<string | null>(null);

  // A new run brings a new spec: the old file and sheets are not its public version.
  React.useEffect(() => {
    setOffer(null);
    setWritten(null);
  }, [p.spec]);
  React.useEffect(() => {
    if (!offer || !canDownload) return setUrl(null);
    const u = URL.createObjectURL(new Blob([offer.file.bytes as BlobPart], { type: XLSX_TYPE }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [offer, canDownload]);

  const onFile = async () => {
    setOffer(null);
    const out = await run.start(() => offerPublicVersion(p.spec, p.base, lang, canOpen));
    if (out) setOffer(out);
  };
  const onSheets = async () => {
    setWritten(null);
    const out = await run.start((control) => writePublicSheets(p.spec, lang, control));
    if (out) setWritten(out);
  };

  return (
    <div className={s.col}>
      <Text size={200} className={s.hint}>{t("publicVersion.hint")}</Text>
      <div className={s.row}>
        {(canOpen || canDownload) && (
          <Button className={s.button} data-testid={`${p.id}-public`} onClick={() => void onFile()} disabled={run.running}>
            {run.running ? t("publicVersion.making") : canOpen ? t("publicVersion.make") : t("publicVersion.makeFile")}
          </Button>
        )}
        <Button className={s.button} data-testid={`${p.id}-public-sheets`} onClick={() => void onSheets()} disabled={run.running}>
          {t("publicVersion.sheets")}
        </Button>
      </div>
      {!canOpen && <Text size={200} data-testid={`${p.id}-public-no-open`}>{t("publicVersion.noNewWorkbook")}</Text>}
      {!canDownload && <Text size={200} data-testid={`${p.id}-public-no-download`}>{t("publicVersion.noDownload")}</Text>}
      {run.error !== null && !run.running && (
        <ErrorBar {...errorParts(run.error, lang, (message) => t("errors.unexpected", { message }))} onDismiss={() => run.setError(null)} />
      )}
      {offer && offer.opened && (
        <MessageBar intent="success" layout="multiline" data-testid={`${p.id}-public-opened`}>
          <MessageBarBody>{t("publicVersion.opened")}</MessageBarBody>
        </MessageBar>
      )}
      {offer && !offer.opened && offer.openError !== null && (
        <ErrorBar
          {...errorParts(offer.openError, lang, (message) => t("errors.unexpected", { message }))}
          onDismiss={() => setOffer({ ...offer, openError: null })}
        />
      )}
      {written && (
        <MessageBar intent="success" layout="multiline" data-testid={`${p.id}-public-written`}>
          <MessageBarBody>{t("publicVersion.sheetsWritten", { names: written.join(" / ") })}</MessageBarBody>
        </MessageBar>
      )}
      {offer && url && (
        <Link data-testid={`${p.id}-public-download`} href={url} download={offer.file.fileName}>
          {t("publicVersion.download", { name: offer.file.fileName })}
        </Link>
      )}
    </div>
  );
}
