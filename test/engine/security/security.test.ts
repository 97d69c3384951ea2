// The economic-security evaluation (RESILIENCE.md) on two-sector hand examples, one step at a
// time: supply and shortfall, concordance, the ripple through L, with and without the plans, the
// expectation over scenarios, the present value and the B/C; and the limiting cases of section 5.
import { describe, expect, it } from "vitest";
import { RippleError } from "../../../src/engine/errors";
import { IOModel } from "../../../src/engine/model/iomodel";
import {
  concordanceSector,
  type DisruptionEvent,
  evaluateSecurity,
  eventSupply,
  securityMonteCarlo,
  type SecurityInput,
  type SupplyParams,
  unitLossesOf,
  type YearFlows,
} from "../../../src/engine/security";
import { twoSector } from "./twoSector";

// A = [[0.15, 0.25], [0.2, 0.05]] (Miller & Blair's ch. 2 coefficients), x = (1000, 2000),
// value added (0.65, 0.70) of which compensation (0.3, 0.4), jobs (0.01, 0.02) per 百万円.
// L = [[0.95, 0.25], [0.2, 0.85]] / 0.7575.
const model = IOModel.build(twoSector());
const l11 = 0.95 / 0.7575;
const l21 = 0.2 / 0.7575;

// Two applications (60 and 40 t/yr), imports from one origin 50 t/yr, exports 20 t/yr, existing
// capacity 70 t/yr (so 50 t/yr sold at home in normal times).
const flows = (supported: number): YearFlows => ({
  year: 2026,
  demandByApplication: [60, 40],
  importsByOrigin: [50],
  exports: 20,
  existingCapacity: 70,
  supportedCapacity: supported,
});
const bare: SupplyParams = { surgeUtilization: 1, planUtilization: 1, inventoryMonths: 0, otherOriginsSpare: 0 };
const cut80for6: DisruptionEvent = { months: 6, cutByOrigin: [0.8] };

describe("step 1: supply in a disruption and the shortfall by application", () => {
  it("no inventory, no other origins: demand 50, domestic 25, imports 5 → shortfall 20 t", () => {
    const s = eventSupply(flows(0), cut80for6, bare);
    expect(s.demand).toBe(50);
    expect(s.domestic).toBe(25); // (70 − 20) × 6/12
    expect(s.imports).toBeCloseTo(5, 12); // 50 × 0.2 × 6/12
    expect(s.shortfall).toBeCloseTo(20, 12);
    expect(s.unmetShare).toBeCloseTo(0.4, 12);
    expect(s.shortfallByApplication[0]).toBeCloseTo(12, 12); // 60 × 6/12 × 0.4
    expect(s.shortfallByApplication[1]).toBeCloseTo(8, 12);
  });

  it("inventory (1 month = 8.33 t), other origins (12 t/yr = 6 t) and surge output reduce it", () => {
    expect(eventSupply(flows(0), cut80for6, { ...bare, inventoryMonths: 1 }).shortfall).toBeCloseTo(20 - 100 / 12, 12);
    expect(eventSupply(flows(0), cut80for6, { ...bare, otherOriginsSpare: 12 }).shortfall).toBeCloseTo(14, 12);
    // surge 1.1: (77 − 20) × 0.5 = 28.5 → 50 − 28.5 − 5 = 16.5
    expect(eventSupply(flows(0), cut80for6, { ...bare, surgeUtilization: 1.1 }).shortfall).toBeCloseTo(16.5, 12);
  });

  it("the plans' capacity: 30 t/yr leaves 5 t; 40 t/yr (20 t over the event ≥ the shortfall) leaves none", () => {
    expect(eventSupply(flows(30), cut80for6, bare).shortfall).toBeCloseTo(5, 12);
    expect(eventSupply(flows(40), cut80for6, bare).shortfall).toBe(0);
  });

  it("no disruption gives no shortfall (no cut, or no months)", () => {
    expect(eventSupply(flows(0), { months: 6, cutByOrigin: [0] }, bare).shortfall).toBe(0);
    expect(eventSupply(flows(0), { months: 0, cutByOrigin: [0.8] }, bare).shortfall).toBe(0);
  });
});

describe("step 2: concordance and the ripple through L", () => {
  it("finds the downstream sector by label, falling back to manufacturing", () => {
    expect(concordanceSector(model, ["輸送機械", "製造業"])).toBe(0);
    expect(concordanceSector(model, ["サービス"])).toBe(1);
    expect(concordanceSector(model, ["輸送機械"])).toBeNull();
  });

  it("one 百万円 of lost manufacturing output: output L·1 = 1.5182, GVA 1.0, compensation 0.4818, jobs 0.0178", () => {
    const u = unitLossesOf(model, [0]).bySector.get(0)!;
    expect(u.output).toBeCloseTo(l11 + l21, 12);
    expect(u.valueAdded).toBeCloseTo(0.65 * l11 + 0.7 * l21, 12);
    expect(u.valueAdded).toBeCloseTo(1, 12); // no imports: all of final output's value is domestic value added
    expect(u.compensation).toBeCloseTo(0.3 * l11 + 0.4 * l21, 12);
    expect(u.employment).toBeCloseTo(0.01 * l11 + 0.02 * l21, 12);
  });
});

