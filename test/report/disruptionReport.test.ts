import { describe, expect, it } from "vitest";
import { DISRUPTION_METHOD_NOTES, GHOSH_LABEL } from "../../src/engine/disruption";
import { parseDisruptionSpec } from "../../src/engine/disruption/spec";
import { analyzeDisruption } from "../../src/engine/disruption/analyze";
import { buildDisruptionReport } from "../../src/report/disruptionReport";
import { D, DISRUPTION_SHEETS } from "../../src/report/disruptionLabels";
import type { CellSpec, WorkbookSpec } from "../../src/report/spec";
import { exampleJson, sampleModel, sampleTable } from "./disruptionFixture";
import { allText, cellAt, columnValues, findRow, sheetByKey } from "./reportHelpers";

const table = sampleTable();
const model = sampleModel();
const result = analyzeDisruption(model, parseDisruptionSpec(exampleJson()));
const now = new Date("2026-01-02T03:04:05Z");
const inputs = [{ description: "ripple-sample.xlsx", sheet: "取引基本表", range: "A1:Z40", checksum: "sha256:abc" }];
const build = (lang: "ja" | "en", r = result): WorkbookSpec => buildDisruptionReport({ result: r, table, lang, inputs, version: "9.9.9", now });
const ja = build("ja");
const en = build("en");
const loss = result.dynamic.loss!;
const sorted = loss.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v);

function everyCell(spec: WorkbookSpec): CellSpec[] {
  return spec.sheets.flatMap((s) => s.blocks.flatMap((b) => b.values.flat()));
}

