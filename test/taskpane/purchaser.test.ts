// The pane's 「需要変化は購入者価格」 option through the fake Office host: the margins range is read
// from the workbook, the run equals the run with the producer-price shock worked out by hand, and
// bad margins are refused with their sheet and cell before anything is written.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { installFakeOffice, type FakeValue, type FakeWorkbook } from "../workbook/office/fakeExcel";
import { parseCsv } from "../../src/engine/table";
import { RippleError } from "../../src/engine/errors";
import { loadTableFromSheet, marginGroupsIn, previewShock, purchaserForRun, readShockGrid, runAnalysis } from "../../src/taskpane/runAnalysis";
import { PurchaserPrices } from "../../src/taskpane/components/PurchaserPrices";
import { createI18n } from "../../src/taskpane/i18n";
import { aomoriMarginRows } from "../engine/table/fixtures";
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { jaCsv } from "../cli/paths";

const TABLE = "取引基本表";
const text = (key: string) => ({ ja: key, en: key });
let wb: FakeWorkbook;
beforeEach(() => {
  wb = installFakeOffice(
    globalThis,
    {
      [TABLE]: parseCsv(readFileSync(jaCsv, "utf8"), "t.csv").values as FakeValue[][],
      購入者価格: [["部門", "額"], ["製造業", 1000], ["建設", 500]],
      // By hand: 製造業 750, 商業 200, 運輸・郵便 50, 建設 500.
      生産者価格: [["部門", "額"], ["製造業", 750], ["建設", 500], ["商業", 200], ["運輸・郵便", 50]],
      マージン: [["部門", "商業", "運輸"], ["製造業", 0.2, 0.05], ["建設", 0, 0], ["鉄鋼", 0.1, 0]],
      // Aomori's layout, two sets of rates; 民間消費支出 by hand: 製造業 660, 商業 300, 運輸・郵便 40, 建設 500.
      "(参考)マージン率": aomoriMarginRows() as FakeValue[][],
      家計: [["部門", "額"], ["製造業", 660], ["建設", 500], ["商業", 300], ["運輸・郵便", 40]],
    },
    { displayLanguage: "ja-JP" },
  );
});
afterEach(() => wb.uninstall());

describe("purchaser-price shocks in the task pane", () => {
  it("converts with the margins range; equals the hand-computed producer-price run; the method sheet says so", async () => {
    const d = await loadTableFromSheet(TABLE);
    const shock = previewShock(d.table!, await readShockGrid({ sheet: "購入者価格", address: "A1:B3" }));
    const purchaser = await purchaserForRun({ on: true, margins: "マージン!A1:C3", tradeSector: "", transportSector: "" }, text);
    const a = await runAnalysis({ detected: d, shock, options: {}, typeII: false, purchaser, lang: "ja" });
    const producer = previewShock(d.table!, await readShockGrid({ sheet: "生産者価格", address: "A1:B5" }));
    const b = await runAnalysis({ detected: d, shock: producer, options: {}, typeII: false, lang: "ja" });
    expect(a.result.impact).toEqual(b.result.impact);
    const methods = a.spec.sheets.find((s) => s.key === "methods");
    expect(JSON.stringify(methods)).toContain("購入者価格から生産者価格への換算");
    expect(JSON.stringify(methods)).toContain("マージン!A1:C3");
  });

  it("refuses an unknown margin sector with its cell, a missing range, and a bad address; nothing written", async () => {
    const d = await loadTableFromSheet(TABLE);
    const shock = previewShock(d.table!, await readShockGrid({ sheet: "購入者価格", address: "A1:B3" }));
    const before = wb.sheetNames();
    const purchaser = await purchaserForRun({ on: true, margins: "マージン!A1:C4", tradeSector: "", transportSector: "" }, text);
    const err = (await runAnalysis({ detected: d, shock, options: {}, typeII: false, purchaser, lang: "ja" }).catch((e: unknown) => e)) as RippleError;
    expect(err.code).toBe("margins.unknown-sector");
    expect(err.where).toMatchObject({ sheet: "マージン", cell: "A4" });
    const none = await purchaserForRun({ on: true, margins: "", tradeSector: "", transportSector: "" }, text);
    const e2 = (await runAnalysis({ detected: d, shock, options: {}, typeII: false, purchaser: none, lang: "ja" }).catch((e: unknown) => e)) as RippleError;
    expect(e2.code).toBe("option-purchaserPrices");
    await expect(purchaserForRun({ on: true, margins: "A1:C4", tradeSector: "", transportSector: "" }, text)).rejects.toMatchObject({ code: "margins-address" });
    expect(wb.sheetNames()).toEqual(before);
  });

  it("a labelled margin sheet with two sets: the dropdown lists them, none chosen; the chosen one equals the hand run; none chosen is refused", async () => {
    const d = await loadTableFromSheet(TABLE);
    const margins = "'(参考)マージン率'!A1:O23";
    const groups = await marginGroupsIn(d.table!, margins);
    expect(groups).toEqual(["需要合計", "民間消費支出"]);
    const value = { on: true, margins, tradeSector: "", transportSector: "", marginsColumn: "" };
    const html = renderToStaticMarkup(
      React.createElement(I18nextProvider, { i18n: createI18n("ja") }, React.createElement(PurchaserPrices, { value, onChange: () => {}, groups })),
    );
    expect(html).toContain("マージン率の列");
    expect(html).toMatch(/<option value="" selected="">（選んでください）<\/option><option value="需要合計">需要合計<\/option><option value="民間消費支出">/);
    const shock = previewShock(d.table!, await readShockGrid({ sheet: "購入者価格", address: "A1:B3" }));
    const none = await purchaserForRun(value, text);
    const e = (await runAnalysis({ detected: d, shock, options: {}, typeII: false, purchaser: none, lang: "ja" }).catch((x: unknown) => x)) as RippleError;
    expect(e.code).toBe("margins.group-needed");
    const chosen = await purchaserForRun({ ...value, marginsColumn: "民間消費支出" }, text);
    const a = await runAnalysis({ detected: d, shock, options: {}, typeII: false, purchaser: chosen, lang: "ja" });
    const b = await runAnalysis({ detected: d, shock: previewShock(d.table!, await readShockGrid({ sheet: "家計", address: "A1:B5" })), options: {}, typeII: false, lang: "ja" });
    expect(a.result.impact).toEqual(b.result.impact);
  });
});
