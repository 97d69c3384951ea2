// A ChartSpec as a DrawingML chart part (xl/charts/chartN.xml, ECMA-376 Part 1, §21.2).
// Series point at worksheet ranges and carry caches of the spec's values, so a viewer draws
// the chart without recalculating. Child elements follow the schema's sequence order, which
// Excel enforces.
import type { ChartSpec, RangeRef, SeriesSpec } from "../../report/spec";
import { columnLetters } from "../../engine/grid";
import { RippleError } from "../../engine/errors";
import { SpecCells, type CachedValue } from "./specCells";
import { XML_HEADER, xmlEscape } from "./xmlText";

const NS =
  'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

// Office's default series colours, written explicitly so Excel and LibreOffice agree.
const PALETTE = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E", "636363", "997300"];

const CAT_AX = 500010;
const VAL_AX = 500020;

/** Absolute reference to a range; the sheet name is always quoted ('集計'!$B$2:$B$14), which
 * Excel accepts for every name and requires for non-ASCII ones and those that look like cells. */
export function rangeFormula(sheet: string, ref: RangeRef): string {
  const from = `$${columnLetters(ref.col)}$${ref.row + 1}`;
  const to = `$${columnLetters(ref.col + ref.cols - 1)}$${ref.row + ref.rows}`;
  return `'${sheet.replace(/'/g, "''")}'!${ref.rows === 1 && ref.cols === 1 ? from : `${from}:${to}`}`;
}

export interface ChartContext {
  /** The sheet the chart is on: the default for ranges without a sheet. */
  sheet: string;
  cells: SpecCells;
  lang: "ja" | "en";
}

export function chartXml(chart: ChartSpec, ctx: ChartContext): string {
  checkChart(chart, ctx.sheet);
  const lang = ctx.lang === "ja" ? "ja-JP" : "en-US";
  const body =
    chart.type === "scatter" ? scatterPlot(chart, ctx) : chart.type === "line" ? linePlot(chart, ctx) : barPlot(chart, ctx);
  return (
    XML_HEADER +
    `<c:chartSpace ${NS}>` +
    `<c:lang val="${lang}"/>` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>` +
    richTitle(chart.title, 1400, lang, false) +
    `<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${body}</c:plotArea>` +
    // A single series is named by the title; its legend would only take height from the plot.
    (chart.series.length > 1 ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` : "") +
    `<c:plotVisOnly val="1"/>` +
    `<c:dispBlanksAs val="gap"/>` +
    `</c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

function checkChart(chart: ChartSpec, sheet: string): void {
  const bad = (en: string, ja: string) =>
    new RippleError("chart-invalid", { ja: `グラフ「${chart.title}」: ${ja}`, en: `Chart '${chart.title}': ${en}` }, { sheet });
  if (chart.series.length === 0) throw bad("it has no series.", "系列がありません。");
  const ranges: RangeRef[] = [];
  if (chart.categories) ranges.push(chart.categories);
  for (const s of chart.series) ranges.push(s.values, ...(s.x ? [s.x] : []));
  for (const r of ranges) {
    if (!(r.rows >= 1 && r.cols >= 1 && r.row >= 0 && r.col >= 0)) {
      throw bad("a range is empty or outside the sheet.", "範囲が空か、シートの外にあります。");
    }
  }
}

// ---- plots ------------------------------------------------------------------------------

function barPlot(chart: ChartSpec, ctx: ChartContext): string {
  const horizontal = chart.type === "bar" || chart.type === "barStacked";
  const stacked = chart.type === "columnStacked" || chart.type === "barStacked";
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser>${serHead(s, i)}` +
        `<c:spPr><a:solidFill><a:srgbClr val="${colour(i)}"/></a:solidFill></c:spPr>` +
        `<c:invertIfNegative val="0"/>` +
        categoryRef(chart, ctx) +
        `<c:val>${numRef(s.values, ctx)}</c:val>` +
        `</c:ser>`,
    )
    .join("");
  // Horizontal bars list the first category at the top (table order): categories run
  // max-to-min and the value axis crosses at the last category so it stays at the bottom.
  // As in Excel's terms, x is the category axis and y the value axis whatever the direction.
  const catAxis = axis("catAx", CAT_AX, VAL_AX, {
    pos: horizontal ? "l" : "b",
    title: chart.xAxisTitle,
    reversed: horizontal,
    lang: ctx.lang,
  });
  const valAxis = axis("valAx", VAL_AX, CAT_AX, {
    pos: horizontal ? "b" : "l",
    title: chart.yAxisTitle,
    crossesMax: horizontal,
    gridlines: true,
    values: chart.series.flatMap((s) => numbers(s.values, ctx)),
    format: chart.yAxisFormat,
    lang: ctx.lang,
  });
  return (
    `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/>` +
    `<c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>` +
    series +
    `<c:gapWidth val="${stacked ? 60 : 80}"/>` +
    (stacked ? `<c:overlap val="100"/>` : "") +
    `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>` +
    catAxis +
    valAxis
  );
}

