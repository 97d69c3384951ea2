// Small helpers both input-sheet readers use: the header row found by the layout's column words,
// blank rows, and a problem placed at its cell (so every message names the sheet and the cell).

import { type Bilingual, RippleError } from "../errors";
import { type Grid, gridAddress } from "../grid";
import { findHeaderRow, hasAll, headerWords } from "../sheetHeader";

/** The header row of a sheet with these columns, when the `need`ed ones are all present. */
export function findHeader(grid: Grid, columns: Record<string, Bilingual>, need: string[]): { row: number; col: Record<string, number> } | null {
  const h = findHeaderRow(grid, headerWords(columns), hasAll(need));
  return h && { row: h.row, col: h.col as Record<string, number> };
}

export function rowEmpty(grid: Grid, r: number): boolean {
  return (grid.values[r] ?? []).every((v) => v === null || (typeof v === "string" && v.trim() === ""));
}

export function problemAt(grid: Grid, r: number, c: number, code: string, text: Bilingual): RippleError {
  return new RippleError(code, text, { sheet: grid.sheet, cell: gridAddress(grid, r, c) });
}
