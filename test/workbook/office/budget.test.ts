import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cellBytes,
  DEFAULT_BUDGET,
  doubleReadEstimate,
  matrixBytes,
  packSyncs,
  planReadBlocks,
  planRects,
  type Rect,
  stringBytes,
} from "../../../src/workbook/office/budget";
import { blockInput, blockNumberFormats, cellInput, fromExcel, textInput } from "../../../src/workbook/office/cells";
import { anchorCells, excelChartType, seriesBy } from "../../../src/workbook/office/charts";
import { columnWidthPoints, columnWidthRuns, styleWrites, BLOCK_STYLES } from "../../../src/workbook/office/styles";

const utf8 = (s: string): number => new TextEncoder().encode(s).length;

/** Every cell of a rows×cols area is in exactly one rectangle. */
function coversOnce(rects: Rect[], rows: number, cols: number): boolean {
  const seen = new Uint8Array(rows * cols);
  for (const r of rects)
    for (let i = r.row; i < r.row + r.rows; i++)
      for (let j = r.col; j < r.col + r.cols; j++) {
        if (i >= rows || j >= cols || seen[i * cols + j]) return false;
        seen[i * cols + j] = 1;
      }
  return seen.every((x) => x === 1);
}

describe("payload estimates", () => {
  it("never underestimate the JSON bytes of a cell", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null)), (v) => {
        const json = JSON.stringify(v) ?? "null";
        expect(cellBytes(v)).toBeGreaterThanOrEqual(utf8(json) + 1);
      }),
    );
  });
  it("counts a 2-D array at least at its JSON size", () => {
    const m = [["産業連関表", 1.25, null], [true, -3e-12, "a\"b"]];
    expect(matrixBytes(m)).toBeGreaterThanOrEqual(utf8(JSON.stringify(m)));
    expect(stringBytes("abc")).toBe(6);
    expect(stringBytes("農業")).toBe(3 + 12);
  });
});

describe("read blocks", () => {
  it("cuts a 500×400 table of doubles into ~83-row blocks covering it once", () => {
    const rects = planReadBlocks(500, 400);
    expect(rects[0]).toEqual({ row: 0, col: 0, rows: 83, cols: 400 });
    expect(rects).toHaveLength(7);
    expect(coversOnce(rects, 500, 400)).toBe(true);
    for (const r of rects) expect(r.rows * r.cols * DEFAULT_BUDGET.readBytesPerCell).toBeLessThanOrEqual(DEFAULT_BUDGET.blockBytes);
  });
  it("cuts columns into bands when a single row is over the block size", () => {
    const budget = { syncBytes: 3000, blockBytes: 1000, readBytesPerCell: 30 };
    const rects = planReadBlocks(10, 100, budget);
    expect(coversOnce(rects, 10, 100)).toBe(true);
    for (const r of rects) expect(r.rows * r.cols * 30).toBeLessThanOrEqual(1000);
    expect(new Set(rects.map((r) => r.col)).size).toBeGreaterThan(1);
  });
  it("gives more blocks as the data grow, and half as many rows when cells are assumed twice as big", () => {
    expect(planReadBlocks(100, 400).length).toBeLessThan(planReadBlocks(500, 400).length);
    expect(planReadBlocks(500, 400).length).toBeLessThan(planReadBlocks(500, 800).length);
    expect(planReadBlocks(500, 400, doubleReadEstimate(DEFAULT_BUDGET))[0].rows).toBe(41);
    expect(planReadBlocks(0, 5)).toEqual([]);
  });
});

describe("write blocks", () => {
  it("cover every cell once and keep each block under the size unless it is one cell", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (rows, cols, blockBytes, seed) => {
          const cost = (r: number, c: number): number => 1 + ((r * 31 + c * 17 + seed) % 97);
          const rects = planRects(rows, cols, cost, blockBytes);
          expect(coversOnce(rects, rows, cols)).toBe(true);
          for (const rc of rects) {
            let sum = 0;
            for (let i = rc.row; i < rc.row + rc.rows; i++) for (let j = rc.col; j < rc.col + rc.cols; j++) sum += cost(i, j);
            if (rc.rows * rc.cols > 1) expect(sum).toBeLessThanOrEqual(blockBytes);
          }
        },
      ),
    );
  });
  it("pack consecutive items into syncs within the budget, in order", () => {
    const items = [5, 3, 4, 9, 1, 1, 12, 2].map((bytes, i) => ({ bytes, i }));
    const groups = packSyncs(items, 10);
    expect(groups.flat().map((x) => x.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (const g of groups) if (g.length > 1) expect(g.reduce((n, x) => n + x.bytes, 0)).toBeLessThanOrEqual(10);
    expect(groups.map((g) => g.length)).toEqual([2, 1, 2, 1, 1, 1]);
  });
});

