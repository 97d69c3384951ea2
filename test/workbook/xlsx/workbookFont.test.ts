// The workbook's font is one setting of the spec: 游ゴシック (Japanese character set, so Excel
// substitutes another Japanese font such as Meiryo where it is missing) for a Japanese workbook,
// Calibri for an English one, written as styles.xml's default font and in every cell look; no
// cell names another font.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { DEFAULT_FONTS, type WorkbookSpec } from "../../../src/report/spec";
import { xlsxBytes } from "../../../src/workbook/xlsx/xlsxBytes";

function spec(lang: "ja" | "en", font?: WorkbookSpec["font"]): WorkbookSpec {
  return {
    lang,
    ...(font ? { font } : {}),
    provenance: { software: "Ripple", version: "0.1.0", createdAt: "2026-01-01T00:00:00Z", inputs: [], parameters: [], variants: [], warnings: [] },
    sheets: [
      {
        key: "summary",
        name: lang === "ja" ? "結果" : "Results",
        blocks: [
          { row: 0, col: 0, values: [["表題"]], style: "title" },
          { row: 1, col: 0, values: [["見出し", "値"]], style: "header" },
          { row: 2, col: 0, values: [["生産誘発額", 1234.5]], style: "body", numberFormat: [null, "#,##0.0"] },
          { row: 3, col: 0, values: [["注"]], style: "note" },
        ],
      },
    ],
  };
}

async function fonts(s: WorkbookSpec): Promise<{ names: string[]; first: string }> {
  const zip = await JSZip.loadAsync(await xlsxBytes(s));
  const styles = await zip.file("xl/styles.xml")!.async("string");
  const block = styles.slice(styles.indexOf("<fonts"), styles.indexOf("</fonts>"));
  const list = block.split("<font>").slice(1);
  return { names: list.map((f) => /<name val="([^"]*)"\/>/.exec(f)?.[1] ?? ""), first: list[0] };
}

describe("the workbook font", () => {
  it("is 游ゴシック with the Japanese character set in a Japanese workbook, for the default and every look", async () => {
    const f = await fonts(spec("ja"));
    expect(f.names.length).toBeGreaterThanOrEqual(4);
    expect(new Set(f.names)).toEqual(new Set(["游ゴシック"]));
    expect(f.first).toContain('<charset val="128"/>');
    // no theme scheme: Excel would otherwise show the theme's font instead of the named one
    expect(f.first).not.toContain("scheme");
  });

  it("is Calibri in an English workbook", async () => {
    const f = await fonts(spec("en"));
    expect(new Set(f.names)).toEqual(new Set(["Calibri"]));
    expect(f.first).not.toContain("charset");
  });

  it("follows the spec's own setting when it has one", async () => {
    const f = await fonts(spec("ja", { ...DEFAULT_FONTS.ja, name: "メイリオ" }));
    expect(new Set(f.names)).toEqual(new Set(["メイリオ"]));
  });
});
