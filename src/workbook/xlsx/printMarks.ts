// What every printed page carries: the workbook's marking (取扱注意 on the internal version,
// 公開版 on the public one) in the header with the sheet's name, and in the footer the run
// date, "page / pages" and the input checksum, so a loose page can be traced to its run.
// Sheets with frozen header rows repeat them on every page (print titles).
import type ExcelJS from "exceljs";
import type { SheetSpec, WorkbookSpec } from "../../report/spec";

/** Text for an Excel header/footer section: "&" starts a code there, so it is doubled. */
const literal = (s: string) => s.replace(/&/g, "&&");

/** The first input checksum that may be shown (a confidential sheet's is left out), shortened. */
function traceChecksum(spec: WorkbookSpec): string | null {
  const c = spec.provenance.inputs.find((i) => !i.confidential && i.checksum?.startsWith("sha256:"))?.checksum;
  return c ? c.slice(0, "sha256:".length + 12) : null;
}

export function setPrintMarks(ws: ExcelJS.Worksheet, sheet: SheetSpec, spec: WorkbookSpec): void {
  const date = spec.provenance.createdAt.slice(0, 10);
  const sum = traceChecksum(spec);
  const mark = spec.marking ? `&C&"-,Bold"&14${literal(spec.marking)}` : "";
  ws.headerFooter = {
    oddHeader: `&L${literal(sheet.name)}${mark}`,
    oddFooter: `&L${literal(`${spec.provenance.software} ${date}`)}&C&P / &N${sum ? `&R${literal(sum)}` : ""}`,
  };
  if (sheet.freeze && sheet.freeze.rows > 0) ws.pageSetup.printTitlesRow = `1:${sheet.freeze.rows}`;
  // The label columns on every page of a sheet printed more than one page wide: the frozen
  // ones, else column A (the row labels of every results table).
  if (sheet.freeze && sheet.freeze.cols > 0) ws.pageSetup.printTitlesColumn = `A:${String.fromCharCode(64 + sheet.freeze.cols)}`;
  else if (!ws.pageSetup.fitToPage) ws.pageSetup.printTitlesColumn = "A:A";
}