describe("buildDisruptionReport", () => {
  it("has the sheets in order, and only those the spec asked for", () => {
    const keys = ["disruption-summary", "disruption-loss", "disruption-inoperability", "disruption-prices", "disruption-extraction", "disruption-ghosh", "disruption-method"];
    expect(ja.sheets.map((s) => s.key)).toEqual(keys);
    expect(ja.sheets.map((s) => s.name)).toEqual([
      DISRUPTION_SHEETS.summary.ja,
      DISRUPTION_SHEETS.loss.ja,
      DISRUPTION_SHEETS.inoperability.ja,
      DISRUPTION_SHEETS.prices.ja,
      DISRUPTION_SHEETS.extraction.ja,
      DISRUPTION_SHEETS.ghosh.ja,
      DISRUPTION_SHEETS.method.ja,
    ]);
    expect(en.sheets.map((s) => s.name)).toEqual(["Disruption summary", "Loss by sector", "Inoperability over time", "Price increase", "Extraction ranking", "Supply-side (Ghosh)", "Disruption method"]);
    for (const s of [...ja.sheets, ...en.sheets]) expect(s.name.length).toBeLessThanOrEqual(31);
    const plain = analyzeDisruption(model, parseDisruptionSpec({ sector: "03 製造業", importCut: 0.9, months: 3, resilience: { default: 0.5 } }));
    expect(build("ja", plain).sheets.map((s) => s.key)).toEqual(["disruption-summary", "disruption-loss", "disruption-inoperability", "disruption-method"]);
  });

  it("writes no null text, NaN or infinity anywhere", () => {
    for (const spec of [ja, en])
      for (const v of everyCell(spec)) {
        if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
        if (typeof v === "string") expect(v).not.toMatch(/\b(NaN|undefined|null|Infinity)\b/);
      }
  });

  it("puts the total loss and the top sectors on the summary, equal to the engine's", () => {
    const s = sheetByKey(ja, "disruption-summary");
    const r = findRow(s, "経済損失（動学モデル、全部門・全期間）（百万円）");
    expect(r).toBeGreaterThan(0);
    expect(cellAt(s, r, 1)).toBe(result.dynamic.totalLoss);
    const top = findRow(s, D.topSectors.ja);
    expect(cellAt(s, top + 2, 0)).toBe(result.sectors[sorted[0].i]);
    expect(cellAt(s, top + 2, 1)).toBe(sorted[0].v);
    const text = allText(s).join("\n");
    expect(text).toContain(DISRUPTION_METHOD_NOTES.inoperability.formula);
    expect(text).toContain(DISRUPTION_METHOD_NOTES.inoperability.limits.ja);
    expect(text).toContain("代替");
    expect(text).toContain("defaults.csv");
  });

  it("sorts the loss table, totals it, and charts exactly that range with the method beside it", () => {
    const s = sheetByKey(ja, "disruption-loss");
    const chart = s.charts![0];
    expect(chart.type).toBe("bar");
    expect(chart.title).toBe("部門別の経済損失（百万円）");
    expect(columnValues(s, chart.categories!)).toEqual(sorted.map((x) => result.sectors[x.i]));
    expect(columnValues(s, chart.series[0].values)).toEqual(sorted.map((x) => x.v));
    const totalRow = chart.categories!.row + chart.categories!.rows;
    expect(cellAt(s, totalRow, 2)).toBe(result.dynamic.totalLoss);
    expect(cellAt(s, chart.categories!.row, 4)).toBe(result.static.lossOverCut[sorted[0].i]);
    expect(cellAt(s, chart.categories!.row, 5)).toBe(result.dynamic.peak[sorted[0].i]);
    const beside = s.blocks.filter((b) => b.col >= 7).flatMap((b) => b.values.flat()).join("\n");
    expect(beside).toContain(DISRUPTION_METHOD_NOTES.inoperability.limits.ja);
    expect(chart.anchor.row).toBeGreaterThan(totalRow);
  });

  it("tabulates inoperability period by period and charts the sectors with the largest loss", () => {
    const s = sheetByKey(en, "disruption-inoperability");
    const chart = s.charts![0];
    expect(chart.type).toBe("line");
    expect(chart.series.map((x) => x.name)).toEqual(sorted.slice(0, 5).map((x) => result.sectors[x.i]));
    const T = result.period.count;
    expect(chart.categories!.rows).toBe(T + 1);
    const cats = columnValues(s, chart.categories!);
    expect(cats[0]).toBe("Start");
    expect(cats[3]).toBe("Month 3");
    chart.series.forEach((se, j) => {
      const i = sorted[j].i;
      expect(se.values.col).toBe(1 + i);
      expect(columnValues(s, se.values)).toEqual(result.dynamic.path.map((q) => q[i]));
    });
    // The loss by period column adds up to the total.
    const lossCol = 1 + result.sectors.length + 2;
    const byPeriod = columnValues(s, { row: chart.categories!.row + 1, col: lossCol, rows: T, cols: 1 }) as number[];
    expect(byPeriod).toEqual(result.dynamic.lossByPeriod);
  });

  it("shows the price increase sorted, with its chart and the price model's limits", () => {
    const s = sheetByKey(ja, "disruption-prices");
    const chart = s.charts![0];
    const delta = result.prices!.result.delta;
    const order = delta.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v);
    expect(columnValues(s, chart.series[0].values)).toEqual(order.map((x) => x.v));
    expect(columnValues(s, chart.categories!)).toEqual(order.map((x) => result.sectors[x.i]));
    const fmt = s.blocks.find((b) => b.row === chart.series[0].values.row)!.numberFormat as string[];
    expect(fmt[2]).toMatch(/%$/);
    expect(allText(s).join("\n")).toContain(DISRUPTION_METHOD_NOTES.prices.limits.ja.slice(0, 20));
  });

  it("ranks extraction and labels every Ghosh figure as supply-side", () => {
    const x = sheetByKey(ja, "disruption-extraction");
    const chart = x.charts![0];
    expect(columnValues(x, chart.series[0].values)).toEqual(result.extraction!.both.order.map((i) => result.extraction!.both.total[i]));
    // Miller & Blair's total extraction beside the variant that keeps the sector's final demand
    const text = allText(x).join("\n");
    expect(text).toContain("完全抽出（Miller & Blair: 最終需要ごと除去）");
    expect(text).toContain("行と列を除去（自部門の最終需要は残す）");
    const first = result.extraction!.both.order[0];
    const totals = x.blocks.flatMap((b) => b.values).find((r) => r[1] === result.sectors[first])!;
    expect(totals[4]).toBe(result.extraction!.total.total[first]);
    expect(result.extraction!.total.total[first]).toBeGreaterThan(result.extraction!.both.total[first]);
    const g = sheetByKey(en, "disruption-ghosh");
    const gChart = g.charts![0];
    expect(gChart.series[0].name).toContain(GHOSH_LABEL.en);
    expect(cellAt(g, gChart.series[0].values.row - 1, 2)).toContain(GHOSH_LABEL.en);
    expect(columnValues(g, gChart.series[0].values)).toEqual(result.ghosh!.effect.output);
    expect(allText(g).join("\n")).toContain(DISRUPTION_METHOD_NOTES.ghosh.limits.en);
  });

  it("states every method used with its formula, limits and sources, and the provenance", () => {
    for (const [spec, lang] of [[ja, "ja"], [en, "en"]] as const) {
      const text = allText(sheetByKey(spec, "disruption-method")).join("\n");
      for (const note of Object.values(DISRUPTION_METHOD_NOTES)) {
        expect(text).toContain(note.formula);
        expect(text).toContain(note.limits[lang]);
        for (const src of note.sources) expect(text).toContain(src);
      }
      expect(text).toContain(GHOSH_LABEL[lang]);
      expect(text).toContain(D.cutConversion[lang]);
      expect(text).toContain("2026-01-02T03:04:05.000Z");
      expect(spec.provenance.createdAt).toBe("2026-01-02T03:04:05.000Z");
      expect(spec.provenance.inputs).toEqual(inputs);
    }
    const params = en.provenance.parameters;
    expect(params.find((p) => p.name === "Import cut")).toMatchObject({ value: 0.9, source: "given in the spec" });
    expect(params.find((p) => p.name === "Residual counted as recovered")!.source).toMatch(/^default: 0.01/);
  });
});
