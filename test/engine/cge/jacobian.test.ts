// The analytic Jacobian of the reduced CGE system against central differences of the residuals,
// at points away from the benchmark (so no term vanishes by luck), on the Hosoe SAM, a SAM with
// zero flows and a production subsidy, σ = 1 (Cobb–Douglas Armington), a binding quota with its
// premium as an unknown, and another numeraire; then the solver with it against the solver with
// forward differences (same solution, fewer residual evaluations).

import { describe, expect, it } from "vitest";
import { calibrate, readSam, runCge, samFlows, scenarioPolicy, type Calibration, type Policy } from "../../../src/engine/cge";
import { analyticJacobian } from "../../../src/engine/cge/jacobian";
import { benchmarkPoint, residuals, economy, unknownCount } from "../../../src/engine/cge/model";
import { hosoeExpected, hosoeGrid, samGrid, THREE_GOODS } from "./samFixture";

function central(c: Calibration, p: Policy, x: Float64Array): Float64Array {
  const N = x.length;
  const J = new Float64Array(N * N);
  for (let j = 0; j < N; j++) {
    const h = 1e-6 * Math.max(1, Math.abs(x[j]));
    const xp = Float64Array.from(x);
    const xm = Float64Array.from(x);
    xp[j] += h;
    xm[j] -= h;
    const fp = residuals(c, p, economy(c, p, xp, false));
    const fm = residuals(c, p, economy(c, p, xm, false));
    for (let i = 0; i < N; i++) J[i * N + j] = (fp[i] - fm[i]) / (2 * h);
  }
  return J;
}

/** A point off the benchmark: every unknown moved by a different small amount. */
function offPoint(c: Calibration, p: Policy): Float64Array {
  const x = benchmarkPoint(c, p);
  for (let k = 0; k < x.length; k++) x[k] += 0.05 * Math.sin(1.7 * k + 0.3);
  return x;
}

function compare(c: Calibration, p: Policy, x = offPoint(c, p)) {
  const A = analyticJacobian(c, p, x);
  const D = central(c, p, x);
  const N = unknownCount(c, p);
  expect(A.length).toBe(N * N);
  let worst = 0;
  let nonzero = 0;
  for (let k = 0; k < A.length; k++) {
    worst = Math.max(worst, Math.abs(A[k] - D[k]) / Math.max(1, Math.abs(D[k])));
    if (Math.abs(D[k]) > 1e-9) nonzero++;
  }
  expect(worst).toBeLessThan(1e-7);
  return { nonzero, N };
}

const hosoe = () => samFlows(readSam(hosoeGrid()));
const three = () => samFlows(readSam(samGrid(THREE_GOODS)));

describe("analytic Jacobian = central differences", () => {
  it("Hosoe SAM at an off-benchmark point, tariffs changed", () => {
    const c = calibrate(hosoe());
    const p = scenarioPolicy(c, { name: "t", tariff: { BRD: 0.05, MLK: 0.3 }, importPrice: { BRD: 1.2 } }, c.factors.indexOf("LAB"), 1);
    const r = compare(c, p);
    expect(r.nonzero).toBeGreaterThan(r.N * 2);
  });

  it("zero flows, a production subsidy, a productivity and factor-supply change, σ = 1 and ψ ≠ σ on some goods", () => {
    const c = calibrate(three(), { armington: { AGR: 1, MFG: 0.4 }, transformation: { MFG: 3.5 } });
    const p = scenarioPolicy(
      c,
      { name: "t", productionTax: { MFG: -0.05 }, productivity: { AGR: 1.03 }, factorSupply: { CAP: 1.02 }, importPrice: { MFG: 1.5 } },
      c.factors.indexOf("LAB"),
      1,
    );
    compare(c, p);
  });

  it("a binding quota (its premium an unknown) and capital as the numeraire at 2", () => {
    const c = calibrate(three());
    const p = scenarioPolicy(c, { name: "q", importQuota: { MFG: 0.7 } }, c.factors.indexOf("CAP"), 2);
    p.binding = [1];
    const x = offPoint(c, p);
    x[x.length - 1] = 0.12; // χ > 0: the quota rent enters income
    compare(c, p, x);
  });
});

describe("the solver with the analytic Jacobian", () => {
  it("reproduces the oracle and the forward-difference solution", () => {
    const a = runCge(hosoe(), { name: "tariff abolition", tariff: { BRD: 0, MLK: 0 } });
    const b = runCge(hosoe(), { name: "tariff abolition", tariff: { BRD: 0, MLK: 0 } }, { finiteDifferences: true });
    expect(Math.abs(a.solution!.UU / hosoeExpected.tariff_abolition.utility_UU - 1)).toBeLessThan(1e-9);
    expect(Math.abs(a.solution!.UU / b.solution!.UU - 1)).toBeLessThan(1e-12);
    expect(a.residual).toBeLessThanOrEqual(1e-10);
    const q = runCge(three(), { name: "quota", importQuota: { MFG: 0.6 } });
    const qf = runCge(three(), { name: "quota", importQuota: { MFG: 0.6 } }, { finiteDifferences: true });
    expect(q.solution!.chi[1]).toBeGreaterThan(0);
    q.solution!.Z.forEach((z, i) => expect(Math.abs(z / qf.solution!.Z[i] - 1)).toBeLessThan(1e-10));
  });
});
