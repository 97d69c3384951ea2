import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/engine/table/csv";
import { readXlsx } from "../../src/workbook/xlsx";
import { repoRoot, shared } from "./paths";

const sample = join(repoRoot, "assets", "ripple-sample.xlsx");

describe("assets/ripple-sample.xlsx", () => {
  it("keeps its own copies of the shared data, unchanged", () => {
    for (const f of [
      "jp-io-2011-13/io2011_13sector_ja.csv",
      "jp-io-2011-13/io2011_13sector_en.csv",
      "jp-io-2011-13/SOURCE.md",
      "magnet-market/defaults.csv",
      "magnet-market/README.md",
    ])
      expect(readFileSync(join(repoRoot, "assets/data", f), "utf8")).toBe(readFileSync(join(shared, "data", f), "utf8"));
  });

  it("holds the 2011 table exactly as the CSV, with numbers as numbers", async () => {
    const wb = await readXlsx(sample);
    expect(wb.sheets.map((s) => s.sheet)).toEqual(["取引基本表", "部門分割", "事業計画", "投資転換表", "パラメータ", "選択肢", "磁石パラメータ", "磁石シナリオ", "磁石需要ドライバー", "ショック", "出典"]);
    const csv = parseCsv(readFileSync(join(repoRoot, "assets/data/jp-io-2011-13/io2011_13sector_ja.csv"), "utf8"), "x");
    const t = wb.sheets[0];
    expect(t.origin).toEqual({ row: 0, col: 0 });
    const trimmed = (rows: unknown[][]) =>
      rows.map((r) => {
        const c = [...r];
        while (c.length && (c[c.length - 1] === null || c[c.length - 1] === "")) c.pop();
        return c;
      });
    expect(trimmed(t.values)).toEqual(trimmed(csv.values));
    expect(t.values[5][4]).toBe(128796467);
    expect(t.values[3][0]).toBe("01");
  });

  it("the example shock: the FY2025 top-up spread by the capex converter of defaults.csv", async () => {
    const d = parseCsv(readFileSync(join(shared, "data/magnet-market/defaults.csv"), "utf8"), "d").values;
    const value = (p: string) => d.find((r) => r[1] === p)![2] as number;
    const total = value("FY2025 supplementary budget top-up (permanent magnets)");
    expect(total).toBe(17000);
    const wb = await readXlsx(sample);
    const s = wb.sheets.find((x) => x.sheet === "ショック")!;
    const pairs = s.values.slice(1, 4).map((r) => [r[0], r[1]]);
    expect(pairs).toEqual([
      ["04 建設", total * value("capex converter construction share")],
      ["03 製造業", total * value("capex converter machinery share")],
      ["12 サービス", total * value("capex converter other share")],
    ]);
    const text = s.values.flat().filter((v): v is string => typeof v === "string").join("\n");
    expect(text).toContain("例示");
    expect(text).toContain("METI 効果検証シナリオ (2026-03-31)");
    expect(text).toContain("置き換わる");
    const src = wb.sheets.find((x) => x.sheet === "出典")!.values.flat().join("\n");
    expect(src).toContain("e-Stat");
  });
});
