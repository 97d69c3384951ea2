// The analytic Jacobian of the reduced STDCGE system (model.ts residuals) at a point, replacing
// forward differences: one economy evaluation and O(n²) work instead of 2n + H evaluations of
// O(n²) each, and exact derivatives (no step-size error near the solution).
//
// Unknowns: u_i = ln pd_i, z_i = ln Z_i, w_h = ln pf_h (h ≠ numeraire), e = ln ε, χ_k (binding
// quotas). With g_i = 1 + τm_i + χ_i and pmd_i = g_i pm_i / (1 + τm0_i):
//   ln pq_i:  θD_i du_i + θM_i (de + dχ_i / g_i)         θ = current Armington value shares
//   ln rev_i: φD_i du_i + φE_i de                         φ = current CET value shares
//   ln py_j:  Σ_h β_hj dw_h
//   ln D_i = z_i + ψ(u_i − ln rev_i), ln E_i = z_i + ψ(ln pe_i − ln rev_i)
//   ln Q_i = ln D_i + σ(u_i − ln pq_i), ln M_i = ln D_i + σ(u_i − ln pmd_i)
//   pz_j = ay_j py_j + Σ_i ax_ij pq_i;  F_hj = β_hj py_j Y_j / pf_h
//   income = Σ pf_h FF_h + Σ χ_i pm_i M_i;  revenue = τd income + Σ τz_j pz_j Z_j + Σ τm_i pm_i M_i
//   Xp = α(1 − ssp − τd) income / pq,  Xg = μ(1 − ssg) revenue / pq,
//   Xv = λ(ssp income + ssg revenue + ε Sf) / pq
// and the residual rows of model.ts differentiated term by term. Checked against central
// differences in test/engine/cge/jacobian.test.ts.

import type { Calibration } from "./calibrate";
import { economy, type Policy, unknownCount } from "./model";

