// The audit sheet recomputes the demo's headline numbers with native formulas: in LibreOffice,
// after a forced recalculation, every formula equals the engine's value (1e-9 relative), every
// check is TRUE, nothing is an error value, the charts survive, and a reviewer's change to the
// shock moves the results by L·(s∘Δf).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { a1 } from "../../../src/engine/grid";
import { impact as engineImpact } from "../../../src/engine/model/impact";
import {
  AUDIT_MAX_SECTORS,
  AUDIT_SHEET_KEY,
  analysisAudit,
  buildAuditSheet,
  makeDeliverables,
  type RippleAudit,
} from "../../../src/report/deliverable";
import { isFormulaCell, resolveSheetNames, type WorkbookSpec } from "../../../src/report/spec";
import { writeXlsx } from "../../../src/workbook/xlsx";
import { convertWithLibreOffice, sofficePath } from "../../workbook/xlsx/libreoffice";
import { Package } from "../../workbook/xlsx/packageParts";
import { demoRun, type DemoRun } from "./fixture";
import { readStoredCells, setNumber, type StoredCell } from "./xlsxCells";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

let run: DemoRun;
let spec: WorkbookSpec;
let dir: string;
let file: string;
let recalculated: StoredCell[];

function auditCells(cells: StoredCell[], s: WorkbookSpec): StoredCell[] {
  const name = s.sheets.find((x) => x.key === AUDIT_SHEET_KEY)!.name;
  return cells.filter((c) => c.sheet === name);
}

/** Every number or formula the spec puts on the audit sheet, by A1 address, with what it caches. */
function expectedAudit(s: WorkbookSpec): Map<string, { value: number | boolean | string | null; formula: boolean }> {
  const sheet = s.sheets.find((x) => x.key === AUDIT_SHEET_KEY)!;
  const out = new Map<string, { value: number | boolean | string | null; formula: boolean }>();
  for (const b of sheet.blocks)
    b.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const key = a1(b.row + r, b.col + c);
        if (isFormulaCell(v)) out.set(key, { value: v.value ?? null, formula: true });
        else if (typeof v === "number") out.set(key, { value: v, formula: false });
      }),
    );
  return out;
}

beforeAll(async () => {
  sofficePath();
  run = await demoRun("ja");
  spec = makeDeliverables(run.spec, { audit: (s) => ({ ripple: analysisAudit(s, run.model, run.shock, run.impact, "ja") }) }).full;
  dir = mkdtempSync(join(tmpdir(), "ripple-audit-"));
  file = join(dir, "demo-results.xlsx");
  await writeXlsx(spec, file);
  recalculated = await readStoredCells(await convertWithLibreOffice(file, "xlsx", { outDir: join(dir, "recalc") }));
}, 180_000);

