// The open Leontief model of one table (MODELS.md 1-2). (I − A_d) is factored ONCE when the
// model is built; L b and Lᵀ b are triangular solves; the full inverse is built only on request.
//   competitive (競争輸入型): A_d = (I − M̂)A, L = [I − (I − M̂)A]⁻¹
//   domestic-use tables:      A_d = A,        L = (I − A)⁻¹

import { cancelledError, RippleError, type RippleWarning } from "../errors";
import type { ImportType, IOTable } from "../table/types";
import { ClosedModel, type ClosedModelOptions } from "./closed";
import {
  checkProductive,
  type Coefficients,
  computeCoefficients,
  identityMinus,
  sectorName,
  singularError,
} from "./coefficients";
import { LU, LUFactorizer, SingularMatrixError, toRows } from "./lu";
import { type ModelOptions, type ResolvedOptions, resolveOptions } from "./options";

export interface BuildControl {
  signal?: AbortSignal;
  /** Called between chunks: stage "coefficients" then "factor" (done/total = columns). */
  onProgress?: (done: number, total: number, stage: string) => void;
}

/** Milliseconds of work between yields to the event loop in buildAsync (one UI frame). */
const SLICE_MS = 16;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export const LEONTIEF_LABELS = {
  open: {
    ja: "開放型逆行列係数 [I − (I − M̂)A]⁻¹",
    en: "Open-economy Leontief inverse [I − (I − M̂)A]⁻¹",
  },
  domestic: { ja: "逆行列係数 (I − A)⁻¹（国産）", en: "Leontief inverse (I − A)⁻¹ (domestic coefficients)" },
  closedImport: {
    ja: "閉鎖型逆行列係数 (I − A)⁻¹（輸入を内生化、参考表示）",
    en: "Closed-import Leontief inverse (I − A)⁻¹ (imports not netted out; for display only)",
  },
} as const;

export class IOModel {
  readonly table: IOTable;
  readonly n: number;
  readonly sectors: string[];
  readonly importType: ImportType;
  readonly options: ResolvedOptions;
  /** A = Z x̂⁻¹, row-major. */
  readonly A: Float64Array;
  /** Domestic coefficients (I − M̂)A or A, row-major. */
  readonly Ad: Float64Array;
  readonly x: number[];
  readonly v: number[];
  /** Income coefficients for induced consumption (per options.incomeBase). */
  readonly w: number[];
  /** Compensation of employees per unit output. */
  readonly wc: number[];
  readonly e: number[] | null;
  readonly m: number[] | null;
  readonly domesticDemand: number[] | null;
  readonly h: number[] | null;
  private readonly hReason: string | null;
  readonly warnings: RippleWarning[];
  private readonly lu: LU;
  private cachedL: Float64Array | null = null;
  private cachedColSums: number[] | null = null;
  private cachedRowSums: number[] | null = null;
  private closedImportLU: LU | null = null;
  private closed: ClosedModel | null = null;

  private constructor(table: IOTable, options: ResolvedOptions, c: Coefficients, lu: LU) {
    this.table = table;
    this.n = c.n;
    this.sectors = table.sectors.map((s) => s.label);
    this.importType = options.importType;
    this.options = options;
    this.A = c.A;
    this.Ad = c.Ad;
    this.x = c.x;
    this.v = c.v;
    this.w = c.w;
    this.wc = c.wc;
    this.e = c.e;
    this.m = c.m;
    this.domesticDemand = c.domesticDemand;
    this.h = c.h;
    this.hReason = c.hReason;
    this.warnings = [...table.warnings, ...c.warnings];
    this.lu = lu;
  }

  private static prepare(table: IOTable, options: ModelOptions | undefined) {
    const resolved = resolveOptions(options, table.sectors.length, table.importType, (i) => sectorName(table, i));
    const c = computeCoefficients(table, resolved);
    checkProductive(table, c.Ad, c.n);
    const factorizer = new LUFactorizer(identityMinus(c.Ad, c.n), c.n);
    return { resolved, c, factorizer };
  }

  private static what(importType: ImportType): string {
    return importType === "competitive" ? "I − (I − M̂)A" : "I − A";
  }

  static build(table: IOTable, options?: ModelOptions): IOModel {
    const { resolved, c, factorizer } = IOModel.prepare(table, options);
    try {
      return new IOModel(table, resolved, c, factorizer.finish());
    } catch (err) {
      if (err instanceof SingularMatrixError) throw singularError(table, err.step, IOModel.what(resolved.importType));
      throw err;
    }
  }

  /** As build, but factors in time slices and yields to the event loop between them, so a UI can
   * show progress and cancel (throws cancelledError() when the signal fires). */
  static async buildAsync(table: IOTable, options?: ModelOptions, control: BuildControl = {}): Promise<IOModel> {
    const { signal, onProgress } = control;
    if (signal?.aborted) throw cancelledError();
    onProgress?.(0, 1, "coefficients");
    const { resolved, c, factorizer } = IOModel.prepare(table, options);
    onProgress?.(1, 1, "coefficients");
    await yieldToEventLoop();
    const n = c.n;
    try {
      while (!factorizer.finished) {
        if (signal?.aborted) throw cancelledError();
        const t0 = Date.now();
        while (!factorizer.finished && Date.now() - t0 < SLICE_MS) factorizer.step();
        onProgress?.(factorizer.done, n, "factor");
        if (!factorizer.finished) await yieldToEventLoop();
      }
      if (signal?.aborted) throw cancelledError();
      return new IOModel(table, resolved, c, factorizer.finish());
    } catch (err) {
      if (err instanceof SingularMatrixError) throw singularError(table, err.step, IOModel.what(resolved.importType));
      throw err;
    }
  }

