// Row names wrapped over two cells of the label column, as prefectures print long names in a
// narrow column: '家計外消費' / '支出（行）' with the numbers on the first or on the second row. Read
// as one row of its role; fragments that do not make a known name together stay unknown lines
// (a warning naming the cell), never numbers on the wrong row.

import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/engine/model";
import { readTable } from "../../../src/engine/table";
import type { CellValue } from "../../../src/engine/grid";
import { gaussJordanInverse, gridOf } from "./fixtures";

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

// A SECTOR name wrapped over two cells of the label column ('電力・ガス・' / '水道'), the numbers on
// one of the two rows: the whole name is no dictionary word, but it is the label of a column of
// the square block (itself perhaps wrapped over two header rows). Read as one sector on the row
// with the numbers (engine/table/wrappedSectors.ts); refused naming both cells when both rows carry
// numbers or the joined name is no column's.
describe("sector names wrapped over two cells of the label column", () => {
  const S = ["農業", "電力・ガス・水道", "サービス"];
  const Z = [
    [10, 20, 5],
    [30, 60, 25],
    [15, 40, 50],
  ];
  const FD = [65, 85, 145];
  const X = [100, 200, 250];
  // By hand: A = Z / x by column, L = (I − A)⁻¹ by Gauss–Jordan (no imports: a domestic table).
  const A_HAND = [
    [0.1, 0.1, 0.02],
    [0.3, 0.3, 0.1],
    [0.15, 0.2, 0.2],
  ];
  const L_HAND = gaussJordanInverse(A_HAND.map((row, i) => row.map((a, j) => (i === j ? 1 : 0) - a)));

  const row = (label: CellValue, i: number | null): CellValue[] => (i === null ? [label, null, null, null, null, null] : [label, ...Z[i], FD[i], X[i]]);
  const bottom: CellValue[][] = [
    ["粗付加価値部門計", 45, 80, 170, null, null],
    ["国内生産額", ...X, null, null],
  ];
  const oneLineHeader: CellValue[][] = [["", ...S, "最終需要計", "国内生産額"]];
  const wrappedHeader: CellValue[][] = [
    ["", "農業", "電力・ガス・", "サービス", "最終需要計", "国内生産額"],
    [null, null, "水道", null, null, null],
  ];

  function expectHand(values: CellValue[][], address: string) {
    const t = readTable(gridOf(values, "表"));
    expect(t.sectors.map((s) => s.name)).toEqual(S);
    expect(t.layout!.rows.find((l) => l.sector === 1)!.address).toBe(address);
    expect(t.Z).toEqual(Z);
    expect(t.x).toEqual(X);
    expect(t.warnings).toEqual([]);
    const r = analyze(t);
    r.A.forEach((rw, i) => rw.forEach((a, j) => expect(a).toBeCloseTo(A_HAND[i][j], 12)));
    r.L.forEach((rw, i) => rw.forEach((l, j) => expect(Math.abs(l - L_HAND[i][j])).toBeLessThan(1e-12)));
  }

  it("numbers on the first row: one sector 電力・ガス・水道, named at its first cell", () => {
    expectHand([...oneLineHeader, row("農業", 0), row("電力・ガス・", 1), row("水道", null), row("サービス", 2), ...bottom], "A3");
  });

  it("numbers on the second row: the same, named at the second cell", () => {
    expectHand([...oneLineHeader, row("農業", 0), row("電力・ガス・", null), row("水道", 1), row("サービス", 2), ...bottom], "A4");
  });

  it("the column name wrapped over two header rows as well", () => {
    expectHand([...wrappedHeader, row("農業", 0), row("電力・ガス・", 1), row("水道", null), row("サービス", 2), ...bottom], "A4");
  });

  it("only the column name wrapped (already read before): the same", () => {
    expectHand([...wrappedHeader, row("農業", 0), row("電力・ガス・水道", 1), row("サービス", 2), ...bottom], "A4");
  });

  it("a table printed in two blocks (final demand below), the name wrapped in both: joined by the whole name", () => {
    const values: CellValue[][] = [
      ...wrappedHeader.map((r) => r.slice(0, 4)),
      ...[row("農業", 0), row("電力・ガス・", 1), row("水道", null), row("サービス", 2), ...bottom].map((r) => r.slice(0, 4)),
      [],
      ["", "民間消費支出", "国内生産額"],
      ["農業", FD[0], X[0]],
      ["電力・ガス・", null, null],
      ["水道", FD[1], X[1]],
      ["サービス", FD[2], X[2]],
    ];
    const t = readTable(gridOf(values, "表"));
    expect(t.sectors.map((s) => s.name)).toEqual(S);
    expect(t.Z).toEqual(Z);
    expect(t.finalDemand.map((f) => [f.role, f.values])).toEqual([["fd:household", FD]]);
    expect(t.warnings.map((w) => w.code)).toEqual(["table.blocks-joined"]);
    const r = analyze(t);
    r.L.forEach((rw, i) => rw.forEach((l, j) => expect(Math.abs(l - L_HAND[i][j])).toBeLessThan(1e-12)));
  });

  it("both rows carrying numbers: refused naming both cells", () => {
    const g = gridOf([...oneLineHeader, row("農業", 0), row("電力・ガス・", 1), row("水道", 1), row("サービス", 2), ...bottom], "表");
    expect(() => readTable(g)).toThrow(expect.objectContaining({ code: "table.wrapped-row-label", where: { sheet: "表", cell: "A3:A4" } }));
  });

  it("fragments that make no column's name ('電力・ガス・' + '下水'): refused naming both cells", () => {
    const g = gridOf([...oneLineHeader, row("農業", 0), row("電力・ガス・", 1), row("下水", null), row("サービス", 2), ...bottom], "表");
    let message = "";
    try {
      readTable(g);
    } catch (e) {
      message = (e as Error).message;
      expect(e).toMatchObject({ code: "table.wrapped-row-label", where: { sheet: "表", cell: "A3:A4" } });
    }
    expect(message).toContain("'電力・ガス・下水'");
  });
});
