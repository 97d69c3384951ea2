// The 需給モデル (magnet demand-share model) flow of the pane without React: insert the three
// input sheets (parameters with defaults, grades and sources; scenarios; demand drivers) as NEW
// sheets, read the scenario names back, and run the model linked to the confirmed IO table
// (the effect of the magnet output change), with Monte Carlo, into new results sheets. The same
// engine and report as `ripple analyze --market`.

import { cancelledError, RippleError, type Bilingual, type Lang } from "../engine/errors";
import type { Grid } from "../engine/grid";
import { defaultScenarios } from "../engine/market/defaults";
import { type MarketAnalysis } from "../engine/market/run";
import { readMarketSheets } from "../engine/market/sheet";
import { marketTemplate } from "../report/marketTemplate";
import type { ModelOptions } from "../engine/model/options";
import { SECURITY_PARAMETER_SHEET } from "../engine/security";
import { PROJECT_SHEETS } from "../report/projectLabels";
import type { WorkbookSpec } from "../report/spec";
import type { NamedGrid } from "../usecases/analysis";
import { runMarketJob, type MarketJobInput } from "../usecases/market";
import { settingsFromModelOptions } from "../usecases/options";
import { securityParametersOf } from "../usecases/security";
import * as gateway from "../workbook/office/gateway";
import { DEFAULTS_FILE, defaultParameters } from "./defaultParameters";
import { MARKET_SPAN, stepper, type RunControl } from "./progress";
import { recordSkippedText } from "./recordSkipped";
import { VERSION, type DetectedTable } from "./runAnalysis";
import { runJob } from "./worker/client";

export interface InsertedMarketTemplate {
  sheets: string[];
  params: string;
  scenarios: string;
  drivers: string;
}

/** Write the parameter, scenario and driver sheets (defaults.csv values with their grades and
 * sources) into new sheets. */
export async function insertMarketTemplate(lang: Lang, control: RunControl = {}, now = new Date()): Promise<InsertedMarketTemplate> {
  const params = defaultParameters();
  const sheets = marketTemplate(params, defaultScenarios(params), lang);
  const spec: WorkbookSpec = {
    lang,
    sheets,
    provenance: { software: "Ripple", version: VERSION, createdAt: now.toISOString(), inputs: [], parameters: [], variants: [], warnings: [] },
  };
  const { within } = stepper(control);
  const written = await gateway.writeReport(spec, { signal: control.signal, onProgress: within("write") });
  const nameOf = (key: string) => written.sheets[sheets.findIndex((s) => s.key === key)];
  return { sheets: written.sheets, params: nameOf(sheets[0].key), scenarios: nameOf(sheets[1].key), drivers: nameOf(sheets[2].key) };
}

export interface ScenarioChoice {
  name: string;
  label: Bilingual;
}

/** The scenarios of the sheets (base first) and how many parameters are drawn in the Monte
 * Carlo; every problem of the two sheets at once (RippleErrorList). */
export async function readMarketScenarios(paramsSheet: string, scenarioSheet: string): Promise<{ scenarios: ScenarioChoice[]; uncertain: number }> {
  const [p, s] = [await gateway.readUsedRange(paramsSheet), await gateway.readUsedRange(scenarioSheet)];
  const sheets = readMarketSheets(p, s, defaultParameters());
  return { scenarios: sheets.scenarios.map((x) => ({ name: x.name, label: x.label })), uncertain: sheets.uncertain.length };
}

export interface MarketRunInput {
  /** The confirmed IO table; null runs the market model alone (no ripple effects). */
  detected: DetectedTable | null;
  paramsSheet: string;
  scenarioSheet: string;
  /** Run the base and this scenario only; null: every scenario. */
  scenario: string | null;
  /** Monte Carlo draws (0: none). */
  draws: number;
  seed: string;
  /** Sector index (in the table as read) magnet output enters; null: the default rule
   * (usecases/magnetSector.ts), applied to the table the model uses (with the split). */
  magnetSector: number | null;
  /** Supported plans from a project sheet (capacity online by year), with its converter sheet. */
  plans?: { projectSheet: string; converterSheet: string } | null;
  /** The model options the user set (paneOptions.changedModelOptions). */
  modelOptions: ModelOptions;
  /** Run on a table that does not add up (refused otherwise; every results sheet says so). */
  allowImbalance?: boolean;
  lang: Lang;
  now?: Date;
}

/** The KPI verdict for the pane: pass or fail and why, in both languages. */
export interface KpiVerdict {
  year: number;
  pass: boolean;
  value: number;
  target: number;
  /** "達成" / "PASS" line and the reason with the numbers. */
  headline: Bilingual;
  why: Bilingual;
  /** P(KPI ≥ target) over the Monte Carlo draws, when drawn. */
  passProbability: number | null;
}

