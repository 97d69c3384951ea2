// 比較 in the pane against the recording fake Excel: a 支援計画 run leaves its run record in the
// workbook (custom XML part), an earlier run's results file picked by the user is compared with
// it, and the 比較 sheet (a new sheet; inputs untouched) names exactly the changed consumption
// rate with an effect equal to the difference of the two runs. A file Ripple did not write is refused.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { installFakeOffice, type FakeWorkbook } from "../workbook/office/fakeExcel";
import { parseCsv } from "../../src/engine/table";
import { RippleError } from "../../src/engine/errors";
import { xlsxBytes } from "../../src/workbook/xlsx";
import { loadTableFromSheet, type DetectedTable } from "../../src/taskpane/runAnalysis";
import { insertProjectTemplate, runProjects } from "../../src/taskpane/projectsFlow";
import { compareWithFile } from "../../src/taskpane/compareFlow";
import { defaultConverterSectors, sectorLabels } from "../../src/taskpane/sectors";
import { PLAN_A, PLAN_B, TABLE_SHEET, planCells } from "./flowsFixture";

const ROOT = path.resolve(__dirname, "../..");
const CSV = path.resolve(ROOT, "../shared/data/jp-io-2011-13/io2011_13sector_ja.csv");

let wb: FakeWorkbook;
let detected: DetectedTable;

beforeEach(async () => {
  wb = installFakeOffice(globalThis, { [TABLE_SHEET]: parseCsv(readFileSync(CSV, "utf8"), "t.csv").values }, { displayLanguage: "ja-JP" });
  detected = await loadTableFromSheet(TABLE_SHEET);
});
afterEach(() => wb.uninstall());

describe("比較 in the pane", () => {
  it("compares a picked earlier results file with this workbook's run", async () => {
    const labels = sectorLabels(detected.table!);
    const conv = defaultConverterSectors(detected.table!);
    const t = await insertProjectTemplate({
      lang: "ja",
      sectors: labels,
      firstYear: 2025,
      lastYear: 2027,
      converterSectors: { construction: labels[conv.construction!], machinery: labels[conv.machinery!], other: labels[conv.other!] },
      withParameters: true,
    });
    for (const [r, c, value] of planCells(wb.sheet(t.projects).toValues(), [PLAN_A, PLAN_B]))
      wb.sheet(t.projects).setCell(r, c, value === null ? undefined : { value: value as string | number | boolean });
    const input = { detected, projectSheet: t.projects, converterSheet: t.converters, paramsSheet: t.parameters, splitSheet: null, lang: "ja" as const };

    // The earlier run: its full results as the .xlsx file the user saved.
    const first = await runProjects({ ...input, modelOptions: {} });
    expect(wb.customXml).toHaveLength(1);
    const earlier = await xlsxBytes({
      lang: "ja",
      sheets: [{ key: "summary", name: "政策評価サマリー", blocks: [{ row: 0, col: 0, values: [["前回"]] }] }],
      provenance: { software: "Ripple", version: "0.1.0", createdAt: "2026-01-01T00:00:00Z", inputs: [], parameters: [], variants: [], warnings: [] },
      customXml: [wb.customXml[0]],
    });
    // This quarter's run in this workbook, with another consumption rate.
    const second = await runProjects({ ...input, modelOptions: { consumptionRate: 0.6 } });
    const before = wb.sheetNames();
    const inputs = [TABLE_SHEET, t.projects, t.converters].map((n) => wb.sheet(n).toValues());

    const out = await compareWithFile({ name: "前回.xlsx", bytes: earlier }, "ja", {});
    expect(out.sheets).toEqual(["比較"]);
    expect(wb.sheetNames()).toEqual([...before, "比較"]);
    expect([TABLE_SHEET, t.projects, t.converters].map((n) => wb.sheet(n).toValues())).toEqual(inputs);
    expect(out.result.parameters.map((p) => [p.key, p.old, p.new])).toEqual([["consumptionRate", 0.734, 0.6]]);
    expect(out.result.plans).toEqual([]);
    expect(out.result.steps.map((s) => s.groups)).toEqual([["parameters"]]);
    const d = second.evaluation.cumulative.total.output - first.evaluation.cumulative.total.output;
    expect(d).toBeLessThan(0);
    expect(Math.abs(out.result.steps[0].effects.output! - d)).toBeLessThan(1e-9);
    const sheet = wb.sheet("比較").toValues();
    expect(sheet.find((r) => r[0] === "消費転換係数")?.slice(2, 4)).toEqual([0.734, 0.6]);
  }, 60_000);

  it("refuses a picked file Ripple did not write, naming it, and writes nothing", async () => {
    const before = wb.sheetNames();
    const err = await compareWithFile({ name: "メモ.xlsx", bytes: new TextEncoder().encode("not a workbook") }, "ja", {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RippleError);
    expect((err as RippleError).where.file).toBe("メモ.xlsx");
    expect((err as RippleError).text.ja).toContain("入力記録");
    expect(wb.sheetNames()).toEqual(before);
  });
});
