// Writing a results workbook and reading it back: values, text that looks like formulas,
// formulas with their cached results, looks, number formats, panes and tab colour.
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readXlsxBuffer, writeXlsxBuffer } from "../../../src/workbook/xlsx";
import { RippleError } from "../../../src/engine/errors";
import { EFFECTS, SECTORS, STAGES, TRICKY_TEXT, sampleSpec } from "./sampleSpec";

async function loadWithExcelJS(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

describe("writeXlsx -> readXlsx round trip", () => {
  it("gives back every value at its place, text that looks like a formula as text", async () => {
    const bytes = await writeXlsxBuffer(sampleSpec());
    const { sheets } = await readXlsxBuffer(bytes, "roundtrip.xlsx");
    expect(sheets.map((s) => s.sheet)).toEqual(["集計", "Linkages 2011"]);
    const g = sheets[0];
    expect(g.origin).toEqual({ row: 0, col: 0 });
    expect(g.values[0][0]).toBe("波及効果の集計（百万円）");
    expect(g.values[1]).toEqual(["部門", ...STAGES]);
    SECTORS.forEach((s, i) => expect(g.values[2 + i]).toEqual([s, ...EFFECTS[i]]));
    const total = EFFECTS.reduce((a, r) => a + r[0], 0);
    expect(g.values[2 + SECTORS.length]).toEqual(["合計", total, null, null]);
    expect(g.values[3 + SECTORS.length]).toEqual(TRICKY_TEXT);
    // The array formula's cached result and the plain cached values of the rest of its range.
    expect(g.values[5 + SECTORS.length].slice(0, 2)).toEqual([100 * 110.5 + 50 * 121, 100 * 38 + 50 * 26]);
    const l = sheets[1];
    expect(l.values[0]).toEqual(["部門", "影響力係数", "感応度係数", null, null]);
  });

  it("writes formulas as formulas (array formulas with t=\"array\") and strings never as formulas", async () => {
    const bytes = await writeXlsxBuffer(sampleSpec());
    const zip = await JSZip.loadAsync(bytes);
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheetXml).toContain("<f>SUM(B3:B9)</f>");
    expect(sheetXml).toMatch(/<c r="A13"[^>]*><f t="array" ref="A13:B14">MMULT\(B3:C4,B4:C5\)<\/f><v>17100<\/v><\/c>/); // 100·110.5 + 50·121
    // Exactly the two formulas of the spec.
    expect(sheetXml.match(/<f[ >]/g)).toHaveLength(2);
    const shared = await zip.file("xl/sharedStrings.xml")!.async("string");
    for (const t of TRICKY_TEXT) expect(shared).toContain(`<t>${t}</t>`);
  });

  it("keeps looks, number formats, column widths, frozen panes and tab colour", async () => {
    const wb = await loadWithExcelJS(await writeXlsxBuffer(sampleSpec()));
    const ws = wb.getWorksheet("集計")!;
    expect(ws.getCell("A1").font.bold).toBe(true);
    expect(ws.getCell("A1").font.size).toBe(14);
    expect(ws.getCell("B2").font.bold).toBe(true);
    expect(ws.getCell("B2").fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(ws.getCell("B2").border.bottom?.style).toBe("thin");
    expect(ws.getCell("B10").border.top?.style).toBe("thin");
    expect(ws.getCell("A11").font.italic).toBe(true);
    expect(ws.getCell("A3").numFmt ?? "General").toBe("General");
    expect(ws.getCell("C4").numFmt).toBe("#,##0.0");
    expect(ws.getColumn(1).width).toBe(18);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2 });
    expect(ws.properties.tabColor).toEqual({ argb: "FF1F77B4" });
    expect(wb.getWorksheet("Linkages 2011")!.getCell("B2").numFmt).toBe("0.000");
  });

  it("keeps full double precision", async () => {
    const awkward = [0.1 + 0.2, 1 / 3, 1e-300, -2.5e20, 123456789.12345679, Number.MIN_VALUE];
    const spec = sampleSpec();
    spec.sheets[1].blocks.push({ row: 30, col: 0, values: [awkward], numberFormat: "0.00" });
    const { sheets } = await readXlsxBuffer(await writeXlsxBuffer(spec), "precision.xlsx");
    const g = sheets[1];
    expect(g.values[30 - g.origin.row].slice(0, awkward.length)).toEqual(awkward);
  });

  it("writes a non-finite number as Excel's #NUM! error rather than a broken file", async () => {
    const spec = sampleSpec();
    spec.sheets[1].blocks.push({ row: 20, col: 0, values: [[Number.NaN, Number.POSITIVE_INFINITY]] });
    const { sheets } = await readXlsxBuffer(await writeXlsxBuffer(spec), "nan.xlsx");
    const g = sheets[1];
    expect(g.values[20 - g.origin.row].slice(0, 2)).toEqual(["#NUM!", "#NUM!"]);
  });

  it("refuses sheet names Excel would refuse", async () => {
    for (const name of ["a".repeat(32), "x/y", "[1]", "", "'q'", "History"]) {
      const spec = sampleSpec();
      spec.sheets[1] = { ...spec.sheets[1], name, charts: [] };
      const err = await writeXlsxBuffer(spec).catch((e: unknown) => e);
      expect(err, name).toBeInstanceOf(RippleError);
      expect((err as RippleError).code).toBe("sheet-name-invalid");
      expect((err as RippleError).where.sheet).toBe(name);
    }
    const dup = sampleSpec();
    dup.sheets[1] = { ...dup.sheets[1], name: "集計", charts: [] };
    await expect(writeXlsxBuffer(dup)).rejects.toMatchObject({ code: "sheet-name-duplicate" });
  });
});
