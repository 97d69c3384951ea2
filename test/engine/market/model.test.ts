import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseParameters } from "../../../src/engine/params/defaults";
import {
  BASE_SCENARIO,
  buildMarketInputs,
  intensityFromDefaults,
  defaultMarketParameters,
  defaultScenarios,
  type MarketInputs,
  monteCarlo,
  outputChange,
  runMarket,
  type Scenario,
  shockYearFractions,
  tornado,
} from "../../../src/engine/market";

const params = parseParameters(readFileSync(resolve(__dirname, "../../../assets/data/magnet-market/defaults.csv"), "utf8"));
const years = Array.from({ length: 12 }, (_, k) => 2024 + k);
const supported = years.map((y) => (y >= 2027 ? 4000 : 0));

function inputs(over: Partial<MarketInputs> = {}, p = defaultMarketParameters(params)): MarketInputs {
  return { ...buildMarketInputs(p, years, supported, intensityFromDefaults(params)), ...over };
}

const premiumOnly = (premium: number): Scenario => ({
  name: "premium",
  label: { ja: "価格", en: "price" },
  shocks: [{ origin: "China", cut: 0, months: 12 * years.length, startYear: 2024, startMonth: 1, pricePremium: premium }],
});

describe("demand-share model: limiting cases", () => {
  it("reproduces the base year's flows", () => {
    const r = runMarket(inputs(), BASE_SCENARIO).years[0];
    expect(r.demand).toBeCloseTo(12000, 9);
    expect(r.imports).toBeCloseTo(5000, 9);
    expect(r.domesticOutput).toBeCloseTo(13500, 9);
    expect(r.domesticShare).toBeCloseTo(7000 / 12000, 12);
    expect(r.kpi).toBeCloseTo(13500 / 12000, 12);
  });

  it("no shock and a shock of zero months equal the base", () => {
    const m = inputs();
    const base = runMarket(m, BASE_SCENARIO);
    const zero: Scenario = { name: "z", label: { ja: "", en: "" }, shocks: [{ origin: "China", cut: 0.9, months: 0, startYear: 2026, startMonth: 4, pricePremium: 0.5 }] };
    expect(runMarket(m, zero).years).toEqual(base.years);
    expect(runMarket(m, { ...BASE_SCENARIO, name: "again" }).years).toEqual(base.years);
  });

  it("σ = 0 keeps shares fixed under a price premium", () => {
    const m = inputs({ sigma: years.map(() => 0), priceElasticity: years.map(() => 0), baseCapacity: 1e6 });
    const base = runMarket(m, BASE_SCENARIO);
    const shocked = runMarket(m, premiumOnly(0.5));
    shocked.years.forEach((y, k) => expect(y.domesticShare).toBeCloseTo(base.years[k].domesticShare, 12));
  });

  it("a very large σ moves demand to the cheaper (domestic) source", () => {
    const m = inputs({ sigma: years.map(() => 200), priceElasticity: years.map(() => 0), baseCapacity: 1e6 });
    const shocked = runMarket(m, premiumOnly(0.2));
    for (const y of shocked.years) expect(y.domesticShare).toBeGreaterThan(0.999);
    const cheaper = runMarket(m, premiumOnly(-0.2));
    for (const y of cheaper.years) expect(y.domesticShare).toBeLessThan(0.001);
  });

  it("a negative price elasticity lowers demand when imports get dearer", () => {
    const m = inputs({ sigma: years.map(() => 0) });
    const y = runMarket(m, premiumOnly(0.5)).years[3];
    expect(y.demandAfterPrice).toBeLessThan(y.demand);
  });

  it("splits shocks over the years they cover", () => {
    const f = shockYearFractions({ origin: "China", cut: 0.8, months: 12, startYear: 2026, startMonth: 4, pricePremium: 0 }, [2025, 2026, 2027, 2028]);
    expect(f).toEqual([0, 9 / 12, 3 / 12, 0]);
  });

  it("an export-control cut creates a shortfall and raises domestic output where capacity is spare", () => {
    const m = inputs();
    const base = runMarket(m, BASE_SCENARIO);
    const severe = runMarket(m, defaultScenarios(params)[2]);
    const k2026 = years.indexOf(2026);
    const k2027 = years.indexOf(2027);
    // 2026: no spare capacity yet (plans start in 2027) -> imports lost are a shortfall
    expect(severe.years[k2026].shortfall).toBeGreaterThan(0);
    expect(severe.years[k2026].domesticOutput).toBeCloseTo(base.years[k2026].domesticOutput, 9);
    // 2027: the supported plans' capacity fills part of the cut
    const d = outputChange(m, severe, base);
    expect(d.tonnes[k2027]).toBeGreaterThan(0);
    expect(d.millionYen[k2027]).toBeCloseTo((d.tonnes[k2027] * 9000) / 1000, 9);
  });

  it("rejects bad inputs with the parameter named", () => {
    expect(() => runMarket(inputs({ maxUtilization: 1.5 }), BASE_SCENARIO)).toThrowError(/maxUtilization/);
    const bad: Scenario = { name: "x", label: { ja: "", en: "" }, shocks: [{ origin: "Mars", cut: 0.5, months: 3, startYear: 2026, startMonth: 1, pricePremium: 0 }] };
    expect(() => runMarket(inputs(), bad)).toThrowError(/Mars/);
  });
});

