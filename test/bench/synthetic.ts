// Synthetic productive competitive-import tables of any size, seeded (seedrandom) so runs repeat.
// A has a random sparsity pattern and column sums in [0.3, 0.7]; final demand, exports and
// import coefficients are drawn, then x = L[(I − M̂)f + e] so the table balances exactly.

import seedrandom from "seedrandom";
import { LU } from "../../src/engine/model/lu";
import { type IOTable, makeTable } from "../../src/engine/table/types";

export function syntheticTable(n: number, seed = `ripple-${n}`, density = 0.3): IOTable {
  const rng = seedrandom(seed);
  const A: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    const col = new Array<number>(n);
    let s = 0;
    for (let i = 0; i < n; i++) s += col[i] = i === j || rng() < density ? rng() : 0;
    const target = 0.3 + 0.4 * rng();
    for (let i = 0; i < n; i++) A[i][j] = (col[i] / s) * target;
  }
  const m = Array.from({ length: n }, () => 0.4 * rng());
  const f = Array.from({ length: n }, () => 100 + 900 * rng());
  const e = Array.from({ length: n }, () => 200 * rng());
  // x solves x = (I − M̂)(A x + f) + e
  const M = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) M[i * n + j] = (i === j ? 1 : 0) - (1 - m[i]) * A[i][j];
  const x = Array.from(LU.factor(M, n).solve(f.map((fi, i) => (1 - m[i]) * fi + e[i])));
  const Z = A.map((row) => row.map((a, j) => a * x[j]));
  const imports = Z.map((row, i) => -m[i] * (row.reduce((s, z) => s + z, 0) + f[i]));
  const va = x.map((xj, j) => xj - Z.reduce((s, r) => s + r[j], 0));
  const compShare = Array.from({ length: n }, () => 0.3 + 0.4 * rng());
  return makeTable({
    sectors: Array.from({ length: n }, (_, i) => `S${i + 1}`),
    Z,
    x,
    finalDemand: [
      { role: "fd:household", label: "household", values: f.map((v) => 0.6 * v) },
      { role: "fd:investment", label: "investment", values: f.map((v) => 0.4 * v) },
      { role: "export", label: "exports", values: e },
      { role: "import", label: "imports", values: imports },
    ],
    primaryInputs: [
      { role: "va:compensation", label: "compensation", values: va.map((v, j) => v * compShare[j]) },
      { role: "va:surplus", label: "surplus", values: va.map((v, j) => v * (1 - compShare[j])) },
    ],
    employment: x.map((xj) => xj * 0.01 * (0.5 + rng())),
    importType: "competitive",
  });
}
