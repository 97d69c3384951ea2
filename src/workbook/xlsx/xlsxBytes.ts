// A WorkbookSpec as the bytes of an .xlsx file: cells and looks through ExcelJS, then native
// charts added to the package (zipCharts.ts). No file system and no Buffer, so the task pane can
// load it (lazily, in a chunk of its own) to make the public version in the browser; the command
// line writes the same bytes to a file (writeXlsx.ts).
import ExcelJS from "exceljs";
import type { WorkbookSpec } from "../../report/spec";
import { checkSheetNames } from "./sheetNameRules";
import { setPrintMarks } from "./printMarks";
import { writeSheetCells } from "./writeCells";
import { addCharts } from "./zipCharts";

export async function xlsxBytes(spec: WorkbookSpec): Promise<Uint8Array> {
  checkSheetNames(spec.sheets.map((s) => s.name));
  const wb = new ExcelJS.Workbook();
  const p = spec.provenance;
  wb.creator = `${p.software} ${p.version}`;
  wb.lastModifiedBy = wb.creator;
  const created = new Date(p.createdAt);
  if (!Number.isNaN(created.getTime())) {
    wb.created = created;
    wb.modified = created;
  }
  // Excel recalculates on open so formulas (audit sheets) agree with the cells they read.
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of spec.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    writeSheetCells(ws, sheet);
    setPrintMarks(ws, sheet, spec);
  }
  const written = new Uint8Array(await wb.xlsx.writeBuffer());
  return addCharts(written, spec);
}
