// The economic-security value of the supported plans (RESILIENCE.md 3–4): every scenario in every
// fiscal year, without and with the plans' capacity → shortfall by application → the downstream
// output that stops (application → IO sector, 百万円 per tonne) → its backward ripple through L
// (direct + first indirect effect of a production change: suppliers lose orders) → loss in
// output, gross value added, compensation and jobs; avoided = without − with; expected annual
// avoided loss = Σ_s p_s × avoided_s,t; PV at the evaluation's rate; B/C (economic security) =
// PV(expected avoided GVA) / PV(subsidy). The effect is linear in the lost output, so the effect
// of one table unit of lost output per sector is solved once and scaled (Monte Carlo stays cheap).

import { RippleError } from "../errors";
import { impactOfOutput } from "../model/impact";
import type { IOModel } from "../model/iomodel";
import { type DisruptionEvent, eventSupply, type EventSupply, type SupplyParams, type YearFlows } from "./supply";

export type LossMeasure = "output" | "valueAdded" | "compensation" | "employment";
export const LOSS_MEASURES: LossMeasure[] = ["output", "valueAdded", "compensation", "employment"];
export type Losses = Record<LossMeasure, number>;

export interface SecurityScenario {
  id: string;
  label: { ja: string; en: string };
  event: DisruptionEvent;
  /** Key of its probability in the parameter record ("probability:<id>"); "none" has none. */
  probabilityKey: string | null;
}

/** Loss per table unit of lost output of each sector (direct + first indirect), once per table. */
export interface UnitLosses {
  bySector: Map<number, Losses>;
  /** Employment is null when the table has no employment row (then reported as 0 with a flag). */
  hasEmployment: boolean;
}

export function unitLossesOf(model: IOModel, sectors: number[]): UnitLosses {
  const bySector = new Map<number, Losses>();
  let hasEmployment = true;
  for (const j of new Set(sectors)) {
    const dx = new Array<number>(model.n).fill(0);
    dx[j] = 1;
    const imp = impactOfOutput(model, dx);
    const s = (v: number[] | null) => (v ? v.reduce((a, b) => a + b, 0) : 0);
    if (!imp.direct.employment) hasEmployment = false;
    bySector.set(j, {
      output: s(imp.direct.output) + s(imp.firstIndirect.output),
      valueAdded: s(imp.direct.valueAdded) + s(imp.firstIndirect.valueAdded),
      compensation: s(imp.direct.compensation) + s(imp.firstIndirect.compensation),
      employment: s(imp.direct.employment) + s(imp.firstIndirect.employment),
    });
  }
  return { bySector, hasEmployment };
}

export interface SecurityInput {
  /** Fiscal years evaluated (each with flows without and with the plans). */
  years: number[];
  without: YearFlows[];
  with: YearFlows[];
  applications: string[];
  /** IO sector index of each application (the concordance). */
  sectorOfApplication: number[];
  scenarios: SecurityScenario[];
  unit: UnitLosses;
  /** Table units per 百万円 (1 for tables in 百万円). */
  tableUnitsPerMillionYen: number;
  discountRate: number;
  baseYear: number;
  pvSubsidy: number;
}

export interface ScenarioYear {
  year: number;
  without: EventSupply & { lostDownstream: number; losses: Losses };
  with: EventSupply & { lostDownstream: number; losses: Losses };
  avoided: Losses;
}

export interface ScenarioResult {
  id: string;
  label: { ja: string; en: string };
  probability: number;
  event: DisruptionEvent;
  byYear: ScenarioYear[];
  /** Sums over the evaluation years (the loss if the event struck in each year). */
  total: { shortfall: { without: number; with: number }; without: Losses; with: Losses; avoided: Losses };
}

export interface SecurityResult {
  years: number[];
  scenarios: ScenarioResult[];
  /** Σ_s p_s × avoided_s,t by year, per measure. */
  expectedAnnualAvoided: Losses[];
  pvExpectedAvoided: Losses;
  pvSubsidy: number;
  /** PV(expected avoided gross value added) / PV(subsidy); null without a subsidy. */
  benefitCostRatio: number | null;
}

const zero = (): Losses => ({ output: 0, valueAdded: 0, compensation: 0, employment: 0 });
const addInto = (a: Losses, b: Losses, k = 1): void => {
  for (const m of LOSS_MEASURES) a[m] += k * b[m];
};

