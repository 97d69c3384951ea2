import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GHOSH_LABEL, GhoshModel } from "../../../src/engine/disruption";
import { RippleError } from "../../../src/engine/errors";
import { IOModel } from "../../../src/engine/model/iomodel";
import { makeTable } from "../../../src/engine/table/types";
import {
  beutelTable,
  expectClose,
  expectMatrixClose,
  inverseIminus,
  millerBlairTable,
  oracleJson,
  vecMul,
} from "./helpers";

describe("Ghosh model — Eurostat Manual (2008) ch. 15, Beutel's Germany 1995 (shared oracle)", () => {
  const oracle = oracleJson("eurostat-beutel-germany-1995");
  const ghosh = GhoshModel.build(IOModel.build(beutelTable()));

  it("reproduces the published forward linkages (Table 15.20, p. 507: row sums of G)", () => {
    const published: number[] = oracle.published.forward_linkages.values;
    const { rowSums } = ghosh.forwardLinkages();
    // Every published value to the manual's rounding, except the industry group: the manual (or
    // its transcription) prints 1.6691 where recomputation gives 1.6910, a digit transposition
    // documented in the oracle's SOURCE.md. We assert the recomputed value there instead.
    for (const i of [0, 2, 3, 4, 5]) expect(Math.abs(rowSums[i] - published[i])).toBeLessThan(1e-3);
    expect(Math.abs(rowSums[1] - 1.6691)).toBeGreaterThan(0.01);
    expect(rowSums[1]).toBeCloseTo(1.691, 3);
    expect(ghosh.label).toEqual(GHOSH_LABEL);
  });

  it("reproduces the Ghosh inverse agriculture column asserted by rOpenGov/iotables", () => {
    const G = ghosh.inverse();
    expectClose(
      G.map((r) => r[0]),
      oracle.published.ghosh_inverse_agriculture_column.values,
      6e-5,
      "G[,agriculture]",
    );
    // and the full matrix computed independently with numpy (not published)
    expectMatrixClose(G, oracle.computed_here_with_numpy.G_ghosh_inverse, 1e-8, "G");
  });

  it("uses the row output (x_row) for B, as the manual does (industry row total 1,079,400)", () => {
    const B = ghosh.allocationMatrix();
    expectMatrixClose(B, oracle.computed_here_with_numpy.B_output_coefficients, 1e-9, "B");
    expect(ghosh.xRow[1]).toBe(1079400);
  });
});

