// The print plan (../printPlan.ts, the same one the xlsx writer follows) as Office JavaScript
// calls on worksheet.pageLayout (ExcelApi 1.9): A4 landscape, margins in points, fit to pages,
// print area, print titles and the header/footer sections with Excel's &P / &N codes. Queued
// after the values and formats, several sheets to a sync (writeReport.ts); an Excel below 1.9
// gets the results without a print layout, as before.
import type { PrintPlan } from "../printPlan";
import { areaAddress, titleColumnsAddress, titleRowsAddress } from "../printPlan";

/** Points per inch: the plan's margins are in inches (as a file stores them), the API's in points. */
const POINTS_PER_INCH = 72;

/** worksheet.pageLayout can be written (ExcelApi 1.9: Excel 2019 / Microsoft 365, on the web). */
export function pageLayoutSupported(): boolean {
  const req = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
  return req && typeof req.isSetSupported === "function" ? req.isSetSupported("ExcelApi", "1.9") : true;
}

/** Request size of applyPrintPlan's calls, for the sync budget. */
export function printPlanBytes(plan: PrintPlan): number {
  const m = plan.marks;
  const text = [m.header.left, m.header.center, m.footer.left, m.footer.center, m.footer.right].join("");
  // non-ASCII text (sheet names, 取扱注意) as 6-byte escapes, the worst a transport does
  return 1200 + 6 * text.length;
}

export function applyPrintPlan(ws: Excel.Worksheet, plan: PrintPlan): void {
  const layout = ws.pageLayout;
  const page = plan.page;
  if (page) {
    layout.orientation = page.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.paperSize = page.paper;
    const pt = (inches: number) => Math.round(inches * POINTS_PER_INCH * 100) / 100;
    layout.leftMargin = pt(page.margins.left);
    layout.rightMargin = pt(page.margins.right);
    layout.topMargin = pt(page.margins.top);
    layout.bottomMargin = pt(page.margins.bottom);
    layout.headerMargin = pt(page.margins.header);
    layout.footerMargin = pt(page.margins.footer);
    // vertical 0: as many pages tall as needed (Excel's "fit all columns on one page")
    if (page.fit) layout.zoom = { horizontalFitToPages: page.fit.wide, verticalFitToPages: page.fit.tall };
    if (page.area) layout.setPrintArea(areaAddress(page.area));
  }
  if (plan.titleRows > 0) layout.setPrintTitleRows(titleRowsAddress(plan.titleRows));
  if (plan.titleColumns > 0) layout.setPrintTitleColumns(titleColumnsAddress(plan.titleColumns));
  const hf = layout.headersFooters.defaultForAllPages;
  hf.leftHeader = plan.marks.header.left;
  hf.centerHeader = plan.marks.header.center;
  hf.leftFooter = plan.marks.footer.left;
  hf.centerFooter = plan.marks.footer.center;
  hf.rightFooter = plan.marks.footer.right;
}
