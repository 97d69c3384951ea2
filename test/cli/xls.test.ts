// Legacy .xls input (BIFF8, as statistics offices still publish): converted by LibreOffice and read
// like the .xlsx it came from. The .xls is made here by LibreOffice from a fixture; CI installs
// LibreOffice (scripts/setup.mjs), so a missing soffice fails the test rather than skipping it.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { RippleError } from "../../src/engine/errors";
import { xlsToXlsx } from "../../src/workbook/xlsx/legacyXls";
import { micGrid, randomMicParts } from "../engine/table/fixtures";
import { convertWithLibreOffice } from "../workbook/xlsx/libreoffice";
import { run, tempDir } from "./helpers";

async function fixtureXlsx(dir: string): Promise<string> {
  const g = micGrid(randomMicParts(6, "xls", { prefectural: true }), { prefectural: true });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("37部門 ");
  g.values.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  const path = join(dir, "table.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

describe(".xls input", () => {
  it("reads an .xls written by LibreOffice with the same numbers as the .xlsx", async () => {
    const dir = tempDir();
    const xlsx = await fixtureXlsx(dir);
    const xls = await convertWithLibreOffice(xlsx, "xls", { outDir: join(dir, "xls") });
    const a = await run(["analyze", xlsx, "--json", "-"], { cwd: dir });
    const b = await run(["analyze", xls, "--sheet", "37部門", "--json", "-"], { cwd: dir });
    expect(a.code).toBe(0);
    expect(b.errLines).toEqual([]);
    expect(b.code).toBe(0);
    const ja = JSON.parse(a.out);
    const jb = JSON.parse(b.out);
    expect(jb.sectors).toEqual(ja.sectors);
    expect(jb.L).toEqual(ja.L);
  }, 300_000); // two LibreOffice runs, slow on a loaded machine

  it("without LibreOffice: a clear message naming the file and what to do", async () => {
    const dir = tempDir();
    const path = join(dir, "old.xls");
    writeFileSync(path, "not really");
    const err = await xlsToXlsx(path, { RIPPLE_SOFFICE: join(dir, "no-soffice"), PATH: "" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RippleError);
    expect((err as RippleError).code).toBe("xls-needs-libreoffice");
    expect((err as RippleError).format("en")).toMatch(/old\.xls: .*LibreOffice.*not found.*save the file as \.xlsx/);
  });

  it("a missing .xls is reported as not found", async () => {
    const r = await run(["analyze", "nothing-here.xls", "--json", "-", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nothing-here\.xls.*not found/i);
  });
});
