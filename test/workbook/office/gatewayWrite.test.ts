import seedrandom from "seedrandom";
import { afterEach, describe, expect, it } from "vitest";
import { RippleError } from "../../../src/engine/errors";
import { sheetRef } from "../../../src/engine/grid";
import type { CellSpec, WorkbookSpec } from "../../../src/report/spec";
import { writeReport } from "../../../src/workbook/office/gateway";
import { columnWidthPoints } from "../../../src/workbook/office/styles";
import { FAKE_PAYLOAD_LIMIT, type FakeWorkbook, type FakeValue, installFakeOffice } from "./fakeExcel";

let wb: FakeWorkbook | null = null;
afterEach(() => {
  wb?.uninstall();
  wb = null;
});

const N = 400;
const SUMMARY = "結果サマリー";
const L_SHEET = "逆行列係数 L";

function matrix(n: number): number[][] {
  const rnd = seedrandom("L");
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0) + rnd() * 0.05));
}

const INPUT: FakeValue[][] = [
  ["2011年産業連関表 (百万円)", null, null],
  [null, "01 農林水産業", "02 鉱業"],
  ["01 農林水産業", 1500, 20],
  ["02 鉱業", 3, "=SUM(B3)"],
];

function spec(L: number[][]): WorkbookSpec {
  const labels = L.map((_, i) => `${String(i + 1).padStart(3, "0")} 部門${i + 1}`);
  const lBody: CellSpec[][] = [["", ...labels], ...L.map((row, i) => [labels[i], ...row])];
  return {
    lang: "ja",
    provenance: { software: "Ripple", version: "0.1.0", createdAt: "2024-01-01T00:00:00Z", inputs: [], parameters: [], variants: [], warnings: [] },
    sheets: [
      {
        key: "L",
        name: L_SHEET,
        blocks: [
          { row: 0, col: 0, values: [["逆行列係数表 (I−A)⁻¹"]], style: "title" },
          { row: 2, col: 0, values: lBody.slice(0, 1), style: "header" },
          { row: 3, col: 0, values: lBody.slice(1), numberFormat: [null, ...labels.map(() => "0.000000")] },
        ],
        columnWidths: { 0: 24 },
        freeze: { rows: 3, cols: 1 },
      },
      {
        key: "summary",
        name: SUMMARY,
        blocks: [
          { row: 0, col: 0, values: [["経済波及効果 Summary"]], style: "title" },
          { row: 2, col: 0, values: [["項目", "値"]], style: "header" },
          {
            row: 3,
            col: 0,
            values: [
              ["=SUM(A1)", 1.25],
              ["01", "-x"],
              ["4月1日", "+1"],
              ["合計 (数式)", { formula: "SUM(B4:B4)", value: 1.25 }],
            ],
            numberFormat: [null, "#,##0.00"],
          },
          { row: 8, col: 0, values: [["注: 単位は百万円"]], style: "note" },
        ],
        tabColor: "#1F4E79",
        charts: [
          {
            type: "column",
            title: "影響力係数",
            categories: { sheet: L_SHEET, row: 3, col: 0, rows: 13, cols: 1 },
            series: [
              { name: "列1", values: { sheet: L_SHEET, row: 3, col: 1, rows: 13, cols: 1 } },
              { name: "列2", values: { sheet: L_SHEET, row: 3, col: 2, rows: 13, cols: 1 } },
            ],
            xAxisTitle: "部門",
            yAxisTitle: "係数",
            yAxisFormat: "0.00",
            anchor: { row: 10, col: 0, widthCols: 8, heightRows: 15 },
          },
          {
            type: "scatter",
            title: "感応度と影響力",
            series: [
              { name: "部門", x: { sheet: L_SHEET, row: 3, col: 1, rows: 13, cols: 1 }, values: { sheet: L_SHEET, row: 3, col: 2, rows: 13, cols: 1 } },
              { name: "1.0", style: "line", x: { row: 3, col: 1, rows: 2, cols: 1 }, values: { row: 3, col: 1, rows: 2, cols: 1 } },
            ],
            anchor: { row: 10, col: 9, widthCols: 8, heightRows: 15 },
          },
        ],
      },
    ],
  };
}

