// Large plain blocks (the n × n coefficient matrices: 8 million cells at 2,000 sectors) written as
// worksheet XML directly instead of through ExcelJS: ExcelJS keeps an object per cell and a style
// object per cell, which took 15 s and 650 MB at 509 sectors and ran out of memory at 2,000.
// The cells written here are the same as ExcelJS writes (numbers by String(), the block's number
// formats, "—" right-aligned), text as inline strings; the rows are spliced into the sheet part
// ExcelJS wrote for the rest of the sheet (bulkSplice.ts). Blocks with formulas or styles other
// than the plain body look, and blocks sharing a row with another block, stay with ExcelJS.
import type { BlockSpec, CellSpec, SheetSpec } from "../../report/spec";
import { a1 } from "../../engine/grid";
import { blockLook } from "./cellStyles";
import { cellText } from "./cellText";
import { ByteWriter } from "./byteWriter";

/** A block of at least this many cells is written directly (smaller ones gain nothing). */
export const BULK_MIN_CELLS = 4096;

/** What "—" stands for (see writeCells.ts): right-aligned where the number would be. */
const PLACEHOLDER = "—";

/** The style a bulk cell needs: its number format (null: General) and whether it is a "—". */
export interface BulkLook {
  numFmt: string | null;
  right: boolean;
}
export const lookKey = (l: BulkLook): string => `${l.right ? "R" : "-"}${l.numFmt ?? ""}`;

function cellCount(b: BlockSpec): number {
  let n = 0;
  for (const row of b.values) n += row.length;
  return n;
}

function rowsOf(b: BlockSpec): [number, number] {
  return [b.row, b.row + b.values.length - 1];
}

/** The blocks of a sheet to write directly: large, plain body, no formulas, and alone on their rows. */
export function bulkBlocksOf(sheet: SheetSpec, minCells = BULK_MIN_CELLS): BlockSpec[] {
  const out: BlockSpec[] = [];
  for (const b of sheet.blocks) {
    if (b.values.length === 0 || cellCount(b) < minCells || blockLook(b.style) !== null) continue;
    const [top, bottom] = rowsOf(b);
    const shared = sheet.blocks.some((o) => {
      if (o === b || o.values.length === 0) return false;
      const [t, u] = rowsOf(o);
      return t <= bottom && u >= top;
    });
    if (shared) continue;
    if (b.values.some((row) => row.some((v) => v !== null && typeof v === "object"))) continue;
    out.push(b);
  }
  return out;
}

/** Every look the bulk blocks use, so the styles part can be given one cell format for each. */
export function bulkLooks(blocks: BlockSpec[]): BulkLook[] {
  const seen = new Map<string, BulkLook>();
  for (const b of blocks) {
    const width = Math.max(0, ...b.values.map((r) => r.length));
    for (let c = 0; c < width; c++) {
      const numFmt = formatOf(b, c);
      for (const right of [false, true]) {
        const l = { numFmt, right };
        seen.set(lookKey(l), l);
      }
    }
  }
  return [...seen.values()];
}

function formatOf(b: BlockSpec, c: number): string | null {
  const f = Array.isArray(b.numberFormat) ? b.numberFormat[c] : b.numberFormat;
  return f ? f : null;
}

/** Column letters of zero-based columns, computed once per block. */
function columnLetters(first: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => a1(0, first + i).replace(/\d+$/, ""));
}

/**
 * The <row> elements of one block, as UTF-8 bytes. `xfOf` gives the cell-format index of a look
 * (0 for General with nothing else: the s attribute is then left out, as ExcelJS does).
 */
/** Rows of a bulk block between two calls of the checkpoint: 2,000 rows of 2,000 numbers take
 * about a second under load, so 32 rows are a few ms (the call itself costs nothing). */
const ROWS_PER_CHECK = 32;

export function writeBulkRows(out: ByteWriter, b: BlockSpec, sheetName: string, xfOf: (l: BulkLook) => number, checkpoint?: () => void): void {
  const width = Math.max(0, ...b.values.map((r) => r.length));
  const letters = columnLetters(b.col, width);
  // The s="…" attribute of each column, plain and right-aligned.
  const sAttr = (numFmt: string | null, right: boolean) => {
    const xf = xfOf({ numFmt, right });
    return xf === 0 ? "" : ` s="${xf}"`;
  };
  const plain = letters.map((_, c) => sAttr(formatOf(b, c), false));
  const right = letters.map((_, c) => sAttr(formatOf(b, c), true));
  // Each row is built as one string and encoded once (one native call per row, not five byte
  // loops per cell: about a third less time for a 509 × 509 block); this loop runs 8 million
  // times for a 2,000-sector workbook.
  const open = letters.map((l) => `<c r="${l}`);
  const numberMid = plain.map((s) => `"${s}><v>`);
  b.values.forEach((rowValues, r) => {
    if (checkpoint && r % ROWS_PER_CHECK === 0) checkpoint();
    const rowNo = String(b.row + r + 1);
    let row = `<row r="${rowNo}">`;
    for (let c = 0; c < rowValues.length; c++) {
      const v: CellSpec = rowValues[c];
      if (v === null || v === undefined) continue;
      if (typeof v === "number" && Number.isFinite(v)) {
        row += open[c] + rowNo + numberMid[c] + String(v) + "</v></c>";
      } else if (typeof v === "number") {
        // Excel's own form of a number a file cannot hold (as writeCells.ts writes it).
        row += `<c r="${letters[c]}${rowNo}"${plain[c]} t="e"><v>#NUM!</v></c>`;
      } else if (typeof v === "boolean") {
        row += `<c r="${letters[c]}${rowNo}"${plain[c]} t="b"><v>${v ? 1 : 0}</v></c>`;
      } else if (typeof v === "string") {
        const text = cellText(v, sheetName, `${letters[c]}${rowNo}`);
        const s = v === PLACEHOLDER ? right[c] : plain[c];
        const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
        row += `<c r="${letters[c]}${rowNo}"${s} t="inlineStr"><is><t${space}>` + escapeXml(text) + "</t></is></c>";
      }
    }
    out.text(row + "</row>");
  });
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>]/g, (ch) => (ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : "&gt;"));
}
