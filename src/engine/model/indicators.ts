// Sector indicators (MODELS.md 4). Column sums and effects come from Lᵀ-solves (Lᵀ1, Lᵀv, …),
// never from the full inverse.

import { type Bilingual, RippleError } from "../errors";
import { CLOSED_MODEL_LABEL, type ClosedModelOptions } from "./closed";
import { identityMinus, sectorName, sectorWhere, singularError } from "./coefficients";
import type { IOModel } from "./iomodel";
import { LU, LUFactorizer, SingularMatrixError, toRows } from "./lu";

type Nullable = (number | null)[];

export interface TypeIIIndicators {
  label: Bilingual;
  /** Column sums of L̄ over the n sectors. */
  output: number[];
  /** L̄[households, j]: income induced per unit of final demand. */
  incomeEffects: number[];
  /** incomeEffects_j / w_j (w per the income base). */
  income: Nullable;
  valueAdded: Nullable;
  compensation: Nullable;
  employment: Nullable | null;
}

export interface SectorIndicators {
  /** Σ_i L_ij. */
  outputMultipliers: number[];
  /** Per unit of final demand in sector j: Σ_i coef_i L_ij. */
  effects: { valueAdded: number[]; compensation: number[]; income: number[]; employment: number[] | null };
  /** Type I = effect_j / direct coefficient_j; null where the coefficient is 0. */
  typeI: { valueAdded: Nullable; compensation: Nullable; income: Nullable; employment: Nullable | null };
  /** From the closed model, or null when the table has no household column (see warnings). */
  typeII: TypeIIIndicators | null;
  /** 影響力係数 = colsum_j(L) / mean colsum (MIC). */
  backwardLinkage: number[];
  /** 感応度係数 = rowsum_i(L) / mean rowsum (MIC). */
  forwardLinkage: number[];
  /** Why typeII is null, if it is. */
  typeIINote: Bilingual | null;
}

export const LINKAGE_LABELS = {
  backward: { ja: "影響力係数", en: "Backward linkage index (power of dispersion)" },
  forward: { ja: "感応度係数", en: "Forward linkage index (sensitivity of dispersion)" },
  ghosh: { ja: "前方連関（ゴーシュ型、供給側モデル）", en: "Forward linkage (Ghosh, supply-side model)" },
} as const;

/** a_j / b_j, null where b_j = 0 (undefined multiplier, shown as "—"). */
export function ratioOrNull(a: number[], b: number[]): Nullable {
  return a.map((v, j) => (b[j] === 0 ? null : v / b[j]));
}

const mean = (a: number[]): number => a.reduce((s, v) => s + v, 0) / a.length;

export interface IndicatorOptions {
  /** false: skip Type II; an object: options of the closed model (e.g. a given household column). */
  typeII?: boolean | ClosedModelOptions;
}

