// The compute jobs the pane runs in its worker, by name: each takes data read from the workbook
// (grids, the confirmed table, the user's options) and returns results and the workbook spec to
// write. None of them touches Excel (Excel's API exists only on the pane's thread).

import { computeCge } from "../cgeFlow";
import { computeDisruption } from "../disruptionFlow";
import { computeMarket } from "../marketFlow";
import { computeProjects } from "../projectsFlow";
import { computeAnalysis } from "../runAnalysis";
import type { RunControl } from "../progress";

export const JOBS = {
  analysis: computeAnalysis,
  projects: computeProjects,
  market: computeMarket,
  disruption: computeDisruption,
  cge: computeCge,
} satisfies Record<string, (input: never, control: RunControl) => Promise<unknown>>;

export type JobName = keyof typeof JOBS;
