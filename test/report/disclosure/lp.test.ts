// The interval solver against answers worked out by hand and by enumerating vertices in 2-D.
import { describe, expect, it } from "vitest";
import { rangeOver as verified, simplexMin } from "../../../src/report/disclosure/lp";

/** The range when the points and the dual certificates agree (they must, on these problems). */
function rangeOver(a: Float64Array[], b: number[], c: Float64Array): [number, number] {
  const { reach, bound } = verified(a, b, c);
  for (let i = 0; i < 2; i++) if (Number.isFinite(bound[i]) || Number.isFinite(reach[i])) expect(reach[i]).toBeCloseTo(bound[i], 8);
  return reach;
}

const v = (...x: number[]) => Float64Array.from(x);

describe("rangeOver", () => {
  it("bounds a variable between two half-planes and finds an open side", () => {
    expect(rangeOver([v(1), v(-1)], [1, 1], v(1))).toEqual([-1, 1]);
    const [lo, hi] = rangeOver([v(1)], [1], v(1));
    expect(lo).toBeCloseTo(-1, 12);
    expect(hi).toBe(Infinity);
  });

  it("bounds one of three non-negative amounts whose sum is published", () => {
    // x = 1 + N w with N spanning the complement of (1,1,1); x ≥ 0 ⇒ x1 ∈ [0, 3].
    const s2 = Math.SQRT2;
    const s6 = Math.sqrt(6);
    const N = [v(1 / s2, 1 / s6), v(-1 / s2, 1 / s6), v(0, -2 / s6)];
    const [lo, hi] = rangeOver(N, [1, 1, 1], v(N[0][0], N[0][1]));
    expect(lo).toBeCloseTo(-1, 9);
    expect(hi).toBeCloseTo(2, 9);
  });

  it("agrees with vertex enumeration on random bounded polygons", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    for (let trial = 0; trial < 40; trial++) {
      const a: Float64Array[] = [];
      const b: number[] = [];
      for (let i = 0; i < 8; i++) {
        a.push(v(rnd(), rnd()));
        b.push(0.1 + Math.abs(rnd()));
      }
      // A box keeps it bounded.
      a.push(v(1, 0), v(-1, 0), v(0, 1), v(0, -1));
      b.push(5, 5, 5, 5);
      const c = v(rnd(), rnd());
      let best = -Infinity;
      let worst = Infinity;
      for (let i = 0; i < a.length; i++)
        for (let j = i + 1; j < a.length; j++) {
          const det = a[i][0] * a[j][1] - a[i][1] * a[j][0];
          if (Math.abs(det) < 1e-12) continue;
          const x = (-b[i] * a[j][1] + b[j] * a[i][1]) / det;
          const y = (-a[i][0] * b[j] + a[j][0] * b[i]) / det;
          if (a.every((r, k) => r[0] * x + r[1] * y + b[k] >= -1e-9)) {
            best = Math.max(best, c[0] * x + c[1] * y);
            worst = Math.min(worst, c[0] * x + c[1] * y);
          }
        }
      const [lo, hi] = rangeOver(a, b, c);
      expect(hi).toBeCloseTo(best, 8);
      expect(lo).toBeCloseTo(worst, 8);
    }
  });

  it("reports an infeasible standard-form problem as null", () => {
    expect(simplexMin([[1, 1]], [-1], [1, 1])).toBeNull();
  });
});
