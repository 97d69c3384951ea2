// Inoperability input-output model (IIM; MODELS.md 5). Inoperability q_i is the share of sector
// i's planned output that is lost; the demand perturbation c*_i is the lost final demand as a share
// of output.
//   A* = x̂⁻¹ A_d x̂ (a*_ij = a_ij x_j / x_i)             Santos & Haimes (2004)
//   static:  q = (I − A*)⁻¹ c*  = x̂⁻¹ L (x̂ c*)          reuses the Leontief factorization
//   dynamic: q(t+1) = q(t) + K (A* q(t) + c*(t) − q(t))  Lian & Haimes (2006), K diagonal
//   loss = Σ_t Σ_i x_i q_i(t) × period length (period length in years, x per year)
//   resilience k_i = ln(q_i(0)/q_i(T)) / (T_i (1 − a*_ii))   Lian & Haimes (2006)

import type { Bilingual, RippleWarning } from "../errors";
import { LU, LUFactorizer, SingularMatrixError, toRows } from "../model/lu";
import {
  checkFiniteVector,
  checkRange,
  checkSectorIndex,
  type LeontiefModel,
  type MethodNote,
  matVec,
  paramError,
  squareRowMajor,
} from "./common";

export interface InoperabilitySystem {
  n: number;
  sectors: string[];
  /** Output per year by sector (table units), or null when A* was given directly (no money loss). */
  x: number[] | null;
  /** A* row-major. */
  Astar: Float64Array;
  /** q = (I − A*)⁻¹ c. */
  solve(c: ArrayLike<number>): number[];
}

/** A* of a table through its Leontief model: (I − A*)⁻¹ = x̂⁻¹ L x̂, so no new factorization. */
export function inoperabilityFromModel(model: LeontiefModel): InoperabilitySystem {
  const { n, x, Ad } = model;
  const Astar = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Astar[i * n + j] = (Ad[i * n + j] * x[j]) / x[i];
  return {
    n,
    sectors: model.sectors,
    x: [...x],
    Astar,
    solve: (c) => {
      const y = model.solve(Array.from(c, (ci, i) => ci * x[i]));
      return y.map((yi, i) => yi / x[i]);
    },
  };
}

/** A* given directly (published interdependency matrices); factors I − A* once. */
export function inoperabilityFromMatrix(
  Astar: readonly (readonly number[])[],
  options: { sectors?: string[]; x?: number[] } = {},
): InoperabilitySystem {
  const { n, a } = squareRowMajor("Astar", Astar);
  const sectors = options.sectors ?? Array.from({ length: n }, (_, i) => `#${i + 1}`);
  if (sectors.length !== n)
    throw paramError("sectors", {
      ja: `部門名が ${sectors.length} 個です。${n} 個にしてください`,
      en: `has ${sectors.length} names; give ${n}`,
    });
  let x: number[] | null = null;
  if (options.x) {
    checkFiniteVector("x", options.x, n, sectors);
    x = [...options.x];
  }
  const m = new Float64Array(n * n);
  for (let k = 0; k < n * n; k++) m[k] = -a[k];
  for (let i = 0; i < n; i++) m[i * n + i] += 1;
  let lu: LU;
  try {
    lu = new LUFactorizer(m, n).finish();
  } catch (err) {
    if (err instanceof SingularMatrixError)
      throw paramError("Astar", {
        ja: `I − A* が特異です（${sectors[err.step]} 付近）。相互依存行列を確認してください`,
        en: `I − A* is singular (near ${sectors[err.step]}); check the interdependency matrix`,
      });
    throw err;
  }
  return { n, sectors, x, Astar: a, solve: (c) => Array.from(lu.solve(c)) };
}

export function interdependencyMatrix(sys: InoperabilitySystem): number[][] {
  return toRows(sys.Astar, sys.n);
}

