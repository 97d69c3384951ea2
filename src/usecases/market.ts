// The market job (需給モデル / `ripple analyze --market`): the magnet demand-share model on the
// parameter and scenario sheets, linked to the IO table (the effect of the magnet output change)
// and, by default, to the supported plans of the workbook (their capacity online by year, and the
// table with the 部門分割 split so the magnet sector can be the split one) — the same plans and
// the same table the projects job uses, so the 2030 KPI is one number whichever tab or command
// gives it. With plans, also their economic-security value.

import { type Bilingual, type Lang, warningText } from "../engine/errors";
import type { Grid } from "../engine/grid";
import { type MarketAnalysis, type MarketAnalysisArgs, runMarketOnSheets } from "../engine/market/run";
import { readMarketSheets } from "../engine/market/sheet";
import { IOModel } from "../engine/model";
import type { Parameter } from "../engine/params/defaults";
import type { Project } from "../engine/projects/parse";
import type { SecurityMonteCarlo } from "../engine/security/montecarlo";
import type { Evaluation } from "../engine/projects/evaluate";
import { buildTable } from "../engine/table";
import type { IOTable, TableLayout } from "../engine/table/types";
import type { ReportInput } from "../report/analysisReport";
import { marketDeliverables } from "../report/deliverable";
import { imbalanceNotice, withImbalanceNotice } from "../report/imbalanceNotice";
import type { WorkbookSpec } from "../report/spec";
import { gridInput, type JobControl, type NamedGrid } from "./analysis";
import { chooseMagnetSector, type Host, type MagnetSector } from "./magnetSector";
import { engineOptions, userOptions, type ModelSettings } from "./options";
import { runProjectsPipeline } from "./projects";
import { securityContext, securityJsonBlocks, specWithSecurity, startSecurityMonteCarlo, type SecurityContext } from "./security";
import { balancedTable, inFile, inFileAsync } from "./table";
import { marketRunRecordOf, runRecordPartOf } from "./runRecord";

export interface MarketJobInput {
  params: NamedGrid;
  scenarios: NamedGrid;
  /** The defaults file the parameter sheet is checked against, and its name for the notes. */
  defaults?: { parameters: Parameter[]; file: string } | null;
  /** The IO table; null runs the market model alone (no ripple effects; the pane allows it). */
  table?: (NamedGrid & { layout: TableLayout; built?: IOTable | null }) | null;
  /** The supported plans and the sheets the projects job reads with them. */
  plans?: {
    projects: NamedGrid;
    converters: Grid;
    params?: Grid | null;
    split?: Grid | null;
    /** Where the plans came from, for the notes (e.g. "input.xlsx [事業計画]"). */
    source: string;
  } | null;
  /** The user's economic-security parameters (usecases/security.ts securityParametersOf). */
  securityParameters?: Record<string, number>;
  host: Host;
  version: string;
  now?: Date;
}

export interface MarketOptions {
  model: ModelSettings;
  allowImbalance: boolean;
  lang: Lang;
  /** Run the base and this scenario only. */
  scenario?: string;
  draws?: number;
  seed?: string;
  /** Code or name of the sector magnet output enters; absent: the default rule. */
  magnetSector?: string | null;
}

export interface MarketJob {
  analysis: MarketAnalysis;
  table: IOTable | null;
  magnetSector: MagnetSector | null;
  security: SecurityContext | null;
  /** The plans as the projects job read them, and the rows of its parameter sheet (for the
   * comparison of two runs); empty and null without plans. */
  projects: Project[];
  parameters: Parameter[] | null;
  json: () => object;
  /** The results workbook and, with plans, its public version. */
  workbooks: () => { full: WorkbookSpec; public: WorkbookSpec | null };
  notice: Bilingual | null;
}

/** The JSON result (field names documented in the report; full precision). */
export function marketJson(a: MarketAnalysis, sector: MagnetSector | null, lang: Lang): object {
  return {
    years: a.years,
    kpi: a.kpi,
    magnetSector: sector ? { index: sector.index, label: sector.label, reason: sector.reason[lang] } : null,
    unitEffect: a.unitEffect,
    supportedPlans: a.plans,
    scenarios: a.runs.map((r) => ({
      name: r.scenario.name,
      label: r.scenario.label[lang],
      shocks: r.scenario.shocks,
      years: r.result.years,
      outputChange: r.change,
      effects: r.effects,
      cumulative: r.cumulative,
    })),
    monteCarlo: a.monteCarlo,
    tornado: a.tornado,
    parameters: a.sheets.params,
    uncertain: a.sheets.uncertain,
    warnings: a.warnings.map((w) => warningText(w, lang)),
  };
}

interface Linked {
  table: IOTable;
  model: IOModel;
  projects?: Project[];
  evaluation?: Evaluation;
  parameters?: Parameter[] | null;
  /** Warnings of the table as read (before a split), for the imbalance notice. */
  readWarnings: IOTable["warnings"];
}

