// The steps every job starts with: the table read from its recognised layout and refused when it
// does not add up (unless the user allows it), with errors naming the file the grid came from.

import { RippleError, RippleErrorList } from "../engine/errors";
import type { Grid } from "../engine/grid";
import { checkTableBalance } from "../engine/table/balance";
import type { IOTable, TableLayout } from "../engine/table/types";

/** A grid as a job receives it: the cells, and the file it came from (errors name it; the pane's
 * grids come from the open workbook and name only the sheet). */
export interface SourcedGrid {
  grid: Grid;
  file?: string;
}

/** The error with the file named on it (and on each problem of a list). */
export function withFile(e: unknown, file: string | undefined): unknown {
  if (!file) return e;
  if (e instanceof RippleErrorList) return new RippleErrorList(e.code, e.problems.map((p) => withFile(p, file) as RippleError));
  if (e instanceof RippleError && !e.where.file) return new RippleError(e.code, e.text, { ...e.where, file }, e.kind);
  return e;
}

/** Adds the file to an error that names only a sheet and cell, so the message is complete. */
export function inFile<T>(file: string | undefined, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw withFile(e, file);
  }
}

export async function inFileAsync<T>(file: string | undefined, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw withFile(e, file);
  }
}

/** The table read from the layout, refused when it does not add up (CLI.md; exit 2, nothing
 * written) unless the user allows it, and then carrying the warning every sheet repeats. */
export function balancedTable(
  file: string | undefined,
  build: (grid: Grid, layout: TableLayout) => IOTable,
  grid: Grid,
  layout: TableLayout,
  allowImbalance: boolean | undefined,
  built?: IOTable | null,
): IOTable {
  return inFile(file, () => {
    const table = built ?? build(grid, layout);
    const warnings = checkTableBalance(table, { allowImbalance });
    return warnings.length ? { ...table, warnings: [...table.warnings, ...warnings] } : table;
  });
}
