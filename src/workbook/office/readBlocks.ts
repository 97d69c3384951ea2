// Reading a rectangle of a sheet inside one Excel.run: the size is known first, then values come
// in row blocks, several per sync, each sync kept under the payload budget.

import { cancelledError, RippleError, type Where } from "../../engine/errors";
import { a1, type CellValue, type Grid } from "../../engine/grid";
import { type Budget, DEFAULT_BUDGET, doubleReadEstimate, packSyncs, planReadBlocks, type Rect } from "./budget";
import { fromExcel } from "./cells";
import { fromOffice, isPayloadTooLarge } from "./officeErrors";

export interface ReadOptions {
  /** Used range of values only (default), ignoring cells that only carry formatting. */
  valuesOnly?: boolean;
  signal?: AbortSignal;
  /** Cells read so far and in all. */
  onProgress?: (done: number, total: number) => void;
  budget?: Budget;
}

/** A rectangle on a sheet, zero-based. */
export interface SheetArea {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function areaAddress(a: SheetArea): string {
  return a.rows === 1 && a.cols === 1 ? a1(a.row, a.col) : `${a1(a.row, a.col)}:${a1(a.row + a.rows - 1, a.col + a.cols - 1)}`;
}

const READING = { ja: "表を読み込む", en: "reading the table" };

/** Larger reads are refused: 4 million cells is ten times a 2000-sector table's 2000×2000
 * block, and a used range this big usually means a stray value far from the table. */
export const MAX_READ_CELLS = 4_000_000;

/** Intersection of two areas on the same sheet, or null. */
export function intersect(a: SheetArea, b: Omit<SheetArea, "sheet">): SheetArea | null {
  const r0 = Math.max(a.row, b.row);
  const c0 = Math.max(a.col, b.col);
  const r1 = Math.min(a.row + a.rows, b.row + b.rows);
  const c1 = Math.min(a.col + a.cols, b.col + b.cols);
  if (r1 <= r0 || c1 <= c0) return null;
  return { sheet: a.sheet, row: r0, col: c0, rows: r1 - r0, cols: c1 - c0 };
}

/** Read the values of `area` into a Grid. If Excel refuses a response as too large (cells much
 * bigger than estimated, e.g. long texts), the rest is re-planned assuming cells twice as big. */
export async function readArea(ctx: Excel.RequestContext, area: SheetArea, opts: ReadOptions = {}): Promise<Grid> {
  let budget = opts.budget ?? DEFAULT_BUDGET;
  const where: Where = { sheet: area.sheet, cell: areaAddress(area) };
  if (area.rows * area.cols > MAX_READ_CELLS)
    throw new RippleError(
      "range-too-large",
      {
        ja: `${area.rows.toLocaleString()} 行 × ${area.cols.toLocaleString()} 列は大きすぎます (上限 ${MAX_READ_CELLS.toLocaleString()} セル)。表だけを範囲選択するか、表から離れたセルの値を消してください`,
        en: `${area.rows.toLocaleString()} rows × ${area.cols.toLocaleString()} columns is too large (limit ${MAX_READ_CELLS.toLocaleString()} cells); select just the table, or clear stray values far from it`,
      },
      where,
    );
  const values: CellValue[][] = Array.from({ length: area.rows }, () => new Array<CellValue>(area.cols).fill(null));
  const total = area.rows * area.cols;
  let done = 0;
  let todo: Rect[] = planReadBlocks(area.rows, area.cols, budget);
  while (todo.length > 0) {
    if (opts.signal?.aborted) throw cancelledError();
    const per = budget.readBytesPerCell;
    const batch = packSyncs(
      todo.map((r) => ({ r, bytes: r.rows * r.cols * per })),
      budget.syncBytes,
    )[0].map((b) => b.r);
    // The sheet is looked up again for every sync: a proxy from a failed sync is not reused.
    const ws = ctx.workbook.worksheets.getItem(area.sheet);
    const ranges = batch.map((r) => {
      const range = ws.getRangeByIndexes(area.row + r.row, area.col + r.col, r.rows, r.cols);
      range.load("values");
      return range;
    });
    try {
      await ctx.sync();
    } catch (e) {
      const smallest = batch.every((r) => r.rows === 1 && r.cols === 1);
      if (isPayloadTooLarge(e) && !smallest) {
        budget = doubleReadEstimate(budget);
        todo = todo.flatMap((r) =>
          planReadBlocks(r.rows, r.cols, budget).map((s) => ({ row: r.row + s.row, col: r.col + s.col, rows: s.rows, cols: s.cols })),
        );
        continue;
      }
      throw fromOffice(e, where, READING);
    }
    batch.forEach((r, k) => {
      const v = ranges[k].values;
      for (let i = 0; i < r.rows; i++) {
        const src = v[i];
        const dst = values[r.row + i];
        for (let j = 0; j < r.cols; j++) dst[r.col + j] = fromExcel(src[j]);
      }
      done += r.rows * r.cols;
    });
    todo = todo.slice(batch.length);
    opts.onProgress?.(done, total);
  }
  return { sheet: area.sheet, origin: { row: area.row, col: area.col }, values };
}

/** Position properties loaded on a range to learn where it is and how big it is. */
export const POSITION = "rowIndex,columnIndex,rowCount,columnCount";

export function areaOf(sheet: string, r: Excel.Range): SheetArea {
  return { sheet, row: r.rowIndex, col: r.columnIndex, rows: r.rowCount, cols: r.columnCount };
}
