// The demo run (bundled sample: Japan 2011, 13 sectors, the sample shock) as a results spec, for
// the deliverable tests: the same steps as `ripple demo`, without the CLI.
import { resolve } from "node:path";
import { IOModel, analyzeDetailed } from "../../../src/engine/model";
import { buildTable, parseShockGrid, recognizeLayout, shockFromPairs } from "../../../src/engine/table";
import { buildAnalysisReport } from "../../../src/report/analysisReport";
import { checksum } from "../../../src/report/checksum";
import type { WorkbookSpec } from "../../../src/report/spec";
import { readGridFile } from "../../../src/workbook/xlsx";
import type { Lang } from "../../../src/engine/errors";
import type { Impact } from "../../../src/engine/model/result";
import type { TableLayout } from "../../../src/engine/table/types";

export const SAMPLE = resolve(__dirname, "../../../assets/ripple-sample.xlsx");

export interface DemoRun {
  spec: WorkbookSpec;
  model: IOModel;
  shock: number[];
  impact: Impact;
  layout: TableLayout;
}

export async function demoRun(lang: Lang = "ja"): Promise<DemoRun> {
  const file = await readGridFile(SAMPLE);
  const grid = file.sheets.find((g) => g.sheet === "取引基本表")!;
  const layout = recognizeLayout(grid, {});
  const table = buildTable(grid, layout);
  const shockGrid = file.sheets.find((g) => g.sheet === "ショック")!;
  const shock = shockFromPairs(table, parseShockGrid(shockGrid));
  const model = IOModel.build(table, {});
  const detail = analyzeDetailed(model, shock, { lang });
  const spec = buildAnalysisReport({
    result: detail.result,
    table,
    options: {
      importType: detail.result.importType,
      importTypeSource: "detected",
      importTypeReason: layout.importTypeReason,
      parameters: [],
    },
    shock,
    lang,
    inputs: [{ description: "ripple-sample.xlsx", sheet: grid.sheet, range: layout.sectorBlock, checksum: checksum(grid) }],
    version: "test",
    now: new Date("2025-01-01T00:00:00Z"),
  });
  return { spec, model, shock, impact: detail.result.impact!, layout };
}
