import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { groupedFixed } from "../../src/cli/numberText";

const intl = (v: number, d: number) => v.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });

describe("groupedFixed", () => {
  it("writes what toLocaleString('en-US') writes", () => {
    for (const [v, d] of [
      [1234567.891, 1], [1.005, 2], [0.5, 0], [1.5, 0], [2.5, 0], [-2.5, 0], [999.95, 1], [-999.95, 1], [0, 3], [-0, 1],
      [-0.04, 1], [123, 0], [1e20, 2], [1e-7, 3], [1e21, 0], [0.000123, 4], [99999.9999, 3], [150, 1],
    ] as const)
      expect(groupedFixed(v, d), `${v} ${d}`).toBe(intl(v, d));
  });

  it("agrees with Intl on random doubles and digit counts", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), fc.integer({ min: 0, max: 4 }), (v, d) => groupedFixed(v, d) === intl(v, d)),
      { numRuns: 5000 },
    );
  });
});
