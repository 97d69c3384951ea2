// The market Monte Carlo's fast path (marketDraws: one inputs record refilled in place, the global
// demand kept while its parameters are not drawn, the base and drawn scenarios sharing each year's
// demand side, no power of an exact 1) must give, draw by draw and to the last bit, what the full
// evaluation gives: inputs built from the record, runMarket (validating) on the base and the
// scenario, outputChange — through the generic monteCarlo on the same seed.
import { describe, expect, it } from "vitest";
import { EFFECT_MEASURES, supportedByYear, unitEffectOf } from "../../../src/engine/market/run";
import { newRefillMemo, refillMarketInputs } from "../../../src/engine/market/defaults";
import { marketDraws } from "../../../src/engine/market/marketDraws";
import { monteCarlo, type UncertainParameter } from "../../../src/engine/market/montecarlo";
import { outputChange, runMarket, type Scenario } from "../../../src/engine/market/model";
import { marketInputsFromRecord, modelYears, readMarketSheets } from "../../../src/engine/market/sheet";
import { japanModel, PLANS, templateGrids } from "./marketFixtures";

const model = japanModel();
const g = templateGrids();
const sheets = readMarketSheets(g.params, g.scenarios);
const years = modelYears(sheets.params);
const supported = supportedByYear(PLANS, years).total;
const unit = unitEffectOf(model, 2).unit;

function fullDraw(baseScenario: Scenario, mcScenario: Scenario) {
  return (q: Record<string, number>): Record<string, number> => {
    const m = marketInputsFromRecord(q, supported);
    const b = runMarket(m, baseScenario);
    const s = runMarket(m, mcScenario);
    const ch = outputChange(m, s, b);
    const out: Record<string, number> = {};
    years.forEach((_, k) => {
      out[`kpi:${k}`] = b.years[k].kpi;
      out[`demand:${k}`] = b.years[k].demand;
      out[`shortfall:${k}`] = s.years[k].shortfall;
      out[`change:${k}`] = ch.millionYen[k];
    });
    const cum = ch.millionYen.reduce((t, v) => t + v, 0);
    out.cumChange = cum;
    for (const meas of EFFECT_MEASURES) {
      const v = unit.perMillionYen.total[meas];
      if (v !== null) out[`effect:${meas}`] = v * cum;
    }
    return out;
  };
}

/** Outputs whose draws differ from the full evaluation's in any bit (sign of zero included). */
function differing(uncertain: UncertainParameter[], mcScenario: Scenario, seed: string, draws: number): string[] {
  const baseScenario = sheets.scenarios[0];
  const full = monteCarlo(sheets.params, uncertain, fullDraw(baseScenario, mcScenario), { draws, seed });
  const fast = marketDraws(sheets.params, uncertain, { supported, baseScenario, mcScenario, unit, years }, { draws, seed });
  expect(Object.keys(fast.draws).sort()).toEqual(Object.keys(full.draws).sort());
  return Object.keys(full.draws).filter((name) => {
    const want = full.draws[name];
    const got = fast.draws[name];
    return got.length !== want.length || want.some((v, i) => !Object.is(v, got[i]));
  });
}

const severe = sheets.scenarios[sheets.scenarios.length - 1];
const tri = (key: string, low: number, mode: number, high: number): UncertainParameter => ({ key, distribution: { type: "triangular", low, mode, high } });

describe("market Monte Carlo draws against the full evaluation", () => {
  it("are the same to the bit on the sheet's parameters and scenario", () => {
    expect(severe.name).toBe("severe");
    for (const seed of ["1", "42"]) expect(differing(sheets.uncertain, severe, seed, 1500)).toEqual([]);
  });

  it("are the same when the drawn scenario has an import price premium (its own demand side)", () => {
    const premium: Scenario = { ...severe, name: "premium", shocks: severe.shocks.map((s) => ({ ...s, pricePremium: 0.35 })) };
    expect(premium.shocks.length).toBeGreaterThan(0);
    expect(differing(sheets.uncertain, premium, "7", 1500)).toEqual([]);
  });

  it("are the same when the global demand's parameters are drawn too (recomputed every draw)", () => {
    const uncertain = [...sheets.uncertain, tri("globalDemand2024", 40_000, 50_000, 65_000), tri("globalGrowth1", 0.02, 0.05, 0.1), tri("globalGrowth2", 0, 0.03, 0.06)];
    expect(differing(uncertain, severe, "3", 1500)).toEqual([]);
  });

  it("are the same when the base scenario itself is drawn", () => {
    expect(differing(sheets.uncertain, sheets.scenarios[0], "5", 800)).toEqual([]);
  });
});

describe("refillMarketInputs with a memo", () => {
  it("writes the record a fresh build writes, whether the global parameters change or not", () => {
    const m = marketInputsFromRecord(sheets.params, supported);
    const memo = newRefillMemo();
    const intensity = (q: Record<string, number>) => (app: string) => q[`intensity_${app}`];
    const variants = [
      sheets.params,
      { ...sheets.params, growth: 0.09 },
      { ...sheets.params, globalGrowth1: 0.11 },
      { ...sheets.params, globalGrowth1: 0.11, demand2024: 9000 },
      { ...sheets.params, globalDemand2024: 70_000, globalGrowth2: 0.01 },
      sheets.params,
    ];
    for (const q of variants) {
      refillMarketInputs(m, q, intensity(q), memo);
      expect(m).toEqual(marketInputsFromRecord(q, supported));
    }
  });
});
