// One demand-share analysis end to end: the sheets -> every scenario -> the output change against
// the base -> its ripple effect in the IO model -> Monte Carlo and the tornado of the KPI.
// The IO effect of a production increase is linear in the increase, so the effect of one 百万円 of
// magnet output is solved ONCE and scaled: 10,000 draws never touch the factorization again.

import { type Bilingual, RippleError, type RippleWarning } from "../errors";
import type { Grid } from "../grid";
import { impactOfOutput } from "../model/impact";
import type { IOModel } from "../model/iomodel";
import type { Parameter } from "../params/defaults";
import { NDFEB_TYPES, rampShare, supportedCapacity } from "../projects/evaluate";
import type { Project } from "../projects/parse";
import { type MarketInputs, type MarketResult, newYearFlows, outputChange, runMarket, runMarketInto, type Scenario, shockSchedule, type ShockSchedule, validateInputs } from "./model";
import { refillMarketInputs } from "./defaults";
import { intensityKey, sameShape, shapeOf, type Shape } from "./drawShape";
import { type ColumnModel, monteCarloColumns, type MonteCarloOptions, type Percentiles, summarize, tornado, type TornadoBar, type UncertainParameter } from "./montecarlo";
import { marketInputsFromRecord, modelYears, readMarketSheets, SETTINGS, SHEET_PARAMETERS, type MarketSheets } from "./sheet";
import { sum } from "../numeric";

export type EffectStage = "direct" | "firstIndirect" | "secondIndirect" | "total";
export type EffectMeasure = "output" | "valueAdded" | "compensation" | "employment";
export const EFFECT_STAGES: EffectStage[] = ["direct", "firstIndirect", "secondIndirect", "total"];
export const EFFECT_MEASURES: EffectMeasure[] = ["output", "valueAdded", "compensation", "employment"];

/** Totals over sectors by stage and measure; employment null when the table has none. */
export type EffectTotals = Record<EffectStage, Record<EffectMeasure, number | null>>;

export interface UnitEffect {
  /** Sector index and label the magnet output enters. */
  sector: number;
  sectorLabel: string;
  /** Table units per 百万円 (1 for tables in 百万円). */
  tableUnitsPerMillionYen: number;
  unit: string;
  /** Effects of 1 百万円 of additional magnet output, in table units (employment: persons). */
  perMillionYen: EffectTotals;
}

export interface ScenarioRun {
  scenario: Scenario;
  result: MarketResult;
  /** Change of output of plants in Japan against the base, t and 百万円, per year. */
  change: { tonnes: number[]; millionYen: number[] };
  /** IO effects per year (null without an IO model). */
  effects: EffectTotals[] | null;
  cumulative: { shortfall: number; tonnes: number; millionYen: number; effects: EffectTotals | null };
}

export interface SupportedPlan {
  id: string;
  company: string;
  confidential: boolean;
  capacity: number;
  startYear: number;
  rampYears: number;
  /** t/yr online per model year. */
  online: number[];
}

export interface MarketKpi {
  year: number;
  target: number;
  /** Domestic capacity / domestic demand in the KPI year. */
  value: number;
  pass: boolean;
  capacity: number;
  baseCapacity: number;
  supported: number;
  demand: number;
}

export interface MarketMonteCarlo {
  draws: number;
  seed: string;
  /** The scenario whose shortfall and effects are drawn (the KPI does not depend on it). */
  scenario: string;
  uncertain: UncertainParameter[];
  byYear: { year: number; kpi: Percentiles; demand: Percentiles; shortfall: Percentiles; outputChange: Percentiles }[];
  /** Cumulative over the model years: output change (百万円) and total effects (table units). */
  cumulative: Record<"outputChange" | EffectMeasure, Percentiles | null>;
  /** P(KPI ≥ target) in the KPI year. */
  passProbability: number;
  milliseconds: number;
}

