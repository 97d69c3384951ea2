// A table with a sector whose output is 0: the pane's controller first stops with the error
// naming the sector and its cell, then — only by the user's choice — reads the table without
// it, names it in a warning, and saves the choice with the confirmed mapping.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { installFakeOffice, type FakeValue, type FakeWorkbook } from "../workbook/office/fakeExcel";
import { RippleError } from "../../src/engine/errors";
import { mappingSettingKey } from "../../src/workbook/office/mappingSettings";
import {
  droppedSectorsWarning,
  isZeroOutputError,
  loadTableFromSheet,
  runAnalysis,
  saveConfirmedMapping,
  withDropZeroOutput,
  withRole,
} from "../../src/taskpane/runAnalysis";

const SHEET = "小さな表";
// 3 sectors; 鉱業 has no transactions and output 0 (D6). Rows and columns balance for the others.
const CELLS: FakeValue[][] = [
  ["", "農業", "製造業", "鉱業", "最終需要計", "国内生産額"],
  ["農業", 10, 20, 0, 70, 100],
  ["製造業", 30, 60, 0, 110, 200],
  ["鉱業", 0, 0, 0, 0, 0],
  ["粗付加価値部門計", 60, 120, 0, null, null],
  ["国内生産額", 100, 200, 0, null, null],
];

let wb: FakeWorkbook;
beforeEach(() => {
  wb = installFakeOffice(globalThis, { [SHEET]: CELLS }, { displayLanguage: "ja-JP" });
});
afterEach(() => wb.uninstall());

/** The mapping as stored in the workbook settings (a JSON string). */
function savedSetting(): Record<string, unknown> {
  const raw = wb.settings.get(mappingSettingKey(SHEET));
  expect(raw).toBeDefined();
  return (typeof raw === "string" ? JSON.parse(raw) : raw) as Record<string, unknown>;
}

describe("a sector with zero output in the task pane", () => {
  it("stops with the error naming the sector and cell; the user's choice reads n − 1 sectors and saves it", async () => {
    const d = await loadTableFromSheet(SHEET);
    expect(d.table).toBeNull();
    expect(isZeroOutputError(d.tableError)).toBe(true);
    const err = d.tableError as RippleError;
    expect(err.where).toMatchObject({ sheet: SHEET, cell: "D6" });
    expect(err.format("ja")).toContain(`シート「${SHEET}」 セル D6`);
    expect(err.format("ja")).toContain("鉱業 (D6: 0)");
    expect(err.format("en")).toContain("鉱業 (D6: 0)");
    expect(d.layout.rows.filter((r) => r.role === "sector")).toHaveLength(3);
    expect(d.layout.dropZeroOutput).toBeFalsy();
    // A run without the choice refuses with the same error, writing nothing.
    await expect(runAnalysis({ detected: d, shock: null, options: {}, typeII: false, lang: "ja" })).rejects.toBe(err);
    expect(wb.sheetNames()).toEqual([SHEET]);

    const dropped = withDropZeroOutput(d, true);
    expect(dropped.tableError).toBeNull();
    expect(dropped.mappingSource).toBe("edited");
    expect(dropped.layout.dropZeroOutput).toBe(true);
    expect(dropped.table!.sectors.map((s) => s.label)).toEqual(["農業", "製造業"]);
    expect(dropped.table!.x).toEqual([100, 200]);
    const warning = droppedSectorsWarning(dropped.table);
    expect(warning).not.toBeNull();
    expect(warning!.text.ja).toContain("鉱業 (D6: 0)");
    expect(warning!.text.en).toContain("鉱業 (D6: 0)");
    expect(warning!.where).toMatchObject({ sheet: SHEET, cell: "D6" });
    // The detected convention is kept as detected (not turned into a user's choice).
    expect(dropped.layout.importTypeSource).toBe(d.layout.importTypeSource);

    // A later role edit keeps the choice.
    const va = dropped.layout.rows.find((r) => r.name === "粗付加価値部門計")!;
    const edited = withRole(dropped, "rows", va, "va:other");
    expect(edited.layout.dropZeroOutput).toBe(true);
    expect(edited.table!.sectors).toHaveLength(2);

    await saveConfirmedMapping(edited, null);
    expect(savedSetting()).toMatchObject({ dropZeroOutput: true });
    expect(savedSetting().importType).toBeUndefined();
    expect(wb.writesTo(SHEET)).toEqual([]);

    // The run then uses the n − 1 sectors.
    const out = await runAnalysis({ detected: edited, shock: null, options: {}, typeII: false, lang: "ja" });
    expect(out.result.sectors).toHaveLength(2);
    expect(wb.writesTo(SHEET)).toEqual([]);

    // Reopening: the saved mapping brings the choice back.
    const again = await loadTableFromSheet(SHEET);
    expect(again.mappingSource).toBe("saved");
    expect(again.table!.sectors).toHaveLength(2);
  });

  it("turning the choice off again brings the error back and saves the mapping without it", async () => {
    const d = await loadTableFromSheet(SHEET);
    const on = withDropZeroOutput(d, true);
    const off = withDropZeroOutput(on, false);
    expect(off.table).toBeNull();
    expect(isZeroOutputError(off.tableError)).toBe(true);
    expect(off.layout.dropZeroOutput).toBeFalsy();
    await saveConfirmedMapping(off, null);
    expect(savedSetting().dropZeroOutput).toBeUndefined();
    // Other errors are not offered the choice.
    expect(isZeroOutputError(new RippleError("table.no-sectors", { ja: "x", en: "x" }))).toBe(false);
    expect(isZeroOutputError(new Error("table.output-nonpositive"))).toBe(false);
  });
});
