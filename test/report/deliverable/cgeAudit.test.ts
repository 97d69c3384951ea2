// The CGE workbook: its audit sheet recomputes the benchmark (Z0, D0, Q0, α, UU0) and every
// account's balance from the SAM sheet with Excel formulas; in LibreOffice every formula equals its
// cached value (1e-9 relative), every check is TRUE, no error values. The results sheet shows the
// IO cost-push result beside the CGE one with the reasons they differ.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readSam, runCge, samFlows } from "../../../src/engine/cge";
import { AUDIT_SHEET_KEY } from "../../../src/report/deliverable";
import { cgeWorkbook } from "../../../src/report/cgeReport";
import { isFormulaCell } from "../../../src/report/spec";
import { writeXlsx } from "../../../src/workbook/xlsx";
import { convertWithLibreOffice, sofficePath } from "../../workbook/xlsx/libreoffice";
import { samGrid, THREE_GOODS } from "../../engine/cge/samFixture";
import { expectFormulasRecomputed } from "./recomputed";
import { readStoredCells, type StoredCell } from "./xlsxCells";

const sam = readSam(samGrid(THREE_GOODS));
const run = runCge(samFlows(sam), { name: "mfg premium", importPrice: { MFG: 1.5 } });
const spec = cgeWorkbook({ run, sam, lang: "en", inputs: [], version: "9.9.9", now: new Date("2026-04-01T00:00:00Z") });
const audit = spec.sheets.find((x) => x.key === AUDIT_SHEET_KEY)!;

let cells: StoredCell[];
/** The audit sheet's pages as LibreOffice prints them without recalculating (its default for .xlsx). */
let printed: string[];
beforeAll(async () => {
  sofficePath();
  const dir = mkdtempSync(join(tmpdir(), "ripple-cge-audit-"));
  await writeXlsx(spec, join(dir, "c.xlsx"));
  const [recalc, pdf] = await Promise.all([
    convertWithLibreOffice(join(dir, "c.xlsx"), "xlsx", { outDir: join(dir, "recalc") }),
    convertWithLibreOffice(join(dir, "c.xlsx"), "pdf", { outDir: join(dir, "pdf"), recalc: false }),
  ]);
  cells = await readStoredCells(recalc);
  printed = execFileSync("/usr/bin/pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" })
    .split("\f")
    .filter((p) => p.trimStart().split("\n").slice(0, 2).join(" ").includes(audit.name)); // the sheet's name heads its pages
}, 180_000);

describe("CGE workbook", () => {
  it("has an audit sheet with a check per good and per account, all TRUE as cached", () => {
    expect(audit).toBeDefined();
    const formulas = audit.blocks.flatMap((b) => b.values.flat().filter(isFormulaCell));
    const checks = formulas.filter((x) => x.formula.endsWith("<1E-9"));
    expect(checks.length).toBeGreaterThanOrEqual(3 * 3 + 1 + sam.labels.length);
    expect(checks.every((c) => c.value === true)).toBe(true);
  });

  it("recomputes in LibreOffice to the cached values, every check TRUE, no error values", () => {
    expect(expectFormulasRecomputed(audit, cells)).toBeGreaterThan(15);
  });

  it("prints every check TRUE without recalculation (LibreOffice showed a cached TRUE as 1)", () => {
    const checks = audit.blocks.flatMap((b) => b.values.flat().filter(isFormulaCell)).filter((x) => typeof x.value === "boolean");
    expect(checks.length).toBeGreaterThan(10);
    expect(printed.length).toBeGreaterThanOrEqual(1);
    const words = printed.join("\n").split(/\s+/);
    expect(words.filter((w) => w === "TRUE").length).toBeGreaterThanOrEqual(checks.length);
    // no line prints a bare 1 (the checks' columns hold only TRUE/FALSE; the figures have decimals)
    expect(printed.join("\n").split("\n").filter((l) => /(^|\s)1(\s|$)/.test(l))).toEqual([]);
  });

  it("shows the IO cost-push result beside the CGE result, with the reasons", () => {
    const results = spec.sheets.find((s) => s.key === "cge-results")!;
    const text = results.blocks.flatMap((b) => b.values.flat()).filter((v) => typeof v === "string").join("\n");
    expect(text).toMatch(/IO: cost-push price model change/);
    expect(text).toMatch(/Why they differ/);
    // The IO price rise of MFG (no substitution, full pass-through) exceeds the CGE one.
    const i = run.calibration.goods.indexOf("MFG");
    expect(run.io!.io[i]).toBeGreaterThan(run.io!.cge[i]);
    expect(run.io!.io[i]).toBeGreaterThan(0);
  });
});
