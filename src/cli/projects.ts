// `ripple analyze INPUT --projects SHEET` and `ripple demo`: the policy evaluation of supported
// plans on a workbook. The sheets are read here; everything else is runProjectsPipeline, the
// same function the task pane calls, so both write the same results workbook.

import { basename } from "node:path";
import { RippleError, type Bilingual, type Lang } from "../engine/errors";
import type { Grid } from "../engine/grid";
import type { ModelOptions } from "../engine/model/options";
import type { ImportType } from "../engine/table/types";
import { looksLikeConverterSheet } from "../engine/projects/parse";
import { PROJECT_SHEETS } from "../report/projectLabels";
import { projectsJson, runProjectsPipeline, type ProjectsOptions, type ProjectsPipelineResult } from "../report/projectsPipeline";
import { projectsDeliverables } from "../report/deliverable";
import type { GridFile } from "../workbook/xlsx";
import { chooseSheet, findSheet, inFile, readGrids, readText } from "./analyze";
import { writeOutputs } from "./outputs";
import { imbalanceNotice } from "../report/imbalanceNotice";
import type { CliIO } from "./io";
import { loadMapping } from "./mappingFile";
import { packageVersion } from "./packageRoot";
import { summaryText } from "./summary";
import { securityPlanIds, withSecurity } from "../report/securityReport";
import type { Evaluation } from "../engine/projects/evaluate";
import type { Project } from "../engine/projects/parse";
import { securityDetailJson, securityJson, type SecurityRun } from "../engine/security";
import { securitySummary as securitySummaryText } from "./securitySummary";

/** A security evaluation and how to redo it for other plans (the public version's probes). */
export interface SecurityContext {
  run: SecurityRun;
  again: (plans: Project[], evaluation: Evaluation) => SecurityRun;
}

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
  consumptionRate?: number;
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
  /** Also the economic-security evaluation (RESILIENCE.md), from the workbook's market sheets:
   * injected by the caller (src/cli/security.ts) so this module does not import the market one. */
  security?: (file: GridFile, result: ProjectsPipelineResult) => SecurityContext | null;
}

function named(sheets: Grid[], names: Bilingual): Grid | null {
  return sheets.find((g) => g.sheet === names.ja || g.sheet.toLowerCase() === names.en.toLowerCase()) ?? null;
}

/** Read the sheets a projects run needs from an opened workbook and run the pipeline (no
 * output): shared by `--projects` and by `--market --projects`, which takes the plans' capacity
 * and the split table from it. */
export async function projectsOnFile(
  file: GridFile,
  args: Omit<ProjectsArgs, "out" | "json" | "defaultOut">,
  io: CliIO,
): Promise<ProjectsPipelineResult> {
  const { lang } = args;
  const inputName = args.input;
  const mapping = await loadMapping(args, io.cwd, readText);
  const { grid } = inFile(inputName, () => chooseSheet(file.sheets, inputName, { sheet: args.sheet, mapping, importType: args.importType }));
  const sheet = (name: string, option: string) => inFile(inputName, () => findSheet(file.sheets, name, inputName, option));
  const projectGrid = sheet(args.projects, "--projects");
  const converterGrid = args.converters
    ? sheet(args.converters, "--converters")
    : (named(file.sheets, PROJECT_SHEETS.converters) ?? file.sheets.find(looksLikeConverterSheet) ?? null);
  if (!converterGrid)
    throw new RippleError(
      "converters-missing",
      {
        ja: `投資転換表のシートがありません。「${PROJECT_SHEETS.converters.ja}」という名前のシートを作るか --converters で指定してください。`,
        en: `No capex converter sheet: add a sheet named '${PROJECT_SHEETS.converters.en}' (or '${PROJECT_SHEETS.converters.ja}') or name one with --converters.`,
      },
      { file: inputName },
    );
  const paramsGrid = args.params ? sheet(args.params, "--params") : named(file.sheets, PROJECT_SHEETS.parameters);
  const splitGrid = args.split ? sheet(args.split, "--split") : named(file.sheets, PROJECT_SHEETS.split);
  const modelOptions: ModelOptions = {};
  if (args.importType) modelOptions.importType = args.importType;
  if (args.consumptionRate !== undefined) modelOptions.consumptionRate = args.consumptionRate;

  return inFile(inputName, () =>
    runProjectsPipeline({
      tableGrid: grid,
      projectGrid,
      converterGrid,
      paramsGrid,
      splitGrid,
      mapping,
      modelOptions,
      options: args.options,
      lang,
      version: packageVersion(),
      inputDescription: args.inputDescription ?? basename(inputName),
      allowImbalance: args.allowImbalance,
    }),
  );
}

