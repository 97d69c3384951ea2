// Dense LU factorization with partial pivoting (PA = LU) on row-major Float64Array storage.
//
// Hand-written rather than ml-matrix's LuDecomposition: ml-matrix runs the JAMA column-by-column
// (left-looking, dot-product) scheme through get/set calls on arrays of arrays. Measured on this
// machine with test/bench/lu-compare.ts (Node 20, I − A with a productive random A): n = 1000
// ml-matrix 0.64 s vs this blocked row-major LU 0.22 s; n = 2000 ml-matrix 4.8 s vs 1.6 s. The
// speed comes from the blocked right-looking update: a panel of NB pivot rows stays in cache
// while every trailing row is streamed once per panel (four pivot rows per pass) instead of once
// per pivot.
//
// The work runs in WebAssembly SIMD where the host has it (kernel/rowUpdates.wat: two doubles per
// instruction), with the JavaScript loops of luRows.ts and factorPanel below as the fallback: both
// do the same operations in the same order, so the numbers are identical. The kernel gets whole
// blocks per call: a panel's factorisation, the trailing update of a column block (all its rows,
// two target rows per pass over each group of four pivot rows), the inverse's forward and backward
// solves of a block of unit columns. The matrix lives in the kernel's memory from the start when
// it is made by luMatrix (as I − A is), so it is not copied.
//
// Not register-blocked: a 4 × 4 block of A22 kept in registers over the panel's k was tried and
// ran at 2/3 of the speed of these passes (8.8 against 13 GFLOP/s on the trailing update alone,
// CPU time, n = 1000). Keeping each element's operations as they are — per group of four k,
// t − (((l0·u0 + l1·u1) + l2·u2) + l3·u3) — needs the group's 16 coefficients and 8 operand
// vectors at once, more than V8's 15 usable SIMD registers, so the kernel reloaded coefficients
// (40 loads per 64 arithmetic operations, against 8 loads and stores per 16 here).
//
// The factorization is resumable panel by panel (`LUFactorizer.step`), so IOModel.buildAsync can
// yield to the event loop between panels, report progress and stop on an AbortSignal.

import { rowKernel, type RowKernel } from "./kernel/rowKernel";
import { backward, forward, solveKernel, trailing, trailingKernel } from "./luRows";

/** Width of a panel of the blocked factorization (rows of U kept hot in cache). */
const NB = 32;

/** Columns of a block of the trailing update (NB × JB doubles of U12 = 32 kB, an L1 cache). */
const JB = 128;

/** Unit columns of the inverse solved together (the block's work array stays in cache). The
 * kernel's work block (n × CB doubles) also holds the packed panel (n × NB) and its pivot rows. */
const CB = 64;

/** Thrown when a pivot is (numerically) zero; `step` is the elimination step (column index). */
export class SingularMatrixError extends Error {
  readonly step: number;
  constructor(step: number) {
    super(`matrix is singular at elimination step ${step}`);
    this.name = "SingularMatrixError";
    this.step = step;
  }
}

/** Kernels made by luMatrix, by the matrix they hold (taken by the LUFactorizer given it). */
const prepared = new WeakMap<Float64Array, RowKernel>();

/** A zeroed n × n array to fill and give to LUFactorizer: in a kernel's memory where there is one,
 * so the factorizer does not copy it (8n² bytes into fresh memory: about 30 ms at 1,000 sectors
 * and 110 ms at 2,000 on this machine, most of it the first touch of the pages). */
export function luMatrix(n: number): Float64Array {
  const kernel = rowKernel(n, n * CB);
  if (!kernel) return new Float64Array(n * n);
  const a = kernel.f64.subarray(0, n * n);
  prepared.set(a, kernel);
  return a;
}

/** Incremental factorization of a square matrix given row-major; takes ownership of `a`. */
export class LUFactorizer {
  readonly n: number;
  private readonly a: Float64Array;
  private readonly piv: Int32Array;
  private readonly tol: number;
  private readonly kernel: RowKernel | null;
  /** The panel's rows packed together (factorPanel). */
  private readonly panel: Float64Array;
  private k = 0;

  constructor(a: Float64Array, n: number) {
    if (a.length !== n * n) throw new Error(`LU: expected ${n * n} values, got ${a.length}`);
    this.n = n;
    // The kernel's memory holds the matrix and, after it, the inverse's work block; a matrix made
    // by luMatrix is in it already.
    const own = prepared.get(a);
    prepared.delete(a);
    this.kernel = own ?? rowKernel(n, n * CB);
    if (this.kernel && !own) this.kernel.f64.set(a);
    this.a = this.kernel ? this.kernel.f64.subarray(0, n * n) : a;
    this.panel = this.kernel ? new Float64Array(0) : new Float64Array(n * Math.min(NB, n));
    this.piv = new Int32Array(n);
    for (let i = 0; i < n; i++) this.piv[i] = i;
    // A pivot below n·eps·max|a| is zero to working precision.
    let max = 0;
    for (let i = 0; i < a.length; i++) {
      const v = Math.abs(a[i]);
      if (v > max) max = v;
    }
    this.tol = Math.max(n, 1) * Number.EPSILON * max;
  }

