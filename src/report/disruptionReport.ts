// The results workbook of one supply-disruption run (engine/disruption/spec.ts) as a
// host-independent WorkbookSpec: summary, loss by sector, inoperability over time, price increase
// (with a price shock), extraction ranking (when asked), supply-side Ghosh (when asked), method.
// A pure function of the engine's result: no I/O, no clock unless `now` is omitted.

import { DISRUPTION_METHOD_NOTES, GHOSH_LABEL } from "../engine/disruption";
import { D } from "./disruptionLabels";
import type { ProvenanceSpec, SheetSpec, WorkbookSpec } from "./spec";
import { disruptionContext, type DisruptionReportInput } from "./disruption/context";
import { summarySheet, lossSheet, inoperabilitySheet } from "./disruption/summarySheets";
import { pricesSheet, extractionSheet, ghoshSheet } from "./disruption/optionalSheets";
import { methodSheet } from "./disruption/methodSheet";

export { DISRUPTION_FORMATS, TOP_SECTORS_CHARTED, type DisruptionReportInput } from "./disruption/context";

export function buildDisruptionReport(input: DisruptionReportInput): WorkbookSpec {
  const ctx = disruptionContext(input);
  const sheets: SheetSpec[] = [];
  summarySheet(ctx, sheets);
  lossSheet(ctx, sheets);
  inoperabilitySheet(ctx, sheets);
  pricesSheet(ctx, sheets);
  extractionSheet(ctx, sheets);
  ghoshSheet(ctx, sheets);
  methodSheet(ctx, sheets);
  const { result, lang, tr, warnings, inoNote, user, parameters, createdAt } = ctx;
  const provenance: ProvenanceSpec = {
    software: "Ripple",
    version: input.version,
    createdAt,
    inputs: input.inputs.map((i) => ({ ...i })),
    // "entered by the user" as a flag, so the method sheet says so in one column.
    parameters: parameters.map(({ name, value, source }) => (source === user ? { name, value, source, user: true } : { name, value, source })),
    variants: [
      `${tr(inoNote.title)}: ${inoNote.formula}`,
      tr(D.cutConversion),
      ...(result.ghosh ? [`${tr(GHOSH_LABEL)}: ${DISRUPTION_METHOD_NOTES.ghosh.formula}`] : []),
    ],
    warnings,
  };
  return { lang, sheets, provenance };
}
