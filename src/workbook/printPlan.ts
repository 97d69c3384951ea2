// How a results sheet prints, decided once for both hosts: the xlsx writer (xlsx/writeCells.ts,
// xlsx/printMarks.ts) and the Office host (office/printLayout.ts) each only translate this plan
// into their own calls, so a workbook written by the command line and one written by the pane
// print alike. The plan: A4 landscape with narrow margins, one page wide when that stays legible
// (or when the sheet asks for it), the print area up to the last cell or chart, the frozen rows
// and columns repeated on every page, and on every page the sheet's name with the workbook's
// marking (取扱注意 / 公開版) in the header and run date, "page / pages" and an input checksum
// in the footer, so a loose page can be traced to its run.
import { columnLetters } from "../engine/grid";
import type { SheetSpec, WorkbookSpec } from "../report/spec";

/** Excel's width of a column nobody sized, in characters. */
export const DEFAULT_WIDTH = 8.43;

/** Widest sheet, in characters, that is printed one page wide: A4 landscape holds about 120
 * characters at 100%, so this keeps the scale at about 40% or more (legible in a PDF). */
export const FIT_WIDTH_MAX_CHARS = 300;

/** Page margins in inches, as a file stores them (the Office API takes points: × 72). */
export interface Margins {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

/** Narrow margins: room for the figures, still clear of the header and footer. */
export const MARGINS: Readonly<Margins> = { left: 0.4, right: 0.4, top: 0.55, bottom: 0.55, header: 0.2, footer: 0.2 };

export interface PageSetupPlan {
  paper: "A4";
  orientation: "landscape";
  margins: Margins;
  /** Scaled to this many pages wide and tall (tall 0: as many as needed); null: 100%, cut into pages. */
  fit: { wide: 1; tall: 0 | 1 } | null;
  /** Rows and columns printed from A1 (only when fitted: a long note that spills to the right
   * must not shrink the page to a fraction of its width); null: Excel's own used range. */
  area: { rows: number; cols: number } | null;
}

/** Header and footer sections in Excel's header/footer codes (&P page, &N pages, && a literal &). */
export interface PageMarks {
  header: { left: string; center: string };
  footer: { left: string; center: string; right: string };
}

export interface PrintPlan {
  /** null for a sheet without cells or charts: nothing to lay out, the host's defaults stay. */
  page: PageSetupPlan | null;
  /** Rows 1..n repeated at the top of every page (0: none). */
  titleRows: number;
  /** Columns A.. (n of them) repeated at the left of every page (0: none). */
  titleColumns: number;
  marks: PageMarks;
}

/** Columns and rows a sheet prints: up to its last cell or chart. */
export function usedExtent(sheet: SheetSpec): { rows: number; cols: number } {
  let cols = 0;
  let rows = 0;
  for (const b of sheet.blocks) {
    rows = Math.max(rows, b.row + b.values.length);
    for (const row of b.values) cols = Math.max(cols, b.col + row.length);
  }
  for (const ch of sheet.charts ?? []) {
    cols = Math.max(cols, ch.anchor.col + ch.anchor.widthCols);
    rows = Math.max(rows, ch.anchor.row + ch.anchor.heightRows);
  }
  return { rows, cols };
}

/** Width of a sheet's printed columns, in characters of the default font. */
export function printedWidth(sheet: SheetSpec, cols: number): number {
  let chars = 0;
  for (let c = 0; c < cols; c++) chars += sheet.columnWidths?.[c] ?? DEFAULT_WIDTH;
  return chars;
}

/** Characters of the default font across an A4 landscape page at 100% (narrow margins). */
export const PAGE_CHARS = 120;

/** The scale a sheet prints at, as estimated from its column widths (1 = 100%): a sheet fitted
 * one page wide is shrunk to its width (page breaks, xlsx/pageBreaks.ts, count rows with it). */
export function printScale(sheet: SheetSpec): number {
  const { cols } = usedExtent(sheet);
  if (cols === 0) return 1;
  const chars = printedWidth(sheet, cols);
  const fit = chars <= FIT_WIDTH_MAX_CHARS || Boolean(sheet.print?.fitWidth);
  return fit ? Math.min(1, PAGE_CHARS / chars) : 1;
}

function pageSetup(sheet: SheetSpec): PageSetupPlan | null {
  const { rows, cols } = usedExtent(sheet);
  if (cols === 0 || rows === 0) return null;
  const onePage = Boolean(sheet.print?.onePage);
  const fitWidth = printedWidth(sheet, cols) <= FIT_WIDTH_MAX_CHARS || Boolean(sheet.print?.fitWidth);
  const fitted = fitWidth || onePage;
  return {
    paper: "A4",
    orientation: "landscape",
    margins: { ...MARGINS },
    fit: fitted ? { wide: 1, tall: onePage ? 1 : 0 } : null,
    area: fitted ? { rows, cols } : null,
  };
}

/** Text for a header/footer section: "&" starts a code there, so it is doubled. */
const literal = (s: string) => s.replace(/&/g, "&&");

/** The first input checksum that may be shown (a confidential sheet's is left out), shortened. */
function traceChecksum(spec: WorkbookSpec): string | null {
  const c = spec.provenance.inputs.find((i) => !i.confidential && i.checksum?.startsWith("sha256:"))?.checksum;
  return c ? c.slice(0, "sha256:".length + 12) : null;
}

function pageMarks(sheet: SheetSpec, spec: WorkbookSpec): PageMarks {
  const date = spec.provenance.createdAt.slice(0, 10);
  const sum = traceChecksum(spec);
  return {
    header: { left: literal(sheet.name), center: spec.marking ? `&"-,Bold"&14${literal(spec.marking)}` : "" },
    footer: { left: literal(`${spec.provenance.software} ${date}`), center: "&P / &N", right: sum ? literal(sum) : "" },
  };
}

/** How `sheet` of `spec` prints. The sheet's name must be its final one (after resolveSheetNames). */
export function printPlan(sheet: SheetSpec, spec: WorkbookSpec): PrintPlan {
  const page = pageSetup(sheet);
  const freeze = sheet.freeze;
  return {
    page,
    titleRows: freeze && freeze.rows > 0 ? freeze.rows : 0,
    // The label columns on every page of a sheet printed more than one page wide: the frozen
    // ones, else column A (the row labels of every results table).
    titleColumns: freeze && freeze.cols > 0 ? freeze.cols : page?.fit ? 0 : 1,
    marks: pageMarks(sheet, spec),
  };
}

/** The sections as one header or footer string of a file ("&L…&C…&R…"), empty ones left out. */
export function joinSections(s: { left: string; center: string; right?: string }): string {
  return `${s.left ? `&L${s.left}` : ""}${s.center ? `&C${s.center}` : ""}${s.right ? `&R${s.right}` : ""}`;
}

/** Absolute addresses of the plan's ranges, as Excel takes them: "$A$1:$O$17", "$1:$3", "$A:$B". */
export function areaAddress(area: { rows: number; cols: number }): string {
  return `$A$1:$${columnLetters(area.cols - 1)}$${area.rows}`;
}
export const titleRowsAddress = (n: number): string => `$1:$${n}`;
export const titleColumnsAddress = (n: number): string => `$A:$${columnLetters(n - 1)}`;
