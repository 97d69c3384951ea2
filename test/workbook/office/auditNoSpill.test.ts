// The audit sheet as the Office host writes it computes without dynamic arrays: the MMULT array
// formulas become one INDEX(MMULT(…), i, 1) formula per cell (no spill, no legacy array formula,
// which the JavaScript API cannot write). Checked by writing the demo's full deliverable through
// the gateway into the recording fake Excel, copying every cell the fake holds — formulas as
// formulas, with no cached results — into an .xlsx, and letting LibreOffice 7.4 (which has no
// dynamic arrays) recalculate it: every audit formula equals the engine's value to 1e-9, every
// check is TRUE, no cell is an error.
import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { a1 } from "../../../src/engine/grid";
import { AUDIT_SHEET_KEY, analysisAudit, makeDeliverables } from "../../../src/report/deliverable";
import { isFormulaCell, resolveSheetNames, type WorkbookSpec } from "../../../src/report/spec";
import { writeReport } from "../../../src/workbook/office/gateway";
import { demoRun } from "../../report/deliverable/fixture";
import { readStoredCells, type StoredCell } from "../../report/deliverable/xlsxCells";
import { convertWithLibreOffice, sofficePath } from "../xlsx/libreoffice";
import { installFakeOffice, type FakeWorkbook } from "./fakeExcel";

let wb: FakeWorkbook;
let spec: WorkbookSpec;
let auditName: string;
let recalculated: StoredCell[];

/** The fake workbook's cells as an .xlsx: formulas without cached values, so a reader must compute. */
async function fakeToXlsx(w: FakeWorkbook, file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const s of w.sheets) {
    const ws = book.addWorksheet(s.name);
    for (const [r, row] of s.rows)
      for (const [c, cell] of row) {
        const target = ws.getCell(r + 1, c + 1);
        if (cell.formula) target.value = { formula: cell.formula.slice(1) } as ExcelJS.CellFormulaValue;
        else if (cell.error) target.value = { error: String(cell.value) } as ExcelJS.CellErrorValue;
        else target.value = cell.value;
      }
  }
  await book.xlsx.writeFile(file);
}

beforeAll(async () => {
  sofficePath();
  const run = await demoRun("ja");
  spec = makeDeliverables(run.spec, { audit: (s) => ({ ripple: analysisAudit(s, run.model, run.shock, run.impact, "ja") }) }).full;
  auditName = resolveSheetNames(spec, ["入力"]).sheets.find((s) => s.key === AUDIT_SHEET_KEY)!.name;
  wb = installFakeOffice(globalThis, { 入力: [["x"]] });
  await writeReport(spec);
  const dir = mkdtempSync(join(tmpdir(), "ripple-audit-office-"));
  const file = join(dir, "office-host.xlsx");
  await fakeToXlsx(wb, file);
  recalculated = await readStoredCells(await convertWithLibreOffice(file, "xlsx", { outDir: join(dir, "recalc") }));
}, 180_000);

afterAll(() => wb?.uninstall());

describe("audit formulas from the Office host, without dynamic arrays (LibreOffice 7.4)", () => {
  it("writes every cell of an MMULT array as its own INDEX formula; none is left to a spill", () => {
    const sheet = wb.sheet(auditName);
    const formulas = [...sheet.rows.values()].flatMap((row) => [...row.values()]).map((c) => c.formula).filter((f): f is string => !!f);
    const index = formulas.filter((f) => f.startsWith("=INDEX(MMULT("));
    expect(index).toHaveLength(2 * 13); // ΔX1 and ΔX2, 13 sectors each
    expect(formulas.filter((f) => f.startsWith("=MMULT("))).toEqual([]);
    expect(index[0]).toMatch(/^=INDEX\(MMULT\('逆行列係数 L'!\$B\$4:\$N\$16,.*\),1,1\)$/);
  });

  it("recalculates to the engine's values, every check TRUE, no error value", () => {
    const sheetSpec = spec.sheets.find((s) => s.key === AUDIT_SHEET_KEY)!;
    const got = new Map(recalculated.filter((c) => c.sheet === auditName).map((c) => [c.address, c]));
    let compared = 0;
    let arrayCells = 0;
    for (const b of sheetSpec.blocks)
      b.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (!isFormulaCell(v) || v.value === undefined) return;
          const cells = v.array ? v.array.rows : 1;
          for (let k = 0; k < cells; k++) {
            const addr = a1(b.row + r + k, b.col + c);
            // The spec caches the first cell's value on the formula and the others in the covered cells.
            const want = k === 0 ? v.value : (b.values[r + k][c] as number);
            const cell = got.get(addr);
            expect(cell?.formula, addr).toBeTruthy();
            const stored = cell!.value;
            expect(stored?.kind, `${addr} ${cell!.formula}`).not.toBe("error");
            if (typeof want === "boolean") expect(stored, addr).toEqual({ kind: "bool", value: want });
            else if (typeof want === "number") {
              expect(stored?.kind, addr).toBe("number");
              const x = (stored as { value: number }).value;
              expect(Math.abs(x - want) / Math.max(1, Math.abs(want)), `${addr}: ${x} vs ${want}`).toBeLessThan(1e-9);
            }
            compared++;
            if (v.array) arrayCells++;
          }
        }),
      );
    expect(arrayCells).toBe(2 * 13);
    expect(compared).toBeGreaterThan(100);
    expect(recalculated.filter((c) => c.sheet === auditName && c.value?.kind === "error")).toEqual([]);
  });
});
