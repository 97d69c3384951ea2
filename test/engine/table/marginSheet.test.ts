// Margin rates from a labelled sheet in the layout Aomori publishes (engine/table/marginSheet.ts),
// on the 13-sector sample table: the producer-price shock by hand for each group, the group
// choice, and every refusal with its sheet and cell.

import { describe, expect, it } from "vitest";
import { readTable } from "../../../src/engine/table";
import { parseMarginsGrid, purchaserToProducer } from "../../../src/engine/table/margins";
import { marginGroups, marginSheetDescription } from "../../../src/engine/table/marginSheet";
import type { CellValue } from "../../../src/engine/grid";
import { aomoriMarginRows, gridOf, loadSharedCsv, refusal } from "./fixtures";

const TABLE = readTable(loadSharedCsv("data/jp-io-2011-13/io2011_13sector_ja.csv"));
const SHEET = "(参考)マージン率";
const sheet = (edit?: (rows: CellValue[][]) => void) => gridOf(aomoriMarginRows(edit), SHEET);
const at = (name: string) => TABLE.sectors.findIndex((s) => s.label === name);
// Data rows start at sheet row 10 (index 9); the sectors in AOMORI_MARGIN_SECTORS order.
const ROW = { 鉱業: 11, 製造業: 12, 建設: 13 };

function shock(entries: Record<string, number>): number[] {
  const v = TABLE.sectors.map(() => 0);
  for (const [k, x] of Object.entries(entries)) v[at(k)] = x;
  return v;
}

