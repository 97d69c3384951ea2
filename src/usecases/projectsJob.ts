// The projects job as the hosts call it: the evaluation of the supported plans (projects.ts), with
// the workbook's market sheets their economic-security value, the JSON and the deliverables (the
// full workbook and the public version). `ripple analyze --projects`, `ripple demo` and the pane's
// 支援計画 tab fetch the grids, call runProjectsJob and write what it returns.

import type { Bilingual, Lang } from "../engine/errors";
import type { Grid } from "../engine/grid";
import { runMarketOnSheets } from "../engine/market/run";
import { readMarketSheets } from "../engine/market/sheet";
import type { Parameter } from "../engine/params/defaults";
import type { Project } from "../engine/projects/parse";
import type { TableLayout } from "../engine/table/types";
import { projectsDeliverables } from "../report/deliverable";
import { imbalanceNotice, withImbalanceNotice } from "../report/imbalanceNotice";
import type { WorkbookSpec } from "../report/spec";
import type { NamedGrid } from "./analysis";
import { chooseMagnetSector, type Host } from "./magnetSector";
import { userOptions, type ModelSettings } from "./options";
import { projectsJson, runProjectsPipeline, type ProjectsControl, type ProjectsOptions, type ProjectsPipelineResult } from "./projects";
import { securityContext, securityJsonBlocks, specWithSecurity, type SecurityContext } from "./security";
import { inFile } from "./table";
import type { CgeJob } from "./cge";
import { MAGNET_SCENARIOS } from "../engine/cge";
import { projectsCge } from "./projectsCge";
import { runRecordOf, runRecordPartOf } from "./runRecord";

export interface ProjectsJobInput {
  table: NamedGrid & { layout: TableLayout };
  projects: Grid;
  converters: Grid;
  params?: Grid | null;
  split?: Grid | null;
  /** Name of the input workbook on the method sheet (e.g. its file name). */
  inputDescription?: string;
  /** The workbook's market sheets: with them, the plans' economic-security value. */
  market?: { params: Grid; scenarios: Grid; defaults?: Parameter[] } | null;
  securityParameters?: Record<string, number>;
  /** Also the CGE model on the table as a SAM, with the magnet scenarios (`ripple demo`); its
   * sheets go into the full workbook and, as far as the disclosure control lets them, into the
   * public version (projectsDeliverables); its JSON under "cge". */
  cge?: boolean;
  host: Host;
  version: string;
  now?: Date;
}

export interface ProjectsJobOptions {
  model: ModelSettings;
  allowImbalance: boolean;
  lang: Lang;
  projects?: ProjectsOptions;
}

export interface ProjectsJob {
  result: ProjectsPipelineResult;
  security: SecurityContext | null;
  cge: CgeJob | null;
  json: () => object;
  workbooks: () => { full: WorkbookSpec; public: WorkbookSpec | null };
  notice: Bilingual | null;
}

/** The security evaluation on the workbook's market sheets, with the magnet sector of the
 * (split) table, as the market job would run it with the same plans. */
function security(input: ProjectsJobInput, r: ProjectsPipelineResult): SecurityContext | null {
  const m = input.market;
  if (!m) return null;
  const file = input.table.file;
  return inFile(file, () => {
    const sheets = readMarketSheets(m.params, m.scenarios, m.defaults);
    const sector = chooseMagnetSector(r.table, undefined, input.host);
    const marketOf = (plans: Project[]) => runMarketOnSheets(sheets, { projects: plans, model: r.model, magnetSector: sector.index });
    return securityContext({ market: marketOf(r.projects), marketOf, evaluation: r.evaluation, model: r.model, parameters: input.securityParameters });
  });
}

/** `control.stage` is told as each step starts: read (the input sheets), build (the model),
 * analyze (the plans evaluated, with their security value), report (the deliverables, when
 * workbooks() is called: the public version's disclosure control probes the report). */
export function runProjectsJob(input: ProjectsJobInput, options: ProjectsJobOptions, control: ProjectsControl = {}): ProjectsJob {
  const { lang } = options;
  control.stage?.("read");
  const result = inFile(input.table.file, () =>
    runProjectsPipeline({
      tableGrid: input.table.grid,
      layout: input.table.layout,
      projectGrid: input.projects,
      converterGrid: input.converters,
      paramsGrid: input.params ?? null,
      splitGrid: input.split ?? null,
      modelOptions: userOptions(options.model),
      options: options.projects,
      lang,
      version: input.version,
      now: input.now,
      inputDescription: input.inputDescription,
      allowImbalance: options.allowImbalance,
    }, control),
  );
  const sec = security(input, result);
  const cge = input.cge ? projectsCge(input, result, lang) : null;
  const unit = result.table.unit;
  const notice = imbalanceNotice(result.baseTable.warnings);
  const workbooks = () => {
    control.stage?.("report");
    // The deliverables: values and charts on the results sheets, the audit sheet, the complete
    // method sheet; and the public version with confidential plans removed.
    const d = projectsDeliverables({
      spec: sec ? specWithSecurity(result.spec, sec.run, result.projects, unit, lang) : result.spec,
      evaluation: result.evaluation,
      model: result.model,
      layout: result.layout,
      projects: result.projects,
      // the disclosure control probes the report with changed plans: the security sheets too
      rebuild: sec
        ? (plans) => {
            const again = result.rebuild(plans);
            return { ...again, spec: specWithSecurity(again.spec, sec.again(plans, again.evaluation), plans, unit, lang) };
          }
        : result.rebuild,
      cge: cge ? { part: cge.part, fromPlans: cge.builtins.flatMap((b) => (b.fromPlans ? [{ name: b.scenario.name, title: MAGNET_SCENARIOS[b.key].title, ...b.fromPlans }] : [])) } : undefined,
    });
    const full = withImbalanceNotice(d.full, notice);
    // The run record (inputs, options, headlines) for `ripple compare`: full version only, as it
    // holds the confidential plans; the public version is built without it.
    const record = runRecordPartOf(runRecordOf(input, options, job));
    return { full: { ...full, customXml: [...(full.customXml ?? []), record] }, public: d.public ? withImbalanceNotice(d.public, notice) : null };
  };
  const job: ProjectsJob = {
    result,
    security: sec,
    cge,
    json: () => ({ ...result.analysis, projects: projectsJson(result, lang), ...securityJsonBlocks(sec?.run ?? null, lang), ...(cge ? { cge: cge.json() } : {}) }),
    workbooks,
    notice,
  };
  return job;
}
