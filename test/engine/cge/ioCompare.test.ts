// The IO cost-push comparison: Δp = Δp_m'M̂A + Δv' + Δp'(I − M̂)A solved as a linear system equals
// the same prices found by iterating the price equation to its fixed point; it is linear in the
// shock; a shock without an IO counterpart (a quota) gives none.

import { describe, expect, it } from "vitest";
import { readSam, runCge, samFlows } from "../../../src/engine/cge";
import { samGrid, THREE_GOODS } from "./samFixture";

const f = () => samFlows(readSam(samGrid(THREE_GOODS)));

/** Iterate p ← Δp_m'M̂A + Δv' + p'(I − M̂)A from p = 0 (converges: the table is productive). */
function iterate(flows: ReturnType<typeof f>, dpm: number[], dv: number[]): number[] {
  const n = flows.goods.length;
  const x = flows.goods.map((_, j) => flows.F.reduce((s, r) => s + r[j], 0) + flows.X.reduce((s, r) => s + r[j], 0) + flows.Tz[j]);
  const q = flows.goods.map((_, i) => flows.Xp[i] + flows.Xg[i] + flows.Xv[i] + flows.X[i].reduce((s, v) => s + v, 0));
  const m = flows.goods.map((_, i) => (flows.M[i] + flows.Tm[i]) / q[i]);
  let p = new Array<number>(n).fill(0);
  for (let k = 0; k < 2000; k++)
    p = flows.goods.map((_, j) => dv[j] + flows.goods.reduce((s, _g, i) => s + (dpm[i] * m[i] + p[i] * (1 - m[i])) * (flows.X[i][j] / x[j]), 0));
  return p;
}

describe("IO cost-push beside the CGE result", () => {
  it("equals the fixed point of the price equation, for an import price and a subsidy", () => {
    const flows = f();
    const r = runCge(flows, { name: "x", importPrice: { MFG: 1.4 }, productionTax: { SRV: 0 } });
    const Z0 = [59, 180, 182];
    const dv = [0, 0, ((0 - 5 / 182) * Z0[2]) / (Z0[2] + 5)];
    const want = iterate(flows, [0, 0.4, 0], dv);
    r.io!.io.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(1e-12));
    expect(r.io!.io[1]).toBeGreaterThan(0);
    expect(r.io!.io[2]).toBeLessThan(r.io!.io[1]);
  });
  it("is linear in the shock and absent for a quota", () => {
    const a = runCge(f(), { name: "a", importPrice: { AGR: 1.1 } }).io!.io;
    const b = runCge(f(), { name: "b", importPrice: { AGR: 1.2 } }).io!.io;
    a.forEach((v, i) => expect(Math.abs(b[i] - 2 * v)).toBeLessThan(1e-14));
    expect(runCge(f(), { name: "q", importQuota: { MFG: 0.5 } }).io).toBeNull();
  });
});
