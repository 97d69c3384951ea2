// The print plan (../printPlan.ts: page, fit, print area, print titles, header and footer) as
// ExcelJS page setup: the xlsx host's translation of decisions made for both hosts.
import type ExcelJS from "exceljs";
import { a1 } from "../../engine/grid";
import { joinSections, type PrintPlan } from "../printPlan";

/** ExcelJS's paper size code for A4. */
const PAPER = { A4: 9 } as const;

export function setPrintLayout(ws: ExcelJS.Worksheet, plan: PrintPlan): void {
  const page = plan.page;
  if (page) {
    ws.pageSetup = {
      paperSize: PAPER[page.paper],
      orientation: page.orientation,
      margins: { ...page.margins },
      fitToPage: page.fit !== null,
      ...(page.fit && page.area ? { fitToWidth: page.fit.wide, fitToHeight: page.fit.tall, printArea: printAreaOf(page.area.rows, page.area.cols) } : {}),
    };
  }
  ws.headerFooter = { oddHeader: joinSections(plan.marks.header), oddFooter: joinSections(plan.marks.footer) };
  if (plan.titleRows > 0) ws.pageSetup.printTitlesRow = `1:${plan.titleRows}`;
  if (plan.titleColumns > 0) ws.pageSetup.printTitlesColumn = `A:${String.fromCharCode(64 + plan.titleColumns)}`;
}

/** ExcelJS writes the print area as `'Sheet'!$` + first + `:$` + last, so "A$1" becomes the fully
 * absolute "$A$1" that Excel and LibreOffice expect ("$A1" is ignored by LibreOffice). */
export function printAreaOf(rows: number, cols: number): string {
  const abs = (r: number, c: number) => a1(r, c).replace(/^([A-Z]+)(\d+)$/, "$1$$$2");
  return `${abs(0, 0)}:${abs(rows - 1, cols - 1)}`;
}