/** Supply params from the flat record. */
export function supplyParams(p: Record<string, number>): SupplyParams {
  return {
    surgeUtilization: p.surgeUtilization,
    planUtilization: p.planUtilization,
    inventoryMonths: p.inventoryMonths,
    otherOriginsSpare: p.otherOriginsSpare,
  };
}

/** Check the parameters a reviewer may edit: a wrong number is worse than a refusal. */
export function checkSecurityParameters(input: SecurityInput, p: Record<string, number>): void {
  const bad = (key: string, ja: string, en: string) => {
    throw new RippleError("security-parameter", { ja: `${key}: ${ja}`, en: `${key}: ${en}` });
  };
  const finite = (k: string) => typeof p[k] === "number" && Number.isFinite(p[k]);
  for (const k of ["surgeUtilization", "planUtilization", "inventoryMonths", "otherOriginsSpare"])
    if (!finite(k) || p[k] < 0) bad(k, "0 以上の数値にしてください", "must be a number ≥ 0");
  let total = 0;
  for (const s of input.scenarios) {
    if (!s.probabilityKey) continue;
    const v = p[s.probabilityKey];
    if (!finite(s.probabilityKey) || v < 0 || v > 1) bad(s.probabilityKey, "年発生確率は 0〜1 にしてください", "an annual probability must be between 0 and 1");
    total += v;
  }
  if (total > 1 + 1e-12)
    bad("probability", `シナリオの年発生確率の合計 ${total} が 1 を超えています`, `the scenarios' annual probabilities add up to ${total}, above 1`);
  input.applications.forEach((a) => {
    const k = `dependent:${a}`;
    if (!finite(k) || p[k] < 0) bad(k, "磁石 1 t 当たりの川下生産額（百万円/t）は 0 以上にしてください", "downstream output per tonne (million yen per t) must be ≥ 0");
  });
}

function lossesOf(input: SecurityInput, supply: EventSupply, p: Record<string, number>): { lostDownstream: number; losses: Losses } {
  const losses = zero();
  let lostDownstream = 0;
  supply.shortfallByApplication.forEach((t, a) => {
    const dx = t * p[`dependent:${input.applications[a]}`] * input.tableUnitsPerMillionYen;
    if (dx === 0) return;
    lostDownstream += dx;
    addInto(losses, input.unit.bySector.get(input.sectorOfApplication[a]) as Losses, dx);
  });
  return { lostDownstream, losses };
}

/** The probabilities of the scenarios; "none" (probabilityKey null) takes the rest. */
export function scenarioProbabilities(input: SecurityInput, p: Record<string, number>): number[] {
  const named = input.scenarios.map((s) => (s.probabilityKey ? p[s.probabilityKey] : 0));
  const rest = 1 - named.reduce((a, b) => a + b, 0);
  return input.scenarios.map((s, i) => (s.probabilityKey ? named[i] : Math.max(0, rest)));
}

export function evaluateSecurity(input: SecurityInput, p: Record<string, number>): SecurityResult {
  checkSecurityParameters(input, p);
  const sp = supplyParams(p);
  const probs = scenarioProbabilities(input, p);
  const expected = input.years.map(zero);
  const scenarios: ScenarioResult[] = input.scenarios.map((s, si) => {
    const total = { shortfall: { without: 0, with: 0 }, without: zero(), with: zero(), avoided: zero() };
    const byYear = input.years.map((year, t) => {
      const wo = eventSupply(input.without[t], s.event, sp);
      const wi = eventSupply(input.with[t], s.event, sp);
      const without = { ...wo, ...lossesOf(input, wo, p) };
      const withPlans = { ...wi, ...lossesOf(input, wi, p) };
      const avoided = zero();
      addInto(avoided, without.losses);
      addInto(avoided, withPlans.losses, -1);
      total.shortfall.without += wo.shortfall;
      total.shortfall.with += wi.shortfall;
      addInto(total.without, without.losses);
      addInto(total.with, withPlans.losses);
      addInto(total.avoided, avoided);
      addInto(expected[t], avoided, probs[si]);
      return { year, without, with: withPlans, avoided };
    });
    return { id: s.id, label: s.label, probability: probs[si], event: s.event, byYear, total };
  });
  const pv = zero();
  input.years.forEach((y, t) => addInto(pv, expected[t], 1 / Math.pow(1 + input.discountRate, y - input.baseYear)));
  return {
    years: input.years,
    scenarios,
    expectedAnnualAvoided: expected,
    pvExpectedAvoided: pv,
    pvSubsidy: input.pvSubsidy,
    benefitCostRatio: input.pvSubsidy > 0 ? pv.valueAdded / input.pvSubsidy : null,
  };
}
