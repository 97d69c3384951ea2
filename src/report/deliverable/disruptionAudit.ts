// The audit of a disruption workbook: the static inoperability model recomputed from A*, x, c*
// and the months of the cut written on the audit sheet (q = MMULT(MINVERSE(I − A*), c*),
// loss = x × MIN(1, q) × months ÷ 12), checked against the loss sheet by sector and in total; and the
// dynamic model's total loss as the SUM of the losses by period on the inoperability sheet,
// checked against the summary. Above AUDIT_MAX_SECTORS the static part is a note (MINVERSE of
// a larger matrix stays inside Excel's limits but not a reviewer's patience).

import type { Bilingual, Lang } from "../../engine/errors";
import type { DisruptionResult } from "../../engine/disruption/analyze";
import { D } from "../disruptionLabels";
import type { CellSpec, WorkbookSpec } from "../spec";
import { AUDIT_MAX_SECTORS, auditCheck, auditFormula as f, SectionWriter, type AuditInput, type AuditSection } from "./auditSheet";
import { AUDIT, DISRUPTION_AUDIT as A } from "./labels";
import { absCell, absRange, bareCell, labelledCell, numberAt, sheetCell, sheetRange, type CellRef } from "./refs";

const FMT = { money: "#,##0.000000", coefficient: "0.000000000" } as const;

