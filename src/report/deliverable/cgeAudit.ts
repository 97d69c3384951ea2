// The audit of a CGE workbook: the benchmark recomputed with Excel formulas from the SAM sheet of
// the same workbook (output Z0 = intermediate + factor payments of the good's column, domestic
// sales D0 = Z0 + production tax − exports, composite Q0 = the good's sales at home, utility
// UU0 = Π Xp^α with α = Xp / ΣXp), each checked against the value on the results sheet, and every
// account's row sum against its column sum.

import type { Bilingual, Lang } from "../../engine/errors";
import type { CgeRun, Sam } from "../../engine/cge";
import type { CellSpec, WorkbookSpec } from "../spec";
import { auditCheck, auditFormula as f, SectionWriter, type AuditInput, type AuditSection } from "./auditSheet";
import { absCell, quoteSheet, type CellRef } from "./refs";
import { AUDIT } from "./labels";
import { accountName, CGE_LABELS } from "../cgeLabels";
import { findByGood } from "../cgeByGood";

const L = (ja: string, en: string): Bilingual => ({ ja, en });
const A = {
  title: L("CGE のベンチマーク（キャリブレーション）を SAM シートから再計算", "CGE benchmark (calibration) recomputed from the SAM sheet"),
  good: L("財", "Good"),
  z0: L("Z0 = 列の中間投入 + 要素", "Z0 = column's intermediates + factors"),
  d0: L("D0 = Z0 + 生産税 − 輸出", "D0 = Z0 + production tax − exports"),
  q0: L("Q0 = 中間需要 + 家計 + 政府 + 投資", "Q0 = intermediate + household + government + investment"),
  alpha: L("消費シェア α = 家計消費 / Σ家計消費", "α = Xp / ΣXp"),
  xpa: L("家計消費^α", "Xp^α"),
  uu0: L("ベンチマークの家計効用 = 家計消費^α の積", "UU0 = PRODUCT(Xp^α)"),
  balance: L("勘定の均衡（行和 = 列和）", "Account balance (row sum = column sum)"),
  account: L("勘定", "Account"),
  row: L("行和", "Row sum"),
  col: L("列和", "Column sum"),
};

/** SUM over the given zero-based rows (or columns) of one column (or row) of the SAM sheet. */
function sumOf(sheet: string, cells: { row: number; col: number }[]): string {
  return `SUM(${cells.map((c) => `${quoteSheet(sheet)}!${absCell(c.row, c.col)}`).join(",")})`;
}

