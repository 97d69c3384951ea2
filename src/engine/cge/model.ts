// The reduced square system of STDCGE. Given the domestic prices pd, activity levels Z, the factor
// prices (numeraire fixed), the exchange rate and the quota premia, every other variable of the
// model follows in closed form (X, Y, F, taxes, demands, CES/CET allocations), so the system has
// 2n + H + (binding quotas) unknowns instead of the GAMS model's O(n²).
//
// Equations: per good the zero-profit condition of the CET (gross output price = revenue per unit)
// and market clearing of the Armington composite; factor markets except the numeraire's (implied
// by Walras' law, checked after the solve); the balance of payments; binding import quotas.
// CES/CET functions are written in calibrated-share form: identical to the GAMS forms at every
// point (same elasticity, same benchmark point and shares) and defined when a flow is zero.

import type { Calibration } from "./calibrate";

/** Exogenous settings of one run (benchmark values unless a scenario changes them). */
export interface Policy {
  pWe: number[];
  pWm: number[];
  taum: number[];
  tauz: number[];
  /** Composite-factor productivity multiplier (b_j × prod_j). */
  prod: number[];
  FF: number[];
  /** Import ceiling per good (null: no quota). */
  quota: (number | null)[];
  /** Goods whose quota is treated as binding (an unknown premium χ_i). */
  binding: number[];
  numeraire: number;
  numeraireValue: number;
}

export function benchmarkPolicy(c: Calibration, numeraire: number, numeraireValue = 1): Policy {
  return {
    pWe: c.goods.map(() => 1),
    pWm: c.goods.map(() => 1),
    taum: [...c.taum],
    tauz: [...c.tauz],
    prod: c.goods.map(() => 1),
    FF: [...c.flows.FF],
    quota: c.goods.map(() => null),
    binding: [],
    numeraire,
    numeraireValue,
  };
}

/** Every variable of the model at one point. */
export interface Economy {
  pd: number[];
  Z: number[];
  pf: number[];
  epsilon: number;
  /** Quota premium rate per good (0 without a binding quota): import price to buyers (1+τm+χ)pm. */
  chi: number[];
  py: number[];
  pz: number[];
  pq: number[];
  pe: number[];
  pm: number[];
  /** Unit revenue of the CET relative to its benchmark (= (1+τz)pz/(1+τz0) at equilibrium). */
  rev: number[];
  Y: number[];
  F: number[][];
  X: number[][];
  E: number[];
  D: number[];
  Q: number[];
  M: number[];
  Xp: number[];
  Xg: number[];
  Xv: number[];
  Td: number;
  Tz: number[];
  Tm: number[];
  Sp: number;
  Sg: number;
  income: number;
  rents: number[];
  UU: number;
}

/** Unknowns: ln pd (n), ln Z (n), ln pf without the numeraire (H−1), ln ε, χ of binding quotas. */
export function unknownCount(c: Calibration, p: Policy): number {
  return 2 * c.n + c.H + p.binding.length;
}

/** Normalised CES unit cost of shares s at relative prices r (σ = 1: Cobb–Douglas). */
function cesUnitCost(s: number[], r: number[], sigma: number): number {
  if (sigma === 1) return s.reduce((p, si, k) => (si > 0 ? p * Math.pow(r[k], si) : p), 1);
  let t = 0;
  for (let k = 0; k < s.length; k++) if (s[k] > 0) t += s[k] * Math.pow(r[k], 1 - sigma);
  return Math.pow(t, 1 / (1 - sigma));
}

/** Normalised CET unit revenue of shares s at relative prices r. */
function cetUnitRevenue(s: number[], r: number[], psi: number): number {
  let t = 0;
  for (let k = 0; k < s.length; k++) if (s[k] > 0) t += s[k] * Math.pow(r[k], 1 + psi);
  return Math.pow(t, 1 / (1 + psi));
}

function prices(c: Calibration, p: Policy, x: ArrayLike<number>) {
  const { n, H } = c;
  const pd = Array.from({ length: n }, (_, i) => Math.exp(x[i]));
  const Z = Array.from({ length: n }, (_, i) => Math.exp(x[n + i]));
  const pf: number[] = [];
  for (let h = 0, k = 0; h < H; h++) pf.push(h === p.numeraire ? p.numeraireValue : Math.exp(x[2 * n + k++]));
  const epsilon = Math.exp(x[2 * n + H - 1]);
  const chi = c.goods.map(() => 0);
  p.binding.forEach((i, k) => (chi[i] = x[2 * n + H + k]));
  const py = c.goods.map((_, j) => c.beta.reduce((q, row, h) => (row[j] > 0 ? q * Math.pow(pf[h], row[j]) : q), 1) / p.prod[j]);
  const pe = p.pWe.map((w) => epsilon * w);
  const pm = p.pWm.map((w) => epsilon * w);
  const pq = c.goods.map((_, i) =>
    cesUnitCost([c.shareM[i], c.shareD[i]], [((1 + p.taum[i] + chi[i]) * pm[i]) / (1 + c.taum[i]), pd[i]], c.sigma[i]),
  );
  const pz = c.goods.map((_, j) => {
    let s = c.ay[j] * py[j];
    for (let i = 0; i < n; i++) s += c.ax[i][j] * pq[i];
    return s;
  });
  const rev = c.goods.map((_, i) => cetUnitRevenue([c.shareE[i], c.shareDT[i]], [pe[i], pd[i]], c.psi[i]));
  return { pd, Z, pf, epsilon, chi, py, pe, pm, pq, pz, rev };
}

