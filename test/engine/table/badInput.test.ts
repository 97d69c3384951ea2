// The bad-input corpus: each problem is a RippleError (or a warning) naming the sheet and cell,
// in Japanese and English, saying what to do.

import { describe, expect, it } from "vitest";
import { RippleError } from "../../../src/engine/errors";
import type { CellValue, Grid } from "../../../src/engine/grid";
import { readTable } from "../../../src/engine/table";
import { gridOf, micGrid, randomMicParts } from "./fixtures";

// Layout of the base grid (4 sectors, no subtotals): row 1 title, rows 2-3 codes/names, sector rows
// 4-7, value-added rows 8-13, 国内生産額 row 14; columns A-B labels, sectors C-F, final demand
// G-L, exports M-N, imports O-Q, 国内生産額 column R.
function base(): { grid: Grid; parts: ReturnType<typeof randomMicParts> } {
  const parts = randomMicParts(4, "bad-input");
  return { grid: micGrid(parts, { subtotals: false, sheet: "取引基本表" }), parts };
}

function thrown(f: () => unknown): RippleError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(RippleError);
    return e as RippleError;
  }
  throw new Error("expected a RippleError");
}

function expectError(e: RippleError, code: string, cell: string, ja: string, en: string) {
  expect(e.code).toBe(code);
  expect(e.where).toMatchObject({ sheet: "取引基本表", cell });
  expect(e.text.ja).toContain(ja);
  expect(e.text.en).toContain(en);
  expect(e.format("ja")).toContain(`セル ${cell}`);
  expect(e.format("en")).toContain(`cell ${cell}`);
}

function set(grid: Grid, r: number, c: number, v: CellValue) {
  grid.values[r][c] = v;
}

