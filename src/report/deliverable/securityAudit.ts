// The audit of the economic-security sheet from its own cells (RESILIENCE.md 4): per fiscal year
// the expected avoided gross value added = Σ_s probability_s × avoided_s,t, its discount factor
// 1/(1+r)^(year − base) and present value; their sum against the PV on the sheet; the B/C as
// PV(expected avoided GVA) ÷ PV(subsidy); and per scenario its avoided GVA = lost without − lost
// with, and the sum of its years. Values come from the written cells, and a line whose written
// value the public version suppressed ("—") is left out with the reason, so the audit shows
// nothing its results sheets do not.

import type { Bilingual, Lang } from "../../engine/errors";
import { SECURITY_KEYS, S as SEC } from "../securityReport";
import type { CellSpec, WorkbookSpec } from "../spec";
import { auditCheck, auditFormula as f, SectionWriter, type AuditSection } from "./auditSheet";
import { AUDIT, MARKET_AUDIT } from "./labels";
import { absCell, bareCell, cellOf, findTaggedRow, numberAt, sheetCell, sheetNamed, type CellRef } from "./refs";

const L = (ja: string, en: string): Bilingual => ({ ja, en });
const T = {
  title: L("経済安全保障効果（B/C）の検算", "Economic-security effect (B/C) recomputed"),
  how: L(
    "「経済安全保障効果」シートのセルから、年度別の期待回避粗付加価値（Σ 年発生確率 × 回避された粗付加価値）、割引係数 1/(1+割引率)^(年度 − 基準年度)、現在価値、その合計と B/C（期待回避粗付加価値の現在価値 ÷ 補助金の現在価値）を数式で計算し直し、書かれた値と比べます。シナリオごとに、回避された粗付加価値 = 損失 計画なし − 計画あり、と年度の合計も比べます。",
    "From the cells of the 'Economic security' sheet: per fiscal year the expected avoided GVA (Σ annual probability × avoided GVA), the discount factor 1/(1+rate)^(year − base year), the present value, their sum and the B/C (PV of the expected avoided GVA ÷ PV of the subsidy), recomputed with formulas and compared with the written values; per scenario, avoided GVA = lost without − lost with plans, and the sum over the years.",
  ),
  year: L("年度", "Fiscal year"),
  expected: L("期待回避粗付加価値", "Expected avoided GVA"),
  discount: L("割引係数", "Discount factor"),
  pv: L("現在価値", "Present value"),
  total: L("現在価値の合計", "Sum of present values"),
  scenario: L("シナリオ", "Scenario"),
  item: L("項目", "Item"),
  difference: L("回避 = 計画なし − 計画あり", "Avoided = without − with"),
  sumYears: L("回避の年度合計", "Avoided, sum over the years"),
};

