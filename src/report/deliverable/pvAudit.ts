// The audit sheet's present values (MODELS.md 6): discount factors, PVs and their ratio recomputed
// by formulas from the yearly values written on a results sheet, and checked against them.
import type { Bilingual, Lang } from "../../engine/errors";
import { RippleError } from "../../engine/errors";
import { type BlockSpec, type CellSpec, type WorkbookSpec } from "../spec";
import { AUDIT } from "./labels";
import { absCell, absRange, numberAt, numbersIn, sheetCell, sheetRange, type CellRef, type SheetRange } from "./refs";
import { FORMAT, auditCheck, auditFormula, type Out, type PvAudit } from "./auditCells";

const f = auditFormula;
const check = auditCheck;

export function pvSection(
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
