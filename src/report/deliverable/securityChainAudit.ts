// The per-sector chain of one scenario and fiscal year (RESILIENCE.md 3) recomputed on the audit
// sheet from the cells of the 経済安全保障効果 sheet and the written Leontief inverse: by
// application Δx_a = shortfall (t) × downstream output per tonne × table units per million yen;
// by sector Δx_j = SUMPRODUCT over the applications of sector j; L·Δx as MMULT over the inverse on
// the L sheet (a legacy array formula, as the ripple audit writes its products: no dynamic
// arrays); GVA v_j × (L·Δx)_j; their sums without and with the plans; the avoided GVA, compared
// with the chain's total and with the scenario's avoided GVA of that year in the sheet's by-year
// table. A case (without / with) whose cells the public version suppressed is left out with the
// reason, so the audit shows nothing the results sheets do not.

import type { Bilingual, Lang } from "../../engine/errors";
import { CHAIN, CHAIN_KEYS } from "../securityChainReport";
import { SECURITY_KEYS } from "../securityReport";
import type { CellSpec, WorkbookSpec } from "../spec";
import { findMatrixBlock } from "./analysisAudit";
import { auditCheck, auditFormula as f, AUDIT_TOLERANCE, SectionWriter, type AuditSection } from "./auditSheet";
import { AUDIT, MARKET_AUDIT } from "./labels";
import { absCell, absRange, bareCell, cellOf, findTaggedRow, numberAt, numbersIn, sheetCell, sheetNamed, sheetRange, type CellRef } from "./refs";

const L = (ja: string, en: string): Bilingual => ({ ja, en });
const T = {
  title: L("経済安全保障効果: 部門別の連鎖の検算", "Economic-security effect: the chain by sector recomputed"),
  how: L(
    `「経済安全保障効果」シートの部門別の連鎖（{s}、{y}）を数式で計算し直します: 用途ごとに Δx = 不足量（t）× 磁石 1 t 当たりの川下生産額（百万円/t）× 表の単位/百万円、部門ごとに SUMPRODUCT で合計、{l} で L·Δx、粗付加価値率 v を掛けて粗付加価値の損失。回避 = 計画なし − 計画あり を、同じシートの年度別の回避損失と比べます。一致の判定: |計算 − 記載| ÷（1 と |記載| の大きい方）が ${AUDIT_TOLERANCE} 未満。`,
    `The chain by sector on the 'Economic security' sheet ({s}, {y}) recomputed with formulas: per application Δx = shortfall (t) × downstream output per tonne (million yen/t) × table units per million yen; per sector the SUMPRODUCT over its applications; L·Δx {l}; times the value-added ratio v, the GVA lost. Avoided = without − with is compared with the by-year avoided loss on the same sheet. A match is a relative difference |computed − written| / max(1, |written|) below ${AUDIT_TOLERANCE}.`,
  ),
  viaSheet: (sheet: string): Bilingual => L(`逆行列 L（「${sheet}」シート）との MMULT（配列数式）`, `as MMULT (an array formula) with the inverse L (sheet '${sheet}')`),
  viaColumns: L(
    "Δx のある部門の L の列（この表に「逆行列係数 L」シートがないため、「経済安全保障効果」シートの部門別の表に書かれた列）との積和",
    "as the sum of products with the columns of L of the sectors that have a Δx (the workbook has no L sheet: the columns written in the table by sector on the 'Economic security' sheet)",
  ),
  noL: L(
    "逆行列 L が「逆行列係数 L」シートにも「経済安全保障効果」シートの部門別の表にも見つからないため、部門別の連鎖は検算していません。",
    "The inverse L is neither on an L sheet nor in the table by sector of the 'Economic security' sheet, so the chain by sector is not recomputed.",
  ),
  checkOf: (b: Bilingual): Bilingual => L(`一致: ${b.ja}`, `Match: ${b.en}`),
  item: L("項目", "Item"),
  avoidedByYear: L("回避（年度別の表の値と比較）", "Avoided (against the by-year table)"),
};

