// `ripple analyze` (and `ripple demo`, which is analyze on the bundled sample): file -> grid ->
// table -> model -> report -> workbook / JSON. Everything here is the edge: file names, sheet
// choice, messages; the numbers come from the engine and the layout from src/report.

import { existsSync, promises as fs } from "node:fs";
import { basename, resolve } from "node:path";
import { RippleError, RippleErrorList, type Bilingual, type Lang } from "../engine/errors";
import { a1, type Grid } from "../engine/grid";
import {
  IOModel,
  analyze,
  type ModelOptions,
} from "../engine/model";
import type { AnalysisResult } from "../engine/model/result";
import { buildTable, parseShockGrid, recognizeLayout, shockFromPairs } from "../engine/table";
import type { IOTable, ImportType, TableLayout, TableMapping } from "../engine/table/types";
import { buildAnalysisReport, type ReportInput } from "../report/analysisReport";
import { imbalanceNotice } from "../report/imbalanceNotice";
import { checkTableBalance } from "../engine/table/balance";
import { recordModelOptions } from "../report/modelOptionsRecord";
import { checksum, sha256Text } from "../report/checksum";
import { analysisDeliverable } from "../report/deliverable";
import { typeIIFigures } from "../report/typeIISheet";
import { readGridFile, type GridFile } from "../workbook/xlsx";
import type { CliIO } from "./io";
import { loadMapping } from "./mappingFile";
import { packageVersion } from "./packageRoot";
import { startProgress, wantsProgress } from "./progress";
import { summaryText } from "./summary";
import { writeOutputs } from "./outputs";

