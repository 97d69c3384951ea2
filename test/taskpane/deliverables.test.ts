// The pane writes the same deliverables as the command line (analysis with its audit sheet and
// complete method sheet; the full projects workbook), and offers the public version (公開版) as
// a separate file: made in the browser, opened as a new workbook (Excel.createWorkbook), with no
// confidential string in any part of the file and nothing written into the open workbook.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { installFakeOffice, type FakeValue, type FakeWorkbook } from "../workbook/office/fakeExcel";
import { parseCsv, parseShockGrid, shockFromPairs } from "../../src/engine/table";
import { RippleError } from "../../src/engine/errors";
import { analyze } from "../../src/engine/model";
import { AUDIT, METHOD } from "../../src/report/deliverable/labels";
import { assertDeliverable, projectsDeliverables } from "../../src/report/deliverable";
import { runProjectsPipeline } from "../../src/usecases/projects";
import { loadTableFromSheet, previewShock, readShockGrid, runAnalysis, VERSION, type DetectedTable } from "../../src/taskpane/runAnalysis";
import { insertProjectTemplate, runProjects } from "../../src/taskpane/projectsFlow";
import { bytesToBase64, offerPublicVersion } from "../../src/taskpane/publicFile";
import { openNewWorkbook } from "../../src/workbook/office/gateway";
import { defaultConverterSectors, sectorLabels } from "../../src/taskpane/sectors";
import { PLAN_A, PLAN_B, TABLE_SHEET, planCells } from "./flowsFixture";

const ROOT = path.resolve(__dirname, "../..");
const CSV = path.resolve(ROOT, "../shared/data/jp-io-2011-13/io2011_13sector_ja.csv");
const tableCells = (): FakeValue[][] => parseCsv(readFileSync(CSV, "utf8"), "io2011_13sector_ja.csv").values;
const SHOCK: FakeValue[][] = [["部門", "増加額"], ["建設", 1000], ["製造業", 500]];
const CONFIDENTIAL = String(PLAN_A.cells["事業者名"]);
const OPEN = String(PLAN_B.cells["事業者名"]);

let wb: FakeWorkbook;
let detected: DetectedTable;

beforeEach(async () => {
  wb = installFakeOffice(globalThis, { [TABLE_SHEET]: tableCells(), ショック: SHOCK }, { displayLanguage: "ja-JP" });
  detected = await loadTableFromSheet(TABLE_SHEET);
});
afterEach(() => wb.uninstall());

/** Every part of an .xlsx as text. */
async function partsOf(base64: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, "base64"));
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out[name] = await zip.files[name].async("string");
  return out;
}

async function runPlans() {
  const table = detected.table!;
  const labels = sectorLabels(table);
  const conv = defaultConverterSectors(table);
  const t = await insertProjectTemplate({
    lang: "ja",
    sectors: labels,
    firstYear: 2025,
    lastYear: 2027,
    converterSectors: { construction: labels[conv.construction!], machinery: labels[conv.machinery!], other: labels[conv.other!] },
    withParameters: true,
  });
  const cells = planCells(wb.sheet(t.projects).toValues(), [PLAN_A, PLAN_B]);
  for (const [r, c, value] of cells) wb.sheet(t.projects).setCell(r, c, value === null ? undefined : { value });
  const out = await runProjects({ detected, projectSheet: t.projects, converterSheet: t.converters, paramsSheet: t.parameters, splitSheet: null, modelOptions: {}, lang: "ja" });
  return { t, out };
}

