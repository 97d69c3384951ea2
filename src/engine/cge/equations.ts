// Every equation of the GAMS model `stdcge` (Hosoe, Gasawa & Hashimoto 2010, ch. 6) in its
// published primal form with the GAMS-form parameters (b, δ, γ, ξ, θ), evaluated at a point. The
// solver works on a reduced system in share form; this is the independent check that its solution
// (and the calibrated benchmark) satisfies the model as published. Residuals are scaled by the size
// of the equation's terms.

import type { Calibration } from "./calibrate";
import type { Economy, Policy } from "./model";

export interface EquationResidual {
  equation: string;
  residual: number;
}

const rel = (lhs: number, rhs: number) => (lhs - rhs) / Math.max(Math.abs(lhs), Math.abs(rhs), 1e-300);

export function stdcgeResiduals(c: Calibration, p: Policy, e: Economy): EquationResidual[] {
  const out: EquationResidual[] = [];
  const add = (equation: string, lhs: number, rhs: number) => out.push({ equation, residual: lhs === rhs ? 0 : rel(lhs, rhs) });
  const { n } = c;
  const f = c.flows;
  for (let j = 0; j < n; j++) {
    const g = c.goods[j];
    const cd = c.beta.reduce((q, row, h) => (row[j] > 0 ? q * Math.pow(e.F[h][j], row[j]) : q), 1);
    add(`eqpy(${g})`, e.Y[j], c.b[j] * p.prod[j] * cd);
    c.factors.forEach((h, k) => add(`eqF(${h},${g})`, e.F[k][j], (c.beta[k][j] * e.py[j] * e.Y[j]) / e.pf[k]));
    for (let i = 0; i < n; i++) add(`eqX(${c.goods[i]},${g})`, e.X[i][j], c.ax[i][j] * e.Z[j]);
    add(`eqY(${g})`, e.Y[j], c.ay[j] * e.Z[j]);
    add(`eqpzs(${g})`, e.pz[j], c.ay[j] * e.py[j] + c.ax.reduce((s, row, i) => s + row[j] * e.pq[i], 0));
    add(`eqTz(${g})`, e.Tz[j], p.tauz[j] * e.pz[j] * e.Z[j]);
  }
  const income = p.FF.reduce((s, ff, h) => s + e.pf[h] * ff, 0) + e.rents.reduce((s, r) => s + r, 0);
  const revenue = e.Td + e.Tz.reduce((s, t) => s + t, 0) + e.Tm.reduce((s, t) => s + t, 0);
  add("eqTd", e.Td, c.taud * income);
  add("eqSp", e.Sp, c.ssp * income);
  add("eqSg", e.Sg, c.ssg * revenue);
  for (let i = 0; i < n; i++) {
    const g = c.goods[i];
    const pmd = (1 + p.taum[i] + e.chi[i]) * e.pm[i];
    add(`eqTm(${g})`, e.Tm[i], p.taum[i] * e.pm[i] * e.M[i]);
    add(`eqXg(${g})`, e.Xg[i], (c.mu[i] * (revenue - e.Sg)) / e.pq[i]);
    add(`eqXv(${g})`, e.Xv[i], (c.lambda[i] * (e.Sp + e.Sg + e.epsilon * f.Sf)) / e.pq[i]);
    add(`eqXp(${g})`, e.Xp[i], (c.alpha[i] * (income - e.Sp - e.Td)) / e.pq[i]);
    add(`eqpe(${g})`, e.pe[i], e.epsilon * p.pWe[i]);
    add(`eqpm(${g})`, e.pm[i], e.epsilon * p.pWm[i]);
    armington(c, i, e, pmd, add);
    transformation(c, p, i, e, add);
    add(`eqpqd(${g})`, e.Q[i], e.Xp[i] + e.Xg[i] + e.Xv[i] + e.X[i].reduce((s, x) => s + x, 0));
  }
  add("eqepsilon", p.pWe.reduce((s, w, i) => s + w * e.E[i], 0) + f.Sf, p.pWm.reduce((s, w, i) => s + w * e.M[i], 0));
  c.factors.forEach((h, k) => add(`eqpf(${h})`, e.F[k].reduce((s, v) => s + v, 0), p.FF[k]));
  add("obj", e.UU, e.Xp.reduce((u, x, i) => (c.alpha[i] > 0 ? u * Math.pow(x, c.alpha[i]) : u), 1));
  return out;
}

type Add = (equation: string, lhs: number, rhs: number) => void;

/** eqpqs, eqM, eqD: Q = γ(δm M^η + δd D^η)^(1/η) and the cost-minimising demands. */
function armington(c: Calibration, i: number, e: Economy, pmd: number, add: Add): void {
  const g = c.goods[i];
  const s = c.sigma[i];
  const hasM = c.flows.M[i] > 0;
  if (s === 1) {
    add(`eqpqs(${g})`, e.Q[i], c.gamma[i] * (hasM ? Math.pow(e.M[i], c.deltam[i]) : 1) * Math.pow(e.D[i], c.deltad[i]));
    if (hasM) add(`eqM(${g})`, e.M[i], (c.deltam[i] * e.pq[i] * e.Q[i]) / pmd);
    add(`eqD(${g})`, e.D[i], (c.deltad[i] * e.pq[i] * e.Q[i]) / e.pd[i]);
    return;
  }
  const eta = (s - 1) / s;
  const inner = (hasM ? c.deltam[i] * Math.pow(e.M[i], eta) : 0) + c.deltad[i] * Math.pow(e.D[i], eta);
  add(`eqpqs(${g})`, e.Q[i], c.gamma[i] * Math.pow(inner, 1 / eta));
  const ge = Math.pow(c.gamma[i], eta);
  if (hasM) add(`eqM(${g})`, e.M[i], Math.pow((ge * c.deltam[i] * e.pq[i]) / pmd, 1 / (1 - eta)) * e.Q[i]);
  else add(`eqM(${g})`, e.M[i], 0);
  add(`eqD(${g})`, e.D[i], Math.pow((ge * c.deltad[i] * e.pq[i]) / e.pd[i], 1 / (1 - eta)) * e.Q[i]);
}

/** eqpzd, eqE, eqDs: Z = θ(ξe E^φ + ξd D^φ)^(1/φ) and the revenue-maximising supplies. */
function transformation(c: Calibration, p: Policy, i: number, e: Economy, add: Add): void {
  const g = c.goods[i];
  const phi = (c.psi[i] + 1) / c.psi[i];
  const hasE = c.flows.E[i] > 0;
  const inner = (hasE ? c.xie[i] * Math.pow(e.E[i], phi) : 0) + c.xid[i] * Math.pow(e.D[i], phi);
  add(`eqpzd(${g})`, e.Z[i], c.theta[i] * Math.pow(inner, 1 / phi));
  const tp = Math.pow(c.theta[i], phi);
  const P = (1 + p.tauz[i]) * e.pz[i];
  if (hasE) add(`eqE(${g})`, e.E[i], Math.pow((tp * c.xie[i] * P) / e.pe[i], 1 / (1 - phi)) * e.Z[i]);
  else add(`eqE(${g})`, e.E[i], 0);
  add(`eqDs(${g})`, e.D[i], Math.pow((tp * c.xid[i] * P) / e.pd[i], 1 / (1 - phi)) * e.Z[i]);
}
