// A small projects-style results spec with the tags a projects report writes: per-plan rows and
// columns, aggregates with the plans they sum, a per-plan sheet, charts over the plan rows and
// confidential names and capex figures in notes and provenance. Five plans: P-01 public,
// P-02 … P-05 confidential.
import type { BlockSpec, RowTag, WorkbookSpec } from "../../../src/report/spec";

export const PLANS = [
  { id: "P-01", company: "公開マグネット株式会社", confidential: false, capex: 1234.5, gva: 800 },
  { id: "P-02", company: "秘密磁材工業株式会社", confidential: true, capex: 3456.25, gva: 2100 },
  { id: "P-03", company: "Hidden Rare Earth KK", confidential: true, capex: 5678.75, gva: 3300 },
  { id: "P-04", company: "非公開リサイクル合同会社", confidential: true, capex: 2345.125, gva: 1500 },
  { id: "P-05", company: "極秘焼結株式会社", confidential: true, capex: 4567.875, gva: 2700 },
];
export const CONFIDENTIAL = {
  strings: PLANS.filter((p) => p.confidential).map((p) => p.company),
  numbers: PLANS.filter((p) => p.confidential).map((p) => p.capex),
};
const ALL = PLANS.map((p) => p.id);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** GVA by year: 2025 only P-02 invests; 2026 P-01…P-04; 2027 all. */
export const YEARS = [
  { year: 2025, plans: ["P-02"], gva: 210, subsidy: 100 },
  { year: 2026, plans: ["P-01", "P-02", "P-03", "P-04"], gva: 4200, subsidy: 900 },
  { year: 2027, plans: ALL, gva: 6100, subsidy: 300 },
];

export function projectsSpec(): WorkbookSpec {
  const planRows = PLANS.map((p) => [p.id, p.company, p.capex, p.gva]);
  const planTags: Record<number, RowTag> = Object.fromEntries(PLANS.map((p, i) => [i, { project: { id: p.id, confidential: p.confidential } }]));
  const byPlan: BlockSpec = { row: 2, col: 0, values: planRows, style: "body", rowTags: planTags };
  const byYearRows = YEARS.map((y) => [`${y.year}年度`, y.gva, y.subsidy]);
  const yearTags: Record<number, RowTag> = Object.fromEntries(YEARS.map((y, i) => [i, { projects: y.plans, key: `year:${y.year}` }]));
  return {
    lang: "ja",
    sheets: [
      {
        key: "summary",
        name: "政策評価サマリー",
        blocks: [
          { row: 0, col: 0, values: [["政策評価の結果"]], style: "title" },
          {
            row: 2,
            col: 0,
            values: [
              ["粗付加価値誘発額（全計画）", sum(PLANS.map((p) => p.gva))],
              ["粗付加価値誘発額（NdFeB 計画）", sum(PLANS.slice(0, 4).map((p) => p.gva))],
              ["設備投資額（全計画）", sum(PLANS.map((p) => p.capex))],
            ],
            style: "body",
            rowTags: {
              0: { projects: ALL, measure: "gva" },
              1: { projects: ALL.slice(0, 4), measure: "gva" },
              2: { projects: ALL, measure: "capex" },
            },
          },
          { row: 6, col: 0, values: [[`注: P-02（秘密磁材工業株式会社）の設備投資 3,456.25 百万円を含む`]], style: "note" },
        ],
      },
      {
        key: "byProject",
        name: "計画別",
        blocks: [
          { row: 0, col: 0, values: [["計画ID", "事業者名", "設備投資（百万円）", "粗付加価値誘発額（百万円）"]], style: "header" },
          byPlan,
          { row: 8, col: 0, values: [["合計", null, sum(PLANS.map((p) => p.capex)), sum(PLANS.map((p) => p.gva))]], style: "total", rowTags: { 0: { projects: ALL, measure: "plans" } } },
          {
            row: 10,
            col: 0,
            values: [["年度", ...PLANS.map((p) => p.company)], ["2027年度", ...PLANS.map((p) => p.gva / 2)]],
            style: "body",
            colTags: Object.fromEntries(PLANS.map((p, i) => [i + 1, { project: { id: p.id, confidential: p.confidential } }])),
          },
        ],
        charts: [
          {
            type: "bar",
            title: "計画別の設備投資",
            categories: { row: 2, col: 1, rows: 5, cols: 1 },
            series: [{ name: "設備投資", values: { row: 2, col: 2, rows: 5, cols: 1 } }],
            anchor: { row: 14, col: 0, widthCols: 6, heightRows: 14 },
          },
        ],
      },
      {
        key: "byYear",
        name: "年度別",
        blocks: [
          { row: 0, col: 0, values: [["年度", "粗付加価値誘発額", "補助金"]], style: "header" },
          { row: 1, col: 0, values: byYearRows, style: "body", rowTags: yearTags },
          {
            row: 4,
            col: 0,
            values: [["合計", sum(YEARS.map((y) => y.gva)), sum(YEARS.map((y) => y.subsidy))]],
            style: "total",
            rowTags: { 0: { projects: ALL, parts: YEARS.map((y) => `year:${y.year}`) } },
          },
        ],
        charts: [
          {
            type: "column",
            title: "年度別の粗付加価値誘発額",
            categories: { row: 1, col: 0, rows: 3, cols: 1 },
            series: [{ name: "粗付加価値誘発額", values: { row: 1, col: 1, rows: 3, cols: 1 } }],
            anchor: { row: 6, col: 0, widthCols: 6, heightRows: 12 },
          },
        ],
      },
      {
        key: "plan:P-03",
        name: "計画 Hidden Rare Earth KK",
        project: { id: "P-03", confidential: true },
        blocks: [{ row: 0, col: 0, values: [["Hidden Rare Earth KK"], [5678.75]] }],
      },
      {
        key: "methods",
        name: "方法・出典",
        blocks: [
          { row: 0, col: 0, values: [["方法・出典"]], style: "title" },
          { row: 2, col: 0, values: [["計画シート（極秘焼結株式会社 を含む）", "sha256:00ff"]], style: "body" },
        ],
      },
    ],
    provenance: {
      software: "Ripple",
      version: "test",
      createdAt: "2025-01-01T00:00:00.000Z",
      inputs: [{ description: "事業計画（非公開リサイクル合同会社ほか）", sheet: "計画", range: "A1:T6", checksum: "sha256:00ff" }],
      parameters: [
        { name: "割引率", value: 0.04, source: "既定値", grade: "A", file: "defaults.csv" },
        { name: "P-05 設備投資", value: 4567.875, source: "極秘焼結株式会社 提出資料" },
      ],
      variants: ["開放型"],
      warnings: ["計画 P-03（Hidden Rare Earth KK）の稼働率が高すぎます"],
    },
  };
}
