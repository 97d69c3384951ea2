// What a comparison of two runs (projects runs, or market runs) holds (built by usecases/compare.ts, laid out by compareReport.ts).

import type { Bilingual } from "../engine/errors";

export type HeadlineKey =
  | "output"
  | "valueAdded"
  | "compensation"
  | "employment"
  | "capex"
  | "subsidy"
  | "pvValueAdded"
  | "pvSubsidy"
  | "valueAddedPerSubsidy"
  | "multiple"
  | "pvAvoidedValueAdded"
  | "securityBenefitCost"
  // market runs (需給モデル): the KPI year's domestic capacity ÷ domestic demand and its terms
  | "kpiRatio"
  | "kpiCapacity"
  | "kpiDemand";

export type Headlines = Partial<Record<HeadlineKey, number | null>>;

/** The input groups in the order their effects are taken (the attribution's stated order). */
export const GROUPS = ["table", "parameters", "plans", "market"] as const;
export type Group = (typeof GROUPS)[number];

export interface InputChange {
  role: "table" | "split" | "params" | "projects" | "converters" | "marketParams" | "marketScenarios";
  group: Group;
  old: { sheet: string; checksum: string } | null;
  new: { sheet: string; checksum: string } | null;
  changed: boolean;
}

export interface ParameterChange {
  key: string;
  name: Bilingual;
  group: Group;
  /** Where it is set: a command-line option / pane field, or a sheet cell. */
  where: Bilingual;
  old: number | string | null;
  new: number | string | null;
}

export interface PlanChange {
  id: string;
  change: "added" | "removed" | "changed";
  fields: { field: string; old: string | number | null; new: string | number | null }[];
}

export interface HeadlineRow {
  key: HeadlineKey;
  old: number | null;
  new: number | null;
  change: number | null;
  /** Change ÷ |old|; null when old is 0 or either is missing. */
  changeRatio: number | null;
}

export interface AttributionStep {
  /** The groups applied at this step: one, or more when the first could not be computed with
   * the other inputs still OLD's (why: `merged`). */
  groups: Group[];
  effects: Headlines;
  merged?: Bilingual;
}

export interface CompareResult {
  /** What the two runs are: evaluations of plans, or market (需給モデル) runs. */
  kind: "projects" | "market";
  old: { file: string; version: string; createdAt: string };
  new: { file: string; version: string; createdAt: string };
  unit: string | null;
  headlines: HeadlineRow[];
  inputs: InputChange[];
  parameters: ParameterChange[];
  plans: PlanChange[];
  steps: AttributionStep[];
}
