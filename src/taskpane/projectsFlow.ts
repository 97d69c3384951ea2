// The 支援計画 (supported plans) flow of the pane without React: insert the input templates
// (project sheet with drop-downs, capex converter sheet with the default converter and its
// sources, parameter sheet, the list sheet behind the drop-downs) as NEW sheets, and run the
// policy evaluation on the sheets the user filled: the same runner (usecases/projectsJob.ts) as
// `ripple analyze --projects`, so both write the same results workbook.

import { RippleError, type Bilingual, type Lang } from "../engine/errors";
import type { Grid } from "../engine/grid";
import type { ModelOptions } from "../engine/model/options";
import { defaultConverterRows, parameterSheet, projectTemplate } from "../report/projectTemplate";
import type { Evaluation } from "../engine/projects/evaluate";
import { runProjectsJob } from "../usecases/projectsJob";
import { settingsFromModelOptions } from "../usecases/options";
import type { SheetSpec, WorkbookSpec } from "../report/spec";
import * as gateway from "../workbook/office/gateway";
import { defaultParameters } from "./defaultParameters";
import { stepper, type RunControl } from "./progress";
import { recordSkippedText } from "./recordSkipped";
import { VERSION, type DetectedTable } from "./runAnalysis";
import { runJob } from "./worker/client";

export interface ProjectTemplateInput {
  lang: Lang;
  /** Sector labels for the IO-sector drop-down (sectorLabels(table)). */
  sectors: string[];
  /** Capex columns for these fiscal years (inclusive). */
  firstYear: number;
  lastYear: number;
  /** Sectors of the default converter (labels from `sectors`). */
  converterSectors: { construction: string; machinery: string; other: string };
  /** Also insert the parameter sheet (defaults.csv with grades and sources; needed for the KPIs). */
  withParameters: boolean;
  now?: Date;
}

/** Final names of the inserted sheets (a second insert gets "(2)" names). */
export interface InsertedProjectTemplate {
  sheets: string[];
  projects: string;
  converters: string;
  parameters: string | null;
  lists: string;
}

/** Capex years the template can hold: a span of whole fiscal years, at most this many. */
export const MAX_TEMPLATE_YEARS = 30;

const templateError = (text: Bilingual) => new RippleError("project-template", text);

function checkYears(first: number, last: number): void {
  const ok = (y: number) => Number.isInteger(y) && y >= 1990 && y <= 2100;
  if (!ok(first) || !ok(last))
    throw templateError({
      ja: "設備投資の年度は 1990〜2100 の整数で入力してください（例: 2025 と 2030）",
      en: "Enter the capex years as whole years from 1990 to 2100 (e.g. 2025 and 2030)",
    });
  if (last < first || last - first + 1 > MAX_TEMPLATE_YEARS)
    throw templateError({
      ja: `設備投資の最終年度は最初の年度以上、期間は ${MAX_TEMPLATE_YEARS} 年以内にしてください`,
      en: `The last capex year must not precede the first, and the span must be at most ${MAX_TEMPLATE_YEARS} years`,
    });
}

function templateSpec(sheets: SheetSpec[], lang: Lang, now: Date): WorkbookSpec {
  return {
    lang,
    sheets,
    provenance: { software: "Ripple", version: VERSION, createdAt: now.toISOString(), inputs: [], parameters: [], variants: [], warnings: [] },
  };
}

/** Write the templates into new sheets; nothing existing is touched. */
export async function insertProjectTemplate(input: ProjectTemplateInput, control: RunControl = {}): Promise<InsertedProjectTemplate> {
  checkYears(input.firstYear, input.lastYear);
  const missing = (["construction", "machinery", "other"] as const).filter((k) => !input.sectors.includes(input.converterSectors[k]));
  if (missing.length)
    throw templateError({
      ja: "標準の投資転換表の部門（建設・機械設備・その他）を表の部門から選んでください",
      en: "Choose the sectors of the default converter (construction, machinery, other) from the table's sectors",
    });
  const params = defaultParameters();
  const [projects, converters, lists] = projectTemplate(input.lang, {
    firstYear: input.firstYear,
    lastYear: input.lastYear,
    sectors: input.sectors,
    converters: defaultConverterRows(params, input.lang, input.converterSectors),
  });
  const sheets = [projects, converters, ...(input.withParameters ? [parameterSheet(input.lang, params)] : []), lists];
  const { within } = stepper(control);
  const written = await gateway.writeReport(templateSpec(sheets, input.lang, input.now ?? new Date()), {
    signal: control.signal,
    onProgress: within("write"),
  });
  const nameOf = (key: string) => written.sheets[sheets.findIndex((s) => s.key === key)];
  return {
    sheets: written.sheets,
    projects: nameOf("projects"),
    converters: nameOf("converters"),
    parameters: input.withParameters ? nameOf("parameters") : null,
    lists: nameOf("lists"),
  };
}

export interface ProjectsRunInput {
  detected: DetectedTable;
  projectSheet: string;
  converterSheet: string;
  /** Parameter sheet (defaults.csv layout); null: the KPIs are not evaluated. */
  paramsSheet: string | null;
  /** Sector split sheet (new sectors split from a parent); null: none. */
  splitSheet: string | null;
  /** The model options the user set (paneOptions.changedModelOptions). */
  modelOptions: ModelOptions;
  /** Run on a table that does not add up (refused otherwise; every results sheet says so). */
  allowImbalance?: boolean;
  lang: Lang;
  now?: Date;
}

