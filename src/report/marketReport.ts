// The results workbook of a demand-share (magnet market) analysis: KPI check first, then demand by
// application, capacity against demand with the KPI line, shares by scenario, the scenario
// comparison with ripple effects, Monte Carlo fan chart, tornado, parameters with their sources
// and the method notes. A pure function of the analysis (no I/O; no clock unless `now` is omitted).

import { warningText } from "../engine/errors";
import { SHEET_PARAMETERS } from "../engine/market/sheet";
import { M } from "./marketLabels";
import type { ProvenanceSpec, SheetSpec, WorkbookSpec } from "./spec";
import { marketContext, type MarketReportInput } from "./market/context";
import { kpiSheet } from "./market/kpiSheet";
import { demandSheet, capacitySheet, sharesSheet } from "./market/demandSheets";
import { scenarioSheet } from "./market/scenarioSheet";
import { monteCarloSheet, tornadoSheet } from "./market/uncertaintySheets";
import { parametersSheet, methodSheet } from "./market/notesSheets";

export { MARKET_FORMATS, type MarketReportInput } from "./market/context";

export function buildMarketReport(input: MarketReportInput): WorkbookSpec {
  const ctx = marketContext(input);
  const sheets: SheetSpec[] = [];
  kpiSheet(ctx, sheets);
  demandSheet(ctx, sheets);
  capacitySheet(ctx, sheets);
  sharesSheet(ctx, sheets);
  scenarioSheet(ctx, sheets);
  monteCarloSheet(ctx, sheets);
  tornadoSheet(ctx, sheets);
  parametersSheet(ctx, sheets);
  methodSheet(ctx, sheets);
  const { a, lang, tr, p, unitEffect, paren } = ctx;
  const provenance: ProvenanceSpec = {
    software: "Ripple",
    version: input.version,
    createdAt: (input.now ?? new Date()).toISOString(),
    inputs: input.inputs.map((x) => ({ ...x })),
    // Each parameter with its source: the default's text, grade and file (with the sheet cell
    // it was read from), or "entered by the user" with that cell.
    parameters: SHEET_PARAMETERS.map((q) => {
      const src = a.sheets.sources[q.key];
      const name = `${q.label[lang]} [${q.key}]`;
      if (!src) return { name, value: p[q.key], source: "" };
      const at = `${src.sheet}!${src.cell}`;
      if (src.user) return { name, value: p[q.key], source: `${tr(M.userEntered)}${paren(at)}`, user: true };
      return { name, value: p[q.key], source: src.text, grade: src.grade || undefined, file: input.defaultsFile ? `${input.defaultsFile} → ${at}` : at };
    }),
    variants: [
      ...a.runs.map((r) => `${tr(M.scenario)} ${r.scenario.name}: ${r.scenario.label[lang]}`),
      ...(a.monteCarlo ? [`${tr(M.mcTitle)}: ${tr(M.draws)} ${a.monteCarlo.draws}, ${tr(M.seed)} ${a.monteCarlo.seed}`] : []),
      ...(unitEffect ? [`${tr(M.ioLink)}: ${tr(M.magnetSector)} ${unitEffect.sectorLabel}${input.tableName ? paren(input.tableName) : ""}`] : [tr(M.noModel)]),
    ],
    warnings: a.warnings.map((w) => warningText(w, lang)),
  };
  return { lang, sheets, provenance };
}
