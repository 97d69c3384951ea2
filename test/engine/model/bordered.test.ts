// The closed (Type II) model by a bordered update of the open factors (issue 16) gives what a
// factorisation of the whole (n+1)×(n+1) matrix gives.
import { describe, expect, it } from "vitest";
import { IOModel } from "../../../src/engine/model";
import { LU } from "../../../src/engine/model/lu";
import { syntheticTable } from "../../bench/synthetic";

function closedDirect(model: IOModel): LU {
  const n = model.n;
  const N = n + 1;
  const c = model.options.consumptionRate;
  const k = model.domesticPart(model.householdComposition().map((h) => c * h));
  const a = new Float64Array(N * N);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) a[i * N + j] = (i === j ? 1 : 0) - model.Ad[i * n + j];
    a[i * N + n] = -k[i];
    a[n * N + i] = -model.w[i];
  }
  a[n * N + n] = 1;
  return LU.factor(a, N);
}

describe("closed model by a bordered update", () => {
  for (const n of [5, 40, 130]) {
    it(`n = ${n}: solve, solveT and the inverse equal the direct factorisation`, () => {
      const model = IOModel.build(syntheticTable(n));
      const closed = model.closedModel();
      const direct = closedDirect(model);
      const b = Array.from({ length: n + 1 }, (_, i) => ((i * 37) % 11) - 3);
      const close = (x: ArrayLike<number>, y: ArrayLike<number>) => {
        let worst = 0;
        for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i] - y[i]) / (1 + Math.abs(y[i])));
        return worst;
      };
      expect(close(closed.solve(b), direct.solve(b))).toBeLessThan(1e-12);
      expect(close(closed.solveT(b), direct.solveTranspose(b))).toBeLessThan(1e-12);
      expect(close(closed.inverse().flat(), direct.inverse())).toBeLessThan(1e-12);
    });
  }
});
