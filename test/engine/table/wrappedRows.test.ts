// Row names wrapped over two cells of the label column, as prefectures print long names in a
// narrow column: '家計外消費' / '支出（行）' with the numbers on the first or on the second row. Read
// as one row of its role; fragments that do not make a known name together stay unknown lines
// (a warning naming the cell), never numbers on the wrong row.

import { describe, expect, it } from "vitest";
import { readTable } from "../../../src/engine/table";
import type { CellValue } from "../../../src/engine/grid";
import { gridOf } from "./fixtures";

const head: CellValue[][] = [
  ["", "農業", "製造業", "最終需要計", "国内生産額"],
  ["農業", 10, 20, 70, 100],
  ["製造業", 30, 60, 110, 200],
];
const tail: CellValue[][] = [
  ["雇用者所得", 50, 110, null, null],
  ["国内生産額", 100, 200, null, null],
];

describe("row names wrapped over two cells", () => {
  it("numbers on the first row: one 家計外消費支出（行） row", () => {
    const t = readTable(gridOf([...head, ["家計外消費", 10, 10, null, null], ["支出（行）", null, null, null, null], ...tail], "表"));
    const row = t.layout!.rows.find((l) => l.role === "va:household-outside");
    expect(row).toMatchObject({ address: "A4", name: "家計外消費支出（行）" });
    expect(t.warnings.filter((w) => w.code === "table.unknown-line")).toEqual([]);
  });

  it("numbers on the second row: the same", () => {
    const t = readTable(gridOf([...head, ["家計外消費", null, null, null, null], ["支出（行）", 10, 10, null, null], ...tail], "表"));
    const row = t.layout!.rows.find((l) => l.role === "va:household-outside");
    expect(row).toMatchObject({ address: "A5", name: "家計外消費支出（行）" });
  });

  it("fragments that make no known name are not joined: refused with the cell", () => {
    expect(() => readTable(gridOf([...head, ["なにか", 10, 10, null, null], ["別のもの", null, null, null, null], ...tail], "表"))).toThrow(/A4/);
    // Below the value added, an unknown pair stays two lines (a warning names the first).
    const t = readTable(gridOf([...head, ...tail.slice(0, 1), ["なにか", 10, 10, null, null], ["別のもの", null, null, null, null], ...tail.slice(1)], "表"));
    expect(t.layout!.rows.some((l) => l.name === "なにか別のもの")).toBe(false);
  });
});
