// Formula cells without a calculated value (files written by programs that do not calculate):
// read as blank they would give wrong numbers (issue 11: a whole input column became 0, output
// multiplier 1.0 instead of 1.862, exit 0), so a table that uses them is refused, naming them.
// A formula whose cached value is 0 is a value, not a missing one.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/workbook/xlsx";
import { analyze } from "../../src/engine/model";
import { readTable } from "../../src/engine/table";
import { micGrid, randomMicParts } from "../engine/table/fixtures";
import { run, tempDir } from "./helpers";

const parts = randomMicParts(5, "formulas");
const grid = micGrid(parts);

/** The table as an .xlsx; the 民間消費支出 column's sector cells become formulas with `result`. */
async function book(dir: string, result: "none" | "cached"): Promise<{ path: string; cells: string[] }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("取引基本表");
  grid.values.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  const nameRow = grid.values.findIndex((r) => r.includes("民間消費支出"));
  const c = grid.values[nameRow].indexOf("民間消費支出");
  const cells: string[] = [];
  parts.names.forEach((_, i) => {
    const cell = ws.getCell(nameRow + 2 + i, c + 1);
    const value = cell.value as number;
    cell.value = result === "none" ? { formula: `${value}+0` } : ({ formula: `${value}+0`, result: value } as ExcelJS.CellFormulaValue);
    cells.push(cell.address);
  });
  // A formula whose cached result is 0 (ExcelJS's cell.value drops it; the reader must not).
  const zero = ws.getCell(nameRow + 2, grid.values[nameRow].indexOf("在庫純増") + 1);
  const z = zero.value as number;
  zero.value = { formula: `${z}*1`, result: z } as ExcelJS.CellFormulaValue;
  const path = join(dir, `${result}.xlsx`);
  await wb.xlsx.writeFile(path);
  return { path, cells };
}

describe("formula cells without a calculated value", () => {
  it("are refused with the cells named and nothing written", async () => {
    const dir = tempDir();
    const { path, cells } = await book(dir, "none");
    const g = (await readXlsx(path)).sheets[0];
    expect(g.uncalculated).toEqual(cells);
    const r = await run(["analyze", path, "--out", "res.xlsx", "--lang", "en"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.errLines).toHaveLength(1);
    expect(r.err).toContain(`${cells.length} formula cell(s) the table uses have no calculated value`);
    expect(r.err).toContain(`: ${cells.join(", ")}. Read as blank (0)`);
    expect(r.err).toContain("recalculate");
    expect(readdirSync(dir).sort()).toEqual(["none.xlsx"]);
  });

  it("with their values cached (including 0) they are read as values", async () => {
    const dir = tempDir();
    const { path } = await book(dir, "cached");
    const g = (await readXlsx(path)).sheets[0];
    expect(g.uncalculated).toBeUndefined();
    const r = await run(["analyze", path, "--json", "-"], { cwd: dir });
    expect(r.code).toBe(0);
    // The same numbers as the table typed as plain values.
    expect(JSON.parse(r.out).L).toEqual(analyze(readTable(grid)).L);
  });

  it("the 宮崎県 workbook's shared formulas with a cached 0 are values (no formula without a value)", async () => {
    const { miyazakiXlsx } = await import("./paths");
    const file = await readXlsx(miyazakiXlsx);
    expect(file.sheets.map((s) => s.uncalculated)).toEqual([undefined, undefined, undefined]);
    expect(file.warnings).toEqual([]);
  });
});
