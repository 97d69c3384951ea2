// Inoperability input-output model (IIM; MODELS.md 5). Inoperability q_i is the share of sector
// i's planned output that is lost; the demand perturbation c*_i is the lost final demand as a share
// of output.
//   A* = x̂⁻¹ A_d x̂ (a*_ij = a_ij x_j / x_i)             Santos & Haimes (2004)
//   static:  q = (I − A*)⁻¹ c*  = x̂⁻¹ L (x̂ c*)          reuses the Leontief factorization
//   dynamic: q(t+1) = q(t) + K (A* q(t) + c*(t) − q(t))  Lian & Haimes (2006), K diagonal
//   loss = Σ_t Σ_i x_i q_i(t) × period length (period length in years, x per year)
//   resilience k_i = ln(q_i(0)/q_i(T)) / (T_i (1 − a*_ii))   Lian & Haimes (2006)// This module builds the system (A*, x) and solves the static model; the dynamic model is in
// dynamicInoperability.ts and its perturbation schedules in perturbation.ts, re-exported here so
// the IIM keeps one entry point.

import type { Bilingual, RippleWarning } from "../errors";
import { LU, LUFactorizer, SingularMatrixError, toRows } from "../model/lu";
import { checkFiniteVector, checkRange, type LeontiefModel, type MethodNote, paramError, squareRowMajor } from "./common";

export {
  DEFAULT_RECOVERY_RESIDUAL,
  dynamicInoperability,
  resilienceFromRecovery,
  type DynamicInoperability,
  type DynamicParams,
} from "./dynamicInoperability";
export {
  perturbationFromShortfall,
  perturbationRows,
  type PerturbationSchedule,
  type PerturbationSpell,
  type ShortfallInput,
} from "./perturbation";

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
