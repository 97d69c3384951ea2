// What the task pane does, without React: read the table, recognise it, apply the user's role
// corrections, read the shock, and run grid → layout → table → model → analyze → report spec
// (in the compute worker) → gateway.writeReport (on the pane's thread) with progress and cancel.
// The same engine calls as the functions and the command line, so the same inputs give the same
// numbers everywhere.

import { gridRange, type Grid } from "../engine/grid";
import { RippleError, type RippleWarning } from "../engine/errors";
import type { Lang } from "../engine/errors";
import type { IOTable, ImportType, Line, Role, TableLayout, TableMapping } from "../engine/table/types";
import { buildTable, layoutToMapping, parseShockGrid, recognizeLayout, shockFromPairs } from "../engine/table";
import { marginGroups } from "../engine/table/marginSheet";
import type { ModelOptions } from "../engine/model";
import type { AnalysisResult } from "../engine/model/result";
import type { WorkbookSpec } from "../report/spec";
import * as gateway from "../workbook/office/gateway";
import { checkModelName, registerModel } from "../functions/registry";
import { computeCoefficients } from "../engine/model/coefficients";
import { resolveOptions } from "../engine/model/options";
import { analysisModel, runAnalysisJob, type AnalysisJobInput } from "../usecases/analysis";
import { purchaserPriceSetting, settingsFromModelOptions, type AnalysisOptions } from "../usecases/options";
import { stepper, type RunControl } from "./progress";
import { runJob } from "./worker/client";
import pkg from "../../package.json";

export const VERSION: string = pkg.version;

export interface DetectedTable {
  grid: Grid;
  layout: TableLayout;
  /** null when the layout as mapped cannot be built into a table (tableError says why). */
  table: IOTable | null;
  tableError: unknown;
  /** Key under which the confirmed mapping is saved in the workbook: the sheet name. */
  mappingKey: string;
  mappingSource: "saved" | "detected" | "edited";
  /** The mapping the layout was recognised with (saved or edited), if any. */
  mapping: TableMapping | null;
}

/** Recognise a grid with an optional mapping and build the table, keeping a build error so the
 * user can still see and correct the roles. Recognition errors (no table at all) propagate. */
export function detect(
  grid: Grid,
  mapping: TableMapping | null,
  mappingSource: DetectedTable["mappingSource"],
): DetectedTable {
  // A mapping's importType (saved only when the user chose one) forces the convention.
  const layout = recognizeLayout(grid, mapping ? { mapping } : {});
  let table: IOTable | null = null;
  let tableError: unknown = null;
  try {
    table = buildTable(grid, layout);
  } catch (err) {
    tableError = err;
  }
  return { grid, layout, table, tableError, mappingKey: grid.sheet, mappingSource, mapping };
}

async function detectWithSaved(grid: Grid): Promise<DetectedTable> {
  const saved = await gateway.loadMapping(grid.sheet);
  return detect(grid, saved, saved ? "saved" : "detected");
}

export async function loadTableFromSheet(sheet: string): Promise<DetectedTable> {
  return detectWithSaved(await gateway.readUsedRange(sheet));
}

export async function loadTableFromSelection(): Promise<DetectedTable> {
  return detectWithSaved(await gateway.readSelection());
}

/** The detected table re-recognised after the user set one row's or column's role. */
export function withRole(d: DetectedTable, axis: "rows" | "cols", line: Line, role: Role): DetectedTable {
  const base = layoutToMapping(d.layout);
  const mapping: TableMapping = {
    ...base,
    [axis]: { ...(base[axis] ?? {}), [mappingLabel(d.layout, axis, line)]: role },
  };
  // Keep the convention detected unless the user had chosen one (layoutToMapping always sets it).
  if (d.mapping?.importType) mapping.importType = d.mapping.importType;
  else delete mapping.importType;
  return detect(d.grid, mapping, "edited");
}

/** The table could not be read only because some sectors' output is zero or negative: the
 * user may choose to read it without them (withDropZeroOutput). */
export function isZeroOutputError(err: unknown): boolean {
  return err instanceof RippleError && err.code === "table.output-nonpositive";
}

/** The detected table re-recognised with the user's choice to drop (or keep) the sectors whose
 * output is zero or negative; the choice is part of the mapping, so it is saved on confirm. */
export function withDropZeroOutput(d: DetectedTable, drop: boolean): DetectedTable {
  const mapping: TableMapping = { ...layoutToMapping(d.layout) };
  if (drop) mapping.dropZeroOutput = true;
  else delete mapping.dropZeroOutput;
  // As in withRole: the convention stays detected unless the user had chosen one.
  if (d.mapping?.importType) mapping.importType = d.mapping.importType;
  else delete mapping.importType;
  return detect(d.grid, mapping, "edited");
}

/** The warning naming the sectors buildTable left out by the user's choice, if any. */
export function droppedSectorsWarning(table: IOTable | null): RippleWarning | null {
  return table?.warnings.find((w) => w.code === "table.sectors-dropped") ?? null;
}

