// Every published value of the three oracles (../shared/oracles/*/expected.json) within its
// stated tolerance, and the full numpy matrices computed there to 1e-9 relative (plus half a
// unit in the 10th decimal, which is how many decimals that file keeps).

import { describe, expect, it } from "vitest";
import { GhoshModel, impact, indicators, IOModel } from "../../../src/engine/model";
import { loadBeutel, loadMillerBlair, loadSpicosa, readJson } from "./fixtures";

/** |a − b| ≤ 1e-9·|b| + 5e-11 entry by entry. */
function expectClose(actual: number[] | number[][], expected: number[] | number[][], what: string): void {
  const a = (actual as unknown[]).flat(2) as number[];
  const b = (expected as unknown[]).flat(2) as number[];
  expect(a.length, what).toBe(b.length);
  b.forEach((bv, k) => {
    const tol = 1e-9 * Math.abs(bv) + 5e-11;
    if (!(Math.abs(a[k] - bv) <= tol)) throw new Error(`${what}[${k}]: ${a[k]} vs ${bv} (tolerance ${tol})`);
  });
}

function expectAbs(actual: (number | null)[], expected: number[], tol: number, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  expected.forEach((e, k) => {
    const a = actual[k];
    if (a === null || !(Math.abs(a - e) <= tol)) throw new Error(`${what}[${k}]: ${a} vs published ${e} (±${tol})`);
  });
}

describe("Miller & Blair (2009) ch. 2, two sectors", () => {
  const ex = readJson("oracles/miller-blair-2009-ch2-two-sector/expected.json");
  const model = IOModel.build(loadMillerBlair());
  const pub = ex.published;
  const num = ex.computed_here_with_numpy;

  it("reproduces the published A and L (pymrio rtol 1e-5)", () => {
    const A = model.coefficientMatrix();
    const L = model.leontief();
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 2; j++) {
        expect(Math.abs(A[i][j] - pub.A[i][j])).toBeLessThanOrEqual(1e-5 * Math.abs(pub.A[i][j]));
        expect(Math.abs(L[i][j] - pub.L[i][j])).toBeLessThanOrEqual(1e-5 * Math.abs(pub.L[i][j]));
      }
    // and the exact fractions (1/303)[[380, 100], [80, 340]]
    expectClose(L, [[380 / 303, 100 / 303], [80 / 303, 340 / 303]], "L exact");
  });

  it("reproduces x_new and the labour totals for f_new = (600, 1500)", () => {
    const xNew = model.solve([600, 1500]);
    expect(Math.abs(xNew[0] - pub.x_new_for_example[0])).toBeLessThanOrEqual(0.05); // published to 0.1
    expect(Math.abs(xNew[1] - pub.x_new_for_example[1])).toBeLessThanOrEqual(0.05);
    expectClose(xNew, num["x_for_f_new_600_1500"].map((v: number) => v), "x_for_f_new");
    // labour coefficients and totals (= coefficient × published x_new)
    expectClose(model.e as number[], pub.labor_coefficients, "labour coefficients");
    const e = model.e as number[];
    expectAbs(pub.x_new_for_example.map((x: number, i: number) => e[i] * x), pub.labor_totals_at_x_new, 1e-9, "labour totals");
    // the same through the model's stage employment at x_new (rtol 1e-5 as pymrio)
    const labour = impact(model, [600, 1500], {}).direct.employment as number[];
    expectClose(labour, [0.3 * 600, 0.25 * 1500], "employment of the direct effect");
  });

  it("matches the numpy matrices", () => {
    expectClose(model.coefficientMatrix(), num.A, "A");
    expectClose(model.leontief(), num.L, "L");
    expectClose(model.columnSums(), num.output_multipliers_colsum_L, "output multipliers");
    const g = GhoshModel.of(model);
    expectClose(Array.from(g.B), num.ghosh_B_Z_over_row_output.flat(), "Ghosh B");
    expectClose(g.inverse(), num.ghosh_G, "Ghosh G");
    expectClose(g.forwardLinkages(), num.G_row_sums, "G row sums");
    // value added = x − column sums of Z (no value-added rows: the residual, with a warning)
    expectClose(model.v.map((v, j) => v * model.x[j]), num.value_added_row_x_minus_colsum_Z, "value added");
    expect(model.warnings.map((w) => w.code)).toContain("no-value-added-rows");
  });
});

