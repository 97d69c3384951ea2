// The 需給モデル (magnet demand-share model) flow of the pane without React: insert the three
// input sheets (parameters with defaults, grades and sources; scenarios; demand drivers) as NEW
// sheets, read the scenario names back, and run the model linked to the confirmed IO table
// (the effect of the magnet output change), with Monte Carlo, into new results sheets. The same
// engine and report as `ripple analyze --market`.

import { cancelledError, RippleError, RippleErrorList, type Bilingual, type Lang } from "../engine/errors";
import type { Grid } from "../engine/grid";
import { defaultScenarios } from "../engine/market/defaults";
import { runMarketOnSheets, type MarketAnalysis } from "../engine/market/run";
import { marketTemplate, readMarketSheets } from "../engine/market/sheet";
import { IOModel } from "../engine/model";
import type { ModelOptions } from "../engine/model/options";
import { parseProjects, readConverters, type Project } from "../engine/projects/parse";
import type { ReportInput } from "../report/analysisReport";
import { checksum } from "../report/checksum";
import { marketDeliverables } from "../report/deliverable";
import type { WorkbookSpec } from "../report/spec";
import * as gateway from "../workbook/office/gateway";
import { DEFAULTS_FILE, defaultParameters } from "./defaultParameters";
import { MARKET_SPAN, stepper, type RunControl } from "./progress";
import { gridRangeAddress, VERSION, type DetectedTable } from "./runAnalysis";
import { defaultMagnetSector } from "./sectors";
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
  /** Sector index magnet output enters; null: the default (defaultMagnetSector). */
  magnetSector: number | null;
  /** Supported plans from a project sheet (capacity online by year), with its converter sheet. */
  plans?: { projectSheet: string; converterSheet: string } | null;
  modelOptions: ModelOptions;
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
  sheets: string[];
  /** The public version (公開版) when supported plans were included: written only on request,
   * as a separate file (never into this workbook). */
  publicSpec: WorkbookSpec | null;
  verdict: KpiVerdict;
  magnetSector: { index: number; label: string; reason: Bilingual } | null;
}

export const MAX_DRAWS = 100_000;

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

function inputOf(g: Grid, what: string): ReportInput {
  return { description: what, sheet: g.sheet, range: gridRangeAddress(g), checksum: checksum(g) };
}

function plansOf(projectGrid: Grid, converterGrid: Grid, d: DetectedTable): Project[] {
  if (!d.table) throw d.tableError;
  const conv = readConverters(converterGrid, d.table);
  const problems: RippleError[] = [...conv.problems];
  let projects: Project[] = [];
  try {
    projects = parseProjects(projectGrid, { table: d.table, converters: conv.converters });
  } catch (e) {
    if (e instanceof RippleErrorList) problems.push(...e.problems);
    else throw e;
  }
  if (problems.length) throw new RippleErrorList("projects-invalid", problems);
  return projects;
}

/** The sheets a market run reads, read by the pane (Excel) before the job starts. */
export interface MarketGrids {
  params: Grid;
  scenarios: Grid;
  plans: { project: Grid; converter: Grid } | null;
}

/** A market run without the workbook: the grids already read; what runs in the compute worker. */
export type MarketComputeInput = Omit<MarketRunInput, "paramsSheet" | "scenarioSheet" | "plans"> & { grids: MarketGrids };

export interface MarketComputed {
  analysis: MarketAnalysis;
  spec: WorkbookSpec;
  publicSpec: WorkbookSpec | null;
  verdict: KpiVerdict;
  magnetSector: MarketRunOutcome["magnetSector"];
}

function checkDraws(draws: number): void {
  if (!(Number.isInteger(draws) && draws >= 0 && draws <= MAX_DRAWS))
    throw new RippleError("market-draws", {
      ja: `モンテカルロの回数は 0〜${MAX_DRAWS.toLocaleString("en-US")} の整数にしてください（0 は行わない）`,
      en: `Monte Carlo draws must be a whole number from 0 to ${MAX_DRAWS.toLocaleString("en-US")} (0: none)`,
    });
}

/** Read the market run's sheets (parameters, scenarios, and the plans when included). */
async function readMarketGrids(input: MarketRunInput): Promise<MarketGrids> {
  const params = await gateway.readUsedRange(input.paramsSheet);
  const scenarios = await gateway.readUsedRange(input.scenarioSheet);
  if (!input.plans) return { params, scenarios, plans: null };
  if (!input.detected)
    throw new RippleError("market-plans-need-table", { ja: "支援計画を含めるには、先に産業連関表を読み込んでください", en: "Read the input-output table first to include the supported plans" });
  const project = await gateway.readUsedRange(input.plans.projectSheet);
  const converter = await gateway.readUsedRange(input.plans.converterSheet);
  return { params, scenarios, plans: { project, converter } };
}

