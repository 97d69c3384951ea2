// Shared set-up of the Chromium pane tests: the real add-in bundle (webpack.config.js), the fake
// Office host answering the office.js request, Debian's Chromium through playwright-core (never a
// downloaded browser), a fresh profile per suite, and no request beyond 127.0.0.1.

import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";
import { buildAddin, buildFakeOffice, ROOT } from "./buildBundles";
import { serveDirectory, type StaticServer } from "./staticServer";
import { parseCsv } from "../../src/engine/table";
import type { FakeOptions, InitialSheet } from "../workbook/office/fakeExcel";

export const CHROMIUM = process.env.RIPPLE_CHROMIUM ?? "/usr/bin/chromium";
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const SCREENSHOTS = path.join(ROOT, "test-results");
export const TABLE_SHEET = "取引基本表";
const CSV = path.resolve(ROOT, "../shared/data/jp-io-2011-13/io2011_13sector_ja.csv");

export const tableCells = () => parseCsv(readFileSync(CSV, "utf8"), "io2011_13sector_ja.csv").values;

export interface Pane {
  context: BrowserContext;
  server: StaticServer;
  /** A new page at `width` px with the fake workbook, the pane loaded (h1 shown). */
  open(width: number, init?: { workbook: Record<string, InitialSheet>; options?: FakeOptions }): Promise<Page>;
  /** Requests that were refused because they left 127.0.0.1. */
  blocked: string[];
  close(): Promise<void>;
}

/** Build the add-in and the fake host once; each open() gets its own workbook. */
export async function startPane(name: string, locale = "ja-JP"): Promise<Pane> {
  expect(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: install Debian's chromium package`).toBe(true);
  const work = mkdtempSync(path.join(tmpdir(), `ripple-pane-${name}-`));
  await buildAddin(path.join(work, "addin"));
  const fake = readFileSync(await buildFakeOffice(path.join(work, "fake")), "utf8");
  const server = await serveDirectory(path.join(work, "addin"));
  const context = await chromium.launchPersistentContext(path.join(work, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    locale,
  });
  const blocked: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.abort(); // each page answers it with its own workbook
    const host = new URL(url.startsWith("blob:") ? url.slice(5) : url).hostname;
    if (host === "127.0.0.1") return route.continue();
    blocked.push(url);
    return route.abort();
  });
  return {
    context,
    server,
    blocked,
    async open(width, init = { workbook: { [TABLE_SHEET]: tableCells() }, options: { displayLanguage: locale } }) {
      const page = await context.newPage();
      const body = `window.__rippleFakeInit = ${JSON.stringify(init)};\n${fake}`;
      await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body }));
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.origin}/taskpane.html`);
      await page.locator("h1").waitFor();
      return page;
    },
    async close() {
      await context.close();
      await server.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Show a tab: directly when its button shows, else through the overflow menu. The tab list
 * re-measures its overflow after a run's results render, so a tab can move into the menu between
 * the check and the click: try again (a loaded machine made this visible once in a full run). */
export async function chooseTab(page: Page, tab: string): Promise<void> {
  const panel = page.getByTestId(`panel-${tab}`);
  for (let attempt = 0; attempt < 3 && !(await panel.isVisible()); attempt++) {
    if (await page.getByTestId(`tab-${tab}`).isVisible()) await page.getByTestId(`tab-${tab}`).click();
    else {
      await page.getByTestId("tab-more").click();
      await page.getByTestId(`tab-menu-${tab}`).click();
    }
    await panel.waitFor({ state: "visible", timeout: 5_000 }).catch(() => undefined);
  }
  await expect.poll(() => panel.isVisible()).toBe(true);
}

/** The fake workbook's sheet names and how many writes it has logged. */
export function workbookState(page: Page): Promise<{ names: string[]; writes: number; syncs: number }> {
  return page.evaluate(() => {
    const wb = (window as unknown as Record<string, { sheetNames(): string[]; writes: unknown[]; syncs: unknown[] }>).__fakeWorkbook;
    return { names: wb.sheetNames(), writes: wb.writes.length, syncs: wb.syncs.length };
  });
}

export const CONTROLS = 'button, select, input:not([type="hidden"]), textarea, a[href], [role="tab"], [role="switch"], [role="menuitem"]';

export interface Problem {
  what: string;
  why: string;
}

/** Every visible control of the page that lies outside the viewport or is covered where it is
 * clicked. Each control is scrolled into view first (the pane scrolls vertically, and the role
 * list inside its own box). */
export async function unreachable(page: Page, atLeast = 5): Promise<Problem[]> {
  const { checked, problems } = await page.evaluate((selector) => {
    const problems: { what: string; why: string }[] = [];
    let checked = 0;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}[${el.getAttribute("data-testid") ?? el.getAttribute("aria-label") ?? (el.textContent ?? "").trim().slice(0, 30)}]`;
    const vw = document.documentElement.clientWidth;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const style = getComputedStyle(el);
      if (el.getClientRects().length === 0 || style.visibility === "hidden") continue; // not shown (hidden tab, folded list)
      el.scrollIntoView({ block: "center", inline: "nearest" });
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) continue;
      checked++;
      if (r.left < -0.5 || r.right > vw + 0.5) {
        problems.push({ what: name(el), why: `x ${Math.round(r.left)}..${Math.round(r.right)} outside 0..${vw}` });
        continue;
      }
      // Fluent's checkbox and switch draw their box beside a transparent input that covers the
      // whole control, so hits on the control's own label count as the control.
      const own = (hit: Element | null) => !!hit && (el.contains(hit) || hit.contains(el) || (el.closest("label, .fui-Checkbox, .fui-Switch")?.contains(hit) ?? false));
      const y = r.top + r.height / 2;
      for (const x of [r.left + Math.min(3, r.width / 2), r.left + r.width / 2, r.right - Math.min(3, r.width / 2)]) {
        const hit = document.elementFromPoint(x, y);
        if (!own(hit)) {
          problems.push({ what: name(el), why: `covered at (${Math.round(x)}, ${Math.round(y)}) by ${hit ? name(hit) : "nothing (clipped)"}` });
          break;
        }
      }
    }
    return { checked, problems };
  }, CONTROLS);
  expect(checked, "controls checked").toBeGreaterThanOrEqual(atLeast);
  return problems;
}

export const overflowX = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);


/** Visible elements whose right edge lies beyond the pane (what makes it scroll sideways). */
export function wideElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    return Array.from(document.querySelectorAll<HTMLElement>("body *"))
      .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > vw + 0.5)
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}[${el.getAttribute("data-testid") ?? el.className.toString().slice(0, 30)}] right ${Math.round(el.getBoundingClientRect().right)}: ${(el.textContent ?? "").trim().slice(0, 40)}`);
  });
}
