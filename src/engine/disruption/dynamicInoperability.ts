// The dynamic inoperability model (Lian & Haimes 2006): q(t+1) = q(t) + K (A* q(t) + c*(t) − q(t))
// with the loss Σ_t Σ_i x_i q_i(t) × period length, and the resilience coefficients K from recovery
// times, k_i = ln(q_i(0)/q_i(T)) / (T_i (1 − a*_ii)). The system (A*, x) is built in
// inoperability.ts, the perturbation c*(t) in perturbation.ts.

import type { RippleWarning } from "../errors";
import { checkFiniteVector, checkRange, matVec, paramError } from "./common";
import type { InoperabilitySystem } from "./inoperability";
import { perturbationRows, type PerturbationSchedule } from "./perturbation";

export interface DynamicParams {
  /** Resilience coefficients k_i in [0, 1] (diagonal of K), one per sector. */
  resilience: number[];
  /** Number of periods T (≥ 1). */
  periods: number;
  /** Length of one period in years (table outputs are per year), e.g. 1/12 for months. */
  periodLength: number;
  perturbation: PerturbationSchedule;
  /** q(0); zeros when omitted. */
  initial?: number[];
}

export interface DynamicInoperability {
  /** q(0), q(1), …, q(T): T + 1 rows of n values. */
  path: number[][];
  /** Loss by sector Σ_{t=1..T} x_i q_i(t) × period length (table units), or null without x. */
  loss: number[] | null;
  totalLoss: number | null;
  /** Loss by period t = 1..T summed over sectors, or null without x. */
  lossByPeriod: number[] | null;
  /** Σ_t x_i × (step result above 1) × period length by sector: what the linear step would have
   * lost beyond the sector's whole output, cut off by the cap and not counted in loss; null without x. */
  excessLoss: number[] | null;
  warnings: RippleWarning[];
}
/** The dynamic IIM, q(t+1) = q(t) + K(A* q(t) + c*(t) − q(t)), t = 0..T−1. Inoperability is kept
 * within [0, 1] (a sector cannot lose more than all or less than none of its output); a warning
 * says when that bound was reached. Period t (1..T) is charged with q(t). */
export function dynamicInoperability(sys: InoperabilitySystem, params: DynamicParams): DynamicInoperability {
  const { n, sectors } = sys;
  const { resilience, periods, periodLength } = params;
  if (!Number.isInteger(periods) || periods < 1 || periods > 100_000)
    throw paramError("periods", {
      ja: `${String(periods)} は 1 以上の整数にしてください（例: 36 か月なら 36）`,
      en: `${String(periods)} must be a whole number of at least 1 (e.g. 36 for 36 months)`,
    });
  if (!(typeof periodLength === "number" && Number.isFinite(periodLength) && periodLength > 0 && periodLength <= 1))
    throw paramError("periodLength", {
      ja: `${String(periodLength)} は 1 期の長さを年で表した 0 より大きく 1 以下の数にしてください（月なら 1/12、日なら 1/365）`,
      en: `${String(periodLength)} must be the length of one period in years, above 0 and at most 1 (1/12 for months, 1/365 for days)`,
    });
  checkFiniteVector("resilience", resilience, n, sectors);
  for (let i = 0; i < n; i++) checkRange(`resilience[${sectors[i]}]`, resilience[i], 0, 1, "0.2");
  const q0 = params.initial ?? new Array<number>(n).fill(0);
  checkFiniteVector("initial", q0, n, sectors);
  for (let i = 0; i < n; i++) checkRange(`initial[${sectors[i]}]`, q0[i], 0, 1, "0.5");
  const c = perturbationRows(sys, params.perturbation, periods);

  const path: number[][] = [[...q0]];
  let q = [...q0];
  let clipped = false;
  const excess = new Array<number>(n).fill(0);
  for (let t = 0; t < periods; t++) {
    const aq = matVec(sys.Astar, n, q);
    const next = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      let v = q[i] + resilience[i] * (aq[i] + c[t][i] - q[i]);
      if (v > 1) {
        excess[i] += v - 1;
        v = 1;
        clipped = true;
      } else if (v < 0) {
        v = 0;
        clipped = true;
      }
      next[i] = v;
    }
    q = next;
    path.push(next);
  }

  const warnings: RippleWarning[] = [];
  if (clipped)
    warnings.push({
      code: "inoperability-clipped",
      text: {
        ja: "不稼働率が 0〜1 の範囲を外れた期があり、範囲内に収めました。擾乱または回復係数を見直してください",
        en: "Inoperability left the range 0 to 1 in some periods and was kept within it; review the perturbation or the resilience coefficients",
      },
    });
  let loss: number[] | null = null;
  let lossByPeriod: number[] | null = null;
  let excessLoss: number[] | null = null;
  if (sys.x) {
    const x = sys.x;
    excessLoss = excess.map((e, i) => e * x[i] * periodLength);
    loss = new Array<number>(n).fill(0);
    lossByPeriod = [];
    for (let t = 1; t <= periods; t++) {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const l = x[i] * path[t][i] * periodLength;
        loss[i] += l;
        s += l;
      }
      lossByPeriod.push(s);
    }
  }
  return {
    path,
    loss,
    totalLoss: loss ? loss.reduce((s, l) => s + l, 0) : null,
    lossByPeriod,
    excessLoss,
    warnings,
  };
}

