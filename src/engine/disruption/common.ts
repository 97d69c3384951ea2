// Shared pieces of the supply-disruption and price models (MODELS.md 5): the part of the
// Leontief model they read, parameter validation with bilingual errors, small dense helpers.

import { RippleError, type Bilingual } from "../errors";
import type { IOModel } from "../model/iomodel";

/** What these models read from the Leontief model of a table. IOModel satisfies it; the
 * factorization of (I − A_d) is reused through solve/solveT, never repeated. */
export type LeontiefModel = Pick<
  IOModel,
  "table" | "n" | "sectors" | "importType" | "A" | "Ad" | "x" | "m" | "solve" | "solveT"
>;

/** A RippleError about one named parameter of a disruption or price model. */
export function paramError(param: string, text: Bilingual): RippleError {
  return new RippleError(`parameter-${param}`, {
    ja: `パラメータ ${param}: ${text.ja}`,
    en: `parameter ${param}: ${text.en}`,
  });
}

export function checkFiniteVector(param: string, v: ArrayLike<number>, n: number, sectors?: string[]): void {
  if (!v || v.length !== n)
    throw paramError(param, {
      ja: `値が ${v ? v.length : 0} 個あります。部門数と同じ ${n} 個にしてください`,
      en: `has ${v ? v.length : 0} values; give one per sector (${n})`,
    });
  for (let i = 0; i < n; i++)
    if (typeof v[i] !== "number" || !Number.isFinite(v[i])) {
      const s = sectors?.[i] ?? `#${i + 1}`;
      throw paramError(param, {
        ja: `部門「${s}」の値 ${String(v[i])} が数値ではありません。数値を入れてください`,
        en: `the value ${String(v[i])} for sector "${s}" is not a number; enter a number`,
      });
    }
}

export function checkSectorIndex(param: string, k: number, n: number): void {
  if (!Number.isInteger(k) || k < 0 || k >= n)
    throw paramError(param, {
      ja: `部門番号 ${String(k)} は範囲外です。0〜${n - 1} を指定してください`,
      en: `sector index ${String(k)} is out of range; use 0 to ${n - 1}`,
    });
}

export function checkRange(param: string, value: number, lo: number, hi: number, example: string): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < lo || value > hi)
    throw paramError(param, {
      ja: `${String(value)} は ${lo}〜${hi} の数にしてください（例: ${example}）`,
      en: `${String(value)} must be a number from ${lo} to ${hi} (e.g. ${example})`,
    });
}

/** Row-major copy of a square matrix given as arrays, checked. */
export function squareRowMajor(param: string, M: readonly (readonly number[])[]): { n: number; a: Float64Array } {
  const n = M.length;
  if (n === 0)
    throw paramError(param, { ja: "行列が空です", en: "the matrix is empty" });
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = M[i];
    if (!row || row.length !== n)
      throw paramError(param, {
        ja: `${i + 1} 行目の値が ${row ? row.length : 0} 個です。${n}×${n} の正方行列にしてください`,
        en: `row ${i + 1} has ${row ? row.length : 0} values; the matrix must be ${n}×${n}`,
      });
    for (let j = 0; j < n; j++) {
      if (typeof row[j] !== "number" || !Number.isFinite(row[j]))
        throw paramError(param, {
          ja: `(${i + 1}, ${j + 1}) の値 ${String(row[j])} が数値ではありません`,
          en: `entry (${i + 1}, ${j + 1}) = ${String(row[j])} is not a number`,
        });
      a[i * n + j] = row[j];
    }
  }
  return { n, a };
}

/** M b for row-major M. */
export function matVec(M: Float64Array, n: number, b: ArrayLike<number>): number[] {
  const out = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = 0;
    const r = i * n;
    for (let j = 0; j < n; j++) s += M[r + j] * b[j];
    out[i] = s;
  }
  return out;
}

/** Mᵀ b for row-major M. */
export function matTVec(M: Float64Array, n: number, b: ArrayLike<number>): number[] {
  const out = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const bi = b[i];
    if (bi === 0) continue;
    const r = i * n;
    for (let j = 0; j < n; j++) out[j] += M[r + j] * bi;
  }
  return out;
}


export function unitVector(n: number, k: number): number[] {
  const e = new Array<number>(n).fill(0);
  e[k] = 1;
  return e;
}

/** Sector indices ordered by value, largest first (ties keep sector order). */
export function rankDescending(values: number[]): number[] {
  return values.map((_, i) => i).sort((a, b) => values[b] - values[a] || a - b);
}

/** A short method note for the report layer: formula, what it assumes, its limits, sources. */
export interface MethodNote {
  title: Bilingual;
  formula: string;
  body: Bilingual;
  limits: Bilingual;
  sources: string[];
}
