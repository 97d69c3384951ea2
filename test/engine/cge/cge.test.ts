// The CGE engine (CGE.md): the published STDCGE values, exact calibration, homogeneity, Walras'
// law, the zero scenario, quotas, refusals of bad SAMs and the solver's failure path.

import { describe, expect, it } from "vitest";
import { RippleError, RippleErrorList } from "../../../src/engine/errors";
import { readSam, runCge, samFlows, stdcgeResiduals, benchmarkPolicy, type CgeRun } from "../../../src/engine/cge";
import { hosoeExpected, hosoeGrid, samGrid, samRows, THREE_GOODS } from "./samFixture";

const relErr = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));
const hosoe = () => samFlows(readSam(hosoeGrid()));
const three = () => samFlows(readSam(samGrid(THREE_GOODS)));
const maxRes = (r: { residual: number }[]) => Math.max(...r.map((x) => Math.abs(x.residual)));

function thrown(fn: () => unknown): RippleError {
  try {
    fn();
  } catch (e) {
    if (e instanceof RippleError) return e;
    throw e;
  }
  throw new Error("expected a RippleError");
}

describe("STDCGE oracle (Hosoe, Gasawa & Hashimoto ch. 6; ../shared/oracles/hosoe-stdcge)", () => {
  it("benchmark utility", () => {
    const r = runCge(hosoe(), null);
    expect(relErr(r.benchmark.UU, hosoeExpected.published.baseline_utility_UU)).toBeLessThan(1e-9);
    expect(r.benchmarkResidual).toBeLessThanOrEqual(1e-10);
  });
  it("utility with both tariffs abolished", () => {
    const r = runCge(hosoe(), { name: "tariff abolition", tariff: { BRD: 0, MLK: 0 } });
    expect(relErr(r.solution!.UU, hosoeExpected.tariff_abolition.utility_UU)).toBeLessThan(1e-9);
    expect(r.residual).toBeLessThanOrEqual(1e-10);
    // Every published equation of the GAMS model holds at the solution of the reduced system.
    expect(maxRes(stdcgeResiduals(r.calibration, r.policy!, r.solution!))).toBeLessThan(1e-9);
  });
});

describe("calibration", () => {
  it.each([
    ["Hosoe", hosoe],
    ["three goods with zero trade flows and a subsidy", three],
  ])("reproduces the SAM exactly: %s", (_n, flows) => {
    const f = flows();
    const r = runCge(f, null);
    const res = stdcgeResiduals(r.calibration, benchmarkPolicy(r.calibration, 1), r.benchmark);
    expect(res.length).toBeGreaterThan(20);
    expect(maxRes(res)).toBeLessThanOrEqual(1e-9);
    // The benchmark economy is the SAM: outputs, imports, exports, consumption, prices 1.
    const b = r.benchmark;
    f.goods.forEach((_, i) => {
      expect(b.M[i]).toBeCloseTo(f.M[i], 9);
      expect(b.E[i]).toBeCloseTo(f.E[i], 9);
      expect(b.Xp[i]).toBeCloseTo(f.Xp[i], 9);
      expect(b.Xv[i]).toBeCloseTo(f.Xv[i], 9);
      expect(b.pq[i]).toBeCloseTo(1, 12);
      expect(b.pd[i]).toBeCloseTo(1, 12);
    });
    expect(r.iterations).toBe(0);
  });

  it("Japanese reserved labels give the same model", () => {
    const ja = { HOH: "家計", GOV: "政府", INV: "投資", EXT: "海外", IDT: "生産税", TRF: "関税" };
    const spec = { ...THREE_GOODS, factors: ["資本", "労働"], names: ja };
    const r1 = runCge(samFlows(readSam(samGrid(spec))), { name: "t", tariff: { MFG: 0 } });
    const r2 = runCge(three(), { name: "t", tariff: { MFG: 0 } });
    expect(r1.numeraire).toBe("労働");
    expect(relErr(r1.solution!.UU, r2.solution!.UU)).toBeLessThan(1e-12);
  });

  it("a mapping names accounts with other labels", () => {
    const spec = { ...THREE_GOODS, factors: ["Capital", "Labour"], names: { HOH: "Households", EXT: "RoW" } };
    const grid = samGrid(spec);
    expect(() => samFlows(readSam(grid))).toThrow(/HOH/);
    const map = { accounts: { Capital: "factor", Labour: "factor", Households: "hoh", RoW: "ext" } };
    const r = runCge(samFlows(readSam(grid, map)), { name: "t", tariff: { MFG: 0 } }, { numeraire: "Labour" });
    expect(relErr(r.solution!.UU, runCge(three(), { name: "t", tariff: { MFG: 0 } }).solution!.UU)).toBeLessThan(1e-12);
  });
});

