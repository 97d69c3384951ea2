// How results sheets look when printed or opened: long headers wrap (with the row height
// written, since readers keep the default height), headers over figures and "—" placeholders sit
// on the right like the numbers, and sheets print landscape on A4, one page wide when legible.
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { writeXlsxBuffer } from "../../../src/workbook/xlsx";
import { textWidth } from "../../../src/workbook/xlsx/writeCells";
import { printAreaOf } from "../../../src/workbook/xlsx/printMarks";
import { FIT_WIDTH_MAX_CHARS } from "../../../src/workbook/printPlan";
import type { WorkbookSpec } from "../../../src/report/spec";

const LONG = "Induced gross value added (million yen)";

function spec(): WorkbookSpec {
  return {
    lang: "en",
    provenance: { software: "Ripple", version: "test", createdAt: "2025-01-01T00:00:00Z", inputs: [], parameters: [], variants: [], warnings: [] },
    sheets: [
      {
        key: "summary",
        name: "Summary",
        columnWidths: { 0: 14, 1: 16, 2: 16, 3: 12 },
        blocks: [
          { row: 0, col: 0, values: [["Stage", LONG, "Share", "Note"]], style: "header" },
          { row: 1, col: 0, values: [["Direct", 1234.5, "—", "text"]], style: "body" },
          // A lone header with empty cells beside it spills over them: no wrap.
          { row: 3, col: 0, values: [[`${LONG} — scenario A`]], style: "header" },
        ],
      },
      {
        key: "wide",
        name: "Wide",
        columnWidths: Object.fromEntries(Array.from({ length: 30 }, (_, c) => [c, 20])),
        blocks: [{ row: 0, col: 0, values: [Array.from({ length: 30 }, (_, c) => c)], style: "body" }],
      },
    ],
  };
}

async function load(): Promise<{ wb: ExcelJS.Workbook; zip: JSZip }> {
  const bytes = await writeXlsxBuffer(spec());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return { wb, zip: await JSZip.loadAsync(bytes) };
}

describe("headers, placeholders and printing in written files", () => {
  it("wraps a header that would be cut off by its neighbour and writes its row height", async () => {
    const { wb } = await load();
    const ws = wb.getWorksheet("Summary")!;
    expect(ws.getCell("B1").alignment).toMatchObject({ wrapText: true, horizontal: "right" });
    const lines = Math.ceil(textWidth(LONG, true) / 15);
    expect(lines).toBeGreaterThan(1);
    expect(ws.getRow(1).height).toBe(15 * lines);
    // Fits its column: no wrap; over text: left as it is.
    expect(ws.getCell("A1").alignment?.wrapText).toBeFalsy();
    expect(ws.getCell("D1").alignment).toBeFalsy();
    // Nothing beside it: spills, no wrap, default height.
    expect(ws.getCell("A4").alignment?.wrapText).toBeFalsy();
    expect(ws.getRow(4).height).toBeFalsy();
  });

  it("right-aligns headers over figures and the '—' placeholder, like the numbers", async () => {
    const { wb } = await load();
    const ws = wb.getWorksheet("Summary")!;
    expect(ws.getCell("C1").alignment?.horizontal).toBe("right");
    expect(ws.getCell("C2").value).toBe("—");
    expect(ws.getCell("C2").alignment?.horizontal).toBe("right");
    expect(ws.getCell("D2").alignment).toBeFalsy();
  });

  it("prints landscape on A4, one page wide up to a legible width, with an absolute print area", async () => {
    const { zip } = await load();
    const narrow = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(narrow).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    expect(narrow).toMatch(/<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/);
    const wide = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(30 * 20).toBeGreaterThan(FIT_WIDTH_MAX_CHARS);
    expect(wide).toMatch(/<pageSetup paperSize="9" orientation="landscape"\/>/);
    expect(wide).not.toContain("fitToPage");
    const book = await zip.file("xl/workbook.xml")!.async("string");
    expect(book).toContain("<definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">&apos;Summary&apos;!$A$1:$D$4</definedName>");
    expect(book).not.toMatch(/_xlnm.Print_Area" localSheetId="1"/);
    // printed over several pages: its row labels (column A) on every page
    expect(book).toMatch(/_xlnm.Print_Titles" localSheetId="1">[^<]*\$A:\$A/);
    expect(printAreaOf(17, 15)).toBe("A$1:O$17");
  });
});
