// The deliverable of a supply-disruption run: the report with the complete 方法・出典 sheet
// (inputs with checksums, the confirmed table mapping, parameters with their sources or
// "entered by the user", variants, warnings, version and date) and the deliverable checks. The
// command line and the task pane both call disruptionDeliverable, so they write the same
// workbook. No public version: the run holds no per-company data.

import type { TableLayout } from "../../engine/table/types";
import { buildDisruptionReport, type DisruptionReportInput } from "../disruptionReport";
import type { WorkbookSpec } from "../spec";
import { makeDeliverables } from "./deliverables";
import { disruptionAudit } from "./disruptionAudit";
import { mappingFromLayout } from "./methodSheet";

export interface DisruptionDeliverableInput extends DisruptionReportInput {
  /** The confirmed layout of the table, for the mapping on the method sheet; default: the
   * table's own layout. */
  layout?: TableLayout | null;
}

export function disruptionDeliverable(input: DisruptionDeliverableInput): WorkbookSpec {
  const report = buildDisruptionReport(input);
  const layout = input.layout ?? input.table.layout ?? null;
  const spec = layout ? { ...report, provenance: { ...report.provenance, mapping: mappingFromLayout(layout) } } : report;
  return makeDeliverables(spec, { audit: (s) => disruptionAudit(s, input.result, s.lang) }).full;
}
