// The economic-security evaluation (RESILIENCE.md) of supported plans: the demand-share model run
// with and without the plans on the workbook's market sheets, the shortfall in each disruption
// scenario rippled through the IO model. One place for every job that gives it (the projects job
// with the workbook's market sheets, the market job with plans), so its numbers are one.

import type { Grid } from "../engine/grid";
import type { MarketAnalysis } from "../engine/market/run";
import { isMarketParamGrid, isMarketScenarioGrid } from "../engine/market/sheet";
import type { IOModel } from "../engine/model/iomodel";
import type { Evaluation } from "../engine/projects/evaluate";
import type { Project } from "../engine/projects/parse";
import { readSecurityParameters, runSecurity, securityDetailJson, securityJson, SECURITY_PARAMETER_SHEET, type SecurityRun } from "../engine/security";
import type { SecurityInput } from "../engine/security/evaluate";
import { securityMonteCarloInput, type SecurityMonteCarlo } from "../engine/security/montecarlo";
import { securityBuildOf } from "../engine/security/run";
import type { Lang } from "../engine/errors";
import type { WorkbookSpec } from "../report/spec";
import { securityPlanIds, withSecurity } from "../report/securityReport";

/** The probes of the public version only need to see which figures move with a plan: fewer
 * draws, same seed. */
const PROBE_DRAWS = 200;

/** A security evaluation and how to redo it for other plans (the public version's probes). */
export interface SecurityContext {
  run: SecurityRun;
  again: (plans: Project[], evaluation: Evaluation) => SecurityRun;
}

/** The user's economic-security parameters: the sheet 経済安全保障パラメータ / Security parameters
 * of the input workbook (a copy of the results workbook's sheet, edited), when there is one. */
export function securityParametersOf(sheets: readonly Grid[]): Record<string, number> | undefined {
  const sheet = sheets.find(
    (g) => g.sheet.trim() === SECURITY_PARAMETER_SHEET.ja || g.sheet.trim().toLowerCase() === SECURITY_PARAMETER_SHEET.en.toLowerCase(),
  );
  return sheet ? readSecurityParameters(sheet) : undefined;
}

/** The market sheets of a workbook found by their layout (parameters, then scenarios), or null. */
export function findMarketSheets(sheets: readonly Grid[]): { params: Grid; scenarios: Grid } | null {
  const params = sheets.find(isMarketParamGrid);
  const scenarios = sheets.find((g) => g !== params && isMarketScenarioGrid(g));
  return params && scenarios ? { params, scenarios } : null;
}

/** A host that can run the security Monte Carlo on another thread (the command line: a helper
 * thread, so it runs beside the market's Monte Carlo on a second core). The result must be
 * securityMonteCarlo's for the same arguments; the host stops the work when `signal` aborts. */
export interface SecurityOffload {
  securityMonteCarlo(input: SecurityInput, parameters: Record<string, number>, opts: { draws: number; seed?: string }, signal?: AbortSignal): Promise<SecurityMonteCarlo | null>;
}

/** Starts the security Monte Carlo of the plans on the host's other thread for the market run
 * about to draw (engine/market/run.ts beforeMonteCarlo); null when it must run here (the dynamic
 * loss path needs the model). The caller awaits the promise after the market's Monte Carlo. */
export function startSecurityMonteCarlo(
  offload: SecurityOffload,
  args: { market: Pick<MarketAnalysis, "inputs" | "sheets">; evaluation: Evaluation; model: IOModel; parameters: Record<string, number> | undefined; draws: number; seed?: string; signal?: AbortSignal },
): Promise<SecurityMonteCarlo | null> | null {
  const build = securityBuildOf(args);
  const input = securityMonteCarloInput(build.input, build.parameters);
  return input ? offload.securityMonteCarlo(input, build.parameters, { draws: args.draws, seed: args.seed }, args.signal) : null;
}

/** The evaluation on a market run with the plans, and how to redo it for other plans. */
export function securityContext(args: {
  market: MarketAnalysis;
  marketOf: (plans: Project[]) => MarketAnalysis;
  evaluation: Evaluation;
  model: IOModel;
  parameters: Record<string, number> | undefined;
  draws?: number;
  seed?: string;
  /** The Monte Carlo, when it ran on another thread (startSecurityMonteCarlo). */
  monteCarlo?: SecurityMonteCarlo | null;
}): SecurityContext {
  const { model, parameters } = args;
  return {
    run: runSecurity({ market: args.market, evaluation: args.evaluation, model, parameters, draws: args.draws, seed: args.seed, monteCarlo: args.monteCarlo }),
    again: (plans, evaluation) => runSecurity({ market: args.marketOf(plans), evaluation, model, parameters, draws: PROBE_DRAWS }),
  };
}

/** The security sheets added to a results workbook of the plans. */
export function specWithSecurity(spec: WorkbookSpec, run: SecurityRun, plans: Project[], unit: string | null, lang: Lang): WorkbookSpec {
  return withSecurity(spec, { run, unit, lang, planIds: securityPlanIds(plans) });
}

/** The JSON blocks `security` and `securityDetail` (RESILIENCE.md 6). */
export function securityJsonBlocks(run: SecurityRun | null, lang: Lang): object {
  return run ? { security: securityJson(run), securityDetail: securityDetailJson(run, lang) } : {};
}
