// Shared by the flow tests (Node and browser): the Japan 2011 13-sector table and how to fill
// the inserted project template with plans, cell by cell, as a user would type them.

import type { FakeValue } from "../workbook/office/fakeExcel";

export const TABLE_SHEET = "取引基本表";

/** One plan as typed into the project sheet, by header (Japanese template). Capex by FY. */
export interface TypedPlan {
  cells: Record<string, FakeValue>;
  capex: Record<number, number>;
}

export const PLAN_A: TypedPlan = {
  cells: {
    計画ID: "P-01",
    事業者名: "例示磁石株式会社A",
    非公開: true,
    磁石種別: "ネオジム焼結磁石",
    補助率: 1 / 3,
    "能力増強（t/年）": 1000,
    稼働開始年度: 2027,
    立上げ年数: 2,
    稼働率: 0.8,
    "単価（円/kg）": 9000,
    販売先: "輸入代替",
    置換率: 0.2,
    産業部門: "03 製造業",
    投資転換表: "標準",
    進捗: "計画どおり",
  },
  capex: { 2025: 3000, 2026: 4500 },
};

export const PLAN_B: TypedPlan = {
  cells: {
    計画ID: "P-02",
    事業者名: "例示リサイクル株式会社B",
    非公開: false,
    磁石種別: "磁石リサイクル",
    補助率: 0.5,
    "能力増強（t/年）": 200,
    稼働開始年度: 2027,
    立上げ年数: 1,
    稼働率: 0.7,
    "単価（円/kg）": 9000,
    販売先: "新規国内需要",
    置換率: 0.3,
    産業部門: "03 製造業",
    投資転換表: "標準",
    進捗: "遅延",
  },
  capex: { 2026: 1500 },
};

/** Cells to write (row, col, value) for plans on a project sheet whose values are `sheet`:
 * columns found by their headers, rows from the first after the header row. */
export function planCells(sheet: FakeValue[][], plans: TypedPlan[]): [number, number, FakeValue][] {
  const headerRow = sheet.findIndex((row) => row.includes("計画ID"));
  if (headerRow < 0) throw new Error("no header row with 計画ID on the project sheet");
  const header = sheet[headerRow];
  const col = (h: string) => {
    const c = header.indexOf(h);
    if (c < 0) throw new Error(`no column '${h}' on the project sheet (headers: ${header.join(", ")})`);
    return c;
  };
  const out: [number, number, FakeValue][] = [];
  plans.forEach((p, i) => {
    const r = headerRow + 1 + i;
    for (const [h, v] of Object.entries(p.cells)) out.push([r, col(h), v]);
    for (const [y, v] of Object.entries(p.capex)) out.push([r, col(`設備投資 FY${y}（百万円）`), v]);
  });
  return out;
}