function linePlot(chart: ChartSpec, ctx: ChartContext): string {
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser>${serHead(s, i)}` +
        lineShape(colour(i)) +
        `<c:marker><c:symbol val="none"/></c:marker>` +
        categoryRef(chart, ctx) +
        `<c:val>${numRef(s.values, ctx)}</c:val>` +
        `<c:smooth val="0"/></c:ser>`,
    )
    .join("");
  return (
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
    series +
    `<c:marker val="1"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:lineChart>` +
    axis("catAx", CAT_AX, VAL_AX, { pos: "b", title: chart.xAxisTitle, lang: ctx.lang }) +
    axis("valAx", VAL_AX, CAT_AX, { pos: "l", title: chart.yAxisTitle, gridlines: true, values: chart.series.flatMap((s) => numbers(s.values, ctx)), format: chart.yAxisFormat, lang: ctx.lang })
  );
}

function scatterPlot(chart: ChartSpec, ctx: ChartContext): string {
  const series = chart.series
    .map((s, i) => {
      // "line": a joined line without markers (reference lines); "markers": points only.
      const look =
        s.style === "line"
          ? lineShape(colour(i)) + `<c:marker><c:symbol val="none"/></c:marker>`
          : `<c:spPr><a:ln w="19050"><a:noFill/></a:ln></c:spPr>` +
            `<c:marker><c:symbol val="circle"/><c:size val="6"/>` +
            `<c:spPr><a:solidFill><a:srgbClr val="${colour(i)}"/></a:solidFill>` +
            `<a:ln w="9525"><a:solidFill><a:srgbClr val="${colour(i)}"/></a:solidFill></a:ln></c:spPr></c:marker>`;
      return (
        `<c:ser>${serHead(s, i)}${look}${s.labels ? pointLabels(s.labels, ctx) : ""}` +
        (s.x ? `<c:xVal>${numRef(s.x, ctx)}</c:xVal>` : "") +
        `<c:yVal>${numRef(s.values, ctx)}</c:yVal>` +
        `<c:smooth val="0"/></c:ser>`
      );
    })
    .join("");
  return (
    `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>` +
    series +
    `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:scatterChart>` +
    axis("valAx", CAT_AX, VAL_AX, {
      pos: "b",
      title: chart.xAxisTitle,
      midCat: true,
      bounds: niceBounds(chart.series.flatMap((s) => (s.x ? numbers(s.x, ctx) : []))),
      values: chart.series.flatMap((s) => (s.x ? numbers(s.x, ctx) : [])),
      lang: ctx.lang,
    }) +
    axis("valAx", VAL_AX, CAT_AX, {
      pos: "l",
      title: chart.yAxisTitle,
      gridlines: true,
      midCat: true,
      bounds: niceBounds(chart.series.flatMap((s) => numbers(s.values, ctx))),
      values: chart.series.flatMap((s) => numbers(s.values, ctx)),
      format: chart.yAxisFormat,
      lang: ctx.lang,
    })
  );
}

// ---- pieces -----------------------------------------------------------------------------

/** Each point's label: the text of its cell, placed right of the marker in 8 pt. Written as the
 * label's own text (ECMA-376 c:dLbl/c:tx), which Excel and LibreOffice both draw; the cells hold
 * sector names that do not change after the report is written. */
function pointLabels(ref: RangeRef, ctx: ChartContext): string {
  const { values } = ctx.cells.range(ref, ctx.sheet);
  const flags = (show: boolean) =>
    `<c:showLegendKey val="0"/><c:showVal val="${show ? 1 : 0}"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/>`;
  const rPr = `<a:rPr lang="${ctx.lang}" sz="800"/>`;
  const each = values
    .map((v, i) =>
      v === null || v === ""
        ? `<c:dLbl><c:idx val="${i}"/><c:delete val="1"/></c:dLbl>`
        : `<c:dLbl><c:idx val="${i}"/><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r>${rPr}<a:t>${xmlEscape(labelText(v))}</a:t></a:r></a:p></c:rich></c:tx>` +
          `<c:dLblPos val="r"/>${flags(true)}</c:dLbl>`,
    )
    .join("");
  return (
    `<c:dLbls>${each}<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="${ctx.lang}"/></a:p></c:txPr>` +
    `<c:dLblPos val="r"/>${flags(false)}</c:dLbls>`
  );
}

function numbers(ref: RangeRef, ctx: ChartContext): number[] {
  return ctx.cells.range(ref, ctx.sheet).values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
}

/** Axis bounds around the data, on a round step. Scatter charts of indices around 1.0
 * (linkages) would otherwise start at zero in Excel and LibreOffice and crowd the points. */
export function niceBounds(values: number[]): { min: number; max: number } | undefined {
  if (values.length === 0) return undefined;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (!(hi > lo)) return undefined;
  const raw = (hi - lo) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((st) => st >= raw)!;
  // Rounded through the step's decimals so 0.1 * 3 is written 0.3, not 0.30000000000000004.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const round = (x: number) => Number(x.toFixed(decimals));
  return { min: round(Math.floor(lo / step) * step), max: round(Math.ceil(hi / step) * step) };
}

function colour(i: number): string {
  return PALETTE[i % PALETTE.length];
}

function lineShape(rgb: string): string {
  return `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill><a:round/></a:ln></c:spPr>`;
}

function serHead(s: SeriesSpec, i: number): string {
  return `<c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${xmlEscape(s.name)}</c:v></c:tx>`;
}

function categoryRef(chart: ChartSpec, ctx: ChartContext): string {
  return chart.categories ? `<c:cat>${strRef(chart.categories, ctx)}</c:cat>` : "";
}

function strRef(ref: RangeRef, ctx: ChartContext): string {
  const { sheet, values } = ctx.cells.range(ref, ctx.sheet);
  const pts = values
    .map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${xmlEscape(labelText(v))}</c:v></c:pt>`))
    .join("");
  return (
    `<c:strRef><c:f>${xmlEscape(rangeFormula(sheet, ref))}</c:f>` +
    `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache></c:strRef>`
  );
}

