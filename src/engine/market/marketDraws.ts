// The market Monte Carlo: the marked parameters drawn, the base and one scenario run per draw into
// columns (marketDraws), and the percentiles and P(KPI ≥ target) the analysis reports
// (marketMonteCarlo).

import { RippleError } from "../errors";
import { newRefillMemo, refillMarketInputs } from "./defaults";
import { intensityKey, sameShape, shapeOf, type Shape } from "./drawShape";
import { type MarketInputs, newYearFlows, runMarketInto, runMarketPairInto, type Scenario, shockSchedule, type ShockSchedule, validateInputs } from "./model";
import { type ColumnModel, monteCarloColumns, type MonteCarloOptions, type Percentiles, summarize, type UncertainParameter } from "./montecarlo";
import { marketInputsFromRecord } from "./sheetLayout";
import { EFFECT_MEASURES, type EffectMeasure, type UnitEffect } from "./unitEffect";

/** The Monte Carlo part of a market analysis, as the report prints it. */
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
  let memo = newRefillMemo();
  let lastYear = NaN;
  const model: ColumnModel = {
    outputs,
    run(q, out) {
      // One inputs record refilled in place while the model years stay those of the first draw;
      // a draw that changes them gets a new record (and the check below refuses it).
      if (!m || Math.round(q.lastYear) !== lastYear) {
        m = marketInputsFromRecord(q, supported);
        memo = newRefillMemo();
        lastYear = Math.round(q.lastYear);
      } else refillMarketInputs(m, q, (app) => q[intensityKey(app)], memo);
      validateInputs(m);
      if (m.years.length !== nY)
        throw new RippleError("market-mc-years", { ja: "モンテカルロの試行で分析期間が変わりました（最終年を不確実にしないでください）", en: "a Monte Carlo draw changed the model years (do not mark the last year as uncertain)" });
      if (!schedules || !sameShape(shape, m)) {
        shape = shapeOf(m);
        schedules = { base: shockSchedule(m, baseScenario), drawn: shockSchedule(m, mcScenario) };
      }
      if (flows.importsByOrigin.length !== m.origins.length) flows.importsByOrigin = new Array<number>(m.origins.length).fill(0);
      if (mcScenario === baseScenario) runMarketInto(m, schedules.base, flows, baseRun);
      else runMarketPairInto(m, schedules.base, schedules.drawn, flows, baseRun, drawnRun);
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

/** The Monte Carlo of an analysis: per year the KPI, demand, shortfall and output change, the
 * cumulative change and effects (percentiles), and P(KPI ≥ target) in the KPI year. */
export function marketMonteCarlo(
  p: Record<string, number>,
  uncertain: UncertainParameter[],
  setup: MarketDrawSetup,
  opts: MonteCarloOptions & { seed: string },
  kpi: { year: number; target: number },
): MarketMonteCarlo {
  const { years } = setup;
  const kYear = years.indexOf(kpi.year);
  const t0 = performance.now();
  const r = marketDraws(p, uncertain, setup, opts);
  const ms = performance.now() - t0;
  const kpiDraws = r.draws[`kpi:${kYear}`];
  let passing = 0;
  for (let i = 0; i < kpiDraws.length; i++) if (kpiDraws[i] >= kpi.target) passing++;
  return {
    draws: opts.draws,
    seed: opts.seed,
    scenario: setup.mcScenario.name,
    uncertain,
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
