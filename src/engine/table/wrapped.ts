// Column labels printed over two or more header rows. Prefectures print long names in narrow
// columns by wrapping them into the row below: '電力・ガス・' over '水道' (宮崎県 15部門 I3:I4),
// '家計外消費' over '支出', '県内需要' over '合計'. Such a continuation row holds only a few text
// fragments, under columns that have a name above; it is not a label row of its own (a second
// name row, e.g. English names, has a cell under every named column and is left alone). A name
// merged over several columns and subdivided in the row below is read into each of them.

import type { Grid } from "../grid";
import { gridWidth } from "../grid";
import { dataAt, textAt } from "./cells";
import { isCodeLike } from "./normalize";

export interface WrappedLabels {
  /** Header rows that continue the name row. */
  rows: number[];
  /** Column -> the whole label (name row and its continuations), for the columns that wrap. */
  text: Map<number, string>;
}

/** Joins two fragments as the printed line break meant: Latin words keep a space between them. */
export function joinFragments(a: string, b: string): string {
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : `${a}${b}`;
}

/**
 * The continuation rows below `nameRow` (above `bodyRow`, the first row of the table body) and
 * the labels they complete, over the columns from `fromCol`. A row qualifies when every cell it
 * holds there is text that is not a code and stands under a named column, and some named column
 * has nothing in it. The search stops at the first row that does not qualify.
 */
export function wrappedColumnLabels(grid: Grid, nameRow: number, bodyRow: number, fromCol: number): WrappedLabels {
  const nc = gridWidth(grid);
  const named: number[] = [];
  for (let c = fromCol; c < nc; c++) if (textAt(grid, nameRow, c) !== null) named.push(c);
  const rows: number[] = [];
  const text = new Map<number, string>();
  // A name merged over several columns ('県内総固定資本形成' over '公的' and '民間') is held by the
  // first of them: the columns after it without a name of their own share it, when the row below
  // subdivides it (the first column has a fragment there too).
  const owner = (c: number): number | null => {
    for (let q = c; q >= fromCol; q--) if (textAt(grid, nameRow, q) !== null) return q;
    return null;
  };
  for (let r = nameRow + 1; r < bodyRow; r++) {
    const cells: number[] = [];
    let qualifies = true;
    for (let c = fromCol; c < nc && qualifies; c++) {
      const d = dataAt(grid, r, c);
      if (d.kind === "empty" && !d.placeholder) continue;
      const t = textAt(grid, r, c);
      const o = owner(c);
      qualifies = d.kind === "text" && t !== null && !isCodeLike(t) && o !== null && (o === c || textAt(grid, r, o) !== null);
      cells.push(c);
    }
    if (!qualifies || cells.length === 0 || cells.length >= named.length) break;
    rows.push(r);
    for (const c of cells) text.set(c, joinFragments(text.get(c) ?? textAt(grid, nameRow, owner(c)!)!, textAt(grid, r, c)!));
  }
  return { rows, text };
}