// Both applications' products are made by 製造業: 10 and 5 百万円 of output per tonne missing (the
// sector makes 1,000 a year, 500 over a 6-month event: the most it can lose).
function input(scenarios: SecurityInput["scenarios"], supported = 30): SecurityInput {
  return {
    years: [2026, 2027],
    without: [flows(0), { ...flows(0), year: 2027 }],
    with: [flows(supported), { ...flows(supported), year: 2027 }],
    applications: ["a", "b"],
    sectorOfApplication: [0, 0],
    scenarios,
    unit: unitLossesOf(model, [0]),
    tableUnitsPerMillionYen: 1,
    discountRate: 0.04,
    baseYear: 2026,
    pvSubsidy: 1000,
  };
}
const none = { id: "none", label: { ja: "途絶なし", en: "none" }, event: { months: 0, cutByOrigin: [0] }, probabilityKey: null };
const severe = { id: "severe", label: { ja: "深刻", en: "severe" }, event: cut80for6, probabilityKey: "probability:severe" };
const params = (p: Record<string, number> = {}) => ({
  ...bare,
  "dependent:a": 10,
  "dependent:b": 5,
  "probability:severe": 0.1,
  ...p,
});

describe("steps 3–5: with and without the plans, expectation, present value, B/C", () => {
  const r = evaluateSecurity(input([none, severe]), params());
  const sv = r.scenarios[1];

  it("lost downstream output = shortfall by application × output per tonne; losses through L", () => {
    // without: 12 t × 10 + 8 t × 5 = 160 百万円 of 製造業 output; with (5 t): 3 × 10 + 2 × 5 = 40
    expect(sv.byYear[0].without.lostDownstream).toBeCloseTo(160, 9);
    expect(sv.byYear[0].with.lostDownstream).toBeCloseTo(40, 9);
    expect(sv.byYear[0].without.losses.output).toBeCloseTo(160 * (l11 + l21), 9);
    expect(sv.byYear[0].without.losses.valueAdded).toBeCloseTo(160, 9);
    expect(sv.byYear[0].with.losses.valueAdded).toBeCloseTo(40, 9);
    expect(sv.byYear[0].avoided.valueAdded).toBeCloseTo(120, 9);
    expect(sv.byYear[0].avoided.employment).toBeCloseTo(120 * (0.01 * l11 + 0.02 * l21), 9);
  });

  it("the severe scenario loses output without the plans and less with them; no disruption loses nothing", () => {
    expect(sv.total.without.output).toBeGreaterThan(sv.total.with.output);
    expect(sv.total.with.output).toBeGreaterThan(0);
    const n = r.scenarios[0];
    expect(n.probability).toBeCloseTo(0.9, 15);
    expect(n.total.without).toEqual({ output: 0, valueAdded: 0, compensation: 0, employment: 0 });
    expect(n.total.avoided.valueAdded).toBe(0);
  });

  it("expected annual avoided loss = Σ p × avoided; PV at 4% to the base year; B/C = PV ÷ PV(subsidy)", () => {
    for (let t = 0; t < 2; t++)
      expect(r.expectedAnnualAvoided[t].valueAdded).toBeCloseTo(0.9 * 0 + 0.1 * sv.byYear[t].avoided.valueAdded, 12);
    expect(r.expectedAnnualAvoided[0].valueAdded).toBeCloseTo(12, 9);
    expect(r.pvExpectedAvoided.valueAdded).toBeCloseTo(12 + 12 / 1.04, 9);
    expect(r.benefitCostRatio).toBeCloseTo((12 + 12 / 1.04) / 1000, 12);
  });
});