/** Everything of a market run between reading and writing: the model, the market model with
 * its Monte Carlo, and the report; no workbook access, so it runs in the compute worker. */
export async function computeMarket(input: MarketComputeInput, control: RunControl = {}): Promise<MarketComputed> {
  const { report, check, within } = stepper(control, MARKET_SPAN);
  const { lang, grids } = input;
  const d = input.detected;
  checkDraws(input.draws);
  if (d?.tableError) throw d.tableError;
  const sheets = readMarketSheets(grids.params, grids.scenarios, defaultParameters());
  const inputs: ReportInput[] = [
    inputOf(grids.params, lang === "ja" ? "磁石パラメータ" : "magnet parameters"),
    inputOf(grids.scenarios, lang === "ja" ? "磁石シナリオ" : "magnet scenarios"),
  ];
  let projects: Project[] | undefined;
  let projectsSource: string | undefined;
  if (grids.plans) {
    if (!d) throw new RippleError("market-plans-need-table", { ja: "支援計画を含めるには、先に産業連関表を読み込んでください", en: "Read the input-output table first to include the supported plans" });
    projects = plansOf(grids.plans.project, grids.plans.converter, d);
    projectsSource = `[${grids.plans.project.sheet}]`;
    inputs.push(inputOf(grids.plans.project, lang === "ja" ? "事業計画" : "projects"));
  }
  check();

  let model: IOModel | undefined;
  let sector: MarketRunOutcome["magnetSector"] = null;
  if (d?.table) {
    const table = d.table;
    inputs.push(inputOf(d.grid, lang === "ja" ? "産業連関表" : "input-output table"));
    const def = defaultMagnetSector(table);
    const index = input.magnetSector ?? def?.index ?? null;
    if (index === null || index < 0 || index >= table.sectors.length)
      throw new RippleError("magnet-sector-missing", {
        ja: "磁石の生産を入れる部門が見つかりません（「磁石」も「製造業」もありません）。部門を選んでください",
        en: "No sector for magnet output was found (neither 'magnet' nor 'manufacturing'); choose one",
      });
    const reason: Bilingual =
      def && def.index === index ? def.reason : { ja: "タスクペインで利用者が指定", en: "chosen by the user in the task pane" };
    sector = { index, label: table.sectors[index].label, reason };
    report("build", 0);
    model = await IOModel.buildAsync(table, input.modelOptions, { signal: control.signal, onProgress: within("build") });
    check();
  }

  // The market model and its Monte Carlo: the stage the pane names "simulate", with the draws.
  report("simulate", 0);
  const analysis = runMarketOnSheets(sheets, {
    projects,
    model,
    magnetSector: sector?.index,
    draws: input.draws,
    seed: input.seed.trim() || "1",
    scenario: input.scenario ?? undefined,
    signal: control.signal,
    onProgress: within("simulate"),
  });
  check();
  report("report", 0);
  // The same deliverables as `ripple analyze --market`.
  const deliverables = marketDeliverables({
    analysis,
    lang,
    version: VERSION,
    now: input.now,
    inputs,
    magnetSectorNote: sector?.reason,
    projectsSource,
    tableName: d ? (d.layout.title ?? d.grid.sheet) : undefined,
    defaultsFile: `assets/data/magnet-market/${DEFAULTS_FILE}`,
    layout: d?.table ? d.layout : null,
  });
  check();
  report("report", 1);
  return { analysis, spec: deliverables.full, publicSpec: deliverables.public, verdict: kpiVerdict(analysis), magnetSector: sector };
}

/** Read the sheets, compute in the worker (中止 stops it there, before anything is written), and
 * write the results into new sheets. */
export async function runMarket(input: MarketRunInput, control: RunControl = {}): Promise<MarketRunOutcome> {
  const { report, within } = stepper(control, MARKET_SPAN);
  checkDraws(input.draws);
  if (input.detected?.tableError) throw input.detected.tableError;
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
    lang: input.lang,
    now: input.now,
  };
  const computed = await runJob("market", computeMarket, job, control);
  report("write", 0);
  const written = await gateway.writeReport(computed.spec, { signal: control.signal, onProgress: within("write") });
  report("write", 1);
  return { analysis: computed.analysis, sheets: written.sheets, publicSpec: computed.publicSpec, verdict: computed.verdict, magnetSector: computed.magnetSector };
}
