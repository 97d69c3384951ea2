// Monte Carlo fan chart and tornado of the market model's judgement parameters.

import { parameterLabel } from "../../engine/market/run";
import {
  DISTRIBUTION_SHORT,
  M,
  MARKET_SHEETS,
  MEASURE_LABELS,
  STAGE_LABELS,
  UNITS,
  fmtPct,
  withUnit,
} from "../marketLabels";
import { SheetBuilder } from "../sheetBuilder";
import type { CellSpec, RangeRef, SheetSpec } from "../spec";
import { type MarketContext } from "./context";

/** Monte Carlo */
export function monteCarloSheet(ctx: MarketContext, sheets: SheetSpec[]): void {
  const { a, lang, tr, ja, ny, F, measureUnit, measures, paren } = ctx;
  const s = new SheetBuilder("marketMonteCarlo", tr(MARKET_SHEETS.monteCarlo));
  s.add([[tr(M.mcTitle)]], "title");
  const mc = a.monteCarlo;
  if (!mc) {
    s.add([[tr(M.noMc)]], "note");
  } else {
    s.add(
      [
        [tr(M.draws), mc.draws],
        [tr(M.seed), mc.seed],
        [tr(M.mcScenario), mc.scenario],
        [tr(M.mcTime), `${(mc.milliseconds / 1000).toFixed(2)} s`],
      ],
      "body",
      [null, "#,##0"],
    );
    s.add([[`${tr(M.passProbability)} ${a.kpi.year}`, mc.passProbability]], "total", [null, F.ratio]);
    s.skip();
    s.add([[tr(M.uncertainParams)]], "subtitle");
    s.add([[tr(M.item), tr(M.distribution), tr(M.low), ja ? "最頻値・平均" : "Mode / mean", tr(M.high), ja ? "標準偏差" : "SD"]], "header");
    s.add(
      mc.uncertain.map((u) => {
        const d = u.distribution;
        const label = `${tr(parameterLabel(u.key))} [${u.key}]`;
        const name = tr(DISTRIBUTION_SHORT[d.type]);
        if (d.type === "triangular") return [label, name, d.low, d.mode, d.high, null];
        if (d.type === "uniform") return [label, name, d.low, null, d.high, null];
        return [label, name, null, d.mean, null, d.sd];
      }),
      "body",
      [null, null, F.plain, F.plain, F.plain, F.plain],
    );
    s.skip();
    s.add(
      [[tr(M.year), `${tr(M.kpiShort)} P5`, "P50", "P95", tr(M.target100), withUnit(M.demandDomestic, "t", lang) + " P5", "P50", "P95", withUnit(M.shortfall, "t", lang) + ` P5 (${mc.scenario})`, "P50", "P95", withUnit(M.outputChange, tr(UNITS.millionYen), lang) + " P5", "P50", "P95"]],
      "header",
    );
    const first = s.add(
      mc.byYear.map((y) => [y.year, y.kpi.p5, y.kpi.p50, y.kpi.p95, a.kpi.target, y.demand.p5, y.demand.p50, y.demand.p95, y.shortfall.p5, y.shortfall.p50, y.shortfall.p95, y.outputChange.p5, y.outputChange.p50, y.outputChange.p95]),
      "body",
      [F.year, F.ratio, F.ratio, F.ratio, F.ratio, F.tonnes, F.tonnes, F.tonnes, F.tonnes, F.tonnes, F.tonnes, F.money, F.money, F.money],
    );
    s.skip();
    const col = (c: number): RangeRef => ({ row: first, col: c, rows: ny, cols: 1 });
    s.chart({
      type: "line",
      title: tr(M.chartFan),
      categories: col(0),
      series: [
        { name: "P95", values: col(3) },
        { name: "P50", values: col(2) },
        { name: "P5", values: col(1) },
        { name: `${tr(M.target100)} ${fmtPct(a.kpi.target, 0)}`, values: col(4) },
      ],
      yAxisTitle: tr(M.kpiRatio),
      anchor: { row: s.row, col: 0, widthCols: 7, heightRows: 18 },
    });
    s.skip(19);
    s.add([[tr(M.cumulativeEffects)]], "subtitle");
    s.add([[tr(M.item), tr(M.unit), "P5", "P50", "P95", tr(M.mean)]], "header");
    const rows: CellSpec[][] = [[withUnit(M.outputChange, tr(UNITS.millionYen), lang), tr(UNITS.millionYen), mc.cumulative.outputChange!.p5, mc.cumulative.outputChange!.p50, mc.cumulative.outputChange!.p95, mc.cumulative.outputChange!.mean]];
    for (const m of measures) {
      const q = mc.cumulative[m];
      if (q) rows.push([tr(MEASURE_LABELS[m]) + paren(tr(STAGE_LABELS.total)), measureUnit(m), q.p5, q.p50, q.p95, q.mean]);
    }
    s.add(rows, "body", [null, null, F.money, F.money, F.money, F.money]);
  }
  sheets.push(s.build({ columnWidths: { 0: 40, 1: 16, 2: 14, 3: 14, 4: 14, 5: 18, 6: 12, 7: 12, 8: 22, 9: 12, 10: 12, 11: 24, 12: 12, 13: 12 } }));
}

