// 比較 in Chromium at 350 px (fake Office host): after a 支援計画 run, the button picks an earlier
// results file through <input type=file>; the pane reads it in the browser, compares it with the
// open workbook's run record and writes the 比較 sheet; a file Ripple did not write is refused in
// the pane with its name, writing nothing. Screenshots in test-results/.

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { xlsxBytes } from "../../src/workbook/xlsx";
import type { FakeValue } from "../workbook/office/fakeExcel";
import { PLAN_A, PLAN_B, planCells } from "./flowsFixture";
import { chooseTab, overflowX, SCREENSHOTS, startPane, TABLE_SHEET, tableCells, workbookState, type Pane } from "./paneHarness";

type Wb = {
  sheet(n: string): { toValues(): FakeValue[][]; setCell(r: number, c: number, cell: { value: FakeValue } | undefined): void };
  customXml: { namespace: string; xml: string }[];
};
const fakeWb = "__fakeWorkbook";

async function runPlans(page: Page): Promise<void> {
  await page.getByTestId("table-sheet").selectOption(TABLE_SHEET);
  await page.getByTestId("table-facts").waitFor();
  await chooseTab(page, "projects");
  await page.getByTestId("projects-first-year").fill("2025");
  await page.getByTestId("projects-last-year").fill("2027");
  await page.getByTestId("projects-template-run").click();
  await page.getByTestId("projects-template-done").waitFor({ timeout: 30_000 });
  const values = await page.evaluate((k) => (window as unknown as Record<string, Wb>)[k].sheet("事業計画").toValues(), fakeWb);
  const cells = planCells(values, [PLAN_A, PLAN_B]);
  await page.evaluate(
    ([k, cells]) => {
      const wb = (window as unknown as Record<string, Wb>)[k as string];
      for (const [r, c, value] of cells as [number, number, FakeValue][]) wb.sheet("事業計画").setCell(r, c, value === null ? undefined : { value });
    },
    [fakeWb, cells] as const,
  );
  await page.getByTestId("projects-run").click();
  await page.getByTestId("projects-done").waitFor({ timeout: 90_000 });
}

describe("比較 in the pane (Chromium, 350 px)", () => {
  let pane: Pane;
  const dir = mkdtempSync(path.join(tmpdir(), "ripple-compare-pane-"));
  beforeAll(async () => {
    pane = await startPane("compare");
  }, 240_000);
  afterAll(async () => {
    await pane?.close();
  });

  it("picks the earlier results file, writes 比較; refuses a file Ripple did not write", async () => {
    const page = await pane.open(350);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await runPlans(page);
    const parts = await page.evaluate((k) => (window as unknown as Record<string, Wb>)[k].customXml, fakeWb);
    expect(parts).toHaveLength(1);
    // The earlier run's results file, as saved from Excel: its record is the same run's.
    const earlier = path.join(dir, "前回の結果.xlsx");
    writeFileSync(
      earlier,
      await xlsxBytes({
        lang: "ja",
        sheets: [{ key: "summary", name: "政策評価サマリー", blocks: [{ row: 0, col: 0, values: [["前回"]] }] }],
        provenance: { software: "Ripple", version: "0.1.0", createdAt: "2026-01-01T00:00:00Z", inputs: [], parameters: [], variants: [], warnings: [] },
        customXml: parts,
      }),
    );
    await page.getByTestId("compare-run").scrollIntoViewIfNeeded();
    const before = (await workbookState(page)).names;
    await page.getByTestId("compare-file").setInputFiles(earlier);
    await page.getByTestId("compare-done").waitFor({ timeout: 90_000 });
    expect(await page.getByTestId("compare-written").textContent()).toBe("比較");
    expect(await page.getByTestId("compare-changes").textContent()).toBe("変わった入力: なし");
    expect((await workbookState(page)).names).toEqual([...before, "比較"]);
    expect(await overflowX(page)).toBe(0);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, "compare-350px.png"), fullPage: true });

    const memo = path.join(dir, "メモ.xlsx");
    writeFileSync(memo, "not a workbook");
    const names = (await workbookState(page)).names;
    await page.getByTestId("compare-file").setInputFiles(memo);
    await page.getByText(/メモ\.xlsx/).first().waitFor({ timeout: 30_000 });
    expect(await page.locator("body").textContent()).toContain("入力記録");
    expect((await workbookState(page)).names).toEqual(names);
    expect(await overflowX(page)).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, "compare-refused-350px.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
