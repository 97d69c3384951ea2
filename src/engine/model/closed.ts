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
import { LU, LUFactorizer, SingularMatrixError, toRows } from "./lu";

export interface ClosedModelOptions {
  /** The household column k given directly (n values, already domestic), e.g. a published
   * consumption-coefficient vector; replaces (I − M̂)·c·h. */
  consumptionCoefficients?: number[];
}

export const CLOSED_MODEL_LABEL: Bilingual = {
  ja: "閉鎖型モデル（家計内生化、Type II）",
  en: "Closed model (households endogenous, Type II)",
};

export class ClosedModel {
  readonly label = CLOSED_MODEL_LABEL;
  /** Number of sectors (the closed matrix is (n+1)×(n+1)). */
  readonly n: number;
  /** Household row: income per unit output. */
  readonly incomeRow: number[];
  /** Household column: consumption per unit of income. */
  readonly consumptionColumn: number[];
  private readonly lu: LU;

  private constructor(n: number, incomeRow: number[], consumptionColumn: number[], lu: LU) {
    this.n = n;
    this.incomeRow = incomeRow;
    this.consumptionColumn = consumptionColumn;
    this.lu = lu;
  }

  static of(model: IOModel, options: ClosedModelOptions = {}): ClosedModel {
    const n = model.n;
    let k: number[];
    if (options.consumptionCoefficients) {
      model.checkVector(options.consumptionCoefficients, "consumptionCoefficients");
      k = [...options.consumptionCoefficients];
    } else {
      const c = model.options.consumptionRate;
      k = model.domesticPart(model.householdComposition().map((hi) => c * hi));
    }
    const N = n + 1;
    const a = new Float64Array(N * N);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) a[i * N + j] = (i === j ? 1 : 0) - model.Ad[i * n + j];
      a[i * N + n] = -k[i];
      a[n * N + i] = -model.w[i];
    }
    a[n * N + n] = 1;
    try {
      return new ClosedModel(n, [...model.w], k, new LUFactorizer(a, N).finish());
    } catch (err) {
      if (err instanceof SingularMatrixError)
        throw singularError(model.table, Math.min(err.step, n - 1), "I − Ā (closed model with households)");
      throw err;
    }
  }

  /** L̄ b for b of length n+1 (the last entry is households). */
  solve(b: ArrayLike<number>): number[] {
    return Array.from(this.lu.solve(b));
  }

  /** L̄ᵀ b. */
  solveT(b: ArrayLike<number>): number[] {
    return Array.from(this.lu.solveTranspose(b));
  }

  /** The full (n+1)×(n+1) L̄. */
  inverse(): number[][] {
    return toRows(this.lu.inverse(), this.n + 1);
  }
}
