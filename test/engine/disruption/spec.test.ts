import { describe, expect, it } from "vitest";
import {
  GhoshModel,
  costPushPrices,
  dynamicInoperability,
  inoperabilityFromModel,
  resilienceFromRecovery,
  staticInoperability,
} from "../../../src/engine/disruption";
import { parseDisruptionSpec, parseDisruptionSpecText, type DisruptionSpec } from "../../../src/engine/disruption/spec";
import { analyzeDisruption } from "../../../src/engine/disruption/analyze";
import { RippleError } from "../../../src/engine/errors";
import { IOModel } from "../../../src/engine/model";
import { makeTable } from "../../../src/engine/table/types";
import { exampleJson, sampleModel } from "../../report/disruptionFixture";

const model = sampleModel();
const K = 2; // 03 製造業

const minimal = { sector: "03 製造業", importCut: 0.9, months: 3, recoveryMonths: { default: 12 } };

function errorOf(f: () => unknown): RippleError {
  try {
    f();
  } catch (e) {
    if (e instanceof RippleError) return e;
    throw e;
  }
  throw new Error("no error thrown");
}

describe("parseDisruptionSpec", () => {
  it("reads the example file with every field", () => {
    const spec = parseDisruptionSpec(exampleJson());
    expect(spec).toMatchObject({
      sector: "03 製造業",
      importCut: 0.9,
      months: 3,
      imports: { quantity: 5000, unit: "t", unitValue: 9 },
      periodLength: "month",
      periods: 24,
      recoveryMonths: { default: 12 },
      priceShock: { sector: "03 製造業", importPriceChange: 0.5, scope: "good" },
      extraction: true,
      ghosh: true,
    });
    expect(spec.notes!.length).toBeGreaterThan(2);
  });

  it("reads a minimal spec and leaves the defaults to the run", () => {
    expect(parseDisruptionSpec(minimal)).toEqual({ ...minimal });
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ["not an object", [] as unknown as Record<string, unknown>, "$"],
    ["missing sector", { importCut: 0.9, months: 3, recoveryMonths: { default: 12 } }, "$.sector"],
    ["missing importCut", { sector: "x", months: 3, recoveryMonths: { default: 12 } }, "$.importCut"],
    ["missing months", { sector: "x", importCut: 0.9, recoveryMonths: { default: 12 } }, "$.months"],
    ["empty sector", { ...minimal, sector: " " }, "$.sector"],
    ["cut above 1", { ...minimal, importCut: 90 }, "$.importCut"],
    ["cut of 0", { ...minimal, importCut: 0 }, "$.importCut"],
    ["cut as text", { ...minimal, importCut: "0.9" }, "$.importCut"],
    ["negative months", { ...minimal, months: -3 }, "$.months"],
    ["negative start", { ...minimal, startMonth: -1 }, "$.startMonth"],
    ["typo", { ...minimal, importcut: 0.9 }, "$.importcut"],
    ["period length", { ...minimal, periodLength: "week" }, "$.periodLength"],
    ["periods fraction", { ...minimal, periods: 12.5 }, "$.periods"],
    ["periods 0", { ...minimal, periods: 0 }, "$.periods"],
    ["no recovery", { sector: "x", importCut: 0.9, months: 3 }, "$.recoveryMonths"],
    ["both recoveries", { ...minimal, resilience: { default: 0.5 } }, "$.recoveryMonths"],
    ["resilience above 1", { sector: "x", importCut: 0.9, months: 3, resilience: { default: 1.5 } }, "$.resilience.default"],
    ["resilience by sector", { sector: "x", importCut: 0.9, months: 3, resilience: { default: 0.5, sectors: { "03 製造業": 0 } } }, '$.resilience.sectors["03 製造業"]'],
    ["recovery field", { ...minimal, recoveryMonths: { default: 12, months: 3 } }, "$.recoveryMonths.months"],
    ["recovery residual", { ...minimal, recoveryMonths: { default: 12, residual: 1 } }, "$.recoveryMonths.residual"],
    ["imports negative", { ...minimal, imports: -5 }, "$.imports"],
    ["imports no unitValue", { ...minimal, imports: { quantity: 5000 } }, "$.imports.unitValue"],
    ["imports quantity text", { ...minimal, imports: { quantity: "5000", unitValue: 9 } }, "$.imports.quantity"],
    ["price change", { ...minimal, priceShock: { importPriceChange: -2 } }, "$.priceShock.importPriceChange"],
    ["price missing", { ...minimal, priceShock: { sector: "03 製造業" } }, "$.priceShock.importPriceChange"],
    ["price scope", { ...minimal, priceShock: { importPriceChange: 0.5, scope: "all" } }, "$.priceShock.scope"],
    ["extraction", { ...minimal, extraction: "yes" }, "$.extraction"],
    ["ghosh empty", { ...minimal, ghosh: { primaryInputChange: {} } }, "$.ghosh.primaryInputChange"],
    ["ghosh value", { ...minimal, ghosh: { primaryInputChange: { "03 製造業": "x" } } }, '$.ghosh.primaryInputChange["03 製造業"]'],
    ["notes", { ...minimal, notes: [1] }, "$.notes"],
  ];
  it.each(bad)("%s: names %s in both languages and the file", (_, json, path) => {
    const e = errorOf(() => parseDisruptionSpec(json, { file: "cut.json" }));
    expect(e.code).toBe("disruption-spec");
    expect(e.where.file).toBe("cut.json");
    expect(e.text.ja).toContain(`途絶の設定 ${path}:`);
    expect(e.text.en).toContain(`disruption spec ${path}:`);
    expect(e.text.ja).toMatch(/ください/);
  });

  it("says when the text is not JSON", () => {
    const e = errorOf(() => parseDisruptionSpecText('{"sector": "x",}', { file: "cut.json" }));
    expect(e.text.en).toMatch(/not valid JSON/);
    expect(e.format("ja")).toMatch(/^cut.json: 途絶の設定 \$: JSON として読めません/);
  });
});

describe("analyzeDisruption on the 2011 13-sector table", () => {
  const spec = parseDisruptionSpec(exampleJson());
  const r = analyzeDisruption(model, spec);

  it("turns the import cut into c* = cut × imports × months in the period / 12 / (x_k × period length)", () => {
    expect(r.sector).toBe(K);
    expect(r.cut.annualImports).toBe(5000 * 9);
    expect(r.cut.totalShortfall).toBeCloseTo(0.9 * 45000 * 3 / 12, 9);
    expect(r.cut.shortfallByPeriod.slice(0, 4)).toEqual([3375, 3375, 3375, 0]);
    expect(r.cut.rate).toBeCloseTo((0.9 * 45000) / model.x[K], 15);
    for (let t = 0; t < 3; t++) expect(r.perturbation[t][K]).toBeCloseTo(r.cut.rate, 15);
    expect(r.perturbation[3][K]).toBe(0);
    expect(r.perturbation.every((row) => row.every((c, i) => i === K || c === 0))).toBe(true);
    // The table's imports of the sector: m_k × domestic demand_k = |the import columns of row k|.
    const importColumns = model.table.finalDemand.filter((f) => f.role === "import").reduce((s, f) => s + f.values[K], 0);
    expect(r.cut.sectorImports).toBeCloseTo(-importColumns, 3);
  });

  it("runs the engine's dynamic and static models with those inputs", () => {
    const sys = inoperabilityFromModel(model);
    const k = resilienceFromRecovery(sys, new Array(13).fill(12), 0.01);
    expect(r.resilience.values).toEqual(k);
    const dyn = dynamicInoperability(sys, { resilience: k, periods: 24, periodLength: 1 / 12, perturbation: { rows: r.perturbation } });
    expect(r.dynamic.path).toEqual(dyn.path);
    expect(r.dynamic.totalLoss).toBe(dyn.totalLoss);
    const cstar = new Array(13).fill(0);
    cstar[K] = r.cut.rate;
    const st = staticInoperability(sys, cstar);
    expect(r.static.q).toEqual(st.q);
    expect(r.static.totalLossOverCut).toBeCloseTo(st.totalLoss! * 3 / 12, 9);
    // The loss exceeds the supply lost: the other sectors lose output too.
    expect(r.dynamic.totalLoss!).toBeGreaterThan(r.cut.totalShortfall);
    expect(r.dynamic.loss![K]).toBe(Math.max(...r.dynamic.loss!));
    expect(r.warnings).toEqual([]);
  });

  it("over a long horizon the dynamic loss adds up to the static one (Σq = (I − A*)⁻¹ Σc*)", () => {
    const long = analyzeDisruption(model, { ...spec, periods: 240, priceShock: undefined, ghosh: undefined, extraction: undefined });
    expect(long.dynamic.totalLoss! / long.static.totalLossOverCut).toBeCloseTo(1, 6);
    const short = analyzeDisruption(model, { ...spec, periods: 6 });
    expect(short.warnings.map((w) => w.code)).toContain("disruption-horizon-short");
  });

  it("splits a cut across quarters by the months it covers", () => {
    const q = analyzeDisruption(model, { sector: "03 製造業", importCut: 0.9, resilience: { default: 0.5 }, imports: 45000, months: 4, startMonth: 1, periodLength: "quarter", periods: 8 });
    expect(q.period).toMatchObject({ months: 3, years: 0.25, count: 8 });
    expect(q.cut.shortfallByPeriod.slice(0, 3)).toEqual([0.9 * 45000 * 2 / 12, 0.9 * 45000 * 2 / 12, 0]);
    expect(q.perturbation[0][K]).toBeCloseTo((0.9 * 45000 * 2 / 12) / (model.x[K] * 0.25), 15);
    // Default horizon: the cut plus 12 months.
    expect(analyzeDisruption(model, minimal).period).toMatchObject({ count: 15, countSource: "default" });
    expect(analyzeDisruption(model, minimal).cut.importsSource).toBe("table");
  });

  it("applies the price shock to the good's share of the sector's imports", () => {
    const p = r.prices!;
    expect(p.scope).toBe("good");
    expect(p.appliedImportPriceChange).toBeCloseTo((0.5 * 45000) / r.cut.sectorImports!, 15);
    const dpm = new Array(13).fill(0);
    dpm[K] = p.appliedImportPriceChange;
    expect(p.result.delta).toEqual(costPushPrices(model, { importPriceChange: dpm }).delta);
    expect(Math.max(...p.result.delta)).toBeGreaterThan(0);
    const sector = analyzeDisruption(model, { ...spec, priceShock: { importPriceChange: 0.5, scope: "sector" } });
    expect(sector.prices!.appliedImportPriceChange).toBe(0.5);
  });

  it("derives the Ghosh Δv from the cut and labels it supply-side", () => {
    const g = r.ghosh!;
    expect(g.label.ja).toBe("供給側モデル（ゴッシュ）");
    const m = model.m![K];
    const intermediate = model.table.Z[K].reduce((s, z) => s + m * z, 0);
    const dvTotal = g.primaryInputChange.reduce((a, b) => a + b, 0);
    expect(dvTotal).toBeCloseTo((-r.cut.totalShortfall * intermediate) / r.cut.sectorImports!, 6);
    expect(g.effect.output).toEqual(GhoshModel.build(model).supplyEffect(g.primaryInputChange).output);
    const given = analyzeDisruption(model, { ...minimal, ghosh: { primaryInputChange: { "06 商業": -100 } } });
    expect(given.ghosh!.primaryInputChange[5]).toBe(-100);
  });

  it("ranks sectors by hypothetical extraction when asked", () => {
    expect(r.extraction!.both.order.length).toBe(13);
    expect(analyzeDisruption(model, minimal).extraction).toBeNull();
  });

  const runErrors: [string, DisruptionSpec, string][] = [
    ["unknown sector", { ...minimal, sector: "磁石" }, "$.sector"],
    ["unknown resilience sector", { sector: "03 製造業", importCut: 0.9, months: 3, resilience: { default: 0.5, sectors: { 磁石: 0.2 } } }, '$.resilience.sectors["磁石"]'],
    ["horizon shorter than the cut", { ...minimal, periods: 2 }, "$.periods"],
    ["recovery too fast for months", { ...minimal, recoveryMonths: { default: 3 } }, "$.recoveryMonths"],
    ["cut beyond output", { ...minimal, sector: "02 鉱業", imports: 1e9 }, "$.importCut"],
    ["good scope without imports", { ...minimal, priceShock: { importPriceChange: 0.5, scope: "good" } }, "$.priceShock.scope"],
    ["unknown price sector", { ...minimal, priceShock: { sector: "磁石", importPriceChange: 0.5 } }, "$.priceShock.sector"],
  ];
  it.each(runErrors)("%s: an error naming %s", (_, s, path) => {
    const e = errorOf(() => analyzeDisruption(model, s, { file: "cut.json" }));
    expect(e.code).toBe("disruption-spec");
    expect(e.text.en).toContain(`disruption spec ${path}:`);
    expect(e.text.ja).toContain(`途絶の設定 ${path}:`);
    expect(e.where.file).toBe("cut.json");
  });

  it("asks for the good's imports on a domestic-use table", () => {
    const t = makeTable({
      sectors: ["a", "b"],
      Z: [
        [10, 20],
        [30, 5],
      ],
      x: [100, 120],
      finalDemand: [{ role: "fd:other", values: [70, 85] }],
      primaryInputs: [
        { role: "import", values: [20, 30] },
        { role: "va:other", values: [40, 65] },
      ],
      importType: "domestic",
    });
    const m = IOModel.build(t);
    const e = errorOf(() => analyzeDisruption(m, { sector: "a", importCut: 0.5, months: 2, resilience: { default: 0.5 } }));
    expect(e.text.en).toContain("disruption spec $.imports:");
    const ok = analyzeDisruption(m, { sector: "a", importCut: 0.5, months: 2, imports: 12, resilience: { default: 0.5 }, priceShock: { importPriceChange: 0.2 } });
    expect(ok.cut.rate).toBeCloseTo(0.06, 15);
    // The good is 12 of the 50 imported: its price rise moves the import row by 0.2 × 12/50.
    expect(ok.prices!.scope).toBe("good");
    expect(ok.prices!.appliedImportPriceChange).toBeCloseTo(0.048, 15);
    expect(ok.prices!.result.delta).toEqual(costPushPrices(m, { importPriceChange: ok.prices!.appliedImportPriceChange }).delta);
  });
});
