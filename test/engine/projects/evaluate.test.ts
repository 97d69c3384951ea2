import { describe, expect, it } from "vitest";
import type { Grid } from "../../../src/engine/grid";
import { RippleErrorList } from "../../../src/engine/errors";
import { IOModel } from "../../../src/engine/model";
import { twoSector } from "./fixtures";
import { evaluateProjects, plantOutput, rampShare } from "../../../src/engine/projects/evaluate";
import { type Converter, parseConverters, parseProjects, type Project } from "../../../src/engine/projects/parse";
import { PROJECT_COLUMNS, capexHeader } from "../../../src/engine/projects/schema";

// The two-sector competitive table of fixtures.ts, small enough to check by hand.
//   Z = [[10, 40], [20, 20]], x = [100, 200]
//   row 1: 10 + 40 + household 50 + export 10 − import 10 = 100; d1 = 50 + 50 = 100, m1 = 0.1
//   row 2: 20 + 20 + household 160 = 200; m2 = 0
//   A = [[0.1, 0.2], [0.2, 0.1]]; (I − M̂)A = [[0.09, 0.18], [0.2, 0.1]]
//   I − (I − M̂)A = [[0.91, −0.18], [−0.2, 0.9]], det = 0.819 − 0.036 = 0.783
//   L = (1/0.783) [[0.9, 0.18], [0.2, 0.91]]
//   value added = [70, 140], compensation = [35, 70] -> w = [0.35, 0.35], v = [0.7, 0.7]
//   household composition h = [50, 160] / 210
const det = 0.783;
const L = [
  [0.9 / det, 0.18 / det],
  [0.2 / det, 0.91 / det],
];
const h = [50 / 210, 160 / 210];
const c = 0.5;

function plan(overrides: Partial<Project> = {}): Project {
  return {
    row: 1,
    address: "A2",
    id: "P-01",
    company: "Example Magnets KK",
    confidential: true,
    magnetType: "ndfeb-sintered",
    capex: new Map([[2025, 100]]),
    subsidyRate: 1 / 3,
    subsidy: 100 / 3,
    capacity: 1,
    startYear: 2026,
    rampYears: 0,
    utilization: 1,
    unitValue: 10000,
    treatment: "import-substitution",
    displacement: 0.5,
    sector: 0,
    converter: "conv",
    status: "on-schedule",
    ...overrides,
  };
}

const converter: Converter = {
  name: "conv",
  shares: new Map([
    [0, 0.7],
    [1, 0.3],
  ]),
  source: "test",
  selfSufficiency: new Map([[0, 1]]),
};
const converters = new Map([["conv", converter]]);

function secondRoundByHand(dx1: number[]): number[] {
  const W1 = 0.35 * (dx1[0] + dx1[1]);
  const dC = [c * W1 * h[0] * (1 - 0.1), c * W1 * h[1]]; // (I − M̂)ΔC
  return [L[0][0] * dC[0] + L[0][1] * dC[1], L[1][0] * dC[0] + L[1][1] * dC[1]];
}

