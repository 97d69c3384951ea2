// The analysis job (`ripple analyze`, the pane's 分析を実行): a recognised table and an optional
// shock grid, with one options record -> the engine's results, the JSON of CLI.md and the
// results workbook's spec. The command line and the pane only fetch grids, call this, and write
// what it returns, so the same workbook and options give the same numbers in both.

import { RippleError, type Bilingual } from "../engine/errors";
import { purchaserJson, type PurchaserPricesJson } from "./purchaserJson";
import { parseMarginsGrid, purchaserToProducer, type PurchaserConversion } from "../engine/table/margins";
import { marginSheetDescription } from "../engine/table/marginSheet";
import { gridRange, type Grid } from "../engine/grid";
import { IOModel, analyzeDetailed, type AnalysisDetail } from "../engine/model";
import type { AnalysisResult } from "../engine/model/result";
import { buildTable, parseShockGrid, shockFromPairs } from "../engine/table";
import type { IOTable, TableLayout } from "../engine/table/types";
import { buildAnalysisReport, type ReportInput } from "../report/analysisReport";
import { checksum } from "../report/checksum";
import { analysisDeliverable } from "../report/deliverable";
import { imbalanceNotice, withImbalanceNotice } from "../report/imbalanceNotice";
import { recordModelOptions } from "../report/modelOptionsRecord";
import type { WorkbookSpec } from "../report/spec";
import { typeIIFigures } from "../engine/model/typeII";
import { engineOptions, userOptions, type AnalysisOptions } from "./options";
import { balancedTable, inFile, inFileAsync, type SourcedGrid } from "./table";
import type { SecurityOffload } from "./security";

/** A grid with the name the method sheet gives it. */
export interface NamedGrid extends SourcedGrid {
  description: string;
}

export interface AnalysisJobInput {
  /** The table's grid and its layout as recognised (and corrected by the user). */
  table: NamedGrid & { layout: TableLayout; built?: IOTable | null };
  /** The final-demand change: two columns, sector label and value (table units). */
  shock?: (NamedGrid & { source: string }) | null;
  /** Margin rates (sector, trade, transport) for a shock at purchaser prices. */
  margins?: NamedGrid | null;
  /** Further inputs the method sheet lists (e.g. the mapping file, with its checksum). */
  extraInputs?: ReportInput[];
  /** Who writes the workbook: the notes speak of the command line's flags or of the pane. */
  host?: "cli" | "addin";
  version: string;
  now?: Date;
}

/** Progress and cancel. `stage` is called as each step starts; `build` gives, for a table of n
 * sectors, a progress sink for the factorisation (or nothing). */
export interface JobControl {
  signal?: AbortSignal;
  stage?: (stage: "read" | "build" | "analyze" | "report") => void;
  build?: (sectors: number) => { update(done: number, total: number, stage?: string): void; stop(): void } | null;
  /** Progress of a long analysis step (the market model's Monte Carlo). */
  analyzeProgress?: (done: number, total: number) => void;
  /** Work the host can run on another thread (usecases/security.ts SecurityOffload). */
  offload?: SecurityOffload;
}

export interface AnalysisJob {
  table: IOTable;
  model: IOModel;
  detail: AnalysisDetail;
  result: AnalysisResult;
  /** Δf at producer prices, as the model uses it. */
  shock: number[] | null;
  /** The purchaser-price shock and its conversion, when the shock was given at purchaser prices. */
  purchaser: PurchaserConversion | null;
  /** The JSON of CLI.md (the same object every host writes). */
  /** The result, plus `purchaserPrices` when the shock was converted from purchaser prices. */
  json: () => AnalysisResult & { purchaserPrices?: PurchaserPricesJson };
  /** The results workbook; built only when one is written (it checksums the inputs).
   * `checkpoint` is called between its steps and throws to stop (the command line's Ctrl+C). */
  workbook: (checkpoint?: () => void) => WorkbookSpec;
  /** Said on every results sheet when the table was run although it does not add up. */
  notice: Bilingual | null;
}

function namedInput(g: NamedGrid): ReportInput {
  return {
    description: g.description,
    sheet: g.grid.sheet,
    range: gridRange(g.grid),
    // Computed only when a workbook is written (the method sheet shows it), not for the JSON.
    get checksum() {
      return checksum(g.grid);
    },
  };
}

function readShock(table: IOTable, shock: AnalysisJobInput["shock"]): number[] | null {
  if (!shock) return null;
  return inFile(shock.file, () => shockFromPairs(table, parseShockGrid(shock.grid)));
}

/** The shock converted from purchaser to producer prices when the user said it is at purchaser
 * prices (engine/table/margins.ts); errors name the margins' file and cell. */
