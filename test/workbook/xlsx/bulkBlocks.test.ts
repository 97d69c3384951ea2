// Large plain blocks are written into the sheet parts directly (bulkBlocks.ts): the file must be
// the same workbook as the one ExcelJS alone writes — every value, number format, look, pane and
// width — and LibreOffice must read the same numbers back.
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeXlsxBuffer, xlsxBytes } from "../../../src/workbook/xlsx";
import type { CellSpec, WorkbookSpec } from "../../../src/report/spec";
import { recalcAndReadValues } from "./libreoffice";

const N = 70; // 70 × 71 = 4,970 cells: above the direct-writing threshold

/** Values chosen to differ in every way a writer can get wrong: signs, exponents, integers,
 * the digits of String(), zero, empty cells, "—", text needing escapes, a boolean. */
function value(i: number, j: number): CellSpec {
  if (i === 3 && j === 5) return null;
  if (i === 4 && j === 6) return "—";
  if (i === 5 && j === 7) return true;
  if (i === 6 && j === 8) return 1.5e-9;
  if (i === 7 && j === 9) return -12345678901234.5;
  if (i === 8 && j === 10) return 0;
  return Math.sin(i * 131 + j * 7) / (1 + i + j * j);
}

function bigSpec(): WorkbookSpec {
  const sectors = Array.from({ length: N }, (_, i) => (i === 2 ? "A&B <c> " : `部門${i + 1}`));
  const body: CellSpec[][] = sectors.map((s, i) => [s, ...sectors.map((_, j) => value(i, j))]);
  const fmt = [null, ...sectors.map((_, j) => (j % 2 ? "0.000000" : "#,##0.0"))];
  return {
    lang: "ja",
    provenance: { software: "Ripple", version: "0.1.0", createdAt: "2024-04-01T09:00:00Z", inputs: [], parameters: [], variants: [], warnings: [] },
    sheets: [
      {
        key: "L",
        name: "逆行列係数",
        blocks: [
          { row: 0, col: 0, values: [["逆行列係数"], ["注"]], style: "title" },
          { row: 2, col: 0, values: [["部門", ...sectors]], style: "header" },
          { row: 3, col: 0, values: body, style: "body", numberFormat: fmt },
          { row: 3 + N, col: 0, values: [["列和", ...sectors.map((_, j) => j + 0.25)]], style: "total", numberFormat: fmt },
        ],
        columnWidths: { 0: 14, 1: 11 },
        freeze: { rows: 3, cols: 1 },
      },
      {
        key: "chart",
        name: "グラフ",
        blocks: [{ row: 0, col: 0, values: [["見出し", "値"], ["x", 1]], style: "header" }],
        charts: [
          {
            type: "bar",
            title: "L の 1 列目",
            categories: { sheet: "逆行列係数", row: 3, col: 0, rows: 10, cols: 1 },
            series: [{ name: "L", values: { sheet: "逆行列係数", row: 3, col: 1, rows: 10, cols: 1 } }],
            anchor: { row: 3, col: 0, widthCols: 6, heightRows: 12 },
          },
        ],
      },
    ],
  };
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** Every cell's value and look, and the sheet settings, in one comparable object. */
function describeSheet(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (c) => {
      cells[c.address] = { v: c.value, n: c.numFmt ?? null, f: c.font ?? null, a: c.alignment ?? null, fi: c.fill ?? null, b: c.border ?? null };
    }),
  );
  return { cells, views: ws.views, pageSetup: ws.pageSetup, headerFooter: ws.headerFooter, widths: ws.columns?.map((c) => c.width) };
}

