// Any input file the command line accepts -> grids: workbooks sheet by sheet, a CSV file as
// one grid named after the file.
import { promises as fs } from "node:fs";
import { basename, extname } from "node:path";
import { parseCsv } from "../../engine/table/csv";
import type { Grid } from "../../engine/grid";
import { RippleError, RippleErrorList } from "../../engine/errors";
import { decodeText } from "./decodeText";
import { LIMITS, overLimitText } from "../../engine/limits";
import { fromSystemError, textUndecodable, unsupportedFileType } from "./fileErrors";
import { readXlsxBuffer, type GridFile } from "./readXlsx";
import { xlsToXlsx } from "./legacyXls";

const WORKBOOK_EXTENSIONS = new Set([".xlsx", ".xlsm"]);

export async function readGridFile(path: string): Promise<GridFile> {
  const ext = extname(path).toLowerCase();
  if (ext === ".xls") {
    // Fails with the file named (not found, or LibreOffice missing) before anything else.
    await fs.access(path).catch((e: unknown) => {
      throw fromSystemError(path, e);
    });
    return readXlsxBuffer(await xlsToXlsx(path), path);
  }
  if (!WORKBOOK_EXTENSIONS.has(ext) && ext !== ".csv") throw unsupportedFileType(path);
  let bytes: Buffer;
  try {
    // The size on disk first: a file far over the limits is refused without being read.
    const size = (await fs.stat(path)).size;
    const limit = ext === ".csv" ? "csvBytes" : "xlsxBytes";
    if (size > LIMITS[limit]) throw new RippleError("input-too-large", overLimitText(limit, size), { file: path });
    bytes = await fs.readFile(path);
  } catch (e) {
    throw e instanceof RippleError ? e : fromSystemError(path, e);
  }
  if (ext !== ".csv") return readXlsxBuffer(bytes, path);
  return { file: path, sheets: [csvGrid(bytes, path)] };
}

function csvGrid(bytes: Buffer, path: string): Grid {
  const decoded = decodeText(bytes);
  if (!decoded) throw textUndecodable(path);
  try {
    return parseCsv(decoded.text, basename(path));
  } catch (e) {
    throw e instanceof RippleError ? withFile(e, path) : e;
  }
}

/** The CSV parser knows lines and cells, not the path; name the file as the user gave it. */
function withFile(e: RippleError, path: string): RippleError {
  if (e instanceof RippleErrorList) {
    return new RippleErrorList(e.code, e.problems.map((p) => withFile(p, path)));
  }
  return e.where.file === path ? e : new RippleError(e.code, e.text, { ...e.where, file: path }, e.kind);
}