export async function runProjects(args: ProjectsArgs, io: CliIO): Promise<ProjectsPipelineResult> {
  const { lang } = args;
  const file = await readGrids(io.cwd, args.input);
  const result = await projectsOnFile(file, args, io);
  const sec = args.security ? args.security(file, result) : null;
  const security = sec?.run ?? null;

  await writeOutputs(io, lang, {
    out: args.out,
    json: args.json,
    defaultOut: args.defaultOut,
    // The deliverables: values and charts on the results sheets, the audit sheet, the complete
    // method sheet; and the public version with confidential plans removed.
    specs: () =>
      projectsDeliverables({
        spec: security ? withSecurity(result.spec, { run: security, unit: result.table.unit, lang, planIds: securityPlanIds(result.projects) }) : result.spec,
        evaluation: result.evaluation,
        model: result.model,
        layout: result.layout,
        projects: result.projects,
        // the disclosure control probes the report with changed plans: the security sheets too
        rebuild: sec
          ? (plans) => {
              const again = result.rebuild(plans);
              const run = sec.again(plans, again.evaluation);
              return { ...again, spec: withSecurity(again.spec, { run, unit: result.table.unit, lang, planIds: securityPlanIds(plans) }) };
            }
          : result.rebuild,
      }),
    wantPublic: args.public,
    notice: imbalanceNotice(result.baseTable.warnings),
    jsonValue: () => ({
      ...result.analysis,
      projects: projectsJson(result, lang),
      ...(security ? { security: securityJson(security), securityDetail: securityDetailJson(security, lang) } : {}),
    }),
    summary: () =>
      summaryText(result.analysis, result.table.unit, lang) +
      projectsSummary(result, lang) +
      (security ? securitySummaryText(security, result.table.unit, lang) : ""),
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
      ? `評価期間 FY${ev.years[0]}–FY${ev.years[ev.years.length - 1]}、計画 ${ev.projects.length} 件、割引率 ${ev.discountRate.value}`
      : `Period FY${ev.years[0]}–FY${ev.years[ev.years.length - 1]}, ${ev.projects.length} plans, discount rate ${ev.discountRate.value}`,
    `${ja ? "粗付加価値誘発額の現在価値" : "PV of induced gross value added"}: ${num(ev.pv.valueAdded)}; ${ja ? "補助金の現在価値" : "PV of subsidy"}: ${num(ev.pv.subsidy)}; ${ja ? "補助金1円当たり粗付加価値誘発額（参考）" : "induced GVA per yen of subsidy (reference)"} ${ev.inducedValueAddedPerSubsidy === null ? "—" : num(ev.inducedValueAddedPerSubsidy, 2)}`,
  ];
  for (const k of ev.kpis) {
    const verdict = k.pass === null ? (ja ? "評価不能" : "not evaluable") : k.pass ? (ja ? "達成" : "met") : ja ? "未達" : "not met";
    lines.push(`KPI ${k.label[lang]}: ${k.value === null ? "—" : num(k.value, 3)} / ${ja ? "目標" : "target"} ${k.target} → ${verdict}`);
  }
  return lines.join("\n") + "\n";
}
