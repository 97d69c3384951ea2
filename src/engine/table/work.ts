// A row or column of the grid while the table is being recognised (engine/table/recognize.ts),
// and what every step says about one: its label for messages, its cell, the roles it may take.

import { RippleError, type Bilingual } from "../errors";
import { gridAddress, type Grid } from "../grid";
import type { LineLabel } from "./header";
import type { Dim, LabelClass } from "./labels";
import { codeKey } from "./normalize";
import type { Line, Role } from "./types";

/** A row or column while it is being recognised. */
export interface Work extends LineLabel {
  dim: Dim;
  index: number;
  dict: LabelClass | null;
  role: Role | null;
  source: Line["source"];
  totalOf?: Line["totalOf"];
  sector?: number;
  hasData: boolean;
  derived?: Bilingual;
  /** A sector line's line of the other direction (its column for a row, and the reverse). */
  partner?: Work;
}

/** Makes a row and a column one sector (index set by numberSectors), as decided by `source`. */
export function pairAsSector(r: Work, c: Work, source: Line["source"]): void {
  for (const w of [r, c]) {
    w.role = "sector";
    w.source = source;
    w.sector = -1;
  }
  r.partner = c;
  c.partner = r;
}

const ROW_ROLES = new Set<Role>([
  "sector", "subtotal", "ignore", "output", "employment", "tax-products", "import",
  "va:compensation", "va:surplus", "va:depreciation", "va:tax-production", "va:subsidy",
  "va:household-outside", "va:other",
]);
const COL_ROLES = new Set<Role>([
  "sector", "subtotal", "ignore", "output", "import", "export",
  "fd:household", "fd:household-outside", "fd:government", "fd:investment", "fd:inventory", "fd:other",
]);

export function allowedRoles(dim: Dim): Set<Role> {
  return dim === "row" ? ROW_ROLES : COL_ROLES;
}

export function dimWord(dim: Dim): Bilingual {
  return dim === "row" ? { ja: "行", en: "row" } : { ja: "列", en: "column" };
}

export function lineWhere(grid: Grid, w: { at: { r: number; c: number } }) {
  return { sheet: grid.sheet, cell: gridAddress(grid, w.at.r, w.at.c) };
}

export function showLabel(w: LineLabel): string {
  if (w.code && w.name && w.name !== w.code) return `${w.code} ${w.name}`;
  return w.name || w.code || "";
}

export function sectorRowsOrdered(rows: Work[]): Work[] {
  return rows.filter((w) => w.role === "sector").sort((a, b) => a.sector! - b.sector!);
}
export function sectorColsOrdered(cols: Work[]): Work[] {
  return cols.filter((w) => w.role === "sector").sort((a, b) => a.sector! - b.sector!);
}

/** Rows and columns can pair when their keys agree and their codes do not contradict. */
export function compatible(a: Work, b: Work): boolean {
  if (!a.key || a.key !== b.key) return false;
  if (a.code && b.code && codeKey(a.code) !== codeKey(b.code)) return false;
  return true;
}

export function emptyLabelError(grid: Grid, w: Work): RippleError {
  const word = dimWord(w.dim);
  return new RippleError(
    "table.empty-label",
    {
      ja: `部門ブロックの${word.ja}ラベルが空です（結合セルか空白）。この${word.ja}に部門名（またはコード）を入れるか、結合を解除してください。`,
      en: `A ${word.en} label in the sector block is empty (a merged or blank cell). Type the sector name (or code) for this ${word.en}, or unmerge the cells.`,
    },
    lineWhere(grid, w),
  );
}

export function mismatchError(grid: Grid, w: Work): RippleError {
  const word = dimWord(w.dim);
  const other = dimWord(w.dim === "row" ? "col" : "row");
  return new RippleError(
    "table.sector-mismatch",
    {
      ja: `${word.ja}「${showLabel(w)}」は部門の並びにありますが、同じラベルの${other.ja}がありません。部門は行と列の両方に同じラベルで必要です。ラベルを揃えるか、マッピングで役割を指定してください。`,
      en: `${word.en === "row" ? "Row" : "Column"} '${showLabel(w)}' sits among the sectors but no ${other.en} has the same label. Every sector needs the same label as a row and as a column: align the labels or give the line a role in the mapping.`,
    },
    lineWhere(grid, w),
  );
}
