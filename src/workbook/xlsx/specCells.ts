// The values a WorkbookSpec puts in each cell, looked up by sheet and position, so chart parts
// can carry caches of the numbers and labels they point at (viewers draw charts from the
// caches without recalculating).
import type { BlockSpec, CellSpec, RangeRef, WorkbookSpec } from "../../report/spec";
import { RippleError } from "../../engine/errors";

export type CachedValue = string | number | boolean | null;

export class SpecCells {
  // Blocks by sheet, searched per cell: charts read a few ranges, and indexing every cell would
  // cost a map entry per cell of the 2,000 × 2,000 matrix sheets.
  private readonly sheets = new Map<string, BlockSpec[]>();

  constructor(spec: WorkbookSpec) {
    for (const sheet of spec.sheets) this.sheets.set(sheet.name, sheet.blocks);
  }

  /** The value at (row, col): the last block written there wins, as when the host writes them in order. */
  private cell(blocks: BlockSpec[], row: number, col: number): CachedValue {
    for (let i = blocks.length - 1; i >= 0; i--) {
      const b = blocks[i];
      const r = row - b.row;
      const c = col - b.col;
      if (r >= 0 && r < b.values.length && c >= 0 && c < b.values[r].length) return cached(b.values[r][c]);
    }
    return null;
  }

  /** The cells of a range, row by row, with the sheet they are on. */
  range(ref: RangeRef, chartSheet: string): { sheet: string; values: CachedValue[] } {
    const sheet = ref.sheet ?? chartSheet;
    const blocks = this.sheets.get(sheet);
    if (!blocks) {
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
      for (let c = 0; c < ref.cols; c++) values.push(this.cell(blocks, ref.row + r, ref.col + c));
    }
    return { sheet, values };
  }
}

function cached(v: CellSpec): CachedValue {
  if (v !== null && typeof v === "object") return v.value ?? null;
  return v;
}
