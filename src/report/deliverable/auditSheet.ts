// The audit sheet: native Excel formulas that recompute the headline numbers of a results
// workbook from the coefficient tables written in the same workbook (MODELS.md 3 and 6), so a
// reviewer without the add-in can change an input cell and watch the results follow. Every
// formula caches the engine's value, and beside it a check compares it with the value written
// on the results sheets: ABS(formula − written) / MAX(1, ABS(written)) < 1E-9.

import type { Bilingual, Lang } from "../../engine/errors";
import { RippleError } from "../../engine/errors";
import type { Impact } from "../../engine/model/result";
import { isFormulaCell, type BlockSpec, type CellSpec, type FormulaCell, type SheetSpec, type WorkbookSpec } from "../spec";
import { AUDIT } from "./labels";
import { absCell, absRange, bareCell, numberAt, numbersIn, sheetCell, sheetRange, type CellRef, type SheetRange } from "./refs";

/** Above this many sectors the audit is replaced by a note: MMULT over n×n and n formulas per
 * column stay well inside Excel's limits (8,192-character formulas, 16,384 columns), but
 * recalculation time and file size stop being practical for a reviewer's laptop. */
export const AUDIT_MAX_SECTORS = 500;

/** Relative tolerance of the checks. */
export const AUDIT_TOLERANCE = 1e-9;

export type AuditStage = "direct" | "firstIndirect" | "secondIndirect" | "total";
export type AuditMeasure = "output" | "valueAdded" | "compensation";

/** The three-stage ripple effect of one shock (MODELS.md 3), audited from the written L. */
export interface RippleAudit {
  sectors: string[];
  /** Unit of money amounts, e.g. 百万円. */
  unit: string;
  /** The open Leontief inverse the effects used: a range on a results sheet (n×n numbers), or
   * the matrix itself, written on the audit sheet when the results show another inverse. */
  L: SheetRange | number[][];
  /** Δf final-demand change (editable input). */
  shock: number[];
  /** Δe exports, entering 100% domestic (optional input). */
  exports?: number[];
  /** s: self-sufficiency of the direct effect (1 − m_i, or the user's override). */
  selfSufficiency: number[];
  /** 1 − m_i for induced consumption (1 for domestic-use tables). */
  domesticShare: number[];
  /** c 消費転換係数. */
  consumptionRate: number;
  /** h, Σh = 1. */
  household: number[];
  /** Income per unit output that drives consumption (w; compensation by default). */
  income: number[];
  /** v gross value added per unit output. */
  valueAdded: number[];
  /** Compensation of employees per unit output. */
  compensation: number[];
  /** The engine's result for this shock (cached in the formula cells). */
  engine: Impact;
  /** Where the results sheets hold the same numbers. */
  written?: {
    /** Induced output by sector, n×1, per stage. */
    bySector?: Partial<Record<AuditStage, SheetRange>>;
    totals?: Partial<Record<AuditStage, Partial<Record<AuditMeasure, CellRef>>>>;
    multiple?: CellRef;
  };
}

/** Present values and their ratio (induced value added per yen of subsidy) from yearly values written on a results sheet (MODELS.md 6). */
export interface PvAudit {
  title: string;
  /** Induced GVA and subsidy by year: ranges of one shape (a row or a column) on a results
   * sheet; the fiscal years likewise, or given here and written on the audit sheet as inputs. */
  years: SheetRange | number[];
  gva: SheetRange;
  subsidy: SheetRange;
  discountRate: number;
  baseYear: number;
  engine: { pvGva: number; pvSubsidy: number; bc: number | null };
  written?: { pvGva?: CellRef; pvSubsidy?: CellRef; bc?: CellRef };
}

/** A section laid out by its report's own audit (market, disruption): given the first free row
 * of the audit sheet, its blocks (absolute rows), how many rows it takes, and its check cells
 * (A1 on the audit sheet) for the overall check. */
export type AuditSection = (row: number) => { blocks: BlockSpec[]; rows: number; checks: string[]; widths?: Record<number, number> };

