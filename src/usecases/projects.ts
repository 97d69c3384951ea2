// The projects job (支援計画 / `--projects` / `ripple demo`): the whole policy evaluation of
// supported plans, from sheet grids to the results workbook description: table (+ sector split) → model → converters, projects, parameters → evaluation →
// report. Pure (no I/O): the command line reads files into grids and writes the spec with the
// xlsx host; the task pane reads sheets into grids and writes the spec with the Office gateway.
// Every problem of the input sheets (projects, converters, split, parameters) is reported in
// ONE RippleErrorList, and nothing is computed from a half-valid sheet.

import { type Bilingual, type Lang, RippleError, RippleErrorList, warningText } from "../engine/errors";
import { gridRange, type Grid } from "../engine/grid";
import { analyze } from "../engine/model/analyze";
import { IOModel } from "../engine/model/iomodel";
import type { ModelOptions } from "../engine/model/options";
import type { AnalysisResult } from "../engine/model/result";
import { defaultKpiInputs, findParam, type Parameter, parseParameterGrid, sourced } from "../engine/params/defaults";
import {
  DEFAULT_DISCOUNT_RATE,
  type Evaluation,
  evaluateProjects,
  type KpiInputs,
  type SourcedValue,
} from "../engine/projects/evaluate";
import { type Converter, type Project, parseProjects, readConverters } from "../engine/projects/parse";
import { readSplits, type SplitDefinition } from "../engine/projects/splitSheet";
import { buildTable, recognizeLayout } from "../engine/table";
import { balancedTable } from "./table";
import type { IOTable, TableLayout, TableMapping } from "../engine/table/types";
import type { ReportInput } from "../report/analysisReport";
import { recordModelOptions } from "../report/modelOptionsRecord";
import { checksum } from "../report/checksum";
import { buildProjectsReport } from "../report/projectsReport";
import type { WorkbookSpec } from "../report/spec";

export interface ProjectsOptions {
  /** Evaluation period (default: first capex year to the latest start + ramp-up + 4). */
  firstYear?: number;
  lastYear?: number;
  /** Year present values are discounted to (default: the first year). */
  baseYear?: number;
  /** Discount rate with its source (default: the parameter sheet's evaluation/discount rate,
   * else 4% MLIT). */
  discountRate?: SourcedValue;
  /** KPI year (default 2030). */
  kpiYear?: number;
  /** Domestic NdFeB demand (t) in the KPI year from elsewhere, e.g. the demand-share model
   * (runMarketAnalysis), with its source; replaces the parameter-based projection. */
  domesticDemand?: SourcedValue & { byYear?: { year: number; value: number }[] };
}

export interface ProjectsPipelineInput {
  tableGrid: Grid;
  projectGrid: Grid;
  converterGrid: Grid;
  /** Parameter sheet (defaults.csv layout); without it the KPIs are not evaluated. */
  paramsGrid?: Grid | null;
  /** Sector split sheet (new sectors split from a parent, MODELS.md 7). */
  splitGrid?: Grid | null;
  /** The table's layout as recognised once by the caller (with the user's corrections); without
   * it the grid is recognised here with `mapping`. */
  layout?: TableLayout;
  /** Role corrections for the table (TABLES.md mapping). */
  mapping?: TableMapping;
  /** The model options the user set (usecases/options.ts userOptions): the engine fills the
   * same defaults the method sheet names. */
  modelOptions?: ModelOptions;
  options?: ProjectsOptions;
  lang: Lang;
  version: string;
  now?: Date;
  /** Description of the input workbook in the method sheet (e.g. its file name). */
  inputDescription?: string;
  /** Run on a table that does not add up (engine/table/balance.ts); refused otherwise. */
  allowImbalance?: boolean;
}

export interface ProjectsPipelineResult {
  /** The table as read and the one the model uses (after the split; the same when none). */
  baseTable: IOTable;
  table: IOTable;
  layout: TableLayout;
  model: IOModel;
  splits: SplitDefinition[];
  converters: Map<string, Converter>;
  projects: Project[];
  parameters: Parameter[] | null;
  evaluation: Evaluation;
  /** The CLI.md JSON of the (split) table, `impact` = the cumulative effects of all plans. */
  analysis: AnalysisResult;
  spec: WorkbookSpec;
  /** The evaluation and report again with changed plans and every other input as given (the
   * public version's disclosure control probes how each figure depends on each plan). */
  rebuild: (projects: Project[]) => { spec: WorkbookSpec; evaluation: Evaluation };
}

const problemsOf = (e: unknown): RippleError[] => {
  if (e instanceof RippleErrorList) return e.problems;
  if (e instanceof RippleError) return [e];
  throw e;
};

/** The steps of a projects run as they start (the pane's progress label). */
export type ProjectsStage = "read" | "build" | "analyze" | "report";