describe("margin rates from a labelled sheet (Aomori layout)", () => {
  it("需要合計: 製造業 1000 at 20 % / 5 %, 建設 500 without margins, by hand; names matched, codes of another classification not used", () => {
    const rates = parseMarginsGrid(TABLE, sheet(), "m.csv", "需要合計");
    const c = purchaserToProducer(TABLE, shock({ 製造業: 1000, 建設: 500 }), rates);
    // 製造業 1000 × (1 − 0.2 − 0.05) = 750; 商業 + 200; 運輸・郵便 + 50; 建設 500.
    expect(c.producer).toEqual(shock({ 製造業: 750, 建設: 500, 商業: 200, "運輸・郵便": 50 }));
    expect(rates.rows).toHaveLength(13);
    expect(rates.sheet).toEqual({ sheet: SHEET, group: "需要合計", trade: "H", transport: "I", a: "E", checked: true });
  });

  it("民間消費支出: 30 % / 4 %; 鉱業's negative rates are not used when 鉱業 is not shocked", () => {
    const rates = parseMarginsGrid(TABLE, sheet(), "m.csv", "民間消費支出");
    const c = purchaserToProducer(TABLE, shock({ 製造業: 1000, 建設: 500 }), rates);
    // 製造業 1000 × (1 − 0.3 − 0.04) = 660; 商業 + 300; 運輸・郵便 + 40.
    expect(c.producer).toEqual(shock({ 製造業: 660, 建設: 500, 商業: 300, "運輸・郵便": 40 }));
    expect(rates.sheet).toMatchObject({ group: "民間消費支出", trade: "N", transport: "O", a: "K" });
    const d = marginSheetDescription(rates.sheet!);
    expect(d.ja).toContain("「民間消費支出」");
    expect(d.ja).toContain("K列");
    expect(d.en).toContain("'民間消費支出'");
  });

  it("lists the groups; with two, one must be named (ja and en); an unknown one is refused with those found", () => {
    expect(marginGroups(TABLE, sheet())).toEqual(["需要合計", "民間消費支出"]);
    let e = refusal(() => parseMarginsGrid(TABLE, sheet(), "m.csv"));
    expect(e.code).toBe("margins.group-needed");
    expect(e.where).toMatchObject({ sheet: SHEET, cell: "H8" });
    expect(e.format("ja")).toContain("「需要合計」「民間消費支出」");
    expect(e.format("ja")).toContain("--margins-column");
    expect(e.format("en")).toContain("需要合計, 民間消費支出");
    e = refusal(() => parseMarginsGrid(TABLE, sheet(), "m.csv", "家計消費"));
    expect(e.code).toBe("margins.group-unknown");
    expect(e.format("ja")).toContain("「家計消費」");
    expect(e.format("en")).toContain("Found: 需要合計, 民間消費支出");
  });

  it("with one group no choice is needed", () => {
    const one = sheet((rows) => rows.forEach((r) => r.splice(9)));
    expect(marginGroups(TABLE, one)).toEqual(["需要合計"]);
    const rates = parseMarginsGrid(TABLE, one, "m.csv");
    expect(purchaserToProducer(TABLE, shock({ 製造業: 1000 }), rates).producer[at("製造業")]).toBe(750);
  });

  it("refuses a negative rate of a shocked sector, naming the cell", () => {
    const rates = parseMarginsGrid(TABLE, sheet(), "m.csv", "民間消費支出");
    const e = refusal(() => purchaserToProducer(TABLE, shock({ 鉱業: 100 }), rates));
    expect(e.code).toBe("margins.out-of-range");
    expect(e.where).toMatchObject({ sheet: SHEET, cell: `N${ROW.鉱業}` });
  });

  it("refuses a rate that is not margin ÷ purchaser amount to its printed digits; a rounded rate within them is read", () => {
    // 製造業 需要合計: B/A = 0.2 exactly. Printed 0.21 is refused at H12.
    let e = refusal(() => parseMarginsGrid(TABLE, sheet((rows) => (rows[ROW.製造業 - 1][7] = 0.21)), "m.csv", "需要合計"));
    expect(e.code).toBe("margins.derived");
    expect(e.where).toMatchObject({ sheet: SHEET, cell: `H${ROW.製造業}` });
    expect(e.format("ja")).toContain("F12");
    // 農林水産業: 4538840 / 14479112 = 0.313475…; printed to 4 digits 0.3135 is within them, 0.3136 is not.
    expect(() => parseMarginsGrid(TABLE, sheet((rows) => (rows[9][7] = 0.3135)), "m.csv", "需要合計")).not.toThrow();
    e = refusal(() => parseMarginsGrid(TABLE, sheet((rows) => (rows[9][7] = 0.3136)), "m.csv", "需要合計"));
    expect(e.where.cell).toBe("H10");
    // The transport rate too, in the other group.
    e = refusal(() => parseMarginsGrid(TABLE, sheet((rows) => (rows[ROW.製造業 - 1][14] = 0.05)), "m.csv", "民間消費支出"));
    expect(e.where.cell).toBe(`O${ROW.製造業}`);
  });

  it("refuses a row whose sector is not in the table, a repeated row, and a shocked sector without a row", () => {
    let e = refusal(() => parseMarginsGrid(TABLE, sheet((rows) => (rows[ROW.建設 - 1][2] = "鉄鋼")), "m.csv", "需要合計"));
    expect(e.code).toBe("margins.unknown-sector");
    expect(e.where).toMatchObject({ sheet: SHEET, cell: `C${ROW.建設}` });
    e = refusal(() => parseMarginsGrid(TABLE, sheet((rows) => (rows[ROW.建設 - 1][2] = "製造業")), "m.csv", "需要合計"));
    expect(e.code).toBe("margins.duplicate");
    const rates = parseMarginsGrid(TABLE, sheet((rows) => rows.splice(ROW.建設 - 1, 1)), "(参考)マージン率", "需要合計");
    e = refusal(() => purchaserToProducer(TABLE, shock({ 建設: 500 }), rates));
    expect(e.code).toBe("margins.missing");
    expect(e.format("ja")).toContain("建設");
    expect(e.format("ja")).toContain("(参考)マージン率");
  });

  it("refuses a blank rate of a shocked sector; blank where nothing is shocked is left alone", () => {
    const rates = parseMarginsGrid(TABLE, sheet((rows) => (rows[ROW.建設 - 1][7] = "")), "m.csv", "需要合計");
    expect(purchaserToProducer(TABLE, shock({ 製造業: 1000 }), rates).producer[at("製造業")]).toBe(750);
    const e = refusal(() => purchaserToProducer(TABLE, shock({ 建設: 500 }), rates));
    expect(e.code).toBe("margins.not-number");
    expect(e.where.cell).toBe(`H${ROW.建設}`);
  });

  it("a group named for a three-column range is refused, not ignored", () => {
    const three = gridOf([["部門", "商業マージン率", "運輸マージン率"], ["製造業", 0.2, 0.05]], "m");
    const e = refusal(() => parseMarginsGrid(TABLE, three, "m", "需要合計"));
    expect(e.code).toBe("margins.group-unknown");
    expect(parseMarginsGrid(TABLE, three, "m").rows).toHaveLength(1);
  });

  it("取引基本表 printed once over two columns (merged cell) still finds A just left of 商業マージン表", () => {
    const merged = sheet((rows) => {
      rows[7][3] = "取引基本表";
      rows[7][4] = null;
    });
    const rates = parseMarginsGrid(TABLE, merged, "m.csv", "需要合計");
    expect(rates.sheet).toMatchObject({ a: "E", checked: true });
  });

  it("a sheet with codes and no names matches the codes, as a shock's labels are", () => {
    const codes = gridOf(
      [
        [null, "取引基本表", "商業マージン表", "国内貨物運賃表", "商業マージン率", "運輸マージン率"],
        ["03", 400000, 80000, 20000, 0.2, 0.05],
        ["04", 100000, 0, 0, 0, 0],
      ],
      "codes",
    );
    const c = purchaserToProducer(TABLE, shock({ 製造業: 1000, 建設: 500 }), parseMarginsGrid(TABLE, codes, "m"));
    expect(c.producer).toEqual(shock({ 製造業: 750, 建設: 500, 商業: 200, "運輸・郵便": 50 }));
  });
});