export interface AnalyzeArgs {
  input: string;
  sheet?: string;
  map?: string;
  importType?: ImportType;
  /** A CSV (or a workbook's first sheet) holding sector label and final-demand change. */
  shock?: string;
  /** A sheet of the input workbook holding the shock instead. */
  shockSheet?: string;
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

export const say = (io: CliIO, lang: Lang, text: Bilingual) => io.stderr.write(`ripple: ${text[lang]}\n`);

export function usedRange(g: Grid): string {
  const rows = g.values.length;
  const cols = Math.max(1, ...g.values.map((r) => r.length));
  return `${a1(g.origin.row, g.origin.col)}:${a1(g.origin.row + Math.max(rows, 1) - 1, g.origin.col + cols - 1)}`;
}

export function findSheet(sheets: Grid[], name: string, file: string, option = "--sheet"): Grid {
  // Exactly, else ignoring case, else ignoring width and the spaces around the name ('54部門 ' as
  // published, typed without its trailing space), when that names one sheet only.
  const loose = (t: string) => t.normalize("NFKC").trim().toLowerCase();
  const near = sheets.filter((g) => loose(g.sheet) === loose(name));
  const exact =
    sheets.find((g) => g.sheet === name) ??
    sheets.find((g) => g.sheet.toLowerCase() === name.toLowerCase()) ??
    (near.length === 1 ? near[0] : undefined);
  if (exact) return exact;
  const names = sheets.map((g) => `'${g.sheet}'`).join(", ");
  throw new RippleError(
    "sheet-not-found",
    {
      ja: `シート「${name}」がありません。あるシート: ${names}。${option} で名前を指定し直してください。`,
      en: `there is no sheet '${name}'. Sheets: ${names}. Give one of them with ${option}.`,
    },
    { file },
  );
}

/** The sheet to read: --sheet, else the first sheet on which a table is recognised. */
export function chooseSheet(
  sheets: Grid[],
  file: string,
  opts: { sheet?: string; mapping?: TableMapping; importType?: ImportType; skip?: ReadonlySet<string> },
): { grid: Grid; layout: TableLayout; searched: boolean } {
  const ropts = { mapping: opts.mapping, importType: opts.importType };
  if (opts.sheet) {
    const grid = findSheet(sheets, opts.sheet, file);
    return { grid, layout: recognizeLayout(grid, ropts), searched: false };
  }
  let first: unknown = null;
  for (const grid of sheets) {
    if (opts.skip?.has(grid.sheet)) continue;
    try {
      return { grid, layout: recognizeLayout(grid, ropts), searched: sheets.length > 1 };
    } catch (e) {
      if (!(e instanceof RippleError)) throw e;
      first ??= e;
    }
  }
  if (sheets.length === 1 && first) throw first;
  const names = sheets.map((g) => `'${g.sheet}'`).join(", ");
  const why = first instanceof RippleError ? first.text : { ja: "", en: "" };
  throw new RippleError(
    "no-table",
    {
      ja: `産業連関表と認識できるシートがありません（${names}）。--sheet でシートを指定してください。最初のシートの問題: ${why.ja}`,
      en: `no sheet holds a recognisable input-output table (${names}). Name the sheet with --sheet. First sheet: ${why.en}`,
    },
    { file },
  );
}

export async function readText(path: string, typed: string): Promise<string> {
  try {
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

/** The table read from the layout, refused when it does not add up (CLI.md; exit 2, nothing
 * written) unless the user allows it, and then carrying the warning every sheet repeats. */
export function balancedTable(
  file: string,
  build: (grid: Grid, layout: TableLayout) => IOTable,
  grid: Grid,
  layout: TableLayout,
  allowImbalance: boolean | undefined,
): IOTable {
  return inFile(file, () => {
    const table = build(grid, layout);
    const warnings = checkTableBalance(table, { allowImbalance });
    return warnings.length ? { ...table, warnings: [...table.warnings, ...warnings] } : table;
  });
}

/** Adds the file to an error that names only a sheet and cell, so the message is complete. */
export function inFile<T>(file: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw withFile(e, file);
  }
}

/** The error with the file named on it (and on each problem of a list). */
export function withFile(e: unknown, file: string): unknown {
  if (e instanceof RippleErrorList) return new RippleErrorList(e.code, e.problems.map((p) => withFile(p, file) as RippleError));
  if (e instanceof RippleError && !e.where.file) return new RippleError(e.code, e.text, { ...e.where, file }, e.kind);
  return e;
}

async function inFileAsync<T>(file: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw withFile(e, file);
  }
}

/** Errors of the file host name the absolute path it was given; say the name the user typed. */
function asTyped(e: unknown, abs: string, typed: string): unknown {
  if (!(e instanceof RippleError) || e.where.file !== abs) return e;
  if (e instanceof RippleErrorList)
    return new RippleErrorList(e.code, e.problems.map((p) => asTyped(p, abs, typed) as RippleError));
  return new RippleError(e.code, e.text, { ...e.where, file: typed }, e.kind);
}

export async function readGrids(cwd: string, typed: string): Promise<GridFile> {
  const abs = resolve(cwd, typed);
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

export async function runAnalyze(args: AnalyzeArgs, io: CliIO): Promise<AnalysisRun> {
  const lang = args.lang;
  const inputName = args.input;
  const jsonToStdout = args.json === "-";

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
  const table = balancedTable(inputName, buildTable, grid, layout, args.allowImbalance);

  // The shock: a CSV/workbook file, or a sheet of the input workbook.
  let shock: number[] | undefined;
  let shockSource: string | undefined;
  const inputs: ReportInput[] = [
    {
      description: args.inputDescription ?? basename(inputName),
      sheet: grid.sheet,
      range: usedRange(grid),
      checksum: checksum(grid),
    },
  ];
  if (args.map) {
    inputs.push({ description: `${basename(args.map)} (--map)`, checksum: "sha256:" + sha256Text(JSON.stringify(mapping)) });
  }
  if (args.shock || args.shockSheet) {
    let shockGrid: Grid;
    let shockFile: string;
    if (args.shockSheet) {
      shockFile = inputName;
      shockGrid = inFile(shockFile, () => findSheet(file.sheets, args.shockSheet!, shockFile, "--shock-sheet"));
    } else {
      shockFile = args.shock!;
      const sf = await readGrids(io.cwd, shockFile);
      shockGrid = sf.sheets[0];
    }
    const pairs = inFile(shockFile, () => parseShockGrid(shockGrid));
    shock = inFile(shockFile, () => shockFromPairs(table, pairs));
    shockSource = args.shockSheet ? `${basename(shockFile)} [${shockGrid.sheet}]` : basename(shockFile);
    inputs.push({
      description: `${basename(shockFile)} (${lang === "ja" ? "ショック" : "shock"})`,
      sheet: shockGrid.sheet,
      range: usedRange(shockGrid),
      checksum: checksum(shockGrid),
    });
  }

  const modelOptions: ModelOptions = {};
  if (args.importType) modelOptions.importType = args.importType;
  if (args.consumptionRate !== undefined) modelOptions.consumptionRate = args.consumptionRate;

  // Build once (with progress for big tables), then analyse on the built model.
  const n = table.sectors.length;
  const progress = wantsProgress(n, !!io.stderr.isTTY, jsonToStdout) ? startProgress(io.stderr, lang) : null;
  let model: IOModel;
  try {
    model = await inFileAsync(inputName, () =>
      IOModel.buildAsync(table, modelOptions, {
        signal: args.signal,
        onProgress: progress ? (d, t, s) => progress.update(d, t, s) : undefined,
      }),
    );
  } finally {
    progress?.stop();
  }
  const result = inFile(inputName, () => analyze(model, shock, { lang }));

  const resolved = recordModelOptions(table, layout, modelOptions);
  const { workbook } = await writeOutputs(io, lang, {
    out: args.out,
    json: args.json,
    defaultOut: args.defaultOut,
    // The deliverable: values and charts on the results sheets, the audit sheet (with a shock)
    // and the confirmed mapping on the method sheet (src/report/deliverable).
    specs: () => {
      const spec = buildAnalysisReport({
        result,
        table,
        options: resolved,
        shock,
        shockSource,
        lang,
        inputs,
        version: packageVersion(),
        typeII: args.typeII ? typeIIFigures(model, shock) : undefined,
      });
      return { full: analysisDeliverable(spec, { model, shock, impact: result.impact, layout }) };
    },
    notice: imbalanceNotice(table.warnings),
    jsonValue: () => result,
    summary: () => summaryText(result, table.unit, lang),
  });
  return { result, table, workbook };
}

/** The JSON result to stdout ("-") or a file. A file is a machine output that scripts read under
 * a fixed name: it is replaced, and the replacement is said on stderr. */
export async function writeJson(target: string, value: unknown, io: CliIO, lang: Lang): Promise<void> {
  const text = JSON.stringify(value) + "\n";
  if (target === "-") {
    io.stdout.write(text);
    return;
  }
  const jsonPath = resolve(io.cwd, target);
  const existed = existsSync(jsonPath);
  try {
    await fs.writeFile(jsonPath, text, "utf8");
  } catch (e) {
    throw new RippleError(
      "file-unwritable",
      {
        ja: `JSON を書き込めません（${(e as Error).message}）。フォルダーがあるか確認してください。`,
        en: `Cannot write the JSON (${(e as Error).message}). Check that the folder exists.`,
      },
      { file: target },
    );
  }
  if (existed) say(io, lang, { ja: `${jsonPath} を上書きしました。`, en: `replaced ${jsonPath}.` });
}
