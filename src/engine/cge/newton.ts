// Newton's method with a backtracking (Armijo) line search on a square system F(x) = 0, the
// Jacobian given by the caller (the CGE's is analytic, jacobian.ts) or by forward differences,
// each step solved with the project's LU (engine/model/lu.ts).
// Written here rather than taken from a library: the system is small and dense, the LU is already
// the project's, and the caller needs the residual vector at failure to name the block.

import { LU, SingularMatrixError } from "../model/lu";

export interface NewtonOptions {
  /** Converged when max |F_i| ≤ tol. */
  tol: number;
  maxIterations: number;
  /** Cancellation between iterations. */
  signal?: AbortSignal;
  /** The Jacobian at x (row-major n × n); forward differences when absent. */
  jacobian?: (x: Float64Array) => Float64Array;
}

export type NewtonOutcome =
  | { ok: true; x: Float64Array; residual: number; iterations: number }
  | { ok: false; x: Float64Array; f: Float64Array; residual: number; iterations: number; reason: "max-iterations" | "line-search" | "singular" | "not-finite" };

const maxAbs = (f: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < f.length; i++) {
    const a = Math.abs(f[i]);
    if (!(a <= m)) m = a; // NaN propagates as "larger"
  }
  return m;
};
const sq = (f: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < f.length; i++) s += f[i] * f[i];
  return s;
};

export function forwardDifferenceJacobian(F: (x: Float64Array) => Float64Array, x: Float64Array, f0: Float64Array): Float64Array {
  const n = x.length;
  const J = new Float64Array(n * n);
  const xp = Float64Array.from(x);
  for (let j = 0; j < n; j++) {
    // Step ~ sqrt(machine epsilon) relative to the variable: balances truncation and rounding.
    const h = 1.5e-8 * Math.max(1, Math.abs(x[j]));
    xp[j] = x[j] + h;
    const fj = F(xp);
    xp[j] = x[j];
    for (let i = 0; i < n; i++) J[i * n + j] = (fj[i] - f0[i]) / h;
  }
  return J;
}

export function newton(F: (x: Float64Array) => Float64Array, x0: Float64Array, opt: NewtonOptions): NewtonOutcome {
  let x = Float64Array.from(x0);
  let f = F(x);
  let res = maxAbs(f);
  const fail = (reason: "max-iterations" | "line-search" | "singular" | "not-finite", it: number): NewtonOutcome => ({ ok: false, x, f, residual: res, iterations: it, reason });
  for (let it = 0; ; it++) {
    if (!Number.isFinite(res)) return fail("not-finite", it);
    if (res <= opt.tol) return { ok: true, x, residual: res, iterations: it };
    if (it >= opt.maxIterations) return fail("max-iterations", it);
    if (opt.signal?.aborted) throw opt.signal.reason ?? new Error("aborted");
    let step: Float64Array;
    try {
      step = LU.factor(opt.jacobian ? opt.jacobian(x) : forwardDifferenceJacobian(F, x, f), x.length).solve(f.map((v) => -v));
    } catch (e) {
      if (e instanceof SingularMatrixError) return fail("singular", it);
      throw e;
    }
    const phi0 = sq(f);
    let t = 1;
    let accepted = false;
    while (t >= 1e-10) {
      const xt = x.map((v, i) => v + t * step[i]);
      const ft = F(xt);
      const phi = sq(ft);
      // Armijo on ½‖F‖²: the Newton direction's directional derivative is −‖F‖².
      if (Number.isFinite(phi) && phi <= (1 - 1e-4 * t) * phi0) {
        x = xt;
        f = ft;
        res = maxAbs(f);
        accepted = true;
        break;
      }
      t /= 2;
    }
    if (!accepted) {
      // Near the solution rounding can stall the merit function: take the full step when it does
      // not make the largest residual worse, else give up.
      const xt = x.map((v, i) => v + step[i]);
      const ft = F(xt);
      if (!(maxAbs(ft) <= res)) return fail("line-search", it + 1);
      x = xt;
      f = ft;
      res = maxAbs(f);
    }
  }
}
