// The layout of the demand-share model's input sheets, which the template (report/marketTemplate.ts)
// writes and the readers (paramSheetReader.ts, scenarioSheetReader.ts) read: a parameter sheet (one
// row per flat parameter key, with its range, the distribution the user marks for Monte Carlo, grade
// and source), a scenario sheet (one row per shock; rows sharing a name form one scenario) and a
// demand-drivers sheet (activity × intensity by application and year, written as values). Both
// sides take the rows and column lists from here so they cannot drift apart. Tonnes are finished
// magnet mass and "domestic" means plants in Japan throughout.

import type { Bilingual, Lang } from "../errors";
import { type Parameter, citation, param } from "../params/defaults";
import { APPLICATIONS, buildMarketInputs, MARKET_PARAMETERS, type ParameterInfo } from "./defaults";
import type { MarketInputs } from "./model";

/** First model year: the base year the shares are calibrated to (2024 flows of defaults.csv). */
export const FIRST_YEAR = 2024;

export interface SheetParameter extends ParameterInfo {
  /** Shown on the drivers sheet only: demand comes from the application shares, so the value
   * changes the activity shown, not the tonnes. Cannot carry a distribution. */
  displayOnly?: boolean;
  /** Value used when the row is an assumption (no defaults row). */
  assumedValue?: number;
}

// The intensities behind the activity column of the drivers sheet (engine: defaults.ts APPS).
export const INTENSITY_ROWS: { app: string; row: [string, string]; unit: string }[] = [
  { app: "ev", row: ["intensity", "BEV magnet per vehicle (traction + auxiliary)"], unit: "kg/vehicle" },
  { app: "auto", row: ["intensity", "ICE vehicle magnet per vehicle"], unit: "kg/vehicle" },
  { app: "wind", row: ["intensity", "wind fleet average"], unit: "kg/MW" },
  { app: "aircon", row: ["intensity", "inverter air conditioner"], unit: "kg/unit" },
];

export const appLabel = (key: string): Bilingual => APPLICATIONS.find((a) => a.key === key)!.label;

/** Every row of the parameter sheet, in sheet order. */
export const SHEET_PARAMETERS: SheetParameter[] = [
  ...MARKET_PARAMETERS.map((p) => (p.key === "maxUtilization" ? { ...p, assumedValue: 1 } : p)),
  ...INTENSITY_ROWS.map(
    (r): SheetParameter => ({
      key: `intensity_${r.app}`,
      label: { ja: `原単位: ${appLabel(r.app).ja}`, en: `Intensity: ${appLabel(r.app).en}` },
      unit: r.unit,
      defaultsRow: r.row,
      displayOnly: true,
    }),
  ),
  {
    key: "kpiTarget",
    label: { ja: "KPI目標: 2030年 国内生産能力 / 国内需要", en: "KPI target: 2030 domestic capacity / domestic demand" },
    unit: "ratio",
    defaultsRow: ["policy", "KPI 2030 domestic NdFeB capacity / domestic demand"],
  },
  {
    key: "kpiYear",
    label: { ja: "KPIの評価年", en: "KPI year" },
    unit: "year",
    defaultsRow: null,
    assumedValue: 2030,
    assumption: {
      ja: "2030: 政策KPIの目標年（METI 効果検証シナリオ 2026-03-31）",
      en: "2030: the year of the policy KPI (METI 効果検証シナリオ, 2026-03-31)",
    },
  },
  {
    key: "lastYear",
    label: { ja: "分析期間の最終年", en: "Last model year" },
    unit: "year",
    defaultsRow: null,
    assumedValue: 2035,
    assumption: {
      ja: "2035: KPI年の5年後まで（分析期間の設定、利用者が変更可）",
      en: "2035: five years past the KPI year (a setting of the analysis; change it freely)",
    },
  },
];

export const DISPLAY_ONLY = new Set(SHEET_PARAMETERS.filter((p) => p.displayOnly).map((p) => p.key));
/** Settings of the analysis, not uncertain quantities: no distribution, no tornado bar. */
export const SETTINGS = new Set(["kpiYear", "lastYear"]);

/** Parameters the template marks with a triangular distribution (its low/high from defaults.csv):
 * the ranged quantities that move demand, capacity, substitution and values. */
export const TEMPLATE_UNCERTAIN = ["demand2024", "growth", "output2024", "imports2024", "sigma1", "sigma5", "elasticity1", "elasticity5", "unitValue"];