export function disruptionAudit(spec: WorkbookSpec, result: DisruptionResult, lang: Lang): AuditInput {
  const tr = (b: Bilingual) => b[lang];
  const byKey = (k: string) => spec.sheets.find((s) => s.key === k);
  const lossSheet = byKey("disruption-loss");
  const inoSheet = byKey("disruption-inoperability");
  const summary = byKey("disruption-summary");
  const sectors = result.sectors;
  const n = sectors.length;

  const section: AuditSection = (start) => {
    const sw = new SectionWriter(start);
    const written = (ref: CellRef | undefined) => (ref ? numberAt(spec, ref) : null);

    // ---- static ----
    sw.put([[tr(A.staticTitle)]], "subtitle");
    const sys = result.system;
    const x = sys?.x ?? null;
    if (n > AUDIT_MAX_SECTORS) sw.put([[tr(AUDIT.omitted(n, AUDIT_MAX_SECTORS))]], "note");
    else if (!sys || !x) sw.put([[tr(A.noOutput)]], "note");
    else {
      sw.put([[tr(A.astarSource)]], "note");
      const mRow = sw.put([[tr(A.months), result.spec.months]], "body");
      const months = absCell(mRow, 1);
      sw.row++;
      sw.put([[tr(A.sector), tr(A.x), tr(A.cstar), tr(A.q), tr(A.loss), tr(AUDIT.written), tr(AUDIT.match)]], "header");
      const top = sw.row;
      // A* below the totals: its title, column heads, then n rows.
      const aTop = top + n + 4;
      const aRange = absRange({ row: aTop, col: 1, rows: n, cols: n });
      // I − A* without MUNIT (an Excel 2013 function that files must spell _xlfn.MUNIT while the
      // Office API takes MUNIT): the identity is ROW = COLUMN over A*'s own range.
      const aFirst = absCell(aTop, 1);
      const iMinusA = `(ROW(${aRange})-ROW(${aFirst})=COLUMN(${aRange})-COLUMN(${aFirst}))-${aRange}`;
      const col = (c: number) => absRange({ row: top, col: c, rows: n, cols: 1 });
      // The loss sheet ranks sectors: find each sector's row there.
      const body = lossSheet?.blocks.find((b) => b.values.length === n && b.values.every((r) => typeof r[1] === "string" && sectors.includes(r[1] as string)));
      const rows: CellSpec[][] = sectors.map((s, i) => {
        const r = top + i;
        const line: CellSpec[] = [
          s,
          x[i],
          result.static.cstar[i],
          i === 0 ? f(`MMULT(MINVERSE(${iMinusA}),${col(2)})`, result.static.qUncapped[0], { rows: n, cols: 1 }) : result.static.qUncapped[i],
          // A sector cannot lose more than its whole output: q is capped at 1 (the engine does the same).
          f(`${bareCell(r, 1)}*MIN(1,${bareCell(r, 3)})*${months}/12`, result.static.lossOverCut[i]),
          null,
          null,
        ];
        const at = body ? body.values.findIndex((v) => v[1] === s) : -1;
        const ref: CellRef | undefined = body && lossSheet && at >= 0 ? { sheet: lossSheet.name, row: body.row + at, col: body.col + 4 } : undefined;
        const w = written(ref);
        if (ref && w !== null) {
          line[5] = f(sheetCell(ref), w);
          line[6] = auditCheck(bareCell(r, 4), bareCell(r, 5), result.static.lossOverCut[i], w);
          sw.checks.push(bareCell(r, 6));
        }
        return line;
      });
      sw.put(rows, "body", [null, FMT.money, FMT.coefficient, FMT.coefficient, FMT.money, FMT.money, null]);
      const totalRef = lossSheet && labelledCell(lossSheet, D.total[lang], 4, 1);
      const wt = written(totalRef);
      const tRow = sw.row;
      const total = result.static.totalLossOverCut;
      const tLine: CellSpec[] = [tr(A.total), null, null, null, f(`SUMPRODUCT(${col(1)},${col(3)}-(${col(3)}>1)*(${col(3)}-1))*${months}/12`, total), null, null];
      if (totalRef && wt !== null) {
        tLine[5] = f(sheetCell(totalRef), wt);
        tLine[6] = auditCheck(bareCell(tRow, 4), bareCell(tRow, 5), total, wt);
        sw.checks.push(bareCell(tRow, 6));
      }
      sw.put([tLine], "total", [null, null, null, null, FMT.money, FMT.money, null]);
      sw.row = aTop - 2;
      sw.put([[tr(A.astar)]], "subtitle");
      sw.put([[tr(A.sector), ...sectors]], "header");
      sw.put(
        sectors.map((s, i) => [s, ...Array.from({ length: n }, (_, j) => sys.Astar[i * n + j])]),
        "body",
        [null, ...sectors.map(() => FMT.coefficient)],
      );
    }
    sw.row++;

    // ---- dynamic ----
    const lossByPeriod = result.dynamic.lossByPeriod;
    const T = result.period.count;
    const ino = inoSheet?.blocks.find((b) => b.values.length === T + 1 && b.values[0].length === n + 4);
    // The summary's headline carries the unit after the label.
    const summaryRef = summary && labelledCell(summary, (v) => v.startsWith(D.totalLoss[lang]), 1);
    if (lossByPeriod && inoSheet && ino && result.dynamic.totalLoss !== null) {
      const range = { sheet: inoSheet.name, row: ino.row + 1, col: ino.col + n + 3, rows: T, cols: 1 };
      const shown = Array.from({ length: T }, (_, t) => numberAt(spec, { sheet: inoSheet.name, row: range.row + t, col: range.col }));
      if (shown.every((v) => v !== null)) {
        sw.put([[tr(A.dynamicTitle)]], "subtitle");
        sw.put([[null, tr(AUDIT.computed), tr(AUDIT.written), tr(AUDIT.match)]], "header");
        const r = sw.row;
        const total = (shown as number[]).reduce((s, v) => s + v, 0);
        const w = written(summaryRef);
        const line: CellSpec[] = [tr(A.dynamicTotal), f(`SUM(${sheetRange(range)})`, total), null, null];
        if (summaryRef && w !== null) {
          line[2] = f(sheetCell(summaryRef), w);
          line[3] = auditCheck(bareCell(r, 1), bareCell(r, 2), total, w);
          sw.checks.push(bareCell(r, 3));
        }
        sw.put([line], "body", [null, FMT.money, FMT.money, null]);
      }
    }
    const widths: Record<number, number> = { 0: 40 };
    for (let c = 1; c <= Math.max(6, n <= AUDIT_MAX_SECTORS ? n : 0); c++) widths[c] = 18;
    return sw.done(widths);
  };
  return { sections: [section] };
}
