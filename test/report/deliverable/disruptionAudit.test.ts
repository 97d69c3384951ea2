// The disruption workbook's audit sheet in LibreOffice: the static inoperability loss recomputed
// with MMULT(MINVERSE(I − A*), c*) from A*, x, c* and the months written on the sheet,
// and the dynamic total as the SUM of the losses by period, each equal to its cached value
// (1e-9 relative) with every check TRUE and no error values; doubling the months doubles the
// static loss.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDisruptionSpec } from "../../../src/engine/disruption/spec";
import { analyzeDisruption } from "../../../src/engine/disruption/analyze";
import { a1 } from "../../../src/engine/grid";
import { AUDIT_SHEET_KEY, disruptionDeliverable } from "../../../src/report/deliverable";
import { DISRUPTION_AUDIT } from "../../../src/report/deliverable/labels";
import { isFormulaCell, type WorkbookSpec } from "../../../src/report/spec";
import { writeXlsx } from "../../../src/workbook/xlsx";
import { convertWithLibreOffice, sofficePath } from "../../workbook/xlsx/libreoffice";
import { exampleJson, sampleModel, sampleTable } from "../disruptionFixture";
import { expectFormulasRecomputed } from "./recomputed";
import { readStoredCells, setNumber, type StoredCell } from "./xlsxCells";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));
const result = analyzeDisruption(sampleModel(), parseDisruptionSpec(exampleJson()));
const spec = disruptionDeliverable({ result, table: sampleTable(), lang: "ja", inputs: [], version: "9.9.9", now: new Date("2026-04-01T00:00:00Z") });
const audit = (s: WorkbookSpec) => s.sheets.find((x) => x.key === AUDIT_SHEET_KEY)!;

function addressOf(first: string, col: number): string {
  for (const b of audit(spec).blocks)
    for (let r = 0; r < b.values.length; r++) if (b.values[r][0] === first) return a1(b.row + r, b.col + col);
  throw new Error(`no row ${first}`);
}

async function recalc(buf: Buffer, dir: string, name: string): Promise<StoredCell[]> {
  const file = join(dir, name);
  writeFileSync(file, buf);
  return readStoredCells(await convertWithLibreOffice(file, "xlsx", { outDir: join(dir, `recalc-${name}`) }));
}

let dir: string;
let original: Buffer;
let cells: StoredCell[];

beforeAll(async () => {
  sofficePath();
  dir = mkdtempSync(join(tmpdir(), "ripple-disruption-audit-"));
  await writeXlsx(spec, join(dir, "d.xlsx"));
  original = readFileSync(join(dir, "d.xlsx"));
  cells = await recalc(original, dir, "d-copy.xlsx");
}, 180_000);

describe("disruption audit sheet", () => {
  it("writes A*, the MINVERSE array formula and checks for every sector, the totals and the dynamic total", () => {
    const formulas = audit(spec).blocks.flatMap((b) => b.values.flat().filter(isFormulaCell));
    const q = formulas.filter((x) => x.formula.startsWith("MMULT(MINVERSE((ROW("));
    expect(q).toHaveLength(1);
    expect(q[0].array).toEqual({ rows: result.sectors.length, cols: 1 });
    const checks = formulas.filter((x) => x.formula.endsWith("<1E-9"));
    expect(checks).toHaveLength(result.sectors.length + 2);
    expect(checks.every((c) => c.value === true)).toBe(true);
    expect(formulas.some((x) => /^SUM\('.+'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+\)$/.test(x.formula))).toBe(true);
  });

  it("recomputes in LibreOffice to the cached values, every check TRUE, no error values", () => {
    expect(expectFormulasRecomputed(audit(spec), cells)).toBeGreaterThan(2 * result.sectors.length);
  });

  it("doubles the static loss when the reviewer doubles the months of the cut", async () => {
    const name = audit(spec).name;
    const months = addressOf(DISRUPTION_AUDIT.months.ja, 1);
    const total = addressOf(DISRUPTION_AUDIT.total.ja, 4);
    const changed = await recalc(await setNumber(original, name, months, 2 * result.spec.months), dir, "changed.xlsx");
    const v = changed.find((c) => c.sheet === name && c.address === total)!.value!;
    expect(v.kind).toBe("number");
    expect(result.static.totalLossOverCut).toBeGreaterThan(0);
    expect(rel(v.value as number, 2 * result.static.totalLossOverCut)).toBeLessThan(1e-9);
  }, 180_000);
});
