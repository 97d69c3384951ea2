// Charts of the workbook spec as Excel charts: type mapping, checks made before anything is
// written, and the queued calls that build one chart (no sync here).

import { RippleError } from "../../engine/errors";
import { a1 } from "../../engine/grid";
import type { ChartSpec, ChartType, RangeRef } from "../../report/spec";

export type ExcelChartType =
  | "ColumnClustered"
  | "ColumnStacked"
  | "BarClustered"
  | "BarStacked"
  | "Line"
  | "XYScatter";

const TYPES: Record<ChartType, ExcelChartType> = {
  column: "ColumnClustered",
  columnStacked: "ColumnStacked",
  bar: "BarClustered",
  barStacked: "BarStacked",
  line: "Line",
  scatter: "XYScatter",
};

export function excelChartType(t: ChartType): ExcelChartType {
  return TYPES[t];
}

/** Excel's grid: 1,048,576 rows × 16,384 columns. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A one-column source gives one series by columns, a one-row source one series by rows. */
export function seriesBy(ref: RangeRef): "Columns" | "Rows" {
  return ref.cols === 1 || ref.rows > ref.cols ? "Columns" : "Rows";
}

/** Top-left and bottom-right cells of the anchor. */
export function anchorCells(anchor: ChartSpec["anchor"]): { start: string; end: string } {
  const w = Math.max(1, anchor.widthCols);
  const h = Math.max(1, anchor.heightRows);
  return { start: a1(anchor.row, anchor.col), end: a1(anchor.row + h - 1, anchor.col + w - 1) };
}

function refOk(r: RangeRef): boolean {
  return (
    Number.isInteger(r.row) && Number.isInteger(r.col) && r.row >= 0 && r.col >= 0 &&
    r.rows >= 1 && r.cols >= 1 && r.row + r.rows <= MAX_ROWS && r.col + r.cols <= MAX_COLS
  );
}

/** Check a chart before anything is written, so a bad spec never leaves half a report. */
export function checkChart(chart: ChartSpec, sheet: string, sheetNames: ReadonlySet<string>): void {
  const bad = (en: string, ja: string): never => {
    throw new RippleError("report-chart", { ja: `グラフ「${chart.title}」: ${ja}(レポートの作成側の不具合です。報告してください)`, en: `chart '${chart.title}': ${en} (a fault in the report builder; please report it)` }, { sheet });
  };
  if (chart.series.length === 0) bad("it has no series", "系列がありません");
  const refs: RangeRef[] = [];
  if (chart.categories) refs.push(chart.categories);
  for (const s of chart.series) {
    refs.push(s.values);
    if (s.x) refs.push(s.x);
  }
  for (const r of refs) {
    if (!refOk(r)) bad(`range ${JSON.stringify(r)} is outside the sheet`, `範囲 ${JSON.stringify(r)} がシートの外にあります`);
    if (r.sheet !== undefined && !sheetNames.has(r.sheet))
      bad(`it refers to sheet '${r.sheet}', which the report does not create`, `レポートにないシート「${r.sheet}」を参照しています`);
  }
}

/** Queue the calls that create one chart on `ws`. The first series comes from the chart's source
 * range; the others are added with series.add + setValues (ExcelApi 1.7). */
export function addChart(
  ws: Excel.Worksheet,
  chart: ChartSpec,
  rangeOf: (ref: RangeRef) => Excel.Range,
  textsOf: (ref: RangeRef) => string[] = () => [],
): void {
  const scatter = chart.type === "scatter";
  const first = chart.series[0];
  const ch = ws.charts.add(excelChartType(chart.type), rangeOf(first.values), seriesBy(first.values));
  ch.title.text = chart.title;
  const pos = anchorCells(chart.anchor);
  ch.setPosition(pos.start, pos.end);
  ch.legend.visible = chart.series.length > 1;
  if (chart.series.length > 1) ch.legend.position = "Bottom";
  if (chart.xAxisTitle) ch.axes.categoryAxis.title.text = chart.xAxisTitle;
  if (chart.yAxisTitle) ch.axes.valueAxis.title.text = chart.yAxisTitle;
  if (chart.yAxisFormat) ch.axes.valueAxis.numberFormat = chart.yAxisFormat;
  chart.series.forEach((spec, i) => {
    const s = i === 0 ? ch.series.getItemAt(0) : ch.series.add(spec.name);
    if (i === 0) s.name = spec.name;
    else s.setValues(rangeOf(spec.values));
    const x = scatter ? spec.x : chart.categories;
    if (x) s.setXAxisValues(rangeOf(x));
    if (scatter && spec.style === "line") {
      // A reference line: no markers, a solid line through the points.
      s.markerStyle = "None";
      s.format.line.lineStyle = "Continuous";
    }
    if (spec.labels) {
      // Each point named by its cell's text (ExcelApi 1.8 ChartDataLabel.text), right of its marker.
      textsOf(spec.labels).forEach((text, k) => {
        if (!text) return;
        const p = s.points.getItemAt(k);
        p.hasDataLabel = true;
        p.dataLabel.text = text;
        p.dataLabel.position = "Right";
      });
    }
  });
}

/** Rough request bytes of one chart's calls, for sync packing. */
export function chartBytes(chart: ChartSpec): number {
  const labels = chart.series.reduce((n, s) => n + (s.labels ? 150 * s.labels.rows * s.labels.cols : 0), 0);
  return 600 + labels + 300 * chart.series.length + 4 * (chart.title.length + (chart.xAxisTitle?.length ?? 0) + (chart.yAxisTitle?.length ?? 0));
}
