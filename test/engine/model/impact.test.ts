// The three-stage ripple effect worked by hand on a 2-sector competitive table, the closed
// (Type II) model as the limit of induced rounds, and the production-increase entry point.

import { describe, expect, it } from "vitest";
import {
  impact,
  impactOfOutput,
  impactTypeII,
  indicators,
  IOModel,
  DEFAULT_CONSUMPTION_RATE,
} from "../../../src/engine/model";
import { makeTable } from "../../../src/engine/table/types";
import { syntheticTable } from "../../bench/synthetic";

// Two sectors, competitive imports.
//   Z = [[20, 30], [10, 40]], x = (100, 200)
//   row 1: 20 + 30 + household 30 + exports 40 − imports 20 = 100; d1 = 50 + 30 = 80, m1 = 20/80 = 0.25
//   row 2: 10 + 40 + household 150 + exports 100 − imports 100 = 200; d2 = 50 + 150 = 200, m2 = 0.5
//   column 1: 30 + compensation 30 + surplus 40 = 100; column 2: 70 + 60 + 70 = 200
// So A = [[0.2, 0.15], [0.1, 0.2]], v = (0.7, 0.65), w = (0.3, 0.3), h = (30, 150)/180 = (1/6, 5/6).
const hand = makeTable({
  sectors: ["goods", "services"],
  Z: [
    [20, 30],
    [10, 40],
  ],
  x: [100, 200],
  finalDemand: [
    { role: "fd:household", values: [30, 150] },
    { role: "export", values: [40, 100] },
    { role: "import", values: [-20, -100] },
  ],
  primaryInputs: [
    { role: "va:compensation", values: [30, 60] },
    { role: "va:surplus", values: [40, 70] },
  ],
  employment: [10, 30],
  importType: "competitive",
});