function purchaserShock(table: IOTable, shock: number[] | null, input: AnalysisJobInput, options: AnalysisOptions): PurchaserConversion | null {
  const how = options.purchaserPrices.value;
  if (!how) return null;
  if (!shock)
    throw new RippleError("option-purchaserPrices", {
      ja: "購入者価格の指定は需要変化（--shock / --shock-sheet、作業ウィンドウでは需要変化の範囲）があるときだけ使えます。",
      en: "purchaser prices apply to a final-demand change: give --shock / --shock-sheet (in the task pane: the shock range).",
    });
  const margins = input.margins;
  if (!margins)
    throw new RippleError("option-purchaserPrices", {
      ja: "購入者価格の需要変化にはマージン率（--margins / --margins-sheet）が必要です。",
      en: "a shock at purchaser prices needs margin rates (--margins / --margins-sheet).",
    });
  const source = margins.file ? `${margins.description}` : `${margins.grid.sheet}!${gridRange(margins.grid)}`;
  const read = inFile(margins.file, () => parseMarginsGrid(table, margins.grid, source, how.marginsColumn));
  // A labelled sheet: the source also says which group and columns, and the rule (method sheet, JSON).
  const rates = read.sheet ? { ...read, source: `${source}: ${marginSheetDescription(read.sheet)[options.lang]}` } : read;
  return inFile(margins.file, () => purchaserToProducer(table, shock, rates, { trade: how.tradeSector, transport: how.transportSector }));
}

/** The table the job's model is built on: as recognised, checked for balance (refused unless the
 * user allowed an imbalance, then carrying the warning). */
function jobTable(input: AnalysisJobInput, options: AnalysisOptions): IOTable {
  const { grid, layout, file } = input.table;
  return balancedTable(file, buildTable, grid, layout, options.allowImbalance.value, input.table.built);
}

/** The job's model built at once, on the same table and options and by the same factorisation
 * steps as runAnalysisJob's (IOModel.build and buildAsync share them), so it gives the same
 * numbers: what the pane registers for the RIPPLE.* functions after the job ran in its compute
 * worker, built on the pane's thread the first time a function asks for it. */
export function analysisModel(input: AnalysisJobInput, options: AnalysisOptions): IOModel {
  const table = jobTable(input, options);
  return inFile(input.table.file, () => IOModel.build(table, engineOptions(options)));
}

export async function runAnalysisJob(input: AnalysisJobInput, options: AnalysisOptions, control: JobControl = {}): Promise<AnalysisJob> {
  const { layout, file } = input.table;
  control.stage?.("read");
  const table = jobTable(input, options);
  const given = readShock(table, input.shock);
  const purchaser = purchaserShock(table, given, input, options);
  const shock = purchaser ? purchaser.producer : given;
  const modelOptions = engineOptions(options);

  control.stage?.("build");
  // Built once (with progress for big tables), then analysed on the built model.
  const progress = control.build?.(table.sectors.length) ?? null;
  let model: IOModel;
  try {
    model = await inFileAsync(file, () =>
      IOModel.buildAsync(table, modelOptions, { signal: control.signal, onProgress: progress ? (d, t, s) => progress.update(d, t, s) : undefined }),
    );
  } finally {
    progress?.stop();
  }

  control.stage?.("analyze");
  // The closed model is built only for its sheet: the JSON holds no Type II figures.
  const detail = inFile(file, () => analyzeDetailed(model, shock, { ...modelOptions, lang: options.lang, typeII: options.typeII.value }));
  const result = detail.result;
  const notice = imbalanceNotice(table.warnings);

  const workbook = (checkpoint: () => void = () => {}): WorkbookSpec => {
    control.stage?.("report");
    // Each step takes up to seconds on a 1,000-sector table under load (the closed model is
    // factored again, the inputs checksummed, a million cells laid out): Ctrl+C is looked for
    // between them.
    checkpoint();
    const typeII = options.typeII.value ? typeIIFigures(model, shock, detail.indicators) : undefined;
    checkpoint();
    const inputs = [
      namedInput(input.table),
      ...(input.extraInputs ?? []),
      ...(input.shock ? [namedInput(input.shock)] : []),
      ...(purchaser && input.margins ? [namedInput(input.margins)] : []),
    ];
    checkpoint();
    const spec = buildAnalysisReport({
      result,
      table,
      // What the user set is recorded as theirs; every other value names its default's source.
      options: recordModelOptions(table, layout, userOptions(options)),
      shock: shock ?? undefined,
      shockSource: input.shock?.source,
      purchaser: purchaser ?? undefined,
      lang: options.lang,
      host: input.host,
      inputs,
      version: input.version,
      now: input.now,
      typeII,
    });
    checkpoint();
    // The deliverable: values and charts on the results sheets, the audit sheet of native
    // formulas (with a shock) and the confirmed mapping on the method sheet.
    return withImbalanceNotice(analysisDeliverable(spec, { model, shock, impact: result.impact, layout }), notice);
  };
  return { table, model, detail, result, shock, purchaser, json: () => (purchaser ? { ...result, purchaserPrices: purchaserJson(purchaser, table) } : result), workbook, notice };
}

/** The grid's cells as the method sheet names them (for hosts that list further inputs). */
export function gridInput(description: string, grid: Grid): ReportInput {
  return namedInput({ grid, description });
}
