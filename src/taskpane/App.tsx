// The task pane: the table and its roles on top (every analysis uses them), then one tab per
// kind of analysis — 経済波及効果 (options, shock, run), 支援計画, 需給モデル, 供給途絶, CGE — and
// the worksheet functions' recent errors at the bottom. A language switch in the header; every
// message speaks the current language.

import * as React from "react";
import { Button, Divider, Subtitle2, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { RippleError, type Lang } from "../engine/errors";
import type { ImportType, Line, Role } from "../engine/table/types";
import * as gateway from "../workbook/office/gateway";
import { TablePicker } from "./components/TablePicker";
import { RoleMap, type Axis } from "./components/RoleMap";
import { CheckSummary, tableBlocksRun } from "./components/CheckSummary";
import { NO_PURCHASER_PRICES, PurchaserPrices, type PurchaserPriceFields } from "./components/PurchaserPrices";
import { inspectTable } from "../usecases/inspect";
import { OptionsPanel } from "./components/OptionsPanel";
import { ShockPicker } from "./components/ShockPicker";
import { ErrorBar, RunPanel } from "./components/RunPanel";
import { ProjectsPanel } from "./components/ProjectsPanel";
import { MarketPanel } from "./components/MarketPanel";
import { DisruptionPanel } from "./components/DisruptionPanel";
import { CgePanel } from "./components/CgePanel";
import { FunctionErrors } from "./components/FunctionErrors";
import { PaneTabs } from "./components/PaneTabs";
import { errorParts } from "./useRun";
import { useProgressStore } from "./progressStore";
import { setFunctionLanguage } from "../functions/errorMapping";
import { changedModelOptions, defaultPaneOptions, hasProblems, optionProblems, type PaneOptions } from "./paneOptions";
import {
  loadTableFromSelection,
  loadTableFromSheet,
  parseRangeAddress,
  previewShock,
  readShockGrid,
  runAnalysis,
  isZeroOutputError,
  saveConfirmedMapping,
  tableSelfSufficiency,
  withDropZeroOutput,
  withRole,
  gridRangeAddress,
  purchaserForRun,
  type DetectedTable,
  type RunInput,
  type ShockPreview,
} from "./runAnalysis";
import type { Grid } from "../engine/grid";
import { analysisHeadline, type AnalysisHeadline } from "./headline";

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
  header: { display: "flex", flexWrap: "wrap", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
  langs: { display: "flex", gap: tokens.spacingHorizontalXS },
  tab: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // A class's display wins over the hidden attribute, so hidden tabs get their own class.
  hidden: { display: "none" },
});

type ErrorPlace = "table" | "roles" | "run";
type PaneTab = "analysis" | "projects" | "market" | "disruption" | "cge";
const TABS: readonly PaneTab[] = ["analysis", "projects", "market", "disruption", "cge"];

/** An error as one message in the user's language, naming sheet and cell when it has them. */
export function errorMessage(err: unknown, lang: Lang, unexpected: (message: string) => string): string {
  if (err instanceof RippleError) return err.format(lang);
  return unexpected(err instanceof Error ? err.message : String(err));
}

