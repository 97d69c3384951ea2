// `ripple compare OLD NEW` (issue 14 item 5): two runs of the sample that differ in one thing
// show exactly that thing, and its effect equals the difference of the two runs' own headlines;
// plans added/removed/changed are listed; identical runs give zero; a workbook without Ripple's
// run record (the sample itself, a public version) is refused naming the file.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import type { Grid } from "../../src/engine/grid";
import { readXlsx } from "../../src/workbook/xlsx";
import { repoRoot, run, tempDir } from "./helpers";

const sample = join(repoRoot, "assets", "ripple-sample.xlsx");
const dir = tempDir();

interface RunJson {
  projects: { cumulative: { total: { output: number; valueAdded: number } }; pv: { valueAdded: number; subsidy: number } };
}

async function analyze(input: string, name: string, extra: string[] = []): Promise<RunJson> {
  const r = await run(["analyze", input, "--projects", "事業計画", "--out", `${name}.xlsx`, "--json", `${name}.json`, "--lang", "ja", ...extra], { cwd: dir });
  expect(r.code, r.err).toBe(0);
  return JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8"));
}

async function compare(a: string, b: string, lang: "ja" | "en", out: string) {
  const r = await run(["compare", a, b, "--out", out, "--json", "-", "--lang", lang], { cwd: dir });
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out);
}

const rowWith = (g: Grid, label: string) => {
  const row = g.values.find((v) => v[0] === label);
  expect(row, `row '${label}' on ${g.sheet}`).toBeDefined();
  return row!;
};

let base: RunJson;
beforeAll(async () => {
  base = await analyze(sample, "old", ["--public"]);
}, 120_000);

