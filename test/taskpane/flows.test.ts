// The pane's 支援計画, 需給モデル and 供給途絶 flows against the recording fake Excel, on the
// Japan 2011 13-sector table: templates go into new sheets with their drop-downs, runs write new
// sheets only (inputs untouched), a bad project sheet gives every problem at once and writes
// nothing, the market run reports its KPI verdict, and the numbers are the engine's.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { installFakeOffice, type FakeValue, type FakeWorkbook } from "../workbook/office/fakeExcel";
import { parseCsv } from "../../src/engine/table";
import { RippleError, RippleErrorList } from "../../src/engine/errors";
import { IOModel } from "../../src/engine/model";
import { parseDisruptionSpec } from "../../src/engine/disruption/spec";
import { analyzeDisruption } from "../../src/engine/disruption/analyze";
import { runMarketAnalysis } from "../../src/engine/market/run";
import { parseParameters } from "../../src/engine/params/defaults";
import { loadTableFromSheet, type DetectedTable } from "../../src/taskpane/runAnalysis";
import { insertProjectTemplate, runProjects } from "../../src/taskpane/projectsFlow";
import { insertMarketTemplate, readMarketScenarios, runMarket } from "../../src/taskpane/marketFlow";
import { disruptionMethodNotes, disruptionSpecFromForm, exampleDisruptionForm, runDisruption } from "../../src/taskpane/disruptionFlow";
import { defaultParameters } from "../../src/taskpane/defaultParameters";
import { defaultConverterSectors, defaultMagnetSector, sectorLabels } from "../../src/taskpane/sectors";
import { PLAN_A, PLAN_B, TABLE_SHEET, planCells } from "./flowsFixture";

const ROOT = path.resolve(__dirname, "../..");
const CSV = path.resolve(ROOT, "../shared/data/jp-io-2011-13/io2011_13sector_ja.csv");
const tableCells = (): FakeValue[][] => parseCsv(readFileSync(CSV, "utf8"), "io2011_13sector_ja.csv").values;

let wb: FakeWorkbook;
let original: FakeValue[][];
let detected: DetectedTable;

beforeEach(async () => {
  wb = installFakeOffice(globalThis, { [TABLE_SHEET]: tableCells() }, { displayLanguage: "ja-JP" });
  original = wb.sheet(TABLE_SHEET).toValues();
  detected = await loadTableFromSheet(TABLE_SHEET);
});

afterEach(() => wb.uninstall());

function fill(sheet: string, cells: [number, number, FakeValue][]): void {
  for (const [r, c, value] of cells) wb.sheet(sheet).setCell(r, c, value === null ? undefined : { value });
}

async function insertProjects(withParameters = true) {
  const table = detected.table!;
  const labels = sectorLabels(table);
  const conv = defaultConverterSectors(table);
  return insertProjectTemplate({
    lang: "ja",
    sectors: labels,
    firstYear: 2025,
    lastYear: 2027,
    converterSectors: { construction: labels[conv.construction!], machinery: labels[conv.machinery!], other: labels[conv.other!] },
    withParameters,
  });
}

