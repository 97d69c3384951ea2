// Write or roll back, against the recording fake Excel with a failure injected mid-write: the
// error says what failed (sheet, Excel's code), every sheet the write added is deleted again,
// input sheets are never written, and a second failure while removing names the sheets left.

import { afterEach, describe, expect, it } from "vitest";
import { RippleError } from "../../../src/engine/errors";
import type { CellSpec, WorkbookSpec } from "../../../src/report/spec";
import { writeReport } from "../../../src/workbook/office/gateway";
import { type FakeValue, type FakeWorkbook, installFakeOffice } from "./fakeExcel";

let wb: FakeWorkbook | null = null;
afterEach(() => {
  wb?.uninstall();
  wb = null;
});

const INPUT: FakeValue[][] = [
  ["部門", "農業", "製造業"],
  ["農業", 10, 20],
  ["製造業", 30, "=SUM(B2:C2)"],
];

/** Three sheets: a summary with a chart, a 60×40 table (several value blocks under a small
 * budget), and notes. */
function spec(): WorkbookSpec {
  const big: CellSpec[][] = Array.from({ length: 60 }, (_, i) => Array.from({ length: 40 }, (_, j) => i * 40 + j + 0.5));
  return {
    lang: "ja",
    provenance: { software: "Ripple", version: "0.1.0", createdAt: "2026-01-01T00:00:00Z", inputs: [], parameters: [], variants: [], warnings: [] },
    sheets: [
      {
        key: "summary",
        name: "集計",
        blocks: [
          { row: 0, col: 0, values: [["総合効果"]], style: "title" },
          { row: 2, col: 0, values: [["部門", "効果"], ["農業", 1], ["製造業", 2]], numberFormat: [null, "#,##0.0"] },
        ],
        charts: [
          {
            type: "bar",
            title: "効果",
            categories: { row: 3, col: 0, rows: 2, cols: 1 },
            series: [{ name: "効果", values: { row: 3, col: 1, rows: 2, cols: 1 } }],
            anchor: { row: 6, col: 0, widthCols: 6, heightRows: 12 },
          },
        ],
      },
      { key: "L", name: "逆行列係数 L", blocks: [{ row: 0, col: 0, values: big, numberFormat: big[0].map(() => "0.000") }] },
      { key: "notes", name: "方法・出典", blocks: [{ row: 0, col: 0, values: [["出典"], ["総務省"]] }] },
    ],
  };
}

/** A budget that moves the 60×40 table in many blocks and syncs. */
const SMALL = { syncBytes: 4_000, blockBytes: 2_000, readBytesPerCell: 30 };

function setUp(): FakeWorkbook {
  wb = installFakeOffice(globalThis, { 取引基本表: INPUT, ショック: [["部門", "額"], ["農業", 5]] });
  return wb;
}

/** Fail the k-th write (1-based) of `kind` with `code`. */
function failNth(w: FakeWorkbook, kind: string, k: number, code = "GeneralException"): void {
  let n = 0;
  w.failWrite = (x) => (x.kind === kind && ++n === k ? code : null);
}

function expectRolledBack(w: FakeWorkbook): void {
  expect(w.sheetNames()).toEqual(["取引基本表", "ショック"]);
  expect(w.writesTo("取引基本表")).toEqual([]);
  expect(w.writesTo("ショック")).toEqual([]);
  expect(w.sheet("取引基本表").toValues()).toEqual(INPUT);
  expect(w.charts()).toEqual([]);
}

