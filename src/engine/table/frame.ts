// Step 1 of recognition: where the table is on the grid. The label column and header row where
// the same labels meet (or, when rows and columns are labelled differently, the block found by
// position), the candidate sector rows and columns, the corner of the block, the label columns
// to its left, the header rows above it and the title rows above those.

import { gridWidth, minOf, type Grid } from "../grid";
import { isEmpty } from "./cells";
import {
  findAnchor,
  findPositionalAnchor,
  labelOrCodeKey,
  primaryKey,
  textKey,
  type Anchor,
  type PositionalAnchor,
} from "./header";
import { classifyLabel } from "./labels";
import { wrappedColumnLabels } from "./wrapped";

export interface Frame {
  /** Label column and header row (anchor.col, anchor.row) and the keys that make sectors. */
  anchor: Anchor;
  /** The block found by position, when row and column labels differ; else null. */
  positional: PositionalAnchor | null;
  /** Key of each column at the header row; a column whose name wraps into the rows below has its
   * whole name here ('電力・ガス・' + '水道'). */
  colKey: (c: number) => string | null;
  /** Candidate sector rows and columns, and the corner of the block (first of each). */
  candRows: number[];
  candCols: number[];
  R0: number;
  C0: number;
  /** Columns left of the block holding labels; rows above it holding headers or a title. */
  labelCols: number[];
  headerRows: number[];
  titleRows: number[];
}

/** The frame of the table on a grid; `shared` is the grid's shared anchor (findSharedAnchor). */
export function findFrame(grid: Grid, shared: Anchor | null): Frame {
  const nr = grid.values.length;
  const nc = gridWidth(grid);
  const { anchor, positional } = chooseAnchor(grid, shared);
  const candRows: number[] = positional ? [...positional.sectorRows] : [];
  const candCols: number[] = positional ? [...positional.sectorCols] : [];
  let wrappedKeys = new Map<number, string>();
  if (!positional) {
    for (let r = anchor.row + 1; r < nr; r++) {
      const k = labelOrCodeKey(grid, r, anchor.col, anchor.keys);
      if (k && anchor.keys.has(k)) candRows.push(r);
    }
    wrappedKeys = extendWrappedKeys(grid, anchor, minOf(candRows), candRows);
  }
  const colKey = (c: number) => wrappedKeys.get(c) ?? labelOrCodeKey(grid, anchor.row, c, anchor.keys);
  if (!positional) {
    for (let c = anchor.col + 1; c < nc; c++) {
      const k = colKey(c);
      if (k && anchor.keys.has(k)) candCols.push(c);
    }
  }
  const R0 = minOf(candRows);
  const C0 = minOf(candCols);

  // Label columns (left of the block) and header rows (above it); rows above with nothing over the
  // data columns are title rows.
  const labelCols: number[] = [];
  for (let c = 0; c < C0; c++) {
    let any = false;
    for (let r = R0; r < nr && !any; r++) any = !isEmpty(grid.values[r]?.[c] ?? null);
    if (any || c === anchor.col) labelCols.push(c);
  }
  const headerRows: number[] = [];
  const titleRows: number[] = [];
  for (let r = 0; r < R0; r++) {
    let any = false;
    for (let c = C0; c < nc && !any; c++) any = !isEmpty(grid.values[r]?.[c] ?? null);
    if (any || r === anchor.row) headerRows.push(r);
    else titleRows.push(r);
  }
  return { anchor, positional, colKey, candRows, candCols, R0, C0, labelCols, headerRows, titleRows };
}

/** A sector column whose name is wrapped over two header rows ('電力・ガス・' over '水道') has
 * its whole name as key: when that name is a row label (and no dictionary word), the column is a
 * sector column like the others, and the row so paired joins the candidate rows. Returns the key
 * of every wrapped column. */
function extendWrappedKeys(grid: Grid, anchor: Anchor, bodyRow: number, candRows: number[]): Map<number, string> {
  const keys = new Map<number, string>();
  const codes = [...anchor.keys].filter((k) => k.startsWith("c:")).length;
  if (!Number.isFinite(bodyRow) || codes * 2 > anchor.keys.size) return keys;
  const wrapped = wrappedColumnLabels(grid, anchor.row, bodyRow, anchor.col + 1);
  if (wrapped.text.size === 0) return keys;
  const rowsByKey = new Map<string, number>();
  for (let r = anchor.row + 1; r < grid.values.length; r++) {
    const k = primaryKey(grid, r, anchor.col);
    if (k && !rowsByKey.has(k)) rowsByKey.set(k, r);
  }
  for (const [c, text] of wrapped.text) {
    const k = textKey(text);
    keys.set(c, k);
    const r = rowsByKey.get(k);
    if (r === undefined || anchor.keys.has(k) || classifyLabel(text, "row") || classifyLabel(text, "col")) continue;
    anchor.keys.add(k);
    if (!candRows.includes(r)) candRows.push(r);
  }
  return keys;
}

/** The label column and header row: where the same labels meet, else (row and column labels
 * differ) the block found by position. The anchor's keys are the frame's own copy. */
function chooseAnchor(grid: Grid, shared: Anchor | null): { anchor: Anchor; positional: PositionalAnchor | null } {
  // Keys that are dictionary labels (TOTAL, Output) do not make sectors.
  const plain = shared ? [...shared.keys].filter((k) => !classifyLabel(k.slice(2), "row") && !classifyLabel(k.slice(2), "col")) : [];
  if (shared && plain.length >= 2) return { anchor: { ...shared, keys: new Set(shared.keys) }, positional: null };
  const positional = findPositionalAnchor(grid);
  if (positional) return { anchor: { col: positional.col, row: positional.row, keys: new Set() }, positional };
  if (shared) return { anchor: { ...shared, keys: new Set(shared.keys) }, positional: null };
  return { anchor: findAnchor(grid), positional: null };
}
