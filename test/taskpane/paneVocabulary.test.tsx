// The Japanese pane speaks Japanese: every text of the pane's Japanese resources, and the CGE
// tab's headline as rendered after a run of the built-in magnet scenarios on the sample, hold
// none of the code's ids, file names, FY labels or stray English words (the rules of the
// workbook scan, test/report/vocabularyRules.ts). The headline named the scenarios by their JSON
// names ("magnet export-control premium", …) until it showed their titles.

import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { installFakeOffice, type FakeValue, type FakeWorkbook } from "../workbook/office/fakeExcel";
import { readGrids } from "../../src/cli/analyze";
import { createI18n, resources } from "../../src/taskpane/i18n";
import { loadTableFromSheet } from "../../src/taskpane/runAnalysis";
import { runCge } from "../../src/taskpane/cgeFlow";
import { CgeHeadlines } from "../../src/taskpane/components/CgePanel";
import { MAGNET_SCENARIOS } from "../../src/engine/cge";
import { codeVocabulary, jaFindings } from "../report/vocabularyRules";

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = path.join(ROOT, "assets", "ripple-sample.xlsx");

/** Every string leaf of a resource tree with its key; {{placeholders}} are not text. */
function leaves(tree: unknown, at = ""): { key: string; text: string }[] {
  if (typeof tree === "string") return [{ key: at, text: tree.replace(/\{\{\s*\w+\s*\}\}/g, " ") }];
  if (tree && typeof tree === "object") return Object.entries(tree).flatMap(([k, v]) => leaves(v, at ? `${at}.${k}` : k));
  return [];
}

/** Latin words a Japanese pane may show: the language switch names English in English, Office's
 * products and API set (Mac, iPad, ExcelApi), Excel's error values (#NUM!, #VALUE!), the .xlsx
 * extension and the saved files' prefix "ripple-". */
const PANE_OK = new Set(["English", "Mac", "iPad", "ExcelApi", "NUM", "VALUE", "xlsx", "ripple"]);

/** Visible text of rendered markup. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, "\n").split("\n").map((t) => t.trim()).filter(Boolean);

let wb: FakeWorkbook | null = null;
afterEach(() => {
  wb?.uninstall();
  wb = null;
});

describe("the Japanese pane speaks Japanese", () => {
  const vocabulary = codeVocabulary();

  it("in every text of its resources", () => {
    const all = leaves(resources.ja.translation);
    expect(all.length).toBeGreaterThan(250);
    const found = all.flatMap(({ key, text }) => {
      const hits = jaFindings(text, vocabulary).filter((w) => !PANE_OK.has(w));
      return hits.length ? [`${key}: [${hits.join(", ")}] ${text.slice(0, 80)}`] : [];
    });
    expect(found, found.join("\n")).toEqual([]);
  });

  it("in the CGE headline after the built-in scenarios (titles, not JSON names)", async () => {
    const file = await readGrids(ROOT, SAMPLE);
    wb = installFakeOffice(globalThis, Object.fromEntries(file.sheets.map((g) => [g.sheet, g.values as FakeValue[][]])), { displayLanguage: "ja-JP" });
    const detected = await loadTableFromSheet("取引基本表");
    const out = await runCge({ source: { kind: "table", detected }, scenario: { kind: "builtin", keys: "all" }, lang: "ja" });
    expect(out.headlines).toHaveLength(4);
    const html = renderToStaticMarkup(
      <I18nextProvider i18n={createI18n("ja")}>
        <CgeHeadlines headlines={out.headlines} sheet={out.sheets[0]} lang="ja" />
      </I18nextProvider>,
    );
    const texts = textOf(html);
    // the four titles are shown, the JSON names nowhere
    for (const b of Object.values(MAGNET_SCENARIOS)) {
      expect(texts, b.title.ja).toContain(b.title.ja);
      expect(html).not.toContain(b.name);
    }
    const found = texts.flatMap((t) => {
      const hits = jaFindings(t, vocabulary);
      return hits.length ? [`[${hits.join(", ")}] ${t}`] : [];
    });
    expect(found, found.join("\n")).toEqual([]);
  }, 120_000);
});