describe("uncertainty", () => {
  const base = defaultMarketParameters(params);
  const kpi2030 = (p: Record<string, number>) => {
    const r = runMarket(buildMarketInputs(p, years, supported, intensityFromDefaults(params)), BASE_SCENARIO);
    return { kpi2030: r.years[years.indexOf(2030)].kpi, demand2030: r.years[years.indexOf(2030)].demand };
  };
  const spread = (s: number) => [
    { key: "demand2024", distribution: { type: "triangular" as const, low: 12000 * (1 - s), mode: 12000, high: 12000 * (1 + s) } },
    { key: "growth", distribution: { type: "triangular" as const, low: 0.06 - 0.03 * s, mode: 0.06, high: 0.06 + 0.03 * s } },
  ];

  it("repeats bit for bit with the same seed and differs with another", () => {
    const a = monteCarlo(base, spread(1), kpi2030, { draws: 500, seed: 42 });
    const b = monteCarlo(base, spread(1), kpi2030, { draws: 500, seed: 42 });
    const c = monteCarlo(base, spread(1), kpi2030, { draws: 500, seed: 43 });
    expect(a.draws.kpi2030).toEqual(b.draws.kpi2030);
    expect(a.draws.kpi2030).not.toEqual(c.draws.kpi2030);
    expect(a.percentiles.kpi2030.p5).toBeLessThan(a.percentiles.kpi2030.p50);
    expect(a.percentiles.kpi2030.p50).toBeLessThan(a.percentiles.kpi2030.p95);
  });

  it("P50 converges to the deterministic result as the spreads shrink", () => {
    const det = kpi2030(base).kpi2030;
    const gaps = [1, 0.1, 0.01].map((s) => Math.abs(monteCarlo(base, spread(s), kpi2030, { draws: 400, seed: 7 }).percentiles.kpi2030.p50 - det));
    expect(gaps[1]).toBeLessThan(gaps[0]);
    expect(gaps[2]).toBeLessThan(gaps[1]);
    expect(gaps[2]).toBeLessThan(1e-3 * det);
  });

  it("tornado ranks parameters by swing", () => {
    const t = tornado(base, [
      { key: "growth", low: 0.03, high: 0.09 },
      { key: "demand2024", low: 10000, high: 15000 },
      { key: "globalGrowth1", low: 0.05, high: 0.1 },
    ], (p) => kpi2030(p).kpi2030);
    expect(t.bars[0].key).toBe("demand2024");
    expect(t.bars.find((b) => b.key === "globalGrowth1")!.swing).toBe(0);
    expect(t.base).toBeCloseTo(kpi2030(base).kpi2030, 12);
  });

  it("10,000 draws take seconds, not minutes", () => {
    const t0 = performance.now();
    monteCarlo(base, spread(1), kpi2030, { draws: 10_000, seed: 1 });
    expect(performance.now() - t0).toBeLessThan(30_000);
  });
});

describe("demand-share model: supply balance", () => {
  it("has no shortfall without a shock: imports serve what domestic capacity cannot", () => {
    const r = runMarket(inputs(), BASE_SCENARIO);
    for (const y of r.years) {
      expect(y.shortfall).toBeCloseTo(0, 9);
      expect(y.domesticSales + y.imports).toBeCloseTo(y.demandAfterPrice, 9);
    }
  });
});
