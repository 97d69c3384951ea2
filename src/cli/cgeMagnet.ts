// `ripple cge BOOK.xlsx --magnet`: the inputs of the built-in magnet scenarios gathered from the
// workbook the other commands read (the sample's layout): the split magnet sector (部門分割), the
// demand-share model's sheets (磁石パラメータ, 磁石シナリオ; base and severe runs) and the supported
// plans (事業計画, through the same pipeline as --projects).

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RippleError, type Lang } from "../engine/errors";
import type { MagnetInputs } from "../engine/cge";
import { runMarketOnSheets, tableUnitsPerMillionYen } from "../engine/market/run";
import { isMarketParamGrid, isMarketScenarioGrid, readMarketSheets } from "../engine/market/sheet";
import { parseParameters } from "../engine/params/defaults";
import type { GridFile } from "../workbook/xlsx";
import { PROJECT_SHEETS } from "../report/projectLabels";
import type { CliIO } from "./io";
import { packageRoot } from "./packageRoot";
import { projectsOnFile } from "./projects";

/** The spec's own example of an export-control premium, used when the scenario sheet gives none. */
const EXAMPLE_PREMIUM = { value: 0.5, source: "CGE.md section 3 example (importPrice × 1.5), illustrative, grade C" };

function need(cond: unknown, ja: string, en: string, file: string): asserts cond {
  if (!cond) throw new RippleError("cge.magnet-input", { ja, en }, { file });
}

export async function magnetInputs(
  file: GridFile,
  typed: string,
  good: { label: string; output: number; tauz0: number; unit: string | null },
  lang: Lang,
  io: CliIO,
): Promise<MagnetInputs> {
  const paramsGrid = file.sheets.find(isMarketParamGrid);
  const scenarioGrid = file.sheets.find(isMarketScenarioGrid);
  need(paramsGrid && scenarioGrid, "--magnet には磁石パラメータと磁石シナリオのシートが必要です（サンプルのブックの形）。", "--magnet needs the magnet parameter and scenario sheets (the sample workbook's layout).", typed);
  const defaultsPath = join(packageRoot(), "assets", "data", "magnet-market", "defaults.csv");
  const defaults = existsSync(defaultsPath) ? parseParameters(readFileSync(defaultsPath, "utf8"), defaultsPath) : undefined;
  const sheets = readMarketSheets(paramsGrid, scenarioGrid, defaults);
  const market = runMarketOnSheets(sheets, {});
  const base = market.runs[0].result;
  const severeRun = market.runs.find((r) => r.scenario.name === "severe") ?? market.runs[market.runs.length - 1];
  const ratios = severeRun.result.years.map((y, k) => (base.years[k].imports > 0 ? y.imports / base.years[k].imports : 1));
  const k = ratios.indexOf(Math.min(...ratios));
  const src = (key: string) => {
    const s = sheets.sources[key];
    return s ? `${s.sheet}!${s.cell}: ${s.text}${s.grade ? ` (grade ${s.grade})` : ""}` : key;
  };
  const premiums = severeRun.scenario.shocks.map((s) => s.pricePremium);
  const premium = Math.max(0, ...premiums) > 0 ? { value: Math.max(...premiums), source: `${scenarioGrid.sheet}: ${severeRun.scenario.name}` } : EXAMPLE_PREMIUM;

  let subsidy: MagnetInputs["subsidy"] = null;
  let plantOutput: MagnetInputs["plantOutput"] = null;
  const projectSheet = file.sheets.find((g) => g.sheet === PROJECT_SHEETS.projects.ja || g.sheet === PROJECT_SHEETS.projects.en);
  if (projectSheet) {
    const p = await projectsOnFile(file, { input: typed, projects: projectSheet.sheet, lang }, io);
    const perMillionYen = tableUnitsPerMillionYen(good.unit) ?? 1;
    const years = p.evaluation.byYear;
    const peak = years.reduce((a, b) => (b.subsidy > a.subsidy ? b : a), years[0]);
    const last = years.reduce((a, b) => (b.additionalOutput > a.additionalOutput ? b : a), years[0]);
    if (peak && peak.subsidy > 0) subsidy = { value: peak.subsidy * perMillionYen, year: peak.year, source: `${projectSheet.sheet}: subsidy of all plans in FY${peak.year} (百万円)` };
    if (last && last.additionalOutput > 0) plantOutput = { value: last.additionalOutput * perMillionYen, year: last.year, source: `${projectSheet.sheet}: additional output of all plans in FY${last.year} (百万円)` };
  }
  return {
    good: good.label,
    benchmarkOutput: good.output,
    tauz0: good.tauz0,
    sigma: { value: sheets.params.sigma1, source: src("sigma1") },
    premium,
    quota: base.years[k].imports > 0 && ratios[k] < 1 ? { value: ratios[k], year: base.years[k].year, source: `${scenarioGrid.sheet}: '${severeRun.scenario.name}' imports ${severeRun.result.years[k].imports} t ÷ base ${base.years[k].imports} t in ${base.years[k].year}` } : null,
    subsidy,
    plantOutput,
  };
}