describe("projects: hand-checked two-sector example", () => {
  const model = IOModel.build(twoSector(), { consumptionRate: c });

  it("operation phase enters as a production increase (import substitution)", () => {
    // output = 1 t/yr × 10,000 円/kg × 1000 kg/t ÷ 10⁶ = 10 百万円; additional = 10 × (1 − 0.5) = 5
    expect(plantOutput(plan(), 2026)).toBeCloseTo(10, 12);
    const ev = evaluateProjects(model, [plan()], converters, { firstYear: 2025, lastYear: 2026, discountRate: { value: 0.04, source: { ja: "", en: "" } } });
    const op = ev.projects[0].years[1].operation!;
    // ΔX0 = [5, 0]; ΔX1 = L ΔX0 = 5/0.783 [0.9, 0.2]
    expect(op.direct.output).toEqual([5, 0]);
    const dx1 = [(5 * 0.9) / det, (5 * 0.2) / det];
    expect(op.firstIndirect.output[0]).toBeCloseTo(dx1[0] - 5, 10);
    expect(op.firstIndirect.output[1]).toBeCloseTo(dx1[1], 10);
    const dx2 = secondRoundByHand(dx1);
    expect(op.secondIndirect.output[0]).toBeCloseTo(dx2[0], 10);
    expect(op.secondIndirect.output[1]).toBeCloseTo(dx2[1], 10);
    // value added 0.7 × output, compensation 0.35 × output
    expect(op.total.valueAdded[1]).toBeCloseTo(0.7 * (dx1[1] + dx2[1]), 10);
    expect(op.total.compensation[0]).toBeCloseTo(0.35 * (dx1[0] + dx2[0]), 10);
    // not the final-demand treatment, which would net 10% of it against imports
    expect(op.direct.output[0]).not.toBeCloseTo(5 * 0.9, 3);
  });

  it("exports and new domestic demand are production increases too", () => {
    for (const treatment of ["export", "new-domestic-demand"] as const) {
      const ev = evaluateProjects(model, [plan({ treatment })], converters, { firstYear: 2026, lastYear: 2026 });
      expect(ev.projects[0].years[0].operation!.direct.output).toEqual([5, 0]);
      expect(ev.projects[0].years[0].operation!.total.output[0]).toBeCloseTo((5 * 0.9) / det + secondRoundByHand([(5 * 0.9) / det, (5 * 0.2) / det])[0], 10);
    }
  });

  it("investment phase: capex × converter with the converter's self-sufficiency override", () => {
    const ev = evaluateProjects(model, [plan()], converters, { firstYear: 2025, lastYear: 2025 });
    const inv = ev.projects[0].years[0].investment!;
    // Δf = 100 × [0.7, 0.3] = [70, 30]; sector 1 overridden to 100% domestic, sector 2 has m = 0
    expect(inv.direct.output[0]).toBeCloseTo(70, 12);
    expect(inv.direct.output[1]).toBeCloseTo(30, 12);
    const dx1 = [L[0][0] * 70 + L[0][1] * 30, L[1][0] * 70 + L[1][1] * 30];
    expect(inv.firstIndirect.output[0] + inv.direct.output[0]).toBeCloseTo(dx1[0], 10);
    const dx2 = secondRoundByHand(dx1);
    expect(inv.total.output[1]).toBeCloseTo(dx1[1] + dx2[1], 10);
    // without the override the table's self-sufficiency 0.9 applies
    const noOverride = new Map([["conv", { ...converter, selfSufficiency: new Map<number, number>() }]]);
    const ev2 = evaluateProjects(model, [plan()], noOverride, { firstYear: 2025, lastYear: 2025 });
    expect(ev2.projects[0].years[0].investment!.direct.output[0]).toBeCloseTo(63, 12);
  });

  it("ramp-up, present values and B/C", () => {
    const p = plan({ rampYears: 2, capex: new Map([[2025, 60], [2026, 40]]), subsidy: 30 });
    expect([2025, 2026, 2027, 2028].map((y) => rampShare(p, y))).toEqual([0, 0.5, 1, 1]);
    const ev = evaluateProjects(model, [p], converters, { firstYear: 2025, lastYear: 2028, baseYear: 2025 });
    // subsidy spread pro rata capex: 18 in 2025, 12 in 2026; PV = 18 + 12 / 1.04
    expect(ev.pv.subsidy).toBeCloseTo(18 + 12 / 1.04, 10);
    let pvGva = 0;
    ev.projects[0].years.forEach((r, k) => {
      const gva = [r.investment, r.operation].reduce((s, imp) => s + (imp ? imp.total.valueAdded[0] + imp.total.valueAdded[1] : 0), 0);
      pvGva += gva / Math.pow(1.04, k);
    });
    expect(ev.pv.valueAdded).toBeCloseTo(pvGva, 9);
    expect(ev.inducedValueAddedPerSubsidy).toBeCloseTo(pvGva / (18 + 12 / 1.04), 9);
  });

  it("per-year sums equal the cumulative totals, stages add up", () => {
    const ps = [plan(), plan({ id: "P-02", sector: 1, treatment: "export", startYear: 2025, capex: new Map([[2025, 50]]) })];
    const ev = evaluateProjects(model, ps, converters, { firstYear: 2025, lastYear: 2030 });
    const sumYears = ev.byYear.reduce((s, y) => s + y.total.valueAdded, 0);
    expect(ev.cumulative.total.valueAdded).toBeCloseTo(sumYears, 9);
    for (const y of ev.byYear) {
      expect(y.direct.output + y.firstIndirect.output + y.secondIndirect.output).toBeCloseTo(y.total.output, 9);
      expect(y.investment.output + y.operation.output).toBeCloseTo(y.total.output, 9);
    }
    const byProject = ev.projects.reduce((s, e) => s + e.pv.valueAdded, 0);
    expect(ev.pv.valueAdded).toBeCloseTo(byProject, 9);
  });

  it("changing one parameter changes exactly the numbers it should", () => {
    const base = evaluateProjects(model, [plan()], converters, { firstYear: 2025, lastYear: 2027 });
    const util = evaluateProjects(model, [plan({ utilization: 0.5 })], converters, { firstYear: 2025, lastYear: 2027 });
    // utilization touches the operation phase only
    expect(util.byYear.map((y) => y.investment)).toEqual(base.byYear.map((y) => y.investment));
    expect(util.byYear[1].operation.output).toBeCloseTo(base.byYear[1].operation.output / 2, 9);
    const conv2 = new Map([["conv", { ...converter, shares: new Map([[0, 0.5], [1, 0.5]]) }]]);
    const cv = evaluateProjects(model, [plan()], conv2, { firstYear: 2025, lastYear: 2027 });
    expect(cv.byYear.map((y) => y.operation)).toEqual(base.byYear.map((y) => y.operation));
    expect(cv.byYear[0].investment.output).not.toBeCloseTo(base.byYear[0].investment.output, 6);
  });

  it("KPIs: capacity ratio with target, recycling not evaluable without its baseline", () => {
    const src = { ja: "テスト", en: "test" };
    const ev = evaluateProjects(model, [plan({ capacity: 1000 }), plan({ id: "P-02", magnetType: "recycling", capacity: 200, status: "delayed" })], converters, {
      firstYear: 2025,
      lastYear: 2030,
      kpi: {
        year: 2030,
        baselineCapacity: { value: 13500, year: 2024, source: src },
        domesticDemand: { value: 15000, source: src },
        target: { value: 1, source: src },
        recyclingTarget: { value: 2, source: src },
      },
    });
    const [cap, rec, sched] = ev.kpis;
    expect(cap.value).toBeCloseTo(14500 / 15000, 12);
    expect(cap.pass).toBe(false);
    expect(rec.value).toBeNull();
    expect(rec.pass).toBeNull();
    expect(sched.value).toBeCloseTo(0.5, 12);
    expect(sched.pass).toBe(false);
  });
});

