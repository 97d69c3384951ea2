// The sample's 2011 13-sector table (the repo's own copy of the MIC CSV) and its model, and the
// example magnet-cut spec, for the disruption tests.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { IOModel } from "../../src/engine/model";
import { buildTable, parseCsv, recognizeLayout } from "../../src/engine/table";
import type { IOTable } from "../../src/engine/table/types";

export const repoRoot = resolve(__dirname, "../..");
export const examplePath = join(repoRoot, "assets/examples/disruption-magnet-cut.json");
export const samplePath = join(repoRoot, "assets/ripple-sample.xlsx");

export function sampleTable(): IOTable {
  const grid = parseCsv(readFileSync(join(repoRoot, "assets/data/jp-io-2011-13/io2011_13sector_ja.csv"), "utf8"), "取引基本表");
  return buildTable(grid, recognizeLayout(grid, {}));
}

export function sampleModel(): IOModel {
  return IOModel.build(sampleTable());
}

export function exampleJson(): any {
  return JSON.parse(readFileSync(examplePath, "utf8"));
}