describe("Eurostat manual ch. 15 (Beutel), Germany 1995", () => {
  const ex = readJson("oracles/eurostat-beutel-germany-1995/expected.json");
  const pub = ex.published;
  const num = ex.computed_here_with_numpy;
  const model = IOModel.build(loadBeutel());
  const ind = indicators(model);
  const idx = (name: string) => (ex.sectors as string[]).indexOf(name);
  const spot = (key: string) => {
    const m = /\[(\w+),(\w+)\]/.exec(key);
    if (!m) throw new Error(key);
    return [idx(m[1]), idx(m[2])];
  };
  const TOL = 1e-3; // the manual rounds its intermediate tables (SOURCE.md)

  it("published A, (I − A) and L spots", () => {
    const A = model.coefficientMatrix();
    const L = model.leontief();
    for (const [key, val] of Object.entries(pub.input_coefficients_spot)) {
      if (key.startsWith("_")) continue;
      const [i, j] = spot(key);
      expect(Math.abs(A[i][j] - (val as number)), key).toBeLessThanOrEqual(TOL);
    }
    for (const [key, val] of Object.entries(pub.leontief_matrix_spot)) {
      if (key.startsWith("_")) continue;
      const [i, j] = spot(key);
      expect(Math.abs((i === j ? 1 : 0) - A[i][j] - (val as number)), key).toBeLessThanOrEqual(TOL);
    }
    for (const [key, val] of Object.entries(pub.leontief_inverse_spot)) {
      if (key.startsWith("_")) continue;
      const [i, j] = spot(key);
      expect(Math.abs(L[i][j] - (val as number)), key).toBeLessThanOrEqual(TOL);
    }
    // iotables' 0.035494905 was computed from A rounded to 4 dp (SOURCE.md); unrounded A gives
    // 0.0355677, within 1e-4 of it.
    const [ti, bj] = [idx("trade_group"), idx("business_services_group")];
    expect(Math.abs(L[ti][bj] - 0.035494905)).toBeLessThanOrEqual(1e-4);
  });

  it("output multipliers, GVA coefficients and multipliers, compensation, employment", () => {
    expectAbs(ind.outputMultipliers, pub.output_multipliers.values, TOL, "output multipliers");
    expectAbs(model.v, pub.gva_coefficients.values, TOL, "GVA coefficients");
    expectAbs(ind.effects.valueAdded, pub.gva_multipliers.values, TOL, "GVA multipliers (cumulative effects)");
    expect(Math.abs(model.wc[0] - pub.compensation_coefficient_agriculture.value)).toBeLessThanOrEqual(TOL);
    expect(Math.abs(ind.effects.compensation[0] - pub.compensation_cumulative_effect_agriculture.value)).toBeLessThanOrEqual(TOL);
    expectAbs(ind.effects.employment as number[], pub.employment_multipliers.values, TOL, "employment multipliers");
    // The backward linkages of Table 15.19 are the same column sums.
    expectAbs(ind.outputMultipliers, pub.output_multipliers.values, 2e-4, "output multipliers at 2e-4");
  });

  it("Ghosh inverse column and forward linkages (except the known transposition)", () => {
    const g = GhoshModel.of(model);
    const col0 = g.solve([1, 0, 0, 0, 0, 0]);
    expectAbs(col0, pub.ghosh_inverse_agriculture_column.values, TOL, "Ghosh column agriculture");
    const fl = g.forwardLinkages();
    const published = pub.forward_linkages.values as number[];
    // Published 1.6691 for the industry group is a digit transposition of 1.6910 (SOURCE.md):
    // every other value matches; the industry value matches the transposed digits.
    published.forEach((v, k) => {
      if (k === 1) {
        expect(Math.abs(fl[k] - v)).toBeGreaterThan(0.02);
        expect(Math.abs(fl[k] - 1.691)).toBeLessThanOrEqual(TOL);
      } else expect(Math.abs(fl[k] - v), `forward linkage ${k}`).toBeLessThanOrEqual(TOL);
    });
  });

  it("matches the numpy matrices and vectors", () => {
    expectClose(model.x, num.x_column_output_P1, "x");
    expectClose(model.coefficientMatrix(), num.A, "A");
    expectClose(model.leontief(), num.L, "L");
    expectClose(model.columnSums(), num.L_column_sums, "L column sums");
    expectClose(model.rowSums(), num.L_row_sums, "L row sums");
    const g = GhoshModel.of(model);
    expectClose(Array.from(g.B), num.B_output_coefficients.flat(), "B");
    expectClose(g.inverse(), num.G_ghosh_inverse, "G");
    expectClose(g.forwardLinkages(), num.G_row_sums, "G row sums");
    expectClose(ind.effects.valueAdded, num.gva_multipliers, "GVA multipliers");
    expectClose(ind.effects.employment as number[], num.employment_multipliers, "employment multipliers");
    expectClose(ind.effects.compensation, num.compensation_cumulative_effects, "compensation effects");
  });
});

