// RIPPLE.AVOIDEDLOSS against `ripple demo --json`: the sample workbook's market sheets as Excel
// passes them, the model the demo uses (the table with the magnet sector split) registered by
// name, the plans' capacity online each year — every scenario and fiscal year gives the CLI's
// losses, and Σ_s p_s × avoided, discounted, over the PV of the subsidy gives the CLI's B/C
// (71.67 on the sample). Then the function's own rules: zero for base, the security-parameter
// range, errors naming cells.

import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { supportedByYear } from "../../src/engine/market/run";
import { rippleAvoidedLoss } from "../../src/functions/functions";
import { clearRegistry, registerModel } from "../../src/functions/registry";
import { runProjectsPipeline, type ProjectsPipelineResult } from "../../src/usecases/projects";
import { readGridFile } from "../../src/workbook/xlsx";
import { run as runCli } from "../cli/helpers";
import { type FakeCfError, inv, useFakeCustomFunctions } from "./cfStub";

useFakeCustomFunctions();


const SAMPLE = resolve(__dirname, "../../assets/ripple-sample.xlsx");
type Values = (string | number | boolean)[][];
/** A sheet as Excel passes a range: rectangular, empty cells as "". */
const asRange = (rows: unknown[][]): Values => {
  const w = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: w }, (_, c) => (r[c] ?? "") as string | number | boolean));
};

interface ByYear {
  year: number;
  shortfallTonnes: { without: number; with: number };
  without: Record<string, number>;
  with: Record<string, number>;
  avoided: Record<string, number>;
}
let cli: {
  security: { benefitCostRatio: number; pvSubsidy: number; scenarios: { id: string; probability: number }[] };
  securityDetail: { years: number[]; scenarios: { id: string; byYear: ByYear[] }[] };
  projects: { baseYear: number };
};
let P: Values;
let S: Values;
let pipeline: ProjectsPipelineResult;
let supported: number[];

beforeAll(async () => {
  const r = await runCli(["demo", "--json", "-"]);
  expect(r.code).toBe(0);
  cli = JSON.parse(r.out);
  const file = await readGridFile(SAMPLE);
  const g = (n: string) => file.sheets.find((x) => x.sheet === n) ?? null;
  P = asRange(g("磁石パラメータ")!.values);
  S = asRange(g("磁石シナリオ")!.values);
  pipeline = runProjectsPipeline({
    tableGrid: g("取引基本表")!,
    projectGrid: g("事業計画")!,
    converterGrid: g("投資転換表")!,
    paramsGrid: g("パラメータ"),
    splitGrid: g("部門分割"),
    lang: "ja",
    version: "test",
    inputDescription: "ripple-sample.xlsx",
  });
  registerModel("demo", pipeline.model);
  supported = supportedByYear(pipeline.projects, cli.securityDetail.years).total;
}, 120_000);

afterAll(() => clearRegistry());

const DEMO = [["demo"]];
const ROWS = ["shortfall", "lostDownstream", "output", "valueAdded", "compensation", "employment"];