describe("large blocks written directly", () => {
  it("give the same workbook as ExcelJS alone: values, formats, looks, panes, widths", async () => {
    const spec = bigSpec();
    const direct = await xlsxBytes(spec);
    const viaExcelJS = await xlsxBytes(spec, { directMinCells: Infinity });
    // The direct path was taken: the body's text is inline, not in the shared strings.
    const sheetXml = await (await JSZip.loadAsync(direct)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheetXml).toContain('<c r="A4" t="inlineStr"><is><t>部門1</t></is></c>');
    expect(sheetXml).toContain('<t xml:space="preserve">A&amp;B &lt;c&gt; </t>');
    const [a, b] = [await load(direct), await load(viaExcelJS)];
    for (const name of ["逆行列係数", "グラフ"]) {
      expect(describeSheet(a.getWorksheet(name)!)).toEqual(describeSheet(b.getWorksheet(name)!));
    }
    const ws = a.getWorksheet("逆行列係数")!;
    expect(ws.getCell("F5").value).toBe(value(1, 4));
    expect(ws.getCell("F5").numFmt).toBe("#,##0.0");
    expect(ws.getCell("G5").numFmt).toBe("0.000000");
    expect(ws.getCell("H8").value).toBe("—");
    expect(ws.getCell("H8").alignment).toEqual({ horizontal: "right" });
    expect(ws.getCell("G7").value).toBeNull();
    // The chart's cached categories come from the directly written block.
    const chart = await (await JSZip.loadAsync(direct)).file("xl/charts/chart1.xml")!.async("string");
    expect(chart).toContain("<c:v>部門1</c:v>");
  });

  it("a sheet holding nothing but a large block (ExcelJS writes an empty sheetData) is the same too", async () => {
    const values: CellSpec[][] = Array.from({ length: N }, (_, i) => Array.from({ length: N }, (_, j) => value(i, j)));
    const spec: WorkbookSpec = { ...bigSpec(), sheets: [{ key: "M", name: "M", blocks: [{ row: 5, col: 2, values, numberFormat: "0.00" }] }] };
    const direct = await xlsxBytes(spec);
    const sheetXml = await (await JSZip.loadAsync(direct)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheetXml).toMatch(/<sheetData><row r="6">/);
    expect(sheetXml).toContain(`<dimension ref="A1:BT${5 + N}"/>`);
    const [a, b] = [await load(direct), await load(await xlsxBytes(spec, { directMinCells: Infinity }))];
    expect(describeSheet(a.getWorksheet("M")!)).toEqual(describeSheet(b.getWorksheet("M")!));
  });

  it("the command line's file (zlib on its thread pool, bulk parts packed early) holds the same parts, in the same order, as JSZip's", async () => {
    const spec = bigSpec();
    const [cli, jszip] = [await JSZip.loadAsync(await writeXlsxBuffer(spec), { checkCRC32: true }), await JSZip.loadAsync(await xlsxBytes(spec))];
    const names = (z: JSZip) => Object.values(z.files).filter((f) => !f.dir).map((f) => f.name);
    expect(names(cli)).toEqual(names(jszip));
    expect(names(cli)).toContain("xl/worksheets/sheet1.xml");
    for (const name of names(jszip)) {
      const [a, b] = [await cli.file(name)!.async("uint8array"), await jszip.file(name)!.async("uint8array")];
      expect(Buffer.from(a).equals(Buffer.from(b)), name).toBe(true);
    }
  });

  it("a workbook over the cell limit is refused before anything is built, naming its size and what to do", async () => {
    const spec = bigSpec();
    const cells = spec.sheets.flatMap((s) => s.blocks).reduce((t, b) => t + b.values.reduce((u, r) => u + r.length, 0), 0);
    await expect(xlsxBytes(spec, { maxCells: cells - 1 })).rejects.toMatchObject({
      code: "workbook-too-large",
      message: expect.stringContaining(`${cells.toLocaleString("en")} cells`),
    });
    await expect(xlsxBytes(spec, { maxCells: cells })).resolves.toBeInstanceOf(Uint8Array);
  });

  it("are read back by LibreOffice with the same numbers", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ripple-bulk-"));
    const file = join(dir, "bulk.xlsx");
    writeFileSync(file, await xlsxBytes(bigSpec()));
    const { sheets } = await recalcAndReadValues(file);
    const g = sheets.find((s) => s.sheet === "逆行列係数")!;
    expect(g.origin).toEqual({ row: 0, col: 0 });
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < N; j++) {
        const v = value(i, j);
        const got = g.values[3 + i][1 + j];
        // LibreOffice saves 15 significant digits; the cell itself holds the full double.
        if (typeof v === "number") expect(Math.abs((got as number) - v)).toBeLessThanOrEqual(1e-14 * Math.abs(v));
        else if (v === "—") expect(got).toBe("—");
      }
    }
    expect(g.values[5][0]).toBe("A&B <c> ");
    expect(g.values[3 + N][1]).toBe(0.25);
  }, 120_000);
});
