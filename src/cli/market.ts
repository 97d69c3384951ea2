// `ripple analyze INPUT --market SHEET [--scenario NAME] [--draws N --seed S]`: the demand-share
// (magnet market) model on the parameter and scenario sheets of the input workbook, linked to the
// IO table of the same workbook (--sheet, else the first sheet where a table is recognised), the
// supported plans of a project sheet (--projects), and the results workbook and/or JSON.

import { basename } from "node:path";
import { type Lang, RippleError } from "../engine/errors";
import type { Grid } from "../engine/grid";
import type { MarketAnalysis } from "../engine/market/run";
import { isMarketParamGrid, isMarketScenarioGrid } from "../engine/market/sheet";
import type { ImportType } from "../engine/table/types";
import { PROJECT_SHEETS } from "../report/projectLabels";
import { runMarketJob, type MarketJobInput } from "../usecases/market";
import { modelSettings } from "../usecases/options";
import { securityParametersOf } from "../usecases/security";
import type { GridFile } from "../workbook/xlsx";
import { chooseSheet, findSheet, inFile, readGrids, readText, say } from "./analyze";
import { cliOffload } from "./offload";
import { writeOutputs } from "./outputs";
import type { CliIO } from "./io";
import { loadMapping } from "./mappingFile";
import { readMarketDefaults } from "./marketDefaults";
import { projectsInputOf } from "./projects";
import { securitySummary } from "./securitySummary";
import { packageVersion } from "./packageRoot";

export { chooseMagnetSector } from "../usecases/magnetSector";
export { marketJson } from "../usecases/market";
export { readMarketDefaults } from "./marketDefaults";

export interface MarketArgs {
  input: string;
  /** The parameter sheet (the --market value). */
  market: string;
  /** The scenario sheet; default: the sheet laid out as the scenario template. */
  scenarioSheet?: string;
  scenario?: string;
  draws?: number;
  seed?: string;
  /** Sheet of the IO table; default: the first sheet where a table is recognised. */
  sheet?: string;
  map?: string;
  importType?: ImportType;
  consumptionRate?: number | string;
  dropZeroOutput?: boolean;
  /** Label (code or name) of the sector magnet output enters. */
  magnetSector?: string;
  /** Project sheet of the supported plans (default: the sheet 事業計画 / Projects when the
   * workbook has one, as the pane's 需給モデル tab and the projects job read it); false: none. */
  projects?: string | false;
  converters?: string;
  /** With projects: also write the public version (公開版) beside the workbook. */
  public?: boolean;
  /** Run on a table that does not add up (every results sheet then says so). */
  allowImbalance?: boolean;
  out?: string;
  json?: string;
  lang: Lang;
  defaultOut: string;
  signal?: AbortSignal;
}

function sayTableSheet(io: CliIO, lang: Lang, sheet: string): void {
  say(io, lang, {
    ja: `シート「${sheet}」の産業連関表を使います。別のシートは --sheet で指定できます。`,
    en: `using the input-output table on sheet '${sheet}'; choose another with --sheet.`,
  });
}

/** The project sheet: --projects, else the sheet named as the template (事業計画 / Projects). */
function projectSheetName(file: GridFile, args: MarketArgs, io: CliIO): string | null {
  if (args.projects === false) return null;
  if (args.projects !== undefined) return args.projects;
  const p = PROJECT_SHEETS.projects;
  const found = file.sheets.find((g) => g.sheet === p.ja || g.sheet.toLowerCase() === p.en.toLowerCase());
  if (!found) return null;
  say(io, args.lang, {
    ja: `シート「${found.sheet}」の支援計画を含めます（含めないときは --no-projects）。`,
    en: `including the supported plans on sheet '${found.sheet}' (leave them out with --no-projects).`,
  });
  return found.sheet;
}

export interface MarketRun {
  analysis: MarketAnalysis;
  workbook: string | null;
  publicWorkbook: string | null;
}