/** The table and model: with plans, the projects job's (split table, plans, evaluation). */
async function link(input: MarketJobInput, options: MarketOptions, control: JobControl): Promise<Linked | null> {
  const t = input.table;
  if (!t) return null;
  if (input.plans) {
    const p = input.plans;
    const r = inFile(t.file, () =>
      runProjectsPipeline({
        tableGrid: t.grid,
        layout: t.layout,
        projectGrid: p.projects.grid,
        converterGrid: p.converters,
        paramsGrid: p.params ?? null,
        splitGrid: p.split ?? null,
        modelOptions: userOptions(options.model),
        lang: options.lang,
        version: input.version,
        allowImbalance: options.allowImbalance,
      }),
    );
    return { table: r.table, model: r.model, projects: r.projects, evaluation: r.evaluation, parameters: r.parameters, readWarnings: r.baseTable.warnings };
  }
  const table = balancedTable(t.file, buildTable, t.grid, t.layout, options.allowImbalance, t.built);
  const progress = control.build?.(table.sectors.length) ?? null;
  try {
    const onProgress = progress ? (d: number, n: number, s?: string) => progress.update(d, n, s) : undefined;
    const model = await inFileAsync(t.file, () => IOModel.buildAsync(table, engineOptions(options.model), { signal: control.signal, onProgress }));
    return { table, model, readWarnings: [] };
  } finally {
    progress?.stop();
  }
}

export async function runMarketJob(input: MarketJobInput, options: MarketOptions, control: JobControl = {}): Promise<MarketJob> {
  const { lang } = options;
  const file = input.params.file;
  control.stage?.("read");
  const sheets = inFile(file, () => readMarketSheets(input.params.grid, input.scenarios.grid, input.defaults?.parameters));
  control.stage?.("build");
  const linked = await link(input, options, control);
  const sector = linked ? inFile(file, () => chooseMagnetSector(linked.table, options.magnetSector, input.host)) : null;

  control.stage?.("analyze");
  const marketOf = (projects: Project[] | undefined, beforeMonteCarlo?: MarketAnalysisArgs["beforeMonteCarlo"]) =>
    runMarketOnSheets(sheets, {
      projects,
      model: linked?.model,
      magnetSector: sector?.index,
      draws: options.draws,
      seed: options.seed,
      scenario: options.scenario,
      signal: control.signal,
      onProgress: control.analyzeProgress,
      beforeMonteCarlo,
    });
  const evaluation = linked?.evaluation && linked.projects ? linked.evaluation : null;
  // With the plans and a host that has another thread, the plans' security Monte Carlo (same
  // draws and seed) runs there while the market's runs here: the same numbers, about half the
  // time of the two on two cores. Started from the market run's own inputs.
  let offloaded: Promise<SecurityMonteCarlo | null> | null = null;
  const offload = control.offload;
  // Stops the other thread's work when this run stops or fails.
  const stopOffloaded = new AbortController();
  const onStop = () => stopOffloaded.abort();
  control.signal?.addEventListener("abort", onStop, { once: true });
  const start =
    evaluation && offload && options.draws
      ? (market: Pick<MarketAnalysis, "inputs" | "sheets">) => {
          offloaded = startSecurityMonteCarlo(offload, {
            market,
            evaluation,
            model: linked!.model,
            parameters: input.securityParameters,
            draws: options.draws!,
            seed: options.seed,
            signal: stopOffloaded.signal,
          });
        }
      : undefined;
  let analysis: MarketAnalysis;
  let monteCarlo: SecurityMonteCarlo | null | undefined;
  try {
    analysis = inFile(file, () => marketOf(linked?.projects, start));
    monteCarlo = offloaded ? await inFileAsync(file, () => offloaded!) : undefined;
  } catch (e) {
    // The market run failed or was stopped: the other thread's work is not wanted; its own
    // rejection (cancelled, or a failure) says nothing more than this error.
    void (offloaded as Promise<unknown> | null)?.catch(() => undefined);
    stopOffloaded.abort();
    throw e;
  } finally {
    control.signal?.removeEventListener("abort", onStop);
  }
  // With the plans: their economic-security value on the same market run (RESILIENCE.md).
  const security = evaluation
    ? inFile(file, () =>
        securityContext({
          market: analysis,
          marketOf: (plans) => marketOf(plans),
          evaluation,
          model: linked!.model,
          parameters: input.securityParameters,
          draws: options.draws,
          seed: options.seed,
          monteCarlo,
        }),
      )
    : null;

  const notice = imbalanceNotice([...(linked?.readWarnings ?? []), ...(linked?.table.warnings ?? [])]);
  const inputs: ReportInput[] = [input.params, input.scenarios, ...(input.table ? [input.table] : []), ...(input.plans ? [input.plans.projects] : [])].map(
    (g) => gridInput(g.description, g.grid),
  );
  const workbooks = () => {
    control.stage?.("report");
    const d = marketDeliverables({
      analysis,
      lang,
      version: input.version,
      now: input.now,
      inputs,
      magnetSectorNote: sector?.reason,
      projectsSource: input.plans?.source,
      tableName: input.table ? (input.table.layout.title ?? input.table.grid.sheet) : undefined,
      defaultsFile: input.defaults?.file,
      layout: input.table?.layout ?? null,
      extend: security ? (spec) => specWithSecurity(spec, security.run, linked?.projects ?? [], linked!.table.unit, lang) : undefined,
    });
    const full = withImbalanceNotice(d.full, notice);
    // The run record (inputs, options, headlines) for `ripple compare`: full version only (it
    // holds the plans); the public version is built without it.
    const record = runRecordPartOf(marketRunRecordOf(input, options, job));
    return { full: { ...full, customXml: [...(full.customXml ?? []), record] }, public: d.public ? withImbalanceNotice(d.public, notice) : null };
  };
  const job: MarketJob = {
    analysis,
    table: linked?.table ?? null,
    magnetSector: sector,
    security,
    projects: linked?.projects ?? [],
    parameters: linked?.parameters ?? null,
    json: () => ({ ...marketJson(analysis, sector, lang), ...securityJsonBlocks(security?.run ?? null, lang) }),
    workbooks,
    notice,
  };
  return job;
}
