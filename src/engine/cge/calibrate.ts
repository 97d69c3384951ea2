// Calibration of the standard CGE model (STDCGE, Hosoe, Gasawa & Hashimoto 2010, ch. 6; GAMS model
// library `stdcge`) to a SAM: at the benchmark every price is 1 and every equation holds with the
// SAM's flows. Parameters are computed exactly as the GAMS model computes them (so the audit sheet
// can recompute them), plus the benchmark value shares the solver uses (the same CES/CET functions
// written in calibrated-share form, which stays defined when a flow is zero).

import { RippleError, RippleErrorList, type Bilingual } from "../errors";
import type { SamFlows } from "./flows";
import { sum } from "../numeric";

/** Default Armington and transformation elasticity: 2 for every good, as in the textbook's STDCGE
 * (Hosoe, Gasawa & Hashimoto 2010, ch. 6; GAMS `stdcge`: sigma(i) = 2, psi(i) = 2). */
export const DEFAULT_ELASTICITY = 2;
export const ELASTICITY_SOURCE: Bilingual = {
  ja: "細江・我澤・橋本『入門 社会経済システムの分析』(2004) 第6章の標準 CGE モデル：アーミントン弾力性 σ = 変形弾力性 ψ = 2",
  en: "Hosoe, Gasawa & Hashimoto, Textbook of Computable General Equilibrium Modelling (2010), ch. 6, standard CGE model: σ = ψ = 2",
};

export interface Elasticities {
  /** Armington σ per good (label → value); goods not named get DEFAULT_ELASTICITY. */
  armington?: Record<string, number>;
  /** CET ψ per good. */
  transformation?: Record<string, number>;
}

export interface Calibration {
  flows: SamFlows;
  goods: string[];
  factors: string[];
  n: number;
  H: number;
  // Benchmark quantities (prices 1).
  Z0: number[];
  Y0: number[];
  D0: number[];
  Q0: number[];
  // Technology
  ax: number[][];
  ay: number[];
  beta: number[][];
  /** Cobb–Douglas scale b_j = Y0_j / Π_h F0_hj^β_hj (audit; the solver uses the dual form). */
  b: number[];
  // Taxes and behaviour
  tauz: number[];
  taum: number[];
  taud: number;
  ssp: number;
  ssg: number;
  alpha: number[];
  mu: number[];
  lambda: number[];
  sigma: number[];
  psi: number[];
  /** Armington value shares at the benchmark: imports incl. tariff, domestic. */
  shareM: number[];
  shareD: number[];
  /** CET value shares at the benchmark: exports, domestic. */
  shareE: number[];
  shareDT: number[];
  // GAMS-form CES/CET parameters (audit).
  deltam: number[];
  deltad: number[];
  gamma: number[];
  xie: number[];
  xid: number[];
  theta: number[];
  /** Benchmark utility UU0 = Π Xp0^α and household consumption Σ Xp0. */
  UU0: number;
  consumption0: number;
  income0: number;
  /** Elasticities as used, with where each came from. */
  elasticityNote: Bilingual;
}


function resolveElasticities(goods: string[], given: Record<string, number> | undefined, what: string, sheet: string): number[] {
  const out = goods.map(() => DEFAULT_ELASTICITY);
  for (const [label, v] of Object.entries(given ?? {})) {
    const i = goods.indexOf(label);
    if (i < 0)
      throw new RippleError(
        "cge.elasticity-good",
        { ja: `${what}の弾力性に未知の財「${label}」があります（財: ${goods.join(", ")}）。`, en: `${what} elasticity for unknown good '${label}' (goods: ${goods.join(", ")}).` },
        { sheet },
      );
    if (!(Number.isFinite(v) && v > 0))
      throw new RippleError(
        "cge.elasticity-value",
        { ja: `財「${label}」の${what}の弾力性 ${v} は正の数にしてください。`, en: `${what} elasticity of '${label}' is ${v}: it must be a positive number.` },
        { sheet },
      );
    out[i] = v;
  }
  return out;
}

