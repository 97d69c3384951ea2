// Handing over the public version where a browser download does nothing (Excel on Mac, iPad)
// or where Excel cannot open a new workbook (before ExcelApi 1.8): Chromium at 350 px with the
// fake Excel host set to those platforms. The pane offers only what the host can do, says why
// the rest is missing, and writes the public version into new "公開版 …" sheets through the
// Office API (no confidential company name in them; input sheets untouched).

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import type { Page } from "playwright-core";
import type { FakeValue } from "../workbook/office/fakeExcel";
import { PLAN_A, PLAN_B, planCells } from "./flowsFixture";
import { chooseTab, SCREENSHOTS, startPane, TABLE_SHEET, tableCells, wideElements, workbookState, type Pane } from "./paneHarness";

type Wb = {
  sheetNames(): string[];
  sheet(n: string): { toValues(): FakeValue[][]; setCell(r: number, c: number, cell: { value: FakeValue } | undefined): void };
  writesTo(n: string): unknown[];
  createdWorkbooks: string[];
};

const values = (page: Page, sheet: string) => page.evaluate((n) => (window as unknown as Record<string, Wb>).__fakeWorkbook.sheet(n).toValues(), sheet);

/** The projects flow up to its results, so the public version is offered. */
async function runPlans(page: Page): Promise<void> {
  await page.getByTestId("table-sheet").selectOption(TABLE_SHEET);
  await page.getByTestId("table-facts").waitFor();
  await chooseTab(page, "projects");
  await page.getByTestId("projects-first-year").fill("2025");
  await page.getByTestId("projects-last-year").fill("2027");
  await page.getByTestId("projects-template-run").click();
  await page.getByTestId("projects-template-done").waitFor({ timeout: 30_000 });
  const cells = planCells(await values(page, "事業計画"), [PLAN_A, PLAN_B]);
  await page.evaluate((cells) => {
    const wb = (window as unknown as Record<string, Wb>).__fakeWorkbook;
    for (const [r, c, value] of cells) wb.sheet("事業計画").setCell(r, c, value === null ? undefined : { value });
  }, cells);
  await page.getByTestId("projects-run").click();
  await page.getByTestId("projects-done").waitFor({ timeout: 90_000 });
}

describe("public version without a browser download (Chromium, 350 px)", () => {
  let pane: Pane;
  beforeAll(async () => {
    pane = await startPane("public");
  }, 240_000);
  afterAll(async () => {
    await pane?.close();
  });

  it("Excel on Mac: no download link (said why); opens as a new workbook; writes 公開版 sheets", async () => {
    const page = await pane.open(350, { workbook: { [TABLE_SHEET]: tableCells() }, options: { displayLanguage: "ja-JP", platform: "Mac" } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await runPlans(page);
    expect(await page.getByTestId("projects-public-no-download").textContent()).toContain("Mac・iPad の Excel の作業ウィンドウからはファイルをダウンロードできません");
    expect(await page.getByTestId("projects-public-no-open").count()).toBe(0);

    // A new workbook through the Office API, and no link that would do nothing.
    await page.getByTestId("projects-public").click();
    await page.getByTestId("projects-public-opened").waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as Record<string, Wb>).__fakeWorkbook.createdWorkbooks.length)).toBe(1);
    expect(await page.getByTestId("projects-public-download").count()).toBe(0);

    // New sheets of this workbook, named as the public version, without the confidential plan.
    const before = await workbookState(page);
    const inputs = await Promise.all([TABLE_SHEET, "事業計画", "投資転換表"].map((n) => values(page, n)));
    await page.getByTestId("projects-public-sheets").click();
    const done = page.getByTestId("projects-public-written");
    await done.waitFor({ timeout: 60_000 });
    const after = await workbookState(page);
    const added = after.names.slice(before.names.length);
    expect(added.length).toBeGreaterThanOrEqual(3);
    for (const n of added) expect(n.startsWith("公開版 "), n).toBe(true);
    expect(await done.textContent()).toContain(added.join(" / "));
    expect(await done.textContent()).toContain("移動またはコピー");
    const text = (await Promise.all(added.map((n) => values(page, n)))).flat(2).map(String).join("\n");
    expect(text).not.toContain(String(PLAN_A.cells["事業者名"]));
    expect(text).toContain(String(PLAN_B.cells["事業者名"]));
    expect(await Promise.all([TABLE_SHEET, "事業計画", "投資転換表"].map((n) => values(page, n)))).toEqual(inputs);

    await page.getByTestId("projects-public-sheets").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, "taskpane-public-mac-350px.png") });
    expect(await wideElements(page), "elements beyond the pane's right edge").toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it("Excel before ExcelApi 1.8 on Windows: no new workbook (said why); the file as a download; sheets still work", async () => {
    const page = await pane.open(350, { workbook: { [TABLE_SHEET]: tableCells() }, options: { displayLanguage: "ja-JP", platform: "PC", excelApi: 7 } });
    await runPlans(page);
    expect(await page.getByTestId("projects-public-no-open").textContent()).toContain("ExcelApi 1.8");
    expect(await page.getByTestId("projects-public-no-download").count()).toBe(0);
    expect(await page.getByTestId("projects-public").textContent()).toBe("公開版のファイルを作成");
    await page.getByTestId("projects-public").click();
    const link = page.getByTestId("projects-public-download");
    await link.waitFor({ timeout: 60_000 });
    expect(await link.getAttribute("download")).toBe("ripple-政策評価-公開版.xlsx");
    expect(await page.getByTestId("projects-public-opened").count()).toBe(0);
    await page.getByTestId("projects-public-sheets").click();
    await page.getByTestId("projects-public-written").waitFor({ timeout: 60_000 });
    expect(pane.blocked).toEqual([]);
    await page.close();
  }, 240_000);
});