describe("gateway write: completes or removes what it started", () => {
  it("writes everything when nothing fails (the baseline the failures are measured against)", async () => {
    const w = setUp();
    const out = await writeReport(spec(), { budget: SMALL });
    expect(out.sheets).toEqual(["集計", "逆行列係数 L", "方法・出典"]);
    expect(w.syncs.filter((s) => s.run === 1).length).toBeGreaterThan(10);
    expect(w.writes.filter((x) => x.kind === "delete")).toEqual([]);
  });

  for (const [phase, kind, k] of [
    ["a value block in the middle of the table", "values", 7],
    ["a number-format block", "numberFormat", 3],
    ["the chart", "chart", 1],
  ] as const) {
    it(`a failure on ${phase}: the error names the sheet and Excel's code; the added sheets are deleted`, async () => {
      const w = setUp();
      failNth(w, kind, k);
      const err = await writeReport(spec(), { budget: SMALL }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RippleError);
      expect((err as RippleError).code).toBe("excel-error");
      expect((err as RippleError).format("ja")).toContain("GeneralException");
      expect((err as RippleError).where.sheet).toBeTruthy();
      // Sheets had been added and written before the failure, then deleted.
      expect(w.writes.some((x) => x.kind === "addSheet")).toBe(true);
      expect(w.writes.filter((x) => x.kind === "delete").map((x) => x.sheet).sort()).toEqual(["方法・出典", "逆行列係数 L", "集計"].sort());
      expectRolledBack(w);
    });
  }

  it("a failure inside the first sync, after some sheets were added in it, removes those sheets", async () => {
    const w = setUp();
    failNth(w, "addSheet", 2); // 集計 is added, 逆行列係数 L fails, in the same batch
    const err = await writeReport(spec(), { budget: SMALL }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RippleError);
    expect(w.writes.filter((x) => x.kind === "addSheet").map((x) => x.sheet)).toEqual(["集計"]);
    expect(w.writes.filter((x) => x.kind === "delete").map((x) => x.sheet)).toEqual(["集計"]);
    expectRolledBack(w);
  });

  it("a failure before any sheet exists deletes nothing", async () => {
    const w = setUp();
    failNth(w, "addSheet", 1);
    await expect(writeReport(spec(), { budget: SMALL })).rejects.toBeInstanceOf(RippleError);
    expect(w.writes.filter((x) => x.kind === "delete")).toEqual([]);
    expectRolledBack(w);
  });

  it("never deletes a sheet of the same name that was there before (names are chosen unused)", async () => {
    const w = setUp();
    await writeReport(spec(), { budget: SMALL });
    const first = w.sheetNames();
    failNth(w, "values", 4);
    await expect(writeReport(spec(), { budget: SMALL })).rejects.toBeInstanceOf(RippleError);
    expect(w.sheetNames()).toEqual(first);
    expect(w.writes.filter((x) => x.kind === "delete").every((x) => / \(2\)$/.test(x.sheet))).toBe(true);
  });

  it("when the removal fails too, the error says so and names the sheets to delete by hand", async () => {
    const w = setUp();
    let values = 0;
    w.failWrite = (x) => (x.kind === "values" && ++values === 5 ? "GeneralException" : x.kind === "delete" ? "AccessDenied" : null);
    const err = (await writeReport(spec(), { budget: SMALL }).catch((e: unknown) => e)) as RippleError;
    expect(err).toBeInstanceOf(RippleError);
    expect(err.code).toBe("write-rollback-failed");
    const ja = err.format("ja");
    expect(ja).toContain("GeneralException");
    expect(ja).toContain("AccessDenied");
    expect(ja).toContain("「集計」「逆行列係数 L」「方法・出典」");
    expect(err.format("en")).toContain("delete whichever of these sheets remain: '集計', '逆行列係数 L', '方法・出典'");
    expect(w.writesTo("取引基本表")).toEqual([]);
  });

  it("a cancel between syncs removes the added sheets and reports a cancel", async () => {
    const w = setUp();
    const ac = new AbortController();
    const err = (await writeReport(spec(), {
      budget: SMALL,
      signal: ac.signal,
      onProgress: (done) => {
        if (done === 3) ac.abort();
      },
    }).catch((e: unknown) => e)) as RippleError;
    expect(err.kind).toBe("cancelled");
    expectRolledBack(w);
  });
});
