// Shared fixtures of the demand-share tests: the defaults file, the template sheets as grids (what
// a host would read back after writing them), the Japan 2011 table and two supported plans.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { CellValue, Grid } from "../../../src/engine/grid";
import { defaultScenarios } from "../../../src/engine/market/defaults";
import { marketTemplate } from "../../../src/report/marketTemplate";
import { IOModel } from "../../../src/engine/model";
import { parseParameters } from "../../../src/engine/params/defaults";
import type { Project } from "../../../src/engine/projects/parse";
import { buildTable, parseCsv, recognizeLayout } from "../../../src/engine/table";
import type { SheetSpec } from "../../../src/report/spec";

export const repoRoot = resolve(__dirname, "../../..");
export const defaultsText = readFileSync(resolve(repoRoot, "assets/data/magnet-market/defaults.csv"), "utf8");
export const params = parseParameters(defaultsText);
export const jaTableCsv = resolve(repoRoot, "../shared/data/jp-io-2011-13/io2011_13sector_ja.csv");

/** A sheet spec's cells as a grid starting at A1 (formulas as their cached values). */
export function specToGrid(s: SheetSpec): Grid {
  const values: CellValue[][] = [];
  for (const b of s.blocks)
    b.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const line = (values[b.row + r] ??= []);
        line[b.col + c] = v !== null && typeof v === "object" ? ((v.value as CellValue) ?? null) : v;
      }),
    );
  let width = 0;
  for (let r = 0; r < values.length; r++) width = Math.max(width, values[r]?.length ?? 0);
  for (let r = 0; r < values.length; r++) {
    values[r] ??= [];
    for (let c = 0; c < width; c++) if (values[r][c] === undefined) values[r][c] = null;
  }
  return { sheet: s.name, origin: { row: 0, col: 0 }, values };
}

export function templateGrids(lang: "ja" | "en" = "ja"): { params: Grid; scenarios: Grid; drivers: Grid; specs: SheetSpec[] } {
  const specs = marketTemplate(params, defaultScenarios(params), lang);
  return { params: specToGrid(specs[0]), scenarios: specToGrid(specs[1]), drivers: specToGrid(specs[2]), specs };
}

/** Row index of the parameter with this key on the parameter grid. */
export function keyRow(g: Grid, key: string): number {
  const r = g.values.findIndex((row) => row[0] === key);
  if (r < 0) throw new Error(`no row ${key}`);
  return r;
}

export function japanModel(): IOModel {
  const g = parseCsv(readFileSync(jaTableCsv, "utf8"), "io2011_13sector_ja.csv");
  return IOModel.build(buildTable(g, recognizeLayout(g)));
}

export function plan(id: string, capacity: number, startYear: number, rampYears = 2, extra: Partial<Project> = {}): Project {
  return {
    row: 1,
    address: "A2",
    id,
    company: `${id} 社`,
    confidential: false,
    magnetType: "ndfeb-sintered",
    capex: new Map(),
    subsidyRate: null,
    subsidy: 0,
    capacity,
    startYear,
    rampYears,
    utilization: 0.8,
    unitValue: 9000,
    treatment: "import-substitution",
    displacement: 0,
    sector: 2,
    converter: "conv",
    status: null,
    ...extra,
  };
}

export const PLANS = [plan("P-01", 3000, 2027), plan("P-02", 2000, 2028)];
