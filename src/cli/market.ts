// `ripple analyze INPUT --market SHEET [--scenario NAME] [--draws N --seed S]`: the demand-share
// (magnet market) model on the parameter and scenario sheets of the input workbook, linked to the
// IO table of the same workbook (--sheet, else the first sheet where a table is recognised), the
// supported plans of a project sheet (--projects), and the results workbook and/or JSON.

import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { type Bilingual, type Lang, RippleError, type RippleWarning, warningText } from "../engine/errors";
import type { Grid } from "../engine/grid";
import { type MarketAnalysis, runMarketOnSheets } from "../engine/market/run";
import { isMarketParamGrid, isMarketScenarioGrid, readMarketSheets } from "../engine/market/sheet";
import { IOModel } from "../engine/model";
import { type Parameter, parseParameters } from "../engine/params/defaults";
import { findSector, type Project } from "../engine/projects/parse";
import { buildTable } from "../engine/table";
import { labelKey } from "../engine/table/normalize";
import type { IOTable, TableLayout } from "../engine/table/types";
import type { ReportInput } from "../report/analysisReport";
import { checksum } from "../report/checksum";
import { marketDeliverables } from "../report/deliverable";
import { balancedTable, chooseSheet, findSheet, inFile, readGrids, say, usedRange, withFile } from "./analyze";
import { imbalanceNotice } from "../report/imbalanceNotice";
import { writeOutputs } from "./outputs";
import type { CliIO } from "./io";
import { projectsOnFile } from "./projects";
import type { Evaluation } from "../engine/projects/evaluate";
import { runSecurity, securityDetailJson, securityJson } from "../engine/security";
import { securitySummary } from "./securitySummary";
import { securityParametersOf } from "./securityParams";
import { securityPlanIds, withSecurity } from "../report/securityReport";
import { packageRoot, packageVersion } from "./packageRoot";

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
  /** Label (code or name) of the sector magnet output enters. */
  magnetSector?: string;
  /** Project sheet of the supported plans, and its converter sheet (default: found by header). */
  projects?: string;
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

/** The sector magnet output enters: --magnet-sector, else one whose label says 磁石/magnet,
 * else 製造業/manufacturing; the reason goes into the method notes. */
export function chooseMagnetSector(table: IOTable, label: string | undefined): { index: number; reason: Bilingual } {
  if (label !== undefined) {
    const i = findSector(table, label);
    if (i === null)
      throw new RippleError("magnet-sector-unknown", {
        ja: `--magnet-sector の部門「${label}」が表にありません。表の部門コードか名称を指定してください。`,
        en: `the --magnet-sector '${label}' is not a sector of the table; give a code or name of the table.`,
      });
    return { index: i, reason: { ja: "--magnet-sector で利用者が指定", en: "chosen by the user with --magnet-sector" } };
  }
  const keyOf = (i: number) => labelKey(`${table.sectors[i].label} ${table.sectors[i].name}`);
  const find = (words: string[]) => table.sectors.findIndex((_, i) => words.some((w) => keyOf(i).includes(w)));
  const magnet = find(["磁石", "magnet"]);
  if (magnet >= 0)
    return { index: magnet, reason: { ja: "既定：部門名に「磁石」/magnet を含む部門", en: "default: the sector whose label contains 磁石/magnet" } };
  const manuf = find(["製造業", "manufacturing"]);
  if (manuf >= 0)
    return {
      index: manuf,
      reason: {
        ja: "既定：磁石の部門がないため製造業（磁石は製造業の平均的な投入構造とみなす。--magnet-sector で変更可、部門分割で固有の投入構造を与えられます）",
        en: "default: no magnet sector, so manufacturing (magnets take manufacturing's average input structure; change with --magnet-sector, or split a sector for their own)",
      },
    };
  throw new RippleError("magnet-sector-missing", {
    ja: "磁石の生産を入れる部門が見つかりません（「磁石」も「製造業」もありません）。--magnet-sector で部門を指定してください。",
    en: "no sector for magnet output was found (neither 'magnet' nor 'manufacturing'); name one with --magnet-sector.",
  });
}

/** The magnet-market defaults, relative to the package (named on the method sheet). */
const DEFAULTS_PATH = "assets/data/magnet-market/defaults.csv";

export function readMarketDefaults(): Parameter[] | undefined {
  const path = join(packageRoot(), ...DEFAULTS_PATH.split("/"));
  if (!existsSync(path)) return undefined;
  return parseParameters(readFileSync(path, "utf8"), path);
}

/** The JSON result (field names documented in the report; full precision). */
export function marketJson(a: MarketAnalysis, sector: { index: number; label: string; reason: Bilingual } | null, lang: Lang): unknown {
  return {
    years: a.years,
    kpi: a.kpi,
    magnetSector: sector ? { index: sector.index, label: sector.label, reason: sector.reason[lang] } : null,
    unitEffect: a.unitEffect,
    supportedPlans: a.plans,
    scenarios: a.runs.map((r) => ({
      name: r.scenario.name,
      label: r.scenario.label[lang],
      shocks: r.scenario.shocks,
      years: r.result.years,
      outputChange: r.change,
      effects: r.effects,
      cumulative: r.cumulative,
    })),
    monteCarlo: a.monteCarlo,
    tornado: a.tornado,
    parameters: a.sheets.params,
    uncertain: a.sheets.uncertain,
    warnings: a.warnings.map((w) => warningText(w, lang)),
  };
}

