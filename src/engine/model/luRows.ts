// The block updates of lu.ts — the trailing update of the factorisation and the inverse's forward
// and backward solves — in JavaScript, and their twins through the WebAssembly kernel
// (kernel/rowUpdates.wat), which make per element the same operations in the same order, so their
// results are identical. All are T -= L·U with k in groups of four: for each group in order,
// t = t − (((l0·u0 + l1·u1) + l2·u2) + l3·u3); target rows two at a time (each operand row loaded
// once for both), a group skipped for a pair when its eight coefficients are zero (sparse tables).
import type { RowKernel } from "./kernel/rowKernel";

/** Rows of t (row stride ts, from td; `rows` of them, `cols` wide) minus Σ over `groups` groups g
 * of Σ_t l[ld + r·ls + 4g + t] · u[ud + (4g + t)·us + c]. */
function blockUpdate(
  t: Float64Array, td: number, ts: number,
  l: Float64Array, ld: number, ls: number,
  u: Float64Array, ud: number, us: number,
  rows: number, cols: number, groups: number,
): void {
  let r = 0;
  for (; r + 1 < rows; r += 2) {
    const da = td + r * ts;
    const db = da + ts;
    for (let g = 0; g < groups; g++) {
      const p = ld + r * ls + 4 * g;
      const q = p + ls;
      const a0 = l[p], a1 = l[p + 1], a2 = l[p + 2], a3 = l[p + 3];
      const b0 = l[q], b1 = l[q + 1], b2 = l[q + 2], b3 = l[q + 3];
      if (a0 === 0 && a1 === 0 && a2 === 0 && a3 === 0 && b0 === 0 && b1 === 0 && b2 === 0 && b3 === 0) continue;
      const u0 = ud + 4 * g * us;
      const u1 = u0 + us;
      const u2 = u1 + us;
      const u3 = u2 + us;
      for (let c = 0; c < cols; c++) {
        const x0 = u[u0 + c], x1 = u[u1 + c], x2 = u[u2 + c], x3 = u[u3 + c];
        t[da + c] -= a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
        t[db + c] -= b0 * x0 + b1 * x1 + b2 * x2 + b3 * x3;
      }
    }
  }
  if (r < rows) {
    const d = td + r * ts;
    for (let g = 0; g < groups; g++) {
      const p = ld + r * ls + 4 * g;
      const l0 = l[p], l1 = l[p + 1], l2 = l[p + 2], l3 = l[p + 3];
      if (l0 === 0 && l1 === 0 && l2 === 0 && l3 === 0) continue;
      const u0 = ud + 4 * g * us;
      const u1 = u0 + us;
      const u2 = u1 + us;
      const u3 = u2 + us;
      for (let c = 0; c < cols; c++) t[d + c] -= l0 * u[u0 + c] + l1 * u[u1 + c] + l2 * u[u2 + c] + l3 * u[u3 + c];
    }
  }
}

/** y[d..d+w) -= x · y[s..s+w) */
function axpy(y: Float64Array, d: number, s: number, x: number, w: number): void {
  for (let c = 0; c < w; c++) y[d + c] -= x * y[s + c];
}

/** A22 -= L21·U12 for the panel kb..ke-1 (ke − kb a multiple of 4), columns j0..j1-1. */
export function trailing(a: Float64Array, n: number, kb: number, ke: number, j0: number, j1: number): void {
  blockUpdate(a, ke * n + j0, n, a, ke * n + kb, n, a, kb * n + j0, n, n - ke, j1 - j0, (ke - kb) >> 2);
}

/** The inverse's forward solve with unit L of y (n × w) whose rows above r0 are zero: rows in
 * blocks of four from r0, each taking the groups of four rows above it (from r0), then its own
 * rows above each row one at a time. The order of a row's terms is that of a row-by-row solve
 * grouping from r0, so only the skip of zero groups depends on the blocking. */
export function forward(lu: Float64Array, y: Float64Array, n: number, r0: number, w: number): void {
  for (let i0 = r0; i0 < n; i0 += 4) {
    const rows = Math.min(4, n - i0);
    blockUpdate(y, i0 * w, w, lu, i0 * n + r0, n, y, r0 * w, w, rows, w, (i0 - r0) >> 2);
    for (let i = i0 + 1; i < i0 + rows; i++)
      for (let j = i0; j < i; j++) {
        const x = lu[i * n + j];
        if (x !== 0) axpy(y, i * w, j * w, x, w);
      }
  }
}

/** The backward solve with U of the same block: rows in blocks of four from the bottom (the top
 * block has n mod 4), each taking the groups of four rows below it, then each of its rows, from
 * its last, the block's rows below it one at a time; then the division by the pivot. */
export function backward(lu: Float64Array, y: Float64Array, n: number, w: number): void {
  for (let e = n; e > 0; ) {
    const s = Math.max(0, e - 4);
    blockUpdate(y, s * w, w, lu, s * n + e, n, y, e * w, w, e - s, w, (n - e) >> 2);
    for (let i = e - 1; i >= s; i--) {
      for (let j = i + 1; j < e; j++) {
        const x = lu[i * n + j];
        if (x !== 0) axpy(y, i * w, j * w, x, w);
      }
      const d = lu[i * n + i];
      for (let c = 0; c < w; c++) y[i * w + c] /= d;
    }
    e = s;
  }
}

// The same through the kernel: `a`, `lu` and the inverse's block are views of the kernel's memory
// (the matrix from 0), so an element's byte offset is 8 × its index.

/** trailing through the kernel. */
export function trailingKernel(kn: RowKernel, n: number, kb: number, ke: number, j0: number, j1: number): void {
  kn.trailing(0, n, kb, ke, j0, j1);
}

/** forward and backward through the kernel, on the block at kn.work (n × w). */
export function solveKernel(kn: RowKernel, n: number, r0: number, w: number): void {
  kn.forward(kn.work, 0, n, r0, w);
  kn.backward(kn.work, 0, n, w);
}
