// Label variants of published tables of other years and regions, read without a mapping:
// MIC 2015 and 2020 (split 輸出/輸入 by trade type, 資本減耗引当（社会資本等減耗分）, 家計消費支出 +
// 対家計民間非営利団体消費支出), prefectural 輸出計/移出計/移輸出計 as in Aomori's 2020 table,
// Tokyo-style labels with units and (控除) items, and ONS/Eurostat/OECD English and code labels.

import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/engine/grid";
import { readTable, recognizeLayout } from "../../../src/engine/table";
import { gridOf, micGrid, randomMicParts, type Labelled, type MicParts } from "./fixtures";

/** Splits a column into parts with the given shares, in whole units, parts adding up exactly. */
function split(col: Labelled, parts: { name: string; share: number }[]): Labelled[] {
  const out = parts.map((p) => ({ name: p.name, values: col.values.map((v) => Math.round(v * p.share)) }));
  const last = out[out.length - 1];
  last.values = col.values.map((v, i) => v - out.slice(0, -1).reduce((s, c) => s + c.values[i], 0));
  return out;
}

function expectSame(parts: MicParts, t: ReturnType<typeof readTable>) {
  expect(t.Z).toEqual(parts.Z);
  expect(t.x).toEqual(parts.x);
  const byRole = (pred: (r: string) => boolean) => t.finalDemand.filter((v) => pred(v.role)).map((v) => v.values);
  expect(byRole((r) => r.startsWith("fd:"))).toEqual(parts.fd.map((c) => c.values));
  expect(byRole((r) => r === "export")).toEqual(parts.exports.map((c) => c.values));
  expect(byRole((r) => r === "import")).toEqual(parts.imports.map((c) => c.values));
  expect(t.primaryInputs.map((v) => v.values)).toEqual(parts.va.map((r) => r.values));
  expect(t.warnings).toEqual([]);
}

const colRoles = (layout: ReturnType<typeof recognizeLayout>) =>
  Object.fromEntries(layout.cols.filter((l) => l.role !== "sector").map((l) => [l.name, l.role + (l.totalOf ? `/${l.totalOf}` : "")]));
const rowRoles = (layout: ReturnType<typeof recognizeLayout>) =>
  Object.fromEntries(layout.rows.filter((l) => l.role !== "sector").map((l) => [l.name, l.role + (l.totalOf ? `/${l.totalOf}` : "")]));

