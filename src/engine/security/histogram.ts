// The distribution of the Monte Carlo's B/C as a histogram for a native column chart: a fixed
// number of equal bins between the smallest and the largest draw (fixed, so the sheet's layout
// does not change with the plans: the public version's probes rebuild it with other amounts), the
// share of the draws in each, and whether the bin's middle lies in the central 90% (P5–P95), the
// band the chart shades as the fan.

export const HISTOGRAM_BINS = 20;

export interface Histogram {
  /** Lower and upper edge of each bin. */
  from: number[];
  to: number[];
  /** Share of the draws in each bin (a draw on an inner edge goes to the bin above it; the
   * largest draw to the last bin). Sums to 1. */
  share: number[];
  /** The bin's middle is within [p5, p95]. */
  central: boolean[];
}

export function histogramOf(values: ArrayLike<number>, p5: number, p95: number, bins = HISTOGRAM_BINS): Histogram {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    min = Math.min(min, values[i]);
    max = Math.max(max, values[i]);
  }
  const width = values.length > 0 ? (max - min) / bins : 0;
  const from = Array.from({ length: bins }, (_, k) => (values.length ? min + k * width : 0));
  const to = from.map((f, k) => (k === bins - 1 && values.length ? max : f + width));
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const k = width > 0 ? Math.min(bins - 1, Math.floor((values[i] - min) / width)) : 0;
    counts[k]++;
  }
  const share = counts.map((c) => (values.length ? c / values.length : 0));
  const central = from.map((f, k) => {
    const mid = (f + to[k]) / 2;
    return mid >= p5 && mid <= p95;
  });
  return { from, to, share, central };
}