describe("ripple compare", () => {
  it("two runs differing in the consumption rate: that parameter only, and its effect = new − old", async () => {
    const next = await analyze(sample, "rate", ["--consumption-rate", "0.7"]);
    const j = await compare("old.xlsx", "rate.xlsx", "ja", "cmp-rate.xlsx");
    expect(j.parameters).toEqual([
      { key: "consumptionRate", name: "消費転換係数", group: "parameters", where: expect.any(String), old: 0.734, new: 0.7 },
    ]);
    expect(j.plans).toEqual([]);
    expect(j.inputs.every((x: { changed: boolean }) => !x.changed)).toBe(true);
    expect(j.attribution.order).toEqual(["table", "parameters", "plans", "market"]);
    expect(j.attribution.steps).toHaveLength(1);
    const step = j.attribution.steps[0];
    expect(step.groups).toEqual(["parameters"]);
    const dOut = next.projects.cumulative.total.output - base.projects.cumulative.total.output;
    const dPv = next.projects.pv.valueAdded - base.projects.pv.valueAdded;
    expect(dOut).toBeLessThan(-1); // the rate matters: a smaller rate gives less second-round output
    expect(Math.abs(step.effects.output - dOut)).toBeLessThan(1e-9);
    expect(Math.abs(step.effects.pvValueAdded - dPv)).toBeLessThan(1e-9);
    expect(step.effects.subsidy).toBe(0);
    const out = j.headlines.find((h: { key: string }) => h.key === "output");
    expect(out.old).toBe(base.projects.cumulative.total.output);
    expect(out.new).toBe(next.projects.cumulative.total.output);

    // The 比較 sheet says the same, Japanese labels with units.
    const wb = await readXlsx(join(dir, "cmp-rate.xlsx"));
    expect(wb.sheets.map((s) => s.sheet)).toEqual(["比較"]);
    const g = wb.sheets[0];
    expect(rowWith(g, "消費転換係数").slice(2, 4)).toEqual([0.734, 0.7]);
    expect(rowWith(g, "生産誘発額（総合効果・累計）")[1]).toBe("百万円");
    expect(rowWith(g, "生産誘発額（総合効果・累計）")[4]).toBeCloseTo(dOut, 9);
    const stepRow = rowWith(g, "1. パラメータ（オプション・パラメータシート）");
    expect(Math.abs((stepRow[1] as number) - dOut)).toBeLessThan(1e-9);
    expect(rowWith(g, "合計（今回 − 前回）")[1]).toBeCloseTo(dOut, 9);
    expect(g.values.filter((v) => v[0] === "変更なし")).toHaveLength(1); // plans only

    // English with --lang en, units in English.
    await compare("old.xlsx", "rate.xlsx", "en", "cmp-rate-en.xlsx");
    const en = (await readXlsx(join(dir, "cmp-rate-en.xlsx"))).sheets[0];
    expect(en.sheet).toBe("Comparison");
    expect(rowWith(en, "Consumption conversion rate").slice(2, 4)).toEqual([0.734, 0.7]);
    expect(rowWith(en, "Induced output (total effect, cumulative)")[1]).toBe("million yen");
  }, 180_000);

  it("plans that differ: the removed and the changed plan listed, the effect under plans", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sample);
    const ws = wb.getWorksheet("事業計画")!;
    ws.getCell("G6").value = 800; // P-02: capacity 600 → 800 t/yr
    for (let c = 1; c <= 20; c++) ws.getRow(8).getCell(c).value = null; // P-04 removed
    await wb.xlsx.writeFile(join(dir, "plans-input.xlsx"));
    const next = await analyze(join(dir, "plans-input.xlsx"), "plans");
    const j = await compare("old.xlsx", "plans.xlsx", "ja", "cmp-plans.xlsx");
    expect(j.parameters).toEqual([]);
    expect(j.inputs.filter((x: { changed: boolean }) => x.changed).map((x: { role: string }) => x.role)).toEqual(["projects"]);
    expect(j.plans).toEqual([
      { id: "P-04", change: "removed", fields: [] },
      { id: "P-02", change: "changed", fields: [{ field: "capacity", old: 600, new: 800 }] },
    ]);
    expect(j.attribution.steps.map((s: { groups: string[] }) => s.groups)).toEqual([["plans"]]);
    const dOut = next.projects.cumulative.total.output - base.projects.cumulative.total.output;
    expect(Math.abs(j.attribution.steps[0].effects.output - dOut)).toBeLessThan(1e-9);
    const g = (await readXlsx(join(dir, "cmp-plans.xlsx"))).sheets[0];
    expect(g.values.some((v) => v[0] === "P-04" && v[1] === "削除")).toBe(true);
    expect(g.values.some((v) => v[0] === "P-02" && v[2] === "capacity" && v[3] === 600 && v[4] === 800)).toBe(true);
  }, 180_000);

  it("a plan and the rate changed together: two steps in the stated order that add up to the total", async () => {
    await analyze(join(dir, "plans-input.xlsx"), "both", ["--consumption-rate", "0.7"]);
    const j = await compare("old.xlsx", "both.xlsx", "ja", "cmp-both.xlsx");
    expect(j.attribution.steps.map((s: { groups: string[] }) => s.groups)).toEqual([["parameters"], ["plans"]]);
    for (const h of j.headlines as { key: string; change: number }[]) {
      const sum = j.attribution.steps.reduce((a: number, s: { effects: Record<string, number> }) => a + s.effects[h.key], 0);
      expect(Math.abs(sum - h.change)).toBeLessThan(1e-9 * Math.max(1, Math.abs(h.change)));
    }
    // The first step is the rate alone on the old plans: the same as the rate-only comparison.
    const rateOnly = await compare("old.xlsx", "rate.xlsx", "ja", "cmp-rate2.xlsx");
    expect(j.attribution.steps[0].effects.output).toBe(rateOnly.attribution.steps[0].effects.output);
  }, 180_000);

  it("identical runs: no change anywhere", async () => {
    const j = await compare("old.xlsx", "old.xlsx", "ja", "cmp-same.xlsx");
    expect(j.parameters).toEqual([]);
    expect(j.plans).toEqual([]);
    expect(j.attribution.steps).toEqual([]);
    for (const h of j.headlines) expect(h.change).toBe(0);
    const g = (await readXlsx(join(dir, "cmp-same.xlsx"))).sheets[0];
    expect(rowWith(g, "入力の変更なし（増減 0）")[1]).toBe(0);
  }, 120_000);

  it("refuses a workbook Ripple did not write and a public version, naming the file", async () => {
    const r = await run(["compare", sample, "old.xlsx", "--lang", "en"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.errLines).toHaveLength(1);
    expect(r.err).toMatch(/ripple-sample\.xlsx.*no run record/);
    const pub = await run(["compare", "old.xlsx", "old-公開版.xlsx", "--lang", "ja"], { cwd: dir });
    expect(pub.code).toBe(2);
    expect(pub.err).toMatch(/old-公開版\.xlsx.*公開版には入力が含まれない/);
    // The public version carries no record (it would hold the confidential plans).
    const zip = await JSZip.loadAsync(readFileSync(join(dir, "old-公開版.xlsx")));
    expect(Object.keys(zip.files).some((f) => f.startsWith("customXml/"))).toBe(false);
    const csv = await run(["compare", join(repoRoot, "assets", "data", "jp-io-2011-13", "missing.csv"), "old.xlsx"], { cwd: dir });
    expect(csv.code).toBe(2);
    expect(csv.err).toMatch(/missing\.csv.*no such file/);
  }, 60_000);
});

