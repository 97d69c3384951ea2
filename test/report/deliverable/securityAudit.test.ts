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
import type { SecurityChain } from "../../../src/engine/security";

const TITLE = "経済安全保障効果（B/C）の検算";
const CHAIN_TITLE = "経済安全保障効果: 部門別の連鎖の検算";
let books: { full: WorkbookSpec; public: WorkbookSpec | null };
let bc: number;
let chain: SecurityChain;
const recalculated: Record<"full" | "public", StoredCell[]> = { full: [], public: [] };

beforeAll(async () => {
  sofficePath();
  const file = await readGridFile(SAMPLE);
  const io = { cwd: process.cwd() } as unknown as CliIO;
  const job = await projectsJobOnFile(file, { input: SAMPLE, projects: "事業計画", lang: "ja", security: true, public: true }, io);
  bc = job.security!.run.result.benefitCostRatio!;
  chain = job.security!.run.chain!;
  books = job.workbooks();
  const dir = mkdtempSync(join(tmpdir(), "ripple-security-audit-"));
  for (const v of ["full", "public"] as const) {
    const path = join(dir, `${v}.xlsx`);
    await writeXlsx(v === "full" ? books.full : books.public!, path);
    recalculated[v] = await readStoredCells(await convertWithLibreOffice(path, "xlsx", { outDir: join(dir, `${v}-lo`) }));
  }
}, 420_000);

const audit = (spec: WorkbookSpec): SheetSpec => spec.sheets.find((s) => s.key === AUDIT_SHEET_KEY)!;

/** The blocks of a section: from its title to the next section's title (or the sheet's end). */
function section(sheet: SheetSpec, title = TITLE): SheetSpec {
  const at = sheet.blocks.findIndex((b) => b.values[0]?.[0] === title);
  expect(at).toBeGreaterThanOrEqual(0);
  const end = sheet.blocks.findIndex((b, i) => i > at && (b.values[0]?.[0] === TITLE || b.values[0]?.[0] === CHAIN_TITLE));
  return { ...sheet, blocks: sheet.blocks.slice(at, end < 0 ? undefined : end) };
}

const formulasOf = (s: SheetSpec) => s.blocks.flatMap((b) => b.values.flat()).filter(isFormulaCell);

/** Every check cell of a section is TRUE after LibreOffice's recalculation. */
function expectChecksTrue(s: SheetSpec, cells: StoredCell[]): void {
  const byAddress = new Map(cells.filter((c) => c.sheet === s.name).map((c) => [c.address, c.value]));
  for (const b of s.blocks)
    b.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (isFormulaCell(v) && v.formula.startsWith("ABS(")) expect(byAddress.get(`${String.fromCharCode(65 + c)}${b.row + r + 1}`)).toEqual({ kind: "bool", value: true });
      }),
    );
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

describe("the chain by sector of one scenario and year on the audit sheet", () => {
  it("shortfall by application → Δx by sector (SUMPRODUCT) → L·Δx (MMULT over the L sheet) → GVA → avoided, all checks TRUE after LibreOffice", () => {
    const s = section(audit(books.full), CHAIN_TITLE);
    const formulas = formulasOf(s);
    const n = chain.sectors.length;
    const checks = formulas.filter((f) => f.formula.startsWith("ABS("));
    // per sector Δx and L·Δx without and with; GVA without, with, avoided against the chain's
    // total and against the by-year table
    expect(checks).toHaveLength(4 * n + 4);
    expect(checks.every((c) => c.value === true)).toBe(true);
    const mmult = formulas.filter((f) => f.formula.startsWith("MMULT("));
    expect(mmult).toHaveLength(2);
    for (const m of mmult) {
      expect(m.formula).toContain("'逆行列係数 L'!");
      expect(m.array).toEqual({ rows: n, cols: 1 });
    }
    // the avoided GVA recomputed equals the engine's, and is compared with the by-year table
    const rows = s.blocks.flatMap((b) => b.values);
    const byYear = rows.find((r) => r[0] === "回避（年度別の表の値と比較）")!;
    expect(isFormulaCell(byYear[1]) && byYear[1].value).toBeCloseTo(chain.avoidedValueAdded, 6);
    expect(isFormulaCell(byYear[2]) && byYear[2].formula).toMatch(/^'経済安全保障効果'!\$[A-Z]+\$\d+$/);
    expect(chain.avoidedValueAdded).toBeGreaterThan(0);
    expect(expectFormulasRecomputed(s, recalculated.full)).toBeGreaterThanOrEqual(formulas.length - checks.length - 2 * n);
    expectChecksTrue(s, recalculated.full);
  });

  it("in the public version the case with the plans (suppressed) is left out with the reason; the case without still recomputes", () => {
    const s = section(audit(books.public!), CHAIN_TITLE);
    const rows = s.blocks.flatMap((b) => b.values);
    const reason = (v: unknown) => typeof v === "string" && v.includes("公開版で秘匿");
    expect(rows.some((r) => r.some(reason))).toBe(true);
    const formulas = formulasOf(s);
    // no formula reads a "with" figure of the security sheet (the shortfall with the plans is suppressed there)
    const sheet = books.public!.sheets.find((x) => x.key === "security")!;
    const suppressedCells = new Set<string>();
    for (const b of sheet.blocks)
      b.values.forEach((row, r) => row.forEach((v, c) => v === "—" && suppressedCells.add(`$${String.fromCharCode(65 + b.col + c)}$${b.row + r + 1}`)));
    for (const f of formulas) for (const m of f.formula.matchAll(/'経済安全保障効果'!(\$[A-Z]+\$\d+)/g)) expect(suppressedCells.has(m[1]), f.formula).toBe(false);
    const n = chain.sectors.length;
    expect(formulas.filter((f) => f.formula.startsWith("ABS("))).toHaveLength(2 * n + 1);
    expect(rows.find((r) => r[0] === "回避（計画なし − 計画あり）")?.[1]).toSatisfy(reason);
    expectFormulasRecomputed(s, recalculated.public);
    expectChecksTrue(s, recalculated.public);
  });
});
