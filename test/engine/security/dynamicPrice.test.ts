// The two parts of the security loss RESILIENCE.md 3 adds to the static ripple: the dynamic
// inoperability path with recovery (hand-computed first steps on Miller & Blair's two sectors,
// and the section-5 check that the path sums to the static loss over an infinite horizon), and
// the premium through the cost-push price model with the event's imported share, without and
// with the plans (hand-computed 2 × 2 inverse on a competitive table with a magnet sector).
import { describe, expect, it } from "vitest";
import { IOModel } from "../../../src/engine/model/iomodel";
import {
  DynamicSecurity,
  evaluateSecurity,
  eventOf,
  PERIODS_PER_MONTH,
  priceContextOf,
  securityUncertainty,
  type SecurityInput,
  unitLossesOf,
  type YearFlows,
} from "../../../src/engine/security";
import { makeTable } from "../../../src/engine/table/types";
import { twoSector } from "./twoSector";

// A = [[0.15, 0.25], [0.2, 0.05]], x = (1000, 2000); VA ratios (0.65, 0.70).
const mb = IOModel.build(twoSector({ employment: false }));
const l11 = 0.95 / 0.7575;
const l21 = 0.2 / 0.7575;

describe("dynamic inoperability path of the lost downstream output", () => {
  // 10 百万円 of 製造業 output lost over 1 month: 4 quarter-month periods of c*_1 = 2.5 / (1000/48) = 0.12.
  // A* = x̂⁻¹Ax̂ = [[0.15, 0.5], [0.1, 0.05]]; recovery 12 months = 48 periods:
  // k_1 = ln 100 / (48 × 0.85), k_2 = ln 100 / (48 × 0.95).
  const dyn = new DynamicSecurity(mb);
  const k1 = Math.log(100) / (48 * 0.85);
  const k2 = Math.log(100) / (48 * 0.95);

  it("first steps by hand: q(1) = K c*, q(2) = q(1) + K(A* q(1) + c* − q(1)); loss = x q Δt", () => {
    expect(PERIODS_PER_MONTH).toBe(4);
    const r = dyn.loss(new Map([[0, 10]]), 1, 12, 0);
    const q1 = [k1 * 0.12, 0];
    const q2 = [q1[0] + k1 * (0.15 * q1[0] + 0.12 - q1[0]), k2 * (0.1 * q1[0])];
    const q3 = [q2[0] + k1 * (0.15 * q2[0] + 0.5 * q2[1] + 0.12 - q2[0]), q2[1] + k2 * (0.1 * q2[0] + 0.05 * q2[1] - q2[1])];
    const q4 = [q3[0] + k1 * (0.15 * q3[0] + 0.5 * q3[1] + 0.12 - q3[0]), q3[1] + k2 * (0.1 * q3[0] + 0.05 * q3[1] - q3[1])];
    // horizon 0: only the event's month is counted
    const month = [q1, q2, q3, q4].reduce((a, q) => a + (1000 * q[0] + 2000 * q[1]) / 48, 0);
    expect(r.byMonth).toHaveLength(1);
    expect(r.byMonth[0]).toBeCloseTo(month, 12);
    expect(r.outputBySector[0]).toBeCloseTo([q1, q2, q3, q4].reduce((a, q) => a + (1000 * q[0]) / 48, 0), 12);
    expect(r.capped).toBe(false);
  });

  it("RESILIENCE.md 5: over a long horizon the path sums to the static loss L·Δx; a finite one leaves out the tail", () => {
    const long = dyn.loss(new Map([[0, 10]]), 6, 12, 240);
    const staticOutput = 10 * (l11 + l21);
    expect(long.outputBySector[0] + long.outputBySector[1]).toBeCloseTo(staticOutput, 9);
    expect(dyn.measures(long.outputBySector).valueAdded).toBeCloseTo(10 * (0.65 * l11 + 0.7 * l21), 9);
    const short = dyn.loss(new Map([[0, 10]]), 6, 12, 3);
    const sum = short.outputBySector[0] + short.outputBySector[1];
    expect(sum).toBeLessThan(staticOutput);
    expect(sum).toBeGreaterThan(0.5 * staticOutput);
    // the loss by month sums to the total, and falls after the event ends
    expect(short.byMonth.reduce((a, b) => a + b, 0)).toBeCloseTo(sum, 12);
    expect(short.byMonth).toHaveLength(9);
    expect(short.byMonth[6]).toBeLessThan(short.byMonth[5]);
    // linear while uncapped: twice the loss, twice the path
    const twice = dyn.loss(new Map([[0, 20]]), 6, 12, 3);
    expect(twice.outputBySector[0]).toBeCloseTo(2 * short.outputBySector[0], 9);
  });

  it("a perturbation beyond the sector's output in the event is refused, not capped silently", () => {
    // 600 over 6 months is more than 製造業's 500 of output in 6 months
    expect(() => dyn.loss(new Map([[0, 600]]), 6, 12, 24)).toThrow(/exceeds the sector's output|生産額を超えます/);
  });

  it("in the evaluation: lossPath 1 with a long horizon gives the static losses; the path's parameters are not drawn", () => {
    const flows = (supported: number): YearFlows => ({ year: 2026, demandByApplication: [60, 40], importsByOrigin: [50], exports: 20, existingCapacity: 70, supportedCapacity: supported });
    const input: SecurityInput = {
      years: [2026],
      without: [flows(0)],
      with: [flows(30)],
      applications: ["a", "b"],
      sectorOfApplication: [0, 0],
      scenarios: [{ id: "severe", label: { ja: "深刻", en: "severe" }, event: { months: 6, cutByOrigin: [0.8] }, probabilityKey: "probability:severe" }],
      unit: unitLossesOf(mb, [0]),
      tableUnitsPerMillionYen: 1,
      discountRate: 0.04,
      baseYear: 2026,
      pvSubsidy: 10,
      dynamic: new DynamicSecurity(mb),
    };
    const p = { surgeUtilization: 1, planUtilization: 1, inventoryMonths: 0, otherOriginsSpare: 0, "dependent:a": 1, "dependent:b": 0.5, "probability:severe": 0.1 };
    const st = evaluateSecurity(input, p).scenarios[0].byYear[0];
    const dy = evaluateSecurity(input, { ...p, lossPath: 1, recoveryMonths: 12, horizonMonths: 240 }).scenarios[0].byYear[0];
    // 12 t × 1 + 8 t × 0.5 = 16 lost without, 5 t → 4 with
    expect(st.without.lostDownstream).toBeCloseTo(16, 12);
    expect(dy.without.losses.output).toBeCloseTo(st.without.losses.output, 8);
    expect(dy.with.losses.valueAdded).toBeCloseTo(st.with.losses.valueAdded, 8);
    expect(dy.without.path?.byMonth).toHaveLength(246);
    expect(st.without.path).toBeUndefined();
    const short = evaluateSecurity(input, { ...p, lossPath: 1, recoveryMonths: 12, horizonMonths: 0 }).scenarios[0].byYear[0];
    expect(short.avoided.valueAdded).toBeLessThan(st.avoided.valueAdded);
    expect(() => evaluateSecurity(input, { ...p, lossPath: 2, recoveryMonths: 12, horizonMonths: 0 })).toThrow(/lossPath/);
    expect(securityUncertainty(input, { ...p, recoveryMonths: 12 }).map((u) => u.key)).not.toContain("recoveryMonths");
    expect(securityUncertainty(input, { ...p, lossPath: 1, recoveryMonths: 12, horizonMonths: 24 }).map((u) => u.key).sort()).toEqual(
      ["inventoryMonths", "otherOriginsSpare", "planUtilization", "probability:severe", "surgeUtilization"].sort(),
    );
  });
});

// Competitive table with a magnet sector: Z = [[300, 10], [20, 2]], x = (1000, 40); imports 210
// and 10, exports 100 and 28. A = [[0.3, 0.25], [0.02, 0.05]]; m = (210 / 1110, 10 / 22).
const magnet = IOModel.build(
  makeTable({
    sectors: ["製造業", "ネオジム磁石"],
    Z: [
      [300, 10],
      [20, 2],
    ],
    x: [1000, 40],
    finalDemand: [
      { role: "fd:household", values: [800, 0] },
      { role: "export", values: [100, 28] },
      { role: "import", values: [-210, -10] },
    ],
    primaryInputs: [{ role: "va:other", values: [680, 28] }],
    importType: "competitive",
    unit: "百万円",
  }),
);

describe("the premium through the cost-push price model", () => {
  // Δp' = s a_k· L with s = premium × imported share and L = [I − (I − M̂)A]⁻¹, by hand.
  const m0 = 210 / 1110;
  const m1 = 10 / 22;
  const Ad = [
    [(1 - m0) * 0.3, (1 - m0) * 0.25],
    [(1 - m1) * 0.02, (1 - m1) * 0.05],
  ];
  const det = (1 - Ad[0][0]) * (1 - Ad[1][1]) - Ad[0][1] * Ad[1][0];
  const L = [
    [(1 - Ad[1][1]) / det, Ad[0][1] / det],
    [Ad[1][0] / det, (1 - Ad[0][0]) / det],
  ];
  const unit = [0.02 * L[0][0] + 0.05 * L[1][0], 0.02 * L[0][1] + 0.05 * L[1][1]];

  it("finds the magnet sector and solves the unit price effect once", () => {
    const s = priceContextOf(magnet);
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(s.context.magnetSector).toBe(1);
    expect(s.context.unit[0]).toBeCloseTo(unit[0], 12);
    expect(s.context.unit[1]).toBeCloseTo(unit[1], 12);
    // about +0.68% and +1.43% for a +50% premium on half the magnets
    expect(0.25 * 100 * unit[0]).toBeCloseTo(0.6813, 3);
  });

  it("no magnet sector or a domestic-use table: no price effect, with the reason", () => {
    const a = priceContextOf(mb);
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.reason.en).toMatch(/domestic-use/);
  });

  it("the event's premium is the sheet's premium × the origin's share, spread over the event; the plans lower the imported share", () => {
    const ev = eventOf(
      { name: "x", label: { ja: "x", en: "x" }, shocks: [{ origin: "China", cut: 0.8, months: 6, startYear: 2026, startMonth: 4, pricePremium: 0.5 }, { origin: "China", cut: 0.5, months: 3, startYear: 2026, startMonth: 4, pricePremium: 0.2 }] },
      [{ name: "China", share: 0.9 }, { name: "Other", share: 0.1 }],
    ).event;
    expect(ev.months).toBe(6);
    expect(ev.premium).toBeCloseTo(0.5 * 0.9 + 0.2 * 0.9 * 0.5, 15);
    expect(ev.cutByOrigin).toEqual([1, 0]);

    const flows = (supported: number): YearFlows => ({ year: 2026, demandByApplication: [60, 40], importsByOrigin: [50], exports: 20, existingCapacity: 70, supportedCapacity: supported });
    const setup = priceContextOf(magnet);
    const input: SecurityInput = {
      years: [2026],
      without: [flows(0)],
      with: [flows(30)],
      applications: ["a", "b"],
      sectorOfApplication: [0, 0],
      scenarios: [{ id: "p", label: { ja: "p", en: "p" }, event: { months: 6, cutByOrigin: [0.8], premium: 0.5 }, probabilityKey: "probability:p" }],
      unit: unitLossesOf(magnet, [0]),
      tableUnitsPerMillionYen: 1,
      discountRate: 0.04,
      baseYear: 2026,
      pvSubsidy: 10,
      price: setup,
    };
    const p = { surgeUtilization: 1, planUtilization: 1, inventoryMonths: 0, otherOriginsSpare: 0, "dependent:a": 1, "dependent:b": 0.5, "probability:p": 0.1 };
    const y = evaluateSecurity(input, p).scenarios[0].byYear[0];
    // without: supplied 50 − 20 = 30 t of which 5 imported; with: 50 − 5 = 45 t of which 5 imported
    expect(y.without.price?.importShare).toBeCloseTo(5 / 30, 15);
    expect(y.with.price?.importShare).toBeCloseTo(5 / 45, 15);
    expect(y.without.price?.percent[0]).toBeCloseTo(100 * 0.5 * (5 / 30) * unit[0], 12);
    expect(y.with.price?.percent[1]).toBeCloseTo(100 * 0.5 * (5 / 45) * unit[1], 12);
    // the quantities do not change with the price report
    expect(y.without.losses.output).toBeCloseTo(16 * (unitLossesOf(magnet, [0]).bySector.get(0)!.output), 9);
  });
});
