// Supply-disruption and price models (MODELS.md 5): Ghosh supply-side model, inoperability IO
// model (static and dynamic), hypothetical extraction and the cost-push price model, with the
// bilingual method notes the report layer prints next to their results.

import type { MethodNote } from "./common";
import { EXTRACTION_NOTE } from "./extraction";
import { GHOSH_NOTE } from "./ghosh";
import { INOPERABILITY_NOTE } from "./inoperability";
import { PRICE_NOTE } from "./prices";

export type { LeontiefModel, MethodNote } from "./common";
export { GHOSH_LABEL, GHOSH_NOTE, GhoshModel, type GhoshFlows, type GhoshOptions, type GhoshSupplyEffect } from "./ghosh";
export {
  DEFAULT_RECOVERY_RESIDUAL,
  INOPERABILITY_LABEL,
  INOPERABILITY_NOTE,
  dynamicInoperability,
  inoperabilityFromMatrix,
  inoperabilityFromModel,
  interdependencyMatrix,
  perturbationFromShortfall,
  perturbationRows,
  resilienceFromRecovery,
  staticInoperability,
  type DynamicInoperability,
  type DynamicParams,
  type InoperabilitySystem,
  type PerturbationSchedule,
  type PerturbationSpell,
  type ShortfallInput,
  type StaticInoperability,
} from "./inoperability";
export {
  EXTRACTION_LABELS,
  EXTRACTION_NOTE,
  HypotheticalExtraction,
  type ExtractionKind,
  type ExtractionRanking,
  type ExtractionRankingEntry,
  type ForwardMethod,
  type SectorExtraction,
} from "./extraction";
export { PRICE_LABEL, PRICE_NOTE, costPushPrices, valueAddedShock, type PriceResult, type PriceShock } from "./prices";

/** Method notes by model, for the report layer. */
export const DISRUPTION_METHOD_NOTES: Record<"ghosh" | "inoperability" | "extraction" | "prices", MethodNote> = {
  ghosh: GHOSH_NOTE,
  inoperability: INOPERABILITY_NOTE,
  extraction: EXTRACTION_NOTE,
  prices: PRICE_NOTE,
};
export * from "./spec";
export * from "./analyze";
