// Limits instead of crashes (issue 16): inflation bombs, sheets of millions of rows or cells and
// CSVs of a million rows are refused at once, with a message naming the limit, before anything
// is inflated or allocated. Bombs are generated small on disk.
import { mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { RippleError } from "../../../src/engine/errors";
import { LIMITS } from "../../../src/engine/limits";
import { readGridFile } from "../../../src/workbook/xlsx";
import { countElements, xmlDepth } from "../../../src/workbook/xlsx/limits";
import { run } from "../../cli/helpers";

const dir = mkdtempSync(join(tmpdir(), "ripple-limits-"));

async function baseWorkbook(sheets = 1): Promise<JSZip> {
  const wb = new ExcelJS.Workbook();
  for (let k = 0; k < sheets; k++) wb.addWorksheet(`S${k + 1}`).getCell("A1").value = 1;
  return JSZip.loadAsync(await wb.xlsx.writeBuffer());
}

function sheetXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

/** Sets the uncompressed size the central directory declares for a part. */
function declare(zip: Buffer, part: string, size: number): Buffer {
  const name = Buffer.from(part);
  for (let p = zip.length - 46; p >= 0; p--) {
    if (zip.readUInt32LE(p) !== 0x02014b50) continue;
    const len = zip.readUInt16LE(p + 28);
    if (len === name.length && zip.subarray(p + 46, p + 46 + len).equals(name)) {
      zip.writeUInt32LE(size, p + 24);
      return zip;
    }
  }
  throw new Error(`no part ${part}`);
}

async function refusal(file: string, bytes: Buffer): Promise<{ error: RippleError; ms: number }> {
  const path = join(dir, file);
  writeFileSync(path, bytes);
  const t0 = performance.now();
  const error = await readGridFile(path).then(
    () => null,
    (e: unknown) => e,
  );
  const ms = performance.now() - t0;
  expect(error).toBeInstanceOf(RippleError);
  return { error: error as RippleError, ms };
}

const gen = (zip: JSZip) => zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });

describe("workbook limits, checked before inflating", () => {
  it("counts elements with and without a namespace prefix, not look-alikes", () => {
    const xml = Buffer.from('<row r="1"><c r="A1"><v>1</v></c><x:c r="B1"/><col/><c>2</c><cfRule/></row><row/>');
    expect(countElements(xml, "c", 100)).toBe(3);
    expect(countElements(xml, "row", 100)).toBe(2);
  });

  it("measures nesting past comments, CDATA and '>' in attribute values", () => {
    const xml = Buffer.from(`<?xml version="1.0"?><a x='>' y="<b>"><!-- <c><c> --><![CDATA[<d><d>]]><e/><f><g></g></f></a>`);
    expect(xmlDepth(xml, 100)).toBe(3);
    expect(xmlDepth(Buffer.from("<a>".repeat(1000)), 10)).toBe(11);
  });

  it("deeply nested XML (a few kB inflating to a million levels) is refused before the reader parses it", async () => {
    const zip = await baseWorkbook();
    zip.file("xl/worksheets/sheet1.xml", sheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>${"<x>".repeat(1_000_000)}${"</x>".repeat(1_000_000)}`));
    const { error, ms } = await refusal("nested.xlsx", await gen(zip));
    expect(error.format("en")).toMatch(/sheet1\.xml: at least 257 levels of XML nesting, more than the 256 Ripple reads/);
    expect(ms).toBeLessThan(3000);
  });

  it("a part declaring gigabytes is refused from the central directory, at once", async () => {
    const zip = await baseWorkbook();
    const bytes = declare(await gen(zip), "xl/worksheets/sheet1.xml", 0xf0000000);
    const { error, ms } = await refusal("declared.xlsx", bytes);
    expect(error.format("en")).toMatch(/xl\/worksheets\/sheet1\.xml: 4,026,531,840 inflated bytes of one part, more than the 268,435,456 Ripple reads/);
    expect(ms).toBeLessThan(3000);
  });

  it("three sheets within the part limit but over the total are refused at once", async () => {
    const zip = await baseWorkbook(3);
    let bytes = await gen(zip);
    for (const k of [1, 2, 3]) bytes = declare(bytes, `xl/worksheets/sheet${k}.xml`, LIMITS.partBytes - 1);
    const { error, ms } = await refusal("three.xlsx", bytes);
    expect(error.format("en")).toMatch(/inflated bytes in all, more than the 536,870,912/);
    expect(ms).toBeLessThan(3000);
  });

  it("a forged part that inflates beyond what it declares stops at its declared size", async () => {
    const zip = await baseWorkbook();
    // 64 MB of one cell repeated: about 70 kB deflated, declared as 2 kB.
    zip.file("xl/worksheets/sheet1.xml", sheetXml(`<row r="1">${'<c r="A1"><v>1</v></c>'.repeat(3_000_000)}</row>`));
    const bytes = declare(await gen(zip), "xl/worksheets/sheet1.xml", 2048);
    expect(bytes.length).toBeLessThan(1_000_000);
    const { error, ms } = await refusal("forged.xlsx", bytes);
    expect(error.format("en")).toContain("inflates to more than the 2,048 bytes it declares");
    expect(ms).toBeLessThan(3000);
  });

  it("a sheet of more rows than the limit is refused before the reader builds them", async () => {
    const zip = await baseWorkbook();
    zip.file("xl/worksheets/sheet1.xml", sheetXml("<row/>".repeat(LIMITS.rows + 10)));
    const { error, ms } = await refusal("rows.xlsx", await gen(zip));
    expect(error.format("en")).toMatch(/sheet1\.xml: at least 100,001 rows, more than the 100,000 Ripple reads/);
    expect(ms).toBeLessThan(3000);
  });

  it("a sheet of more cells than the limit is refused before the reader builds them", async () => {
    const zip = await baseWorkbook();
    zip.file("xl/worksheets/sheet1.xml", sheetXml(`<row>${"<c/>".repeat(LIMITS.xlsxCells + 1)}</row>`));
    const { error, ms } = await refusal("cells.xlsx", await gen(zip));
    expect(error.format("en")).toMatch(/at least 5,000,001 cells, more than the 5,000,000 Ripple reads/);
    expect(ms).toBeLessThan(3000);
  });

  it("two cells far apart: the bounding box is refused, not allocated", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Far");
    ws.getCell("A1").value = 1;
    ws.getCell("XFD90000").value = 2;
    const { error } = await refusal("far.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    expect(error.format("en")).toMatch(/sheet 'Far', cell A1:XFD90000: 1,474,560,000 cells, more than the 5,000,000/);
  });

  it("a workbook file far over the size limit is refused without being read", async () => {
    const path = join(dir, "huge.xlsx");
    writeFileSync(path, "");
    truncateSync(path, LIMITS.xlsxBytes + 1); // sparse: nothing on disk
    const t0 = performance.now();
    await expect(readGridFile(path)).rejects.toThrow(/134,217,729 bytes, more than the 134,217,728/);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});

describe("CSV limits", () => {
  it("a CSV of a million rows: exit 2 with the limit named, quickly, no stack overflow", async () => {
    const path = join(dir, "million.csv");
    const lines = [",A,B,Total output"];
    for (let i = 0; i < 1_000_000; i++) lines.push(`R${i},1,2,3`);
    writeFileSync(path, lines.join("\n"));
    const t0 = performance.now();
    const r = await run(["analyze", path, "--json", "-", "--lang", "en"]);
    const ms = performance.now() - t0;
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/million\.csv, cell A100001: at least 100,001 rows, more than the 100,000 Ripple reads/);
    expect(r.err).not.toContain("stack");
    expect(ms).toBeLessThan(5000);
  });

  it("a CSV line of more columns than Excel has is refused at that line", async () => {
    const path = join(dir, "wide.csv");
    writeFileSync(path, "a,b\n" + "1,".repeat(LIMITS.cols + 5) + "\n");
    const r = await run(["analyze", path, "--json", "-", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/wide\.csv, cell A2: at least 16,385 columns, more than the 16,384 Ripple reads/);
  });

  it("a CSV file over the size limit is refused without being read", async () => {
    const path = join(dir, "huge.csv");
    writeFileSync(path, "");
    truncateSync(path, LIMITS.csvBytes + 1);
    const r = await run(["analyze", path, "--json", "-", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("268,435,457 bytes, more than the 268,435,456 Ripple reads");
  });

  it("a long table just under the row limit is read (the limits do not refuse what they allow)", async () => {
    const path = join(dir, "long.csv");
    const lines = ["label,value"];
    for (let i = 0; i < LIMITS.rows - 1; i++) lines.push(`R${i},${i}`);
    writeFileSync(path, lines.join("\n"));
    const f = await readGridFile(path);
    expect(f.sheets[0].values).toHaveLength(LIMITS.rows);
    expect(f.sheets[0].values[LIMITS.rows - 1]).toEqual([`R${LIMITS.rows - 2}`, LIMITS.rows - 2]);
  });
});
