// The policy evaluation on the bundled sample workbook: totals add up, B/C is PV(GVA) / PV(subsidy),
// the KPIs are judged against their targets, a changed parameter moves exactly the numbers it
// should, and bad sheets give one report of every problem.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { RippleErrorList } from "../../src/engine/errors";
import type { Grid } from "../../src/engine/grid";
import { runProjectsPipeline, type ProjectsPipelineInput, projectsJson } from "../../src/usecases/projects";
import { readXlsx } from "../../src/workbook/xlsx";

const sample = join(__dirname, "../../assets/ripple-sample.xlsx");
let grids: Map<string, Grid>;

beforeAll(async () => {
  const wb = await readXlsx(sample);
  grids = new Map(wb.sheets.map((g) => [g.sheet, g]));
});

const clone = (g: Grid): Grid => ({ ...g, values: g.values.map((r) => [...r]) });

function input(over: Partial<ProjectsPipelineInput> = {}): ProjectsPipelineInput {
  return {
    tableGrid: grids.get("取引基本表")!,
    projectGrid: grids.get("事業計画")!,
    converterGrid: grids.get("投資転換表")!,
    paramsGrid: grids.get("パラメータ")!,
    splitGrid: grids.get("部門分割")!,
    lang: "ja",
    version: "test",
    now: new Date("2026-04-01T00:00:00Z"),
    ...over,
  };
}

/** Row (0-based, in the grid) of a plan ID and the column of a header. */
function cellOf(g: Grid, id: string, header: string): [number, number] {
  const h = g.values.findIndex((r) => r.includes(header));
  const r = g.values.findIndex((row) => row[0] === id);
  return [r, g.values[h].indexOf(header)];
}

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);

