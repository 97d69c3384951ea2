// Blocks printed beside the table, in the pane (Debian's Chromium at 350 px, the real add-in bundle
// and the fake Office host): a block of input coefficients beside the table is ignored, the check
// summary says 「要確認 1 件」 and names the block and why; a helper block that is not computed from
// the table is refused with the sheet and the block's range, and nothing can run. Screenshots are
// kept in test-results/ to look at.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { SCREENSHOTS, overflowX, startPane, type Pane } from "./paneHarness";
import type { FakeValue } from "../workbook/office/fakeExcel";

const S = ["農業", "製造業", "サービス"];
const TABLE: FakeValue[][] = [
  ["", ...S, "内生部門計", "民間消費支出", "輸出", "（控除）輸入", "国内生産額"],
  ["農業", 10, 20, 5, 35, 50, 25, -10, 100],
  ["製造業", 30, 60, 25, 115, 60, 45, -20, 200],
  ["サービス", 15, 40, 50, 105, 120, 30, -5, 250],
  ["内生部門計", 55, 120, 80, null, null, null, null, null],
  ["雇用者所得", 30, 50, 100, null, null, null, null, null],
  ["営業余剰", 15, 30, 70, null, null, null, null, null],
  ["国内生産額", 100, 200, 250, null, null, null, null, null],
];
const beside = (block: FakeValue[][]) => TABLE.map((r, k) => [...r, null, ...(block[k] ?? block[0].map(() => null))]);
const COEFFICIENTS = beside([["", ...S], ["農業", 0.1, 0.1, 0.02], ["製造業", 0.3, 0.3, 0.1], ["サービス", 0.15, 0.2, 0.2]]);
const HELPER = beside([["", "生産誘発額", "構成比"], ["農業", 150, 0.18], ["製造業", 300, 0.36], ["サービス", 375, 0.46]]);

describe("blocks beside the table in the pane at 350 px (Chromium)", () => {
  let pane: Pane;
  beforeAll(async () => {
    pane = await startPane("beside");
  }, 300_000);
  afterAll(async () => {
    await pane?.close();
  });

  it("a coefficient block is ignored with its reason; a helper block is refused naming it", async () => {
    const page = await pane.open(350, { workbook: { 係数つき: COEFFICIENTS, 補助つき: HELPER }, options: { displayLanguage: "ja-JP" } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    mkdirSync(SCREENSHOTS, { recursive: true });

    await page.getByTestId("table-sheet").selectOption("係数つき");
    const summary = page.getByTestId("checks-summary");
    await expect.poll(() => summary.textContent()).toBe("要確認 1 件 / 問題 0 件");
    expect(await page.getByTestId("table-facts").textContent()).toContain("3 部門");
    if ((await page.getByTestId("checks-toggle").getAttribute("aria-expanded")) !== "true") await page.getByTestId("checks-toggle").click();
    expect(await page.getByTestId("checks-details").textContent()).toContain("表の右の K1:N4（農業、製造業、サービス）は投入係数");
    expect(await page.getByTestId("run").isEnabled()).toBe(true);
    await page.getByTestId("checks").screenshot({ path: path.join(SCREENSHOTS, "beside-350px-coefficients.png") });
    expect(await overflowX(page)).toBe(0);

    await page.getByTestId("table-sheet").selectOption("補助つき");
    await expect.poll(async () => (await page.locator("[role=alert]").allTextContents()).join(" ")).toContain("K1:M4");
    const alert = (await page.locator("[role=alert]").allTextContents()).join(" ");
    expect(alert).toContain("補助つき");
    expect(alert).toContain("別のシートに移す");
    await page.screenshot({ path: path.join(SCREENSHOTS, "beside-350px-helper.png"), clip: { x: 0, y: 0, width: 350, height: 900 } });
    expect(await overflowX(page)).toBe(0);
    expect(errors).toEqual([]);
  }, 300_000);
});
