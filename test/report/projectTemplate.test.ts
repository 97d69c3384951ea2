// The input templates: headers in both languages that the parser reads back, a note per column,
// drop-down lists written by both hosts, and the default converter with its sources.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Grid } from "../../src/engine/grid";
import { makeTable } from "../../src/engine/table/types";
import { parseParameters } from "../../src/engine/params/defaults";
import { parseConverters, parseProjects } from "../../src/engine/projects/parse";
import { PROJECT_COLUMNS } from "../../src/engine/projects/schema";
import { defaultConverterRows, projectTemplate, type TemplatePlan } from "../../src/report/projectTemplate";
import type { CellSpec, SheetSpec, WorkbookSpec } from "../../src/report/spec";
import { writeReport } from "../../src/workbook/office/gateway";
import { writeXlsxBuffer } from "../../src/workbook/xlsx";
import { Package } from "../workbook/xlsx/packageParts";
import { type FakeWorkbook, installFakeOffice } from "../workbook/office/fakeExcel";

const params = parseParameters(readFileSync(join(__dirname, "../../assets/data/magnet-market/defaults.csv"), "utf8"));
const table = makeTable({
  sectors: [
    { code: "01", name: "製造業", label: "製造業" },
    { code: "02", name: "建設", label: "建設" },
    { code: "03", name: "サービス", label: "サービス" },
  ],
  Z: [
    [10, 5, 5],
    [1, 1, 1],
    [5, 5, 5],
  ],
  x: [100, 50, 80],
  finalDemand: [{ role: "fd:household", values: [80, 48, 65] }],
  primaryInputs: [{ role: "va:compensation", values: [84, 39, 69] }],
  importType: "domestic",
});
const sectors = ["01 製造業", "02 建設", "03 サービス"];

/** A sheet's cells as a grid (blocks placed at their rows and columns). */
function gridOf(s: SheetSpec): Grid {
  const values: CellSpec[][] = [];
  for (const b of s.blocks)
    b.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const rr = (values[b.row + r] ??= []);
        while (rr.length < b.col + c) rr.push(null);
        rr[b.col + c] = v;
      }),
    );
  return { sheet: s.name, origin: { row: 0, col: 0 }, values: values.map((r) => (r ?? []).map((v) => (typeof v === "object" && v !== null ? null : v))) };
}

function example(lang: "ja" | "en"): TemplatePlan {
  const ja = lang === "ja";
  return {
    values: {
      id: "P-01", company: "Example KK", confidential: true, magnetType: ja ? "ネオジム焼結磁石" : "NdFeB sintered",
      subsidyRate: 1 / 3, capacity: 500, startYear: 2027, rampYears: 2, utilization: 0.8, unitValue: 9000,
      treatment: ja ? "輸入代替" : "Import substitution", displacement: 0.2, sector: "01 製造業",
      converter: ja ? "標準" : "default", status: ja ? "計画どおり" : "On schedule", notes: "illustrative",
    },
    capex: { 2025: 1000, 2026: 1500 },
  };
}

function template(lang: "ja" | "en") {
  return projectTemplate(lang, {
    firstYear: 2025,
    lastYear: 2027,
    sectors,
    converters: defaultConverterRows(params, lang, { construction: "02 建設", machinery: "01 製造業", other: "03 サービス" }),
    examples: [example(lang)],
  });
}

let fake: FakeWorkbook | null = null;
afterEach(() => {
  fake?.uninstall();
  fake = null;
});

describe("project template", () => {
  for (const lang of ["ja", "en"] as const)
    it(`${lang}: headers and notes per column; the parser reads the example back`, () => {
      const [projects, converters, lists] = template(lang);
      const g = gridOf(projects);
      const header = g.values[3];
      for (const c of PROJECT_COLUMNS) expect(header).toContain(c.header[lang]);
      expect(header).toContain(lang === "ja" ? "設備投資 FY2027（百万円）" : "Capex FY2027 (million yen)");
      // one note above every header
      header.forEach((h, j) => {
        if (h !== null) expect(typeof g.values[2][j]).toBe("string");
      });
      const convs = parseConverters(gridOf(converters), table);
      const conv = convs.get(lang === "ja" ? "標準" : "default")!;
      expect([...conv.shares.values()]).toEqual([0.25, 0.7, 0.05]);
      expect(conv.selfSufficiency.get(1)).toBe(1);
      expect(conv.source).toContain("固定資本マトリックス");
      expect(conv.rowSources!.get(1)).toMatch(/1\.0/);
      const [p] = parseProjects(g, { table, converters: convs });
      expect(p).toMatchObject({ id: "P-01", capacity: 500, startYear: 2027, treatment: "import-substitution", sector: 0, notes: "illustrative" });
      expect(p.capex.get(2026)).toBe(1500);
      expect(lists.name).toBe(lang === "ja" ? "選択肢" : "Lists");
    });

  it("drop-down lists on the choice columns, inline when short, else from the list sheet", async () => {
    const sheets = template("ja");
    const v = sheets[0].validations!;
    const col = (key: string) => [...PROJECT_COLUMNS.filter((c) => c.key !== "notes")].findIndex((c) => c.key === key);
    expect(v.map((x) => x.range.col).sort((a, b) => a - b)).toEqual(
      ["magnetType", "treatment", "status", "confidential", "sector", "converter"].map(col).sort((a, b) => a - b),
    );
    expect(v.find((x) => x.range.col === col("magnetType"))!.list).toEqual(["ネオジム焼結磁石", "重希土類フリー熱間加工磁石", "サマリウムコバルト磁石", "磁石リサイクル"]);
    expect(v.every((x) => x.range.row === 4 && x.range.rows === 50)).toBe(true);

    // A sector list too long for Excel's 255 characters goes by reference to the list sheet.
    const long = Array.from({ length: 40 }, (_, i) => `${String(i + 1).padStart(2, "0")} 部門の長い名前${i}`);
    const many = projectTemplate("ja", { firstYear: 2025, lastYear: 2025, sectors: long, converters: [] });
    const spec: WorkbookSpec = {
      lang: "ja",
      sheets: many,
      provenance: { software: "Ripple", version: "t", createdAt: "2026-01-01T00:00:00Z", inputs: [], parameters: [], variants: [], warnings: [] },
    };
    const pkg = await Package.open(await writeXlsxBuffer(spec));
    const xml = await pkg.text("xl/worksheets/sheet1.xml");
    expect(xml).toContain('<dataValidation type="list"');
    expect(xml).toContain("&quot;ネオジム焼結磁石,重希土類フリー熱間加工磁石,サマリウムコバルト磁石,磁石リサイクル&quot;");
    expect(xml).toContain("<formula1>&apos;選択肢&apos;!$E$3:$E$42</formula1>");
  });

  it("the Office gateway sets the same lists (range.dataValidation.rule)", async () => {
    fake = installFakeOffice(globalThis, { Sheet1: [["x"]] });
    const sheets = template("en");
    await writeReport({
      lang: "en",
      sheets,
      provenance: { software: "Ripple", version: "t", createdAt: "2026-01-01T00:00:00Z", inputs: [], parameters: [], variants: [], warnings: [] },
    });
    const s = fake.sheet("Projects");
    expect(s.validations).toHaveLength(6);
    expect(s.validations).toContainEqual({ address: "L5:L54", source: "Import substitution,Exports,New domestic demand", inCellDropDown: true });
    expect(s.validations).toContainEqual({ address: "C5:C54", source: "TRUE,FALSE", inCellDropDown: true });
  });
});