describe("bad input", () => {
  it("sanity: the base grid reads without warnings", () => {
    const { grid } = base();
    expect(grid.values[13][1]).toBe("国内生産額");
    expect(grid.values[2][17]).toBe("国内生産額");
    expect(readTable(grid).warnings).toEqual([]);
  });

  it("text in a numeric cell", () => {
    const { grid } = base();
    set(grid, 4, 3, "1,2x3");
    expectError(thrown(() => readTable(grid)), "table.text-in-number", "D5", "「1,2x3」", "'1,2x3'");
  });

  it("text in a final-demand cell", () => {
    const { grid } = base();
    set(grid, 3, 7, "約100"); // ("n/a" is a not-available mark: markers.test.ts)
    expectError(thrown(() => readTable(grid)), "table.text-in-number", "H4", "数値", "number");
  });

  it("blank cells in Z count as 0; placeholders such as '-' too, with a warning", () => {
    const { grid, parts } = base();
    const zeros: [number, number][] = [];
    parts.Z.forEach((row, i) => row.forEach((v, j) => v === 0 && zeros.push([i, j])));
    expect(zeros.length).toBeGreaterThanOrEqual(2);
    set(grid, 3 + zeros[0][0], 2 + zeros[0][1], null);
    set(grid, 3 + zeros[1][0], 2 + zeros[1][1], "-");
    const t = readTable(grid);
    expect(t.Z).toEqual(parts.Z);
    expect(t.warnings.map((w) => w.code)).toEqual(["table.placeholder-zero"]);
  });

  it("an empty (merged) column label in the sector block", () => {
    const { grid } = base();
    set(grid, 1, 3, null);
    set(grid, 2, 3, null);
    expectError(thrown(() => readTable(grid)), "table.empty-label", "D3", "ラベルが空", "label in the sector block is empty");
  });

  it("an empty (merged) row label in the sector block", () => {
    const { grid } = base();
    set(grid, 5, 0, null);
    set(grid, 5, 1, null);
    expectError(thrown(() => readTable(grid)), "table.empty-label", "B6", "結合セル", "merged");
  });

  it("a duplicated sector", () => {
    const { grid } = base();
    set(grid, 5, 1, "部門2");
    set(grid, 2, 4, "部門2");
    expectError(thrown(() => readTable(grid)), "table.duplicate-sector", "B6", "B5 と B6", "B5 and B6");
  });

  it("a zero output names the sector and cell and says to drop or merge it", () => {
    const { grid } = base();
    set(grid, 13, 3, 0);
    const e = thrown(() => readTable(grid));
    expectError(e, "table.output-nonpositive", "D14", "部門2 (D14: 0)", "部門2 (D14: 0)");
    expect(e.text.ja).toContain("統合");
    expect(e.text.en).toContain("merge");
  });

  it("a negative output", () => {
    const { grid } = base();
    set(grid, 13, 5, -5);
    expectError(thrown(() => readTable(grid)), "table.output-nonpositive", "F14", "部門4", "部門4 (F14: -5)");
  });

  it("a zero-output sector can be dropped with the mapping", () => {
    const { grid } = base();
    // Sector 部門2 with nothing in its row and column: dropped, the table reads with 3 sectors.
    for (let r = 3; r < 14; r++) set(grid, r, 3, r >= 7 && r < 13 ? null : 0);
    for (let c = 2; c < 18; c++) set(grid, 4, c, 0);
    expect(thrown(() => readTable(grid)).code).toBe("table.output-nonpositive");
    const t = readTable(grid, { mapping: { rows: { 部門2: "ignore" } } });
    expect(t.sectors.map((s) => s.label)).toEqual(["部門1", "部門3", "部門4"]);
    expect(t.layout!.cols.find((l) => l.name === "部門2")!.role).toBe("ignore");
  });

  it("a small imbalance is a warning with the gap per sector", () => {
    const { grid, parts } = base();
    set(grid, 13, 2, parts.x[0] + 3);
    const t = readTable(grid);
    const w = t.warnings.find((x) => x.code === "table.output-mismatch")!;
    expect(w.where).toEqual({ sheet: "取引基本表", cell: "C14" });
    expect(w.text.ja).toContain("部門1");
    expect(w.text.en).toContain("(3)");
    expect(t.warnings.map((x) => x.code)).toContain("table.column-gap");
  });

  it("a gross imbalance (>1% between output row and column) is an error", () => {
    const { grid, parts } = base();
    set(grid, 13, 4, Math.round(parts.x[2] * 1.5));
    const e = thrown(() => readTable(grid));
    expectError(e, "table.unbalanced", "E14", "1%", "more than 1%");
    expect(e.text.en).toContain("部門3");
  });

  it("a sheet with no table: all text, or too small", () => {
    const text = gridOf([["メモ", "説明"], ["a", "b"], ["c", "d"]], "メモ");
    const e1 = thrown(() => readTable(text));
    expect(e1.code).toBe("table.no-table");
    expect(e1.where).toEqual({ sheet: "メモ", cell: "A1" });
    expect(e1.text.ja).toContain("表がありません");
    expect(e1.text.en).toContain("no table of numbers");
    const small = gridOf([[1, 2]], "小さい", { row: 4, col: 2 });
    const e2 = thrown(() => readTable(small));
    expect(e2.code).toBe("table.no-table");
    expect(e2.where.cell).toBe("C5");
    const noLabels = gridOf([[1, 2, 3], [4, 5, 6], [7, 8, 9]], "数値のみ");
    const e3 = thrown(() => readTable(noLabels));
    expect(e3.code).toBe("table.no-table");
    expect(e3.text.ja).toContain("行と列");
    expect(e3.text.en).toContain("row labels and as column labels");
  });

  it("a sector row that is not a column", () => {
    const { grid } = base();
    const extra: CellValue[] = ["05", "部門5", 1, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5, 5, -1, 0, 0, 54];
    grid.values.splice(7, 0, extra);
    expectError(thrown(() => readTable(grid)), "table.sector-mismatch", "B8", "同じラベルの列がありません", "no column has the same label");
  });

  it("a sector column that is not a row", () => {
    const { grid } = base();
    grid.values = grid.values.map((row, r) => {
      const copy = [...row];
      copy.splice(6, 0, r === 1 ? "05" : r === 2 ? "部門5" : r >= 3 && r <= 12 ? 7 : null);
      return copy;
    });
    expectError(thrown(() => readTable(grid)), "table.sector-mismatch", "G3", "同じラベルの行がありません", "no row has the same label");
  });

  it("a sector label between sectors that the other direction lacks", () => {
    const { grid } = base();
    set(grid, 5, 1, "部門X");
    set(grid, 5, 0, "99");
    expectError(thrown(() => readTable(grid)), "table.sector-mismatch", "B6", "部門X", "'99 部門X'");
  });

  it("an unknown numeric line after the value-added rows is a warning and ignored", () => {
    const { grid } = base();
    const row: CellValue[] = ["98", "謎の行", 1, 1, 1, 1];
    while (row.length < grid.values[0].length) row.push(null);
    grid.values.splice(12, 0, row);
    const t = readTable(grid);
    const w = t.warnings.find((x) => x.code === "table.unknown-line")!;
    expect(w.where).toEqual({ sheet: "取引基本表", cell: "B13" });
    expect(w.text.ja).toContain("謎の行");
    expect(w.text.en).toContain("ignore");
    expect(t.layout!.rows.find((l) => l.name === "謎の行")!.role).toBe("ignore");
  });

  it("a mapping label that matches nothing, and an invalid role", () => {
    const { grid } = base();
    const e = thrown(() => readTable(grid, { mapping: { rows: { 存在しない行: "va:other" } } }));
    expect(e.code).toBe("table.mapping-label-unknown");
    expect(e.text.ja).toContain("存在しない行");
    expect(e.text.en).toContain("'存在しない行'");
    const e2 = thrown(() => readTable(grid, { mapping: { cols: { 民間消費支出: "fd:houshold" as never } } }));
    expect(e2.code).toBe("table.mapping-role-invalid");
    expect(e2.text.en).toContain("fd:houshold");
    expect(e2.text.ja).toContain("fd:houshold");
  });

  it("a mislabelled mapping entry names the table's nearest labels, so the typo can be fixed", () => {
    const { grid } = base();
    const e = thrown(() => readTable(grid, { mapping: { rows: { 雇用者所得計: "va:compensation" } } }));
    expect(e.code).toBe("table.mapping-label-unknown");
    expect(e.text.ja).toMatch(/近いラベル: [^。]*雇用者所得/);
    expect(e.text.en).toMatch(/Nearest labels: [^.]*'[^']*雇用者所得'/);
    // Nothing alike: no list of unrelated labels.
    const e2 = thrown(() => readTable(grid, { mapping: { cols: { zzzz: "ignore" } } }));
    expect(e2.text.en).not.toContain("Nearest labels");
  });
});
