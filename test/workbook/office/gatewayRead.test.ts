import seedrandom from "seedrandom";
import { afterEach, describe, expect, it } from "vitest";
import { RippleError } from "../../../src/engine/errors";
import { displayLanguage, listSheets, loadMapping, readRange, readSelection, readUsedRange, recalculate, saveMapping } from "../../../src/workbook/office/gateway";
import { mappingSettingKey } from "../../../src/workbook/office/mappingSettings";
import { FAKE_PAYLOAD_LIMIT, type FakeWorkbook, installFakeOffice } from "./fakeExcel";

let wb: FakeWorkbook | null = null;
afterEach(() => {
  wb?.uninstall();
  wb = null;
});

function doubles(rows: number, cols: number, seed = "io"): number[][] {
  const rnd = seedrandom(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => (rnd() - 0.3) * 10 ** Math.floor(rnd() * 8 - 2)));
}

/** Read a rows×cols table of doubles placed at C5 and return the syncs it took. */
async function readTable(rows: number, cols: number): Promise<{ syncs: number; maxResponse: number }> {
  const data = doubles(rows, cols);
  wb = installFakeOffice(globalThis, { IO: { at: "C5", values: data } });
  const grid = await readUsedRange("IO");
  expect(grid.sheet).toBe("IO");
  expect(grid.origin).toEqual({ row: 4, col: 2 });
  expect(grid.values).toEqual(data);
  for (const s of wb.syncs) {
    expect(s.failed).toBeUndefined();
    expect(s.requestBytes).toBeLessThan(FAKE_PAYLOAD_LIMIT);
    expect(s.responseBytes).toBeLessThan(FAKE_PAYLOAD_LIMIT);
  }
  expect(wb.runs).toBe(1);
  expect(wb.writes).toEqual([]);
  const result = { syncs: wb.syncs.length, maxResponse: wb.maxResponseBytes() };
  wb.uninstall();
  wb = null;
  return result;
}

