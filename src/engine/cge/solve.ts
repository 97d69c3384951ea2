// One CGE run: calibrate to the SAM, apply a scenario, solve the reduced system with Newton, check
// Walras' law, and hand back the benchmark and the scenario economies. Never a partial result: a
// run that does not close throws a typed error naming the block of equations that did not close.

import { RippleError, cancelledError, type Bilingual, type RippleWarning } from "../errors";
import { labelKey } from "../table/normalize";
import { calibrate, type Calibration } from "./calibrate";
import type { SamFlows } from "./flows";
import { benchmarkPoint, benchmarkPolicy, economy, equationNames, factorGap, residuals, type Economy, type EquationName, type Policy } from "./model";
import { analyticJacobian } from "./jacobian";
import { newton, type NewtonOutcome } from "./newton";
import { checkScenarioLabels, withSamFactorNames, type CgeScenario } from "./scenario";
import { hasIoCounterpart, ioCostPush, type IoComparison } from "./ioCompare";

/** Convergence: the largest scaled residual (CGE.md section 5). */
export const CGE_TOLERANCE = 1e-10;
/** Walras' law: the dropped market must clear to this (scaled) at a converged solution. */
export const WALRAS_TOLERANCE = 1e-8;

export interface CgeOptions {
  /** Numeraire factor label; default LAB/労働 when present, else the first factor. */
  numeraire?: string;
  /** Its fixed price (default 1). */
  numeraireValue?: number;
  maxIterations?: number;
  signal?: AbortSignal;
  /** Forward-difference Jacobian instead of the analytic one (tests and the bench's before/after). */
  finiteDifferences?: boolean;
}

export interface CgeRun {
  calibration: Calibration;
  numeraire: string;
  numeraireValue: number;
  benchmark: Economy;
  /** Largest scaled residual of the reduced system at the benchmark (calibration check). */
  benchmarkResidual: number;
  scenario: CgeScenario | null;
  policy: Policy | null;
  solution: Economy | null;
  residual: number;
  /** Scaled excess demand of the numeraire's factor market (the equation Walras' law implies). */
  walras: number;
  iterations: number;
  gdp0: number;
  gdp: number | null;
  ev: number | null;
  /** The IO cost-push result for the same shock (null when the shock has no IO counterpart). */
  io: IoComparison | null;
  warnings: RippleWarning[];
}

function numeraireIndex(c: Calibration, name: string | undefined): number {
  if (name !== undefined) {
    const h = c.factors.findIndex((f) => labelKey(f) === labelKey(name));
    if (h < 0)
      throw new RippleError("cge.numeraire", {
        ja: `ニューメレール「${name}」は SAM の要素にありません（要素: ${c.factors.join(", ")}）。`,
        en: `numeraire '${name}' is not a factor of the SAM (factors: ${c.factors.join(", ")}).`,
      });
    return h;
  }
  // Labour by any of its names (the code, Japanese, the English the results workbook shows).
  const lab = c.factors.findIndex((f) => ["lab", "労働", "labour", "labor"].includes(labelKey(f)));
  return lab >= 0 ? lab : 0;
}

export function scenarioPolicy(c: Calibration, s: CgeScenario, numeraire: number, value: number): Policy {
  const p = benchmarkPolicy(c, numeraire, value);
  const each = (t: Record<string, number> | undefined, fn: (i: number, v: number) => void) => {
    for (const [g, v] of Object.entries(t ?? {})) fn(c.goods.indexOf(g), v);
  };
  each(s.importPrice, (i, v) => (p.pWm[i] *= v));
  each(s.tariff, (i, v) => (p.taum[i] = v));
  each(s.productionTax, (i, v) => (p.tauz[i] = v));
  each(s.productivity, (i, v) => (p.prod[i] *= v));
  for (const [h, v] of Object.entries(s.factorSupply ?? {})) p.FF[c.factors.indexOf(h)] *= v;
  each(s.importQuota, (i, v) => {
    if (!(c.flows.M[i] > 0))
      throw new RippleError("cge.quota-no-imports", {
        ja: `財「${c.goods[i]}」はベンチマークで輸入がないため、輸入割当を設定できません。`,
        en: `good '${c.goods[i]}' has no benchmark imports, so it cannot have an import quota.`,
      });
    p.quota[i] = v * c.flows.M[i];
  });
  p.binding = p.quota.map((q, i) => (q === null ? -1 : i)).filter((i) => i >= 0);
  return p;
}

function blockText(e: EquationName): Bilingual {
  switch (e.block) {
    case "zero-profit":
      return { ja: `財「${e.label}」のゼロ利潤条件（産出価格 = 単位収入）`, en: `the zero-profit condition of good '${e.label}' (output price = unit revenue)` };
    case "goods-market":
      return { ja: `財「${e.label}」の需給均衡`, en: `the market for good '${e.label}'` };
    case "factor-market":
      return { ja: `要素「${e.label}」の市場`, en: `the market for factor '${e.label}'` };
    case "balance-of-payments":
      return { ja: "国際収支", en: "the balance of payments" };
    case "import-quota":
      return { ja: `財「${e.label}」の輸入割当`, en: `the import quota on '${e.label}'` };
  }
}

const REASON: Record<string, Bilingual> = {
  "max-iterations": { ja: "反復回数の上限に達しました", en: "the iteration limit was reached" },
  "line-search": { ja: "直線探索が残差を減らせませんでした", en: "the line search could not reduce the residual" },
  singular: { ja: "ヤコビ行列が特異です", en: "the Jacobian is singular" },
  "not-finite": { ja: "数値が有限でなくなりました", en: "values stopped being finite" },
};

