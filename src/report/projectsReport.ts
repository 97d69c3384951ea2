// The results workbook of a policy evaluation of supported plans (MODELS.md 6), as a
// host-independent WorkbookSpec: 政策評価サマリー first (totals, induced value added per yen of subsidy, KPIs, method), then 年度別,
// 計画別, KPI, 部門別, the coefficient sheets of the basic analysis (A, m, L, multipliers) and
// 方法・出典. The add-in and the command line write exactly this. Pure: no I/O, no clock unless
// `now` is omitted.

import { P } from "./projectLabels";
import type { ProvenanceSpec, SheetSpec, WorkbookSpec } from "./spec";
import { projectsContext, type ProjectsReportInput } from "./projects/context";
import { summarySheet } from "./projects/summarySheet";
import { byYearSheet } from "./projects/byYearSheet";
import { byProjectSheet, kpiSheet, bySectorSheet, coefficientSheets } from "./projects/detailSheets";
import { methodSheet } from "./projects/methodSheet";

export { yearLabel } from "./labels";
export { sourcedText, type ProjectsReportInput } from "./projects/context";

export function buildProjectsReport(input: ProjectsReportInput): WorkbookSpec {
  const ctx = projectsContext(input);
  const sheets: SheetSpec[] = [];
  summarySheet(ctx, sheets);
  byYearSheet(ctx, sheets);
  byProjectSheet(ctx, sheets);
  kpiSheet(ctx, sheets);
  bySectorSheet(ctx, sheets);
  coefficientSheets(ctx, sheets);
  methodSheet(ctx, sheets);
  const { lang, tr, rateText, createdAt, parameters } = ctx;
  const provenance: ProvenanceSpec = {
    software: "Ripple",
    version: input.version,
    createdAt,
    inputs: input.inputs.map((i) => ({ ...i })),
    parameters,
    variants: [
      `${tr(P.discountRate)} ${rateText}`,
      tr({ ja: "稼働期 = 国内生産の増加（最終需要の変化ではない）", en: "operation phase = production increase (not a final-demand change)" }),
    ],
    warnings: input.warnings,
  };
  return { lang, sheets, provenance };
}