const close = (a: number[], b: number[], tol = 1e-12) => {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(Math.abs(v - b[i]), `entry ${i}: ${v} vs ${b[i]}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i]))));
};

describe("three-stage ripple effect by hand (2 sectors, competitive)", () => {
  const model = IOModel.build(hand, { consumptionRate: 0.8 });

  it("coefficients", () => {
    close(model.m as number[], [0.25, 0.5]);
    close(model.v, [0.7, 0.65]);
    close(model.w, [0.3, 0.3]);
    close(model.h as number[], [1 / 6, 5 / 6]);
    // A_d = (I − M̂)A = [[0.15, 0.1125], [0.05, 0.1]]; det(I − A_d) = 0.85·0.9 − 0.1125·0.05
    //   = 0.759375 = 243/320, so L = (320/243)·[[0.9, 0.1125], [0.05, 0.85]]
    const L = model.leontief();
    close(L[0], [(320 / 243) * 0.9, (320 / 243) * 0.1125]);
    close(L[1], [(320 / 243) * 0.05, (320 / 243) * 0.85]);
  });

  it("Δf = (100, 0), c = 0.8", () => {
    const r = impact(model, [100, 0]);
    // 1. ΔX0 = (I − M̂)Δf = (75, 0)
    close(r.direct.output, [75, 0]);
    // 2. ΔX1 = L ΔX0 = (320/243)·(67.5, 3.75) = (800/9, 400/81) = (88.888…, 4.938…)
    //    first indirect = ΔX1 − ΔX0 = (125/9, 400/81)
    close(r.firstIndirect.output, [125 / 9, 400 / 81]);
    // 3. W1 = 0.3·(800/9 + 400/81) = 2280/81; ΔC = 0.8·W1·h = (304/81, 1520/81)
    //    (I − M̂)ΔC = (228/81, 760/81)
    //    ΔX2 = L (I − M̂)ΔC = (320/243)(1/81)·(0.9·228 + 0.1125·760, 0.05·228 + 0.85·760)
    //        = (320/19683)·(290.7, 657.4) = (93024/19683, 210368/19683) = (4.72611…, 10.68780…)
    close(r.secondIndirect.output, [93024 / 19683, 210368 / 19683]);
    // 4. total = ΔX1 + ΔX2 = (800/9 + 93024/19683, 400/81 + 210368/19683)
    const total = [800 / 9 + 93024 / 19683, 400 / 81 + 210368 / 19683];
    close(r.total.output, total);
    // value added, compensation and employment of each stage: v̂ΔX, ŵΔX, êΔX with e = (0.1, 0.15)
    close(r.total.valueAdded, [0.7 * total[0], 0.65 * total[1]]);
    close(r.total.compensation, [0.3 * total[0], 0.3 * total[1]]);
    close(r.total.employment as number[], [0.1 * total[0], 0.15 * total[1]]);
    close(r.direct.valueAdded, [52.5, 0]);
    // 波及倍率 = Σ total / Σ direct = (93.61500… + 15.62607…)/75 = 1.456548…
    expect(r.multiple).toBeCloseTo((total[0] + total[1]) / 75, 12);
    expect(r.multiple).toBeCloseTo(1.456548, 6);
    expect(r.method).toBe("three-stage");
  });

  it("self-sufficiency override and exports (100% domestic)", () => {
    const m2 = IOModel.build(hand, { consumptionRate: 0.8, selfSufficiency: { 0: 1 } });
    close(m2.selfSufficiency(), [1, 0.5]);
    close(impact(m2, [100, 0]).direct.output, [100, 0]);
    // exports enter in full: same as a domestic shock with the override
    const viaExport = impact(model, [0, 0], { exportShock: [100, 0] });
    close(viaExport.total.output, impact(m2, [100, 0]).total.output);
  });

  it("income base compensation+surplus raises the second round", () => {
    const m3 = IOModel.build(hand, { consumptionRate: 0.8, incomeBase: "compensation+surplus" });
    close(m3.w, [0.7, 0.65]);
    close(m3.wc, [0.3, 0.3]); // compensation is still reported as compensation
    const a = impact(model, [100, 0]).secondIndirect.output;
    const b = impact(m3, [100, 0]).secondIndirect.output;
    expect(b[0]).toBeGreaterThan(a[0]);
  });

  it("default consumption rate is the named constant", () => {
    expect(IOModel.build(hand).options.consumptionRate).toBe(DEFAULT_CONSUMPTION_RATE);
    expect(DEFAULT_CONSUMPTION_RATE).toBe(0.734);
  });

  it("impactOfOutput: ΔX1 = ΔXd + L A_d ΔXd (= L ΔXd)", () => {
    const r = impactOfOutput(model, [50, 0]);
    close(r.direct.output, [50, 0]);
    // L A_d (50, 0) = L (7.5, 2.5) = (320/243)(0.9·7.5 + 0.1125·2.5, 0.05·7.5 + 0.85·2.5)
    //               = (320/243)(7.03125, 2.5) = (2250/243, 800/243)
    close(r.firstIndirect.output, [2250 / 243, 800 / 243]);
    close(
      r.firstIndirect.output.map((d, i) => d + r.direct.output[i]),
      model.solve([50, 0]),
    );
    expect(r.method).toBe("output-three-stage");
  });
});

describe("closed model (Type II)", () => {
  it("is the limit of infinitely many induced rounds of the three-stage method", () => {
    const model = IOModel.build(hand, { consumptionRate: 0.8 });
    const dx0 = [75, 0];
    // Iterate ΔX_{k+1} = L (I − M̂) c (w·ΔX_k) h from ΔX1 = L ΔX0 and sum.
    let round = model.solve(dx0);
    const sum = [...round];
    for (let k = 0; k < 200; k++) {
      const W = round.reduce((s, d, i) => s + model.w[i] * d, 0);
      round = model.solve(model.domesticPart((model.h as number[]).map((h) => 0.8 * W * h)));
      sum[0] += round[0];
      sum[1] += round[1];
    }
    const r = impactTypeII(model, [100, 0]);
    close(r.total.output, sum, 1e-10);
    close(r.firstIndirect.output, impact(model, [100, 0]).firstIndirect.output);
    expect(r.method).toBe("closed-type-ii");
    expect(r.label.en).toContain("Type II");
    // Type II output multipliers exceed Type I
    const ind = indicators(model);
    ind.typeII?.output.forEach((v, j) => expect(v).toBeGreaterThan(ind.outputMultipliers[j]));
  });

  it("Type II income effects equal the household row of L̄", () => {
    const model = IOModel.build(syntheticTable(20, "typeII"));
    const Lbar = model.closedModel().inverse();
    const ind = indicators(model);
    close(ind.typeII?.incomeEffects as number[], Lbar[20].slice(0, 20), 1e-10);
  });
});

describe("buildAsync on a larger table", () => {
  it("cancels between chunks", async () => {
    const table = syntheticTable(600, "cancel");
    const ac = new AbortController();
    let calls = 0;
    const run = IOModel.buildAsync(table, {}, {
      signal: ac.signal,
      onProgress: (_d, _t, stage) => {
        if (stage === "factor" && ++calls === 1) ac.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ kind: "cancelled", code: "cancelled" });
  });
});
