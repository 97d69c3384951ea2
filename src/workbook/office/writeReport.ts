// Writing a WorkbookSpec into new sheets inside one Excel.run: values first (in blocks, several
// per sync, under the payload budget), then number formats and styles, then the print layout
// (printLayout.ts, ExcelApi 1.9), then charts. Input
// sheets are never touched: every write targets a sheet this run added. A write completes or
// removes what it started: when a sync fails or the user cancels, the sheets it added are
// deleted again (rollBack), so no half-written report is left in the workbook.

import { cancelledError, RippleError } from "../../engine/errors";
import { resolveSheetNames, textsIn, workbookFont, type FontSpec, type RangeRef, type SheetSpec, type WorkbookSpec } from "../../report/spec";
import { listSource } from "../../report/validation";
import { type Budget, DEFAULT_BUDGET, EXCEL_WEB_PAYLOAD_LIMIT, cellBytes, matrixBytes, packSyncs, planRects, stringBytes } from "./budget";
import { blockInput, blockNumberFormats, type ExcelInput, slice } from "./cells";
import { addChart, chartBytes, checkChart, MAX_COLS, MAX_ROWS } from "./charts";
import { fromOffice, officeCode } from "./officeErrors";
import { printPlan } from "../printPlan";
import { applyPrintPlan, pageLayoutSupported, printPlanBytes } from "./printLayout";
import { applyStyle, BLOCK_STYLES, columnWidthRuns, styleWrites } from "./styles";