describe("properties of the solution", () => {
  const shock = { name: "mixed", importPrice: { MFG: 1.3 }, tariff: { AGR: 0 }, productionTax: { SRV: 0.02 }, productivity: { AGR: 1.05 }, factorSupply: { CAP: 1.02 } };

  it("homogeneity: doubling the numeraire doubles every price, quantities unchanged", () => {
    const r1 = runCge(three(), shock);
    const r2 = runCge(three(), shock, { numeraireValue: 2 });
    const a = r1.solution!;
    const b = r2.solution!;
    for (const k of ["pd", "pq", "pz", "py", "pe", "pm"] as const) a[k].forEach((v, i) => expect(relErr(b[k][i], 2 * v)).toBeLessThan(1e-9));
    a.pf.forEach((v, h) => expect(relErr(b.pf[h], 2 * v)).toBeLessThan(1e-9));
    expect(relErr(b.epsilon, 2 * a.epsilon)).toBeLessThan(1e-9);
    for (const k of ["Z", "D", "E", "M", "Q", "Xp", "Xg", "Xv"] as const) a[k].forEach((v, i) => expect(relErr(b[k][i], v)).toBeLessThan(1e-9));
    expect(relErr(b.UU, a.UU)).toBeLessThan(1e-9);
  });

  it("Walras' law: the dropped factor market clears", () => {
    const r = runCge(three(), shock);
    expect(Math.abs(r.walras)).toBeLessThan(1e-10);
    const res = stdcgeResiduals(r.calibration, r.policy!, r.solution!);
    expect(Math.abs(res.find((x) => x.equation === "eqpf(LAB)")!.residual)).toBeLessThan(1e-10);
    expect(maxRes(res)).toBeLessThan(1e-9);
    // The shock moved the economy (the checks above are not trivially at the benchmark).
    expect(relErr(r.solution!.UU, r.benchmark.UU)).toBeGreaterThan(1e-3);
  });

  it("a zero scenario returns the benchmark", () => {
    const f = three();
    const check = (r: CgeRun) => {
      const s = r.solution!;
      f.goods.forEach((_, i) => {
        expect(relErr(s.Z[i], r.calibration.Z0[i])).toBeLessThan(1e-12);
        expect(Math.abs(s.pq[i] - 1)).toBeLessThan(1e-12);
      });
      expect(relErr(s.UU, r.benchmark.UU)).toBeLessThan(1e-12);
      expect(Math.abs(r.ev!)).toBeLessThan(1e-9);
    };
    check(runCge(f, { name: "zero" }));
    // The benchmark rates written out explicitly, and a quota at the benchmark's own imports.
    check(runCge(f, { name: "same rates", tariff: { AGR: 1 / 12, MFG: 0.1 }, productionTax: { SRV: 5 / 182 } }));
    // Elasticities alone recalibrate the model but do not move the benchmark.
    check(runCge(f, { name: "elasticities", elasticities: { armington: { MFG: 0.5 }, transformation: { MFG: 4 } } }));
    check(runCge(f, { name: "sigma 1", elasticities: { armington: { AGR: 1, MFG: 1 } } }));
  });

  it("a binding quota fixes imports and earns a positive rent; an import-price rise does not need it", () => {
    const f = three();
    const r = runCge(f, { name: "quota", importQuota: { MFG: 0.5 } });
    const s = r.solution!;
    expect(relErr(s.M[1], 0.5 * f.M[1])).toBeLessThan(1e-10);
    expect(s.rents[1]).toBeGreaterThan(0);
    // Domestic sales replace imports; the currency appreciates, so exports fall.
    expect(s.D[1]).toBeGreaterThan(r.calibration.D0[1]);
    expect(s.pd[1]).toBeGreaterThan(1);
    expect(s.E[1]).toBeLessThan(f.E[1]);
    expect(maxRes(stdcgeResiduals(r.calibration, r.policy!, s))).toBeLessThan(1e-9);
    // A quota above what is imported anyway does not bind: rent 0, a warning, same as no quota.
    const loose = runCge(f, { name: "loose", importPrice: { MFG: 1.5 }, importQuota: { MFG: 0.99 } });
    const free = runCge(f, { name: "free", importPrice: { MFG: 1.5 } });
    expect(loose.solution!.rents[1]).toBe(0);
    expect(loose.warnings.map((w) => w.code)).toContain("cge.quota-not-binding");
    expect(relErr(loose.solution!.UU, free.solution!.UU)).toBeLessThan(1e-12);
  });
});

