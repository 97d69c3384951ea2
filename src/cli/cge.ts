// `ripple cge SAM_OR_TABLE [--sheet NAME] [--map MAP.json] [--scenario SCENARIO.json]
// [--numeraire FACTOR] [--out FILE.xlsx] [--json FILE|-] [--lang ja|en]`: the standard CGE model
// (CGE.md) on a SAM. File -> grid -> engine/cge (read, calibrate, solve) -> JSON / summary /
// workbook. Errors are RippleErrors, mapped to one line and an exit status by main's reportError.
//
// JSON result (CLI.md "ripple cge --json"; full double precision):
// { "goods": [string], "factors": [string],
//   "benchmark": { "utility": number, "gdp": number },
//   "scenario": null | { "name", "utility", "ev", "gdp", "exchangeRate", "factorPrices": {F: n},
//      "goods": { G: { "Z", "D", "E", "M", "Q", "pz", "pq", "pd" } }, "quotaRents": { G: n } },
//   "residual": number, "warnings": [string] }

import { basename, resolve } from "node:path";
import { RippleError, warningText, type Lang } from "../engine/errors";
import type { Grid } from "../engine/grid";
import {
  calibrate,
  magnetScenarios,
  parseScenario,
  parseScenarioGrid,
  readSam,
  runCge,
  samFlows,
  samFromTable,
  type BuiltinScenario,
  type CgeRun,
  type CgeScenario,
  type Sam,
  type SamFlows,
  type SamMapping,
  type TableSam,
} from "../engine/cge";
import type { GridFile } from "../workbook/xlsx";
import { magnetInputs } from "./cgeMagnet";
import { parseSplits, type SplitDefinition } from "../engine/projects/splitSheet";
import { buildTable } from "../engine/table";
import { PROJECT_SHEETS } from "../report/projectLabels";
import { chooseSheet, inFile, readGrids, readText, say, findSheet } from "./analyze";
import type { CliIO } from "./io";
import { writeOutputs } from "./outputs";
import { checksum, sha256Text } from "../report/checksum";
import { cgeWorkbook } from "../report/cgeReport";
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

const RESERVED = /^(cap|lab|idt|trf|hoh|gov|inv|ext|資本|労働|生産税|関税|家計|政府|投資|海外)$/i;

/** A sheet that names at least three reserved SAM accounts is meant as a SAM. */
function looksLikeSam(g: Grid): boolean {
  let hits = 0;
  for (const row of g.values.slice(0, 60)) for (const v of row) if (typeof v === "string" && RESERVED.test(v.normalize("NFKC").trim())) hits++;
  return hits >= 3;
}

export interface CgeInput {
  grid: Grid;
  sam: Sam;
  /** Set when the SAM was built from an IO table. */
  fromTable: TableSam | null;
  splits: SplitDefinition[];
  searched: boolean;
  /** Unit of the IO table (null for a SAM). */
  unit: string | null;
}

/** The SAM: a sheet that reads as one (--sheet, else the first), else an IO table (MIC
 * competitive layout, with the sector split sheet when there is one) turned into a SAM. */
function chooseInput(sheets: Grid[], file: string, args: CgeArgs, mapping: SamMapping | undefined): CgeInput {
  const candidates = args.sheet ? [findSheet(sheets, args.sheet, file)] : sheets;
  let samError: unknown = null;
  for (const grid of candidates) {
    try {
      const sam = readSam(grid, mapping);
      samFlows(sam);
      return { grid, sam, fromTable: null, splits: [], searched: !args.sheet && sheets.length > 1, unit: null };
    } catch (e) {
      if (!(e instanceof RippleError)) throw e;
      if (looksLikeSam(grid)) samError ??= e;
    }
  }
  if (samError) throw samError;
  const { grid, layout, searched } = chooseSheet(sheets, file, { sheet: args.sheet });
  let table = buildTable(grid, layout);
  const splitGrid = args.split ? findSheet(sheets, args.split, file, "--split") : (sheets.find((g) => g.sheet === PROJECT_SHEETS.split.ja || g.sheet === PROJECT_SHEETS.split.en) ?? null);
  let splits: SplitDefinition[] = [];
  if (splitGrid) {
    const r = parseSplits(splitGrid, table);
    table = r.table;
    splits = r.definitions;
  }
  const fromTable = samFromTable(table, { governmentSaving: args.governmentSaving });
  return { grid, sam: fromTable.sam, fromTable, splits, searched, unit: table.unit };
}

export function cgeJson(r: CgeRun, lang: Lang): unknown {
  const c = r.calibration;
  const s = r.solution;
  const byGood = <T>(f: (i: number) => T) => Object.fromEntries(c.goods.map((g, i) => [g, f(i)]));
  return {
    goods: c.goods,
    factors: c.factors,
    benchmark: { utility: r.benchmark.UU, gdp: r.gdp0 },
    scenario:
      s && r.scenario
        ? {
            name: r.scenario.name,
            utility: s.UU,
            ev: r.ev,
            gdp: r.gdp,
            exchangeRate: s.epsilon,
            factorPrices: Object.fromEntries(c.factors.map((h, k) => [h, s.pf[k]])),
            goods: byGood((i) => ({ Z: s.Z[i], D: s.D[i], E: s.E[i], M: s.M[i], Q: s.Q[i], pz: s.pz[i], pq: s.pq[i], pd: s.pd[i] })),
            quotaRents: Object.fromEntries(r.policy!.quota.flatMap((q, i) => (q === null ? [] : [[c.goods[i], s.rents[i]]]))),
          }
        : null,
    residual: r.residual,
    warnings: r.warnings.map((w) => warningText(w, lang)),
  };
}