describe("audit sheet (structure)", () => {
  it("refers to the written L with a quoted sheet name and MMULT array formulas", () => {
    const a = analysisAudit(run.spec, run.model, run.shock, run.impact, "ja");
    expect(Array.isArray(a.L)).toBe(false);
    const sheet = buildAuditSheet(run.spec, { ripple: a }, "ja");
    const formulas = sheet.blocks.flatMap((b) => b.values.flat().filter(isFormulaCell));
    const mmult = formulas.filter((f) => f.formula.startsWith("MMULT("));
    expect(mmult).toHaveLength(2);
    for (const m of mmult) {
      expect(m.formula).toContain("'逆行列係数 L'!$B$4:$N$16");
      expect(m.array).toEqual({ rows: 13, cols: 1 });
    }
    const checks = formulas.filter((f) => f.formula.includes("<1E-9"));
    // 4 stages × 13 sectors, 4 stages × 3 measures, the multiple.
    expect(checks).toHaveLength(4 * 13 + 12 + 1);
    expect(checks.every((c) => c.value === true)).toBe(true);
    // ΔX0 is the first column (B) of the results block, under the inputs block (13 sectors)
    expect(checks[0].formula).toMatch(/^ABS\(B29-'集計'!\$B\$24\)\/MAX\(1,ABS\('集計'!\$B\$24\)\)<1E-9$/);
    // printable: no block wider than 8 columns, the sector names in front of each block's rows
    expect(Math.max(...sheet.blocks.map((b) => b.col + Math.max(...b.values.map((r) => r.length))))).toBeLessThanOrEqual(8);
    const sectorBlocks = sheet.blocks.filter((b) => b.values.length === 13 && b.values.every((r, i) => r[0] === run.model.sectors[i]));
    expect(sectorBlocks.length).toBeGreaterThanOrEqual(3);
  });

  it("writes a note instead of formulas above the sector limit", () => {
    const n = AUDIT_MAX_SECTORS + 1;
    const z = new Array<number>(n).fill(0);
    const stage = { output: z, valueAdded: z, compensation: z, employment: null };
    const big: RippleAudit = {
      sectors: z.map((_, i) => `s${i}`),
      unit: "百万円",
      L: { sheet: "L", row: 0, col: 0, rows: n, cols: n },
      shock: z,
      selfSufficiency: z,
      domesticShare: z,
      consumptionRate: 0.7,
      household: z,
      income: z,
      valueAdded: z,
      compensation: z,
      engine: { direct: stage, firstIndirect: stage, secondIndirect: stage, total: stage, multiple: 1 },
    };
    const sheet = buildAuditSheet(run.spec, { ripple: big }, "en");
    const text = sheet.blocks.flatMap((b) => b.values.flat()).filter((v) => typeof v === "string").join("\n");
    expect(text).toContain(`${n} sectors`);
    expect(text).toContain(`Above ${AUDIT_MAX_SECTORS} sectors`);
    expect(sheet.blocks.flatMap((b) => b.values.flat()).filter((v) => isFormulaCell(v) && v.formula.includes("MMULT"))).toHaveLength(0);
  });
});

