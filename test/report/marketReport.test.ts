import { describe, expect, it } from "vitest";
import { runMarketAnalysis } from "../../src/engine/market/run";
import { SHEET_PARAMETERS } from "../../src/engine/market/sheet";
import { buildMarketReport } from "../../src/report/marketReport";
import type { CellSpec, SheetSpec } from "../../src/report/spec";
import { japanModel, keyRow, params, PLANS, templateGrids } from "../engine/market/marketFixtures";
import { allText, cellAt, columnValues, findRow, sheetByKey } from "./reportHelpers";

const g = templateGrids();
const model = japanModel();
const now = new Date("2026-04-01T00:00:00Z");
const analysis = runMarketAnalysis({ paramsGrid: g.params, scenariosGrid: g.scenarios, defaults: params, projects: PLANS, model, magnetSector: 2, draws: 500, seed: 3 });
const note = { ja: "既定：製造業", en: "default: manufacturing" };
const ja = buildMarketReport({ analysis, lang: "ja", version: "t", now, inputs: [{ description: "sample" }], magnetSectorNote: note });
const en = buildMarketReport({ analysis, lang: "en", version: "t", now, inputs: [{ description: "sample" }], magnetSectorNote: note });

const text = (s: SheetSpec) => allText(s).join("\n");

describe("market results workbook", () => {
  it("has the KPI check first, then every result sheet, with names Excel accepts", () => {
    expect(ja.sheets.map((s) => s.key)).toEqual([
      "marketKpi",
      "marketDemand",
      "marketCapacity",
      "marketShares",
      "marketScenarios",
      "marketMonteCarlo",
      "marketTornado",
      "marketParams",
      "marketMethod",
    ]);
    for (const w of [ja, en]) {
      const names = w.sheets.map((s) => s.name);
      expect(new Set(names).size).toBe(names.length);
      for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
    }
  });

  it("KPI sheet: PASS/FAIL for 2030 with the numbers and sources that explain it", () => {
    const k = sheetByKey(ja, "marketKpi");
    expect(cellAt(k, 1, 1)).toBe("達成");
    const why = String(cellAt(k, 2, 1));
    expect(why).toContain("18,500 t/年");
    expect(why).toContain("支援計画 5,000 t/年");
    expect(why).toContain("17,022 t");
    expect(why).toContain("108.7%");
    expect(text(k)).toContain("経済産業省 効果検証シナリオ（2026-03-31）");
    expect(text(k)).toContain("JSNM 業界業況");
    const e = sheetByKey(en, "marketKpi");
    expect(cellAt(e, 1, 1)).toBe("PASS");
    expect(String(cellAt(e, 2, 1))).toMatch(/meets the 100% target with 1,478 t\/yr to spare: PASS/);
    // The same sheets without the plans fail, and say by how much.
    const none = runMarketAnalysis({ paramsGrid: g.params, scenariosGrid: g.scenarios });
    const f = sheetByKey(buildMarketReport({ analysis: none, lang: "en", version: "t", now, inputs: [] }), "marketKpi");
    expect(cellAt(f, 1, 1)).toBe("FAIL");
    expect(String(cellAt(f, 2, 1))).toContain("3,522 t/yr short of the 100% target: FAIL");
  });

  it("every parameter shows its source, and a changed value says it was entered by the user", () => {
    const p = sheetByKey(ja, "marketParams");
    for (const q of SHEET_PARAMETERS) {
      const r = findRow(p, q.key);
      expect(r, q.key).toBeGreaterThan(0);
      expect(String(cellAt(p, r, 8)).length, q.key).toBeGreaterThan(5);
    }
    const changed = { ...g.params, values: g.params.values.map((row) => [...row]) };
    changed.values[keyRow(changed, "growth")][3] = 0.05;
    const a2 = runMarketAnalysis({ paramsGrid: changed, scenariosGrid: g.scenarios, defaults: params });
    const p2 = sheetByKey(buildMarketReport({ analysis: a2, lang: "ja", version: "t", now, inputs: [] }), "marketParams");
    expect(cellAt(p2, findRow(p2, "growth"), 8)).toBe(`利用者が入力（磁石パラメータ D${keyRow(changed, "growth") + 1}）`);
  });

  it("charts point at the numbers they show: demand stacked by application, capacity with the KPI line", () => {
    const d = sheetByKey(ja, "marketDemand");
    const stacked = d.charts![0];
    expect(stacked.type).toBe("columnStacked");
    expect(stacked.series).toHaveLength(7);
    const ev = columnValues(d, stacked.series[0].values) as number[];
    expect(ev).toEqual(analysis.runs[0].result.years.map((y) => y.demandByApplication[0]));
    expect(columnValues(d, stacked.categories!)).toEqual(analysis.years);

    const c = sheetByKey(ja, "marketCapacity");
    const [cap, kpi] = c.charts!;
    expect(cap.series.map((s) => s.name)).toEqual(["国内生産能力 計", "既存能力", "KPI目標ライン（100% × 国内需要）"]);
    expect(columnValues(c, cap.series[2].values)).toEqual(analysis.runs[0].result.years.map((y) => y.demand));
    expect(columnValues(c, kpi.series[1].values).every((v) => v === 1)).toBe(true);
  });

  it("shares by scenario, scenario comparison with IO effects, fan chart and sorted tornado", () => {
    const sh = sheetByKey(ja, "marketShares");
    expect(sh.charts![0].series.map((s) => s.name.split(":")[0])).toEqual(["base", "april2025", "severe"]);

    const sc = sheetByKey(ja, "marketScenarios");
    const severeRow = findRow(sc, "severe");
    const sev = analysis.runs[2];
    expect(cellAt(sc, severeRow, 7)).toBeCloseTo(sev.cumulative.millionYen, 9);
    expect(cellAt(sc, severeRow, 9)).toBeCloseTo(sev.cumulative.effects!.total.valueAdded!, 9);
    expect(text(sc)).toContain("第2次間接波及効果");

    const mc = sheetByKey(ja, "marketMonteCarlo");
    const fan = mc.charts![0];
    expect(fan.series.map((s) => s.name)).toEqual(["P95", "P50", "P5", "KPI目標ライン 100%"]);
    const p50 = columnValues(mc, fan.series[1].values) as number[];
    expect(p50).toEqual(analysis.monteCarlo!.byYear.map((y) => y.kpi.p50));

    const t = sheetByKey(ja, "marketTornado");
    const bars = t.charts![0];
    expect(bars.type).toBe("bar");
    // Smallest swing first in the chart data, so the largest bar is drawn on top.
    expect(columnValues(t, bars.categories!)).toEqual(["国内生産量 2024年（国内工場）", "国内需要の年成長率", "国内NdFeB需要 2024年"]);
  });

  it("the KPI sheet's most sensitive parameters have column heads saying what the ranges are", () => {
    const k = sheetByKey(en, "marketKpi");
    const head = findRow(k, "Parameter");
    expect(cellAt(k, head, 1)).toBe("KPI (parameter at low → high)");
    expect(String(cellAt(k, head, 2))).toContain("Parameter low – high");
    expect(String(cellAt(k, head + 1, 1))).toMatch(/^\d+\.\d% – \d+\.\d%$/);
    expect(text(sheetByKey(ja, "marketKpi"))).toContain("KPI（パラメータが下限 → 上限のとき）");
  });

  it("says why the scenarios change no domestic output when the plants have no spare capacity", () => {
    // Without the plans the sample's plants sell all they can at home: a cut leaves a shortfall.
    const none = runMarketAnalysis({ paramsGrid: g.params, scenariosGrid: g.scenarios });
    const scen = none.runs.slice(1);
    expect(scen.every((r) => r.change.tonnes.every((t) => t === 0))).toBe(true);
    expect(scen.some((r) => r.cumulative.shortfall > 0)).toBe(true);
    const sc = sheetByKey(buildMarketReport({ analysis: none, lang: "en", version: "t", now, inputs: [] }), "marketScenarios");
    expect(text(sc)).toContain("No scenario changes the output of plants in Japan");
    const scJa = sheetByKey(buildMarketReport({ analysis: none, lang: "ja", version: "t", now, inputs: [] }), "marketScenarios");
    expect(text(scJa)).toContain("どのシナリオでも国内工場の生産は基準と変わりません");
    // With the plans' spare capacity some output changes, and the note is not there.
    expect(analysis.runs.slice(1).some((r) => r.change.tonnes.some((t) => t !== 0))).toBe(true);
    expect(text(sheetByKey(en, "marketScenarios"))).not.toContain("No scenario changes the output");
  });

  it("states units: t of finished magnet, plants in Japan, 百万円", () => {
    const all = ja.sheets.map(text).join("\n");
    expect(all).toContain("磁石完成品");
    expect(all).toContain("国内の工場");
    expect(all).toContain("百万円");
    const allEn = en.sheets.map(text).join("\n");
    expect(allEn).toContain("finished magnet mass");
    expect(allEn).toContain("plants in Japan");
    expect(ja.provenance.parameters.find((p) => p.name.endsWith("[demand2024]"))!.source).toContain("newswitch");
    const cells: CellSpec[] = ja.sheets.flatMap((s) => s.blocks.flatMap((b) => b.values.flat()));
    expect(cells.some((v) => typeof v === "number" && !Number.isFinite(v))).toBe(false);
  });
});
