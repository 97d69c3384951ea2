// The demo workbook as a reader prints it: both versions (取扱注意 and 公開版) exported to PDF by
// LibreOffice and read back page by page with pdftotext. The summary is one A4 landscape page
// with its chart, at a readable size; every page carries its sheet's name, the marking and
// "page / pages".
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import JSZip from "jszip";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { run, tempDir } from "../../cli/helpers";
import { convertWithLibreOffice, sofficePath } from "./libreoffice";

const PDFTOTEXT = "/usr/bin/pdftotext";

interface Page {
  text: string;
  /** Words with their boxes (points), from pdftotext -bbox. */
  words: { text: string; width: number; x: number; y: number }[];
}

function pages(pdf: string): Page[] {
  const html = execFileSync(PDFTOTEXT, ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  return html
    .split("<page ")
    .slice(1)
    .map((p) => {
      const words = [...p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
        text: m[4],
        width: Number(m[3]) - Number(m[1]),
        x: Number(m[1]),
        y: Number(m[2]),
      }));
      return { text: words.map((w) => w.text).join(" "), words };
    });
}

/** The pages of one sheet: its name heads each of its pages (the header's left part, among the
 * page's first words with the marking). */
function sheetPages(p: Page[], name: string): Page[] {
  return p.filter((x) => x.words.slice(0, 3).some((w) => w.text === name));
}

let demoDir = "";
const printed: Record<"full" | "public", Page[]> = { full: [], public: [] };

beforeAll(async () => {
  sofficePath();
  if (!existsSync(PDFTOTEXT))
    throw new Error("pdftotext is not installed: `npm test` installs it through scripts/setup.mjs, or run apt-get install -y poppler-utils");
  const dir = tempDir();
  demoDir = dir;
  const r = await run(["demo", "--lang", "ja", "--out", join(dir, "demo.xlsx")], { cwd: dir });
  expect(r.code, r.err).toBe(0);
  const [full, pub] = await Promise.all(
    [join(dir, "demo.xlsx"), join(dir, "demo-公開版.xlsx")].map((f, i) => convertWithLibreOffice(f, "pdf", { outDir: join(dir, `pdf${i}`), recalc: false })),
  );
  printed.full = pages(full);
  printed.public = pages(pub);
}, 300_000);

/** Pages of 検算（数式） measured on the demo after its wide tables were laid out in blocks of
 * ≤ 8 columns (full 5, public 3; before: 16 and 3). */
const AUDIT_PAGES = { full: 6, public: 4 } as const;
/** The whole demo, measured: 37 pages (public 28); 58 before 計画別 and 検算 were made printable,
 * 29 while the CGE results printed one page wide each at a small scale; now each of the four
 * prints on 3 pages (by-good blocks, charts and the IO comparison). */
const DEMO_PAGES = 38;
/** Pages of each CGE results sheet (measured 3: macro + quantities, the other blocks, charts). */
const CGE_PAGES = 3;

describe("the demo printed", () => {
  it("is in 游ゴシック (styles.xml's default font), and the PDF renders its Japanese in a CJK font", async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(demoDir, "demo.xlsx")));
    const styles = await zip.file("xl/styles.xml")!.async("string");
    const names = [...styles.matchAll(/<name val="([^"]*)"\/>/g)].map((m) => m[1]);
    expect(new Set(names)).toEqual(new Set(["游ゴシック"]));
    const fonts = execFileSync("/usr/bin/pdffonts", [join(demoDir, "pdf0", "demo.pdf")], { encoding: "utf8" });
    expect(fonts).toMatch(/CJK/);
  });

  it(`takes at most ${DEMO_PAGES} pages in all`, () => {
    expect(printed.full.length).toBeLessThanOrEqual(DEMO_PAGES);
    expect(printed.public.length).toBeLessThan(printed.full.length);
  });
});

