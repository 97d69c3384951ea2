// An independent solution of the same equations: the GAMS model `stdcge` written out variable by
// variable in its primal form (all n² intermediate flows, F, X, prices, taxes as unknowns; GAMS-
// form CES/CET parameters calibrated here from the SAM cells), solved by a plain damped Newton
// with its own Gaussian elimination, dropping a goods market (not a factor market) for Walras'
// law. The engine solves a reduced system in share form with the project's LU; both must agree on
// SAMs the engine's other tests never use (with a magnet good) under price, tariff and quota
// scenarios: utility, outputs and imports to 1e-7.

import { describe, expect, it } from "vitest";
import { readSam, runCge, samFlows, type CgeScenario } from "../../../src/engine/cge";
import { samGrid, samRows, type FlowSpec } from "./samFixture";

interface Ref {
  UU: number;
  Z: number[];
  M: number[];
  eqpfNumeraire: number;
}

/** The reference model, calibrated from the SAM matrix itself (not from the engine's flows). */
function referenceSolve(spec: FlowSpec, scn: CgeScenario): Ref {
  const rows = samRows(spec);
  const labels = (rows[0] as string[]).slice(1);
  const cell = (r: string, c: string) => Number(rows[labels.indexOf(r) + 1][labels.indexOf(c) + 1] ?? 0);
  const G = spec.goods;
  const Hs = spec.factors;
  const n = G.length;
  const H = Hs.length;
  const sigma = G.map((g) => scn.elasticities?.armington?.[g] ?? 2);
  const psi = G.map((g) => scn.elasticities?.transformation?.[g] ?? 2);
  const eta = sigma.map((s) => (s - 1) / s);
  const phi = psi.map((p) => (p + 1) / p);
  // Calibration, as in GAMS stdcge.
  const F0 = Hs.map((h) => G.map((j) => cell(h, j)));
  const X0 = G.map((i) => G.map((j) => cell(i, j)));
  const Y0 = G.map((_, j) => F0.reduce((s, r) => s + r[j], 0));
  const Z0 = G.map((_, j) => Y0[j] + X0.reduce((s, r) => s + r[j], 0));
  const M0 = G.map((j) => cell("EXT", j));
  const E0 = G.map((i) => cell(i, "EXT"));
  const tauz0 = G.map((j, k) => cell("IDT", j) / Z0[k]);
  const taum0 = G.map((j, k) => cell("TRF", j) / M0[k]);
  const Xp0 = G.map((i) => cell(i, "HOH"));
  const Xg0 = G.map((i) => cell(i, "GOV"));
  const Xv0 = G.map((i) => cell(i, "INV"));
  const FF0 = Hs.map((h) => cell("HOH", h));
  const D0 = G.map((_, i) => (1 + tauz0[i]) * Z0[i] - E0[i]);
  const Q0 = G.map((_, i) => Xp0[i] + Xg0[i] + Xv0[i] + X0[i].reduce((s, v) => s + v, 0));
  const Td0 = cell("GOV", "HOH");
  const Sp0 = cell("INV", "HOH");
  const Sg0 = cell("INV", "GOV");
  const Sf = cell("INV", "EXT");
  const sumFF = FF0.reduce((s, v) => s + v, 0);
  const alpha = Xp0.map((x) => x / Xp0.reduce((s, v) => s + v, 0));
  const beta = F0.map((r) => r.map((v, j) => v / Y0[j]));
  const b = Y0.map((y, j) => y / F0.reduce((p, r, h) => p * Math.pow(r[j], beta[h][j]), 1));
  const ax = X0.map((r) => r.map((v, j) => v / Z0[j]));
  const ay = Y0.map((y, j) => y / Z0[j]);
  const mu = Xg0.map((x) => x / Xg0.reduce((s, v) => s + v, 0));
  const lambda = Xv0.map((x) => x / (Sp0 + Sg0 + Sf));
  const deltam = G.map((_, i) => ((1 + taum0[i]) * M0[i] ** (1 - eta[i])) / ((1 + taum0[i]) * M0[i] ** (1 - eta[i]) + D0[i] ** (1 - eta[i])));
  const deltad = G.map((_, i) => D0[i] ** (1 - eta[i]) / ((1 + taum0[i]) * M0[i] ** (1 - eta[i]) + D0[i] ** (1 - eta[i])));
  const gamma = G.map((_, i) => Q0[i] / (deltam[i] * M0[i] ** eta[i] + deltad[i] * D0[i] ** eta[i]) ** (1 / eta[i]));
  const xie = G.map((_, i) => E0[i] ** (1 - phi[i]) / (E0[i] ** (1 - phi[i]) + D0[i] ** (1 - phi[i])));
  const xid = G.map((_, i) => D0[i] ** (1 - phi[i]) / (E0[i] ** (1 - phi[i]) + D0[i] ** (1 - phi[i])));
  const theta = G.map((_, i) => Z0[i] / (xie[i] * E0[i] ** phi[i] + xid[i] * D0[i] ** phi[i]) ** (1 / phi[i]));
  const ssp = Sp0 / sumFF;
  const ssg = Sg0 / (Td0 + tauz0.reduce((s, t, j) => s + t * Z0[j], 0) + taum0.reduce((s, t, j) => s + t * M0[j], 0));
  const taud = Td0 / sumFF;
  // Scenario.
  const pWm = G.map((g) => scn.importPrice?.[g] ?? 1);
  const taum = G.map((g, i) => scn.tariff?.[g] ?? taum0[i]);
  const tauz = G.map((g, i) => scn.productionTax?.[g] ?? tauz0[i]);
  const prod = G.map((g) => scn.productivity?.[g] ?? 1);
  const FF = Hs.map((h, k) => FF0[k] * (scn.factorSupply?.[h] ?? 1));
  const quotaGoods = G.map((g, i) => (scn.importQuota?.[g] !== undefined ? i : -1)).filter((i) => i >= 0);
  const quota = G.map((g, i) => (scn.importQuota?.[g] ?? 0) * M0[i]);
  const num = Hs.indexOf("LAB");

  // Variables: named slots in one vector.
  const names: string[] = [];
  const slot: Record<string, number> = {};
  const v = (name: string) => (slot[name] = names.push(name) - 1);
  for (const i of G) for (const k of ["Y", "Z", "Xp", "Xg", "Xv", "E", "M", "Q", "D", "py", "pz", "pq", "pe", "pm", "pd", "Tz", "Tm"]) v(`${k}.${i}`);
  for (const i of G) for (const j of G) v(`X.${i}.${j}`);
  for (const h of Hs) for (const j of G) v(`F.${h}.${j}`);
  Hs.forEach((h, k) => k !== num && v(`pf.${h}`));
  for (const k of ["eps", "Td", "Sp", "Sg"]) v(k);
  for (const i of quotaGoods) v(`chi.${G[i]}`);
  const x0 = new Float64Array(names.length);
  for (const [k, idx] of Object.entries(slot)) {
    const [kind, a, c] = k.split(".");
    const i = G.indexOf(a);
    const base: Record<string, () => number> = {
      Y: () => Y0[i], Z: () => Z0[i], Xp: () => Xp0[i], Xg: () => Xg0[i], Xv: () => Xv0[i], E: () => E0[i], M: () => M0[i], Q: () => Q0[i], D: () => D0[i],
      Tz: () => tauz0[i] * Z0[i], Tm: () => taum0[i] * M0[i], X: () => X0[i][G.indexOf(c)], F: () => F0[Hs.indexOf(a)][G.indexOf(c)],
      Td: () => Td0, Sp: () => Sp0, Sg: () => Sg0, chi: () => 0,
    };
    x0[idx] = base[kind] ? base[kind]() : 1; // prices and ε start at 1
  }

  const F = (x: Float64Array): number[] => {
    const g = (k: string, i: number) => x[slot[`${k}.${G[i]}`]];
    const pf = (h: number) => (h === num ? 1 : x[slot[`pf.${Hs[h]}`]]);
    const Fv = (h: number, j: number) => x[slot[`F.${Hs[h]}.${G[j]}`]];
    const Xv = (i: number, j: number) => x[slot[`X.${G[i]}.${G[j]}`]];
    const eps = x[slot.eps];
    const Td = x[slot.Td];
    const Sp = x[slot.Sp];
    const Sg = x[slot.Sg];
    const chi = (i: number) => (quotaGoods.includes(i) ? x[slot[`chi.${G[i]}`]] : 0);
    const rents = quotaGoods.reduce((s, i) => s + chi(i) * g("pm", i) * g("M", i), 0);
    const income = Hs.reduce((s, _, h) => s + pf(h) * FF[h], 0) + rents;
    const rev = Td + G.reduce((s, _, j) => s + g("Tz", j) + g("Tm", j), 0);
    const r: number[] = [];
    for (let j = 0; j < n; j++) {
      r.push(g("Y", j) - b[j] * prod[j] * Hs.reduce((p, _, h) => p * Math.pow(Fv(h, j), beta[h][j]), 1));
      for (let h = 0; h < H; h++) r.push(Fv(h, j) - (beta[h][j] * g("py", j) * g("Y", j)) / pf(h));
      for (let i = 0; i < n; i++) r.push(Xv(i, j) - ax[i][j] * g("Z", j));
      r.push(g("Y", j) - ay[j] * g("Z", j));
      r.push(g("pz", j) - (ay[j] * g("py", j) + G.reduce((s, _, i) => s + ax[i][j] * g("pq", i), 0)));
      r.push(g("Tz", j) - tauz[j] * g("pz", j) * g("Z", j));
    }
    r.push(Td - taud * income, Sp - ssp * income, Sg - ssg * rev);
    for (let i = 0; i < n; i++) {
      const pmd = (1 + taum[i] + chi(i)) * g("pm", i);
      r.push(g("Tm", i) - taum[i] * g("pm", i) * g("M", i));
      r.push(g("Xg", i) - (mu[i] * (rev - Sg)) / g("pq", i));
      r.push(g("Xv", i) - (lambda[i] * (Sp + Sg + eps * Sf)) / g("pq", i));
      r.push(g("Xp", i) - (alpha[i] * (income - Sp - Td)) / g("pq", i));
      r.push(g("pe", i) - eps * 1, g("pm", i) - eps * pWm[i]);
      r.push(g("Q", i) - gamma[i] * (deltam[i] * g("M", i) ** eta[i] + deltad[i] * g("D", i) ** eta[i]) ** (1 / eta[i]));
      r.push(g("M", i) - ((gamma[i] ** eta[i] * deltam[i] * g("pq", i)) / pmd) ** (1 / (1 - eta[i])) * g("Q", i));
      r.push(g("D", i) - ((gamma[i] ** eta[i] * deltad[i] * g("pq", i)) / g("pd", i)) ** (1 / (1 - eta[i])) * g("Q", i));
      r.push(g("Z", i) - theta[i] * (xie[i] * g("E", i) ** phi[i] + xid[i] * g("D", i) ** phi[i]) ** (1 / phi[i]));
      const P = (1 + tauz[i]) * g("pz", i);
      r.push(g("E", i) - ((theta[i] ** phi[i] * xie[i] * P) / g("pe", i)) ** (1 / (1 - phi[i])) * g("Z", i));
      r.push(g("D", i) - ((theta[i] ** phi[i] * xid[i] * P) / g("pd", i)) ** (1 / (1 - phi[i])) * g("Z", i));
      // Walras' law: the last good's market is implied (dropped here instead of a factor market).
      if (i < n - 1) r.push(g("Q", i) - (g("Xp", i) + g("Xg", i) + g("Xv", i) + G.reduce((s, _, j) => s + Xv(i, j), 0)));
    }
    r.push(G.reduce((s, _, i) => s + g("E", i) - pWm[i] * g("M", i), 0) + Sf);
    for (let h = 0; h < H; h++) r.push(G.reduce((s, _, j) => s + Fv(h, j), 0) - FF[h]);
    for (const i of quotaGoods) r.push(g("M", i) - quota[i]);
    return r;
  };

  const x = plainNewton(F, x0);
  const g = (k: string, i: number) => x[slot[`${k}.${G[i]}`]];
  const Xp = G.map((_, i) => g("Xp", i));
  return {
    UU: Xp.reduce((u, xp, i) => u * xp ** alpha[i], 1),
    Z: G.map((_, i) => g("Z", i)),
    M: G.map((_, i) => g("M", i)),
    eqpfNumeraire: G.reduce((s, _, j) => s + x[slot[`F.LAB.${G[j]}`]], 0) - FF[num],
  };
}