type Row = { sheet: string; row: number; col: number };
type Case = "without" | "with";

/** The audit section of the chain, or null when the security sheet carries none. */
export function securityChainAudit(spec: WorkbookSpec, lang: Lang): AuditSection | null {
  const tr = (b: Bilingual) => b[lang];
  const head = findTaggedRow(spec, CHAIN_KEYS.head);
  const units = findTaggedRow(spec, CHAIN_KEYS.units);
  const total = findTaggedRow(spec, CHAIN_KEYS.total);
  if (!head || !units || !total) return null;
  const apps = rowsOf(spec, CHAIN_KEYS.application);
  const secs = rowsOf(spec, CHAIN_KEYS.sector);
  const sheet = sheetNamed(spec, head.sheet)!;
  const at = (r: Row, c: number): CellRef => ({ sheet: r.sheet, row: r.row, col: r.col + c });
  const text = (r: Row, c: number) => String(cellOf(sheet, r.row, r.col + c) ?? "");
  const num = (c: CellRef) => numberAt(spec, c);
  const sectors = secs.map((r) => text(r, 0));
  const n = sectors.length;
  const scenarioName = text(head, 1);
  const yearName = text(head, 3);
  const Lr = findMatrixBlock(spec, "L", sectors);
  // Without an L sheet: the columns of L the security sheet writes beside the sector table, by
  // the sector its header names.
  const prefix = `${tr(CHAIN.lColumn)}: `;
  const lColumns: { col: number; j: number }[] = [];
  if (!Lr && secs.length)
    for (let col = 6; ; col++) {
      const h = cellOf(sheet, secs[0].row - 1, secs[0].col + col);
      if (typeof h !== "string" || !h.startsWith(prefix)) break;
      const j = sectors.indexOf(h.slice(prefix.length));
      if (j < 0 || secs.some((r) => num(at(r, col)) === null)) {
        lColumns.length = 0;
        break;
      }
      lColumns.push({ col, j });
    }
  // The scenario's avoided GVA of that year in the by-year table (column 1 + scenario index).
  const si = rowsOf(spec, SECURITY_KEYS.scenario).findIndex((r) => text(r, 0) === scenarioName);
  const yr = rowsOf(spec, SECURITY_KEYS.year).find((r) => text(r, 0) === yearName);
  const byYear = si >= 0 && yr ? at(yr, 1 + si) : null;

  return (start) => {
    const sw = new SectionWriter(start);
    sw.put([[tr(T.title)]], "subtitle");
    if ((!Lr && lColumns.length === 0) || n === 0 || apps.length === 0) {
      sw.put([[tr(T.noL)]], "note");
      return sw.done();
    }
    sw.put([[tr(T.how).replace("{s}", scenarioName).replace("{y}", yearName).replace("{l}", tr(Lr ? T.viaSheet(Lr.sheet) : T.viaColumns))]], "note");
    const suppressed = tr(MARKET_AUDIT.suppressed);
    const unitsValue = num(at(units, 1));
    const uRow = sw.put([[tr(CHAIN.units), unitsValue === null ? suppressed : f(sheetCell(at(units, 1)), unitsValue)]], "body", [null, "0.######"]);
    const uCell = absCell(uRow, 1);
    sw.row++;

    // A case is recomputed when every cell it reads and every cell it is compared with is shown.
    const col = { without: { short: 2, dx: 2, lx: 4, total: 1 }, with: { short: 3, dx: 3, lx: 5, total: 2 } } as const;
    const perTonne = apps.map((r) => num(at(r, 4)));
    const shown = (k: Case) =>
      unitsValue !== null &&
      perTonne.every((x) => x !== null) &&
      apps.every((r) => num(at(r, col[k].short)) !== null) &&
      secs.every((r) => num(at(r, 1)) !== null && num(at(r, col[k].dx)) !== null && num(at(r, col[k].lx)) !== null) &&
      num(at(total, col[k].total)) !== null;
    const cases: Case[] = (["without", "with"] as Case[]).filter(shown);

    // By application: Δx_a = t × 百万円/t × units.
    sw.put([[tr(CHAIN.application), tr(CHAIN.sector), tr(CHAIN.shortWithout), tr(CHAIN.shortWith), tr(CHAIN.perTonne), tr(CHAIN.dxWithout), tr(CHAIN.dxWith)]], "header");
    const aTop = sw.row;
    const dxApp: Record<Case, number[]> = { without: [], with: [] };
    sw.put(
      apps.map((r, i) => {
        const row: CellSpec[] = [text(r, 0), f(sheetCell(at(r, 1)), text(r, 1)), null, null, perTonne[i] === null ? suppressed : f(sheetCell(at(r, 4)), perTonne[i]), null, null];
        for (const k of ["without", "with"] as Case[]) {
          const t = num(at(r, col[k].short));
          row[col[k].short] = t === null ? suppressed : f(sheetCell(at(r, col[k].short)), t);
          if (!cases.includes(k)) {
            row[k === "without" ? 5 : 6] = suppressed;
            continue;
          }
          const v = t! * perTonne[i]! * unitsValue!;
          dxApp[k].push(v);
          row[k === "without" ? 5 : 6] = f(`${bareCell(aTop + i, col[k].short)}*${bareCell(aTop + i, 4)}*${uCell}`, v);
        }
        return row;
      }),
      "body",
      [null, null, "#,##0.000", "#,##0.000", "#,##0.000", "#,##0.000", "#,##0.000"],
    );
    sw.row++;

    // By sector: Δx (SUMIF), L·Δx (MMULT), GVA, each checked against the sheet.
    const appSectors = absRange({ row: aTop, col: 1, rows: apps.length, cols: 1 });
    // L[i][j] from the L sheet, or from the written columns (zero elsewhere: Δx is zero there).
    const Lm = new Array<number>(n * n).fill(0);
    if (Lr) (numbersIn(spec, Lr) as number[]).forEach((x, k) => (Lm[k] = x));
    else for (const { col, j } of lColumns) secs.forEach((r, i) => (Lm[i * n + j] = num(at(r, col))!));
    const header: CellSpec[] = [tr(CHAIN.sector), tr(CHAIN.vRatio), tr(CHAIN.dxWithout), tr(CHAIN.dxWith), tr(CHAIN.lxWithout), tr(CHAIN.lxWith), `${tr(CHAIN.gva)}: ${tr(CHAIN.without)}`, `${tr(CHAIN.gva)}: ${tr(CHAIN.with)}`];
    const checkCols: { k: Case; what: "dx" | "lx"; col: number }[] = [];
    for (const k of cases)
      for (const what of ["dx", "lx"] as const) {
        checkCols.push({ k, what, col: header.length });
        header.push(tr(T.checkOf(what === "dx" ? (k === "without" ? CHAIN.dxWithout : CHAIN.dxWith) : k === "without" ? CHAIN.lxWithout : CHAIN.lxWith)));
      }
    sw.put([header], "header");
    const sTop = sw.row;
    const v = secs.map((r) => num(at(r, 1)));
    const dx: Record<Case, number[]> = { without: [], with: [] };
    const lx: Record<Case, number[]> = { without: [], with: [] };
    for (const k of cases) {
      dx[k] = sectors.map((s) => apps.reduce((a, r, i) => a + (text(r, 1) === s ? dxApp[k][i] : 0), 0));
      lx[k] = sectors.map((_, i) => dx[k].reduce((a, x, j) => a + Lm[i * n + j] * x, 0));
    }
    const rows: CellSpec[][] = secs.map((r, j) => {
      const row: CellSpec[] = new Array(header.length).fill(null);
      row[0] = sectors[j];
      row[1] = v[j] === null ? suppressed : f(sheetCell(at(r, 1)), v[j]!);
      for (const k of ["without", "with"] as Case[]) {
        const [dc, lc, gc] = k === "without" ? [2, 4, 6] : [3, 5, 7];
        if (!cases.includes(k)) {
          if (j === 0) row[dc] = row[lc] = row[gc] = suppressed;
          continue;
        }
        const appDx = absRange({ row: aTop, col: k === "without" ? 5 : 6, rows: apps.length, cols: 1 });
        // SUMPRODUCT of an exact comparison, not SUMIF: a label such as "03" or one with * or ? would
        // be read by SUMIF as a number or a wildcard.
        row[dc] = f(`SUMPRODUCT((${appSectors}=${bareCell(sTop + j, 0)})*${appDx})`, dx[k][j]);
        const dxRange = absRange({ row: sTop, col: dc, rows: n, cols: 1 });
        if (Lr) row[lc] = j === 0 ? f(`MMULT(${sheetRange(Lr)},${dxRange})`, lx[k][0], { rows: n, cols: 1 }) : lx[k][j];
        else row[lc] = f(lColumns.map((l) => `${sheetCell(at(r, l.col))}*${absCell(sTop + l.j, dc)}`).join("+"), lx[k][j]);
        row[gc] = f(`${bareCell(sTop + j, 1)}*${bareCell(sTop + j, lc)}`, v[j]! * lx[k][j]);
      }
      for (const c of checkCols) {
        const written = at(r, col[c.k][c.what]);
        const computed = (c.what === "dx" ? dx : lx)[c.k][j];
        row[c.col] = auditCheck(bareCell(sTop + j, c.what === "dx" ? col[c.k].dx : col[c.k].lx), sheetCell(written), computed, num(written));
      }
      return row;
    });
    sw.put(rows, "body", [null, "0.000000", "#,##0.000", "#,##0.000", "#,##0.000", "#,##0.000", "#,##0.000", "#,##0.000"]);
    for (const c of checkCols) sw.checks.push(absRange({ row: sTop, col: c.col, rows: n, cols: 1 }));
    sw.row++;

    // Totals: GVA lost without / with, the avoided GVA against the chain's total and the by-year table.
    sw.put([[tr(T.item), tr(AUDIT.computed), tr(AUDIT.written), tr(AUDIT.match)]], "header");
    const gva: Partial<Record<Case, { cell: string; value: number }>> = {};
    const line = (label: string, formula: string, computed: number, written: CellRef | null): CellSpec[] => {
      const w = written ? num(written) : null;
      if (!written || w === null) return [label, f(formula, computed), suppressed, null];
      const r = sw.row;
      sw.checks.push(bareCell(r, 3));
      return [label, f(formula, computed), f(sheetCell(written), w), auditCheck(bareCell(r, 1), bareCell(r, 2), computed, w)];
    };
    const put = (cells: CellSpec[]) => sw.put([cells], "body", [null, "#,##0.000", "#,##0.000", null]);
    for (const k of cases) {
      const gc = k === "without" ? 6 : 7;
      const value = v.reduce<number>((a, x, j) => a + x! * lx[k][j], 0);
      gva[k] = { cell: bareCell(sw.row, 1), value };
      put(line(`${tr(CHAIN.gva)}: ${tr(CHAIN[k])}`, `SUM(${absRange({ row: sTop, col: gc, rows: n, cols: 1 })})`, value, at(total, col[k].total)));
    }
    if (gva.without && gva.with) {
      const avoided = gva.without.value - gva.with.value;
      const formula = `${gva.without.cell}-${gva.with.cell}`;
      put(line(tr(CHAIN.avoided), formula, avoided, at(total, 3)));
      put(line(tr(T.avoidedByYear), formula, avoided, byYear));
    } else sw.put([[tr(CHAIN.avoided), suppressed]], "body");
    return sw.done({ 0: 44, 1: 20, 2: 20, 3: 20, 4: 20, 5: 20, 6: 20, 7: 20 });
  };
}

/** Rows keyed key(0), key(1), … in order, until one is missing. */
function rowsOf(spec: WorkbookSpec, key: (i: number) => string): Row[] {
  const out: Row[] = [];
  for (let i = 0; ; i++) {
    const r = findTaggedRow(spec, key(i));
    if (!r) return out;
    out.push(r);
  }
}