/**
 * Share of the initial inoperability left when a sector counts as recovered. 0.01 (recovered when
 * 99% of the initial inoperability is gone) is the convention of Lian & Haimes (2006) and
 * Santos et al. (2014, Economic Systems Research 26(1): 60–80); a default the user can change.
 */
export const DEFAULT_RECOVERY_RESIDUAL = 0.01;

/**
 * Resilience coefficients from recovery times (Lian & Haimes 2006): a sector left alone recovers
 * as q_i(t) = q_i(0) e^{−k_i (1 − a*_ii) t}, so k_i = ln(q_i(0)/q_i(T_i)) / (T_i (1 − a*_ii)), with
 * q_i(T_i)/q_i(0) = residual. T_i is in periods of the dynamic model. A value above 1 cannot be
 * used in the period-by-period model (it would overshoot): use shorter periods.
 */
export function resilienceFromRecovery(
  sys: InoperabilitySystem,
  recoveryPeriods: number[],
  residual: number = DEFAULT_RECOVERY_RESIDUAL,
): number[] {
  const { n, sectors } = sys;
  checkFiniteVector("recoveryPeriods", recoveryPeriods, n, sectors);
  if (!(typeof residual === "number" && residual > 0 && residual < 1))
    throw paramError("residual", {
      ja: `${String(residual)} は 0 より大きく 1 より小さい数にしてください（例: 0.01 = 初期不稼働率の 1% まで回復）`,
      en: `${String(residual)} must be above 0 and below 1 (e.g. 0.01 = recovered to 1% of the initial inoperability)`,
    });
  return recoveryPeriods.map((T, i) => {
    if (!(T > 0))
      throw paramError(`recoveryPeriods[${sectors[i]}]`, {
        ja: `回復期間 ${String(T)} は 0 より大きい期間数にしてください`,
        en: `recovery time ${String(T)} must be a positive number of periods`,
      });
    const d = 1 - sys.Astar[i * n + i];
    if (!(d > 0))
      throw paramError(`recoveryPeriods[${sectors[i]}]`, {
        ja: `部門「${sectors[i]}」の a*_ii が 1 以上のため回復係数を計算できません`,
        en: `sector "${sectors[i]}" has a*_ii ≥ 1, so its resilience cannot be computed`,
      });
    const k = Math.log(1 / residual) / (T * d);
    if (k > 1)
      throw paramError(`recoveryPeriods[${sectors[i]}]`, {
        ja: `部門「${sectors[i]}」の回復係数 ${k.toFixed(3)} が 1 を超えます（回復期間 ${T} 期が短すぎます）。1 期の長さを短くして期間数を増やしてください`,
        en: `sector "${sectors[i]}" gets resilience ${k.toFixed(3)} > 1 (recovery in ${T} periods is too fast for this period length); use shorter periods`,
      });
    return k;
  });
}
