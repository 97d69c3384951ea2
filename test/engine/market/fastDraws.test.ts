// The Monte Carlo's fast path (invariant work hoisted, outputs written by index) must give the
// numbers of the straightforward path it replaced: every draw the full model — inputs from the
// record, runMarket on the base and the scenario (each validating), outputChange — through the
// generic monteCarlo, for the same seed.
import { describe, expect, it } from "vitest";
import { runMarketAnalysis, supportedByYear, unitEffectOf, EFFECT_MEASURES } from "../../../src/engine/market/run";
import { monteCarlo, monteCarloColumns } from "../../../src/engine/market/montecarlo";
import { outputChange, runMarket, runMarketValidated, validateInputs } from "../../../src/engine/market/model";
import { marketInputsFromRecord, modelYears, readMarketSheets } from "../../../src/engine/market/sheet";
import { japanModel, PLANS, templateGrids } from "./marketFixtures";

const model = japanModel();
const g = templateGrids();

/** The per-draw model as it was before the fast path (run.ts, session 4 start). */
function oldPath(draws: number, seed: string) {
  const sheets = readMarketSheets(g.params, g.scenarios);
  const p = sheets.params;
  const years = modelYears(p);
  const supported = supportedByYear(PLANS, years).total;
  const unit = unitEffectOf(model, 2).unit;
  const baseScenario = sheets.scenarios[0];
  const mcScenario = sheets.scenarios[sheets.scenarios.length - 1];
  const sum = (a: number[]) => a.reduce((s, v) => s + v, 0);
  const draw = (q: Record<string, number>): Record<string, number> => {
    const m = marketInputsFromRecord(q, supported);
    const b = runMarket(m, baseScenario);
    const s = runMarket(m, mcScenario);
    const ch = outputChange(m, s, b);
    const out: Record<string, number> = {};
    for (let k = 0; k < years.length; k++) {
      out[`kpi:${k}`] = b.years[k].kpi;
      out[`demand:${k}`] = b.years[k].demand;
      out[`shortfall:${k}`] = s.years[k].shortfall;
      out[`change:${k}`] = ch.millionYen[k];
    }
    const cum = sum(ch.millionYen);
    out.cumChange = cum;
    for (const meas of EFFECT_MEASURES) {
      const v = unit.perMillionYen.total[meas];
      if (v !== null) out[`effect:${meas}`] = v * cum;
    }
    return out;
  };
  return { years, r: monteCarlo(p, sheets.uncertain, draw, { draws, seed }) };
}

describe("market Monte Carlo fast path", () => {
  it("gives the old path's draws and percentiles for the same seed (to 1e-12)", () => {
    const draws = 400;
    for (const seed of ["1", "42"]) {
      const { years, r } = oldPath(draws, seed);
      const a = runMarketAnalysis({ paramsGrid: g.params, scenariosGrid: g.scenarios, projects: PLANS, model, magnetSector: 2, draws, seed });
      const mc = a.monteCarlo!;
      expect(mc.scenario).toBe("severe");
      const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
      years.forEach((_, k) => {
        for (const [name, got] of [
          ["kpi", mc.byYear[k].kpi],
          ["demand", mc.byYear[k].demand],
          ["shortfall", mc.byYear[k].shortfall],
          ["change", mc.byYear[k].outputChange],
        ] as const) {
          const want = r.percentiles[`${name}:${k}`];
          for (const q of ["p5", "p50", "p95", "mean"] as const) close(got[q], want[q]);
        }
      });
      for (const q of ["p5", "p50", "p95", "mean"] as const) {
        close(mc.cumulative.outputChange![q], r.percentiles.cumChange[q]);
        close(mc.cumulative.valueAdded![q], r.percentiles["effect:valueAdded"][q]);
      }
      const kYear = years.indexOf(2030);
      const want = r.draws[`kpi:${kYear}`].filter((v) => v >= a.kpi.target).length / draws;
      expect(mc.passProbability).toBe(want);
      // Some draws move the severe scenario's shortfall: the comparison is not of constants.
      expect(new Set(r.draws[`shortfall:${kYear - 3}`]).size).toBeGreaterThan(1);
    }
  });

  it("monteCarloColumns draws the same parameter values as monteCarlo, draw by draw", () => {
    const sheets = readMarketSheets(g.params, g.scenarios);
    const p = sheets.params;
    const keys = sheets.uncertain.map((u) => u.key);
    const viaRecords = monteCarlo(p, sheets.uncertain, (q) => Object.fromEntries(keys.map((k) => [k, q[k]])), { draws: 300, seed: 9 });
    const viaColumns = monteCarloColumns(p, sheets.uncertain, { outputs: keys, run: (q, out) => keys.forEach((k, i) => (out[i] = q[k])) }, { draws: 300, seed: 9 });
    keys.forEach((k, i) => {
      expect(Array.from(viaColumns.columns[i])).toEqual(viaRecords.draws[k]);
    });
  });

  it("runMarketValidated is runMarket without the check, and a draw's invalid inputs are still refused", () => {
    const sheets = readMarketSheets(g.params, g.scenarios);
    const m = marketInputsFromRecord(sheets.params);
    for (const s of sheets.scenarios) expect(runMarketValidated(m, s)).toEqual(runMarket(m, s));
    expect(() => validateInputs({ ...m, sigma: m.sigma.map(() => -1) })).toThrow(/sigma/);
    expect(() => validateInputs({ ...m, exports: m.exports.slice(1) })).toThrow(/exports/);
  });
});