export interface WriteOptions {
  /** Work items (value blocks, format blocks, charts) done and in all; called after each sync. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  budget?: Budget;
}

/** Sheets whose cells number at most this are auto-fitted when the spec gives no widths;
 * autofit of large sheets is slow in Excel on the web. */
export const AUTOFIT_MAX_CELLS = 20_000;

/** One unit of work: queues its calls on the sheet proxies, costs `bytes` of request. */
interface Item {
  sheet: string;
  bytes: number;
  queue: (sheets: Map<string, Excel.Worksheet>) => void;
}

const WRITING = { ja: "結果を書き込む", en: "writing the results" };

/** Summary first, then the others in spec order. */
function ordered(sheets: SheetSpec[]): SheetSpec[] {
  const summary = sheets.filter((s) => s.key === "summary");
  return [...summary, ...sheets.filter((s) => s.key !== "summary")];
}

function checkBlocks(s: SheetSpec): void {
  for (const b of s.blocks) {
    const cols = b.values.reduce((m, r) => Math.max(m, r.length), 0);
    const ok = Number.isInteger(b.row) && Number.isInteger(b.col) && b.row >= 0 && b.col >= 0 && b.row + b.values.length <= MAX_ROWS && b.col + cols <= MAX_COLS;
    if (!ok)
      throw new RippleError(
        "report-block",
        {
          ja: `行 ${b.row}・列 ${b.col} からの ${b.values.length}×${cols} のブロックがシートに収まりません(レポートの作成側の不具合です。報告してください)`,
          en: `the ${b.values.length}×${cols} block at row ${b.row}, column ${b.col} does not fit on a sheet (a fault in the report builder; please report it)`,
        },
        { sheet: s.name },
      );
  }
}

function valueItems(s: SheetSpec, budget: Budget): Item[] {
  const items: Item[] = [];
  for (const b of s.blocks) {
    const input = blockInput(b);
    const rects = planRects(input.rows, input.cols, (r, c) => cellBytes(input.cells[r][c]), budget.blockBytes);
    for (const r of rects) {
      const cells = slice(input.cells, r.row, r.rows, r.col, r.cols);
      const formulas = cells.some((row) => row.some((v) => typeof v === "string" && v.startsWith("=")));
      items.push({
        sheet: s.name,
        bytes: matrixBytes(cells) + 100,
        queue: (ws) => {
          const range = ws.get(s.name)!.getRangeByIndexes(b.row + r.row, b.col + r.col, r.rows, r.cols);
          // Range.formulas takes constants as well; it is needed only when a formula is present.
          if (formulas) range.formulas = cells as ExcelInput[][];
          else range.values = cells as ExcelInput[][];
        },
      });
    }
  }
  return items;
}

function formatItems(s: SheetSpec, budget: Budget, font: FontSpec): Item[] {
  const items: Item[] = [];
  let maxRow = 0;
  let maxCol = 0;
  for (const b of s.blocks) {
    const rows = b.values.length;
    const cols = b.values.reduce((m, r) => Math.max(m, r.length), 0);
    maxRow = Math.max(maxRow, b.row + rows);
    maxCol = Math.max(maxCol, b.col + cols);
    const nf = blockNumberFormats(b, rows, cols);
    if (nf) {
      for (const r of planRects(rows, cols, (i, j) => cellBytes(nf[i][j]), budget.blockBytes)) {
        const part = slice(nf, r.row, r.rows, r.col, r.cols);
        items.push({
          sheet: s.name,
          bytes: matrixBytes(part) + 100,
          queue: (ws) => {
            ws.get(s.name)!.getRangeByIndexes(b.row + r.row, b.col + r.col, r.rows, r.cols).numberFormat = part;
          },
        });
      }
    }
    const style = b.style ? BLOCK_STYLES[b.style] : undefined;
    const writes = style ? styleWrites(style) : [];
    if (style && writes.length > 0 && rows > 0 && cols > 0)
      items.push({
        sheet: s.name,
        bytes: 150 * writes.length,
        queue: (ws) => applyStyle(ws.get(s.name)!.getRangeByIndexes(b.row, b.col, rows, cols), style),
      });
  }
  // The workbook's one font over the sheet's cells, in one write (report/spec.ts workbookFont);
  // styles then set only weight, slant, size and colour.
  if (maxRow > 0 && maxCol > 0)
    items.unshift({
      sheet: s.name,
      bytes: 150,
      queue: (ws) => {
        ws.get(s.name)!.getRangeByIndexes(0, 0, maxRow, maxCol).format.font.name = font.name;
      },
    });
  const widths = s.columnWidths ? columnWidthRuns(s.columnWidths) : [];
  const autofit = !s.columnWidths && maxRow * maxCol > 0 && maxRow * maxCol <= AUTOFIT_MAX_CELLS;
  const freeze = s.freeze && (s.freeze.rows > 0 || s.freeze.cols > 0) ? s.freeze : undefined;
  for (const v of s.validations ?? []) {
    const src = listSource(v, s.name);
    const source = src.kind === "inline" ? src.text : `=${src.ref}`;
    items.push({
      sheet: s.name,
      bytes: 120 + source.length * 3,
      queue: (ws) => {
        ws.get(s.name)!.getRangeByIndexes(v.range.row, v.range.col, v.range.rows, v.range.cols).dataValidation.rule = {
          list: { inCellDropDown: true, source },
        };
      },
    });
  }
  if (widths.length > 0 || autofit || freeze || s.tabColor || s.visibility)
    items.push({
      sheet: s.name,
      bytes: 200 + 120 * widths.length,
      queue: (ws) => {
        const sheet = ws.get(s.name)!;
        for (const w of widths) sheet.getRangeByIndexes(0, w.col, 1, w.cols).format.columnWidth = w.points;
        if (autofit) sheet.getRangeByIndexes(0, 0, maxRow, maxCol).format.autofitColumns();
        if (freeze) {
          if (freeze.rows > 0 && freeze.cols > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, freeze.rows, freeze.cols));
          else if (freeze.rows > 0) sheet.freezePanes.freezeRows(freeze.rows);
          else sheet.freezePanes.freezeColumns(freeze.cols);
        }
        if (s.tabColor) sheet.tabColor = s.tabColor;
        if (s.visibility) sheet.visibility = s.visibility === "veryHidden" ? "VeryHidden" : "Hidden";
      },
    });
  return items;
}