describe("Ghosh and Leontief agree where theory says they do", () => {
  it("Miller & Blair ch. 2 table: B = x̂⁻¹Ax̂ and G = x̂⁻¹Lx̂ (L from the shared oracle)", () => {
    const o = oracleJson("miller-blair-2009-ch2-two-sector");
    const g = GhoshModel.build(IOModel.build(millerBlairTable()));
    const x: number[] = o.published.x;
    const L: number[][] = o.computed_here_with_numpy.L;
    const expectedG = L.map((row, i) => row.map((l, j) => (l * x[j]) / x[i]));
    expectMatrixClose(g.inverse(), expectedG, 1e-10, "G");
    // By hand: B = x̂⁻¹Z = [[150/1000, 500/1000], [200/2000, 100/2000]] = [[0.15, 0.5], [0.1, 0.05]]
    expectMatrixClose(g.allocationMatrix(), [[0.15, 0.5], [0.1, 0.05]], 1e-15, "B");
  });

  it("x_row' = v'G with v the table's primary inputs, and Δv = 0 gives Δx = 0", () => {
    const g = GhoshModel.build(IOModel.build(beutelTable()));
    expectClose(g.supplyEffect(g.primaryInputs).output, g.xRow, 1e-6, "x");
    const zero = g.supplyEffect(new Array(6).fill(0));
    expect(zero.output.every((v) => v === 0)).toBe(true);
    expect(zero.total).toBe(0);
  });

  it("Δx' = Δv'G equals the product with the full inverse (independent ml-matrix inverse)", () => {
    const g = GhoshModel.build(IOModel.build(beutelTable()));
    const G = inverseIminus(g.allocationMatrix());
    const dv = [0, -1000, 0, 0, 250, 0];
    expectClose(g.supplyEffect(dv).output, vecMul(dv, G), 1e-8, "Δx");
  });

  it("competitive table: with domestic flows (I − M̂)Z, G = x̂⁻¹ L x̂ for the open L = [I − (I − M̂)A]⁻¹", () => {
    // A two-sector competitive table, imports as a negative final-demand column. By hand:
    // domestic demand d = Z1 + domestic final demand = (30+20+60, 10+40+70) = (110, 120);
    // m = (22/110, 12/120) = (0.2, 0.1); output x = d + exports − imports = (110+2−22, 120+2−12) = (90, 110).
    const t = makeTable({
      sectors: ["a", "b"],
      Z: [
        [30, 20],
        [10, 40],
      ],
      x: [90, 110],
      finalDemand: [
        { role: "fd:household", values: [60, 70] },
        { role: "export", values: [2, 2] },
        { role: "import", values: [-22, -12] },
      ],
      primaryInputs: [{ role: "va:other", values: [50, 50] }],
      importType: "competitive",
    });
    const model = IOModel.build(t);
    expectClose(model.m!, [0.2, 0.1], 1e-15, "m");
    const g = GhoshModel.build(model);
    const L = model.leontief();
    const x = [90, 110];
    expectMatrixClose(
      g.inverse(),
      L.map((row, i) => row.map((l, j) => (l * x[j]) / x[i])),
      1e-12,
      "G",
    );
    // "total" flows keep imports inside Z: B_00 = 30/90 instead of 0.8·30/90
    const gt = GhoshModel.build(model, { flows: "total" });
    expect(gt.allocationMatrix()[0][0]).toBeCloseTo(30 / 90, 15);
    expect(g.allocationMatrix()[0][0]).toBeCloseTo((0.8 * 30) / 90, 15);
  });

  it("property: on random productive tables G = x̂⁻¹Lx̂ and Δx is linear in Δv", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            Z: fc.array(fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: n, maxLength: n }), {
              minLength: n,
              maxLength: n,
            }),
            va: fc.array(fc.double({ min: 1, max: 50, noNaN: true }), { minLength: n, maxLength: n }),
            dv1: fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n }),
            dv2: fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n }),
            a: fc.double({ min: -3, max: 3, noNaN: true }),
          }),
        ),
        ({ Z, va, dv1, dv2, a }) => {
          const x = Z[0].map((_, j) => Z.reduce((s, r) => s + r[j], 0) + va[j]);
          const t = makeTable({ sectors: Z.map((_, i) => `s${i}`), Z, x, importType: "domestic" });
          const model = IOModel.build(t);
          const g = GhoshModel.build(model);
          const L = model.leontief();
          const Gx = L.map((row, i) => row.map((l, j) => (l * x[j]) / x[i]));
          expectMatrixClose(g.inverse(), Gx, 1e-9, "G");
          const combo = dv1.map((v, i) => v + a * dv2[i]);
          const lhs = g.supplyEffect(combo).output;
          const r1 = g.supplyEffect(dv1).output;
          const r2 = g.supplyEffect(dv2).output;
          expectClose(lhs, r1.map((v, i) => v + a * r2[i]), 1e-8, "linearity");
          // cross-check with the full inverse
          expectClose(r1, vecMul(dv1, Gx), 1e-8, "Δv'G");
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("Ghosh model validation", () => {
  it("names the sector whose row output is zero", () => {
    const t = makeTable({
      sectors: ["a", "b"],
      Z: [
        [1, 1],
        [1, 1],
      ],
      x: [10, 10],
      xRow: [10, 0],
    });
    try {
      GhoshModel.build(IOModel.build(t));
      throw new Error("expected an error");
    } catch (e) {
      expect(e).toBeInstanceOf(RippleError);
      expect((e as RippleError).code).toBe("zero-row-output");
      expect((e as RippleError).text.en).toContain('"b"');
    }
  });

  it("rejects a Δv of the wrong length, naming the parameter", () => {
    const g = GhoshModel.build(IOModel.build(millerBlairTable()));
    expect(() => g.supplyEffect([1])).toThrow(/deltaV/);
    expect(() => g.supplyEffect([1, Number.NaN])).toThrow(/deltaV/);
  });
});
