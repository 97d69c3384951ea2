// `ripple demo` and `ripple analyze --projects` end to end: the results workbook read back (the
// sheets the add-in writes, charts included, totals adding up), the JSON projects block, one
// report of every problem of a bad workbook with nothing written, and LibreOffice printing it.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Grid } from "../../src/engine/grid";
import type { WorkbookSpec } from "../../src/report/spec";
import { readXlsx, writeXlsx } from "../../src/workbook/xlsx";
import { convertWithLibreOffice } from "../workbook/xlsx/libreoffice";
import { Package } from "../workbook/xlsx/packageParts";
import { repoRoot, run, tempDir } from "./helpers";

const sample = join(repoRoot, "assets", "ripple-sample.xlsx");
const num = (v: unknown) => v as number;

async function demo(lang: "ja" | "en") {
  const dir = tempDir();
  const r = await run(["demo", "--lang", lang], { cwd: dir });
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  return { dir, r, file: join(dir, "ripple-demo-results.xlsx") };
}

function rowOf(g: Grid, label: string, from = 0): (string | number | boolean | null)[] {
  const i = g.values.findIndex((row, k) => k >= from && row[0] === label);
  expect(i, `row '${label}' on ${g.sheet}`).toBeGreaterThanOrEqual(0);
  return g.values[i];
}