/** `ripple analyze --market`: fetch the grids, run the market job, write what it returns. */
export async function runMarketCommand(args: MarketArgs, io: CliIO): Promise<MarketRun> {
  const { lang } = args;
  const typed = args.input;
  const file = await readGrids(io.cwd, typed);
  const paramsGrid = inFile(typed, () => findSheet(file.sheets, args.market, typed, "--market"));
  if (!isMarketParamGrid(paramsGrid) && !args.scenarioSheet)
    say(io, lang, {
      ja: `シート「${paramsGrid.sheet}」はパラメータのテンプレートの形（キー・値・分布 …）に見えません。`,
      en: `sheet '${paramsGrid.sheet}' does not look like the parameter template (Key, Value, Distribution …).`,
    });
  const scenarioGrid = args.scenarioSheet
    ? inFile(typed, () => findSheet(file.sheets, args.scenarioSheet!, typed, "--market-scenarios"))
    : file.sheets.find((g) => g !== paramsGrid && isMarketScenarioGrid(g));
  if (!scenarioGrid)
    throw new RippleError(
      "market-no-scenario-sheet",
      {
        ja: "シナリオシート（シナリオ・輸入元・供給削減率・期間 の見出し）が入力のブックにありません。テンプレートを挿入するか --market-scenarios で指定してください。",
        en: "the input workbook has no scenario sheet (headers Scenario, Origin, Supply cut, Months); insert the template or name it with --market-scenarios.",
      },
      { file: typed },
    );
  const projects = projectSheetName(file, args, io);
  if (args.public && !projects)
    throw new RippleError("public-needs-projects", {
      ja: "--public は --projects と一緒に指定してください（公開版は非公開の計画を除いたブックです）。",
      en: "--public goes with --projects (the public version is the workbook without the confidential plans).",
    });
  const name = basename(typed);
  const named = (grid: Grid) => ({ grid, file: typed, description: name });
  let table: MarketJobInput["table"];
  let plans: MarketJobInput["plans"] = null;
  if (projects) {
    // The plans and the table read as the projects job reads them (table recognised once).
    const p = await projectsInputOf(file, { ...args, projects, lang }, io);
    table = { ...p.table, description: name };
    plans = { projects: named(p.projects), converters: p.converters, params: p.params, split: p.split, source: `${name} [${p.projects.sheet}]` };
  } else {
    const mapping = await loadMapping(args, io.cwd, readText);
    const skip = new Set([paramsGrid.sheet, scenarioGrid.sheet]);
    const chosen = inFile(typed, () => chooseSheet(file.sheets, typed, { sheet: args.sheet, mapping, importType: args.importType, skip }));
    table = { ...named(chosen.grid), layout: chosen.layout };
  }
  if (!args.sheet && file.sheets.length > 1) sayTableSheet(io, lang, table.grid.sheet);
  const defaults = readMarketDefaults();
  const job = await runMarketJob(
    {
      params: named(paramsGrid),
      scenarios: named(scenarioGrid),
      defaults,
      table,
      plans,
      securityParameters: plans ? inFile(typed, () => securityParametersOf(file.sheets)) : undefined,
      host: "cli",
      version: packageVersion(),
    },
    {
      model: modelSettings({ importType: args.importType, consumptionRate: args.consumptionRate }),
      allowImbalance: !!args.allowImbalance,
      lang,
      scenario: args.scenario,
      draws: args.draws,
      seed: args.seed,
      magnetSector: args.magnetSector,
    },
    { signal: args.signal, offload: cliOffload() },
  );
  const security = job.security?.run ?? null;
  const { workbook, publicWorkbook } = await writeOutputs(io, lang, {
    out: args.out,
    json: args.json,
    defaultOut: args.defaultOut,
    specs: job.workbooks,
    wantPublic: args.public,
    jsonValue: job.json,
    summary: () => marketSummary(job.analysis, lang) + (security ? securitySummary(security, job.table?.unit ?? null, lang) : ""),
  });
  return { analysis: job.analysis, workbook, publicWorkbook };
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const tons = (v: number) => Math.round(v).toLocaleString("en-US");

/** A few lines for the terminal: the KPI verdict, the scenarios and the Monte Carlo figure. */
export function marketSummary(a: MarketAnalysis, lang: Lang): string {
  const k = a.kpi;
  const ja = lang === "ja";
  const lines = [
    ja
      ? `KPI ${k.year}年 国内生産能力/国内需要 = ${pct(k.value)}（目標 ${pct(k.target)}）: ${k.pass ? "達成" : "未達"}（能力 ${tons(k.capacity)} t/年、需要 ${tons(k.demand)} t）`
      : `KPI ${k.year} domestic capacity/demand = ${pct(k.value)} (target ${pct(k.target)}): ${k.pass ? "PASS" : "FAIL"} (capacity ${tons(k.capacity)} t/yr, demand ${tons(k.demand)} t)`,
  ];
  for (const r of a.runs.slice(1)) {
    const gva = r.cumulative.effects?.total.valueAdded;
    lines.push(
      ja
        ? `  ${r.scenario.name}: 供給不足 累積 ${tons(r.cumulative.shortfall)} t、国内生産の変化 ${r.cumulative.millionYen.toFixed(1)} 百万円${gva !== undefined && gva !== null ? `、粗付加価値誘発額 ${gva.toFixed(1)}` : ""}`
        : `  ${r.scenario.name}: shortfall ${tons(r.cumulative.shortfall)} t cumulative, output change ${r.cumulative.millionYen.toFixed(1)} million yen${gva !== undefined && gva !== null ? `, induced GVA ${gva.toFixed(1)}` : ""}`,
    );
  }
  if (a.monteCarlo) {
    const m = a.monteCarlo;
    const q = m.byYear[a.years.indexOf(k.year)].kpi;
    lines.push(
      ja
        ? `モンテカルロ ${m.draws.toLocaleString("en-US")} 回（種 ${m.seed}、${(m.milliseconds / 1000).toFixed(2)} 秒）: KPI P5 ${pct(q.p5)} / P50 ${pct(q.p50)} / P95 ${pct(q.p95)}、達成確率 ${pct(m.passProbability)}`
        : `Monte Carlo ${m.draws.toLocaleString("en-US")} draws (seed ${m.seed}, ${(m.milliseconds / 1000).toFixed(2)} s): KPI P5 ${pct(q.p5)} / P50 ${pct(q.p50)} / P95 ${pct(q.p95)}, P(pass) ${pct(m.passProbability)}`,
    );
  }
  return lines.join("\n") + "\n";
}
