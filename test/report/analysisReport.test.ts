import { describe, expect, it } from "vitest";
import { buildAnalysisReport, type AnalysisReportInput } from "../../src/report/analysisReport";
import type { AnalysisResult, Stage } from "../../src/engine/model/result";
import { makeTable } from "../../src/engine/table/types";
import { analyze } from "../../src/engine/model";
import { allText, cellAt, columnValues, findRow, sheetByKey } from "./reportHelpers";

// A hand-made result: the report only places numbers, so distinct values make misplacement visible.
function stage(k: number, withEmp: boolean): Stage {
  return {
    output: [100 * k + 1.5, 100 * k + 2.25, 100 * k + 3.125],
    valueAdded: [10 * k + 0.1, 10 * k + 0.2, 10 * k + 0.3],
    compensation: [5 * k + 0.01, 5 * k + 0.02, 5 * k + 0.03],
    employment: withEmp ? [k + 0.5, k + 0.25, k + 0.125] : null,
  };
}

function result(opts: { shock: boolean; employment: boolean; importType?: "competitive" | "domestic" }): AnalysisResult {
  const e = opts.employment;
  const direct = stage(1, e);
  const first = stage(2, e);
  const second = stage(3, e);
  const add = (a: number[], b: number[], c: number[]) => a.map((x, i) => x + b[i] + c[i]);
  const total: Stage = {
    output: add(direct.output, first.output, second.output),
    valueAdded: add(direct.valueAdded, first.valueAdded, second.valueAdded),
    compensation: add(direct.compensation, first.compensation, second.compensation),
    employment: e ? add(direct.employment!, first.employment!, second.employment!) : null,
  };
  const sumOut = (s: Stage) => s.output.reduce((a, b) => a + b, 0);
  return {
    sectors: ["01 農林水産業", "02 鉱業", "03 製造業"],
    importType: opts.importType ?? "competitive",
    A: [
      [0.11, 0.12, 0.13],
      [0.21, 0.22, 0.23],
      [0.31, 0.32, 0.33],
    ],
    L: [
      [1.11, 0.12, 0.13],
      [0.21, 1.22, 0.23],
      [0.31, 0.32, 1.33],
    ],
    importCoefficients: (opts.importType ?? "competitive") === "competitive" ? [0.05, 0.9, 0.15] : null,
    multipliers: {
      output: [1.63, 1.66, 1.69],
      valueAdded: [1.4, null, 1.6],
      compensation: [2.1, 2.2, null],
      employment: e ? [3.1, 3.2, 3.3] : null,
    },
    effects: {
      valueAdded: [0.71, 0.72, 0.73],
      compensation: [0.41, 0.42, 0.43],
      employment: e ? [0.0011, 0.0012, 0.0013] : null,
    },
    linkages: { backward: [0.98, 1.0, 1.02], forward: [0.7, 0.9, 1.4] },
    impact: opts.shock
      ? { direct, firstIndirect: first, secondIndirect: second, total, multiple: sumOut(total) / sumOut(direct) }
      : null,
    warnings: ["注意: テスト用の警告"],
  };
}

function input(over: Partial<AnalysisReportInput> & { result: AnalysisResult }): AnalysisReportInput {
  return {
    table: makeTable({
      sectors: over.result.sectors,
      Z: [
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ],
      x: [10, 10, 10],
      importType: over.result.importType,
      unit: "百万円",
    }),
    options: {
      importType: over.result.importType,
      importTypeSource: "detected",
      importTypeReason: { ja: "控除輸入の列があるため", en: "the table has negative import columns" },
      parameters: [
        {
          key: "consumptionRate",
          name: { ja: "消費転換係数", en: "Consumption conversion rate" },
          value: 0.734,
          source: { kind: "default", text: { ja: "家計調査 2011", en: "FIES 2011" } },
        },
        {
          key: "incomeBase",
          name: { ja: "所得の範囲", en: "Income base" },
          value: "compensation",
          source: { kind: "user" },
        },
      ],
    },
    shock: over.result.impact ? [0, 1000, 250.5] : undefined,
    shockSource: over.result.impact ? "shock.csv" : undefined,
    lang: "ja",
    inputs: [{ description: "table.csv", sheet: "table", range: "A1:Q20", checksum: "sha256:abc" }],
    version: "9.9.9",
    now: new Date("2026-04-01T00:00:00Z"),
    ...over,
  };
}

