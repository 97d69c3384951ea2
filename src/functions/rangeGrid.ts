// A worksheet-function argument (values without their place) turned into an engine Grid with
// the sheet and origin from the parameter's address, so that messages name real cells.

import type { CellValue, Grid } from "../engine/grid";
import { parseA1 } from "../engine/grid";

/** Sheet name used when Excel gives no address (a literal array or a computed array). */
export const NO_SHEET = "(range)";

export interface RangePlace {
  sheet: string;
  origin: { row: number; col: number };
}

/**
 * The sheet and top-left cell of an address as Excel gives it in
 * invocation.parameterAddresses: "Sheet1!B3:P40", "'My sheet'!B3", "[Book1]Sheet1!B3".
 * Null when the text is not a cell or range address.
 */
export function parseRangeAddress(address: string | undefined | null): RangePlace | null {
  if (!address) return null;
  const bang = address.lastIndexOf("!");
  let sheet = NO_SHEET;
  let ref = address;
  if (bang >= 0) {
    sheet = address.slice(0, bang);
    ref = address.slice(bang + 1);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    sheet = sheet.replace(/^\[[^\]]*\]/, "");
    if (sheet === "") sheet = NO_SHEET;
  }
  const first = parseA1(ref.split(":")[0]);
  return first ? { sheet, origin: first } : null;
}

function toCell(v: unknown): CellValue {
  if (v === undefined || v === null || v === "") return null; // Excel passes empty cells as ""
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** A Grid of the values of a range argument, placed at its address when Excel gave one. */
export function rangeToGrid(values: unknown[][], address?: string | null): Grid {
  const place = parseRangeAddress(address) ?? { sheet: NO_SHEET, origin: { row: 0, col: 0 } };
  return { sheet: place.sheet, origin: place.origin, values: values.map((row) => row.map(toCell)) };
}

/**
 * Excel on Windows and Mac passes a blank cell of a range as 0 (Excel on the web as null), so a
 * form-like range (the options, the magnet parameter and scenario sheets) reads 0 as blank
 * where nothing else can be meant: in a row with nothing but blanks and zeros, and in a column
 * whose other filled cells are all text (key, unit, distribution, origin, scenario …). Numeric
 * columns keep their zeros. Not used for the IO table and the shock, where 0 is a value and
 * the readers already treat it as such.
 */
export function blankZerosOfForm(grid: Grid): Grid {
  const rows = grid.values;
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  const textColumn = Array.from({ length: width }, (_, c) => {
    let text = 0;
    let other = 0;
    for (const row of rows) {
      const v = row[c];
      if (v === null || v === undefined || v === 0) continue;
      if (typeof v === "string") text++;
      else other++;
    }
    return text > 0 && other === 0;
  });
  const values = rows.map((row) => {
    if (row.every((v) => v === null || v === 0)) return row.map(() => null);
    return row.map((v, c) => (v === 0 && textColumn[c] ? null : v));
  });
  return { ...grid, values };
}
