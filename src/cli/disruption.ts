// `ripple analyze INPUT --disruption SPEC.json`: a supply disruption (import cut, recovery, price
// shock, extraction, Ghosh) on a table read as `ripple analyze` reads it. File -> grid -> table ->
// model -> engine/disruption/spec -> report/disruptionReport -> workbook / JSON. Errors are thrown
// as RippleError and mapped to one line and an exit status by main's reportError.
//
// JSON result (--json): src/usecases/disruption.ts documents its stable field names.

import { basename, resolve } from "node:path";
import { Option } from "commander";
import { parseDisruptionSpecText } from "../engine/disruption/spec";
import { type DisruptionResult } from "../engine/disruption/analyze";
import { warningText, type Lang } from "../engine/errors";
import type { IOTable, ImportType } from "../engine/table/types";
import { sha256Text } from "../report/checksum";
import { unitLabel } from "../report/labels";
import { runDisruptionJob } from "../usecases/disruption";
import { modelSettings } from "../usecases/options";
import { chooseSheet, inFile, readGrids, readText, say } from "./analyze";
import { writeOutputs } from "./outputs";
import type { CliIO } from "./io";
import { loadMapping } from "./mappingFile";
import { packageVersion } from "./packageRoot";
import { startProgress, wantsProgress } from "./progress";

export { disruptionJson } from "../usecases/disruption";

export const DISRUPTION_OUT = "ripple-disruption-results.xlsx";

/** The option for `ripple analyze`; it cannot be combined with the final-demand shock options. */
export function disruptionOption(): Option {
  return new Option(
    "--disruption <spec.json>",
    "supply disruption instead of a demand shock: import cut, recovery, optional price shock (see assets/examples/disruption-magnet-cut.json)",
  ).conflicts(["shock", "shockSheet", "projects"]);
}

export interface DisruptionArgs {
  input: string;
  /** The spec file (JSON), as typed. */
  spec: string;
  sheet?: string;
  map?: string;
  /** Drop sectors with zero or negative output (named in a warning). */
  dropZeroOutput?: boolean;
  /** Run on a table that does not add up (every results sheet then says so). */
  allowImbalance?: boolean;
  importType?: ImportType;
  out?: string;
  /** File for the JSON result, or "-" for stdout. */
  json?: string;
  lang: Lang;
  /** Where the workbook goes when neither --out nor --json is given (default DISRUPTION_OUT). */
  defaultOut?: string;
  inputDescription?: string;
  signal?: AbortSignal;
  /** For tests: the report's creation time. */
  now?: Date;
}

export interface DisruptionRun {
  result: DisruptionResult;
  table: IOTable;
  workbook: string | null;
}

function fmt(v: number, digits: number): string {
  return v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The short summary on stdout (rounded for reading; the workbook and JSON keep full precision). */
export function disruptionSummary(r: DisruptionResult, lang: Lang): string {
  const u = unitLabel(r.unit, lang);
  const loss = r.dynamic.loss ?? [];
  const top = loss
    .map((v, i) => ({ v, i }))
    .sort((a, b) => b.v - a.v)
    .slice(0, 3)
    .map(({ v, i }) => `${r.sectors[i]} ${fmt(v, 1)}`);
  const lines =
    lang === "ja"
      ? [
          `途絶: ${r.sectors[r.sector]} の輸入 ${fmt(r.spec.importCut * 100, 0)}% 減 × ${r.spec.months} か月（失われる供給 ${fmt(r.cut.totalShortfall, 1)} ${u}）`,
          `経済損失（動学 IIM、${r.period.count} 期）: ${fmt(r.dynamic.totalLoss ?? 0, 1)} ${u}`,
          `損失の大きい部門: ${top.join("、")}`,
        ]
      : [
          `Disruption: imports of ${r.sectors[r.sector]} cut by ${fmt(r.spec.importCut * 100, 0)}% for ${r.spec.months} months (supply lost ${fmt(r.cut.totalShortfall, 1)} ${u})`,
          `Economic loss (dynamic IIM, ${r.period.count} periods): ${fmt(r.dynamic.totalLoss ?? 0, 1)} ${u}`,
          `Largest losses: ${top.join(", ")}`,
        ];
  if (r.prices) {
    const p = r.prices.result.delta;
    const j = p.indexOf(Math.max(...p));
    lines.push(
      lang === "ja"
        ? `価格上昇率の最大: ${r.sectors[j]} ${fmt(p[j] * 100, 4)}%`
        : `Largest price increase: ${r.sectors[j]} ${fmt(p[j] * 100, 4)}%`,
    );
  }
  for (const w of r.warnings) lines.push(`${lang === "ja" ? "警告" : "Warning"}: ${warningText(w, lang)}`);
  return lines.join("\n") + "\n";
}

export async function runDisruption(args: DisruptionArgs, io: CliIO): Promise<DisruptionRun> {
  const { lang } = args;
  const jsonToStdout = args.json === "-";
  const model = modelSettings({ importType: args.importType });

  // The spec first: a mistake in it is the likeliest, and cheap to report.
  const specText = await readText(resolve(io.cwd, args.spec), args.spec);
  const spec = parseDisruptionSpecText(specText, { file: args.spec });

  const file = await readGrids(io.cwd, args.input);
  const mapping = await loadMapping(args, io.cwd, readText);
  const { grid, layout, searched } = inFile(args.input, () =>
    chooseSheet(file.sheets, args.input, { sheet: args.sheet, mapping, importType: args.importType }),
  );
  if (searched)
    say(io, lang, {
      ja: `シート「${grid.sheet}」の産業連関表を使います。別のシートは --sheet で指定できます。`,
      en: `using the input-output table on sheet '${grid.sheet}'; choose another with --sheet.`,
    });
  const job = await runDisruptionJob(
    {
      table: { grid, layout, file: args.input, description: args.inputDescription ?? basename(args.input) },
      spec,
      specWhere: { file: args.spec },
      specInput: { description: `${basename(args.spec)} (--disruption)`, checksum: "sha256:" + sha256Text(specText) },
      extraInputs: args.map ? [{ description: `${basename(args.map)} (--map)`, checksum: "sha256:" + sha256Text(JSON.stringify(mapping)) }] : [],
      version: packageVersion(),
      now: args.now,
    },
    { model, allowImbalance: !!args.allowImbalance, lang },
    { signal: args.signal, build: (n) => (wantsProgress(n, !!io.stderr.isTTY, jsonToStdout) ? startProgress(io.stderr, lang) : null) },
  );
  const { workbook } = await writeOutputs(io, lang, {
    out: args.out,
    json: args.json,
    defaultOut: args.defaultOut ?? DISRUPTION_OUT,
    specs: () => ({ full: job.workbook() }),
    jsonValue: job.json,
    summary: () => disruptionSummary(job.result, lang),
  });
  return { result: job.result, table: job.table, workbook };
}