describe("writing a report through the gateway", () => {
  it("writes a 400×400 L block, formats and charts into new sheets within the payload limit", async () => {
    wb = installFakeOffice(globalThis, { 取引基本表: INPUT, [SUMMARY]: [["old results"]] });
    const before = wb.sheet("取引基本表").toValues();
    const L = matrix(N);
    const progress: [number, number][] = [];
    const out = await writeReport(spec(L), { onProgress: (d, t) => progress.push([d, t]) });

    // Names: new sheets after the existing ones, summary first, never over an existing sheet.
    const summary = `${SUMMARY} (2)`;
    expect(out.sheets).toEqual([summary, L_SHEET]);
    expect(wb.sheetNames()).toEqual(["取引基本表", SUMMARY, summary, L_SHEET]);
    expect(wb.activeSheet).toBe(summary);

    // Input sheets untouched: same cells, no write logged.
    expect(wb.sheet("取引基本表").toValues()).toEqual(before);
    expect(wb.writesTo("取引基本表")).toEqual([]);
    expect(wb.writesTo(SUMMARY)).toEqual([]);
    expect(wb.sheet(SUMMARY).toValues()).toEqual([["old results"]]);

    // Payload and syncs: one Excel.run, every sync under the limit, blocks not cells.
    expect(wb.runs).toBe(1);
    for (const s of wb.syncs) {
      expect(s.failed).toBeUndefined();
      expect(s.requestBytes).toBeLessThan(FAKE_PAYLOAD_LIMIT / 2);
      expect(s.responseBytes).toBeLessThan(FAKE_PAYLOAD_LIMIT);
    }
    expect(wb.syncs.length).toBeLessThanOrEqual(12);
    const lValueWrites = wb.writesTo(L_SHEET).filter((w) => w.kind === "values");
    expect(lValueWrites.length).toBeGreaterThan(1); // cut into blocks
    expect(lValueWrites.length).toBeLessThan(N / 20);

    // Order: every value before any format, every format before any chart.
    const seqOf = (kinds: string[]) => wb!.writes.filter((w) => kinds.includes(w.kind)).map((w) => w.seq);
    const values = seqOf(["values", "formulas"]);
    const formats = seqOf(["numberFormat", "format", "columnWidth", "freeze", "tabColor", "autofit"]);
    const charts = seqOf(["chart"]);
    expect(Math.max(...values)).toBeLessThan(Math.min(...formats));
    expect(Math.max(...formats)).toBeLessThan(Math.min(...charts));
    expect(progress[progress.length - 1][0]).toBe(progress[progress.length - 1][1]);
    expect(progress.every(([d], i) => i === 0 || d > progress[i - 1][0])).toBe(true);

    // Values identical, formats set.
    const l = wb.sheet(L_SHEET);
    expect(l.block(3, 1, N, N)).toEqual(L);
    expect(l.value(3, 0)).toBe("001 部門1");
    expect(l.cell(3 + N - 1, N)?.numberFormat).toBe("0.000000");
    expect(l.cell(3, 0)?.numberFormat).toBeUndefined();
    expect(l.freeze).toEqual({ rows: 3, cols: 1 });
    expect(l.columnWidths.get(0)).toBe(columnWidthPoints(24));
    expect(l.formatOps).toContainEqual({ address: sheetRef(L_SHEET, `A3:${"OK"}3`), path: "font.bold", value: true });

    // Text stays text, formulas are formulas.
    const s = wb.sheet(summary);
    expect(s.cell(3, 0)).toMatchObject({ value: "=SUM(A1)", quotePrefix: true });
    expect(s.cell(3, 0)?.formula).toBeUndefined();
    expect(s.block(4, 0, 2, 2)).toEqual([["01", "-x"], ["4月1日", "+1"]]);
    expect(s.cell(6, 1)?.formula).toBe("=SUM(B4:B4)");
    expect(s.cell(3, 1)?.numberFormat).toBe("#,##0.00");
    expect(s.tabColor).toBe("#1F4E79");
    expect(s.formatOps.filter((f) => f.address === sheetRef(summary, "A9"))).toContainEqual({ address: sheetRef(summary, "A9"), path: "font.italic", value: true });
    // The workbook's one font (游ゴシック for a Japanese workbook), one write over each new sheet's cells.
    for (const name of [summary, L_SHEET]) {
      const fonts = wb.sheet(name).formatOps.filter((f) => f.path === "font.name");
      expect(fonts).toHaveLength(1);
      expect(fonts[0].value).toBe("游ゴシック");
      expect(fonts[0].address.startsWith(sheetRef(name, "A1:"))).toBe(true);
    }
    expect(wb.sheet("取引基本表").formatOps).toEqual([]);

    // Charts: types, series ranges on the renamed sheets, titles and position.
    const [col, sc] = s.charts;
    expect(col).toMatchObject({
      type: "ColumnClustered",
      title: "影響力係数",
      categoryAxisTitle: "部門",
      valueAxisTitle: "係数",
      valueAxisFormat: "0.00",
      position: { start: "A11", end: "H25" },
      series: [
        { name: "列1", values: sheetRef(L_SHEET, "B4:B16"), xValues: sheetRef(L_SHEET, "A4:A16") },
        { name: "列2", values: sheetRef(L_SHEET, "C4:C16"), xValues: sheetRef(L_SHEET, "A4:A16") },
      ],
    });
    expect(sc.type).toBe("XYScatter");
    expect(sc.valueAxisFormat).toBeUndefined();
    expect(sc.series[0]).toMatchObject({ values: sheetRef(L_SHEET, "C4:C16"), xValues: sheetRef(L_SHEET, "B4:B16") });
    expect(sc.series[0].markerStyle).toBeUndefined();
    expect(sc.series[1]).toMatchObject({ name: "1.0", values: sheetRef(summary, "B4:B5"), markerStyle: "None", lineStyle: "Continuous" });
  });

  it("never overwrites: a second run gets new names", async () => {
    wb = installFakeOffice(globalThis, { 取引基本表: inputCopy() });
    const small = spec(matrix(5));
    const first = await writeReport(small);
    const snapshot = first.sheets.map((n) => wb!.sheet(n).toValues());
    const second = await writeReport(small);
    expect(first.sheets).toEqual([SUMMARY, L_SHEET]);
    expect(second.sheets).toEqual([`${SUMMARY} (2)`, `${L_SHEET} (2)`]);
    expect(first.sheets.map((n) => wb!.sheet(n).toValues())).toEqual(snapshot);
    const secondSyncs = wb.syncs.filter((s) => s.run === 2).map((s) => s.index);
    expect(wb.writes.filter((w) => secondSyncs.includes(w.sync)).every((w) => second.sheets.includes(w.sheet))).toBe(true);
    expect(wb.runs).toBe(2);
  });

  it("stops between syncs when cancelled and removes the sheets it added", async () => {
    wb = installFakeOffice(globalThis, { 取引基本表: INPUT });
    const ctl = new AbortController();
    let calls = 0;
    const err = await writeReport(spec(matrix(N)), {
      signal: ctl.signal,
      onProgress: () => {
        calls++;
        ctl.abort();
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RippleError);
    expect(err).toMatchObject({ kind: "cancelled" });
    expect(calls).toBe(1);
    expect(wb.sheetNames()).toEqual(["取引基本表"]);
    expect(wb.sheet("取引基本表").toValues()).toEqual(INPUT);
    const lastWriteSync = Math.max(...wb.writes.filter((w) => w.kind !== "delete").map((w) => w.sync));
    expect(wb.writes.filter((w) => w.kind === "delete").every((w) => w.sync > lastWriteSync)).toBe(true);
    expect(wb.syncs.length).toBe(4); // names, first block, which of its sheets exist, removal

    const ctl2 = new AbortController();
    ctl2.abort();
    await expect(writeReport(spec(matrix(3)), { signal: ctl2.signal })).rejects.toMatchObject({ kind: "cancelled" });
  });

  it("rejects a chart without series before writing anything, naming the sheet", async () => {
    wb = installFakeOffice(globalThis, { 取引基本表: INPUT });
    const bad = spec(matrix(3));
    bad.sheets[1].charts![0].series = [];
    const err = await writeReport(bad).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "report-chart", where: { sheet: SUMMARY } });
    expect(wb.writes).toEqual([]);
  });
});

describe("errors while writing", () => {
  it("turns an Office error into a RippleError naming the sheet being written", async () => {
    // A host whose payload limit is far below the gateway's budget refuses the first block.
    wb = installFakeOffice(globalThis, { 取引基本表: INPUT }, { payloadLimit: 20_000 });
    const err = await writeReport(spec(matrix(50))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RippleError);
    expect(err).toMatchObject({ code: "payload-too-large", where: { sheet: SUMMARY } });
    expect((err as RippleError).format("ja")).toContain("5 MB");
    expect(wb.writesTo("取引基本表")).toEqual([]);
  });
});

function inputCopy(): FakeValue[][] {
  return INPUT.map((r) => [...r]);
}
