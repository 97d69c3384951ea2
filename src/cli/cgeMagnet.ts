// `ripple cge BOOK.xlsx --magnet`: the workbook's grids, the package's market defaults and the
// supported plans' evaluation (through the same pipeline as --projects) handed to the runner's
// magnet-scenario inputs (src/usecases/cgeMagnet.ts).

import type { Lang } from "../engine/errors";
import type { BuiltinScenario, SamFlows } from "../engine/cge";
import type { GridFile } from "../workbook/xlsx";
import { PROJECT_SHEETS } from "../report/projectLabels";
import type { CgeInput } from "../usecases/cge";
import { magnetBuiltins } from "../usecases/cgeMagnet";
import type { CliIO } from "./io";
import { readMarketDefaults } from "./marketDefaults";
import { projectsOnFile } from "./projects";

export async function magnetScenariosOnFile(file: GridFile, typed: string, input: CgeInput, flows: SamFlows, lang: Lang, io: CliIO): Promise<BuiltinScenario[]> {
  const projectSheet = file.sheets.find((g) => g.sheet === PROJECT_SHEETS.projects.ja || g.sheet === PROJECT_SHEETS.projects.en);
  const plans = projectSheet ? { evaluation: (await projectsOnFile(file, { input: typed, projects: projectSheet.sheet, lang }, io)).evaluation, sheet: projectSheet.sheet } : null;
  return magnetBuiltins({ sheets: file.sheets, file: typed, defaults: readMarketDefaults()?.parameters, plans }, input, flows);
}
