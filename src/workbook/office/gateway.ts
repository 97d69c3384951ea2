// The Excel workbook gateway: the only module of Ripple that calls Excel.run. Every user action
// is one Excel.run; reads and writes move in blocks under Excel on the web's 5 MB payload limit;
// results go to new sheets only. Everything else (task pane, custom functions) calls this.

import { RippleError } from "../../engine/errors";
import type { Grid } from "../../engine/grid";
import type { TableMapping } from "../../engine/table/types";
import type { WorkbookSpec } from "../../report/spec";
import { loadMappingIn, saveMappingIn } from "./mappingSettings";
import { excelUnavailable, fromOffice, officeCode, sheetEmpty, sheetNotFound } from "./officeErrors";
import { areaAddress, areaOf, intersect, POSITION, readArea, type ReadOptions } from "./readBlocks";
import { customXmlSupported, writeReportIn, type WriteOptions, type Written } from "./writeReport";

export type { ReadOptions } from "./readBlocks";
export type { SkippedXmlPart, WriteOptions, Written } from "./writeReport";

export interface SheetInfo {
  name: string;
  /** Used range of values, e.g. "B2:N20", or null for an empty sheet. */
  usedRange: string | null;
}

/** What the rest of Ripple needs from a workbook; the task pane takes one of these so it can be
 * tested with another implementation. */
export interface WorkbookGateway {
  listSheets(): Promise<SheetInfo[]>;
  readUsedRange(sheet: string, opts?: ReadOptions): Promise<Grid>;
  readRange(sheet: string, address: string, opts?: ReadOptions): Promise<Grid>;
  readSelection(opts?: ReadOptions): Promise<Grid>;
  writeReport(spec: WorkbookSpec, opts?: WriteOptions): Promise<Written>;
  loadMapping(key: string): Promise<TableMapping | null>;
  saveMapping(key: string, mapping: TableMapping): Promise<void>;
  displayLanguage(): "ja" | "en";
  recalculate(): Promise<void>;
  openNewWorkbook(base64: string): Promise<void>;
  activateSheet(name: string): Promise<void>;
  hostPlatform(): string | null;
  canCreateWorkbook(): boolean;
  /** The XML of the workbook's custom XML parts of this namespace (the run record). */
  readCustomXml(namespace: string): Promise<string[]>;
}

async function run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>, doing: { ja: string; en: string }): Promise<T> {
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") throw excelUnavailable();
  try {
    return await Excel.run(batch);
  } catch (e) {
    throw fromOffice(e, {}, doing);
  }
}

const LISTING = { ja: "シートの一覧を読む", en: "listing the sheets" };
const READING = { ja: "表を読み込む", en: "reading the table" };

/** Address without its sheet: "'My sheet'!B2:C3" -> "B2:C3". */
function localAddress(address: string): string {
  const i = address.lastIndexOf("!");
  return i >= 0 ? address.slice(i + 1) : address;
}

/** Every sheet with its used range (values only), in workbook order. Two syncs. */
export function listSheets(): Promise<SheetInfo[]> {
  return run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name");
    await ctx.sync();
    const used = sheets.items.map((w) => w.getUsedRangeOrNullObject(true).load("address"));
    await ctx.sync();
    return sheets.items.map((w, i) => ({
      name: w.name,
      usedRange: used[i].isNullObject ? null : localAddress(used[i].address),
    }));
  }, LISTING);
}

/** Sync the lookup of a sheet and of ranges on it; a missing sheet names itself. */
async function syncOnSheet(ctx: Excel.RequestContext, sheet: string, cell?: string): Promise<void> {
  try {
    await ctx.sync();
  } catch (e) {
    if (officeCode(e) === "ItemNotFound") throw sheetNotFound(sheet);
    throw fromOffice(e, cell ? { sheet, cell } : { sheet }, READING);
  }
}

/** The used range (values only unless opts.valuesOnly is false) of a sheet. */
export function readUsedRange(sheet: string, opts: ReadOptions = {}): Promise<Grid> {
  return run(async (ctx) => {
    const used = ctx.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(opts.valuesOnly ?? true);
    used.load(POSITION);
    await syncOnSheet(ctx, sheet);
    if (used.isNullObject) throw sheetEmpty(sheet);
    return readArea(ctx, areaOf(sheet, used), opts);
  }, READING);
}

/** A range such as "B3:N20" (or whole columns "B:N") of a sheet, clipped to its used range:
 * the grid's origin says where its first cell is. */
export function readRange(sheet: string, address: string, opts: ReadOptions = {}): Promise<Grid> {
  return run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    const local = localAddress(address);
    const range = ws.getRange(local).load(POSITION);
    const used = ws.getUsedRangeOrNullObject(opts.valuesOnly ?? true).load(POSITION);
    await syncOnSheet(ctx, sheet, local);
    const area = used.isNullObject ? null : intersect(areaOf(sheet, range), areaOf(sheet, used));
    if (!area) throw sheetEmpty(sheet, local);
    return readArea(ctx, area, opts);
  }, READING);
}

