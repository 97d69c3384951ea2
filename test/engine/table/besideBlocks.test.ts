// Blocks printed BESIDE the table, right of the output column past an empty column (or a column
// printing the row labels again): engine/table/besideBlocks.ts and besideCheck.ts. Offices print
// their helpers there — the input coefficients of the same table, import ratios, 生産誘発額 with
// shares, the Leontief inverse. Before, a coefficient block was ignored with an "unknown line" warning per column and an
// import-ratio column headed 輸入係数 was read as a further import column (the balance check let it
// through: 0.12 is within half a unit of integer data). Now a block computed from the table is
// ignored with the reason, anything else is refused naming the block; a final-demand block
// printed beside with the sectors repeated is still joined. Every table's numbers are checked
// against a hand computation (A = Z / x, m = |imports| / domestic demand, L by Gauss–Jordan).

import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/engine/grid";
import { analyze } from "../../../src/engine/model";
import { readTable, recognizeLayout } from "../../../src/engine/table";
import { gaussJordanInverse, gridOf, refusal } from "./fixtures";

const S = ["農業", "製造業", "サービス"];
const Z = [
  [10, 20, 5],
  [30, 60, 25],
  [15, 40, 50],
];
const HH = [50, 60, 120];
const EX = [25, 45, 30];
const IM = [-10, -20, -5];
const X = [100, 200, 250];
const rowSum = (i: number) => Z[i].reduce((a, b) => a + b, 0);

/** The table (A1:I8): sectors, 内生部門計, one final-demand column, exports, imports, output. */
const TABLE: CellValue[][] = [
  ["", ...S, "内生部門計", "民間消費支出", "輸出", "（控除）輸入", "国内生産額"],
  ...S.map((s, i) => [s, ...Z[i], rowSum(i), HH[i], EX[i], IM[i], X[i]]),
  ["内生部門計", 55, 120, 80],
  ["雇用者所得", 30, 50, 100],
  ["営業余剰", 15, 30, 70],
  ["粗付加価値部門計", 45, 80, 170],
  ["国内生産額", 100, 200, 250],
];

// By hand: A = Z / x by column; m = |imports| / (intermediate + domestic final demand).
const A_HAND = [
  [0.1, 0.1, 0.02],
  [0.3, 0.3, 0.1],
  [0.15, 0.2, 0.2],
];
const M_HAND = [10 / 85, 20 / 175, 5 / 225];

/** L = (I − (I − M̂)A)⁻¹, MIC's competitive-import inverse, from the hand A and m. */
const L_HAND = gaussJordanInverse(A_HAND.map((row, i) => row.map((a, j) => (i === j ? 1 : 0) - (1 - M_HAND[i]) * a)));

function expectHandNumbers(g: ReturnType<typeof gridOf>) {
  const t = readTable(g);
  expect(t.Z).toEqual(Z);
  expect(t.x).toEqual(X);
  expect(t.finalDemand.map((f) => [f.role, f.values])).toEqual([
    ["fd:household", HH],
    ["export", EX],
    ["import", IM],
  ]);
  const r = analyze(t);
  r.A.forEach((row, i) => row.forEach((a, j) => expect(a).toBeCloseTo(A_HAND[i][j], 12)));
  r.importCoefficients!.forEach((m, i) => expect(m).toBeCloseTo(M_HAND[i], 12));
  r.L.forEach((row, i) => row.forEach((l, j) => expect(Math.abs(l - L_HAND[i][j])).toBeLessThan(1e-12)));
  return t;
}

/** The table with `extra` printed to its right after `gap` empty columns, row by row from row 1. */
function beside(extra: CellValue[][], gap = 1): CellValue[][] {
  return TABLE.map((r, k) => [...r, ...new Array<CellValue>(9 - r.length).fill(null), ...new Array<CellValue>(gap).fill(null), ...(extra[k] ?? [])]);
}

const round6 = (v: number) => Number(v.toFixed(6));

describe("a block of input coefficients beside the table", () => {
  // 投入係数 printed to six decimals in K1:N4, the sector labels repeated in K.
  const coefficients = [["", ...S], ...S.map((s, i) => [s, ...A_HAND[i].map(round6)])];

  it("is ignored, with the reason checked by its numbers, and the table reads as without it", () => {
    const g = gridOf(beside(coefficients), "表");
    const layout = recognizeLayout(g);
    expect(layout.ignoredBlocks).toHaveLength(1);
    expect(layout.ignoredBlocks![0].range).toBe("K1:N4");
    expect(layout.ignoredBlocks![0].reason.ja).toContain("投入係数");
    // No line of the table is read from the block: no column right of the output column.
    expect(layout.cols.map((c) => c.address)).toEqual(["B1", "C1", "D1", "E1", "F1", "G1", "H1", "I1"]);
    const t = expectHandNumbers(g);
    expect(t.warnings.map((w) => w.code)).toEqual(["table.block-derived"]);
    expect(t.warnings[0].where).toMatchObject({ sheet: "表", cell: "K1:N4" });
  });

  it("without the labels printed again, the same", () => {
    const g = gridOf(beside(coefficients.map((r) => r.slice(1))), "表");
    expect(recognizeLayout(g).ignoredBlocks!.map((b) => b.range)).toEqual(["K1:M4"]);
    expectHandNumbers(g);
  });

  it("one coefficient that is not the table's (0.3 printed where Z/x is 0.1): refused naming the block", () => {
    const wrong = coefficients.map((r) => [...r]);
    wrong[1][2] = 0.3;
    const e = refusal(() => recognizeLayout(gridOf(beside(wrong), "表")));
    expect(e.code).toBe("table.block-beside");
    expect(e.where).toEqual({ sheet: "表", cell: "K1:N4" });
    expect(e.format("ja")).toContain("別のシートに移す");
  });
});

