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
import type { DynamicSecurity } from "./dynamic";
import { type PriceEffect, priceEffect, type PriceSetup } from "./price";
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
  /** Each concordance sector's total output (table units per year) and label: the bound of what
   * it can lose (RESILIENCE.md 3: a sector cannot stop more output than it makes). */
  output: Map<number, { x: number; label: string }>;
  /** Employment is null when the table has no employment row (then reported as 0 with a flag). */
  hasEmployment: boolean;
}

export function unitLossesOf(model: IOModel, sectors: number[]): UnitLosses {
  const bySector = new Map<number, Losses>();
  const output = new Map<number, { x: number; label: string }>();
  let hasEmployment = true;
  for (const j of new Set(sectors)) {
    const dx = new Array<number>(model.n).fill(0);
    dx[j] = 1;
    const imp = impactOfOutput(model, dx);
    const s = (v: number[] | null) => (v ? v.reduce((a, b) => a + b, 0) : 0);
    if (!imp.direct.employment) hasEmployment = false;
    output.set(j, { x: model.x[j], label: model.sectors[j] });
    bySector.set(j, {
      output: s(imp.direct.output) + s(imp.firstIndirect.output),
      valueAdded: s(imp.direct.valueAdded) + s(imp.firstIndirect.valueAdded),
      compensation: s(imp.direct.compensation) + s(imp.firstIndirect.compensation),
      employment: s(imp.direct.employment) + s(imp.firstIndirect.employment),
    });
  }
  return { bySector, output, hasEmployment };
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
  /** The dynamic inoperability path (used when the parameter lossPath is 1); absent: static only. */
  dynamic?: DynamicSecurity;
  /** The cost-push price effect of the premium, or why there is none; absent: not reported. */
  price?: PriceSetup;
}

export interface CaseLoss {
  lostDownstream: number;
  losses: Losses;
  /** Dynamic path only: output lost by month from the event's start, and whether a sector's
   * inoperability was capped at 1. */
  path?: { byMonth: number[]; capped: boolean };
  /** The premium's price effect beside the quantities (null: no magnet sector or domestic-use table). */
  price: PriceEffect | null;
}

export interface ScenarioYear {
  year: number;
  without: EventSupply & CaseLoss;
  with: EventSupply & CaseLoss;
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
  /** 1/(1+r)^(year − base) by year: the factors the PV used (printed beside it). */
  discountFactors: number[];
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
  if (p.lossPath !== undefined) {
    if (p.lossPath !== 0 && p.lossPath !== 1) bad("lossPath", "0（静学: L による波及）か 1（動学: 回復を伴う不稼働率の経路）にしてください", "must be 0 (static, through L) or 1 (dynamic inoperability path with recovery)");
    if (p.lossPath === 1) {
      if (!input.dynamic) bad("lossPath", "動学の経路にはモデルが必要です", "the dynamic path needs the model");
      if (!finite("recoveryMonths") || p.recoveryMonths <= 0) bad("recoveryMonths", "0 より大きい月数にしてください", "must be a number of months above 0");
      if (!finite("horizonMonths") || p.horizonMonths < 0) bad("horizonMonths", "0 以上の月数にしてください", "must be a number of months ≥ 0");
    }
  }
  for (const k of dependentKeys(input)) {
    if (!finite(k) || p[k] < 0) bad(k, "磁石 1 t 当たりの川下生産額（百万円/t）は 0 以上にしてください", "downstream output per tonne (million yen per t) must be ≥ 0");
  }
}

/** "dependent:<application>" of each application, made once per input (the Monte Carlo checks
 * every draw's parameters). */
const dependentKeyCache = new WeakMap<SecurityInput, string[]>();
function dependentKeys(input: SecurityInput): string[] {
  let keys = dependentKeyCache.get(input);
  if (!keys) dependentKeyCache.set(input, (keys = input.applications.map((a) => `dependent:${a}`)));
  return keys;
}

/** Where the case is, for a refusal's message. */
interface CaseAt {
  scenario: { ja: string; en: string };
  year: number;
}

/** A sector cannot stop more output than it makes while the event lasts (its annual output ×
 * months / 12; the dynamic path refuses the same per period): a larger lost downstream output
 * means the downstream output per tonne is wrong for this table, and any loss from it would be a
 * wrong number. */
