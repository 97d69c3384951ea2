// The economic-security sheet audited on 検算（数式）: the demo's projects run with the sample's
// market sheets (as `ripple demo`), both versions written, recalculated by LibreOffice: every
// formula of the security section equals its cached value, every check is TRUE, the B/C
// recomputed from the sheet's cells equals the B/C written; and in the public version the lines
// whose written figures are suppressed carry no formula.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { projectsJobOnFile } from "../../../src/cli/projects";
import type { CliIO } from "../../../src/cli/io";
import { AUDIT_SHEET_KEY } from "../../../src/report/deliverable";
import { isFormulaCell, type SheetSpec, type WorkbookSpec } from "../../../src/report/spec";
import { readGridFile, writeXlsx } from "../../../src/workbook/xlsx";
import { convertWithLibreOffice, sofficePath } from "../../workbook/xlsx/libreoffice";
import { SAMPLE } from "./fixture";
import { expectFormulasRecomputed } from "./recomputed";
import { readStoredCells, type StoredCell } from "./xlsxCells";

const TITLE = "経済安全保障効果（B/C）の検算";
let books: { full: WorkbookSpec; public: WorkbookSpec | null };
let bc: number;
const recalculated: Record<"full" | "public", StoredCell[]> = { full: [], public: [] };

beforeAll(async () => {
  sofficePath();
  const file = await readGridFile(SAMPLE);
  const io = { cwd: process.cwd() } as unknown as CliIO;
  const job = await projectsJobOnFile(file, { input: SAMPLE, projects: "事業計画", lang: "ja", security: true, public: true }, io);
  bc = job.security!.run.result.benefitCostRatio!;
  books = job.workbooks();
  const dir = mkdtempSync(join(tmpdir(), "ripple-security-audit-"));
  for (const v of ["full", "public"] as const) {
    const path = join(dir, `${v}.xlsx`);
    await writeXlsx(v === "full" ? books.full : books.public!, path);
    recalculated[v] = await readStoredCells(await convertWithLibreOffice(path, "xlsx", { outDir: join(dir, `${v}-lo`) }));
  }
}, 420_000);

const audit = (spec: WorkbookSpec): SheetSpec => spec.sheets.find((s) => s.key === AUDIT_SHEET_KEY)!;

/** The blocks of the security section: from its title to the end of the sheet. */
function section(sheet: SheetSpec): SheetSpec {
  const at = sheet.blocks.findIndex((b) => b.values[0]?.[0] === TITLE);
  expect(at).toBeGreaterThanOrEqual(0);
  return { ...sheet, blocks: sheet.blocks.slice(at) };
}

describe("the economic-security sheet on the audit sheet", () => {
  it("recomputes every year's expectation, discount factor and PV, their sum, the B/C and each scenario's avoided GVA", () => {
    const s = section(audit(books.full));
    const formulas = s.blocks.flatMap((b) => b.values.flat()).filter(isFormulaCell);
    const checks = formulas.filter((f) => f.formula.startsWith("ABS("));
    // 11 fiscal years × 3 lines, the total and the B/C, 3 scenarios × 2 lines: all with checks.
    expect(checks).toHaveLength(11 * 3 + 2 + 3 * 2);
    expect(checks.every((c) => c.value === true)).toBe(true);
    const bcLine = s.blocks.flatMap((b) => b.values).find((row) => row[0] === "B/C（経済安全保障）")!;
    expect(isFormulaCell(bcLine[1]) && bcLine[1].value).toBeCloseTo(bc, 9);
    // LibreOffice recalculates them to the cached values, and every check holds.
    expect(expectFormulasRecomputed(s, recalculated.full)).toBeGreaterThanOrEqual(2 * checks.length);
    const sheet = audit(books.full).name;
    const byAddress = new Map(recalculated.full.filter((c) => c.sheet === sheet).map((c) => [c.address, c.value]));
    for (const b of s.blocks)
      b.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (isFormulaCell(v) && v.formula.startsWith("ABS(")) expect(byAddress.get(`${String.fromCharCode(65 + c)}${b.row + r + 1}`)).toEqual({ kind: "bool", value: true });
        }),
      );
  });

  it("in the public version: no formula where the written figure is suppressed, and what is shown still recomputes", () => {
    const pub = books.public!;
    const s = section(audit(pub));
    const rows = s.blocks.flatMap((b) => b.values);
    const omitted = rows.filter((row) => typeof row[1] === "string" && row[1].includes("公開版で秘匿"));
    const shown = rows.filter((row) => isFormulaCell(row[3]));
    // The demo's four confidential plans: the plans' figures are suppressed; the scenarios'
    // probabilities and the rate are public.
    expect(omitted.length + shown.length).toBe(11 * 3 + 2 + 3 * 2);
    expect(omitted.length).toBeGreaterThan(0);
    for (const row of omitted) expect(row.slice(1).some(isFormulaCell)).toBe(false);
    expectFormulasRecomputed(s, recalculated.public);
  });
});