// ---- column lists shared by template and reader -------------------------------------------

export const PARAM_COLUMNS = {
  key: { ja: "キー", en: "Key" },
  labelJa: { ja: "項目", en: "Label (ja)" },
  labelEn: { ja: "項目（英語）", en: "Label" },
  value: { ja: "値", en: "Value" },
  unit: { ja: "単位", en: "Unit" },
  low: { ja: "下限", en: "Low" },
  high: { ja: "上限", en: "High" },
  distribution: { ja: "分布", en: "Distribution" },
  grade: { ja: "信頼度", en: "Grade" },
  source: { ja: "出典", en: "Source" },
} satisfies Record<string, Bilingual>;

export const SCENARIO_COLUMNS = {
  name: { ja: "シナリオ", en: "Scenario" },
  label: { ja: "表示名", en: "Label" },
  origin: { ja: "輸入元", en: "Origin" },
  cut: { ja: "供給削減率（0〜1）", en: "Supply cut (0-1)" },
  months: { ja: "期間（月）", en: "Months" },
  startYear: { ja: "開始年", en: "Start year" },
  startMonth: { ja: "開始月（1〜12）", en: "Start month (1-12)" },
  premium: { ja: "輸入価格の上乗せ（0.3 = +30%）", en: "Import price premium (0.3 = +30%)" },
  source: { ja: "出典", en: "Source" },
} satisfies Record<string, Bilingual>;

export const MARKET_SHEET_NAMES = {
  params: { ja: "磁石パラメータ", en: "Magnet parameters" },
  scenarios: { ja: "磁石シナリオ", en: "Magnet scenarios" },
  drivers: { ja: "磁石需要ドライバー", en: "Magnet demand drivers" },
} satisfies Record<string, Bilingual>;

const UNITS_JA: Record<string, string> = {
  t: "t（磁石完成品重量）",
  "/yr": "/年",
  "JPY/kg": "円/kg",
  share: "比率",
  ratio: "比率",
  year: "年",
  "kg/vehicle": "kg/台",
  "kg/MW": "kg/MW",
  "kg/unit": "kg/台",
  vehicles: "台",
  units: "台",
  MW: "MW",
  "t-equivalent": "t相当",
  "t/t": "t/t",
  "": "",
};
const UNITS_EN: Record<string, string> = { t: "t (finished magnet mass)" };

export function unitText(unit: string, lang: Lang): string {
  return lang === "ja" ? (UNITS_JA[unit] ?? unit) : (UNITS_EN[unit] ?? unit);
}

// ---- the values the template holds and the record the readers return ------------------------

/** Value of a sheet parameter in the defaults (or its assumed value). */
export function defaultSheetValue(params: Parameter[], p: SheetParameter): number {
  if (p.defaultsRow) return param(params, ...p.defaultsRow).value;
  if (p.assumedValue === undefined) throw new Error(`parameter ${p.key} has neither a defaults row nor a value`);
  return p.assumedValue;
}

/** Source text written next to a default: the default's name and its source, or the assumption. */
export function defaultSourceText(params: Parameter[], p: SheetParameter, lang: Lang): string {
  if (!p.defaultsRow) return (p.assumption ?? { ja: "仮定", en: "assumption" })[lang];
  const row = param(params, ...p.defaultsRow);
  return `${lang === "ja" ? "既定値" : "default "}${citation(params, row, lang)}`;
}

/** The flat record the template holds (defaults and assumptions). */
export function defaultSheetValues(params: Parameter[]): Record<string, number> {
  return Object.fromEntries(SHEET_PARAMETERS.map((p) => [p.key, defaultSheetValue(params, p)]));
}

/** The years 2024..lastYear of a parameter record. */
export function modelYears(p: Record<string, number>): number[] {
  const last = Math.round(p.lastYear);
  return Array.from({ length: last - FIRST_YEAR + 1 }, (_, k) => FIRST_YEAR + k);
}

/** MarketInputs from a parameter record (as read from the sheet) and supported capacity by year. */
export function marketInputsFromRecord(p: Record<string, number>, supportedCapacity?: number[]): MarketInputs {
  const years = modelYears(p);
  return buildMarketInputs(p, years, supportedCapacity ?? years.map(() => 0), (app) => p[`intensity_${app}`]);
}