describe("cell input", () => {
  it("makes every string text, formulas explicit, and non-finite numbers #NUM!", () => {
    expect(textInput("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(textInput("")).toBe("");
    expect(cellInput("01")).toBe("'01");
    expect(cellInput("'quoted")).toBe("''quoted");
    expect(cellInput(1.5)).toBe(1.5);
    expect(cellInput(Number.NaN)).toBe("#NUM!");
    expect(cellInput(null)).toBe(null);
    expect(cellInput({ formula: "SUM(B2:B3)" })).toBe("=SUM(B2:B3)");
  });
  it("pads ragged rows and writes an array formula as one INDEX formula per cell (no spill)", () => {
    const b = blockInput({
      row: 0,
      col: 0,
      values: [
        [{ formula: "MMULT(A1:B2,C1:D2)", array: { rows: 2, cols: 2 } }, 7],
        [8, 9, "x"],
      ],
    });
    expect(b).toEqual({
      rows: 2,
      cols: 3,
      hasFormula: true,
      cells: [
        ["=INDEX(MMULT(A1:B2,C1:D2),1,1)", "=INDEX(MMULT(A1:B2,C1:D2),1,2)", null],
        ["=INDEX(MMULT(A1:B2,C1:D2),2,1)", "=INDEX(MMULT(A1:B2,C1:D2),2,2)", "'x"],
      ],
    });
  });
  it("spreads number formats over the block's columns", () => {
    const blk = { row: 0, col: 0, values: [[1, 2], [3, 4]], numberFormat: ["0.0", null] };
    expect(blockNumberFormats(blk, 2, 2)).toEqual([["0.0", null], ["0.0", null]]);
    expect(blockNumberFormats({ ...blk, numberFormat: [null, null] }, 2, 2)).toBeNull();
    expect(blockNumberFormats({ ...blk, numberFormat: "#,##0" }, 2, 2)).toEqual([["#,##0", "#,##0"], ["#,##0", "#,##0"]]);
    expect(fromExcel("")).toBeNull();
    expect(fromExcel(0)).toBe(0);
  });
});

describe("styles and charts", () => {
  it("converts character widths to points as Excel does for the default font", () => {
    expect(columnWidthPoints(8.43)).toBe(48); // Excel's default column: 64 px
    expect(columnWidthPoints(0)).toBe(0);
    expect(columnWidthRuns({ 0: 30, 1: 12, 2: 12, 3: 12, 5: 12 })).toEqual([
      { col: 0, cols: 1, points: columnWidthPoints(30) },
      { col: 1, cols: 3, points: columnWidthPoints(12) },
      { col: 5, cols: 1, points: columnWidthPoints(12) },
    ]);
    expect(styleWrites(BLOCK_STYLES.header).map((w) => w.path)).toEqual(["font.bold", "fill.color", "borders.EdgeBottom.style"]);
    expect(styleWrites(BLOCK_STYLES.body)).toEqual([]);
  });
  it("maps chart types and anchors", () => {
    expect(excelChartType("column")).toBe("ColumnClustered");
    expect(excelChartType("barStacked")).toBe("BarStacked");
    expect(excelChartType("scatter")).toBe("XYScatter");
    expect(seriesBy({ row: 0, col: 0, rows: 13, cols: 1 })).toBe("Columns");
    expect(seriesBy({ row: 0, col: 0, rows: 1, cols: 13 })).toBe("Rows");
    expect(anchorCells({ row: 2, col: 4, widthCols: 8, heightRows: 15 })).toEqual({ start: "E3", end: "L17" });
  });
});
