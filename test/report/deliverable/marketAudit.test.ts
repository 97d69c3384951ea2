// The market workbook's audit sheet in LibreOffice: after a forced recalculation every formula
// equals the value it caches (1e-9 relative), every check is TRUE, nothing is an error value;
// a reviewer who raises the existing capacity sees the KPI follow; and the public version's
// audit leaves out what its results sheets suppress and still passes the confidential grep.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { a1 } from "../../../src/engine/grid";
import { runMarketAnalysis } from "../../../src/engine/market/run";
import type { Project } from "../../../src/engine/projects/parse";
import { AUDIT_SHEET_KEY, confidentialLeaks, marketDeliverables } from "../../../src/report/deliverable";
import { MARKET_AUDIT } from "../../../src/report/deliverable/labels";
import { isFormulaCell, type WorkbookSpec } from "../../../src/report/spec";
import { writeXlsx } from "../../../src/workbook/xlsx";
import { japanModel, params, plan, templateGrids } from "../../engine/market/marketFixtures";
import { convertWithLibreOffice, sofficePath } from "../../workbook/xlsx/libreoffice";
import { readStoredCells, setNumber, type StoredCell } from "./xlsxCells";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));
const g = templateGrids();
const model = japanModel();
const now = new Date("2026-04-01T00:00:00Z");

function market(projects: Project[]) {
  const analysis = runMarketAnalysis({ paramsGrid: g.params, scenariosGrid: g.scenarios, defaults: params, projects, model, magnetSector: 2, draws: 50, seed: 3 });
  const d = marketDeliverables({ analysis, lang: "ja", version: "9.9.9", now, inputs: [], tableName: "fixture", layout: model.table.layout });
  return { analysis, ...d };
}

const auditSheet = (s: WorkbookSpec) => s.sheets.find((x) => x.key === AUDIT_SHEET_KEY)!;

/** Every number or formula on the audit sheet, by A1 address, with what it caches. */
function expected(s: WorkbookSpec): Map<string, number | boolean | string | null> {
  const out = new Map<string, number | boolean | string | null>();
  for (const b of auditSheet(s).blocks)
    b.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (isFormulaCell(v)) out.set(a1(b.row + r, b.col + c), v.value ?? null);
      }),
    );
  return out;
}

async function recalc(buf: Buffer, dir: string, name: string): Promise<StoredCell[]> {
  const file = join(dir, name);
  writeFileSync(file, buf);
  return readStoredCells(await convertWithLibreOffice(file, "xlsx", { outDir: join(dir, `recalc-${name}`) }));
}

/** The audit sheet's cell whose row starts with a label / a year, at a column. */
function addressOf(s: WorkbookSpec, first: string | number, col: number): string {
  for (const b of auditSheet(s).blocks)
    for (let r = 0; r < b.values.length; r++) if (b.values[r][0] === first) return a1(b.row + r, b.col + col);
  throw new Error(`no row ${first}`);
}

const open = plan("P-01", 3000, 2027);
const secret = plan("P-02", 2000, 2028, 2, { company: "秘密磁石株式会社", confidential: true });
let run: ReturnType<typeof market>;
let dir: string;
let original: Buffer;
let cells: StoredCell[];

beforeAll(async () => {
  sofficePath();
  run = market([open, secret]);
  dir = mkdtempSync(join(tmpdir(), "ripple-market-audit-"));
  await writeXlsx(run.full, join(dir, "full.xlsx"));
  original = readFileSync(join(dir, "full.xlsx"));
  cells = await recalc(original, dir, "full-copy.xlsx");
}, 180_000);

describe("market audit sheet", () => {
  it("recomputes capacity, demand, KPI, verdict and the scenario effects in LibreOffice", () => {
    const name = auditSheet(run.full).name;
    const got = new Map(cells.filter((c) => c.sheet === name).map((c) => [c.address, c]));
    expect(cells.filter((c) => c.sheet === name && c.value?.kind === "error")).toEqual([]);
    let numbers = 0;
    let checks = 0;
    for (const [address, value] of expected(run.full)) {
      const cell = got.get(address)!;
      expect(cell, address).toBeDefined();
      if (typeof value === "number") {
        expect(cell.value?.kind, address).toBe("number");
        expect(rel(cell.value!.value as number, value), address).toBeLessThan(1e-9);
        numbers++;
      } else if (typeof value === "boolean") {
        expect(cell.value, address).toEqual({ kind: "bool", value });
        if (value) checks++;
      } else expect(cell.value, address).toEqual({ kind: "string", value });
    }
    const ny = run.analysis.years.length;
    // Per year: supported, capacity, demand, KPI; plus the effects of the scenarios.
    expect(numbers).toBeGreaterThan(4 * ny);
    // Per year 3 checks (+ pass), the KPI year 3, the overall check, and the effects.
    expect(checks).toBeGreaterThan(3 * ny + 3);
    const formulas = auditSheet(run.full).blocks.flatMap((b) => b.values.flat().filter(isFormulaCell));
    expect(formulas.filter((f) => f.formula.includes("<1E-9")).every((f) => f.value === true)).toBe(true);
    // Effects: output change (百万円) × the effect of one 百万円, for each scenario with effects.
    expect(formulas.some((f) => /^\$B\$\d+\*\$[B-Z]\$\d+$/.test(f.formula))).toBe(true);
  });

  it("moves the KPI when the reviewer changes the existing capacity", async () => {
    const a = run.analysis;
    const existing = addressOf(run.full, MARKET_AUDIT.existing.ja, 1);
    const k = a.years.indexOf(a.kpi.year);
    const kpiAt = addressOf(run.full, a.kpi.year, 4);
    const name = auditSheet(run.full).name;
    const changed = await recalc(await setNumber(original, name, existing, a.inputs.baseCapacity + 1000), dir, "changed.xlsx");
    const kpi = changed.find((c) => c.sheet === name && c.address === kpiAt)!.value!;
    const y = a.runs[0].result.years[k];
    expect(kpi.kind).toBe("number");
    expect(rel(kpi.value as number, (y.capacity + 1000) / y.demand)).toBeLessThan(1e-9);
    expect(rel(kpi.value as number, a.kpi.value)).toBeGreaterThan(1e-6);
  }, 180_000);

  it("public version: leaves out suppressed years with the reason and still passes the confidential grep", () => {
    const pub = run.public!;
    const text = auditSheet(pub).blocks.flatMap((b) => b.values.flat());
    expect(text).toContain(MARKET_AUDIT.suppressed.ja);
    expect(confidentialLeaks(pub, run.confidential!)).toEqual([]);
    // No formula of the public audit refers to a cell the public results sheets show as "—".
    for (const f of text.filter(isFormulaCell)) expect(f.value).not.toBe("—");
  });
});