describe("bad input is refused with the accounts and cells named", () => {
  it("an unbalanced SAM names each unbalanced account", () => {
    const rows = samRows(THREE_GOODS);
    rows[2][3] = 61; // MFG row, SRV column: was 20
    const e = thrown(() => readSam({ sheet: "SAM", origin: { row: 0, col: 0 }, values: rows }));
    expect(e).toBeInstanceOf(RippleErrorList);
    const text = e.format("en");
    expect(text).toMatch(/account 'MFG'/);
    expect(text).toMatch(/account 'SRV'/);
    expect(text).toMatch(/gap/);
    expect(e.format("ja")).toMatch(/勘定「MFG」/);
  });
  it("a flow the model has no place for", () => {
    const rows = samRows(THREE_GOODS);
    // GOV pays HOH (a transfer): balanced by HOH paying more direct tax, but outside STDCGE.
    const labels = rows[0] as string[];
    const hoh = labels.indexOf("HOH");
    const gov = labels.indexOf("GOV");
    rows[hoh][gov] = 3;
    rows[gov][hoh] = (rows[gov][hoh] as number) + 3;
    const e = thrown(() => samFlows(readSam({ sheet: "SAM", origin: { row: 0, col: 0 }, values: rows })));
    expect(e.format("en")).toMatch(/from 'GOV' to 'HOH'/);
    expect(e.where.cell).toBe("J9");
  });
  it("text in a number cell, a missing account, a negative factor payment", () => {
    const rows = samRows(THREE_GOODS);
    rows[1][2] = "n/a";
    expect(thrown(() => readSam({ sheet: "SAM", origin: { row: 0, col: 0 }, values: rows })).where.cell).toBe("C2");
    const noGov = samRows({ ...THREE_GOODS, names: { GOV: "GOVT" } });
    expect(thrown(() => samFlows(readSam({ sheet: "S", origin: { row: 0, col: 0 }, values: noGov }))).format("en")).toMatch(/GOV/);
    const neg = { ...THREE_GOODS, F: [[20, -1, 50], [15, 35, 70]] };
    const e = thrown(() => runCge(samFlows(readSam(samGrid(neg))), null));
    expect(e.format("en")).toMatch(/factor CAP in MFG is negative/);
    expect(e.where.cell).toBe("C5");
  });
  it("a reserved factor by its shown name (資本, Labour) is the SAM's CAP / LAB; twice is refused", () => {
    const byCode = runCge(three(), { name: "f", factorSupply: { CAP: 1.02, LAB: 0.99 } });
    const byName = runCge(three(), { name: "f", factorSupply: { 資本: 1.02, Labour: 0.99 } });
    expect(byName.scenario!.factorSupply).toEqual({ CAP: 1.02, LAB: 0.99 });
    expect(relErr(byName.solution!.UU, byCode.solution!.UU)).toBe(0);
    expect(byName.solution!.UU).not.toBeCloseTo(runCge(three(), null).benchmark.UU, 3);
    expect(thrown(() => runCge(three(), { name: "f", factorSupply: { CAP: 1.02, 資本: 1.01 } })).format("en")).toMatch(/factor 'CAP' twice/);
  });
  it("a scenario naming goods or factors the SAM does not have", () => {
    const e = thrown(() => runCge(three(), { name: "x", tariff: { STEEL: 0 }, factorSupply: { LAND: 1.1 } }));
    expect(e.format("en")).toMatch(/tariff\.STEEL.*factorSupply\.LAND/);
  });
});

describe("solver failure path", () => {
  it("stops with the block that did not close, never a partial result", () => {
    const e = thrown(() => runCge(three(), { name: "big", importPrice: { MFG: 3 } }, { maxIterations: 1 }));
    expect(e.code).toBe("cge.not-converged");
    expect(e.kind).toBe("numeric");
    expect(e.format("en")).toMatch(/iteration limit.*(market|zero-profit|balance of payments)/);
  });
  it("an import ban with non-substitutable imports has no equilibrium", () => {
    const e = thrown(() => runCge(three(), { name: "ban", importQuota: { MFG: 1e-12 }, elasticities: { armington: { MFG: 0.2 } } }));
    expect(e.code).toBe("cge.not-converged");
    expect(e.format("ja")).toMatch(/収束しませんでした/);
  });
});