function numRef(ref: RangeRef, ctx: ChartContext): string {
  const { sheet, values } = ctx.cells.range(ref, ctx.sheet);
  // Only finite numbers are cached; a text or empty cell is a gap, as Excel shows it.
  const pts = values
    .map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ""))
    .join("");
  return (
    `<c:numRef><c:f>${xmlEscape(rangeFormula(sheet, ref))}</c:f>` +
    `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache></c:numRef>`
  );
}

function labelText(v: Exclude<CachedValue, null>): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function richTitle(text: string | undefined, size: number, lang: string, vertical: boolean): string {
  if (!text) return "";
  const bodyPr = vertical ? `<a:bodyPr rot="-5400000" vert="horz"/>` : `<a:bodyPr/>`;
  return (
    `<c:title><c:tx><c:rich>${bodyPr}<a:lstStyle/>` +
    `<a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="${lang}" sz="${size}" b="1"/><a:t>${xmlEscape(text)}</a:t></a:r></a:p>` +
    `</c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

interface AxisOptions {
  pos: "b" | "l";
  title?: string;
  reversed?: boolean;
  crossesMax?: boolean;
  gridlines?: boolean;
  midCat?: boolean;
  bounds?: { min: number; max: number };
  /** The plotted values: an axis reaching 1,000 or more shows thousands separators. */
  values?: number[];
  /** A format the chart asks for (ChartSpec.yAxisFormat), before the rule above. */
  format?: string;
  lang: "ja" | "en";
}

/** Tick labels with thousands separators when the values reach four digits (the tables show
 * 12,345, so should the axes); smaller ones as the cells format them. */
function axisFormat(values: number[] | undefined, format?: string): string {
  if (format) return `<c:numFmt formatCode="${xmlEscape(format)}" sourceLinked="0"/>`;
  const big = (values ?? []).some((v) => Math.abs(v) >= 1000);
  return big ? `<c:numFmt formatCode="#,##0" sourceLinked="0"/>` : `<c:numFmt formatCode="General" sourceLinked="1"/>`;
}

function axis(kind: "catAx" | "valAx", id: number, cross: number, o: AxisOptions): string {
  const lang = o.lang === "ja" ? "ja-JP" : "en-US";
  const head =
    `<c:axId val="${id}"/>` +
    `<c:scaling><c:orientation val="${o.reversed ? "maxMin" : "minMax"}"/>` +
    (o.bounds ? `<c:max val="${o.bounds.max}"/><c:min val="${o.bounds.min}"/>` : "") +
    `</c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${o.pos}"/>` +
    (o.gridlines ? `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` : "") +
    richTitle(o.title, 1000, lang, o.pos === "l") +
    (kind === "valAx" ? axisFormat(o.values, o.format) : `<c:numFmt formatCode="General" sourceLinked="1"/>`) +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    // Category labels sit at the low end so negative bars do not run over them.
    `<c:tickLblPos val="${kind === "catAx" ? "low" : "nextTo"}"/>` +
    `<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>` +
    // 9-point tick labels so that a dozen or more sector names fit beside a chart of ~20 rows.
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="${lang}"/></a:p></c:txPr>` +
    `<c:crossAx val="${cross}"/>` +
    `<c:crosses val="${o.crossesMax ? "max" : "autoZero"}"/>`;
  if (kind === "catAx") {
    return `<c:catAx>${head}<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
      // Every category labelled: a sector chart with every other name missing is unreadable.
      `<c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  }
  return `<c:valAx>${head}<c:crossBetween val="${o.midCat ? "midCat" : "between"}"/></c:valAx>`;
}
