// Error cases: each is a RippleError that names the sector, the cell when known, and what to do.

import { describe, expect, it } from "vitest";
import { RippleError } from "../../../src/engine/errors";
import { aggregate, impact, indicators, IOModel, splitSector } from "../../../src/engine/model";
import { type IOTable, makeTable } from "../../../src/engine/table/types";

function table2(Z: number[][], x: number[], extra: Partial<Parameters<typeof makeTable>[0]> = {}): IOTable {
  return makeTable({
    sectors: ["農業", "工業"],
    Z,
    x,
    finalDemand: [{ role: "fd:household", values: x.map((v, i) => v - Z[i][0] - Z[i][1]) }],
    primaryInputs: [{ role: "va:compensation", values: x.map((v, j) => v - Z[0][j] - Z[1][j]) }],
    ...extra,
  });
}

function withLayout(t: IOTable): IOTable {
  t.layout = {
    sheet: "取引基本表",
    title: null,
    unit: null,
    rows: [
      { index: 3, address: "B4", code: "01", name: "農業", role: "sector", source: "label" },
      { index: 4, address: "B5", code: "02", name: "工業", role: "sector", source: "label" },
    ],
    cols: [
      { index: 2, address: "C3", code: "01", name: "農業", role: "sector", source: "label" },
      { index: 3, address: "D3", code: "02", name: "工業", role: "sector", source: "label" },
    ],
    sectorBlock: "C4:D5",
    importType: "domestic",
    importTypeSource: "detected",
    importTypeReason: { ja: "", en: "" },
  };
  return t;
}

function thrown(f: () => unknown): RippleError {
  try {
    f();
  } catch (e) {
    if (e instanceof RippleError) return e;
    throw e;
  }
  throw new Error("expected a RippleError");
}

