// Monte Carlo over the parameters the user marks with a distribution (MODELS.md 9), seeded so a
// run repeats bit for bit, and a one-at-a-time tornado. The model is a function of a parameter
// record, so anything linear in the outputs (e.g. IO effects per tonne) is computed once outside.

import { RippleError } from "../errors";
import { arc4Uniform } from "./arc4";
import { orderStatistics } from "./orderStatistics";

export type Distribution =
  | { type: "triangular"; low: number; mode: number; high: number }
  | { type: "uniform"; low: number; high: number }
  | { type: "normal"; mean: number; sd: number };

export interface UncertainParameter {
  key: string;
  distribution: Distribution;
}

export interface Percentiles {
  p5: number;
  p50: number;
  p95: number;
  mean: number;
}

function checkDistribution(p: UncertainParameter): void {
  const d = p.distribution;
  const bad = (ja: string, en: string) => {
    throw new RippleError("distribution", { ja: `パラメータ ${p.key}: ${ja}`, en: `parameter ${p.key}: ${en}` });
  };
  if (d.type === "triangular" && !(d.low <= d.mode && d.mode <= d.high)) bad("下限 ≤ 最頻値 ≤ 上限 にしてください", "needs low ≤ mode ≤ high");
  if (d.type === "uniform" && !(d.low <= d.high)) bad("下限 ≤ 上限 にしてください", "needs low ≤ high");
  if (d.type === "normal" && !(d.sd >= 0)) bad("標準偏差は 0 以上にしてください", "the standard deviation must be ≥ 0");
}

