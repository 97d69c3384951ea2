// Reads one column of the CGE results by good from a sheet's values, as a reader would: the
// column under the header cell with the given text, one row per good (the table is laid out in
// blocks, src/report/cgeByGood.ts, so no column has a fixed position).
import type ExcelJS from "exceljs";

/** Values (zero-based rows and columns) of an ExcelJS worksheet. */
export function gridOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row, r) => {
    const cells: unknown[] = [];
    row.eachCell((c, k) => void (cells[k - 1] = c.value));
    out[r - 1] = cells;
  });
  return out;
}

/** good → value in the column headed `header`; throws when the header is missing or not unique. */
export function byGoodColumn(grid: readonly (readonly unknown[] | undefined)[], header: string): Map<string, unknown> {
  const at: [number, number][] = [];
  grid.forEach((row, r) => row?.forEach((v, c) => void (v === header && at.push([r, c]))));
  if (at.length !== 1) throw new Error(`header "${header}" found ${at.length} times`);
  const [r0, c] = at[0];
  const out = new Map<string, unknown>();
  for (let r = r0 + 1; r < grid.length && typeof grid[r]?.[0] === "string" && grid[r]?.[0] !== ""; r++) out.set(grid[r]![0] as string, grid[r]![c]);
  return out;
}
