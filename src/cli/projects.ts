// `ripple analyze INPUT --projects SHEET` and `ripple demo`: the policy evaluation of supported
// plans on a workbook. The sheets are read here; everything else is runProjectsJob
// (src/usecases/projectsJob.ts), the runner the task pane calls, so both write the same results.

import { basename } from "node:path";
import { RippleError, type Bilingual, type Lang } from "../engine/errors";
import type { Grid } from "../engine/grid";
import type { ImportType } from "../engine/table/types";
import { looksLikeConverterSheet } from "../engine/projects/parse";
import { PROJECT_SHEETS } from "../report/projectLabels";
import { yearLabel } from "../report/labels";

const percent = (x: number) => `${Number((x * 100).toPrecision(6))}%`;
import type { ProjectsOptions, ProjectsPipelineResult } from "../usecases/projects";
import { runProjectsJob, type ProjectsJob, type ProjectsJobInput } from "../usecases/projectsJob";
import { modelSettings } from "../usecases/options";
import { findMarketSheets, securityParametersOf } from "../usecases/security";
import type { GridFile } from "../workbook/xlsx";
import { chooseSheet, findSheet, inFile, readGrids, readText } from "./analyze";
import { writeOutputs } from "./outputs";
import type { CliIO } from "./io";
import { loadMapping } from "./mappingFile";
import { readMarketDefaults } from "./marketDefaults";
import { packageVersion } from "./packageRoot";
import { summaryText } from "./summary";
import { securitySummary as securitySummaryText } from "./securitySummary";
import { cgeSummary } from "./cgeSummary";

export interface ProjectsArgs {
  input: string;
  /** Sheet of the IO table (default: the first sheet where a table is recognised). */
  sheet?: string;
  map?: string;
  /** Drop sectors with zero or negative output (named in a warning). */
  dropZeroOutput?: boolean;
  /** Run on a table that does not add up (every results sheet then says so). */
  allowImbalance?: boolean;
  importType?: ImportType;
  consumptionRate?: number | string;
  projects: string;
  /** Default: a sheet named 投資転換表 / Capex converters. */
  converters?: string;
  /** Default: a sheet named パラメータ / Parameters, if any. */
  params?: string;
  /** Default: a sheet named 部門分割 / Sector split, if any. */
  split?: string;
  options?: ProjectsOptions;
  out?: string;
  json?: string;
  lang: Lang;
  defaultOut: string;
  inputDescription?: string;
  /** Also write the public version (公開版) beside the workbook: confidential plans removed,
   * small groups suppressed (src/report/deliverable/publicVersion.ts). */
  public?: boolean;
  /** Also the economic-security evaluation (RESILIENCE.md) from the workbook's market sheets
   * (found by their layout), as `ripple demo` gives it. */
  security?: boolean;
  /** Also the CGE model on the table with the magnet scenarios (`ripple demo`). */
  cge?: boolean;
}

function named(sheets: Grid[], names: Bilingual): Grid | null {
  return sheets.find((g) => g.sheet === names.ja || g.sheet.toLowerCase() === names.en.toLowerCase()) ?? null;
}

/** The grids of a projects run from an opened workbook: the table (recognised once, with the
 * user's mapping and import convention), the plan, converter, parameter and split sheets. */
export async function projectsInputOf(
  file: GridFile,
  args: Omit<ProjectsArgs, "out" | "json" | "defaultOut">,
  io: CliIO,
): Promise<ProjectsJobInput> {
  const inputName = args.input;
  const mapping = await loadMapping(args, io.cwd, readText);
  const { grid, layout } = inFile(inputName, () => chooseSheet(file.sheets, inputName, { sheet: args.sheet, mapping, importType: args.importType }));
  const sheet = (name: string, option: string) => inFile(inputName, () => findSheet(file.sheets, name, inputName, option));
  const projects = sheet(args.projects, "--projects");
  const converters = args.converters
    ? sheet(args.converters, "--converters")
    : (named(file.sheets, PROJECT_SHEETS.converters) ?? file.sheets.find(looksLikeConverterSheet) ?? null);
  if (!converters)
    throw new RippleError(
      "converters-missing",
      {
        ja: `投資転換表のシートがありません。「${PROJECT_SHEETS.converters.ja}」という名前のシートを作るか --converters で指定してください。`,
        en: `No capex converter sheet: add a sheet named '${PROJECT_SHEETS.converters.en}' (or '${PROJECT_SHEETS.converters.ja}') or name one with --converters.`,
      },
      { file: inputName },
    );
  const market = args.security ? findMarketSheets(file.sheets) : null;
  return {
    table: { grid, layout, file: inputName, description: args.inputDescription ?? basename(inputName) },
    projects,
    converters,
    params: args.params ? sheet(args.params, "--params") : named(file.sheets, PROJECT_SHEETS.parameters),
    split: args.split ? sheet(args.split, "--split") : named(file.sheets, PROJECT_SHEETS.split),
    inputDescription: args.inputDescription ?? basename(inputName),
    market: market ? { ...market, defaults: readMarketDefaults()?.parameters } : null,
    securityParameters: market ? inFile(inputName, () => securityParametersOf(file.sheets)) : undefined,
    cge: args.cge,
    host: "cli",
    version: packageVersion(),
  };
}

