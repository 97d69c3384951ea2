// 需給モデル: insert the magnet demand-share input sheets (defaults with grades and sources),
// choose the scenario, Monte Carlo draws and seed and the sector magnet output enters, run, and
// see the KPI verdict (met or not, and why) here as well as in the new results sheets.

import * as React from "react";
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../engine/errors";
import { MARKET_SHEET_NAMES } from "../../engine/market/sheet";
import type { ModelOptions } from "../../engine/model/options";
import { PROJECT_SHEETS } from "../../report/projectLabels";
import { defaultPlans, insertMarketTemplate, readMarketScenarios, runMarket, type MarketRunOutcome, type ScenarioChoice } from "../marketFlow";
import type { DetectedTable } from "../runAnalysis";
import { defaultMagnetSector, sectorLabels } from "../sectors";
import { errorParts, useRun } from "../useRun";
import { FlowRun } from "./FlowRun";
import { PublicVersion } from "./PublicVersion";
import { ErrorBar } from "./RunPanel";
import { SheetSelect, preferSheet } from "./SheetSelect";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // minmax(0, …): a grid column may shrink below its input's default width (320 px panes).
  grid: { display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", alignItems: "end", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface MarketPanelProps {
  detected: DetectedTable | null;
  sheets: string[];
  modelOptions: ModelOptions | null;
  /** The analysis tab's 「合計が合わない表でも計算する」: every job runs on such a table only then,
   * as --allow-imbalance does for every command. */
  allowImbalance?: boolean;
  onSheetsChanged(): void;
}

