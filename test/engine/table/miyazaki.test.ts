// A real prefectural workbook as published (../shared/data/real-tables/miyazaki-pref/SOURCE.md):
// every sheet of CHECKS.tsv reads without a mapping, with every sector, and the engine's Leontief
// inverse equals one computed here, independently, from the cells of the sheet: the test finds
// the lines by their printed labels, forms A, m and [I − (I − M̂)A] itself and solves it by
// Gauss–Jordan elimination with partial pivoting (not the engine's LU).

import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Grid } from "../../../src/engine/grid";
import { analyze } from "../../../src/engine/model";
import { readTable } from "../../../src/engine/table";
import { blockingChecks, tableChecks } from "../../../src/engine/table/balance";
import { readXlsx } from "../../../src/workbook/xlsx";
import { sharedPath } from "./fixtures";

const CHECKS = readFileSync(sharedPath("data/real-tables/CHECKS.tsv"), "utf8")
  .split(/\r?\n/)
  .filter((l) => l.trim() !== "")
  .map((l) => {
    const [file, sheet, n] = l.split("\t");
    return { file, sheet, n: Number(n) };
  });

// The single-block sheets; the two-block 15部門 is read by the layout joiner (see its own test).
const ONE_BLOCK = CHECKS.filter((c) => c.sheet !== "15部門");

/** The test's own label comparison: no whitespace, full width folded. */
const bare = (v: unknown) => (typeof v === "string" ? v.normalize("NFKC").replace(/\s+/g, "") : "");

function find(values: unknown[], label: string): number {
  const i = values.findIndex((v) => bare(v) === label);
  if (i < 0) throw new Error(`label ${label} not found`);
  return i;
}

/** L = [I − (I − M̂)A]⁻¹ straight from the sheet's cells, for a one-block MIC-style sheet. */
function independentL(g: Grid, n: number): { L: number[][]; x: number[]; m: number[]; final: number[]; rowIdentity: number } {
  const v = g.values;
  const num = (r: number, c: number) => (typeof v[r][c] === "number" ? (v[r][c] as number) : 0);
  const nameRow = 2; // codes in row 2, names in row 3 of the sheet
  const firstRow = 3; // first sector row (names in column B)
  const outRow = find(v.map((r) => r[1]), "県内生産額");
  const outCol = find(v[nameRow], "県内生産額");
  const impCol = find(v[nameRow], "(控除)移輸入");
  const expCol = find(v[nameRow], "移輸出");
  const fdFirst = find(v[nameRow], "家計外消費支出(列)");
  const fdLast = find(v[nameRow], "調整項");
  const rows = Array.from({ length: n }, (_, i) => firstRow + i);
  const cols = Array.from({ length: n }, (_, j) => 2 + j);
  const x = cols.map((c) => num(outRow, c));
  const A = rows.map((r) => cols.map((c, j) => num(r, c) / x[j]));
  const m = rows.map((r) => {
    let d = 0;
    for (const c of cols) d += num(r, c);
    for (let c = fdFirst; c <= fdLast; c++) d += num(r, c);
    return -num(r, impCol) / d;
  });
  // (I − M̂)f_d + e: the final demand met by the region's own output.
  const final = rows.map((r, i) => {
    let f = 0;
    for (let c = fdFirst; c <= fdLast; c++) f += num(r, c);
    return (1 - m[i]) * f + num(r, expCol);
  });
  // Row identity of the published table: Σ_j Z_ij + f_i + e_i + imports_i = x_i (largest gap).
  let rowIdentity = 0;
  rows.forEach((r, i) => {
    let s = num(r, expCol) + num(r, impCol);
    for (const c of cols) s += num(r, c);
    for (let c = fdFirst; c <= fdLast; c++) s += num(r, c);
    rowIdentity = Math.max(rowIdentity, Math.abs(s - num(r, outCol)) / num(r, outCol));
  });
  // Gauss–Jordan on [B | I], B = I − (I − M̂)A.
  const aug = A.map((row, i) => [
    ...row.map((a, j) => (i === j ? 1 : 0) - (1 - m[i]) * a),
    ...row.map((_, j) => (i === j ? 1 : 0)),
  ]);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(aug[i][k]) > Math.abs(aug[p][k])) p = i;
    [aug[k], aug[p]] = [aug[p], aug[k]];
    const piv = aug[k][k];
    for (let j = 0; j < 2 * n; j++) aug[k][j] /= piv;
    for (let i = 0; i < n; i++) {
      if (i === k || aug[i][k] === 0) continue;
      const f = aug[i][k];
      for (let j = 0; j < 2 * n; j++) aug[i][j] -= f * aug[k][j];
    }
  }
  return { L: aug.map((row) => row.slice(n)), x, m, final, rowIdentity };
}