/** Damped Newton, forward-difference Jacobian, Gaussian elimination with partial pivoting. */
function plainNewton(F: (x: Float64Array) => number[], x0: Float64Array): Float64Array {
  let x = Float64Array.from(x0);
  const N = x.length;
  for (let it = 0; it < 200; it++) {
    const f = F(x);
    expect(f.length).toBe(N);
    const norm = Math.max(...f.map(Math.abs));
    if (norm < 1e-12) return x;
    const J: number[][] = Array.from({ length: N }, () => new Array(N + 1).fill(0));
    for (let j = 0; j < N; j++) {
      const h = 1e-7 * Math.max(1, Math.abs(x[j]));
      const xp = Float64Array.from(x);
      xp[j] += h;
      const fp = F(xp);
      for (let i = 0; i < N; i++) J[i][j] = (fp[i] - f[i]) / h;
    }
    for (let i = 0; i < N; i++) J[i][N] = -f[i];
    for (let k = 0; k < N; k++) {
      let p = k;
      for (let i = k + 1; i < N; i++) if (Math.abs(J[i][k]) > Math.abs(J[p][k])) p = i;
      [J[k], J[p]] = [J[p], J[k]];
      for (let i = k + 1; i < N; i++) {
        const l = J[i][k] / J[k][k];
        if (l !== 0) for (let c = k; c <= N; c++) J[i][c] -= l * J[k][c];
      }
    }
    const dx = new Array(N).fill(0);
    for (let i = N - 1; i >= 0; i--) {
      let s = J[i][N];
      for (let c = i + 1; c < N; c++) s -= J[i][c] * dx[c];
      dx[i] = s / J[i][i];
    }
    let t = 1;
    for (; t > 1e-6; t /= 2) {
      const xt = x.map((v, i) => v + t * dx[i]);
      const ft = F(xt);
      if (ft.every(Number.isFinite) && Math.max(...ft.map(Math.abs)) < norm) {
        x = xt;
        break;
      }
    }
    if (t <= 1e-6) x = x.map((v, i) => v + dx[i]);
  }
  throw new Error("reference Newton did not converge");
}

