// A 2-D block of cell values as Excel, an .xlsx file or a CSV gives it, with where it sits,
// so that every message and every recognised role can name a sheet cell.

export type CellValue = string | number | boolean | null;

export interface Grid {
  /** Sheet name (or file name for a CSV). */
  sheet: string;
  /** Zero-based sheet row and column of values[0][0]; a used range need not start at A1. */
  origin: { row: number; col: number };
  values: CellValue[][];
  /** A1 addresses (sheet cells) of formulas the file holds without a calculated value (written
   * by a program that does not calculate): read as blank, so a table using them is refused. */
  uncalculated?: string[];
  /** A grid joined from blocks printed apart on one sheet (engine/table/blocks.ts): for each part,
   * the first grid column it fills and, per grid row and column, the row and column of the
   * original grid (before origin) the cell comes from; null where the part has no cell. */
  pieces?: GridPiece[];
}

export interface GridPiece {
  fromCol: number;
  rows: (number | null)[];
  cols: number[];
}

/** Column letters for a zero-based column index: 0 -> A, 26 -> AA. */
export function columnLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of a zero-based sheet row/column. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A1 address of grid cell (r, c), i.e. offset by the grid's origin. */
export function gridAddress(grid: Grid, r: number, c: number): string {
  if (grid.pieces) {
    const { row, col } = pieceCell(grid.pieces, r, c);
    return a1(grid.origin.row + row, grid.origin.col + col);
  }
  return a1(grid.origin.row + r, grid.origin.col + c);
}

/** Where cell (r, c) of a joined grid comes from. A cell no block has (a padding row) is named by
 * the row another part has there, so that a message still points near it. */
export function pieceCell(pieces: readonly GridPiece[], r: number, c: number): { row: number; col: number } {
  let p = pieces[0];
  for (const q of pieces) if (q.fromCol <= c) p = q;
  const col = p.cols[c - p.fromCol] ?? p.cols[p.cols.length - 1] ?? c;
  let row = p.rows[r] ?? null;
  for (const q of pieces) if (row === null) row = q.rows[r] ?? null;
  return { row: row ?? r, col };
}

/** Zero-based {row, col} of an A1 address such as "C12" or "$C$12". */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Quote a sheet name for an address when it needs it: 'My sheet'!A1. */
export function sheetRef(sheet: string, address: string): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${address}`;
}

/** Widest row of the grid. A loop, not Math.max(...rows): spreading a million rows as arguments
 * overflows the call stack. */
export function gridWidth(grid: Grid): number {
  let w = 0;
  for (const r of grid.values) if (r.length > w) w = r.length;
  return w;
}

/** Smallest and largest of a list of any length (spread arguments overflow the stack on long
 * lists); Infinity / -Infinity for an empty list, as Math.min() / Math.max() give. */
export function minOf(xs: readonly number[]): number {
  let m = Infinity;
  for (const x of xs) if (x < m) m = x;
  return m;
}

export function maxOf(xs: readonly number[]): number {
  let m = -Infinity;
  for (const x of xs) if (x > m) m = x;
  return m;
}

/** The A1 range a grid covers, e.g. "A1:B4" ("C3" for a single cell, as Excel writes it): the
 * one spelling of the method sheet's input ranges in every host. */
export function gridRange(grid: Grid): string {
  const rows = Math.max(grid.values.length, 1);
  const cols = Math.max(gridWidth(grid), 1);
  const first = a1(grid.origin.row, grid.origin.col);
  const last = a1(grid.origin.row + rows - 1, grid.origin.col + cols - 1);
  return first === last ? first : `${first}:${last}`;
}
