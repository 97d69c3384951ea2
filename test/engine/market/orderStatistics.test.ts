import { describe, expect, it } from "vitest";
import seedrandom from "seedrandom";
import { orderStatistics } from "../../../src/engine/market/orderStatistics";
import { summarize } from "../../../src/engine/market/montecarlo";

// PERCENTILE.INC on a sorted copy: the definition summarize must reproduce exactly.
function percentileInc(values: ArrayLike<number>, p: number): number {
  const s = Float64Array.from(values).sort();
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(s.length - 1, lo + 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

function sample(n: number, seed: string, kind: "uniform" | "ties" | "sorted" | "reversed"): Float64Array {
  const rng = seedrandom(seed);
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = kind === "ties" ? Math.floor(rng() * 5) : kind === "uniform" ? rng() * 1e6 - 3e5 : i;
  if (kind === "reversed") a.reverse();
  return a;
}

describe("order statistics by selection", () => {
  it("equal a sort's values at every asked rank, for random, tied, sorted and reversed data", () => {
    for (const kind of ["uniform", "ties", "sorted", "reversed"] as const)
      for (const n of [1, 2, 3, 10, 101, 5000]) {
        const a = sample(n, `${kind}${n}`, kind);
        const sorted = Float64Array.from(a).sort();
        const ranks = [0, n - 1, Math.floor(n / 2), Math.floor((n - 1) * 0.05), Math.floor((n - 1) * 0.95)];
        expect(orderStatistics(a, ranks)).toEqual(ranks.map((r) => sorted[r]));
      }
  });

  it("equal a sort's values on long columns (the one-pass bracketed search and its fallback)", () => {
    // Long enough for the bracketed pass; ties and a mostly constant column overfill its brackets
    // and take the full selection; sorted and reversed data sample unevenly.
    const kinds = ["uniform", "ties", "sorted", "reversed", "mostlyConstant", "heavyTail"] as const;
    for (const kind of kinds)
      for (const n of [8192, 20_001, 100_000]) {
        const rng = seedrandom(`long${kind}${n}`);
        const a =
          kind === "mostlyConstant"
            ? Float64Array.from({ length: n }, () => (rng() < 0.9 ? 7 : rng()))
            : kind === "heavyTail"
              ? Float64Array.from({ length: n }, () => 1 / (rng() + 1e-9) - rng() * 1e3)
              : sample(n, `${kind}${n}`, kind);
        const sorted = Float64Array.from(a).sort();
        const pairs = [0.05, 0.5, 0.95].flatMap((p) => [Math.floor((n - 1) * p), Math.floor((n - 1) * p) + 1]);
        const ranks = [...pairs, 0, n - 1, ...Array.from({ length: 5 }, () => Math.floor(rng() * n))];
        expect(orderStatistics(a, ranks)).toEqual(ranks.map((r) => sorted[r]));
        expect(orderStatistics(Array.from(a), pairs)).toEqual(pairs.map((r) => sorted[r]));
      }
  });

  it("give a constant column its value, and a column of zeros of both signs zero", () => {
    expect(orderStatistics(new Float64Array(10_000).fill(-2.5), [0, 5000, 9999])).toEqual([-2.5, -2.5, -2.5]);
    const zeros = new Float64Array(10_000);
    zeros[3] = -0;
    // Selection, as before, does not order −0 before 0 (they print alike): only the value is asked.
    for (const v of orderStatistics(zeros, [0, 5000, 9999])) expect(v === 0).toBe(true);
  });

  it("leave the input unchanged and refuse ranks outside the array", () => {
    const a = sample(50, "x", "uniform");
    const copy = Float64Array.from(a);
    orderStatistics(a, [3, 40]);
    expect(a).toEqual(copy);
    expect(() => orderStatistics(a, [50])).toThrow(RangeError);
  });

  it("keep a sort's NaN-last order when a draw is NaN", () => {
    expect(orderStatistics([3, NaN, 1, 2], [0, 2, 3])).toEqual([1, 3, NaN]);
  });

  it("give summarize the exact PERCENTILE.INC of a sorted copy", () => {
    for (const n of [1, 2, 7, 100_000]) {
      const a = sample(n, `s${n}`, "uniform");
      const s = summarize(a);
      expect(s.p5).toBe(percentileInc(a, 0.05));
      expect(s.p50).toBe(percentileInc(a, 0.5));
      expect(s.p95).toBe(percentileInc(a, 0.95));
      expect(s.mean).toBeCloseTo(a.reduce((t, v) => t + v, 0) / n, 6);
    }
  });
});