/** The audit section of the security sheet, or null when the workbook has none. */
export function securityAudit(spec: WorkbookSpec, lang: Lang): AuditSection | null {
  const tr = (b: Bilingual) => b[lang];
  const at = (key: string) => findTaggedRow(spec, key);
  const [bcRow, pvA, pvS, rateRow, baseRow] = [SECURITY_KEYS.bc, SECURITY_KEYS.pvAvoided, SECURITY_KEYS.pvSubsidy, SECURITY_KEYS.rate, SECURITY_KEYS.baseYear].map(at);
  if (!bcRow || !pvA || !pvS || !rateRow || !baseRow) return null;
  const head = { bc: bcRow, pvA, pvS, rate: rateRow, base: baseRow };
  const scenarios = rowsOf(spec, SECURITY_KEYS.scenario);
  const years = rowsOf(spec, SECURITY_KEYS.year);
  if (scenarios.length === 0 || years.length === 0) return null;
  const sheet = sheetNamed(spec, head.bc.sheet)!;
  const ref = (r: { sheet: string; row: number; col: number }, c: number): CellRef => ({ sheet: r.sheet, row: r.row, col: r.col + c });
  const num = (c: CellRef) => numberAt(spec, c);
  const rate = num(ref(head.rate, 1));
  const base = num(ref(head.base, 1));
  if (rate === null || base === null) return null;
  const nS = scenarios.length;

  return (start) => {
    const sw = new SectionWriter(start);
    sw.put([[tr(T.title)]], "subtitle");
    sw.put([[tr(T.how)]], "note");
    const suppressed = tr(MARKET_AUDIT.suppressed);
    const line = (label: CellSpec, computed: number | null, formula: string, written: CellRef): CellSpec[] => {
      const w = num(written);
      const r = sw.row;
      if (computed === null || w === null) return [label, suppressed, null, null];
      sw.checks.push(bareCell(r, 3));
      return [label, f(formula, computed), f(sheetCell(written), w), auditCheck(bareCell(r, 1), bareCell(r, 2), computed, w)];
    };
    const put = (cells: CellSpec[], fmt: string) => sw.put([cells], "body", [null, fmt, fmt, null]);

    // Inputs: the rate and the base year as written.
    sw.put([[tr(SEC.discountRate), f(sheetCell(ref(head.rate, 1)), rate)]], "body", [null, "0.0%"]);
    sw.put([[tr(SEC.baseYear), f(sheetCell(ref(head.base, 1)), base)]], "body", [null, "0"]);
    const rateCell = absCell(sw.row - 2, 1);
    const baseCell = absCell(sw.row - 1, 1);
    sw.row++;

    // By year: expected, discount factor, present value.
    sw.put([[tr(T.year), tr(AUDIT.computed), tr(AUDIT.written), tr(AUDIT.match)]], "header");
    const pvCells: string[] = [];
    let pvSum: number | null = 0;
    years.forEach((y) => {
      const label = cellOf(sheet, y.row, y.col);
      const probs = scenarios.map((s) => ref(s, 1));
      const avoided = scenarios.map((_, i) => ref(y, 1 + i));
      const pv = probs.map(num);
      const av = avoided.map(num);
      const expected = pv.every((x) => x !== null) && av.every((x) => x !== null) ? pv.reduce((t, p, i) => t! + p! * av[i]!, 0)! : null;
      const eRow = sw.row;
      put(line([label ?? "", tr(T.expected)].join(" "), expected, probs.map((p, i) => `${sheetCell(p)}*${sheetCell(avoided[i])}`).join("+"), ref(y, 1 + nS)), "#,##0.000");
      const yearValue = yearOf(label);
      const df = yearValue === null ? null : 1 / Math.pow(1 + rate, yearValue - base);
      const dRow = sw.row;
      put(line(`${label ?? ""} ${tr(T.discount)}`, df, `1/(1+${rateCell})^(${yearValue}-${baseCell})`, ref(y, 2 + nS)), "0.000000");
      const e = numAt(sw, eRow);
      const pvValue = e !== null && df !== null ? e * df : null;
      const pRow = sw.row;
      put(line(`${label ?? ""} ${tr(T.pv)}`, pvValue, `${bareCell(eRow, 1)}*${bareCell(dRow, 1)}`, ref(y, 3 + nS)), "#,##0.000");
      if (pvValue === null || numAt(sw, pRow) === null) pvSum = null;
      else pvSum = pvSum === null ? null : pvSum + pvValue;
      pvCells.push(bareCell(pRow, 1));
    });
    sw.row++;

    // The totals and the B/C.
    sw.put([[tr(T.item), tr(AUDIT.computed), tr(AUDIT.written), tr(AUDIT.match)]], "header");
    const totalRow = sw.row;
    put(line(tr(T.total), pvSum, `SUM(${pvCells.join(",")})`, ref(head.pvA, 1)), "#,##0.000");
    const subsidy = num(ref(head.pvS, 1));
    const bc = pvSum !== null && subsidy !== null && subsidy !== 0 && numAt(sw, totalRow) !== null ? pvSum / subsidy : null;
    put(line(tr(SEC.bc), bc, `${bareCell(totalRow, 1)}/${sheetCell(ref(head.pvS, 1))}`, ref(head.bc, 1)), "#,##0.000000");
    sw.row++;

    // Per scenario: avoided = without − with, and the sum of its years.
    sw.put([[tr(T.scenario), tr(AUDIT.computed), tr(AUDIT.written), tr(AUDIT.match)]], "header");
    scenarios.forEach((s, i) => {
      const name = String(cellOf(sheet, s.row, s.col) ?? "");
      const without = num(ref(s, 8));
      const withPlans = num(ref(s, 9));
      const diff = without !== null && withPlans !== null ? without - withPlans : null;
      put(line(`${name} ${tr(T.difference)}`, diff, `${sheetCell(ref(s, 8))}-${sheetCell(ref(s, 9))}`, ref(s, 10)), "#,##0.000");
      const parts = years.map((y) => num(ref(y, 1 + i)));
      const total = parts.every((x) => x !== null) ? parts.reduce((t, x) => t! + x!, 0) : null;
      const first = ref(years[0], 1 + i);
      const last = ref(years[years.length - 1], 1 + i);
      put(line(`${name} ${tr(T.sumYears)}`, total, `SUM(${sheetCell(first)}:${bareCellAbs(last)})`, ref(s, 10)), "#,##0.000");
    });
    return sw.done({ 0: 44, 1: 20, 2: 20, 3: 12 });
  };
}

/** Rows keyed key(0), key(1), … in order, until one is missing. */
function rowsOf(spec: WorkbookSpec, key: (i: number) => string): { sheet: string; row: number; col: number; cols: number }[] {
  const out = [];
  for (let i = 0; ; i++) {
    const r = findTaggedRow(spec, key(i));
    if (!r) return out;
    out.push(r);
  }
}

/** 2030 from a year label as written ("2030年度", "FY2030" or the number). */
function yearOf(label: CellSpec | undefined): number | null {
  if (typeof label === "number") return label;
  const m = typeof label === "string" ? /(\d{4})/.exec(label) : null;
  return m ? Number(m[1]) : null;
}

/** The number the section just wrote in column B of a row (a formula's cached value). */
function numAt(sw: SectionWriter, row: number): number | null {
  for (const b of sw.blocks)
    if (row >= b.row && row < b.row + b.values.length) {
      const v = b.values[row - b.row][1];
      const x = typeof v === "object" && v !== null && "formula" in v ? v.value : v;
      return typeof x === "number" ? x : null;
    }
  return null;
}

/** $C$12 (the end of a range whose start carries the sheet name). */
function bareCellAbs(c: CellRef): string {
  return sheetCell(c).split("!")[1];
}