// Two SAMs with a magnet good (heavily imported, little exported), never used elsewhere.
const MAGNET4: FlowSpec = {
  goods: ["AGR", "MAGNET", "MACH", "SERV"],
  factors: ["CAP", "LAB"],
  X: [
    [12, 0.5, 3, 6],
    [0.2, 1.5, 9, 0.3],
    [4, 2, 48, 15],
    [7, 1.8, 30, 55],
  ],
  F: [
    [18, 2.2, 40, 70],
    [14, 3.1, 52, 95],
  ],
  Tz: [1.2, 0.3, 5.5, 6],
  Tm: [1.5, 0.4, 2.2, 0.6],
  M: [15, 9.5, 38, 12],
  E: [3, 0.8, 60, 14],
  Xp: [28, 0.4, 42, 100],
  Xg: [1, 0, 6, 45],
  Td: 60,
};
const MAGNET5: FlowSpec = {
  goods: ["食料", "磁石", "電機", "建設", "サービス"],
  factors: ["CAP", "LAB"],
  X: [
    [20, 0.1, 1, 0.5, 9],
    [0.1, 2.1, 6.5, 0.2, 0.2],
    [1.2, 1.1, 70, 8, 12],
    [0.8, 0.2, 2, 1, 9],
    [10, 1.6, 35, 14, 80],
  ],
  F: [
    [22, 1.4, 45, 12, 90],
    [18, 2.6, 60, 30, 140],
  ],
  Tz: [2, 0.2, 7, 2.5, 9],
  Tm: [3, 0.6, 1.8, 0.4, 0.5],
  M: [25, 7.8, 55, 1.5, 20],
  E: [4, 1.2, 95, 0.5, 18],
  Xp: [65, 0.3, 55, 2, 140],
  Xg: [0, 0, 4, 3, 68],
  Td: 42,
};

