// The ripple-effects tab (経済波及効果), steps 3–5: options, shock, purchaser prices and the run.
// Its state lives in App (useAnalysisRun, PaneOptions), since the other tabs run with the same
// options and a table that fails to load must not wipe what the user typed; this draws it.

import * as React from "react";
import { Divider, Subtitle2, Text } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../engine/errors";
import * as gateway from "../../workbook/office/gateway";
import type { InspectReport } from "../../report/inspect";
import type { AnalysisRun } from "../hooks/useAnalysisRun";
import type { PlacedError } from "../hooks/usePlacedError";
import { hasProblems, optionProblems, type PaneOptions } from "../paneOptions";
import { type DetectedTable, tableSelfSufficiency } from "../runAnalysis";
import { errorParts } from "../useRun";
import { tableBlocksRun } from "./CheckSummary";
import { OptionsPanel } from "./OptionsPanel";
import { PurchaserPrices } from "./PurchaserPrices";
import { RunPanel } from "./RunPanel";
import { ShockPicker } from "./ShockPicker";

export interface AnalysisTabProps {
  detected: DetectedTable;
  inspected: InspectReport | null;
  options: PaneOptions;
  onOptionsChange(options: PaneOptions): void;
  analysis: AnalysisRun;
  errors: PlacedError;
  lang: Lang;
}

export function AnalysisTab({ detected, inspected, options, onOptionsChange, analysis, errors, lang }: AnalysisTabProps): React.ReactElement {
  const { t } = useTranslation();
  const { error, setError, fail } = errors;
  const table = detected.table;
  const parts = (err: unknown) => errorParts(err, lang, (message) => t("errors.unexpected", { message }));
  const nf = React.useMemo(
    () => new Intl.NumberFormat(lang === "ja" ? "ja-JP" : "en-US", { maximumFractionDigits: 1 }),
    [lang],
  );
  const selfSufficiency = React.useMemo(() => (table ? tableSelfSufficiency(table) : null), [table]);
  // Stable while the table is: the options panel (a field per sector) skips re-rendering.
  const sectorNames = React.useMemo(() => table?.sectors.map((x) => x.label) ?? [], [table]);

  const problems = optionProblems(options);
  const blockedByTable = tableBlocksRun(inspected, options.allowImbalance);
  const canRun = !!table && !hasProblems(problems) && !blockedByTable;

  return (
    <>
      <Subtitle2 as="h2">{t("options.heading")}</Subtitle2>
      <OptionsPanel
        options={options}
        detectedImportType={detected.layout.importType}
        sectors={sectorNames}
        tableSelfSufficiency={selfSufficiency}
        onChange={onOptionsChange}
      />
      <Divider />
      <Subtitle2 as="h2">{t("shock.heading")}</Subtitle2>
      <ShockPicker
        address={analysis.shockAddress}
        loading={analysis.running}
        preview={analysis.shockStale ? null : analysis.shock}
        stale={analysis.shockStale}
        error={analysis.shockFieldShown === null ? null : parts(analysis.shockFieldShown)}
        unit={detected.layout.unit}
        formatNumber={(v) => nf.format(v)}
        onAddressChange={analysis.changeShockAddress}
        onRead={() => void analysis.readShock("address")}
        onUseSelection={() => void analysis.readShock("selection")}
      />
      <PurchaserPrices
        value={analysis.purchaser}
        onChange={analysis.setPurchaser}
        groups={analysis.marginGroups}
        onMarginsCommit={analysis.readMarginGroups}
      />
      <Divider />
      <Subtitle2 as="h2">{t("run.heading")}</Subtitle2>
      {blockedByTable && (
        <Text size={200} data-testid="run-blocked-by-table">
          {t(inspected?.imbalanceOnly ? "tableChecks.blockedRun" : "tableChecks.blockedHard")}
        </Text>
      )}
      <RunPanel
        canRun={canRun}
        running={analysis.running}
        progress={analysis.progress}
        written={analysis.written}
        cancelled={analysis.cancelled}
        modelName={analysis.modelName}
        registeredAs={analysis.registeredAs}
        headline={analysis.outcome?.headline ?? null}
        unit={analysis.outcome?.unit ?? null}
        formatNumber={(v) => nf.format(v)}
        error={error?.at === "run" ? parts(error.err) : null}
        onDismissError={() => setError(null)}
        onOpenSheet={(name) => void gateway.activateSheet(name).catch((err) => fail(err, "run"))}
        onModelNameChange={analysis.setModelName}
        onRun={() => void analysis.run()}
        onCancel={analysis.cancel}
      />
    </>
  );
}