describe("Spicosa Netherlands 2000", () => {
  const ex = readJson("oracles/spicosa-netherlands-2000/expected.json");
  const pub = ex.published;
  const num = ex.computed_here_with_numpy;
  const model = IOModel.build(loadSpicosa());
  const k = [0, 0, 0.08, 0.03, 0, 0.59]; // the household column iotables uses (SOURCE.md)
  const ind = indicators(model, { typeII: { consumptionCoefficients: k } });

  it("published (I − A) and L agriculture rows (3 dp, ±5e-4)", () => {
    const A = model.coefficientMatrix();
    const L = model.leontief();
    expectAbs(A[0].map((a, j) => (j === 0 ? 1 : 0) - a), pub.leontief_matrix_row_agriculture.values.map((v: number) => v), 5e-4, "(I−A) row");
    expectAbs(L[0], pub.leontief_inverse_row_agriculture.values, 5e-4, "L row");
  });

  it("published Type I income effects and multipliers (±5e-4)", () => {
    expectAbs(ind.effects.compensation, pub.income_effects_type_I.values, 5e-4, "Type I income effects");
    expectAbs(ind.typeI.compensation, pub.income_multipliers_type_I.values, 5e-4, "Type I income multipliers");
  });

  it("published Type II (household column fixed as in SOURCE.md, ±2e-3)", () => {
    const t2 = ind.typeII;
    expect(t2).not.toBeNull();
    if (!t2) return;
    expectAbs(t2.incomeEffects, pub.income_effects_type_II.values, 2e-3, "Type II income effects");
    expectAbs(t2.income, pub.income_multipliers_type_II.values, 2e-3, "Type II income multipliers");
    const Lbar = model.closedModel({ consumptionCoefficients: k }).inverse();
    expectAbs(Lbar[1], pub.type_II_inverse_row_mining.values, 2e-3, "Type II inverse row mining");
  });

  it("matches the numpy matrices", () => {
    const t2num = num["type_II_with_household_column_[0,0,0.08,0.03,0,0.59]"];
    expectClose(model.x, num.x_output_bp, "x");
    expectClose(model.coefficientMatrix(), num.A, "A");
    expectClose(model.leontief(), num.L, "L");
    expectClose(model.columnSums(), num.L_column_sums, "L column sums");
    expectClose(model.wc, num.compensation_coefficients_w, "w");
    expectClose(ind.effects.compensation, num.income_effects_type_I, "income effects");
    expectClose(ind.typeI.compensation as number[], num.income_multipliers_type_I, "income multipliers");
    expectClose(model.closedModel({ consumptionCoefficients: k }).inverse(), t2num.L_bar, "L̄");
    expectClose(ind.typeII?.incomeEffects as number[], t2num.income_effects, "Type II income effects");
    expectClose(ind.typeII?.income as number[], t2num.income_multipliers, "Type II income multipliers");
    expectClose(ind.typeII?.output as number[], t2num.output_multipliers_total, "Type II output multipliers");
  });

  it("Type II with c = households / total compensation (the ~1% higher variant)", () => {
    const hh = loadSpicosa().finalDemand.find((f) => f.role === "fd:household")?.values as number[];
    // final_consumption_households (not _private) is the column used there
    const households = [962, 28, 16896, 6184, 405, 123398];
    expect(hh.slice(0, 5)).toEqual(households.slice(0, 5));
    const kk = households.map((v) => v / 205691);
    const t2 = indicators(model, { typeII: { consumptionCoefficients: kk } }).typeII;
    const ref = num.type_II_with_household_column_hh_consumption_over_total_compensation;
    expectClose(t2?.incomeEffects as number[], ref.income_effects, "income effects");
    expectClose(t2?.income as number[], ref.income_multipliers, "income multipliers");
  });
});