export interface ProjectsRunOutcome {
  /** The plans' evaluation (effects, PVs, KPIs) the results sheets show. */
  evaluation: Evaluation;
  /** The JSON `ripple analyze --projects --json` writes for the same run. */
  json: object;
  /** Names of the sheets written, summary first. */
  sheets: string[];
  /** The public version (公開版) of the same run: kept in the pane's memory and written only on
   * request, as a separate file (never into this workbook, which is the full version). */
  publicSpec: WorkbookSpec | null;
  /** Why the run record (for 比較) was not stored in this workbook, when it was too large to
   * send to Excel (the results sheets are written all the same); null when it was stored. */
  recordSkipped: Bilingual | null;
}

/** The sheets a plans run reads, read on the pane's thread before the job starts. */
export interface ProjectsGrids {
  projects: Grid;
  converters: Grid;
  params: Grid | null;
  split: Grid | null;
}

/** A plans run without the workbook: what runs in the compute worker. */
export interface ProjectsComputeInput {
  detected: DetectedTable;
  grids: ProjectsGrids;
  modelOptions: ModelOptions;
  allowImbalance?: boolean;
  lang: Lang;
  now?: Date;
}

export interface ProjectsComputed {
  evaluation: Evaluation;
  json: object;
  spec: WorkbookSpec;
  publicSpec: WorkbookSpec | null;
}

/** Everything of a plans run between reading and writing: the runner `ripple analyze --projects`
 * calls (usecases/projectsJob.ts), with its stages as progress; no workbook access, so it runs in
 * the compute worker (data only comes back: the evaluation, the JSON and the two workbooks). */
export async function computeProjects(input: ProjectsComputeInput, control: RunControl = {}): Promise<ProjectsComputed> {
  const { report, check } = stepper(control);
  const d = input.detected;
  if (d.tableError) throw d.tableError;
  const stage = (name: "read" | "build" | "analyze" | "report") => {
    check();
    report(name, name === "read" ? 0.5 : 0);
  };
  const job = runProjectsJob(
    {
      table: { grid: d.grid, layout: d.layout, description: d.layout.title ?? d.grid.sheet },
      projects: input.grids.projects,
      converters: input.grids.converters,
      params: input.grids.params,
      split: input.grids.split,
      host: "addin",
      version: VERSION,
      now: input.now,
    },
    { model: settingsFromModelOptions(input.modelOptions), allowImbalance: !!input.allowImbalance, lang: input.lang },
    { stage },
  );
  // The same deliverables as `ripple analyze --projects`: the full workbook goes into this
  // workbook; the public version waits for the user to ask for it.
  const out = job.workbooks();
  check();
  report("report", 1);
  return { evaluation: job.result.evaluation, json: job.json(), spec: out.full, publicSpec: out.public };
}

/** Read the chosen sheets (on this thread), evaluate in the compute worker (中止 stops it there,
 * before anything is written), write the results into new sheets. Every problem of the input
 * sheets comes back in one RippleErrorList, with nothing written. */
export async function runProjects(input: ProjectsRunInput, control: RunControl = {}): Promise<ProjectsRunOutcome> {
  const { report, check, within } = stepper(control);
  const d = input.detected;
  report("read", 0);
  if (d.tableError) throw d.tableError;
  const names = [input.projectSheet, input.converterSheet, input.paramsSheet, input.splitSheet].filter((x): x is string => !!x);
  if (names.includes(d.grid.sheet))
    throw new RippleError(
      "projects-sheet-is-table",
      {
        ja: "計画・転換表・パラメータのシートに産業連関表のシートは選べません。テンプレートを挿入して入力したシートを選んでください",
        en: "The plan, converter and parameter sheets cannot be the input-output table's sheet; choose the sheets inserted from the template",
      },
      { sheet: d.grid.sheet },
    );
  const read = async (sheet: string | null): Promise<Grid | null> => (sheet ? gateway.readUsedRange(sheet) : null);
  const projects = (await read(input.projectSheet))!;
  report("read", 0.2);
  const grids: ProjectsGrids = {
    projects,
    converters: (await read(input.converterSheet))!,
    params: await read(input.paramsSheet),
    split: await read(input.splitSheet),
  };
  check();
  const job: ProjectsComputeInput = {
    detected: { ...d, tableError: null },
    grids,
    modelOptions: input.modelOptions,
    allowImbalance: input.allowImbalance,
    lang: input.lang,
    now: input.now,
  };
  const computed = await runJob("projects", computeProjects, job, control);
  check();
  report("write", 0);
  const written = await gateway.writeReport(computed.spec, { signal: control.signal, onProgress: within("write") });
  report("write", 1);
  return {
    evaluation: computed.evaluation,
    json: computed.json,
    sheets: written.sheets,
    publicSpec: computed.publicSpec,
    recordSkipped: recordSkippedText(written.skippedXml, "ripple analyze --projects"),
  };
}
