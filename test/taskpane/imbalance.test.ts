// The pane refuses a table that does not add up before anything is computed or written (the
// run's error is the blocking message), and runs it only when the user ticks the checkbox; the
// results sheets then say so after their titles.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { installFakeOffice, type FakeValue, type FakeWorkbook } from "../workbook/office/fakeExcel";
import { RippleError } from "../../src/engine/errors";
import { IMBALANCE_NOTICE } from "../../src/report/imbalanceNotice";
import { defaultPaneOptions } from "../../src/taskpane/paneOptions";
import { loadTableFromSheet, runAnalysis } from "../../src/taskpane/runAnalysis";
import { parseDisruptionSpec } from "../../src/engine/disruption/spec";
import { runDisruptionJob } from "../../src/usecases/disruption";
import { modelSettings } from "../../src/usecases/options";

const SHEET = "表";
// 農業's row adds up to 105, its output is 100 (F2): a gap of 5 units, beyond rounding (1.5).
const CELLS: FakeValue[][] = [
  ["", "農業", "製造業", "民間消費支出", "国内生産額"],
  ["農業", 10, 20, 75, 100],
  ["製造業", 30, 60, 110, 200],
  ["雇用者所得", 60, 120, null, null],
  ["国内生産額", 100, 200, null, null],
];

let wb: FakeWorkbook;
beforeEach(() => {
  wb = installFakeOffice(globalThis, { [SHEET]: CELLS }, { displayLanguage: "ja-JP" });
});
afterEach(() => wb.uninstall());

describe("a table that does not add up, in the task pane", () => {
  it("is refused with the cell and gap named, nothing written; the checkbox (off by default) runs it with the notice on every sheet", async () => {
    expect(defaultPaneOptions().allowImbalance).toBe(false);
    const d = await loadTableFromSheet(SHEET);
    const before = wb.sheetNames();
    const err = await runAnalysis({ detected: d, shock: null, options: {}, typeII: false, lang: "ja" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RippleError);
    expect((err as RippleError).code).toBe("table.imbalance");
    expect((err as RippleError).where).toMatchObject({ sheet: SHEET, cell: "E2" });
    expect((err as RippleError).format("en")).toMatch(/農業 \(E2\): 105 vs 100 \(gap 5, tolerance 2\)/);
    expect(wb.sheetNames()).toEqual(before);

    const out = await runAnalysis({ detected: d, shock: null, options: {}, typeII: false, allowImbalance: true, lang: "ja" });
    expect(out.sheets.length).toBeGreaterThan(2);
    for (const name of out.sheets) {
      const firstRow = wb.sheet(name).toValues()[0] ?? [];
      expect(firstRow.filter((v) => typeof v === "string").join(" "), name).toContain(IMBALANCE_NOTICE.ja);
    }
    expect(out.result.warnings.some((w) => w.includes("--allow-imbalance"))).toBe(true);
  });

  it("the other tabs' runners follow the same choice (as --allow-imbalance does for every command): disruption", async () => {
    const d = await loadTableFromSheet(SHEET);
    const spec = parseDisruptionSpec({ sector: "製造業", importCut: 0.5, months: 2, imports: 10, extraction: false, ghosh: false, periods: 24, periodLength: "month", recoveryMonths: { default: 12 } }, {});
    const input = {
      table: { grid: d.grid, layout: d.layout, description: SHEET },
      spec,
      specInput: { description: "spec" },
      version: "test",
    };
    const model = modelSettings({});
    const err = await runDisruptionJob(input, { model, allowImbalance: false, lang: "ja" }).catch((e: unknown) => e);
    expect((err as RippleError).code).toBe("table.imbalance");
    const job = await runDisruptionJob(input, { model, allowImbalance: true, lang: "ja" });
    for (const sheet of job.workbook().sheets) expect(JSON.stringify(sheet), sheet.name).toContain(IMBALANCE_NOTICE.ja);
  });
});