export function App(): React.ReactElement {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === "ja" ? "ja" : "en") as Lang;
  const s = useStyles();
  const [tab, setTab] = React.useState<PaneTab>("analysis");
  // RIPPLE.* messages follow the pane's language once the user has picked one.
  React.useEffect(() => setFunctionLanguage(lang), [lang]);

  const [sheets, setSheets] = React.useState<string[]>([]);
  const [sheet, setSheet] = React.useState("");
  const [loading, setLoading] = React.useState(false);
  const [detected, setDetected] = React.useState<DetectedTable | null>(null);
  const [savedKey, setSavedKey] = React.useState<string | null>(null);
  const [loadedMapping, setLoadedMapping] = React.useState<string | null>(null);
  const [saving, setSaving] = React.useState(false);
  const [options, setOptions] = React.useState<PaneOptions>(defaultPaneOptions);
  const [shockAddress, setShockAddress] = React.useState("");
  const [shockGrid, setShockGrid] = React.useState<Grid | null>(null);
  const [running, setRunning] = React.useState(false);
  // Outside React state: a progress report re-renders the bar only (progressStore.ts).
  const progress = useProgressStore();
  const [written, setWritten] = React.useState<string[] | null>(null);
  const [cancelled, setCancelled] = React.useState(false);
  const [modelName, setModelName] = React.useState("");
  const [registeredAs, setRegisteredAs] = React.useState<string | null>(null);
  // An error is shown next to what caused it: the table and role map (top), the shock field, or
  // the run button — not 800 px away at the top of a narrow pane.
  const [error, setErrorAt] = React.useState<{ at: ErrorPlace; err: unknown } | null>(null);
  const setError = (err: unknown, at: ErrorPlace = "table") => setErrorAt(err === null ? null : { at, err });
  const [shockReadText, setShockReadText] = React.useState<string | null>(null);
  const [shockFieldError, setShockFieldError] = React.useState<unknown>(null);
  const [purchaser, setPurchaser] = React.useState<PurchaserPriceFields>(NO_PURCHASER_PRICES);
  const [outcome, setOutcome] = React.useState<{ headline: AnalysisHeadline | null; unit: string | null } | null>(null);
  const abort = React.useRef<AbortController | null>(null);

  const fail = (err: unknown, at: ErrorPlace = "table") => {
    console.error(err); // keep the stack for developers; the user sees the message bar
    setError(err, at);
  };

  const refreshSheets = React.useCallback(() => {
    gateway.listSheets().then((list) => setSheets(list.map((x) => x.name)), fail);
  }, []);
  React.useEffect(refreshSheets, [refreshSheets]);

  const nf = React.useMemo(
    () => new Intl.NumberFormat(lang === "ja" ? "ja-JP" : "en-US", { maximumFractionDigits: 1 }),
    [lang],
  );

  const table = detected?.table ?? null;

  // The shock preview follows the table: a role edit can change the sectors it matches.
  const [shock, shockError] = React.useMemo<[ShockPreview | null, unknown]>(() => {
    if (!shockGrid || !table) return [null, null];
    try {
      return [previewShock(table, shockGrid), null];
    } catch (err) {
      return [null, err];
    }
  }, [shockGrid, table]);

  // The same summary as `ripple inspect`, shown above the role map; its problems stop 実行.
  const inspected = React.useMemo(
    () =>
      detected
        ? inspectTable({ file: detected.grid.sheet, grid: detected.grid, layout: detected.layout, built: { table: detected.table, error: detected.tableError } }, lang)
        : null,
    [detected, lang],
  );

  const selfSufficiency = React.useMemo(() => (table ? tableSelfSufficiency(table) : null), [table]);
  // Stable while the table is: the options panel (a field per sector) skips re-rendering.
  const sectorNames = React.useMemo(() => table?.sectors.map((x) => x.label) ?? [], [table]);

  const accept = (d: DetectedTable) => {
    setDetected(d);
    setSavedKey(d.mappingSource === "saved" ? d.mappingKey : null);
    setLoadedMapping(d.mappingSource === "saved" ? d.mappingKey : null);
    setWritten(null);
    setModelName(d.grid.sheet);
    const saved: ImportType | undefined = d.mappingSource === "saved" ? d.mapping?.importType : undefined;
    setOptions((o) => ({ ...o, importType: saved ?? "detected", selfSufficiency: {} }));
  };

  const load = async (from: () => Promise<DetectedTable>) => {
    setError(null);
    setLoading(true);
    try {
      accept(await from());
    } catch (err) {
      setDetected(null);
      fail(err);
    } finally {
      setLoading(false);
    }
  };

  const pickSheet = (name: string) => {
    setSheet(name);
    if (name) void load(() => loadTableFromSheet(name));
  };

  const changeRole = (axis: Axis, line: Line, role: Role) => {
    if (!detected) return;
    setError(null);
    try {
      setDetected(withRole(detected, axis, line, role));
      setSavedKey(null);
    } catch (err) {
      fail(err, "roles");
    }
  };

  // The user's choice to read the table without its zero-output sectors (or to keep them): a
  // mapping edit like a role change, saved when the user confirms the mapping.
  const changeDropZeroOutput = (drop: boolean) => {
    if (!detected) return;
    setError(null);
    try {
      setDetected(withDropZeroOutput(detected, drop));
      setSavedKey(null);
    } catch (err) {
      fail(err);
    }
  };

  const confirm = async () => {
    if (!detected) return;
    setError(null);
    setSaving(true);
    try {
      const importType = options.importType === "detected" ? null : options.importType;
      setSavedKey(await saveConfirmedMapping(detected, importType));
    } catch (err) {
      fail(err, "roles");
    } finally {
      setSaving(false);
    }
  };

  /** Reads the shock range (typed or selected); the grid, or null with the error shown under
   * the field (and announced: the field's message has role="alert"). */
  const readShock = async (source: "selection" | "address"): Promise<Grid | null> => {
    setShockFieldError(null);
    try {
      let from: { sheet: string; address: string } | "selection" = "selection";
      if (source === "address") {
        const parsed = parseRangeAddress(shockAddress);
        if (!parsed) {
          setShockGrid(null);
          setShockReadText(null);
          setShockFieldError(new RippleError("shock-address", { ja: t("shock.badAddress", { lng: "ja" }), en: t("shock.badAddress", { lng: "en" }) }));
          return null;
        }
        from = parsed;
      }
      const grid = await readShockGrid(from);
      const text = source === "selection" ? `${grid.sheet}!${gridRangeAddress(grid)}` : shockAddress.trim();
      setShockGrid(grid);
      setShockReadText(text);
      if (source === "selection") setShockAddress(text);
      return grid;
    } catch (err) {
      console.error(err);
      setShockGrid(null);
      setShockReadText(null);
      setShockFieldError(err);
      return null;
    }
  };

  const changeShockAddress = (text: string) => {
    setShockAddress(text);
    setShockFieldError(null);
  };

  /** The shock the run uses: what the field says now. A range typed but not read yet is read
   * (it used to be ignored silently); an empty field means no shock. Undefined: the shock could
   * not be read, the error is under the field and the run stops. */
  const shockForRun = async (): Promise<ShockPreview | null | undefined> => {
    const typed = shockAddress.trim();
    if (typed === "") {
      setShockGrid(null);
      setShockReadText(null);
      return null;
    }
    if (typed === shockReadText && shock) return shock;
    if (typed === shockReadText && shockError) return undefined;
    const grid = await readShock("address");
    if (!grid || !table) return undefined;
    try {
      return previewShock(table, grid);
    } catch (err) {
      return undefined; // shockError (the preview of the same grid) shows it under the field
    }
  };

  const problems = optionProblems(options);
  // The other tabs' runs use the same options, passing only what the user changed.
  const modelOptions = React.useMemo(() => (hasProblems(optionProblems(options)) ? null : changedModelOptions(options)), [options]);
  const blockedByTable = tableBlocksRun(inspected, options.allowImbalance);
  const canRun = !!detected && !!table && !hasProblems(problems) && !blockedByTable;

  const run = async () => {
    if (!detected) return;
    setError(null);
    setWritten(null);
    setOutcome(null);
    setRegisteredAs(null);
    setCancelled(false);
    const runShock = await shockForRun();
    if (runShock === undefined) return;
    let runPurchaser: RunInput["purchaser"] = null;
    try {
      runPurchaser = await purchaserForRun(purchaser, (key) => ({ ja: t(key, { lng: "ja" }), en: t(key, { lng: "en" }) }));
    } catch (err) {
      fail(err, "run");
      return;
    }
    setRunning(true);
    progress.set({ stage: "read", fraction: 0 });
    const ac = new AbortController();
    abort.current = ac;
    try {
      const out = await runAnalysis(
        {
          detected,
          shock: runShock,
          options: changedModelOptions(options),
          typeII: options.typeII,
          allowImbalance: options.allowImbalance,
          purchaser: runPurchaser,
          lang,
          modelName: modelName.trim() || undefined,
        },
        { signal: ac.signal, onProgress: progress.set },
      );
      setWritten(out.sheets);
      setOutcome({ headline: analysisHeadline(out.result.impact), unit: detected.layout.unit });
      setRegisteredAs(modelName.trim() || null);
      refreshSheets();
    } catch (err) {
      if (err instanceof RippleError && err.kind === "cancelled") setCancelled(true);
      else fail(err, "run");
    } finally {
      abort.current = null;
      setRunning(false);
    }
  };

  // The shock field: typed text not read yet (the run will read it), and its error, if any.
  const shockStale = shockAddress.trim() !== "" && shockAddress.trim() !== shockReadText;
  const shockFieldShown = shockFieldError ?? (shockStale ? null : shockError);
  const shownError = (error?.at === "table" ? error.err : null) ?? detected?.tableError ?? null;
  // Only the table's own zero-output error offers reading it without those sectors.
  const errorAction =
    detected && shownError === detected.tableError && isZeroOutputError(shownError) && !detected.layout.dropZeroOutput
      ? { label: t("table.readWithoutZeroOutput"), testId: "error-drop-zero", onClick: () => changeDropZeroOutput(true) }
      : undefined;

  return (
    <main className={s.root}>
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

      {shownError !== null && (
        <ErrorBar
          {...errorParts(shownError, lang, (message) => t("errors.unexpected", { message }))}
          action={errorAction}
          onDismiss={() => setError(null)}
        />
      )}

      <Subtitle2 as="h2">{t("table.heading")}</Subtitle2>
      <TablePicker
        sheets={sheets}
        sheet={sheet}
        loading={loading}
        detected={detected}
        savedMappingKey={loadedMapping}
        onPickSheet={pickSheet}
        onUseSelection={() => void load(loadTableFromSelection)}
        onDropZeroOutputChange={changeDropZeroOutput}
      />

      {detected && (
        <>
          <Divider />
          {inspected && <CheckSummary report={inspected} lang={lang} allowImbalance={options.allowImbalance} />}
          <Subtitle2 as="h2">{t("roles.heading")}</Subtitle2>
          <RoleMap
            layout={detected.layout}
            edited={detected.mappingSource === "edited" && savedKey === null}
            savedKey={savedKey}
            saving={saving}
            onChangeRole={changeRole}
            onConfirm={() => void confirm()}
          />
          {error?.at === "roles" && (
            <ErrorBar
              {...errorParts(error.err, lang, (message) => t("errors.unexpected", { message }))}
              testId="roles-error"
              onDismiss={() => setError(null)}
            />
          )}
        </>
      )}

      <Divider />
      <PaneTabs<PaneTab> tabs={TABS} selected={tab} label={t("tabs.label")} onSelect={setTab} />

      {/* Every tab stays mounted (hidden when not chosen), so a run and its inputs survive a switch. */}
      <div className={tab === "analysis" ? s.tab : s.hidden} hidden={tab !== "analysis"} data-testid="panel-analysis">
        {!detected && <Subtitle2 as="p">{t("run.needTable")}</Subtitle2>}
        {detected && (
          <>
            <Subtitle2 as="h2">{t("options.heading")}</Subtitle2>
            <OptionsPanel
              options={options}
              detectedImportType={detected.layout.importType}
              sectors={sectorNames}
              tableSelfSufficiency={selfSufficiency}
              onChange={setOptions}
            />
            <Divider />
            <Subtitle2 as="h2">{t("shock.heading")}</Subtitle2>
            <ShockPicker
              address={shockAddress}
              loading={running}
              preview={shockStale ? null : shock}
              stale={shockStale}
              error={shockFieldShown === null ? null : errorParts(shockFieldShown, lang, (message) => t("errors.unexpected", { message }))}
              unit={detected.layout.unit}
              formatNumber={(v) => nf.format(v)}
              onAddressChange={changeShockAddress}
              onRead={() => void readShock("address")}
              onUseSelection={() => void readShock("selection")}
            />
            <PurchaserPrices value={purchaser} onChange={setPurchaser} />
            <Divider />
            <Subtitle2 as="h2">{t("run.heading")}</Subtitle2>
            {blockedByTable && (
              <Text size={200} data-testid="run-blocked-by-table">
                {t(inspected?.imbalanceOnly ? "tableChecks.blockedRun" : "tableChecks.blockedHard")}
              </Text>
            )}
            <RunPanel
              canRun={canRun}
              running={running}
              progress={progress}
              written={written}
              cancelled={cancelled}
              modelName={modelName}
              registeredAs={registeredAs}
              headline={outcome?.headline ?? null}
              unit={outcome?.unit ?? null}
              formatNumber={(v) => nf.format(v)}
              error={error?.at === "run" ? errorParts(error.err, lang, (message) => t("errors.unexpected", { message })) : null}
              onDismissError={() => setError(null)}
              onOpenSheet={(name) => void gateway.activateSheet(name).catch((err) => fail(err, "run"))}
              onModelNameChange={setModelName}
              onRun={() => void run()}
              onCancel={() => abort.current?.abort()}
            />
          </>
        )}
      </div>
      <div className={tab === "projects" ? s.tab : s.hidden} hidden={tab !== "projects"} data-testid="panel-projects">
        <ProjectsPanel detected={detected} sheets={sheets} modelOptions={modelOptions} allowImbalance={options.allowImbalance} onSheetsChanged={refreshSheets} />
      </div>
      <div className={tab === "market" ? s.tab : s.hidden} hidden={tab !== "market"} data-testid="panel-market">
        <MarketPanel detected={detected} sheets={sheets} modelOptions={modelOptions} allowImbalance={options.allowImbalance} onSheetsChanged={refreshSheets} />
      </div>
      <div className={tab === "disruption" ? s.tab : s.hidden} hidden={tab !== "disruption"} data-testid="panel-disruption">
        <DisruptionPanel detected={detected} modelOptions={modelOptions} allowImbalance={options.allowImbalance} onSheetsChanged={refreshSheets} />
      </div>
      <div className={tab === "cge" ? s.tab : s.hidden} hidden={tab !== "cge"} data-testid="panel-cge">
        <CgePanel detected={detected} sheets={sheets} onSheetsChanged={refreshSheets} />
      </div>

      <Divider />
      <Subtitle2 as="h2">{t("functionErrors.heading")}</Subtitle2>
      <FunctionErrors />
    </main>
  );
}