export interface MarketAnalysis {
  years: number[];
  sheets: MarketSheets;
  inputs: MarketInputs;
  plans: SupportedPlan[];
  runs: ScenarioRun[];
  kpi: MarketKpi;
  unitEffect: UnitEffect | null;
  monteCarlo: MarketMonteCarlo | null;
  tornado: { output: "kpi"; year: number; base: number; bars: TornadoBar[]; noEffect: string[] } | null;
  warnings: RippleWarning[];
}

export interface MarketAnalysisArgs {
  paramsGrid: Grid;
  scenariosGrid: Grid;
  /** The defaults file, so values the user changed are marked as entered by the user. */
  defaults?: Parameter[];
  projects?: Project[];
  model?: IOModel;
  /** Index of the sector magnet output enters; required with a model. */
  magnetSector?: number;
  /** Monte Carlo draws (0 or absent: none; needs parameters marked with a distribution). */
  draws?: number;
  seed?: string | number;
  /** Run only the base and this scenario (and draw it in the Monte Carlo). */
  scenario?: string;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

const TABLE_UNITS: Record<string, number> = { 百万円: 1, "million yen": 1, 千円: 1000, "thousand yen": 1000, 億円: 0.01, 十億円: 0.001, 円: 1e6, yen: 1e6 };

/** Table units per 百万円; null when the table states a unit we cannot convert. */
export function tableUnitsPerMillionYen(unit: string | null): number | null {
  if (!unit) return null;
  return TABLE_UNITS[unit.trim().toLowerCase()] ?? TABLE_UNITS[unit.trim()] ?? null;
}


function scaleEffects(unit: EffectTotals, x: number): EffectTotals {
  const out = {} as EffectTotals;
  for (const s of EFFECT_STAGES) {
    out[s] = {} as Record<EffectMeasure, number | null>;
    for (const m of EFFECT_MEASURES) {
      const v = unit[s][m];
      out[s][m] = v === null ? null : v * x;
    }
  }
  return out;
}

/** The effect of 1 百万円 of magnet output: ONE impactOfOutput, reused for every scenario and draw. */
export function unitEffectOf(model: IOModel, sector: number): { unit: UnitEffect; warning: RippleWarning | null } {
  if (!Number.isInteger(sector) || sector < 0 || sector >= model.n)
    throw new RippleError("market-sector", { ja: `磁石の部門番号 ${sector} は表にありません`, en: `magnet sector index ${sector} is not in the table` });
  const known = tableUnitsPerMillionYen(model.table.unit);
  const factor = known ?? 1;
  const warning: RippleWarning | null =
    known === null
      ? {
          code: "market-table-unit",
          text: {
            ja: `表の単位（${model.table.unit ?? "記載なし"}）を百万円とみなして磁石の生産額を入れました。表の単位が違う場合は効果の桁が変わります`,
            en: `the table's unit (${model.table.unit ?? "not stated"}) was taken as million yen for the magnet output; if it differs, the effects scale accordingly`,
          },
        }
      : null;
  const dx = new Array<number>(model.n).fill(0);
  dx[sector] = factor;
  const imp = impactOfOutput(model, dx);
  const totals = {} as EffectTotals;
  for (const s of EFFECT_STAGES) {
    const st = imp[s];
    totals[s] = {
      output: sum(st.output),
      valueAdded: sum(st.valueAdded),
      compensation: sum(st.compensation),
      employment: st.employment ? sum(st.employment) : null,
    };
  }
  return {
    unit: { sector, sectorLabel: model.sectors[sector], tableUnitsPerMillionYen: factor, unit: model.table.unit ?? "百万円", perMillionYen: totals },
    warning,
  };
}

/** Capacity online per year of the supported NdFeB plans (cancelled plans excluded). */
export function supportedByYear(projects: Project[], years: number[]): { total: number[]; plans: SupportedPlan[] } {
  const plans = projects
    .filter((p) => NDFEB_TYPES.has(p.magnetType) && p.status !== "cancelled")
    .map((p) => ({
      id: p.id,
      company: p.company,
      confidential: p.confidential,
      capacity: p.capacity,
      startYear: p.startYear,
      rampYears: p.rampYears,
      online: years.map((y) => p.capacity * rampShare(p, y)),
    }));
  return { total: years.map((y) => supportedCapacity(projects, y, NDFEB_TYPES)), plans };
}

function kpiOf(inputs: MarketInputs, base: MarketResult, p: Record<string, number>): MarketKpi {
  const year = Math.round(p.kpiYear);
  const k = inputs.years.indexOf(year);
  if (k < 0)
    throw new RippleError("market-kpi-year", { ja: `KPIの評価年 ${year} が分析期間にありません`, en: `the KPI year ${year} is outside the model years` });
  const y = base.years[k];
  return {
    year,
    target: p.kpiTarget,
    value: y.kpi,
    pass: y.kpi >= p.kpiTarget,
    capacity: y.capacity,
    baseCapacity: inputs.baseCapacity,
    supported: inputs.supportedCapacity[k],
    demand: y.demand,
  };
}

function runScenario(inputs: MarketInputs, scenario: Scenario, base: MarketResult, unit: UnitEffect | null): ScenarioRun {
  const result = scenario.shocks.length === 0 && scenario.name === base.scenario ? base : runMarket(inputs, scenario);
  const change = outputChange(inputs, result, base);
  const effects = unit ? change.millionYen.map((x) => scaleEffects(unit.perMillionYen, x)) : null;
  const cumMillionYen = sum(change.millionYen);
  return {
    scenario,
    result,
    change,
    effects,
    cumulative: {
      shortfall: sum(result.years.map((y) => y.shortfall)),
      tonnes: sum(change.tonnes),
      millionYen: cumMillionYen,
      effects: unit ? scaleEffects(unit.perMillionYen, cumMillionYen) : null,
    },
  };
}

/** What a market draw needs besides the parameters: fixed for the whole Monte Carlo. */
export interface MarketDrawSetup {
  supported: number[];
  baseScenario: Scenario;
  mcScenario: Scenario;
  unit: UnitEffect | null;
  years: number[];
}

/**
 * The market Monte Carlo: per draw, the inputs from the drawn parameters (validated once), the
 * base and the drawn scenario, and per year the KPI, demand, shortfall and output change (百万円);
 * the cumulative change and its IO effects (the unit effect, solved once, scaled). Outputs are
 * written by index into columns (monteCarloColumns), so a draw allocates only the model's own
 * results. Returns each output's draws and percentiles under the names the report reads
 * ("kpi:k", "demand:k", "shortfall:k", "change:k", "cumChange", "effect:measure").
 */
export function marketDraws(
  p: Record<string, number>,
  uncertain: UncertainParameter[],
  setup: MarketDrawSetup,
  opts: MonteCarloOptions,
): { draws: Record<string, Float64Array>; percentiles: Record<string, Percentiles> } {
  const { supported, baseScenario, mcScenario, unit, years } = setup;
  const nY = years.length;
  const outputs: string[] = [];
  for (let k = 0; k < nY; k++) outputs.push(`kpi:${k}`, `demand:${k}`, `shortfall:${k}`, `change:${k}`);
  outputs.push("cumChange");
  const effects = unit ? EFFECT_MEASURES.filter((meas) => unit.perMillionYen.total[meas] !== null) : [];
  const perUnit = effects.map((meas) => unit!.perMillionYen.total[meas] as number);
  for (const meas of effects) outputs.push(`effect:${meas}`);
  // The shock schedules depend on the years and origins only: made once, again only if a draw
  // changes them (the last model year drawn).
  let shape: Shape = { firstYear: NaN, origins: [] };
  let schedules: { base: ShockSchedule; drawn: ShockSchedule } | null = null;
  const flows = newYearFlows(1);
  const baseRun = new Float64Array(4 * nY);
  const drawnRun = new Float64Array(4 * nY);
  let m: MarketInputs | null = null;
  let lastYear = NaN;
  const model: ColumnModel = {
    outputs,
    run(q, out) {
      // One inputs record refilled in place while the model years stay those of the first draw;
      // a draw that changes them gets a new record (and the check below refuses it).
      if (!m || Math.round(q.lastYear) !== lastYear) {
        m = marketInputsFromRecord(q, supported);
        lastYear = Math.round(q.lastYear);
      } else refillMarketInputs(m, q, (app) => q[intensityKey(app)]);
      validateInputs(m);
      if (m.years.length !== nY)
        throw new RippleError("market-mc-years", { ja: "モンテカルロの試行で分析期間が変わりました（最終年を不確実にしないでください）", en: "a Monte Carlo draw changed the model years (do not mark the last year as uncertain)" });
      if (!schedules || !sameShape(shape, m)) {
        shape = shapeOf(m);
        schedules = { base: shockSchedule(m, baseScenario), drawn: shockSchedule(m, mcScenario) };
      }
      if (flows.importsByOrigin.length !== m.origins.length) flows.importsByOrigin = new Array<number>(m.origins.length).fill(0);
      runMarketInto(m, schedules.base, flows, baseRun);
      if (mcScenario !== baseScenario) runMarketInto(m, schedules.drawn, flows, drawnRun);
      const drawn = mcScenario === baseScenario ? baseRun : drawnRun;
      // As outputChange: (t × 円/kg) / 1000 = 百万円, summed in year order.
      let cum = 0;
      for (let k = 0; k < nY; k++) {
        const change = ((drawn[4 * k + 3] - baseRun[4 * k + 3]) * m.unitValue) / 1000;
        out[4 * k] = baseRun[4 * k];
        out[4 * k + 1] = baseRun[4 * k + 1];
        out[4 * k + 2] = drawn[4 * k + 2];
        out[4 * k + 3] = change;
        cum += change;
      }
      out[4 * nY] = cum;
      for (let e = 0; e < perUnit.length; e++) out[4 * nY + 1 + e] = perUnit[e] * cum;
    },
  };
  const { columns } = monteCarloColumns(p, uncertain, model, opts);
  const draws: Record<string, Float64Array> = {};
  const percentiles: Record<string, Percentiles> = {};
  outputs.forEach((name, j) => {
    draws[name] = columns[j];
    percentiles[name] = summarize(columns[j]);
  });
  return { draws, percentiles };
}

export function runMarketAnalysis(args: MarketAnalysisArgs): MarketAnalysis {
  const sheets = readMarketSheets(args.paramsGrid, args.scenariosGrid, args.defaults);
  return runMarketOnSheets(sheets, args);
}

/** As runMarketAnalysis, on sheets already read. */
export function runMarketOnSheets(sheets: MarketSheets, args: Omit<MarketAnalysisArgs, "paramsGrid" | "scenariosGrid" | "defaults">): MarketAnalysis {
  const warnings: RippleWarning[] = [];
  const p = sheets.params;
  const years = modelYears(p);
  const { total: supported, plans } = supportedByYear(args.projects ?? [], years);
  const inputs = marketInputsFromRecord(p, supported);

  let unit: UnitEffect | null = null;
  if (args.model) {
    if (args.magnetSector === undefined)
      throw new RippleError("market-sector", { ja: "磁石の生産が入る部門を指定してください", en: "name the sector that magnet output enters" });
    const u = unitEffectOf(args.model, args.magnetSector);
    unit = u.unit;
    if (u.warning) warnings.push(u.warning);
  }

  let scenarios = sheets.scenarios;
  if (args.scenario !== undefined) {
    const chosen = scenarios.find((s) => s.name === args.scenario) ?? scenarios.find((s) => s.name.toLowerCase() === args.scenario!.toLowerCase());
    if (!chosen)
      throw new RippleError("market-scenario-unknown", {
        ja: `シナリオ「${args.scenario}」はシナリオシートにありません（あるもの: ${scenarios.map((s) => s.name).join(", ")}）`,
        en: `scenario '${args.scenario}' is not on the scenario sheet (there are: ${scenarios.map((s) => s.name).join(", ")})`,
      });
    scenarios = chosen === scenarios[0] ? [scenarios[0]] : [scenarios[0], chosen];
  }
  const baseScenario = scenarios[0];
  const base = runMarket(inputs, baseScenario);
  const runs = scenarios.map((s) => runScenario(inputs, s, base, unit));
  const kpi = kpiOf(inputs, base, p);

  // Monte Carlo: the marked parameters, the chosen (else the last) scenario against the base.
  let mc: MarketMonteCarlo | null = null;
  const draws = args.draws ?? 0;
  if (draws > 0) {
    if (sheets.uncertain.length === 0)
      throw new RippleError("market-no-uncertain", {
        ja: "モンテカルロには、パラメータシートの「分布」列で不確実なパラメータを1つ以上指定してください",
        en: "for Monte Carlo, mark at least one parameter with a distribution in the parameter sheet's Distribution column",
      });
    const mcScenario = runs[runs.length - 1].scenario;
    const seed = String(args.seed ?? 1);
    const kYear = years.indexOf(kpi.year);
    const t0 = performance.now();
    const r = marketDraws(p, sheets.uncertain, { supported, baseScenario, mcScenario, unit, years }, { draws, seed, signal: args.signal, onProgress: args.onProgress });
    const ms = performance.now() - t0;
    const kpiDraws = r.draws[`kpi:${kYear}`];
    let passing = 0;
    for (let i = 0; i < kpiDraws.length; i++) if (kpiDraws[i] >= kpi.target) passing++;
    mc = {
      draws,
      seed,
      scenario: mcScenario.name,
      uncertain: sheets.uncertain,
      byYear: years.map((year, k) => ({
        year,
        kpi: r.percentiles[`kpi:${k}`],
        demand: r.percentiles[`demand:${k}`],
        shortfall: r.percentiles[`shortfall:${k}`],
        outputChange: r.percentiles[`change:${k}`],
      })),
      cumulative: {
        outputChange: r.percentiles.cumChange,
        output: r.percentiles["effect:output"] ?? null,
        valueAdded: r.percentiles["effect:valueAdded"] ?? null,
        compensation: r.percentiles["effect:compensation"] ?? null,
        employment: r.percentiles["effect:employment"] ?? null,
      },
      passProbability: passing / kpiDraws.length,
      milliseconds: ms,
    };
  }

  // Tornado of the KPI over every parameter with a low and a high value.
  const ranges = SHEET_PARAMETERS.filter((q) => !q.displayOnly && !SETTINGS.has(q.key))
    .map((q) => ({ key: q.key, s: sheets.sources[q.key] }))
    .filter((x) => x.s && x.s.low !== null && x.s.high !== null)
    .map((x) => ({ key: x.key, low: x.s.low as number, high: x.s.high as number }));
  let tor: MarketAnalysis["tornado"] = null;
  if (ranges.length) {
    const kYear = years.indexOf(kpi.year);
    const t = tornado(p, ranges, (q) => runMarket(marketInputsFromRecord(q, supported), baseScenario).years[kYear].kpi);
    tor = { output: "kpi", year: kpi.year, base: t.base, bars: t.bars.filter((b) => b.swing > 1e-12), noEffect: t.bars.filter((b) => b.swing <= 1e-12).map((b) => b.key) };
  }

  return { years, sheets, inputs, plans, runs, kpi, unitEffect: unit, monteCarlo: mc, tornado: tor, warnings };
}

/** Label of a parameter key (for reports and messages). */
export function parameterLabel(key: string): Bilingual {
  return SHEET_PARAMETERS.find((p) => p.key === key)?.label ?? { ja: key, en: key };
}

