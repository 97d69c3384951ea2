// The security Monte Carlo's loop writes its outputs by index (monteCarloColumns): it must give
// exactly the numbers of the generic loop it replaced (monteCarlo over evaluateSecurity) for a seed.
import { describe, expect, it } from "vitest";
import { evaluateSecurity, securityMonteCarlo, securityUncertainty } from "../../../src/engine/security";
import { monteCarlo } from "../../../src/engine/market/montecarlo";
import { twoSectorSecurity } from "./twoSector";

// The two-sector example of security.test.ts (Miller & Blair's ch. 2 coefficients).
const { input, p } = twoSectorSecurity();

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
