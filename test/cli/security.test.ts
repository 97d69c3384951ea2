// The `security` block (RESILIENCE.md 6) of `ripple demo --json` and of `analyze --projects …
// --market …`: its fields, the severe scenario losing output without the plans and less with
// them, "none" losing nothing, the expectation Σ p × avoided, the B/C as the ratio of its two
// present values, and the reference ratio renamed.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readXlsx } from "../../src/workbook/xlsx";
import { repoRoot, run, tempDir } from "./helpers";

const samplePath = () => join(repoRoot, "assets", "ripple-sample.xlsx");

interface SecurityBlock {
  scenarios: {
    id: string;
    probability: number;
    shortfallTonnes: { without: number; with: number };
    lostOutput: { without: number; with: number };
    lostValueAdded: { without: number; with: number };
    avoidedValueAdded: number;
  }[];
  expectedAnnualAvoidedValueAdded: number[];
  pvExpectedAvoidedValueAdded: number;
  pvSubsidy: number;
  benefitCostRatio: number;
  inducedValueAddedPerSubsidy: number;
}

function checkBlock(s: SecurityBlock, detail: { years: number[]; scenarios: { byYear: { avoided: { valueAdded: number } }[] }[] }, projects: { years: number[]; baseYear: number; pv: { subsidy: number }; inducedValueAddedPerSubsidy: number }) {
  expect(Object.keys(s).sort()).toEqual(
    ["benefitCostRatio", "expectedAnnualAvoidedValueAdded", "inducedValueAddedPerSubsidy", "pvExpectedAvoidedValueAdded", "pvSubsidy", "scenarios"].sort(),
  );
  const ids = s.scenarios.map((x) => x.id);
  expect(ids).toEqual(["none", "april2025", "severe"]);
  const none = s.scenarios[0];
  expect([none.shortfallTonnes.without, none.lostOutput.without, none.lostValueAdded.without, none.avoidedValueAdded]).toEqual([0, 0, 0, 0]);
  const severe = s.scenarios[2];
  expect(severe.lostOutput.without).toBeGreaterThan(0);
  expect(severe.lostOutput.with).toBeLessThan(severe.lostOutput.without);
  expect(severe.avoidedValueAdded).toBeCloseTo(severe.lostValueAdded.without - severe.lostValueAdded.with, 6);
  expect(s.scenarios.reduce((a, x) => a + x.probability, 0)).toBeCloseTo(1, 12);
  // Σ p × avoided by year (the block's scenarios are totals over years; the detail has each year)
  expect(s.expectedAnnualAvoidedValueAdded).toHaveLength(detail.years.length);
  detail.years.forEach((_, t) => {
    const e = s.scenarios.reduce((a, x, i) => a + x.probability * detail.scenarios[i].byYear[t].avoided.valueAdded, 0);
    expect(s.expectedAnnualAvoidedValueAdded[t]).toBeCloseTo(e, 6);
  });
  const pv = detail.years.reduce((a, y, t) => a + s.expectedAnnualAvoidedValueAdded[t] / Math.pow(1.04, y - projects.baseYear), 0);
  expect(s.pvExpectedAvoidedValueAdded).toBeCloseTo(pv, 6);
  expect(s.pvSubsidy).toBe(projects.pv.subsidy);
  expect(s.benefitCostRatio).toBe(s.pvExpectedAvoidedValueAdded / s.pvSubsidy);
  expect(s.inducedValueAddedPerSubsidy).toBe(projects.inducedValueAddedPerSubsidy);
}

