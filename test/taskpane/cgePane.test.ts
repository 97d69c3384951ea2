// The CGE tab in Chromium at 350 px with the fake Excel host holding the bundled sample: reached
// through the tab menu, the built-in magnet scenarios run in the compute worker with the stage
// named, the headline (EV, real GDP, the magnet good's output and price) shown with the results
// sheet, the EV equal to `ripple cge --magnet --json`; 中止 stops a run within a second and
// nothing is written.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { readGrids } from "../../src/cli/analyze";
import type { FakeValue } from "../workbook/office/fakeExcel";
import { run } from "../cli/helpers";
import { ROOT } from "./buildBundles";
import { samRows, syntheticSam } from "../engine/cge/samFixture";
import { chooseTab, overflowX, SCREENSHOTS, startPane, unreachable, workbookState, type Pane } from "./paneHarness";

const SAMPLE = path.join(ROOT, "assets", "ripple-sample.xlsx");

describe("CGE tab (Chromium, 350 px, the sample workbook)", () => {
  let pane: Pane;
  let page: Page;
  let cliEv: number[] = [];

  beforeAll(async () => {
    pane = await startPane("cge");
    const cli = await run(["cge", SAMPLE, "--sheet", "取引基本表", "--magnet", "--lang", "ja", "--json", "-"]);
    cliEv = JSON.parse(cli.out).scenarios.map((s: { ev: number }) => s.ev);
  }, 240_000);
  afterAll(async () => {
    await pane?.close();
  });

  async function openSample(): Promise<Page> {
    const file = await readGrids(ROOT, SAMPLE);
    const workbook = Object.fromEntries(file.sheets.map((g) => [g.sheet, g.values as FakeValue[][]]));
    const p = await pane.open(350, { workbook, options: { displayLanguage: "ja-JP" } });
    await p.getByTestId("table-sheet").selectOption("取引基本表");
    await p.getByTestId("table-facts").waitFor();
    await chooseTab(p, "cge");
    return p;
  }

  it("runs the built-in magnet scenarios in the worker and shows the headline with the sheet", async () => {
    page = await openSample();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    expect(await page.getByTestId("cge-scenario").inputValue()).toBe("all");
    expect(await overflowX(page)).toBe(0);
    expect(await unreachable(page)).toEqual([]);
    const stages: string[] = [];
    const poll = setInterval(() => void page.getByTestId("cge-stage").textContent({ timeout: 50 }).then((t) => t && stages[stages.length - 1] !== t && stages.push(t), () => undefined), 20);
    const before = await workbookState(page);
    await page.getByTestId("cge-run").click();
    await page.getByTestId("cge-headline").waitFor({ timeout: 90_000 });
    clearInterval(poll);
    const after = await workbookState(page);
    const written = after.names.slice(before.names.length);
    expect(written.slice(0, 6)).toEqual(["CGE結果", "CGE結果 2", "CGE結果 3", "CGE結果 4", "CGEシナリオ", "SAM"]);
    expect(await page.getByTestId("cge-written").textContent()).toBe(written.join(" / "));
    // Four scenarios with EV (as the CLI's, formatted to 0.1), GDP and the magnet good's figures.
    const items = page.getByTestId("cge-headline-scenario");
    expect(await items.count()).toBe(4);
    const nf = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 1 });
    expect(await page.getByTestId("cge-ev").allTextContents()).toEqual(cliEv.map((v) => nf.format(v)));
    const first = (await items.first().textContent()) ?? "";
    expect(first).toContain("磁石の輸出規制による輸入価格上乗せ"); // the title, not the JSON name
    expect(first).not.toContain("export-control");
    expect(first).toMatch(/実質 GDP: [+-−]?\d/);
    expect(first).toMatch(/ネオジム磁石の国内生産: [+-]\d/);
    expect(first).toMatch(/ネオジム磁石の合成財価格: \+\d/);
    expect(await page.getByTestId("cge-headline").textContent()).toContain("シート「CGE結果」");
    // Stages the label named (a fast stage may be missed): only the CGE's own, in order.
    const known = ["入力を読み込み中", "SAM を作りキャリブレーション中", "CGE モデルを解いています", "結果を組み立て中", "シートに書き込み中"];
    const idx = stages.map((s) => known.findIndex((k) => s.startsWith(k)));
    expect(idx.every((i) => i >= 0), stages.join(" | ")).toBe(true);
    expect(idx).toEqual([...idx].sort((a, b) => a - b));
    expect(await overflowX(page)).toBe(0);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.getByTestId("cge-headline").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, "taskpane-cge-350px.png") });
    expect(errors).toEqual([]);
  }, 180_000);

  it("中止 stops a run on a 107-good SAM sheet within a second and nothing is written", async () => {
    // A SAM large enough that its solve (an import-price premium and a quota) is still running
    // when 中止 is pressed: the SAM sheet as source, the scenario from a sheet.
    const workbook = {
      SAM: samRows(syntheticSam(107)) as FakeValue[][],
      シナリオ: [
        ["シナリオ", "キー", "財", "値"],
        ["bench", "importPrice", "G001", 1.5],
        [null, "importQuota", "G002", 0.5],
      ],
    };
    page = await pane.open(350, { workbook, options: { displayLanguage: "ja-JP" } });
    await chooseTab(page, "cge");
    await page.getByTestId("cge-source").selectOption("sam:SAM");
    await page.getByTestId("cge-scenario").selectOption("s:シナリオ");
    const before = await workbookState(page);
    await page.getByTestId("cge-run").click();
    await expect.poll(async () => (await page.getByTestId("cge-stage").textContent().catch(() => "")) ?? "", { timeout: 30_000, interval: 10 }).toMatch(/SAM|解いています/);
    const t0 = Date.now();
    await page.getByTestId("cge-cancel").click();
    await page.getByText("中止しました。").waitFor({ timeout: 5000 });
    expect(Date.now() - t0).toBeLessThan(1000);
    await page.waitForTimeout(1500);
    const after = await workbookState(page);
    expect(after.names).toEqual(before.names);
    expect(after.writes).toBe(before.writes);
    expect(await page.getByTestId("cge-done").count()).toBe(0);
    expect(await page.getByTestId("cge-run").isEnabled()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, "taskpane-cge-cancelled-350px.png") });

    // The same run left alone finishes and writes its sheets (the cancel was not a failure).
    await page.getByTestId("cge-run").click();
    await page.getByTestId("cge-done").waitFor({ timeout: 90_000 });
    expect((await workbookState(page)).names.slice(before.names.length)[0]).toBe("CGE結果");
    expect(pane.blocked).toEqual([]);
  }, 180_000);
});