describe("a block of Leontief inverse coefficients beside the table", () => {
  // (I − A)⁻¹ without imports and MIC's (I − (I − M̂)A)⁻¹, each from the hand A and m.
  const openL = gaussJordanInverse(A_HAND.map((row, i) => row.map((a, j) => (i === j ? 1 : 0) - a)));
  for (const [name, L, formula] of [
    ["competitive-import", L_HAND, "(I − (I − M̂)A)⁻¹"],
    ["open", openL, "(I − A)⁻¹"],
  ] as const) {
    it(`${name} ${formula}, printed to six decimals: ignored as inverse coefficients`, () => {
      const block = [["", ...S], ...S.map((s, i) => [s, ...L[i].map(round6)])];
      const g = gridOf(beside(block, 2), "表");
      const layout = recognizeLayout(g);
      expect(layout.ignoredBlocks!.map((b) => [b.range, b.reason.en])).toEqual([["L1:O4", expect.stringContaining(`Leontief inverse coefficients ${formula}`)]]);
      expectHandNumbers(g);
    });
  }

  it("an inverse of another table is refused", () => {
    const block = [["", ...S], ...S.map((s, i) => [s, ...L_HAND[i].map((l) => round6(l * 1.01))])];
    expect(refusal(() => recognizeLayout(gridOf(beside(block), "表"))).code).toBe("table.block-beside");
  });
});

describe("a block of import ratios beside the table", () => {
  const ratios = S.map((_, i) => [round6(M_HAND[i])]);

  for (const header of ["輸入係数", "輸入"]) {
    it(`headed '${header}': ignored as import coefficients, never read as imports`, () => {
      const g = gridOf(beside([[header], ...ratios]), "表");
      const layout = recognizeLayout(g);
      expect(layout.cols.filter((c) => c.role === "import").map((c) => c.address)).toEqual(["H1"]);
      expect(layout.ignoredBlocks!.map((b) => [b.range, b.reason.en])).toEqual([
        ["K1:K4", expect.stringContaining("import coefficients (imports / domestic demand)")],
      ]);
      expectHandNumbers(g);
    });
  }

  it("imports / output is a ratio of two of the table's columns: ignored, naming them", () => {
    const perOutput = S.map((_, i) => [round6(-IM[i] / X[i])]);
    const layout = recognizeLayout(gridOf(beside([["輸入率"], ...perOutput]), "表"));
    expect(layout.ignoredBlocks![0].reason.en).toContain("the ratio '（控除）輸入' / '国内生産額'");
  });

  it("ratios the table does not give (another year's, say) are refused", () => {
    const other = [[0.2], [0.15], [0.05]];
    expect(refusal(() => recognizeLayout(gridOf(beside([["輸入係数"], ...other]), "表"))).code).toBe("table.block-beside");
  });
});

describe("a helper block beside the table, the sectors repeated as rows with other numbers", () => {
  it("is refused naming the sheet and the block's range, and saying what to do", () => {
    const helper = [["", "生産誘発額", "構成比"], ...S.map((s, i) => [s, X[i] * 1.5, round6(X[i] / 550)])];
    const e = refusal(() => recognizeLayout(gridOf(beside(helper), "表")));
    expect(e.code).toBe("table.block-beside");
    expect(e.where).toEqual({ sheet: "表", cell: "K1:M4" });
    expect(e.format("ja")).toContain("生産誘発額");
    expect(e.format("en")).toContain("select only the table's range");
  });
});

describe("a final-demand block printed beside the intermediate block, the sectors repeated", () => {
  // Sectors with value added on the left (A:E), the final demand with the row labels again on the
  // right, as a two-page spread prints it.
  const left = TABLE.map((r) => [...r.slice(0, 5), ...new Array<CellValue>(Math.max(0, 5 - r.length)).fill(null)]);
  const right = TABLE.map((r, k) => (k === 0 ? ["", ...r.slice(5)] : k <= 3 ? [r[0], ...r.slice(5)] : []));

  for (const gap of [0, 1]) {
    it(`is joined as before (${gap} empty column between), with the hand numbers`, () => {
      const g = gridOf(left.map((r, k) => [...r, ...new Array<CellValue>(gap).fill(null), ...right[k]]), "表");
      const layout = recognizeLayout(g);
      expect(layout.ignoredBlocks).toBeUndefined();
      expect(layout.joined!.blocks).toHaveLength(2);
      const t = expectHandNumbers(g);
      expect(t.warnings.map((w) => w.code)).toEqual(["table.blocks-joined"]);
    });
  }

  it("and a coefficient block right of that is still ignored by its numbers", () => {
    const coefficients = [["", ...S], ...S.map((s, i) => [s, ...A_HAND[i].map(round6)])];
    const rows = left.map((r, k) => [...r, null, ...right[k], ...new Array<CellValue>(5 - right[k].length).fill(null), null, ...(coefficients[k] ?? [])]);
    const g = gridOf(rows, "表");
    const layout = recognizeLayout(g);
    expect(layout.ignoredBlocks!.map((b) => b.reason.en)).toEqual([expect.stringContaining("input coefficients")]);
    expectHandNumbers(g);
  });
});
