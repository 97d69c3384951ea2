// The pane's CGE tab flow against the recording fake Excel: on the bundled sample (table with the
// magnet split, market and plan sheets) the built-in magnet scenarios give the numbers of
// `ripple cge --sheet 取引基本表 --magnet --json` to 1e-9 and write new sheets only; a SAM sheet
// with a scenario sheet gives the published STDCGE utility; a refusal and a cancel write nothing.

import { afterEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { installFakeOffice, type FakeValue, type FakeWorkbook } from "../workbook/office/fakeExcel";
import { readGrids } from "../../src/cli/analyze";
import { parseCsv } from "../../src/engine/table";
import { RippleError } from "../../src/engine/errors";
import { loadTableFromSheet } from "../../src/taskpane/runAnalysis";
import { runCge } from "../../src/taskpane/cgeFlow";
import { run } from "../cli/helpers";
import { byGoodColumn } from "../report/byGoodGrid";

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = path.join(ROOT, "assets", "ripple-sample.xlsx");
const HOSOE = path.resolve(ROOT, "../shared/oracles/hosoe-stdcge");
const expected = JSON.parse(readFileSync(path.join(HOSOE, "expected.json"), "utf8"));

let wb: FakeWorkbook | null = null;
afterEach(() => {
  wb?.uninstall();
  wb = null;
});

/** The sample workbook's sheets in the fake host. */
async function sampleWorkbook(): Promise<FakeWorkbook> {
  const file = await readGrids(ROOT, SAMPLE);
  return installFakeOffice(globalThis, Object.fromEntries(file.sheets.map((g) => [g.sheet, g.values as FakeValue[][]])), { displayLanguage: "ja-JP" });
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

/** Every number of `got` equals `want` to 1e-9 relative; every other value is equal. */
function sameTree(got: unknown, want: unknown, at = "cge"): void {
  if (typeof want === "number") {
    expect(typeof got, at).toBe("number");
    expect(rel(got as number, want), at).toBeLessThan(1e-9);
  } else if (Array.isArray(want)) {
    expect((got as unknown[]).length, at).toBe(want.length);
    want.forEach((w, i) => sameTree((got as unknown[])[i], w, `${at}[${i}]`));
  } else if (want && typeof want === "object") {
    expect(Object.keys(got as object).sort(), at).toEqual(Object.keys(want).sort());
    for (const [k, w] of Object.entries(want)) sameTree((got as Record<string, unknown>)[k], w, `${at}.${k}`);
  } else expect(got, at).toEqual(want);
}

describe("CGE tab: the built-in magnet scenarios on the sample", () => {
  it("equal ripple cge --magnet --json (same numbers), written to new sheets, inputs untouched", async () => {
    wb = await sampleWorkbook();
    const before = wb.sheetNames();
    const detected = await loadTableFromSheet("取引基本表");
    const stages: string[] = [];
    const out = await runCge({ source: { kind: "table", detected }, scenario: { kind: "builtin", keys: "all" }, lang: "ja" }, { onProgress: (p) => stages.push(p.stage) });

    const cli = await run(["cge", SAMPLE, "--sheet", "取引基本表", "--magnet", "--lang", "ja", "--json", "-"]);
    expect(cli.code, cli.err).toBe(0);
    const want = JSON.parse(cli.out);
    expect(want.scenarios).toHaveLength(4);
    sameTree(out.json, want);

    // progress by real stage, in order
    const order = stages.filter((s, i, a) => a.indexOf(s) === i);
    expect(order).toEqual(["read", "sam", "solve", "report", "write"]);
    // new sheets only; no input sheet written
    expect(wb.sheetNames().slice(0, before.length)).toEqual(before);
    expect(out.sheets).toEqual(["CGE結果", "CGE結果 2", "CGE結果 3", "CGE結果 4", "CGEシナリオ", "SAM", "検算（数式）", "方法・出典"]);
    for (const s of before) expect(wb.writesTo(s), s).toEqual([]);
    // the headline: each scenario's EV and the magnet good's output and price change
    expect(out.headlines.map((h) => h.scenario)).toEqual(want.scenarios.map((s: { name: string }) => s.name));
    out.headlines.forEach((h, k) => {
      const s = want.scenarios[k];
      expect(rel(h.ev, s.ev)).toBeLessThan(1e-12);
      expect(h.magnet!.good).toBe("ネオジム磁石");
      // against the benchmark on the scenario's results sheet (by-good block: Z base, Z scenario, …, pq base, pq scenario)
      const grid = wb!.sheet(out.sheets[k]).toValues();
      const z0 = byGoodColumn(grid, "国内生産 Z 基準").get("ネオジム磁石") as number;
      const pq0 = byGoodColumn(grid, "合成財価格 基準").get("ネオジム磁石") as number;
      expect(h.magnet!.outputChange).toBeCloseTo(s.goods["ネオジム磁石"].Z / z0 - 1, 12);
      expect(h.magnet!.priceChange).toBeCloseTo(s.goods["ネオジム磁石"].pq / pq0 - 1, 12);
      expect(h.gdpChange).toBeCloseTo(s.gdp / want.benchmark.gdp - 1, 14);
    });
    // the export-control premium raises the magnet price; the productivity scenario raises output
    expect(out.headlines[0].magnet!.priceChange).toBeGreaterThan(0);
    expect(out.headlines[3].magnet!.outputChange).toBeGreaterThan(0);
    // the results sheet the pane names holds the same EV
    const res = wb.sheet("CGE結果").toValues();
    expect(res.find((r) => r[0] === "等価変分 EV（ベンチマーク価格）")![2]).toBe(want.scenarios[0].ev);
  }, 120_000);

  it("one built-in scenario alone", async () => {
    wb = await sampleWorkbook();
    const detected = await loadTableFromSheet("取引基本表");
    const out = await runCge({ source: { kind: "table", detected }, scenario: { kind: "builtin", keys: ["quota"] }, lang: "en" });
    expect(out.headlines).toHaveLength(1);
    expect(out.headlines[0].scenario).toMatch(/quota/);
    expect(out.sheets[0]).toBe("CGE results");
  }, 120_000);
});

describe("CGE tab: a SAM sheet and a scenario sheet", () => {
  const samCells = () => parseCsv(readFileSync(path.join(HOSOE, "sam.csv"), "utf8"), "sam.csv").values as FakeValue[][];

  it("the published model with both tariffs at 0 from a CGEシナリオ-layout sheet", async () => {
    wb = installFakeOffice(
      globalThis,
      {
        SAM: samCells(),
        シナリオ: [
          ["シナリオ", "キー", "財", "値"],
          ["tariff abolition", "tariff", "BRD", 0],
          [null, "tariff", "MLK", 0],
        ],
      },
      { displayLanguage: "ja-JP" },
    );
    const out = await runCge({ source: { kind: "sam", sheet: "SAM" }, scenario: { kind: "sheet", sheet: "シナリオ" }, lang: "ja" });
    const j = out.json as { benchmark: { utility: number }; scenario: { utility: number; name: string } };
    expect(rel(j.benchmark.utility, expected.published.baseline_utility_UU)).toBeLessThan(1e-9);
    expect(rel(j.scenario.utility, expected.tariff_abolition.utility_UU)).toBeLessThan(1e-9);
    expect(j.scenario.name).toBe("tariff abolition");
    expect(out.headlines[0].magnet).toBeNull(); // no magnet good in this SAM
    expect(wb.writesTo("SAM")).toEqual([]);
  });

  it("built-in scenarios on a SAM sheet are refused with what they need; nothing written", async () => {
    wb = installFakeOffice(globalThis, { SAM: samCells() }, { displayLanguage: "ja-JP" });
    const err = await runCge({ source: { kind: "sam", sheet: "SAM" }, scenario: { kind: "builtin", keys: "all" }, lang: "ja" }).catch((e: RippleError) => e);
    expect(err).toBeInstanceOf(RippleError);
    expect((err as RippleError).format("ja")).toMatch(/組み込みの磁石シナリオには磁石パラメータと磁石シナリオのシートが必要です/);
    expect(wb.sheetNames()).toEqual(["SAM"]);
  });

  it("an unbalanced SAM sheet is refused with its accounts named", async () => {
    const cells = samCells();
    cells[1][2] = (cells[1][2] as number) + 5; // BRD row, MLK column: BRD's row and MLK's column off by 5
    wb = installFakeOffice(globalThis, { SAM: cells }, { displayLanguage: "ja-JP" });
    const err = await runCge({ source: { kind: "sam", sheet: "SAM" }, scenario: { kind: "none" }, lang: "ja" }).catch((e: RippleError) => e);
    expect(err).toBeInstanceOf(RippleError);
    expect((err as RippleError).format("ja")).toMatch(/BRD[\s\S]*MLK|MLK[\s\S]*BRD/);
    expect(wb.sheetNames()).toEqual(["SAM"]);
  });

  it("中止 during the solve: cancelled, nothing written", async () => {
    wb = installFakeOffice(globalThis, { SAM: samCells() }, { displayLanguage: "ja-JP" });
    const ac = new AbortController();
    const p = runCge({ source: { kind: "sam", sheet: "SAM" }, scenario: { kind: "none" }, lang: "ja" }, { signal: ac.signal, onProgress: (x) => x.stage === "solve" && ac.abort() });
    await expect(p).rejects.toMatchObject({ kind: "cancelled" });
    expect(wb.sheetNames()).toEqual(["SAM"]);
  });
});