/** Benchmark checks the model needs; every failing cell is named. */
function checkFlows(f: SamFlows, Z0: number[], D0: number[]): void {
  const problems: RippleError[] = [];
  const bad = (cell: string, ja: string, en: string) => problems.push(new RippleError("cge.sam-value", { ja, en }, { sheet: f.sheet, cell }));
  const nonNeg = (v: number, cell: string, what: string, whatJa: string) => {
    if (v < 0) bad(cell, `${whatJa}が負です（${v}）。標準 CGE モデルでは 0 以上が必要です。`, `${what} is negative (${v}); the standard CGE model needs it ≥ 0.`);
  };
  f.goods.forEach((g, j) => {
    f.goods.forEach((gi, i) => nonNeg(f.X[i][j], f.cells.X(i, j), `intermediate input ${gi}→${g}`, `中間投入 ${gi}→${g}`));
    f.factors.forEach((h, k) => nonNeg(f.F[k][j], f.cells.F(k, j), `factor ${h} in ${g}`, `${g} の要素 ${h}`));
    nonNeg(f.M[j], f.cells.M(j), `imports of ${g}`, `${g} の輸入`);
    nonNeg(f.E[j], f.cells.E(j), `exports of ${g}`, `${g} の輸出`);
    nonNeg(f.Xp[j], f.cells.Xp(j), `household consumption of ${g}`, `${g} の家計消費`);
    const y0 = f.F.reduce((s, row) => s + row[j], 0);
    if (!(y0 > 0)) bad(f.cells.F(0, j), `財「${g}」に要素投入がありません。財ごとに付加価値が必要です。`, `good '${g}' has no factor input; each good needs value added.`);
    if (!(Z0[j] + f.Tz[j] > 0)) bad(f.cells.Tz(j) || f.cells.F(0, j), `財「${g}」の生産税が産出額以上です。`, `good '${g}': production tax is not below output.`);
    if (!(D0[j] > 0))
      bad(f.cells.E(j), `財「${g}」の国内向け供給（産出 + 生産税 − 輸出 = ${D0[j]}）が正でありません。`, `good '${g}': domestic sales (output + tax − exports = ${D0[j]}) are not positive.`);
    if (f.M[j] === 0 && f.Tm[j] !== 0)
      bad(f.cells.Tm(j), `財「${g}」は輸入がないのに関税 ${f.Tm[j]} があります。`, `good '${g}' has a tariff ${f.Tm[j]} but no imports.`);
    if (f.M[j] > 0 && !(f.M[j] + f.Tm[j] > 0)) bad(f.cells.Tm(j), `財「${g}」の関税が輸入額を打ち消しています。`, `good '${g}': the tariff cancels the imports.`);
  });
  f.factors.forEach((h, k) => {
    if (!(f.FF[k] > 0)) bad(f.cells.FF(k), `要素「${h}」の家計の受取りが正でありません。`, `factor '${h}': household receipts are not positive.`);
  });
  if (!(sum(f.Xp) > 0)) bad(f.cells.Xp(0), "家計消費の合計が正でありません。", "household consumption is not positive in total.");
  const inv = sum(f.Xv);
  if (inv === 0 && (f.Sp !== 0 || f.Sg !== 0 || f.Sf !== 0)) bad(f.cells.Xv(0), "貯蓄があるのに投資がありません。", "there is saving but no investment.");
  const rev = f.Td + sum(f.Tz) + sum(f.Tm);
  if (rev === 0 && sum(f.Xg) !== 0) bad(f.cells.Td, "政府の収入が 0 なのに政府消費があります。", "the government buys goods but has no revenue.");
  if (problems.length === 1) throw problems[0];
  if (problems.length) throw new RippleErrorList("cge.sam-value", problems);
}