describe("MIC national tables of other years", () => {
  it("2015 labels (37 sectors): trade-type exports and imports, 調整項, 社会資本等減耗分", () => {
    const base = randomMicParts(37, "mic2015");
    const [hhOut, priv, gov, gPub, gPriv, inv] = base.fd;
    const parts: MicParts = {
      ...base,
      fd: [
        { ...hhOut, name: "家計外消費支出（列）" },
        { ...priv, name: "民間消費支出" },
        ...split(gov, [
          { name: "一般政府消費支出", share: 0.8 },
          { name: "一般政府消費支出（社会資本等減耗分）", share: 0.2 },
        ]),
        { ...gPub, name: "国内総固定資本形成（公的）" },
        { ...gPriv, name: "国内総固定資本形成（民間）" },
        ...split(inv, [
          { name: "在庫純増", share: 0.9 },
          { name: "調整項", share: 0.1 },
        ]),
      ],
      exports: split({ name: "", values: base.exports[0].values.map((v, i) => v + base.exports[1].values[i]) }, [
        { name: "輸出（普通貿易）", share: 0.85 },
        { name: "輸出（特殊貿易）", share: 0.05 },
        { name: "輸出（直接購入）", share: 0.1 },
      ]),
      imports: [
        ...split(base.imports[0], [
          { name: "（控除）輸入（普通貿易）", share: 0.9 },
          { name: "（控除）輸入（特殊貿易）", share: 0.04 },
          { name: "（控除）輸入（直接購入）", share: 0.06 },
        ]),
        { ...base.imports[1], name: "（控除）関税" },
        { ...base.imports[2], name: "（控除）輸入品商品税" },
      ],
      va: [
        { ...base.va[0], name: "家計外消費支出（行）" },
        { ...base.va[1], name: "雇用者所得" },
        { ...base.va[2], name: "営業余剰" },
        ...split(base.va[3], [
          { name: "資本減耗引当", share: 0.8 },
          { name: "資本減耗引当（社会資本等減耗分）", share: 0.2 },
        ]),
        { ...base.va[4], name: "間接税（除関税・輸入品商品税）" },
        { ...base.va[5], name: "（控除）経常補助金" },
      ],
    };
    const grid = micGrid(parts, { title: "平成27年（2015年）産業連関表 統合大分類（37部門）生産者価格評価表（単位：百万円）" });
    const layout = recognizeLayout(grid);
    expect(layout.unit).toBe("百万円");
    expect(layout.importType).toBe("competitive");
    const cols = colRoles(layout);
    expect(cols).toMatchObject({
      "家計外消費支出（列）": "fd:household-outside",
      民間消費支出: "fd:household",
      一般政府消費支出: "fd:government",
      "一般政府消費支出（社会資本等減耗分）": "fd:government",
      "国内総固定資本形成（公的）": "fd:investment",
      "国内総固定資本形成（民間）": "fd:investment",
      在庫純増: "fd:inventory",
      調整項: "fd:other",
      "輸出（普通貿易）": "export",
      "輸出（特殊貿易）": "export",
      "輸出（直接購入）": "export",
      輸出計: "subtotal/export",
      "（控除）輸入（普通貿易）": "import",
      "（控除）輸入（直接購入）": "import",
      "（控除）関税": "import",
      "（控除）輸入品商品税": "import",
      "（控除）輸入計": "subtotal/import",
      国内生産額: "output",
    });
    expect(rowRoles(layout)).toMatchObject({
      "家計外消費支出（行）": "va:household-outside",
      "資本減耗引当（社会資本等減耗分）": "va:depreciation",
      "間接税（除関税・輸入品商品税）": "va:tax-production",
      "（控除）経常補助金": "va:subsidy",
      粗付加価値部門計: "subtotal/value-added",
    });
    expectSame(parts, readTable(grid));
  });

  it("2020 labels: 家計消費支出 and 対家計民間非営利団体消費支出 instead of 民間消費支出", () => {
    const base = randomMicParts(12, "mic2020");
    const parts: MicParts = {
      ...base,
      fd: [
        base.fd[0],
        ...split(base.fd[1], [
          { name: "家計消費支出", share: 0.95 },
          { name: "対家計民間非営利団体消費支出", share: 0.05 },
        ]),
        ...base.fd.slice(2),
      ],
    };
    const grid = micGrid(parts, { title: "令和2年（2020年）産業連関表（速報）　単位：百万円" });
    const layout = recognizeLayout(grid);
    expect(colRoles(layout)).toMatchObject({ 家計消費支出: "fd:household", 対家計民間非営利団体消費支出: "fd:other" });
    expectSame(parts, readTable(grid));
  });
});

