// Small dense linear algebra for disclosure control: the published cells of a public version
// are linear equations in the confidential plans' inputs (a few dozen unknowns), so an
// orthonormal basis built by Gram–Schmidt is all that is needed to tell what the published
// cells determine. Written here because the systems are tiny (≤ ~100 unknowns) and ml-matrix's
// SVD would cost more in conversions than it saves.

/** Relative size below which a residual counts as zero (finite-difference rows are exact for
 * the linear cells up to rounding, ~1e-10, and independent rows leave residuals of order 1). */
export const DEPENDENT = 1e-6;

const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};
export const norm = (a: Float64Array): number => Math.sqrt(dot(a, a));

/** An orthonormal basis of the span of the vectors added so far. */
export class Subspace {
  readonly basis: Float64Array[] = [];
  constructor(readonly dim: number) {}

  /** v minus its projection on the subspace (two passes of modified Gram–Schmidt). */
  residual(v: Float64Array): Float64Array {
    const w = Float64Array.from(v);
    for (let pass = 0; pass < 2; pass++)
      for (const q of this.basis) {
        const c = dot(q, w);
        for (let i = 0; i < w.length; i++) w[i] -= c * q[i];
      }
    return w;
  }

  /** Whether v lies in the subspace (relative residual below DEPENDENT). A zero v does. */
  contains(v: Float64Array): boolean {
    const n = norm(v);
    return n === 0 || norm(this.residual(v)) <= DEPENDENT * n;
  }

  /** Adds v; returns whether it enlarged the subspace. */
  add(v: Float64Array): boolean {
    const n = norm(v);
    if (n === 0) return false;
    const w = this.residual(v);
    const r = norm(w);
    if (r <= DEPENDENT * n) return false;
    for (let i = 0; i < w.length; i++) w[i] /= r;
    this.basis.push(w);
    return true;
  }

  get rank(): number {
    return this.basis.length;
  }
}

export function spanOf(rows: Float64Array[], dim: number): Subspace {
  const s = new Subspace(dim);
  for (const r of rows) s.add(r);
  return s;
}

/** A nonzero vector of the subspace whose entries outside `coords` are zero, or null when the
 * subspace meets the coordinate subspace of `coords` only in 0. (The published cells then
 * determine some function of those coordinates alone, e.g. of one plan's inputs.) */
export function meetsCoordinates(space: Subspace, coords: number[]): Float64Array | null {
  const r = space.rank;
  if (r === 0) return null;
  const inside = new Set(coords);
  // t = Σ y_i q_i must vanish outside coords: C y = 0 with C[j][i] = q_i[j], j ∉ coords.
  const rowsOfC = new Subspace(r);
  for (let j = 0; j < space.dim; j++) {
    if (inside.has(j)) continue;
    rowsOfC.add(Float64Array.from(space.basis, (q) => q[j]));
    if (rowsOfC.rank === r) return null;
  }
  for (let i = 0; i < r; i++) {
    const e = new Float64Array(r);
    e[i] = 1;
    const y = rowsOfC.residual(e);
    if (norm(y) <= DEPENDENT) continue;
    const t = new Float64Array(space.dim);
    space.basis.forEach((q, k) => {
      for (let j = 0; j < t.length; j++) t[j] += y[k] * q[j];
    });
    for (let j = 0; j < t.length; j++) if (!inside.has(j)) t[j] = 0;
    return t;
  }
  return null;
}

/** Coefficients μ with t = Σ μ_k rows[k] over a set of linearly independent rows (least
 * squares through the normal equations; the rows are few and well separated). */
export function coefficientsIn(rows: Float64Array[], t: Float64Array): number[] {
  const k = rows.length;
  const g = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => dot(rows[i], rows[j])));
  const b = rows.map((r) => dot(r, t));
  // Gaussian elimination with partial pivoting.
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(g[r][c]) > Math.abs(g[p][c])) p = r;
    [g[c], g[p]] = [g[p], g[c]];
    [b[c], b[p]] = [b[p], b[c]];
    if (Math.abs(g[c][c]) < 1e-300) continue;
    for (let r = c + 1; r < k; r++) {
      const f = g[r][c] / g[c][c];
      if (f === 0) continue;
      for (let j = c; j < k; j++) g[r][j] -= f * g[c][j];
      b[r] -= f * b[c];
    }
  }
  const x = new Array<number>(k).fill(0);
  for (let c = k - 1; c >= 0; c--) {
    let s = b[c];
    for (let j = c + 1; j < k; j++) s -= g[c][j] * x[j];
    x[c] = Math.abs(g[c][c]) < 1e-300 ? 0 : s / g[c][c];
  }
  return x;
}
