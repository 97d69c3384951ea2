// The security Monte Carlo's loop writes its outputs by index (monteCarloColumns): it must give
// exactly the numbers of the generic loop it replaced (monteCarlo over evaluateSecurity) for a seed.
import { describe, expect, it } from "vitest";
import { IOModel } from "../../../src/engine/model/iomodel";
import { evaluateSecurity, securityMonteCarlo, securityUncertainty, type SecurityInput, unitLossesOf, type YearFlows } from "../../../src/engine/security";
import { monteCarlo } from "../../../src/engine/market/montecarlo";
import { twoSector } from "./twoSector";

// The two-sector example of security.test.ts (Miller & Blair's ch. 2 coefficients).
const model = IOModel.build(twoSector());
const flows = (supported: number, year: number): YearFlows => ({ year, demandByApplication: [60, 40], importsByOrigin: [50], exports: 20, existingCapacity: 70, supportedCapacity: supported });
const input: SecurityInput = {
  years: [2026, 2027],
  without: [flows(0, 2026), flows(0, 2027)],
  with: [flows(30, 2026), flows(30, 2027)],
  applications: ["a", "b"],
  sectorOfApplication: [0, 0],
  scenarios: [
    { id: "none", label: { ja: "途絶なし", en: "none" }, event: { months: 0, cutByOrigin: [0] }, probabilityKey: null },
    { id: "severe", label: { ja: "深刻", en: "severe" }, event: { months: 6, cutByOrigin: [0.8] }, probabilityKey: "probability:severe" },
  ],
  unit: unitLossesOf(model, [0]),
  tableUnitsPerMillionYen: 1,
  discountRate: 0.04,
  baseYear: 2026,
  pvSubsidy: 1000,
};
const p = { surgeUtilization: 1, planUtilization: 1, inventoryMonths: 0, otherOriginsSpare: 0, "dependent:a": 10, "dependent:b": 5, "probability:severe": 0.1 };

describe("security Monte Carlo loop", () => {
  it("gives the generic loop's percentiles and P(B/C ≥ 1) for the same seed", () => {
    for (const seed of ["1", "77"]) {
      const fast = securityMonteCarlo(input, p, { draws: 300, seed })!;
      const old = monteCarlo(
        p,
        securityUncertainty(input, p),
        (q) => {
          const e = evaluateSecurity(input, q);
          return { bc: e.benefitCostRatio as number, pv: e.pvExpectedAvoided.valueAdded };
        },
        { draws: 300, seed },
      );
      expect(fast.uncertain.length).toBeGreaterThan(2);
      expect(fast.benefitCostRatio).toEqual(old.percentiles.bc);
      expect(fast.pvExpectedAvoidedValueAdded).toEqual(old.percentiles.pv);
      expect(fast.probabilityAtLeastOne).toBe(old.draws.bc.filter((v) => v >= 1).length / 300);
      // The draws differ (most leave no loss, some do): the comparison is not of a constant.
      expect(fast.benefitCostRatio.mean).toBeGreaterThan(fast.benefitCostRatio.p50);
    }
  });
});