/** A typed error naming the equation block with the largest residual. */
export function notConvergedError(c: Calibration, p: Policy, out: Extract<NewtonOutcome, { ok: false }>, what: string): RippleError {
  const names = equationNames(c, p);
  let k = 0;
  for (let i = 0; i < out.f.length; i++) if (!(Math.abs(out.f[i]) <= Math.abs(out.f[k]))) k = i;
  const b = blockText(names[k]);
  const r = REASON[out.reason];
  const res = Number.isFinite(out.f[k]) ? Math.abs(out.f[k]).toExponential(2) : String(out.f[k]);
  return new RippleError(
    "cge.not-converged",
    {
      ja: `CGE モデル（${what}）が収束しませんでした（${r.ja}、反復 ${out.iterations} 回）。閉じなかった式: ${b.ja}（尺度化残差 ${res}）。ショックを小さくするか、弾力性・SAM を確認してください。`,
      en: `the CGE model (${what}) did not converge (${r.en}, ${out.iterations} iterations): ${b.en} did not close (scaled residual ${res}). Try a smaller shock or check the elasticities and the SAM.`,
    },
    {},
    "numeric",
  );
}

function solvePolicy(c: Calibration, p: Policy, opts: CgeOptions, what: string, x0?: Float64Array) {
  const F = (x: Float64Array) => residuals(c, p, economy(c, p, x, false));
  let out: NewtonOutcome;
  try {
    out = newton(F, x0 ?? benchmarkPoint(c, p), {
      tol: CGE_TOLERANCE,
      maxIterations: opts.maxIterations ?? 100,
      signal: opts.signal,
      jacobian: opts.finiteDifferences ? undefined : (x) => analyticJacobian(c, p, x),
    });
  } catch (e) {
    if (opts.signal?.aborted) throw cancelledError();
    throw e;
  }
  if (!out.ok) throw notConvergedError(c, p, out, what);
  return out;
}

/** Solve with binding quotas; release quotas whose premium turns negative (they do not bind) and
 * re-impose released ones the imports would exceed, until the set is consistent. */
function solveWithQuotas(c: Calibration, p: Policy, opts: CgeOptions, what: string) {
  const quotaGoods = p.quota.map((q, i) => (q === null ? -1 : i)).filter((i) => i >= 0);
  for (let round = 0; round <= quotaGoods.length + 1; round++) {
    const out = solvePolicy(c, p, opts, what);
    const e = economy(c, p, out.x);
    const binding = quotaGoods.filter((i) => (p.binding.includes(i) ? e.chi[i] >= 0 : e.M[i] > (p.quota[i] as number) * (1 + 1e-12)));
    if (binding.length === p.binding.length && binding.every((i) => p.binding.includes(i))) return { out, e };
    p.binding = binding;
  }
  throw new RippleError("cge.quota-cycle", { ja: "輸入割当の拘束の組合せが定まりませんでした。", en: "could not settle which import quotas bind." }, {}, "numeric");
}

const gdpOf = (e: Economy) => e.Y.reduce((s, y) => s + y, 0);

/** Calibrate to the SAM and (optionally) solve one scenario. */
export function runCge(flows: SamFlows, given: CgeScenario | null, opts: CgeOptions = {}): CgeRun {
  const scenario = given && withSamFactorNames(given, flows.factors);
  if (scenario) checkScenarioLabels(scenario, flows.goods, flows.factors);
  const c = calibrate(flows, scenario?.elasticities);
  const h = numeraireIndex(c, opts.numeraire);
  const value = opts.numeraireValue ?? 1;
  const bp = benchmarkPolicy(c, h, value);
  const bench = solvePolicy(c, bp, opts, "benchmark");
  const benchmark = economy(c, bp, bench.x);
  const warnings: RippleWarning[] = [];
  const base = { calibration: c, numeraire: c.factors[h], numeraireValue: value, benchmark, benchmarkResidual: bench.residual, gdp0: gdpOf(benchmark), warnings };
  if (!scenario) return { ...base, scenario: null, policy: null, solution: null, residual: bench.residual, walras: factorGap(c, bp, benchmark, h), iterations: bench.iterations, gdp: null, ev: null, io: null };
  const p = scenarioPolicy(c, scenario, h, value);
  const { out, e } = solveWithQuotas(c, p, opts, scenario.name);
  const walras = factorGap(c, p, e, h);
  if (!(Math.abs(walras) <= WALRAS_TOLERANCE))
    throw new RippleError(
      "cge.walras",
      { ja: `ワルラス法則の検算に失敗しました（要素「${c.factors[h]}」の超過需要 ${walras}）。`, en: `Walras' law check failed: excess demand for factor '${c.factors[h]}' is ${walras}.` },
      {},
      "numeric",
    );
  for (const [i, q] of p.quota.entries()) {
    if (q === null || p.binding.includes(i)) continue;
    warnings.push({
      code: "cge.quota-not-binding",
      text: {
        ja: `財「${c.goods[i]}」の輸入割当（${q}）は拘束しません: 割当なしの輸入は ${e.M[i]} で、割当レントは 0 です。`,
        en: `the import quota on '${c.goods[i]}' (${q}) does not bind: imports without it are ${e.M[i]}, so its rent is 0.`,
      },
    });
  }
  return {
    ...base,
    scenario,
    policy: p,
    solution: e,
    residual: out.residual,
    walras,
    iterations: out.iterations,
    gdp: gdpOf(e),
    ev: ((e.UU - benchmark.UU) / benchmark.UU) * c.consumption0,
    io: hasIoCounterpart(c, p) ? ioCostPush(c, p, benchmark, e) : null,
  };
}
