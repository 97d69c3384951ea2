// ml-matrix LuDecomposition vs the hand-written blocked LU of src/engine/model/lu.ts, on the
// kind of matrix the models factor (I − A with a productive random A). Run: npx tsx test/bench/lu-compare.ts
import { LuDecomposition, Matrix } from "ml-matrix";
import seedrandom from "seedrandom";
import { LU } from "../../src/engine/model/lu";

function iMinusA(n: number, rng: () => number): number[][] {
  const a: number[][] = [];
  for (let i = 0; i < n; i++) a.push(new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let s = 0;
    const col = new Array<number>(n);
    for (let i = 0; i < n; i++) s += col[i] = rng() < 0.3 ? rng() : 0;
    const target = 0.3 + 0.4 * rng();
    for (let i = 0; i < n; i++) a[i][j] = (i === j ? 1 : 0) - (s > 0 ? (col[i] * target) / s : 0);
  }
  return a;
}

const sizes = process.argv.slice(2).map(Number).filter((v) => v > 0);
for (const n of sizes.length ? sizes : [1000, 2000]) {
  const m = iMinusA(n, seedrandom(`lu-${n}`));
  let t = performance.now();
  const own = LU.factor(m);
  const tOwn = performance.now() - t;
  t = performance.now();
  const ml = new LuDecomposition(new Matrix(m));
  const tMl = performance.now() - t;
  const b = new Array<number>(n).fill(1);
  const x1 = own.solve(b);
  const x2 = ml.solve(Matrix.columnVector(b)).getColumn(0);
  let diff = 0;
  for (let i = 0; i < n; i++) diff = Math.max(diff, Math.abs(x1[i] - x2[i]));
  console.log(`n=${n}: hand-written blocked LU ${(tOwn / 1000).toFixed(2)} s, ml-matrix LuDecomposition ${(tMl / 1000).toFixed(2)} s, max |Δx| ${diff.toExponential(1)}`);
}