describe.each([
  ["full", "取扱注意"],
  ["public", "公開版"],
] as const)("the %s demo workbook printed", (version, marking) => {
  it("has the marking and its number on every page", () => {
    const p = printed[version];
    expect(p.length).toBeGreaterThan(5);
    p.forEach((page, i) => {
      expect(page.text, `page ${i + 1}`).toContain(marking);
      expect(page.text, `page ${i + 1}`).toMatch(new RegExp(`(^| )${i + 1} / ${p.length}( |$)`));
    });
  });

  it("prints every figure whole: no column too narrow for its numbers (### in print)", () => {
    printed[version].forEach((page, i) => expect(page.text, `page ${i + 1}`).not.toContain("###"));
  });

  it("prints 計画別 on at most 2 pages, one page wide, with every plan's ID on the page of its row", () => {
    const p = sheetPages(printed[version], "計画別");
    expect(p.length).toBeGreaterThanOrEqual(1);
    expect(p.length).toBeLessThanOrEqual(2);
    if (version === "public") {
      // every plan of the demo is confidential: one line says so, no table is left
      expect(p.length).toBe(1);
      expect(p[0].text).toContain("個別計画は非公開のため掲載していません");
      expect(p[0].text).not.toContain("計画ID");
      return;
    }
    // the notes are under the tables, not a column of their own: the figures and the notes'
    // header are both on the sheet's pages, and the effects table's header is whole on page 1
    expect(p[0].text).toContain("計画別の効果（累計）と現在価値");
    expect(p[0].text).toContain("補助金1円当たり");
  });

  it("prints 検算（数式） one page wide in blocks with their row labels: at most 6 pages", () => {
    const p = sheetPages(printed[version], "検算（数式）");
    expect(p.length).toBeGreaterThanOrEqual(1);
    expect(p.length).toBeLessThanOrEqual(AUDIT_PAGES[version]);
    // every page of figures names its rows: a sector or a stage or a year in front of them
    for (const page of p) expect(page.text).toMatch(/製造業|総合効果|年度|合計/);
  });

  it(`prints each CGE results sheet on at most ${CGE_PAGES} pages, no by-good block split from its header`, () => {
    const names = version === "full" ? ["CGE結果", "CGE結果 2", "CGE結果 3", "CGE結果 4"] : ["CGE結果", "CGE結果 2"];
    for (const name of names) {
      // the page header's left part is the sheet's name ("CGE結果 2" is two words)
      const p = printed[version].filter((x) => x.words.filter((w) => w.y < 28 && !["取扱注意", "公開版"].includes(w.text)).map((w) => w.text).join(" ") === name);
      expect(p.length, name).toBeGreaterThanOrEqual(2);
      expect(p.length, name).toBeLessThanOrEqual(CGE_PAGES);
      // Each block's header ("国内生産 Z 基準", "輸入 M 基準", "生産者価格 基準") has all the
      // goods under it on its own page: the row labels (left column) between it and the next
      // header, or the page end, are the 13 goods of the sample.
      let blocks = 0;
      for (const page of p) {
        const heads = page.words.filter((w) => w.x < 40 && w.text === "財").map((w) => w.y);
        heads.forEach((y, k) => {
          const end = heads[k + 1] ?? Infinity;
          const labels = page.words.filter((w) => w.x < 40 && w.y > y + 1 && w.y < end && /^[^\d]/.test(w.text));
          // goods, then (after the last block) the next table's title: at least the 13 goods in a row
          expect(labels.length, `${name} block ${blocks + 1}`).toBeGreaterThanOrEqual(13);
          blocks++;
        });
      }
      // three by-good blocks and the IO comparison when the scenario has one, each headed 財
      expect(blocks, name).toBeGreaterThanOrEqual(3);
    }
  });

  it("shows 割引率 as a percentage (4.0%) wherever it is printed", () => {
    let seen = 0;
    for (const page of printed[version])
      page.words.forEach((w) => {
        if (!/^割引率/.test(w.text) || w.text.length > 12) return;
        // the first figure on its line, right of the label
        const figure = page.words
          .filter((x) => Math.abs(x.y - w.y) < 2 && x.x > w.x && /^\d/.test(x.text))
          .sort((a, b) => a.x - b.x)[0];
        if (!figure) return;
        seen++;
        expect(figure.text, w.text).toBe("4.0%");
      });
    // 経済安全保障効果, 方法・出典 (evaluation and parameter tables), 検算 (projects and security)
    expect(seen).toBeGreaterThanOrEqual(version === "full" ? 5 : 4);
  });

  it("prints the summary on one page with its chart, at 9 pt or more", () => {
    const p = printed[version];
    // the sheet's name heads each of its pages
    const summary = p.filter((x) => x.words.some((w) => w.text === "政策評価サマリー"));
    expect(summary).toHaveLength(1);
    expect(summary[0].text).toContain("段階別の累計効果");
    expect(summary[0].text).toContain("政策KPI");
    // A label of 11-pt cells, all full-width characters: its width is 14 em.
    const label = summary[0].words.find((w) => w.text === "生産誘発額（総合効果、累計）");
    expect(label).toBeDefined();
    expect(label!.width / 14).toBeGreaterThanOrEqual(9);
  });
});
