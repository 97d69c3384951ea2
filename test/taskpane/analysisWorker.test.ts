// The analysis tab (分析) in Chromium at 350 px with the fake Excel host, now that its run computes
// in the compute worker: on a large table (1,000 sectors) the pane's own thread stays responsive
// while the inverse and the results are computed (timer gaps measured on the page), the label
// names the stage, 中止 stops the run within a second and nothing is written; on the 13-sector
// table a full run writes the command line's numbers, and RIPPLE.IMPACT on the model name the run
// registered (built on the pane's thread when the function first asks) gives them too.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { parseCsv } from "../../src/engine/table";
import { a1 } from "../../src/engine/grid";
import type { AnalysisResult } from "../../src/engine/model/result";
import { runAnalyze } from "../../src/cli/analyze";
import type { FakeValue } from "../workbook/office/fakeExcel";
import { syntheticTableCsv, tempDir } from "../cli/helpers";
import { ROOT } from "./buildBundles";
import { overflowX, SCREENSHOTS, startPane, TABLE_SHEET, tableCells, unreachable, workbookState, type Pane } from "./paneHarness";
import { watchRun, stages, resetGap, maxGap } from "./responsiveness";

/** Large enough that computing its inverse and results takes seconds, not a blink. */
const N = Number(process.env.RIPPLE_LARGE_SECTORS ?? 1000);
const LARGE_SHEET = "大きな表";
const SHOCK_SHEET = "ショック";
const SHOCK: FakeValue[][] = [
  ["部門", "増加額（百万円）"],
  ["建設", 100000],
  ["製造業", 50000],
  ["サービス", 20000],
];
const CSV = path.resolve(ROOT, "../shared/data/jp-io-2011-13/io2011_13sector_ja.csv");
const COMPUTE = /^(逆行列を計算中|波及効果を計算中|結果を組み立て中)/;

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);

/** `ripple analyze --json` on the same table and shock (Node, this process). */
async function cliJson(): Promise<AnalysisResult> {
  const dir = tempDir();
  const shock = path.join(dir, "shock.csv");
  writeFileSync(shock, SHOCK.map((r) => r.join(",")).join("\n") + "\n", "utf8");
  let out = "";
  const sink = { write: (s: string) => ((out += s), true) };
  await runAnalyze(
    { input: CSV, shock, json: "-", lang: "ja", defaultOut: path.join(dir, "unused.xlsx") },
    { stdout: sink, stderr: sink as unknown as NodeJS.WritableStream, env: {}, cwd: dir },
  );
  return JSON.parse(out) as AnalysisResult;
}