/** The sheet's print layout (../printPlan.ts), after its values and formats. */
function printItems(s: SheetSpec, spec: WorkbookSpec): Item[] {
  const plan = printPlan(s, spec);
  return [{ sheet: s.name, bytes: printPlanBytes(plan), queue: (ws) => applyPrintPlan(ws.get(s.name)!, plan) }];
}

function chartItems(ctx: Excel.RequestContext, s: SheetSpec, sheets: SheetSpec[]): Item[] {
  const textsOf = (r: RangeRef): string[] => {
    const on = sheets.find((x) => x.name === (r.sheet ?? s.name));
    return on ? textsIn(on, r) : [];
  };
  return (s.charts ?? []).map((chart) => ({
    sheet: s.name,
    bytes: chartBytes(chart),
    queue: (ws) => {
      const rangeOf = (r: RangeRef): Excel.Range =>
        (ws.get(r.sheet ?? s.name) ?? ctx.workbook.worksheets.getItem(r.sheet ?? s.name)).getRangeByIndexes(r.row, r.col, r.rows, r.cols);
      addChart(ws.get(s.name)!, chart, rangeOf, textsOf);
    },
  }));
}

/** A custom XML part travels whole in one request (it cannot be split over syncs), and a request
 * over Excel on the web's 5 MB limit fails — and with it the whole write, rolled back. A larger
 * part is left out instead (the sheets are written) and reported to the caller, which says so.
 * Measured as stringBytes does (non-ASCII as a 6-byte escape, the worst a transport can do); the
 * 64 KB margin covers the rest of the last sync (activating the summary sheet). */
export const CUSTOM_XML_MAX_BYTES = EXCEL_WEB_PAYLOAD_LIMIT - 64 * 1024;

/** A custom XML part the write left out because it is too large to send. */
export interface SkippedXmlPart {
  namespace: string;
  /** Its size as estimated against CUSTOM_XML_MAX_BYTES. */
  bytes: number;
}

/** The parts of `spec` that can be sent, and those too large to (see CUSTOM_XML_MAX_BYTES). */
export function sendableXmlParts(spec: WorkbookSpec): { send: string[]; skipped: SkippedXmlPart[] } {
  const send: string[] = [];
  const skipped: SkippedXmlPart[] = [];
  for (const p of spec.customXml ?? []) {
    const bytes = stringBytes(p.xml);
    if (bytes > CUSTOM_XML_MAX_BYTES) skipped.push({ namespace: p.namespace, bytes });
    else send.push(p.xml);
  }
  return { send, skipped };
}

/** Custom XML parts can be written and read (ExcelApi 1.5: Excel 2016 and later, on the web). */
export function customXmlSupported(): boolean {
  const req = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
  return req && typeof req.isSetSupported === "function" ? req.isSetSupported("ExcelApi", "1.5") : true;
}

/** What a write did: the final names of its sheets (summary first), and the custom XML parts it
 * left out as too large to send (none is the rule). */
export interface Written {
  sheets: string[];
  skippedXml: SkippedXmlPart[];
}

