// Test fixtures for the disruption models: the shared oracle tables (read from ../shared, never an
// absolute path) and independent dense linear algebra with ml-matrix for cross-checks.

import { readFileSync } from "node:fs";
import path from "node:path";
import { inverse, Matrix } from "ml-matrix";
import { type IOTable, makeTable } from "../../../src/engine/table/types";

const ORACLES = path.resolve(__dirname, "../../../../shared/oracles");

export function oracleJson(caseName: string): any {
  return JSON.parse(readFileSync(path.join(ORACLES, caseName, "expected.json"), "utf8"));
}

/** Parse a simple CSV with quoted fields (the oracle files). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const cells: string[] = [];
    let cur = "";
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === "," && !quoted) {
        cells.push(cur);
        cur = "";
      } else cur += ch;
    }
    cells.push(cur);
    rows.push(cells);
  }
  return rows;
}

/**
 * Eurostat Manual (2008) ch. 15, Beutel's Germany 1995 6×6 SIOT (Table 15.4) as transcribed in
 * rOpenGov/iotables (see ../shared/oracles/eurostat-beutel-germany-1995/SOURCE.md). Domestic-use
 * table: imports are the row P7. x = row P1 (column output), xRow = total_output_row.
 */
export function beutelTable(): IOTable {
  const rows = parseCsv(
    readFileSync(path.join(ORACLES, "eurostat-beutel-germany-1995", "siot_table_15_4.csv"), "utf8"),
  );
  const header = rows[0];
  const col = (name: string) => header.indexOf(name);
  const byCode = new Map(rows.slice(1).map((r) => [r[0], r]));
  const sectorsCols = [
    "agriculture_group",
    "industry_group",
    "construction",
    "trade_group",
    "business_services_group",
    "other_services_group",
  ];
  const codes = ["CPA_A", "CPA_B-E", "CPA_F", "CPA_G-I", "CPA_J-N", "CPA_O-T"];
  const num = (r: string[], c: string) => Number(r[col(c)]);
  const Z = codes.map((code) => sectorsCols.map((c) => num(byCode.get(code)!, c)));
  const rowOf = (code: string) => sectorsCols.map((c) => num(byCode.get(code)!, c));
  const fd = (c: string, role: any) => ({ role, label: c, values: codes.map((code) => num(byCode.get(code)!, c)) });
  return makeTable({
    sectors: sectorsCols,
    Z,
    x: rowOf("P1"),
    xRow: codes.map((code) => num(byCode.get(code)!, "total_output_row")),
    finalDemand: [
      fd("final_consumption_households", "fd:household"),
      fd("final_consumption_government", "fd:government"),
      fd("gross_capital_formation", "fd:investment"),
      fd("inventory_change", "fd:inventory"),
      fd("exports", "export"),
    ],
    primaryInputs: [
      { role: "import", label: "P7", values: rowOf("P7") },
      { role: "tax-products", label: "D21X31", values: rowOf("D21X31") },
      { role: "va:compensation", label: "D1", values: rowOf("D1") },
      { role: "va:tax-production", label: "D29X39", values: rowOf("D29X39") },
      { role: "va:depreciation", label: "K1", values: rowOf("K1") },
      { role: "va:surplus", label: "B2A3N", values: rowOf("B2A3N") },
    ],
    importType: "domestic",
    unit: "million EUR",
  });
}

/** Miller & Blair (2009) ch. 2 two-sector table (../shared/oracles/miller-blair-2009-ch2-two-sector),
 * with value added x − 1'Z as one row so the columns balance. */
export function millerBlairTable(): IOTable {
  const o = oracleJson("miller-blair-2009-ch2-two-sector").published;
  const va = [0, 1].map((j) => o.x[j] - o.Z[0][j] - o.Z[1][j]);
  return makeTable({
    sectors: ["sec1", "sec2"],
    Z: o.Z,
    x: o.x,
    finalDemand: [{ role: "fd:other", values: o.f }],
    primaryInputs: [{ role: "va:other", values: va }],
    importType: "domestic",
  });
}

export const toMatrix = (a: number[][]) => new Matrix(a);

/** (I − M)⁻¹ by ml-matrix (independent of the engine's LU). */
export function inverseIminus(M: number[][]): number[][] {
  const n = M.length;
  return inverse(Matrix.eye(n).sub(new Matrix(M))).to2DArray();
}

export function matmul(A: number[][], B: number[][]): number[][] {
  return new Matrix(A).mmul(new Matrix(B)).to2DArray();
}

export function mulVec(A: number[][], v: number[]): number[] {
  return A.map((row) => row.reduce((s, a, j) => s + a * v[j], 0));
}

export function vecMul(v: number[], A: number[][]): number[] {
  return A[0].map((_, j) => A.reduce((s, row, i) => s + v[i] * row[j], 0));
}

export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number, what = ""): void {
  if (actual.length !== expected.length) throw new Error(`${what}: length ${actual.length} vs ${expected.length}`);
  for (let i = 0; i < expected.length; i++)
    if (!(Math.abs(actual[i] - expected[i]) <= tol))
      throw new Error(`${what}[${i}]: ${actual[i]} vs expected ${expected[i]} (tol ${tol})`);
}

export function expectMatrixClose(actual: number[][], expected: number[][], tol: number, what = ""): void {
  if (actual.length !== expected.length) throw new Error(`${what}: ${actual.length} rows vs ${expected.length}`);
  actual.forEach((row, i) => expectClose(row, expected[i], tol, `${what}[${i}]`));
}
