// Percentiles of Monte Carlo columns by selection instead of a full sort: three percentiles of
// 100,000 draws need a few order statistics, not the whole order (a sort per output column was a
// sixth of a 100,000-draw market run). Written here because the order statistics must equal the
// sorted array's exactly (Excel's PERCENTILE.INC), which a selection does; no kept library offers
// multi-index selection on Float64Array.

/** Rearranges a[left..right] so that a[k] is the value a sort would put there, everything left of
 * k is ≤ a[k] and everything right of it ≥ a[k] (Hoare's selection, median-of-three pivot). */
function selectInPlace(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    const mid = (left + right) >>> 1;
    // Median of three as the pivot, so sorted or constant runs stay linear.
    if (a[mid] < a[left]) swap(a, mid, left);
    if (a[right] < a[left]) swap(a, right, left);
    if (a[right] < a[mid]) swap(a, right, mid);
    const pivot = a[mid];
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** Places the value of every rank in ranks[rlo..rhi] (ascending, all within left..right) at its
 * index. The middle rank is selected first so each side's ranks are found in its part only; a
 * rank next to one just placed is the least (or greatest) of the rest of its part, found by a
 * scan rather than a second selection. Recursion depth is that of the ranks (six for summarize),
 * not of the data. */
function selectRanks(a: Float64Array, ranks: readonly number[], rlo: number, rhi: number, left: number, right: number): void {
  if (rlo > rhi) return;
  const mid = (rlo + rhi) >>> 1;
  const k = ranks[mid];
  selectInPlace(a, k, left, right);
  let lhi = mid - 1;
  let lright = k - 1;
  if (lhi >= rlo && ranks[lhi] === k - 1) {
    placeExtreme(a, k - 1, left, k - 1, false);
    lhi--;
    lright--;
  }
  let rl = mid + 1;
  let rleft = k + 1;
  if (rl <= rhi && ranks[rl] === k + 1) {
    placeExtreme(a, k + 1, k + 1, right, true);
    rl++;
    rleft++;
  }
  selectRanks(a, ranks, rlo, lhi, left, lright);
  selectRanks(a, ranks, rl, rhi, rleft, right);
}

/** Moves the least (or greatest) of a[from..to] to index `at` (from or to): the order statistic
 * there once everything on the other side is known to be beyond it. */
function placeExtreme(a: Float64Array, at: number, from: number, to: number, least: boolean): void {
  swap(a, at, extremeIndex(a, from, to, least));
}

// The loops over a whole column are leaf functions that end in a plain return. V8 optimizes a
// long loop while it runs (on-stack replacement); an object, a call or a property read after the
// loop has no type feedback yet on the first call, and the optimized code was thrown away there
// on every column (a hundred deoptimizations a run, each followed by a recompilation).

function extremeIndex(a: Float64Array, from: number, to: number, least: boolean): number {
  let best = from;
  for (let i = from + 1; i <= to; i++) if (least ? a[i] < a[best] : a[i] > a[best]) best = i;
  return best;
}

function hasNaN(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (v[i] !== v[i]) return true;
  return false;
}

/** True when every value is the same number with the same sign (a constant column: the yearly
 * shortfall before a shock, a change that no draw moves), whose order statistics need no search. */
function isConstant(a: Float64Array): boolean {
  const first = a[0];
  // 0 and −0 compare equal but a sort orders them: a column of zeros of both signs is searched.
  const sign = 1 / first;
  if (first === 0) {
    for (let i = 0; i < a.length; i++) if (a[i] !== first || 1 / a[i] !== sign) return false;
  } else for (let i = 1; i < a.length; i++) if (a[i] !== first) return false;
  return true;
}

/**
 * The values at the given ranks of `values` as if sorted ascending (Float64Array order: NaN last),
 * without sorting. `ranks` in any order; `values` is not changed.
 */
export function orderStatistics(values: ArrayLike<number>, ranks: readonly number[]): number[] {
  // Read in place where nothing is moved (the checks, the bracketed pass): a copy of a 100,000-draw
  // column is 800 kB for the collector, more than the pass itself.
  const v = values instanceof Float64Array ? values : Float64Array.from(values);
  const n = v.length;
  // NaN compares false with everything, which selection cannot order: sort as before.
  if (hasNaN(v)) return ranks.map((r) => v.slice().sort()[r]);
  for (const r of ranks) if (!(r >= 0 && r < n)) throw new RangeError(`rank ${r} outside 0..${n - 1}`);
  if (isConstant(v)) return ranks.map((r) => v[r]);
  const wanted = [...new Set(ranks)].sort((x, y) => x - y);
  const bracketed = n >= BRACKET_MIN ? bracketSelect(v, wanted) : null;
  if (bracketed) return ranks.map((r) => bracketed.get(r)!);
  const a = v.slice();
  selectRanks(a, wanted, 0, wanted.length - 1, 0, n - 1);
  return ranks.map((r) => a[r]);
}

const BRACKET_MIN = 8192;
const SAMPLE = 4096;

/**
 * The order statistics of a long column in one pass (Floyd and Rivest's idea): the order statistics of
 * a sample of 4,096 values give, around each wanted rank, two values that bracket it with high
 * probability; one pass counts the values below each bracket and keeps those inside, and a
 * selection among the kept few thousand finds each rank. Exact whatever the sample: a rank the
 * counts show outside its bracket (or a bracket too full, as with many ties) gives null and the
 * caller selects in the whole column.
 */
function bracketSelect(a: Float64Array, wanted: readonly number[]): Map<number, number> | null {
  const n = a.length;
  const sample = sampleOf(a);
  // Per rank, sample positions about four standard deviations of the sample quantile either side;
  // overlapping ones (the two ranks PERCENTILE.INC interpolates between) merged.
  const spans: { from: number; to: number; ranks: number[] }[] = [];
  for (const r of wanted) {
    const q = r / (n - 1);
    const centre = q * (SAMPLE - 1);
    const half = Math.ceil(4 * Math.sqrt(SAMPLE * q * (1 - q))) + 2;
    const from = Math.max(0, Math.floor(centre) - half);
    const to = Math.min(SAMPLE - 1, Math.ceil(centre) + half);
    const last = spans[spans.length - 1];
    if (last && from <= last.to) {
      last.to = Math.max(last.to, to);
      last.ranks.push(r);
    } else spans.push({ from, to, ranks: [r] });
  }
  // The bracket ends are the sample's order statistics at the spans' ends (selected, not sorted).
  const ends = [...new Set(spans.flatMap((sp) => [sp.from, sp.to]))].sort((x, y) => x - y);
  selectRanks(sample, ends, 0, ends.length - 1, 0, SAMPLE - 1);
  const at = new Map<number, number>();
  for (const span of spans) {
    // Room for three times the expected count; more means heavy ties, left to the full selection.
    const room = new Float64Array(Math.min(n, Math.ceil((3 * (span.to - span.from + 1) * n) / SAMPLE) + 64));
    const count = keepBetween(a, sample[span.from], sample[span.to], room);
    if (count < 0) return null;
    const kept = room.subarray(0, count);
    // The values below the bracket come first in the order, so rank r is the kept values' rank
    // r − below.
    const local = span.ranks.map((r) => r - keptBelow);
    if (local.some((r) => r < 0 || r >= count)) return null;
    selectRanks(kept, local, 0, local.length - 1, 0, count - 1);
    span.ranks.forEach((r, j) => at.set(r, kept[local[j]]));
  }
  return at;
}

function sampleOf(a: Float64Array): Float64Array {
  const sample = new Float64Array(SAMPLE);
  for (let i = 0; i < SAMPLE; i++) sample[i] = a[Math.floor((i * a.length) / SAMPLE)];
  return sample;
}

/** keepBetween's second result: a variable, not a returned object (see extremeIndex). */
let keptBelow = 0;

/** One pass: the values from `lo` to `hi` into `room`, returning their count (−1 when more than
 * fit), and how many are below `lo` into keptBelow. */
function keepBetween(a: Float64Array, lo: number, hi: number, room: Float64Array): number {
  const cap = room.length;
  let below = 0;
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v < lo) below++;
    else if (v <= hi) {
      if (count === cap) return -1;
      room[count++] = v;
    }
  }
  keptBelow = below;
  return count;
}
