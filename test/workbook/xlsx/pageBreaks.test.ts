// A sheet that asks for it (print.keep) gets a manual page break before a block that would run
// over a page end, so a table printed under another starts on a new page with its header; a
// block that fits where it is gets none, one taller than a page is cut at the page end. Every page
// end up to the last kept block is written as a break, where the estimate puts it.
import { describe, expect, it } from "vitest";
import JSZip from "jszip";
import { writeXlsxBuffer } from "../../../src/workbook/xlsx";
import type { BlockSpec, SheetSpec, WorkbookSpec } from "../../../src/report/spec";

/** Blocks of `rows` body rows under a header, a blank row between them, from row 0. */
function sheet(sizes: number[], keep: boolean): SheetSpec {
  const blocks: BlockSpec[] = [];
  const ranges: { row: number; rows: number }[] = [];
  let row = 0;
  for (const n of sizes) {
    blocks.push({ row, col: 0, values: [["Good", "A", "B"]], style: "header" });
    blocks.push({ row: row + 1, col: 0, values: Array.from({ length: n }, (_, i) => [`g${i}`, i, i]), style: "body" });
    ranges.push({ row, rows: n + 1 });
    row += n + 2;
  }
  return { key: "t", name: "T", blocks, columnWidths: { 0: 20, 1: 12, 2: 12 }, ...(keep ? { print: { keep: ranges } } : {}) };
}

async function breaks(s: SheetSpec): Promise<number[]> {
  const spec: WorkbookSpec = { lang: "en", sheets: [s], provenance: { software: "Ripple", version: "t", createdAt: "2025-01-01T00:00:00Z", inputs: [], parameters: [], variants: [], warnings: [] } };
  const zip = await JSZip.loadAsync(await writeXlsxBuffer(spec));
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  return [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
}

describe("page breaks that keep blocks whole", () => {
  // A4 landscape at 100% (a narrow sheet): about 33 rows of 15 pt to a page.
  it("breaks before a block that would cross the page end, under the row before it", async () => {
    // rows 0–20 (header + 20), blank 21, then a 21-row block at 22–42: it crosses row 33
    expect(await breaks(sheet([20, 20], true))).toEqual([22]);
  });

  it("no break where every block fits or without keep; a block taller than a page breaks at the page end only", async () => {
    expect(await breaks(sheet([10, 10], true))).toEqual([]);
    expect(await breaks(sheet([20, 20], false))).toEqual([]);
    // 516 pt / 15 pt: 34 rows on the first page, the break under row 34 (none before the block)
    expect(await breaks(sheet([60], true))).toEqual([34]);
  });
});
