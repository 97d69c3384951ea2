import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_RECOVERY_RESIDUAL,
  dynamicInoperability,
  inoperabilityFromMatrix,
  inoperabilityFromModel,
  interdependencyMatrix,
  perturbationFromShortfall,
  perturbationRows,
  resilienceFromRecovery,
  staticInoperability,
} from "../../../src/engine/disruption";
import { RippleError } from "../../../src/engine/errors";
import { IOModel } from "../../../src/engine/model/iomodel";
import { beutelTable, expectClose, expectMatrixClose, inverseIminus, mulVec } from "./helpers";

/** Trapezoid rule with unit spacing (numpy.trapz of a path sampled once per period). */
const trapz = (ys: number[]): number => ys.slice(1).reduce((s, y, i) => s + (y + ys[i]) / 2, 0);

describe("IIM — published worked examples", () => {
  // Haimes & Jiang (2001), J. Infrastructure Systems 7(1): two-system example with
  // A* = [[0, 0.8], [0.2, 0]] and c* = (0, 0.6) → q = (0.571, 0.714). Transcribed (A* and the
  // answer) in GitHub stigrs/diim, tests/test_case1.csv (commit 7d0a8fd40f5da9985ba1bc445c987399ea6fb29a)
  // and tests/test_diim.cpp "test_case1" (commit 1860886e48152683f0dab844981b165300aee709), tolerance 0.001.
  it("Haimes & Jiang (2001): q = (0.571, 0.714)", () => {
    const sys = inoperabilityFromMatrix([
      [0.0, 0.8],
      [0.2, 0.0],
    ]);
    const r = staticInoperability(sys, [0, 0.6]);
    expectClose(r.q, [0.571, 0.714], 1e-3, "q");
    expect(r.loss).toBeNull();
  });

  // Haimes & Jiang (2001), four-system example: c* = (0, 0.5, 0, 0), published answer
  // q = (0.70, 0.78, 1, 1) (transcribed in GitHub stigrs/diim tests/test_diim.cpp "test_case3",
  // commit 1860886e48152683f0dab844981b165300aee709, tolerance 0.01): systems 3 and 4 are fully
  // inoperable. The matrix file of that test is not available here, so A* below is a four-system
  // matrix built to give the same linear solution: q1 = 0.9 q2, q2 = 0.4 q1 + 0.5 →
  // q2 = 0.5 / 0.64 = 0.78125, q1 = 0.703125; q3 = q1 + 0.8 q2 = 1.328125; q4 = 0.9 q1 + q2 = 1.4140625.
  // Uncapped, systems 3 and 4 come out at 1.33 and 1.41 (more than all of their output).
  const fourSystems = () =>
    inoperabilityFromMatrix(
      [
        [0, 0.9, 0, 0],
        [0.4, 0, 0, 0],
        [1, 0.8, 0, 0],
        [0.9, 1, 0, 0],
      ],
      { sectors: ["S1", "S2", "S3", "S4"], x: [100, 200, 50, 40] },
    );

  it("Haimes & Jiang (2001) four systems: q capped at 1 = (0.70, 0.78, 1, 1), the excess reported", () => {
    const r = staticInoperability(fourSystems(), [0, 0.5, 0, 0]);
    expectClose(r.q, [0.70, 0.78, 1, 1], 0.01, "q vs published");
    expectClose(r.q, [0.703125, 0.78125, 1, 1], 1e-12, "q");
    expectClose(r.qUncapped, [0.703125, 0.78125, 1.328125, 1.4140625], 1e-12, "uncapped");
    expectClose(r.excess, [0, 0, 0.328125, 0.4140625], 1e-12, "excess");
    // loss = x q with the cap: 70.3125 + 156.25 + 50 + 40
    expectClose(r.loss!, [70.3125, 156.25, 50, 40], 1e-9, "loss");
    expect(r.totalLoss).toBeCloseTo(316.5625, 9);
    expectClose(r.excessLoss!, [0, 0, 16.40625, 16.5625], 1e-9, "excess loss");
    expect(r.totalExcessLoss).toBeCloseTo(32.96875, 9);
    expect(r.warnings.map((w) => w.code)).toEqual(["inoperability-above-one"]);
    expect(r.warnings[0].text.en).toMatch(/S3 \(1\.328\), S4 \(1\.414\)/);
  });

  it("below 1 nothing is capped and the excess is zero", () => {
    const r = staticInoperability(fourSystems(), [0, 0.2, 0, 0]);
    expect(r.q).toEqual(r.qUncapped);
    expect(r.excess).toEqual([0, 0, 0, 0]);
    expect(r.totalExcessLoss).toBe(0);
    expect(r.warnings).toEqual([]);
  });

  it("the dynamic model reports what its cap at 1 cut off", () => {
    const dyn = dynamicInoperability(fourSystems(), {
      resilience: [1, 1, 1, 1],
      periods: 3,
      periodLength: 1,
      perturbation: { spells: [{ sector: 1, value: 0.5, from: 0, to: 3 }] },
    });
    // K = I: q(t+1) = A* q(t) + c*. q(1) = (0, 0.5, 0, 0); q(2) = (0.45, 0.5, 0.4, 0.5);
    // q(3) = (0.45, 0.68, 0.45 + 0.4, 0.405 + 0.5) = (0.45, 0.68, 0.85, 0.905): nothing above 1 yet.
    expectClose(dyn.path[3], [0.45, 0.68, 0.85, 0.905], 1e-12, "q(3)");
    expect(dyn.excessLoss).toEqual([0, 0, 0, 0]);
    const long = dynamicInoperability(fourSystems(), {
      resilience: [1, 1, 1, 1],
      periods: 60,
      periodLength: 1,
      perturbation: { spells: [{ sector: 1, value: 0.5, from: 0, to: 60 }] },
    });
    // converges to the capped equilibrium; systems 3 and 4 keep hitting the cap (1.33 − 1, 1.41 − 1 a period)
    expectClose(long.path[60], [0.703125, 0.78125, 1, 1], 1e-6, "q(60)");
    expect(long.excessLoss![2]).toBeGreaterThan(0.3 * 50 * 40);
    expect(long.excessLoss![0]).toBe(0);
  });

  // Lian & Haimes (2006), Systems Engineering 9(3): the two-by-two DIIM example with
  // A* = [[0.15, 0.5], [0.1, 0.05]] and c* = (0, 0.1) → q = (0.066, 0.112). Transcribed in
  // stigrs/diim tests/test_case10_amat.csv (commit faf34fd51655dffb4c54cc357b4b419938a50c93) with
  // the answer in tests/test_diim.cpp "test_case7"/"test_case10" (commit 1860886e…), and in
  // stigrs/diimpy tests/test_case.py "test_case6"/"test_case8" (commit 8a6b80598c586aa48f5f34eb436e2182e459dab0),
  // which also checks that the dynamic model with constant c* ends at the static q.
  const lianHaimes = () =>
    inoperabilityFromMatrix(
      [
        [0.15, 0.5],
        [0.1, 0.05],
      ],
      { sectors: ["Sector1", "Sector2"] },
    );

  it("Lian & Haimes (2006): static q = (0.066, 0.112)", () => {
    expectClose(staticInoperability(lianHaimes(), [0, 0.1]).q, [0.066, 0.112], 1e-3, "q");
  });

  it("Lian & Haimes (2006): the dynamic model with constant c* converges to the static q", () => {
    const sys = lianHaimes();
    const stat = staticInoperability(sys, [0, 0.1]).q;
    const dyn = dynamicInoperability(sys, {
      resilience: [0.2, 0.2],
      periods: 200,
      periodLength: 1 / 365,
      perturbation: { spells: [{ sector: 1, value: 0.1, from: 0, to: 200 }] },
    });
    expectClose(dyn.path[200], stat, 1e-12, "q(200)");
    expectClose(dyn.path[200], [0.066, 0.112], 1e-3, "q(200) vs published");
  });

  // Independent implementation (not a published number): stigrs/diim tests/test_diim.cpp
  // "test_case12" (commit 1860886e48152683f0dab844981b165300aee709): same A*, K = diag(0.2, 0.2)
  // (tests/test_case12_kmat.csv), c*_2 = 0.1 while 0 ≤ t ≤ 30, 100 time steps; the trapezoid
  // integral of q over time is asserted as (1.980144350, 3.366317449) "integrated using Numpy",
  // tolerance 1e-6. Its step t uses c*(t) to produce q(t) (src/diim.cpp dynamic_inoperability,
  // commit 21ab495d…), which is our c*(t − 1): the spell is periods 0..29 here.
  it("reproduces the stigrs/diim dynamic test case (independent implementation)", () => {
    const dyn = dynamicInoperability(lianHaimes(), {
      resilience: [0.2, 0.2],
      periods: 99,
      periodLength: 1 / 365,
      perturbation: { spells: [{ sector: 1, value: 0.1, from: 0, to: 30 }] },
    });
    expect(dyn.path.length).toBe(100);
    const integral = [0, 1].map((i) => trapz(dyn.path.map((q) => q[i])));
    expectClose(integral, [1.98014435, 3.366317449], 1e-6, "∫q dt");
  });
});