export function indicators(model: IOModel, options: IndicatorOptions = {}): SectorIndicators {
  const colSums = model.columnSums();
  const rowSums = model.rowSums();
  const vaEff = model.solveT(model.v);
  const compEff = model.solveT(model.wc);
  const incEff = model.w === model.wc ? compEff : model.solveT(model.w);
  const empEff = model.e ? model.solveT(model.e) : null;

  let typeII: TypeIIIndicators | null = null;
  let typeIINote: Bilingual | null = null;
  const want = options.typeII ?? true;
  if (want !== false) {
    const closedOpts = typeof want === "object" ? want : undefined;
    if (!closedOpts?.consumptionCoefficients && !model.h) {
      typeIINote = {
        ja: "民間消費支出（fd:household）の列がないため Type II 乗数は計算していません",
        en: "No household consumption column (fd:household): Type II multipliers are not computed",
      };
    } else {
      const closed = model.closedModel(closedOpts);
      const n = model.n;
      const ext = (vec: number[]): number[] => [...vec, 0];
      const out = closed.solveT(ext(new Array<number>(n).fill(1))).slice(0, n);
      const unit = new Array<number>(n + 1).fill(0);
      unit[n] = 1;
      const income = closed.solveT(unit).slice(0, n);
      const va = closed.solveT(ext(model.v)).slice(0, n);
      const comp = closed.solveT(ext(model.wc)).slice(0, n);
      const emp = model.e ? closed.solveT(ext(model.e)).slice(0, n) : null;
      typeII = {
        label: CLOSED_MODEL_LABEL,
        output: out,
        incomeEffects: income,
        income: ratioOrNull(income, model.w),
        valueAdded: ratioOrNull(va, model.v),
        compensation: ratioOrNull(comp, model.wc),
        employment: emp && model.e ? ratioOrNull(emp, model.e) : null,
      };
    }
  }

  const meanCol = mean(colSums);
  const meanRow = mean(rowSums);
  return {
    outputMultipliers: colSums,
    effects: { valueAdded: vaEff, compensation: compEff, income: incEff, employment: empEff },
    typeI: {
      valueAdded: ratioOrNull(vaEff, model.v),
      compensation: ratioOrNull(compEff, model.wc),
      income: ratioOrNull(incEff, model.w),
      employment: empEff && model.e ? ratioOrNull(empEff, model.e) : null,
    },
    typeII,
    backwardLinkage: colSums.map((s) => s / meanCol),
    forwardLinkage: rowSums.map((s) => s / meanRow),
    typeIINote,
  };
}

/** Supply-side (Ghosh) model: B = x̂_row⁻¹ Z_d, G = (I − B)⁻¹, with Z_d = (I − M̂)Z for
 * competitive tables (the domestic flows the open Leontief model uses) and Z otherwise, and
 * x_row the output by row (table.xRow). Labelled as supply-side wherever shown. */
export class GhoshModel {
  readonly label = LINKAGE_LABELS.ghosh;
  readonly n: number;
  /** B row-major. */
  readonly B: Float64Array;
  private readonly lu: LU;

  private constructor(n: number, B: Float64Array, lu: LU) {
    this.n = n;
    this.B = B;
    this.lu = lu;
  }

  static of(model: IOModel): GhoshModel {
    const { table, n } = model;
    const xr = table.xRow;
    for (let i = 0; i < n; i++)
      if (!(Number.isFinite(xr[i]) && xr[i] > 0))
        throw new RippleError(
          "zero-output-row",
          {
            ja: `部門「${sectorName(table, i)}」の国内生産額（行）が ${String(xr[i])} のため産出係数を計算できません。この部門を削除するか統合してください`,
            en: `sector "${sectorName(table, i)}" has row output ${String(xr[i])}, so its output coefficients cannot be computed; drop the sector or merge it`,
          },
          sectorWhere(table, i, "row"),
        );
    const B = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      const s = model.m ? 1 - model.m[i] : 1;
      for (let j = 0; j < n; j++) B[i * n + j] = (s * table.Z[i][j]) / xr[i];
    }
    try {
      return new GhoshModel(n, B, new LUFactorizer(identityMinus(B, n), n).finish());
    } catch (err) {
      if (err instanceof SingularMatrixError) throw singularError(table, err.step, "I − B (Ghosh)");
      throw err;
    }
  }

  /** Row sums of G (G 1), optionally divided by their mean. */
  forwardLinkages(normalise = false): number[] {
    const r = Array.from(this.lu.solve(new Array<number>(this.n).fill(1)));
    if (!normalise) return r;
    const mu = mean(r);
    return r.map((v) => v / mu);
  }

  /** G b (a column combination of G; G e_j is column j). */
  solve(b: ArrayLike<number>): number[] {
    return Array.from(this.lu.solve(b));
  }

  /** Δx' = Δv' G, i.e. Gᵀ Δv. */
  outputFromPrimaryInputs(dv: ArrayLike<number>): number[] {
    return Array.from(this.lu.solveTranspose(dv));
  }

  inverse(): number[][] {
    return toRows(this.lu.inverse(), this.n);
  }
}
