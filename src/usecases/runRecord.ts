// What a projects run (and a market run: marketRecord.ts) leaves in its full results workbook so
// that it can be recomputed later,
// alone or with some inputs of another run (`ripple compare`, usecases/compare.ts): the input
// grids as read, the table's layout as confirmed, the options as checked, and the headline
// figures the run computed (so a later version that computes differently is caught rather than
// compared). Written as a custom XML part (report/runRecordPart.ts); never in the public version.

import { RippleError } from "../engine/errors";
import type { Grid } from "../engine/grid";
import { runRecordFromXml, runRecordPart } from "../report/runRecordPart";
import type { CustomXmlSpec } from "../report/spec";
import type { Headlines } from "../report/compareModel";
import type { ProjectsJob, ProjectsJobInput, ProjectsJobOptions } from "./projectsJob";
import type { MarketJob, MarketJobInput, MarketOptions } from "./market";
import { marketHeadlinesOf, marketRecordParts, type MarketRecordInput } from "./marketRecord";

/** Raised when what is recorded changes shape; a reader refuses other formats. */
export const RUN_RECORD_FORMAT = 1;

interface RecordBase {
  format: typeof RUN_RECORD_FORMAT;
  software: "Ripple";
  version: string;
  createdAt: string;
  /** The table's unit (e.g. 百万円), for the comparison's labels. */
  unit: string | null;
  headlines: Headlines;
}

export interface ProjectsRunRecord extends RecordBase {
  kind: "projects";
  input: Omit<ProjectsJobInput, "now" | "version">;
  options: ProjectsJobOptions;
}

export interface MarketRunRecord extends RecordBase {
  kind: "market";
  input: MarketRecordInput;
  options: MarketOptions;
}

export type RunRecord = ProjectsRunRecord | MarketRunRecord;

/** The figures a 課長 reads on the summary, full precision; security only with market sheets. */
export function headlinesOf(job: ProjectsJob): Headlines {
  const ev = job.result.evaluation;
  const total = ev.cumulative.total;
  const h: Headlines = {
    output: total.output,
    valueAdded: total.valueAdded,
    compensation: total.compensation,
    employment: total.employment,
    capex: ev.cumulative.capex,
    subsidy: ev.cumulative.subsidy,
    pvValueAdded: ev.pv.valueAdded,
    pvSubsidy: ev.pv.subsidy,
    valueAddedPerSubsidy: ev.inducedValueAddedPerSubsidy,
    multiple: job.result.analysis.impact?.multiple ?? null,
  };
  const sec = job.security?.run.result;
  if (sec) {
    h.pvAvoidedValueAdded = sec.pvExpectedAvoided.valueAdded;
    h.securityBenefitCost = sec.benefitCostRatio;
  }
  return h;
}

export function runRecordOf(input: ProjectsJobInput, options: ProjectsJobOptions, job: ProjectsJob): ProjectsRunRecord {
  const { now: _now, version, ...rest } = input;
  return {
    format: RUN_RECORD_FORMAT,
    software: "Ripple",
    version,
    kind: "projects",
    createdAt: (input.now ?? new Date()).toISOString(),
    unit: job.result.table.unit,
    input: rest,
    options,
    headlines: headlinesOf(job),
  };
}

export function marketRunRecordOf(input: MarketJobInput, options: MarketOptions, job: MarketJob): MarketRunRecord {
  return {
    format: RUN_RECORD_FORMAT,
    software: "Ripple",
    version: input.version,
    kind: "market",
    createdAt: (input.now ?? new Date()).toISOString(),
    unit: job.table?.unit ?? null,
    ...marketRecordParts(input, options, job),
    headlines: marketHeadlinesOf(job),
  };
}

export function runRecordPartOf(record: RunRecord): CustomXmlSpec {
  return runRecordPart(JSON.stringify(record), RUN_RECORD_FORMAT);
}

function refuse(code: string, file: string, ja: string, en: string): RippleError {
  return new RippleError(code, { ja, en }, { file });
}

const isGrid = (g: unknown): g is Grid =>
  typeof g === "object" && g !== null && typeof (g as Grid).sheet === "string" && Array.isArray((g as Grid).values);

/**
 * The run record of a results workbook (the texts of its custom XML parts), or a refusal naming
 * the file and what is missing. A workbook with several runs (the pane adds each run's record)
 * gives the last one.
 */
export function readRunRecord(parts: readonly string[], file: string): RunRecord {
  const records = parts.map(runRecordFromXml).filter((r) => r !== null);
  if (records.length === 0)
    throw refuse(
      "compare-no-record",
      file,
      `比較に必要な入力記録（Ripple が結果ブックに保存する計算の入力と設定）がありません。Ripple の支援計画の評価（ripple demo、ripple analyze --projects、作業ウィンドウの支援計画）または需給モデル（ripple analyze --market、作業ウィンドウの需給モデル）で作った結果ブック（公開版ではない方）を指定してください。公開版には入力が含まれないため比較できません。`,
      `it holds no run record (the inputs and settings Ripple stores in a results workbook) to compare: give a results workbook made by Ripple's evaluation of supported plans (ripple demo, ripple analyze --projects, the pane's Plans tab) or by its market model (ripple analyze --market, the pane's Market tab), the internal one. A public version (公開版) holds no inputs and cannot be compared.`,
    );
  const { format, json } = records[records.length - 1];
  if (format !== RUN_RECORD_FORMAT)
    throw refuse(
      "compare-record-format",
      file,
      `入力記録の形式 ${String(format)} はこの版の Ripple（形式 ${RUN_RECORD_FORMAT}）では読めません。この版で計算し直した結果ブックを指定してください。`,
      `its run record has format ${String(format)}; this version of Ripple reads format ${RUN_RECORD_FORMAT}. Rerun it with this version and compare that workbook.`,
    );
  let record: RunRecord;
  try {
    record = JSON.parse(json) as RunRecord;
  } catch {
    record = null as unknown as RunRecord;
  }
  const ok =
    record?.software === "Ripple" &&
    typeof record.version === "string" &&
    typeof record.options?.model?.consumptionRate?.value === "number" &&
    typeof record.headlines === "object" &&
    !!record.input &&
    (record.kind === "projects"
      ? isGrid(record.input.table?.grid) && isGrid(record.input.projects) && isGrid(record.input.converters)
      : record.kind === "market" &&
        isGrid(record.input.params?.grid) &&
        isGrid(record.input.scenarios?.grid) &&
        (record.input.table === null || isGrid(record.input.table?.grid)) &&
        (!record.input.plans || (isGrid(record.input.plans.projects?.grid) && isGrid(record.input.plans.converters))));
  if (!ok)
    throw refuse(
      "compare-record-damaged",
      file,
      `入力記録が読めません（編集されたか壊れています）。元の結果ブックを使うか、計算し直してください。`,
      `its run record cannot be read (edited or damaged). Use the workbook as Ripple wrote it, or rerun.`,
    );
  return record;
}