/** Lays an audit section out block under block from its first free row, and collects the check
 * cells that feed the sheet's overall check. */
export class SectionWriter {
  readonly blocks: BlockSpec[] = [];
  readonly checks: string[] = [];
  row: number;
  constructor(private readonly start: number) {
    this.row = start;
  }
  /** Writes a block at the current row, moves below it, and returns the row it was written at. */
  put(values: CellSpec[][], style: BlockSpec["style"], numberFormat?: BlockSpec["numberFormat"]): number {
    const at = this.row;
    this.blocks.push({ row: at, col: 0, values, style, ...(numberFormat ? { numberFormat } : {}) });
    this.row += values.length;
    return at;
  }
  done(widths?: Record<number, number>): ReturnType<AuditSection> {
    return { blocks: this.blocks, rows: this.row - this.start, checks: this.checks, widths };
  }
}

export interface AuditInput {
  ripple?: RippleAudit | null;
  pv?: PvAudit[];
  sections?: AuditSection[];
  /** Notes written under the title (e.g. the public version's scope). */
  notes?: string[];
}

export const AUDIT_SHEET_KEY = "audit";

/** Figure columns per block of a wide audit table: with the row labels, 8 columns print one A4
 * landscape page wide at about 9 pt. */
export const AUDIT_BLOCK_COLS = 7;
/** The row labels' column, in characters. */
const AUDIT_LABEL_WIDTH = 36;

/** Columns split into the inputs (keys in `inputs`) and the rest, each in chunks of at most
 * AUDIT_BLOCK_COLS, the results' checks (keys "chk.…") starting a chunk of their own. */
export function chunkColumns<T extends { key: string }>(cols: T[], inputs: string[]): T[][] {
  const groups = [
    cols.filter((c) => inputs.includes(c.key)),
    cols.filter((c) => !inputs.includes(c.key) && !c.key.startsWith("chk.")),
    cols.filter((c) => c.key.startsWith("chk.")),
  ];
  const out: T[][] = [];
  for (const g of groups) for (let k = 0; k < g.length; k += AUDIT_BLOCK_COLS) out.push(g.slice(k, k + AUDIT_BLOCK_COLS));
  return out;
}

// percent: the discount rate as on every other sheet (4.0%); the cell holds the rate itself.
const FORMAT = { money: "#,##0.000000", coefficient: "0.000000000", rate: "0.0000", percent: "0.0%", year: "0" } as const;

interface Out {
  blocks: BlockSpec[];
  row: number;
  checks: string[];
}

export const auditFormula = (formula: string, value: number | string | boolean | null | undefined, array?: { rows: number; cols: number }): FormulaCell => {
  const cell: FormulaCell = { formula };
  if (value !== null && value !== undefined) cell.value = value;
  if (array) cell.array = array;
  return cell;
};

const sum = (v: number[]) => v.reduce((s, x) => s + x, 0);
const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);

const f = auditFormula;
const check = auditCheck;

/** The check formula and its cached result. */
export function auditCheck(formulaCell: string, writtenRef: string, computed: number, written: number | null): FormulaCell {
  const ok = written === null ? undefined : Math.abs(computed - written) / Math.max(1, Math.abs(written)) < AUDIT_TOLERANCE;
  return f(`ABS(${formulaCell}-${writtenRef})/MAX(1,ABS(${writtenRef}))<1E-9`, ok);
}