export interface ProjectsControl {
  stage?: (stage: ProjectsStage) => void;
}

export function runProjectsPipeline(input: ProjectsPipelineInput, control: ProjectsControl = {}): ProjectsPipelineResult {
  const { lang } = input;
  const opts = input.options ?? {};
  const layout = input.layout ?? recognizeLayout(input.tableGrid, input.mapping ? { mapping: input.mapping } : {});
  // Refused here, before anything is computed, when it does not add up (unless allowed).
  const baseTable = balancedTable(undefined, buildTable, input.tableGrid, layout, input.allowImbalance);

  // Every input sheet is read before anything is computed; all their problems go together.
  const problems: RippleError[] = [];
  let table = baseTable;
  let splits: SplitDefinition[] = [];
  let pendingSectors: string[] | undefined;
  if (input.splitGrid) {
    const s = readSplits(input.splitGrid, baseTable);
    problems.push(...s.problems);
    if (s.result) {
      table = s.result.table;
      splits = s.result.definitions;
    } else pendingSectors = s.labels;
  }
  const conv = readConverters(input.converterGrid, table);
  problems.push(...conv.problems);
  let projects: Project[] = [];
  try {
    projects = parseProjects(input.projectGrid, { table, converters: conv.converters, pendingSectors });
  } catch (e) {
    problems.push(...problemsOf(e));
  }
  let parameters: Parameter[] | null = null;
  const paramsGrid = input.paramsGrid ?? null;
  if (paramsGrid) {
    try {
      parameters = parseParameterGrid(paramsGrid);
    } catch (e) {
      problems.push(...problemsOf(e));
    }
  }
  let kpi: KpiInputs | undefined;
  const used = new Set<string>();
  let discountRate: SourcedValue = opts.discountRate ?? DEFAULT_DISCOUNT_RATE;
  if (parameters && paramsGrid) {
    try {
      kpi = defaultKpiInputs(parameters, opts.kpiYear ?? 2030);
      for (const k of [
        "japan/domestic NdFeB demand 2024",
        "japan/domestic demand growth to 2030",
        "japan/domestic NdFeB output 2024 (plants in Japan)",
        "policy/KPI 2030 domestic NdFeB capacity / domestic demand",
        "policy/KPI 2030 recycling capacity vs 2020",
        "japan/recycling capacity 2020",
      ])
        if (parameters.some((p) => `${p.block}/${p.name}` === k)) used.add(k);
    } catch (e) {
      problems.push(...problemsOf(e).map((p) => new RippleError(p.code, p.text, { ...p.where, sheet: paramsGrid.sheet }, p.kind)));
    }
    const rate = findParam(parameters, "evaluation", "discount rate");
    if (rate && !opts.discountRate) {
      if (!(rate.value > -1 && rate.value < 1))
        problems.push(new RippleError("discount-rate", {
          ja: `割引率 ${rate.value} は -1 より大きく 1 より小さい数にしてください（例: 0.04）`,
          en: `The discount rate ${rate.value} must be between -1 and 1 (e.g. 0.04)`,
        }, { sheet: paramsGrid.sheet, cell: rate.cell }));
      discountRate = sourced(parameters, rate);
      used.add("evaluation/discount rate");
    }
  }
  if (problems.length) throw new RippleErrorList("projects-invalid", problems);

  if (kpi && opts.domesticDemand) {
    kpi = { ...kpi, domesticDemand: { value: opts.domesticDemand.value, source: opts.domesticDemand.source }, domesticDemandByYear: opts.domesticDemand.byYear };
  }
  control.stage?.("build");
  const model = IOModel.build(table, input.modelOptions ?? {});
  control.stage?.("analyze");
  const evaluate = (plans: Project[]) =>
    evaluateProjects(model, plans, conv.converters, {
      firstYear: opts.firstYear,
      lastYear: opts.lastYear,
      baseYear: opts.baseYear,
      discountRate,
      kpi,
    });
  const evaluation = evaluate(projects);
  const base = analyze(model, null, { lang });
  const analysis: AnalysisResult = { ...base, impact: evaluation.cumulativeImpact };

  const modelOptions = recordModelOptions(table, layout, input.modelOptions ?? {}, {
    ja: "表の輸入係数から（転換表の上書きを除く）",
    en: "from the table's import coefficients (except the converter's overrides)",
  });
  const grids: [Grid, Bilingual][] = [
    [input.tableGrid, { ja: "産業連関表", en: "input-output table" }],
    ...(input.splitGrid ? [[input.splitGrid, { ja: "部門分割", en: "sector split" }] as [Grid, Bilingual]] : []),
    [input.projectGrid, { ja: "事業計画", en: "projects" }],
    [input.converterGrid, { ja: "投資転換表", en: "capex converters" }],
    ...(input.paramsGrid ? [[input.paramsGrid, { ja: "パラメータ", en: "parameters" }] as [Grid, Bilingual]] : []),
  ];
  const inputs: ReportInput[] = grids.map(([g, what]) => ({
    description: input.inputDescription ? `${input.inputDescription} (${what[lang]})` : what[lang],
    sheet: g.sheet,
    range: gridRange(g),
    checksum: checksum(g),
    ...(g === input.projectGrid && projects.some((p) => p.confidential) ? { confidential: true } : {}),
  }));
  const warnings: string[] = [];
  for (const w of [...model.warnings, ...table.warnings]) {
    const t = warningText(w, lang);
    if (!warnings.includes(t)) warnings.push(t);
  }
  if (!parameters)
    warnings.push(lang === "ja" ? "パラメータシートがないため KPI は評価していません" : "No parameter sheet: the KPIs are not evaluated");
  const report = (evaluation: Evaluation) => buildProjectsReport({
    evaluation,
    model,
    table,
    analysis: base,
    modelOptions,
    converters: conv.converters,
    splits,
    parameters,
    usedParameters: used,
    periodSource: opts.firstYear !== undefined || opts.lastYear !== undefined ? "user" : "default",
    baseYearSource: opts.baseYear !== undefined ? "user" : "default",
    inputs,
    tableName: layout.title ?? undefined,
    warnings,
    lang,
    version: input.version,
    now: input.now,
  });
  const spec = report(evaluation);
  const rebuild = (plans: Project[]) => {
    const ev = evaluate(plans);
    return { spec: report(ev), evaluation: ev };
  };
  return { baseTable, table, layout, model, splits, converters: conv.converters, projects, parameters, evaluation, analysis, spec, rebuild };
}