export function cgeAudit(spec: WorkbookSpec, run: CgeRun, sam: Sam, lang: Lang): AuditInput | null {
  const tr = (b: Bilingual) => b[lang];
  const samSheet = spec.sheets.find((s) => s.key === "cge-sam");
  const results = spec.sheets.find((s) => s.key === "cge-results");
  if (!samSheet || !results) return null;
  const c = run.calibration;
  const n = c.n;
  // the written benchmark Z, D and Q by their columns' headers (the table is in blocks, cgeByGood.ts)
  const zCol = findByGood(results, c.goods, "Z", "base", lang);
  const dCol = findByGood(results, c.goods, "D", "base", lang);
  const qCol = findByGood(results, c.goods, "Q", "base", lang);
  const macro = results.blocks.find((b) => b.values[0]?.[0] === tr(CGE_LABELS.utility));
  if (!zCol || !dCol || !qCol || !macro) return null;
  // SAM sheet layout (cgeReport samSheet): labels in column 0 from row 3, values from column 1.
  const top = 3;
  const idx = (role: string) => sam.roles.map((r, k) => (r === role ? k : -1)).filter((k) => k >= 0);
  const goods = idx("good");
  const factors = idx("factor");
  const one = (role: string) => idx(role)[0];
  const cell = (r: number, col: number) => ({ row: top + r, col: 1 + col });
  const S = samSheet.name;
  const ref = (r: number, col: number) => `${quoteSheet(S)}!${absCell(top + r, 1 + col)}`;
  const written = (row: number, col: number): CellRef => ({ sheet: results.name, row, col });
  const wref = (w: CellRef) => `${quoteSheet(w.sheet)}!${absCell(w.row, w.col)}`;

  const section: AuditSection = (start) => {
    const sw = new SectionWriter(start);
    sw.put([[tr(A.title)]], "subtitle");
    // Two blocks, the goods repeated in each, so the sheet prints one page wide: the benchmark
    // flows with their checks, then the consumption shares and Xp^alpha under them.
    sw.put([[tr(A.good), tr(A.z0), tr(AUDIT.match), tr(A.d0), tr(AUDIT.match), tr(A.q0), tr(AUDIT.match)]], "header");
    const first = sw.row;
    const firstB = first + n + 2; // under the first block, a blank row and its header between
    const xp = (a: number) => ref(a, one("hoh"));
    const hohCol = sumOf(S, goods.map((k) => cell(k, one("hoh"))));
    const rows: CellSpec[][] = goods.map((a, i) => {
      const r = first + i;
      const z0 = f(sumOf(S, [...goods, ...factors].map((k) => cell(k, a))), c.Z0[i]);
      const idt = one("idt") === undefined ? "0" : ref(one("idt"), a);
      const d0 = f(`${absCell(r, 1)}+${idt}-${ref(a, one("ext"))}`, c.D0[i]);
      const q0 = f(sumOf(S, [...goods, one("hoh"), one("gov"), one("inv")].map((k) => cell(a, k))), c.Q0[i]);
      const wz = written(zCol.row + i, zCol.col);
      const wd = written(dCol.row + i, dCol.col);
      const wq = written(qCol.row + i, qCol.col);
      return [
        c.goods[i],
        z0,
        auditCheck(absCell(r, 1), wref(wz), c.Z0[i], c.Z0[i]),
        d0,
        auditCheck(absCell(r, 3), wref(wd), c.D0[i], run.benchmark.D[i]),
        q0,
        auditCheck(absCell(r, 5), wref(wq), c.Q0[i], run.benchmark.Q[i]),
      ];
    });
    sw.put(rows, "body", [null, "#,##0.000000", null, "#,##0.000000", null, "#,##0.000000", null]);
    for (let i = 0; i < n; i++) sw.checks.push(absCell(first + i, 2), absCell(first + i, 4), absCell(first + i, 6));
    sw.row++;
    sw.put([[tr(A.good), tr(A.alpha), tr(A.xpa)]], "header");
    const shares: CellSpec[][] = goods.map((a, i) => {
      const r = firstB + i;
      const alpha = f(`${xp(a)}/${hohCol}`, c.alpha[i]);
      const xpa = f(`IF(${absCell(r, 1)}>0,${xp(a)}^${absCell(r, 1)},1)`, c.alpha[i] > 0 ? Math.pow(c.flows.Xp[i], c.alpha[i]) : 1);
      return [c.goods[i], alpha, xpa];
    });
    sw.put(shares, "body", [null, "0.000000000", "0.000000"]);
    const uRow = sw.row;
    const wu = written(macro.row, macro.col + 1);
    sw.put(
      [[tr(A.uu0), f(`PRODUCT(${absCell(firstB, 2)}:${absCell(firstB + n - 1, 2)})`, c.UU0), auditCheck(absCell(uRow, 1), wref(wu), c.UU0, run.benchmark.UU)]],
      "body",
      [null, "#,##0.000000", null],
    );
    sw.checks.push(absCell(uRow, 2));
    sw.row++;
    sw.put([[tr(A.balance)]], "subtitle");
    sw.put([[tr(A.account), tr(A.row), tr(A.col), tr(AUDIT.match)]], "header");
    const N = sam.labels.length;
    const bTop = sw.row;
    const bal: CellSpec[][] = sam.labels.map((l, a) => {
      const r = bTop + a;
      const rowSum = sam.values[a].reduce((s, v) => s + v, 0);
      const colSum = sam.values.reduce((s, row) => s + row[a], 0);
      return [
        tr(accountName(l)),
        f(`SUM(${ref(a, 0)}:${ref(a, N - 1).split("!")[1]})`, rowSum),
        f(`SUM(${ref(0, a)}:${ref(N - 1, a).split("!")[1]})`, colSum),
        auditCheck(absCell(r, 1), absCell(r, 2), rowSum, colSum),
      ];
    });
    sw.put(bal, "body", [null, "#,##0.000000", "#,##0.000000", null]);
    for (let a = 0; a < N; a++) sw.checks.push(absCell(bTop + a, 3));
    // column 2 holds the checks, Xp^α and the balance table's column sums (hundreds of millions,
    // six decimals): as wide as the other figure columns, so none prints ###
    return sw.done({ 0: 36, 1: 20, 2: 20, 3: 20, 5: 20 });
  };
  return { sections: [section] };
}
