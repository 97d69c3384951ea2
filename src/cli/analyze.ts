// `ripple analyze` (and `ripple demo`, which is analyze on the bundled sample): file -> grid ->
// table -> model -> report -> workbook / JSON. Everything here is the edge: file names, sheet
// choice, messages; the job itself (numbers, JSON, workbook spec) is src/usecases/analysis.ts,
// the same runner the pane calls.

import { promises as fs } from "node:fs";
import { basename, resolve } from "node:path";
import { RippleError, RippleErrorList, type Lang } from "../engine/errors";
import { gridRange } from "../engine/grid";
import type { AnalysisResult } from "../engine/model/result";
import type { IOTable, ImportType } from "../engine/table/types";
import type { ReportInput } from "../report/analysisReport";
import { sha256Text } from "../report/checksum";
import { runAnalysisJob, type AnalysisJobInput } from "../usecases/analysis";
import { analysisOptions } from "../usecases/options";
import { balancedTable, inFile, withFile } from "../usecases/table";
import { chooseSheet, findSheet } from "../usecases/sheets";
import { readGridFile, type GridFile } from "../workbook/xlsx";
import type { CliIO } from "./io";
import { loadMapping } from "./mappingFile";
import { packageVersion } from "./packageRoot";
import { startProgress, wantsProgress } from "./progress";
import { summaryText } from "./summary";
import { writeOutputs } from "./outputs";
import { noteInput } from "./atomicWrite";
import { say } from "./say";

export interface AnalyzeArgs {
  input: string;
  sheet?: string;
  map?: string;
  importType?: ImportType;
  /** A CSV (or a workbook's first sheet) holding sector label and final-demand change. */
  shock?: string;
  /** A sheet of the input workbook holding the shock instead. */
  shockSheet?: string;
  /** The shock is at purchaser prices; margin rates from a file or a sheet of the input. */
  purchaserPrices?: boolean;
  margins?: string;
  marginsSheet?: string;
  /** The group of a labelled margin sheet (需要合計, 民間消費支出, …). */
  marginsColumn?: string;
  tradeSector?: string;
  transportSector?: string;
  consumptionRate?: number;
  /** Drop sectors with zero or negative output (named in a warning). */
  dropZeroOutput?: boolean;
  /** Run on a table that does not add up (every results sheet then says so). */
  allowImbalance?: boolean;
  /** Also write the closed model (Type II) sheet. */
  typeII?: boolean;
  out?: string;
  /** File for the JSON result, or "-" for stdout. */
  json?: string;
  lang: Lang;
  /** Where the workbook goes when neither --out nor --json is given. */
  defaultOut: string;
  /** Description of the input in the results (e.g. "bundled sample"). */
  inputDescription?: string;
  signal?: AbortSignal;
}

export { say } from "./say";

/** The A1 range of a grid, as every host writes it on the method sheet. */
export const usedRange = gridRange;

// Finding a sheet by name and the sheet holding the table: shared with the runners' callers.
export { chooseSheet, findSheet } from "../usecases/sheets";

