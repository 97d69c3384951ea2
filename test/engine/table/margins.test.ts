// Purchaser-price shocks to producer prices (engine/table/margins.ts), by hand on three sectors,
// and the refusals with their cells: rates outside 0–1, rates adding up above 1, an unknown or
// repeated sector, a shocked sector without rates, no (or several) sectors to take the margins.

import { describe, expect, it } from "vitest";
import { readTable } from "../../../src/engine/table";
import { marginSector, parseMarginsGrid, purchaserToProducer } from "../../../src/engine/table/margins";
import type { CellValue } from "../../../src/engine/grid";
import { gridOf, refusal } from "./fixtures";

// A balanced 3-sector table: 製造業, 商業, 運輸 (rows and columns add up to output).
const TABLE = readTable(
  gridOf([
    ["", "製造業", "商業", "運輸", "最終需要計", "国内生産額"],
    ["製造業", 20, 5, 5, 70, 100],
    ["商業", 10, 5, 5, 30, 50],
    ["運輸", 10, 5, 5, 20, 40],
    ["粗付加価値部門計", 60, 35, 25, null, null],
    ["国内生産額", 100, 50, 40, null, null],
  ]),
);

const margins = (rows: CellValue[][]) => gridOf([["部門", "商業マージン率", "運輸マージン率"], ...rows], "マージン");

describe("purchaser-price shock to producer prices", () => {
  it("by hand: 製造業 1000 at purchaser prices with 15% trade and 5% transport margins", () => {
    const rates = parseMarginsGrid(TABLE, margins([["製造業", 0.15, "5%"], ["運輸", 0, 0]]), "マージン");
    const c = purchaserToProducer(TABLE, [1000, 0, 200], rates);
    // 製造業: 1000 × (1 − 0.15 − 0.05) = 800; 商業 gets 1000 × 0.15 = 150;
    // 運輸: its own 200 (no margins) + 1000 × 0.05 = 250. Total 1200 both ways.
    expect(c.producer).toEqual([800, 150, 250]);
    expect(c.tradeMargin).toBe(150);
    expect(c.transportMargin).toBe(50);
    expect(c.tradeMargins).toEqual([150, 0, 0]);
    expect(c.transportMargins).toEqual([50, 0, 0]);
    expect(c.tradeSector).toBe(1);
    expect(c.transportSector).toBe(2);
    expect(c.producer.reduce((a, b) => a + b, 0)).toBe(1200);
  });

  it("refuses rates outside 0–1 and rates adding up above 1, naming the cell", () => {
    let e = refusal(() => parseMarginsGrid(TABLE, margins([["製造業", 1.2, 0]]), "m"));
    expect(e.code).toBe("margins.out-of-range");
    expect(e.where).toMatchObject({ sheet: "マージン", cell: "B2" });
    e = refusal(() => parseMarginsGrid(TABLE, margins([["製造業", 0.1, -0.01]]), "m"));
    expect(e.where.cell).toBe("C2");
    e = refusal(() => parseMarginsGrid(TABLE, margins([["製造業", 0.1, 0.2], ["商業", 0.7, 0.4]]), "m"));
    expect(e.code).toBe("margins.sum");
    expect(e.where.cell).toBe("B3");
    expect(e.format("ja")).toContain("商業");
    e = refusal(() => parseMarginsGrid(TABLE, margins([["製造業", "約1割", 0]]), "m"));
    expect(e.code).toBe("margins.not-number");
  });

  it("refuses a range wider than three columns (a purchaser-price table is not read as rates), naming the cell", () => {
    const wide = gridOf(
      [
        ["部門", "内生部門計", "最終需要計", "（控除）商業マージン", "（控除）国内貨物運賃"],
        ["製造業", 0.4, 0.5, -0.15, -0.05],
      ],
      "購入者価格",
    );
    const e = refusal(() => parseMarginsGrid(TABLE, wide, "m"));
    expect(e.code).toBe("margins.wide");
    expect(e.where).toMatchObject({ sheet: "購入者価格", cell: "D1" });
    expect(e.format("ja")).toContain("3 列");
  });

  it("refuses an unknown or repeated sector and a shocked sector without rates", () => {
    let e = refusal(() => parseMarginsGrid(TABLE, margins([["製造業", 0.1, 0], ["鉄鋼", 0.1, 0]]), "m"));
    expect(e.code).toBe("margins.unknown-sector");
    expect(e.where.cell).toBe("A3");
    e = refusal(() => parseMarginsGrid(TABLE, margins([["製造業", 0.1, 0], ["製造業", 0.2, 0]]), "m"));
    expect(e.code).toBe("margins.duplicate");
    const rates = parseMarginsGrid(TABLE, margins([["製造業", 0.1, 0]]), "margins.csv");
    e = refusal(() => purchaserToProducer(TABLE, [100, 0, 10], rates));
    expect(e.code).toBe("margins.missing");
    expect(e.format("en")).toContain("margins.csv");
    expect(e.format("en")).toContain("運輸");
  });

  it("finds 商業/運輸 by label (ja and en), or refuses when none or several, or takes the user's", () => {
    expect(marginSector(TABLE, "trade")).toBe(1);
    const en = readTable(
      gridOf([
        ["", "Manufacturing", "Wholesale and retail trade", "Transport and storage", "Total final demand", "Total output"],
        ["Manufacturing", 20, 5, 5, 70, 100],
        ["Wholesale and retail trade", 10, 5, 5, 30, 50],
        ["Transport and storage", 10, 5, 5, 20, 40],
        ["Value added, gross", 60, 35, 25, null, null],
        ["Total output", 100, 50, 40, null, null],
      ]),
    );
    expect(marginSector(en, "trade")).toBe(1);
    expect(marginSector(en, "transport")).toBe(2);
    const none = readTable(
      gridOf([
        ["", "農業", "製造業", "最終需要計", "国内生産額"],
        ["農業", 10, 20, 70, 100],
        ["製造業", 30, 60, 110, 200],
        ["粗付加価値部門計", 60, 120, null, null],
        ["国内生産額", 100, 200, null, null],
      ]),
    );
    let e = refusal(() => marginSector(none, "trade"));
    expect(e.code).toBe("margins.trade-sector");
    expect(e.format("en")).toContain("--trade-sector");
    e = refusal(() => marginSector(none, "transport"));
    expect(e.code).toBe("margins.transport-sector");
    expect(marginSector(none, "trade", "製造業")).toBe(1);
    e = refusal(() => marginSector(none, "transport", "運輸"));
    expect(e.code).toBe("margins.sector-unknown");
  });
});
