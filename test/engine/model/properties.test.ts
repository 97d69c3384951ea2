// Property tests (fast-check) on random productive tables, and the LU on its own.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregate, impact, IOModel, LU, splitSector, toRowMajor } from "../../../src/engine/model";
import { sumRoles } from "../../../src/engine/table/types";
import { syntheticTable } from "../../bench/synthetic";

const seedArb = fc.integer({ min: 1, max: 1_000_000 });
const sizeArb = fc.integer({ min: 2, max: 25 });

describe("model properties", () => {
  it("impact is linear in the shock", () => {
    fc.assert(
      fc.property(seedArb, sizeArb, fc.double({ min: -3, max: 3, noNaN: true }), (seed, n, k) => {
        const model = IOModel.build(syntheticTable(n, `lin-${seed}`));
        const a = Array.from({ length: n }, (_, i) => ((seed * (i + 3)) % 97) + 1);
        const b = Array.from({ length: n }, (_, i) => ((seed * (i + 7)) % 89) + 2);
        const ra = impact(model, a).total.output;
        const rb = impact(model, b).total.output;
        const rab = impact(model, a.map((v, i) => v + k * b[i])).total.output;
        rab.forEach((v, i) => expect(Math.abs(v - (ra[i] + k * rb[i]))).toBeLessThanOrEqual(1e-9 * (Math.abs(ra[i]) + Math.abs(k * rb[i]) + 1)));
      }),
      { numRuns: 40 },
    );
  });

  it("L (I − A_d) = I, L ≥ 0, and solve/solveT agree with the full inverse", () => {
    fc.assert(
      fc.property(seedArb, sizeArb, (seed, n) => {
        const model = IOModel.build(syntheticTable(n, `inv-${seed}`));
        const L = model.leontief();
        const Ad = model.domesticCoefficientMatrix();
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) {
            let s = L[i][j];
            for (let k = 0; k < n; k++) s -= L[i][k] * Ad[k][j];
            expect(Math.abs(s - (i === j ? 1 : 0))).toBeLessThan(1e-12);
            expect(L[i][j]).toBeGreaterThanOrEqual(0);
          }
        const b = Array.from({ length: n }, (_, i) => Math.sin(seed + i));
        const Lb = model.solve(b);
        const LTb = model.solveT(b);
        for (let i = 0; i < n; i++) {
          const row = L[i].reduce((s, v, k) => s + v * b[k], 0);
          const col = L.reduce((s, r, k) => s + r[i] * b[k], 0);
          expect(Math.abs(Lb[i] - row)).toBeLessThan(1e-12 * (1 + Math.abs(row)) * n);
          expect(Math.abs(LTb[i] - col)).toBeLessThan(1e-12 * (1 + Math.abs(col)) * n);
        }
        model.columnSums().forEach((cs, j) => expect(cs).toBeCloseTo(L.reduce((s, r) => s + r[j], 0), 12));
      }),
      { numRuns: 30 },
    );
  });

  it("aggregation preserves totals and the Japan-style output identity", () => {
    fc.assert(
      fc.property(seedArb, fc.integer({ min: 3, max: 20 }), fc.integer({ min: 1, max: 5 }), (seed, n, g0) => {
        const t = syntheticTable(n, `agg-${seed}`);
        const g = Math.min(g0, n);
        const groups = Array.from({ length: n }, (_, i) => (i < g ? i : (seed * (i + 1)) % g));
        const labels = Array.from({ length: g }, (_, k) => `G${k}`);
        const a = aggregate(t, groups, labels);
        const sum = (v: number[]) => v.reduce((s, x) => s + x, 0);
        expect(sum(a.x)).toBeCloseTo(sum(t.x), 6);
        expect(sum(a.Z.flat())).toBeCloseTo(sum(t.Z.flat()), 6);
        // rows and columns still balance: Z1 + f = x and 1'Z + primary inputs = x
        for (let i = 0; i < g; i++) {
          const row = sum(a.Z[i]) + sum(a.finalDemand.map((f) => f.values[i]));
          const col = sum(a.Z.map((r) => r[i])) + sum(a.primaryInputs.map((p) => p.values[i]));
          expect(Math.abs(row - a.x[i])).toBeLessThan(1e-9 * a.x[i]);
          expect(Math.abs(col - a.x[i])).toBeLessThan(1e-9 * a.x[i]);
        }
        // the aggregated model still reproduces its output from its own final demand
        const m = IOModel.build(a);
        const fd = sumRoles(a.finalDemand, g, (r) => r.startsWith("fd:"));
        const ex = sumRoles(a.finalDemand, g, (r) => r === "export");
        const x = m.solve(m.domesticPart(fd).map((v, i) => v + ex[i]));
        x.forEach((v, i) => expect(Math.abs(v - a.x[i])).toBeLessThan(1e-9 * a.x[i]));
      }),
      { numRuns: 30 },
    );
  });

  it("a sector split preserves totals, balances, and merging back gives the table", () => {
    fc.assert(
      fc.property(
        seedArb,
        fc.integer({ min: 2, max: 15 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (seed, n, share) => {
          const t = syntheticTable(n, `split-${seed}`);
          const p = seed % n;
          // default: the parent's own input structure
          const s = splitSector(t, p, { label: "new", share });
          expect(s.sectors.length).toBe(n + 1);
          expect(s.sectors[p + 1].label).toBe("new");
          const sum = (v: number[]) => v.reduce((a, x) => a + x, 0);
          for (let i = 0; i <= n; i++) {
            const row = sum(s.Z[i]) + sum(s.finalDemand.map((f) => f.values[i]));
            const col = sum(s.Z.map((r) => r[i])) + sum(s.primaryInputs.map((r) => r.values[i]));
            expect(Math.abs(row - s.x[i])).toBeLessThan(1e-9 * t.x[p] + 1e-9 * s.x[i]);
            expect(Math.abs(col - s.x[i])).toBeLessThan(1e-9 * t.x[p] + 1e-9 * s.x[i]);
          }
          const back = aggregate(s, s.sectors.map((_, k) => (k <= p ? k : k - 1)), t.sectors.map((x) => x.label));
          back.Z.forEach((r, i) => r.forEach((v, j) => expect(Math.abs(v - t.Z[i][j])).toBeLessThan(1e-9 * (1 + Math.abs(t.Z[i][j])))));
          // a different input structure: part of the parent's input from sector 0 moved to
          // sector 1 (same total, within what the parent column holds: a_i ≤ A_ip / share)
          const a = t.Z.map((r) => r[p] / t.x[p]);
          const moved = Math.min(0.5 * a[0], 0.9 * a[1] * (1 / share - 1));
          a[0] -= moved;
          a[1] += moved;
          const s2 = splitSector(t, p, { label: "magnets", share, inputCoefficients: a });
          const col2 = sum(s2.Z.map((r) => r[p + 1])) + sum(s2.primaryInputs.map((r) => r.values[p + 1]));
          expect(Math.abs(col2 - s2.x[p + 1])).toBeLessThan(1e-9 * t.x[p]);
          // its purchases of commodity 0 (rows p and p+1 together when 0 is the parent itself)
          const bought0 = p === 0 ? s2.Z[0][1] + s2.Z[1][1] : s2.Z[0][p + 1];
          expect(Math.abs(bought0 - a[0] * share * t.x[p])).toBeLessThan(1e-9 * t.x[p]);
          IOModel.build(s2); // still productive and solvable
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("LU", () => {
  it("solves, solves transposed and inverts a pivoting example", () => {
    const a = [
      [0, 2, 1],
      [1, 1, 0],
      [3, 0, 1],
    ];
    const lu = LU.factor(a);
    const x = Array.from(lu.solve([5, 3, 6]));
    // a·(1, 2, 1)... check by substitution
    a.forEach((row, i) => expect(row.reduce((s, v, k) => s + v * x[k], 0)).toBeCloseTo([5, 3, 6][i], 12));
    const y = Array.from(lu.solveTranspose([1, 2, 3]));
    for (let j = 0; j < 3; j++) expect(a.reduce((s, r, k) => s + r[j] * y[k], 0)).toBeCloseTo([1, 2, 3][j], 12);
    const inv = lu.inverse();
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++)
        expect(a[i].reduce((s, v, k) => s + v * inv[k * 3 + j], 0)).toBeCloseTo(i === j ? 1 : 0, 12);
  });

  it("random matrices larger than a panel: inverse × matrix = I", () => {
    fc.assert(
      fc.property(fc.integer({ min: 33, max: 150 }), seedArb, (n, seed) => {
        let s = seed;
        const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647) - 0.5;
        const a = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => rnd() + (i === j ? 0.1 : 0)));
        const inv = LU.factor(a).inverse();
        const am = toRowMajor(a);
        let err = 0;
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) {
            let v = 0;
            for (let k = 0; k < n; k++) v += am[i * n + k] * inv[k * n + j];
            err = Math.max(err, Math.abs(v - (i === j ? 1 : 0)));
          }
        expect(err).toBeLessThan(1e-8);
      }),
      { numRuns: 8 },
    );
  });

  it("reports a singular matrix with its elimination step", () => {
    expect(() => LU.factor([[1, 2], [2, 4]])).toThrow(/singular at elimination step 1/);
  });
});