describe("projects pipeline on the sample workbook", () => {
  it("per-year sums = cumulative = sum over plans; stages and phases add up", () => {
    const { evaluation: ev } = runProjectsPipeline(input());
    expect(ev.years[0]).toBe(2025);
    expect(ev.years.at(-1)).toBe(2035); // P-02: start 2028 + ramp 3 + 4
    expect(ev.projects.map((e) => e.project.id)).toEqual(["P-01", "P-02", "P-03", "P-04"]);
    for (const m of ["output", "valueAdded", "compensation"] as const) {
      const byYear = sum(ev.byYear.map((y) => y.total[m]));
      const byPlan = sum(ev.projects.map((e) => e.totals.total[m]));
      expect(ev.cumulative.total[m]).toBeCloseTo(byYear, 6);
      expect(ev.cumulative.total[m]).toBeCloseTo(byPlan, 6);
      expect(ev.cumulative.direct[m] + ev.cumulative.firstIndirect[m] + ev.cumulative.secondIndirect[m]).toBeCloseTo(ev.cumulative.total[m], 6);
      expect(ev.cumulative.investment[m] + ev.cumulative.operation[m]).toBeCloseTo(ev.cumulative.total[m], 6);
      expect(sum(ev.cumulativeImpact!.total[m])).toBeCloseTo(ev.cumulative.total[m], 6);
    }
    // capex 5.0 百万円 per t/yr × (1,000 + 600 + 100 + 200) t/yr
    expect(ev.cumulative.capex).toBeCloseTo(5 * 1900, 9);
    // subsidy 1/3 of the manufacturing capex (0.3333 in defaults.csv) and 1/2 of the recycling plan's
    expect(ev.cumulative.subsidy).toBeCloseTo(0.3333 * 5 * 1700 + 0.5 * 5 * 200, 9);
  });

  it("B/C = PV of induced GVA / PV of the subsidy, discounted at 4% to FY2025", () => {
    const { evaluation: ev } = runProjectsPipeline(input());
    expect(ev.discountRate.value).toBe(0.04);
    expect(ev.discountRate.source.ja).toContain("国土交通省");
    const pvGva = sum(ev.byYear.map((y) => y.total.valueAdded / Math.pow(1.04, y.year - 2025)));
    const pvSub = sum(ev.byYear.map((y) => y.subsidy / Math.pow(1.04, y.year - 2025)));
    expect(ev.pv.valueAdded).toBeCloseTo(pvGva, 6);
    expect(ev.pv.subsidy).toBeCloseTo(pvSub, 9);
    expect(ev.inducedValueAddedPerSubsidy).toBeCloseTo(pvGva / pvSub, 9);
    for (const e of ev.projects) expect(e.inducedValueAddedPerSubsidy).toBeCloseTo(e.pv.valueAdded / e.pv.subsidy, 9);
  });

  it("KPIs: 2030 capacity / demand judged against 1.0; recycling not evaluable; plans on schedule", () => {
    const { evaluation: ev } = runProjectsPipeline(input());
    const [cap, rec, sched] = ev.kpis;
    // 13,500 t (2024 output) + P-01 1,000 + P-02 600 (ramp 3 from 2028: full in 2030); demand
    // 12,000 t × 1.06^6 (defaults.csv)
    const demand = 12000 * Math.pow(1.06, 6);
    expect(cap.value).toBeCloseTo((13500 + 1000 + 600) / demand, 12);
    expect(cap.pass).toBe(false);
    expect(cap.explanation.ja).toContain("15,100");
    expect(rec.pass).toBeNull();
    expect(sched.value).toBe(0.75); // P-02 is 遅延
    expect(ev.capacityPath.find((p) => p.year === 2030)!.ratio).toBeCloseTo(cap.value!, 12);
    expect(ev.capacityPath.find((p) => p.year === 2027)!.supported).toBe(500); // P-01 half way up
  });

  it("the magnet plants run on the split sector's own input structure", () => {
    const r = runProjectsPipeline(input());
    expect(r.table.sectors.map((s) => s.label)).toContain("ネオジム磁石");
    expect(r.splits[0].output).toBeCloseTo((13500 * 9000) / 1000, 9);
    const q = r.table.sectors.findIndex((s) => s.label === "ネオジム磁石");
    const p1 = r.evaluation.projects[0];
    expect(p1.project.sector).toBe(q);
    // The plant buys 0.04 of its output from 電力・ガス・水道 (the split sheet), fully domestic.
    const A = r.model.coefficientMatrix();
    const power = r.table.sectors.findIndex((s) => s.name === "電力・ガス・水道");
    expect(A[power][q]).toBeCloseTo(0.04, 12);
    // Without the split sheet, a plant of the parent sector has a different first indirect effect.
    const parentGrid = clone(grids.get("事業計画")!);
    for (const id of ["P-01", "P-02"]) {
      const [row, col] = cellOf(parentGrid, id, "産業部門");
      parentGrid.values[row][col] = "03 製造業";
    }
    const noSplit = runProjectsPipeline(input({ projectGrid: parentGrid, splitGrid: null }));
    const y = r.evaluation.years.indexOf(2030);
    const withSplit = p1.years[y].operation!;
    const asParent = noSplit.evaluation.projects[0].years[y].operation!;
    expect(sum(withSplit.direct.output)).toBeCloseTo(sum(asParent.direct.output), 9);
    expect(sum(withSplit.firstIndirect.output)).not.toBeCloseTo(sum(asParent.firstIndirect.output), 0);
  });

  it("changing one parameter changes exactly the numbers it should", () => {
    const base = runProjectsPipeline(input()).evaluation;
    // The discount rate on the parameter sheet: present values and B/C only.
    const params = clone(grids.get("パラメータ")!);
    const row = params.values.findIndex((r) => r[0] === "evaluation" && r[1] === "discount rate");
    params.values[row][2] = 0.07;
    const d = runProjectsPipeline(input({ paramsGrid: params })).evaluation;
    expect(d.byYear).toEqual(base.byYear);
    expect(d.cumulative).toEqual(base.cumulative);
    expect(d.kpis).toEqual(base.kpis);
    expect(d.pv.valueAdded).toBeLessThan(base.pv.valueAdded);
    expect(d.inducedValueAddedPerSubsidy).not.toBeCloseTo(base.inducedValueAddedPerSubsidy!, 3);
    // The utilization of P-03: its operation phase only.
    const plans = clone(grids.get("事業計画")!);
    const [r3, cu] = cellOf(plans, "P-03", "稼働率");
    plans.values[r3][cu] = 0.4;
    const u = runProjectsPipeline(input({ projectGrid: plans })).evaluation;
    expect(u.cumulative.investment).toEqual(base.cumulative.investment);
    for (const id of ["P-01", "P-02", "P-04"]) {
      const i = u.projects.findIndex((e) => e.project.id === id);
      expect(u.projects[i].totals).toEqual(base.projects[i].totals);
    }
    const k = u.projects.findIndex((e) => e.project.id === "P-03");
    expect(u.projects[k].totals.operation.output).toBeCloseTo(base.projects[k].totals.operation.output / 2, 6);
    expect(u.kpis).toEqual(base.kpis); // SmCo is not in the NdFeB capacity KPI
  });

  it("a demand from the demand-share model replaces the parameter projection in the KPI", () => {
    const src = { ja: "需要シェアモデル", en: "demand-share model" };
    const ev = runProjectsPipeline(input({ options: { domesticDemand: { value: 15100, source: src } } })).evaluation;
    expect(ev.kpis[0].value).toBeCloseTo(1, 12);
    expect(ev.kpis[0].pass).toBe(true);
    expect(ev.kpis[0].sources).toContainEqual(src);
  });

  it("bad sheets: one report listing every problem with its cell; nothing computed", () => {
    const plans = clone(grids.get("事業計画")!);
    const [r1, cStart] = cellOf(plans, "P-01", "稼働開始年度");
    plans.values[r1][cStart] = null; // missing year
    const [r2, cCap] = cellOf(plans, "P-02", "能力増強（t/年）");
    plans.values[r2][cCap] = -600; // negative capacity
    const [r3, cSec] = cellOf(plans, "P-03", "産業部門");
    plans.values[r3][cSec] = "半導体"; // unknown sector
    const conv = clone(grids.get("投資転換表")!);
    const machinery = conv.values.findIndex((r) => r[1] === "03 製造業");
    conv.values[machinery][2] = 0.6; // shares sum to 0.9
    let err: unknown = null;
    try {
      runProjectsPipeline(input({ projectGrid: plans, converterGrid: conv }));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RippleErrorList);
    const list = err as RippleErrorList;
    const where = list.problems.map((p) => `${p.where.sheet}!${p.where.cell}`);
    expect(where).toEqual(["投資転換表!C5", "事業計画!H5", "事業計画!G6", "事業計画!N7"]);
    const text = list.format("ja");
    expect(text).toContain("4 件の問題があります");
    expect(text).toContain("稼働開始年度");
    expect(text).toContain("負にできません");
    expect(text).toContain("半導体");
    expect(list.format("en")).toContain("add up to 0.9");
  });

  it("the JSON projects block carries years, per-year totals, per-plan PV and the induced value added per yen of subsidy, KPIs", () => {
    const r = runProjectsPipeline(input({ lang: "en" }));
    const j = projectsJson(r, "en");
    expect(j.years).toEqual(r.evaluation.years);
    expect(j.byYear).toHaveLength(j.years.length);
    expect(j.plans.map((p) => [p.id, p.confidential])).toEqual([["P-01", true], ["P-02", true], ["P-03", true], ["P-04", true]]);
    expect(j.plans[0].sector).toBe("ネオジム磁石");
    expect(j.kpis[0].pass).toBe(false);
    expect(j.inducedValueAddedPerSubsidy).toBeCloseTo(j.pv.valueAdded / j.pv.subsidy, 12);
    expect("bc" in j).toBe(false);
    expect(j.plans.every((p) => !("bc" in p) && p.inducedValueAddedPerSubsidy! > 0)).toBe(true);
    expect(JSON.parse(JSON.stringify(j))).toEqual(j);
  });
});
