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

/**
 * The values at the given ranks of `values` as if sorted ascending (Float64Array order: NaN last),
 * without sorting. `ranks` in any order; `values` is not changed.
 */
export function orderStatistics(values: ArrayLike<number>, ranks: readonly number[]): number[] {
  const a = Float64Array.from(values);
  const n = a.length;
  // NaN compares false with everything, which selection cannot order: sort as before.
  for (let i = 0; i < n; i++) if (a[i] !== a[i]) return ranks.map((r) => a.sort()[r]);
  const wanted = [...new Set(ranks)].sort((x, y) => y - x);
  // Largest rank first: each later selection works only left of the previous one.
  let right = n - 1;
  const at = new Map<number, number>();
  for (const r of wanted) {
    if (r < 0 || r >= n) throw new RangeError(`rank ${r} outside 0..${n - 1}`);
    selectInPlace(a, r, 0, right);
    at.set(r, a[r]);
    right = r;
  }
  return ranks.map((r) => at.get(r)!);
}
