// The CGE tab's flow without React: read the sheets it needs (the table the analysis tab read or
// a SAM sheet; a scenario sheet, or for the built-in magnet scenarios the market, plan and split
// sheets by their template names), compute in the worker (src/usecases/cgeSheets.ts, the same
// runner as `ripple cge`), then write the CGE workbook into new sheets.

import type { Bilingual, Lang } from "../engine/errors";
import { cancelledError } from "../engine/errors";
import type { Grid } from "../engine/grid";
import { MARKET_SHEET_NAMES } from "../engine/market/sheet";
import type { WorkbookSpec } from "../report/spec";
import { PROJECT_SHEETS } from "../report/projectLabels";
import { runCgeOnSheets, type BuiltinKey, type CgeHeadline, type CgeSheetsInput } from "../usecases/cgeSheets";
import * as gateway from "../workbook/office/gateway";
import { defaultParameters } from "./defaultParameters";
import { stepper, type RunControl, type StageSpans } from "./progress";
import { VERSION, type DetectedTable } from "./runAnalysis";
import { runJob } from "./worker/client";

export type CgeScenarioChoice = { kind: "none" } | { kind: "sheet"; sheet: string } | { kind: "builtin"; keys: BuiltinKey[] | "all" };

export interface CgeRunInput {
  /** The table the analysis tab read, or a SAM sheet of the workbook. */
  source: { kind: "table"; detected: DetectedTable } | { kind: "sam"; sheet: string };
  scenario: CgeScenarioChoice;
  lang: Lang;
  now?: Date;
}

/** A CGE run without the workbook: the grids already read; what runs in the compute worker. */
export interface CgeComputeInput {
  sheets: Omit<CgeSheetsInput, "version" | "now" | "file">;
  file: string;
  lang: Lang;
  now?: Date;
}

export interface CgeComputed {
  json: unknown;
  headlines: CgeHeadline[];
  spec: WorkbookSpec;
}

export interface CgeRunOutcome {
  json: unknown;
  headlines: CgeHeadline[];
  sheets: string[];
}

/** The solve takes well under a second on a national table; reading and writing dominate. */
export const CGE_SPAN: StageSpans = {
  read: [0, 0.1],
  build: [0.1, 0.3],
  analyze: [0.3, 0.3],
  simulate: [0.3, 0.3],
  sam: [0.1, 0.3],
  solve: [0.3, 0.6],
  report: [0.6, 0.65],
  write: [0.65, 1],
};

export async function computeCge(input: CgeComputeInput, control: RunControl = {}): Promise<CgeComputed> {
  const { report, check, within } = stepper(control, CGE_SPAN);
  const job = runCgeOnSheets(
    { ...input.sheets, file: input.file, version: VERSION, now: input.now },
    {
      lang: input.lang,
      signal: control.signal,
      stage: (stage, done, total) => {
        check();
        if (stage === "build") report("sam", 0);
        else if (stage === "solve") within("solve")(done ?? 0, total ?? 1);
        else report("report", 0);
      },
    },
  );
  report("report", 0);
  const spec = job.workbook();
  check();
  report("report", 1);
  return { json: job.json(), headlines: job.headlines, spec };
}

/** The sheet of this name (Japanese or English template name), read; null when there is none. */
async function byName(names: string[], n: Bilingual): Promise<Grid | null> {
  const found = names.find((s) => s === n.ja || s.toLowerCase() === n.en.toLowerCase());
  return found ? gateway.readUsedRange(found) : null;
}

async function readCgeGrids(input: CgeRunInput): Promise<CgeComputeInput["sheets"]> {
  const names = (await gateway.listSheets()).map((x) => x.name);
  const src = input.source;
  const source: CgeSheetsInput["source"] =
    src.kind === "table"
      ? { kind: "table", grid: src.detected.grid, layout: src.detected.layout, split: await byName(names, PROJECT_SHEETS.split) }
      : { kind: "sam", grid: await gateway.readUsedRange(src.sheet) };
  const sc = input.scenario;
  if (sc.kind === "none") return { source, scenario: sc };
  if (sc.kind === "sheet") return { source, scenario: { kind: "sheet", grid: await gateway.readUsedRange(sc.sheet) } };
  const params = await byName(names, MARKET_SHEET_NAMES.params);
  const scenarios = await byName(names, MARKET_SHEET_NAMES.scenarios);
  const projects = await byName(names, PROJECT_SHEETS.projects);
  const converters = projects ? await byName(names, PROJECT_SHEETS.converters) : null;
  return {
    source,
    scenario: { kind: "builtin", keys: sc.keys },
    market: params && scenarios ? { params, scenarios, defaults: defaultParameters() } : null,
    plans: projects && converters ? { projects, converters, params: await byName(names, PROJECT_SHEETS.parameters) } : null,
  };
}

/** Read the sheets, compute in the worker (中止 stops it there, before anything is written), and
 * write the CGE workbook into new sheets. */
export async function runCge(input: CgeRunInput, control: RunControl = {}): Promise<CgeRunOutcome> {
  const { report, within } = stepper(control, CGE_SPAN);
  report("read", 0);
  if (input.source.kind === "table" && input.source.detected.tableError) throw input.source.detected.tableError;
  const sheets = await readCgeGrids(input);
  if (control.signal?.aborted) throw cancelledError();
  const file = input.lang === "ja" ? "このブック" : "this workbook";
  const computed = await runJob("cge", computeCge, { sheets, file, lang: input.lang, now: input.now }, control);
  report("write", 0);
  const written = await gateway.writeReport(computed.spec, { signal: control.signal, onProgress: within("write") });
  report("write", 1);
  return { json: computed.json, headlines: computed.headlines, sheets: written.sheets };
}
