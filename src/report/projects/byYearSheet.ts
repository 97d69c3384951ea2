// 年度別: effects, subsidy and discounting by fiscal year, with column sums as formulas.

import { MEASURES, STAGES, withUnit, yearLabel } from "../labels";
import { P, PROJECT_SHEETS } from "../projectLabels";
import { SheetBuilder } from "../sheetBuilder";
import type { CellSpec, SheetSpec } from "../spec";
import { type ProjectsContext, F, sumF } from "./context";

/** 年度別 / By year */
export function byYearSheet(ctx: ProjectsContext, sheets: SheetSpec[]): void {
  const { ev, lang, tr, unit, persons, jobs, money, years, rateText } = ctx;
  const s = new SheetBuilder("byYear", tr(PROJECT_SHEETS.byYear));
  s.add([[tr(P.byYearTitle)], [`${tr(P.unit)}: ${unit}. ${tr(P.totalCheck)}`]], "title");
  s.skip();
  const n = years.length;
  const yearCells = years.map((y) => yearLabel(y, lang));

  // Table 1: inputs by year
  s.add([[tr(P.inputsByYear)]], "subtitle");
  s.add([[tr(P.year), money(P.capex), money(P.subsidy), money(P.plantOutput), money(P.additionalOutput)]], "header");
  const r1 = s.add(
    ev.byYear.map((y, k) => [yearCells[k], y.capex, y.subsidy, y.plantOutput, y.additionalOutput]),
    "body",
    [null, F.money, F.money, F.money, F.money],
  );
  const c = ev.cumulative;
  s.add(
    [[tr(P.total), sumF(1, r1, r1 + n - 1, c.capex), sumF(2, r1, r1 + n - 1, c.subsidy), sumF(3, r1, r1 + n - 1, c.plantOutput), sumF(4, r1, r1 + n - 1, c.additionalOutput)]],
    "total",
    [null, F.money, F.money, F.money, F.money],
  );
  s.skip();

  // Table 2: induced output by stage and phase
  s.add([[tr(P.outputByStage)]], "subtitle");
  s.add(
    [[
      tr(P.year),
      money(STAGES.direct),
      money(STAGES.firstIndirect),
      money(STAGES.secondIndirect),
      money(STAGES.total),
      money(P.investmentPhase),
      money(P.operationPhase),
    ]],
    "header",
  );
  const r2 = s.add(
    ev.byYear.map((y, k) => [yearCells[k], y.direct.output, y.firstIndirect.output, y.secondIndirect.output, y.total.output, y.investment.output, y.operation.output]),
    "body",
    [null, F.money, F.money, F.money, F.money, F.money, F.money],
  );
  s.add(
    [[
      tr(P.total),
      sumF(1, r2, r2 + n - 1, c.direct.output),
      sumF(2, r2, r2 + n - 1, c.firstIndirect.output),
      sumF(3, r2, r2 + n - 1, c.secondIndirect.output),
      sumF(4, r2, r2 + n - 1, c.total.output),
      sumF(5, r2, r2 + n - 1, c.investment.output),
      sumF(6, r2, r2 + n - 1, c.operation.output),
    ]],
    "total",
    [null, F.money, F.money, F.money, F.money, F.money, F.money],
  );
  s.skip();

  // Table 3: value added, income, employment, discounting
  s.add([[tr(P.otherMeasures)]], "subtitle");
  s.add([[`${tr(P.discountFactor)} = 1 / (1 + ${rateText})^(${lang === "ja" ? "年度" : "year"} − ${ev.baseYear})`]], "note");
  const head3: CellSpec[] = [
    tr(P.year),
    money(MEASURES.valueAdded),
    `${tr(MEASURES.valueAdded)} ${tr(P.investmentPhase)}`,
    `${tr(MEASURES.valueAdded)} ${tr(P.operationPhase)}`,
    money(MEASURES.compensation),
  ];
  if (jobs) head3.push(withUnit(MEASURES.employment, persons, lang));
  head3.push(tr(P.discountFactor), money(P.pvGvaShort), money(P.pvSubsidyShort));
  s.add([head3], "header");
  const fmt3 = [null, F.money, F.money, F.money, F.money, ...(jobs ? [F.persons] : []), F.factor, F.money, F.money];
  const r3 = s.add(
    ev.byYear.map((y, k) => [
      yearCells[k],
      y.total.valueAdded,
      y.investment.valueAdded,
      y.operation.valueAdded,
      y.total.compensation,
      ...(jobs ? [y.total.employment ?? 0] : []),
      ev.discounting[k].factor,
      ev.discounting[k].pvValueAdded,
      ev.discounting[k].pvSubsidy,
    ]),
    "body",
    fmt3,
  );
  const off = jobs ? 1 : 0;
  s.add(
    [[
      tr(P.total),
      sumF(1, r3, r3 + n - 1, c.total.valueAdded),
      sumF(2, r3, r3 + n - 1, c.investment.valueAdded),
      sumF(3, r3, r3 + n - 1, c.operation.valueAdded),
      sumF(4, r3, r3 + n - 1, c.total.compensation),
      ...(jobs ? [sumF(5, r3, r3 + n - 1, c.total.employment ?? 0)] : []),
      null,
      sumF(6 + off, r3, r3 + n - 1, ev.pv.valueAdded),
      sumF(7 + off, r3, r3 + n - 1, ev.pv.subsidy),
    ]],
    "total",
    fmt3,
  );
  s.skip();

  const height = 18;
  const cats = { row: r2, col: 0, rows: n, cols: 1 };
  s.chart({
    type: "columnStacked",
    title: tr(P.chartByYearStage),
    categories: cats,
    series: (["direct", "firstIndirect", "secondIndirect"] as const).map((k, j) => ({
      name: tr(STAGES[k]),
      values: { row: r2, col: 1 + j, rows: n, cols: 1 },
    })),
    yAxisTitle: money(MEASURES.output),
    anchor: { row: s.row, col: 0, widthCols: 4, heightRows: height },
  });
  s.chart({
    type: "columnStacked",
    title: tr(P.chartByYearPhase),
    categories: { row: r3, col: 0, rows: n, cols: 1 },
    series: [
      { name: tr(P.investmentPhase), values: { row: r3, col: 2, rows: n, cols: 1 } },
      { name: tr(P.operationPhase), values: { row: r3, col: 3, rows: n, cols: 1 } },
    ],
    yAxisTitle: money(MEASURES.valueAdded),
    anchor: { row: s.row, col: 4, widthCols: 4, heightRows: height },
  });
  s.skip(height);
  const widths: Record<number, number> = { 0: 14 };
  for (let k = 1; k < head3.length; k++) widths[k] = 30;
  sheets.push(s.build({ columnWidths: widths }));
}
