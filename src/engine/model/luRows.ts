// The row updates of lu.ts: the trailing update of the factorisation and the inverse's block
// solves, in JavaScript and through the WebAssembly kernel (kernel/rowKernel.ts). Each kernel
// twin makes the same calls in the same order as its JavaScript loop, so results are identical.
import type { RowKernel } from "./kernel/rowKernel";

/** Rows ri/n and ri/n + 1 of A22 (columns j0..j1-1) minus their L21 part times U12. */
export function trailingPair(a: Float64Array, n: number, ri: number, kb: number, ke: number, j0: number, j1: number): void {
  const rs = ri + n;
  let k = kb;
  for (; k + 3 < ke; k += 4) {
    const a0 = a[ri + k];
    const a1 = a[ri + k + 1];
    const a2 = a[ri + k + 2];
    const a3 = a[ri + k + 3];
    const b0 = a[rs + k];
    const b1 = a[rs + k + 1];
    const b2 = a[rs + k + 2];
    const b3 = a[rs + k + 3];
    if (a0 === 0 && a1 === 0 && a2 === 0 && a3 === 0 && b0 === 0 && b1 === 0 && b2 === 0 && b3 === 0) continue;
    const r0 = k * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    for (let j = j0; j < j1; j++) {
      const u0 = a[r0 + j];
      const u1 = a[r1 + j];
      const u2 = a[r2 + j];
      const u3 = a[r3 + j];
      a[ri + j] -= a0 * u0 + a1 * u1 + a2 * u2 + a3 * u3;
      a[rs + j] -= b0 * u0 + b1 * u1 + b2 * u2 + b3 * u3;
    }
  }
  for (; k < ke; k++) {
    const l = a[ri + k];
    const m = a[rs + k];
    if (l === 0 && m === 0) continue;
    const rk = k * n;
    for (let j = j0; j < j1; j++) {
      const u = a[rk + j];
      a[ri + j] -= l * u;
      a[rs + j] -= m * u;
    }
  }
}

/** One row of the trailing update (the last of an odd count). */
export function trailingRow(a: Float64Array, n: number, ri: number, kb: number, ke: number, j0: number, j1: number): void {
  let k = kb;
  for (; k + 3 < ke; k += 4) {
    const l0 = a[ri + k];
    const l1 = a[ri + k + 1];
    const l2 = a[ri + k + 2];
    const l3 = a[ri + k + 3];
    if (l0 === 0 && l1 === 0 && l2 === 0 && l3 === 0) continue;
    const r0 = k * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    for (let j = j0; j < j1; j++) a[ri + j] -= l0 * a[r0 + j] + l1 * a[r1 + j] + l2 * a[r2 + j] + l3 * a[r3 + j];
  }
  for (; k < ke; k++) {
    const l = a[ri + k];
    if (l === 0) continue;
    const rk = k * n;
    for (let j = j0; j < j1; j++) a[ri + j] -= l * a[rk + j];
  }
}

/** The inverse's block of unit columns r0..r0+w-1 (y, n × w): forward with unit L from row r0,
 * then backward with U. */
export function solveBlock(lu: Float64Array, y: Float64Array, n: number, r0: number, w: number): void {
  // Forward (unit L) from row r0: rows above are zero. Four source rows per pass so each
  // target element is loaded once per four multiply-adds.
  for (let i = r0 + 1; i < n; i++) {
    const ri = i * n;
    const yi = i * w;
    let j = r0;
    for (; j + 3 < i; j += 4) {
      const l0 = lu[ri + j];
      const l1 = lu[ri + j + 1];
      const l2 = lu[ri + j + 2];
      const l3 = lu[ri + j + 3];
      if (l0 === 0 && l1 === 0 && l2 === 0 && l3 === 0) continue;
      const y0 = j * w;
      const y1 = y0 + w;
      const y2 = y1 + w;
      const y3 = y2 + w;
      for (let c = 0; c < w; c++) y[yi + c] -= l0 * y[y0 + c] + l1 * y[y1 + c] + l2 * y[y2 + c] + l3 * y[y3 + c];
    }
    for (; j < i; j++) {
      const l = lu[ri + j];
      if (l === 0) continue;
      const yj = j * w;
      for (let c = 0; c < w; c++) y[yi + c] -= l * y[yj + c];
    }
  }
  // Backward (U), same unrolling.
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    const yi = i * w;
    let j = i + 1;
    for (; j + 3 < n; j += 4) {
      const u0 = lu[ri + j];
      const u1 = lu[ri + j + 1];
      const u2 = lu[ri + j + 2];
      const u3 = lu[ri + j + 3];
      if (u0 === 0 && u1 === 0 && u2 === 0 && u3 === 0) continue;
      const y0 = j * w;
      const y1 = y0 + w;
      const y2 = y1 + w;
      const y3 = y2 + w;
      for (let c = 0; c < w; c++) y[yi + c] -= u0 * y[y0 + c] + u1 * y[y1 + c] + u2 * y[y2 + c] + u3 * y[y3 + c];
    }
    for (; j < n; j++) {
      const u = lu[ri + j];
      if (u === 0) continue;
      const yj = j * w;
      for (let c = 0; c < w; c++) y[yi + c] -= u * y[yj + c];
    }
    const d = lu[ri + i];
    for (let c = 0; c < w; c++) y[yi + c] /= d;
  }
}