describe("支援計画: project templates and the policy evaluation", () => {
  it("inserts the project, converter, parameter and list sheets as new sheets with drop-downs", async () => {
    const conv = defaultConverterSectors(detected.table!);
    expect(sectorLabels(detected.table!).filter((_, i) => Object.values(conv).includes(i))).toEqual(["03 製造業", "04 建設", "12 サービス"]);
    const t = await insertProjects();
    expect(t.sheets).toEqual(["事業計画", "投資転換表", "パラメータ", "選択肢"]);
    expect(wb.sheetNames()).toEqual([TABLE_SHEET, ...t.sheets]);
    expect(wb.writesTo(TABLE_SHEET)).toEqual([]);
    // Drop-downs on the project sheet point at the list sheet; the sector list is the table's.
    const v = wb.sheet(t.projects).validations;
    expect(v.length).toBeGreaterThanOrEqual(5);
    for (const x of v) expect(x.inCellDropDown).toBe(true);
    const lists = wb.sheet(t.lists).toValues();
    const sectorCol = lists[1].indexOf("産業部門");
    expect(lists.slice(2, 15).map((r) => r[sectorCol])).toEqual(sectorLabels(detected.table!));
    expect(wb.sheet(t.converters).validations).toHaveLength(1);
    // The default converter with its sources, and the parameters of defaults.csv with theirs.
    const convRows = wb.sheet(t.converters).toValues().filter((r) => r[0] === "標準");
    expect(convRows.map((r) => r[1])).toEqual(["04 建設", "03 製造業", "12 サービス"]);
    expect(convRows.reduce((a, r) => a + (r[2] as number), 0)).toBeCloseTo(1, 12);
    for (const r of convRows) expect(String(r[4])).toMatch(/信頼度 [ABC]/);
    const params = wb.sheet(t.parameters!).toValues();
    const csv = parseParameters(readFileSync(path.join(ROOT, "assets/data/magnet-market/defaults.csv"), "utf8"));
    expect(params.filter((r) => typeof r[2] === "number")).toHaveLength(csv.length);

    // Short lists are inline (Excel's 255-character limit), e.g. the 13 sectors.
    expect(v.find((x) => x.source.startsWith("01 "))!.source).toBe(sectorLabels(detected.table!).join(","));

    // Never overwrites: a second insert gets "(2)" names; a sector list too long to be inline
    // points at the new list sheet, not at the first one.
    const labels = sectorLabels(detected.table!);
    const many = [...labels, ...Array.from({ length: 40 }, (_, i) => `新部門${i + 1}（分割予定の部門）`)];
    const again = await insertProjectTemplate({
      lang: "ja",
      sectors: many,
      firstYear: 2026,
      lastYear: 2026,
      converterSectors: { construction: "04 建設", machinery: "03 製造業", other: "12 サービス" },
      withParameters: false,
    });
    expect(again.sheets).toEqual(["事業計画 (2)", "投資転換表 (2)", "選択肢 (2)"]);
    const ref = wb.sheet(again.projects).validations.find((x) => x.source.startsWith("="))!;
    expect(ref.source).toContain("選択肢 (2)");
    expect(wb.sheet(t.projects).validations).toEqual(v);
  });

  it("runs the plans typed into the template and writes the results, inputs untouched", async () => {
    const t = await insertProjects();
    fill(t.projects, planCells(wb.sheet(t.projects).toValues(), [PLAN_A, PLAN_B]));
    const inputs = [TABLE_SHEET, t.projects, t.converters, t.parameters!].map((n) => wb.sheet(n).toValues());
    const writesBefore = wb.writes.length;
    const stages: string[] = [];
    const out = await runProjects(
      { detected, projectSheet: t.projects, converterSheet: t.converters, paramsSheet: t.parameters, splitSheet: null, modelOptions: {}, lang: "ja" },
      { onProgress: (p) => stages.push(p.stage) },
    );
    expect(out.sheets[0]).toBe("政策評価サマリー");
    expect(out.sheets).toEqual(expect.arrayContaining(["年度別", "計画別", "KPI", "方法・出典"]));
    expect(wb.sheetNames()).toEqual([TABLE_SHEET, ...t.sheets, ...out.sheets]);
    // Every write of the run went to a sheet it added.
    for (const w of wb.writes.slice(writesBefore)) expect(out.sheets).toContain(w.sheet);
    expect([TABLE_SHEET, t.projects, t.converters, t.parameters!].map((n) => wb.sheet(n).toValues())).toEqual(inputs);
    expect(wb.sheet(TABLE_SHEET).toValues()).toEqual(original);
    expect(stages[stages.length - 1]).toBe("write");

    // The evaluation read both plans as typed, with the parameter sheet's KPIs.
    const ev = out.evaluation;
    expect(ev.projects.map((p) => p.project.id)).toEqual(["P-01", "P-02"]);
    expect(ev.projects[0].totals.capex).toBe(7500);
    expect(ev.projects[0].totals.subsidy).toBeCloseTo(2500, 9);
    expect(ev.kpis.length).toBeGreaterThan(0);
    expect(ev.pv.valueAdded).toBeGreaterThan(0);
  });

  it("stops on cancel with nothing written, also while the results are being written", async () => {
    const t = await insertProjects();
    fill(t.projects, planCells(wb.sheet(t.projects).toValues(), [PLAN_A, PLAN_B]));
    const input = { detected, projectSheet: t.projects, converterSheet: t.converters, paramsSheet: t.parameters, splitSheet: null, modelOptions: {}, lang: "ja" as const };
    const names = wb.sheetNames();
    const early = new AbortController();
    early.abort();
    await expect(runProjects(input, { signal: early.signal })).rejects.toMatchObject({ kind: "cancelled" });
    expect(wb.sheetNames()).toEqual(names);
    // Cancelled after the first batch of cells: the sheets it had added are removed again.
    const late = new AbortController();
    let writing = 0;
    const run = runProjects(input, {
      signal: late.signal,
      onProgress: (p) => {
        if (p.stage === "write" && ++writing === 2) late.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ kind: "cancelled" });
    expect(writing).toBeGreaterThanOrEqual(2);
    expect(wb.sheetNames()).toEqual(names);
  });

  it("lists every problem of a bad project sheet with its sheet and cell, and writes nothing", async () => {
    const t = await insertProjects();
    const bad = {
      cells: { ...PLAN_A.cells, "能力増強（t/年）": "たくさん", 産業部門: "宇宙産業", 稼働率: 1.5 },
      capex: PLAN_A.capex,
    };
    fill(t.projects, planCells(wb.sheet(t.projects).toValues(), [bad, { ...PLAN_B, cells: { ...PLAN_B.cells, 投資転換表: "特別" } }]));
    const names = wb.sheetNames();
    const writes = wb.writes.length;
    let err: unknown;
    try {
      await runProjects({ detected, projectSheet: t.projects, converterSheet: t.converters, paramsSheet: t.parameters, splitSheet: null, modelOptions: {}, lang: "ja" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RippleErrorList);
    const list = err as RippleErrorList;
    expect(list.problems.length).toBeGreaterThanOrEqual(4);
    for (const p of list.problems) {
      expect(p.where.sheet).toBe(t.projects);
      expect(p.where.cell).toMatch(/^[A-Z]+\d+$/);
    }
    const ja = list.problems.map((p) => p.format("ja")).join("\n");
    expect(ja).toContain("宇宙産業");
    expect(ja).toContain(`シート「${t.projects}」`);
    expect(list.problems.map((p) => p.format("en")).join("\n")).toContain(`sheet '${t.projects}'`);
    expect(wb.sheetNames()).toEqual(names);
    expect(wb.writes.length).toBe(writes);
  });
});

describe("需給モデル: market templates, run and KPI verdict", () => {
  it("inserts the three input sheets with defaults, grades and sources", async () => {
    const t = await insertMarketTemplate("ja");
    expect(t.sheets).toEqual(["磁石パラメータ", "磁石シナリオ", "磁石需要ドライバー"]);
    expect(wb.writesTo(TABLE_SHEET)).toEqual([]);
    const text = wb.sheet(t.params).toValues().flat().filter((v) => typeof v === "string").join("\n");
    expect(text).toContain("既定値「国内NdFeB需要 2024年」: 経済産業省");
    expect(text).not.toContain("defaults.csv");
    const { scenarios, uncertain } = await readMarketScenarios(t.params, t.scenarios);
    expect(scenarios.map((s) => s.name)).toEqual(["base", "april2025", "severe"]);
    expect(uncertain).toBeGreaterThan(0);
  });

  it("runs with the table, Monte Carlo and a scenario, writes its sheets and gives the KPI verdict", async () => {
    const t = await insertMarketTemplate("ja");
    const def = defaultMagnetSector(detected.table!)!;
    expect(detected.table!.sectors[def.index].name).toBe("製造業");
    const names = wb.sheetNames();
    const writesBefore = wb.writes.length;
    const out = await runMarket({
      detected,
      paramsSheet: t.params,
      scenarioSheet: t.scenarios,
      scenario: "april2025",
      draws: 300,
      seed: "7",
      magnetSector: null,
      modelOptions: {},
      lang: "ja",
    });
    expect(wb.sheetNames()).toEqual([...names, ...out.sheets]);
    expect(out.sheets.length).toBeGreaterThanOrEqual(5);
    for (const w of wb.writes.slice(writesBefore)) expect(out.sheets).toContain(w.sheet);
    expect(wb.sheet(TABLE_SHEET).toValues()).toEqual(original);

    // The same analysis as the engine on the same sheets.
    const grid = (n: string) => ({ sheet: n, origin: { row: 0, col: 0 }, values: wb.sheet(n).toValues() });
    const model = IOModel.build(detected.table!, {});
    const direct = runMarketAnalysis({
      paramsGrid: grid(t.params),
      scenariosGrid: grid(t.scenarios),
      defaults: defaultParameters(),
      model,
      magnetSector: def.index,
      draws: 300,
      seed: "7",
      scenario: "april2025",
    });
    expect(out.analysis.kpi).toEqual(direct.kpi);
    expect(out.analysis.monteCarlo!.passProbability).toBe(direct.monteCarlo!.passProbability);
    expect(out.analysis.runs.map((r) => r.cumulative.effects)).toEqual(direct.runs.map((r) => r.cumulative.effects));

    // The verdict: pass or fail with the numbers that decide it.
    const k = direct.kpi;
    expect(out.verdict.pass).toBe(k.value >= k.target);
    expect(out.verdict.headline.ja).toContain(k.pass ? "達成" : "未達");
    expect(out.verdict.headline.ja).toContain(`${k.year}年`);
    expect(out.verdict.why.ja).toContain(`${(k.target * 100).toFixed(1)}%`);
    expect(out.verdict.why.ja).toContain(`${(k.value * 100).toFixed(1)}%`);
    expect(out.verdict.why.ja).toContain("達成する確率");
    expect(out.verdict.passProbability).toBe(direct.monteCarlo!.passProbability);
    expect(out.magnetSector!.reason.ja).toContain("製造業");
  });

  it("reports a bad parameter cell with its sheet and cell, writing nothing", async () => {
    const t = await insertMarketTemplate("en");
    const values = wb.sheet(t.params).toValues();
    const r = values.findIndex((row) => row[0] === "growth");
    wb.sheet(t.params).setCell(r, 3, { value: "fast" });
    const names = wb.sheetNames();
    const run = runMarket({ detected, paramsSheet: t.params, scenarioSheet: t.scenarios, scenario: null, draws: 0, seed: "1", magnetSector: null, modelOptions: {}, lang: "en" });
    await expect(run).rejects.toBeInstanceOf(RippleError);
    const e = (await run.catch((x) => x)) as RippleError;
    const problems = e instanceof RippleErrorList ? e.problems : [e];
    expect(problems.some((p) => p.where.sheet === t.params && p.where.cell === `D${r + 1}`)).toBe(true);
    expect(wb.sheetNames()).toEqual(names);
  });
});

describe("供給途絶: the disruption form", () => {
  it("prefills the example, runs it on the table and writes its sheets with the engine's numbers", async () => {
    const form = exampleDisruptionForm(detected.table!);
    expect(form).toMatchObject({ sector: "03 製造業", importCutPct: "90", months: "3", recoveryMonths: "12", priceShockPct: "50", importQuantity: "5000", unitValue: "9" });
    const example = parseDisruptionSpec(JSON.parse(readFileSync(path.join(ROOT, "assets/examples/disruption-magnet-cut.json"), "utf8")));
    // The untouched form is the example spec itself.
    expect(disruptionSpecFromForm(form, detected.table!)).toEqual(example);
    const names = wb.sheetNames();
    const out = await runDisruption({ detected, form, modelOptions: {}, lang: "ja" });
    expect(wb.sheetNames()).toEqual([...names, ...out.sheets]);
    expect(out.sheets.length).toBeGreaterThanOrEqual(4);
    expect(wb.writesTo(TABLE_SHEET)).toEqual([]);
    expect(wb.sheet(TABLE_SHEET).toValues()).toEqual(original);
    const direct = analyzeDisruption(IOModel.build(detected.table!, {}), example);
    expect(out.result.dynamic).toEqual(direct.dynamic);
    expect(out.result.prices!.result.delta).toEqual(direct.prices!.result.delta);
    // The pane's method note: the limits of every model the run used.
    const notes = disruptionMethodNotes(out.spec);
    expect(notes).toHaveLength(4);
    for (const n of notes) expect(n.limits.ja.length).toBeGreaterThan(10);
  });

  it("stops when cancelled while the inverse is being computed, writing nothing", async () => {
    const ac = new AbortController();
    const names = wb.sheetNames();
    const stages: string[] = [];
    const run = runDisruption(
      { detected, form: exampleDisruptionForm(detected.table!), modelOptions: {}, lang: "ja" },
      {
        signal: ac.signal,
        onProgress: (p) => {
          stages.push(p.stage);
          if (p.stage === "build") ac.abort();
        },
      },
    );
    await expect(run).rejects.toMatchObject({ kind: "cancelled" });
    expect(stages).not.toContain("write");
    expect(wb.sheetNames()).toEqual(names);
  });

  it("names every bad field of the form, and the engine's limits on the values", async () => {
    const form = { ...exampleDisruptionForm(detected.table!), importCutPct: "abc", months: "", unitValue: "" };
    let err: unknown;
    try {
      disruptionSpecFromForm(form, detected.table!);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RippleErrorList);
    const text = (err as RippleErrorList).format("ja");
    expect(text).toContain("輸入の削減率（%）");
    expect(text).toContain("途絶の期間（か月）");
    // A cut above 100% is refused by the spec's own rule.
    expect(() => disruptionSpecFromForm({ ...exampleDisruptionForm(detected.table!), importCutPct: "150" }, detected.table!)).toThrow(/importCut/);
    // Without imports the table's own imports of the sector are cut; a smaller cut still runs.
    const names = wb.sheetNames();
    const out = await runDisruption({
      detected,
      form: { ...exampleDisruptionForm(detected.table!), importQuantity: "", unitValue: "", importCutPct: "1", priceShockPct: "" },
      modelOptions: {},
      lang: "en",
    });
    expect(out.result.prices).toBeNull();
    expect(wb.sheetNames().length).toBe(names.length + out.sheets.length);
  });
});