/** The label layoutToMapping uses for a line (found by index), else "code name". */
function mappingLabel(layout: TableLayout, axis: "rows" | "cols", line: Line): string {
  const single: TableLayout = { ...layout, rows: axis === "rows" ? [line] : [], cols: axis === "cols" ? [line] : [] };
  const keys = Object.keys(layoutToMapping(single)[axis] ?? {});
  if (keys.length === 1) return keys[0];
  return [line.code, line.name].filter((x) => x).join(" ");
}

/** Save the confirmed mapping with the workbook (keyed by sheet), with the import convention
 * when the user chose one, and return the key. */
export async function saveConfirmedMapping(d: DetectedTable, importType: ImportType | null): Promise<string> {
  const mapping: TableMapping = { ...layoutToMapping(d.layout) };
  if (importType) mapping.importType = importType;
  else delete mapping.importType;
  await gateway.saveMapping(d.mappingKey, mapping);
  return d.mappingKey;
}

/** 自給率 1 − m_i as the table gives it (1 for domestic-use tables), shown next to the
 * overrides; null when the coefficients cannot be computed (the run will say why). */
export function tableSelfSufficiency(table: IOTable): number[] | null {
  try {
    const n = table.sectors.length;
    const c = computeCoefficients(table, resolveOptions(undefined, n, table.importType));
    return c.m ? c.m.map((m) => 1 - m) : new Array<number>(n).fill(1);
  } catch {
    return null; // the same error is reported with its cell when the user runs
  }
}

// ---- Shock ----

export interface ShockPreview {
  /** Where it was read, e.g. "ショック!A1:B3". */
  source: string;
  sheet: string;
  range: string;
  /** Sectors with a non-zero change, in sector order. */
  entries: { sector: number; label: string; value: number }[];
  total: number;
  /** Δf in sector order, table units. */
  vector: number[];
  grid: Grid;
}

/** "Sheet!A1:B4", "'My sheet'!A1:B4" → parts; null when the text is not such an address. */
export function parseRangeAddress(text: string): { sheet: string; address: string } | null {
  const m = /^\s*(?:'((?:[^']|'')+)'|([^'!]+))!\s*(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)\s*$/.exec(text);
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2].trim();
  return { sheet, address: m[3].replace(/\$/g, "").toUpperCase() };
}

export function previewShock(table: IOTable, grid: Grid): ShockPreview {
  const vector = shockFromPairs(table, parseShockGrid(grid));
  const entries = vector
    .map((value, sector) => ({ sector, label: table.sectors[sector].label, value }))
    .filter((e) => e.value !== 0);
  const range = gridRangeAddress(grid);
  return {
    source: `${grid.sheet}!${range}`,
    sheet: grid.sheet,
    range,
    entries,
    total: vector.reduce((a, b) => a + b, 0),
    vector,
    grid,
  };
}

/** The A1 range a grid covers, e.g. "A1:B4" (one helper for every host: engine/grid.ts). */
export const gridRangeAddress = gridRange;

export async function readShockGrid(source: { sheet: string; address: string } | "selection"): Promise<Grid> {
  return source === "selection" ? gateway.readSelection() : gateway.readRange(source.sheet, source.address);
}

/** The purchaser-price fields as the run takes them: null when not ticked; the margins' range
 * read from the workbook (a blank range is left to the options check, which says what is missing). */
export async function purchaserForRun(
  f: { on: boolean; margins: string; tradeSector: string; transportSector: string; marginsColumn?: string },
  text: (key: string) => { ja: string; en: string },
): Promise<RunInput["purchaser"]> {
  if (!f.on) return null;
  let margins: Grid | null = null;
  if (f.margins.trim() !== "") {
    const at = parseRangeAddress(f.margins);
    if (!at) throw new RippleError("margins-address", text("purchaser.badAddress"));
    margins = await readShockGrid(at);
  }
  return { margins, tradeSector: f.tradeSector, transportSector: f.transportSector, marginsColumn: f.marginsColumn };
}

/** The sets of rates a labelled margin range offers (the pane's dropdown). [] when the range
 * cannot be read or is not such a sheet: the run then reads it again and names what is wrong. */
export async function marginGroupsIn(table: IOTable, address: string): Promise<string[]> {
  const at = parseRangeAddress(address);
  if (!at) return [];
  try {
    return marginGroups(table, await readShockGrid(at));
  } catch {
    return [];
  }
}

// ---- Run ----

export type { RunControl, RunProgress, RunStage } from "./progress";

export interface RunInput {
  detected: DetectedTable;
  shock: ShockPreview | null;
  /** The model options the user set (paneOptions.changedModelOptions); the rest are defaults. */
  options: ModelOptions;
  /** Also write the closed (Type II) model's results. */
  typeII: boolean;
  /** Run on a table that does not add up (refused otherwise, before anything is computed). */
  allowImbalance?: boolean;
  /** The shock is at purchaser prices: the margin rates' range and where the margins go. */
  purchaser?: { margins: Grid | null; tradeSector?: string; transportSector?: string; marginsColumn?: string } | null;
  lang: Lang;
  /** Register the model under this name for the RIPPLE.* functions (shared runtime). */
  modelName?: string;
  now?: Date;
}

