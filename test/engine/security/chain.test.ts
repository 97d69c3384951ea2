// The per-sector chain of one scenario and year (the audit sheet's input) on the two-sector hand
// example: shortfall by application → Δx per sector → L·Δx → v'·L·Δx, without and with the plans.
import { describe, expect, it } from "vitest";
import { IOModel } from "../../../src/engine/model/iomodel";
import { DynamicSecurity, evaluateSecurity, securityChain, type SecurityBuild, type SecurityInput, type YearFlows, unitLossesOf } from "../../../src/engine/security";
import { twoSector } from "./twoSector";

// L = [[0.95, 0.25], [0.2, 0.85]] / 0.7575; v = (0.65, 0.70).
const model = IOModel.build(twoSector());
const flows = (year: number, supported: number, demandScale = 1): YearFlows => ({
  year,
  demandByApplication: [60 * demandScale, 40 * demandScale],
  importsByOrigin: [50],
  exports: 20,
  existingCapacity: 70,
  supportedCapacity: supported,
});
const none = { id: "none", label: { ja: "途絶なし", en: "none" }, event: { months: 0, cutByOrigin: [0] }, probabilityKey: null };
const severe = { id: "severe", label: { ja: "深刻", en: "severe" }, event: { months: 6, cutByOrigin: [0.8] }, probabilityKey: "probability:severe" };
const mild = { id: "mild", label: { ja: "軽度", en: "mild" }, event: { months: 6, cutByOrigin: [0.5] }, probabilityKey: "probability:mild" };

function build(lossPath = 0): SecurityBuild {
  // 2027 has more demand (×1.1): the year of the largest loss without the plans.
  const input: SecurityInput = {
    years: [2026, 2027],
    without: [flows(2026, 0), flows(2027, 0, 1.1)],
    with: [flows(2026, 30), flows(2027, 30, 1.1)],
    applications: ["a", "b"],
    sectorOfApplication: [0, 0],
    scenarios: [none, mild, severe],
    unit: unitLossesOf(model, [0]),
    tableUnitsPerMillionYen: 1,
    discountRate: 0.04,
    baseYear: 2026,
    pvSubsidy: 1000,
    dynamic: new DynamicSecurity(model),
  };
  const parameters = {
    surgeUtilization: 1,
    planUtilization: 1,
    inventoryMonths: 0,
    otherOriginsSpare: 0,
    "dependent:a": 10,
    "dependent:b": 5,
    "probability:severe": 0.05,
    "probability:mild": 0.1,
    lossPath,
    recoveryMonths: 12,
    horizonMonths: 24,
  };
  const concordance = [
    { application: "a", sector: 0, sectorLabel: "製造業" },
    { application: "b", sector: 0, sectorLabel: "製造業" },
  ];
  return { input, parameters, concordance, sectors: model.sectors, warnings: [] };
}

describe("the chain by sector of one scenario and year", () => {
  const b = build();
  const r = evaluateSecurity(b.input, b.parameters);
  const c = securityChain(b, r, model)!;

  it("takes the scenario with the largest loss without the plans, in its year of the largest loss", () => {
    expect(c.scenario).toBe(2);
    expect(c.year).toBe(2027);
    expect(c.label.ja).toBe("深刻");
  });

  it("hand example: 2027, demand 55 t over 6 months, 25 domestic + 5 imports → 25 t short without, 10 t with 30 t/yr of plans", () => {
    // shortfall by application in proportion to demand (66 : 44)
    expect(c.without.shortfall[0]).toBeCloseTo(15, 12);
    expect(c.without.shortfall[1]).toBeCloseTo(10, 12);
    expect(c.with.shortfall[0]).toBeCloseTo(6, 12);
    expect(c.with.shortfall[1]).toBeCloseTo(4, 12);
    // Δx = 15 × 10 + 10 × 5 = 200 百万円 of 製造業; with: 6 × 10 + 4 × 5 = 80
    expect(c.without.lostDownstream[0]).toBeCloseTo(200, 10);
    expect(c.without.lostDownstream[1]).toBe(0);
    expect(c.with.lostDownstream[0]).toBeCloseTo(80, 10);
    // L·Δx = 200 × (0.95, 0.2) / 0.7575
    expect(c.without.lostOutput[0]).toBeCloseTo((200 * 0.95) / 0.7575, 9);
    expect(c.without.lostOutput[1]).toBeCloseTo((200 * 0.2) / 0.7575, 9);
    // v'·L·Δx = 0.65 × 250.83 + 0.70 × 52.81 = 200 (no imports: all of it is value added)
    expect(c.without.lostValueAdded).toBeCloseTo(200, 9);
    expect(c.with.lostValueAdded).toBeCloseTo(80, 9);
    expect(c.avoidedValueAdded).toBeCloseTo(120, 9);
    expect(c.valueAddedRatio).toEqual([0.65, 0.7]);
    // the column of L of the one sector with a Δx (for workbooks without an L sheet)
    expect(c.leontiefColumns).toHaveLength(1);
    expect(c.leontiefColumns[0].sector).toBe(0);
    expect(c.leontiefColumns[0].column[0]).toBeCloseTo(0.95 / 0.7575, 12);
    expect(c.leontiefColumns[0].column[1]).toBeCloseTo(0.2 / 0.7575, 12);
  });

  it("equals the evaluation's loss of that scenario and year (scaled unit losses)", () => {
    const y = r.scenarios[c.scenario].byYear[c.yearIndex];
    expect(c.without.lostValueAdded).toBeCloseTo(y.without.losses.valueAdded, 9);
    expect(c.with.lostValueAdded).toBeCloseTo(y.with.losses.valueAdded, 9);
    expect(c.without.lostOutput.reduce((a, x) => a + x, 0)).toBeCloseTo(y.without.losses.output, 9);
  });

  it("none on the dynamic path, and none when no scenario loses anything", () => {
    const dyn = build(1);
    expect(securityChain(dyn, evaluateSecurity(dyn.input, dyn.parameters), model)).toBeNull();
    const quiet = build();
    quiet.input.scenarios = [none];
    expect(securityChain(quiet, evaluateSecurity(quiet.input, quiet.parameters), model)).toBeNull();
  });
});
