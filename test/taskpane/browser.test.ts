// The real task pane in a real browser: the add-in built by the project's webpack.config.js,
// served from 127.0.0.1, opened in Debian's Chromium (playwright-core, no downloaded browser),
// with the office.js CDN request answered locally by a recording fake Excel host. The test
// picks the table, reads a shock, runs, and checks what the pane wrote into the fake workbook,
// that the numbers are the engine's, that the input sheets were untouched, and that no request
// left the machine. A screenshot is kept in test-results/.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { buildAddin, buildFakeOffice, ROOT } from "./buildBundles";
import { serveDirectory, type StaticServer } from "./staticServer";
import type { FakeValue } from "../workbook/office/fakeExcel";
import { analyze } from "../../src/engine/model";
import { parseCsv, readTable, parseShockGrid, shockFromPairs } from "../../src/engine/table";
import type { AnalysisResult } from "../../src/engine/model/result";
import JSZip from "jszip";
import { readXlsxBuffer } from "../../src/workbook/xlsx";
import { PLAN_A, PLAN_B, planCells } from "./flowsFixture";
import { chooseTab } from "./paneHarness";

const CHROMIUM = process.env.RIPPLE_CHROMIUM ?? "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const CSV = path.resolve(ROOT, "../shared/data/jp-io-2011-13/io2011_13sector_ja.csv");
const TABLE_SHEET = "取引基本表";
const SHOCK_SHEET = "ショック";
const SHOCK: FakeValue[][] = [
  ["部門", "増加額（百万円）"],
  ["建設", 100000],
  ["製造業", 50000],
  ["サービス", 20000],
];
const SCREENSHOT = path.join(ROOT, "test-results", "taskpane.png");
const SCREENSHOT_PROJECTS = path.join(ROOT, "test-results", "taskpane-projects.png");
const SCREENSHOT_MARKET = path.join(ROOT, "test-results", "taskpane-market.png");
const SCREENSHOT_DISRUPTION = path.join(ROOT, "test-results", "taskpane-disruption.png");

interface ChartState {
  sheet: string;
  type: string;
  title: string | null;
  series: { name: string; values: string | null; xValues: string | null }[];
}

interface WorkbookState {
  names: string[];
  inputWrites: number;
  input: FakeValue[][];
  shock: FakeValue[][];
  sheets: Record<string, FakeValue[][]>;
  charts: ChartState[];
}

const tableCells = () => parseCsv(readFileSync(CSV, "utf8"), "io2011_13sector_ja.csv").values;

/** What the engine gives for the same inputs, computed here in Node. */
function engineResult(): AnalysisResult {
  const table = readTable({ sheet: TABLE_SHEET, origin: { row: 0, col: 0 }, values: tableCells() });
  const shock = shockFromPairs(table, parseShockGrid({ sheet: SHOCK_SHEET, origin: { row: 0, col: 0 }, values: SHOCK }));
  return analyze(table, { lang: "ja" }, shock);
}

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);

/** The host a request goes to; a blob: URL (the public version's download) is its page's. */
const localHost = (url: string) => new URL(url.startsWith("blob:") ? url.slice(5) : url).hostname;