describe("analysis run in the compute worker (Chromium, 350 px)", () => {
  let pane: Pane;

  beforeAll(async () => {
    pane = await startPane("analysis-worker");
  }, 240_000);
  afterAll(async () => {
    await pane?.close();
  });

  it(`a ${N}-sector table: the pane stays responsive, the label names the stage, 中止 stops it within a second and nothing is written`, async () => {
    const cells = parseCsv(syntheticTableCsv(N), "large.csv").values as FakeValue[][];
    const page = await pane.open(350, { workbook: { [LARGE_SHEET]: cells }, options: { displayLanguage: "ja-JP" } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.getByTestId("table-sheet").selectOption(LARGE_SHEET);
    await page.getByTestId("table-facts").waitFor({ timeout: 120_000 });
    expect(await page.getByTestId("table-facts").textContent()).toContain(`${N} 部門`);
    await watchRun(page, { cancel: "cancel", stage: "progress-stage" });
    const before = await workbookState(page);

    await page.getByTestId("run").click();
    // The worker's stages reach the label: the inverse, the effects, the results being built.
    await expect.poll(async () => (await page.getByTestId("progress-stage").textContent().catch(() => "")) ?? "", { timeout: 60_000, interval: 20 }).toMatch(COMPUTE);
    await resetGap(page);
    await page.waitForTimeout(1000);
    const during = (await page.getByTestId("progress-stage").textContent()) ?? "";
    // Still computing (a run that had finished would prove nothing about the pane's thread).
    expect(during, "still computing after 1 s").toMatch(COMPUTE);
    const gap = await maxGap(page);
    expect(gap, "longest pause of the pane's thread while the worker computes (ms)").toBeLessThan(250);

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.getByTestId("cancel").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, "taskpane-analysis-running-350px.png") });
    expect(await overflowX(page)).toBe(0);

    const cancel = page.getByTestId("cancel");
    expect(await cancel.isEnabled()).toBe(true);
    await cancel.click();
    await page.getByText("中止しました。").waitFor({ timeout: 5000 });
    const took = await page.evaluate(() => {
      const w = window as unknown as { __cancelAt: number; __cancelledAt: number };
      return w.__cancelledAt - w.__cancelAt;
    });
    expect(took, "ms from the click on 中止 to 中止しました").toBeGreaterThanOrEqual(0);
    expect(took, "ms from the click on 中止 to 中止しました").toBeLessThan(1000);
    expect(await page.getByTestId("progress").count()).toBe(0);
    expect(await page.getByTestId("run").isEnabled()).toBe(true);

    // Nothing reaches the workbook after the cancel, not even later.
    await page.waitForTimeout(2000);
    const after = await workbookState(page);
    expect(after.names).toEqual(before.names);
    expect(after.writes).toBe(before.writes);
    expect(await page.getByTestId("run-done").count()).toBe(0);
    // The labels shown, in the run's order: reading, then the worker's stages; never writing.
    const seen = await stages(page);
    expect(seen.some((s) => s.startsWith("シートに書き込み中")), seen.join(" | ")).toBe(false);
    expect(seen.some((s) => s.startsWith("逆行列を計算中")), seen.join(" | ")).toBe(true);
    console.log(`analysis worker: ${N} sectors, label during the check "${during}", max gap ${gap.toFixed(0)} ms, cancel ${took.toFixed(0)} ms; stages ${seen.join(" → ")}`);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it("the 13-sector table: the command line's numbers, and RIPPLE.IMPACT on the registered name gives them too", async () => {
    const cli = await cliJson();
    const impact = cli.impact!;
    const page = await pane.open(350, { workbook: { [TABLE_SHEET]: tableCells(), [SHOCK_SHEET]: SHOCK }, options: { displayLanguage: "ja-JP" } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.getByTestId("table-sheet").selectOption(TABLE_SHEET);
    await page.getByTestId("table-facts").waitFor();
    await page.getByTestId("shock-address").fill(`${SHOCK_SHEET}!A1:B4`);
    await page.getByTestId("model-name").fill("jp2011");
    await watchRun(page, { cancel: "cancel", stage: "progress-stage" });
    const before = await workbookState(page);
    await page.getByTestId("run").click();
    await page.getByTestId("run-done").waitFor({ timeout: 60_000 });
    const after = await workbookState(page);
    const written = after.names.slice(before.names.length);
    expect(written[0]).toBe("集計");
    expect(await page.getByTestId("written-sheets").textContent()).toBe(written.join(" / "));
    expect(await page.getByTestId("run-done").textContent()).toContain("「jp2011」");
    // Stages in the run's order (a fast one may be missed), ending with the write.
    const ORDER = ["入力を読み込み中", "逆行列を計算中", "波及効果を計算中", "結果を組み立て中", "シートに書き込み中"];
    const idx = (await stages(page)).map((s) => ORDER.findIndex((k) => s.startsWith(k)));
    expect(idx.every((i) => i >= 0)).toBe(true);
    expect(idx).toEqual([...idx].sort((a, b) => a - b));

    // The summary sheet the worker's spec became: the CLI's totals to the last bit.
    const summary = await page.evaluate(
      (n) => ((window as unknown as Record<string, { sheet(n: string): { toValues(): unknown[][] } }>).__fakeWorkbook).sheet(n).toValues(),
      "集計",
    );
    const row = (label: string) => summary.find((r) => r[0] === label)!;
    expect(row("総合効果").slice(1, 4)).toEqual([sum(impact.total.output), sum(impact.total.valueAdded), sum(impact.total.compensation)]);
    expect(row("直接効果")[1]).toBe(sum(impact.direct.output));
    expect(summary.find((r) => typeof r[0] === "string" && r[0].startsWith("波及倍率"))![1]).toBe(impact.multiple);
    const nf = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 1 });
    expect(await page.getByTestId("headline-total-output").textContent()).toBe(`${nf.format(sum(impact.total.output))} 百万円`);

    // =RIPPLE.IMPACT("jp2011", shock, , FALSE) as Excel calls it on this page: the model the run
    // registered, built here on first use — by sector and in total, the CLI's numbers; and the
    // same as the function on the table's own range (the model cache's path).
    const table = tableCells();
    const width = Math.max(...table.map((r) => r.length));
    const rect = table.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
    const fromFunction = await page.evaluate(
      ({ shock, rect, tableAt }) => {
        const fns = (window as unknown as { __customFunctions: Record<string, (...a: unknown[]) => unknown> }).__customFunctions;
        const call = (table: unknown[][], at: string) =>
          fns.IMPACT(table, shock, null, false, { parameterAddresses: [at, "'ショック'!A1:B4", "", ""] }) as number[][];
        return { byName: call([["jp2011"]], "'計算'!A1"), byRange: call(rect, tableAt) };
      },
      { shock: SHOCK, rect, tableAt: `'${TABLE_SHEET}'!A1:${a1(rect.length - 1, width - 1)}` },
    );
    const stageSums = [impact.direct, impact.firstIndirect, impact.secondIndirect, impact.total].map((s) => sum(s.output));
    expect(fromFunction.byName.at(-1)).toEqual(stageSums);
    cli.sectors.forEach((_, i) =>
      expect(fromFunction.byName[i]).toEqual([impact.direct.output[i], impact.firstIndirect.output[i], impact.secondIndirect.output[i], impact.total.output[i]]),
    );
    expect(fromFunction.byRange).toEqual(fromFunction.byName);

    expect(await overflowX(page)).toBe(0);
    expect(await unreachable(page)).toEqual([]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.getByTestId("run-done").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, "taskpane-analysis-done-350px.png") });
    expect(errors).toEqual([]);
    expect(pane.blocked).toEqual([]);
  }, 180_000);
});
