// Payload estimates and block planning for Excel reads and writes. Pure: no Office here.
//
// Excel on the web rejects any request or response over 5 MB (learn.microsoft.com, "Resource
// limits and performance optimization for Office Add-ins"), so large tables move in row blocks,
// several blocks per sync, each sync kept well under the limit by a conservative estimate.

/** Excel on the web's limit on one request and on one response. */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface Budget {
  /** Estimated bytes one sync may carry (request or response). */
  syncBytes: number;
  /** Estimated bytes of one range read or written (a block). */
  blockBytes: number;
  /** Assumed JSON bytes of a cell read back before its content is known. */
  readBytesPerCell: number;
}

/** 2 MB per sync is 40% of the limit: an estimate off by a factor 2.5 still fits. Blocks of
 * 1 MB put two blocks in a sync. A double in JSON is at most ~24 characters
 * ("-1.2345678901234567e-100") plus a comma; 30 bytes per cell also covers short labels. With
 * 400 columns this gives 83 rows per block. */
export const DEFAULT_BUDGET: Budget = {
  syncBytes: 2_000_000,
  blockBytes: 1_000_000,
  readBytesPerCell: 30,
};

/** A rectangle relative to some origin, zero-based. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Upper bound of the JSON bytes of one string, quotes and separator included. Non-ASCII is
 * counted as a \uXXXX escape (6 bytes), the worst a transport can do. */
export function stringBytes(s: string): number {
  let n = 3; // two quotes and a comma
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20) n += 6;
    else if (c === 0x22 || c === 0x5c) n += 2;
    else if (c < 0x80) n += 1;
    else n += 6;
  }
  return n;
}

/** Upper bound of the JSON bytes of one cell value as sent to or from Excel. */
export function cellBytes(v: unknown): number {
  if (v === null || v === undefined) return 5; // null,
  // NaN and ±Infinity travel as null in JSON.
  if (typeof v === "number") return Number.isFinite(v) ? String(v).length + 1 : 5;
  if (typeof v === "boolean") return v ? 5 : 6;
  if (typeof v === "string") return stringBytes(v);
  return stringBytes(JSON.stringify(v));
}

/** Bytes of a 2-D array of cells as JSON (brackets included). */
export function matrixBytes(m: readonly (readonly unknown[])[]): number {
  let n = 2;
  for (const row of m) {
    n += 3;
    for (const v of row) n += cellBytes(v);
  }
  return n;
}

/** Split a rows×cols area whose cells cost `cost(r, c)` bytes into rectangles of at most
 * `blockBytes` each (a single cell costing more still gets its own rectangle). Columns are first
 * cut into bands whose widest row fits, then each band into runs of rows that fit, so a block is
 * as wide as it can be and a wide table moves in row blocks. */
export function planRects(
  rows: number,
  cols: number,
  cost: (r: number, c: number) => number,
  blockBytes: number,
): Rect[] {
  if (rows <= 0 || cols <= 0) return [];
  // Widest cost of each column over all rows: a band whose column maxima sum under the block
  // size fits on every row.
  const colMax = new Array<number>(cols).fill(0);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const b = cost(r, c);
      if (b > colMax[c]) colMax[c] = b;
    }
  const bands: { col: number; cols: number }[] = [];
  let start = 0;
  let sum = 0;
  for (let c = 0; c < cols; c++) {
    if (c > start && sum + colMax[c] > blockBytes) {
      bands.push({ col: start, cols: c - start });
      start = c;
      sum = 0;
    }
    sum += colMax[c];
  }
  bands.push({ col: start, cols: cols - start });

  const rects: Rect[] = [];
  for (const band of bands) {
    let r0 = 0;
    let acc = 0;
    for (let r = 0; r < rows; r++) {
      let rb = 0;
      for (let c = band.col; c < band.col + band.cols; c++) rb += cost(r, c);
      if (r > r0 && acc + rb > blockBytes) {
        rects.push({ row: r0, col: band.col, rows: r - r0, cols: band.cols });
        r0 = r;
        acc = 0;
      }
      acc += rb;
    }
    rects.push({ row: r0, col: band.col, rows: rows - r0, cols: band.cols });
  }
  return rects;
}

/** Read blocks for a rows×cols range whose content is not known yet: every cell is assumed to
 * cost `readBytesPerCell`. */
export function planReadBlocks(rows: number, cols: number, budget: Budget = DEFAULT_BUDGET): Rect[] {
  if (rows <= 0 || cols <= 0) return [];
  const per = budget.readBytesPerCell;
  // Uniform cost: computed directly rather than cell by cell (a 1M-row column would be slow).
  const bandCols = Math.max(1, Math.min(cols, Math.floor(budget.blockBytes / per)));
  const blockRows = Math.max(1, Math.floor(budget.blockBytes / (bandCols * per)));
  const rects: Rect[] = [];
  for (let c = 0; c < cols; c += bandCols)
    for (let r = 0; r < rows; r += blockRows)
      rects.push({ row: r, col: c, rows: Math.min(blockRows, rows - r), cols: Math.min(bandCols, cols - c) });
  return rects;
}

/** Group consecutive items into syncs whose estimated bytes stay within `syncBytes` (an item
 * larger than that travels alone). Order is kept. */
export function packSyncs<T extends { bytes: number }>(items: readonly T[], syncBytes: number): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let sum = 0;
  for (const it of items) {
    if (cur.length > 0 && sum + it.bytes > syncBytes) {
      out.push(cur);
      cur = [];
      sum = 0;
    }
    cur.push(it);
    sum += it.bytes;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/** After Excel refused a response as too large, assume cells twice as large: blocks and syncs
 * carry half as many cells. */
export function doubleReadEstimate(b: Budget): Budget {
  return { ...b, readBytesPerCell: b.readBytesPerCell * 2 };
}