export function economy(c: Calibration, p: Policy, x: ArrayLike<number>): Economy {
  const pr = prices(c, p, x);
  const { pd, Z, pf, epsilon, chi, py, pe, pm, pq, pz, rev } = pr;
  const f = c.flows;
  const E = c.goods.map((_, i) => (f.E[i] > 0 ? f.E[i] * (Z[i] / c.Z0[i]) * Math.pow(pe[i] / rev[i], c.psi[i]) : 0));
  const D = c.goods.map((_, i) => c.D0[i] * (Z[i] / c.Z0[i]) * Math.pow(pd[i] / rev[i], c.psi[i]));
  const Q = c.goods.map((_, i) => c.Q0[i] * (D[i] / c.D0[i]) * Math.pow(pd[i] / pq[i], c.sigma[i]));
  const M = c.goods.map((_, i) => {
    if (!(f.M[i] > 0)) return 0;
    const pmd = ((1 + p.taum[i] + chi[i]) * pm[i]) / (1 + c.taum[i]);
    return f.M[i] * (Q[i] / c.Q0[i]) * Math.pow(pq[i] / pmd, c.sigma[i]);
  });
  const Y = Z.map((z, j) => c.ay[j] * z);
  const F = c.beta.map((row, h) => row.map((b, j) => (b * py[j] * Y[j]) / pf[h]));
  const X = c.ax.map((row) => row.map((a, j) => a * Z[j]));
  const rents = c.goods.map((_, i) => chi[i] * pm[i] * M[i]);
  const income = p.FF.reduce((s, ff, h) => s + pf[h] * ff, 0) + rents.reduce((s, r) => s + r, 0);
  const Td = c.taud * income;
  const Sp = c.ssp * income;
  const Tz = Z.map((z, j) => p.tauz[j] * pz[j] * z);
  const Tm = M.map((m, i) => p.taum[i] * pm[i] * m);
  const revenue = Td + Tz.reduce((s, t) => s + t, 0) + Tm.reduce((s, t) => s + t, 0);
  const Sg = c.ssg * revenue;
  const Xp = c.alpha.map((a, i) => (a * (income - Sp - Td)) / pq[i]);
  const Xg = c.mu.map((m, i) => (m * (revenue - Sg)) / pq[i]);
  const Xv = c.lambda.map((l, i) => (l * (Sp + Sg + epsilon * f.Sf)) / pq[i]);
  const UU = Xp.reduce((u, xp, i) => (c.alpha[i] > 0 ? u * Math.pow(xp, c.alpha[i]) : u), 1);
  return { ...pr, E, D, Q, M, Y, F, X, rents, income, Td, Sp, Tz, Tm, Sg, Xp, Xg, Xv, UU };
}

/** Names of the equation blocks, in residual order, for messages. */
export interface EquationName {
  block: "zero-profit" | "goods-market" | "factor-market" | "balance-of-payments" | "import-quota";
  label: string;
}

export function equationNames(c: Calibration, p: Policy): EquationName[] {
  const out: EquationName[] = [];
  c.goods.forEach((g) => out.push({ block: "zero-profit", label: g }));
  c.goods.forEach((g) => out.push({ block: "goods-market", label: g }));
  c.factors.forEach((h, k) => k !== p.numeraire && out.push({ block: "factor-market", label: h }));
  out.push({ block: "balance-of-payments", label: "" });
  p.binding.forEach((i) => out.push({ block: "import-quota", label: c.goods[i] }));
  return out;
}

/** Scaled residuals (each relative to its benchmark size). */
export function residuals(c: Calibration, p: Policy, e: Economy): Float64Array {
  const { n, H } = c;
  const r = new Float64Array(2 * n + H + p.binding.length);
  for (let i = 0; i < n; i++) r[i] = Math.log(((1 + p.tauz[i]) * e.pz[i]) / (1 + c.tauz[i])) - Math.log(e.rev[i]);
  for (let i = 0; i < n; i++) {
    let dem = e.Xp[i] + e.Xg[i] + e.Xv[i];
    for (let j = 0; j < n; j++) dem += e.X[i][j];
    r[n + i] = (e.Q[i] - dem) / c.Q0[i];
  }
  let k = 2 * n;
  for (let h = 0; h < H; h++) if (h !== p.numeraire) r[k++] = factorGap(c, p, e, h);
  r[k++] = bopGap(c, p, e);
  for (const i of p.binding) r[k++] = (e.M[i] - (p.quota[i] as number)) / (p.quota[i] as number);
  return r;
}

/** Factor market h: (demand − supply) / supply. */
export function factorGap(c: Calibration, p: Policy, e: Economy, h: number): number {
  return (e.F[h].reduce((s, v) => s + v, 0) - p.FF[h]) / p.FF[h];
}

/** Balance of payments in world prices, relative to benchmark trade. */
export function bopGap(c: Calibration, p: Policy, e: Economy): number {
  const f = c.flows;
  const scale = Math.max(f.M.reduce((s, v) => s + v, 0), f.E.reduce((s, v) => s + v, 0), Math.abs(f.Sf), 1e-300);
  let g = f.Sf;
  for (let i = 0; i < c.n; i++) g += p.pWe[i] * e.E[i] - p.pWm[i] * e.M[i];
  return g / scale;
}

/** Starting point: the benchmark (all prices 1, or the numeraire's value), quota premia 0. */
export function benchmarkPoint(c: Calibration, p: Policy): Float64Array {
  const x = new Float64Array(unknownCount(c, p));
  const lv = Math.log(p.numeraireValue);
  for (let i = 0; i < c.n; i++) {
    x[i] = lv;
    x[c.n + i] = Math.log(c.Z0[i]);
  }
  for (let k = 2 * c.n; k < 2 * c.n + c.H; k++) x[k] = lv;
  return x;
}
