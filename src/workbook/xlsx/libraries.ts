// ExcelJS and JSZip take about half a second to load, longer than a whole `--json` run on a
// table of a hundred sectors, which needs neither: they are loaded when a workbook is first read
// or written.
import type ExcelJSModule from "exceljs";
import type JSZipModule from "jszip";

export async function loadExcelJs(): Promise<typeof ExcelJSModule> {
  return (await import("exceljs")).default;
}

export async function loadJsZip(): Promise<typeof JSZipModule> {
  return (await import("jszip")).default;
}