describe("prefectural tables", () => {
  it("輸出計 and 移出計 as the items and 移輸出計 as their total (Aomori 2020)", () => {
    const base = randomMicParts(8, "aomori", { prefectural: true });
    const parts: MicParts = {
      ...base,
      exports: [
        { ...base.exports[0], name: "輸出計" },
        { ...base.exports[1], name: "移出計" },
      ],
      imports: [
        { ...base.imports[0], name: "（控除）輸入計" },
        { ...base.imports[1], name: "（控除）移入計" },
      ],
    };
    const grid = micGrid(parts, { prefectural: true });
    const cols = colRoles(recognizeLayout(grid));
    expect(cols).toMatchObject({
      輸出計: "export",
      移出計: "export",
      移輸出計: "subtotal/export",
      "（控除）輸入計": "import",
      "（控除）移入計": "import",
      "（控除）移輸入計": "subtotal/import",
    });
    expectSame(parts, readTable(grid));
  });

  it("移輸出 / （控除）移輸入 in one column each", () => {
    const base = randomMicParts(6, "iyu", { prefectural: true });
    const sum = (a: Labelled[]) => ({ name: "", values: a[0].values.map((_, i) => a.reduce((s, c) => s + c.values[i], 0)) });
    const parts: MicParts = {
      ...base,
      exports: [{ ...sum(base.exports), name: "移輸出" }],
      imports: [{ ...sum(base.imports), name: "（控除）移輸入" }],
    };
    const grid = micGrid(parts, { prefectural: true });
    expect(colRoles(recognizeLayout(grid))).toMatchObject({ 移輸出: "export", "（控除）移輸入": "import" });
    expectSame(parts, readTable(grid));
  });

  it("Tokyo-style labels: units in the label, 他地域… exports and (控除)都民支出-like deductions", () => {
    const base = randomMicParts(7, "tokyo", { prefectural: true });
    const unit = (s: string) => `${s}（百万円）`;
    const parts: MicParts = {
      ...base,
      fd: base.fd.map((c) => ({ ...c, name: unit(c.name.replace("県内", "都内")) })),
      exports: [
        ...split(base.exports[1], [
          { name: unit("移出"), share: 0.8 },
          { name: unit("他地域事業所家計外消費支出"), share: 0.05 },
          { name: unit("他地域民支出"), share: 0.15 },
        ]),
        { ...base.exports[0], name: unit("輸出") },
      ],
      imports: [
        ...split(base.imports[1], [
          { name: unit("（控除）移入"), share: 0.9 },
          { name: unit("（控除）都事業所家計外消費支出"), share: 0.03 },
          { name: unit("（控除）都民支出"), share: 0.07 },
        ]),
        { ...base.imports[0], name: unit("（控除）輸入") },
      ],
      va: base.va.map((r) => ({ ...r, name: unit(r.name) })),
    };
    const grid = micGrid(parts, { prefectural: true, title: "平成27年（2015年）東京都産業連関表" });
    const layout = recognizeLayout(grid);
    expect(colRoles(layout)).toMatchObject({
      "他地域事業所家計外消費支出（百万円）": "export",
      "他地域民支出（百万円）": "export",
      "（控除）都事業所家計外消費支出（百万円）": "import",
      "（控除）都民支出（百万円）": "import",
      "民間消費支出（百万円）": "fd:household",
    });
    expect(rowRoles(layout)).toMatchObject({ "雇用者所得（百万円）": "va:compensation", "（控除）経常補助金（百万円）": "va:subsidy" });
    expectSame(parts, readTable(grid));
  });
});

