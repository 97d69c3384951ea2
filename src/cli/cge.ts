// `ripple cge SAM_OR_TABLE [--sheet NAME] [--map MAP.json] [--scenario SCENARIO.json]
// [--numeraire FACTOR] [--out FILE.xlsx] [--json FILE|-] [--lang ja|en]`: the standard CGE model
// (CGE.md) on a SAM. File -> grid -> usecases/cge.ts (read, calibrate, solve, describe) -> JSON /
// summary / workbook. Errors are RippleErrors, mapped to one line and an exit status by main's reportError.
//
// JSON result (CLI.md "ripple cge --json"; full double precision):
// { "goods": [string], "factors": [string],
//   "benchmark": { "utility": number, "gdp": number },
//   "scenario": null | { "name", "utility", "ev", "gdp", "exchangeRate", "factorPrices": {F: n},
//      "goods": { G: { "Z", "D", "E", "M", "Q", "pz", "pq", "pd" } }, "quotaRents": { G: n } },
//   "residual": number, "warnings": [string] }

import { basename, resolve } from "node:path";
import { RippleError, warningText, type Lang } from "../engine/errors";
import {
  parseScenario,
  parseScenarioGrid,
  samFlows,
  type BuiltinScenario,
  type CgeRun,
  type CgeScenario,
  type SamFlows,
  type SamMapping,
} from "../engine/cge";
import type { GridFile } from "../workbook/xlsx";
import { magnetScenariosOnFile } from "./cgeMagnet";
import { inFile, readGrids, readText, say, findSheet } from "./analyze";
import type { CliIO } from "./io";
import { writeOutputs } from "./outputs";
import { sha256Text } from "../report/checksum";
import { packageVersion } from "./packageRoot";

export const CGE_OUT = "ripple-cge-results.xlsx";

export interface CgeArgs {
  input: string;
  sheet?: string;
  map?: string;
  scenario?: string;
  numeraire?: string;
  /** IO table input: sector split sheet (default 部門分割 / Sector split when present). */
  split?: string;
  /** IO table input: government saving Sg in table units (default 0). */
  governmentSaving?: number;
  /** Read the scenario from this sheet of the input workbook (CGEシナリオ layout). */
  scenarioSheet?: string;
  /** Run the built-in magnet scenarios (needs the split magnet sector and the market sheets). */
  magnet?: boolean;
  out?: string;
  json?: string;
  lang: Lang;
  signal?: AbortSignal;
  now?: Date;
}

function parseJsonFile(text: string, file: string, shape: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new RippleError("json-file", { ja: `JSON として読めません（${why}）。${shape} の形で書いてください。`, en: `not valid JSON (${why}). Write it as ${shape}.` }, { file });
  }
}

/** The SAM mapping file: {"accounts": {label: role}}. */
export function parseSamMapping(text: string, file: string): SamMapping {
  const data = parseJsonFile(text, file, '{"accounts": {...}}');
  const ok = typeof data === "object" && data !== null && !Array.isArray(data) && Object.keys(data).every((k) => k === "accounts");
  const acc = ok ? (data as { accounts?: unknown }).accounts : undefined;
  if (!ok || (acc !== undefined && (typeof acc !== "object" || acc === null || Array.isArray(acc) || Object.values(acc).some((v) => typeof v !== "string"))))
    throw new RippleError(
      "cge.mapping-file",
      { ja: 'SAM のマッピングは {"accounts": {"ラベル": "役割"}} の形にしてください。', en: 'a SAM mapping must be {"accounts": {"LABEL": "role"}}.' },
      { file },
    );
  return { accounts: acc as Record<string, string> | undefined };
}

export { cgeJson, type CgeInput } from "../usecases/cge";
import { readCgeInput, runCgeJob, type CgeInput } from "../usecases/cge";

export { cgeSummary } from "./cgeSummary";
import { cgeSummary } from "./cgeSummary";

/** The built-in magnet scenarios, from the split magnet sector and the workbook's market and
 * project sheets. */
async function magnetBuiltins(file: GridFile, args: CgeArgs, input: CgeInput, flows: SamFlows, io: CliIO): Promise<BuiltinScenario[]> {
  if (args.scenario)
    throw new RippleError("cge.magnet-and-scenario", { ja: "--magnet と --scenario はどちらか一方だけ指定してください。", en: "give either --magnet or --scenario, not both." });
  return magnetScenariosOnFile(file, args.input, input, flows, args.lang, io);
}

export async function runCgeCommand(args: CgeArgs, io: CliIO): Promise<CgeRun> {
  const { lang } = args;
  let scenario: CgeScenario | null = null;
  let scenarioText = "";
  if (args.scenario) {
    scenarioText = await readText(resolve(io.cwd, args.scenario), args.scenario);
    scenario = parseScenario(parseJsonFile(scenarioText, args.scenario, '{"name": ..., "tariff": {...}}'), args.scenario);
  }
  const mapText = args.map ? await readText(resolve(io.cwd, args.map), args.map) : null;
  const mapping = mapText !== null ? parseSamMapping(mapText, args.map!) : undefined;
  const file = await readGrids(io.cwd, args.input);
  if (args.scenarioSheet) {
    if (args.scenario || args.magnet)
      throw new RippleError("cge.scenario-twice", { ja: "--scenario-sheet は --scenario / --magnet と一緒に使えません。", en: "give one of --scenario-sheet, --scenario and --magnet." });
    const sg = inFile(args.input, () => findSheet(file.sheets, args.scenarioSheet!, args.input, "--scenario-sheet"));
    scenario = inFile(args.input, () => parseScenarioGrid(sg));
  }
  const input = inFile(args.input, () => readCgeInput(file.sheets, args.input, args, mapping));
  const { grid, searched } = input;
  if (input.fromTable)
    say(io, lang, {
      ja: `シート「${grid.sheet}」の産業連関表から SAM を作りました${input.splits.length ? `（部門分割: ${input.splits.map((d) => d.label).join("、")}）` : ""}。`,
      en: `built the SAM from the input-output table on sheet '${grid.sheet}'${input.splits.length ? ` (split: ${input.splits.map((d) => d.label).join(", ")})` : ""}.`,
    });
  else if (searched) say(io, lang, { ja: `シート「${grid.sheet}」の SAM を使います。別のシートは --sheet で指定できます。`, en: `using the SAM on sheet '${grid.sheet}'; choose another with --sheet.` });
  const flows = inFile(args.input, () => samFlows(input.sam));
  const builtins = args.magnet ? await magnetBuiltins(file, args, input, flows, io) : [];
  const extraInputs: { description: string; sheet: string; checksum: string }[] = [];
  if (args.scenario) extraInputs.push({ description: `${basename(args.scenario)} (--scenario)`, sheet: "", checksum: "sha256:" + sha256Text(scenarioText) });
  if (args.map && mapText !== null) extraInputs.push({ description: `${basename(args.map)} (--map)`, sheet: "", checksum: "sha256:" + sha256Text(mapText) });
  const job = inFile(args.input, () =>
    runCgeJob(
      { input, flows, scenario, builtins, description: basename(args.input), extraInputs, version: packageVersion(), now: args.now },
      { numeraire: args.numeraire, lang, signal: args.signal },
    ),
  );
  await writeOutputs(io, lang, {
    out: args.out,
    json: args.json,
    defaultOut: CGE_OUT,
    specs: () => ({ full: job.workbook() }),
    jsonValue: job.json,
    summary: () => job.runs.map((r) => cgeSummary(r, lang)).join(""),
  });
  const run = job.runs[0];
  return run;
}