describe("IIM — identities", () => {
  const model = IOModel.build(beutelTable());
  const sys = inoperabilityFromModel(model);
  const n = 6;

  it("A* = x̂⁻¹ A x̂ for a domestic-use table", () => {
    const A = model.coefficientMatrix();
    const x = model.x;
    expectMatrixClose(
      interdependencyMatrix(sys),
      A.map((r, i) => r.map((a, j) => (a * x[j]) / x[i])),
      1e-15,
      "A*",
    );
  });

  it("static q equals the Leontief solution normalised, x̂⁻¹ L x̂ c*, and (I − A*)⁻¹c* (ml-matrix)", () => {
    const c = [0, 0.05, 0, 0.2, 0, 0.01];
    const q = staticInoperability(sys, c);
    const x = model.x;
    const L = inverseIminus(model.coefficientMatrix());
    const viaLeontief = mulVec(L, c.map((ci, i) => ci * x[i])).map((v, i) => v / x[i]);
    expectClose(q.q, viaLeontief, 1e-12, "q vs Leontief");
    expectClose(q.q, mulVec(inverseIminus(interdependencyMatrix(sys)), c), 1e-12, "q vs (I−A*)⁻¹c*");
    // loss x_i q_i = the Leontief output change for Δf = x̂c*
    expectClose(q.loss!, mulVec(L, c.map((ci, i) => ci * x[i])), 1e-6, "loss");
    expect(q.totalLoss).toBeCloseTo(q.loss!.reduce((s, l) => s + l, 0), 6);
  });

  it("the model built from the table and from its A* agree", () => {
    const fromMatrix = inoperabilityFromMatrix(interdependencyMatrix(sys), { x: model.x });
    const c = [0.3, 0, 0, 0, 0, 0];
    expectClose(staticInoperability(fromMatrix, c).q, staticInoperability(sys, c).q, 1e-12, "q");
  });

  it("zero perturbation gives zero inoperability and zero loss (static and dynamic)", () => {
    const s = staticInoperability(sys, new Array(n).fill(0));
    expect(s.q.every((v) => v === 0)).toBe(true);
    expect(s.totalLoss).toBe(0);
    const d = dynamicInoperability(sys, {
      resilience: new Array(n).fill(0.5),
      periods: 12,
      periodLength: 1 / 12,
      perturbation: { spells: [] },
    });
    expect(d.path.flat().every((v) => v === 0)).toBe(true);
    expect(d.totalLoss).toBe(0);
  });

  it("the dynamic model converges to the static q on a real table", () => {
    const c = [0, 0.1, 0, 0, 0, 0];
    const d = dynamicInoperability(sys, {
      resilience: new Array(n).fill(0.6),
      periods: 400,
      periodLength: 1 / 365,
      perturbation: { spells: [{ sector: 1, value: 0.1, from: 0, to: 400 }] },
    });
    expectClose(d.path[400], staticInoperability(sys, c).q, 1e-10, "q(T)");
  });

  it("property: the uncapped static q is linear in c* and non-negative for non-negative c*; q = min(1, it)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 0.3, noNaN: true }), { minLength: n, maxLength: n }),
        fc.array(fc.double({ min: 0, max: 0.3, noNaN: true }), { minLength: n, maxLength: n }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (c1, c2, a) => {
          const q1 = staticInoperability(sys, c1).qUncapped;
          const q2 = staticInoperability(sys, c2).qUncapped;
          const r = staticInoperability(sys, c1.map((v, i) => v + a * c2[i]));
          expectClose(r.qUncapped, q1.map((v, i) => v + a * q2[i]), 1e-12, "linearity");
          expect(r.q).toEqual(r.qUncapped.map((v) => Math.min(1, v)));
          expect(q1.every((v) => v >= 0)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("IIM — dynamic model, loss, resilience and perturbations (hand computations)", () => {
  // A* = [[0, 0.8], [0.2, 0]], x = (100, 50) per year, K = diag(0.5, 0.5), q(0) = 0,
  // c*_2 = 0.6 in periods 0 and 1, monthly periods (length 1/12 year). By hand:
  //   q(1) = 0 + 0.5·(0 + (0, 0.6) − 0)                          = (0, 0.3)
  //   q(2) = (0, 0.3) + 0.5·((0.24, 0) + (0, 0.6) − (0, 0.3))     = (0.12, 0.45)
  //   loss_1 = 100·(0 + 0.12)/12 = 1;  loss_2 = 50·(0.3 + 0.45)/12 = 3.125;  total 4.125
  //   by period: (50·0.3)/12 = 1.25, (100·0.12 + 50·0.45)/12 = 2.875
  const sys = inoperabilityFromMatrix(
    [
      [0, 0.8],
      [0.2, 0],
    ],
    { sectors: ["power", "magnets"], x: [100, 50] },
  );

  it("two periods by hand", () => {
    const d = dynamicInoperability(sys, {
      resilience: [0.5, 0.5],
      periods: 2,
      periodLength: 1 / 12,
      perturbation: { spells: [{ sector: 1, value: 0.6, from: 0, to: 2 }] },
    });
    expectMatrixClose(d.path, [[0, 0], [0, 0.3], [0.12, 0.45]], 1e-15, "path");
    expectClose(d.loss!, [1, 3.125], 1e-12, "loss");
    expect(d.totalLoss).toBeCloseTo(4.125, 12);
    expectClose(d.lossByPeriod!, [1.25, 2.875], 1e-12, "by period");
    expect(d.warnings).toEqual([]);
  });

  it("a 90% cut for 3 months as a spell, and explicit rows give the same path", () => {
    const spells = { spells: [{ sector: 1, value: 0.9, from: 0, to: 3 }] };
    const rows = perturbationRows(sys, spells, 6);
    expect(rows).toEqual([[0, 0.9], [0, 0.9], [0, 0.9], [0, 0], [0, 0], [0, 0]]);
    const p = { resilience: [0.3, 0.3], periods: 6, periodLength: 1 / 12 };
    const a = dynamicInoperability(sys, { ...p, perturbation: spells });
    const b = dynamicInoperability(sys, { ...p, perturbation: { rows } });
    expect(a.path).toEqual(b.path);
  });

  it("resilience from recovery time: k_i = ln(q(0)/q(T)) / (T(1 − a*_ii))", () => {
    // a*_ii = 0 here, so k = ln(1/0.01)/T: T = 10 → 0.4605170186, T = 20 → 0.2302585093
    expect(DEFAULT_RECOVERY_RESIDUAL).toBe(0.01);
    expectClose(resilienceFromRecovery(sys, [10, 20]), [Math.log(100) / 10, Math.log(100) / 20], 1e-15, "k");
    expectClose(resilienceFromRecovery(sys, [10, 20]), [0.4605170186, 0.2302585093], 1e-10, "k");
    // with a diagonal: Lian & Haimes A*, a*_11 = 0.15, T = 10 → ln(100)/(10·0.85)
    const lh = inoperabilityFromMatrix([
      [0.15, 0.5],
      [0.1, 0.05],
    ]);
    expect(resilienceFromRecovery(lh, [10, 10])[0]).toBeCloseTo(Math.log(100) / 8.5, 14);
    // too fast for the period length → an error naming the parameter
    expect(() => resilienceFromRecovery(sys, [2, 20])).toThrow(/recoveryPeriods\[power\]/);
  });

  it("perturbation from a demand-share shortfall: c*_k = shortfall × unit value / (x_k × period length)", () => {
    // x_magnets = 50 per year → 50/12 = 4.1667 per month; shortfalls 1 and 2 (t) at 1 per t
    // give c* = 12/50 = 0.24 and 0.48.
    const p = perturbationFromShortfall(sys, { sector: 1, shortfall: [1, 2], unitValue: 1, periodLength: 1 / 12 });
    expectMatrixClose(p.rows, [[0, 0.24], [0, 0.48]], 1e-15, "c*");
    expect(() =>
      perturbationFromShortfall(sys, { sector: 1, shortfall: [5], unitValue: 1, periodLength: 1 / 12 }),
    ).toThrow(/shortfall\[0\]/);
  });

  it("keeps inoperability within [0, 1] with a warning", () => {
    const big = inoperabilityFromMatrix([
      [0, 0.95],
      [0.95, 0],
    ]);
    const d = dynamicInoperability(big, {
      resilience: [1, 1],
      periods: 50,
      periodLength: 1 / 12,
      perturbation: { spells: [{ sector: 0, value: 1, from: 0, to: 50 }] },
    });
    expect(Math.max(...d.path.flat())).toBeLessThanOrEqual(1);
    expect(d.warnings.map((w) => w.code)).toContain("inoperability-clipped");
    expect(staticInoperability(big, [0.5, 0]).warnings.map((w) => w.code)).toContain("inoperability-above-one");
  });
});

describe("IIM — validation names the parameter", () => {
  const sys = inoperabilityFromMatrix([
    [0, 0.8],
    [0.2, 0],
  ]);
  const base = { resilience: [0.5, 0.5], periods: 3, periodLength: 1 / 12, perturbation: { spells: [] } };
  const code = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(RippleError);
      return (e as RippleError).code;
    }
    throw new Error("expected a RippleError");
  };

  it("resilience, periods, periodLength, initial, perturbation, c*", () => {
    expect(code(() => dynamicInoperability(sys, { ...base, resilience: [0.5, 1.5] }))).toBe("parameter-resilience[#2]");
    expect(code(() => dynamicInoperability(sys, { ...base, resilience: [0.5] }))).toBe("parameter-resilience");
    expect(code(() => dynamicInoperability(sys, { ...base, periods: 0 }))).toBe("parameter-periods");
    expect(code(() => dynamicInoperability(sys, { ...base, periodLength: 2 }))).toBe("parameter-periodLength");
    expect(code(() => dynamicInoperability(sys, { ...base, initial: [0, -0.1] }))).toBe("parameter-initial[#2]");
    expect(
      code(() =>
        dynamicInoperability(sys, { ...base, perturbation: { spells: [{ sector: 5, value: 0.5, from: 0, to: 1 }] } }),
      ),
    ).toBe("parameter-perturbation.spells[0].sector");
    expect(code(() => dynamicInoperability(sys, { ...base, perturbation: { rows: [[0, 0]] } }))).toBe(
      "parameter-perturbation.rows",
    );
    expect(code(() => staticInoperability(sys, [0, 1.2]))).toBe("parameter-cstar[#2]");
    expect(code(() => inoperabilityFromMatrix([[0, 1], [1]]))).toBe("parameter-Astar");
    const err = (() => {
      try {
        dynamicInoperability(sys, { ...base, periods: 0 });
      } catch (e) {
        return e as RippleError;
      }
    })()!;
    expect(err.text.ja).toContain("periods");
    expect(err.text.en).toContain("periods");
  });
});