function projectGrid(rows: (string | number | boolean | null)[][]): Grid {
  const header = [...PROJECT_COLUMNS.filter((c) => c.key !== "notes").map((c) => c.header.ja), capexHeader(2025).ja, capexHeader(2026).ja];
  return { sheet: "計画", origin: { row: 0, col: 0 }, values: [header, ...rows] };
}

describe("project sheet", () => {
  const table = twoSector();
  const goodRow = ["P-01", "A社", true, "ネオジム焼結磁石", 1 / 3, null, 1000, 2027, 3, 0.8, 9000, "輸入代替", 0.2, "磁石", "conv", "計画どおり", 2000, 3000];

  it("reads a valid plan", () => {
    const [p] = parseProjects(projectGrid([goodRow]), { table, converters });
    expect(p.id).toBe("P-01");
    expect(p.capex.get(2026)).toBe(3000);
    expect(p.subsidy).toBeCloseTo(5000 / 3, 9);
    expect(p.sector).toBe(0);
    expect(p.treatment).toBe("import-substitution");
  });

  it("reports every problem of a bad sheet at once, with row and column", () => {
    const bad1 = [...goodRow];
    bad1[7] = null; // missing start year (H3)
    const bad2 = [...goodRow];
    bad2[0] = "P-02";
    bad2[6] = -5; // negative capacity (G4)
    bad2[13] = "半導体"; // unknown sector (N4)
    try {
      parseProjects(projectGrid([bad1, bad2]), { table, converters });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RippleErrorList);
      const list = e as RippleErrorList;
      const cells = list.problems.map((p) => p.where.cell);
      expect(cells).toEqual(["H2", "G3", "N3"]);
      expect(list.format("ja")).toContain("稼働開始年度");
      expect(list.format("en")).toContain("Sector '半導体' is not in the IO table");
    }
  });

  it("converter shares must sum to 1", () => {
    const grid: Grid = {
      sheet: "転換表",
      origin: { row: 0, col: 0 },
      values: [
        ["転換表", "部門", "比率", "出典"],
        ["標準", "磁石", 0.7, "x"],
        ["標準", "その他", 0.2, "x"],
      ],
    };
    expect(() => parseConverters(grid, table)).toThrowError(RippleErrorList);
    try {
      parseConverters(grid, table);
    } catch (e) {
      expect((e as RippleErrorList).problems[0].where.cell).toBe("C2");
      expect((e as RippleErrorList).format("en")).toContain("add up to 0.8999999999999999");
    }
  });
});
