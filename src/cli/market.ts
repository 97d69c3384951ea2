// `ripple analyze INPUT --market SHEET [--scenario NAME] [--draws N --seed S]`: the demand-share
// (magnet market) model on the parameter and scenario sheets of the input workbook, linked to the
// IO table of the same workbook (--sheet, else the first sheet where a table is recognised), the
// supported plans of a project sheet (--projects), and the results workbook and/or JSON.

import { existsSync, promises as fs, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { type Bilingual, type Lang, RippleError, RippleErrorList, warningText } from "../engine/errors";
import { a1, type Grid } from "../engine/grid";
import { type MarketAnalysis, runMarketOnSheets } from "../engine/market/run";
import { isMarketParamGrid, isMarketScenarioGrid, readMarketSheets } from "../engine/market/sheet";
import { IOModel } from "../engine/model";
import { type Parameter, parseParameters } from "../engine/params/defaults";
import { findSector, parseConverters, parseProjects, type Project } from "../engine/projects/parse";
import { buildTable, recognizeLayout } from "../engine/table";
import { labelKey } from "../engine/table/normalize";
import type { IOTable } from "../engine/table/types";
import type { ReportInput } from "../report/analysisReport";
import { checksum } from "../report/checksum";
import { buildMarketReport } from "../report/marketReport";
import { readGridFile, writeXlsx, type GridFile } from "../workbook/xlsx";
import type { CliIO } from "./io";
import { freePath } from "./outputPath";
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
  out?: string;
  json?: string;
  lang: Lang;
  defaultOut: string;
  signal?: AbortSignal;
}

const say = (io: CliIO, lang: Lang, text: Bilingual) => io.stderr.write(`ripple: ${text[lang]}\n`);

function usedRange(g: Grid): string {
  const rows = Math.max(g.values.length, 1);
  const cols = Math.max(1, ...g.values.map((r) => r.length));
  return `${a1(g.origin.row, g.origin.col)}:${a1(g.origin.row + rows - 1, g.origin.col + cols - 1)}`;
}

function sheetNamed(file: GridFile, name: string, typed: string, option: string): Grid {
  const g = file.sheets.find((s) => s.sheet === name) ?? file.sheets.find((s) => s.sheet.toLowerCase() === name.toLowerCase());
  if (g) return g;
  const names = file.sheets.map((s) => `'${s.sheet}'`).join(", ");
  throw new RippleError(
    "sheet-not-found",
    {
      ja: `シート「${name}」がありません。あるシート: ${names}。${option} で名前を指定し直してください。`,
      en: `there is no sheet '${name}'. Sheets: ${names}. Give one of them with ${option}.`,
    },
    { file: typed },
  );
}

/** Errors of the engine name a sheet and cell; add the file the user typed. */
function inFile<T>(file: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw withFile(e, file);
  }
}

function withFile(e: unknown, file: string): unknown {
  if (!(e instanceof RippleError) || e.where.file) return e;
  if (e instanceof RippleErrorList) return new RippleErrorList(e.code, e.problems.map((p) => withFile(p, file) as RippleError));
  return new RippleError(e.code, e.text, { ...e.where, file }, e.kind);
}

