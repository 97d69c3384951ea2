// `ripple inspect` (CLI.md): roles with cells and reasons, derived lines, the import convention
// and why, the balance checks; exit 2 when the table cannot be used as it is.
import { writeFileSync } from "node:fs";
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

  // A 3-sector table (A1:I8) with a block beside it past an empty column (K1:N4): the input
  // coefficients Z/x printed to six decimals (test/engine/table/besideBlocks.test.ts has the cases).
  const TABLE = [
    ",農業,製造業,サービス,内生部門計,民間消費支出,輸出,（控除）輸入,国内生産額",
    "農業,10,20,5,35,50,25,-10,100",
    "製造業,30,60,25,115,60,45,-20,200",
    "サービス,15,40,50,105,120,30,-5,250",
    "内生部門計,55,120,80",
    "雇用者所得,30,50,100",
    "営業余剰,15,30,70",
    "国内生産額,100,200,250",
  ];
  const besideCsv = (block: string[]) => {
    const width = block[0].split(",").length;
    return TABLE.map((line, k) => {
      const cells = line.split(",");
      const extra = (block[k] ?? "").split(",");
      return [...cells, ...new Array(9 - cells.length).fill(""), "", ...extra, ...new Array(width - extra.length).fill("")].join(",");
    }).join("\n") + "\n";
  };

  it("a block of input coefficients beside the table: --json lists it as ignored with the reason; exit 0", async () => {
    const dir = tempDir();
    const coef = [",農業,製造業,サービス", "農業,0.1,0.1,0.02", "製造業,0.3,0.3,0.1", "サービス,0.15,0.2,0.2"];
    writeFileSync(join(dir, "beside.csv"), besideCsv(coef));
    const r = await run(["inspect", "beside.csv", "--json", "-", "--lang", "en"], { cwd: dir });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.ignoredBlocks).toEqual([
      { range: "K1:N4", reason: expect.stringContaining("is input coefficients (intermediate input / output), equal to values computed") },
    ]);
    expect(j.cols.map((c: { address: string; role: string }) => [c.address, c.role])).toEqual([
      ["B1", "sector"], ["C1", "sector"], ["D1", "sector"], ["E1", "subtotal"], ["F1", "fd:household"], ["G1", "export"], ["H1", "import"], ["I1", "output"],
    ]);
    expect(j.warnings).toEqual([expect.stringContaining("K1:N4")]);
    expect(j.problems).toEqual([]);
    const text = await run(["inspect", "beside.csv", "--lang", "ja"], { cwd: dir });
    expect(text.out).toContain("表の外のブロック（使いません）:\n  K1:N4: 表の右の K1:N4（農業、製造業、サービス）は投入係数（中間投入 ÷ 生産額）");
  });

  it("a helper block beside the table that is not computed from it: exit 2 naming the sheet and the block", async () => {
    const dir = tempDir();
    const helper = [",生産誘発額,構成比", "農業,150,0.18", "製造業,300,0.36", "サービス,375,0.46"];
    writeFileSync(join(dir, "helper.csv"), besideCsv(helper));
    const r = await run(["inspect", "helper.csv", "--lang", "en"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain("K1:M4");
    expect(r.err).toContain("select only the table's range");
  });
});
