// One demand-share analysis end to end: the sheets -> every scenario -> the output change against
// the base -> its ripple effect in the IO model -> Monte Carlo and the tornado of the KPI.
// The IO effect (unitEffect.ts) and the Monte Carlo (marketDraws.ts) are in their own modules,
// re-exported here so the analysis keeps one entry point.

import { type Bilingual, RippleError, type RippleWarning } from "../errors";
import type { Grid } from "../grid";
import type { IOModel } from "../model/iomodel";
import type { Parameter } from "../params/defaults";
import { NDFEB_TYPES, rampShare, supportedCapacity } from "../projects/evaluate";
import type { Project } from "../projects/parse";
import { type MarketInputs, type MarketResult, outputChange, runMarket, type Scenario } from "./model";
import { tornado, type TornadoBar } from "./montecarlo";
import { marketInputsFromRecord, modelYears, readMarketSheets, SETTINGS, SHEET_PARAMETERS, type MarketSheets } from "./sheet";
import { sum } from "../numeric";
import { marketMonteCarlo, type MarketMonteCarlo } from "./marketDraws";
import { scaleEffects, unitEffectOf, type EffectTotals, type UnitEffect } from "./unitEffect";

export { type MarketDrawSetup, marketDraws, marketMonteCarlo, type MarketMonteCarlo } from "./marketDraws";
export {
  EFFECT_MEASURES,
  EFFECT_STAGES,
  type EffectMeasure,
  type EffectStage,
  type EffectTotals,
  scaleEffects,
  tableUnitsPerMillionYen,
  type UnitEffect,
  unitEffectOf,
} from "./unitEffect";

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
  /** Called with the run's inputs just before its Monte Carlo (only when there is one): a caller
   * can start work that needs them on another thread meanwhile (usecases/market.ts). */
  beforeMonteCarlo?: (market: Pick<MarketAnalysis, "inputs" | "sheets">) => void;
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
    args.beforeMonteCarlo?.({ inputs, sheets });
    mc = marketMonteCarlo(
      p,
      sheets.uncertain,
      { supported, baseScenario, mcScenario, unit, years },
      { draws, seed, signal: args.signal, onProgress: args.onProgress },
      kpi,
    );
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
