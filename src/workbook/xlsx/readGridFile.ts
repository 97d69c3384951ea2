// Any input file the command line accepts -> grids: workbooks sheet by sheet, a CSV file as
// one grid named after the file.
import { promises as fs } from "node:fs";
import { basename, extname } from "node:path";
import { parseCsv } from "../../engine/table/csv";
import type { Grid } from "../../engine/grid";
import { RippleError, RippleErrorList } from "../../engine/errors";
import { decodeText } from "./decodeText";
import { LIMITS, overLimitText } from "../../engine/limits";
import { fromSystemError, notAnXls, textUndecodable, unsupportedFileType } from "./fileErrors";
import { readXlsxBuffer, type GridFile } from "./readXlsx";
import { xlsToXlsx } from "./legacyXls";

const WORKBOOK_EXTENSIONS = new Set([".xlsx", ".xlsm"]);
/** The signature of an OLE compound document, the container of BIFF8 .xls workbooks. */
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** The first 8 bytes of a file; a missing or unreadable file fails with the file named. */
async function readHead(path: string): Promise<Buffer> {
  try {
    const fh = await fs.open(path, "r");
    try {
      const buf = Buffer.alloc(8);
      const { bytesRead } = await fh.read(buf, 0, 8, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw fromSystemError(path, e);
  }
}

export async function readGridFile(path: string): Promise<GridFile> {
  const ext = extname(path).toLowerCase();
  if (ext === ".xls") {
    // Fails with the file named (not found, or LibreOffice missing) before anything else.
    const head = await readHead(path);
    // Only a real Excel 97–2003 file (a compound document) goes to LibreOffice, which would
    // otherwise import any text file named .xls as a sheet.
    if (!head.equals(CFB_MAGIC)) throw notAnXls(path);
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
