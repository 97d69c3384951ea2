// The check summary above the role map, in Debian's Chromium at 350 px with the real add-in
// bundle and the fake Office host: a balanced table reads 「要確認 0 件 / 問題 0 件」 and can run;
// one corrupted cell is shown first with its cells and 実行 is disabled until the allow-imbalance
// checkbox is ticked; the 宮崎県 15部門 sheet (two blocks, wrapped headers) reads with 15 sectors
// and no problem. Screenshots are kept in test-results/ to look at.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { overflowX, SCREENSHOTS, startPane, TABLE_SHEET, tableCells, wideElements, type Pane } from "./paneHarness";
import { readXlsx } from "../../src/workbook/xlsx";
import type { FakeValue } from "../workbook/office/fakeExcel";
import { miyazakiXlsx } from "../cli/paths";

const BROKEN = "壊れた表";
const MIYAZAKI = "15部門";

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS, `checks-350px-${name}.png`), clip: { x: 0, y: 0, width: 350, height: 900 } });
}

describe("check summary in the pane at 350 px (Chromium)", () => {
  let pane: Pane;
  beforeAll(async () => {
    pane = await startPane("checks");
  }, 240_000);
  afterAll(async () => {
    await pane?.close();
  });

  it("balanced, corrupted, and the two-block 宮崎県 sheet", async () => {
    const broken = tableCells().map((r) => [...r]) as FakeValue[][];
    broken[3][2] = (broken[3][2] as number) + 100; // C4
    const miyazaki = (await readXlsx(miyazakiXlsx)).sheets.find((s) => s.sheet === MIYAZAKI)!;
    expect(miyazaki.origin).toEqual({ row: 0, col: 0 });
    const page = await pane.open(350, {
      workbook: { [TABLE_SHEET]: tableCells() as FakeValue[][], [BROKEN]: broken, [MIYAZAKI]: miyazaki.values as FakeValue[][] },
      options: { displayLanguage: "ja-JP" },
    });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    const summary = page.getByTestId("checks-summary");
    const run = page.getByTestId("run");

    await page.getByTestId("table-sheet").selectOption(TABLE_SHEET);
    await expect.poll(() => summary.textContent()).toBe("要確認 0 件 / 問題 0 件");
    expect(await page.getByTestId("checks-problems").count()).toBe(0);
    expect(await run.isEnabled()).toBe(true);
    await shot(page, "balanced");

    await page.getByTestId("table-sheet").selectOption(BROKEN);
    await expect.poll(() => summary.textContent()).toBe("要確認 0 件 / 問題 2 件");
    const problems = (await page.getByTestId("checks-problems").textContent()) ?? "";
    expect(problems).toContain("農林水産業 (C25)");
    expect(problems).toContain("農林水産業 (AG4)");
    expect(problems).toContain("差 100");
    // The problems come before the role map.
    const y = async (id: string) => (await page.getByTestId(id).boundingBox())!.y;
    expect(await y("checks-problems")).toBeLessThan(await y("roles-summary"));
    expect(await run.isDisabled()).toBe(true);
    expect(await page.getByTestId("run-blocked-by-table").textContent()).toContain("合計が合わない表でも計算する");
    await shot(page, "broken");
    await page.getByTestId("checks-toggle").click();
    expect(await page.getByTestId("checks-list").textContent()).toContain("✗");
    expect(await page.getByTestId("checks-details").textContent()).toContain("競争輸入型");
    await page.getByTestId("checks").screenshot({ path: path.join(SCREENSHOTS, "checks-350px-broken-open.png") });
    expect(await wideElements(page)).toEqual([]);
    expect(await overflowX(page)).toBe(0);

    await page.getByTestId("opt-allow-imbalance").check();
    await expect.poll(() => run.isEnabled()).toBe(true);
    expect(await page.getByTestId("run-blocked-by-table").count()).toBe(0);

    await page.getByTestId("table-sheet").selectOption(MIYAZAKI);
    await expect.poll(() => summary.textContent()).toMatch(/\/ 問題 0 件$/);
    expect(await page.getByTestId("table-facts").textContent()).toContain("15 部門");
    await shot(page, "miyazaki15");
    if ((await page.getByTestId("checks-toggle").getAttribute("aria-expanded")) !== "true") await page.getByTestId("checks-toggle").click();
    expect(await page.getByTestId("checks-list").textContent()).not.toContain("✗");
    await page.getByTestId("checks").screenshot({ path: path.join(SCREENSHOTS, "checks-350px-miyazaki15-open.png") });
    expect(await overflowX(page)).toBe(0);
    // The purchaser-price option under the shock: its fields fit the pane.
    await page.getByTestId("purchaser-prices").check();
    await page.getByTestId("purchaser-margins").fill("マージン!A1:C10");
    await page.getByTestId("purchaser-margins").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, "checks-350px-purchaser.png") });
    expect(await wideElements(page)).toEqual([]);
    expect(await overflowX(page)).toBe(0);
    expect(errors).toEqual([]);
  }, 240_000);
});
