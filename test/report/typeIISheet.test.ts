// The closed (Type II) model in the report layer: the sheet after the summary when asked for,
// its numbers the engine's, and a method sheet that says which model each sheet's figures
// come from (and that Type II is not used when it is absent).

import { describe, expect, it } from "vitest";
import { buildAnalysisReport, type AnalysisReportInput } from "../../src/report/analysisReport";
import { typeIIFigures } from "../../src/report/typeIISheet";
import { makeTable, type IOTable } from "../../src/engine/table/types";
import { IOModel, analyze, impactTypeII, indicators } from "../../src/engine/model";
import { allText, cellAt, findRow, sheetByKey } from "./reportHelpers";

function table(withHousehold: boolean): IOTable {
  return makeTable({
    sectors: ["農業", "工業"],
    Z: [
      [150, 500],
      [200, 100],
    ],
    x: [1000, 2000],
    finalDemand: [
      { role: withHousehold ? "fd:household" : "fd:government", values: [350, 1400] },
      { role: "export", values: [400, 300] },
      { role: "import", values: [-100, -200] },
    ],
    primaryInputs: [
      { role: "va:compensation", values: [300, 900] },
      { role: "va:surplus", values: [350, 500] },
    ],
    importType: "competitive",
    unit: "百万円",
  });
}

const SHOCK = [100, 40];

function reportInput(t: IOTable, lang: "ja" | "en", typeII: boolean, consumptionRate?: number): AnalysisReportInput {
  const model = IOModel.build(t, { consumptionRate });
  return {
    result: analyze(t, { consumptionRate }, SHOCK),
    table: t,
    options: { importType: "competitive", importTypeSource: "detected", importTypeReason: null, parameters: [] },
    shock: SHOCK,
    lang,
    inputs: [{ description: "table" }],
    version: "test",
    now: new Date("2026-04-01T00:00:00Z"),
    typeII: typeII ? typeIIFigures(model, SHOCK) : undefined,
  };
}

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);

describe("Type II in the analysis report", () => {
  it("adds the closed model's sheet right after the summary, with the engine's closed-model numbers", () => {
    const t = table(true);
    const spec = buildAnalysisReport(reportInput(t, "ja", true));
    expect(spec.sheets.map((s) => s.key).slice(0, 2)).toEqual(["summary", "typeII"]);
    const s = sheetByKey(spec, "typeII");
    expect(s.name).toBe("閉鎖型モデル Type II");
    const model = IOModel.build(t, {});
    const closed = impactTypeII(model, SHOCK);
    const rTotal = findRow(s, "総合効果");
    expect(cellAt(s, rTotal, 1)).toBe(sum(closed.total.output));
    // The closed model includes every induced round: more than the three-stage total.
    const threeStage = analyze(t, {}, SHOCK).impact!;
    expect(cellAt(s, rTotal, 1) as number).toBeGreaterThan(sum(threeStage.total.output));
    const typeII = indicators(model, { typeII: true }).typeII!;
    const rAgri = findRow(s, "農業");
    expect(cellAt(s, rAgri, 1)).toBe(typeII.output[0]);
    expect(spec.provenance.variants.some((v) => v.includes("閉鎖型モデル"))).toBe(true);
  });

  it("says on the method sheet which model each sheet's figures come from", () => {
    const on = sheetByKey(buildAnalysisReport(reportInput(table(true), "ja", true)), "methods");
    const rHead = findRow(on, "数値の出所（シートごとのモデル）");
    expect(rHead).toBeGreaterThan(0);
    const rSummary = findRow(on, "集計");
    const rTypeII = findRow(on, "閉鎖型モデル Type II");
    expect(rSummary).toBeGreaterThan(rHead);
    expect(String(cellAt(on, rSummary, 1))).toContain("3段階法");
    expect(String(cellAt(on, rTypeII, 1))).toMatch(/^閉鎖型モデル.*このシートの数値だけ/);
    expect(String(cellAt(on, findRow(on, "乗数・影響力"), 1))).toContain("開放型モデル");

    // Without the switch: no Type II sheet, and the method sheet says it was not used.
    const offSpec = buildAnalysisReport(reportInput(table(true), "en", false));
    expect(offSpec.sheets.some((s) => s.key === "typeII")).toBe(false);
    const off = sheetByKey(offSpec, "methods");
    expect(allText(off).some((x) => x.startsWith("The closed model (Type II) is not used"))).toBe(true);
    expect(findRow(off, "Closed model Type II")).toBe(-1);
  });

  it("explains instead of inventing numbers when the table has no household column", () => {
    const t = table(false);
    // Without households the three-stage method needs the consumption rate 0 too.
    const figures = typeIIFigures(IOModel.build(t, { consumptionRate: 0 }), SHOCK);
    expect(figures.indicators).toBeNull();
    expect(figures.impact).toBeNull();
    const s = sheetByKey(buildAnalysisReport({ ...reportInput(t, "ja", false, 0), typeII: figures }), "typeII");
    expect(allText(s).some((x) => x.includes("fd:household"))).toBe(true);
    expect(s.blocks.flatMap((b) => b.values.flat()).some((v) => typeof v === "number")).toBe(false);
  });
});
