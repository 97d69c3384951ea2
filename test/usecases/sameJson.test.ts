// One runner per job: the command line and the task pane run the same job on the same workbook,
// with options that are NOT the defaults, and get identical JSON. The CLI reads the sample
// workbook file; the pane reads the same cells through the recording fake Excel. Any drift (an
// option not passed on, a default written twice, a table recognised differently) shows here.

import { afterEach, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { readGridFile } from "../../src/workbook/xlsx";
import { installFakeOffice, type FakeValue, type FakeWorkbook } from "../workbook/office/fakeExcel";
import { gridRange } from "../../src/engine/grid";
import { clearRegistry } from "../../src/functions/registry";
import { loadTableFromSheet, previewShock, readShockGrid, runAnalysis } from "../../src/taskpane/runAnalysis";
import { changedModelOptions, defaultPaneOptions } from "../../src/taskpane/paneOptions";
import { runProjects } from "../../src/taskpane/projectsFlow";
import { defaultPlans, runMarket } from "../../src/taskpane/marketFlow";
import { disruptionSpecFromForm, exampleDisruptionForm, runDisruption } from "../../src/taskpane/disruptionFlow";
import { writeFileSync } from "node:fs";
import { run, tempDir } from "../cli/helpers";

const SAMPLE = path.resolve(__dirname, "../../assets/ripple-sample.xlsx");
const TABLE = "取引基本表";
const SHOCK = "ショック";

let sheets: Record<string, { values: FakeValue[][]; at: string }> = {};
let shockRange = "";
beforeAll(async () => {
  const file = await readGridFile(SAMPLE);
  for (const g of file.sheets) sheets[g.sheet] = { values: g.values as FakeValue[][], at: gridRange(g).split(":")[0] };
  shockRange = gridRange(file.sheets.find((g) => g.sheet === SHOCK)!);
});

let wb: FakeWorkbook | null = null;
function openInFakeExcel(): FakeWorkbook {
  clearRegistry();
  wb = installFakeOffice(globalThis, sheets, { displayLanguage: "ja-JP" });
  return wb;
}
afterEach(() => {
  wb?.uninstall();
  wb = null;
});

/** `ripple analyze SAMPLE … --json -`, parsed. */
async function cliJson(args: string[]): Promise<unknown> {
  const r = await run(["analyze", SAMPLE, ...args, "--json", "-", "--lang", "ja"], { cwd: tempDir() });
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out);
}

