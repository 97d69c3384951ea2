import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { costPushPrices, PRICE_LABEL, valueAddedShock } from "../../../src/engine/disruption";
import { IOModel } from "../../../src/engine/model/iomodel";
import { makeTable } from "../../../src/engine/table/types";
import { beutelTable, expectClose, inverseIminus, vecMul } from "./helpers";

/** Two-sector competitive table, balanced by rows and columns. By hand: domestic demand
 * d = (30+20+60, 10+40+70) = (110, 120), m = (22/110, 12/120) = (0.2, 0.1),
 * x = d + exports − imports = (90, 110); columns 30+10+50 = 90, 20+40+50 = 110. */
function competitiveTable() {
  return makeTable({
    sectors: ["rare earths & magnets", "machinery"],
    Z: [
      [30, 20],
      [10, 40],
    ],
    x: [90, 110],
    finalDemand: [
      { role: "fd:household", values: [60, 70] },
      { role: "export", values: [2, 2] },
      { role: "import", values: [-22, -12] },
    ],
    primaryInputs: [
      { role: "va:compensation", values: [30, 20] },
      { role: "va:surplus", values: [20, 30] },
    ],
    importType: "competitive",
  });
}

describe("cost-push prices — competitive tables: Δp' = (Δp_m'M̂A) L", () => {
  const model = IOModel.build(competitiveTable());

  it("import price of sector 1 up 50%: by hand Δp = (4/79, 3/79)", () => {
    // A = [[30/90, 20/110], [10/90, 40/110]], M̂A row 1 = 0.2·(1/3, 2/11) so
    // Δp_m'M̂A = 0.5·0.2·(1/3, 2/11) = (1/30, 1/55); A_d = [[4/15, 8/55], [1/10, 18/55]];
    // solving Δp'(I − A_d) = (1/30, 1/55) with fractions gives Δp = (4/79, 3/79).
    const r = costPushPrices(model, { importPriceChange: [0.5, 0] });
    expectClose(r.delta, [4 / 79, 3 / 79], 1e-15, "Δp");
    expectClose(r.index, [1 + 4 / 79, 1 + 3 / 79], 1e-15, "index");
    expectClose(r.percent, [400 / 79, 300 / 79], 1e-12, "percent");
    expect(r.label).toEqual(PRICE_LABEL);
  });

  it("zero shock gives unit prices (and the table's own costs give base prices of 1)", () => {
    const r = costPushPrices(model, {});
    expect(r.delta.every((d) => d === 0)).toBe(true);
    expect(r.index).toEqual([1, 1]);
    expectClose(r.levels, [1, 1], 1e-14, "levels");
    expect(r.baseDeviation).toBeLessThan(1e-14);
    expect(r.warnings).toEqual([]);
  });

  it("all import prices and all value-added costs up 10% → every price up 10% (homogeneity)", () => {
    const va = [50 / 90, 50 / 110];
    const r = costPushPrices(model, { importPriceChange: 0.1, valueAddedCostChange: va.map((v) => 0.1 * v) });
    expectClose(r.index, [1.1, 1.1], 1e-14, "index");
  });

  it("a value-added cost change: Δp' = Δv' L", () => {
    const dv = valueAddedShock(model, 1, 0.2);
    // sector 2's value added per unit output is 50/110; up 20% → Δv_2 = 0.2·50/110
    expectClose(dv, [0, (0.2 * 50) / 110], 1e-15, "Δv");
    const L = model.leontief();
    expectClose(costPushPrices(model, { valueAddedCostChange: dv }).delta, vecMul(dv, L), 1e-14, "Δp");
  });
});

describe("cost-push prices — domestic-use tables: Δp' = Δv'(I − A)⁻¹ (Eurostat/Beutel table)", () => {
  const model = IOModel.build(beutelTable());
  const A = model.coefficientMatrix();
  const L = inverseIminus(A);
  const x = model.x;
  const t = model.table;
  const row = (role: string) => t.primaryInputs.filter((p) => p.role === role)[0].values;

  it("zero shock gives unit prices; the manual's columns balance (inputs + imports + taxes + GVA = output)", () => {
    const r = costPushPrices(model, {});
    expect(r.index.every((p) => p === 1)).toBe(true);
    expectClose(r.levels, new Array(6).fill(1), 1e-12, "levels");
  });

  it("an import price rise applies to the import row: Δp' = Δp_m μ' (I − A)⁻¹", () => {
    const mu = row("import").map((v, j) => v / x[j]);
    const r = costPushPrices(model, { importPriceChange: 0.3 });
    expectClose(r.delta, vecMul(mu.map((m) => 0.3 * m), L), 1e-12, "Δp");
    expect(r.delta.every((d) => d > 0)).toBe(true);
  });

  it("a value-added cost change of one sector", () => {
    const dv = valueAddedShock(model, 1, 0.1);
    const gva = ["va:compensation", "va:tax-production", "va:depreciation", "va:surplus"]
      .map(row)
      .reduce((s, r) => s.map((v, j) => v + r[j]), new Array(6).fill(0));
    expect(dv[1]).toBeCloseTo((0.1 * gva[1]) / x[1], 15);
    expectClose(costPushPrices(model, { valueAddedCostChange: dv }).delta, vecMul(dv, L), 1e-12, "Δp");
  });

  it("property: Δp is linear in the shock", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.5, max: 2, noNaN: true }),
        fc.array(fc.double({ min: -0.1, max: 0.1, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (pm, dv, a) => {
          const r1 = costPushPrices(model, { importPriceChange: pm }).delta;
          const r2 = costPushPrices(model, { valueAddedCostChange: dv }).delta;
          const r = costPushPrices(model, {
            importPriceChange: a * pm,
            valueAddedCostChange: dv.map((v) => a * v),
          }).delta;
          expectClose(r, r1.map((v, i) => a * (v + r2[i])), 1e-12, "linearity");
        },
      ),
      { numRuns: 100 },
    );
  });

  it("rejects a per-product import change on a domestic-use table, naming the parameter", () => {
    expect(() => costPushPrices(model, { importPriceChange: [0.1, 0, 0, 0, 0, 0] })).toThrow(/importPriceChange/);
    expect(() => costPushPrices(model, { valueAddedCostChange: [0.1] })).toThrow(/valueAddedCostChange/);
    expect(() => valueAddedShock(model, 9, 0.1)).toThrow(/parameter sector/);
  });

  it("needs an import row for an import price change", () => {
    const noImports = makeTable({
      sectors: ["a", "b"],
      Z: [
        [10, 10],
        [10, 10],
      ],
      x: [50, 50],
      primaryInputs: [{ role: "va:other", values: [30, 30] }],
    });
    expect(() => costPushPrices(IOModel.build(noImports), { importPriceChange: 0.1 })).toThrow(/import row/);
  });

  it("warns when the table's columns do not balance", () => {
    const unbalanced = makeTable({
      sectors: ["a", "b"],
      Z: [
        [10, 10],
        [10, 10],
      ],
      x: [50, 50],
      primaryInputs: [{ role: "va:other", values: [25, 30] }],
    });
    const r = costPushPrices(IOModel.build(unbalanced), {});
    expect(r.index).toEqual([1, 1]);
    expect(r.warnings.map((w) => w.code)).toEqual(["price-base-not-unit"]);
  });
});