  get done(): number {
    return this.k;
  }

  get finished(): boolean {
    return this.k >= this.n;
  }

  /** Factor the next panel; returns the number of columns done so far. */
  step(): number {
    const { n, a, piv, tol } = this;
    const kb = this.k;
    if (kb >= n) return n;
    const ke = Math.min(kb + NB, n);

    // 1. Panel: eliminate columns kb..ke-1, updating only inside the panel.
    if (this.kernel) this.factorPanelKernel(this.kernel, kb, ke);
    else factorPanel(a, n, kb, ke, piv, tol, this.panel);

    if (ke < n) {
      // 2. U12 = L11⁻¹ A12 (rows kb..ke-1, columns ke..n-1).
      const { kernel } = this;
      for (let k = kb; k < ke; k++) {
        const rk = k * n;
        for (let r = k + 1; r < ke; r++) {
          const rr = r * n;
          const l = a[rr + k];
          if (l === 0) continue;
          if (kernel) kernel.sub1((rr + ke) * 8, (rk + ke) * 8, l, n - ke);
          else for (let j = ke; j < n; j++) a[rr + j] -= l * a[rk + j];
        }
      }
      // 3. A22 -= L21 U12 in column blocks of JB, so the panel's part of U12 (NB × JB) stays in
      // cache while the trailing rows pass by, four at a time: the kernel keeps a block of 4 rows
      // × 4 columns in registers over the panel's NB k (luRows.ts, rowUpdates.wat).
      for (let j0 = ke; j0 < n; j0 += JB) {
        const j1 = Math.min(j0 + JB, n);
        if (kernel) trailingKernel(kernel, n, kb, ke, j0, j1);
        else trailing(a, n, kb, ke, j0, j1);
      }
    }
    this.k = ke;
    return ke;
  }

  /** factorPanel in the kernel: the panel packed in the work block (n × NB doubles at most, within
   * its n × CB), the pivot rows after it. */
  private factorPanelKernel(kernel: RowKernel, kb: number, ke: number): void {
    const { n, piv } = this;
    const sw = kernel.work + n * NB * 8;
    const done = kernel.panel(0, n, kb, ke, kernel.work, sw, this.tol);
    const rows = new Int32Array(kernel.f64.buffer, sw, done);
    for (let c = 0; c < done; c++) {
      const k = kb + c;
      const p = rows[c];
      if (p === k) continue;
      const t = piv[k];
      piv[k] = piv[p];
      piv[p] = t;
    }
    if (done < ke - kb) throw new SingularMatrixError(kb + done);
  }

  /** Finish the factorization (all remaining panels) and return it. */
  finish(): LU {
    while (!this.finished) this.step();
    return new LU(this.n, this.a, this.piv, this.kernel);
  }
}

/** Columns kb..ke-1 of rows kb..n-1 factored with partial pivoting (rows swapped whole). The
 * panel is packed into `panel` (rows of ke − kb doubles) first: down a column of the matrix each
 * element is a row's length away, so the elimination touched a new cache line per row and
 * pivot, about 40% of the factorisation's time at 1,000 sectors; packed, the panel is one
 * contiguous block. The operations and their order are those of the unpacked loops. */
function factorPanel(a: Float64Array, n: number, kb: number, ke: number, piv: Int32Array, tol: number, panel: Float64Array): void {
  const w = ke - kb;
  for (let i = kb; i < n; i++) {
    const src = i * n + kb;
    const dst = (i - kb) * w;
    for (let c = 0; c < w; c++) panel[dst + c] = a[src + c];
  }
  for (let c = 0; c < w; c++) {
    const k = kb + c;
    let p = k;
    let max = Math.abs(panel[c * w + c]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(panel[(i - kb) * w + c]);
      if (v > max) {
        max = v;
        p = i;
      }
    }
    if (!(max > tol)) throw new SingularMatrixError(k);
    if (p !== k) {
      swapRange(panel, c * w, (p - kb) * w, w);
      // The rest of the two rows: the L already factored (left) and the columns right of the panel.
      swapRange(a, k * n, p * n, kb);
      swapRange(a, k * n + ke, p * n + ke, n - ke);
      const t = piv[k];
      piv[k] = piv[p];
      piv[p] = t;
    }
    const rk = c * w;
    const pivot = panel[rk + c];
    for (let i = k + 1; i < n; i++) {
      const ri = (i - kb) * w;
      const l = panel[ri + c] / pivot;
      panel[ri + c] = l;
      if (l !== 0) for (let j = c + 1; j < w; j++) panel[ri + j] -= l * panel[rk + j];
    }
  }
  for (let i = kb; i < n; i++) {
    const dst = i * n + kb;
    const src = (i - kb) * w;
    for (let c = 0; c < w; c++) a[dst + c] = panel[src + c];
  }
}

