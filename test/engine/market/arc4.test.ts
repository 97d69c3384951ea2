// The Monte Carlo's generator must be seedrandom's stream exactly: the same seed must give the
// same draws, so the same results, as every earlier version of Ripple.
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { arc4Uniform } from "../../../src/engine/market/arc4";

function firstDifference(seed: string, count: number): number {
  const want = seedrandom(seed);
  const got = arc4Uniform(seed);
  for (let k = 0; k < count; k++) if (!Object.is(got(), want())) return k;
  return -1;
}

describe("arc4Uniform", () => {
  it("gives seedrandom's numbers for the same seed, number for number", () => {
    const seeds = ["1", "42", "", "0", "-7", "0.5", "1e21", "種", "seed with spaces", "x".repeat(300), "\u0000\uffff"];
    for (const seed of seeds) expect(firstDifference(seed, 5000)).toBe(-1);
    // Long runs: the byte loop wraps its indices many times, and about one number in sixteen
    // takes seedrandom's extra-byte branch.
    for (const seed of ["1", "2024", "monte carlo"]) expect(firstDifference(seed, 400_000)).toBe(-1);
  });

  it("differs between seeds (the comparison is not of one fixed stream)", () => {
    const a = arc4Uniform("1");
    const b = arc4Uniform("2");
    expect(a()).not.toBe(b());
  });

  it("keeps every number in [0, 1)", () => {
    const g = arc4Uniform("range");
    let outside = 0;
    for (let k = 0; k < 100_000; k++) {
      const v = g();
      if (!(v >= 0 && v < 1)) outside++;
    }
    expect(outside).toBe(0);
  });
});
