// Wrapping long texts looks only at the cells right of a text (issue 16 audit): on a sheet with
// an n × n block written directly into the package (A, L of a 2,000-sector table), it used to
// build a key for every filled cell — 8 million strings, seconds of CPU and hundreds of MB in a
// 2,000-sector --out run — to answer a handful of questions.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { BlockSpec, SheetSpec } from "../../../src/report/spec";
import { writeSheetCells } from "../../../src/workbook/xlsx/writeCells";

describe("wrapping long texts on a sheet with a huge direct block", () => {
  it("takes time in the texts, not in the cells of the big block, and still wraps what it must", () => {
    const n = 3000;
    const row = new Array<number>(n).fill(0.125);
    const big: BlockSpec = { row: 3, col: 1, values: Array.from({ length: n }, () => row) };
    const note: BlockSpec = { row: 0, col: 0, values: [["a note far wider than its column ".repeat(12)]] };
    // A text with a filled cell right beside it: no room to spread into, so it wraps in place.
    const label: BlockSpec = { row: 3, col: 0, values: [["a sector label wider than its narrow column"]] };
    const sheet: SheetSpec = { key: "A", name: "A", blocks: [note, label, big], columnWidths: { 0: 10 } };
    const ws = new ExcelJS.Workbook().addWorksheet("A");
    const t0 = performance.now();
    writeSheetCells(ws, sheet, new Set([big]));
    const ms = performance.now() - t0;
    expect(ws.getCell(4, 1).alignment).toMatchObject({ wrapText: true, vertical: "top" });
    expect(ws.getCell(1, 1).alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell(1, 1).isMerged).toBe(true);
    // 9 million cells as keys took several seconds even on a quiet machine.
    expect(ms).toBeLessThan(1500);
  });
});
