// The closed (Type II, households endogenous) model's figures for a run: its sector indicators
// and, with a shock, its effect. Computed here, in the engine, so the report's Type II sheet
// only formats them.

import type { Bilingual } from "../errors";
import { impactTypeII, type ModelImpact } from "./impact";
import { indicators, type SectorIndicators, type TypeIIIndicators } from "./indicators";
import type { IOModel } from "./iomodel";

/** What the Type II sheet shows, computed from the model (and the shock, if any). */
export interface TypeIIFigures {
  /** The closed model's sector indicators; null when the table has no household column. */
  indicators: TypeIIIndicators | null;
  /** Why indicators is null. */
  note: Bilingual | null;
  /** The closed model's effect of the shock; null without a shock or without indicators. */
  impact: ModelImpact | null;
}

/** The Type II figures of a model; pass the run's indicators if they were computed with Type II
 * already, so the closed model is not built twice. */
export function typeIIFigures(model: IOModel, shock?: number[] | null, computed?: SectorIndicators): TypeIIFigures {
  const ind = computed?.typeII ? computed : indicators(model, { typeII: true });
  if (!ind.typeII) return { indicators: null, note: ind.typeIINote, impact: null };
  return { indicators: ind.typeII, note: null, impact: shock ? impactTypeII(model, shock) : null };
}