/** Inverse CDF draws, so one uniform number makes one value (reproducible, no rejection). */
export function drawFrom(d: Distribution, u: number, u2: number): number {
  switch (d.type) {
    case "uniform":
      return d.low + (d.high - d.low) * u;
    case "triangular": {
      const { low: a, mode: c, high: b } = d;
      if (b === a) return a;
      const fc = (c - a) / (b - a);
      return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
    case "normal": {
      // Box–Muller with two uniforms in (0, 1].
      const r = Math.sqrt(-2 * Math.log(1 - u));
      return d.mean + d.sd * r * Math.cos(2 * Math.PI * u2);
    }
  }
}

/** P5, P50 and P95 by linear interpolation between order statistics (Excel's PERCENTILE.INC),
 * and the mean. */
export function summarize(values: ArrayLike<number>): Percentiles {
  const n = values.length;
  if (n === 0) return { p5: NaN, p50: NaN, p95: NaN, mean: 0 };
  // The ranks PERCENTILE.INC interpolates between, found by selection (orderStatistics).
  const probabilities = [0.05, 0.5, 0.95];
  const ranks = probabilities.flatMap((p) => {
    const lo = Math.floor((n - 1) * p);
    return [lo, Math.min(n - 1, lo + 1)];
  });
  const v = orderStatistics(values, ranks);
  const interpolate = (j: number) => {
    const h = (n - 1) * probabilities[j];
    return v[2 * j] + (h - Math.floor(h)) * (v[2 * j + 1] - v[2 * j]);
  };
  return { p5: interpolate(0), p50: interpolate(1), p95: interpolate(2), mean: sumInOrder(values) / n };
}

/** Summed in draw order: the same seed gives the same draws, so the mean repeats to the last bit.
 * A function of its own that ends at its loop (orderStatistics.ts says why). */
function sumInOrder(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

export interface MonteCarloOptions {
  draws: number;
  seed: string | number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

function checkRun(base: Record<string, number>, uncertain: UncertainParameter[], opts: MonteCarloOptions): void {
  if (!Number.isInteger(opts.draws) || opts.draws < 1 || opts.draws > 1_000_000)
    throw new RippleError("draws", { ja: "試行回数は 1〜1,000,000 の整数にしてください", en: "the number of draws must be an integer from 1 to 1,000,000" });
  for (const p of uncertain) {
    if (!(p.key in base))
      throw new RippleError("distribution", { ja: `パラメータ ${p.key} はモデルにありません`, en: `parameter ${p.key} is not a model parameter` });
    checkDistribution(p);
  }
}

const cancelled = () => new RippleError("cancelled", { ja: "中止しました", en: "Cancelled" }, {}, "cancelled");

/**
 * Run `model` for `draws` parameter records drawn around `base`; returns, per output key, the
 * draws and their percentiles. Outputs are named numbers (e.g. "kpi2030", "demand2030").
 */
export function monteCarlo(
  base: Record<string, number>,
  uncertain: UncertainParameter[],
  model: (params: Record<string, number>) => Record<string, number>,
  opts: MonteCarloOptions,
): { draws: Record<string, number[]>; percentiles: Record<string, Percentiles>; samples: Record<string, number[]> } {
  checkRun(base, uncertain, opts);
  const rng = arc4Uniform(String(opts.seed));
  const out: Record<string, number[]> = {};
  const samples: Record<string, number[]> = Object.fromEntries(uncertain.map((p) => [p.key, [] as number[]]));
  for (let k = 0; k < opts.draws; k++) {
    if (opts.signal?.aborted) throw cancelled();
    const params = { ...base };
    for (const p of uncertain) {
      const v = drawFrom(p.distribution, rng(), rng());
      params[p.key] = v;
      samples[p.key].push(v);
    }
    const r = model(params);
    for (const [key, v] of Object.entries(r)) (out[key] ??= []).push(v);
    if (opts.onProgress && (k + 1) % 1000 === 0) opts.onProgress(k + 1, opts.draws);
  }
  const percentiles = Object.fromEntries(Object.entries(out).map(([k, v]) => [k, summarize(v)]));
  return { draws: out, percentiles, samples };
}

/** A model for monteCarloColumns: fixed output names, values written into `out` by index. It
 * reads `params` and keeps nothing of it (the record is reused from draw to draw). */
export interface ColumnModel {
  outputs: string[];
  run(params: Readonly<Record<string, number>>, out: Float64Array): void;
}

/**
 * monteCarlo for models that hoist their invariant work and write their outputs by index: the
 * same seed draws the same parameter values in the same order (two uniforms per parameter per
 * draw, as monteCarlo), but the parameter record is reused and outputs go into one Float64Array
 * per output, so a draw allocates nothing here. Returns the draws as columns, by output index.
 * The drawn parameter values are not kept: no caller reads them, and each would be another
 * column of fresh memory (a first touch costs about 3 ms per MB on the machines measured).
 */
export function monteCarloColumns(
  base: Record<string, number>,
  uncertain: UncertainParameter[],
  model: ColumnModel,
  opts: MonteCarloOptions,
): { columns: Float64Array[] } {
  checkRun(base, uncertain, opts);
  const rng = arc4Uniform(String(opts.seed));
  const n = opts.draws;
  const columns = model.outputs.map(() => new Float64Array(n));
  const params: Record<string, number> = { ...base };
  const keys = uncertain.map((p) => p.key);
  const dists = uncertain.map((p) => p.distribution);
  const out = new Float64Array(model.outputs.length);
  for (let k = 0; k < n; k++) {
    // Checked every 1,000 draws: the signal is a property read, the draws are microseconds.
    if (k % 1000 === 0 && opts.signal?.aborted) throw cancelled();
    for (let i = 0; i < keys.length; i++) {
      const v = drawFrom(dists[i], rng(), rng());
      params[keys[i]] = v;
    }
    model.run(params, out);
    for (let j = 0; j < out.length; j++) columns[j][k] = out[j];
    if (opts.onProgress && (k + 1) % 1000 === 0) opts.onProgress(k + 1, n);
  }
  return { columns };
}

export interface TornadoBar {
  key: string;
  low: number;
  high: number;
  /** Output at the low and high value of the parameter, others at base. */
  outputLow: number;
  outputHigh: number;
  swing: number;
}

/** One-at-a-time sensitivity of one output to each parameter between its low and high value,
 * sorted by swing (largest first). */
export function tornado(
  base: Record<string, number>,
  ranges: { key: string; low: number; high: number }[],
  model: (params: Record<string, number>) => number,
): { base: number; bars: TornadoBar[] } {
  const b = model(base);
  const bars = ranges.map((r) => {
    if (!(r.key in base))
      throw new RippleError("distribution", { ja: `パラメータ ${r.key} はモデルにありません`, en: `parameter ${r.key} is not a model parameter` });
    const outputLow = model({ ...base, [r.key]: r.low });
    const outputHigh = model({ ...base, [r.key]: r.high });
    return { key: r.key, low: r.low, high: r.high, outputLow, outputHigh, swing: Math.abs(outputHigh - outputLow) };
  });
  bars.sort((x, y) => y.swing - x.swing);
  return { base: b, bars };
}
