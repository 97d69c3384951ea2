// Small numeric helpers shared by the engine and the report (one definition each).

/** The sum of the values, added left to right from 0 (the order `reduce` uses, so results are bit-identical). */
export function sum(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  return s;
}