describe("宮崎県 producer-price tables (real published workbook)", () => {
  const sheets = new Map<string, Grid>();
  beforeAll(async () => {
    for (const c of CHECKS) {
      const book = await readXlsx(sharedPath(`data/real-tables/${c.file}`));
      for (const g of book.sheets) sheets.set(`${c.file}|${g.sheet}`, g);
    }
  });

  it("CHECKS.tsv names the three sheets, one of them with a trailing space", () => {
    expect(CHECKS.map((c) => c.sheet)).toEqual(["15部門", "37部門", "54部門 "]);
  });

  for (const c of ONE_BLOCK) {
    it(`${c.sheet.trim()}: every sector and every final-demand column read without a mapping`, () => {
      const g = sheets.get(`${c.file}|${c.sheet}`)!;
      const t = readTable(g);
      expect(t.sectors.length).toBe(c.n);
      expect(t.importType).toBe("competitive");
      expect(t.warnings.map((w) => w.code)).toEqual([]);
      // Labels with line breaks are final demand: 家計外\n消費支出（列）, 民間消費\n支出.
      const roles = t.finalDemand.map((v) => v.role);
      expect(roles).toContain("fd:household-outside");
      expect(roles).toContain("fd:household");
      expect(roles.filter((r) => r === "import")).toHaveLength(1);
      expect(roles.filter((r) => r === "export")).toHaveLength(1);
      // Balanced exactly (SOURCE.md); 鉱業's small negative inputs (scrap credits) are noted, not refused.
      const checks = tableChecks(t);
      expect(blockingChecks(checks)).toEqual([]);
      expect(checks.every((c) => !c.skipped)).toBe(true);
      const negatives = checks.find((c) => c.id === "negative-input")!.notes;
      expect(negatives.length).toBe(c.n === 37 ? 1 : 2);
      expect(negatives.every((f) => f.label.startsWith("鉱業") && f.value > -1e-3)).toBe(true);
    });

    it(`${c.sheet.trim()}: L equals the independent inverse to 1e-9, and the table's identity holds`, () => {
      const g = sheets.get(`${c.file}|${c.sheet}`)!;
      const ind = independentL(g, c.n);
      expect(ind.rowIdentity).toBeLessThan(1e-9);
      const res = analyze(readTable(g));
      expect(res.sectors).toHaveLength(c.n);
      let worst = 0;
      for (let i = 0; i < c.n; i++) for (let j = 0; j < c.n; j++) worst = Math.max(worst, Math.abs(res.L[i][j] - ind.L[i][j]));
      expect(worst).toBeLessThan(1e-9);
      res.importCoefficients!.forEach((m, i) => expect(Math.abs(m - ind.m[i])).toBeLessThan(1e-12));
      // x = L[(I − M̂)f_d + e]: the engine's L gives back the published output.
      for (let i = 0; i < c.n; i++) {
        const xi = res.L[i].reduce((s, l, j) => s + l * ind.final[j], 0);
        expect(Math.abs(xi - ind.x[i]) / ind.x[i]).toBeLessThan(1e-9);
      }
    });
  }
});