describe("model errors", () => {
  it("x_j = 0: names the sector and its cell, says drop or merge", () => {
    const e = thrown(() => IOModel.build(withLayout(table2([[1, 0], [2, 0]], [10, 0]))));
    expect(e.code).toBe("zero-output");
    expect(e.where).toEqual({ sheet: "取引基本表", cell: "D3" });
    expect(e.format("ja")).toContain("工業");
    expect(e.format("ja")).toContain("統合");
    expect(e.format("en")).toMatch(/drop the sector or merge/);
  });

  it("non-productive: column sum ≥ 1 names the sectors (numeric)", () => {
    const e = thrown(() => IOModel.build(withLayout(table2([[2, 60], [3, 50]], [10, 100]))));
    expect(e.kind).toBe("numeric");
    expect(e.code).toBe("not-productive");
    expect(e.format("en")).toContain("工業 (1.10000)");
    expect(e.format("en")).not.toContain("農業 (");
    expect(e.where.cell).toBe("D3");
  });

  it("singular I − A (negative flows) is a numeric error naming a sector", () => {
    const e = thrown(() => IOModel.build(table2([[0, -2], [-0.5, 0]], [1, 1])));
    expect(e.kind).toBe("numeric");
    expect(e.code).toBe("singular");
    expect(e.format("en")).toMatch(/singular/);
  });

  it("options are validated and named", () => {
    const t = table2([[1, 2], [3, 4]], [10, 20]);
    expect(thrown(() => IOModel.build(t, { consumptionRate: 1.2 })).format("en")).toMatch(/option consumptionRate/);
    expect(thrown(() => IOModel.build(t, { consumptionRate: Number.NaN })).code).toBe("option-consumptionRate");
    expect(thrown(() => IOModel.build(t, { selfSufficiency: { 1: -0.1 } })).format("en")).toMatch(/selfSufficiency.*工業/);
    expect(thrown(() => IOModel.build(t, { selfSufficiency: { 5: 0.5 } })).code).toBe("option-selfSufficiency");
    expect(thrown(() => IOModel.build(t, { incomeBase: "gdp" as never })).code).toBe("option-incomeBase");
    expect(thrown(() => IOModel.build(t, { importType: "mixed" as never })).code).toBe("option-importType");
  });

  it("second round without a household column says which role to map", () => {
    const t = makeTable({
      sectors: ["a", "b"],
      Z: [[1, 2], [3, 4]],
      x: [10, 20],
      finalDemand: [{ role: "fd:government", values: [7, 14] }],
      primaryInputs: [{ role: "va:compensation", values: [6, 14] }],
    });
    const m = IOModel.build(t);
    expect(thrown(() => impact(m, [1, 0])).format("en")).toMatch(/fd:household/);
    // with c = 0 there is no second round, so it works
    expect(impact(IOModel.build(t, { consumptionRate: 0 }), [1, 0]).secondIndirect.output).toEqual([0, 0]);
    // indicators skip Type II and say why
    const ind = indicators(m);
    expect(ind.typeII).toBeNull();
    expect(ind.typeIINote?.en).toMatch(/fd:household/);
  });

  it("Type I multipliers are null (not ∞/NaN) where the direct coefficient is 0", () => {
    const t = makeTable({
      sectors: ["a", "b"],
      Z: [[1, 2], [3, 4]],
      x: [10, 20],
      finalDemand: [{ role: "fd:household", values: [7, 13] }],
      primaryInputs: [{ role: "va:compensation", values: [0, 14] }, { role: "va:surplus", values: [6, 0] }],
    });
    const ind = indicators(IOModel.build(t));
    expect(ind.typeI.compensation[0]).toBeNull();
    expect(ind.typeI.compensation[1]).not.toBeNull();
    expect(ind.typeII?.compensation[0]).toBeNull();
  });

  it("bad shocks", () => {
    const m = IOModel.build(table2([[1, 2], [3, 4]], [10, 20]));
    expect(thrown(() => impact(m, [1])).code).toBe("vector-length");
    expect(thrown(() => impact(m, [1, Number.NaN])).format("en")).toMatch(/工業/);
    expect(thrown(() => impact(m, [0, 0])).code).toBe("shock-no-direct-effect");
  });

  it("split and aggregate errors", () => {
    const t = table2([[1, 2], [3, 4]], [10, 20]);
    expect(thrown(() => splitSector(t, 0, { label: "x", share: 1 })).code).toBe("split-share");
    expect(thrown(() => splitSector(t, 0, { label: "x", share: -0.2 })).code).toBe("split-share");
    expect(thrown(() => splitSector(t, 2, { label: "x", share: 0.5 })).code).toBe("split-parent");
    expect(thrown(() => splitSector(t, 0, { label: "工業", share: 0.5 })).code).toBe("split-label");
    // buys more of sector 1 than the parent column holds: the parent column would go negative
    expect(thrown(() => splitSector(t, 0, { label: "x", share: 0.5, inputCoefficients: [0.5, 0.3] })).format("en")).toMatch(/exceeds the parent/);
    // few inputs: more value added than the parent has
    expect(thrown(() => splitSector(t, 0, { label: "x", share: 0.9, inputCoefficients: [0, 0] })).code).toBe("split-primaryInputCoefficients");
    expect(thrown(() => splitSector(t, 0, { label: "x", share: 0.5, inputCoefficients: [1.5, 0] })).code).toBe("split-inputCoefficients");
    // sales shares that do not sell the new output
    expect(thrown(() => splitSector(t, 0, { label: "x", share: 0.5, salesShares: { intermediate: [0, 0], finalDemand: [0] } })).code).toBe("split-salesShares");
    expect(thrown(() => aggregate(t, [0, 2], ["A", "B"])).code).toBe("aggregate-concordance");
    expect(thrown(() => aggregate(t, [0, 0], ["A", "B"])).format("en")).toMatch(/group "B" has no sectors/);
    expect(thrown(() => aggregate(t, [0], ["A"])).code).toBe("aggregate-concordance");
  });
});
