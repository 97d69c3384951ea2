// The dynamic inoperability path of a security loss (RESILIENCE.md 3, MODELS.md 5), an option
// beside the static ripple through L: the downstream output that stops during the event is the
// perturbation c*(t) of its sector, spread evenly over the event's months; sectors move towards
// their new level at the speed their resilience allows (Lian & Haimes 2006, k_i from a recovery
// time, the same for every sector: a judgement parameter), and the loss is counted over the event
// and a horizon after it. Over an infinite horizon the path sums to the static loss L·Δx
// (Σ_t q(t) = (I − A*)⁻¹ Σ_t c*(t)); a finite horizon leaves out the tail of the recovery, and
// the path shows when the loss falls.
//
// Periods are quarter months: resilience k_i = ln(100) / (T_i (1 − a*_ii)) must stay ≤ 1 for the
// period-by-period model, and with monthly periods a recovery of under a year already breaks it.

import { RippleError } from "../errors";
import { dynamicInoperability, inoperabilityFromModel, type InoperabilitySystem, resilienceFromRecovery } from "../disruption/inoperability";
import { stageOf } from "../model/impact";
import type { IOModel } from "../model/iomodel";

export const PERIODS_PER_MONTH = 4;

export interface DynamicLoss {
  /** Output lost by sector over the event and the horizon (table units). */
  outputBySector: number[];
  /** Output lost by month, summed over sectors. */
  byMonth: number[];
  /** True when a sector's inoperability reached 1 and was capped (the loss then is the capped path's). */
  capped: boolean;
}

interface Unit {
  outputBySector: number[];
  byMonth: number[];
  /** max_t q_i(t) for one table unit of lost output. */
  maxQ: number[];
}

export class DynamicSecurity {
  readonly sys: InoperabilitySystem;
  private readonly memo = new Map<string, Unit>();

  constructor(readonly model: IOModel) {
    this.sys = inoperabilityFromModel(model);
  }

  /** c*(t) rows (quarter-month periods) for `lost` table units of sector j's output lost
   * evenly over `months` months (a fractional last month takes its share). */
  private rows(j: number, lost: number, months: number, periods: number): number[][] {
    const { n } = this.sys;
    const x = this.sys.x as number[];
    const perPeriodOutput = x[j] / (12 * PERIODS_PER_MONTH);
    const eventPeriods = months * PERIODS_PER_MONTH;
    return Array.from({ length: periods }, (_, t) => {
      const row = new Array<number>(n).fill(0);
      const share = Math.max(0, Math.min(1, eventPeriods - t));
      row[j] = share > 0 ? ((lost / eventPeriods) * share) / perPeriodOutput : 0;
      return row;
    });
  }

  private run(rows: number[][], recoveryMonths: number): { q: number[][]; loss: number[]; byMonth: number[]; capped: boolean } {
    const periods = rows.length;
    const resilience = resilienceFromRecovery(this.sys, new Array(this.sys.n).fill(recoveryMonths * PERIODS_PER_MONTH));
    const r = dynamicInoperability(this.sys, { resilience, periods, periodLength: 1 / (12 * PERIODS_PER_MONTH), perturbation: { rows } });
    const lossByPeriod = r.lossByPeriod as number[];
    const byMonth: number[] = [];
    for (let t = 0; t < periods; t += PERIODS_PER_MONTH) byMonth.push(lossByPeriod.slice(t, t + PERIODS_PER_MONTH).reduce((a, b) => a + b, 0));
    return { q: r.path, loss: r.loss as number[], byMonth, capped: r.warnings.some((w) => w.code === "inoperability-clipped") };
  }

  private unit(j: number, months: number, recoveryMonths: number, horizonMonths: number): Unit {
    const key = `${j}|${months}|${recoveryMonths}|${horizonMonths}`;
    let u = this.memo.get(key);
    if (!u) {
      const periods = Math.ceil((months + horizonMonths) * PERIODS_PER_MONTH);
      const r = this.run(this.rows(j, 1, months, periods), recoveryMonths);
      const maxQ = new Array<number>(this.sys.n).fill(0);
      for (const q of r.q) q.forEach((v, i) => (maxQ[i] = Math.max(maxQ[i], v)));
      u = { outputBySector: r.loss, byMonth: r.byMonth, maxQ };
      // Monte Carlo draws the recovery time: keep the memo bounded.
      if (this.memo.size > 500) this.memo.clear();
      this.memo.set(key, u);
    }
    return u;
  }

  /** The loss of the lost downstream output `lostBySector` (table units over the event). The
   * path is linear in the perturbation while no sector reaches inoperability 1, so the unit
   * paths are scaled; when the bound Σ_j lost_j max q_unit could reach 1, the path is run as is
   * (capped, and said so). */
  loss(lostBySector: Map<number, number>, months: number, recoveryMonths: number, horizonMonths: number): DynamicLoss {
    if (!(months > 0)) throw new RippleError("security-dynamic", { ja: "途絶の期間（月）が 0 です", en: "the event lasts 0 months" });
    if (!(Number.isFinite(horizonMonths) && horizonMonths >= 0))
      throw new RippleError("security-parameter", { ja: "horizonMonths: 0 以上の月数にしてください", en: "horizonMonths: must be a number of months ≥ 0" });
    const { n } = this.sys;
    const outputBySector = new Array<number>(n).fill(0);
    const bound = new Array<number>(n).fill(0);
    let byMonth: number[] = [];
    for (const [j, lost] of lostBySector) {
      const u = this.unit(j, months, recoveryMonths, horizonMonths);
      u.outputBySector.forEach((v, i) => (outputBySector[i] += lost * v));
      u.maxQ.forEach((v, i) => (bound[i] += lost * v));
      byMonth = u.byMonth.map((v, t) => (byMonth[t] ?? 0) + lost * v);
    }
    if (bound.every((b) => b <= 1)) return { outputBySector, byMonth, capped: false };
    const periods = Math.ceil((months + horizonMonths) * PERIODS_PER_MONTH);
    const rows = Array.from({ length: periods }, () => new Array<number>(n).fill(0));
    for (const [j, lost] of lostBySector) this.rows(j, lost, months, periods).forEach((r, t) => (rows[t][j] += r[j]));
    if (rows.some((r) => r.some((c) => c > 1)))
      throw new RippleError("security-dynamic", {
        ja: "途絶中に止まる川下の生産額が、その部門の生産額を超えます。磁石 1 t 当たりの川下生産額（dependent:…）を見直してください",
        en: "the downstream output stopped during the event exceeds the sector's output; review the downstream output per tonne (dependent:…)",
      });
    const r = this.run(rows, recoveryMonths);
    return { outputBySector: r.loss, byMonth: r.byMonth, capped: r.capped };
  }

  /** Output, GVA, compensation and employment of an output loss by sector. */
  measures(outputBySector: number[]): { output: number; valueAdded: number; compensation: number; employment: number } {
    const s = stageOf(this.model, outputBySector);
    const sum = (v: number[] | null) => (v ? v.reduce((a, b) => a + b, 0) : 0);
    return { output: sum(s.output), valueAdded: sum(s.valueAdded), compensation: sum(s.compensation), employment: sum(s.employment) };
  }
}
