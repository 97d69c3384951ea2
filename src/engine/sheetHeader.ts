// One header-row finder for every input sheet (projects, converters, splits, market parameters
// and scenarios, CGE scenarios, security parameters): the first of the top rows whose cells name
// the columns a reader needs. Each reader keeps its own words and its own rule for "enough".

import type { Bilingual } from "./errors";
import type { Grid } from "./grid";
import { textAt } from "./table/cells";
import { labelKey } from "./table/normalize";

/** Rows searched from the top: title and note rows above a header are common, tables start early. */
export const HEADER_SCAN_ROWS = 30;

export interface HeaderRow<K extends string> {
  row: number;
  /** Column index of each key named on the row (the first cell naming it). */
  col: Partial<Record<K, number>>;
}

/** The first row among the top HEADER_SCAN_ROWS whose named columns `accept` takes; null if none.
 * `keyOf` says which column a cell's text names (null: none). */
export function findHeaderRow<K extends string>(
  grid: Grid,
  keyOf: (text: string) => K | null,
  accept: (col: Partial<Record<K, number>>) => boolean,
): HeaderRow<K> | null {
  const limit = Math.min(grid.values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const col: Partial<Record<K, number>> = {};
    for (let c = 0; c < (grid.values[r]?.length ?? 0); c++) {
      const t = textAt(grid, r, c);
      const k = t ? keyOf(t) : null;
      if (k !== null && col[k] === undefined) col[k] = c;
    }
    if (accept(col)) return { row: r, col };
  }
  return null;
}

/** `keyOf` for columns named by bilingual headers, matched as labels are (width, case, spaces). */
export function headerWords<K extends string>(headers: Record<K, Bilingual>): (text: string) => K | null {
  const byKey = new Map<string, K>();
  for (const key of Object.keys(headers) as K[]) {
    const h = headers[key];
    for (const w of [h.ja, h.en]) if (!byKey.has(labelKey(w))) byKey.set(labelKey(w), key);
  }
  return (text) => byKey.get(labelKey(text)) ?? null;
}

/** `accept` rule: every one of these columns is named. */
export function hasAll<K extends string>(keys: readonly K[]): (col: Partial<Record<K, number>>) => boolean {
  return (col) => keys.every((k) => col[k] !== undefined);
}

/** `accept` rule: at least `n` different columns are named. */
export function hasAtLeast<K extends string>(n: number): (col: Partial<Record<K, number>>) => boolean {
  return (col) => Object.keys(col).length >= n;
}
