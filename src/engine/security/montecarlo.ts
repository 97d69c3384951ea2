// Monte Carlo and tornado over the judgement parameters of the security evaluation (RESILIENCE.md
// 4): each parameter triangular between its low and high with the value in use as the mode,
// seeded (the market model's generator, so the same seed repeats bit for bit). The market flows
// and the IO unit losses do not depend on these parameters, so a draw is a few hundred
// multiplications (drawEvaluator.ts).

import { monteCarloColumns, type Percentiles, summarize, tornado, type TornadoBar, type UncertainParameter } from "../market/montecarlo";
import { securityDrawEvaluator } from "./drawEvaluator";
import { evaluateSecurity, type SecurityInput } from "./evaluate";
import { histogramOf, type Histogram } from "./histogram";
import { allJudgementParameters } from "./params";

export const DEFAULT_SECURITY_DRAWS = 2000;

export interface SecurityMonteCarlo {
  draws: number;
  seed: string;
  uncertain: Triangular[];
  benefitCostRatio: Percentiles;
  /** The B/C's draws in equal bins, for the fan chart. */
  histogram: Histogram;
  /** P(B/C ≥ 1) over the draws. */
  probabilityAtLeastOne: number;
  pvExpectedAvoidedValueAdded: Percentiles;
  /** One at a time between low and high, largest swing of the B/C first. */
  tornado: { base: number; bars: TornadoBar[] };
  milliseconds: number;
}

/** The judgement parameters used by this input, each triangular(low, value in use, high). */
type Triangular = UncertainParameter & { distribution: { type: "triangular"; low: number; mode: number; high: number } };

export function securityUncertainty(input: SecurityInput, p: Record<string, number>): Triangular[] {
  const used = new Set([
    "surgeUtilization",
    "planUtilization",
    "inventoryMonths",
    "otherOriginsSpare",
    // Not drawn: the loss path (a choice of method) and the recovery time, which RESILIENCE.md 4
    // does not list and which only shifts the dynamic loss in time (and is a tornado-free choice).
    ...input.scenarios.flatMap((s) => (s.probabilityKey ? [s.probabilityKey] : [])),
    ...input.applications.map((a) => `dependent:${a}`),
  ]);
  return allJudgementParameters()
    .filter((q) => used.has(q.key) && p[q.key] !== undefined)
    .map((q) => {
      const mode = p[q.key];
      return { key: q.key, distribution: { type: "triangular" as const, low: Math.min(q.low, mode), mode, high: Math.max(q.high, mode) } };
    })
    .filter((u) => u.distribution.high > u.distribution.low);
}

/** The input as securityMonteCarlo reads it, for another thread (a structured clone keeps data,
 * not classes): without the dynamic path's model and the price set-up, which the draws never use
 * (they evaluate without prices, and the dynamic path only when lossPath is 1). Null when
 * lossPath is 1: that Monte Carlo needs the model and stays on the caller's thread. */
export function securityMonteCarloInput(input: SecurityInput, p: Record<string, number>): SecurityInput | null {
  if (p.lossPath === 1) return null;
  const { dynamic: _dynamic, price: _price, ...data } = input;
  return data;
}

export function securityMonteCarlo(
  input: SecurityInput,
  p: Record<string, number>,
  opts: { draws?: number; seed?: string | number; signal?: AbortSignal } = {},
): SecurityMonteCarlo | null {
  if (!(input.pvSubsidy > 0)) return null;
  const draws = opts.draws ?? DEFAULT_SECURITY_DRAWS;
  const seed = String(opts.seed ?? 1);
  const uncertain = securityUncertainty(input, p);
  const t0 = performance.now();
  // A draw computes the two numbers it keeps (drawEvaluator.ts: the full evaluation's operations
  // for them, bit for bit), and the full evaluation only where it would refuse or for the dynamic path.
  const draw = securityDrawEvaluator(input);
  // Outputs by index into columns (monteCarloColumns): the same draws as monteCarlo for a seed,
  // without a parameter record and an output record per draw.
  const r = monteCarloColumns(
    p,
    uncertain,
    {
      outputs: ["bc", "pv"],
      run(q, out) {
        const v = draw(q);
        if (v) {
          out[0] = v.benefitCostRatio;
          out[1] = v.pvValueAdded;
          return;
        }
        const e = evaluateSecurity(input, q, { price: false });
        out[0] = e.benefitCostRatio as number;
        out[1] = e.pvExpectedAvoided.valueAdded;
      },
    },
    { draws, seed, signal: opts.signal },
  );
  const [bcDraws, pvDraws] = r.columns;
  let atLeastOne = 0;
  for (let i = 0; i < bcDraws.length; i++) if (bcDraws[i] >= 1) atLeastOne++;
  const t = tornado(
    p,
    uncertain.map((u) => ({ key: u.key, low: u.distribution.low, high: u.distribution.high })),
    (q) => evaluateSecurity(input, q, { price: false }).benefitCostRatio as number,
  );
  const bc = summarize(bcDraws);
  return {
    draws,
    seed,
    uncertain,
    benefitCostRatio: bc,
    histogram: histogramOf(bcDraws, bc.p5, bc.p95),
    probabilityAtLeastOne: atLeastOne / bcDraws.length,
    pvExpectedAvoidedValueAdded: summarize(pvDraws),
    tornado: t,
    milliseconds: performance.now() - t0,
  };
}
