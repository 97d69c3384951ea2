// A1 references into a WorkbookSpec for formulas written by the deliverable layer, and lookups
// of what the spec holds at a place. Sheet names are always quoted ('逆行列係数 L'!$B$3:$N$15):
// Excel requires it for non-ASCII names and resolveSheetNames rewrites quoted names on rename.

import { a1, columnLetters } from "../../engine/grid";
import type { CellSpec, RangeRef, SheetSpec, WorkbookSpec } from "../spec";
import { isFormulaCell } from "../spec";

/** A range on a named sheet. */
export interface SheetRange extends RangeRef {
  sheet: string;
}

/** One cell on a named sheet. */
export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

export function absCell(row: number, col: number): string {
  return `$${columnLetters(col)}$${row + 1}`;
}

export function absRange(r: RangeRef): string {
  const first = absCell(r.row, r.col);
  return r.rows === 1 && r.cols === 1 ? first : `${first}:${absCell(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** 'Sheet'!$B$3:$N$15 */
export function sheetRange(r: SheetRange): string {
  return `${quoteSheet(r.sheet)}!${absRange(r)}`;
}

export function sheetCell(c: CellRef): string {
  return `${quoteSheet(c.sheet)}!${absCell(c.row, c.col)}`;
}

export function sheetNamed(spec: WorkbookSpec, name: string): SheetSpec | undefined {
  return spec.sheets.find((s) => s.name === name);
}

/** The cell of a sheet at (row, col); later blocks win, as the hosts write them. */
export function cellOf(sheet: SheetSpec, row: number, col: number): CellSpec | undefined {
  let found: CellSpec | undefined;
  for (const b of sheet.blocks) {
    const r = row - b.row;
    const c = col - b.col;
    if (r >= 0 && r < b.values.length && c >= 0 && c < b.values[r].length) found = b.values[r][c];
  }
  return found;
}

/** The number a cell shows (a formula's cached value), or null. */
export function numberAt(spec: WorkbookSpec, ref: CellRef): number | null {
  const sheet = sheetNamed(spec, ref.sheet);
  const v = sheet ? cellOf(sheet, ref.row, ref.col) : undefined;
  const x = isFormulaCell(v) ? v.value : v;
  return typeof x === "number" ? x : null;
}

/** Numbers of a range, row by row (null where a cell holds no number). */
export function numbersIn(spec: WorkbookSpec, r: SheetRange): (number | null)[] {
  const out: (number | null)[] = [];
  for (let i = 0; i < r.rows; i++)
    for (let j = 0; j < r.cols; j++) out.push(numberAt(spec, { sheet: r.sheet, row: r.row + i, col: r.col + j }));
  return out;
}

/** The row a RowTag key names, anywhere in the workbook: its sheet, row and the block's span. */
export function findTaggedRow(spec: WorkbookSpec, key: string): { sheet: string; row: number; col: number; cols: number } | null {
  for (const s of spec.sheets)
    for (const b of s.blocks)
      for (const [r, tag] of Object.entries(b.rowTags ?? {}))
        if (tag.key === key) {
          const row = b.values[Number(r)] ?? [];
          return { sheet: s.name, row: b.row + Number(r), col: b.col, cols: row.length };
        }
  return null;
}

/** A1 address without the $ signs (relative reference): the engine's a1. */
export const bareCell = a1;

/** The cell in column `col` of the first row whose column `labelCol` holds the label (a string,
 * or a test on the text). */
export function labelledCell(
  sheet: SheetSpec,
  label: string | ((text: string) => boolean),
  col: number,
  labelCol = 0,
): CellRef | undefined {
  const is = typeof label === "string" ? (v: string) => v === label : label;
  for (const b of sheet.blocks)
    for (let r = 0; r < b.values.length; r++) {
      const v = b.values[r][labelCol];
      if (typeof v === "string" && is(v)) return { sheet: sheet.name, row: b.row + r, col: b.col + col };
    }
  return undefined;
}
