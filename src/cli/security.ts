// The economic-security evaluation (RESILIENCE.md) on the command line: `ripple demo` runs it on
// the sample's market sheets (磁石パラメータ, 磁石シナリオ) beside the plans, and `analyze --projects
// … --market …` on the user's. The demand-share model is the same run as `--market` (same sheets,
// same defaults file, same magnet sector rule), so the KPI is one number.

import { type MarketAnalysis, runMarketOnSheets } from "../engine/market/run";
import { isMarketParamGrid, isMarketScenarioGrid, readMarketSheets } from "../engine/market/sheet";
import { runSecurity } from "../engine/security";
import { securityParametersOf } from "./securityParams";
import type { Evaluation } from "../engine/projects/evaluate";
import type { Project } from "../engine/projects/parse";
import type { ProjectsPipelineResult } from "../report/projectsPipeline";
import type { SecurityContext } from "./projects";
import type { GridFile } from "../workbook/xlsx";
import { inFile } from "./analyze";
import { chooseMagnetSector, readMarketDefaults } from "./market";

const PROBE_DRAWS = 200;

/** The market model on the workbook's parameter and scenario sheets (found by their layout) and
 * the security evaluation against the plans, with how to redo it for other plans; null when the
 * workbook has no market sheets. */
export function securityOnFile(file: GridFile, input: string, projects: ProjectsPipelineResult): (SecurityContext & { market: MarketAnalysis }) | null {
  const paramsGrid = file.sheets.find(isMarketParamGrid);
  const scenarioGrid = file.sheets.find((g) => g !== paramsGrid && isMarketScenarioGrid(g));
  if (!paramsGrid || !scenarioGrid) return null;
  return inFile(input, () => {
    const sheets = readMarketSheets(paramsGrid, scenarioGrid, readMarketDefaults());
    const parameters = securityParametersOf(file, input);
    const sector = chooseMagnetSector(projects.table, undefined);
    const marketOf = (plans: Project[]) => runMarketOnSheets(sheets, { projects: plans, model: projects.model, magnetSector: sector.index });
    const market = marketOf(projects.projects);
    const again = (plans: Project[], evaluation: Evaluation) =>
      // The probes only need to see which figures move with a plan: fewer draws, same seed.
      runSecurity({ market: marketOf(plans), evaluation, model: projects.model, parameters, draws: PROBE_DRAWS });
    return { market, run: runSecurity({ market, evaluation: projects.evaluation, model: projects.model, parameters }), again };
  });
}