export function MarketPanel(p: MarketPanelProps): React.ReactElement {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === "ja" ? "ja" : "en") as Lang;
  const s = useStyles();
  const table = p.detected?.table ?? null;
  const labels = React.useMemo(() => (table ? sectorLabels(table) : []), [table]);
  const defSector = React.useMemo(() => (table ? defaultMagnetSector(table) : null), [table]);

  const [paramsSheet, setParamsSheet] = React.useState("");
  const [scenarioSheet, setScenarioSheet] = React.useState("");
  const [projectSheet, setProjectSheet] = React.useState("");
  const [converterSheet, setConverterSheet] = React.useState("");
  // Included by default when the workbook has the plan sheets (marketFlow.defaultPlans), as the
  // 支援計画 tab and `ripple analyze --market` read them; the user's tick, once given, is kept.
  const [withPlans, setWithPlans] = React.useState(false);
  const plansTouched = React.useRef(false);
  React.useEffect(() => {
    if (!plansTouched.current) setWithPlans(defaultPlans(p.sheets) !== null);
  }, [p.sheets]);
  React.useEffect(() => {
    setParamsSheet((v) => preferSheet(v, p.sheets, MARKET_SHEET_NAMES.params));
    setScenarioSheet((v) => preferSheet(v, p.sheets, MARKET_SHEET_NAMES.scenarios));
    setProjectSheet((v) => preferSheet(v, p.sheets, PROJECT_SHEETS.projects));
    setConverterSheet((v) => preferSheet(v, p.sheets, PROJECT_SHEETS.converters));
  }, [p.sheets]);

  const [scenarios, setScenarios] = React.useState<ScenarioChoice[] | null>(null);
  const [uncertain, setUncertain] = React.useState(0);
  const [scenario, setScenario] = React.useState("");
  const [sheetError, setSheetError] = React.useState<unknown>(null);
  const [draws, setDraws] = React.useState("1000");
  const [seed, setSeed] = React.useState("1");
  const [sector, setSector] = React.useState("");
  // "" = the default rule (usecases/magnetSector.ts), applied to the table the model uses: with
  // the plans' 部門分割 that is the split magnet sector, which the table as read does not have.
  React.useEffect(() => setSector(""), [defSector]);

  // The scenarios follow the two sheets: read them whenever either changes.
  const readScenarios = React.useCallback(async (ps: string, ss: string) => {
    setScenarios(null);
    setSheetError(null);
    if (!ps || !ss) return;
    try {
      const r = await readMarketScenarios(ps, ss);
      setScenarios(r.scenarios);
      setUncertain(r.uncertain);
      setScenario((v) => (r.scenarios.some((x) => x.name === v) ? v : ""));
    } catch (err) {
      console.error(err);
      setSheetError(err);
    }
  }, []);
  React.useEffect(() => void readScenarios(paramsSheet, scenarioSheet), [paramsSheet, scenarioSheet, readScenarios]);

  const insert = useRun();
  const [inserted, setInserted] = React.useState<string[] | null>(null);
  const run = useRun();
  const [outcome, setOutcome] = React.useState<MarketRunOutcome | null>(null);

  const onInsert = async () => {
    setInserted(null);
    const out = await insert.start((control) => insertMarketTemplate(lang, control));
    if (!out) return;
    setInserted(out.sheets);
    setParamsSheet(out.params);
    setScenarioSheet(out.scenarios);
    p.onSheetsChanged();
  };

  const drawsN = Number(draws.trim().replace(/,/g, ""));
  const drawsOk = draws.trim() !== "" && Number.isInteger(drawsN) && drawsN >= 0;
  const onRun = async () => {
    if (!p.modelOptions) return;
    setOutcome(null);
    const out = await run.start((control) =>
      runMarket(
        {
          detected: p.detected,
          paramsSheet,
          scenarioSheet,
          scenario: scenario || null,
          draws: drawsN,
          seed,
          magnetSector: sector === "" ? null : Number(sector),
          plans: withPlans && projectSheet && converterSheet ? { projectSheet, converterSheet } : null,
          modelOptions: p.modelOptions!,
          allowImbalance: p.allowImbalance,
          lang,
        },
        control,
      ),
    );
    if (!out) return;
    setOutcome(out);
    p.onSheetsChanged();
  };

  const v = outcome?.verdict ?? null;
  const blocked = !p.modelOptions ? t("flows.fixOptions") : !paramsSheet || !scenarioSheet ? t("market.chooseSheets") : !drawsOk ? t("market.badDraws") : null;

  return (
    <section aria-label={t("market.heading")} className={s.col}>
      <Text size={200} className={s.hint}>{t("market.intro")}</Text>
      <FlowRun id="market-template" runLabel={t("flows.insertTemplate")} canRun state={insert} written={inserted} onRun={() => void onInsert()}>
        <div>{t("market.templateNext")}</div>
      </FlowRun>

      <SheetSelect label={t("market.paramsSheet")} value={paramsSheet} sheets={p.sheets} testId="market-params-sheet" onChange={setParamsSheet} />
      <SheetSelect label={t("market.scenarioSheet")} value={scenarioSheet} sheets={p.sheets} testId="market-scenario-sheet" onChange={setScenarioSheet} />
      <div>
        <Button size="small" data-testid="market-reread" disabled={!paramsSheet || !scenarioSheet} onClick={() => void readScenarios(paramsSheet, scenarioSheet)}>
          {t("market.reread")}
        </Button>
      </div>
      {sheetError !== null && (
        <ErrorBar {...errorParts(sheetError, lang, (message) => t("errors.unexpected", { message }))} onDismiss={() => setSheetError(null)} />
      )}
      <Field label={t("market.scenario")}>
        <Select data-testid="market-scenario" value={scenario} onChange={(_, d) => setScenario(d.value)} disabled={!scenarios}>
          <option value="">{t("market.allScenarios")}</option>
          {(scenarios ?? []).slice(1).map((x) => (
            <option key={x.name} value={x.name}>
              {x.label[lang]} ({x.name})
            </option>
          ))}
        </Select>
      </Field>
      <div className={s.grid}>
        <Field label={t("market.draws")} validationState={drawsOk ? "none" : "error"} validationMessage={drawsOk ? undefined : t("market.badDraws")}>
          <Input data-testid="market-draws" value={draws} onChange={(_, d) => setDraws(d.value)} />
        </Field>
        <Field label={t("market.seed")}>
          <Input data-testid="market-seed" value={seed} onChange={(_, d) => setSeed(d.value)} />
        </Field>
      </div>
      {scenarios && <Text size={200} className={s.hint}>{t("market.uncertain", { n: uncertain })}</Text>}
      <Field label={t("market.sector")} hint={table ? (defSector ? defSector.reason[lang] : t("market.noDefaultSector")) : t("market.noTable")}>
        <Select data-testid="market-sector" value={sector} onChange={(_, d) => setSector(d.value)} disabled={!table}>
          <option value="">{defSector ? t("market.defaultSector") : t("flows.chooseSector")}</option>
          {labels.map((l, i) => (
            <option key={l} value={String(i)}>
              {l}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox label={t("market.withPlans")} checked={withPlans} disabled={!table} onChange={(_, d) => {
          plansTouched.current = true;
          setWithPlans(!!d.checked);
        }} />
      {withPlans && (
        <>
          <SheetSelect label={t("projects.projectSheet")} value={projectSheet} sheets={p.sheets} testId="market-project-sheet" onChange={setProjectSheet} />
          <SheetSelect label={t("projects.converterSheet")} value={converterSheet} sheets={p.sheets} testId="market-converter-sheet" onChange={setConverterSheet} />
        </>
      )}
      <Text size={200} className={s.hint}>{t("flows.optionsFromAnalysis")}</Text>
      <FlowRun id="market" runLabel={t("market.run")} canRun={!blocked && (!!table ? sector !== "" || !!defSector || withPlans : true)} blockedBy={blocked} state={run} written={outcome?.sheets ?? null} onRun={() => void onRun()} />
      {v && !run.running && (
        <MessageBar intent={v.pass ? "success" : "warning"} layout="multiline" data-testid="kpi-verdict">
          <MessageBarBody>
            <MessageBarTitle>{v.headline[lang]}</MessageBarTitle>
            {v.why[lang]}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.recordSkipped && !run.running && (
        <Text block size={200} data-testid="market-record-skipped" role="status">
          {outcome.recordSkipped[lang]}
        </Text>
      )}
      {outcome?.publicSpec && !run.running && <PublicVersion id="market" spec={outcome.publicSpec} base={t("publicVersion.marketBase")} />}
    </section>
  );
}