/** The IO table: --sheet, else the first sheet (other than the market sheets) that is one. */
function chooseTable(file: GridFile, typed: string, sheet: string | undefined, skip: Set<string>): { grid: Grid; table: IOTable; searched: boolean } {
  if (sheet) {
    const grid = sheetNamed(file, sheet, typed, "--sheet");
    return { grid, table: inFile(typed, () => buildTable(grid, recognizeLayout(grid))), searched: false };
  }
  for (const grid of file.sheets) {
    if (skip.has(grid.sheet)) continue;
    try {
      return { grid, table: buildTable(grid, recognizeLayout(grid)), searched: true };
    } catch (e) {
      if (!(e instanceof RippleError)) throw e;
    }
  }
  throw new RippleError(
    "no-table",
    {
      ja: "入力のブックに産業連関表と認識できるシートがありません。--sheet で表のシートを指定してください。",
      en: "no sheet of the input workbook holds a recognisable input-output table; name it with --sheet.",
    },
    { file: typed },
  );
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

function readDefaults(): Parameter[] | undefined {
  const path = join(packageRoot(), "assets", "data", "magnet-market", "defaults.csv");
  if (!existsSync(path)) return undefined;
  return parseParameters(readFileSync(path, "utf8"), path);
}

function projectsOf(file: GridFile, typed: string, args: MarketArgs, table: IOTable): { projects: Project[]; grid: Grid } {
  const grid = sheetNamed(file, args.projects!, typed, "--projects");
  let convGrid: Grid | null = args.converters ? sheetNamed(file, args.converters, typed, "--converters") : null;
  let converters = convGrid ? inFile(typed, () => parseConverters(convGrid!, table)) : null;
  if (!converters)
    for (const g of file.sheets) {
      try {
        converters = parseConverters(g, table);
        convGrid = g;
        break;
      } catch (e) {
        if (!(e instanceof RippleError)) throw e;
      }
    }
  if (!converters)
    throw new RippleError(
      "converters-missing",
      {
        ja: "計画シートの「投資転換表」を読む転換表シートが見つかりません。--converters でシートを指定してください。",
        en: "no converter sheet was found for the project sheet's converter column; name it with --converters.",
      },
      { file: typed },
    );
  return { projects: inFile(typed, () => parseProjects(grid, { table, converters: converters! })), grid };
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
}

export async function runMarketCommand(args: MarketArgs, io: CliIO): Promise<MarketRun> {
  const { lang } = args;
  const typed = args.input;
  const abs = resolve(io.cwd, typed);
  let file: GridFile;
  try {
    file = await readGridFile(abs);
  } catch (e) {
    // The file host names the absolute path; say the name the user typed.
    throw e instanceof RippleError && e.where.file === abs && !(e instanceof RippleErrorList) ? new RippleError(e.code, e.text, { ...e.where, file: typed }, e.kind) : e;
  }
  const paramsGrid = sheetNamed(file, args.market, typed, "--market");
  if (!isMarketParamGrid(paramsGrid) && !args.scenarioSheet)
    say(io, lang, {
      ja: `シート「${paramsGrid.sheet}」はパラメータのテンプレートの形（キー・値・分布 …）に見えません。`,
      en: `sheet '${paramsGrid.sheet}' does not look like the parameter template (Key, Value, Distribution …).`,
    });
  const scenarioGrid = args.scenarioSheet
    ? sheetNamed(file, args.scenarioSheet, typed, "--market-scenarios")
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
  const defaults = readDefaults();
  const sheets = inFile(typed, () => readMarketSheets(paramsGrid, scenarioGrid, defaults));

  const skip = new Set([paramsGrid.sheet, scenarioGrid.sheet]);
  const { grid: tableGrid, table, searched } = chooseTable(file, typed, args.sheet, skip);
  if (searched)
    say(io, lang, {
      ja: `シート「${tableGrid.sheet}」の産業連関表を使います。別のシートは --sheet で指定できます。`,
      en: `using the input-output table on sheet '${tableGrid.sheet}'; choose another with --sheet.`,
    });
  const sector = chooseMagnetSector(table, args.magnetSector);
  const model = await IOModel.buildAsync(table, {}, { signal: args.signal }).catch((e) => {
    throw withFile(e, typed);
  });

  const inputs: ReportInput[] = [paramsGrid, scenarioGrid, tableGrid].map((g) => ({
    description: basename(typed),
    sheet: g.sheet,
    range: usedRange(g),
    checksum: checksum(g),
  }));
  let projects: Project[] | undefined;
  let projectsSource: string | undefined;
  if (args.projects) {
    const p = projectsOf(file, typed, args, table);
    projects = p.projects;
    projectsSource = `${basename(typed)} [${p.grid.sheet}]`;
    inputs.push({ description: basename(typed), sheet: p.grid.sheet, range: usedRange(p.grid), checksum: checksum(p.grid) });
  }

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

  let workbook: string | null = null;
  if (args.out !== undefined || args.json === undefined) {
    const requested = resolve(io.cwd, args.out ?? args.defaultOut);
    workbook = freePath(requested);
    const spec = buildMarketReport({
      analysis,
      lang,
      version: packageVersion(),
      inputs,
      magnetSectorNote: sector.reason,
      projectsSource,
      tableName: table.layout?.title ?? tableGrid.sheet,
    });
    await writeXlsx(spec, workbook);
    if (workbook !== requested)
      say(io, lang, { ja: `${requested} は既にあるため上書きせず、${workbook} に書きました。`, en: `${requested} exists, so it was left alone; wrote ${workbook} instead.` });
  }

  const json = marketJson(analysis, { index: sector.index, label: table.sectors[sector.index].label, reason: sector.reason }, lang);
  if (args.json === "-") io.stdout.write(JSON.stringify(json) + "\n");
  else if (args.json !== undefined) {
    const path = resolve(io.cwd, args.json);
    try {
      await fs.writeFile(path, JSON.stringify(json) + "\n", "utf8");
    } catch (e) {
      throw new RippleError(
        "file-unwritable",
        { ja: `JSON を書き込めません（${(e as Error).message}）。`, en: `Cannot write the JSON (${(e as Error).message}).` },
        { file: args.json },
      );
    }
  }
  if (args.json !== "-") {
    io.stdout.write(marketSummary(analysis, lang));
    if (workbook) io.stdout.write(`${lang === "ja" ? "結果のブック" : "Results workbook"}: ${workbook}\n`);
    if (args.json !== undefined) io.stdout.write(`JSON: ${resolve(io.cwd, args.json)}\n`);
  } else if (workbook) say(io, lang, { ja: `結果のブック: ${workbook}`, en: `results workbook: ${workbook}` });
  return { analysis, workbook };
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
