// Reading the demand-share model's input sheets back: the parameter and scenario sheets together
// (their problems reported in one list), and recognising them in a workbook.

import { RippleError, RippleErrorList } from "../errors";
import type { Grid } from "../grid";
import type { Parameter } from "../params/defaults";
import type { Scenario } from "./model";
import type { UncertainParameter } from "./montecarlo";
import { type ParameterSource, readParams } from "./paramSheetReader";
import { readScenarios } from "./scenarioSheetReader";
import { PARAM_COLUMNS, SCENARIO_COLUMNS } from "./sheetLayout";
import { findHeader } from "./sheetRows";

export interface MarketSheets {
  params: Record<string, number>;
  uncertain: UncertainParameter[];
  scenarios: Scenario[];
  sources: Record<string, ParameterSource>;
  /** Scenario name -> the sources written on its rows. */
  scenarioSources: Record<string, string>;
}

/**
 * Read the parameter and scenario sheets back. Every bad cell is reported at once
 * (RippleErrorList): unknown key, non-numeric value, low > high, unknown distribution, scenario
 * with an unknown origin, cut outside 0–1, … `defaults` (optional) lets the reader mark values
 * that differ from the defaults as entered by the user.
 */
export function readMarketSheets(paramGrid: Grid, scenarioGrid: Grid, defaults?: Parameter[]): MarketSheets {
  let paramsPart: ReturnType<typeof readParams> | null = null;
  let scenPart: ReturnType<typeof readScenarios> | null = null;
  const problems: RippleError[] = [];
  const collect = (e: unknown) => {
    if (e instanceof RippleErrorList) problems.push(...e.problems);
    else if (e instanceof RippleError) problems.push(e);
    else throw e;
  };
  try {
    paramsPart = readParams(paramGrid, defaults);
  } catch (e) {
    collect(e);
  }
  try {
    scenPart = readScenarios(scenarioGrid);
  } catch (e) {
    collect(e);
  }
  if (problems.length || !paramsPart || !scenPart) throw new RippleErrorList("market-sheets-invalid", problems);
  for (const s of scenPart.scenarios)
    for (const k of s.shocks)
      if (k.startYear > paramsPart.params.lastYear)
        throw new RippleError("market-scenarios-after-horizon", { ja: `シナリオ ${s.name} の開始年 ${k.startYear} が分析期間（〜${paramsPart.params.lastYear}年）の後です`, en: `scenario ${s.name} starts in ${k.startYear}, after the last model year ${paramsPart.params.lastYear}` }, { sheet: scenarioGrid.sheet });
  return { ...paramsPart, scenarios: scenPart.scenarios, scenarioSources: scenPart.sources };
}

/** Whether a grid looks like a parameter or scenario sheet (for finding them in a workbook). */
export function isMarketParamGrid(grid: Grid): boolean {
  return findHeader(grid, PARAM_COLUMNS, ["key", "value", "distribution"]) !== null;
}
export function isMarketScenarioGrid(grid: Grid): boolean {
  return findHeader(grid, SCENARIO_COLUMNS, ["name", "origin", "cut", "months"]) !== null;
}