export function buildAuditSheet(spec: WorkbookSpec, audit: AuditInput, lang: Lang): SheetSpec {
  const tr = (b: Bilingual) => b[lang];
  const out: Out = { blocks: [], row: 0, checks: [] };
  const put = (values: CellSpec[][], style?: BlockSpec["style"], numberFormat?: BlockSpec["numberFormat"], col = 0): number => {
    const row = out.row;
    if (values.length) {
      const b: BlockSpec = { row, col, values };
      if (style) b.style = style;
      if (numberFormat !== undefined) b.numberFormat = numberFormat;
      out.blocks.push(b);
    }
    out.row += values.length;
    return row;
  };
  put([[tr(AUDIT.title)]], "title");
  put([[tr(AUDIT.howTo)], [tr(AUDIT.checkNote)], ...(audit.notes ?? []).map((n) => [n])], "note");
  const allRow = put([[tr(AUDIT.allMatch), null]], "total");
  out.row++;

  const widths: Record<number, number> = { 0: 34, 1: 18 };
  if (audit.ripple) {
    const n = audit.ripple.sectors.length;
    if (n > AUDIT_MAX_SECTORS) {
      put([[tr(AUDIT.omitted(n, AUDIT_MAX_SECTORS))]], "note");
      out.row++;
    } else {
      rippleSection(spec, audit.ripple, lang, out, put, widths);
    }
  }
  for (const pv of audit.pv ?? []) pvSection(spec, pv, lang, out, put);
  for (const section of audit.sections ?? []) {
    const part = section(out.row);
    out.blocks.push(...part.blocks);
    out.checks.push(...part.checks);
    out.row += part.rows + 1;
    for (const [c, w] of Object.entries(part.widths ?? {})) widths[Number(c)] = Math.max(widths[Number(c)] ?? 0, w);
  }

  // Row labels wrap rather than widen the page (one A4 page wide at about 8 pt or more).
  widths[0] = Math.min(widths[0], AUDIT_LABEL_WIDTH);
  // The overall check: AND over every check cell (TRUE when there is nothing to check).
  const all = out.checks.length ? `AND(${out.checks.join(",")})` : "TRUE";
  const allCell = out.blocks.find((b) => b.row === allRow)!;
  const failing = out.blocks.some((b) => b.values.some((row) => row.some((v) => isFormulaCell(v) && v.formula.endsWith("<1E-9") && v.value === false)));
  allCell.values[0][1] = f(all, !failing);
  return { key: AUDIT_SHEET_KEY, name: tr(AUDIT.sheet), blocks: out.blocks, columnWidths: widths, freeze: { rows: 0, cols: 1 } };
}

function checkVector(name: string, v: number[] | undefined, n: number): void {
  if (v && v.length !== n)
    throw new RippleError("audit-vector-length", {
      ja: `検算シート: ${name} の長さ ${v.length} が部門数 ${n} と一致しません（レポート作成側の不具合です）`,
      en: `Audit sheet: ${name} has ${v.length} entries for ${n} sectors (a fault in the report builder)`,
    });
}

