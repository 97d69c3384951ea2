// `ripple cge` (CLI.md): the published STDCGE values through the command and its JSON, scenario
// files, refusals with exit status 2 and the file named, and the results workbook.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { repoRoot, run, shared, tempDir } from "./helpers";
import { byGoodColumn, gridOf } from "../report/byGoodGrid";

const SAM = join(shared, "oracles/hosoe-stdcge/sam.csv");
const expected = JSON.parse(readFileSync(join(shared, "oracles/hosoe-stdcge/expected.json"), "utf8"));
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

function scenarioFile(dir: string, s: unknown, name = "scenario.json"): string {
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify(s));
  return p;
}

describe("ripple cge", () => {
  it("the benchmark utility of the published model through --json -", async () => {
    const r = await run(["cge", SAM, "--json", "-"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.goods).toEqual(["BRD", "MLK"]);
    expect(j.factors).toEqual(["CAP", "LAB"]);
    expect(rel(j.benchmark.utility, expected.published.baseline_utility_UU)).toBeLessThan(1e-9);
    expect(j.scenario).toBeNull();
    expect(j.residual).toBeLessThanOrEqual(1e-10);
  });

  it("tariff abolition from a scenario file gives the published utility", async () => {
    const dir = tempDir();
    const s = scenarioFile(dir, { name: "tariff abolition", tariff: { BRD: 0, MLK: 0 } });
    const r = await run(["cge", SAM, "--scenario", s, "--json", "-"], { cwd: dir });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(rel(j.scenario.utility, expected.tariff_abolition.utility_UU)).toBeLessThan(1e-9);
    expect(j.scenario.name).toBe("tariff abolition");
    expect(Object.keys(j.scenario.goods.BRD).sort()).toEqual(["D", "E", "M", "Q", "Z", "pd", "pq", "pz"]);
    expect(j.scenario.factorPrices.LAB).toBe(1);
    expect(j.scenario.ev).toBeGreaterThan(0);
    expect(j.scenario.quotaRents).toEqual({});
    expect(j.residual).toBeLessThanOrEqual(1e-10);
  });

  it("a quota reports its rent; a summary and a workbook without --json", async () => {
    const dir = tempDir();
    const s = scenarioFile(dir, { name: "quota", importQuota: { MLK: 0.5 } });
    const json = await run(["cge", SAM, "--scenario", s, "--json", "-"], { cwd: dir });
    const j = JSON.parse(json.out);
    expect(j.scenario.goods.MLK.M).toBeCloseTo(0.5 * 11, 9);
    expect(j.scenario.quotaRents.MLK).toBeGreaterThan(0);
    const r = await run(["cge", SAM, "--scenario", s, "--out", "cge.xlsx", "--lang", "ja"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/シナリオ「quota」/);
    const file = join(dir, "cge.xlsx");
    expect(existsSync(file)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toContain("CGE結果");
    expect(names).toContain("SAM");
    const results = wb.getWorksheet("CGE結果")!;
    const grid = gridOf(results);
    expect(byGoodColumn(grid, "輸入 M 基準").get("MLK")).toBeCloseTo(11, 9);
    expect(byGoodColumn(grid, "輸入 M シナリオ").get("MLK")).toBeCloseTo(5.5, 9);
  });

  it("bad input: exit 2 with the file and what is wrong", async () => {
    const dir = tempDir();
    const bad = scenarioFile(dir, { name: "x", tariff: { RICE: 0 } });
    const r1 = await run(["cge", SAM, "--scenario", bad, "--json", "-"], { cwd: dir });
    expect(r1.code).toBe(2);
    expect(r1.err).toMatch(/RICE/);
    const unknown = scenarioFile(dir, { name: "x", tarif: { BRD: 0 } }, "typo.json");
    const r2 = await run(["cge", SAM, "--scenario", unknown, "--json", "-"], { cwd: dir });
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/typo\.json.*tarif/);
    const text = readFileSync(SAM, "utf8").replace("BRD,21,8", "BRD,21,9");
    writeFileSync(join(dir, "bad.csv"), text);
    const r3 = await run(["cge", "bad.csv", "--json", "-"], { cwd: dir });
    expect(r3.code).toBe(2);
    expect(r3.err).toMatch(/bad\.csv/);
    expect(r3.err).toMatch(/BRD/);
  });

  it("a scenario with no equilibrium: exit 3 naming the block", async () => {
    const dir = tempDir();
    const s = scenarioFile(dir, { name: "ban", importQuota: { MLK: 1e-12 }, elasticities: { armington: { MLK: 0.2 } } });
    const r = await run(["cge", SAM, "--scenario", s, "--json", "-"], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/did not converge/);
    expect(r.out).toBe("");
  });
});

describe("ripple cge on the sample workbook (IO table → SAM, magnet split)", () => {
  const SAMPLE = join(repoRoot, "assets/ripple-sample.xlsx");

  it("builds the SAM from 取引基本表 with ネオジム磁石 split out and solves in well under a second", async () => {
    const t0 = performance.now();
    const r = await run(["cge", SAMPLE, "--json", "-"]);
    const ms = performance.now() - t0;
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.goods).toHaveLength(14);
    expect(j.goods).toContain("ネオジム磁石");
    expect(j.residual).toBeLessThanOrEqual(1e-10);
    expect(r.err).toMatch(/split: ネオジム磁石/);
    expect(ms).toBeLessThan(5000); // whole command incl. reading the workbook; the solve is ~50 ms
  });

  it("--magnet runs the four built-in scenarios with their sources", async () => {
    const dir = tempDir();
    const r = await run(["cge", SAMPLE, "--magnet", "--json", "-", "--out", "m.xlsx"], { cwd: dir });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.scenarios.map((s: { name: string }) => s.name)).toEqual([
      "magnet export-control premium",
      "magnet import quota (severe scenario)",
      "magnet production subsidy (fund)",
      "supported plants' productivity",
    ]);
    const [premium, quota, subsidy, productivity] = j.scenarios;
    const g = "ネオジム磁石";
    // Shocks that make magnets dearer cost welfare; support that makes them cheaper gains it.
    expect(premium.goods[g].pq).toBeGreaterThan(1);
    expect(premium.ev).toBeLessThan(0);
    expect(quota.quotaRents[g]).toBeGreaterThan(0);
    expect(quota.goods[g].pd).toBeGreaterThan(1);
    expect(quota.ev).toBeLessThan(0);
    expect(subsidy.goods[g].pq).toBeLessThan(1);
    expect(subsidy.ev).toBeGreaterThan(0);
    expect(productivity.goods[g].pz).toBeLessThan(1);
    expect(productivity.ev).toBeGreaterThan(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "m.xlsx"));
    const names = wb.worksheets.map((w) => w.name);
    expect(names.filter((n) => n.startsWith("CGE"))).toHaveLength(5); // 4 results sheets + scenario sheet
    const sc = wb.getWorksheet("CGE scenario") ?? wb.getWorksheet("CGEシナリオ");
    let text = "";
    sc!.eachRow((row) => (text += row.values!.toString()));
    expect(text).toMatch(/Armington elasticity magnets year 1|アーミントン/);
    expect(text).toMatch(/severe/);
    // sources with rounded amounts, separators and units (the subsidy's and the plants' formulas)
    const sources: string[] = [];
    sc!.eachRow((row) => {
      const v = row.getCell(5).value;
      if (typeof v === "string") sources.push(v);
    });
    const formulas = sources.filter((t) => /benchmark output/.test(t));
    expect(formulas).toHaveLength(2);
    for (const t of formulas) expect(t).toMatch(/^[^;]*\d{1,3}(,\d{3})+(\.\d)? million yen/);
    for (const t of sources) expect(t, t).not.toMatch(/(?<![\d.,])\d{5,}|\d\.\d{7,}/);
  });
});

