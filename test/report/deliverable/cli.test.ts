// The command line writes the deliverables: `ripple demo` the full workbook and its public
// version (公開版); `analyze --projects … --public` both; `--public` alone is refused; the basic
// analysis with a shock gets its audit sheet.
import JSZip from "jszip";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../../src/workbook/xlsx";
import { run, tempDir } from "../../cli/helpers";
import { SAMPLE } from "./fixture";

const allText = async (file: string) => {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = await Promise.all(Object.keys(zip.files).filter((n) => !zip.files[n].dir).map((n) => zip.file(n)!.async("string")));
  return parts.join("\n");
};

describe("ripple demo", () => {
  it("writes the results workbook and its public version, and names both", async () => {
    const cwd = tempDir();
    const r = await run(["demo", "--lang", "ja"], { cwd });
    expect(r.code).toBe(0);
    const full = join(cwd, "ripple-demo-results.xlsx");
    const pub = join(cwd, "ripple-demo-results-公開版.xlsx");
    expect(r.out).toContain(`結果のブック: ${full}`);
    expect(r.out).toContain(`公開版のブック: ${pub}`);
    const fullText = await allText(full);
    const pubText = await allText(pub);
    // The sample's confidential plans are by illustrative companies 例示磁石株式会社A–D.
    const companies = ["A", "B", "C", "D"].map((x) => `例示磁石株式会社${x}`);
    for (const c of companies) {
      expect(fullText).toContain(c);
      expect(pubText).not.toContain(c);
    }
    const sheets = (await readXlsx(pub)).sheets.map((s) => s.sheet);
    expect(sheets).toContain("検算（数式）");
    expect(sheets[sheets.length - 1]).toBe("方法・出典");
    // A second run never overwrites either file.
    const again = await run(["demo", "--lang", "ja"], { cwd });
    expect(again.code).toBe(0);
    expect(existsSync(join(cwd, "ripple-demo-results-2.xlsx"))).toBe(true);
    expect(existsSync(join(cwd, "ripple-demo-results-公開版-2.xlsx"))).toBe(true);
  }, 180_000);
});

describe("ripple analyze", () => {
  it("--projects with --public writes both workbooks (English names)", async () => {
    const cwd = tempDir();
    const r = await run(["analyze", SAMPLE, "--sheet", "取引基本表", "--projects", "事業計画", "--public", "--out", "plans.xlsx", "--lang", "en"], { cwd });
    expect(r.code).toBe(0);
    expect(existsSync(join(cwd, "plans.xlsx"))).toBe(true);
    expect(existsSync(join(cwd, "plans-public.xlsx"))).toBe(true);
    expect(r.out).toContain("Public version:");
  }, 180_000);

  it("--public without --projects is refused in one line", async () => {
    const r = await run(["analyze", SAMPLE, "--sheet", "取引基本表", "--public"]);
    expect(r.code).toBe(2);
    expect(r.errLines).toEqual(["ripple: --public goes with --projects."]);
  });

  it("a shock gets the audit sheet; without a shock there is nothing to audit", async () => {
    const cwd = tempDir();
    expect((await run(["analyze", SAMPLE, "--sheet", "取引基本表", "--shock-sheet", "ショック", "--out", "s.xlsx"], { cwd })).code).toBe(0);
    expect((await readXlsx(join(cwd, "s.xlsx"))).sheets.map((s) => s.sheet)).toContain("Audit (formulas)");
    expect((await run(["analyze", SAMPLE, "--sheet", "取引基本表", "--out", "n.xlsx"], { cwd })).code).toBe(0);
    expect((await readXlsx(join(cwd, "n.xlsx"))).sheets.map((s) => s.sheet)).not.toContain("Audit (formulas)");
  }, 180_000);
});
