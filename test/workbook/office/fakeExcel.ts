// A recording fake of the subset of the Excel JavaScript object model Ripple uses. It follows
// the real API's batching rules: calls are queued on proxy objects and run at context.sync();
// loaded properties exist only after the sync (reading one before throws PropertyNotLoaded);
// lookups of missing items fail at the sync with ItemNotFound; a sync whose request or response
// is over 5 MB fails like Excel on the web. Every sync (bytes each way) and every write (sheet,
// kind, address) is logged so tests can check payloads, ordering and that input sheets stay
// untouched.
//
// Plain TypeScript, no node imports: it is also bundled into a browser test page.

import { a1, columnLetters, sheetRef } from "../../../src/engine/grid";

export type FakeValue = string | number | boolean | null;

/** Excel on the web's limit on one request and on one response. */
export const FAKE_PAYLOAD_LIMIT = 5 * 1024 * 1024;
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export interface FakeCell {
  value: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  /** Entered with a leading apostrophe: text whatever it looks like. */
  quotePrefix?: boolean;
  /** An error value such as #NUM!. */
  error?: boolean;
}

export interface FakeSeries {
  name: string;
  values: string | null;
  xValues: string | null;
  markerStyle?: string;
  lineStyle?: string;
  chartType?: string;
  /** Data labels set on single points (ChartPoint.dataLabel), by point index. */
  pointLabels?: Record<number, { text?: string; position?: string; shown?: boolean }>;
}

export interface FakeChart {
  sheet: string;
  type: string;
  sourceData: string;
  seriesBy: string;
  title: string | null;
  categoryAxisTitle: string | null;
  valueAxisTitle: string | null;
  valueAxisFormat?: string;
  legend: { visible?: boolean; position?: string };
  position: { start: string; end: string } | null;
  series: FakeSeries[];
}

/** A sheet's print settings as set through worksheet.pageLayout (ExcelApi 1.9); margins in points. */
export interface FakePageLayout {
  orientation?: string;
  paperSize?: string;
  margins: Partial<Record<"left" | "right" | "top" | "bottom" | "header" | "footer", number>>;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printArea?: string;
  titleRows?: string;
  titleColumns?: string;
  /** headersFooters.defaultForAllPages: leftHeader, centerHeader, …, rightFooter. */
  headerFooter: Record<string, string>;
}

export interface WriteRecord {
  /** Index of the sync that applied it (into FakeWorkbook.syncs). */
  sync: number;
  /** Global order of writes. */
  seq: number;
  sheet: string;
  kind: string;
  address?: string;
  detail?: string;
}

export interface SyncRecord {
  index: number;
  /** Which Excel.run (1-based) the sync belongs to. */
  run: number;
  requestBytes: number;
  responseBytes: number;
  ops: number;
  /** Error code when the sync failed. */
  failed?: string;
}

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