function swapRange(x: Float64Array, r: number, s: number, len: number): void {
  for (let j = 0; j < len; j++) {
    const t = x[r + j];
    x[r + j] = x[s + j];
    x[s + j] = t;
  }
}

/** A finished factorization PA = LU (unit lower L and U packed in one array). */
export class LU {
  readonly n: number;
  private readonly lu: Float64Array;
  private readonly piv: Int32Array;
  /** The factorizer's kernel, whose memory holds `lu` and room for the inverse's work block. */
  private readonly kernel: RowKernel | null;

  constructor(n: number, lu: Float64Array, piv: Int32Array, kernel: RowKernel | null = null) {
    this.n = n;
    this.lu = lu;
    this.piv = piv;
    this.kernel = kernel;
  }

  /** Factor a row-major matrix (copied: the caller's array is left unchanged). */
  static factor(a: Float64Array | number[][], n?: number): LU {
    const m = dim(a, n);
    return new LUFactorizer(toRowMajor(a, m), m).finish();
  }

  /** x with A x = b. */
  solve(b: ArrayLike<number>): Float64Array {
    const { n, lu, piv } = this;
    checkLength(b, n);
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = b[piv[i]];
    for (let i = 1; i < n; i++) {
      const ri = i * n;
      let s = x[i];
      for (let j = 0; j < i; j++) s -= lu[ri + j] * x[j];
      x[i] = s;
    }
    for (let i = n - 1; i >= 0; i--) {
      const ri = i * n;
      let s = x[i];
      for (let j = i + 1; j < n; j++) s -= lu[ri + j] * x[j];
      x[i] = s / lu[ri + i];
    }
    return x;
  }

  /** x with Aᵀ x = b (A = PᵀLU, so Aᵀ = UᵀLᵀP). Row-oriented axpy loops keep access contiguous. */
  solveTranspose(b: ArrayLike<number>): Float64Array {
    const { n, lu, piv } = this;
    checkLength(b, n);
    const z = Float64Array.from(b as ArrayLike<number>);
    // Uᵀ z = b
    for (let i = 0; i < n; i++) {
      const ri = i * n;
      const zi = (z[i] /= lu[ri + i]);
      if (zi !== 0) for (let j = i + 1; j < n; j++) z[j] -= lu[ri + j] * zi;
    }
    // Lᵀ y = z
    for (let i = n - 1; i > 0; i--) {
      const ri = i * n;
      const yi = z[i];
      if (yi !== 0) for (let j = 0; j < i; j++) z[j] -= lu[ri + j] * yi;
    }
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[piv[i]] = z[i];
    return x;
  }

  /** A⁻¹ row-major: A⁻¹ = U⁻¹ L⁻¹ P. Column piv[r] of A⁻¹ solves with the unit vector e_r, whose
   * forward solve with unit L is zero above row r: the unit vectors are taken in row order, a
   * block of CB at a time (the block being solved stays in cache), and each block's forward solve
   * starts at its first row — a sixth of n³ multiply-adds instead of a half. */
  inverse(): Float64Array {
    const { n, lu, piv } = this;
    const out = new Float64Array(n * n);
    const { kernel } = this;
    for (let r0 = 0; r0 < n; r0 += CB) {
      const w = Math.min(CB, n - r0);
      const y = kernel ? kernel.f64.subarray(kernel.work / 8, kernel.work / 8 + n * w).fill(0) : new Float64Array(n * w);
      for (let t = 0; t < w; t++) y[(r0 + t) * w + t] = 1;
      if (kernel) solveKernel(kernel, n, r0, w);
      else {
        forward(lu, y, n, r0, w);
        backward(lu, y, n, w);
      }
      // Column t of the block is column piv[r0 + t] of A⁻¹.
      const cols = piv.subarray(r0, r0 + w);
      for (let i = 0; i < n; i++) {
        const oi = i * n;
        const yi = i * w;
        for (let t = 0; t < w; t++) out[oi + cols[t]] = y[yi + t];
      }
    }
    return out;
  }
}

function dim(a: Float64Array | number[][], n?: number): number {
  if (n !== undefined) return n;
  if (a instanceof Float64Array) return Math.round(Math.sqrt(a.length));
  return a.length;
}

/** Row-major copy of a square matrix. */
export function toRowMajor(a: Float64Array | number[][], n?: number): Float64Array {
  if (a instanceof Float64Array) return Float64Array.from(a);
  const m = n ?? a.length;
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    const row = a[i];
    if (row.length !== m) throw new Error(`LU: row ${i} has ${row.length} values, expected ${m}`);
    for (let j = 0; j < m; j++) out[i * m + j] = row[j];
  }
  return out;
}

/** Arrays of arrays from row-major storage. */
export function toRows(a: Float64Array, n: number, m: number = n): number[][] {
  const out: number[][] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = Array.from(a.subarray(i * m, i * m + m));
  return out;
}

function checkLength(b: ArrayLike<number>, n: number): void {
  if (b.length !== n) throw new Error(`LU: right-hand side has ${b.length} values, expected ${n}`);
}
