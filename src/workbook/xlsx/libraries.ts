// ExcelJS and JSZip take about half a second to load, longer than a whole `--json` run on a
// table of a hundred sectors, which needs neither: they are loaded when a workbook is first read
// or written. In the task pane they stay in the lazy "xlsx-writer" chunk (webpack.config.js).
import type ExcelJSModule from "exceljs";
import type JSZipModule from "jszip";

export async function loadExcelJs(): Promise<typeof ExcelJSModule> {
  return (await import(/* webpackChunkName: "xlsx-writer" */ "exceljs")).default;
}

export async function loadJsZip(): Promise<typeof JSZipModule> {
  return (await import(/* webpackChunkName: "xlsx-writer" */ "jszip")).default;
}