/** Write `spec` into new sheets; returns their final names (summary first). */
export async function writeReportIn(
  ctx: Excel.RequestContext,
  spec: WorkbookSpec,
  opts: WriteOptions = {},
): Promise<Written> {
  const budget = opts.budget ?? DEFAULT_BUDGET;
  if (opts.signal?.aborted) throw cancelledError();
  if (spec.sheets.length === 0) return { sheets: [], skippedXml: [] };

  const collection = ctx.workbook.worksheets;
  collection.load("items/name");
  try {
    await ctx.sync();
  } catch (e) {
    throw fromOffice(e, {}, WRITING);
  }
  const existing = collection.items.map((w) => w.name);
  const resolved = resolveSheetNames(spec, existing);
  const sheets = ordered(resolved.sheets);
  const known = new Set([...existing, ...sheets.map((s) => s.name)]);
  for (const s of sheets) {
    checkBlocks(s);
    for (const c of s.charts ?? []) checkChart(c, s.name, known);
  }

  const phases: Item[][] = [
    sheets.flatMap((s) => valueItems(s, budget)),
    sheets.flatMap((s) => formatItems(s, budget, workbookFont(spec))),
    pageLayoutSupported() ? sheets.flatMap((s) => printItems(s, spec)) : [],
    sheets.flatMap((s) => chartItems(ctx, s, sheets)),
  ];
  const total = phases.reduce((n, p) => n + p.length, 0);
  let done = 0;

  // Sheets are added in the first sync that writes; until then nothing has changed. From then
  // on the write completes or everything it added is removed (see rollBack).
  const ws = new Map<string, Excel.Worksheet>();
  let started = false;
  const names = sheets.map((s) => s.name);
  const fail = async (e: unknown, sheet: string): Promise<never> => {
    const err = e instanceof RippleError && e.kind === "cancelled" ? e : fromOffice(e, { sheet }, WRITING);
    if (started) await rollBack(ctx, names, err);
    throw err;
  };

  for (const phase of phases) {
    for (const batch of packSyncs(phase, budget.syncBytes)) {
      if (opts.signal?.aborted) await fail(cancelledError(), names[0]);
      if (!started) for (const s of sheets) ws.set(s.name, collection.add(s.name));
      // Set before the sync: a sync that fails may have applied part of its batch (Excel does
      // not roll a batch back), so the sheets may exist even when this first sync fails.
      started = true;
      for (const it of batch) it.queue(ws);
      try {
        await ctx.sync();
      } catch (e) {
        await fail(e, batch[0].sheet);
      }
      done += batch.length;
      opts.onProgress?.(done, total);
    }
  }
  if (opts.signal?.aborted) await fail(cancelledError(), names[0]);
  if (!started) for (const s of sheets) ws.set(s.name, collection.add(s.name)); // a spec of empty sheets still gets its sheets
  started = true;
  // The run record (custom XML parts) with the last sync of the write, unless too large to send.
  const xml = customXmlSupported() ? sendableXmlParts(spec) : { send: [], skipped: [] };
  for (const part of xml.send) ctx.workbook.customXmlParts.add(part);
  ws.get(sheets[0].name)!.activate();
  try {
    await ctx.sync();
  } catch (e) {
    await fail(e, sheets[0].name);
  }
  return { sheets: sheets.map((s) => s.name), skippedXml: xml.skipped };
}

/** After a failed or cancelled write: delete every sheet of `names` that exists now. Their names
 * were chosen unused by any sheet before the write, so each one that exists is this write's;
 * input sheets are never among them. When the removal fails too, the error names the sheets
 * left behind so the user can delete them. */
export async function rollBack(ctx: Excel.RequestContext, names: string[], cause: RippleError): Promise<void> {
  try {
    const found = names.map((n) => ctx.workbook.worksheets.getItemOrNullObject(n));
    for (const f of found) f.load("name");
    await ctx.sync();
    const left = found.filter((f) => !f.isNullObject);
    if (left.length === 0) return;
    for (const f of left) f.delete();
    await ctx.sync();
  } catch (e) {
    const detail = `${officeCode(e) ?? "Error"}: ${e instanceof Error ? e.message : String(e)}`;
    const list = names.join("」「");
    const listEn = names.join("', '");
    throw new RippleError(
      "write-rollback-failed",
      {
        ja: `${cause.text.ja}。さらに、途中まで書いた結果のシートを削除できませんでした (${detail})。次のシートのうち残っているものを手で削除してください：「${list}」（入力のシートには書き込んでいません）`,
        en: `${cause.text.en}. The partly written results sheets could not be removed either (${detail}); delete whichever of these sheets remain: '${listEn}' (no input sheet was written)`,
      },
      cause.where,
      cause.kind,
    );
  }
}
