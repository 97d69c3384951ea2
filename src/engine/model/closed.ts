// The closed (Type II) model of Miller & Blair: households made endogenous as sector n+1.
//   Ā = | A_d   k |     row n+1: income coefficients w (compensation, or + surplus per options)
//       | w'    0 |     column n+1: consumption coefficients k = (I − M̂)·c·h (competitive: only
//                       the domestically produced part of consumption feeds back) or c·h
//                       (domestic-use tables), c = 消費転換係数, h = 民間消費支出 shares.
// L̄ = (I − Ā)⁻¹ is the limit of infinitely many induced consumption rounds, so it is labelled
// as the closed model wherever it is shown (the MIC three-stage method stops after one round).

import type { Bilingual } from "../errors";
import { singularError } from "./coefficients";
import type { IOModel } from "./iomodel";

export interface ClosedModelOptions {
  /** The household column k given directly (n values, already domestic), e.g. a published
   * consumption-coefficient vector; replaces (I − M̂)·c·h. */
  consumptionCoefficients?: number[];
}

export const CLOSED_MODEL_LABEL: Bilingual = {
  ja: "閉鎖型モデル（家計内生化、Type II）",
  en: "Closed model (households endogenous, Type II)",
};

/** Bordered solve (a rank-one extension of the open model's factors, Golub & Van Loan §3.5,
 * "block LU"): with L = (I − A_d)⁻¹ already factored,
 *   s = 1 − w′Lk (the Schur complement of the household entry),
 *   L̄ b = (L b₁ + Lk·x₂, x₂)   with x₂ = (b₂ + w′L b₁) / s,
 *   L̄ᵀb = (Lᵀb₁ + Lᵀw·y₂, y₂) with y₂ = (b₂ + (Lk)′b₁) / s,
 * so the closed model costs two triangular solves instead of a second factorisation of an
 * (n+1)×(n+1) matrix. */
export class ClosedModel {
  readonly label = CLOSED_MODEL_LABEL;
  /** Number of sectors (the closed matrix is (n+1)×(n+1)). */
  readonly n: number;
  /** Household row: income per unit output. */
  readonly incomeRow: number[];
  /** Household column: consumption per unit of income. */
  readonly consumptionColumn: number[];
  private readonly open: IOModel;
  /** L k and Lᵀ w. */
  private readonly Lk: number[];
  private readonly LTw: number[];
  /** The Schur complement 1 − w′Lk. */
  private readonly s: number;

  private constructor(open: IOModel, incomeRow: number[], consumptionColumn: number[]) {
    this.n = open.n;
    this.open = open;
    this.incomeRow = incomeRow;
    this.consumptionColumn = consumptionColumn;
    this.Lk = open.solve(consumptionColumn);
    this.LTw = open.solveT(incomeRow);
    this.s = 1 - dot(incomeRow, this.Lk);
  }

  static of(model: IOModel, options: ClosedModelOptions = {}): ClosedModel {
    let k: number[];
    if (options.consumptionCoefficients) {
      model.checkVector(options.consumptionCoefficients, "consumptionCoefficients");
      k = [...options.consumptionCoefficients];
    } else {
      const c = model.options.consumptionRate;
      k = model.domesticPart(model.householdComposition().map((hi) => c * hi));
    }
    const closed = new ClosedModel(model, [...model.w], k);
    // A complement at rounding level means I − Ā is singular (households re-spend all income).
    const scale = 1 + Math.abs(1 - closed.s);
    if (!(Math.abs(closed.s) > (model.n + 1) * Number.EPSILON * scale))
      throw singularError(model.table, model.n - 1, "I − Ā (closed model with households)");
    return closed;
  }

  /** L̄ b for b of length n+1 (the last entry is households). */
  solve(b: ArrayLike<number>): number[] {
    const n = this.n;
    const b1 = Array.from({ length: n }, (_, i) => b[i]);
    const Lb1 = this.open.solve(b1);
    const x2 = (b[n] + dot(this.incomeRow, Lb1)) / this.s;
    for (let i = 0; i < n; i++) Lb1[i] += this.Lk[i] * x2;
    Lb1.push(x2);
    return Lb1;
  }

  /** L̄ᵀ b. */
  solveT(b: ArrayLike<number>): number[] {
    const n = this.n;
    const b1 = Array.from({ length: n }, (_, i) => b[i]);
    const y2 = (b[n] + dot(this.Lk, b1)) / this.s;
    const y1 = this.open.solveT(b1);
    for (let i = 0; i < n; i++) y1[i] += this.LTw[i] * y2;
    y1.push(y2);
    return y1;
  }

  /** The full (n+1)×(n+1) L̄ = | L + Lk w′L / s   Lk / s |
   *                            | w′L / s           1 / s  |  from the open model's L. */
  inverse(): number[][] {
    const { n, s, Lk, LTw } = this;
    const L = this.open.leontiefRowMajor();
    const out: number[][] = [];
    for (let i = 0; i < n; i++) {
      const row = new Array<number>(n + 1);
      const f = Lk[i] / s;
      for (let j = 0; j < n; j++) row[j] = L[i * n + j] + f * LTw[j];
      row[n] = f;
      out.push(row);
    }
    const last = LTw.map((v) => v / s);
    last.push(1 / s);
    out.push(last);
    return out;
  }
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let t = 0;
  for (let i = 0; i < a.length; i++) t += a[i] * b[i];
  return t;
}
