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
}
