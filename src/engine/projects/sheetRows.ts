// Small helpers the project-sheet and converter-sheet readers share: header words, the header
// row, blank rows, and a problem placed at its cell (every message names the sheet and the cell).

import { type Bilingual, RippleError } from "../errors";
import { type Grid, gridAddress } from "../grid";
import { findHeaderRow, hasAtLeast, headerWords } from "../sheetHeader";
import { labelKey } from "../table/normalize";

/** Whether a header cell's text is this column's header, in either language. */
export function matchesHeader(text: string, h: Bilingual): boolean {
  const k = labelKey(text);
  return k === labelKey(h.ja) || k === labelKey(h.en);
}

/** Row of the header naming at least `need` of these columns, or -1. */
export function headerRowOf(grid: Grid, headers: Record<string, Bilingual>, need: number): number {
  return findHeaderRow(grid, headerWords(headers), hasAtLeast(need))?.row ?? -1;
}

/** A problem at a cell of the sheet. */
export function problem(grid: Grid, r: number, c: number, code: string, text: Bilingual): RippleError {
  return new RippleError(code, text, { sheet: grid.sheet, cell: gridAddress(grid, r, c) });
}

/** A row with nothing but blanks (skipped). */
export function rowIsEmpty(grid: Grid, r: number): boolean {
  return (grid.values[r] ?? []).every((v) => v === null || (typeof v === "string" && v.trim() === ""));
}
