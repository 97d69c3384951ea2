// What goes into Range.values / Range.formulas / Range.numberFormat for a block of the workbook
// spec, and what comes back from Range.values. Pure: no Office here.

import type { CellValue } from "../../engine/grid";
import type { BlockSpec, CellSpec, FormulaCell } from "../../report/spec";

/** A cell as the Excel API takes it; null leaves the cell unchanged (the API's rule for 2-D
 * arrays), which on a new sheet means empty. */
export type ExcelInput = string | number | boolean | null;

export function isFormula(c: CellSpec | undefined): c is FormulaCell {
  return typeof c === "object" && c !== null && typeof (c as FormulaCell).formula === "string";
}

/** A string Excel stores as text, whatever it looks like. Excel parses what Range.values
 * receives as if typed: "=SUM(A1)", "+1", "-x" become formulas, "01" a number, "4月1日" or
 * "2011-01-01" a date, "TRUE" a boolean. A leading apostrophe makes Excel keep the rest as text
 * (the apostrophe is not part of the value), so every non-empty string gets one; labels such as
 * sector codes "01" stay exactly as the report wrote them. */
export function textInput(s: string): string {
  return s === "" ? "" : "'" + s;
}

/** One cell of the spec as Excel input. Formulas come with their "=". Non-finite numbers have
 * no Excel value: they are written as the error #NUM! so the cell shows that something failed. */
export function cellInput(c: CellSpec | undefined): ExcelInput {
  if (c === null || c === undefined) return null;
  if (typeof c === "string") return textInput(c);
  if (typeof c === "number") return Number.isFinite(c) ? c : "#NUM!";
  if (typeof c === "boolean") return c;
  return "=" + c.formula;
}

export interface BlockInput {
  rows: number;
  cols: number;
  cells: ExcelInput[][];
  /** Some cell is a formula: the block is written through Range.formulas (which takes
   * constants too) instead of Range.values. */
  hasFormula: boolean;
}

/** Cell (i, j) of an array formula as a formula of its own: INDEX(formula, i+1, j+1). Excel
 * without dynamic arrays (2016, 2019, 2021 LTSC's older builds) computes only the first cell of
 * an array formula written through Range.formulas, and the JavaScript API has no legacy
 * (Ctrl+Shift+Enter) array formulas; INDEX evaluates its first argument as an array in every
 * version, so each cell computes alone: no spill, nothing that a later entry can block
 * (#SPILL!), and the same value in Excel 2016 as in Microsoft 365. MMULT over the audit's at
 * most AUDIT_MAX_SECTORS sectors is recomputed once per cell, which is cheap at that size. */
export function arrayCellFormula(formula: string, i: number, j: number): string {
  return `=INDEX(${formula},${i + 1},${j + 1})`;
}

/** The rectangle a block covers and the input for each of its cells. Ragged rows are padded
 * with null; an array formula is written as one INDEX formula per cell it covers
 * (arrayCellFormula), over whatever values the spec cached in those cells. */
export function blockInput(block: BlockSpec): BlockInput {
  const rows = block.values.length;
  const cols = block.values.reduce((m, r) => Math.max(m, r.length), 0);
  const cells: ExcelInput[][] = [];
  let hasFormula = false;
  const arrays: { r: number; c: number; formula: string; rows: number; cols: number }[] = [];
  for (let r = 0; r < rows; r++) {
    const src = block.values[r];
    const row = new Array<ExcelInput>(cols);
    for (let c = 0; c < cols; c++) {
      const v = src[c];
      if (isFormula(v)) {
        hasFormula = true;
        if (v.array) arrays.push({ r, c, formula: v.formula, rows: v.array.rows, cols: v.array.cols });
      }
      row[c] = cellInput(v);
    }
    cells.push(row);
  }
  for (const a of arrays)
    for (let r = a.r; r < Math.min(rows, a.r + a.rows); r++)
      for (let c = a.c; c < Math.min(cols, a.c + a.cols); c++) cells[r][c] = arrayCellFormula(a.formula, r - a.r, c - a.c);
  return { rows, cols, cells, hasFormula };
}

/** Number formats for every cell of a block, or null when the block sets none. A null entry
 * leaves the cell's format unchanged, i.e. General on a new sheet. */
export function blockNumberFormats(block: BlockSpec, rows: number, cols: number): (string | null)[][] | null {
  const nf = block.numberFormat;
  if (nf === undefined || rows === 0 || cols === 0) return null;
  const perCol: (string | null)[] = typeof nf === "string" ? new Array(cols).fill(nf) : Array.from({ length: cols }, (_, c) => nf[c] ?? null);
  if (perCol.every((f) => f === null)) return null;
  return Array.from({ length: rows }, () => perCol.slice());
}

/** A cell as Range.values returns it, as the engine reads it: Excel gives "" for empty cells. */
export function fromExcel(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/** Slice rows [r, r+n) and columns [c, c+m) out of a matrix. */
export function slice<T>(m: T[][], r: number, n: number, c: number, k: number): T[][] {
  const out: T[][] = [];
  for (let i = r; i < r + n; i++) out.push(c === 0 && k === m[i].length ? m[i] : m[i].slice(c, c + k));
  return out;
}