describe("security block", () => {
  it("ripple demo --json -", async () => {
    const r = await run(["demo", "--json", "-"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    checkBlock(j.security, j.securityDetail, j.projects);
    expect(j.securityDetail.concordance.every((c: { sectorLabel: string }) => c.sectorLabel.includes("製造業"))).toBe(true);
  }, 180_000);

  it("ripple analyze --projects … --market … --json - on the sample", async () => {
    const r = await run(["analyze", samplePath(), "--projects", "事業計画", "--market", "磁石パラメータ", "--json", "-"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const d = await run(["demo", "--json", "-"]);
    const demo = JSON.parse(d.out);
    checkBlock(j.security, j.securityDetail, demo.projects);
    // the same workbook gives the same numbers through both commands
    expect(j.security).toEqual(demo.security);
    // the Monte Carlo over the judgement parameters repeats exactly with its seed
    const mc = j.securityDetail.monteCarlo;
    expect(mc).toEqual(demo.securityDetail.monteCarlo);
    expect([mc.draws, mc.seed]).toEqual([2000, "1"]);
    expect(mc.benefitCostRatio.p5).toBeLessThan(mc.benefitCostRatio.p95);
    expect(mc.probabilityAtLeastOne).toBeGreaterThan(0);
    expect(mc.tornado.bars[0].key).toBe("probability:severe");
  }, 90_000);
});

describe("the 経済安全保障効果 sheets and the editable parameters", () => {
  it("demo workbook: the sheet after the summary, the B/C headline on the summary, the parameter sheet", async () => {
    const dir = tempDir();
    const r = await run(["demo", "--out", "d.xlsx", "--json", "d.json", "--lang", "ja"], { cwd: dir });
    expect(r.code).toBe(0);
    const j = JSON.parse(readFileSync(join(dir, "d.json"), "utf8"));
    const wb = await readXlsx(join(dir, "d.xlsx"));
    expect(wb.sheets.map((s) => s.sheet).slice(0, 3)).toEqual(["政策評価サマリー", "経済安全保障効果", "経済安全保障パラメータ"]);
    const rowOf = (sheet: string, label: string) => wb.sheets.find((s) => s.sheet === sheet)!.values.find((row) => row.includes(label))!;
    const bc = (row: unknown[]) => row[row.indexOf("B/C（経済安全保障）") + 1];
    expect(bc(rowOf("政策評価サマリー", "B/C（経済安全保障）"))).toBe(j.security.benefitCostRatio);
    expect(bc(rowOf("経済安全保障効果", "B/C（経済安全保障）"))).toBe(j.security.benefitCostRatio);
    // the row by its name (no key of the code on the sheet); a second run reads it back by name
    const severe = "年発生確率: 深刻（80% 減 12か月）";
    const p = rowOf("経済安全保障パラメータ", severe);
    expect(p[p.indexOf(severe) + 1]).toBe(0.03);
    expect(p.join(" ")).toContain("判断");
    // the fan of the B/C: 20 equal bins of the Monte Carlo's draws, shares adding up to 1, the
    // P5–P95 band in its own series (the bins whose middle lies between the JSON's P5 and P95)
    const main = wb.sheets.find((s) => s.sheet === "経済安全保障効果")!.values;
    const at = main.findIndex((row) => row[0] === "B/C の階級");
    const bins = main.slice(at + 1, at + 21);
    const mc = j.securityDetail.monteCarlo;
    expect(bins.map((row) => row[1])).toEqual(mc.histogram.from);
    expect(bins.reduce((a, row) => a + Number(row[3]) + Number(row[4]), 0)).toBeCloseTo(1, 12);
    bins.forEach((row) => {
      const mid = (Number(row[1]) + Number(row[2])) / 2;
      const central = mid >= mc.benefitCostRatio.p5 && mid <= mc.benefitCostRatio.p95;
      expect(Number(central ? row[4] : row[3])).toBe(0);
      expect(row[0]).toMatch(/^[\d,.]+〜[\d,.]+$/);
    });
    expect(bins.filter((row) => Number(row[3]) > 0).length).toBeGreaterThan(2);
    expect(typeof main[at + 21]?.[1]).not.toBe("number");
  }, 180_000);

  it("a parameter sheet in the input workbook is read back: twice the severe probability, twice the B/C (April-type events are covered by stocks)", async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(samplePath());
    const ws = wb.addWorksheet("経済安全保障パラメータ");
    ws.addRow(["キー", "項目", "値"]);
    ws.addRow(["probability:severe", "年発生確率", 0.06]);
    const input = join(dir, "in.xlsx");
    await wb.xlsx.writeFile(input);
    const args = (f: string) => ["analyze", f, "--projects", "事業計画", "--market", "磁石パラメータ", "--json", "-"];
    const base = JSON.parse((await run(args(samplePath()))).out).security;
    const edited = JSON.parse((await run(args(input), { cwd: dir })).out).security;
    expect(base.scenarios[1].avoidedValueAdded).toBe(0);
    expect(edited.benefitCostRatio).toBeCloseTo(2 * base.benefitCostRatio, 9);
    ws.getCell("C2").value = "abc";
    await wb.xlsx.writeFile(input);
    const bad = await run(args(input), { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("C2");
  }, 90_000);

  it("the dynamic path (lossPath 1): over a long horizon the B/C of the static ripple, over none less; its monthly path on the sheet", async () => {
    const dir = tempDir();
    const withParams = async (rows: [string, number][], name: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(samplePath());
      const ws = wb.addWorksheet("経済安全保障パラメータ");
      ws.addRow(["キー", "項目", "値"]);
      for (const [k, v] of rows) ws.addRow([k, "", v]);
      const f = join(dir, name);
      await wb.xlsx.writeFile(f);
      return f;
    };
    const args = (f: string) => ["analyze", f, "--projects", "事業計画", "--market", "磁石パラメータ", "--json", "-"];
    const base = JSON.parse((await run(args(samplePath()))).out);
    const long = JSON.parse((await run(args(await withParams([["lossPath", 1], ["horizonMonths", 600]], "long.xlsx")), { cwd: dir })).out);
    const none = JSON.parse((await run(args(await withParams([["lossPath", 1], ["horizonMonths", 0]], "none.xlsx")), { cwd: dir })).out);
    expect(base.securityDetail.lossPath).toBe("static");
    expect(long.securityDetail.lossPath).toBe("dynamic");
    expect(Math.abs(long.security.benefitCostRatio / base.security.benefitCostRatio - 1)).toBeLessThan(1e-6);
    expect(none.security.benefitCostRatio).toBeLessThan(0.95 * base.security.benefitCostRatio);
    expect(none.security.benefitCostRatio).toBeGreaterThan(0.2 * base.security.benefitCostRatio);
    // severe, FY2030: 12 event months + 0 after; the path sums to the year's lost output
    const y = none.securityDetail.scenarios[2].byYear[5];
    expect(y.lostOutputByMonth.without).toHaveLength(12);
    expect(y.lostOutputByMonth.without.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(y.without.output, 3);
    // the static run has no path
    expect(base.securityDetail.scenarios[2].byYear[5].lostOutputByMonth).toBeUndefined();
    const out = await run(["analyze", join(dir, "none.xlsx"), "--projects", "事業計画", "--market", "磁石パラメータ", "--out", "o.xlsx", "--lang", "ja"], { cwd: dir });
    expect(out.code).toBe(0);
    const sheet = (await readXlsx(join(dir, "o.xlsx"))).sheets.find((s) => s.sheet === "経済安全保障効果")!;
    const titleRow = sheet.values.findIndex((r) => String(r[0] ?? "").startsWith("動学の経路"));
    expect(titleRow).toBeGreaterThan(0);
    // one recovery time, the parameter's value in the title and its source beside it
    expect(sheet.values[titleRow][0]).toContain("回復期間 12 か月");
    expect(String(sheet.values[titleRow + 1][0])).toMatch(/^回復期間はこの評価で唯一の回復の速さです（回復期間（不稼働率が初期の 1% になるまでの月数、全部門共通）.*出典・根拠: 分析者の判断: 回復係数 k = ln\(100\) \/ \(T \(1 − a\*_ii\)\)（Lian & Haimes 2006/);
    expect(sheet.values[titleRow + 3][0]).toBe(1);
    // the parameter record holds one recovery time, and the loss path reads it
    const keys = Object.keys(none.securityDetail.parameters).filter((k) => /recover/i.test(k));
    expect(keys).toEqual(["recoveryMonths"]);
  }, 120_000);

  it("a premium on the scenario sheet is reported through the cost-push model beside unchanged quantities; the plans lower it", async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(samplePath());
    const ws = wb.getWorksheet("磁石シナリオ")!;
    expect(ws.getCell("A7").value).toBe("severe");
    ws.getCell("H7").value = 0.5;
    const f = join(dir, "premium.xlsx");
    await wb.xlsx.writeFile(f);
    const args = (file: string) => ["analyze", file, "--projects", "事業計画", "--market", "磁石パラメータ", "--json", "-"];
    const base = JSON.parse((await run(args(samplePath()))).out);
    const prem = JSON.parse((await run(args(f), { cwd: dir })).out);
    expect(prem.security).toEqual(base.security);
    expect(prem.securityDetail.price.magnetSector).toBe("ネオジム磁石");
    const sectors: string[] = prem.securityDetail.price.sectors;
    const manuf = sectors.indexOf("製造業");
    const sev = prem.securityDetail.scenarios[2];
    expect(sev.premium).toBeCloseTo(0.5, 12); // one origin (China, share 1), one shock over the whole event
    const y = sev.byYear[5].priceEffect;
    expect(y.percent.without[manuf]).toBeGreaterThan(0);
    expect(y.percent.with[manuf]).toBeLessThan(y.percent.without[manuf]);
    // linear in premium × imported share
    expect(y.percent.with[manuf] / y.percent.without[manuf]).toBeCloseTo(y.importShare.with / y.importShare.without, 12);
    expect(base.securityDetail.scenarios[2].byYear[5].priceEffect.percent.without[manuf]).toBe(0);
  }, 120_000);
});
