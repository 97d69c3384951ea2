// A table that does not add up is refused before any model runs (CLI.md): exit 2, one line naming
// the file, sheet, cells and gaps and what to do, nothing written. --allow-imbalance runs it and
// every results sheet says so.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/workbook/xlsx";
import { IMBALANCE_NOTICE } from "../../src/report/imbalanceNotice";
import { repoRoot, run, tempDir } from "./helpers";

const sample = join(repoRoot, "assets/ripple-sample.xlsx");

/** The sample workbook with one cell of its transactions table changed. */
async function corrupted(dir: string, cell: string, delta: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sample);
  const ws = wb.getWorksheet("取引基本表")!;
  const c = ws.getCell(cell);
  c.value = (c.value as number) + delta;
  const path = join(dir, "corrupted.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

describe("a one-cell corruption of the sample workbook", () => {
  it("is refused with the cells and the gap named, and nothing is written", async () => {
    const dir = tempDir();
    // 農林水産業 → 農林水産業 (C4): 1,456,611 → 1,456,711 百万円.
    const input = await corrupted(dir, "C4", 100);
    const r = await run(["analyze", input, "--sheet", "取引基本表", "--out", "res.xlsx", "--json", "out.json", "--lang", "en"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.errLines).toHaveLength(1);
    expect(r.err).toContain("corrupted.xlsx");
    expect(r.err).toContain("sheet '取引基本表'");
    // The row of 農林水産業 (output column AG4) and its column (output row C25), gap 100.
    expect(r.err).toMatch(/Rows do not add up to output: 農林水産業 \(AG4\): 12036062 vs 12035962 \(gap 100, tolerance \d/);
    expect(r.err).toMatch(/Columns do not add up to output: 農林水産業 \(C25\): 12036062 vs 12035962 \(gap 100/);
    expect(r.err).toContain("--allow-imbalance");
    expect(readdirSync(dir).sort()).toEqual(["corrupted.xlsx"]);
  });

  it("a change within the rounding of the printed digits passes (tolerance: half a unit per cell)", async () => {
    const dir = tempDir();
    const input = await corrupted(dir, "C4", 1);
    const r = await run(["analyze", input, "--sheet", "取引基本表", "--json", "-"], { cwd: dir });
    expect(r.code).toBe(0);
  });

  it("--allow-imbalance runs it, and every results sheet says so", async () => {
    const dir = tempDir();
    const input = await corrupted(dir, "C4", 100);
    const r = await run(["analyze", input, "--sheet", "取引基本表", "--allow-imbalance", "--out", "res.xlsx", "--json", "out.json", "--lang", "en"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "res.xlsx"))).toBe(true);
    const book = await readXlsx(join(dir, "res.xlsx"));
    expect(book.sheets.length).toBeGreaterThan(3);
    for (const s of book.sheets) {
      const firstRow = (s.values[0] ?? []).filter((v) => typeof v === "string").join(" ");
      expect(firstRow, s.sheet).toContain(IMBALANCE_NOTICE.en);
    }
  });
});