const ERR = {
  itemNotFound: (what: string) => new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. (${what})`),
  invalidArgument: (why: string) => new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${why})`),
  notLoaded: (prop: string) =>
    new FakeOfficeError(
      "PropertyNotLoaded",
      `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    ),
};

function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function jsonBytes(v: unknown): number {
  return utf8Bytes(JSON.stringify(v) ?? "null");
}

// ---------------------------------------------------------------- the workbook model

export class FakeSheet {
  name: string;
  readonly rows = new Map<number, Map<number, FakeCell>>();
  readonly formatOps: { address: string; path: string; value: unknown }[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly autofits: string[] = [];
  freeze: { rows: number; cols: number } | null = null;
  tabColor: string | null = null;
  readonly charts: FakeChart[] = [];
  /** Drop-down lists set through range.dataValidation.rule. */
  readonly validations: { address: string; source: string; inCellDropDown: boolean }[] = [];
  /** Print settings (worksheet.pageLayout); untouched: only empty margins and header/footer. */
  readonly pageLayout: FakePageLayout = { margins: {}, headerFooter: {} };

  constructor(name: string) {
    this.name = name;
  }

  cell(r: number, c: number): FakeCell | undefined {
    return this.rows.get(r)?.get(c);
  }

  setCell(r: number, c: number, cell: FakeCell | undefined): void {
    let row = this.rows.get(r);
    if (!cell) {
      row?.delete(c);
      return;
    }
    if (!row) this.rows.set(r, (row = new Map()));
    row.set(c, cell);
  }

  /** Patch a cell keeping what is not given (a number format outlives a value change). */
  patch(r: number, c: number, p: Partial<FakeCell> & { clear?: boolean }): void {
    const old = this.cell(r, c);
    const nf = p.numberFormat ?? old?.numberFormat;
    if (p.clear) {
      this.setCell(r, c, nf ? { value: "", numberFormat: nf } : undefined);
      return;
    }
    const next: FakeCell = { value: p.value ?? old?.value ?? "" };
    if ("value" in p) {
      if (p.formula) next.formula = p.formula;
      if (p.quotePrefix) next.quotePrefix = true;
      if (p.error) next.error = true;
    } else if (old) Object.assign(next, old, { numberFormat: undefined });
    if (nf) next.numberFormat = nf;
    this.setCell(r, c, next);
  }

  value(r: number, c: number): FakeValue {
    const x = this.cell(r, c);
    return x && x.value !== "" ? x.value : null;
  }

  /** Bounding box of the used cells: with a value or formula, or (valuesOnly false) any cell. */
  used(valuesOnly: boolean): { row: number; col: number; rows: number; cols: number } | null {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    for (const [r, row] of this.rows)
      for (const [c, cell] of row) {
        if (valuesOnly && cell.value === "" && !cell.formula) continue;
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      }
    if (r1 < 0) return null;
    return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** Values from A1 to the last used cell (null for empty), for deep comparisons. */
  toValues(): FakeValue[][] {
    const u = this.used(false);
    if (!u) return [];
    const out: FakeValue[][] = [];
    for (let r = 0; r < u.row + u.rows; r++) {
      const row: FakeValue[] = [];
      for (let c = 0; c < u.col + u.cols; c++) row.push(this.value(r, c));
      out.push(row);
    }
    return out;
  }

  /** Values of a rectangle, null for empty. */
  block(row: number, col: number, rows: number, cols: number): FakeValue[][] {
    return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => this.value(row + i, col + j)));
  }
}

export interface FakeOptions {
  /** Selected range, e.g. { sheet: "Sheet1", address: "B2:D10" }; an address with a comma is
   * a multiple selection, which getSelectedRange refuses like Excel. */
  selection?: { sheet: string; address: string };
  displayLanguage?: string;
  /** Payload limit per sync and direction; 5 MB by default. */
  payloadLimit?: number;
  /** Office.context.platform ("PC", "Mac", "OfficeOnline", …); OfficeOnline by default. */
  platform?: string;
  /** Highest ExcelApi minor version the host supports (isSetSupported); 1.9 by default. Below
   * 1.8 there is no Excel.createWorkbook. */
  excelApi?: number;
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly settings = new Map<string, unknown>();
  readonly syncs: SyncRecord[] = [];
  readonly writes: WriteRecord[] = [];
  runs = 0;
  /** Application.calculate calls, by calculation type, in order. */
  readonly calculations: string[] = [];
  /** Workbooks opened with Excel.createWorkbook (their base64 .xlsx), in order. */
  readonly createdWorkbooks: string[] = [];
  /** Custom XML parts (ExcelApi 1.5), in the order added: the namespace of the root and the XML. */
  readonly customXml: { namespace: string; xml: string }[] = [];
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null;
  payloadLimit: number;
  readonly office: {
    context: { displayLanguage: string; platform: string; document: { settings: null }; requirements: { isSetSupported(name: string, minVersion?: string): boolean } };
  };
  readonly excelApi: number;
  uninstall: () => void = () => undefined;

  constructor(opts: FakeOptions = {}) {
    this.selection = opts.selection ?? null;
    this.payloadLimit = opts.payloadLimit ?? FAKE_PAYLOAD_LIMIT;
    this.excelApi = opts.excelApi ?? 9;
    const minor = (v?: string) => Number((v ?? "1.1").split(".")[1] ?? 1);
    this.office = {
      context: {
        displayLanguage: opts.displayLanguage ?? "en-US",
        platform: opts.platform ?? "OfficeOnline",
        document: { settings: null },
        requirements: { isSetSupported: (name, v) => name === "ExcelApi" && minor(v) <= this.excelApi },
      },
    };
  }

  /** Case-insensitive, as Excel's sheet names are. */
  find(name: string): FakeSheet | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }

  sheet(name: string): FakeSheet {
    const s = this.find(name);
    if (!s) throw new Error(`fake workbook has no sheet '${name}'`);
    return s;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  writesTo(sheet: string): WriteRecord[] {
    return this.writes.filter((w) => w.sheet === sheet);
  }

  maxRequestBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.requestBytes), 0);
  }

  maxResponseBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.responseBytes), 0);
  }

  charts(): FakeChart[] {
    return this.sheets.flatMap((s) => s.charts);
  }

  /** Injected failure: called before each write is applied; a code makes that write fail with
   * it, as Excel fails a batch mid-way (the writes queued before it in the sync stay applied). */
  failWrite: ((w: { sheet: string; kind: string; address?: string }) => string | null) | null = null;

  /** Called by the fake before a write (added sheet, values, formulas, formats) takes effect. */
  beforeWrite(sheet: string, kind: string, address?: string): void {
    const code = this.failWrite?.({ sheet, kind, address });
    if (code) throw new FakeOfficeError(code, `Injected failure (${kind} on ${address ?? sheet})`);
  }

  private seq = 0;
  /** Called by the fake while a sync runs. */
  record(sheet: string, kind: string, address?: string, detail?: string): void {
    this.writes.push({ sync: this.syncs.length - 1, seq: this.seq++, sheet, kind, address, detail });
  }
}

// ---------------------------------------------------------------- addresses and cell input

interface Area {
  sheet: FakeSheet;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function areaAddress(a: Area): string {
  const local =
    a.rows === 1 && a.cols === 1 ? a1(a.row, a.col) : `${a1(a.row, a.col)}:${a1(a.row + a.rows - 1, a.col + a.cols - 1)}`;
  return sheetRef(a.sheet.name, local);
}

function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

/** "B3", "B3:D9", "B:D", "3:9" (with or without $) on a sheet. */
function parseAddress(sheet: FakeSheet, address: string): Area {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const parts = local.replace(/\$/g, "").toUpperCase().split(":");
  if (parts.length > 2 || parts.some((p) => p === "")) throw ERR.invalidArgument(`address '${address}'`);
  const cell = /^([A-Z]{1,3})(\d+)$/;
  const col = /^([A-Z]{1,3})$/;
  const row = /^(\d+)$/;
  const [p, q = parts[0]] = parts;
  let area: Omit<Area, "sheet">;
  if (cell.test(p) && cell.test(q)) {
    const [, pc, pr] = cell.exec(p)!;
    const [, qc, qr] = cell.exec(q)!;
    const r0 = Math.min(+pr, +qr) - 1, r1 = Math.max(+pr, +qr) - 1;
    const c0 = Math.min(colIndex(pc), colIndex(qc)), c1 = Math.max(colIndex(pc), colIndex(qc));
    area = { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  } else if (parts.length === 2 && col.test(p) && col.test(q)) {
    const c0 = Math.min(colIndex(p), colIndex(q)), c1 = Math.max(colIndex(p), colIndex(q));
    area = { row: 0, col: c0, rows: MAX_ROWS, cols: c1 - c0 + 1 };
  } else if (parts.length === 2 && row.test(p) && row.test(q)) {
    const r0 = Math.min(+p, +q) - 1, r1 = Math.max(+p, +q) - 1;
    area = { row: r0, col: 0, rows: r1 - r0 + 1, cols: MAX_COLS };
  } else throw ERR.invalidArgument(`address '${address}'`);
  return checkArea({ sheet, ...area });
}

function checkArea(a: Area): Area {
  if (!(a.row >= 0 && a.col >= 0 && a.rows >= 1 && a.cols >= 1 && a.row + a.rows <= MAX_ROWS && a.col + a.cols <= MAX_COLS))
    throw ERR.invalidArgument(`range outside the sheet: row ${a.row}, col ${a.col}, ${a.rows}×${a.cols}`);
  return a;
}

const ERROR_VALUES = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!"]);

/** What Excel makes of a string entered through Range.values, as if typed in the cell. */
function typed(s: string, textFormat: boolean): Partial<FakeCell> & { clear?: boolean } {
  if (s === "") return { clear: true };
  if (textFormat) return { value: s };
  if (s.startsWith("'")) return { value: s.slice(1), quotePrefix: true };
  if (ERROR_VALUES.has(s.toUpperCase())) return { value: s.toUpperCase(), error: true };
  const t = s.trim();
  const num = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i;
  if (num.test(t)) return { value: t.endsWith("%") ? parseFloat(t) / 100 : parseFloat(t) };
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return { value: parseFloat(t.replace(/,/g, "")) };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const md = /^(\d{1,2})\/(\d{1,2})$/.exec(t) ?? /^(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (iso) return { value: serial(+iso[1], +iso[2], +iso[3]) };
  if (md) return { value: serial(2000, +md[1], +md[2]) };
  if (/^[=+\-@]/.test(s)) {
    if (s === "=") throw ERR.invalidArgument("a formula cannot be just '='");
    return { value: "", formula: s.startsWith("=") ? s : "=" + s.slice(s.startsWith("@") ? 1 : 0) };
  }
  return { value: s };
}

/** Excel date serial (1900 system). */
function serial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

// ---------------------------------------------------------------- batching

interface Op {
  bytes: number;
  /** Runs the call against the model; loads stage their results. */
  exec: (stage: (target: FakeObject, data: Record<string, unknown>) => void) => void;
}

class Ctx {
  readonly pending: Op[] = [];
  readonly workbook: WorkbookProxy;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  constructor(
    readonly wb: FakeWorkbook,
    readonly run: number,
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  queue(bytes: number, exec: Op["exec"]): void {
    this.pending.push({ bytes: bytes + 20, exec });
  }

  async sync(): Promise<void> {
    const ops = this.pending.splice(0);
    const wb = this.wb;
    const rec: SyncRecord = { index: wb.syncs.length, run: this.run, requestBytes: 0, responseBytes: 0, ops: ops.length };
    rec.requestBytes = ops.reduce((n, o) => n + o.bytes, 50);
    wb.syncs.push(rec);
    await Promise.resolve(); // a sync is asynchronous in the real API too
    if (rec.requestBytes > wb.payloadLimit) {
      rec.failed = "RequestPayloadSizeLimitExceeded";
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".");
    }
    const staged: [FakeObject, Record<string, unknown>][] = [];
    let response = 50;
    const stage = (target: FakeObject, data: Record<string, unknown>): void => {
      staged.push([target, data]);
      response += jsonBytes(data) + 20;
    };
    for (const op of ops) {
      try {
        op.exec(stage);
      } catch (e) {
        rec.failed = e instanceof FakeOfficeError ? e.code : "GeneralException";
        throw e;
      }
    }
    rec.responseBytes = response;
    if (response > wb.payloadLimit) {
      rec.failed = "ResponsePayloadSizeLimitExceeded";
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".");
    }
    for (const [target, data] of staged) target.commit(data);
  }
}

function loadList(arg?: unknown): string[] {
  if (arg === undefined) return [];
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => loadList(a));
  if (typeof arg === "object" && arg !== null && "select" in arg) return loadList((arg as { select: unknown }).select);
  return [];
}

abstract class FakeObject {
  protected readonly loaded = new Map<string, unknown>();
  constructor(readonly ctx: Ctx) {}

  get context(): Ctx {
    return this.ctx;
  }

  protected got<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw ERR.notLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  get isNullObject(): boolean {
    return this.got<boolean>("isNullObject");
  }

  commit(data: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(data)) this.loaded.set(k, v);
  }

  /** The object's current value for a loadable property (at sync time). */
  protected abstract read(prop: string): unknown;
  /** Whether the object exists (null objects load only isNullObject). */
  protected exists(): boolean {
    return true;
  }

  load(arg?: unknown): this {
    const props = loadList(arg);
    this.ctx.queue(20 + props.join(",").length, (stage) => {
      if (!this.exists()) {
        stage(this, { isNullObject: true });
        return;
      }
      const data: Record<string, unknown> = { isNullObject: false };
      for (const p of props) data[p] = this.read(p);
      stage(this, data);
    });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

// ---------------------------------------------------------------- workbook, sheets, settings

class WorkbookProxy extends FakeObject {
  readonly worksheets: WorksheetCollectionProxy;
  readonly settings: SettingCollectionProxy;
  readonly application: ApplicationProxy;
  readonly customXmlParts: CustomXmlPartCollectionProxy;
  constructor(ctx: Ctx) {
    super(ctx);
    this.customXmlParts = new CustomXmlPartCollectionProxy(ctx);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.settings = new SettingCollectionProxy(ctx);
    this.application = new ApplicationProxy(ctx);
  }
  protected read(prop: string): unknown {
    throw ERR.invalidArgument(`workbook property '${prop}' is not in the fake`);
  }
  getSelectedRange(): RangeProxy {
    const wb = this.ctx.wb;
    return new RangeProxy(this.ctx, () => {
      const sel = wb.selection;
      if (!sel) throw new FakeOfficeError("InvalidSelection", "The current selection is invalid for this operation.");
      if (sel.address.includes(",")) throw new FakeOfficeError("InvalidSelection", "The current selection is invalid for this operation (multiple areas).");
      const sheet = wb.find(sel.sheet);
      if (!sheet) throw ERR.itemNotFound(`sheet '${sel.sheet}'`);
      return parseAddress(sheet, sel.address);
    });
  }
}

/** Custom XML parts: add(xml) takes the root's xmlns as the namespace (as Excel does);
 * getByNamespace(ns) gives the parts of that namespace, each with getXml(). */
class CustomXmlPartCollectionProxy extends FakeObject {
  private items_: CustomXmlPartProxy[] | null = null;
  protected read(prop: string): unknown {
    throw ERR.invalidArgument(`customXmlParts property '${prop}' is not in the fake`);
  }
  add(xml: string): void {
    this.ctx.queue(40 + xml.length, () => {
      const ns = /<[A-Za-z_][\w.-]*[^>]*\sxmlns="([^"]*)"/.exec(xml)?.[1];
      if (!ns) throw ERR.invalidArgument("customXmlParts.add: the XML has no namespace");
      this.ctx.wb.customXml.push({ namespace: ns, xml });
    });
  }
  getByNamespace(namespace: string): CustomXmlPartCollectionProxy {
    const c = new CustomXmlPartCollectionProxy(this.ctx);
    c.items_ = null;
    (c as unknown as { ns: string }).ns = namespace;
    return c;
  }
  get items(): CustomXmlPartProxy[] {
    return this.got<CustomXmlPartProxy[]>("items");
  }
  override load(): this {
    const ns = (this as unknown as { ns?: string }).ns;
    this.ctx.queue(40, (stage) => {
      const parts = this.ctx.wb.customXml.filter((p) => ns === undefined || p.namespace === ns);
      stage(this, { items: parts.map((p) => new CustomXmlPartProxy(this.ctx, p.xml)) });
    });
    return this;
  }
}

class CustomXmlPartProxy extends FakeObject {
  constructor(ctx: Ctx, private readonly xml: string) {
    super(ctx);
  }
  protected read(prop: string): unknown {
    throw ERR.invalidArgument(`customXmlPart property '${prop}' is not in the fake`);
  }
  getXml(): { value: string } {
    const result = { value: undefined as unknown as string };
    this.ctx.queue(40, () => {
      result.value = this.xml;
    });
    return result;
  }
}

/** Excel.CalculationType as office.js defines it (string enum). */
const CALCULATION_TYPES = { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" } as const;

class ApplicationProxy extends FakeObject {
  protected read(prop: string): unknown {
    throw ERR.invalidArgument(`application property '${prop}' is not in the fake`);
  }
  calculate(type: string): void {
    this.ctx.queue(40, () => {
      if (!(Object.values(CALCULATION_TYPES) as string[]).includes(type)) throw ERR.invalidArgument(`calculation type '${type}'`);
      this.ctx.wb.calculations.push(type);
    });
  }
}

class WorksheetCollectionProxy extends FakeObject {
  protected read(prop: string): unknown {
    throw ERR.invalidArgument(`worksheets property '${prop}' is not in the fake`);
  }
  get items(): WorksheetProxy[] {
    return this.got<WorksheetProxy[]>("items");
  }
  override load(arg?: unknown): this {
    const props = loadList(arg).map((p) => p.replace(/^items\//, ""));
    this.ctx.queue(40, (stage) => {
      const items = this.ctx.wb.sheets.map((s) => {
        const w = new WorksheetProxy(this.ctx, s.name, false);
        const data: Record<string, unknown> = { isNullObject: false };
        for (const p of props.length ? props : ["name", "position"]) data[p] = w.readNow(p);
        w.commit(data);
        return { w, data };
      });
      stage(this, { items: items.map((i) => i.w) });
      // The response carries each item's loaded properties.
      for (const i of items) stage(i.w, i.data);
    });
    return this;
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, name, false, true);
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, name, true, true);
  }
  add(name?: string): WorksheetProxy {
    const wb = this.ctx.wb;
    let final = name ?? "";
    if (!name) for (let k = 1; ; k++) if (!wb.find((final = `Sheet${k}`))) break;
    this.ctx.queue(30 + utf8Bytes(final), () => {
      if (final.length > 31 || /[\\/?*[\]:]/.test(final) || /^'|'$/.test(final) || final.trim() === "")
        throw ERR.invalidArgument(`sheet name '${final}'`);
      if (wb.find(final)) throw new FakeOfficeError("ItemAlreadyExists", `A resource with the same name or identifier already exists. (${final})`);
      wb.beforeWrite(final, "addSheet");
      wb.sheets.push(new FakeSheet(final));
      wb.record(final, "addSheet");
    });
    return new WorksheetProxy(this.ctx, final, false);
  }
}

class WorksheetProxy extends FakeObject {
  readonly freezePanes: FreezePanesProxy;
  readonly charts: ChartCollectionProxy;
  readonly pageLayout: PageLayoutProxy;
  constructor(
    ctx: Ctx,
    readonly key: string,
    readonly nullable: boolean,
    lookup = false,
  ) {
    super(ctx);
    this.freezePanes = new FreezePanesProxy(ctx, this);
    this.charts = new ChartCollectionProxy(ctx, this);
    this.pageLayout = new PageLayoutProxy(ctx, this);
    // getItem is itself a call in the batch: a missing sheet fails the sync even if unused.
    if (lookup && !nullable) ctx.queue(30 + utf8Bytes(key), () => void this.sheet());
  }
  sheet(): FakeSheet {
    const s = this.ctx.wb.find(this.key);
    if (!s) throw ERR.itemNotFound(`sheet '${this.key}'`);
    return s;
  }
  protected override exists(): boolean {
    return !this.nullable || this.ctx.wb.find(this.key) !== undefined;
  }
  readNow(prop: string): unknown {
    return this.read(prop);
  }
  protected read(prop: string): unknown {
    const s = this.sheet();
    switch (prop) {
      case "name":
        return s.name;
      case "position":
        return this.ctx.wb.sheets.indexOf(s);
      case "tabColor":
        return s.tabColor ?? "";
      case "id":
        return `{${s.name}}`;
      default:
        throw ERR.invalidArgument(`worksheet property '${prop}' is not in the fake`);
    }
  }
  get name(): string {
    return this.got("name");
  }
  get position(): number {
    return this.got("position");
  }
  get tabColor(): string {
    return this.got("tabColor");
  }
  set tabColor(v: string) {
    this.ctx.queue(30 + jsonBytes(v), () => {
      const s = this.sheet();
      s.tabColor = v;
      this.ctx.wb.record(s.name, "tabColor", undefined, v);
    });
  }
  activate(): void {
    this.ctx.queue(20, () => {
      const s = this.sheet();
      this.ctx.wb.activeSheet = s.name;
      this.ctx.wb.record(s.name, "activate");
    });
  }
  delete(): void {
    this.ctx.queue(20, () => {
      const s = this.sheet();
      const wb = this.ctx.wb;
      if (wb.sheets.length === 1) throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      wb.beforeWrite(s.name, "delete");
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      wb.record(s.name, "delete");
    });
  }
  private range(f: () => Omit<Area, "sheet">): RangeProxy {
    return new RangeProxy(this.ctx, () => checkArea({ sheet: this.sheet(), ...f() }));
  }
  getRange(address: string): RangeProxy {
    return new RangeProxy(this.ctx, () => parseAddress(this.sheet(), address));
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return this.range(() => ({ row, col, rows, cols }));
  }
  getCell(row: number, col: number): RangeProxy {
    return this.range(() => ({ row, col, rows: 1, cols: 1 }));
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return this.range(() => this.sheet().used(valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 });
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const s = this.sheet();
      const u = s.used(valuesOnly);
      return u ? { sheet: s, ...u } : null;
    });
  }
}

class FreezePanesProxy extends FakeObject {
  constructor(ctx: Ctx, readonly ws: WorksheetProxy) {
    super(ctx);
  }
  protected read(prop: string): unknown {
    throw ERR.invalidArgument(`freezePanes property '${prop}' is not in the fake`);
  }
  private set(f: () => { rows: number; cols: number }): void {
    this.ctx.queue(40, () => {
      const s = this.ws.sheet();
      s.freeze = f();
      this.ctx.wb.record(s.name, "freeze", undefined, JSON.stringify(s.freeze));
    });
  }
  freezeAt(range: RangeProxy | string): void {
    this.set(() => {
      const a = typeof range === "string" ? parseAddress(this.ws.sheet(), range) : range.area();
      return { rows: a.row + a.rows, cols: a.col + a.cols };
    });
  }
  freezeRows(n = 1): void {
    this.set(() => ({ rows: n, cols: 0 }));
  }
  freezeColumns(n = 1): void {
    this.set(() => ({ rows: 0, cols: n }));
  }
  unfreeze(): void {
    this.set(() => ({ rows: 0, cols: 0 }));
  }
}

const PAPER_SIZES = new Set(["Letter", "Legal", "A3", "A4", "A5", "B4", "B5"]);

/** worksheet.pageLayout (ExcelApi 1.9): orientation, paper size, margins in points, zoom (scale
 * or fit to pages), print area and print titles, and headersFooters.defaultForAllPages. Values
 * are checked as Excel does (an unknown enum string, a negative margin, a scale outside 10–400,
 * a print-title address that is not whole rows or columns fail the sync). On a host below
 * ExcelApi 1.9 every call fails with ApiNotFound. */
class PageLayoutProxy extends FakeObject {
  readonly headersFooters: { defaultForAllPages: Record<string, string> };
  constructor(ctx: Ctx, readonly ws: WorksheetProxy) {
    super(ctx);
    const section = (name: string) => ({
      set: (v: string) => this.change(`headerFooter.${name}`, v, (l) => {
        if (typeof v !== "string") throw ERR.invalidArgument(`${name} must be text`);
        l.headerFooter[name] = v;
      }),
    });
    const all: Record<string, string> = {};
    for (const name of ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"])
      Object.defineProperty(all, name, { ...section(name), get: () => this.ws.sheet().pageLayout.headerFooter[name] ?? "", enumerable: true });
    this.headersFooters = { defaultForAllPages: all };
  }
  protected read(prop: string): unknown {
    throw ERR.invalidArgument(`pageLayout property '${prop}' is not in the fake`);
  }
  private change(detail: string, value: unknown, f: (l: FakePageLayout) => void): void {
    this.ctx.queue(40 + jsonBytes(value), () => {
      if (this.ctx.wb.excelApi < 9) throw new FakeOfficeError("ApiNotFound", "The API you are trying to use could not be found. It may be available in a newer version of Excel.");
      const s = this.ws.sheet();
      f(s.pageLayout);
      this.ctx.wb.record(s.name, "pageLayout", undefined, `${detail}=${JSON.stringify(value)}`);
    });
  }
  set orientation(v: string) {
    this.change("orientation", v, (l) => {
      if (v !== "Portrait" && v !== "Landscape") throw ERR.invalidArgument(`orientation '${v}'`);
      l.orientation = v;
    });
  }
  set paperSize(v: string) {
    this.change("paperSize", v, (l) => {
      if (!PAPER_SIZES.has(v)) throw ERR.invalidArgument(`paperSize '${v}'`);
      l.paperSize = v;
    });
  }
  private margin(side: keyof FakePageLayout["margins"], v: number): void {
    this.change(`${side}Margin`, v, (l) => {
      if (!(typeof v === "number" && Number.isFinite(v) && v >= 0)) throw ERR.invalidArgument(`${side} margin ${v}`);
      l.margins[side] = v;
    });
  }
  set leftMargin(v: number) {
    this.margin("left", v);
  }
  set rightMargin(v: number) {
    this.margin("right", v);
  }
  set topMargin(v: number) {
    this.margin("top", v);
  }
  set bottomMargin(v: number) {
    this.margin("bottom", v);
  }
  set headerMargin(v: number) {
    this.margin("header", v);
  }
  set footerMargin(v: number) {
    this.margin("footer", v);
  }
  set zoom(v: FakePageLayout["zoom"]) {
    this.change("zoom", v, (l) => {
      const pages = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 0);
      const ok = !!v && pages(v.horizontalFitToPages) && pages(v.verticalFitToPages) && (v.scale === undefined || (v.scale >= 10 && v.scale <= 400));
      if (!ok) throw ERR.invalidArgument(`zoom ${JSON.stringify(v)}`);
      l.zoom = { ...v };
    });
  }
  setPrintArea(address: string): void {
    this.change("printArea", address, (l) => {
      parseAddress(this.ws.sheet(), address);
      l.printArea = address;
    });
  }
  setPrintTitleRows(address: string): void {
    this.change("titleRows", address, (l) => {
      if (parseAddress(this.ws.sheet(), address).cols !== MAX_COLS) throw ERR.invalidArgument(`print title rows '${address}' are not whole rows`);
      l.titleRows = address;
    });
  }
  setPrintTitleColumns(address: string): void {
    this.change("titleColumns", address, (l) => {
      if (parseAddress(this.ws.sheet(), address).rows !== MAX_ROWS) throw ERR.invalidArgument(`print title columns '${address}' are not whole columns`);
      l.titleColumns = address;
    });
  }
}

class SettingCollectionProxy extends FakeObject {
  protected read(prop: string): unknown {
    throw ERR.invalidArgument(`settings property '${prop}' is not in the fake`);
  }
  add(key: string, value: unknown): SettingProxy {
    const json = JSON.stringify(value);
    this.ctx.queue(30 + utf8Bytes(key) + utf8Bytes(json), () => {
      this.ctx.wb.settings.set(key, JSON.parse(json));
      this.ctx.wb.record("", "setting", undefined, key);
    });
    return new SettingProxy(this.ctx, key, false);
  }
  getItem(key: string): SettingProxy {
    return new SettingProxy(this.ctx, key, false, true);
  }
  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.ctx, key, true);
  }
}

class SettingProxy extends FakeObject {
  constructor(ctx: Ctx, readonly key: string, readonly nullable: boolean, lookup = false) {
    super(ctx);
    if (lookup) ctx.queue(30, () => void this.current());
  }
  private current(): unknown {
    const m = this.ctx.wb.settings;
    if (!m.has(this.key)) throw ERR.itemNotFound(`setting '${this.key}'`);
    return m.get(this.key);
  }
  protected override exists(): boolean {
    return !this.nullable || this.ctx.wb.settings.has(this.key);
  }
  protected read(prop: string): unknown {
    if (prop === "value") return this.current();
    if (prop === "key") return this.key;
    throw ERR.invalidArgument(`setting property '${prop}' is not in the fake`);
  }
  get value(): unknown {
    return this.got("value");
  }
  delete(): void {
    this.ctx.queue(20, () => {
      this.current();
      this.ctx.wb.settings.delete(this.key);
      this.ctx.wb.record("", "setting", undefined, `delete ${this.key}`);
    });
  }
}

// ---------------------------------------------------------------- ranges and formats

class RangeProxy extends FakeObject {
  readonly format: RangeFormatProxy;
  readonly dataValidation: { rule: unknown };
  constructor(
    ctx: Ctx,
    /** Where the range is, worked out at sync time; null for a null object. */
    private readonly locate: () => Area | null,
  ) {
    super(ctx);
    this.format = new RangeFormatProxy(ctx, this);
    const self = this;
    this.dataValidation = {
      set rule(v: unknown) {
        self.setValidation(v);
      },
      get rule(): unknown {
        throw ERR.invalidArgument("dataValidation.rule is write-only in the fake");
      },
    };
  }
  /** Only list rules, as Excel takes them: { list: { inCellDropDown, source } }. */
  private setValidation(v: unknown): void {
    const list = (v as { list?: { inCellDropDown?: unknown; source?: unknown } } | null)?.list;
    if (!list || typeof list.source !== "string" || list.source === "")
      throw ERR.invalidArgument(`dataValidation.rule ${JSON.stringify(v)}`);
    const source = list.source;
    if (!source.startsWith("=") && source.length > 255) throw ERR.invalidArgument("list source longer than 255 characters");
    const inCellDropDown = list.inCellDropDown !== false;
    this.ctx.queue(60 + utf8Bytes(source), () => {
      const a = this.area();
      a.sheet.validations.push({ address: areaAddress(a).split("!").pop()!, source, inCellDropDown });
      this.ctx.wb.record(a.sheet.name, "validation", areaAddress(a), source);
    });
  }
  area(): Area {
    const a = this.locate();
    if (!a) throw ERR.itemNotFound("range (null object)");
    return a;
  }
  protected override exists(): boolean {
    return this.locate() !== null;
  }
  protected read(prop: string): unknown {
    const a = this.area();
    const s = a.sheet;
    const grid = (f: (cell: FakeCell | undefined) => unknown): unknown[][] =>
      Array.from({ length: a.rows }, (_, i) => Array.from({ length: a.cols }, (_, j) => f(s.cell(a.row + i, a.col + j))));
    switch (prop) {
      case "address":
        return areaAddress(a);
      case "rowIndex":
        return a.row;
      case "columnIndex":
        return a.col;
      case "rowCount":
        return a.rows;
      case "columnCount":
        return a.cols;
      case "cellCount":
        return a.rows * a.cols;
      case "values":
        if (a.rows * a.cols > 5_000_000) throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
        return grid((c) => c?.value ?? "");
      case "formulas":
        return grid((c) => c?.formula ?? c?.value ?? "");
      case "numberFormat":
        return grid((c) => c?.numberFormat ?? "General");
      default:
        throw ERR.invalidArgument(`range property '${prop}' is not in the fake`);
    }
  }
  get address(): string {
    return this.got("address");
  }
  get rowIndex(): number {
    return this.got("rowIndex");
  }
  get columnIndex(): number {
    return this.got("columnIndex");
  }
  get rowCount(): number {
    return this.got("rowCount");
  }
  get columnCount(): number {
    return this.got("columnCount");
  }
  get cellCount(): number {
    return this.got("cellCount");
  }
  get worksheet(): WorksheetProxy {
    // The range's sheet is known only at sync time: resolve lazily through a lookup by name.
    const self = this;
    const ws = new (class extends WorksheetProxy {
      override sheet(): FakeSheet {
        return self.area().sheet;
      }
      protected override exists(): boolean {
        return true;
      }
    })(this.ctx, "", false);
    return ws;
  }

  /** Queue a 2-D write of `kind` and apply it cell by cell at sync time. */
  private write2d(kind: string, v: unknown, apply: (s: FakeSheet, r: number, c: number, x: unknown) => void): void {
    if (!Array.isArray(v) || !v.every((row) => Array.isArray(row)))
      throw ERR.invalidArgument(`${kind} must be a 2-D array`);
    const json = JSON.stringify(v); // the batch captures the data when the property is set
    this.ctx.queue(40 + utf8Bytes(json), () => {
      const a = this.area();
      const data = JSON.parse(json) as unknown[][];
      if (data.length !== a.rows || data.some((row) => row.length !== a.cols))
        throw ERR.invalidArgument(`${kind}: ${data.length}×${data[0]?.length ?? 0} array for a ${a.rows}×${a.cols} range`);
      this.ctx.wb.beforeWrite(a.sheet.name, kind, areaAddress(a));
      for (let i = 0; i < a.rows; i++)
        for (let j = 0; j < a.cols; j++) {
          const x = data[i][j];
          if (x !== null) apply(a.sheet, a.row + i, a.col + j, x); // null leaves the cell unchanged
        }
      this.ctx.wb.record(a.sheet.name, kind, areaAddress(a));
    });
  }

  set values(v: unknown[][]) {
    this.write2d("values", v, (s, r, c, x) => {
      if (typeof x === "string") s.patch(r, c, typed(x, s.cell(r, c)?.numberFormat === "@"));
      else if (typeof x === "number" || typeof x === "boolean") s.patch(r, c, { value: x });
      else throw ERR.invalidArgument(`value of type ${typeof x}`);
    });
  }
  get values(): unknown[][] {
    return this.got("values");
  }
  set formulas(v: unknown[][]) {
    this.write2d("formulas", v, (s, r, c, x) => {
      if (typeof x === "string" && x.startsWith("=") && x.length > 1) s.patch(r, c, { value: "", formula: x });
      else if (typeof x === "string") s.patch(r, c, typed(x, s.cell(r, c)?.numberFormat === "@"));
      else if (typeof x === "number" || typeof x === "boolean") s.patch(r, c, { value: x });
      else throw ERR.invalidArgument(`formula of type ${typeof x}`);
    });
  }
  get formulas(): unknown[][] {
    return this.got("formulas");
  }
  set numberFormat(v: unknown[][]) {
    this.write2d("numberFormat", v, (s, r, c, x) => {
      if (typeof x !== "string") throw ERR.invalidArgument(`number format of type ${typeof x}`);
      s.patch(r, c, { numberFormat: x === "" ? "General" : x });
    });
  }
  get numberFormat(): unknown[][] {
    return this.got("numberFormat");
  }

  private derived(f: (a: Area) => Omit<Area, "sheet">): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const a = this.area();
      return checkArea({ sheet: a.sheet, ...f(a) });
    });
  }
  getCell(row: number, col: number): RangeProxy {
    return this.derived((a) => ({ row: a.row + row, col: a.col + col, rows: 1, cols: 1 }));
  }
  getResizedRange(dr: number, dc: number): RangeProxy {
    return this.derived((a) => ({ row: a.row, col: a.col, rows: a.rows + dr, cols: a.cols + dc }));
  }
  getOffsetRange(dr: number, dc: number): RangeProxy {
    return this.derived((a) => ({ row: a.row + dr, col: a.col + dc, rows: a.rows, cols: a.cols }));
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return this.derived((a) => {
      const u = a.sheet.used(valuesOnly);
      const r0 = Math.max(a.row, u?.row ?? 0), c0 = Math.max(a.col, u?.col ?? 0);
      const r1 = Math.min(a.row + a.rows, (u?.row ?? 0) + (u?.rows ?? 0)), c1 = Math.min(a.col + a.cols, (u?.col ?? 0) + (u?.cols ?? 0));
      if (!u || r1 <= r0 || c1 <= c0) throw ERR.itemNotFound("used range");
      return { row: r0, col: c0, rows: r1 - r0, cols: c1 - c0 };
    });
  }

  /** Record a scalar format property set on the range. */
  setFormat(path: string, value: unknown): void {
    this.ctx.queue(40 + path.length + jsonBytes(value), () => {
      const a = this.area();
      const addr = areaAddress(a);
      this.ctx.wb.beforeWrite(a.sheet.name, "format", addr);
      if (path === "columnWidth") {
        if (typeof value !== "number" || value < 0) throw ERR.invalidArgument(`columnWidth ${String(value)}`);
        for (let c = a.col; c < a.col + a.cols; c++) a.sheet.columnWidths.set(c, value);
        this.ctx.wb.record(a.sheet.name, "columnWidth", addr, String(value));
        return;
      }
      a.sheet.formatOps.push({ address: addr, path, value });
      this.ctx.wb.record(a.sheet.name, "format", addr, `${path}=${JSON.stringify(value)}`);
    });
  }
  autofit(): void {
    this.ctx.queue(30, () => {
      const a = this.area();
      a.sheet.autofits.push(areaAddress(a));
      this.ctx.wb.record(a.sheet.name, "autofit", areaAddress(a));
    });
  }
  select(): void {
    this.ctx.queue(20, () => {
      const a = this.area();
      this.ctx.wb.selection = { sheet: a.sheet.name, address: areaAddress(a).split("!").pop()! };
    });
  }
}

/** A leaf of range.format (font, fill, a border): every property set is recorded. */
function formatLeaf(range: RangeProxy, prefix: string, props: string[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const p of props)
    Object.defineProperty(o, p, {
      set: (v: unknown) => range.setFormat(`${prefix}.${p}`, v),
      get: () => {
        throw ERR.notLoaded(`${prefix}.${p}`);
      },
    });
  return o;
}

class RangeFormatProxy extends FakeObject {
  readonly font: Record<string, unknown>;
  readonly fill: Record<string, unknown>;
  readonly borders: { getItem: (edge: string) => Record<string, unknown> };
  constructor(ctx: Ctx, private readonly range: RangeProxy) {
    super(ctx);
    this.font = formatLeaf(range, "font", ["bold", "italic", "size", "color", "name", "underline"]);
    this.fill = formatLeaf(range, "fill", ["color"]);
    const edges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];
    this.borders = {
      getItem: (edge: string) => {
        if (!edges.includes(edge)) throw ERR.invalidArgument(`border '${edge}'`);
        return formatLeaf(range, `borders.${edge}`, ["style", "color", "weight"]);
      },
    };
  }
  protected read(prop: string): unknown {
    throw ERR.invalidArgument(`format property '${prop}' is not in the fake`);
  }
  set columnWidth(v: number) {
    this.range.setFormat("columnWidth", v);
  }
  set rowHeight(v: number) {
    this.range.setFormat("rowHeight", v);
  }
  set wrapText(v: boolean) {
    this.range.setFormat("wrapText", v);
  }
  set horizontalAlignment(v: string) {
    this.range.setFormat("horizontalAlignment", v);
  }
  autofitColumns(): void {
    this.range.autofit();
  }
}

// ---------------------------------------------------------------- charts

const CHART_TYPES = new Set([
  "ColumnClustered", "ColumnStacked", "ColumnStacked100", "BarClustered", "BarStacked", "BarStacked100",
  "Line", "LineMarkers", "LineStacked", "XYScatter", "XYScatterLines", "XYScatterLinesNoMarkers",
  "XYScatterSmooth", "XYScatterSmoothNoMarkers", "Pie", "Area",
]);

class ChartCollectionProxy extends FakeObject {
  constructor(ctx: Ctx, readonly ws: WorksheetProxy) {
    super(ctx);
  }
  protected read(prop: string): unknown {
    throw ERR.invalidArgument(`charts property '${prop}' is not in the fake`);
  }
  add(type: string, source: RangeProxy, seriesBy: string = "Auto"): ChartProxy {
    const chart = new ChartProxy(this.ctx);
    this.ctx.queue(80, () => {
      if (!CHART_TYPES.has(type)) throw ERR.invalidArgument(`chart type '${type}'`);
      const s = this.ws.sheet();
      const a = source.area();
      const byCols = seriesBy === "Columns" || (seriesBy === "Auto" && a.rows >= a.cols);
      const series: FakeSeries[] = [];
      const n = byCols ? a.cols : a.rows;
      for (let k = 0; k < n; k++) {
        const part: Area = byCols ? { ...a, col: a.col + k, cols: 1 } : { ...a, row: a.row + k, rows: 1 };
        series.push({ name: `Series${k + 1}`, values: areaAddress(part), xValues: null });
      }
      const c: FakeChart = {
        sheet: s.name, type, sourceData: areaAddress(a), seriesBy, title: null, categoryAxisTitle: null,
        valueAxisTitle: null, legend: {}, position: null, series,
      };
      this.ctx.wb.beforeWrite(s.name, "chart", areaAddress(a));
      s.charts.push(c);
      chart.target = c;
      this.ctx.wb.record(s.name, "chart", areaAddress(a), type);
    });
    return chart;
  }
}

class ChartProxy extends FakeObject {
  target: FakeChart | null = null;
  readonly title: Record<string, unknown>;
  readonly legend: Record<string, unknown>;
  readonly axes: { categoryAxis: { title: Record<string, unknown> }; valueAxis: { title: Record<string, unknown> } };
  readonly series: ChartSeriesCollectionProxy;
  constructor(ctx: Ctx) {
    super(ctx);
    const prop = (apply: (c: FakeChart, v: unknown) => void): PropertyDescriptor => ({
      set: (v: unknown) => this.change(`${JSON.stringify(v)}`, (c) => apply(c, v)),
      get: () => {
        throw ERR.notLoaded("chart property");
      },
    });
    this.title = Object.defineProperties({}, { text: prop((c, v) => (c.title = String(v))), visible: prop(() => undefined) });
    this.legend = Object.defineProperties({}, {
      visible: prop((c, v) => (c.legend.visible = Boolean(v))),
      position: prop((c, v) => (c.legend.position = String(v))),
    });
    this.axes = {
      categoryAxis: { title: Object.defineProperties({}, { text: prop((c, v) => (c.categoryAxisTitle = String(v))) }) },
      valueAxis: Object.defineProperties(
        { title: Object.defineProperties({}, { text: prop((c, v) => (c.valueAxisTitle = String(v))) }) },
        { numberFormat: prop((c, v) => (c.valueAxisFormat = String(v))) },
      ) as { title: Record<string, unknown> },
    };
    this.series = new ChartSeriesCollectionProxy(ctx, this);
  }
  chart(): FakeChart {
    if (!this.target) throw ERR.itemNotFound("chart");
    return this.target;
  }
  change(detail: string, f: (c: FakeChart) => void, bytes = 40): void {
    this.ctx.queue(bytes + detail.length, () => {
      const c = this.chart();
      f(c);
      this.ctx.wb.record(c.sheet, "chart", undefined, detail);
    });
  }
  protected read(prop: string): unknown {
    throw ERR.invalidArgument(`chart property '${prop}' is not in the fake`);
  }
  setPosition(start: string | RangeProxy, end?: string | RangeProxy): void {
    this.change("setPosition", (c) => {
      const sheet = this.ctx.wb.sheet(c.sheet);
      const at = (x: string | RangeProxy): string => {
        const a = typeof x === "string" ? parseAddress(sheet, x) : x.area();
        return a1(a.row, a.col);
      };
      c.position = { start: at(start), end: end === undefined ? at(start) : at(end) };
    });
  }
}

class ChartSeriesCollectionProxy extends FakeObject {
  constructor(ctx: Ctx, readonly chart: ChartProxy) {
    super(ctx);
  }
  protected read(prop: string): unknown {
    throw ERR.invalidArgument(`series property '${prop}' is not in the fake`);
  }
  getItemAt(i: number): ChartSeriesProxy {
    return new ChartSeriesProxy(this.ctx, this.chart, () => {
      const s = this.chart.chart().series[i];
      if (!s) throw ERR.invalidArgument(`series index ${i}`);
      return s;
    });
  }
  add(name?: string): ChartSeriesProxy {
    let created: FakeSeries | null = null;
    this.chart.change(`series.add ${name ?? ""}`, (c) => {
      created = { name: name ?? `Series${c.series.length + 1}`, values: null, xValues: null };
      c.series.push(created);
    });
    return new ChartSeriesProxy(this.ctx, this.chart, () => {
      if (!created) throw ERR.itemNotFound("series");
      return created;
    });
  }
}

class ChartSeriesProxy extends FakeObject {
  readonly format: { line: Record<string, unknown> };
  constructor(ctx: Ctx, readonly chart: ChartProxy, private readonly resolve: () => FakeSeries) {
    super(ctx);
    this.format = {
      line: Object.defineProperties({}, {
        lineStyle: { set: (v: unknown) => this.change(`lineStyle=${String(v)}`, (s) => (s.lineStyle = String(v))) },
        color: { set: (v: unknown) => this.change(`lineColor=${String(v)}`, () => undefined) },
        weight: { set: (v: unknown) => this.change(`lineWeight=${String(v)}`, () => undefined) },
      }),
    };
  }
  private change(detail: string, f: (s: FakeSeries) => void): void {
    this.chart.change(detail, () => f(this.resolve()));
  }
  protected read(prop: string): unknown {
    const s = this.resolve();
    if (prop === "name") return s.name;
    throw ERR.invalidArgument(`series property '${prop}' is not in the fake`);
  }
  set name(v: string) {
    this.change(`name=${v}`, (s) => (s.name = v));
  }
  get name(): string {
    return this.got("name");
  }
  set markerStyle(v: string) {
    this.change(`markerStyle=${v}`, (s) => (s.markerStyle = v));
  }
  set chartType(v: string) {
    this.change(`chartType=${v}`, (s) => {
      if (!CHART_TYPES.has(v)) throw ERR.invalidArgument(`chart type '${v}'`);
      s.chartType = v;
    });
  }
  setValues(range: RangeProxy): void {
    this.change("setValues", (s) => (s.values = areaAddress(range.area())));
  }
  setXAxisValues(range: RangeProxy): void {
    this.change("setXAxisValues", (s) => (s.xValues = areaAddress(range.area())));
  }
  /** ExcelApi 1.7 points; a point's data label text and position (1.8). */
  get points(): { getItemAt: (k: number) => { hasDataLabel: boolean; dataLabel: { text: string; position: string } } } {
    const label = (k: number, f: (l: NonNullable<FakeSeries["pointLabels"]>[number]) => void) => (s: FakeSeries) => {
      s.pointLabels ??= {};
      f((s.pointLabels[k] ??= {}));
    };
    const set = (k: number, what: string, f: (l: NonNullable<FakeSeries["pointLabels"]>[number]) => void) => this.change(`point${k}.${what}`, label(k, f));
    return {
      getItemAt: (k: number) => {
        if (!Number.isInteger(k) || k < 0) throw ERR.invalidArgument(`point ${k}`);
        const dataLabel = Object.defineProperties({} as { text: string; position: string }, {
          text: { set: (v: string) => set(k, "text", (l) => (l.text = v)) },
          position: { set: (v: string) => set(k, "position", (l) => (l.position = v)) },
        });
        return Object.defineProperties({ dataLabel } as { hasDataLabel: boolean; dataLabel: typeof dataLabel }, {
          hasDataLabel: { set: (v: boolean) => set(k, "hasDataLabel", (l) => (l.shown = v)) },
        });
      },
    };
  }
}

// ---------------------------------------------------------------- installation

export type InitialSheet = FakeValue[][] | { at: string; values: FakeValue[][] };

/** Put a fake `Excel` and `Office` on `globalObj` (globalThis, or window in a browser page) with
 * a workbook holding `initialWorkbook` (values stored as they are, at A1 or at `at`). Returns the
 * workbook for assertions; `uninstall()` removes the globals again. */
export function installFakeOffice(
  globalObj: object,
  initialWorkbook: Record<string, InitialSheet>,
  opts: FakeOptions = {},
): FakeWorkbook {
  const wb = new FakeWorkbook(opts);
  for (const [name, init] of Object.entries(initialWorkbook)) {
    const s = new FakeSheet(name);
    const values = Array.isArray(init) ? init : init.values;
    const at = Array.isArray(init) ? { row: 0, col: 0 } : parseAddress(s, init.at);
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== null && v !== "") s.setCell(at.row + i, at.col + j, { value: v });
      }),
    );
    wb.sheets.push(s);
  }
  wb.activeSheet = wb.sheets[0]?.name ?? null;
  const g = globalObj as Record<string, unknown>;
  const before = { Excel: g.Excel, Office: g.Office };
  g.Excel = {
    CalculationType: CALCULATION_TYPES,
    run: async <T>(batch: (ctx: Ctx) => Promise<T>): Promise<T> => {
      const ctx = new Ctx(wb, ++wb.runs);
      const result = await batch(ctx);
      if (ctx.pending.length > 0) await ctx.sync(); // Excel.run syncs what is left
      return result;
    },
    // ExcelApi 1.8: opens a new workbook from a base64 .xlsx; like Excel, refuses what is not
    // base64 (the real host then fails to open the file). Absent on an older host.
    ...(wb.excelApi >= 8
      ? {
          createWorkbook: async (base64: string): Promise<void> => {
            if (typeof base64 !== "string" || base64.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64))
              throw ERR.invalidArgument("createWorkbook: the workbook is not base64");
            wb.createdWorkbooks.push(base64);
          },
        }
      : {}),
  };
  g.Office = { context: wb.office.context, onReady: async () => ({ host: "Excel", platform: wb.office.context.platform }) };
  wb.uninstall = () => {
    g.Excel = before.Excel;
    g.Office = before.Office;
  };
  return wb;
}

/** Column letters re-exported for tests building addresses. */
export { columnLetters };
