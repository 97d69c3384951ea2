// How far a reader can narrow a figure down: the largest value of a linear function c·w over
// { w : a_i·w + b_i ≥ 0 } (the published equations already solved for, the amounts' signs as
// inequalities). Solved through its dual, min b·y s.t. Σ y_i (−a_i) = c, y ≥ 0, by a dense
// two-phase simplex with Bland's rule (no cycling). The systems are small: a few dozen
// unknowns and at most a few thousand inequalities, so a hand-written tableau is enough and
// no dependency is needed.

import { DEPENDENT, norm, Subspace } from "./linalg";

const EPS = 1e-9;
/** Entries of the entering column below this count as 0 in the ratio test (every row that
 * the step can drive negative takes part; Harris' second pass then prefers large pivots). */
const PIVOT = 1e-11;

/** x with A x = b (A square, rows given), by Gaussian elimination with partial pivoting;
 * null when A is singular. */
function solve(A: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = A.map((r, i) => [...r, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    if (Math.abs(m[p][c]) < 1e-13) return null;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      if (f !== 0) for (let j = c; j <= n; j++) m[r][j] -= f * m[c][j];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let c = n - 1; c >= 0; c--) {
    let s = m[c][n];
    for (let j = c + 1; j < n; j++) s -= m[c][j] * x[j];
    x[c] = s / m[c][c];
  }
  return x;
}

/** min cost·y s.t. M y = rhs, y ≥ 0 (M as k rows of length m, full row rank). null when
 * infeasible, −Infinity when unbounded below. A revised simplex: every step solves with the
 * basis afresh (k ≤ a few dozen), so rounding does not pile up as in a tableau. Entering
 * column by the most negative reduced cost (Bland's smallest index after steps without
 * progress, so degenerate cycles end); leaving row by Harris' two-pass ratio test. */
export function simplexMin(M: ArrayLike<number>[], rhs: number[], cost: number[], out: { y?: number[]; pi?: number[] } = {}): number | null {
  const k = M.length;
  const m = cost.length;
  // Columns 0..m−1 real, m..m+k−1 artificials (signed so that the start is feasible).
  const sign = rhs.map((x) => (x < 0 ? -1 : 1));
  const col = (j: number): number[] => (j < m ? Array.from({ length: k }, (_, r) => M[r][j]) : Array.from({ length: k }, (_, r) => (r === j - m ? sign[r] : 0)));
  const basis = Array.from({ length: k }, (_, r) => m + r);
  const run = (obj: (j: number) => number, columns: number): number | "singular" => {
    const limit = 50 * (k + m + k);
    let stalled = 0;
    let last = Infinity;
    for (let it = 0; it < limit; it++) {
      const Bt = basis.map(col); // rows of Bᵀ
      const B = Array.from({ length: k }, (_, r) => Bt.map((c) => c[r]));
      const x = solve(B, rhs);
      const pi = solve(Bt, basis.map(obj));
      if (!x || !pi) return "singular";
      const value = basis.reduce((s, j, r) => s + obj(j) * x[r], 0);
      stalled = value < last - EPS ? 0 : stalled + 1;
      last = Math.min(last, value);
      const inBasis = new Set(basis);
      let enter = -1;
      let most = -EPS;
      for (let j = 0; j < columns; j++) {
        if (inBasis.has(j)) continue;
        const a = col(j);
        const red = obj(j) - a.reduce((s, v, r) => s + v * pi[r], 0);
        if (red < most) {
          enter = j;
          most = red;
          if (stalled > 30) break;
        }
      }
      if (enter < 0) {
        out.y = new Array<number>(m).fill(0);
        basis.forEach((j, r) => j < m && (out.y![j] = x[r]));
        out.pi = pi;
        return value;
      }
      const d = solve(B, col(enter));
      if (!d) return "singular";
      let bound = Infinity;
      for (let r = 0; r < k; r++) if (d[r] > PIVOT) bound = Math.min(bound, (Math.max(0, x[r]) + EPS) / d[r]);
      if (bound === Infinity) return -Infinity;
      let leave = -1;
      if (stalled > 30) {
        // Bland: the smallest ratio, ties to the smallest basic index.
        let best = Infinity;
        for (let r = 0; r < k; r++) {
          if (d[r] <= PIVOT) continue;
          const t = Math.max(0, x[r]) / d[r];
          if (t < best - EPS || (t <= best + EPS && basis[r] < basis[leave])) [best, leave] = [t, r];
        }
      } else for (let r = 0; r < k; r++) if (d[r] > PIVOT && Math.max(0, x[r]) / d[r] <= bound && (leave < 0 || d[r] > d[leave])) leave = r;
      basis[leave] = enter;
    }
    return "singular"; // no end in sight: reported as unverified, like a singular basis
  };
  const scale = Math.max(1, ...rhs.map(Math.abs));
  const p1 = run((j) => (j < m ? 0 : 1), m + k);
  if (p1 === "singular") return NaN;
  if (p1 > 1e-7 * scale) return null;
  // Artificials left in the basis (at level 0): swap in a real column that keeps it regular.
  for (let r = 0; r < k; r++) {
    if (basis[r] < m) continue;
    const Bt = basis.map(col);
    const B = Array.from({ length: k }, (_, q) => Bt.map((c) => c[q]));
    for (let j = 0; j < m; j++) {
      if (basis.includes(j)) continue;
      const d = solve(B, col(j));
      if (d && Math.abs(d[r]) > 1e-6) {
        basis[r] = j;
        break;
      }
    }
  }
  // Costs scaled to at most 1, so that the reduced-cost tolerance is relative.
  const cmax = Math.max(1e-300, ...cost.map(Math.abs));
  const p2 = run((j) => (j < m ? cost[j] / cmax : 0), m);
  if (p2 === "singular") return NaN;
  if (out.pi) out.pi = out.pi.map((x) => x * cmax);
  return p2 * cmax;
}

/** What the solver can vouch for about sup c·w over { w : a_i·w + b_i ≥ 0 } (b ≥ 0):
 * `reach` is c·w at a point w checked to satisfy every row (a lower bound of the sup; 0, the
 * point w = 0, when nothing better is verified); `upper` is b·y for a dual y checked to be
 * ≥ 0 with Σ y_i(−a_i) = c (an upper bound; NaN when no such y was verified). Infinity for
 * both when no row bounds c·w. Rounding can mislead a simplex; these checks make each
 * number safe to use on its own side. */
export interface Bound {
  reach: number;
  upper: number;
}

export function maximize(a: Float64Array[], b: number[], c: Float64Array): Bound {
  const dim = c.length;
  const cn = norm(c);
  if (dim === 0 || cn === 0) return { reach: 0, upper: 0 };
  // Rows scaled to unit length (the same half-spaces, better conditioned). A row this small
  // only binds ~1e9 away: numerical noise of a constant figure, dropped.
  const rows: Float64Array[] = [];
  const rhs: number[] = [];
  a.forEach((row, i) => {
    const n = norm(row);
    if (n <= 1e-9 * Math.max(1, Math.abs(b[i]))) return;
    rows.push(row.map((x) => x / n));
    rhs.push(b[i] / n);
  });
  // Directions no row constrains: if c moves along one, c·w is unbounded. Otherwise work in
  // the rows' span (orthonormal basis U), where the dual's equations have full rank.
  const span = new Subspace(dim);
  for (const r of rows) span.add(r);
  if (norm(span.residual(c)) > DEPENDENT * cn) return { reach: Infinity, upper: Infinity };
  const U = span.basis;
  const coords = (v: Float64Array) => U.map((q) => q.reduce((s, x, j) => s + x * v[j], 0));
  const ar = rows.map(coords);
  const cr = coords(c).map((x) => x / cn);
  // Dual: M y = c with M[l][i] = −a_i[l]; its multipliers π are the primal point (in U).
  let best: Bound = { reach: 0, upper: NaN };
  // Another order of the rows takes the simplex along another path; a result that fails its
  // check on one path is usually fine on another.
  for (let attempt = 0; attempt < 4; attempt++) {
    const order = ar.map((_, i) => i);
    if (attempt % 2 === 1) order.reverse();
    if (attempt >= 2) order.push(...order.splice(0, Math.floor(order.length / attempt)));
    const r = certified(U.length, order.map((i) => ar[i]), order.map((i) => rhs[i]), cr, cn);
    if (r.reach === Infinity) return r;
    best = { reach: Math.max(best.reach, r.reach), upper: Number.isNaN(best.upper) ? r.upper : Number.isNaN(r.upper) ? best.upper : Math.min(best.upper, r.upper) };
    if (!Number.isNaN(best.upper) && best.reach >= best.upper - 1e-7 * (1 + Math.abs(best.upper))) break;
  }
  return best;
}

/** One simplex run on the dual, with its results checked (see Bound). */
function certified(k: number, ar: number[][], rhs: number[], cr: number[], cn: number): Bound {
  const M = Array.from({ length: k }, (_, l) => Float64Array.from(ar, (r) => -r[l]));
  const out: { y?: number[]; pi?: number[] } = {};
  const v = simplexMin(M, cr, rhs, out);
  if (v === null) return { reach: Infinity, upper: Infinity };
  let reach = 0;
  if (out.pi && ar.every((r, i) => r.reduce((s, x, l) => s + x * out.pi![l], 0) + rhs[i] >= -1e-7 * (1 + rhs[i])))
    reach = Math.max(0, cr.reduce((s, x, l) => s + x * out.pi![l], 0) * cn);
  let upper = NaN;
  if (out.y) {
    // Small negative entries are rounding: dropped, and the residual they leave is checked.
    const y = out.y.map((x) => Math.max(0, x));
    const size = y.reduce((s, x) => s + x, 0);
    const residual = M.map((row, l) => row.reduce((s, x, i) => s + x * y[i], 0) - cr[l]);
    if (norm(Float64Array.from(residual)) <= 1e-7 * (1 + size)) upper = y.reduce((s, x, i) => s + x * rhs[i], 0) * cn;
  }
  return { reach, upper };
}

/** The verified range of c·w: `reach` [lo, hi] attained at checked points (what a protection
 * may rely on), `bound` [lo, hi] proved by checked dual certificates (what an attack may
 * claim; NaN where unverified). */
export function rangeOver(a: Float64Array[], b: number[], c: Float64Array): { reach: [number, number]; bound: [number, number] } {
  const up = maximize(a, b, c);
  const down = maximize(a, b, c.map((x) => -x));
  return { reach: [-down.reach, up.reach], bound: [-down.upper, up.upper] };
}