export function analyticJacobian(c: Calibration, p: Policy, x: ArrayLike<number>): Float64Array {
  const { n, H } = c;
  const N = unknownCount(c, p);
  const J = new Float64Array(N * N);
  const e = economy(c, p, x, false);
  const f = c.flows;
  const U = (i: number) => i;
  const Zc = (i: number) => n + i;
  const W: number[] = [];
  for (let h = 0, k = 0; h < H; h++) W.push(h === p.numeraire ? -1 : 2 * n + k++);
  const Ec = 2 * n + H - 1;
  const Chi = c.goods.map(() => -1);
  p.binding.forEach((i, k) => (Chi[i] = 2 * n + H + k));

  // Current value shares of the Armington and CET aggregates.
  const g = c.goods.map((_, i) => 1 + p.taum[i] + e.chi[i]);
  const thM = new Array<number>(n);
  const thD = new Array<number>(n);
  const phE = new Array<number>(n);
  const phD = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const s = c.sigma[i];
    const pmd = (g[i] * e.pm[i]) / (1 + c.taum[i]);
    if (s === 1) {
      thM[i] = c.shareM[i] > 0 ? c.shareM[i] : 0;
      thD[i] = c.shareD[i] > 0 ? c.shareD[i] : 0;
    } else {
      const pq1 = Math.pow(e.pq[i], 1 - s);
      thM[i] = c.shareM[i] > 0 ? (c.shareM[i] * Math.pow(pmd, 1 - s)) / pq1 : 0;
      thD[i] = c.shareD[i] > 0 ? (c.shareD[i] * Math.pow(e.pd[i], 1 - s)) / pq1 : 0;
    }
    const ps = c.psi[i];
    const rv = Math.pow(e.rev[i], 1 + ps);
    phE[i] = c.shareE[i] > 0 ? (c.shareE[i] * Math.pow(e.pe[i], 1 + ps)) / rv : 0;
    phD[i] = c.shareDT[i] > 0 ? (c.shareDT[i] * Math.pow(e.pd[i], 1 + ps)) / rv : 0;
  }

  // d ln M_i and d ln E_i, d ln Q_i as (coefficient on u_i, z_i, e, χ_i); each depends on its own good only.
  const lnD = (i: number) => ({ u: c.psi[i] * (1 - phD[i]), e: -c.psi[i] * phE[i] });
  const dlnM = (i: number) => {
    const d = lnD(i);
    return { u: d.u + c.sigma[i], z: 1, e: d.e - c.sigma[i], chi: -c.sigma[i] / g[i] };
  };
  const dlnQ = (i: number) => {
    const d = lnD(i);
    return { u: d.u + c.sigma[i] * (1 - thD[i]), z: 1, e: d.e - c.sigma[i] * thM[i], chi: (-c.sigma[i] * thM[i]) / g[i] };
  };
  const dlnE = (i: number) => ({ u: -c.psi[i] * phD[i], z: 1, e: c.psi[i] * (1 - phE[i]) });

  // d pz_j: ∂/∂u_i = ax_ij pq_i θD_i, ∂/∂e = Σ_i ax_ij pq_i θM_i, ∂/∂χ_i = ax_ij pq_i θM_i / g_i,
  // ∂/∂w_h = ay_j py_j β_hj.
  const pqD = c.goods.map((_, i) => e.pq[i] * thD[i]);
  const pqM = c.goods.map((_, i) => e.pq[i] * thM[i]);
  const dpzE = c.goods.map((_, j) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += c.ax[i][j] * pqM[i];
    return s;
  });

  // Block 1: r_i = ln((1 + τz_i) pz_i / (1 + τz0_i)) − ln rev_i.
  for (let i = 0; i < n; i++) {
    const row = i * N;
    const inv = 1 / e.pz[i];
    for (let k = 0; k < n; k++) J[row + U(k)] = c.ax[k][i] * pqD[k] * inv;
    J[row + U(i)] -= phD[i];
    for (let h = 0; h < H; h++) if (W[h] >= 0) J[row + W[h]] = c.ay[i] * e.py[i] * c.beta[h][i] * inv;
    J[row + Ec] = dpzE[i] * inv - phE[i];
    for (const k of p.binding) J[row + Chi[k]] = (c.ax[k][i] * pqM[k] * inv) / g[k];
  }

  // d income and d revenue as dense rows.
  const dInc = new Float64Array(N);
  for (let h = 0; h < H; h++) if (W[h] >= 0) dInc[W[h]] += e.pf[h] * p.FF[h];
  for (const i of p.binding) {
    const m = dlnM(i);
    const r = e.rents[i];
    dInc[U(i)] += r * m.u;
    dInc[Zc(i)] += r * m.z;
    dInc[Ec] += r * (1 + m.e);
    dInc[Chi[i]] += r * m.chi + e.pm[i] * e.M[i];
  }
  const dRev = new Float64Array(N);
  for (let k = 0; k < N; k++) dRev[k] = c.taud * dInc[k];
  // Σ_j τz_j (Z_j dpz_j + pz_j Z_j dz_j)
  const tzZ = c.goods.map((_, j) => p.tauz[j] * e.Z[j]);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += c.ax[i][j] * tzZ[j];
    dRev[U(i)] += s * pqD[i];
    dRev[Ec] += s * pqM[i];
    if (Chi[i] >= 0) dRev[Chi[i]] += (s * pqM[i]) / g[i];
  }
  for (let j = 0; j < n; j++) {
    dRev[Zc(j)] += e.Tz[j];
    for (let h = 0; h < H; h++) if (W[h] >= 0) dRev[W[h]] += tzZ[j] * c.ay[j] * e.py[j] * c.beta[h][j];
  }
  // Σ_i τm_i pm_i M_i (de + d ln M_i)
  for (let i = 0; i < n; i++) {
    if (!(e.Tm[i] !== 0)) continue;
    const m = dlnM(i);
    dRev[U(i)] += e.Tm[i] * m.u;
    dRev[Zc(i)] += e.Tm[i] * m.z;
    dRev[Ec] += e.Tm[i] * (1 + m.e);
    if (Chi[i] >= 0) dRev[Chi[i]] += e.Tm[i] * m.chi;
  }

  // Block 2: (Q_i − Xp_i − Xg_i − Xv_i − Σ_j ax_ij Z_j) / Q0_i.
  const kp = 1 - c.ssp - c.taud;
  const kg = 1 - c.ssg;
  for (let i = 0; i < n; i++) {
    const row = (n + i) * N;
    const s = 1 / c.Q0[i];
    const pq = e.pq[i];
    const a = (c.alpha[i] * kp + c.lambda[i] * c.ssp) / pq;
    const b = (c.mu[i] * kg + c.lambda[i] * c.ssg) / pq;
    for (let k = 0; k < N; k++) J[row + k] = -s * (a * dInc[k] + b * dRev[k]);
    J[row + Ec] -= (s * c.lambda[i] * e.epsilon * f.Sf) / pq;
    // − Σ X d ln pq_i (the three final demands share the price pq_i)
    const X = e.Xp[i] + e.Xg[i] + e.Xv[i];
    J[row + U(i)] += s * X * thD[i];
    J[row + Ec] += s * X * thM[i];
    if (Chi[i] >= 0) J[row + Chi[i]] += (s * X * thM[i]) / g[i];
    const q = dlnQ(i);
    J[row + U(i)] += s * e.Q[i] * q.u;
    J[row + Zc(i)] += s * e.Q[i] * q.z;
    J[row + Ec] += s * e.Q[i] * q.e;
    if (Chi[i] >= 0) J[row + Chi[i]] += s * e.Q[i] * q.chi;
    const ax = c.ax[i];
    for (let j = 0; j < n; j++) J[row + Zc(j)] -= s * ax[j] * e.Z[j];
  }

  // Block 3: factor markets other than the numeraire's, (Σ_j F_hj − FF_h) / FF_h.
  let r = 2 * n;
  for (let h = 0; h < H; h++) {
    if (h === p.numeraire) continue;
    const row = r * N;
    const s = 1 / p.FF[h];
    let total = 0;
    for (let j = 0; j < n; j++) {
      const F = e.F[h][j];
      total += F;
      J[row + Zc(j)] += s * F;
      for (let h2 = 0; h2 < H; h2++) if (W[h2] >= 0) J[row + W[h2]] += s * F * c.beta[h2][j];
    }
    J[row + W[h]] -= s * total;
    r++;
  }

  // Block 4: balance of payments, (Sf + Σ pWe E − Σ pWm M) / scale.
  {
    const row = r * N;
    const scale = Math.max(f.M.reduce((a, v) => a + v, 0), f.E.reduce((a, v) => a + v, 0), Math.abs(f.Sf), 1e-300);
    for (let i = 0; i < n; i++) {
      const vE = (p.pWe[i] * e.E[i]) / scale;
      const vM = (p.pWm[i] * e.M[i]) / scale;
      const dE = dlnE(i);
      const dM = dlnM(i);
      J[row + U(i)] += vE * dE.u - vM * dM.u;
      J[row + Zc(i)] += vE * dE.z - vM * dM.z;
      J[row + Ec] += vE * dE.e - vM * dM.e;
      if (Chi[i] >= 0) J[row + Chi[i]] -= vM * dM.chi;
    }
    r++;
  }

  // Block 5: binding quotas, (M_i − quota_i) / quota_i.
  for (const i of p.binding) {
    const row = r * N;
    const v = e.M[i] / (p.quota[i] as number);
    const m = dlnM(i);
    J[row + U(i)] = v * m.u;
    J[row + Zc(i)] = v * m.z;
    J[row + Ec] = v * m.e;
    J[row + Chi[i]] = v * m.chi;
    r++;
  }
  return J;
}