function rippleSection(
  spec: WorkbookSpec,
  a: RippleAudit,
  lang: Lang,
  out: Out,
  put: (values: CellSpec[][], style?: BlockSpec["style"], nf?: BlockSpec["numberFormat"], col?: number) => number,
  widths: Record<number, number>,
): void {
  const tr = (b: Bilingual) => b[lang];
  const n = a.sectors.length;
  for (const [name, v] of Object.entries({
    shock: a.shock,
    exports: a.exports,
    selfSufficiency: a.selfSufficiency,
    domesticShare: a.domesticShare,
    household: a.household,
    income: a.income,
    valueAdded: a.valueAdded,
    compensation: a.compensation,
  }))
    checkVector(name, v, n);

  // Engine values.
  const e = a.engine;
  const dx0 = e.direct.output;
  const dx1 = dx0.map((x, i) => x + e.firstIndirect.output[i]);
  const dx2 = e.secondIndirect.output;
  const tot = e.total.output;
  const sameIncome = a.income.every((x, i) => x === a.compensation[i]);
  const W1 = dot(a.income, dx1);
  const dC = a.household.map((h) => a.consumptionRate * W1 * h);

  // Inputs above the table: c and W1 (W1 needs the ΔX1 column, placed below).
  put([[tr(AUDIT.inputs)]], "subtitle");
  const cRow = put([[tr(AUDIT.consumptionRate), a.consumptionRate]], "body", [null, FORMAT.rate]);
  const w1Row = out.row++;
  const lRow = out.row++;
  out.row++;

  // Column plan of the sector table.
  type Col = { key: string; header: string; format: string | null };
  const cols: Col[] = [{ key: "sector", header: tr(AUDIT.sector), format: null }];
  const add = (key: string, header: Bilingual, format: string) => cols.push({ key, header: tr(header), format });
  add("f", AUDIT.shock, FORMAT.money);
  if (a.exports) add("e", AUDIT.exports, FORMAT.money);
  add("s", AUDIT.selfSufficiency, FORMAT.coefficient);
  add("d", AUDIT.domesticShare, FORMAT.coefficient);
  add("h", AUDIT.household, FORMAT.coefficient);
  add("v", AUDIT.valueAdded, FORMAT.coefficient);
  add("wc", AUDIT.compensation, FORMAT.coefficient);
  if (!sameIncome) add("w", AUDIT.income, FORMAT.coefficient);
  add("dx0", a.exports ? AUDIT.dx0Exports : AUDIT.dx0, FORMAT.money);
  add("dx1", AUDIT.dx1, FORMAT.money);
  add("first", AUDIT.first, FORMAT.money);
  add("dC", AUDIT.dC, FORMAT.money);
  add("dCd", AUDIT.dCDomestic, FORMAT.money);
  add("dx2", AUDIT.dx2, FORMAT.money);
  add("tot", AUDIT.total, FORMAT.money);
  const stageCol: Record<AuditStage, string> = { direct: "dx0", firstIndirect: "first", secondIndirect: "dx2", total: "tot" };
  const stageLabel: Record<AuditStage, Bilingual> = {
    direct: { ja: "直接効果", en: "Direct effect" },
    firstIndirect: { ja: "第1次間接波及効果", en: "First indirect effect" },
    secondIndirect: { ja: "第2次間接波及効果", en: "Second indirect effect" },
    total: { ja: "総合効果", en: "Total effect" },
  };
  const STAGES: AuditStage[] = ["direct", "firstIndirect", "secondIndirect", "total"];
  // A stage is checked where the results sheet shows its numbers (a suppressed "—" would make
  // the check an error value).
  const checked = STAGES.filter((k) => {
    const w = a.written?.bySector?.[k];
    return w !== undefined && numbersIn(spec, w).every((x) => x !== null);
  });
  for (const k of checked) cols.push({ key: `chk.${k}`, header: tr(AUDIT.check(stageLabel[k])), format: null });
  // The columns in blocks of at most AUDIT_BLOCK_COLS (inputs, results, checks: each group
  // chunked), stacked under each other with the sector names repeated in each block, so the
  // sheet prints one page wide with every figure beside its row label.
  const blocksOfCols = chunkColumns(cols.slice(1), ["f", "e", "s", "d", "h", "v", "wc", "w"]);
  put([[tr(AUDIT.bySector)]], "subtitle");
  const top0 = out.row;
  const span = n + 3; // header, n sectors, the sums, a blank row
  const pos = new Map<string, { top: number; col: number }>();
  blocksOfCols.forEach((group, b) => group.forEach((c, k) => pos.set(c.key, { top: top0 + b * span + 1, col: 1 + k })));
  const has = (key: string) => pos.has(key);
  const colRange = (key: string) => absRange({ row: pos.get(key)!.top, col: pos.get(key)!.col, rows: n, cols: 1 });
  const cell = (key: string, i: number) => bareCell(pos.get(key)!.top + i, pos.get(key)!.col);

  // The totals table sits right below the sector blocks; L, when given as a matrix, after it.
  const totalsTitleRow = top0 + blocksOfCols.length * span;
  const totalsFirstHeader = totalsTitleRow + 1;
  const multipleRow = totalsFirstHeader + 3 * 6;
  const lMatrixRow = multipleRow + 3;
  let lRef: string;
  if (Array.isArray(a.L)) {
    lRef = absRange({ row: lMatrixRow + 1, col: 1, rows: n, cols: n });
  } else {
    if (a.L.rows !== n || a.L.cols !== n)
      throw new RippleError("audit-l-shape", {
        ja: `検算シート: L の範囲が ${a.L.rows}×${a.L.cols} で、部門数 ${n} と一致しません（レポート作成側の不具合です）`,
        en: `Audit sheet: the L range is ${a.L.rows}×${a.L.cols} for ${n} sectors (a fault in the report builder)`,
      });
    lRef = sheetRange(a.L);
  }

  const cRef = absCell(cRow, 1);
  const w1Ref = absCell(w1Row, 1);
  const incomeKey = sameIncome ? "wc" : "w";
  const bySector = a.written?.bySector ?? {};
  const value = new Map<string, (i: number) => CellSpec>();
  value.set("f", (i) => a.shock[i]);
  if (a.exports) value.set("e", (i) => a.exports![i]);
  value.set("s", (i) => a.selfSufficiency[i]);
  value.set("d", (i) => a.domesticShare[i]);
  value.set("h", (i) => a.household[i]);
  value.set("v", (i) => a.valueAdded[i]);
  value.set("wc", (i) => a.compensation[i]);
  if (!sameIncome) value.set("w", (i) => a.income[i]);
  value.set("dx0", (i) => f(`${cell("s", i)}*${cell("f", i)}${a.exports ? `+${cell("e", i)}` : ""}`, dx0[i]));
  value.set("dx1", (i) => (i === 0 ? f(`MMULT(${lRef},${colRange("dx0")})`, dx1[0], { rows: n, cols: 1 }) : dx1[i]));
  value.set("first", (i) => f(`${cell("dx1", i)}-${cell("dx0", i)}`, dx1[i] - dx0[i]));
  value.set("dC", (i) => f(`${cRef}*${w1Ref}*${cell("h", i)}`, dC[i]));
  value.set("dCd", (i) => f(`${cell("d", i)}*${cell("dC", i)}`, a.domesticShare[i] * dC[i]));
  value.set("dx2", (i) => (i === 0 ? f(`MMULT(${lRef},${colRange("dCd")})`, dx2[0], { rows: n, cols: 1 }) : dx2[i]));
  value.set("tot", (i) => f(`${cell("dx1", i)}+${cell("dx2", i)}`, tot[i]));
  for (const k of checked) {
    const w = bySector[k]!;
    value.set(`chk.${k}`, (i) => {
      const wRef = sheetCell({ sheet: w.sheet, row: w.row + i, col: w.col });
      const engineValue = k === "direct" ? dx0[i] : k === "firstIndirect" ? dx1[i] - dx0[i] : k === "secondIndirect" ? dx2[i] : tot[i];
      return check(cell(stageCol[k], i), wRef, engineValue, numberAt(spec, { sheet: w.sheet, row: w.row + i, col: w.col }));
    });
  }
  for (const k of checked) out.checks.push(colRange(`chk.${k}`));
  const engineSum: Record<string, number> = {
    f: sum(a.shock),
    e: a.exports ? sum(a.exports) : 0,
    dx0: sum(dx0),
    dx1: sum(dx1),
    first: sum(dx1) - sum(dx0),
    dC: sum(dC),
    dCd: dot(a.domesticShare, dC),
    dx2: sum(dx2),
    tot: sum(tot),
  };
  for (const group of blocksOfCols) {
    put([[tr(AUDIT.sector), ...group.map((c) => c.header)]], "header");
    const formats = [null, ...group.map((c) => c.format)];
    put(a.sectors.map((name, i) => [name, ...group.map((c) => value.get(c.key)!(i))]), "body", formats);
    const sums = group.map((c) => (c.key in engineSum && has(c.key) ? f(`SUM(${colRange(c.key)})`, engineSum[c.key]) : null));
    put([[tr(AUDIT.sum), ...sums]], "total", formats);
    out.row++;
  }

  // The W1 and L rows above the table, now that the columns are known.
  out.blocks.push({
    row: w1Row,
    col: 0,
    style: "body",
    numberFormat: [null, FORMAT.money],
    values: [[tr(AUDIT.w1), f(`SUMPRODUCT(${colRange(incomeKey)},${colRange("dx1")})`, W1)]],
  });
  out.blocks.push({ row: lRow, col: 0, style: "body", values: [[tr(AUDIT.lFrom), Array.isArray(a.L) ? tr(AUDIT.lBlock) : lRef]] });

  // Totals by stage and measure.
  out.row = totalsTitleRow;
  put([[tr(AUDIT.byStage)]], "subtitle");
  const measures: { key: AuditMeasure; label: Bilingual; coef: string | null }[] = [
    { key: "output", label: { ja: `生産誘発額（${a.unit}）`, en: `Induced output (${a.unit})` }, coef: null },
    { key: "valueAdded", label: { ja: `粗付加価値誘発額（${a.unit}）`, en: `Induced GVA (${a.unit})` }, coef: "v" },
    { key: "compensation", label: { ja: `雇用者所得誘発額（${a.unit}）`, en: `Induced compensation (${a.unit})` }, coef: "wc" },
  ];
  // One block per measure (stage, computed, written, match), under each other.
  const totals = a.written?.totals ?? {};
  const fmt3 = [null, FORMAT.money, FORMAT.money, null];
  measures.forEach((m, mi) => {
    const headerRow = totalsFirstHeader + mi * 6;
    out.row = headerRow;
    put([[tr(m.label), tr(AUDIT.computed), tr(AUDIT.written), tr(AUDIT.match)]], "header");
    const stageRows: CellSpec[][] = STAGES.map((k, si) => {
      const r = headerRow + 1 + si;
      const range = colRange(stageCol[k]);
      const engineValue = sum(e[k][m.key] as number[]);
      const row: CellSpec[] = [tr(stageLabel[k]), f(m.coef ? `SUMPRODUCT(${colRange(m.coef)},${range})` : `SUM(${range})`, engineValue)];
      const w = totals[k]?.[m.key];
      const written = w ? numberAt(spec, w) : null;
      if (w && written !== null) {
        row.push(f(sheetCell(w), written), check(bareCell(r, 1), bareCell(r, 2), engineValue, written));
        out.checks.push(absCell(r, 3));
      } else row.push(null, null);
      return row;
    });
    put(stageRows.slice(0, 3), "body", fmt3);
    put(stageRows.slice(3), "total", fmt3);
  });
  out.row = multipleRow;
  {
    const directOut = absCell(totalsFirstHeader + 1, 1);
    const totalOut = absCell(totalsFirstHeader + 4, 1);
    const row: CellSpec[] = [tr(AUDIT.multiple), f(`${totalOut}/${directOut}`, e.multiple)];
    const w = a.written?.multiple;
    const written = w ? numberAt(spec, w) : null;
    if (w && written !== null) {
      row.push(f(sheetCell(w), written), check(bareCell(multipleRow, 1), bareCell(multipleRow, 2), e.multiple, written));
      out.checks.push(absCell(multipleRow, 3));
    }
    put([row], "total", [null, FORMAT.rate, FORMAT.rate, null]);
  }
  if (e.total.employment) put([[tr(AUDIT.employmentNote)]], "note");

  if (Array.isArray(a.L)) {
    out.row = lMatrixRow;
    put([[tr(AUDIT.lBlock)]], "subtitle");
    put(
      a.L.map((row, i) => [a.sectors[i], ...row]),
      "body",
      [null, ...a.sectors.map(() => FORMAT.coefficient)],
    );
  }
  out.row++;
  for (let c = 1; c <= AUDIT_BLOCK_COLS; c++) widths[c] = Math.max(widths[c] ?? 0, 16);
}

