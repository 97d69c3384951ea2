// A part of a table printed in blocks (blocks.ts) and the row helpers shared by the steps that
// find the blocks (blocks.ts, sideBySide.ts) and the step that joins them (blockJoin.ts).

import { gridAddress, type Grid } from "../grid";
import { isEmpty, textAt } from "./cells";
import { numericCodeKey, primaryKey, labelOrCodeKey, type Anchor } from "./header";
import { classifyLabel } from "./labels";
import { isCodeLike } from "./normalize";
import { joinFragments } from "./wrapped";

/** One printed part of the table: its header rows, its body from the first sector row, its columns. */
export interface Block {
  /** Header rows, top to bottom, and the one holding the column names. */
  header: number[];
  nameRow: number;
  /** First sector row and the rows of the body (first sector row to the block's last row). */
  first: number;
  body: number[];
  /** Columns holding the block's headers or numbers. */
  cols: number[];
}

/** A row with nothing in it (ends a later block's header upwards). */
export function rowEmpty(grid: Grid, r: number): boolean {
  return (grid.values[r] ?? []).every((v) => isEmpty(v ?? null));
}

/** Key of a row label for joining: the name (or a code, as text or number) in the label column. */
export function rowKey(grid: Grid, r: number, col: number): string | null {
  return primaryKey(grid, r, col) ?? numericCodeKey(grid, r, col);
}

/** Runs of sector rows in the label column: a label seen again starts a new run. */
export function sectorRuns(grid: Grid, anchor: Anchor): number[][] {
  const runs: number[][] = [[]];
  let seen = new Set<string>();
  for (let r = anchor.row + 1; r < grid.values.length; r++) {
    const k = labelOrCodeKey(grid, r, anchor.col, anchor.keys);
    if (!k || !anchor.keys.has(k)) continue;
    if (seen.has(k)) {
      runs.push([]);
      seen = new Set();
    }
    seen.add(k);
    runs[runs.length - 1].push(r);
  }
  return runs;
}

/** The integers a..b, both included. */
export function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

/** Where a problem is: the sheet and the printed cell. */
export function where(grid: Grid, r: number, c: number) {
  return { sheet: grid.sheet, cell: gridAddress(grid, r, c) };
}

/** A block named by its first sector row's label cell. */
export function blockName(grid: Grid, b: Block, col: number): string {
  return gridAddress(grid, b.first, col);
}

/** The role a block's column would get from its header rows (each header cell, and the cells
 * read together as one wrapped label); "" when none. */
export function columnRole(grid: Grid, header: number[], c: number): string {
  const parts = header.map((r) => textAt(grid, r, c)).filter((t): t is string => t !== null && !isCodeLike(t));
  const whole = parts.reduce((a, b) => (a === "" ? b : joinFragments(a, b)), "");
  for (const t of [whole, ...parts]) {
    const k = t === "" ? null : classifyLabel(t, "col");
    if (k && k.role !== "ignore" && (k.role !== "subtotal" || (k.totalOf ?? "").length > 0 || /計|total/i.test(t))) return k.role;
  }
  return "";
}