describe("the same job through the command line and the pane gives identical JSON", () => {
  it("analysis: consumption rate typed as a percentage, Type II, imbalance allowed", async () => {
    const cli = await cliJson(["--sheet", TABLE, "--shock-sheet", SHOCK, "--consumption-rate", "61.5%", "--type-ii", "--allow-imbalance"]);

    openInFakeExcel();
    const options = { ...defaultPaneOptions(), consumptionRate: "61.5%", typeII: true, allowImbalance: true };
    const detected = await loadTableFromSheet(TABLE);
    const shock = previewShock(detected.table!, await readShockGrid({ sheet: SHOCK, address: shockRange }));
    const out = await runAnalysis({
      detected,
      shock,
      options: changedModelOptions(options),
      typeII: options.typeII,
      allowImbalance: options.allowImbalance,
      lang: "ja",
    });
    expect(JSON.stringify(out.json)).toBe(JSON.stringify(cli));

    // The options were not the defaults: the second round moved with the consumption rate.
    const base = (await cliJson(["--sheet", TABLE, "--shock-sheet", SHOCK])) as typeof out.json;
    const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
    expect(sum(out.json.impact!.secondIndirect.output) / sum(base.impact!.secondIndirect.output)).toBeCloseTo(0.615 / 0.734, 12);
    // …and the method sheet records it as the user's, in both hosts.
    const method = wb!.sheet(out.sheets.find((s) => s.startsWith("方法"))!).toValues();
    expect(method.find((r) => r[0] === "消費転換係数")!.slice(1, 3)).toEqual([0.615, "利用者が入力"]);
  });

  it("analysis: import convention chosen by the user, no shock", async () => {
    const cli = await cliJson(["--sheet", TABLE, "--import-type", "domestic", "--consumption-rate", "0.5"]);
    openInFakeExcel();
    const options = { ...defaultPaneOptions(), importType: "domestic" as const, consumptionRate: "0.5" };
    const detected = await loadTableFromSheet(TABLE);
    const out = await runAnalysis({ detected, shock: null, options: changedModelOptions(options), typeII: false, lang: "ja" });
    expect((cli as typeof out.json).importType).toBe("domestic");
    expect(JSON.stringify(out.json)).toBe(JSON.stringify(cli));
  });

  it("projects: consumption rate and income base the user set", async () => {
    const cli = await cliJson(["--sheet", TABLE, "--projects", "事業計画", "--consumption-rate", "0.6"]);
    openInFakeExcel();
    const detected = await loadTableFromSheet(TABLE);
    const out = await runProjects({
      detected,
      projectSheet: "事業計画",
      converterSheet: "投資転換表",
      paramsSheet: "パラメータ",
      splitSheet: "部門分割",
      modelOptions: changedModelOptions({ ...defaultPaneOptions(), consumptionRate: "60%" }),
      lang: "ja",
    });
    expect(JSON.stringify(out.json)).toBe(JSON.stringify(cli));
  });

  it("disruption: the pane's form as a spec file, a cut and recovery that are not the example's", async () => {
    openInFakeExcel();
    const detected = await loadTableFromSheet(TABLE);
    const form = { ...exampleDisruptionForm(detected.table), importCutPct: "60", months: "4", recoveryMonths: "9", priceShockPct: "25" };
    const options = { ...defaultPaneOptions(), importType: "competitive" as const };
    const out = await runDisruption({ detected, form, modelOptions: changedModelOptions(options), lang: "ja" });
    const dir = tempDir();
    writeFileSync(path.join(dir, "spec.json"), JSON.stringify(disruptionSpecFromForm(form, detected.table!)));
    const r = await run(["analyze", SAMPLE, "--sheet", TABLE, "--disruption", "spec.json", "--import-type", "competitive", "--json", "-", "--lang", "ja"], { cwd: dir });
    expect(r.code, r.err).toBe(0);
    expect(JSON.stringify(out.json)).toBe(JSON.stringify(JSON.parse(r.out)));
    expect((out.json as { cut: { importCut: number } }).cut.importCut).toBe(0.6);
  });

  it("market: options, scenario, Monte Carlo and the plans found by name", async () => {
    const args = ["--sheet", TABLE, "--market", "磁石パラメータ", "--consumption-rate", "0.6", "--scenario", "severe", "--draws", "300", "--seed", "5"];
    const cli = await cliJson(args);
    openInFakeExcel();
    const detected = await loadTableFromSheet(TABLE);
    const out = await runMarket({
      detected,
      paramsSheet: "磁石パラメータ",
      scenarioSheet: "磁石シナリオ",
      scenario: "severe",
      draws: 300,
      seed: "5",
      magnetSector: null,
      plans: defaultPlans(Object.keys(sheets)),
      modelOptions: changedModelOptions({ ...defaultPaneOptions(), consumptionRate: "0.6" }),
      lang: "ja",
    });
    // The Monte Carlo's wall-clock time is the only field that may differ.
    const timeless = (j: unknown) => JSON.stringify(j, (k, v: unknown) => (k === "milliseconds" ? 0 : v));
    expect(timeless(out.json)).toBe(timeless(cli));
    expect((cli as { magnetSector: { label: string } }).magnetSector.label).toBe("ネオジム磁石");
  });
});

describe("the 2030 KPI is one number on every tab and in the command line (issue 12: 79.3% vs 88.7%)", () => {
  it("the 需給モデル tab with its defaults, the 支援計画 tab and ripple analyze --market agree", async () => {
    openInFakeExcel();
    const detected = await loadTableFromSheet(TABLE);
    const plans = defaultPlans(Object.keys(sheets));
    expect(plans).toEqual({ projectSheet: "事業計画", converterSheet: "投資転換表" });
    const market = await runMarket({
      detected,
      paramsSheet: "磁石パラメータ",
      scenarioSheet: "磁石シナリオ",
      scenario: null,
      draws: 0,
      seed: "1",
      magnetSector: null,
      plans,
      modelOptions: {},
      lang: "ja",
    });
    const projects = await runProjects({
      detected,
      projectSheet: "事業計画",
      converterSheet: "投資転換表",
      paramsSheet: "パラメータ",
      splitSheet: "部門分割",
      modelOptions: {},
      lang: "ja",
    });
    const kpi = projects.evaluation.kpis.find((k) => k.key === "capacity-ratio")!;
    const cli = (await cliJson(["--sheet", TABLE, "--market", "磁石パラメータ"])) as { kpi: { value: number } };
    expect(market.verdict.value).toBe(kpi.value);
    expect(cli.kpi.value).toBe(kpi.value);
    // the sample's plans add 1,600 t/yr by 2030: 15,100 / 17,022 t
    expect(kpi.value).toBeCloseTo(15100 / 17022.229347072003, 12);
    expect(market.magnetSector!.label).toBe("ネオジム磁石");
  });
});
