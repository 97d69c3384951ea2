// The run record through the Office gateway: writeReport adds the spec's custom XML parts with its
// last sync, readCustomXml gives them back by namespace; a host without ExcelApi 1.5 gets none
// (and the comparison then refuses the workbook as holding no record).
import { afterEach, describe, expect, it } from "vitest";
import { RUN_RECORD_NAMESPACE, runRecordFromXml, runRecordPart } from "../../../src/report/runRecordPart";
import type { WorkbookSpec } from "../../../src/report/spec";
import { readCustomXml, writeReport } from "../../../src/workbook/office/gateway";
import { CUSTOM_XML_MAX_BYTES } from "../../../src/workbook/office/writeReport";
import { stringBytes } from "../../../src/workbook/office/budget";
import { type FakeWorkbook, installFakeOffice } from "./fakeExcel";

let wb: FakeWorkbook | null = null;
afterEach(() => {
  wb?.uninstall();
  wb = null;
});

const json = JSON.stringify({ text: "計画 <P-01> & \"引用\" ]]>", n: 0.734 });
const spec: WorkbookSpec = {
  lang: "ja",
  provenance: { software: "Ripple", version: "0.1.0", createdAt: "2026-01-01T00:00:00Z", inputs: [], parameters: [], variants: [], warnings: [] },
  sheets: [{ key: "summary", name: "政策評価サマリー", blocks: [{ row: 0, col: 0, values: [["見出し", 1]] }] }],
  customXml: [runRecordPart(json, 1)],
};

describe("custom XML parts through the gateway", () => {
  it("are written with the results and read back by namespace, text unchanged", async () => {
    wb = installFakeOffice(globalThis, { 表: [["x"]] });
    await writeReport(spec);
    expect(wb.customXml.map((p) => p.namespace)).toEqual([RUN_RECORD_NAMESPACE]);
    const parts = await readCustomXml(RUN_RECORD_NAMESPACE);
    expect(parts).toHaveLength(1);
    expect(runRecordFromXml(parts[0])).toEqual({ format: 1, json });
    expect(await readCustomXml("urn:other")).toEqual([]);
  });

  it("are left out where the host lacks ExcelApi 1.5", async () => {
    wb = installFakeOffice(globalThis, { 表: [["x"]] }, { excelApi: 4 });
    await writeReport(spec);
    expect(wb.customXml).toEqual([]);
    expect(await readCustomXml(RUN_RECORD_NAMESPACE)).toEqual([]);
  });

  it("a part too large for one Excel request is left out and reported; the sheets are written", async () => {
    wb = installFakeOffice(globalThis, { 表: [["x"]] });
    // A record of a large table: ~5.2 MB of JSON, over Excel on the web's 5 MB request limit,
    // which the fake enforces as Excel does (the write failed and was rolled back before).
    const big = runRecordPart(JSON.stringify({ grid: Array.from({ length: 400_000 }, (_, i) => i * 1.000001) }), 1);
    expect(big.xml.length).toBeGreaterThan(wb.payloadLimit);
    const written = await writeReport({ ...spec, customXml: [big] });
    expect(written.sheets).toEqual(["政策評価サマリー"]);
    expect(wb.sheet("政策評価サマリー").toValues()).toEqual([["見出し", 1]]);
    expect(wb.customXml).toEqual([]);
    expect(written.skippedXml).toEqual([{ namespace: RUN_RECORD_NAMESPACE, bytes: expect.any(Number) }]);
    expect(written.skippedXml[0].bytes).toBeGreaterThan(CUSTOM_XML_MAX_BYTES);
    expect(wb.syncs.every((s) => !s.failed)).toBe(true);
  });

  it("a part just under the limit is still stored", async () => {
    wb = installFakeOffice(globalThis, { 表: [["x"]] });
    // Measured as the writer measures (stringBytes: quotes and the line break count escaped).
    const head = stringBytes(runRecordPart("", 1).xml);
    const part = runRecordPart("x".repeat(CUSTOM_XML_MAX_BYTES - head - 10), 1);
    const written = await writeReport({ ...spec, customXml: [part] });
    expect(written.skippedXml).toEqual([]);
    expect(wb.customXml.map((p) => p.xml.length)).toEqual([part.xml.length]);
  });
});
