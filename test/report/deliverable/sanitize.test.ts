// A deliverable holds values on its results sheets and formulas only on the audit sheet, with no
// RIPPLE.* functions and no links to other workbooks; labels that look like formulas stay text
// through the file writer and LibreOffice.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_SHEET_KEY, assertDeliverable, formulaProblem } from "../../../src/report/deliverable";
import type { CellSpec, WorkbookSpec } from "../../../src/report/spec";
import { writeXlsx } from "../../../src/workbook/xlsx";
import { convertWithLibreOffice } from "../../workbook/xlsx/libreoffice";
import { readStoredCells } from "./xlsxCells";

const spec = (sheets: { key: string; values: CellSpec[][] }[]): WorkbookSpec => ({
  lang: "ja",
  sheets: sheets.map((s, i) => ({ key: s.key, name: `S${i + 1}`, blocks: [{ row: 0, col: 0, values: s.values }] })),
  provenance: { software: "Ripple", version: "t", createdAt: "2025-01-01T00:00:00Z", inputs: [], parameters: [], variants: [], warnings: [] },
});

const TRICKY = ["=SUM(A1:A3)", "+81 3 1234", "-5%", "@home", "=RIPPLE.IMPACT(A1)", "=[1]Sheet1!A1"];

describe("assertDeliverable", () => {
  it("accepts values everywhere and Excel formulas on the audit sheet", () => {
    expect(() =>
      assertDeliverable(spec([{ key: "summary", values: [TRICKY, [1, true, null]] }, { key: AUDIT_SHEET_KEY, values: [[{ formula: 'MMULT(\'L\'!$B$2:$C$3,B2:B3)&"RIPPLE.x [1]"', value: 1 }]] }])),
    ).not.toThrow();
  });

  it("rejects a formula on a results sheet, naming the sheet and cell", () => {
    expect(() => assertDeliverable(spec([{ key: "summary", values: [[null, { formula: "SUM(A1:A2)", value: 3 }]] }]))).toThrow(
      expect.objectContaining({ code: "deliverable-formula", where: { sheet: "S1", cell: "B1" } }),
    );
  });

  it("rejects RIPPLE.* functions and external links even on the audit sheet", () => {
    expect(formulaProblem("RIPPLE.IMPACT(A1:A3)")?.en).toMatch(/RIPPLE/);
    expect(formulaProblem("ripple.multiplier(A1)")?.en).toMatch(/RIPPLE/);
    expect(formulaProblem("[1]Sheet1!A1*2")?.en).toMatch(/another workbook/);
    expect(formulaProblem("'[book.xlsx]Data'!A1")?.en).toMatch(/another workbook/);
    expect(formulaProblem("HYPERLINK(\"x\")+'http://x'!A1")).not.toBeNull();
    expect(formulaProblem("SUM('逆行列係数 L'!$B$4:$N$16)")).toBeNull();
    expect(() =>
      assertDeliverable(spec([{ key: AUDIT_SHEET_KEY, values: [[{ formula: "RIPPLE.IMPACT(A1)" }, { formula: "[2]S!A1" }]] }])),
    ).toThrow(expect.objectContaining({ code: "deliverable-formulas" }));
  });

  it("writes labels beginning with = + - @ as text that LibreOffice reads back unchanged", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ripple-sanitize-"));
    const file = join(dir, "tricky.xlsx");
    const s = spec([{ key: "summary", values: [TRICKY] }]);
    assertDeliverable(s);
    await writeXlsx(s, file);
    for (const stored of [await readStoredCells(file), await readStoredCells(await convertWithLibreOffice(file, "xlsx", { outDir: join(dir, "lo") }))]) {
      expect(stored.filter((c) => c.formula !== null)).toEqual([]);
      expect(stored.map((c) => c.value)).toEqual(TRICKY.map((t) => ({ kind: "string", value: t })));
    }
  }, 120_000);
});
