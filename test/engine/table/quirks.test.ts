// A corpus of real layout quirks, one small fixture each, built from what published workbooks do
// (issue 11; the 宮崎県 workbook in ../shared/data/real-tables shows most of them at once):
// labels wrapped over lines or padded with spaces, 需用 for 需要, (控除) in any bracket width,
// sector names holding a final-demand word, codes stored as numbers on one side only. More of the
// corpus next to this file: blocks printed beside the table (besideBlocks.test.ts), below it
// (laterBlock.test.ts), names wrapped over two label cells, sector names too (wrappedRows.test.ts).

import { describe, expect, it } from "vitest";
import type { CellValue, Grid } from "../../../src/engine/grid";
import { readTable, recognizeLayout } from "../../../src/engine/table";
import { normalizeLabelText } from "../../../src/engine/table/labelText";
import { gridOf, micGrid, randomMicParts, type MicParts } from "./fixtures";

const colRoles = (g: Grid) =>
  Object.fromEntries(recognizeLayout(g).cols.filter((l) => l.role !== "sector").map((l) => [l.name, l.role]));

/** Replaces label cells (exact text) anywhere in the grid. */
function relabel(g: Grid, map: Record<string, CellValue>): Grid {
  return { ...g, values: g.values.map((row) => row.map((v) => (typeof v === "string" && v in map ? map[v] : v))) };
}

function prefectural(n = 5, seed = "quirks"): { parts: MicParts; grid: Grid } {
  const parts = randomMicParts(n, seed, { prefectural: true });
  return { parts, grid: micGrid(parts, { prefectural: true, labels: "code+name" }) };
}

describe("label text as printed", () => {
  it("normalises line breaks, padding spaces of both widths and half-width kana, keeps Latin word spaces", () => {
    expect(normalizeLabelText("家計外\n消費支出（列）")).toBe("家計外消費支出(列)");
    expect(normalizeLabelText(" 農      業 ")).toBe("農業");
    expect(normalizeLabelText("部　　　門")).toBe("部門");
    expect(normalizeLabelText("金融･保険")).toBe("金融・保険");
    expect(normalizeLabelText("（控除） 移輸入")).toBe("(控除)移輸入");
    expect(normalizeLabelText("Education \n NPISH")).toBe("Education NPISH");
    expect(normalizeLabelText("01 農業")).toBe("01 農業");
  });

  it("final-demand labels wrapped over two lines are final demand (宮崎県 '民間消費\\n支出')", () => {
    const { parts, grid } = prefectural();
    const g = relabel(grid, { "家計外消費支出（列）": "家計外\n消費支出（列）", 民間消費支出: "民間消費\n支出", 一般政府消費支出: "一般政府\r\n消費支出" });
    const roles = colRoles(g);
    expect(roles["家計外\n消費支出（列）"]).toBe("fd:household-outside");
    expect(roles["民間消費\n支出"]).toBe("fd:household");
    expect(roles["一般政府\r\n消費支出"]).toBe("fd:government");
    const t = readTable(g);
    expect(t.warnings).toEqual([]);
    expect(t.finalDemand.filter((v) => v.role.startsWith("fd:")).map((v) => v.values)).toEqual(parts.fd.map((c) => c.values));
  });

  it("'県内需用  合計' (需用, two spaces) is the subtotal 県内需要合計, not a line of its own", () => {
    const { grid } = prefectural();
    const g = relabel(grid, { 県内需要合計: "県内需用  合計" });
    expect(colRoles(g)["県内需用  合計"]).toBe("subtotal");
    expect(readTable(g).warnings).toEqual([]);
  });

  it("(控除) in full width, ASCII or other brackets marks an import column", () => {
    for (const label of ["（控除）移輸入", "(控除)移輸入", "〔控除〕移輸入", "［控除］ 移輸入"]) {
      const { grid } = prefectural();
      const g = relabel(grid, { "（控除）輸入": label, "（控除）移入": label.replace("移輸入", "移入") });
      expect(colRoles(g)[label]).toBe("import");
    }
  });

  it("sector names padded with spaces and wrapped in the header ('電力・ガス・\\n水道', ' 農      業 ') pair with the row names", () => {
    const parts = randomMicParts(4, "padded", { names: ["農業", "林業", "電力・ガス・水道", "金融・保険"] });
    const g = micGrid(parts, { labels: "names" });
    const header = g.values.findIndex((r) => r.includes("農業"));
    const cols: Record<string, string> = { 農業: " 農      業 ", 林業: "林　　業", "電力・ガス・水道": "電力・ガス・\n水道", "金融・保険": "金融･保険" };
    g.values[header] = g.values[header].map((v) => (typeof v === "string" && v in cols ? cols[v] : v));
    const t = readTable(g);
    expect(t.sectors.map((s) => s.name)).toEqual(parts.names);
    expect(t.Z).toEqual(parts.Z);
    expect(t.warnings).toEqual([]);
  });
});

describe("sectors by being both a row and a column", () => {
  it("'Education NPISH' (an ONS product) is a sector although NPISH is a final-demand word", () => {
    const names = ["Agriculture", "Manufacturing", "Education NPISH"];
    const Z = [
      [10, 20, 5],
      [30, 40, 15],
      [5, 10, 20],
    ];
    const hh = [60, 100, 10];
    const npish = [0, 0, 65];
    const x = Z.map((r, i) => r.reduce((a, b) => a + b, 0) + hh[i] + npish[i]);
    const va = x.map((xj, j) => xj - Z.reduce((s, r) => s + r[j], 0));
    const g = gridOf([
      ["", ...names, "Households", "NPISH", "Total output"],
      ...names.map((nm, i) => [nm, ...Z[i], hh[i], npish[i], x[i]]),
      ["Gross value added", ...va],
      ["Total output", ...x],
    ]);
    const t = readTable(g);
    expect(t.sectors.map((s) => s.name)).toEqual(names);
    expect(t.finalDemand.map((v) => v.role)).toEqual(["fd:household", "fd:other"]);
    expect(t.x).toEqual(x);
  });
});

describe("codes", () => {
  it("numeric codes on one side (101) match text codes on the other ('0101')", () => {
    const parts = randomMicParts(4, "codes");
    const g = micGrid({ ...parts, codes: ["0101", "0102", "0201", "0301"] }, { labels: "codes" });
    // Excel turned the row codes into numbers; the header keeps the text codes.
    const asNumbers = {
      ...g,
      values: g.values.map((row, r) => (r === 0 ? row : row.map((v, c) => (c === 0 && typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v)))),
    };
    expect(asNumbers.values.some((row) => row[0] === 101)).toBe(true);
    const t = readTable(asNumbers);
    expect(t.sectors).toHaveLength(4);
    expect(t.Z).toEqual(parts.Z);
    expect(t.x).toEqual(parts.x);
  });
});
