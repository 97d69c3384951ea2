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
import { parseScenario, readSam, runCge, samFlows, type CgeRun, type CgeScenario, type SamMapping } from "../engine/cge";
import { inFile, readGrids, readText, say, findSheet } from "./analyze";
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

/** --sheet, else the first sheet that reads as a SAM. */
function chooseSamSheet(sheets: Grid[], file: string, sheet: string | undefined, mapping: SamMapping | undefined): { grid: Grid; searched: boolean } {
  if (sheet) return { grid: findSheet(sheets, sheet, file), searched: false };
  let first: unknown = null;
  for (const grid of sheets) {
    try {
      samFlows(readSam(grid, mapping));
      return { grid, searched: sheets.length > 1 };
    } catch (e) {
      if (!(e instanceof RippleError)) throw e;
      first ??= e;
    }
  }
  throw first;
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
  const { grid, searched } = inFile(args.input, () => chooseSamSheet(file.sheets, args.input, args.sheet, mapping));
  if (searched) say(io, lang, { ja: `シート「${grid.sheet}」の SAM を使います。別のシートは --sheet で指定できます。`, en: `using the SAM on sheet '${grid.sheet}'; choose another with --sheet.` });
  const sam = inFile(args.input, () => readSam(grid, mapping));
  const flows = inFile(args.input, () => samFlows(sam));
  const run = inFile(args.input, () => runCge(flows, scenario, { numeraire: args.numeraire, signal: args.signal }));
  const inputs = [{ description: basename(args.input), sheet: grid.sheet, checksum: checksum(grid) }];
  if (args.scenario) inputs.push({ description: `${basename(args.scenario)} (--scenario)`, sheet: "", checksum: "sha256:" + sha256Text(scenarioText) });
  if (args.map && mapText !== null) inputs.push({ description: `${basename(args.map)} (--map)`, sheet: "", checksum: "sha256:" + sha256Text(mapText) });
  await writeOutputs(io, lang, {
    out: args.out,
    json: args.json,
    defaultOut: CGE_OUT,
    specs: () => ({ full: cgeWorkbook({ run, sam, lang, inputs, version: packageVersion(), now: args.now }) }),
    jsonValue: () => cgeJson(run, lang),
    summary: () => cgeSummary(run, lang),
  });
  return run;
}
