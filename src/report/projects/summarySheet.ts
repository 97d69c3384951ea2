// 政策評価サマリー: the one-page summary a reader takes away (totals, the reference ratio, KPIs, method in brief).

import { STAGES } from "../labels";
import { P, PROJECT_SHEETS } from "../projectLabels";
import { SheetBuilder } from "../sheetBuilder";
import type { CellSpec, SheetSpec } from "../spec";
import { type ProjectsContext, F, addKpiTable } from "./context";

/** 政策評価サマリー / Policy summary */
export function summarySheet(ctx: ProjectsContext, sheets: SheetSpec[]): void {
  const { ev, lang, tr, unit, persons, jobs, periodText, rateText, tableName, totalsRow, measureHeads, measureFormats } = ctx;
  const s = new SheetBuilder("summary", tr(PROJECT_SHEETS.summary));
  s.add([[tr(P.title)]], "title");
  const conf = ev.projects.filter((p) => p.project.confidential).length;
  s.add(
    [
      [tr(P.table), tableName],
      [tr(P.unit), unit],
      [tr(P.period), periodText],
      [tr(P.plans), tr(P.plansText(ev.projects.length, conf))],
    ],
    "body",
  );
  if (conf > 0) s.add([[tr(P.confidentialNote)]], "note");
  s.skip();

  s.add([[tr(P.keyResults)]], "subtitle");
  s.add([[tr(P.indicator), tr(P.value), tr(P.unitCol), null, tr(P.explanation)]], "header");
  const c = ev.cumulative;
  const rows: CellSpec[][] = [
    [tr(P.cumOutput), c.total.output, unit, null, tr(P.explainCum)],
    [tr(P.cumGva), c.total.valueAdded, unit, null, tr(P.explainCum)],
    [tr(P.cumComp), c.total.compensation, unit, null, tr(P.explainCum)],
  ];
  const fmts: (string | null)[][] = [[null, F.money], [null, F.money], [null, F.money]];
  if (jobs) {
    rows.push([tr(P.cumJobs), c.total.employment ?? 0, persons, null, tr(P.explainCum)]);
    fmts.push([null, F.persons]);
  }
  rows.push(
    [tr(P.cumCapex), c.capex, unit, null, tr({ ja: "計画シートの年度別設備投資額の合計", en: "Sum of the project sheet's capex by year" })],
    [tr(P.cumSubsidy), c.subsidy, unit, null, tr(P.explainCumSubsidy)],
    [tr(P.pvGva), ev.pv.valueAdded, unit, null, tr(P.explainPv(ev.baseYear, rateText))],
    [tr(P.pvSubsidy), ev.pv.subsidy, unit, null, tr(P.explainPv(ev.baseYear, rateText))],
  );
  fmts.push([null, F.money], [null, F.money], [null, F.money], [null, F.money]);
  const bcRow: CellSpec[] = [tr(P.inducedValueAddedPerSubsidy), ev.inducedValueAddedPerSubsidy ?? "—", tr(P.times), null, tr(P.explainInducedPerSubsidy)];
  const multiple = c.direct.output !== 0 ? c.total.output / c.direct.output : null;
  const mulRow: CellSpec[] = [tr(P.multiple), multiple ?? "—", tr(P.times), null, tr(P.explainMultiple)];
  rows.forEach((r, i) => s.add([r], "body", fmts[i]));
  s.add([bcRow], "total", [null, F.ratio]);
  s.add([mulRow], "body", [null, F.ratio]);
  s.skip();

  s.add([[tr(P.stagesAndPhases)]], "subtitle");
  const stageHead = s.add([[tr(P.stage), ...measureHeads]], "header");
  const stageRow = s.add(
    (["direct", "firstIndirect", "secondIndirect"] as const).map((k) => [tr(STAGES[k]), ...totalsRow(c[k])]),
    "body",
    [null, ...measureFormats],
  );
  s.add([[tr(STAGES.total), ...totalsRow(c.total)]], "total", [null, ...measureFormats]);
  s.add(
    [
      [tr(P.ofWhichInvestment), ...totalsRow(c.investment)],
      [tr(P.ofWhichOperation), ...totalsRow(c.operation)],
    ],
    "body",
    [null, ...measureFormats],
  );
  s.skip();

  s.add([[tr(P.kpis)]], "subtitle");
  // The verdicts only: the calculation and the sources are on the KPI sheet.
  addKpiTable(s, ev.kpis, lang, { brief: true });
  s.add([[tr(P.methodElsewhere)]], "note");
  // The stages beside the tables, in the explanation column's free rows: the page a 課長
  // reads is one A4 landscape sheet, figures and chart together.
  const explain = jobs ? 5 : 4;
  s.chart({
    type: "column",
    title: tr(P.stageChart),
    categories: { row: stageRow, col: 0, rows: 3, cols: 1 },
    series: measureHeads.slice(0, 3).map((name, k) => ({ name, values: { row: stageRow, col: 1 + k, rows: 3, cols: 1 } })),
    yAxisTitle: unit,
    anchor: { row: stageHead - 1, col: explain, widthCols: 1, heightRows: 14 },
  });
  // Narrow columns, the explanation column as wide as its longest line: A4 landscape at ≥ 9 pt.
  // (figure headers wrap onto two lines)
  const widths: Record<number, number> = { 0: 42, 1: 12, 2: 12, 3: 12, [explain]: 52 };
  if (jobs) widths[4] = 12;
  sheets.push({ ...s.build({ columnWidths: widths }), print: { onePage: true } });
}