function checkWithinOutput(input: SecurityInput, lostBySector: Map<number, number>, event: DisruptionEvent, at: CaseAt): void {
  for (const [j, lost] of lostBySector) {
    const o = input.unit.output.get(j);
    if (!o) continue;
    const bound = (o.x * event.months) / 12;
    if (lost <= bound * (1 + 1e-12)) continue;
    const f = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 1 });
    throw new RippleError("security-loss-above-output", {
      ja: `シナリオ「${at.scenario.ja}」の ${at.year}年度: 部門「${o.label}」で止まる川下の生産額 ${f(lost)} が、途絶の ${event.months} か月にその部門が生産する額 ${f(bound)}（年間生産額 ${f(o.x)} × ${event.months}/12、表の単位）を超えます。この表には磁石 1 t 当たりの川下生産額（経済安全保障パラメータ）が大きすぎます。見直してください`,
      en: `scenario '${at.scenario.en}', FY${at.year}: the downstream output stopped in sector '${o.label}', ${f(lost)}, exceeds what the sector makes in the event's ${event.months} months, ${f(bound)} (annual output ${f(o.x)} × ${event.months}/12, table units). The downstream output per tonne (security parameters) is too large for this table; review it`,
    });
  }
}

function lossesOf(input: SecurityInput, supply: EventSupply, event: DisruptionEvent, p: Record<string, number>, withPrice: boolean, at: CaseAt): CaseLoss {
  const losses = zero();
  let lostDownstream = 0;
  const dynamic = p.lossPath === 1;
  const lostBySector = new Map<number, number>();
  supply.shortfallByApplication.forEach((t, a) => {
    const dx = t * p[`dependent:${input.applications[a]}`] * input.tableUnitsPerMillionYen;
    if (dx === 0) return;
    lostDownstream += dx;
    const j = input.sectorOfApplication[a];
    lostBySector.set(j, (lostBySector.get(j) ?? 0) + dx);
    addInto(losses, input.unit.bySector.get(j) as Losses, dx);
  });
  checkWithinOutput(input, lostBySector, event, at);
  const price = withPrice ? priceOf(input, supply, event) : null;
  if (!dynamic || lostBySector.size === 0) return { lostDownstream, losses, price };
  const dyn = input.dynamic as DynamicSecurity;
  const d = dyn.loss(lostBySector, event.months, p.recoveryMonths, p.horizonMonths);
  return { lostDownstream, losses: dyn.measures(d.outputBySector), path: { byMonth: d.byMonth, capped: d.capped }, price };
}

/** The premium on the imports still arriving, through the cost-push model, with the imported
 * share of the event's magnet supply (RESILIENCE.md 3: reported beside the quantities). */
function priceOf(input: SecurityInput, supply: EventSupply, event: DisruptionEvent): PriceEffect | null {
  if (!input.price?.ok || event.months === 0) return null;
  const supplied = supply.demand - supply.shortfall;
  return priceEffect(input.price.context, event.premium ?? 0, supplied > 0 ? supply.imports / supplied : 0);
}

/** The probabilities of the scenarios; "none" (probabilityKey null) takes the rest. */
export function scenarioProbabilities(input: SecurityInput, p: Record<string, number>): number[] {
  const named = input.scenarios.map((s) => (s.probabilityKey ? p[s.probabilityKey] : 0));
  const rest = 1 - named.reduce((a, b) => a + b, 0);
  return input.scenarios.map((s, i) => (s.probabilityKey ? named[i] : Math.max(0, rest)));
}

/** `options.price` false skips the price report (the Monte Carlo needs only the quantities). */
export function evaluateSecurity(input: SecurityInput, p: Record<string, number>, options: { price?: boolean } = {}): SecurityResult {
  const withPrice = options.price ?? true;
  checkSecurityParameters(input, p);
  const sp = supplyParams(p);
  const probs = scenarioProbabilities(input, p);
  const expected = input.years.map(zero);
  const scenarios: ScenarioResult[] = input.scenarios.map((s, si) => {
    const total = { shortfall: { without: 0, with: 0 }, without: zero(), with: zero(), avoided: zero() };
    const byYear = input.years.map((year, t) => {
      const wo = eventSupply(input.without[t], s.event, sp);
      const wi = eventSupply(input.with[t], s.event, sp);
      const at = { scenario: s.label, year };
      const without = { ...wo, ...lossesOf(input, wo, s.event, p, withPrice, at) };
      const withPlans = { ...wi, ...lossesOf(input, wi, s.event, p, withPrice, at) };
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
  const discountFactors = input.years.map((y) => 1 / Math.pow(1 + input.discountRate, y - input.baseYear));
  input.years.forEach((_, t) => addInto(pv, expected[t], discountFactors[t]));
  return {
    years: input.years,
    scenarios,
    expectedAnnualAvoided: expected,
    discountFactors,
    pvExpectedAvoided: pv,
    pvSubsidy: input.pvSubsidy,
    benefitCostRatio: input.pvSubsidy > 0 ? pv.valueAdded / input.pvSubsidy : null,
  };
}