describe("ripple compare: a record this version does not reproduce", () => {
  it("is refused, naming the file and the versions", async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(dir, "old.xlsx")));
    const xml = await zip.file("customXml/item1.xml")!.async("string");
    // What an older version would have written: another figure for the same inputs.
    const edited = xml.replace(/"headlines":\{"output":([0-9.]+)/, (_, v: string) => `"headlines":{"output":${Number(v) + 1}`);
    expect(edited).not.toBe(xml);
    zip.file("customXml/item1.xml", edited.replace('"version":"', '"version":"0.0.9-'));
    writeFileSync(join(dir, "older.xlsx"), await zip.generateAsync({ type: "uint8array" }));
    const r = await run(["compare", "older.xlsx", "old.xlsx", "--lang", "en"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/older\.xlsx.*made by Ripple 0\.0\.9-.*compute differently/);
  }, 60_000);
});

// Market runs (`ripple analyze --market`, issue 14 item 5): their workbooks carry a run record too,
// so two runs that differ in one value of the magnet parameter sheet compare to exactly that value
// (its cell and name) and its effect on the KPI = the difference of the two runs' own KPIs.
describe("ripple compare: market runs", () => {
  interface MarketJson {
    kpi: { value: number; capacity: number; demand: number };
  }
  async function market(input: string, name: string, extra: string[] = []): Promise<MarketJson> {
    const r = await run(["analyze", input, "--market", "磁石パラメータ", "--out", `${name}.xlsx`, "--json", `${name}.json`, "--lang", "ja", ...extra], { cwd: dir });
    expect(r.code, r.err).toBe(0);
    return JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8"));
  }

  it("one value of the parameter sheet changed: that value only, and its effect = new − old", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sample);
    const ws = wb.getWorksheet("磁石パラメータ")!;
    expect(ws.getCell("A6").value).toBe("growth");
    expect(ws.getCell("D6").value).toBe(0.06);
    ws.getCell("D6").value = 0.07; // domestic demand growth 6% → 7% a year
    await wb.xlsx.writeFile(join(dir, "growth-input.xlsx"));
    const a = await market(sample, "mkt-old");
    const b = await market(join(dir, "growth-input.xlsx"), "mkt-growth");
    const j = await compare("mkt-old.xlsx", "mkt-growth.xlsx", "ja", "cmp-mkt.xlsx");
    expect(j.kind).toBe("market");
    expect(j.parameters).toEqual([
      { key: "market:growth", name: "国内需要の年成長率（growth）", group: "market", where: "磁石パラメータ!D6", old: 0.06, new: 0.07 },
    ]);
    expect(j.plans).toEqual([]);
    expect(j.inputs.filter((x: { changed: boolean }) => x.changed).map((x: { role: string }) => x.role)).toEqual(["marketParams"]);
    expect(j.attribution.steps.map((s: { groups: string[] }) => s.groups)).toEqual([["market"]]);
    const effects = j.attribution.steps[0].effects;
    const dKpi = b.kpi.value - a.kpi.value;
    const dDemand = b.kpi.demand - a.kpi.demand;
    expect(dDemand).toBeGreaterThan(100); // faster growth: more demand in 2030, a lower KPI
    expect(Math.abs(effects.kpiRatio - dKpi)).toBeLessThan(1e-12);
    expect(Math.abs(effects.kpiDemand - dDemand)).toBeLessThan(1e-9);
    expect(effects.kpiCapacity).toBe(0);
    const kpi = j.headlines.find((h: { key: string }) => h.key === "kpiRatio");
    expect([kpi.old, kpi.new]).toEqual([a.kpi.value, b.kpi.value]);

    // The 比較 sheet: the market title, the parameter with its cell, the KPI in %.
    const g = (await readXlsx(join(dir, "cmp-mkt.xlsx"))).sheets[0];
    expect(g.values[0][0]).toBe("前回と今回の比較（需給モデル・再推計）");
    expect(rowWith(g, "国内需要の年成長率（growth）").slice(1, 4)).toEqual(["磁石パラメータ!D6", 0.06, 0.07]);
    const kpiRow = rowWith(g, "KPI 国内生産能力÷国内需要（KPI 年度）");
    expect(kpiRow[1]).toBe("%");
    expect(kpiRow[4]).toBeCloseTo(dKpi, 12);
    expect(rowWith(g, "国内需要（KPI 年度）")[1]).toBe("t");
    expect(rowWith(g, "1. 市場・安全保障の入力")[1]).toBeCloseTo(dKpi, 12);

    // Identical market runs: no change; a market run against a plans run: refused.
    const same = await compare("mkt-old.xlsx", "mkt-old.xlsx", "ja", "cmp-mkt-same.xlsx");
    expect(same.parameters).toEqual([]);
    expect(same.attribution.steps).toEqual([]);
    const mixed = await run(["compare", "old.xlsx", "mkt-old.xlsx", "--lang", "en"], { cwd: dir });
    expect(mixed.code).toBe(2);
    expect(mixed.err).toMatch(/mkt-old\.xlsx.*same kind of run/);
  }, 240_000);
});