describe("RESILIENCE.md 5: the limiting cases", () => {
  it("no disruption → zero loss and zero avoided loss, B/C 0", () => {
    const r = evaluateSecurity(input([none]), params());
    expect(r.expectedAnnualAvoided.every((e) => e.valueAdded === 0 && e.output === 0)).toBe(true);
    expect(r.benefitCostRatio).toBe(0);
  });

  it("supported capacity ≥ the shortfall → the whole loss is avoided", () => {
    const r = evaluateSecurity(input([none, severe], 40), params());
    const s = r.scenarios[1].byYear[0];
    expect(s.with.shortfall).toBe(0);
    expect(s.avoided).toEqual(s.without.losses);
  });

  it("loss grows with the cut, the duration and the dependent share; avoided loss grows with the plans' capacity", () => {
    const loss = (ev: DisruptionEvent, p = params(), supported = 30) =>
      evaluateSecurity(input([none, { ...severe, event: ev }], supported), p).scenarios[1].total;
    expect(loss({ months: 6, cutByOrigin: [0.9] }).without.output).toBeGreaterThan(loss(cut80for6).without.output);
    expect(loss({ months: 9, cutByOrigin: [0.8] }).without.output).toBeGreaterThan(loss(cut80for6).without.output);
    expect(loss(cut80for6, params({ "dependent:a": 20 })).without.output).toBeGreaterThan(loss(cut80for6).without.output);
    expect(loss(cut80for6, params(), 35).avoided.output).toBeGreaterThan(loss(cut80for6, params(), 30).avoided.output);
    expect(loss(cut80for6, params(), 0).avoided.output).toBe(0);
  });

  it("refuses a lost downstream output above what the sector makes during the event, naming the sector, scenario and year", () => {
    // 12 t × 30 + 8 t × 5 = 400 ≤ 500 (製造業's 1,000 a year × 6/12): a number
    expect(evaluateSecurity(input([none, severe]), params({ "dependent:a": 30 })).scenarios[1].byYear[0].without.lostDownstream).toBeCloseTo(400, 9);
    // 12 t × 40 + 8 t × 5 = 520 > 500: refused, not a loss
    const refusal = () => evaluateSecurity(input([none, severe]), params({ "dependent:a": 40 }));
    expect(refusal).toThrow(/scenario 'severe', FY2026: the downstream output stopped in sector '製造業', 520, exceeds what the sector makes in the event's 6 months, 500/);
    try {
      refusal();
    } catch (e) {
      expect((e as RippleError).code).toBe("security-loss-above-output");
      expect((e as RippleError).text.ja).toContain("シナリオ「深刻」の 2026年度: 部門「製造業」");
    }
    // a 12-month event: the bound is the whole year's output, 1,000 (24 t × 40 + 16 t × 5 = 1,040 > 1,000)
    const year = { ...severe, event: { months: 12, cutByOrigin: [0.8] } };
    expect(() => evaluateSecurity(input([none, year]), params({ "dependent:a": 40 }))).toThrow(/1,040, exceeds .* 12 months, 1,000/);
  });

  it("refuses probabilities that add up to more than 1 and negative parameters, naming them", () => {
    expect(() => evaluateSecurity(input([none, severe]), params({ "probability:severe": 1.2 }))).toThrow(/probability:severe/);
    expect(() => evaluateSecurity(input([none, severe]), params({ inventoryMonths: -1 }))).toThrow(/inventoryMonths/);
  });
});

describe("step 6: Monte Carlo over the judgement parameters", () => {
  const inp = input([none, severe]);
  const p = { ...params(), planUtilization: 1 };

  it("repeats exactly with its seed, differs with another; P5 ≤ P50 ≤ P95; P(B/C ≥ 1) from the draws", () => {
    const a = securityMonteCarlo(inp, p, { draws: 500, seed: 7 })!;
    const b = securityMonteCarlo(inp, p, { draws: 500, seed: 7 })!;
    const c = securityMonteCarlo(inp, p, { draws: 500, seed: 8 })!;
    expect(b.benefitCostRatio).toEqual(a.benefitCostRatio);
    expect(b.probabilityAtLeastOne).toBe(a.probabilityAtLeastOne);
    expect(c.benefitCostRatio.mean).not.toBe(a.benefitCostRatio.mean);
    expect(a.benefitCostRatio.p5).toBeLessThanOrEqual(a.benefitCostRatio.p50);
    expect(a.benefitCostRatio.p50).toBeLessThanOrEqual(a.benefitCostRatio.p95);
    expect(a.probabilityAtLeastOne).toBeGreaterThanOrEqual(0);
    expect(a.probabilityAtLeastOne).toBeLessThanOrEqual(1);
    // every judgement parameter the input uses is drawn, triangular around the value in use
    expect(a.uncertain.map((u) => u.key).sort()).toEqual(
      ["dependent:a", "dependent:b", "inventoryMonths", "otherOriginsSpare", "planUtilization", "probability:severe", "surgeUtilization"].filter((k) =>
        a.uncertain.some((u) => u.key === k),
      ),
    );
    expect(a.uncertain.find((u) => u.key === "probability:severe")!.distribution).toEqual({ type: "triangular", low: 0.01, mode: 0.1, high: 0.1 });
  });

  it("the tornado: B/C is linear in the severe probability, so its bar spans exactly p_low and p_high", () => {
    const mc = securityMonteCarlo(inp, p, { draws: 10, seed: 1 })!;
    const bar = mc.tornado.bars.find((b) => b.key === "probability:severe")!;
    const base = evaluateSecurity(inp, p).benefitCostRatio!;
    expect(mc.tornado.base).toBe(base);
    expect(bar.outputLow).toBeCloseTo((base * 0.01) / 0.1, 12);
    expect(bar.outputHigh).toBeCloseTo(base, 12);
    for (let i = 1; i < mc.tornado.bars.length; i++) expect(mc.tornado.bars[i - 1].swing).toBeGreaterThanOrEqual(mc.tornado.bars[i].swing);
  });

  it("no subsidy: no B/C and no Monte Carlo", () => {
    expect(securityMonteCarlo({ ...inp, pvSubsidy: 0 }, p)).toBeNull();
    expect(evaluateSecurity({ ...inp, pvSubsidy: 0 }, p).benefitCostRatio).toBeNull();
  });
});