/** The selected range (one rectangle), clipped to its sheet's used range. */
export function readSelection(opts: ReadOptions = {}): Promise<Grid> {
  return run(async (ctx) => {
    const sel = ctx.workbook.getSelectedRange().load(POSITION);
    const ws = sel.worksheet.load("name");
    const used = sel.worksheet.getUsedRangeOrNullObject(opts.valuesOnly ?? true).load(POSITION);
    try {
      await ctx.sync();
    } catch (e) {
      throw fromOffice(e, {}, READING);
    }
    const selected = areaOf(ws.name, sel);
    const area = used.isNullObject ? null : intersect(selected, areaOf(ws.name, used));
    if (!area) throw sheetEmpty(ws.name, areaAddress(selected));
    return readArea(ctx, area, opts);
  }, READING);
}

/** Write a report into new sheets (never over existing ones); returns the sheet names used. */
export function writeReport(spec: WorkbookSpec, opts: WriteOptions = {}): Promise<Written> {
  return run((ctx) => writeReportIn(ctx, spec, opts), { ja: "結果を書き込む", en: "writing the results" });
}

export function loadMapping(key: string): Promise<TableMapping | null> {
  return run((ctx) => loadMappingIn(ctx, key), { ja: "保存した対応付けを読む", en: "loading the saved mapping" });
}

export function saveMapping(key: string, mapping: TableMapping): Promise<void> {
  return run((ctx) => saveMappingIn(ctx, key, mapping), { ja: "対応付けをブックに保存する", en: "saving the mapping in the workbook" });
}

/** A full recalculation of the workbook, so RIPPLE.* formulas that name a model just
 * registered (or re-registered) by the pane recompute: Excel does not know the registry changed. */
export function recalculate(): Promise<void> {
  return run(async (ctx) => {
    ctx.workbook.application.calculate(Excel.CalculationType.full);
    await ctx.sync();
  }, { ja: "ブックを再計算する", en: "recalculating the workbook" });
}

/** Show a sheet (the pane's link to a results sheet after a run). ExcelApi 1.1. */
export function activateSheet(name: string): Promise<void> {
  return run(async (ctx) => {
    ctx.workbook.worksheets.getItem(name).activate();
    await ctx.sync();
  }, { ja: `シート「${name}」を表示する`, en: `showing sheet '${name}'` });
}

/** Open an .xlsx file (base64) as a NEW workbook in Excel (Excel.createWorkbook, ExcelApi 1.8):
 * how the pane hands over the public version without writing anything into the open workbook.
 * Hosts without the API get an error that points to the download link instead. */
export async function openNewWorkbook(base64: string): Promise<void> {
  const create = typeof Excel !== "undefined" ? (Excel as unknown as { createWorkbook?: (b: string) => Promise<void> }).createWorkbook : undefined;
  if (typeof create !== "function")
    throw new RippleError("create-workbook-unsupported", {
      ja: "この Excel は新しいブックを開けません（ExcelApi 1.8 が必要）。ダウンロードのリンクからファイルを保存してください",
      en: "This Excel cannot open a new workbook (ExcelApi 1.8 is needed); save the file from the download link instead",
    });
  try {
    await create(base64);
  } catch (e) {
    throw fromOffice(e, {}, { ja: "新しいブックを開く", en: "opening a new workbook" });
  }
}

/** Where the pane runs (Office.context.platform): "PC", "Mac", "OfficeOnline", "iOS", …; null
 * outside Office. */
export function hostPlatform(): string | null {
  return typeof Office !== "undefined" && Office.context && typeof Office.context.platform === "string" ? Office.context.platform : null;
}

/** Whether this Excel can open a file as a new workbook (Excel.createWorkbook, ExcelApi 1.8). */
export function canCreateWorkbook(): boolean {
  if (typeof Excel === "undefined" || typeof (Excel as unknown as { createWorkbook?: unknown }).createWorkbook !== "function") return false;
  const req = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
  return req && typeof req.isSetSupported === "function" ? req.isSetSupported("ExcelApi", "1.8") : true;
}

/** The XML of every custom XML part of `namespace` (ExcelApi 1.5; none where it is missing:
 * the comparison then says the workbook holds no run record). Two syncs. */
export function readCustomXml(namespace: string): Promise<string[]> {
  return run(async (ctx) => {
    if (!customXmlSupported()) return [];
    const parts = ctx.workbook.customXmlParts.getByNamespace(namespace);
    parts.load("items/id");
    await ctx.sync();
    const xml = parts.items.map((p) => p.getXml());
    await ctx.sync();
    return xml.map((r) => r.value);
  }, { ja: "入力記録を読む", en: "reading the run record" });
}

/** Office's display language: Japanese for any ja-* locale, English otherwise (and outside
 * Office, the browser's language). */
export function displayLanguage(): "ja" | "en" {
  const lang =
    (typeof Office !== "undefined" && Office.context ? Office.context.displayLanguage : undefined) ??
    (typeof navigator !== "undefined" ? navigator.language : undefined) ??
    "en";
  return /^ja\b/i.test(lang) ? "ja" : "en";
}

export const officeGateway: WorkbookGateway = {
  listSheets,
  readUsedRange,
  readRange,
  readSelection,
  writeReport,
  loadMapping,
  saveMapping,
  displayLanguage,
  recalculate,
  openNewWorkbook,
  activateSheet,
  hostPlatform,
  canCreateWorkbook,
  readCustomXml,
};

/** Errors this module raises are RippleErrors; re-exported for callers' instanceof checks. */
export { RippleError };