const pct = (a: number, b: number) => `${((a / b - 1) * 100).toFixed(2)}%`;

export function cgeSummary(r: CgeRun, lang: Lang): string {
  const ja = lang === "ja";
  const lines = [ja ? `ベンチマーク効用 UU: ${r.benchmark.UU}` : `Benchmark utility UU: ${r.benchmark.UU}`];
  const s = r.solution;
  if (s && r.scenario) {
    const c = r.calibration;
    lines.push(
      ja ? `シナリオ「${r.scenario.name}」: 効用 ${s.UU}（${pct(s.UU, r.benchmark.UU)}）、等価変分 EV ${r.ev!.toFixed(4)}、実質 GDP ${pct(r.gdp!, r.gdp0)}、為替レート ${s.epsilon.toFixed(4)}`
         : `Scenario '${r.scenario.name}': utility ${s.UU} (${pct(s.UU, r.benchmark.UU)}), EV ${r.ev!.toFixed(4)}, real GDP ${pct(r.gdp!, r.gdp0)}, exchange rate ${s.epsilon.toFixed(4)}`,
    );
    const moves = c.goods.map((g, i) => ({ g, d: s.Z[i] / c.Z0[i] - 1 })).sort((a, b) => Math.abs(b.d) - Math.abs(a.d)).slice(0, 3);
    lines.push((ja ? "生産の変化が大きい財: " : "Largest output changes: ") + moves.map((m) => `${m.g} ${(m.d * 100).toFixed(2)}%`).join(ja ? "、" : ", "));
  }
  lines.push((ja ? "最大尺度化残差: " : "Largest scaled residual: ") + r.residual.toExponential(2));
  for (const w of r.warnings) lines.push(`${ja ? "警告" : "Warning"}: ${warningText(w, lang)}`);
  return lines.join("\n") + "\n";
}

/** The built-in magnet scenarios, from the split magnet sector and the workbook's market and
 * project sheets. */
async function magnetBuiltins(file: GridFile, args: CgeArgs, input: CgeInput, flows: SamFlows, io: CliIO): Promise<BuiltinScenario[]> {
  if (args.scenario)
    throw new RippleError("cge.magnet-and-scenario", { ja: "--magnet と --scenario はどちらか一方だけ指定してください。", en: "give either --magnet or --scenario, not both." });
  const split = input.splits[0];
  if (!input.fromTable || !split)
    throw new RippleError(
      "cge.magnet-no-split",
      { ja: "--magnet には、部門分割シートで磁石部門を分割した産業連関表が必要です。", en: "--magnet needs an input-output table with the magnet sector split out (the 部門分割 / Sector split sheet)." },
      { file: args.input },
    );
  const c = calibrate(flows);
  const i = c.goods.indexOf(split.label);
  const m = await magnetInputs(file, args.input, { label: split.label, output: c.Z0[i], tauz0: c.tauz[i], unit: input.unit }, args.lang, io);
  return magnetScenarios(m);
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
  const input = inFile(args.input, () => chooseInput(file.sheets, args.input, args, mapping));
  const { grid, sam, searched } = input;
  if (input.fromTable)
    say(io, lang, {
      ja: `シート「${grid.sheet}」の産業連関表から SAM を作りました${input.splits.length ? `（部門分割: ${input.splits.map((d) => d.label).join("、")}）` : ""}。`,
      en: `built the SAM from the input-output table on sheet '${grid.sheet}'${input.splits.length ? ` (split: ${input.splits.map((d) => d.label).join(", ")})` : ""}.`,
    });
  else if (searched) say(io, lang, { ja: `シート「${grid.sheet}」の SAM を使います。別のシートは --sheet で指定できます。`, en: `using the SAM on sheet '${grid.sheet}'; choose another with --sheet.` });
  const flows = inFile(args.input, () => samFlows(sam));
  const opts = { numeraire: args.numeraire, signal: args.signal };
  let runs: CgeRun[];
  let builtins: BuiltinScenario[] = [];
  if (args.magnet) {
    builtins = await magnetBuiltins(file, args, input, flows, io);
    runs = builtins.map((b) => inFile(args.input, () => runCge(flows, b.scenario, opts)));
  } else runs = [inFile(args.input, () => runCge(flows, scenario, opts))];
  const run = runs[0];
  const inputs = [{ description: basename(args.input), sheet: grid.sheet, checksum: checksum(grid) }];
  if (args.scenario) inputs.push({ description: `${basename(args.scenario)} (--scenario)`, sheet: "", checksum: "sha256:" + sha256Text(scenarioText) });
  if (args.map && mapText !== null) inputs.push({ description: `${basename(args.map)} (--map)`, sheet: "", checksum: "sha256:" + sha256Text(mapText) });
  const scenarioNotes = builtins.map((b) => ({ name: b.scenario.name, label: b.label, notes: b.notes }));
  await writeOutputs(io, lang, {
    out: args.out,
    json: args.json,
    defaultOut: CGE_OUT,
    specs: () => ({ full: cgeWorkbook({ run, more: runs.slice(1), scenarioNotes, sam, fromTable: input.fromTable, lang, inputs, version: packageVersion(), now: args.now }) }),
    jsonValue: () => {
      const j = cgeJson(run, lang) as Record<string, unknown>;
      // Several scenarios (--magnet): the first in "scenario" (CLI.md), all of them in "scenarios".
      if (runs.length > 1) j.scenarios = runs.map((r) => (cgeJson(r, lang) as { scenario: unknown }).scenario);
      return j;
    },
    summary: () => runs.map((r) => cgeSummary(r, lang)).join(""),
  });
  return run;
}