describe("audit sheet in LibreOffice (forced recalculation)", () => {
  it("every audit formula equals the engine's value within 1e-9, and every check is TRUE", () => {
    const expected = expectedAudit(spec);
    const got = new Map(auditCells(recalculated, spec).map((c) => [c.address, c]));
    let numbers = 0;
    let checks = 0;
    for (const [address, e] of expected) {
      const cell = got.get(address);
      expect(cell, address).toBeDefined();
      if (typeof e.value === "number") {
        expect(cell!.value?.kind, address).toBe("number");
        expect(rel(cell!.value!.value as number, e.value), address).toBeLessThan(1e-9);
        numbers++;
      } else if (typeof e.value === "boolean") {
        expect(cell!.value, address).toEqual({ kind: "bool", value: true });
        checks++;
      }
    }
    expect(numbers).toBeGreaterThan(13 * 8);
    expect(checks).toBe(4 * 13 + 12 + 1 + 1);
  });

  it("leaves no error value anywhere in the workbook", () => {
    const errors = recalculated.filter((c) => c.value?.kind === "error" || (c.value?.kind === "string" && /^(#|Err:)/.test(c.value.value)));
    expect(errors.map((c) => `${c.sheet}!${c.address}=${c.value?.value}`)).toEqual([]);
    expect(recalculated.length).toBeGreaterThan(500);
  });

  it("keeps the formulas only on the audit sheet", () => {
    const auditName = spec.sheets.find((s) => s.key === AUDIT_SHEET_KEY)!.name;
    const outside = recalculated.filter((c) => c.formula !== null && c.sheet !== auditName);
    expect(outside.map((c) => `${c.sheet}!${c.address}`)).toEqual([]);
  });

  it("keeps every chart through LibreOffice's save, and prints the charts to PDF", async () => {
    const charts = spec.sheets.reduce((n, s) => n + (s.charts?.length ?? 0), 0);
    expect(charts).toBeGreaterThanOrEqual(3);
    const pkg = await Package.open(readFileSync(join(dir, "recalc", "demo-results.xlsx")));
    expect(pkg.names().filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(charts);
    const pdf = await convertWithLibreOffice(file, "pdf", { singlePageSheets: true, outDir: join(dir, "pdf") });
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.toString("latin1").match(/\/Type\s*\/Page\b/g)).toHaveLength(spec.sheets.length);
    // Charts are vector drawings: pages with charts make a file far larger than text alone.
    expect(bytes.length).toBeGreaterThan(60_000);
  }, 120_000);

  it("follows a reviewer's change to the shock: ΔX1 moves by L·(s∘Δ), the total as the engine says", async () => {
    const auditName = spec.sheets.find((s) => s.key === AUDIT_SHEET_KEY)!.name;
    const cells = auditCells(recalculated, spec);
    // The Δf column: header "Δf …" on the sector table; the first sector's row below it.
    const header = cells.find((c) => c.value?.kind === "string" && String(c.value.value).startsWith("Δf"))!;
    const at = (row: number, col: number) => cells.find((c) => c.row === row && c.col === col);
    // The sector table is laid out in blocks of ≤ 8 columns (inputs, results, checks), each with
    // its header and the sectors in the rows under it: a column's first sector is under its header.
    const headerOf = (prefix: string) => cells.find((c) => c.value?.kind === "string" && String(c.value.value).startsWith(prefix))!;
    const first = header.row + 1;
    const delta = 1000;
    const changed = await setNumber(readFileSync(file), auditName, `B${first + 1}`, run.shock[0] + delta);
    const changedFile = join(dir, "changed.xlsx");
    writeFileSync(changedFile, changed);
    const after = auditCells(await readStoredCells(await convertWithLibreOffice(changedFile, "xlsx", { outDir: join(dir, "changed") })), spec);
    const afterAt = (row: number, col: number) => after.find((c) => c.row === row && c.col === col);
    const n = run.model.n;
    const L = run.model.leontief();
    const s = run.model.selfSufficiency();
    const dx1 = headerOf("ΔX1");
    const tot = cells.find((c) => c.row === dx1.row && String(c.value?.value).startsWith("総合効果"))!;
    expect(dx1.row).toBeGreaterThan(header.row);
    expect(tot.row).toBe(dx1.row);
    const newShock = run.shock.map((x, i) => (i === 0 ? x + delta : x));
    const fresh = engineImpact(run.model, newShock);
    for (let i = 0; i < n; i++) {
      const before = at(dx1.row + 1 + i, dx1.col)!.value!.value as number;
      const now = afterAt(dx1.row + 1 + i, dx1.col)!.value!.value as number;
      expect(rel(now - before, L[i][0] * s[0] * delta)).toBeLessThan(1e-9);
      expect(rel(afterAt(tot.row + 1 + i, tot.col)!.value!.value as number, fresh.total.output[i])).toBeLessThan(1e-9);
    }
    // The results sheets keep the run's values, so the audit now says they differ.
    const allMatch = after.find((c) => c.value?.kind === "string" && c.value.value === "すべての検算が一致")!;
    expect(afterAt(allMatch.row, 1)!.value).toEqual({ kind: "bool", value: false });
  }, 120_000);

  it("keeps its references when a second run's sheets are renamed (名前 (2))", async () => {
    const renamed = resolveSheetNames(spec, spec.sheets.map((s) => s.name));
    const audit = renamed.sheets.find((s) => s.key === AUDIT_SHEET_KEY)!;
    const formulas = audit.blocks.flatMap((b) => b.values.flat().filter(isFormulaCell)).map((f) => f.formula);
    expect(formulas.some((f) => f.includes("'逆行列係数 L (2)'!$B$4:$N$16"))).toBe(true);
    expect(formulas.some((f) => f.includes("'逆行列係数 L'!"))).toBe(false);
    expect(formulas.some((f) => f.includes("'集計 (2)'!"))).toBe(true);
    const f2 = join(dir, "renamed.xlsx");
    await writeXlsx(renamed, f2);
    const cells = await readStoredCells(await convertWithLibreOffice(f2, "xlsx", { outDir: join(dir, "renamed") }));
    const mine = cells.filter((c) => c.sheet === audit.name);
    const bools = mine.filter((c) => c.value?.kind === "bool");
    expect(bools.length).toBe(4 * 13 + 12 + 1 + 1);
    expect(bools.every((c) => c.value!.value === true)).toBe(true);
  }, 120_000);
});
