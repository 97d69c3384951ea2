// A SAM from the Japan 2011 13-sector table (MIC competitive layout): every account balances
// exactly, the balancing items follow the stated formulas, negative consumption is moved and
// named, and the CGE model calibrated to it reproduces it and solves a shock.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { benchmarkPolicy, runCge, samFlows, samFromTable, stdcgeResiduals } from "../../../src/engine/cge";
import { RippleError } from "../../../src/engine/errors";
import { parseCsv, readTable } from "../../../src/engine/table";
import { makeTable } from "../../../src/engine/table/types";
import { SHARED } from "./samFixture";

const japan = () => readTable(parseCsv(readFileSync(join(SHARED, "data/jp-io-2011-13/io2011_13sector_ja.csv"), "utf8"), "io2011_13sector_ja.csv"));
const sum = (a: number[]) => a.reduce((s, v) => s + v, 0);

describe("SAM from the Japan 2011 13-sector table", () => {
  it("balances exactly with the balancing items shown", () => {
    const t = japan();
    const r = samFromTable(t);
    const f = samFlows(r.sam);
    expect(f.goods).toHaveLength(13);
    // Published totals (百万円): imports 77,154,371, exports 70,944,580.
    expect(sum(f.M)).toBe(77154371);
    expect(sum(f.E)).toBe(70944580);
    const by = Object.fromEntries(r.balancing.map((b) => [b.key, b.value]));
    expect(by.Sf).toBe(77154371 - 70944580);
    expect(by.Sg).toBe(0);
    expect(by.Td).toBeCloseTo(sum(f.Xg) - sum(f.Tz) - sum(f.Tm), 6);
    expect(by.Sp).toBeCloseTo(sum(f.FF) - sum(f.Xp) - by.Td, 6);
    expect(by.Td).toBeGreaterThan(0);
    expect(by.Sp).toBeGreaterThan(0);
    // Tariffs = |関税| + |輸入品商品税|: 832,701 + 5,171,005.
    expect(sum(f.Tm)).toBe(832701 + 5171005);
    // Compensation (LAB) and CAP = surplus + depreciation + 家計外消費支出（行）.
    expect(sum(f.F[1])).toBe(248421023);
    expect(sum(f.F[0])).toBe(86806105 + 99707957 + 13633296);
    expect(r.moved.map((m) => m.en).join(" ")).toMatch(/鉱業.*-6104/);
  });

  it("calibrates exactly and solves an import-price shock in well under a second", () => {
    const f = samFlows(samFromTable(japan()).sam);
    const t0 = performance.now();
    const run = runCge(f, { name: "mfg import price +10%", importPrice: { 製造業: 1.1 } });
    expect(performance.now() - t0).toBeLessThan(1000);
    const bench = stdcgeResiduals(run.calibration, benchmarkPolicy(run.calibration, 1), run.benchmark);
    expect(Math.max(...bench.map((x) => Math.abs(x.residual)))).toBeLessThanOrEqual(1e-9);
    expect(run.residual).toBeLessThanOrEqual(1e-10);
    const i = f.goods.indexOf("製造業");
    expect(run.solution!.M[i]).toBeLessThan(f.M[i]);
    expect(run.solution!.UU).toBeLessThan(run.benchmark.UU);
  });

  it("refuses a domestic-use table and a government saving that makes the direct tax negative", () => {
    const dom = makeTable({ sectors: ["a", "b"], Z: [[1, 2], [3, 4]], x: [10, 10], importType: "domestic" });
    expect(() => samFromTable(dom)).toThrow(RippleError);
    const e = (() => {
      try {
        samFromTable(japan(), { governmentSaving: -1e9 });
      } catch (x) {
        return x as RippleError;
      }
      throw new Error("expected a refusal");
    })();
    expect(e.format("en")).toMatch(/Direct tax comes out negative/);
  });
});