/** tornado */
export function tornadoSheet(ctx: MarketContext, sheets: SheetSpec[]): void {
  const { a, tr, ja, F, paren } = ctx;
  const s = new SheetBuilder("marketTornado", tr(MARKET_SHEETS.tornado));
  s.add([[`${tr(M.tornadoTitle)} — ${a.kpi.year}`]], "title");
  const t = a.tornado;
  if (!t || t.bars.length === 0) {
    s.add([[tr(M.noTornado)]], "note");
  } else {
    s.add([[tr(M.baseKpi), t.base]], "body", [null, F.ratio]);
    s.skip();
    s.add([["#", tr(M.key), tr(M.item), tr(M.low), tr(M.high), tr(M.atLow), tr(M.atHigh), tr(M.swing)]], "header");
    s.add(
      t.bars.map((b, i) => [i + 1, b.key, tr(parameterLabel(b.key)), b.low, b.high, b.outputLow, b.outputHigh, b.swing]),
      "body",
      ["0", null, null, F.plain, F.plain, F.ratio, F.ratio, F.ratio],
    );
    s.skip();
    // Bar charts draw the first category at the bottom: the chart data runs smallest first,
    // so the largest swing sits on top.
    s.add([[tr(M.chartData)]], "subtitle");
    s.add([[tr(M.item), tr(M.deltaLow), tr(M.deltaHigh)]], "header");
    const asc = [...t.bars].reverse();
    const first = s.add(
      asc.map((b) => [tr(parameterLabel(b.key)), b.outputLow - t.base, b.outputHigh - t.base]),
      "body",
      [null, "+0.0%;-0.0%;0.0%", "+0.0%;-0.0%;0.0%"],
    );
    s.skip();
    s.chart({
      type: "bar",
      title: tr(M.chartTornado),
      categories: { row: first, col: 0, rows: asc.length, cols: 1 },
      series: [
        { name: tr(M.deltaLow), values: { row: first, col: 1, rows: asc.length, cols: 1 } },
        { name: tr(M.deltaHigh), values: { row: first, col: 2, rows: asc.length, cols: 1 } },
      ],
      yAxisTitle: tr(M.kpiRatio),
      anchor: { row: s.row, col: 0, widthCols: 7, heightRows: Math.max(14, 4 * asc.length + 6) },
    });
    s.skip(Math.max(14, 4 * asc.length + 6) + 1);
    if (t.noEffect.length) {
      s.add([[tr(M.noEffect)]], "subtitle");
      s.add([[t.noEffect.map((k) => k + paren(tr(parameterLabel(k)))).join(ja ? "、" : "; ")]], "note");
    }
  }
  sheets.push(s.build({ columnWidths: { 0: 40, 1: 18, 2: 40, 3: 12, 4: 12, 5: 16, 6: 16, 7: 12 } }));
}
