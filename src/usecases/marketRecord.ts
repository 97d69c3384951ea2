// The run record of a market run (需給モデル / `ripple analyze --market`), as runRecord.ts keeps
// one for projects runs: the input grids as read, the table's layout as confirmed, the options as
// checked, and the headline figures (the KPI and, with plans, their economic-security value), so
// `ripple compare` can recompute two market runs and attribute their difference (compare.ts).

import type { Headlines } from "../report/compareModel";
import type { MarketJob, MarketJobInput, MarketOptions } from "./market";

/** A market job's input without what is not data (the built table, the clock, the version). */
export type MarketRecordInput = Omit<MarketJobInput, "now" | "version" | "table"> & {
  table: Omit<NonNullable<MarketJobInput["table"]>, "built"> | null;
};

/** The figures a 課長 reads on the market summary, full precision: the KPI year's capacity ÷
 * demand with its two terms, and with plans their economic-security value. */
export function marketHeadlinesOf(job: MarketJob): Headlines {
  const k = job.analysis.kpi;
  const h: Headlines = { kpiRatio: k.value, kpiCapacity: k.capacity, kpiDemand: k.demand };
  const sec = job.security?.run.result;
  if (sec) {
    h.pvAvoidedValueAdded = sec.pvExpectedAvoided.valueAdded;
    h.securityBenefitCost = sec.benefitCostRatio;
  }
  return h;
}

/** The input and options to record: the Monte Carlo seed as drawn (a run without --seed draws
 * one), so the recomputation draws the same numbers. */
export function marketRecordParts(input: MarketJobInput, options: MarketOptions, job: MarketJob): { input: MarketRecordInput; options: MarketOptions } {
  const { now: _now, version: _version, table, ...rest } = input;
  const recordTable = table ? (({ built: _built, ...t }) => t)(table) : null;
  const seed = job.analysis.monteCarlo ? String(job.analysis.monteCarlo.seed) : options.seed;
  return { input: { ...rest, table: recordTable }, options: { ...options, ...(seed !== undefined ? { seed } : {}) } };
}
