// `ripple inspect` (CLI.md): roles with cells and reasons, derived lines, the import convention
// and why, the balance checks; exit 2 when the table cannot be used as it is.
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { miyazakiXlsx, repoRoot, run, tempDir } from "./helpers";

describe("ripple inspect", () => {
  it("the 宮崎県 54-sector sheet: every line with role, cell and reason; checks pass; exit 0", async () => {
    const r = await run(["inspect", miyazakiXlsx, "--sheet", "54部門", "--json", "-", "--lang", "en"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.sheet).toBe("54部門 ");
    expect(j.sectors).toBe(54);
    expect(j.sectorBlock).toBe("C4:BD57");
    expect(j.importType.type).toBe("competitive");
    expect(j.importType.reason).toContain("BR3");
    const byName = (lines: { name: string }[], name: string) => lines.find((l) => l.name === name);
    expect(byName(j.cols, "民間消費\n支出")).toMatchObject({ address: "BG3", role: "fd:household", reason: "label (dictionary)" });
    expect(byName(j.rows, "県内生産額")).toMatchObject({ address: "B66", role: "output" });
    expect(j.rows.filter((l: { role: string }) => l.role === "sector")).toHaveLength(54);
    expect(j.checks.map((c: { id: string; ok: boolean }) => [c.id, c.ok])).toEqual([
      ["columns", true], ["rows", true], ["output", true], ["import-share", true], ["negative-input", true], ["hawkins-simon", true],
    ]);
    expect(j.checks.find((c: { id: string }) => c.id === "negative-input").notes).toHaveLength(2);
    expect(j.problems).toEqual([]);
  });

  it("a table that does not add up: exit 2, the problem first with its cell, the failing check listed", async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(repoRoot, "assets/ripple-sample.xlsx"));
    const c = wb.getWorksheet("取引基本表")!.getCell("C4");
    c.value = (c.value as number) + 100;
    await wb.xlsx.writeFile(join(dir, "bad.xlsx"));
    const r = await run(["inspect", "bad.xlsx", "--sheet", "取引基本表", "--lang", "en"], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.out.split("\n");
    expect(lines[1]).toBe("Cannot be used as it is:");
    expect(lines[2]).toMatch(/✗ Columns: .* 1 failing, first 農林水産業 \(C25\)/);
    expect(r.out).toMatch(/✗ Rows: [^\n]*\n\s+農林水産業 \(AG4\): 12036062 \/ 12035962 \(gap 100/);
  });
});
