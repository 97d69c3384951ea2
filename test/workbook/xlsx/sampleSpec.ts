// A results workbook exercising every feature of the file writer: styles, number formats,
// formulas (plain and array), text that looks like formulas, Japanese sheet names, charts of
// every type, a chart reading another sheet.
import type { WorkbookSpec } from "../../../src/report/spec";

export const SECTORS = ["農林水産業", "鉱業", "製造業", "建設", "電力・ガス・水道", "商業", "金融・保険"];
export const STAGES = ["直接効果", "第1次間接効果", "第2次間接効果"];
/** Effects by sector (rows) and stage (columns), 百万円; includes negatives and a fraction. */
export const EFFECTS = SECTORS.map((_, i) => [100 + i * 10.5, 50 - i * 12, 20 + i]);
export const TRICKY_TEXT = ["=SUM(A1)", "-5%", "+1", "@x"];

export function sampleSpec(): WorkbookSpec {
  const rows = SECTORS.length;
  const totalB = EFFECTS.reduce((s, r) => s + r[0], 0);
  return {
    lang: "ja",
    provenance: {
      software: "Ripple",
      version: "0.1.0",
      createdAt: "2024-04-01T09:00:00Z",
      inputs: [],
      parameters: [],
      variants: [],
      warnings: [],
    },
    sheets: [
      {
        key: "summary",
        name: "集計",
        tabColor: "#1F77B4",
        freeze: { rows: 2, cols: 1 },
        columnWidths: { 0: 18, 1: 12, 2: 14, 3: 14 },
        blocks: [
          { row: 0, col: 0, style: "title", values: [["波及効果の集計（百万円）"]] },
          { row: 1, col: 0, style: "header", values: [["部門", ...STAGES]] },
          {
            row: 2,
            col: 0,
            style: "body",
            values: SECTORS.map((s, i) => [s, ...EFFECTS[i]]),
            numberFormat: [null, "#,##0.0", "#,##0.0", "#,##0.0"],
          },
          {
            row: 2 + rows,
            col: 0,
            style: "total",
            values: [["合計", { formula: `SUM(B3:B${2 + rows})`, value: totalB }, null, null]],
            numberFormat: "#,##0.0",
          },
          { row: 3 + rows, col: 0, style: "note", values: [TRICKY_TEXT] },
          {
            row: 5 + rows,
            col: 0,
            values: [
              [{ formula: "MMULT(B3:C4,B4:C5)", value: 100 * 110.5 + 50 * 121, array: { rows: 2, cols: 2 } }, 100 * 38 + 50 * 26],
              [110.5 * 110.5 + 38 * 121, 110.5 * 38 + 38 * 26],
            ],
          },
        ],
        charts: [
          {
            type: "columnStacked",
            title: "部門別・段階別の生産誘発額",
            categories: { row: 2, col: 0, rows, cols: 1 },
            series: STAGES.map((name, k) => ({ name, values: { row: 2, col: 1 + k, rows, cols: 1 } })),
            xAxisTitle: "部門",
            yAxisTitle: "百万円",
            anchor: { row: 0, col: 5, widthCols: 8, heightRows: 16 },
          },
          {
            type: "bar",
            title: "直接効果（部門別）",
            categories: { row: 2, col: 0, rows, cols: 1 },
            series: [{ name: STAGES[0], values: { row: 2, col: 1, rows, cols: 1 } }],
            xAxisTitle: "部門",
            yAxisTitle: "百万円",
            anchor: { row: 17, col: 5, widthCols: 8, heightRows: 16 },
          },
          {
            type: "line",
            title: "第1次間接効果の推移",
            categories: { row: 2, col: 0, rows, cols: 1 },
            series: [{ name: STAGES[1], values: { row: 2, col: 2, rows, cols: 1 } }],
            anchor: { row: 17, col: 0, widthCols: 4, heightRows: 16 },
          },
        ],
      },
      {
        key: "linkages",
        name: "Linkages 2011",
        blocks: [
          { row: 0, col: 0, style: "header", values: [["部門", "影響力係数", "感応度係数"]] },
          { row: 1, col: 0, values: SECTORS.map((s, i) => [s, 0.8 + i * 0.07, 1.25 - i * 0.06]), numberFormat: "0.000" },
          { row: 9, col: 0, style: "subtitle", values: [["基準線（1.0）"]] },
          { row: 10, col: 0, values: [["x", 0.7, 1, 1, 1]] },
          { row: 11, col: 0, values: [["y", 1, 1, 0.7, 1.4]] },
        ],
        charts: [
          {
            type: "scatter",
            title: "影響力係数と感応度係数",
            series: [
              { name: "部門", x: { row: 1, col: 1, rows, cols: 1 }, values: { row: 1, col: 2, rows, cols: 1 }, labels: { row: 1, col: 0, rows, cols: 1 } },
              { name: "基準線", style: "line", x: { row: 10, col: 1, rows: 1, cols: 2 }, values: { row: 11, col: 1, rows: 1, cols: 2 } },
              { name: "基準線", style: "line", x: { row: 10, col: 3, rows: 1, cols: 2 }, values: { row: 11, col: 3, rows: 1, cols: 2 } },
            ],
            xAxisTitle: "影響力係数",
            yAxisTitle: "感応度係数",
            anchor: { row: 0, col: 6, widthCols: 8, heightRows: 18 },
          },
          {
            // Categories and values on another sheet, whose name needs quoting.
            type: "barStacked",
            title: "Effects by stage",
            categories: { sheet: "集計", row: 2, col: 0, rows, cols: 1 },
            series: STAGES.map((name, k) => ({ name, values: { sheet: "集計", row: 2, col: 1 + k, rows, cols: 1 } })),
            yAxisTitle: "百万円",
            anchor: { row: 19, col: 6, widthCols: 8, heightRows: 16 },
          },
        ],
      },
    ],
  };
}