describe("the pane writes the command line's deliverables", () => {
  it("analysis with a shock: values only, the audit sheet of formulas and the complete method sheet", async () => {
    const shock = previewShock(detected.table!, await readShockGrid({ sheet: "ショック", address: "A1:B3" }));
    const out = await runAnalysis({ detected, shock, options: {}, typeII: false, lang: "ja" });
    expect(() => assertDeliverable(out.spec)).not.toThrow();
    expect(out.sheets).toContain(AUDIT.sheet.ja);
    expect(out.sheets.at(-1)).toBe(METHOD.sheet.ja);
    // The audit sheet holds native formulas (MMULT), written as formulas into Excel.
    const audit = wb.sheet(AUDIT.sheet.ja);
    const formulas = [...audit.rows.values()].flatMap((row) => [...row.values()]).flatMap((c) => (c.formula ? [c.formula] : []));
    expect(formulas.some((f) => f.includes("MMULT"))).toBe(true);
    expect(formulas.some((f) => /RIPPLE\./i.test(f))).toBe(false);
    // The same total as the engine.
    const table = detected.table!;
    const v = shockFromPairs(table, parseShockGrid({ sheet: "ショック", origin: { row: 0, col: 0 }, values: SHOCK }));
    const expected = analyze(table, { lang: "ja" }, v).impact!;
    expect(out.result.impact!.multiple).toBeCloseTo(expected.multiple, 12);
    // The confirmed mapping is on the method sheet.
    expect(wb.sheet(METHOD.sheet.ja).toValues().flat()).toContain(METHOD.mapping.ja);
  });

  it("計画を実行: the full projects workbook of projectsDeliverables, the public version kept aside", async () => {
    const { t, out } = await runPlans();
    // The CLI's pipeline and deliverables on the same grids give the same sheets.
    const grid = (n: string) => ({ sheet: n, origin: { row: 0, col: 0 }, values: wb.sheet(n).toValues() });
    const cli = runProjectsPipeline({
      tableGrid: detected.grid,
      projectGrid: grid(t.projects),
      converterGrid: grid(t.converters),
      paramsGrid: grid(t.parameters!),
      splitGrid: null,
      mapping: detected.mapping ?? undefined,
      modelOptions: {},
      lang: "ja",
      version: VERSION,
    });
    const d = projectsDeliverables({ spec: cli.spec, evaluation: cli.evaluation, model: cli.model, layout: cli.layout, projects: cli.projects, rebuild: cli.rebuild });
    expect(out.sheets).toEqual(d.full.sheets.map((s) => s.name));
    expect(out.sheets).toContain(AUDIT.sheet.ja);
    expect(out.publicSpec).not.toBeNull();
    expect(out.publicSpec!.sheets.map((s) => s.name)).toEqual(d.public!.sheets.map((s) => s.name));
  });
});

describe("公開版 from the pane", () => {
  it("makes the public .xlsx in memory, opens it as a new workbook, and writes nothing into this one", async () => {
    const { out } = await runPlans();
    // The full version, in this workbook, names the confidential company; the public one must not.
    expect(wb.sheetNames().flatMap((n) => wb.sheet(n).toValues().flat())).toContain(CONFIDENTIAL);
    const names = wb.sheetNames();
    const writes = wb.writes.length;

    const offer = await offerPublicVersion(out.publicSpec!, "ripple-政策評価", "ja");
    expect(offer.opened).toBe(true);
    expect(offer.openError).toBeNull();
    expect(offer.file.fileName).toBe("ripple-政策評価-公開版.xlsx");
    expect(wb.createdWorkbooks).toEqual([offer.file.base64]);
    expect(offer.file.base64).toBe(bytesToBase64(offer.file.bytes));
    expect(wb.sheetNames()).toEqual(names);
    expect(wb.writes.length).toBe(writes);

    const parts = await partsOf(wb.createdWorkbooks[0]);
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(["xl/workbook.xml", "xl/sharedStrings.xml", "docProps/core.xml"]));
    for (const [name, text] of Object.entries(parts)) {
      expect(text.includes(CONFIDENTIAL), name).toBe(false);
      expect(text.includes("例示磁石"), name).toBe(false);
    }
    // The open plan is still named; the rule is stated.
    const all = Object.values(parts).join("\n");
    expect(all).toContain(OPEN);
    expect(all).toContain("公開版：");
  });

  it("without Excel.createWorkbook (before ExcelApi 1.8): not opened, says why, the file is still there to download", async () => {
    const { out } = await runPlans();
    delete (globalThis as unknown as { Excel: { createWorkbook?: unknown } }).Excel.createWorkbook;
    const offer = await offerPublicVersion(out.publicSpec!, "ripple-政策評価", "ja");
    expect(offer.opened).toBe(false);
    expect(offer.openError).toBeInstanceOf(RippleError);
    expect((offer.openError as RippleError).code).toBe("create-workbook-unsupported");
    expect((offer.openError as RippleError).format("ja")).toContain("ダウンロード");
    expect(offer.file.bytes.length).toBeGreaterThan(10_000);
  });
});

describe("gateway.openNewWorkbook", () => {
  it("hands the base64 file to Excel.createWorkbook; Excel's refusal becomes a RippleError", async () => {
    await openNewWorkbook("UEsDBA==");
    expect(wb.createdWorkbooks).toEqual(["UEsDBA=="]);
    await expect(openNewWorkbook("not base64!")).rejects.toBeInstanceOf(RippleError);
    expect(wb.createdWorkbooks).toHaveLength(1);
  });
});

