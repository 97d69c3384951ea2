// The plant's own input structure (MODELS.md 7): a new sector split from its parent on the split
// sheet, checked by hand on the two-sector table of evaluate.test.ts.
import { describe, expect, it } from "vitest";
import { RippleErrorList } from "../../../src/engine/errors";
import type { Grid } from "../../../src/engine/grid";
import { IOModel } from "../../../src/engine/model";
import { evaluateProjects } from "../../../src/engine/projects/evaluate";
import type { Converter, Project } from "../../../src/engine/projects/parse";
import { parseSplits, readSplits } from "../../../src/engine/projects/splitSheet";
import { twoSector } from "./fixtures";

const grid = (rows: (string | number | null)[][]): Grid => ({
  sheet: "部門分割",
  origin: { row: 0, col: 0 },
  values: [["新部門", "親部門", "産出シェア", "投入部門", "投入係数", "出典・根拠"], ...rows],
});

// Split 新磁石 (share 0.2, x_q = 20) from 磁石 with inputs a = [0.05 of 磁石, 0.3 of その他]:
//   u = [1, 6]; the parent column keeps [9, 14]; row 磁石 is split 80/20 between p and q:
//   order [p, q, other]: Z = [[7.2, 0.8, 32], [1.8, 0.2, 8], [14, 6, 20]], x = [80, 20, 200]
//   A = [[0.09, 0.04, 0.16], [0.0225, 0.01, 0.04], [0.175, 0.3, 0.1]], m = [0.1, 0.1, 0]
const A = [
  [0.09, 0.04, 0.16],
  [0.0225, 0.01, 0.04],
  [0.175, 0.3, 0.1],
];
const m = [0.1, 0.1, 0];

/** Inverse of a 3×3 matrix by cofactors (independent of the engine's LU). */
function inverse3(M: number[][]): number[][] {
  const [[a, b, c], [d, e, f], [g, h, i]] = M;
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  return [
    [(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det],
    [(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det],
    [(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det],
  ];
}
const L = inverse3(A.map((row, i) => row.map((v, j) => (i === j ? 1 : 0) - (1 - m[i]) * v)));

const converter: Converter = { name: "conv", shares: new Map([[2, 1]]), source: "test", selfSufficiency: new Map() };
function plan(sector: number): Project {
  return {
    row: 1, address: "A2", id: "P", company: "X", confidential: true, magnetType: "ndfeb-sintered",
    capex: new Map([[2025, 1]]), subsidyRate: null, subsidy: 1, capacity: 1, startYear: 2026, rampYears: 0,
    utilization: 1, unitValue: 5000, treatment: "import-substitution", displacement: 0, sector, converter: "conv", status: null,
  };
}

describe("split sheet", () => {
  const { table, definitions } = parseSplits(
    grid([
      ["新磁石", "01 磁石", 0.2, "磁石", 0.05, "例示"],
      ["新磁石", null, null, "その他", 0.3, "例示"],
    ]),
    twoSector(),
  );

  it("builds the split table by hand: coefficients, imports, totals", () => {
    expect(table.sectors.map((s) => s.label)).toEqual(["磁石", "新磁石", "その他"]);
    expect(definitions[0]).toMatchObject({ label: "新磁石", parentLabel: "磁石", share: 0.2, output: 20 });
    const model = IOModel.build(table, { consumptionRate: 0 });
    const got = model.coefficientMatrix();
    A.forEach((row, i) => row.forEach((v, j) => expect(got[i][j]).toBeCloseTo(v, 12)));
    m.forEach((v, i) => expect(model.m![i]).toBeCloseTo(v, 12));
  });

  it("the plant's own input structure changes the operation effect as expected vs the parent", () => {
    const model = IOModel.build(table, { consumptionRate: 0 });
    // 1 t/yr × 5,000 円/kg = 5 百万円 of additional output, in the new sector (1) or the parent (0)
    const own = evaluateProjects(model, [plan(1)], new Map([["conv", converter]]), { firstYear: 2026, lastYear: 2026 });
    const parent = evaluateProjects(model, [plan(0)], new Map([["conv", converter]]), { firstYear: 2026, lastYear: 2026 });
    const opOwn = own.projects[0].years[0].operation!;
    const opParent = parent.projects[0].years[0].operation!;
    expect(opOwn.direct.output).toEqual([0, 5, 0]);
    expect(opParent.direct.output).toEqual([5, 0, 0]);
    // ΔX1 = L e_k × 5 with L by hand
    for (let i = 0; i < 3; i++) {
      expect(opOwn.firstIndirect.output[i] + opOwn.direct.output[i]).toBeCloseTo(L[i][1] * 5, 10);
      expect(opParent.firstIndirect.output[i] + opParent.direct.output[i]).toBeCloseTo(L[i][0] * 5, 10);
    }
    // The plant buys 0.3 of その他 per unit, its parent 0.175: more is induced there.
    expect(opOwn.firstIndirect.output[2]).toBeGreaterThan(opParent.firstIndirect.output[2]);
  });

  it("reports every bad cell of the sheet together", () => {
    const r = readSplits(
      grid([
        ["新磁石", "半導体", 1.5, "磁石", 0.05, null],
        ["新磁石", null, null, "鉄鋼", -0.1, null],
        ["その他", "磁石", 0.1, null, null, null],
      ]),
      twoSector(),
    );
    expect(r.result).toBeNull();
    expect(r.labels).toEqual(["新磁石", "その他"]);
    expect(r.problems.map((p) => p.where.cell)).toEqual(["B2", "D3", "E3", "A4"]);
    expect(() =>
      parseSplits(grid([["新磁石", "磁石", null, null, null, null]]), twoSector()),
    ).toThrowError(RippleErrorList);
  });
});
