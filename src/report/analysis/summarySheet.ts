// 集計: the three-stage ripple effect by sector and measure, with its charts.

import { addPurchaserSummary } from "../purchaserSection";
import type { CellSpec, SheetSpec } from "../spec";
import { SheetBuilder, labelWidth } from "../sheetBuilder";
import { IMPORT_TYPES, INDICATORS, SHEET_NAMES, STAGES, STAGE_ORDER, TEXT, withUnit } from "../labels";
import { sum } from "../../engine/numeric";
import { type AnalysisContext, NUMBER_FORMATS, measuresOf, stageVector } from "./context";

/** 集計 / Summary */
export function summarySheet(ctx: AnalysisContext, sheets: SheetSpec[]): void {
  const { input, result, lang, tr, unit, measureHeader, measureFormat, sectors, n, sectorColWidth, importType, inverseText, tableName } = ctx;
  const s = new SheetBuilder("summary", tr(SHEET_NAMES.summary));
  s.add([[tr(TEXT.title)]], "title");
  s.add(
    [
      [tr(TEXT.table), tableName],
      [tr(TEXT.unit), unit],
      [tr(TEXT.model), `${tr(IMPORT_TYPES[importType])}; L = ${inverseText}`],
    ],
    "body",
  );
  s.skip();
  const impact = result.impact;
  const widths: Record<number, number> = { 0: sectorColWidth };
  if (impact) {
    const measures = measuresOf(impact);
    s.add([[tr(TEXT.shock)]], "subtitle");
    if (input.shockSource) s.add([[tr(TEXT.shockSource), input.shockSource]], "body");
    if (input.shock) {
      const shock = input.shock;
      s.add([[tr(TEXT.sector), withUnit(TEXT.finalDemandChange, unit, lang)]], "header");
      const rows: CellSpec[][] = [];
      shock.forEach((v, i) => {
        if (v !== 0) rows.push([sectors[i], v]);
      });
      s.add(rows, "body", [null, NUMBER_FORMATS.money]);
      s.add([[tr(TEXT.total), sum(shock)]], "total", [null, NUMBER_FORMATS.money]);
      if (input.purchaser) addPurchaserSummary(s, lang);
    }
    s.skip();

    // Totals by stage × measure.
    s.add([[tr(TEXT.effectsByStage)]], "subtitle");
    s.add([[tr(TEXT.stage), ...measures.map(measureHeader)]], "header");
    const stageRows = STAGE_ORDER.map((k) => [
      tr(STAGES[k]),
      ...measures.map((m) => sum(stageVector(impact[k], m))),
    ]);
    const fmt = [null, ...measures.map(measureFormat)];
    s.add(stageRows.slice(0, 3), "body", fmt);
    s.add(stageRows.slice(3), "total", fmt);
    s.add([[tr(TEXT.multipleShort), impact.multiple, tr(TEXT.multipleNote)]], "total", [null, NUMBER_FORMATS.multiple, null]);
    s.skip();

    // By sector: for each measure, its four stages side by side.
    s.add([[tr(TEXT.effectsBySector)]], "subtitle");
    const head1: CellSpec[] = [tr(TEXT.sector)];
    const head2: CellSpec[] = [null];
    const colFormats: (string | null)[] = [null];
    const colOf = new Map<string, number>();
    for (const m of measures) {
      STAGE_ORDER.forEach((k, j) => {
        colOf.set(`${m}.${k}`, head1.length);
        head1.push(j === 0 ? measureHeader(m) : null);
        head2.push(tr(STAGES[k]));
        colFormats.push(measureFormat(m));
      });
    }
    s.add([head1, head2], "header");
    const bodyRow = s.add(
      sectors.map((name, i) => [
        name,
        ...measures.flatMap((m) => STAGE_ORDER.map((k) => stageVector(impact[k], m)[i])),
      ]),
      "body",
      colFormats,
    );
    s.add(
      [[tr(TEXT.total), ...measures.flatMap((m) => STAGE_ORDER.map((k) => sum(stageVector(impact[k], m))))]],
      "total",
      colFormats,
    );
    // Wide enough for the longest header of the column in either block.
    for (let c = 1; c < head1.length; c++) widths[c] = 16;
    measures.forEach((m, j) => (widths[1 + j] = Math.max(widths[1 + j], labelWidth([measureHeader(m)], 16, 30))));
    s.skip();

    const categories = { row: bodyRow, col: 0, rows: n, cols: 1 };
    const column = (key: string) => ({ row: bodyRow, col: colOf.get(key)!, rows: n, cols: 1 });
    const height = Math.max(16, Math.min(40, n + 6));
    s.chart({
      type: "bar",
      title: tr(TEXT.chartTotalBySector),
      categories,
      series: [{ name: tr(STAGES.total), values: column("output.total") }],
      yAxisTitle: measureHeader("output"),
      anchor: { row: s.row, col: 0, widthCols: 6, heightRows: height },
    });
    s.chart({
      type: "columnStacked",
      title: tr(TEXT.chartStagesBySector),
      categories,
      series: (["direct", "firstIndirect", "secondIndirect"] as const).map((k) => ({
        name: tr(STAGES[k]),
        values: column(`output.${k}`),
      })),
      yAxisTitle: measureHeader("output"),
      anchor: { row: s.row, col: 7, widthCols: 10, heightRows: height },
    });
    s.skip(height);
  } else {
    s.add([[tr(input.host === "addin" ? TEXT.noShockAddin : TEXT.noShock)]], "note");
    s.skip();
    s.add([[tr(TEXT.indicators)]], "subtitle");
    s.add(
      [[tr(TEXT.sector), tr(INDICATORS.outputMultiplier), tr(INDICATORS.backward), tr(INDICATORS.forward)]],
      "header",
    );
    const bodyRow = s.add(
      sectors.map((name, i) => [
        name,
        result.multipliers.output[i],
        result.linkages.backward[i],
        result.linkages.forward[i],
      ]),
      "body",
      [null, NUMBER_FORMATS.index, NUMBER_FORMATS.index, NUMBER_FORMATS.index],
    );
    for (let c = 1; c <= 3; c++) widths[c] = 18;
    s.skip();
    s.chart({
      type: "bar",
      title: tr(TEXT.chartOutputMultiplier),
      categories: { row: bodyRow, col: 0, rows: n, cols: 1 },
      series: [{ name: tr(INDICATORS.outputMultiplier), values: { row: bodyRow, col: 1, rows: n, cols: 1 } }],
      anchor: { row: s.row, col: 0, widthCols: 6, heightRows: Math.max(16, Math.min(40, n + 6)) },
    });
  }
  sheets.push(s.build({ columnWidths: widths }));
}
