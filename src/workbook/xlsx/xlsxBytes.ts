// A WorkbookSpec as the bytes of an .xlsx file: cells and looks through ExcelJS, then native
// charts added to the package (zipCharts.ts), then the large plain blocks written directly
// (bulkBlocks.ts). No file system and no Buffer, so the task pane can load it (lazily, in a chunk
// of its own) to make the public version in the browser; the command line writes the same bytes
// to a file (writeXlsx.ts).
import type JSZip from "jszip";
import { loadExcelJs, loadJsZip } from "./libraries";
import { workbookFont, type BlockSpec, type SheetSpec, type WorkbookSpec } from "../../report/spec";
import { RippleError } from "../../engine/errors";
import { checkSheetNames } from "./sheetNameRules";
import { withWorkbookFont } from "./cellStyles";
import { setPrintLayout } from "./printMarks";
import { printPlan } from "../printPlan";
import { writeSheetCells } from "./writeCells";
import { addChartsToZip, worksheetPaths } from "./zipCharts";
import { addCustomXmlParts } from "./customXml";
import { bulkBlocksOf, lookKey, type BulkLook } from "./bulkBlocks";
import { addBulkStyles, spliceBulkRows } from "./bulkSplice";

export interface XlsxOptions {
  /** Blocks of at least this many cells are written directly (Infinity: all through ExcelJS). */
  directMinCells?: number;
  /** Most cells a workbook may have (default WORKBOOK_CELLS_MAX). */
  maxCells?: number;
  /** Packs the finished parts into the file: the command line passes Node's zlib (ZipPacker in
   * zipPackage.ts), which is handed each bulk sheet part as soon as it is written; without it (the
   * task pane, a browser) JSZip deflates in JavaScript. Same parts, in the same order, either way. */
  pack?: Packer;
  /** Called between pieces of work (a sheet, a few rows of a bulk block, a part): throws to stop
   * the writing (the command line's Ctrl+C, which must be honoured within a second while a
   * 1,000-sector workbook takes ten seconds and more to build). */
  checkpoint?: () => void;
}

/** The most cells a results workbook is written with: a 2,000-sector analysis (A and L, 8 million
 * cells) was measured at 1.2 GB and about a minute of CPU; 10 million holds about 2,200 sectors
 * within the command's heap. Above it the run is refused before anything is built. */
export const WORKBOOK_CELLS_MAX = 10_000_000;

export interface Packer {
  /** A finished bulk sheet part (it takes the place of the zip's entry of that name). */
  addEarly(name: string, bytes: Uint8Array): void;
  /** The file: the zip's parts in their order, with those handed over early in their places. */
  finish(zip: JSZip, date: Date): Promise<Uint8Array>;
}

export async function xlsxBytes(spec: WorkbookSpec, options: XlsxOptions = {}): Promise<Uint8Array> {
  checkWorkbookSize(spec, options.maxCells ?? WORKBOOK_CELLS_MAX);
  checkSheetNames(spec.sheets.map((s) => s.name));
  const ExcelJS = await loadExcelJs();
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
  const bulk = new Map<SheetSpec, BlockSpec[]>();
  const font = workbookFont(spec);
  const checkpoint = options.checkpoint ?? (() => {});
  for (const sheet of spec.sheets) {
    checkpoint();
    const ws = wb.addWorksheet(sheet.name);
    const direct = bulkBlocksOf(sheet, options.directMinCells);
    if (direct.length > 0) bulk.set(sheet, direct);
    writeSheetCells(ws, sheet, new Set(direct), font);
    setPrintLayout(ws, printPlan(sheet, spec));
  }
  // Stored, not deflated: the package is deflated once, at the end (zipPackage.ts).
  checkpoint();
  const written = new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } }));
  checkpoint();
  const zip = await (await loadJsZip()).loadAsync(written);
  checkpoint();
  // The workbook's font as styles.xml's default (ExcelJS always writes Calibri there), so cells
  // without a look of their own are in it too.
  const styles = await zip.file("xl/styles.xml")!.async("string");
  zip.file("xl/styles.xml", withWorkbookFont(styles, font));
  await addChartsToZip(zip, spec);
  await addCustomXmlParts(zip, spec.customXml ?? []);
  checkpoint();
  if (bulk.size > 0) await addBulk(zip, bulk, checkpoint, options.pack);
  checkpoint();
  if (options.pack) return options.pack.finish(zip, created);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The bulk blocks into the sheet parts ExcelJS wrote (after the charts, which edit the same parts). */
async function addBulk(zip: JSZip, bulk: Map<SheetSpec, BlockSpec[]>, checkpoint: () => void, packer: Packer | undefined): Promise<void> {
  const xf = await addBulkStyles(zip, [...bulk.values()].flat());
  const paths = await worksheetPaths(zip);
  for (const [sheet, blocks] of bulk) {
    const path = paths.get(sheet.name);
    if (!path) throw new Error(`xlsx writer: sheet '${sheet.name}' missing from the written package`);
    const xml = await zip.file(path)!.async("string");
    const xfOf = (l: BulkLook): number => {
      const id = xf.get(lookKey(l));
      if (id === undefined) throw new Error(`xlsx writer: no cell format for '${lookKey(l)}' on sheet '${sheet.name}'`);
      return id;
    };
    const bytes = spliceBulkRows(xml, sheet, blocks, xfOf, checkpoint);
    // Fast deflate for these parts: numbers compress nearly as well at level 1, twice as fast.
    if (packer) packer.addEarly(path, bytes);
    else zip.file(path, bytes, { createFolders: false, compression: "DEFLATE", compressionOptions: { level: 1 } });
  }
}

function checkWorkbookSize(spec: WorkbookSpec, max: number): void {
  let cells = 0;
  for (const sheet of spec.sheets) for (const b of sheet.blocks) for (const row of b.values) cells += row.length;
  if (cells <= max) return;
  const n = (x: number) => x.toLocaleString("en");
  throw new RippleError("workbook-too-large", {
    ja: `結果のブックは ${n(cells)} セルになり、書き出せる上限 ${n(max)} セルを超えます（係数行列 A と L だけで部門数の 2 乗の 2 倍）。--json で結果を JSON に書き出すか、部門を統合した表で実行してください。`,
    en: `The results workbook would have ${n(cells)} cells, more than the ${n(max)} Ripple writes (the A and L matrices alone are twice the square of the sector count). Write the results with --json instead, or run on a table with sectors aggregated.`,
  });
}