/** A missing browser is a failure, not a skip: the README promises this test runs. */
function chromiumPresent(): void {
  expect(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: install Debian's chromium package`).toBe(true);
}

describe("task pane in Chromium with a fake Excel host", () => {
  let work: string;
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const intercepted: string[] = [];
  const blocked: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), "ripple-pane-browser-"));
    await buildAddin(path.join(work, "addin"));
    const fake = await buildFakeOffice(path.join(work, "fake"));
    const init = {
      workbook: { [TABLE_SHEET]: tableCells(), [SHOCK_SHEET]: SHOCK },
      options: { displayLanguage: "ja-JP" },
    };
    const fakeOfficeJs = `window.__rippleFakeInit = ${JSON.stringify(init)};\n${readFileSync(fake, "utf8")}`;
    server = await serveDirectory(path.join(work, "addin"));
    if (!existsSync(CHROMIUM)) return; // each test then fails on chromiumPresent()

    context = await chromium.launchPersistentContext(path.join(work, "profile"), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      viewport: { width: 460, height: 1000 },
      locale: "ja-JP",
    });
    // Every request of the page goes through here: office.js is answered with the fake, local
    // requests pass, anything else is refused and recorded (the test then fails).
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) {
        intercepted.push(url);
        return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: fakeOfficeJs });
      }
      if (localHost(url) === "127.0.0.1") return route.continue();
      blocked.push(url);
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => pageErrors.push(String(e)));
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("picks the table, reads the shock, runs, and writes results sheets and charts", async () => {
    chromiumPresent();
    await page.goto(`${server.origin}/taskpane.html`);
    // Office's display language is ja-JP, so the pane starts in Japanese.
    await expect.poll(() => page.locator("h1").textContent()).toBe("Ripple 経済波及効果");

    // 1. The table.
    await page.getByTestId("table-sheet").selectOption(TABLE_SHEET);
    const facts = page.getByTestId("table-facts");
    await facts.waitFor();
    expect(await facts.textContent()).toContain(`13 部門（${TABLE_SHEET}!C4:O16）`);
    expect(await facts.textContent()).toContain("単位：百万円");
    expect(await facts.textContent()).toContain("競争輸入型");

    // 2. The role map, folded into its summary (nothing to check in MIC's table), opened: a row
    // with its label cell and its role, named in Japanese.
    expect(await page.getByTestId("roles-review").textContent()).toBe("要確認 0 件");
    await page.getByTestId("roles-toggle").click();
    const comp = page.locator('[data-testid="role-table-rows"] tr[data-address="B19"]');
    expect(await comp.textContent()).toContain("雇用者所得");
    expect(await comp.locator("select").inputValue()).toBe("va:compensation");
    expect(await comp.locator("select option:checked").textContent()).toBe("雇用者所得");
    await page.getByTestId("roles-cols").click();
    const household = page.locator('[data-testid="role-table-cols"] tr[data-address="R3"]');
    expect(await household.locator("select").inputValue()).toBe("fd:household");
    await page.getByTestId("roles-confirm").click();
    await expect.poll(() => page.getByText("対応表をブックに保存しました").count()).toBe(1);
    // Saved with the workbook (document settings), not in any sheet.
    const settings = await page.evaluate(() =>
      [...((window as unknown as Record<string, { settings: Map<string, unknown> }>).__fakeWorkbook.settings.keys())],
    );
    expect(settings.some((k) => k.includes(TABLE_SHEET))).toBe(true);

    // 4. A wrong shock range first: the error names the sheet and the cell, in Japanese, under
    // the field (announced: role="alert"), not at the top of the pane.
    await page.getByTestId("shock-address").fill(`${SHOCK_SHEET}!A1:A4`);
    await page.getByTestId("shock-read").click();
    const error = page.getByTestId("shock-error");
    await error.waitFor();
    expect(await error.textContent()).toContain(`シート「${SHOCK_SHEET}」 セル A1`);
    expect(await page.getByTestId("error").count()).toBe(0);
    expect(await page.locator('[role="alert"]').filter({ has: error }).count()).toBe(1);
    const errorBox = (await error.boundingBox())!;
    const fieldBox = (await page.getByTestId("shock-address").boundingBox())!;
    expect(errorBox.y - (fieldBox.y + fieldBox.height)).toBeLessThan(40);
    // Then the right one, typed and NOT read: 実行 reads it (it was silently ignored before).
    await page.getByTestId("shock-address").fill(`${SHOCK_SHEET}!A1:B4`);
    await page.getByTestId("shock-stale").waitFor();
    expect(await page.getByTestId("shock-error").count()).toBe(0);

    // 5. Run, watching for the progress bar.
    await page.evaluate(() => {
      const w = window as unknown as { __sawProgress: boolean };
      w.__sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="progress"]')) w.__sawProgress = true;
      }).observe(document.body, { subtree: true, childList: true });
    });
    await page.getByTestId("run").click();
    await page.getByTestId("run-done").waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { __sawProgress: boolean }).__sawProgress)).toBe(true);
    // The run read the typed range: the preview shows the matched sectors.
    expect(await page.locator('[data-testid="shock-preview"] tbody tr').count()).toBe(3);

    const state = await page.evaluate((input) => {
      interface Sheet {
        toValues(): unknown[][];
      }
      const wb = (window as unknown as Record<string, unknown>).__fakeWorkbook as {
        sheetNames(): string[];
        sheet(n: string): Sheet;
        writesTo(n: string): unknown[];
        charts(): { sheet: string; type: string; title: string | null; series: { name: string; values: string | null; xValues: string | null }[] }[];
      };
      const names = wb.sheetNames();
      const sheets: Record<string, unknown[][]> = {};
      for (const n of names) sheets[n] = wb.sheet(n).toValues();
      return {
        names,
        inputWrites: wb.writesTo(input.table).length + wb.writesTo(input.shock).length,
        input: wb.sheet(input.table).toValues(),
        shock: wb.sheet(input.shock).toValues(),
        sheets,
        charts: wb.charts().map((c) => ({
          sheet: c.sheet,
          type: c.type,
          title: c.title,
          series: c.series.map((s) => ({ name: s.name, values: s.values, xValues: s.xValues })),
        })),
      };
    }, { table: TABLE_SHEET, shock: SHOCK_SHEET }) as WorkbookState;

    // New sheets after the inputs, the summary first; the pane lists the same names.
    const results = state.names.slice(2);
    expect(state.names.slice(0, 2)).toEqual([TABLE_SHEET, SHOCK_SHEET]);
    expect(results[0]).toBe("集計");
    expect(results).toEqual(expect.arrayContaining(["投入係数 A", "輸入係数 m", "逆行列係数 L", "乗数・影響力", "方法・出典"]));
    expect(await page.getByTestId("written-sheets").textContent()).toBe(results.join(" / "));

    // Nothing written into the input sheets.
    expect(state.inputWrites).toBe(0);
    expect(state.input).toEqual(tableCells().map((row) => row.map((v) => (v === "" ? null : v))));
    expect(state.shock).toEqual(SHOCK);

    // The numbers are the engine's.
    const expected = engineResult();
    const impact = expected.impact!;
    const summary = state.sheets["集計"];
    const row = (label: string) => summary.find((r) => r[0] === label)!;
    expect(row("直接効果")[1]).toBe(sum(impact.direct.output));
    expect(row("第1次間接波及効果")[1]).toBe(sum(impact.firstIndirect.output));
    expect(row("第2次間接波及効果")[1]).toBe(sum(impact.secondIndirect.output));
    expect(row("総合効果").slice(1, 4)).toEqual([
      sum(impact.total.output),
      sum(impact.total.valueAdded),
      sum(impact.total.compensation),
    ]);
    expect(summary.find((r) => typeof r[0] === "string" && r[0].startsWith("波及倍率"))![1]).toBe(impact.multiple);
    // The headline in the pane: the same totals, in the table's unit, and the multiple.
    const nf = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 1 });
    expect(await page.getByTestId("headline-total-output").textContent()).toBe(`${nf.format(sum(impact.total.output))} 百万円`);
    expect(await page.getByTestId("headline-direct").textContent()).toBe(`${nf.format(sum(impact.direct.output))} 百万円`);
    expect(await page.getByTestId("headline-value-added").textContent()).toBe(`${nf.format(sum(impact.total.valueAdded))} 百万円`);
    expect(await page.getByTestId("headline-multiple").textContent()).toBe(impact.multiple.toFixed(3));
    expect(await page.getByTestId("headline").textContent()).toContain("総合効果（生産誘発額）");
    // The link back to the summary sheet activates it in Excel.
    await page.evaluate(() => ((window as unknown as Record<string, { activeSheet: string }>).__fakeWorkbook.activeSheet = "取引基本表"));
    await page.getByTestId("open-results").click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as Record<string, { activeSheet: string }>).__fakeWorkbook.activeSheet))
      .toBe("集計");
    // By sector: 建設's four output stages, then the L matrix's first row.
    const build = summary.filter((r) => r[0] === "建設").at(-1)!;
    const k = expected.sectors.indexOf("建設");
    expect(build.slice(1, 5)).toEqual([
      impact.direct.output[k],
      impact.firstIndirect.output[k],
      impact.secondIndirect.output[k],
      impact.total.output[k],
    ]);
    const L = state.sheets["逆行列係数 L"];
    const first = L.find((r) => r[0] === expected.sectors[0])!;
    expect(first.slice(1, 1 + expected.sectors.length)).toEqual(expected.L[0]);

    // Native charts: bar of totals, stacked stages, linkage scatter with the two 1.0 lines.
    const summaryCharts = state.charts.filter((c) => c.sheet === "集計");
    expect(summaryCharts.map((c) => c.type)).toEqual(["BarClustered", "ColumnStacked"]);
    expect(summaryCharts[0].series.map((s) => s.name)).toEqual(["総合効果"]);
    expect(summaryCharts[1].series.map((s) => s.name)).toEqual(["直接効果", "第1次間接波及効果", "第2次間接波及効果"]);
    const scatter = state.charts.find((c) => c.sheet === "乗数・影響力")!;
    expect(scatter.type).toMatch(/^XYScatter/);
    expect(scatter.series.map((s) => s.name)).toEqual(["部門", "影響力係数 = 1.0", "感応度係数 = 1.0"]);
    for (const s of scatter.series) expect(s.xValues).toBeTruthy();

    // The screenshot, for people (and for checking that Japanese text renders).
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // A second run, now with the closed model: never overwrites, new names, Type II sheet second.
    await page.getByRole("switch").click();
    await page.getByTestId("run").click();
    await expect
      .poll(() => page.evaluate(() => ((window as unknown as Record<string, { sheetNames(): string[] }>).__fakeWorkbook).sheetNames().length), { timeout: 60_000 })
      .toBe(2 + 2 * results.length + 1);
    await page.getByTestId("run-done").waitFor();
    const names2 = await page.evaluate(() => ((window as unknown as Record<string, { sheetNames(): string[] }>).__fakeWorkbook).sheetNames());
    expect(names2.slice(0, state.names.length)).toEqual(state.names);
    expect(names2.slice(state.names.length, state.names.length + 2)).toEqual(["集計 (2)", "閉鎖型モデル Type II"]);
    await page.getByRole("switch").click();

    // A third run with the shock field emptied: no shock, said in the pane, and the results
    // sheet's note speaks of the pane, not of the command line's --shock.
    await page.getByTestId("shock-address").fill("");
    await page.getByTestId("run").click();
    await page.getByTestId("headline-none").waitFor({ timeout: 60_000 });
    const names3 = await page.evaluate(() => ((window as unknown as Record<string, { sheetNames(): string[] }>).__fakeWorkbook).sheetNames());
    const summary3 = await page.evaluate(
      (n) => ((window as unknown as Record<string, { sheet(n: string): { toValues(): unknown[][] } }>).__fakeWorkbook).sheet(n).toValues(),
      names3[names2.length],
    );
    const text3 = summary3.flat().filter((v) => typeof v === "string").join("\n");
    expect(text3).toContain("作業ウィンドウの「4. ショック」");
    expect(text3).not.toContain("--shock");

    // The language switch: English labels at once.
    await page.getByTestId("lang-en").click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Ripple ripple-effect analysis");
    expect(await page.getByTestId("table-facts").textContent()).toContain("13 sectors");

    expect(pageErrors).toEqual([]);
  }, 180_000);

  it("inserts the project template, runs the plans typed into it (a bad sheet first), and the market model", async () => {
    chromiumPresent();
    type Wb = {
      sheetNames(): string[];
      sheet(n: string): { toValues(): FakeValue[][]; setCell(r: number, c: number, cell: { value: FakeValue } | undefined): void; validations: unknown[] };
      writesTo(n: string): unknown[];
    };
    const names = () => page.evaluate(() => ((window as unknown as Record<string, Wb>).__fakeWorkbook).sheetNames());
    const values = (sheet: string) => page.evaluate((n) => ((window as unknown as Record<string, Wb>).__fakeWorkbook).sheet(n).toValues(), sheet);
    const fill = (sheet: string, cells: [number, number, FakeValue][]) =>
      page.evaluate(
        ({ sheet, cells }) => {
          const wb = (window as unknown as Record<string, Wb>).__fakeWorkbook;
          for (const [r, c, value] of cells) wb.sheet(sheet).setCell(r, c, value === null ? undefined : { value });
        },
        { sheet, cells },
      );
    await page.getByTestId("lang-ja").click();
    await page.getByTestId("tab-projects").click();
    // The other tabs' panels are hidden, this one shows; the converter's sectors are prefilled.
    expect(await page.getByTestId("panel-analysis").isVisible()).toBe(false);
    expect(await page.getByTestId("projects-conv-construction").inputValue()).toBe("04 建設");
    await page.getByTestId("projects-first-year").fill("2025");
    await page.getByTestId("projects-last-year").fill("2027");

    // 1. Insert the templates: new sheets with drop-downs; the run's sheet choices follow them.
    const before = await names();
    await page.getByTestId("projects-template-run").click();
    await page.getByTestId("projects-template-done").waitFor({ timeout: 30_000 });
    const afterInsert = await names();
    expect(afterInsert).toEqual([...before, "事業計画", "投資転換表", "パラメータ", "選択肢"]);
    expect(await page.getByTestId("projects-template-written").textContent()).toBe("事業計画 / 投資転換表 / パラメータ / 選択肢");
    expect(await page.evaluate(() => ((window as unknown as Record<string, Wb>).__fakeWorkbook).sheet("事業計画").validations.length)).toBeGreaterThanOrEqual(5);
    await expect.poll(() => page.getByTestId("projects-sheet").inputValue()).toBe("事業計画");
    expect(await page.getByTestId("projects-converter-sheet").inputValue()).toBe("投資転換表");
    expect(await page.getByTestId("projects-params-sheet").inputValue()).toBe("パラメータ");

    // 2. A bad plan sheet: every problem in one list, with sheet and cell; nothing written.
    const template = await values("事業計画");
    const bad = { cells: { ...PLAN_A.cells, 産業部門: "宇宙産業", 稼働率: 1.5 }, capex: PLAN_A.capex };
    await fill("事業計画", planCells(template, [bad, PLAN_B]));
    await page.getByTestId("projects-run").click();
    const problems = page.locator('[data-testid="panel-projects"] [data-testid="problem-list"] li');
    await problems.first().waitFor({ timeout: 30_000 });
    const items = await problems.allTextContents();
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const item of items) expect(item).toMatch(/^シート「事業計画」 セル [A-Z]+\d+/);
    expect(items.join("\n")).toContain("宇宙産業");
    expect(await names()).toEqual(afterInsert);

    // 3. Fixed: the results go to new sheets, summary first; the inputs keep what was typed.
    await fill("事業計画", planCells(template, [PLAN_A, PLAN_B]));
    const typed = await values("事業計画");
    const inputsBefore = await Promise.all(["投資転換表", "パラメータ", TABLE_SHEET].map(values));
    await page.getByTestId("projects-run").click();
    await page.getByTestId("projects-done").waitFor({ timeout: 60_000 });
    const afterRun = await names();
    const results = afterRun.slice(afterInsert.length);
    expect(results[0]).toBe("政策評価サマリー");
    expect(results).toEqual(expect.arrayContaining(["年度別", "計画別", "KPI"]));
    expect(await page.getByTestId("projects-written").textContent()).toBe(results.join(" / "));
    expect(await values("事業計画")).toEqual(typed);
    expect(await Promise.all(["投資転換表", "パラメータ", TABLE_SHEET].map(values))).toEqual(inputsBefore);
    const summary = await page.getByTestId("projects-summary").textContent();
    expect(summary).toContain("計画 2 件");
    expect(summary).toMatch(/達成|未達/);
    const byProject = await values("計画別");
    expect(byProject.flat()).toEqual(expect.arrayContaining(["P-01", "P-02"]));
    mkdirSync(path.dirname(SCREENSHOT_PROJECTS), { recursive: true });
    await page.screenshot({ path: SCREENSHOT_PROJECTS, fullPage: true });

    // 3b. The public version (公開版): made in the browser only when asked (the xlsx writer's
    // chunk is not loaded before), opened as a new workbook and offered as a download; nothing
    // is written into this workbook, and the file holds no confidential company name.
    const writerLoaded = () => requests.some((u) => u.includes("xlsx-writer"));
    expect(writerLoaded()).toBe(false);
    const beforePublic = await names();
    await page.getByTestId("projects-public").click();
    await page.getByTestId("projects-public-opened").waitFor({ timeout: 60_000 });
    expect(writerLoaded()).toBe(true);
    expect(await names()).toEqual(beforePublic);
    const created = await page.evaluate(() => ((window as unknown as Record<string, { createdWorkbooks: string[] }>).__fakeWorkbook).createdWorkbooks);
    expect(created).toHaveLength(1);
    const link = page.getByTestId("projects-public-download");
    expect(await link.getAttribute("download")).toBe("ripple-政策評価-公開版.xlsx");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("ripple-政策評価-公開版.xlsx");
    const saved = path.join(work, "public.xlsx");
    await download.saveAs(saved);
    const bytes = readFileSync(saved);
    expect(bytes.toString("base64")).toBe(created[0]);
    const zip = await JSZip.loadAsync(bytes);
    const secret = String(PLAN_A.cells["事業者名"]);
    for (const name of Object.keys(zip.files)) {
      if (zip.files[name].dir) continue;
      expect((await zip.files[name].async("string")).includes(secret), name).toBe(false);
    }
    const publicCells = (await readXlsxBuffer(bytes, "public.xlsx")).sheets.flatMap((x) => x.values.flat());
    expect(publicCells).toContain(String(PLAN_B.cells["事業者名"]));
    expect(publicCells).not.toContain("P-01");

    // 4. The market model: its template, a short Monte Carlo, the KPI verdict in the pane.
    await page.getByTestId("tab-market").click();
    await page.getByTestId("market-template-run").click();
    await page.getByTestId("market-template-done").waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId("market-params-sheet").inputValue()).toBe("磁石パラメータ");
    await expect.poll(() => page.locator('[data-testid="market-scenario"] option').count()).toBe(3);
    await page.getByTestId("market-scenario").selectOption("april2025");
    await page.getByTestId("market-draws").fill("200");
    const beforeMarket = await names();
    await page.getByTestId("market-run").click();
    const verdict = page.getByTestId("kpi-verdict");
    await verdict.waitFor({ timeout: 60_000 });
    expect(await verdict.textContent()).toMatch(/2030年 KPI（国内生産能力／国内需要）: (達成|未達)/);
    expect(await verdict.textContent()).toContain("達成する確率");
    const marketSheets = (await names()).slice(beforeMarket.length);
    expect(marketSheets.length).toBeGreaterThanOrEqual(5);
    expect(await page.getByTestId("market-written").textContent()).toBe(marketSheets.join(" / "));
    await page.screenshot({ path: SCREENSHOT_MARKET, fullPage: true });

    // 5. The disruption form, prefilled from the example: its sheets, and the methods' limits.
    // At 460 px the fifth tab (CGE) and this one may sit in the 他 n 件 menu.
    await chooseTab(page, "disruption");
    expect(await page.getByTestId("disruption-importCutPct").inputValue()).toBe("90");
    expect(await page.getByTestId("disruption-sector").inputValue()).toBe("03 製造業");
    expect(await page.getByTestId("disruption-limits").textContent()).toContain("不稼働率");
    const beforeDisruption = await names();
    await page.getByTestId("disruption-run").click();
    await page.getByTestId("disruption-done").waitFor({ timeout: 60_000 });
    const disruptionSheets = (await names()).slice(beforeDisruption.length);
    expect(disruptionSheets.length).toBeGreaterThanOrEqual(4);
    expect(await page.getByTestId("disruption-written").textContent()).toBe(disruptionSheets.join(" / "));
    // The headline loss in the pane is the results sheet's, in the table's unit.
    const lossRow = (await values(disruptionSheets[0])).find((r) => typeof r[0] === "string" && r[0].startsWith("経済損失（動学モデル"))!;
    const nfLoss = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 1 });
    expect(await page.getByTestId("disruption-loss").textContent()).toBe(`${nfLoss.format(lossRow[1] as number)} 百万円`);
    await page.screenshot({ path: SCREENSHOT_DISRUPTION, fullPage: true });

    // The function-error list is there and refreshes (no RIPPLE formula has failed here).
    await page.getByTestId("function-errors-refresh").click();
    expect(await page.getByTestId("function-errors-none").count()).toBe(1);
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it("offers to read a table without its zero-output sector, shows it dropped, and saves the choice", async () => {
    chromiumPresent();
    type Wb = {
      selection: { sheet: string; address: string } | null;
      settings: Map<string, unknown>;
      sheet(n: string): { setCell(r: number, c: number, cell: { value: FakeValue } | undefined): void };
    };
    // A 3-sector table typed below the shock (A11:F16); 鉱業 has output 0 in D16.
    const small: FakeValue[][] = [
      ["", "農業", "製造業", "鉱業", "最終需要計", "国内生産額"],
      ["農業", 10, 20, 0, 70, 100],
      ["製造業", 30, 60, 0, 110, 200],
      ["鉱業", 0, 0, 0, 0, 0],
      ["粗付加価値部門計", 60, 120, 0, null, null],
      ["国内生産額", 100, 200, 0, null, null],
    ];
    await page.evaluate(
      ({ sheet, small }) => {
        const wb = (window as unknown as Record<string, Wb>).__fakeWorkbook;
        small.forEach((row, r) => row.forEach((v, c) => v !== null && wb.sheet(sheet).setCell(10 + r, c, { value: v })));
        wb.selection = { sheet, address: "A11:F16" };
      },
      { sheet: SHOCK_SHEET, small },
    );
    await page.getByTestId("table-selection").click();
    const error = page.getByTestId("error");
    await error.waitFor();
    expect(await error.textContent()).toContain(`シート「${SHOCK_SHEET}」 セル D16`);
    expect(await error.textContent()).toContain("鉱業 (D16: 0)");
    expect(await page.getByTestId("table-drop-zero").isChecked()).toBe(false);

    const choice = page.getByTestId("error-drop-zero");
    expect(await choice.textContent()).toBe("生産額が 0 以下の部門を除いて読む");
    await choice.click();
    await expect.poll(() => page.getByTestId("table-facts").textContent()).toContain(`2 部門（${SHOCK_SHEET}!B12:D14）`);
    expect(await page.getByTestId("table-dropped").textContent()).toContain("鉱業 (D16: 0)");
    expect(await page.getByTestId("table-drop-zero").isChecked()).toBe(true);
    expect(await page.getByTestId("error-drop-zero").count()).toBe(0);

    await page.getByTestId("roles-confirm").click();
    const saved = () =>
      page.evaluate((key) => {
        const v = (window as unknown as Record<string, Wb>).__fakeWorkbook.settings.get(key);
        return (typeof v === "string" ? JSON.parse(v) : v) as Record<string, unknown> | undefined;
      }, `ripple.mapping.${SHOCK_SHEET}`);
    await expect.poll(async () => (await saved())?.dropZeroOutput).toBe(true);

    // Unticked: the table stops again with the error and its one-click choice; in English too.
    await page.getByTestId("table-drop-zero").click();
    await page.getByTestId("error-drop-zero").waitFor();
    expect(await page.getByTestId("table-dropped").count()).toBe(0);
    await page.getByTestId("lang-en").click();
    await expect.poll(() => page.getByTestId("error-drop-zero").textContent()).toBe("Read without the zero-output sectors");
    await page.getByTestId("lang-ja").click();
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it("loaded office.js from the fake and sent nothing beyond localhost", () => {
    chromiumPresent();
    expect(intercepted).toEqual([OFFICE_JS]);
    expect(blocked).toEqual([]);
    expect(requests.length).toBeGreaterThan(3);
    for (const url of requests) {
      if (url === OFFICE_JS) continue; // answered by the route above, never fetched
      expect(localHost(url), url).toBe("127.0.0.1");
    }
    // The page's own files all came from the local server.
    expect(server.served).toEqual(expect.arrayContaining(["/taskpane.html", "/taskpane.js", "/functions.js", "/runtime.js"]));
  });
});
