// The results workbook of one ripple-effect analysis, as a host-independent WorkbookSpec:
// 集計 (summary), 投入係数 A, 輸入係数 m (competitive tables), 逆行列係数 L, 乗数・影響力 and
// 方法・出典. A pure function of the engine's result: no I/O, no clock unless `now` is omitted.

import type { ProvenanceSpec, SheetSpec, WorkbookSpec } from "./spec";
import { analysisContext, type AnalysisReportInput } from "./analysis/context";
import { summarySheet } from "./analysis/summarySheet";
import { coefficientSheets, multipliersSheet } from "./analysis/coefficientSheets";
import { typeIISheet, methodSheet } from "./analysis/methodSheet";

export { NUMBER_FORMATS, type AnalysisReportInput, type ReportInput, type ReportParameter, type ResolvedModelOptions } from "./analysis/context";

export function buildAnalysisReport(input: AnalysisReportInput): WorkbookSpec {
  const ctx = analysisContext(input);
  const sheets: SheetSpec[] = [];
  summarySheet(ctx, sheets);
  coefficientSheets(ctx, sheets);
  multipliersSheet(ctx, sheets);
  typeIISheet(ctx, sheets);
  methodSheet(ctx, sheets);
  const { lang, createdAt, warnings, parameters, variants } = ctx;
  const provenance: ProvenanceSpec = {
    software: "Ripple",
    version: input.version,
    createdAt,
    inputs: input.inputs.map((i) => ({ ...i })),
    parameters,
    variants,
    warnings,
  };
  return { lang, sheets, provenance };
}