const STAGE_KEYS = ["direct", "firstIndirect", "secondIndirect", "total"] as const;

describe("buildAnalysisReport", () => {
  it("writes the sheets in order with Japanese names", () => {
    const spec = buildAnalysisReport(input({ result: result({ shock: true, employment: true }) }));
    expect(spec.sheets.map((s) => s.key)).toEqual(["summary", "A", "m", "L", "multipliers", "methods"]);
    expect(spec.sheets.map((s) => s.name)).toEqual([
      "集計",
      "投入係数 A",
      "輸入係数 m",
      "逆行列係数 L",
      "乗数・影響力",
      "方法・出典",
    ]);
    expect(spec.lang).toBe("ja");
  });

  it("English names, and no m sheet for domestic-use tables", () => {
    const spec = buildAnalysisReport(
      input({ result: result({ shock: true, employment: false, importType: "domestic" }), lang: "en" }),
    );
    expect(spec.sheets.map((s) => s.name)).toEqual([
      "Summary",
      "Input coefficients A",
      "Leontief inverse L",
      "Multipliers & linkages",
      "Method & sources",
    ]);
    const summary = sheetByKey(spec, "summary");
    expect(allText(summary)).toContain("Induced output (million yen)");
    expect(allText(sheetByKey(spec, "methods"))).toContain("L = (I − A)⁻¹");
  });

  it("summary totals by stage equal the result, with the ripple multiple", () => {
    const r = result({ shock: true, employment: true });
    const spec = buildAnalysisReport(input({ result: r }));
    const s = sheetByKey(spec, "summary");
    const head = findRow(s, "段階");
    expect(head).toBeGreaterThan(0);
    expect([1, 2, 3, 4].map((c) => cellAt(s, head, c))).toEqual([
      "生産誘発額（百万円）",
      "粗付加価値誘発額（百万円）",
      "雇用者所得誘発額（百万円）",
      "誘発就業者数（人）",
    ]);
    const measures = ["output", "valueAdded", "compensation", "employment"] as const;
    STAGE_KEYS.forEach((k, i) => {
      measures.forEach((m, j) => {
        const expected = r.impact![k][m]!.reduce((a, b) => a + b, 0);
        expect(cellAt(s, head + 1 + i, 1 + j)).toBe(expected);
      });
    });
    expect(cellAt(s, head + 1, 0)).toBe("直接効果");
    expect(cellAt(s, head + 4, 0)).toBe("総合効果");
    expect(cellAt(s, head + 5, 1)).toBe(r.impact!.multiple);
    expect(cellAt(s, head + 5, 0)).toBe("波及倍率");
    expect(cellAt(s, head + 5, 2)).toBe("総合効果 ÷ 直接効果（生産誘発額）");
    // the shock as given, nonzero entries only
    const shockHead = findRow(s, "最終需要増加額（百万円）", 1);
    expect(cellAt(s, shockHead + 1, 0)).toBe("02 鉱業");
    expect(cellAt(s, shockHead + 1, 1)).toBe(1000);
    expect(cellAt(s, shockHead + 2, 1)).toBe(250.5);
    expect(cellAt(s, shockHead + 3, 1)).toBe(1250.5);
  });

  it("summary by sector holds every stage vector, and the charts point at them", () => {
    const r = result({ shock: true, employment: true });
    const s = sheetByKey(buildAnalysisReport(input({ result: r })), "summary");
    const charts = s.charts!;
    expect(charts.map((c) => c.type)).toEqual(["bar", "columnStacked"]);
    const [bar, stacked] = charts;
    expect(columnValues(s, bar.categories!)).toEqual(r.sectors);
    expect(columnValues(s, bar.series[0].values)).toEqual(r.impact!.total.output);
    expect(stacked.series.map((x) => x.name)).toEqual(["直接効果", "第1次間接波及効果", "第2次間接波及効果"]);
    expect(columnValues(s, stacked.series[0].values)).toEqual(r.impact!.direct.output);
    expect(columnValues(s, stacked.series[1].values)).toEqual(r.impact!.firstIndirect.output);
    expect(columnValues(s, stacked.series[2].values)).toEqual(r.impact!.secondIndirect.output);
    // every measure × stage column of the by-sector block
    const first = bar.categories!.row;
    const header2 = first - 1;
    const measures = ["output", "valueAdded", "compensation", "employment"] as const;
    measures.forEach((m, mi) =>
      STAGE_KEYS.forEach((k, ki) => {
        const col = 1 + mi * 4 + ki;
        expect(cellAt(s, header2, col)).toBe(["直接効果", "第1次間接波及効果", "第2次間接波及効果", "総合効果"][ki]);
        expect(columnValues(s, { row: first, col, rows: 3, cols: 1 })).toEqual(r.impact![k][m]);
      }),
    );
    // charts sit below the tables, not over them
    const lastBlockRow = Math.max(...s.blocks.map((b) => b.row + b.values.length));
    for (const c of charts) expect(c.anchor.row).toBeGreaterThanOrEqual(lastBlockRow);
  });

  it("leaves employment out when the table has none", () => {
    const s = sheetByKey(buildAnalysisReport(input({ result: result({ shock: true, employment: false }) })), "summary");
    expect(allText(s).some((x) => x.startsWith("誘発就業者数"))).toBe(false);
  });

  it("without a shock the summary says so and shows the indicators", () => {
    const r = result({ shock: false, employment: false });
    const s = sheetByKey(buildAnalysisReport(input({ result: r })), "summary");
    expect(allText(s).some((x) => x.includes("ショック（最終需要の変化）が指定されていない"))).toBe(true);
    expect(allText(s)).not.toContain("直接効果");
    const head = findRow(s, "部門");
    expect(columnValues(s, { row: head + 1, col: 1, rows: 3, cols: 1 })).toEqual(r.multipliers.output);
    expect(columnValues(s, { row: head + 1, col: 2, rows: 3, cols: 1 })).toEqual(r.linkages.backward);
    expect(columnValues(s, { row: head + 1, col: 3, rows: 3, cols: 1 })).toEqual(r.linkages.forward);
  });

  it("coefficient sheets: headers, frozen panes, number format and values", () => {
    const r = result({ shock: true, employment: true });
    const spec = buildAnalysisReport(input({ result: r }));
    for (const [key, M] of [
      ["A", r.A],
      ["L", r.L],
    ] as const) {
      const s = sheetByKey(spec, key);
      const head = findRow(s, "部門");
      expect(s.freeze).toEqual({ rows: head + 1, cols: 1 });
      for (let j = 0; j < 3; j++) expect(cellAt(s, head, j + 1)).toBe(r.sectors[j]);
      for (let i = 0; i < 3; i++) {
        expect(cellAt(s, head + 1 + i, 0)).toBe(r.sectors[i]);
        for (let j = 0; j < 3; j++) expect(cellAt(s, head + 1 + i, j + 1)).toBe(M[i][j]);
      }
      const body = s.blocks.find((b) => b.row === head + 1)!;
      expect(body.numberFormat).toEqual([null, "0.000000", "0.000000", "0.000000"]);
      expect(s.columnWidths![0]).toBeGreaterThan(10);
    }
    expect(allText(sheetByKey(spec, "L"))).toContain("L = 開放型 [I − (I − M̂)A]⁻¹");
    const m = sheetByKey(spec, "m");
    const head = findRow(m, "部門");
    expect(columnValues(m, { row: head + 1, col: 1, rows: 3, cols: 1 })).toEqual(r.importCoefficients);
  });

  it("multipliers: null shown as —, linkages, and a scatter with 1.0 lines written in cells", () => {
    const r = result({ shock: true, employment: true });
    const s = sheetByKey(buildAnalysisReport(input({ result: r })), "multipliers");
    const head = findRow(s, "部門");
    expect(cellAt(s, head, 3)).toBe("粗付加価値 Type I 乗数");
    expect(cellAt(s, head + 2, 3)).toBe("—"); // valueAdded multiplier of 02 is null
    expect(cellAt(s, head + 3, 5)).toBe("—"); // compensation multiplier of 03 is null
    expect(cellAt(s, head + 1, 3)).toBe(1.4);
    const chart = s.charts!.find((c) => c.type === "scatter")!;
    expect(chart.xAxisTitle).toBe("影響力係数");
    expect(chart.yAxisTitle).toBe("感応度係数");
    const [pts, vert, horiz] = chart.series;
    expect(columnValues(s, pts.x!)).toEqual(r.linkages.backward);
    expect(columnValues(s, pts.values)).toEqual(r.linkages.forward);
    expect(pts.style).toBe("markers");
    expect(vert.style).toBe("line");
    expect(horiz.style).toBe("line");
    expect(columnValues(s, vert.x!)).toEqual([1, 1]);
    const vy = columnValues(s, vert.values) as number[];
    expect(vy[0]).toBeLessThanOrEqual(0.7);
    expect(vy[1]).toBeGreaterThanOrEqual(1.4);
    expect(columnValues(s, horiz.values)).toEqual([1, 1]);
    const hx = columnValues(s, horiz.x!) as number[];
    expect(hx[0]).toBeLessThanOrEqual(0.98);
    expect(hx[1]).toBeGreaterThanOrEqual(1.02);
    // the chart is beside the table
    expect(chart.anchor.col).toBeGreaterThan(Math.max(...s.blocks.filter((b) => b.row === head).map((b) => b.values[0].length)) - 1);
  });

  it("method sheet: inputs with checksums, convention, formula, parameters with sources, warnings, version", () => {
    const spec = buildAnalysisReport(input({ result: result({ shock: true, employment: false }) }));
    const s = sheetByKey(spec, "methods");
    const text = allText(s);
    expect(text).toContain("sha256:abc");
    expect(text).toContain("控除輸入の列があるため");
    expect(text).toContain("L = 開放型 [I − (I − M̂)A]⁻¹");
    expect(text.some((x) => x.includes("閉鎖型モデル"))).toBe(true);
    const p = findRow(s, "消費転換係数");
    expect(cellAt(s, p, 1)).toBe(0.734);
    expect(cellAt(s, p, 2)).toBe("既定値：家計調査 2011");
    expect(cellAt(s, p + 1, 2)).toBe("利用者が入力");
    expect(text).toContain("注意: テスト用の警告");
    expect(text).toContain("9.9.9");
    expect(text).toContain("2026-04-01T00:00:00.000Z");
    expect(spec.provenance).toMatchObject({
      software: "Ripple",
      version: "9.9.9",
      createdAt: "2026-04-01T00:00:00.000Z",
      inputs: [{ description: "table.csv", checksum: "sha256:abc" }],
      warnings: ["注意: テスト用の警告"],
    });
    expect(spec.provenance.parameters[0]).toEqual({ name: "消費転換係数", value: 0.734, source: "既定値：家計調査 2011" });
  });

  it("is pure: the same input gives the same spec, and sheet names fit Excel", () => {
    const i = input({ result: result({ shock: true, employment: true }) });
    expect(JSON.stringify(buildAnalysisReport(i))).toBe(JSON.stringify(buildAnalysisReport(i)));
    for (const lang of ["ja", "en"] as const)
      for (const s of buildAnalysisReport({ ...i, lang }).sheets) {
        expect(s.name.length).toBeLessThanOrEqual(31);
        expect(s.name).not.toMatch(/[\\/?*[\]:]/);
      }
  });
});

describe("buildAnalysisReport on a real analysis", () => {
  it("places the engine's numbers: stage totals, multiple, L", () => {
    const table = makeTable({
      sectors: ["A", "B"],
      Z: [
        [150, 500],
        [200, 100],
      ],
      x: [1000, 2000],
      finalDemand: [
        { role: "fd:household", values: [350, 1400] },
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
    const shock = [100, 0];
    const r = analyze(table, {}, shock);
    const spec = buildAnalysisReport(input({ result: r, table, shock }));
    const s = sheetByKey(spec, "summary");
    const head = findRow(s, "段階");
    STAGE_KEYS.forEach((k, i) => {
      expect(cellAt(s, head + 1 + i, 1)).toBe(r.impact![k].output.reduce((a, b) => a + b, 0));
    });
    expect(cellAt(s, head + 5, 1)).toBe(r.impact!.multiple);
    const L = sheetByKey(spec, "L");
    const lh = findRow(L, "部門");
    expect(cellAt(L, lh + 1, 1)).toBe(r.L[0][0]);
    expect(cellAt(L, lh + 2, 2)).toBe(r.L[1][1]);
    expect(cellAt(L, lh + 3, 1)).toBe(r.multipliers.output[0]);
  });
});
