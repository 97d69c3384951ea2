// The run record through the Office gateway: writeReport adds the spec's custom XML parts with its
// last sync, readCustomXml gives them back by namespace; a host without ExcelApi 1.5 gets none
// (and the comparison then refuses the workbook as holding no record).
import { afterEach, describe, expect, it } from "vitest";
import { RUN_RECORD_NAMESPACE, runRecordFromXml, runRecordPart } from "../../../src/report/runRecordPart";
import type { WorkbookSpec } from "../../../src/report/spec";
import { readCustomXml, writeReport } from "../../../src/workbook/office/gateway";
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
});
