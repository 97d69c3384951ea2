// The IO answer to the same shock, beside the CGE answer (CGE.md section 4): the cost-push price
// model of the competitive-import IO table (MODELS.md 5) on the SAM's own flows,
//   Δp' = (Δp_m' M̂ A + Δv') [I − (I − M̂)A]⁻¹,
// with A = X / x (x = output at producer prices incl. production tax, as in the IO table), the
// import share m_i = (1+τm)M_i / Q_i (imports in domestic demand), Δp_m from the world import price
// and tariff change, Δv from the production-tax change and from productivity (value-added cost per
// unit falls by 1 − 1/factor). Quotas and factor supply have no cost-push counterpart.

import type { Bilingual } from "../errors";
import { LU } from "../model/lu";
import type { Calibration } from "./calibrate";
import type { Economy, Policy } from "./model";

export interface IoComparison {
  /** IO cost-push change of the producer price by good (0.01 = +1%). */
  io: number[];
  /** CGE change of the gross output price (1+τz)pz against the benchmark, by good. */
  cge: number[];
  /** IO output change by good: 0, final demand being unchanged in the price model. */
  ioOutput: number[];
  cgeOutput: number[];
}

export const IO_DIFFERENCE: Bilingual = {
  ja: "違いの理由: IO の価格モデルは投入係数と輸入率を固定し、コストを全額価格に転嫁し、数量・要素価格・為替レートは変わらないとします。CGE では輸入財と国産財の代替（アーミントン弾力性 σ）、輸出と国内販売の転換（ψ）、要素価格と為替レートの調整、価格に応じた需要の変化が働くため、代替しやすい財では価格の変化が IO より小さく、IO では変わらない生産量が変わります。",
  en: "Why they differ: the IO price model keeps input coefficients and import shares fixed, passes every cost on in full and leaves quantities, factor prices and the exchange rate unchanged. In the CGE model imports and domestic goods substitute (Armington σ), exports and domestic sales transform (ψ), factor prices and the exchange rate adjust and demand responds to prices: prices move less where substitution is easy, and outputs, which IO holds fixed, change.",
};

/** True when the scenario changes something the cost-push model can take. */
export function hasIoCounterpart(c: Calibration, p: Policy): boolean {
  return c.goods.some((_, i) => p.pWm[i] !== 1 || p.taum[i] !== c.taum[i] || p.tauz[i] !== c.tauz[i] || p.prod[i] !== 1);
}

export function ioCostPush(c: Calibration, p: Policy, bench: Economy, sol: Economy): IoComparison {
  const n = c.n;
  const f = c.flows;
  const x = c.Z0.map((z, j) => z + f.Tz[j]);
  const m = c.shareM;
  // Δp_m: import price to buyers (1+τm)pWm relative to the benchmark.
  const dpm = c.goods.map((_, i) => ((1 + p.taum[i]) * p.pWm[i]) / (1 + c.taum[i]) - 1);
  const dv = c.goods.map((_, j) => ((p.tauz[j] - c.tauz[j]) * c.Z0[j] + (1 / p.prod[j] - 1) * c.Y0[j]) / x[j]);
  const B = new Float64Array(n * n);
  const rhs = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = dv[j];
    for (let i = 0; i < n; i++) {
      const a = f.X[i][j] / x[j];
      B[i * n + j] = (i === j ? 1 : 0) - (1 - m[i]) * a;
      s += dpm[i] * m[i] * a;
    }
    rhs[j] = s;
  }
  // Δp' B = rhs'  ⇔  Bᵀ Δp = rhs.
  const io = Array.from(LU.factor(B, n).solveTranspose(rhs));
  const cge = c.goods.map((_, j) => ((1 + p.tauz[j]) * sol.pz[j]) / ((1 + c.tauz[j]) * bench.pz[j]) - 1);
  return { io, cge, ioOutput: c.goods.map(() => 0), cgeOutput: c.goods.map((_, j) => sol.Z[j] / bench.Z[j] - 1) };
}
