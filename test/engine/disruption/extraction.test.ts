import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXTRACTION_LABELS, GhoshModel, HypotheticalExtraction } from "../../../src/engine/disruption";
import { IOModel } from "../../../src/engine/model/iomodel";
import { makeTable } from "../../../src/engine/table/types";
import { beutelTable, expectClose, inverseIminus, millerBlairTable, mulVec, vecMul } from "./helpers";

const sum = (v: number[]) => v.reduce((s, a) => s + a, 0);

/** x̄ by rebuilding and inverting the modified matrix with ml-matrix (no Sherman–Morrison). */
function bruteForce(model: IOModel, k: number, kind: "backward" | "forward-leontief" | "both"): number[] {
  const A = model.domesticCoefficientMatrix().map((r) => [...r]);
  const x = model.x;
  const f = x.map((xi, i) => xi - A[i].reduce((s, a, j) => s + a * x[j], 0));
  for (let i = 0; i < A.length; i++)
    for (let j = 0; j < A.length; j++) {
      if (kind === "backward" && j === k) A[i][j] = 0;
      if (kind === "forward-leontief" && i === k) A[i][j] = 0;
      if (kind === "both" && (i === k || j === k)) A[i][j] = 0;
    }
  const xbar = mulVec(inverseIminus(A), f);
  return x.map((xi, i) => xi - xbar[i]);
}

function bruteForceGhosh(g: GhoshModel, k: number): number[] {
  const B = g.allocationMatrix().map((r) => [...r]);
  B[k] = B[k].map(() => 0);
  const xbar = vecMul(g.primaryInputs, inverseIminus(B));
  return g.xRow.map((xi, i) => xi - xbar[i]);
}

describe("hypothetical extraction — hand computation (Miller & Blair ch. 2 table, shared oracle)", () => {
  // A = [[0.15, 0.25], [0.2, 0.05]], f = (350, 1700), x = (1000, 2000).
  // Backward extraction of sector 1 (column 1 of A zeroed): Ā = [[0, 0.25], [0, 0.05]],
  //   x̄2 = 1700/0.95 = 1789.4737, x̄1 = 350 + 0.25·1789.4737 = 797.3684,
  //   loss = 3000 − 2586.8421 = 413.1579 (share 0.137719).
  // Total extraction of sector 1 (row and column zeroed): x̄1 = 350, x̄2 = 1789.4737,
  //   loss = 3000 − 2139.4737 = 860.5263.
  const ext = HypotheticalExtraction.build(IOModel.build(millerBlairTable()));

  it("the implied final demand is the table's (350, 1700)", () => {
    expectClose(ext.f, [350, 1700], 1e-9, "f");
  });

  it("backward and total extraction of sector 1", () => {
    const b = ext.extract(0, "backward");
    expectClose(b.loss, [1000 - (350 + (0.25 * 1700) / 0.95), 2000 - 1700 / 0.95], 1e-9, "backward loss");
    expect(b.total).toBeCloseTo(413.1578947, 6);
    expect(b.share).toBeCloseTo(413.1578947 / 3000, 9);
    expect(ext.extract(0, "both").total).toBeCloseTo(860.5263158, 6);
  });

  // Total extraction as Miller & Blair (2009, 12.2) define it: sector 1 removed with its final
  // demand, so x̄1 = 0 and x̄2 = 1700 / (1 − 0.05) = 1789.4737; loss = 3000 − 1789.4737 = 1210.5263,
  // which is the row-and-column variant (860.5263) plus sector 1's own final demand (350).
  it("total extraction (Miller & Blair): the sector and its final demand removed", () => {
    const t = ext.extract(0, "total");
    expectClose(t.loss, [1000, 2000 - 1700 / 0.95], 1e-9, "total loss");
    expect(t.total).toBeCloseTo(1210.5263158, 6);
    expect(t.total - ext.extract(0, "both").total).toBeCloseTo(350, 9);
    // sector 2 removed: x̄1 = 350 / 0.85 = 411.7647, loss = 3000 − 411.7647
    expect(ext.extract(1, "total").total).toBeCloseTo(3000 - 350 / 0.85, 6);
  });

  it("labels say which variant keeps the sector's own final demand", () => {
    expect(EXTRACTION_LABELS.both.en).toMatch(/final demand kept/);
    expect(EXTRACTION_LABELS.total.en).toMatch(/Miller & Blair/);
    expect(EXTRACTION_LABELS.total.ja).toMatch(/最終需要ごと/);
  });
});

/** Miller & Blair's total extraction by deleting row and column k and f_k and solving the rest. */
function bruteForceTotal(model: IOModel, k: number): number[] {
  const A = model.domesticCoefficientMatrix();
  const x = model.x;
  const f = x.map((xi, i) => xi - A[i].reduce((s, a, j) => s + a * x[j], 0));
  const keep = x.map((_, i) => i).filter((i) => i !== k);
  const Ar = keep.map((i) => keep.map((j) => A[i][j]));
  const xr = mulVec(inverseIminus(Ar), keep.map((i) => f[i]));
  const xbar = new Array<number>(x.length).fill(0);
  keep.forEach((i, r) => (xbar[i] = xr[r]));
  return x.map((xi, i) => xi - xbar[i]);
}