function pvSection(
  spec: WorkbookSpec,
  pv: PvAudit,
  lang: Lang,
  out: Out,
  put: (values: CellSpec[][], style?: BlockSpec["style"], nf?: BlockSpec["numberFormat"], col?: number) => number,
): void {
  const tr = (b: Bilingual) => b[lang];
  put([[`${tr(AUDIT.pvTitle)}: ${pv.title}`]], "subtitle");
  const shape = (r: { rows: number; cols: number }) => `${r.rows}x${r.cols}`;
  const k = Math.max(pv.gva.rows, pv.gva.cols);
  const yearsShape = Array.isArray(pv.years) ? pv.gva : pv.years;
  if (
    (Array.isArray(pv.years) && pv.years.length !== k) ||
    shape(yearsShape) !== shape(pv.gva) ||
    shape(pv.gva) !== shape(pv.subsidy) ||
    Math.min(pv.gva.rows, pv.gva.cols) !== 1
  )
    throw new RippleError("audit-pv-shape", {
      ja: "検算シート: 年度・粗付加価値誘発額・補助金の範囲は同じ形の 1 行または 1 列にしてください（レポート作成側の不具合です）",
      en: "Audit sheet: the years, GVA and subsidy ranges must be one row or one column of the same shape (a fault in the report builder)",
    });
  const values = [...(Array.isArray(pv.years) ? [] : [pv.years]), pv.gva, pv.subsidy].map((r) => numbersIn(spec, r));
  if (values.some((v) => v.some((x) => x === null))) {
    put([[tr(AUDIT.pvSkipped)]], "note");
    out.row++;
    return;
  }
  const rRow = put([[tr(AUDIT.discountRate), pv.discountRate]], "body", [null, FORMAT.percent]);
  const bRow = put([[tr(AUDIT.baseYear), pv.baseYear]], "body", [null, FORMAT.year]);
  let years: string;
  if (Array.isArray(pv.years)) {
    // The years as inputs, laid out in the shape of the GVA range so SUMPRODUCT pairs them.
    const column = pv.gva.cols === 1;
    const yRow = out.row;
    if (column) put(pv.years.map((y, i) => [i === 0 ? tr(AUDIT.years) : null, y]), "body", [null, FORMAT.year]);
    else put([[tr(AUDIT.years), ...pv.years]], "body", [null, ...pv.years.map(() => FORMAT.year)]);
    years = absRange({ row: yRow, col: 1, rows: column ? k : 1, cols: column ? 1 : k });
    put([[tr(AUDIT.yearsFrom), `${sheetRange(pv.gva)}, ${sheetRange(pv.subsidy)}`]], "body");
  } else {
    years = sheetRange(pv.years);
    put([[tr(AUDIT.yearsFrom), `${years}, ${sheetRange(pv.gva)}, ${sheetRange(pv.subsidy)}`]], "body");
  }
  put([[null, tr(AUDIT.computed), tr(AUDIT.written), tr(AUDIT.match)]], "header");
  const r = absCell(rRow, 1);
  const b = absCell(bRow, 1);
  const pvOf = (range: SheetRange) => `SUMPRODUCT(${sheetRange(range)},1/(1+${r})^(${years}-${b}))`;
  const lines: { label: Bilingual; formula: string; value: number | null; written?: CellRef }[] = [
    { label: AUDIT.pvGva, formula: pvOf(pv.gva), value: pv.engine.pvGva, written: pv.written?.pvGva },
    { label: AUDIT.pvSubsidy, formula: pvOf(pv.subsidy), value: pv.engine.pvSubsidy, written: pv.written?.pvSubsidy },
  ];
  const first = out.row;
  lines.push({ label: AUDIT.bc, formula: `${absCell(first, 1)}/${absCell(first + 1, 1)}`, value: pv.engine.bc, written: pv.written?.bc });
  const rows: CellSpec[][] = lines.map((l, i) => {
    const row: CellSpec[] = [tr(l.label), f(l.formula, l.value)];
    const written = l.written ? numberAt(spec, l.written) : null;
    if (l.written && l.value !== null && written !== null) {
      row.push(f(sheetCell(l.written), written), check(absCell(first + i, 1), absCell(first + i, 2), l.value, written));
      out.checks.push(absCell(first + i, 3));
    }
    return row;
  });
  put(rows, "body", [null, FORMAT.money, FORMAT.money, null]);
  out.row++;
}
