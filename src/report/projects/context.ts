// Shared context of the projectsReport sheets: the analysis, the language and the helpers every sheet uses.

import type { Bilingual, Lang } from "../../engine/errors";
import { a1 } from "../../engine/grid";
import type { IOModel } from "../../engine/model/iomodel";
import type { AnalysisResult } from "../../engine/model/result";
import type { Parameter } from "../../engine/params/defaults";
import type { Converter } from "../../engine/projects/parse";
import type { Evaluation, Kpi, SourcedValue, Totals } from "../../engine/projects/evaluate";
import type { SplitDefinition } from "../../engine/projects/splitSheet";
import type { IOTable } from "../../engine/table/types";
import { NUMBER_FORMATS, type ReportInput, type ResolvedModelOptions } from "../analysisReport";
import { MEASURES, unitLabel, withUnit, yearLabel } from "../labels";
import { P } from "../projectLabels";
import { SheetBuilder } from "../sheetBuilder";
import type { FormulaCell, ProvenanceSpec } from "../spec";

export interface ProjectsReportInput {
  evaluation: Evaluation;
  model: IOModel;
  /** The table the model was built on (after any split). */
  table: IOTable;
  /** Coefficients, inverse and multipliers of that table (no shock). */
  analysis: AnalysisResult;
  modelOptions: ResolvedModelOptions;
  converters: Map<string, Converter>;
  splits: SplitDefinition[];
  /** The parameter sheet's rows (null when none was given) and the keys "block/name" used. */
  parameters: Parameter[] | null;
  usedParameters: Set<string>;
  /** Whether the period and base year were the user's or the defaults. */
  periodSource: "default" | "user";
  baseYearSource: "default" | "user";
  inputs: ReportInput[];
  tableName?: string;
  /** Warnings of the run (in the report's language). */
  warnings: string[];
  lang: Lang;
  version: string;
  now?: Date;
}

export const F = {
  money: NUMBER_FORMATS.money,
  persons: NUMBER_FORMATS.persons,
  ratio: "0.000",
  percent: "0.0%",
  multiple: '0.00"×"',
  tonnes: "#,##0",
  factor: "0.0000",
} as const;

/** Parameters shown as percentages wherever they appear (the discount rate: 4.0%, not 0.04). */
export const PERCENT_PARAMETERS = new Set(["evaluation/discount rate"]);

export const sumF = (col: number, first: number, last: number, value: number): FormulaCell => ({
  formula: `SUM(${a1(first, col)}:${a1(last, col)})`,
  value,
});

export function kpiResult(k: Kpi, lang: Lang): string {
  return (k.pass === null ? P.notEvaluable : k.pass ? P.pass : P.fail)[lang];
}

export function addKpiTable(s: SheetBuilder, kpis: Kpi[], lang: Lang, o: { brief?: boolean } = {}): void {
  const tr = (b: Bilingual) => b[lang];
  if (kpis.length === 0) {
    s.add([[tr(P.noKpi)]], "note");
    return;
  }
  s.add([[tr(P.kpi), tr(P.target), tr(P.value), tr(P.result)]], "header");
  for (const k of kpis) {
    // Shares read as percentages (the market sheets show the same KPI as 88.7%); the recycling
    // KPI is a multiple of the 2020 capacity (target 2×).
    const f = k.key === "recycling-ratio" ? F.multiple : F.percent;
    s.add([[tr(k.label), k.target, k.value ?? "—", kpiResult(k, lang)]], "body", [null, f, f, null]);
    if (o.brief) continue;
    // The calculation and the sources on their own lines, so both can be read in full.
    s.add([[null, `${tr(P.why)}: ${tr(k.explanation)}`], [null, `${tr(P.sources)}: ${k.sources.map(tr).join(" / ")}`]], "note");
  }
}

/** The KPI inputs' sources as one line each (for the JSON and the CLI summary). */
export function sourcedText(v: SourcedValue, lang: Lang): string {
  return `${v.value} (${v.source[lang]})`;
}

export function projectsContext(input: ProjectsReportInput) {
  const { evaluation: ev, lang, table, model } = input;
  const tr = (b: Bilingual) => b[lang];
  const unit = unitLabel(table.unit, lang);
  const persons = lang === "ja" ? "人・年" : "person-years";
  const jobs = ev.cumulative.total.employment !== null;
  const money = (b: Bilingual) => withUnit(b, unit, lang);
  const years = ev.years;
  const first = years[0];
  const last = years[years.length - 1];
  const periodText = `${yearLabel(first, lang)} – ${yearLabel(last, lang)}`;
  const rateText = `${(ev.discountRate.value * 100).toFixed(1).replace(/\.0$/, "")}%`;
  const tableName = input.tableName ?? table.layout?.title ?? input.inputs[0]?.description ?? tr(P.table);
  const converterNames = [...input.converters.values()]
    .map((c) => `${c.name}: ${[...c.shares].map(([i, s]) => `${table.sectors[i].label} ${(s * 100).toFixed(0)}%`).join(lang === "ja" ? "・" : ", ")}`)
    .join("; ");
  const splitNames = input.splits.length ? input.splits.map((s) => (lang === "ja" ? `${s.label}（${s.parentLabel}）` : `${s.label} (${s.parentLabel})`)).join(lang === "ja" ? "、" : ", ") : null;
  const createdAt = (input.now ?? new Date()).toISOString();
  const parameters: ProvenanceSpec["parameters"] = [];
  const addParam = (name: string, value: string | number, source: string) => parameters.push({ name, value, source });

  const totalsRow = (t: Totals): number[] => [t.output, t.valueAdded, t.compensation, ...(jobs ? [t.employment ?? 0] : [])];
  const measureHeads = [
    money(MEASURES.output),
    money(MEASURES.valueAdded),
    money(MEASURES.compensation),
    ...(jobs ? [withUnit(MEASURES.employment, persons, lang)] : []),
  ];
  const measureFormats = [F.money, F.money, F.money, ...(jobs ? [F.persons] : [])];
  return { input, ev, lang, table, model, tr, unit, persons, jobs, money, years, first, last, periodText, rateText, tableName, converterNames, splitNames, createdAt, parameters, addParam, totalsRow, measureHeads, measureFormats };
}

export type ProjectsContext = ReturnType<typeof projectsContext>;