describe("hypothetical extraction — Sherman–Morrison equals rebuilding the matrix", () => {
  const model = IOModel.build(beutelTable());
  const ext = HypotheticalExtraction.build(model);
  const extL = HypotheticalExtraction.build(model, { forward: "leontief" });
  const g = GhoshModel.build(model);

  it("every sector, every kind (Eurostat/Beutel 6-sector table)", () => {
    for (let k = 0; k < 6; k++) {
      expectClose(ext.extract(k, "backward").loss, bruteForce(model, k, "backward"), 1e-5, `backward ${k}`);
      expectClose(ext.extract(k, "both").loss, bruteForce(model, k, "both"), 1e-5, `both ${k}`);
      expectClose(ext.extract(k, "total").loss, bruteForceTotal(model, k), 1e-5, `total ${k}`);
      expectClose(extL.extract(k, "forward").loss, bruteForce(model, k, "forward-leontief"), 1e-5, `forward-L ${k}`);
      expectClose(ext.extract(k, "forward").loss, bruteForceGhosh(g, k), 1e-5, `forward-G ${k}`);
    }
  });

  it("ranking is ordered by loss and shares are loss / total output", () => {
    const r = ext.ranking();
    for (const kind of ["backward", "forward", "both", "total"] as const) {
      const e = r[kind];
      for (let i = 1; i < 6; i++) expect(e.total[e.order[i - 1]]).toBeGreaterThanOrEqual(e.total[e.order[i]]);
      expect([...e.order].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    }
    expectClose(r.backward.share, r.backward.total.map((t) => t / sum(model.x)), 1e-15, "share");
    expectClose(r.forward.share, r.forward.total.map((t) => t / sum(g.xRow)), 1e-15, "share");
    expect(r.forwardMethod).toBe("ghosh");
  });

  it("competitive tables extract from the domestic coefficients (I − M̂)A", () => {
    const t = makeTable({
      sectors: ["a", "b", "c"],
      Z: [
        [30, 20, 5],
        [10, 40, 10],
        [5, 5, 20],
      ],
      x: [90, 110, 60],
      finalDemand: [
        { role: "fd:household", values: [60, 70, 35] },
        { role: "export", values: [2, 2, 0] },
        { role: "import", values: [-22, -12, -5] },
      ],
      primaryInputs: [{ role: "va:other", values: [45, 43, 25] }],
      importType: "competitive",
    });
    const m = IOModel.build(t);
    const e = HypotheticalExtraction.build(m, { forward: "leontief" });
    for (let k = 0; k < 3; k++)
      for (const kind of ["backward", "both"] as const)
        expectClose(e.extract(k, kind).loss, bruteForce(m, k, kind), 1e-9, `${kind} ${k}`);
    const eg = HypotheticalExtraction.build(m);
    expectClose(eg.extract(1, "forward").loss, bruteForceGhosh(GhoshModel.build(m), 1), 1e-9, "forward-G");
  });
});

describe("hypothetical extraction — identities", () => {
  it("a sector with no links loses nothing beyond its own final demand (zero loss)", () => {
    // Sector c neither buys from nor sells to the others, and uses none of its own output.
    const t = makeTable({
      sectors: ["a", "b", "c"],
      Z: [
        [10, 20, 0],
        [30, 5, 0],
        [0, 0, 0],
      ],
      x: [100, 120, 40],
    });
    const e = HypotheticalExtraction.build(IOModel.build(t));
    for (const kind of ["backward", "forward", "both"] as const) {
      const r = e.extract(2, kind);
      expect(Math.max(...r.loss.map(Math.abs))).toBeLessThan(1e-12);
    }
    // and the final demand it keeps is its whole output
    expect(e.f[2]).toBe(40);
  });

  it("property: losses are non-negative on productive non-negative tables", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((n) =>
          fc.record({
            Z: fc.array(fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: n, maxLength: n }), {
              minLength: n,
              maxLength: n,
            }),
            fd: fc.array(fc.double({ min: 1, max: 50, noNaN: true }), { minLength: n, maxLength: n }),
          }),
        ),
        ({ Z, fd }) => {
          // output from the rows (intermediate sales + final demand); value added is the rest
          const x = Z.map((r, i) => r.reduce((s, z) => s + z, 0) + fd[i]);
          const colZ = x.map((_, j) => Z.reduce((s, r) => s + r[j], 0));
          if (colZ.some((c, j) => c >= x[j])) return; // not productive: skip this draw
          const t = makeTable({ sectors: Z.map((_, i) => `s${i}`), Z, x, importType: "domestic" });
          const e = HypotheticalExtraction.build(IOModel.build(t));
          for (let k = 0; k < Z.length; k++)
            for (const kind of ["backward", "forward", "both"] as const)
              expect(e.extract(k, kind).loss.every((l) => l >= -1e-9)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("rejects a bad sector index or kind, naming the parameter", () => {
    const e = HypotheticalExtraction.build(IOModel.build(millerBlairTable()));
    expect(() => e.extract(2, "backward")).toThrow(/parameter sector/);
    expect(() => e.extract(0, "sideways" as never)).toThrow(/parameter kind/);
    expect(() => HypotheticalExtraction.build(IOModel.build(millerBlairTable()), { forward: "x" as never })).toThrow(
      /parameter forward/,
    );
  });
});