  /** L b. */
  solve(b: ArrayLike<number>): number[] {
    this.checkVector(b, "b");
    return Array.from(this.lu.solve(b));
  }

  /** Lᵀ b (e.g. Lᵀ v = VA effects per unit of final demand, Lᵀ 1 = column sums). */
  solveT(b: ArrayLike<number>): number[] {
    this.checkVector(b, "b");
    return Array.from(this.lu.solveTranspose(b));
  }

  /** The full L (MODELS.md 2), built on first request and cached. */
  leontief(): number[][] {
    return toRows(this.leontiefRowMajor(), this.n);
  }

  leontiefRowMajor(): Float64Array {
    if (!this.cachedL) this.cachedL = this.lu.inverse();
    return this.cachedL;
  }

  /** Which inverse leontief() is, for labels. */
  get leontiefLabel(): { ja: string; en: string } {
    return this.importType === "competitive" ? LEONTIEF_LABELS.open : LEONTIEF_LABELS.domestic;
  }

  /** MIC's closed form (I − A)⁻¹ of a competitive table, for display only (labelled
   * LEONTIEF_LABELS.closedImport); for domestic-use tables it equals leontief(). */
  closedImportInverse(): number[][] {
    if (this.importType !== "competitive") return this.leontief();
    if (!this.closedImportLU) {
      try {
        this.closedImportLU = new LUFactorizer(identityMinus(this.A, this.n), this.n).finish();
      } catch (err) {
        if (err instanceof SingularMatrixError) throw singularError(this.table, err.step, "I − A");
        throw err;
      }
    }
    return toRows(this.closedImportLU.inverse(), this.n);
  }

  /** A as arrays. */
  coefficientMatrix(): number[][] {
    return toRows(this.A, this.n);
  }

  domesticCoefficientMatrix(): number[][] {
    return toRows(this.Ad, this.n);
  }

  /** Output multipliers: column sums of L, via Lᵀ1 (no inverse). */
  columnSums(): number[] {
    if (!this.cachedColSums) this.cachedColSums = this.solveT(new Array<number>(this.n).fill(1));
    return [...this.cachedColSums];
  }

  /** Row sums of L, via L1. */
  rowSums(): number[] {
    if (!this.cachedRowSums) this.cachedRowSums = this.solve(new Array<number>(this.n).fill(1));
    return [...this.cachedRowSums];
  }

  /** Share of final demand for each commodity met by domestic production in the direct effect:
   * the override (options.selfSufficiency), else 1 − m_i (competitive) or 1 (domestic-use). */
  selfSufficiency(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.n; i++) {
      const o = this.options.selfSufficiency.get(i);
      out.push(o !== undefined ? o : this.m ? 1 - this.m[i] : 1);
    }
    return out;
  }

  /** (I − M̂) b: the domestically produced part of a demand vector (b itself for domestic tables). */
  domesticPart(b: ArrayLike<number>): number[] {
    this.checkVector(b, "b");
    const out = Array.from(b);
    if (this.m) for (let i = 0; i < this.n; i++) out[i] *= 1 - this.m[i];
    return out;
  }

  /** A_d b. */
  multiplyAd(b: ArrayLike<number>): number[] {
    this.checkVector(b, "b");
    const { n, Ad } = this;
    const out = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += Ad[i * n + j] * b[j];
      out[i] = s;
    }
    return out;
  }

  /** The household consumption composition h, or a RippleError saying which role to map. */
  householdComposition(): number[] {
    if (this.h) return this.h;
    const missing = this.hReason === "no-household-column";
    throw new RippleError(
      missing ? "no-household-column" : "household-column-not-positive",
      missing
        ? {
            ja: "第2次間接波及効果（家計消費）には民間消費支出の列が必要です。その列を fd:household に対応づけるか、消費転換係数を 0 にしてください",
            en: "The second-round (household consumption) effect needs the household consumption column: map it to the role fd:household, or set the consumption rate to 0",
          }
        : {
            ja: "民間消費支出（fd:household）の列の合計が正ではないため、消費構成比を計算できません。列の値を確認してください",
            en: "The household consumption column (fd:household) does not sum to a positive total, so its composition cannot be computed; check its values",
          },
      this.table.layout ? { sheet: this.table.layout.sheet } : {},
    );
  }

  /** The closed (Type II, households endogenous) model, built once and cached when called
   * without options. */
  closedModel(options?: ClosedModelOptions): ClosedModel {
    if (options) return ClosedModel.of(this, options);
    if (!this.closed) this.closed = ClosedModel.of(this);
    return this.closed;
  }

  /** A RippleError for a vector of the wrong length or with a non-number. */
  checkVector(b: ArrayLike<number>, name: string): void {
    if (b.length !== this.n)
      throw new RippleError("vector-length", {
        ja: `${name} の長さが ${b.length} です。部門数 ${this.n} と同じにしてください`,
        en: `${name} has ${b.length} values; it needs one per sector (${this.n})`,
      });
    for (let i = 0; i < this.n; i++)
      if (typeof b[i] !== "number" || !Number.isFinite(b[i]))
        throw new RippleError("vector-not-number", {
          ja: `${name} の部門「${this.sectors[i]}」の値 ${String(b[i])} が数値ではありません`,
          en: `${name}: the value ${String(b[i])} for sector "${this.sectors[i]}" is not a number`,
        });
  }
}
