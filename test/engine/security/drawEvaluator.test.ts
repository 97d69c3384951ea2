// A Monte Carlo draw of the security evaluation (drawEvaluator.ts) must give the full evaluation's
// B/C and PV to the bit, and leave to it the draws it would refuse and the dynamic path.
import { describe, expect, it } from "vitest";
import { IOModel } from "../../../src/engine/model/iomodel";
import { evaluateSecurity, type SecurityInput, unitLossesOf, type YearFlows } from "../../../src/engine/security";
import { securityDrawEvaluator } from "../../../src/engine/security/drawEvaluator";
import { twoSector } from "./twoSector";

const model = IOModel.build(twoSector());
const flows = (supported: number, year: number, k: number): YearFlows => ({
  year,
  demandByApplication: [60 * k, 40 * k, 25 * k],
  importsByOrigin: [50, 12],
  exports: 20,
  existingCapacity: 70,
  supportedCapacity: supported,
});
const input: SecurityInput = {
  years: [2026, 2027, 2028],
  without: [flows(0, 2026, 1), flows(0, 2027, 1.1), flows(0, 2028, 1.2)],
  with: [flows(30, 2026, 1), flows(45, 2027, 1.1), flows(60, 2028, 1.2)],
  applications: ["a", "b", "c"],
  sectorOfApplication: [0, 1, 0],
  scenarios: [
    { id: "none", label: { ja: "途絶なし", en: "none" }, event: { months: 0, cutByOrigin: [0, 0] }, probabilityKey: null },
    { id: "partial", label: { ja: "部分", en: "partial" }, event: { months: 3, cutByOrigin: [0.4, 0.1] }, probabilityKey: "probability:partial" },
    { id: "severe", label: { ja: "深刻", en: "severe" }, event: { months: 6, cutByOrigin: [0.8, 0.5] }, probabilityKey: "probability:severe" },
  ],
  unit: unitLossesOf(model, [0, 1]),
  tableUnitsPerMillionYen: 0.9,
  discountRate: 0.04,
  baseYear: 2026,
  pvSubsidy: 1000,
};

function draws(n: number): Record<string, number>[] {
  let seed = 99;
  const u = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: n }, () => ({
    surgeUtilization: 0.5 + u(),
    planUtilization: u(),
    inventoryMonths: 3 * u(),
    otherOriginsSpare: 20 * u(),
    "dependent:a": 2 * u(),
    "dependent:b": 2 * u(),
    "dependent:c": 2 * u(),
    "probability:partial": 0.3 * u(),
    "probability:severe": 0.1 * u(),
  }));
}

describe("security draw evaluator", () => {
  it("gives the full evaluation's B/C and PV to the bit", () => {
    const draw = securityDrawEvaluator(input);
    let some = 0;
    for (const p of draws(400)) {
      const full = evaluateSecurity(input, p, { price: false });
      const v = draw(p);
      expect(v).not.toBeNull();
      expect(Object.is(v!.benefitCostRatio, full.benefitCostRatio)).toBe(true);
      expect(Object.is(v!.pvValueAdded, full.pvExpectedAvoided.valueAdded)).toBe(true);
      if (v!.pvValueAdded !== 0) some++;
    }
    expect(some).toBeGreaterThan(100); // not a comparison of zeros
  });

  it("leaves to the full evaluation a draw it refuses and the dynamic path", () => {
    const draw = securityDrawEvaluator(input);
    const huge = { ...draws(1)[0], "dependent:a": 1e6, surgeUtilization: 0 };
    expect(() => evaluateSecurity(input, huge, { price: false })).toThrow(/exceeds what the sector makes/);
    expect(draw(huge)).toBeNull();
    expect(draw({ ...draws(1)[0], lossPath: 1, recoveryMonths: 6, horizonMonths: 12 })).toBeNull();
  });

  it("refuses parameters the full evaluation refuses", () => {
    const draw = securityDrawEvaluator(input);
    expect(() => draw({ ...draws(1)[0], "probability:severe": 0.9, "probability:partial": 0.3 })).toThrow(/above 1/);
  });
});