/** The options record of a projects run from the command line's flags. */
function projectsOptions(args: Omit<ProjectsArgs, "out" | "json" | "defaultOut">) {
  return {
    model: modelSettings({ importType: args.importType, consumptionRate: args.consumptionRate }),
    allowImbalance: !!args.allowImbalance,
    lang: args.lang,
    projects: args.options,
  };
}

/** Read the sheets a projects run needs from an opened workbook and run the job (no output). */
export async function projectsJobOnFile(file: GridFile, args: Omit<ProjectsArgs, "out" | "json" | "defaultOut">, io: CliIO): Promise<ProjectsJob> {
  const options = projectsOptions(args);
  return runProjectsJob(await projectsInputOf(file, args, io), options);
}

/** The evaluation alone (the CGE magnet scenarios take the plans from it). */
export async function projectsOnFile(file: GridFile, args: Omit<ProjectsArgs, "out" | "json" | "defaultOut">, io: CliIO): Promise<ProjectsPipelineResult> {
  return (await projectsJobOnFile(file, { ...args, security: false }, io)).result;
}

export async function runProjects(args: ProjectsArgs, io: CliIO): Promise<ProjectsPipelineResult> {
  const { lang } = args;
  const file = await readGrids(io.cwd, args.input);
  const job = await projectsJobOnFile(file, args, io);
  const { result } = job;
  const security = job.security?.run ?? null;
  await writeOutputs(io, lang, {
    out: args.out,
    json: args.json,
    defaultOut: args.defaultOut,
    specs: job.workbooks,
    wantPublic: args.public,
    jsonValue: job.json,
    summary: () =>
      summaryText(result.analysis, result.table.unit, lang) +
      projectsSummary(result, lang) +
      (security ? securitySummaryText(security, result.table.unit, lang) : "") +
      (job.cge ? job.cge.runs.map((r) => cgeSummary(r, lang)).join("") : ""),
  });
  return result;
}

const num = (v: number, d = 1) => v.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });

/** Present values, the induced value added per yen of subsidy and the KPIs, after the stage table. */
export function projectsSummary(r: ProjectsPipelineResult, lang: Lang): string {
  const ev = r.evaluation;
  const ja = lang === "ja";
  const lines = [
    ja
      ? `評価期間 ${yearLabel(ev.years[0], lang)}–${yearLabel(ev.years[ev.years.length - 1], lang)}、計画 ${ev.projects.length} 件、割引率 ${percent(ev.discountRate.value)}`
      : `Period ${yearLabel(ev.years[0], lang)}–${yearLabel(ev.years[ev.years.length - 1], lang)}, ${ev.projects.length} plans, discount rate ${percent(ev.discountRate.value)}`,
    `${ja ? "粗付加価値誘発額の現在価値" : "PV of induced gross value added"}: ${num(ev.pv.valueAdded)}; ${ja ? "補助金の現在価値" : "PV of subsidy"}: ${num(ev.pv.subsidy)}; ${ja ? "補助金1円当たり粗付加価値誘発額（参考）" : "induced GVA per yen of subsidy (reference)"} ${ev.inducedValueAddedPerSubsidy === null ? "—" : num(ev.inducedValueAddedPerSubsidy, 2)}`,
  ];
  for (const k of ev.kpis) {
    const verdict = k.pass === null ? (ja ? "評価不能" : "not evaluable") : k.pass ? (ja ? "達成" : "met") : ja ? "未達" : "not met";
    lines.push(`KPI ${k.label[lang]}: ${k.value === null ? "—" : num(k.value, 3)} / ${ja ? "目標" : "target"} ${k.target} → ${verdict}`);
  }
  return lines.join("\n") + "\n";
}
