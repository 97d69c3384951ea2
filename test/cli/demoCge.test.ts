// `ripple demo` runs the CGE model on the sample's table (magnet split) with the built-in magnet
// scenarios (issue 13 item 6): the CGE sheets are in the internal workbook, those from public
// inputs in the public one too, and their numbers and the demo's JSON "cge" block equal `ripple cge --magnet --json` on the
// same table to 1e-9.

import { scenarioTitle } from "../../src/engine/cge";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { repoRoot, run, tempDir } from "./helpers";
import { byGoodColumn, gridOf } from "../report/byGoodGrid";

const SAMPLE = join(repoRoot, "assets", "ripple-sample.xlsx");
const close = (a: unknown, b: unknown) => {
  expect(typeof a).toBe("number");
  expect(Math.abs((a as number) - (b as number)) / Math.max(1, Math.abs(b as number))).toBeLessThan(1e-9);
};

/** Every number of `got` equals `want` to 1e-9 relative; every other value is equal. */
function sameTree(got: unknown, want: unknown, path = "cge"): void {
  if (typeof want === "number") return close(got, want);
  if (Array.isArray(want)) {
    expect(Array.isArray(got), path).toBe(true);
    expect((got as unknown[]).length, path).toBe(want.length);
    want.forEach((w, i) => sameTree((got as unknown[])[i], w, `${path}[${i}]`));
    return;
  }
  if (want && typeof want === "object") {
    expect(Object.keys(got as object).sort(), path).toEqual(Object.keys(want).sort());
    for (const [k, w] of Object.entries(want)) sameTree((got as Record<string, unknown>)[k], w, `${path}.${k}`);
    return;
  }
  expect(got, path).toEqual(want);
}

describe("ripple demo: the CGE model", () => {
  it("writes the CGE sheets whose numbers equal ripple cge --magnet --json on the same table", async () => {
    const dir = tempDir();
    const demo = await run(["demo", "--lang", "ja", "--out", "demo.xlsx", "--json", "demo.json"], { cwd: dir });
    expect(demo.code, demo.err).toBe(0);
    const cli = await run(["cge", SAMPLE, "--sheet", "取引基本表", "--magnet", "--lang", "ja", "--json", "-"], { cwd: dir });
    expect(cli.code, cli.err).toBe(0);
    const want = JSON.parse(cli.out);
    const { readFileSync } = await import("node:fs");
    const got = JSON.parse(readFileSync(join(dir, "demo.json"), "utf8")).cge;
    // the four built-in magnet scenarios, the first also under "scenario" (CLI.md)
    expect(want.scenarios).toHaveLength(4);
    expect(want.goods).toContain("ネオジム磁石");
    sameTree(got, want);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "demo.xlsx"));
    const names = wb.worksheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["CGE結果", "CGE結果 2", "CGE結果 3", "CGE結果 4", "CGEシナリオ", "SAM"]));
    // before the audit and method sheets, which hold the CGE's calibration checks and notes
    expect(names.indexOf("SAM")).toBeLessThan(names.indexOf("検算（数式）"));
    want.scenarios.forEach((s: { name: string; utility: number; ev: number; gdp: number; goods: Record<string, { Z: number; pq: number }> }, k: number) => {
      const sh = wb.getWorksheet(k === 0 ? "CGE結果" : `CGE結果 ${k + 1}`)!;
      const v = (addr: string) => sh.getCell(addr).value;
      expect(v("B2")).toBe(scenarioTitle(s.name, "ja")); // the built-in's Japanese title; its id stays in JSON
      expect(v("A7")).toBe("家計効用（家計消費のコブ＝ダグラス型効用）");
      close(v("B7"), want.benchmark.utility);
      close(v("C7"), s.utility);
      close(v("C8"), s.ev);
      close(v("B9"), want.benchmark.gdp);
      close(v("C9"), s.gdp);
      // per good: Z and pq (scenario) in the by-good blocks, found by their headers
      const grid = gridOf(sh);
      const z = byGoodColumn(grid, "国内生産 Z シナリオ");
      const pq = byGoodColumn(grid, "合成財価格 シナリオ");
      expect([...z.keys()].sort()).toEqual(Object.keys(s.goods).sort());
      for (const g of Object.keys(s.goods)) {
        close(z.get(g), s.goods[g].Z);
        close(pq.get(g), s.goods[g].pq);
      }
    });
    const method = wb.getWorksheet("方法・出典")!;
    let cgeNotes = 0;
    method.eachRow((row) => row.eachCell((c) => void (typeof c.value === "string" && c.value.startsWith("CGE: ") && cgeNotes++)));
    expect(cgeNotes).toBeGreaterThan(10);
    const audit = wb.getWorksheet("検算（数式）")!;
    let samRefs = 0;
    audit.eachRow((row) => row.eachCell((c) => void (typeof c.value === "object" && c.value && "formula" in c.value && String(c.value.formula).includes("'SAM'!") && samRefs++)));
    expect(samRefs).toBeGreaterThan(20);

    // the public version carries the SAM and the scenarios from public inputs (premium, quota);
    // the sample's confidential plans keep the subsidy and productivity scenarios out of it
    // (test/report/deliverable/cgePublic.test.ts)
    const pub = new ExcelJS.Workbook();
    await pub.xlsx.readFile(join(dir, "demo-公開版.xlsx"));
    expect(pub.worksheets.map((s) => s.name).filter((n) => /CGE|SAM/.test(n))).toEqual(["CGE結果", "CGE結果 2", "CGEシナリオ", "SAM"]);
    want.scenarios.slice(0, 2).forEach((s: { name: string; utility: number; ev: number }, k: number) => {
      const sh = pub.getWorksheet(k === 0 ? "CGE結果" : `CGE結果 ${k + 1}`)!;
      expect(sh.getCell("B2").value).toBe(scenarioTitle(s.name, "ja"));
      close(sh.getCell("C7").value, s.utility);
      close(sh.getCell("C8").value, s.ev);
    });
  }, 240_000);
});