// The same loops with the inner updates in the WebAssembly kernel: `a`, `lu` and the work block are
// views of the kernel's memory, so an element's byte offset is 8 × its index (plus the view's).

/** trailingPair through the kernel (a is kernel.f64 from 0). */
export function trailingPairKernel(kn: RowKernel, a: Float64Array, n: number, ri: number, kb: number, ke: number, j0: number, j1: number): void {
  const rs = ri + n;
  const len = j1 - j0;
  let k = kb;
  for (; k + 3 < ke; k += 4) {
    const a0 = a[ri + k];
    const a1 = a[ri + k + 1];
    const a2 = a[ri + k + 2];
    const a3 = a[ri + k + 3];
    const b0 = a[rs + k];
    const b1 = a[rs + k + 1];
    const b2 = a[rs + k + 2];
    const b3 = a[rs + k + 3];
    if (a0 === 0 && a1 === 0 && a2 === 0 && a3 === 0 && b0 === 0 && b1 === 0 && b2 === 0 && b3 === 0) continue;
    const r0 = k * n + j0;
    kn.sub4x2((ri + j0) * 8, (rs + j0) * 8, r0 * 8, (r0 + n) * 8, (r0 + 2 * n) * 8, (r0 + 3 * n) * 8, a0, a1, a2, a3, b0, b1, b2, b3, len);
  }
  for (; k < ke; k++) {
    const l = a[ri + k];
    const m = a[rs + k];
    if (l === 0 && m === 0) continue;
    kn.sub1x2((ri + j0) * 8, (rs + j0) * 8, (k * n + j0) * 8, l, m, len);
  }
}

/** trailingRow through the kernel. */
export function trailingRowKernel(kn: RowKernel, a: Float64Array, n: number, ri: number, kb: number, ke: number, j0: number, j1: number): void {
  const len = j1 - j0;
  let k = kb;
  for (; k + 3 < ke; k += 4) {
    const l0 = a[ri + k];
    const l1 = a[ri + k + 1];
    const l2 = a[ri + k + 2];
    const l3 = a[ri + k + 3];
    if (l0 === 0 && l1 === 0 && l2 === 0 && l3 === 0) continue;
    const r0 = k * n + j0;
    kn.sub4((ri + j0) * 8, r0 * 8, (r0 + n) * 8, (r0 + 2 * n) * 8, (r0 + 3 * n) * 8, l0, l1, l2, l3, len);
  }
  for (; k < ke; k++) {
    const l = a[ri + k];
    if (l !== 0) kn.sub1((ri + j0) * 8, (k * n + j0) * 8, l, len);
  }
}

/** solveBlock through the kernel: lu is kernel.f64 from 0 (n × n), the block right after it. */
export function solveBlockKernel(kn: RowKernel, lu: Float64Array, n: number, r0: number, w: number): void {
  const y = kn.f64;
  const base = n * n;
  const yAt = base * 8;
  for (let i = r0 + 1; i < n; i++) kn.rowSolve(yAt + i * w * 8, i * n * 8, yAt, r0, i, w);
  for (let i = n - 1; i >= 0; i--) {
    kn.rowSolve(yAt + i * w * 8, i * n * 8, yAt, i + 1, n, w);
    const d = lu[i * n + i];
    const yi = base + i * w;
    for (let c = 0; c < w; c++) y[yi + c] /= d;
  }
}