describe("English and code labels (ONS, Eurostat, OECD)", () => {
  it("reads a domestic-use table with the TABLES.md labels, 'Total use' and colon labels", () => {
    const header: CellValue[] = [
      "Product",
      "Agriculture",
      "Industry",
      "Services",
      "Total intermediate consumption",
      "Final consumption expenditure by households",
      "Final consumption expenditure by non-profit organisations serving households (NPISH)",
      "Final consumption expenditure: Central government",
      "Gross fixed capital formation",
      "Valuables",
      "Changes in inventories",
      "Exports of goods and services",
      "Total use",
      "Total output at basic prices",
    ];
    const v: CellValue[][] = [
      ["Domestic use table at basic prices (million EUR)"],
      header,
      ["Agriculture", 10, 20, 5, 35, 40, 0, 0, 5, 0, 1, 19, 100, 100],
      ["Industry", 15, 60, 25, 100, 80, 2, 3, 39, 1, -1, 76, 300, 300],
      ["Services", 5, 40, 80, 125, 200, 10, 100, 30, 0, 0, 35, 500, 500],
      ["Total intermediate consumption", 30, 120, 110, 260],
      ["Imports of goods and services", 8, 50, 20, 78],
      ["Taxes less subsidies on products", 2, 10, 10, 22],
      ["Compensation of employees", 30, 70, 200, 300],
      ["Taxes less subsidies on production", 1, 5, 5, 11],
      ["Gross operating surplus and mixed income", 29, 45, 155, 229],
      ["Gross value added", 60, 120, 360, 540],
      ["Total output at basic prices", 100, 300, 500, 900],
    ];
    const layout = recognizeLayout(gridOf(v, "Domestic use"));
    expect(layout.unit).toBe("million EUR");
    expect(layout.importType).toBe("domestic");
    expect(colRoles(layout)).toEqual({
      "Total intermediate consumption": "subtotal",
      "Final consumption expenditure by households": "fd:household",
      "Final consumption expenditure by non-profit organisations serving households (NPISH)": "fd:other",
      "Final consumption expenditure: Central government": "fd:government",
      "Gross fixed capital formation": "fd:investment",
      Valuables: "fd:other",
      "Changes in inventories": "fd:inventory",
      "Exports of goods and services": "export",
      "Total use": "output",
      "Total output at basic prices": "subtotal",
    });
    expect(rowRoles(layout)).toEqual({
      "Total intermediate consumption": "subtotal",
      "Imports of goods and services": "import",
      "Taxes less subsidies on products": "tax-products",
      "Compensation of employees": "va:compensation",
      "Taxes less subsidies on production": "va:tax-production",
      "Gross operating surplus and mixed income": "va:surplus",
      "Gross value added": "subtotal/value-added",
      "Total output at basic prices": "output",
    });
    const t = readTable(gridOf(v, "Domestic use"));
    expect(t.x).toEqual([100, 300, 500]);
    expect(t.warnings.map((w) => w.code)).toEqual(["table.second-output"]);
  });

  it("reads Eurostat/OECD codes as labels (P3_S14, P5M, D21X31, B2A3N, TLS, VA, OUT)", () => {
    const v: CellValue[][] = [
      ["", "A", "B", "P3_S14", "P3_S13", "P51G", "P5M", "P6", "OUT"],
      ["A", 10, 20, 30, 0, 10, 0, 30, 100],
      ["B", 30, 40, 60, 20, 30, 5, 15, 200],
      ["P7", 5, 20],
      ["TLS", 5, 10],
      ["D1", 20, 60],
      ["B2A3N", 30, 50],
      ["VA", 50, 110],
      ["OUT", 100, 200],
    ];
    const layout = recognizeLayout(gridOf(v));
    expect(colRoles(layout)).toEqual({ P3_S14: "fd:household", P3_S13: "fd:government", P51G: "fd:investment", P5M: "fd:inventory", P6: "export", OUT: "output" });
    expect(rowRoles(layout)).toEqual({ P7: "import", TLS: "tax-products", D1: "va:compensation", B2A3N: "va:surplus", VA: "subtotal/value-added", OUT: "output" });
    const t = readTable(gridOf(v));
    expect(t.x).toEqual([100, 200]);
    expect(t.warnings).toEqual([]);
  });
});

describe("e-Stat database download", () => {
  it("reads labels written 'code_name' (01_農林水産業, 87_（控除）輸入計)", () => {
    const parts = randomMicParts(5, "estat");
    const grid = micGrid(parts, { labels: "combined", title: "産業連関表（e-Stat）" });
    grid.values = grid.values.map((row) => row.map((v) => (typeof v === "string" ? v.replace(/^(\d+) /, "$1_") : v)));
    const t = readTable(grid);
    expect(t.sectors[0]).toEqual({ code: "01", name: "部門1", label: "部門1" });
    expect(t.layout!.cols.find((l) => l.code === "87")).toMatchObject({ name: "（控除）輸入計", role: "subtotal", totalOf: "import" });
    expectSame(parts, t);
  });
});
