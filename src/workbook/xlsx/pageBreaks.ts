// Page breaks that keep a table block (or a chart) on one page: LibreOffice and Excel break a
// long sheet wherever the page ends, so a block printed under another could start with its
// header at the foot of one page and run on without it on the next. Where the sheet asks for it
// (SheetSpec.print.keep), a block that would cross a page end starts a new page instead. The
// page's height in rows is estimated from the sheet's width (scaled one page wide, as
// printPlan.ts printScale says) and its rows' heights, on the safe side: a break comes early rather than
// late. Measured on the demo's CGE results (LibreOffice 7, A4 landscape, 178 characters wide):
// rows print 9.3 pt apart, 56 to a page, in both languages; this estimate takes 10.1–10.5 pt
// (scale 120/178 of a 15–15.5 pt line), 49–51 to a page.
import type ExcelJS from "exceljs";
import type { SheetSpec } from "../../report/spec";

/** Printable height of an A4 landscape page (points): 8.27 in less the 0.55 in margins. */
const PAGE_HEIGHT_PT = (8.27 - 2 * 0.55) * 72;

/** Adds the breaks; `scale` is the print scale (1 = 100%), `line` the default row height. Every
 * page end up to the last kept block is a manual break where this estimate puts it: the reader
 * would put its own later (the estimate is on the safe side), and the estimate of where a later
 * block falls would drift from the reader's pages. */
export function keepBlocksOnPages(ws: ExcelJS.Worksheet, sheet: SheetSpec, scale: number, line: number): void {
  const keep = [...(sheet.print?.keep ?? [])];
  if (!keep.length) return;
  for (const ch of sheet.charts ?? []) keep.push({ row: ch.anchor.row, rows: ch.anchor.heightRows });
  const startAt = new Map<number, number>(); // first row of a kept range → its rows
  for (const k of keep) startAt.set(k.row, Math.max(startAt.get(k.row) ?? 0, k.rows));
  const end = Math.max(...keep.map((k) => k.row + k.rows));
  const height = (r: number) => (ws.getRow(r + 1).height ?? line) * scale;
  // a break before zero-based row r: ExcelJS puts it under the (1-based) row r, the row before
  const breakBefore = (r: number) => ws.getRow(r).addPageBreak();
  let used = 0; // height used on the current page
  let inside = -1; // last row of the kept range being placed
  for (let r = 0; r < end; r++) {
    const rows = startAt.get(r);
    if (rows !== undefined && r > inside) {
      let h = 0;
      for (let i = r; i < r + rows; i++) h += height(i);
      if (used > 0 && used + h > PAGE_HEIGHT_PT && h <= PAGE_HEIGHT_PT) {
        breakBefore(r);
        used = 0;
      }
      inside = r + rows - 1;
    }
    const h = height(r);
    if (used > 0 && used + h > PAGE_HEIGHT_PT) {
      breakBefore(r);
      used = 0;
    }
    used += h;
  }
}
