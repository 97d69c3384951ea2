import { describe, expect, it } from "vitest";
import { RippleError } from "../../../src/engine/errors";
import { runMarketAnalysis, unitEffectOf } from "../../../src/engine/market/run";
import { impactOfOutput } from "../../../src/engine/model";
import { japanModel, params, plan, PLANS, templateGrids } from "./marketFixtures";

const model = japanModel();
const g = templateGrids();
const sum = (a: number[]) => a.reduce((s, v) => s + v, 0);

describe("runMarketAnalysis: sheets -> scenarios -> IO effects -> uncertainty", () => {
  const a = runMarketAnalysis({ paramsGrid: g.params, scenariosGrid: g.scenarios, defaults: params, projects: PLANS, model, magnetSector: 2 });

  it("KPI = (existing + supported plans online) / domestic demand in 2030", () => {
    const demand2030 = 12000 * Math.pow(1.06, 6);
    expect(a.kpi.year).toBe(2030);
    expect(a.kpi.supported).toBe(5000);
    expect(a.kpi.capacity).toBe(13500 + 5000);
    expect(a.kpi.demand).toBeCloseTo(demand2030, 9);
    expect(a.kpi.value).toBeCloseTo(18500 / demand2030, 12);
    expect(a.kpi.pass).toBe(true);
    // Without the plans the same sheets fail the target.
    const none = runMarketAnalysis({ paramsGrid: g.params, scenariosGrid: g.scenarios });
    expect(none.kpi.value).toBeCloseTo(13500 / demand2030, 12);
    expect(none.kpi.pass).toBe(false);
    expect(none.unitEffect).toBeNull();
    expect(none.runs[2].effects).toBeNull();
  });

  it("ramps the plans in from their start year; cancelled plans add nothing", () => {
    expect(a.plans.map((p) => p.online[a.years.indexOf(2027)])).toEqual([1500, 0]);
    expect(a.plans.map((p) => p.online[a.years.indexOf(2029)])).toEqual([3000, 2000]);
    const c = runMarketAnalysis({ paramsGrid: g.params, scenariosGrid: g.scenarios, projects: [plan("X", 9000, 2026, 1, { status: "cancelled" })] });
    expect(c.plans).toEqual([]);
    expect(c.inputs.supportedCapacity.every((v) => v === 0)).toBe(true);
  });

  it("the base changes nothing; the severe shock raises domestic output where capacity is spare", () => {
    expect(a.runs.map((r) => r.scenario.name)).toEqual(["base", "april2025", "severe"]);
    expect(a.runs[0].change.tonnes.every((v) => v === 0)).toBe(true);
    const severe = a.runs[2];
    expect(severe.cumulative.tonnes).toBeGreaterThan(0);
    expect(severe.cumulative.shortfall).toBeGreaterThan(a.runs[0].cumulative.shortfall);
    // t × 1000 kg/t × 9000 円/kg ÷ 10⁶ = 百万円
    expect(severe.cumulative.millionYen).toBeCloseTo((severe.cumulative.tonnes * 9000) / 1000, 9);
  });

  it("IO effects: one unit impact scaled equals impactOfOutput on the actual change (linearity)", () => {
    const severe = a.runs[2];
    const k = severe.change.millionYen.findIndex((v) => v > 0);
    const dx = new Array(model.n).fill(0);
    dx[2] = severe.change.millionYen[k];
    const direct = impactOfOutput(model, dx);
    expect(severe.effects![k].total.valueAdded).toBeCloseTo(sum(direct.total.valueAdded), 6);
    expect(severe.effects![k].secondIndirect.output).toBeCloseTo(sum(direct.secondIndirect.output), 6);
    expect(severe.effects![k].direct.output).toBeCloseTo(dx[2], 9);
    expect(severe.effects![k].total.employment).toBeNull(); // the 13-sector table has no employment
    expect(unitEffectOf(model, 2).unit.sectorLabel).toContain("製造業");
  });

  it("Monte Carlo repeats exactly with the same seed, and orders its percentiles", () => {
    const run = (seed: string | number) =>
      runMarketAnalysis({ paramsGrid: g.params, scenariosGrid: g.scenarios, projects: PLANS, model, magnetSector: 2, draws: 2000, seed }).monteCarlo!;
    const m1 = run(7);
    const m2 = run(7);
    const m3 = run(8);
    expect(m1.byYear).toEqual(m2.byYear);
    expect(m1.byYear[6].kpi.p50).not.toBe(m3.byYear[6].kpi.p50);
    for (const y of m1.byYear) {
      expect(y.kpi.p5).toBeLessThanOrEqual(y.kpi.p50);
      expect(y.kpi.p50).toBeLessThanOrEqual(y.kpi.p95);
      expect(y.demand.p5).toBeLessThan(y.demand.p95);
    }
    expect(m1.scenario).toBe("severe");
    expect(m1.passProbability).toBeGreaterThan(0);
    expect(m1.passProbability).toBeLessThan(1);
    // Effects scale the output change by the unit effect, draw by draw, so percentiles do too.
    const unit = a.unitEffect!.perMillionYen.total.valueAdded!;
    expect(m1.cumulative.valueAdded!.p95).toBeCloseTo(m1.cumulative.outputChange!.p95 * unit, 6);
  });

  it("10,000 draws on the sample finish in seconds", () => {
    const t0 = performance.now();
    const r = runMarketAnalysis({ paramsGrid: g.params, scenariosGrid: g.scenarios, projects: PLANS, model, magnetSector: 2, draws: 10_000, seed: 1 });
    const ms = performance.now() - t0;
    expect(r.monteCarlo!.draws).toBe(10_000);
    console.log(`10,000 draws: ${r.monteCarlo!.milliseconds.toFixed(0)} ms Monte Carlo, ${ms.toFixed(0)} ms whole analysis`);
    expect(ms).toBeLessThan(5000);
  });

  it("tornado of the 2030 KPI: demand and capacity parameters move it, trade parameters do not", () => {
    const t = a.tornado!;
    expect(t.base).toBeCloseTo(a.kpi.value, 12);
    expect(t.bars.map((b) => b.key)).toEqual(["demand2024", "growth", "output2024"]);
    expect(t.bars[0].outputLow).toBeCloseTo(18500 / (10000 * Math.pow(1.06, 6)), 12);
    expect(t.noEffect).toContain("sigma1");
  });

  it("--scenario keeps the base and the one named; unknown names and draws without distributions are errors", () => {
    const one = runMarketAnalysis({ paramsGrid: g.params, scenariosGrid: g.scenarios, scenario: "april2025" });
    expect(one.runs.map((r) => r.scenario.name)).toEqual(["base", "april2025"]);
    expect(() => runMarketAnalysis({ paramsGrid: g.params, scenariosGrid: g.scenarios, scenario: "nope" })).toThrow(/april2025, severe/);
    const fixed = { ...g.params, values: g.params.values.map((r) => r.map((v, c) => (c === 7 && typeof v === "string" && r[0] !== "キー" ? null : v))) };
    expect(() => runMarketAnalysis({ paramsGrid: fixed, scenariosGrid: g.scenarios, draws: 10 })).toThrow(RippleError);
  });
});