describe("RIPPLE.AVOIDEDLOSS on the demo workbook", () => {
  it("gives the CLI's losses for every scenario and year, and its B/C (71.67)", () => {
    const { years } = cli.securityDetail;
    let pvAvoided = 0;
    let checked = 0;
    for (const sc of cli.securityDetail.scenarios) {
      const p = cli.security.scenarios.find((x) => x.id === sc.id)!.probability;
      years.forEach((year, t) => {
        // "none" is the no-shock base of the sheet
        const name = sc.id === "none" ? "base" : sc.id;
        const out = rippleAvoidedLoss(DEMO, P, S, name, year, supported[t]) as (string | number)[][];
        expect(out[0].slice(1)).toEqual(["計画なし Without the plans", "計画あり With the plans", "回避 Avoided"]);
        expect(out.map((r) => r[0]).slice(1, 3)).toEqual(["磁石の不足量［t］ Magnet shortfall [t]", "川下の生産停止［百万円］ Downstream output stopped［百万円］"]);
        const c = sc.byYear[t];
        const rel = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
        rel(out[1][1] as number, c.shortfallTonnes.without);
        rel(out[1][2] as number, c.shortfallTonnes.with);
        for (const [i, m] of ["output", "valueAdded", "compensation"].entries()) {
          rel(out[3 + i][1] as number, c.without[m]);
          rel(out[3 + i][2] as number, c.with[m]);
          rel(out[3 + i][3] as number, c.avoided[m]);
        }
        // the sample table has no employment row: shown as undefined, not as 0
        expect(out[6].slice(1)).toEqual(["—", "—", "—"]);
        pvAvoided += (p * (out[4][3] as number)) / Math.pow(1.04, year - cli.projects.baseYear);
        checked++;
      });
    }
    expect(checked).toBe(33);
    const bc = pvAvoided / cli.security.pvSubsidy;
    expect(Math.abs(bc - cli.security.benefitCostRatio)).toBeLessThan(1e-9 * bc);
    expect(bc.toFixed(2)).toBe("71.67");
  });

  it("severe in FY2030: without > with > 0, headers off gives the numbers alone", () => {
    const t = cli.securityDetail.years.indexOf(2030);
    const out = rippleAvoidedLoss(DEMO, P, S, "severe", 2030, supported[t], undefined, false) as number[][];
    expect(out).toHaveLength(ROWS.length);
    const [wo, wi, av] = out[3];
    expect(wo).toBeGreaterThan(wi);
    expect(wi).toBeGreaterThan(0);
    expect(av).toBeCloseTo(wo - wi, 6);
    // more capacity avoids more, and enough capacity avoids it all
    const more = rippleAvoidedLoss(DEMO, P, S, "severe", 2030, supported[t] + 1000, undefined, false) as number[][];
    expect(more[3][2]).toBeGreaterThan(av);
    const all = rippleAvoidedLoss(DEMO, P, S, "severe", 2030, 1e6, undefined, false) as number[][];
    expect(all[3][1]).toBe(0);
    expect(all[3][2]).toBe(wo);
  });

  it("base gives zero; a security-parameter range changes the loss as the engine says", () => {
    const base = rippleAvoidedLoss(DEMO, P, S, "base", 2030, 3000, undefined, false) as number[][];
    expect(base.slice(0, 5).flat()).toEqual(new Array(15).fill(0));
    const range: Values = [
      ["キー", "項目", "値"],
      ["dependent:ev", "", 4000],
      ["inventoryMonths", "", 1.5],
    ];
    const t = cli.securityDetail.years.indexOf(2030);
    const a = rippleAvoidedLoss(DEMO, P, S, "severe", 2030, supported[t], undefined, false) as number[][];
    const b = rippleAvoidedLoss(DEMO, P, S, "severe", 2030, supported[t], range, false) as number[][];
    // shortfall unchanged; the EV share of the lost downstream output doubles
    expect(b[0]).toEqual(a[0]);
    expect(b[1][0]).toBeGreaterThan(a[1][0]);
    // a blank security range (every cell blank, as Excel on Windows passes it: 0) is the defaults
    const blank = rippleAvoidedLoss(DEMO, P, S, "severe", 2030, supported[t], [[0, 0], [0, 0]] as unknown as any[][], false);
    expect(blank).toEqual(a);
  });

  it("errors name the scenario, the year and the parameter cell", () => {
    const call = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as FakeCfError;
      }
      throw new Error("no error");
    };
    const e1 = call(() => rippleAvoidedLoss(DEMO, P, S, "nope", 2030, 0));
    expect(e1.code).toBe("#VALUE!");
    expect(e1.message).toMatch(/nope/);
    expect(call(() => rippleAvoidedLoss(DEMO, P, S, "severe", 2099, 0)).message).toMatch(/2099/);
    expect(call(() => rippleAvoidedLoss(DEMO, P, S, "severe", 2030, -5)).message).toMatch(/0 以上|≥ 0/);
    const bad: Values = [
      ["キー", "値"],
      ["inventoryMonths", "x"],
    ];
    const e4 = call(() =>
      rippleAvoidedLoss(DEMO, P, S, "severe", 2030, 0, bad, true, inv("Sheet1!A1", "P!A1", "S!A1", "", "", "", "'経済安全保障パラメータ'!A3:B4")),
    );
    expect(e4.message).toMatch(/経済安全保障パラメータ.*B4|B4/);
    expect(call(() => rippleAvoidedLoss([["nomodel"]], P, S, "severe", 2030, 0)).message).toMatch(/nomodel/);
    // range arguments over the size limit are refused before anything is read
    const huge = Array.from({ length: 700 }, () => new Array(100).fill(1));
    expect(call(() => rippleAvoidedLoss(huge, P, S, "severe", 2030, 0)).message).toMatch(/60,000/);
  });
});

describe("RIPPLE.AVOIDEDLOSS blank cells", () => {
  it("a blank supported capacity is 0 in every form Excel passes it", () => {
    const zero = rippleAvoidedLoss(DEMO, P, S, "severe", 2030, 0, undefined, false);
    for (const b of [null, "", undefined]) expect(rippleAvoidedLoss(DEMO, P, S, "severe", 2030, b as unknown as number, undefined, false)).toEqual(zero);
    // a blank scenario is the base: zero loss
    expect((rippleAvoidedLoss(DEMO, P, S, 0 as unknown as string, 2030, 0, undefined, false) as number[][])[2]).toEqual([0, 0, 0]);
  });
});