export interface MarketRunOutcome {
  analysis: MarketAnalysis;
  /** The JSON `ripple analyze --market --json` writes for the same run. */
  json: object;
  sheets: string[];
  /** The public version (公開版) when supported plans were included: written only on request,
   * as a separate file (never into this workbook). */
  publicSpec: WorkbookSpec | null;
  verdict: KpiVerdict;
  magnetSector: { index: number; label: string; reason: Bilingual } | null;
  /** Why the run record (for 比較) was not stored in this workbook, when it was too large to
   * send to Excel (the results sheets are written all the same); null when it was stored. */
  recordSkipped: Bilingual | null;
}

/** As `ripple --draws` and the engine allow: the draws run in the compute worker, which keeps
 * only the percentiles (not the draws) in the result it posts back. */
export const MAX_DRAWS = 1_000_000;

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const tons = (v: number) => Math.round(v).toLocaleString("en-US");

export function kpiVerdict(a: MarketAnalysis): KpiVerdict {
  const k = a.kpi;
  const ratio = `${tons(k.capacity)} t/年 ÷ ${tons(k.demand)} t/年 = ${pct(k.value)}`;
  const ratioEn = `${tons(k.capacity)} t/yr ÷ ${tons(k.demand)} t/yr = ${pct(k.value)}`;
  const parts = `（基準年の能力 ${tons(k.baseCapacity)} t/年 + 支援計画 ${tons(k.supported)} t/年）`;
  const partsEn = ` (base capacity ${tons(k.baseCapacity)} t/yr + supported plans ${tons(k.supported)} t/yr)`;
  const mc = a.monteCarlo;
  const prob = mc
    ? { ja: `。モンテカルロ ${mc.draws.toLocaleString("en-US")} 回で達成する確率 ${pct(mc.passProbability)}`, en: `. Monte Carlo (${mc.draws.toLocaleString("en-US")} draws): probability of meeting it ${pct(mc.passProbability)}` }
    : { ja: "", en: "" };
  return {
    year: k.year,
    pass: k.pass,
    value: k.value,
    target: k.target,
    headline: {
      ja: `${k.year}年 KPI（国内生産能力／国内需要）: ${k.pass ? "達成" : "未達"}`,
      en: `${k.year} KPI (domestic capacity / domestic demand): ${k.pass ? "met" : "not met"}`,
    },
    why: {
      ja: `国内生産能力 ÷ 国内需要 = ${ratio}${parts}。目標 ${pct(k.target)} ${k.pass ? "以上" : "に届かない"}${prob.ja}`,
      en: `Domestic capacity ÷ domestic demand = ${ratioEn}${partsEn}; the target is ${pct(k.target)}, ${k.pass ? "reached" : "not reached"}${prob.en}`,
    },
    passProbability: mc ? mc.passProbability : null,
  };
}

/** Whether the supported plans are included by default: yes when the workbook has the project
 * and converter sheets of the template (事業計画, 投資転換表) — as `ripple analyze --market` and
 * the 支援計画 tab read them, so the 2030 KPI is the same number on every tab. */
export function defaultPlans(sheets: string[]): { projectSheet: string; converterSheet: string } | null {
  const find = (names: Bilingual) => sheets.find((s) => s === names.ja || s.toLowerCase() === names.en.toLowerCase());
  const projectSheet = find(PROJECT_SHEETS.projects);
  const converterSheet = find(PROJECT_SHEETS.converters);
  return projectSheet && converterSheet ? { projectSheet, converterSheet } : null;
}

/** The sheets a market run reads, read by the pane (Excel) before the job starts. */
export interface MarketGrids {
  params: NamedGrid;
  scenarios: NamedGrid;
  plans: MarketJobInput["plans"];
  securityParameters: Record<string, number> | undefined;
}

/** A market run without the workbook: the grids already read; what runs in the compute worker. */
export type MarketComputeInput = Omit<MarketRunInput, "paramsSheet" | "scenarioSheet" | "plans"> & { grids: MarketGrids };

export interface MarketComputed {
  analysis: MarketAnalysis;
  json: object;
  spec: WorkbookSpec;
  publicSpec: WorkbookSpec | null;
  verdict: KpiVerdict;
  magnetSector: MarketRunOutcome["magnetSector"];
}

function checkDraws(draws: number): void {
  if (!(Number.isInteger(draws) && draws >= 0 && draws <= MAX_DRAWS))
    throw new RippleError("market-draws", {
      ja: `モンテカルロの回数は 0〜${MAX_DRAWS.toLocaleString("en-US")} の整数にしてください（0 は行わない）`,
      en: `Monte Carlo draws must be a whole number from 0 to ${MAX_DRAWS.toLocaleString("en-US")} (0 is none)`,
    });
}

/** Read the market run's sheets (parameters, scenarios, and the plans with the sheets the
 * 支援計画 tab reads with them when included). */