export interface StaticInoperability {
  /** Inoperability by sector, capped at 1: a sector cannot lose more than all of its output. */
  q: number[];
  /** The linear solution (I − A*)⁻¹c* before the cap; above 1 where the perturbation is beyond
   * the linear model's range (Haimes & Jiang 2001 report such sectors as 1, fully inoperable). */
  qUncapped: number[];
  /** max(0, qUncapped − 1) by sector: the part of the linear solution the cap removed. */
  excess: number[];
  /** x_i q_i per year of the table (table units, capped q), or null without outputs. */
  loss: number[] | null;
  totalLoss: number | null;
  /** x_i × excess_i: output the linear model would lose beyond the sector's whole output, not
   * counted in loss (table units per year), or null without outputs. */
  excessLoss: number[] | null;
  totalExcessLoss: number | null;
  warnings: RippleWarning[];
}

function aboveOneWarnings(sys: InoperabilitySystem, q: ArrayLike<number>, where: string): RippleWarning[] {
  const over: string[] = [];
  for (let i = 0; i < sys.n; i++) if (q[i] > 1) over.push(`${sys.sectors[i]} (${q[i].toFixed(3)})`);
  if (over.length === 0) return [];
  return [
    {
      code: "inoperability-above-one",
      text: {
        ja: `${where}: 線形モデルの不稼働率が 1（完全停止）を超える部門があり、1 に抑えました: ${over.join("、")}。超過分の損失は合計に含めず「超過」として別に示します。擾乱が線形モデルの範囲を超えています`,
        en: `${where}: the linear model gives inoperability above 1 (complete shutdown) for ${over.join(", ")}; capped at 1, the excess loss is reported separately and not counted. The perturbation is beyond the linear model's range`,
      },
    },
  ];
}

/** q = min(1, (I − A*)⁻¹ c*) with loss x_i q_i; the part above 1 reported as the excess. */
export function staticInoperability(sys: InoperabilitySystem, cstar: ArrayLike<number>): StaticInoperability {
  checkFiniteVector("cstar", cstar, sys.n, sys.sectors);
  for (let i = 0; i < sys.n; i++) checkRange(`cstar[${sys.sectors[i]}]`, cstar[i], 0, 1, "0.1");
  const qUncapped = sys.solve(cstar);
  const q = qUncapped.map((v) => Math.min(1, v));
  const excess = qUncapped.map((v) => Math.max(0, v - 1));
  const x = sys.x;
  const loss = x ? q.map((qi, i) => qi * x[i]) : null;
  const excessLoss = x ? excess.map((e, i) => e * x[i]) : null;
  const total = (v: number[] | null) => (v ? v.reduce((s, l) => s + l, 0) : null);
  return {
    q,
    qUncapped,
    excess,
    loss,
    totalLoss: total(loss),
    excessLoss,
    totalExcessLoss: total(excessLoss),
    warnings: aboveOneWarnings(sys, qUncapped, "static"),
  };
}

/** One block of a perturbation schedule: c*_sector = value for periods from ≤ t < to. */
export interface PerturbationSpell {
  sector: number;
  value: number;
  from: number;
  to: number;
}

/** c*(t) for t = 0..periods−1: explicit rows (periods × n) or spells (summed where they overlap). */
export type PerturbationSchedule = { rows: number[][] } | { spells: PerturbationSpell[] };

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

