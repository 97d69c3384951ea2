// The 支援計画 (plans) run in Chromium at 350 px with the fake Excel host holding the bundled sample
// workbook, now that it computes in the compute worker. On the sample its results take seconds to
// build (the public version's disclosure control probes the report plan by plan) — on the pane's
// thread that froze the pane for all of it. Now: the pane's thread stays responsive (timer gaps),
// the label names the real stage, 中止 stops the run within a second with nothing written, and a
// full run writes the sheets with the command line's figures.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { readGrids } from "../../src/cli/analyze";
import type { FakeValue } from "../workbook/office/fakeExcel";
import { run, tempDir } from "../cli/helpers";
import { ROOT } from "./buildBundles";
import { chooseTab, overflowX, SCREENSHOTS, startPane, workbookState, type Pane } from "./paneHarness";
import { watchRun, stages, resetStages, resetGap, maxGap } from "./responsiveness";

const SAMPLE = path.join(ROOT, "assets", "ripple-sample.xlsx");
const TABLE = "取引基本表";
const COMPUTE = /^(逆行列を計算中|波及効果を計算中|結果を組み立て中)/;
const ORDER = ["入力を読み込み中", "逆行列を計算中", "波及効果を計算中", "結果を組み立て中", "シートに書き込み中"];

describe("支援計画 run in the compute worker (Chromium, 350 px, the sample workbook)", () => {
  let pane: Pane;
  let page: Page;
  let cli: { projects: { pv: { valueAdded: number; subsidy: number }; plans: unknown[] } };

  beforeAll(async () => {
    pane = await startPane("plans-worker");
    // The same run on the command line (the sheets the pane picks below: plans, converter,
    // parameters and the split, found by their names).
    const r = await run(["analyze", SAMPLE, "--sheet", TABLE, "--projects", "事業計画", "--json", "-", "--lang", "ja"], { cwd: tempDir() });
    expect(r.code, r.err).toBe(0);
    cli = JSON.parse(r.out);
  }, 240_000);
  afterAll(async () => {
    await pane?.close();
  });

  it("the pane stays responsive, the label names the stage, 中止 stops it within a second and nothing is written", async () => {
    const file = await readGrids(ROOT, SAMPLE);
    const workbook = Object.fromEntries(file.sheets.map((g) => [g.sheet, g.values as FakeValue[][]]));
    page = await pane.open(350, { workbook, options: { displayLanguage: "ja-JP" } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.getByTestId("table-sheet").selectOption(TABLE);
    await page.getByTestId("table-facts").waitFor();
    await chooseTab(page, "projects");
    await expect.poll(() => page.getByTestId("projects-sheet").inputValue()).toBe("事業計画");
    expect(await page.getByTestId("projects-converter-sheet").inputValue()).toBe("投資転換表");
    await page.getByTestId("projects-params-sheet").selectOption("パラメータ");
    await page.getByTestId("projects-split-sheet").selectOption("部門分割");
    await watchRun(page, { cancel: "projects-cancel", stage: "projects-stage" });
    const before = await workbookState(page);

    await page.getByTestId("projects-run").click();
    await expect.poll(async () => (await page.getByTestId("projects-stage").textContent().catch(() => "")) ?? "", { timeout: 60_000, interval: 20 }).toMatch(COMPUTE);
    // A short window: on a quiet machine the sample's run computes for about a second, and a
    // screenshot taken here let it finish before 中止 could be pressed (the running screenshot is
    // taken in the full run below).
    await resetGap(page);
    await page.waitForTimeout(300);
    const during = (await page.getByTestId("projects-stage").textContent()) ?? "";
    expect(during, "still computing after 0.3 s").toMatch(COMPUTE);
    const gap = await maxGap(page);
    expect(gap, "longest pause of the pane's thread while the worker computes (ms)").toBeLessThan(250);
    await page.getByTestId("projects-cancel").click();
    await page.getByText("中止しました。").waitFor({ timeout: 5000 });
    const took = await page.evaluate(() => {
      const w = window as unknown as { __cancelAt: number; __cancelledAt: number };
      return w.__cancelledAt - w.__cancelAt;
    });
    expect(took, "ms from the click on 中止 to 中止しました").toBeGreaterThanOrEqual(0);
    expect(took, "ms from the click on 中止 to 中止しました").toBeLessThan(1000);
    await page.waitForTimeout(2000);
    const after = await workbookState(page);
    expect(after.names).toEqual(before.names);
    expect(after.writes).toBe(before.writes);
    expect(await page.getByTestId("projects-done").count()).toBe(0);
    const seen = await stages(page);
    expect(seen.some((s) => s.startsWith("シートに書き込み中")), seen.join(" | ")).toBe(false);
    console.log(`plans worker: label during the check "${during}", max gap ${gap.toFixed(0)} ms, cancel ${took.toFixed(0)} ms; stages ${seen.join(" → ")}`);
    expect(errors).toEqual([]);
  }, 240_000);

  it("a full run goes through the stages in order and writes the command line's figures", async () => {
    await resetStages(page);
    const before = await workbookState(page);
    await page.getByTestId("projects-run").click();
    await expect.poll(async () => (await page.getByTestId("projects-stage").textContent().catch(() => "")) ?? "", { timeout: 60_000, interval: 20 }).toMatch(COMPUTE);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, "taskpane-plans-running-350px.png") });
    await page.getByTestId("projects-done").waitFor({ timeout: 120_000 });
    const written = (await workbookState(page)).names.slice(before.names.length);
    expect(written[0]).toBe("政策評価サマリー");
    expect(await page.getByTestId("projects-written").textContent()).toBe(written.join(" / "));
    const idx = (await stages(page)).map((s) => ORDER.findIndex((k) => s.startsWith(k)));
    expect(idx.every((i) => i >= 0)).toBe(true);
    expect(idx).toEqual([...idx].sort((a, b) => a - b));
    expect(idx).toContain(ORDER.indexOf("結果を組み立て中"));
    // The pane's summary: the CLI's present values, formatted as the pane formats them.
    const nf = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 1 });
    const summary = (await page.getByTestId("projects-summary").textContent()) ?? "";
    expect(summary).toContain(`計画 ${cli.projects.plans.length} 件`);
    expect(summary).toContain(`粗付加価値誘発額の現在価値 ${nf.format(cli.projects.pv.valueAdded)} 百万円`);
    expect(summary).toContain(`補助金の現在価値 ${nf.format(cli.projects.pv.subsidy)} 百万円`);
    // The run record fitted: no message about leaving it out.
    expect(await page.getByTestId("projects-record-skipped").count()).toBe(0);
    expect(await overflowX(page)).toBe(0);
    await page.getByTestId("projects-done").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, "taskpane-plans-done-350px.png") });
    expect(pane.blocked).toEqual([]);
  }, 240_000);
});
