// Reading a WorkbookSpec back cell by cell, so tests can check what a host would write.
import type { CellSpec, RangeRef, SheetSpec, WorkbookSpec } from "../../src/report/spec";

export function sheetByKey(spec: WorkbookSpec, key: string): SheetSpec {
  const s = spec.sheets.find((x) => x.key === key);
  if (!s) throw new Error(`no sheet ${key}`);
  return s;
}

/** The cell at (row, col) of a sheet, or undefined when no block covers it. Later blocks win. */
export function cellAt(sheet: SheetSpec, row: number, col: number): CellSpec | undefined {
  let found: CellSpec | undefined;
  for (const b of sheet.blocks) {
    const r = row - b.row;
    const c = col - b.col;
    if (r >= 0 && r < b.values.length && c >= 0 && c < b.values[r].length) found = b.values[r][c];
  }
  return found;
}

/** The cells of a one-column range. */
export function columnValues(sheet: SheetSpec, ref: RangeRef): (CellSpec | undefined)[] {
  const out: (CellSpec | undefined)[] = [];
  for (let r = 0; r < ref.rows; r++) out.push(cellAt(sheet, ref.row + r, ref.col));
  return out;
}

/** Row index of the first cell in column `col` whose value equals `text`. */
export function findRow(sheet: SheetSpec, text: string, col = 0): number {
  for (const b of sheet.blocks) {
    const c = col - b.col;
    if (c < 0) continue;
    for (let r = 0; r < b.values.length; r++) if (b.values[r][c] === text) return b.row + r;
  }
  return -1;
}

/** Every string in a sheet. */
export function allText(sheet: SheetSpec): string[] {
  return sheet.blocks.flatMap((b) => b.values.flat().filter((v): v is string => typeof v === "string"));
}
