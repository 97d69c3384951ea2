// The pane in English (Office display language en-US) at 350 px, every tab with its templates
// inserted (so the scenario list, the project and market fields are filled in as a user sees
// them): no sideways scroll, every control inside the pane and not covered, and a screenshot of
// each tab in test-results/ (taskpane-en-350px-<tab>-<part>.png) for a person to look at.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chooseTab, overflowX, SCREENSHOTS, startPane, TABLE_SHEET, tableCells, unreachable, wideElements, type Pane } from "./paneHarness";

const TABS = ["analysis", "projects", "market", "disruption", "cge"] as const;

describe("task pane in English at 350 px (Chromium)", () => {
  let pane: Pane;
  beforeAll(async () => {
    pane = await startPane("english", "en-US");
  }, 240_000);
  afterAll(async () => {
    await pane?.close();
  });

  it("every tab: English labels, no sideways scroll, every control reachable; screenshots kept", async () => {
    const page = await pane.open(350, {
      workbook: { [TABLE_SHEET]: tableCells(), Shock: [["Sector", "Change (million yen)"], ["建設", 100000]] },
      options: { displayLanguage: "en-US" },
    });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    expect(await page.locator("h1").textContent()).toBe("Ripple ripple-effect analysis");
    await page.getByTestId("table-sheet").selectOption(TABLE_SHEET);
    await page.getByTestId("table-facts").waitFor();
    await page.getByTestId("roles-toggle").click();
    await page.getByTestId("shock-address").fill("Shock!A1:B2");

    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const tab of TABS) {
      await chooseTab(page, tab);
      // The templates, so the fields that follow them are filled in.
      if (tab === "projects" || tab === "market") {
        await page.getByTestId(`${tab}-template-run`).click();
        await page.getByTestId(`${tab}-template-done`).waitFor({ timeout: 30_000 });
      }
      if (tab === "market") await expect.poll(() => page.locator('[data-testid="market-scenario"] option').count()).toBe(3);
      if (tab === "market") await page.getByTestId("market-scenario").selectOption("april2025");
      await page.evaluate(() => window.scrollTo(0, 0));
      // In parts of one pane height, readable at full size.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0, k = 1; y < height; y += 900, k++)
        await page.screenshot({ path: path.join(SCREENSHOTS, `taskpane-en-350px-${tab}-${k}.png`), fullPage: true, clip: { x: 0, y, width: 350, height: Math.min(900, height - y) } });
      expect(await wideElements(page), tab).toEqual([]);
      expect(await overflowX(page), tab).toBe(0);
      expect(await unreachable(page), tab).toEqual([]);
    }
    // No Japanese UI text leaked into the English pane's own labels (sheet and sector names
    // come from the workbook and stay as they are).
    const labels = await page.evaluate(() =>
      Array.from(document.querySelectorAll("label, button, [role=tab], h1, h2, h3")).map((e) => (e.textContent ?? "").trim()).filter(Boolean),
    );
    const japanese = labels.filter((l) => /[\u3040-\u30ff]/.test(l) && !/取引基本表|事業計画|投資転換表|パラメータ|選択肢|磁石/.test(l));
    expect(japanese).toEqual([]);
    expect(errors).toEqual([]);
    expect(pane.blocked).toEqual([]);
  }, 240_000);
});
