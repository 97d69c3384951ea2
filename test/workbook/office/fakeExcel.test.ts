// The fake must behave like Excel where the gateway depends on it, or the gateway's tests prove
// nothing: these pin down the rules it follows.

import { afterEach, describe, expect, it } from "vitest";
import { type FakeWorkbook, installFakeOffice } from "./fakeExcel";

let wb: FakeWorkbook | null = null;
afterEach(() => {
  wb?.uninstall();
  wb = null;
});

describe("fake Excel object model", () => {
  it("has no loaded value before the sync, and the value after it", async () => {
    wb = installFakeOffice(globalThis, { S: [[1, "a"], [null, true]] });
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:B2");
      r.load("values,address");
      expect(() => r.values).toThrow(/not available/);
      await ctx.sync();
      expect(r.values).toEqual([[1, "a"], ["", true]]);
      expect(r.address).toBe("S!A1:B2");
    });
    expect(wb.syncs).toHaveLength(1);
    expect(wb.runs).toBe(1);
  });

  it("parses strings written to values as Excel does when typing", async () => {
    wb = installFakeOffice(globalThis, { S: [] });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:F1").values = [["=1+1", "'=1+1", "01", "4月1日", "TRUE", null]];
      await ctx.sync();
    });
    const s = wb.sheet("S");
    expect(s.cell(0, 0)?.formula).toBe("=1+1");
    expect(s.cell(0, 1)).toEqual({ value: "=1+1", quotePrefix: true });
    expect(s.value(0, 2)).toBe(1);
    expect(typeof s.value(0, 3)).toBe("number");
    expect(s.value(0, 4)).toBe(true);
    expect(s.cell(0, 5)).toBeUndefined(); // null leaves the cell unchanged
  });

  it("fails a sync at a missing sheet with ItemNotFound, and a null object instead when asked", async () => {
    wb = installFakeOffice(globalThis, { S: [[1]] });
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Nope");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    await Excel.run(async (ctx) => {
      const w = ctx.workbook.worksheets.getItemOrNullObject("Nope").load("name");
      await ctx.sync();
      expect(w.isNullObject).toBe(true);
    });
  });

  it("refuses a request or a response over the payload limit", async () => {
    wb = installFakeOffice(globalThis, { S: [] }, { payloadLimit: 10_000 });
    const big = Array.from({ length: 100 }, () => Array.from({ length: 10 }, () => 1.2345678901234567));
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:J100").values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(wb.sheet("S").used(true)).toBeNull();
    wb.uninstall();
    wb = installFakeOffice(globalThis, { S: big }, { payloadLimit: 10_000 });
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:J100").load("values");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("refuses duplicate and invalid sheet names and a values array of the wrong shape", async () => {
    wb = installFakeOffice(globalThis, { Sheet: [] });
    for (const name of ["sheet", "a/b", "x".repeat(32)])
      await expect(
        Excel.run(async (ctx) => {
          ctx.workbook.worksheets.add(name);
          await ctx.sync();
        }),
      ).rejects.toHaveProperty("code");
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet").getRange("A1:B2").values = [[1, 2]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("builds charts from a source range and records series ranges", async () => {
    wb = installFakeOffice(globalThis, { S: [[1, 2], [3, 4], [5, 6]] });
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      const ch = ws.charts.add("ColumnClustered", ws.getRange("B1:B3"), "Columns");
      ch.series.getItemAt(0).setXAxisValues(ws.getRange("A1:A3"));
      ch.title.text = "T";
      await ctx.sync();
    });
    expect(wb.charts()[0]).toMatchObject({ type: "ColumnClustered", title: "T", series: [{ values: "S!B1:B3", xValues: "S!A1:A3" }] });
  });
});