export function calibrate(f: SamFlows, elasticities: Elasticities = {}): Calibration {
  const n = f.goods.length;
  const H = f.factors.length;
  const Y0 = f.goods.map((_, j) => f.F.reduce((s, row) => s + row[j], 0));
  const Z0 = f.goods.map((_, j) => Y0[j] + f.X.reduce((s, row) => s + row[j], 0));
  const D0 = f.goods.map((_, i) => Z0[i] + f.Tz[i] - f.E[i]);
  checkFlows(f, Z0, D0);
  const Q0 = f.goods.map((_, i) => f.Xp[i] + f.Xg[i] + f.Xv[i] + sum(f.X[i]));
  const tauz = f.Tz.map((t, j) => t / Z0[j]);
  const taum = f.Tm.map((t, i) => (f.M[i] > 0 ? t / f.M[i] : 0));
  const income0 = sum(f.FF);
  const rev0 = f.Td + sum(f.Tz) + sum(f.Tm);
  const xg = sum(f.Xg);
  const inv = sum(f.Xv);
  const sigma = resolveElasticities(f.goods, elasticities.armington, "Armington", f.sheet);
  const psi = resolveElasticities(f.goods, elasticities.transformation, "transformation", f.sheet);

  const deltam: number[] = [];
  const deltad: number[] = [];
  const gamma: number[] = [];
  const xie: number[] = [];
  const xid: number[] = [];
  const theta: number[] = [];
  for (let i = 0; i < n; i++) {
    const tm = (1 + taum[i]) * f.M[i];
    const eta = (sigma[i] - 1) / sigma[i];
    if (sigma[i] === 1) {
      deltam.push(tm / (tm + D0[i]));
      deltad.push(D0[i] / (tm + D0[i]));
      gamma.push(Q0[i] / (Math.pow(f.M[i], deltam[i]) * Math.pow(D0[i], deltad[i])));
    } else {
      const wm = f.M[i] > 0 ? (1 + taum[i]) * Math.pow(f.M[i], 1 - eta) : 0;
      const wd = Math.pow(D0[i], 1 - eta);
      deltam.push(wm / (wm + wd));
      deltad.push(wd / (wm + wd));
      const inner = (f.M[i] > 0 ? deltam[i] * Math.pow(f.M[i], eta) : 0) + deltad[i] * Math.pow(D0[i], eta);
      gamma.push(Q0[i] / Math.pow(inner, 1 / eta));
    }
    const phi = (psi[i] + 1) / psi[i];
    const we = f.E[i] > 0 ? Math.pow(f.E[i], 1 - phi) : 0;
    const wd = Math.pow(D0[i], 1 - phi);
    xie.push(we / (we + wd));
    xid.push(wd / (we + wd));
    const inner = (f.E[i] > 0 ? xie[i] * Math.pow(f.E[i], phi) : 0) + xid[i] * Math.pow(D0[i], phi);
    theta.push(Z0[i] / Math.pow(inner, 1 / phi));
  }
  const beta = f.F.map((row) => row.map((v, j) => v / Y0[j]));
  const b = Y0.map((y, j) => y / f.F.reduce((p, row, h) => (beta[h][j] > 0 ? p * Math.pow(row[j], beta[h][j]) : p), 1));
  const alpha = f.Xp.map((x) => x / sum(f.Xp));
  const UU0 = f.Xp.reduce((p, x, i) => (alpha[i] > 0 ? p * Math.pow(x, alpha[i]) : p), 1);
  const named = (r: Record<string, number> | undefined) => Object.entries(r ?? {}).map(([g, v]) => `${g} ${v}`);
  const overrides = [...named(elasticities.armington).map((s) => `σ ${s}`), ...named(elasticities.transformation).map((s) => `ψ ${s}`)];
  return {
    flows: f,
    goods: f.goods,
    factors: f.factors,
    n,
    H,
    Z0,
    Y0,
    D0,
    Q0,
    ax: f.X.map((row) => row.map((v, j) => v / Z0[j])),
    ay: Y0.map((y, j) => y / Z0[j]),
    beta,
    b,
    tauz,
    taum,
    taud: f.Td / income0,
    ssp: f.Sp / income0,
    // A government that buys nothing saves all its revenue (ssg = 1 keeps its budget closed).
    ssg: xg === 0 ? 1 : f.Sg / rev0,
    alpha,
    mu: f.Xg.map((x) => (xg === 0 ? 0 : x / xg)),
    lambda: f.Xv.map((x) => (inv === 0 ? 0 : x / inv)),
    sigma,
    psi,
    shareM: f.M.map((m, i) => ((1 + taum[i]) * m) / Q0[i]),
    shareD: D0.map((d, i) => d / Q0[i]),
    shareE: f.E.map((e, i) => e / (e + D0[i])),
    shareDT: D0.map((d, i) => d / (f.E[i] + d)),
    deltam,
    deltad,
    gamma,
    xie,
    xid,
    theta,
    UU0,
    consumption0: sum(f.Xp),
    income0,
    elasticityNote: overrides.length
      ? { ja: `${ELASTICITY_SOURCE.ja}。指定値: ${overrides.join("、")}`, en: `${ELASTICITY_SOURCE.en}; set: ${overrides.join(", ")}` }
      : ELASTICITY_SOURCE,
  };
}