describe("reading tables through the gateway", () => {
  it("reads a 500×400 table of doubles in blocks under 5 MB, with syncs growing with the data", async () => {
    const small = await readTable(100, 400);
    const mid = await readTable(500, 400);
    const wide = await readTable(500, 800);
    expect(small.syncs).toBeLessThan(mid.syncs);
    expect(mid.syncs).toBeLessThan(wide.syncs);
    // Blocks of many rows, not a sync per row (or per cell).
    expect(mid.syncs).toBeLessThanOrEqual(6);
    expect(wide.syncs).toBeLessThanOrEqual(10);
    // Each sync stays under half the limit.
    expect(mid.maxResponse).toBeLessThan(FAKE_PAYLOAD_LIMIT / 2);
    expect(wide.maxResponse).toBeLessThan(FAKE_PAYLOAD_LIMIT / 2);
  });

  it("re-plans with smaller blocks when cells are much bigger than estimated", async () => {
    const long = "長い説明文".repeat(60); // 300 characters, 900 bytes in UTF-8
    const data = Array.from({ length: 300 }, (_, i) => Array.from({ length: 40 }, (_, j) => `${i},${j} ${long}`));
    wb = installFakeOffice(globalThis, { Notes: data });
    const grid = await readUsedRange("Notes");
    expect(grid.values).toEqual(data);
    expect(wb.syncs.some((s) => s.failed === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(wb.runs).toBe(1);
  });

  it("reads a range and the selection clipped to the used range, with their origin", async () => {
    const data = doubles(20, 10);
    wb = installFakeOffice(globalThis, { 取引基本表: { at: "B3", values: data } }, { selection: { sheet: "取引基本表", address: "C4:E6" } });
    const g = await readRange("取引基本表", "D6:F8");
    expect(g.origin).toEqual({ row: 5, col: 3 });
    expect(g.values).toEqual(data.slice(3, 6).map((r) => r.slice(2, 5)));
    const cols = await readRange("取引基本表", "'取引基本表'!C:D");
    expect(cols.origin).toEqual({ row: 2, col: 2 });
    expect(cols.values).toEqual(data.map((r) => r.slice(1, 3)));
    const sel = await readSelection();
    expect(sel).toEqual({ sheet: "取引基本表", origin: { row: 3, col: 2 }, values: data.slice(1, 4).map((r) => r.slice(1, 4)) });
    expect(wb.writes).toEqual([]);
  });

  it("lists sheets with their used ranges", async () => {
    wb = installFakeOffice(globalThis, { IO: { at: "C5", values: [[1, 2], [3, 4]] }, Empty: [] });
    expect(await listSheets()).toEqual([
      { name: "IO", usedRange: "C5:D6" },
      { name: "Empty", usedRange: null },
    ]);
  });

  it("names the sheet and says what to do when a sheet is missing or empty, or a range is bad", async () => {
    wb = installFakeOffice(globalThis, { IO: [[1]], Empty: [] }, { selection: { sheet: "IO", address: "A1:B2,D4" } });
    const missing = await readUsedRange("産業連関表").catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(RippleError);
    expect(missing).toMatchObject({ code: "sheet-not-found", where: { sheet: "産業連関表" } });
    expect((missing as RippleError).format("ja")).toContain("シート「産業連関表」");
    expect((missing as RippleError).format("en")).toContain("sheet '産業連関表'");
    await expect(readRange("Nope", "A1:B2")).rejects.toMatchObject({ code: "sheet-not-found", where: { sheet: "Nope" } });
    await expect(readUsedRange("Empty")).rejects.toMatchObject({ code: "range-empty", where: { sheet: "Empty" } });
    await expect(readRange("IO", "B2:C3")).rejects.toMatchObject({ code: "range-empty", where: { sheet: "IO", cell: "B2:C3" } });
    await expect(readRange("IO", "A1:ZZZZ9")).rejects.toMatchObject({ code: "bad-range", where: { sheet: "IO" } });
    await expect(readSelection()).rejects.toMatchObject({ code: "bad-selection" });
    // A stray value far away makes the used range huge: refused before any values are loaded.
    wb.sheet("IO").setCell(1_048_575, 16_383, { value: "stray" });
    const syncs = wb.syncs.length;
    await expect(readUsedRange("IO")).rejects.toMatchObject({ code: "range-too-large", where: { sheet: "IO", cell: "A1:XFD1048576" } });
    expect(wb.syncs.length).toBe(syncs + 1);
  });

  it("saves a mapping with the workbook and loads it back", async () => {
    wb = installFakeOffice(globalThis, { IO: [[1]] });
    expect(await loadMapping("IO")).toBeNull();
    const mapping = { rows: { "01 農林水産業": "sector" as const, 国内生産額: "output" as const }, cols: { 輸出: "export" as const }, importType: "competitive" as const };
    await saveMapping("IO", mapping);
    expect(await loadMapping("IO")).toEqual(mapping);
    expect(wb.settings.has(mappingSettingKey("IO"))).toBe(true);
    wb.settings.set(mappingSettingKey("IO"), JSON.stringify({ rows: { x: "nonsense" } }));
    await expect(loadMapping("IO")).rejects.toMatchObject({ code: "bad-saved-mapping" });
    await expect(saveMapping("IO", { rows: { x: "bogus" as never } })).rejects.toMatchObject({ code: "bad-saved-mapping" });
    expect(wb.writesTo("IO")).toEqual([]);
  });

  it("follows Office's display language", () => {
    wb = installFakeOffice(globalThis, {}, { displayLanguage: "ja-JP" });
    expect(displayLanguage()).toBe("ja");
    wb.office.context.displayLanguage = "en-GB";
    expect(displayLanguage()).toBe("en");
  });

  it("asks Excel for a full recalculation in its own Excel.run, writing nothing", async () => {
    wb = installFakeOffice(globalThis, { IO: [[1, 2]] });
    await recalculate();
    expect(wb.calculations).toEqual(["Full"]);
    expect(wb.runs).toBe(1);
    expect(wb.writes).toEqual([]);
  });

  it("names what it was doing when Excel is not there", async () => {
    await expect(recalculate()).rejects.toBeInstanceOf(RippleError);
  });
});