describe("ripple demo (projects pipeline on the sample)", () => {
  it("writes the policy summary first, per-year and per-plan tables whose totals add up, and charts", async () => {
    const { r, file } = await demo("ja");
    expect(r.out).toContain("補助金1円当たり粗付加価値誘発額（参考）");
    expect(r.out).toContain("KPI 2030年度 国内NdFeB生産能力 / 国内需要");
    const wb = await readXlsx(file);
    const sheet = (n: string) => wb.sheets.find((s) => s.sheet === n)!;
    const summary = sheet("政策評価サマリー");
    const totalOutput = num(rowOf(summary, "生産誘発額（総合効果、累計）")[1]);
    const gva = num(rowOf(summary, "粗付加価値誘発額（累計）")[1]);
    const bc = num(rowOf(summary, "補助金1円当たり粗付加価値誘発額（参考）")[1]);
    const pvGva = num(rowOf(summary, "粗付加価値誘発額の現在価値")[1]);
    const pvSub = num(rowOf(summary, "補助金の現在価値")[1]);
    expect(bc).toBeCloseTo(pvGva / pvSub, 9);
    expect(rowOf(summary, "2030年度 国内NdFeB生産能力 / 国内需要")[3]).toBe("未達");
    // the method sentences are on 方法・出典 (the summary prints on one page and points there)
    expect(sheet("方法・出典").values.flat().some((v) => typeof v === "string" && v.includes("生産の増加"))).toBe(true);
    expect(summary.values.flat().some((v) => typeof v === "string" && v.includes("「方法・出典」"))).toBe(true);

    // 年度別: the total rows (SUM formulas, cached) equal the summary; the years add up.
    const byYear = sheet("年度別");
    const stageHead = byYear.values.findIndex((row) => row[0] === "年度" && String(row[4]).startsWith("総合効果"));
    const years = byYear.values.slice(stageHead + 1).filter((row) => /年度$/.test(String(row[0])) && row[0] !== "年度");
    const stageRows = years.slice(0, 11);
    expect(stageRows.map((row) => row[0])).toEqual(Array.from({ length: 11 }, (_, k) => `${2025 + k}年度`));
    const total = rowOf(byYear, "合計", stageHead);
    expect(num(total[4])).toBeCloseTo(totalOutput, 6);
    expect(stageRows.reduce((a, row) => a + num(row[4]), 0)).toBeCloseTo(totalOutput, 6);
    stageRows.forEach((row) => expect(num(row[1]) + num(row[2]) + num(row[3])).toBeCloseTo(num(row[4]), 6));

    // 計画別: one row per plan with its confidential flag; the plans add up to the total.
    const byPlan = sheet("計画別");
    const plans = byPlan.values.filter((row) => /^P-0\d$/.test(String(row[0])));
    expect(plans.slice(0, 4).map((row) => [row[0], row[2]])).toEqual([["P-01", "非公開"], ["P-02", "非公開"], ["P-03", "非公開"], ["P-04", "非公開"]]);
    // the plans, their effects (GVA in column J), plans × years, then their notes under the tables
    expect(plans).toHaveLength(16);
    expect(plans.slice(4, 8).reduce((a, row) => a + num(row[9]), 0)).toBeCloseTo(gva, 6);
    expect(String(plans[12][1])).toContain("例示");

    // Charts: two on 年度別, one on 計画別, one on KPI, the linkage scatter on 乗数・影響力, the
    // expected avoided loss by year, the fan of the B/C and the tornado of the B/C on 経済安全保障効果; output and price
    // change by good on each of the four CGE results sheets.
    const pkg = await Package.open(readFileSync(file));
    const charts = pkg.names().filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    // the summary's stage chart and the eight of the other sheets, and the CGE sheets' eight
    expect(charts).toHaveLength(9 + 8);
    const xml = (await Promise.all(charts.map((c) => pkg.text(c)))).join("\n");
    expect(xml).toContain("年度別の生産誘発額（段階別の積み上げ）");
    expect(xml).toContain('<c:grouping val="stacked"/>');
    expect(xml).toContain("国内生産能力 / 国内需要 と目標");
    expect(xml).toContain("計画別の粗付加価値誘発額と補助金（現在価値）");
    expect(xml).toContain("期待回避粗付加価値（年度別）");
    expect(xml).toContain("B/C（経済安全保障）の分布：抽出の割合（P5〜P95 の帯と裾）");
    expect(xml).toContain("B/C（経済安全保障）のトルネード図");
  });

  it("--json -: the CLI.md fields plus the projects block; impact = the cumulative effects", async () => {
    const r = await run(["analyze", sample, "--projects", "事業計画", "--json", "-", "--lang", "en"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j).sort()).toEqual(
      ["sectors", "importType", "A", "L", "importCoefficients", "multipliers", "effects", "linkages", "impact", "warnings", "projects"].sort(),
    );
    expect(j.sectors).toHaveLength(14);
    expect(j.sectors[3]).toBe("ネオジム磁石");
    const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
    expect(sum(j.impact.total.output)).toBeCloseTo(j.projects.cumulative.total.output, 6);
    expect(j.projects.plans.map((p: { id: string; inducedValueAddedPerSubsidy: number }) => p.id)).toEqual(["P-01", "P-02", "P-03", "P-04"]);
    expect(j.projects.kpis.map((k: { key: string; pass: boolean | null }) => [k.key, k.pass])).toEqual([
      ["capacity-ratio", false],
      ["recycling-ratio", null],
      ["plans-on-schedule", false],
    ]);
    expect(j.projects.discountRate.value).toBe(0.04);
  });

  it("a bad workbook: every problem of its sheets in one report, with sheet and cell; nothing written", async () => {
    const wb = await readXlsx(sample);
    const edit = (sheet: string, find: (row: unknown[]) => boolean, col: number, v: string | number | null) => {
      const g = wb.sheets.find((s) => s.sheet === sheet)!;
      g.values[g.values.findIndex(find)][col] = v;
    };
    edit("事業計画", (row) => row[0] === "P-01", 7, null); // start year
    edit("事業計画", (row) => row[0] === "P-02", 6, -600); // capacity
    edit("事業計画", (row) => row[0] === "P-03", 13, "半導体"); // sector
    edit("投資転換表", (row) => row[1] === "03 製造業", 2, 0.6); // shares sum to 0.9
    const spec: WorkbookSpec = {
      lang: "ja",
      sheets: wb.sheets.map((g) => ({ key: g.sheet, name: g.sheet, blocks: [{ row: g.origin.row, col: g.origin.col, values: g.values }] })),
      provenance: { software: "t", version: "t", createdAt: "2026-01-01T00:00:00Z", inputs: [], parameters: [], variants: [], warnings: [] },
    };
    const dir = tempDir();
    await writeXlsx(spec, join(dir, "bad.xlsx"));
    const r = await run(["analyze", "bad.xlsx", "--projects", "事業計画", "--lang", "en"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.errLines[0]).toBe("ripple: 4 problems found");
    expect(r.errLines.slice(1)).toEqual([
      expect.stringMatching(/^ {2}bad\.xlsx, sheet '投資転換表', cell C5: .*add up to 0\.9/),
      expect.stringMatching(/^ {2}bad\.xlsx, sheet '事業計画', cell H5: 'Start \(fiscal year\)' is empty/),
      expect.stringMatching(/^ {2}bad\.xlsx, sheet '事業計画', cell G6: 'Capacity added \(t\/yr\)' cannot be negative/),
      expect.stringMatching(/^ {2}bad\.xlsx, sheet '事業計画', cell N7: Sector '半導体' is not in the IO table/),
    ]);
    expect(readdirSync(dir)).toEqual(["bad.xlsx"]);
  });

  it("the sample's shock sheet still works with analyze --shock-sheet", async () => {
    const r = await run(["analyze", sample, "--shock-sheet", "ショック", "--json", "-"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.sectors).toHaveLength(13);
    expect(j.impact.direct.output.reduce((a: number, b: number) => a + b, 0)).toBeGreaterThan(0);
  });

  it("LibreOffice prints every sheet with its charts and keeps the charts when it saves again", async () => {
    const { file } = await demo("en");
    const pdf = await convertWithLibreOffice(file, "pdf", { singlePageSheets: true, timeoutMs: 180_000 });
    const bytes = readFileSync(pdf);
    expect(bytes.toString("latin1").match(/\/Type\s*\/Page\b/g)).toHaveLength(13 + 6); // 12 results sheets (2 of them economic security) + the audit sheet + 4 CGE results, CGE scenario, SAM
    expect(statSync(pdf).size).toBeGreaterThan(60_000);
    const resaved = await convertWithLibreOffice(file, "xlsx", { timeoutMs: 180_000 });
    const pkg = await Package.open(readFileSync(resaved));
    expect(pkg.names().filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(9 + 8);
    expect(existsSync(file)).toBe(true);
  }, 400_000);
});
