// Reads an .xlsx file into one Grid per worksheet: the rectangle of cells that hold values,
// with where it sits, so every later message can name the sheet cell.
import { promises as fs } from "node:fs";
import type ExcelJS from "exceljs";
import { loadExcelJs } from "./libraries";
import type { Grid, CellValue } from "../../engine/grid";
import { a1 } from "../../engine/grid";
import type { RippleWarning } from "../../engine/errors";
import { plainValue } from "./cellValue";
import { fromSystemError, fileUnreadable } from "./fileErrors";
import { checkWorkbookLimits } from "./limits";
import { LIMITS, overLimitText, type LimitName } from "../../engine/limits";
import { RippleError } from "../../engine/errors";

function tooLarge(sheet: string, limit: LimitName, found: number, cell: string): RippleError {
  return new RippleError("input-too-large", overLimitText(limit, found), { sheet, cell });
}

/** A merged area, zero-based and inclusive; only its top-left cell holds the value. */
export interface MergedRange {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface GridFile {
  file: string;
  sheets: Grid[];
  /** Merged areas of every sheet (present for workbooks). */
  merges?: MergedRange[];
  /** Things the reader noticed that may make values differ from what Excel would show. */
  warnings?: RippleWarning[];
}

export async function readXlsx(path: string): Promise<GridFile> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (e) {
    throw fromSystemError(path, e);
  }
  return readXlsxBuffer(bytes, path);
}

/** The same from bytes already in memory; `file` names them in messages. */
export async function readXlsxBuffer(bytes: Buffer | Uint8Array, file: string): Promise<GridFile> {
  // Sizes, rows and cells within the stated limits before anything is inflated (limits.ts).
  checkWorkbookLimits(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), file);
  const lib = await loadExcelJs();
  const wb = new lib.Workbook();
  try {
    // ExcelJS's typing asks for its own Buffer alias; a Node Buffer is what it reads.
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw fileUnreadable(file, e instanceof Error ? e.message : String(e));
  }
  const sheets: Grid[] = [];
  const merges: MergedRange[] = [];
  const warnings: RippleWarning[] = [];
  wb.eachSheet((ws) => {
    const { grid, uncached } = sheetGrid(ws, lib.ValueType);
    sheets.push(grid);
    merges.push(...sheetMerges(ws));
    if (uncached.length > 0) {
      warnings.push({
        code: "formula-not-calculated",
        text: {
          ja: `${uncached.length} 個の数式セルに計算結果が保存されていないため空欄として読みました。Excel で開いて保存し直すと値が入ります。`,
          en: `${uncached.length} formula cell(s) have no saved result and were read as empty. Open and save the file in Excel to store their values.`,
        },
        where: { file, sheet: ws.name, cell: uncached[0] },
      });
    }
  });
  return { file, sheets, merges, warnings };
}

function sheetGrid(ws: ExcelJS.Worksheet, types: typeof ExcelJS.ValueType): { grid: Grid; uncached: string[] } {
  // Zero-based cells that hold a value, found in one pass, then laid into their bounding box.
  const cells: { r: number; c: number; v: CellValue }[] = [];
  const uncached: string[] = [];
  let top = Infinity, left = Infinity, bottom = -1, right = -1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A merged area's other cells repeat the top-left value in ExcelJS; Excel holds it once.
      if (cell.type === types.Merge) return;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      // ExcelJS's cell.value drops a cached result of 0 (or "" or false) from formula cells, which
      // would make them look uncalculated; cell.result keeps it.
      const raw = cell.type === types.Formula ? { formula: cell.formula ?? "", result: cell.result } : cell.value;
      const { value, uncached: notCalculated } = plainValue(raw as ExcelJS.CellValue);
      if (notCalculated) uncached.push(a1(r, c));
      if (value === null || value === "") return;
      cells.push({ r, c, v: value });
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });
  const extra = uncached.length ? { uncalculated: uncached } : {};
  if (cells.length === 0) return { grid: { sheet: ws.name, origin: { row: 0, col: 0 }, values: [], ...extra }, uncached };
  // Two cells far apart (A1 and XFD1048576) make a bounding box of billions of cells.
  const box = (bottom - top + 1) * (right - left + 1);
  if (bottom - top + 1 > LIMITS.rows) throw tooLarge(ws.name, "rows", bottom - top + 1, a1(bottom, left));
  if (box > LIMITS.xlsxCells) throw tooLarge(ws.name, "xlsxCells", box, `${a1(top, left)}:${a1(bottom, right)}`);
  const values: CellValue[][] = Array.from({ length: bottom - top + 1 }, () =>
    new Array<CellValue>(right - left + 1).fill(null),
  );
  for (const { r, c, v } of cells) values[r - top][c - left] = v;
  return { grid: { sheet: ws.name, origin: { row: top, col: left }, values, ...extra }, uncached };
}

function sheetMerges(ws: ExcelJS.Worksheet): MergedRange[] {
  // ExcelJS keeps merges as "A1:B2" strings in the sheet model.
  const ranges: string[] = (ws.model as { merges?: string[] }).merges ?? [];
  const out: MergedRange[] = [];
  for (const ref of ranges) {
    const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/i.exec(ref);
    if (!m) continue;
    out.push({
      sheet: ws.name,
      top: Number(m[2]) - 1,
      left: colIndex(m[1]),
      bottom: Number(m[4]) - 1,
      right: colIndex(m[3]),
    });
  }
  return out;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