/** The `projects` block of the JSON result (documented in the README): full precision,
 * texts in the run's language. */
export interface ProjectsJson {
  years: number[];
  baseYear: number;
  discountRate: { value: number; source: string };
  byYear: {
    year: number;
    capex: number;
    subsidy: number;
    plantOutput: number;
    additionalOutput: number;
    direct: TotalsJson;
    firstIndirect: TotalsJson;
    secondIndirect: TotalsJson;
    total: TotalsJson;
    investment: TotalsJson;
    operation: TotalsJson;
  }[];
  cumulative: Omit<ProjectsJson["byYear"][number], "year">;
  pv: { valueAdded: number; subsidy: number };
  /** PV(induced gross value added) / PV(subsidy), 補助金1円当たり粗付加価値誘発額（参考）; was "bc". */
  inducedValueAddedPerSubsidy: number | null;
  plans: {
    id: string;
    company: string;
    confidential: boolean;
    magnetType: string;
    treatment: string;
    sector: string;
    capex: number;
    subsidy: number;
    total: TotalsJson;
    investment: TotalsJson;
    operation: TotalsJson;
    pv: { valueAdded: number; valueAddedInvestment: number; valueAddedOperation: number; subsidy: number };
    inducedValueAddedPerSubsidy: number | null;
  }[];
  kpis: { key: string; label: string; year: number | null; target: number; value: number | null; pass: boolean | null; explanation: string; sources: string[] }[];
  splits: { label: string; parent: string; share: number; output: number }[];
}

type TotalsJson = { output: number; valueAdded: number; compensation: number; employment: number | null };

export function projectsJson(r: ProjectsPipelineResult, lang: Lang): ProjectsJson {
  const ev = r.evaluation;
  const { year: _y, ...cumulative } = { year: 0, ...ev.cumulative };
  return {
    years: ev.years,
    baseYear: ev.baseYear,
    discountRate: { value: ev.discountRate.value, source: ev.discountRate.source[lang] },
    byYear: ev.byYear.map((y) => ({ ...y })),
    cumulative,
    pv: ev.pv,
    inducedValueAddedPerSubsidy: ev.inducedValueAddedPerSubsidy,
    plans: ev.projects.map((e) => ({
      id: e.project.id,
      company: e.project.company,
      confidential: e.project.confidential,
      magnetType: e.project.magnetType,
      treatment: e.project.treatment,
      sector: r.table.sectors[e.project.sector].label,
      capex: e.totals.capex,
      subsidy: e.totals.subsidy,
      total: e.totals.total,
      investment: e.totals.investment,
      operation: e.totals.operation,
      pv: e.pv,
      inducedValueAddedPerSubsidy: e.inducedValueAddedPerSubsidy,
    })),
    kpis: ev.kpis.map((k) => ({
      key: k.key,
      label: k.label[lang],
      year: k.year,
      target: k.target,
      value: k.value,
      pass: k.pass,
      explanation: k.explanation[lang],
      sources: k.sources.map((s) => s[lang]),
    })),
    splits: r.splits.map((d) => ({ label: d.label, parent: d.parentLabel, share: d.share, output: d.output })),
  };
}
