// Reading single cells of a grid: text for labels, numbers for data.

import type { CellValue, Grid } from "../grid";
import { isPlaceholder, parseNumberText } from "./normalize";

export function cellAt(grid: Grid, r: number, c: number): CellValue {
  const row = grid.values[r];
  if (!row || c >= row.length) return null;
  const v = row[c];
  return v === undefined ? null : v;
}

export function isEmpty(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

/** Text of a label cell (numbers as their digits, e.g. a numeric code 1), or null when empty. */
export function textAt(grid: Grid, r: number, c: number): string | null {
  const v = cellAt(grid, r, c);
  if (isEmpty(v)) return null;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : null;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v).trim();
}

/** A data cell: its number, "empty" (blank or a placeholder such as "-" or "…"), or "text". */
export type DataCell = { kind: "number"; value: number } | { kind: "empty"; placeholder: boolean } | { kind: "text"; text: string };

export function dataAt(grid: Grid, r: number, c: number): DataCell {
  const v = cellAt(grid, r, c);
  if (v === null) return { kind: "empty", placeholder: false };
  if (typeof v === "number") return Number.isFinite(v) ? { kind: "number", value: v } : { kind: "text", text: String(v) };
  if (typeof v === "boolean") return { kind: "text", text: String(v) };
  const s = v.trim();
  if (s === "") return { kind: "empty", placeholder: false };
  if (isPlaceholder(s)) return { kind: "empty", placeholder: true };
  const n = parseNumberText(s);
  return n === null ? { kind: "text", text: s } : { kind: "number", value: n };
}

/** Numeric value for recognition heuristics: blanks and placeholders are 0, text is NaN. */
export function numOrNaN(grid: Grid, r: number, c: number): number {
  const d = dataAt(grid, r, c);
  return d.kind === "number" ? d.value : d.kind === "empty" ? 0 : NaN;
}

export function isNumberCell(grid: Grid, r: number, c: number): boolean {
  return dataAt(grid, r, c).kind === "number";
}
