// The B/C histogram behind the fan chart: equal bins between the smallest and largest draw, the
// share of draws per bin, the central 90% band by the bin's middle.
import { describe, expect, it } from "vitest";
import { histogramOf } from "../../../src/engine/security";

describe("the B/C histogram", () => {
  it("hand example: draws 1, 2, 2, 3, 5 in 4 bins of width 1 between 1 and 5", () => {
    const h = histogramOf([1, 2, 2, 3, 5], 1.2, 4.6, 4);
    expect(h.from).toEqual([1, 2, 3, 4]);
    expect(h.to).toEqual([2, 3, 4, 5]);
    // 1 → [1, 2); 2, 2 → [2, 3) (an inner edge goes up); 3 → [3, 4); 5 → the last bin
    expect(h.share).toEqual([0.2, 0.4, 0.2, 0.2]);
    // middles 1.5, 2.5, 3.5, 4.5 against P5 1.2 and P95 4.6
    expect(h.central).toEqual([true, true, true, true]);
    expect(histogramOf([1, 2, 2, 3, 5], 2, 4, 4).central).toEqual([false, true, true, false]);
  });

  it("a fixed number of bins whatever the draws (the public version's probes keep the layout); shares sum to 1", () => {
    const draws = Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 3 + 5);
    const h = histogramOf(draws, 2.1, 7.9);
    expect(h.share).toHaveLength(20);
    expect(h.share.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(h.from[0]).toBe(Math.min(...draws));
    expect(h.to[19]).toBe(Math.max(...draws));
  });

  it("all draws equal: everything in the first bin", () => {
    const h = histogramOf([0.7, 0.7, 0.7], 0.7, 0.7, 5);
    expect(h.share).toEqual([1, 0, 0, 0, 0]);
    expect(h.central[0]).toBe(true);
  });
});
