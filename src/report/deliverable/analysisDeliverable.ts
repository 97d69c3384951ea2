// The deliverable of a basic analysis: the report with the confirmed mapping on its method sheet
// and, when a shock was given, the audit sheet recomputing the ripple effect from the written L.

import type { IOModel } from "../../engine/model/iomodel";
import type { Impact } from "../../engine/model/result";
import type { TableLayout } from "../../engine/table/types";
import type { WorkbookSpec } from "../spec";
import { analysisAudit } from "./analysisAudit";
import { makeDeliverables } from "./deliverables";
import { mappingFromLayout } from "./methodSheet";

export interface AnalysisRunParts {
  model: IOModel;
  /** The shock and the engine's impact of it; without them there is nothing to audit. */
  shock?: number[] | null;
  impact?: Impact | null;
  layout?: TableLayout | null;
}

export function analysisDeliverable(spec: WorkbookSpec, run: AnalysisRunParts): WorkbookSpec {
  const withMapping = run.layout ? { ...spec, provenance: { ...spec.provenance, mapping: mappingFromLayout(run.layout) } } : spec;
  const { shock, impact } = run;
  return makeDeliverables(withMapping, {
    audit: shock && impact ? (s) => ({ ripple: analysisAudit(s, run.model, shock, impact, s.lang) }) : undefined,
  }).full;
}