const SCENARIOS = (magnet: string, other: string): CgeScenario[] => [
  { name: "export-control premium", importPrice: { [magnet]: 1.5 } },
  { name: "tariff", tariff: { [magnet]: 0.25, [other]: 0 } },
  { name: "quota", importQuota: { [magnet]: 0.6 } },
  { name: "quota, low σ", importQuota: { [magnet]: 0.8 }, elasticities: { armington: { [magnet]: 0.4 }, transformation: { [magnet]: 3 } } },
  { name: "mixed", importPrice: { [magnet]: 1.3 }, productionTax: { [magnet]: -0.05 }, productivity: { [magnet]: 1.02 }, factorSupply: { CAP: 1.01 } },
];

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe.each([
  ["4 goods", MAGNET4, "MAGNET", "MACH"],
  ["5 goods (Japanese labels)", MAGNET5, "磁石", "電機"],
])("independent solution of the same equations: %s", (_name, spec, magnet, other) => {
  it.each(SCENARIOS(magnet, other).map((s) => [s.name, s]))("%s", (_n, scn) => {
    const ref = referenceSolve(spec, scn);
    const run = runCge(samFlows(readSam(samGrid(spec))), scn);
    const s = run.solution!;
    expect(rel(s.UU, ref.UU)).toBeLessThan(1e-7);
    spec.goods.forEach((_, i) => {
      expect(rel(s.Z[i], ref.Z[i])).toBeLessThan(1e-7);
      expect(rel(s.M[i], ref.M[i])).toBeLessThan(1e-7);
    });
    // The reference dropped a goods market, the engine a factor market: both hold in each.
    expect(Math.abs(ref.eqpfNumeraire)).toBeLessThan(1e-8);
    // The scenario moved the economy by more than the tolerance.
    expect(rel(s.UU, run.benchmark.UU) + rel(s.M[spec.goods.indexOf(magnet)], run.benchmark.M[spec.goods.indexOf(magnet)])).toBeGreaterThan(1e-4);
    if (scn.importQuota) expect(s.rents[spec.goods.indexOf(magnet)]).toBeGreaterThan(0);
  });
});
