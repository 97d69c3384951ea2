// Reading workbooks written by other programs: used ranges away from A1, merged cells, rich
// text, dates, cached formula results (including errors), uncalculated formulas, bad files.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { readXlsx } from "../../../src/workbook/xlsx";
import { RippleError } from "../../../src/engine/errors";

const dir = mkdtempSync(join(tmpdir(), "ripple-readxlsx-"));

async function workbookFile(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

describe("readXlsx", () => {
  it("reads each sheet's used range with its origin and plain values", async () => {
    const path = await workbookFile("kinds.xlsx", (wb) => {
      const ws = wb.addWorksheet("取引表");
      ws.getCell("C3").value = "部門";
      ws.getCell("D3").value = { richText: [{ text: "生産", font: { bold: true } }, { text: "額" }] };
      ws.getCell("C4").value = 12.5;
      ws.getCell("D4").value = { formula: "C4*2", result: 25 };
      ws.getCell("E4").value = { formula: "1/0", result: { error: "#DIV/0!" } };
      ws.getCell("F4").value = { formula: "\"a\"&\"b\"", result: "ab" };
      ws.getCell("C5").value = true;
      ws.getCell("D5").value = new Date(Date.UTC(2011, 2, 31));
      ws.getCell("E5").value = { text: "総務省", hyperlink: "https://www.soumu.go.jp/" };
      ws.getCell("F6").value = "端";
      // A styled but empty cell outside the values does not widen the range.
      ws.getCell("H9").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
      wb.addWorksheet("空");
    });
    const { file, sheets, warnings } = await readXlsx(path);
    expect(file).toBe(path);
    expect(sheets.map((s) => s.sheet)).toEqual(["取引表", "空"]);
    expect(sheets[0].origin).toEqual({ row: 2, col: 2 });
    expect(sheets[0].values).toEqual([
      ["部門", "生産額", null, null],
      [12.5, 25, "#DIV/0!", "ab"],
      [true, "2011-03-31", "総務省", null],
      [null, null, null, "端"],
    ]);
    expect(sheets[1]).toEqual({ sheet: "空", origin: { row: 0, col: 0 }, values: [] });
    expect(warnings).toEqual([]);
  });

  it("keeps a merged area's value in its top-left cell only and lists the merges", async () => {
    const path = await workbookFile("merged.xlsx", (wb) => {
      const ws = wb.addWorksheet("S");
      ws.getCell("B2").value = "中間需要";
      ws.mergeCells("B2:D2");
      ws.getCell("B3").value = 1;
      ws.getCell("C3").value = 2;
      ws.getCell("D3").value = 3;
    });
    const { sheets, merges } = await readXlsx(path);
    expect(sheets[0].origin).toEqual({ row: 1, col: 1 });
    expect(sheets[0].values).toEqual([
      ["中間需要", null, null],
      [1, 2, 3],
    ]);
    expect(merges).toEqual([{ sheet: "S", top: 1, left: 1, bottom: 1, right: 3 }]);
  });

  it("warns, naming the first cell, when formulas were never calculated", async () => {
    const path = await workbookFile("uncalculated.xlsx", (wb) => {
      const ws = wb.addWorksheet("計算");
      ws.getCell("A1").value = 1;
      ws.getCell("B2").value = { formula: "A1+1" };
      ws.getCell("C2").value = { formula: "A1+2" };
    });
    const { sheets, warnings } = await readXlsx(path);
    expect(sheets[0].values).toEqual([[1]]);
    expect(warnings).toHaveLength(1);
    expect(warnings![0]).toMatchObject({ code: "formula-not-calculated", where: { file: path, sheet: "計算", cell: "B2" } });
    expect(warnings![0].text.en).toMatch(/^2 formula cell/);
  });

  it("names the file when it is missing or not a workbook", async () => {
    const missing = join(dir, "無い.xlsx");
    const e1 = await readXlsx(missing).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(RippleError);
    expect(e1).toMatchObject({ code: "file-not-found", where: { file: missing } });
    expect((e1 as RippleError).format("ja")).toContain("見つかりません");

    const garbage = join(dir, "garbage.xlsx");
    writeFileSync(garbage, "this is not a zip file");
    const e2 = await readXlsx(garbage).catch((e: unknown) => e);
    expect(e2).toBeInstanceOf(RippleError);
    expect(e2).toMatchObject({ code: "file-unreadable", where: { file: garbage } });
  });
});
