// A WorkbookSpec as an .xlsx file: cells and looks through ExcelJS, then native charts added to
// the package (see zipCharts.ts).
import { promises as fs } from "node:fs";
import ExcelJS from "exceljs";
import type { WorkbookSpec } from "../../report/spec";
import { RippleError } from "../../engine/errors";
import { checkSheetNames } from "./sheetNameRules";
import { writeSheetCells } from "./writeCells";
import { addCharts } from "./zipCharts";

export async function writeXlsxBuffer(spec: WorkbookSpec): Promise<Buffer> {
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
  }
  const written = Buffer.from(await wb.xlsx.writeBuffer());
  return addCharts(written, spec);
}

export async function writeXlsx(spec: WorkbookSpec, path: string): Promise<void> {
  const bytes = await writeXlsxBuffer(spec);
  try {
    await fs.writeFile(path, bytes);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new RippleError(
      "file-unwritable",
      {
        ja: `結果ファイルを書き込めません（${reason}）。フォルダーがあるか、ファイルを Excel で開いたままにしていないか確認してください。`,
        en: `Cannot write the results file (${reason}). Check that the folder exists and the file is not open in Excel.`,
      },
      { file: path },
    );
  }
}
