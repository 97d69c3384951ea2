// The values a WorkbookSpec puts in each cell, looked up by sheet and position, so chart parts
// can carry caches of the numbers and labels they point at (viewers draw charts from the
// caches without recalculating).
import type { CellSpec, RangeRef, WorkbookSpec } from "../../report/spec";
import { RippleError } from "../../engine/errors";

export type CachedValue = string | number | boolean | null;

export class SpecCells {
  private readonly sheets = new Map<string, Map<number, CachedValue>>();

  constructor(spec: WorkbookSpec) {
    for (const sheet of spec.sheets) {
      const cells = new Map<number, CachedValue>();
      for (const block of sheet.blocks) {
        block.values.forEach((row, r) =>
          row.forEach((v, c) => cells.set(key(block.row + r, block.col + c), cached(v))),
        );
      }
      this.sheets.set(sheet.name, cells);
    }
  }

  /** The cells of a range, row by row, with the sheet they are on. */
  range(ref: RangeRef, chartSheet: string): { sheet: string; values: CachedValue[] } {
    const sheet = ref.sheet ?? chartSheet;
    const cells = this.sheets.get(sheet);
    if (!cells) {
      throw new RippleError(
        "chart-sheet-missing",
        {
          ja: `グラフが参照するシート「${sheet}」がブックにありません。`,
          en: `A chart refers to sheet '${sheet}', which the workbook does not have.`,
        },
        { sheet: chartSheet },
      );
    }
    const values: CachedValue[] = [];
    for (let r = 0; r < ref.rows; r++) {
      for (let c = 0; c < ref.cols; c++) values.push(cells.get(key(ref.row + r, ref.col + c)) ?? null);
    }
    return { sheet, values };
  }
}

function key(row: number, col: number): number {
  // Excel's limits (1,048,576 rows × 16,384 columns) fit in one safe integer.
  return row * 16384 + col;
}

function cached(v: CellSpec): CachedValue {
  if (v !== null && typeof v === "object") return v.value ?? null;
  return v;
}