/** Expand a schedule to rows c*(0..T−1), validated. */
export function perturbationRows(sys: InoperabilitySystem, schedule: PerturbationSchedule, periods: number): number[][] {
  const { n } = sys;
  if ("rows" in schedule) {
    if (!Array.isArray(schedule.rows) || schedule.rows.length !== periods)
      throw paramError("perturbation.rows", {
        ja: `行が ${Array.isArray(schedule.rows) ? schedule.rows.length : 0} 個です。期間数と同じ ${periods} 行にしてください`,
        en: `has ${Array.isArray(schedule.rows) ? schedule.rows.length : 0} rows; give one per period (${periods})`,
      });
    return schedule.rows.map((r, t) => {
      checkFiniteVector(`perturbation.rows[${t}]`, r, n, sys.sectors);
      for (let i = 0; i < n; i++) checkRange(`perturbation.rows[${t}][${sys.sectors[i]}]`, r[i], 0, 1, "0.9");
      return [...r];
    });
  }
  if (!("spells" in schedule) || !Array.isArray(schedule.spells))
    throw paramError("perturbation", {
      ja: "rows（期間×部門の表）か spells（部門・値・開始期・終了期）を指定してください",
      en: "give rows (periods × sectors) or spells (sector, value, from, to)",
    });
  const rows = Array.from({ length: periods }, () => new Array<number>(n).fill(0));
  schedule.spells.forEach((s, k) => {
    checkSectorIndex(`perturbation.spells[${k}].sector`, s.sector, n);
    checkRange(`perturbation.spells[${k}].value`, s.value, 0, 1, "0.9");
    if (!Number.isInteger(s.from) || !Number.isInteger(s.to) || s.from < 0 || s.to <= s.from)
      throw paramError(`perturbation.spells[${k}]`, {
        ja: `開始期 ${String(s.from)}・終了期 ${String(s.to)} は 0 ≤ 開始 < 終了 の整数にしてください（終了期は含みません）`,
        en: `from ${String(s.from)} and to ${String(s.to)} must be integers with 0 ≤ from < to (to is excluded)`,
      });
    for (let t = s.from; t < Math.min(s.to, periods); t++) rows[t][s.sector] += s.value;
  });
  rows.forEach((r, t) =>
    r.forEach((c, i) => {
      if (c > 1)
        throw paramError("perturbation.spells", {
          ja: `期 ${t} の部門「${sys.sectors[i]}」で重なった擾乱の合計 ${c} が 1 を超えています`,
          en: `overlapping spells add up to ${c} (> 1) for sector "${sys.sectors[i]}" in period ${t}`,
        });
    }),
  );
  return rows;
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

/** The demand-share model's shortfall for one sector, by period, as input to the IIM. */
export interface ShortfallInput {
  /** Sector index of the supplying sector (e.g. the magnet sector after a split). */
  sector: number;
  /** Physical shortfall by period (e.g. tonnes of magnets per period). */
  shortfall: number[];
  /** Value per physical unit in table units (e.g. 百万円 per tonne). */
  unitValue: number;
  /** Length of one period in years (as in DynamicParams). */
  periodLength: number;
}

/** c*(t) rows from a supply shortfall: c*_k(t) = shortfall_t × unit value / (x_k × period length),
 * the share of sector k's output in the period that cannot be delivered. */
export function perturbationFromShortfall(sys: InoperabilitySystem, input: ShortfallInput): { rows: number[][] } {
  const { n, sectors } = sys;
  if (!sys.x)
    throw paramError("x", {
      ja: "不足量を擾乱に換算するには各部門の国内生産額が必要です",
      en: "converting a shortfall to a perturbation needs the sectors' outputs",
    });
  checkSectorIndex("sector", input.sector, n);
  if (!(typeof input.unitValue === "number" && Number.isFinite(input.unitValue) && input.unitValue > 0))
    throw paramError("unitValue", {
      ja: `${String(input.unitValue)} は 1 単位あたりの金額（表の単位、例: 百万円/t）で 0 より大きい数にしてください`,
      en: `${String(input.unitValue)} must be the value per unit in table units (e.g. million yen per tonne), above 0`,
    });
  checkRange("periodLength", input.periodLength, Number.MIN_VALUE, 1, "1/12");
  if (!Array.isArray(input.shortfall) || input.shortfall.length === 0)
    throw paramError("shortfall", { ja: "期ごとの不足量を 1 つ以上指定してください", en: "give the shortfall for at least one period" });
  const perPeriodOutput = sys.x[input.sector] * input.periodLength;
  const rows = input.shortfall.map((s, t) => {
    if (!(typeof s === "number" && Number.isFinite(s) && s >= 0))
      throw paramError(`shortfall[${t}]`, {
        ja: `期 ${t} の不足量 ${String(s)} は 0 以上の数にしてください`,
        en: `the shortfall ${String(s)} in period ${t} must be a number ≥ 0`,
      });
    const c = (s * input.unitValue) / perPeriodOutput;
    if (c > 1)
      throw paramError(`shortfall[${t}]`, {
        ja: `期 ${t} の不足額 ${s * input.unitValue} が部門「${sectors[input.sector]}」のその期の生産額 ${perPeriodOutput} を超えています。単位（t、百万円/t、期の長さ）を確認してください`,
        en: `the shortfall value ${s * input.unitValue} in period ${t} exceeds sector "${sectors[input.sector]}"'s output in the period (${perPeriodOutput}); check the units (tonnes, value per tonne, period length)`,
      });
    const row = new Array<number>(n).fill(0);
    row[input.sector] = c;
    return row;
  });
  return { rows };
}

export const INOPERABILITY_LABEL: Bilingual = { ja: "不稼働率モデル（IIM）", en: "inoperability input-output model (IIM)" };

export const INOPERABILITY_NOTE: MethodNote = {
  title: { ja: "不稼働率産業連関モデル（IIM）", en: "Inoperability input-output model (IIM)" },
  formula:
    "A* = x̂⁻¹A_d x̂;  q = (I − A*)⁻¹c*;  q(t+1) = q(t) + K(A*q(t) + c*(t) − q(t));  loss = Σ_t Σ_i x_i q_i(t) × Δt;  k_i = ln(q_i(0)/q_i(T)) / (T(1 − a*_ii))",
  body: {
    ja: "不稼働率 q_i は部門 i の計画生産額のうち失われる割合、擾乱 c* は最終需要の減少を生産額に対する割合で表したものです。静学モデルはレオンチェフ解を生産額で基準化したものと同じです（q = x̂⁻¹L x̂c*）。動学モデルは回復係数 K（対角）で各期に均衡へ近づき、損失額は各期の x_i q_i に期の長さ（年）を掛けて合計します。供給の途絶（例: 磁石の 90% 減を 3 か月）は需要側の擾乱に置き換えて入力します。",
    en: "Inoperability q_i is the share of sector i's planned output that is lost; the perturbation c* is the lost final demand as a share of output. The static model is the Leontief solution normalised by output (q = x̂⁻¹L x̂c*). The dynamic model moves towards equilibrium each period at the pace of the diagonal resilience matrix K; the loss adds x_i q_i times the period length (years) over periods. A supply cut (e.g. magnets down 90% for 3 months) is entered as the equivalent demand perturbation.",
  },
  limits: {
    ja: "需要側のレオンチェフ・モデルと同じ線形・固定係数の仮定に立ち、代替・在庫・価格調整を考えません。供給途絶を需要の擾乱で表すのは近似です。回復係数は回復期間の想定から決まり、結果はその想定に強く依存します。q が 1 を超える擾乱は線形モデルの範囲外です。",
    en: "Shares the linear, fixed-coefficient assumptions of the demand-side Leontief model: no substitution, inventories or price adjustment. Representing a supply cut as a demand perturbation is an approximation. Resilience coefficients follow from assumed recovery times and drive the results. Perturbations giving q above 1 are outside the linear model's range.",
  },
  sources: [
    "Haimes, Y. Y. & Jiang, P. (2001) Leontief-based model of risk in complex interconnected infrastructures. Journal of Infrastructure Systems 7(1): 1–12.",
    "Santos, J. R. & Haimes, Y. Y. (2004) Modeling the demand reduction input-output (I-O) inoperability due to terrorism of interconnected infrastructures. Risk Analysis 24(6): 1437–1451.",
    "Lian, C. & Haimes, Y. Y. (2006) Managing the risk of terrorism to interdependent infrastructure systems through the dynamic inoperability input-output model. Systems Engineering 9(3): 241–258.",
  ],
};