export interface MarketRun {
  analysis: MarketAnalysis;
  workbook: string | null;
  publicWorkbook: string | null;
}

export async function runMarketCommand(args: MarketArgs, io: CliIO): Promise<MarketRun> {
  const { lang } = args;
  const typed = args.input;
  if (args.public && !args.projects)
    throw new RippleError("public-needs-projects", {
      ja: "--public は --projects と一緒に指定してください（公開版は非公開の計画を除いたブックです）。",
      en: "--public goes with --projects (the public version is the workbook without the confidential plans).",
    });
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
  const defaults = readMarketDefaults();
  const sheets = inFile(typed, () => readMarketSheets(paramsGrid, scenarioGrid, defaults));

  // With --projects the plans come from the same pipeline as `--projects` alone: their capacity,
  // and the table with any sector split (so the magnet sector can be the split sector).
  let table: IOTable;
  let tableGrid: Grid;
  let model: IOModel;
  let projects: Project[] | undefined;
  let projectsSource: string | undefined;
  let layout: TableLayout | null;
  const extraInputs: Grid[] = [];
  let evaluation: Evaluation | undefined;
  let readWarnings: readonly RippleWarning[] = [];
  if (args.projects) {
    const r = await projectsOnFile(file, { input: typed, sheet: args.sheet, projects: args.projects, converters: args.converters, lang, allowImbalance: args.allowImbalance }, io);
    ({ table, model, projects, layout, evaluation } = r);
    readWarnings = r.baseTable.warnings;
    const chosen = inFile(typed, () => chooseSheet(file.sheets, typed, { sheet: args.sheet }));
    tableGrid = chosen.grid;
    if (chosen.searched) sayTableSheet(io, lang, tableGrid.sheet);
    const projectGrid = findSheet(file.sheets, args.projects, typed, "--projects");
    projectsSource = `${basename(typed)} [${projectGrid.sheet}]`;
    extraInputs.push(projectGrid);
  } else {
    const chosen = inFile(typed, () => chooseSheet(file.sheets, typed, { sheet: args.sheet, skip: new Set([paramsGrid.sheet, scenarioGrid.sheet]) }));
    tableGrid = chosen.grid;
    if (chosen.searched) sayTableSheet(io, lang, tableGrid.sheet);
    layout = chosen.layout;
    table = balancedTable(typed, buildTable, chosen.grid, chosen.layout, args.allowImbalance);
    model = await IOModel.buildAsync(table, {}, { signal: args.signal }).catch((e) => {
      throw withFile(e, typed);
    });
  }
  const sector = chooseMagnetSector(table, args.magnetSector);
  const inputs: ReportInput[] = [paramsGrid, scenarioGrid, tableGrid, ...extraInputs].map((g) => ({
    description: basename(typed),
    sheet: g.sheet,
    range: usedRange(g),
    checksum: checksum(g),
  }));

  const analysis = inFile(typed, () =>
    runMarketOnSheets(sheets, {
      projects,
      model,
      magnetSector: sector.index,
      draws: args.draws,
      seed: args.seed,
      scenario: args.scenario,
      signal: args.signal,
    }),
  );

  // With the plans: their economic-security value on the same market run (RESILIENCE.md).
  const security = evaluation ? inFile(typed, () => runSecurity({ market: analysis, evaluation: evaluation!, model, parameters: securityParametersOf(file, typed), draws: args.draws, seed: args.seed })) : null;
  const json = {
    ...(marketJson(analysis, { index: sector.index, label: table.sectors[sector.index].label, reason: sector.reason }, lang) as object),
    ...(security ? { security: securityJson(security), securityDetail: securityDetailJson(security, lang) } : {}),
  };
  const { workbook, publicWorkbook } = await writeOutputs(io, lang, {
    out: args.out,
    json: args.json,
    defaultOut: args.defaultOut,
    // The deliverables (src/report/deliverable/marketDeliverable.ts, shared with the pane):
    // the complete method sheet, values only, and with plans the public version.
    specs: () =>
      marketDeliverables({
        analysis,
        lang,
        version: packageVersion(),
        inputs,
        magnetSectorNote: sector.reason,
        projectsSource,
        tableName: table.layout?.title ?? tableGrid.sheet,
        defaultsFile: defaults ? DEFAULTS_PATH : undefined,
        layout,
        extend: security
          ? (spec) => withSecurity(spec, { run: security, unit: table.unit, lang, planIds: securityPlanIds(projects ?? []) })
          : undefined,
      }),
    wantPublic: args.public,
    notice: imbalanceNotice([...readWarnings, ...table.warnings]),
    jsonValue: () => json,
    summary: () => marketSummary(analysis, lang) + (security ? securitySummary(security, table.unit, lang) : ""),
  });
  return { analysis, workbook, publicWorkbook };
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