describe("ripple cge reads its own results workbook back", () => {
  it("the SAM sheet and the scenario sheet give the same solution (--sheet, --scenario-sheet)", async () => {
    const dir = tempDir();
    const s = scenarioFile(dir, { name: "mixed", tariff: { BRD: 0 }, importPrice: { MLK: 1.2 }, elasticities: { armington: { MLK: 0.8 } } });
    const first = await run(["cge", SAM, "--scenario", s, "--json", "first.json", "--out", "r.xlsx"], { cwd: dir });
    expect(first.code).toBe(0);
    const again = await run(["cge", "r.xlsx", "--sheet", "SAM", "--scenario-sheet", "CGE scenario", "--json", "-"], { cwd: dir });
    expect(again.code).toBe(0);
    const a = JSON.parse(readFileSync(join(dir, "first.json"), "utf8"));
    const b = JSON.parse(again.out);
    expect(b.scenario.name).toBe("mixed");
    expect(rel(b.scenario.utility, a.scenario.utility)).toBeLessThan(1e-12);
    expect(rel(b.scenario.goods.MLK.M, a.scenario.goods.MLK.M)).toBeLessThan(1e-12);
  });

  it("so does the Japanese workbook, whose accounts and scenario keys are named in Japanese", async () => {
    const dir = tempDir();
    const s = scenarioFile(dir, { name: "mixed", tariff: { BRD: 0 }, importPrice: { MLK: 1.2 }, factorSupply: { CAP: 1.03 }, elasticities: { armington: { MLK: 0.8 } } });
    const first = await run(["cge", SAM, "--lang", "ja", "--scenario", s, "--json", "first.json", "--out", "r.xlsx"], { cwd: dir });
    expect(first.code, first.err).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "r.xlsx"));
    // the factor by its name in the 財 column, not the SAM's code
    const scenarioRows = (wb.getWorksheet("CGEシナリオ")!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(scenarioRows.find((r) => r[1] === "要素供給（倍率）")?.slice(2, 4)).toEqual(["資本", 1.03]);
    expect(scenarioRows.flat()).not.toContain("CAP");
    const sam = wb.getWorksheet("SAM")!;
    const header = (sam.getRow(3).values as unknown[]).filter((v) => typeof v === "string");
    expect(header).toEqual(expect.arrayContaining(["資本", "労働", "家計", "海外"]));
    expect(header).not.toContain("LAB");
    const again = await run(["cge", "r.xlsx", "--sheet", "SAM", "--scenario-sheet", "CGEシナリオ", "--json", "-"], { cwd: dir });
    expect(again.code, again.err).toBe(0);
    const a = JSON.parse(readFileSync(join(dir, "first.json"), "utf8"));
    const b = JSON.parse(again.out);
    expect(b.factors).toEqual(["資本", "労働"]);
    expect(rel(b.scenario.utility, a.scenario.utility)).toBeLessThan(1e-12);
    expect(rel(b.scenario.goods.MLK.M, a.scenario.goods.MLK.M)).toBeLessThan(1e-12);
    expect(rel(b.scenario.exchangeRate, a.scenario.exchangeRate)).toBeLessThan(1e-12); // 労働 is the numeraire again
  });

  it("a bad row of the scenario sheet is named with its cell", async () => {
    const dir = tempDir();
    await run(["cge", SAM, "--scenario", scenarioFile(dir, { name: "t", tariff: { BRD: 0 } }), "--out", "r.xlsx"], { cwd: dir });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "r.xlsx"));
    const ws = wb.getWorksheet("CGE scenario")!;
    ws.getCell("B3").value = "tarif";
    await wb.xlsx.writeFile(join(dir, "bad.xlsx"));
    const r = await run(["cge", "bad.xlsx", "--sheet", "SAM", "--scenario-sheet", "CGE scenario", "--json", "-"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/B3/);
    expect(r.err).toMatch(/tarif/);
  });
});
