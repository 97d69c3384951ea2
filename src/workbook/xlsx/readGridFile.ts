// Any input file the command line accepts -> grids: workbooks sheet by sheet, a CSV file as
// one grid named after the file.
import { promises as fs } from "node:fs";
import { basename, extname } from "node:path";
import { parseCsv } from "../../engine/table/csv";
import type { Grid } from "../../engine/grid";
import { RippleError, RippleErrorList } from "../../engine/errors";
import { decodeText } from "./decodeText";
import { LIMITS, overLimitText } from "../../engine/limits";
import { fromSystemError, notAnXls, textUndecodable, unsupportedFileType, xlsDamaged } from "./fileErrors";
import { cfbProblem } from "./cfbCheck";
import { readXlsxBuffer, type GridFile } from "./readXlsx";
import { xlsToXlsx } from "./legacyXls";

const WORKBOOK_EXTENSIONS = new Set([".xlsx", ".xlsm"]);
/** The signature of an OLE compound document, the container of BIFF8 .xls workbooks. */
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** The bytes of a file no larger than the limit for its kind (checked on disk before reading);
 * a missing or unreadable file fails with the file named. */
async function readLimited(path: string, limit: "csvBytes" | "xlsxBytes"): Promise<Buffer> {
  try {
    const size = (await fs.stat(path)).size;
    if (size > LIMITS[limit]) throw new RippleError("input-too-large", overLimitText(limit, size), { file: path });
    return await fs.readFile(path);
  } catch (e) {
    throw e instanceof RippleError ? e : fromSystemError(path, e);
  }
}

/** A legacy .xls: only a whole compound file holding an Excel workbook stream goes to LibreOffice,
 * which would otherwise import any text file named .xls as a sheet, and takes seconds to start
 * and give up on a damaged container (cfbCheck.ts answers in milliseconds). */
async function readXls(path: string): Promise<GridFile> {
  // Fails with the file named (not found, too large) before anything else.
  const bytes = await readLimited(path, "xlsxBytes");
  if (bytes.length < CFB_MAGIC.length || !bytes.subarray(0, CFB_MAGIC.length).equals(CFB_MAGIC)) throw notAnXls(path);
  const problem = cfbProblem(bytes);
  if (problem) throw xlsDamaged(path, problem);
  return readXlsxBuffer(await xlsToXlsx(path), path);
}

export async function readGridFile(path: string): Promise<GridFile> {
  const ext = extname(path).toLowerCase();
  if (ext === ".xls") return readXls(path);
  if (!WORKBOOK_EXTENSIONS.has(ext) && ext !== ".csv") throw unsupportedFileType(path);
  // The size on disk first: a file far over the limits is refused without being read.
  const bytes = await readLimited(path, ext === ".csv" ? "csvBytes" : "xlsxBytes");
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
