// Synthetic MIC-layout tables: 37 sectors, prefectural, without subtotals, codes only, names only,
// "code name" in one cell, name row above code row, a used range away from A1, English labels,
// and a property test (random productive table written out and read back).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/engine/grid";
import { readTable, recognizeLayout } from "../../../src/engine/table";
import { gridOf, micGrid, randomMicParts, type MicParts } from "./fixtures";

function expectSameTable(parts: MicParts, t: ReturnType<typeof readTable>) {
  expect(t.Z).toEqual(parts.Z);
  expect(t.x).toEqual(parts.x);
  expect(t.xRow).toEqual(parts.x);
  const fd = t.finalDemand.filter((v) => v.role !== "import" && v.role !== "export").map((v) => v.values);
  expect(fd).toEqual(parts.fd.map((c) => c.values));
  expect(t.finalDemand.filter((v) => v.role === "export").map((v) => v.values)).toEqual(parts.exports.map((c) => c.values));
  expect(t.finalDemand.filter((v) => v.role === "import").map((v) => v.values)).toEqual(parts.imports.map((c) => c.values));
  expect(t.primaryInputs.map((v) => v.values)).toEqual(parts.va.map((r) => r.values));
  expect(t.warnings).toEqual([]);
}

describe("synthetic MIC layouts", () => {
  it("reads a 37-sector MIC table with all subtotals", () => {
    const parts = randomMicParts(37, "mic37");
    const grid = micGrid(parts);
    const layout = recognizeLayout(grid);
    expect(layout.sectorBlock).toBe("C4:AM40");
    expect(layout.importType).toBe("competitive");
    expect(layout.cols.filter((l) => l.role === "import").map((l) => l.name)).toEqual(["（控除）輸入", "（控除）関税", "（控除）輸入品商品税"]);
    // 輸出計 beside 輸出（普通貿易）/輸出（直接購入） is their subtotal, not a third export.
    expect(layout.cols.find((l) => l.name === "輸出計")).toMatchObject({ role: "subtotal", totalOf: "export" });
    expect(layout.cols.filter((l) => l.role === "fd:investment")).toHaveLength(2);
    const t = readTable(grid);
    expect(t.sectors[18]).toEqual({ code: "19", name: "輸送機械", label: "輸送機械" });
    expectSameTable(parts, t);
  });

  it("reads a prefectural table (移出, （控除）移入, 県内生産額)", () => {
    const parts = randomMicParts(9, "pref", { prefectural: true });
    const grid = micGrid(parts, { prefectural: true, title: "令和2年 X県産業連関表（生産者価格評価）単位：百万円" });
    const layout = recognizeLayout(grid);
    expect(layout.importType).toBe("competitive");
    expect(layout.cols.filter((l) => l.role === "import").map((l) => l.name)).toEqual(["（控除）輸入", "（控除）移入"]);
    expect(layout.cols.filter((l) => l.role === "export").map((l) => l.name)).toEqual(["輸出", "移出"]);
    expect(layout.cols.find((l) => l.name === "（控除）移輸入計")!.role).toBe("subtotal");
    expect(layout.rows.find((l) => l.name === "県内生産額")!.role).toBe("output");
    expect(layout.unit).toBe("百万円");
    expectSameTable(parts, readTable(grid));
  });

  it("reads a table without subtotals", () => {
    const parts = randomMicParts(6, "nosub");
    const grid = micGrid(parts, { subtotals: false, title: null });
    const layout = recognizeLayout(grid);
    expect(layout.sectorBlock).toBe("C3:H8");
    expect(layout.rows.some((l) => l.role === "subtotal")).toBe(false);
    expect(layout.title).toBeNull();
    expectSameTable(parts, readTable(grid));
  });

  it("reads codes only, names only, and 'code name' in one cell", () => {
    const parts = randomMicParts(5, "labels");
    const codes = readTable(micGrid(parts, { labels: "codes" }));
    expect(codes.sectors.map((s) => s.label)).toEqual(["01", "02", "03", "04", "05"]);
    expect(codes.sectors[0].code).toBe("01");
    expectSameTable(parts, codes);
    const names = readTable(micGrid(parts, { labels: "names" }));
    expect(names.sectors[0]).toEqual({ code: null, name: "部門1", label: "部門1" });
    expect(names.layout!.sectorBlock).toBe("B3:F7");
    expectSameTable(parts, names);
    const combined = readTable(micGrid(parts, { labels: "combined" }));
    expect(combined.sectors[1]).toEqual({ code: "02", name: "部門2", label: "部門2" });
    expect(combined.layout!.rows.find((l) => l.name === "雇用者所得")!.code).toBe("91");
    expectSameTable(parts, combined);
  });

  it("reads the name row above the code row (and the name column left of the code column)", () => {
    const parts = randomMicParts(5, "swap");
    const t = readTable(micGrid(parts, { labels: "name-above-code" }));
    expect(t.sectors[0]).toEqual({ code: "01", name: "部門1", label: "部門1" });
    expect(t.layout!.rows[0].address).toBe("A4");
    expectSameTable(parts, t);
  });

  it("gives sheet addresses for a used range that starts at B3 with blank padding", () => {
    const parts = randomMicParts(4, "offset");
    const grid = micGrid(parts, { origin: { row: 2, col: 1 }, pad: { rows: 1, cols: 1 } });
    const layout = recognizeLayout(grid);
    // Grid (0,0) is B3; one blank row and column, then the title row, two header rows.
    expect(layout.sectorBlock).toBe("E7:H10");
    expect(layout.rows[0].address).toBe("D7");
    expect(layout.cols[0].address).toBe("E6");
    expectSameTable(parts, readTable(grid));
  });

  it("reads an English domestic-use table (ONS style) with taxes on products and an imports row", () => {
    const v: CellValue[][] = [
      ["Input-output table, domestic use, million GBP"],
      ["", "Agriculture", "Manufacturing", "Services", "Total intermediate consumption", "Final consumption expenditure by households", "Final consumption expenditure by NPISH", "Final consumption expenditure by government", "Gross fixed capital formation", "Changes in inventories", "Exports of goods and services", "Total demand for products", "Total output"],
      ["Agriculture", 10, 20, 5, 35, 40, 0, 0, 5, 1, 19, 100, 100],
      ["Manufacturing", 15, 60, 25, 100, 80, 2, 3, 40, -1, 76, 300, 300],
      ["Services", 5, 40, 80, 125, 200, 10, 100, 30, 0, 35, 500, 500],
      ["Total intermediate consumption", 30, 120, 110, 260],
      ["Imports of goods and services", 8, 50, 20, 78],
      ["Taxes less subsidies on products", 2, 10, 10, 22],
      ["Compensation of employees", 30, 70, 200, 300],
      ["Other taxes less other subsidies on production", 1, 5, 5, 11],
      ["Consumption of fixed capital", 9, 15, 60, 84],
      ["Operating surplus and mixed income, net", 20, 30, 95, 145],
      ["Value added, gross", 60, 120, 360, 540],
      ["Total output", 100, 300, 500, 900],
    ];
    const layout = recognizeLayout(gridOf(v, "IOT"));
    expect(layout.importType).toBe("domestic");
    expect(layout.unit).toBe("million GBP");
    const cols = Object.fromEntries(layout.cols.map((l) => [l.name, l.role]));
    expect(cols["Final consumption expenditure by NPISH"]).toBe("fd:other");
    expect(cols["Final consumption expenditure by households"]).toBe("fd:household");
    expect(cols["Total demand for products"]).toBe("subtotal");
    expect(cols["Total output"]).toBe("output");
    const rows = Object.fromEntries(layout.rows.map((l) => [l.name, l.role]));
    expect(rows["Imports of goods and services"]).toBe("import");
    expect(rows["Taxes less subsidies on products"]).toBe("tax-products");
    expect(rows["Other taxes less other subsidies on production"]).toBe("va:tax-production");
    const t = readTable(gridOf(v, "IOT"));
    expect(t.warnings).toEqual([]);
    expect(t.x).toEqual([100, 300, 500]);
  });

  it("recognises an unlabelled subtotal because it equals the sum of the lines before it", () => {
    const parts = randomMicParts(4, "sumcheck");
    const grid = micGrid(parts, { subtotals: false });
    // Insert a column "Σ" right after the final-demand columns = their sum.
    const fdCols = parts.fd.length;
    const at = 2 + 4 + fdCols; // label columns + sectors + fd columns
    grid.values = grid.values.map((row, r) => {
      const copy = [...row];
      let cell: CellValue = null;
      if (r === 1 || r === 2) cell = r === 1 ? "99" : "Σ";
      else if (r >= 3 && r < 7) cell = parts.fd.reduce((s, c) => s + c.values[r - 3], 0);
      copy.splice(at, 0, cell);
      return copy;
    });
    const layout = recognizeLayout(grid);
    expect(layout.cols.find((l) => l.name === "Σ")).toMatchObject({ role: "subtotal", source: "sum" });
    expectSameTable(parts, readTable(grid));
  });

  it("property: a random productive table written in MIC layout reads back the same", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 24 }), fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom("code+name", "names", "combined", "name-above-code"), (n, seed, labels) => {
        const parts = randomMicParts(n, seed);
        const t = readTable(micGrid(parts, { labels: labels as "names" }));
        expect(t.sectors).toHaveLength(n);
        expectSameTable(parts, t);
        // Productive: every column of A sums below 1.
        for (let j = 0; j < n; j++) expect(t.Z.reduce((s, r) => s + r[j], 0) / t.x[j]).toBeLessThan(1);
      }),
      { numRuns: 40, seed: 20110101 },
    );
  });
});