async function readMarketGrids(input: MarketRunInput): Promise<MarketGrids> {
  const ja = input.lang === "ja";
  const read = async (sheet: string, description: string): Promise<NamedGrid> => ({ grid: await gateway.readUsedRange(sheet), description });
  const params = await read(input.paramsSheet, ja ? "磁石パラメータ" : "magnet parameters");
  const scenarios = await read(input.scenarioSheet, ja ? "磁石シナリオ" : "magnet scenarios");
  if (!input.plans) return { params, scenarios, plans: null, securityParameters: undefined };
  // The sheets the 支援計画 tab reads with the plans (split and parameters by their names).
  const names = (await gateway.listSheets()).map((x) => x.name);
  const byName = async (n: Bilingual): Promise<Grid | null> => {
    const found = names.find((s) => s === n.ja || s.toLowerCase() === n.en.toLowerCase());
    return found ? gateway.readUsedRange(found) : null;
  };
  const projects = await read(input.plans.projectSheet, ja ? "事業計画" : "projects");
  const plans = {
    projects,
    converters: await gateway.readUsedRange(input.plans.converterSheet),
    split: await byName(PROJECT_SHEETS.split),
    params: await byName(PROJECT_SHEETS.parameters),
    source: `[${projects.grid.sheet}]`,
  };
  const secSheet = await byName(SECURITY_PARAMETER_SHEET);
  return { params, scenarios, plans, securityParameters: secSheet ? securityParametersOf([secSheet]) : undefined };
}

/** Everything of a market run between reading and writing: the runner (model, market model with
 * its Monte Carlo, report); no workbook access, so it runs in the compute worker. */
export async function computeMarket(input: MarketComputeInput, control: RunControl = {}): Promise<MarketComputed> {
  const { report, check, within } = stepper(control, MARKET_SPAN);
  const { lang, grids } = input;
  const d = input.detected;
  checkDraws(input.draws);
  if (d?.tableError) throw d.tableError;
  // A sector the user chose in the drop-down (of the table as read) is passed by its label, so
  // it names the same sector in the table with the split.
  const magnetSector = d?.table && input.magnetSector !== null ? (d.table.sectors[input.magnetSector]?.label ?? null) : null;
  const job = await runMarketJob(
    {
      params: grids.params,
      scenarios: grids.scenarios,
      defaults: { parameters: defaultParameters(), file: `assets/data/magnet-market/${DEFAULTS_FILE}` },
      table: d?.table ? { grid: d.grid, layout: d.layout, built: d.table, description: lang === "ja" ? "産業連関表" : "input-output table" } : null,
      plans: grids.plans,
      securityParameters: grids.securityParameters,
      host: "addin",
      version: VERSION,
      now: input.now,
    },
    {
      model: settingsFromModelOptions(input.modelOptions),
      allowImbalance: !!input.allowImbalance,
      lang,
      scenario: input.scenario ?? undefined,
      draws: input.draws,
      seed: input.seed.trim() || "1",
      magnetSector,
    },
    {
      signal: control.signal,
      // The runner's "analyze" is the market model with its Monte Carlo: the stage the pane
      // names "simulate", counting the draws.
      stage: (stage) => {
        check();
        report(stage === "analyze" ? "simulate" : stage, 0);
      },
      build: () => ({ update: within("build"), stop: () => undefined }),
      analyzeProgress: within("simulate"),
    },
  );
  const deliverables = job.workbooks();
  check();
  return { analysis: job.analysis, json: job.json(), spec: deliverables.full, publicSpec: deliverables.public, verdict: kpiVerdict(job.analysis), magnetSector: job.magnetSector };
}

/** Read the sheets, compute in the worker (中止 stops it there, before anything is written), and
 * write the results into new sheets. */
export async function runMarket(input: MarketRunInput, control: RunControl = {}): Promise<MarketRunOutcome> {
  const { report, within } = stepper(control, MARKET_SPAN);
  checkDraws(input.draws);
  if (input.detected?.tableError) throw input.detected.tableError;
  if (input.plans && !input.detected)
    throw new RippleError("market-plans-need-table", { ja: "支援計画を含めるには、先に産業連関表を読み込んでください", en: "Read the input-output table first to include the supported plans" });
  report("read", 0);
  const grids = await readMarketGrids(input);
  if (control.signal?.aborted) throw cancelledError();
  const job: MarketComputeInput = {
    // The table's build error (if any) stopped the run above; the worker gets data only.
    detected: input.detected ? { ...input.detected, tableError: null } : null,
    grids,
    scenario: input.scenario,
    draws: input.draws,
    seed: input.seed,
    magnetSector: input.magnetSector,
    modelOptions: input.modelOptions,
    allowImbalance: input.allowImbalance,
    lang: input.lang,
    now: input.now,
  };
  const computed = await runJob("market", computeMarket, job, control);
  report("write", 0);
  const written = await gateway.writeReport(computed.spec, { signal: control.signal, onProgress: within("write") });
  report("write", 1);
  return {
    analysis: computed.analysis,
    json: computed.json,
    sheets: written.sheets,
    publicSpec: computed.publicSpec,
    verdict: computed.verdict,
    magnetSector: computed.magnetSector,
    recordSkipped: recordSkippedText(written.skippedXml, "ripple analyze --market"),
  };
}
