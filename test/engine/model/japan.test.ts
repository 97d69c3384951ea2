// The Japan 2011 13-sector table (MIC, competitive imports) end to end.

import { describe, expect, it } from "vitest";
import { cancelledError, RippleError } from "../../../src/engine/errors";
import { analyze, analyzeDetailed, impact, IOModel } from "../../../src/engine/model";
import { sumRoles } from "../../../src/engine/table/types";
import { loadJapan2011, maxRelDiff } from "./fixtures";

describe("Japan 2011, 13 sectors (competitive imports)", () => {
  const table = loadJapan2011();
  const model = IOModel.build(table);
  const n = 13;

  it("reproduces output: x = L[(I − M̂)f_d + e] with the table's own demand (1e-9 relative)", () => {
    const fd = sumRoles(table.finalDemand, n, (r) => r.startsWith("fd:"));
    const ex = sumRoles(table.finalDemand, n, (r) => r === "export");
    const rhs = model.domesticPart(fd).map((v, i) => v + ex[i]);
    const x = model.solve(rhs);
    expect(maxRelDiff(x, table.x)).toBeLessThan(1e-9);
    // the same through the three-stage direct effect with exports entering in full
    const direct = impact(model, fd, { exportShock: ex });
    expect(maxRelDiff(model.solve(direct.direct.output), table.x)).toBeLessThan(1e-9);
  });

  it("import coefficients are |imports| / domestic demand (国内需要合計)", () => {
    const m = model.m as number[];
    // 鉱業: (21672797 + 7 + 1636792) / 24034001
    expect(m[1]).toBeCloseTo((21672797 + 7 + 1636792) / 24034001, 14);
    // 建設 and 公務 import nothing
    expect(m[3]).toBe(0);
    expect(m[10]).toBe(0);
    for (const v of m) expect(v >= 0 && v < 1).toBe(true);
  });

  it("value added = 粗付加価値部門計 / 国内生産額, compensation = 雇用者所得 / 国内生産額", () => {
    // 農林水産業: 5838371 / 12035962 and 1352308 / 12035962
    expect(model.v[0]).toBeCloseTo(5838371 / 12035962, 14);
    expect(model.wc[0]).toBeCloseTo(1352308 / 12035962, 14);
    // Output = intermediate inputs + value added, so Σ_i A_ij + v_j = 1 for every sector.
    const A = model.coefficientMatrix();
    for (let j = 0; j < n; j++) expect(A.reduce((s, r) => s + r[j], 0) + model.v[j]).toBeCloseTo(1, 12);
  });

  it("analyze gives the CLI JSON with the stated fields and nulls", () => {
    const shock = new Array<number>(n).fill(0);
    shock[3] = 100_000; // 建設 +1000億円
    const r = analyze(table, {}, shock);
    expect(Object.keys(r).sort()).toEqual(
      ["A", "L", "effects", "importCoefficients", "impact", "importType", "linkages", "multipliers", "sectors", "warnings"].sort(),
    );
    expect(r.importType).toBe("competitive");
    expect(r.sectors[0]).toBe("01 農林水産業");
    expect(r.multipliers.employment).toBeNull();
    expect(r.effects.employment).toBeNull();
    expect(r.impact?.direct.employment).toBeNull();
    // 建設 has m = 0, so the direct effect is the whole shock
    expect(r.impact?.direct.output[3]).toBe(100_000);
    // multiple between 1 and the output multiplier + second round
    expect(r.impact?.multiple).toBeGreaterThan(r.multipliers.output[3] * 0.999);
    expect(r.impact?.multiple).toBeLessThan(3);
    // linkage indices average 1
    expect(r.linkages.backward.reduce((s, v) => s + v, 0) / n).toBeCloseTo(1, 12);
    expect(r.linkages.forward.reduce((s, v) => s + v, 0) / n).toBeCloseTo(1, 12);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r); // plain data, no NaN/Infinity
  });

  it("analyze(model, shock) reuses a built model and equals analyze(table, options, shock)", () => {
    const shock = new Array<number>(n).fill(0);
    shock[2] = 1000;
    expect(analyze(model, shock)).toEqual(analyze(table, {}, shock));
  });

  it("the closed-import inverse (I − A)⁻¹ is available and labelled", () => {
    const d = analyzeDetailed(table, { inverse: "closed-import" });
    expect(d.warnings.map((w) => w.code)).toContain("inverse-closed-import");
    const open = model.leontief();
    expect(d.result.L[2][2]).toBeGreaterThan(open[2][2]); // imports not netted out: larger
  });

  it("buildAsync reports progress and equals build", async () => {
    const stages: string[] = [];
    const m2 = await IOModel.buildAsync(table, {}, { onProgress: (d, t, s) => stages.push(`${s}:${d}/${t}`) });
    expect(stages).toContain("factor:13/13");
    expect(m2.leontief()).toEqual(model.leontief());
  });

  it("buildAsync stops with a cancelled error when the signal fires", async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(IOModel.buildAsync(table, {}, { signal: ac.signal })).rejects.toMatchObject({ kind: "cancelled" });
    expect(cancelledError()).toBeInstanceOf(RippleError);
  });
});

describe("Japan 2011: splitting a magnets sector out of 製造業 and aggregating back", () => {
  it("preserves every total, stays productive, and gives back the table when merged", async () => {
    const { aggregate, splitSector } = await import("../../../src/engine/model");
    const table = loadJapan2011();
    const p = 2; // 03 製造業
    const share = 0.001;
    const s = splitSector(table, p, { label: "NdFeB磁石", share });
    expect(s.sectors[p + 1].label).toBe("NdFeB磁石");
    expect(s.x[p + 1]).toBeCloseTo(share * table.x[p], 6);
    const m = IOModel.build(s);
    // the new sector, with the parent's structure, has the parent's output multiplier
    const base = IOModel.build(table).columnSums()[p];
    expect(m.columnSums()[p + 1]).toBeCloseTo(base, 10);
    const back = aggregate(s, s.sectors.map((_, k) => (k <= p ? k : k - 1)), table.sectors.map((x) => x.label));
    expect(maxRelDiff(back.x, table.x)).toBeLessThan(1e-12);
    back.Z.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - table.Z[i][j])).toBeLessThanOrEqual(1e-9 * Math.abs(table.Z[i][j]) + 1e-6)));
    back.finalDemand.forEach((f, k) =>
      f.values.forEach((v, i) => expect(Math.abs(v - table.finalDemand[k].values[i])).toBeLessThanOrEqual(1e-9 * Math.abs(table.finalDemand[k].values[i]) + 1e-6)),
    );
  });
});
