// The pane at the widths Excel gives a task pane (320 and 350 px, Excel's narrowest and a
// common default): no sideways scroll, every control inside the pane and not covered by
// another element (checked at its centre and near both ends), the tabs that do not fit reachable
// through the overflow menu, the role map folded into its summary and opening on demand, and
// the role names in Japanese. Real add-in bundle, Debian's Chromium, the fake Office host.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { buildAddin, buildFakeOffice, ROOT } from "./buildBundles";
import { serveDirectory, type StaticServer } from "./staticServer";
import { parseCsv } from "../../src/engine/table";
import { overflowX, unreachable } from "./paneHarness";

const CHROMIUM = process.env.RIPPLE_CHROMIUM ?? "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const CSV = path.resolve(ROOT, "../shared/data/jp-io-2011-13/io2011_13sector_ja.csv");
const TABS = ["analysis", "projects", "market", "disruption", "cge"] as const;
describe("task pane at task-pane widths (Chromium)", () => {
  let work: string;
  let server: StaticServer;
  let context: BrowserContext;
  let fakeOfficeJs = "";

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), "ripple-pane-narrow-"));
    await buildAddin(path.join(work, "addin"));
    const fake = await buildFakeOffice(path.join(work, "fake"));
    const table = parseCsv(readFileSync(CSV, "utf8"), "io2011_13sector_ja.csv").values;
    const init = {
      workbook: { 取引基本表: table, ショック: [["部門", "増加額（百万円）"], ["建設", 100000]] },
      options: { displayLanguage: "ja-JP" },
    };
    fakeOfficeJs = `window.__rippleFakeInit = ${JSON.stringify(init)};\n${readFileSync(fake, "utf8")}`;
    server = await serveDirectory(path.join(work, "addin"));
    if (!existsSync(CHROMIUM)) return;
    context = await chromium.launchPersistentContext(path.join(work, "profile"), {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      locale: "ja-JP",
    });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: fakeOfficeJs });
      if (new URL(url).hostname === "127.0.0.1") return route.continue();
      return route.abort();
    });
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** The message shown instead of the pane, for a page whose office.js request is answered by `officeJs`. */
  async function unavailableText(officeJs: string | null): Promise<string> {
    const page = await context.newPage();
    await page.route(OFFICE_JS, (route) =>
      officeJs === null ? route.abort() : route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: officeJs }),
    );
    await page.setViewportSize({ width: 320, height: 600 });
    await page.goto(`${server.origin}/taskpane.html`);
    const box = page.getByTestId("pane-unavailable");
    await box.waitFor({ timeout: 30_000 });
    expect(await box.getAttribute("role")).toBe("alert");
    expect(await page.locator("h1").count()).toBe(0);
    const text = (await box.textContent()) ?? "";
    await page.close();
    return text;
  }

  it("says why instead of a blank pane: office.js blocked, opened outside Office, another host", async () => {
    expect(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}`).toBe(true);
    const blocked = await unavailableText(null);
    expect(blocked).toContain("（office.js）を読み込めませんでした");
    expect(blocked).toContain("office.js) could not be loaded");
    const browser = await unavailableText("window.Office = { onReady: () => Promise.resolve({ host: null, platform: null }) };");
    expect(browser).toContain("Excel のアドインです");
    expect(browser).toContain("Open it from Excel");
    const word = await unavailableText("window.Office = { onReady: () => Promise.resolve({ host: 'Word', platform: 'PC' }) };");
    expect(word).toContain("Excel 専用");
  }, 120_000);

  it("says so in Internet Explorer 11's engine (user agent), where the bundle cannot run", async () => {
    expect(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}`).toBe(true);
    const page = await context.newPage();
    // The inline check runs on the page's own user agent; emulate IE 11's for this page only.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setUserAgentOverride", { userAgent: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko" });
    await page.goto(`${server.origin}/taskpane.html`);
    const box = page.getByTestId("pane-unavailable");
    await box.waitFor({ timeout: 30_000 });
    expect(await box.textContent()).toContain("Internet Explorer");
    // The bundle stayed out: no pane was mounted over the message.
    await page.waitForTimeout(500);
    expect(await page.locator("h1").count()).toBe(0);
    await page.close();
  }, 60_000);

  for (const width of [320, 350]) {
    it(`at ${width} px: no sideways scroll, every control reachable, tabs in a menu, Japanese role names`, async () => {
      expect(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}`).toBe(true);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${server.origin}/taskpane.html`);
      await page.locator("h1").waitFor();
      expect(await overflowX(page)).toBe(0);
      expect(await unreachable(page)).toEqual([]);

      await page.getByTestId("table-sheet").selectOption("取引基本表");
      await page.getByTestId("table-facts").waitFor();

      // The role map is folded into its summary; nothing needs checking in MIC's own table.
      expect(await page.getByTestId("roles-review").textContent()).toBe("要確認 0 件");
      expect(await page.getByTestId("role-table-rows").count()).toBe(0);
      expect(await overflowX(page)).toBe(0);
      expect(await unreachable(page)).toEqual([]);

      // Opened: the role drop-downs name the roles in Japanese, not by their codes.
      await page.getByTestId("roles-toggle").click();
      const comp = page.locator('[data-testid="role-table-rows"] tr[data-address="B19"] select');
      expect(await comp.inputValue()).toBe("va:compensation");
      expect(await comp.evaluate((s: HTMLSelectElement) => s.selectedOptions[0].textContent)).toBe("雇用者所得");
      const optionTexts = await comp.evaluate((s: HTMLSelectElement) => Array.from(s.options).map((o) => o.textContent ?? ""));
      for (const text of optionTexts) expect(text, "a role shown by its code").not.toMatch(/^[a-z:-]+$/);
      expect(optionTexts).toEqual(expect.arrayContaining(["民間消費支出", "営業余剰", "資本減耗引当"]));
      expect(await overflowX(page)).toBe(0);
      expect(await unreachable(page)).toEqual([]);
      await page.getByTestId("roles-cols").click();
      expect(await overflowX(page)).toBe(0);
      expect(await unreachable(page)).toEqual([]);

      // Every tab: chosen directly when it shows, else through the overflow menu.
      let viaMenu = 0;
      for (const tab of TABS) {
        if (await page.getByTestId(`tab-${tab}`).isVisible()) {
          await page.getByTestId(`tab-${tab}`).click();
        } else {
          viaMenu++;
          await page.getByTestId("tab-more").click();
          const item = page.getByTestId(`tab-menu-${tab}`);
          // The open menu's items: inside the pane and on top where clicked. (With five tabs the
          // open menu is tall enough to cover controls below it, as a menu does; those are
          // checked with the menu closed, before and after.)
          const items = await page.evaluate(() =>
            Array.from(document.querySelectorAll('[role="menuitem"]')).map((el) => {
              const r = el.getBoundingClientRect();
              const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
              return { id: el.getAttribute("data-testid"), ok: !!hit && el.contains(hit) && r.left >= 0 && r.right <= document.documentElement.clientWidth };
            }),
          );
          expect(items.map((i) => i.id)).toContain(`tab-menu-${tab}`);
          expect(items.filter((i) => !i.ok)).toEqual([]);
          await item.click();
        }
        await expect.poll(() => page.getByTestId(`panel-${tab}`).isVisible()).toBe(true);
        expect(await page.getByTestId(`tab-${tab}`).isVisible(), `${tab} stays visible once chosen`).toBe(true);
        expect(await overflowX(page), tab).toBe(0);
        expect(await unreachable(page), tab).toEqual([]);
      }
      expect(viaMenu, "at this width some tabs go into the menu").toBeGreaterThan(0);

      mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
      await page.getByTestId("tab-analysis").isVisible() || (await page.getByTestId("tab-more").click(), await page.getByTestId("tab-menu-analysis").click());
      await page.screenshot({ path: path.join(ROOT, "test-results", `taskpane-${width}px.png`), fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);
  }
});
