// The inputs of the built-in CGE magnet scenarios (CGE.md 3, issue 13 item 4), from the grids of
// a workbook in the sample's layout: the split magnet sector, the demand-share model's sheets
// (磁石パラメータ, 磁石シナリオ; base and severe runs) and the supported plans' evaluation.
// `ripple cge --magnet`, `ripple demo` and the pane's CGE tab all gather them here.

import { RippleError, type Bilingual, type Lang } from "../engine/errors";
import type { Grid } from "../engine/grid";
import { magnetScenarios, type BuiltinScenario, type MagnetInputs } from "../engine/cge";
import { runMarketOnSheets, tableUnitsPerMillionYen } from "../engine/market/run";
import { readMarketSheets } from "../engine/market/sheet";
import type { Parameter } from "../engine/params/defaults";
import type { Evaluation } from "../engine/projects/evaluate";
import { calibrate, type SamFlows } from "../engine/cge";
import type { CgeInput } from "./cge";
import { findMarketSheets } from "./security";

/** The specification's illustrative export-control premium (import price × 1.5), used when the
 * scenario sheet gives none; an assumption, not a published figure. */
const EXAMPLE_PREMIUM = {
  value: 0.5,
  source: {
    ja: "例示値：輸出規制で輸入価格が 1.5 倍になると仮定（公表統計によらない仮定、信頼度 C）",
    en: "Illustrative value: export controls assumed to raise the import price 1.5-fold (an assumption, not a published figure; grade C)",
  },
};

const fmtT = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 1 });

function need(cond: unknown, ja: string, en: string, file: string): asserts cond {
  if (!cond) throw new RippleError("cge.magnet-input", { ja, en }, { file });
}

export interface MagnetSources {
  sheets: readonly Grid[];
  /** The workbook's name in messages. */
  file: string;
  /** The package's market defaults (assets/data/magnet-market/defaults.csv). */
  defaults?: Parameter[];
  /** The supported plans' evaluation and the sheet it came from (null: no plans). */
  plans: { evaluation: Evaluation; sheet: string } | null;
}

export function magnetInputs(src: MagnetSources, good: { label: string; output: number; tauz0: number; unit: string | null }): MagnetInputs {
  const market = findMarketSheets(src.sheets);
  need(market, "磁石シナリオの CGE には磁石パラメータと磁石シナリオのシートが必要です（サンプルのブックの形）。", "the magnet CGE scenarios need the magnet parameter and scenario sheets (the sample workbook's layout).", src.file);
  const scenarioGrid = market.scenarios;
  const sheets = readMarketSheets(market.params, scenarioGrid, src.defaults);
  const run = runMarketOnSheets(sheets, {});
  const base = run.runs[0].result;
  const severeRun = run.runs.find((r) => r.scenario.name === "severe") ?? run.runs[run.runs.length - 1];
  const ratios = severeRun.result.years.map((y, k) => (base.years[k].imports > 0 ? y.imports / base.years[k].imports : 1));
  const k = ratios.indexOf(Math.min(...ratios));
  const source = (key: string): Bilingual => {
    const s = sheets.sources[key];
    if (!s) return { ja: `${market.params.sheet} の既定値`, en: `default of ${market.params.sheet}` };
    const at = `${s.sheet}!${s.cell}: ${s.text}`;
    return {
      ja: `${at}${s.grade && !s.text.includes("信頼度") ? `（信頼度 ${s.grade}）` : ""}`,
      en: `${at}${s.grade && !/grade/i.test(s.text) ? ` (grade ${s.grade})` : ""}`,
    };
  };
  const severe = severeRun.scenario.label;
  const premiums = severeRun.scenario.shocks.map((s) => s.pricePremium);
  const premium =
    Math.max(0, ...premiums) > 0
      ? { value: Math.max(...premiums), source: { ja: `${scenarioGrid.sheet}: ${severe.ja}`, en: `${scenarioGrid.sheet}: ${severe.en}` } }
      : EXAMPLE_PREMIUM;

  let subsidy: MagnetInputs["subsidy"] = null;
  let plantOutput: MagnetInputs["plantOutput"] = null;
  if (src.plans) {
    const perMillionYen = tableUnitsPerMillionYen(good.unit) ?? 1;
    const years = src.plans.evaluation.byYear;
    const sheet = src.plans.sheet;
    const peak = years.reduce((a, b) => (b.subsidy > a.subsidy ? b : a), years[0]);
    const last = years.reduce((a, b) => (b.additionalOutput > a.additionalOutput ? b : a), years[0]);
    if (peak && peak.subsidy > 0)
      subsidy = {
        value: peak.subsidy * perMillionYen,
        year: peak.year,
        source: { ja: `${sheet}: 全事業の ${peak.year}年度の補助金（百万円）`, en: `${sheet}: subsidy of all plans in FY${peak.year} (million yen)` },
      };
    if (last && last.additionalOutput > 0)
      plantOutput = {
        value: last.additionalOutput * perMillionYen,
        year: last.year,
        source: { ja: `${sheet}: 全事業の ${last.year}年度の追加生産額（百万円）`, en: `${sheet}: additional output of all plans in FY${last.year} (million yen)` },
      };
  }
  return {
    good: good.label,
    benchmarkOutput: good.output,
    unit: good.unit,
    tauz0: good.tauz0,
    sigma: { value: sheets.params.sigma1, source: source("sigma1") },
    premium,
    quota:
      base.years[k].imports > 0 && ratios[k] < 1
        ? {
            value: ratios[k],
            year: base.years[k].year,
            source: {
              ja: `${scenarioGrid.sheet}: ${base.years[k].year}年の「${severe.ja}」の輸入 ${fmtT(severeRun.result.years[k].imports)} t ÷ 基準の輸入 ${fmtT(base.years[k].imports)} t`,
              en: `${scenarioGrid.sheet}: imports in ${base.years[k].year} under '${severe.en}' ${fmtT(severeRun.result.years[k].imports)} t ÷ base ${fmtT(base.years[k].imports)} t`,
            },
          }
        : null,
    subsidy,
    plantOutput,
  };
}

/** The built-in magnet scenarios on a SAM built from a table with the magnet sector split out. */
export function magnetBuiltins(src: MagnetSources, input: CgeInput, flows: SamFlows): BuiltinScenario[] {
  const split = input.splits[0];
  if (!input.fromTable || !split)
    throw new RippleError(
      "cge.magnet-no-split",
      { ja: "磁石シナリオには、部門分割シートで磁石部門を分割した産業連関表が必要です。", en: "the magnet scenarios need an input-output table with the magnet sector split out (the 部門分割 / Sector split sheet)." },
      { file: src.file },
    );
  const c = calibrate(flows);
  const i = c.goods.indexOf(split.label);
  return magnetScenarios(magnetInputs(src, { label: split.label, output: c.Z0[i], tauz0: c.tauz[i], unit: input.unit }));
}