export interface RunOutcome {
  result: AnalysisResult;
  /** The JSON of CLI.md, as `ripple analyze --json` writes it. */
  json: AnalysisResult;
  spec: WorkbookSpec;
  /** Names of the sheets written, summary first. */
  sheets: string[];
}

/** What the compute worker gets: the run's input with the table's build error cleared (a run
 * with one stops before the worker starts) and no model name (registration is the pane's). */
export type AnalysisComputeInput = Omit<RunInput, "modelName">;

/** What the compute worker returns: data only (the model stays behind, see registerLazily). */
export interface AnalysisComputed {
  result: AnalysisResult;
  json: AnalysisResult;
  spec: WorkbookSpec;
}

/** The job's input and options as the runner takes them, from the pane's run input: one place,
 * used by the worker's job and by the model registered for the functions. */
function analysisJobOf(input: AnalysisComputeInput): { job: AnalysisJobInput; options: AnalysisOptions } {
  const d = input.detected;
  const options: AnalysisOptions = {
    ...settingsFromModelOptions(input.options),
    typeII: { value: input.typeII, user: input.typeII },
    allowImbalance: { value: !!input.allowImbalance, user: !!input.allowImbalance },
    purchaserPrices: purchaserPriceSetting({
      purchaserPrices: !!input.purchaser,
      margins: !!input.purchaser?.margins,
      tradeSector: input.purchaser?.tradeSector,
      transportSector: input.purchaser?.transportSector,
      marginsColumn: input.purchaser?.marginsColumn,
    }),
    lang: input.lang,
  };
  const job: AnalysisJobInput = {
    table: { grid: d.grid, layout: d.layout, built: d.table, description: d.layout.title ?? d.grid.sheet },
    shock: input.shock
      ? { grid: input.shock.grid, description: input.lang === "ja" ? "ショック" : "Shock", source: input.shock.source }
      : null,
    margins: input.purchaser?.margins
      ? { grid: input.purchaser.margins, description: input.lang === "ja" ? "マージン率" : "Margin rates" }
      : null,
    host: "addin",
    version: VERSION,
    now: input.now,
  };
  return { job, options };
}

/** The analysis without the workbook: the runner (src/usecases/analysis.ts, the one `ripple
 * analyze` calls) from the grids already read to the results workbook's spec. What runs in the
 * compute worker; in Node (tests) in this thread. */
export async function computeAnalysis(input: AnalysisComputeInput, control: RunControl = {}): Promise<AnalysisComputed> {
  const { report, check, within } = stepper(control);
  if (input.detected.tableError) throw input.detected.tableError;
  const { job: jobInput, options } = analysisJobOf(input);
  const job = await runAnalysisJob(jobInput, options, {
    signal: control.signal,
    stage: (stage) => {
      check();
      report(stage, 0);
    },
    build: () => ({ update: within("build"), stop: () => undefined }),
  });
  check();
  const spec = job.workbook();
  check();
  report("report", 1);
  return { result: job.result, json: job.json(), spec };
}

/** Register the run's model for the RIPPLE.* functions under `name`: built on this thread from
 * the same grids and options the worker used, the first time a function asks for it (a model
 * cannot be sent back from the worker; building it again gives the same numbers by the same
 * steps, see usecases/analysis.ts analysisModel). */
function registerLazily(name: string, input: AnalysisComputeInput): void {
  const { job, options } = analysisJobOf(input);
  registerModel(name, () => analysisModel(job, options));
}

/** The whole analysis of one confirmed table; throws RippleError (with sheet and cell) on bad
 * input and cancelledError() when the signal fires. The grids were read on this thread (the
 * table and shock when the user picked them); the computation runs in the compute worker, so
 * the pane stays responsive and 中止 stops it at once; the results are written here, into new
 * sheets only. */
export async function runAnalysis(input: RunInput, control: RunControl = {}): Promise<RunOutcome> {
  const { signal } = control;
  const { report, check, within } = stepper(control);
  report("read", 0);
  const d = input.detected;
  if (d.tableError) throw d.tableError;
  // A bad name stops the run before anything is computed or written.
  if (input.modelName) checkModelName(input.modelName);
  const { modelName, ...rest } = input;
  const computeInput: AnalysisComputeInput = { ...rest, detected: { ...d, tableError: null } };
  const computed = await runJob("analysis", computeAnalysis, computeInput, control);
  check();
  // Registered before anything is written (the model is built when a function first needs it).
  if (modelName) registerLazily(modelName, computeInput);
  report("write", 0);
  let written: { sheets: string[] };
  try {
    written = await gateway.writeReport(computed.spec, { signal, onProgress: within("write") });
  } catch (err) {
    // The model is registered whatever happened to the write: formulas that name it recompute.
    if (modelName) await gateway.recalculate().catch((e) => console.error(e));
    throw err;
  }
  // Excel does not know the registry changed: RIPPLE.* formulas naming the model recompute now.
  if (modelName) await gateway.recalculate();
  report("write", 1);
  return { result: computed.result, json: computed.json, spec: computed.spec, sheets: written.sheets };
}
