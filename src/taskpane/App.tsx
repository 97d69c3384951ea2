// The task pane: the table and its roles on top (every analysis uses them), then one tab per
// kind of analysis — 経済波及効果 (options, shock, run), 支援計画, 需給モデル, 供給途絶, CGE — and
// the worksheet functions' recent errors at the bottom. A language switch in the header; every
// message speaks the current language.
//
// App holds the state the parts share — the table (usePaneTable), the options every tab runs
// with, the analysis run (useAnalysisRun) and the one error slot (usePlacedError) — and lays out
// the parts; each part draws itself (components/).

import * as React from "react";
import { Divider, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Lang } from "../engine/errors";
import type { ImportType } from "../engine/table/types";
import { AnalysisTab } from "./components/AnalysisTab";
import { PaneHeader } from "./components/PaneHeader";
import { TableSection } from "./components/TableSection";
import { ProjectsPanel } from "./components/ProjectsPanel";
import { MarketPanel } from "./components/MarketPanel";
import { DisruptionPanel } from "./components/DisruptionPanel";
import { CgePanel } from "./components/CgePanel";
import { FunctionErrors } from "./components/FunctionErrors";
import { PaneTabs } from "./components/PaneTabs";
import { useAnalysisRun } from "./hooks/useAnalysisRun";
import { usePaneTable } from "./hooks/usePaneTable";
import { usePlacedError } from "./hooks/usePlacedError";
import { setFunctionLanguage } from "../functions/errorMapping";
import { changedModelOptions, defaultPaneOptions, hasProblems, optionProblems, type PaneOptions } from "./paneOptions";
import type { DetectedTable } from "./runAnalysis";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "640px",
    // Excel's task pane is 320–400 px wide: nothing may widen the pane (long sheet names,
    // ranges, reasons wrap anywhere rather than scrolling the pane sideways).
    boxSizing: "border-box",
    minWidth: 0,
    overflowWrap: "anywhere",
    // An <input> is as wide as its size attribute (about 20 characters) unless its width is a
    // percentage, which lets a Field in a two-column grid shrink with the pane.
    "& .fui-Input__input": { width: "100%" },
    // A <select> is as wide as its longest option ("Detected from the table (Competitive
    // imports)", a scenario's long name) unless it may shrink: the chosen option is then cut
    // with an ellipsis inside the pane and read in full in the opened list.
    "& .fui-Select": { minWidth: 0, maxWidth: "100%" },
    "& .fui-Select__select": { minWidth: 0, maxWidth: "100%", width: "100%", textOverflow: "ellipsis" },
    "& .fui-Field": { minWidth: 0 },
  },
  tab: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // A class's display wins over the hidden attribute, so hidden tabs get their own class.
  hidden: { display: "none" },
});

type PaneTab = "analysis" | "projects" | "market" | "disruption" | "cge";
const TABS: readonly PaneTab[] = ["analysis", "projects", "market", "disruption", "cge"];

export function App(): React.ReactElement {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === "ja" ? "ja" : "en") as Lang;
  const s = useStyles();
  const [tab, setTab] = React.useState<PaneTab>("analysis");
  // RIPPLE.* messages follow the pane's language once the user has picked one.
  React.useEffect(() => setFunctionLanguage(lang), [lang]);

  const errors = usePlacedError();
  const [options, setOptions] = React.useState<PaneOptions>(defaultPaneOptions);
  // A table read anew: the mapping saved with it sets the import convention, and the
  // self-sufficiency overrides of the previous table no longer apply. Called when a read
  // completes, after this render has set `analysis`.
  const accept = (d: DetectedTable) => {
    analysis.resetFor(d);
    const saved: ImportType | undefined = d.mappingSource === "saved" ? d.mapping?.importType : undefined;
    setOptions((o) => ({ ...o, importType: saved ?? "detected", selfSufficiency: {} }));
  };
  const table = usePaneTable(lang, errors, accept);
  const { detected, refreshSheets } = table;
  const analysis = useAnalysisRun({ detected, options, lang, errors, refreshSheets });

  // The other tabs' runs use the same options, passing only what the user changed.
  const modelOptions = React.useMemo(() => (hasProblems(optionProblems(options)) ? null : changedModelOptions(options)), [options]);
  const confirm = () => void table.confirm(options.importType === "detected" ? null : options.importType);

  return (
    <main className={s.root}>
      <PaneHeader lang={lang} />
      <TableSection table={table} errors={errors} lang={lang} allowImbalance={options.allowImbalance} onConfirm={confirm} />

      <Divider />
      <PaneTabs<PaneTab> tabs={TABS} selected={tab} label={t("tabs.label")} onSelect={setTab} />

      {/* Every tab stays mounted (hidden when not chosen), so a run and its inputs survive a switch. */}
      <div className={tab === "analysis" ? s.tab : s.hidden} hidden={tab !== "analysis"} data-testid="panel-analysis">
        {!detected && <Subtitle2 as="p">{t("run.needTable")}</Subtitle2>}
        {detected && (
          <AnalysisTab
            detected={detected}
            inspected={table.inspected}
            options={options}
            onOptionsChange={setOptions}
            analysis={analysis}
            errors={errors}
            lang={lang}
          />
        )}
      </div>
      <div className={tab === "projects" ? s.tab : s.hidden} hidden={tab !== "projects"} data-testid="panel-projects">
        <ProjectsPanel detected={detected} sheets={table.sheets} modelOptions={modelOptions} allowImbalance={options.allowImbalance} onSheetsChanged={refreshSheets} />
      </div>
      <div className={tab === "market" ? s.tab : s.hidden} hidden={tab !== "market"} data-testid="panel-market">
        <MarketPanel detected={detected} sheets={table.sheets} modelOptions={modelOptions} allowImbalance={options.allowImbalance} onSheetsChanged={refreshSheets} />
      </div>
      <div className={tab === "disruption" ? s.tab : s.hidden} hidden={tab !== "disruption"} data-testid="panel-disruption">
        <DisruptionPanel detected={detected} modelOptions={modelOptions} allowImbalance={options.allowImbalance} onSheetsChanged={refreshSheets} />
      </div>
      <div className={tab === "cge" ? s.tab : s.hidden} hidden={tab !== "cge"} data-testid="panel-cge">
        <CgePanel detected={detected} sheets={table.sheets} onSheetsChanged={refreshSheets} />
      </div>

      <Divider />
      <Subtitle2 as="h2">{t("functionErrors.heading")}</Subtitle2>
      <FunctionErrors />
    </main>
  );
}
