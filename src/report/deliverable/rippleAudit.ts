// The audit sheet's three-stage ripple effect (MODELS.md 3): every stage recomputed by formulas
// from the L and coefficient columns written in the workbook, and checked against the results.
import type { Bilingual, Lang } from "../../engine/errors";
import { RippleError } from "../../engine/errors";
import { type BlockSpec, type CellSpec, type WorkbookSpec } from "../spec";
import { AUDIT } from "./labels";
import { absCell, absRange, bareCell, numberAt, numbersIn, sheetCell, sheetRange } from "./refs";
import {
  AUDIT_BLOCK_COLS,
  chunkColumns,
  FORMAT,
  auditCheck,
  auditFormula,
  dot,
  sum,
  type AuditMeasure,
  type AuditStage,
  type Out,
  type RippleAudit,
} from "./auditCells";

const f = auditFormula;
const check = auditCheck;

function checkVector(name: string, v: number[] | undefined, n: number): void {
  if (v && v.length !== n)
    throw new RippleError("audit-vector-length", {
      ja: `検算シート: ${name} の長さ ${v.length} が部門数 ${n} と一致しません（レポート作成側の不具合です）`,
      en: `Audit sheet: ${name} has ${v.length} entries for ${n} sectors (a fault in the report builder)`,
    });
}

export function rippleSection(
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