export async function readText(path: string, typed: string): Promise<string> {
  try {
    noteInput(path);
    return await fs.readFile(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new RippleError(
      code === "ENOENT" ? "file-not-found" : "file-unreadable",
      code === "ENOENT"
        ? { ja: "ファイルが見つかりません。パスを確認してください。", en: "File not found. Check the path." }
        : { ja: `ファイルを読めません（${String(code)}）。`, en: `Cannot read the file (${String(code)}).` },
      { file: typed },
    );
  }
}

// Shared with the runners (src/usecases/table.ts); re-exported for the other commands.
export { balancedTable, inFile, withFile };

/** Errors of the file host name the absolute path it was given; say the name the user typed. */
function asTyped(e: unknown, abs: string, typed: string): unknown {
  if (!(e instanceof RippleError) || e.where.file !== abs) return e;
  if (e instanceof RippleErrorList)
    return new RippleErrorList(e.code, e.problems.map((p) => asTyped(p, abs, typed) as RippleError));
  return new RippleError(e.code, e.text, { ...e.where, file: typed }, e.kind);
}

export async function readGrids(cwd: string, typed: string): Promise<GridFile> {
  const abs = resolve(cwd, typed);
  noteInput(abs);
  try {
    return await readGridFile(abs);
  } catch (e) {
    throw asTyped(e, abs, typed);
  }
}

export interface AnalysisRun {
  result: AnalysisResult;
  table: IOTable;
  workbook: string | null;
}

/** `ripple analyze`: fetch the grids (files), run the analysis job, write what it returns. */
export async function runAnalyze(args: AnalyzeArgs, io: CliIO): Promise<AnalysisRun> {
  const lang = args.lang;
  const inputName = args.input;
  // Checked before any file is read: a bad value is named with its option.
  const options = analysisOptions({
    importType: args.importType,
    consumptionRate: args.consumptionRate,
    typeII: args.typeII,
    allowImbalance: args.allowImbalance,
    purchaserPrices: args.purchaserPrices,
    margins: !!(args.margins || args.marginsSheet),
    tradeSector: args.tradeSector,
    transportSector: args.transportSector,
    marginsColumn: args.marginsColumn,
    lang,
  });
  if (args.margins && args.marginsSheet)
    throw new RippleError("margins-twice", {
      ja: "--margins と --margins-sheet はどちらか一方だけ指定してください。",
      en: "give either --margins or --margins-sheet, not both.",
    });

  const file = await readGrids(io.cwd, inputName);
  const mapping = await loadMapping(args, io.cwd, readText);
  const { grid, layout, searched } = inFile(inputName, () =>
    chooseSheet(file.sheets, inputName, { sheet: args.sheet, mapping, importType: args.importType }),
  );
  if (searched)
    say(io, lang, {
      ja: `シート「${grid.sheet}」の表を使います（${layout.sectorBlock}）。別のシートは --sheet で指定できます。`,
      en: `using the table on sheet '${grid.sheet}' (${layout.sectorBlock}); choose another with --sheet.`,
    });
  const shock = await shockInput(args, io, file);
  const margins = await marginsInput(args, io, file);
  const extraInputs: ReportInput[] = args.map
    ? [{ description: `${basename(args.map)} (--map)`, checksum: "sha256:" + sha256Text(JSON.stringify(mapping)) }]
    : [];

  const progress = (n: number) => (wantsProgress(n, !!io.stderr.isTTY, args.json === "-") ? startProgress(io.stderr, lang) : null);
  const job = await runAnalysisJob(
    {
      table: { grid, layout, file: inputName, description: args.inputDescription ?? basename(inputName) },
      shock,
      margins,
      extraInputs,
      host: "cli",
      version: packageVersion(),
    },
    options,
    { signal: args.signal, build: progress },
  );

  const { workbook } = await writeOutputs(io, lang, {
    out: args.out,
    json: args.json,
    defaultOut: args.defaultOut,
    specs: (checkpoint) => ({ full: job.workbook(checkpoint) }),
    jsonValue: job.json,
    summary: () => summaryText(job.result, job.table.unit, lang),
  });
  return { result: job.result, table: job.table, workbook };
}

/** The margin rates' grid for a purchaser-price shock: a CSV/workbook file, or a sheet of the input. */
async function marginsInput(args: AnalyzeArgs, io: CliIO, file: GridFile): Promise<AnalysisJobInput["margins"]> {
  if (!args.margins && !args.marginsSheet) return null;
  const from = args.marginsSheet ? args.input : args.margins!;
  const grid = args.marginsSheet
    ? inFile(from, () => findSheet(file.sheets, args.marginsSheet!, from, "--margins-sheet"))
    : (await readGrids(io.cwd, from)).sheets[0];
  const what = args.lang === "ja" ? "マージン率" : "margin rates";
  return { grid, file: from, description: args.marginsSheet ? `${basename(from)} [${grid.sheet}] (${what})` : `${basename(from)} (${what})` };
}

/** The shock's grid: a CSV/workbook file (--shock), or a sheet of the input workbook. */
async function shockInput(args: AnalyzeArgs, io: CliIO, file: GridFile): Promise<AnalysisJobInput["shock"]> {
  if (!args.shock && !args.shockSheet) return null;
  const shockFile = args.shockSheet ? args.input : args.shock!;
  const grid = args.shockSheet
    ? inFile(shockFile, () => findSheet(file.sheets, args.shockSheet!, shockFile, "--shock-sheet"))
    : (await readGrids(io.cwd, shockFile)).sheets[0];
  return {
    grid,
    file: shockFile,
    description: `${basename(shockFile)} (${args.lang === "ja" ? "ショック" : "shock"})`,
    source: args.shockSheet ? `${basename(shockFile)} [${grid.sheet}]` : basename(shockFile),
  };
}
