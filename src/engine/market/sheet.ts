// The demand-share model's input sheets: a parameter sheet (one row per flat parameter key, with
// its range, the distribution the user marks for Monte Carlo, grade and source), a scenario sheet
// (one row per shock; rows sharing a name form one scenario) and a demand-drivers sheet
// (activity × intensity by application and year, written as values). The template and the reader
// share the column lists below so they cannot drift apart. Tonnes are finished magnet mass and
// "domestic" means plants in Japan throughout.

import { type Bilingual, type Lang, RippleError, RippleErrorList } from "../errors";
import { type Grid, gridAddress } from "../grid";
import { type Parameter, citation, param } from "../params/defaults";
import { dataAt, textAt } from "../table/cells";
import { labelKey } from "../table/normalize";
import { APPLICATIONS, buildMarketInputs, MARKET_PARAMETERS, type ParameterInfo } from "./defaults";
import { BASE_SCENARIO, type MarketInputs, type Scenario, type Shock } from "./model";
import type { Distribution, UncertainParameter } from "./montecarlo";
import { findHeaderRow, hasAll, headerWords } from "../sheetHeader";

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

const DISTRIBUTIONS: Record<string, "triangular" | "uniform" | "normal"> = {
  triangular: "triangular",
  三角: "triangular",
  三角分布: "triangular",
  uniform: "uniform",
  一様: "uniform",
  一様分布: "uniform",
  normal: "normal",
  正規: "normal",
  正規分布: "normal",
};

/** Import origins the model knows (defaults.ts: Japan's imports are from China), with the names
 * users may type. */
export const ORIGINS: Record<string, string> = { china: "China", 中国: "China", 中華人民共和国: "China" };

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

// ---- template -------------------------------------------------------------------------------

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

// ---- reader ---------------------------------------------------------------------------------

export interface ParameterSource {
  /** The source cell's text; empty when the user cleared it. */
  text: string;
  grade: string;
  /** The value was entered by the user: the source is blank, or the value differs from the
   * default (when the defaults were given to the reader). */
  user: boolean;
  /** Where the value sits, for messages and the results. */
  sheet: string;
  cell: string;
  low: number | null;
  high: number | null;
  distribution: Distribution["type"] | null;
}

export interface MarketSheets {
  params: Record<string, number>;
  uncertain: UncertainParameter[];
  scenarios: Scenario[];
  sources: Record<string, ParameterSource>;
  /** Scenario name -> the sources written on its rows. */
  scenarioSources: Record<string, string>;
}

function findHeader(grid: Grid, columns: Record<string, Bilingual>, need: string[]): { row: number; col: Record<string, number> } | null {
  const h = findHeaderRow(grid, headerWords(columns), hasAll(need));
  return h && { row: h.row, col: h.col as Record<string, number> };
}

function rowEmpty(grid: Grid, r: number): boolean {
  return (grid.values[r] ?? []).every((v) => v === null || (typeof v === "string" && v.trim() === ""));
}

function problemAt(grid: Grid, r: number, c: number, code: string, text: Bilingual): RippleError {
  return new RippleError(code, text, { sheet: grid.sheet, cell: gridAddress(grid, r, c) });
}

/** Range checks of values the model cannot take. */
function valueProblem(key: string, v: number): Bilingual | null {
  if (key.startsWith("share_") && v < 0) return { ja: "用途別シェアは 0 以上にしてください", en: "application shares must be ≥ 0" };
  if (key.startsWith("intensity_") && !(v > 0)) return { ja: "原単位は正の数にしてください", en: "intensities must be positive" };
  if (["demand2024", "globalDemand2024", "unitValue", "kpiTarget"].includes(key) && !(v > 0)) return { ja: "正の数にしてください", en: "must be positive" };
  if (["output2024", "imports2024"].includes(key) && v < 0) return { ja: "0 以上にしてください", en: "must be ≥ 0" };
  if (["growth", "globalGrowth1", "globalGrowth2"].includes(key) && !(v > -1)) return { ja: "−1 より大きくしてください（年率）", en: "must be greater than −1 (per year)" };
  if ((key === "sigma1" || key === "sigma5") && v < 0) return { ja: "アーミントン弾力性は 0 以上にしてください", en: "the Armington elasticity must be ≥ 0" };
  if ((key === "elasticity1" || key === "elasticity5") && v > 0) return { ja: "需要の価格弾力性は 0 以下にしてください", en: "the price elasticity of demand must be ≤ 0" };
  if (key === "maxUtilization" && !(v > 0 && v <= 1)) return { ja: "最大稼働率は 0 より大きく 1 以下にしてください", en: "the maximum utilization must be in (0, 1]" };
  if (key === "lastYear" && !(Number.isInteger(v) && v > FIRST_YEAR && v <= 2100)) return { ja: `${FIRST_YEAR + 1}〜2100 の年にしてください`, en: `must be a year from ${FIRST_YEAR + 1} to 2100` };
  if (key === "kpiYear" && !(Number.isInteger(v) && v >= FIRST_YEAR && v <= 2100)) return { ja: `${FIRST_YEAR} 以降の年にしてください`, en: `must be a year from ${FIRST_YEAR}` };
  return null;
}

/** Normal with low/high read as its 5th and 95th percentiles. */
const Z95 = 1.6448536269514722;

function readParams(grid: Grid, defaults?: Parameter[]): { params: Record<string, number>; uncertain: UncertainParameter[]; sources: Record<string, ParameterSource> } {
  const h = findHeader(grid, PARAM_COLUMNS, ["key", "value"]);
  if (!h)
    throw new RippleError(
      "market-params-no-header",
      {
        ja: "パラメータシートの見出し行（キー・値 …）が見つかりません。磁石パラメータのテンプレートを挿入して記入してください",
        en: "No header row (Key, Value …) was found on the parameter sheet. Insert the magnet parameter template and fill it in",
      },
      { sheet: grid.sheet },
    );
  const { row: headerRow, col } = h;
  const known = new Map(SHEET_PARAMETERS.map((p) => [p.key.toLowerCase(), p]));
  const problems: RippleError[] = [];
  const params: Record<string, number> = {};
  const uncertain: UncertainParameter[] = [];
  const sources: Record<string, ParameterSource> = {};
  const seen = new Map<string, string>();
  const num = (r: number, c: number | undefined, what: Bilingual): number | null | undefined => {
    if (c === undefined) return null;
    const d = dataAt(grid, r, c);
    if (d.kind === "empty") return null;
    if (d.kind === "text") {
      problems.push(problemAt(grid, r, c, "market-params-not-a-number", { ja: `${what.ja}は数値にしてください（「${d.text}」）`, en: `${what.en} must be a number (found '${d.text}')` }));
      return undefined;
    }
    return d.value;
  };
  for (let r = headerRow + 1; r < grid.values.length; r++) {
    if (rowEmpty(grid, r)) continue;
    const keyText = textAt(grid, r, col.key);
    if (!keyText) {
      problems.push(problemAt(grid, r, col.key, "market-params-no-key", { ja: "キーが空欄です。テンプレートのキーを入力するか、行を空にしてください", en: "The key is empty; enter a key of the template or clear the row" }));
      continue;
    }
    const info = known.get(keyText.toLowerCase());
    if (!info) {
      problems.push(
        problemAt(grid, r, col.key, "market-params-unknown-key", {
          ja: `キー「${keyText}」はモデルのパラメータではありません（あるもの: ${SHEET_PARAMETERS.map((p) => p.key).join(", ")}）`,
          en: `'${keyText}' is not a model parameter (known: ${SHEET_PARAMETERS.map((p) => p.key).join(", ")})`,
        }),
      );
      continue;
    }
    const key = info.key;
    const prev = seen.get(key);
    if (prev) {
      problems.push(problemAt(grid, r, col.key, "market-params-duplicate", { ja: `キー「${key}」は ${prev} と重複しています`, en: `key '${key}' duplicates ${prev}` }));
      continue;
    }
    seen.set(key, gridAddress(grid, r, col.key));
    const value = num(r, col.value, { ja: "値", en: "the value" });
    if (value === null) {
      problems.push(problemAt(grid, r, col.value, "market-params-no-value", { ja: `「${info.label.ja}」の値が空欄です`, en: `the value of '${info.label.en}' is empty` }));
      continue;
    }
    if (value === undefined) continue;
    const bad = valueProblem(key, value);
    if (bad) {
      problems.push(problemAt(grid, r, col.value, "market-params-out-of-range", { ja: `${info.label.ja}: ${bad.ja}（${value}）`, en: `${info.label.en}: ${bad.en} (found ${value})` }));
      continue;
    }
    const low = num(r, col.low, { ja: "下限", en: "the low value" });
    const high = num(r, col.high, { ja: "上限", en: "the high value" });
    if (low === undefined || high === undefined) continue;
    if (low !== null && high !== null && low > high) {
      problems.push(problemAt(grid, r, col.low!, "market-params-low-high", { ja: `下限 ${low} が上限 ${high} より大きくなっています`, en: `the low value ${low} is above the high value ${high}` }));
      continue;
    }
    let distribution: Distribution | null = null;
    const distText = col.distribution !== undefined ? textAt(grid, r, col.distribution) : null;
    if (distText) {
      const type = DISTRIBUTIONS[labelKey(distText)];
      const dc = col.distribution!;
      if (!type) {
        problems.push(problemAt(grid, r, dc, "market-params-unknown-distribution", { ja: `分布「${distText}」は使えません。空欄・triangular・uniform・normal のいずれかにしてください`, en: `unknown distribution '${distText}'; use blank, triangular, uniform or normal` }));
        continue;
      }
      if (DISPLAY_ONLY.has(key)) {
        problems.push(problemAt(grid, r, dc, "market-params-display-only", { ja: "原単位は活動量の表示にのみ使い、需要を変えないため分布を付けられません。分布を空欄にしてください", en: "intensities only set the activity shown and do not change demand, so they cannot carry a distribution; clear it" }));
        continue;
      }
      if (SETTINGS.has(key)) {
        problems.push(problemAt(grid, r, dc, "market-params-setting", { ja: "年の設定には分布を付けられません。分布を空欄にしてください", en: "a year setting cannot carry a distribution; clear it" }));
        continue;
      }
      if (low === null || high === null) {
        problems.push(problemAt(grid, r, dc, "market-params-distribution-range", { ja: `分布 ${type} には下限と上限が必要です`, en: `the ${type} distribution needs both low and high` }));
        continue;
      }
      if (type === "triangular" && !(low <= value && value <= high)) {
        problems.push(problemAt(grid, r, col.value, "market-params-mode", { ja: `三角分布の最頻値（値 ${value}）は下限 ${low} と上限 ${high} の間にしてください`, en: `the triangular mode (value ${value}) must lie between low ${low} and high ${high}` }));
        continue;
      }
      distribution =
        type === "triangular"
          ? { type, low, mode: value, high }
          : type === "uniform"
            ? { type, low, high }
            : { type, mean: value, sd: (high - low) / (2 * Z95) };
      uncertain.push({ key, distribution });
    }
    params[key] = value;
    const sourceText = col.source !== undefined ? (textAt(grid, r, col.source) ?? "") : "";
    const grade = col.grade !== undefined ? (textAt(grid, r, col.grade) ?? "") : "";
    let user = sourceText === "";
    if (!user && defaults) {
      const d = defaultSheetValue(defaults, info);
      user = Math.abs(d - value) > 1e-12 * Math.max(1, Math.abs(d));
    }
    sources[key] = { text: sourceText, grade, user, sheet: grid.sheet, cell: gridAddress(grid, r, col.value), low, high, distribution: distribution?.type ?? null };
  }
  const missing = SHEET_PARAMETERS.filter((p) => !seen.has(p.key));
  if (missing.length)
    problems.push(
      problemAt(grid, headerRow, col.key, "market-params-missing", {
        ja: `パラメータ ${missing.map((p) => `${p.key}（${p.label.ja}）`).join("、")} の行がありません。テンプレートの行を残してください`,
        en: `the rows of ${missing.map((p) => `${p.key} (${p.label.en})`).join(", ")} are missing; keep the template's rows`,
      }),
    );
  if (params.kpiYear !== undefined && params.lastYear !== undefined && params.kpiYear > params.lastYear)
    problems.push(new RippleError("market-params-kpi-year", { ja: `KPIの評価年 ${params.kpiYear} が分析期間の最終年 ${params.lastYear} より後です`, en: `the KPI year ${params.kpiYear} is after the last model year ${params.lastYear}` }, { sheet: grid.sheet, cell: sources.kpiYear?.cell }));
  const shareTotal = Object.entries(params).filter(([k]) => k.startsWith("share_")).reduce((s, [, v]) => s + v, 0);
  if (!missing.some((p) => p.key.startsWith("share_")) && !(shareTotal > 0))
    problems.push(new RippleError("market-params-shares", { ja: "用途別シェアの合計が 0 です", en: "the application shares add up to 0" }, { sheet: grid.sheet, cell: sources.share_ev?.cell }));
  if (problems.length) throw new RippleErrorList("market-params-invalid", problems);
  return { params, uncertain, sources };
}

function readScenarios(grid: Grid): { scenarios: Scenario[]; sources: Record<string, string> } {
  const h = findHeader(grid, SCENARIO_COLUMNS, ["name", "origin", "cut", "months"]);
  if (!h)
    throw new RippleError(
      "market-scenarios-no-header",
      {
        ja: "シナリオシートの見出し行（シナリオ・輸入元・供給削減率・期間 …）が見つかりません。磁石シナリオのテンプレートを挿入して記入してください",
        en: "No header row (Scenario, Origin, Supply cut, Months …) was found on the scenario sheet. Insert the magnet scenario template and fill it in",
      },
      { sheet: grid.sheet },
    );
  const { row: headerRow, col } = h;
  const problems: RippleError[] = [];
  const byName = new Map<string, Scenario>();
  const sources: Record<string, string> = {};
  for (let r = headerRow + 1; r < grid.values.length; r++) {
    if (rowEmpty(grid, r)) continue;
    const name = textAt(grid, r, col.name);
    if (!name) {
      problems.push(problemAt(grid, r, col.name, "market-scenarios-no-name", { ja: "シナリオ名が空欄です", en: "The scenario name is empty" }));
      continue;
    }
    const label = col.label !== undefined ? textAt(grid, r, col.label) : null;
    let sc = byName.get(name);
    if (!sc) {
      sc = { name, label: { ja: label ?? name, en: label ?? name }, shocks: [] };
      byName.set(name, sc);
    }
    const src = col.source !== undefined ? textAt(grid, r, col.source) : null;
    if (src) sources[name] = sources[name] ? `${sources[name]}; ${src}` : src;
    const originText = textAt(grid, r, col.origin);
    // A 0 counts as blank here: a row without an origin and with zeros is a row without a shock
    // (and Excel on Windows and Mac passes a blank cell to a worksheet function as 0).
    const numbers = (["cut", "months", "startYear", "startMonth", "premium"] as const).filter((k) => {
      if (col[k] === undefined) return false;
      const d = dataAt(grid, r, col[k]);
      return d.kind !== "empty" && !(d.kind === "number" && d.value === 0);
    });
    if (!originText) {
      if (numbers.length)
        problems.push(problemAt(grid, r, col.origin, "market-scenarios-no-origin", { ja: "輸入元が空欄です（China など）。ショックのない行は数値も空欄にしてください", en: "The origin is empty (e.g. China); a row without a shock leaves the numbers blank too" }));
      continue;
    }
    const origin = ORIGINS[labelKey(originText)];
    if (!origin) {
      problems.push(problemAt(grid, r, col.origin, "market-scenarios-unknown-origin", { ja: `輸入元「${originText}」はモデルにありません（China / 中国）`, en: `origin '${originText}' is not in the model (China)` }));
      continue;
    }
    const rowProblems: RippleError[] = [];
    const get = (key: keyof typeof SCENARIO_COLUMNS, what: Bilingual, ok: (v: number) => boolean, rule: Bilingual, fallback?: number): number => {
      const c = col[key];
      if (c === undefined) {
        if (fallback !== undefined) return fallback;
        rowProblems.push(problemAt(grid, headerRow, 0, "market-scenarios-missing-column", { ja: `「${SCENARIO_COLUMNS[key].ja}」の列がありません`, en: `the '${SCENARIO_COLUMNS[key].en}' column is missing` }));
        return NaN;
      }
      const d = dataAt(grid, r, c);
      if (d.kind === "empty" && fallback !== undefined) return fallback;
      if (d.kind !== "number") {
        rowProblems.push(problemAt(grid, r, c, "market-scenarios-not-a-number", { ja: `${what.ja}を数値で入力してください`, en: `enter ${what.en} as a number` }));
        return NaN;
      }
      if (!ok(d.value)) {
        rowProblems.push(problemAt(grid, r, c, "market-scenarios-out-of-range", { ja: `${what.ja}は${rule.ja}（${d.value}）`, en: `${what.en} ${rule.en} (found ${d.value})` }));
        return NaN;
      }
      return d.value;
    };
    const shock: Shock = {
      origin,
      cut: get("cut", { ja: "供給削減率", en: "the supply cut" }, (v) => v >= 0 && v <= 1, { ja: "0〜1 にしてください（0.8 = 80%減）", en: "must be between 0 and 1 (0.8 = an 80% cut)" }),
      months: get("months", { ja: "期間（月）", en: "the duration in months" }, (v) => v >= 0, { ja: "0 以上にしてください", en: "must be ≥ 0" }),
      startYear: get("startYear", { ja: "開始年", en: "the start year" }, (v) => Number.isInteger(v) && v >= 1990 && v <= 2100, { ja: "2026 のような年にしてください", en: "must be a year such as 2026" }),
      startMonth: get("startMonth", { ja: "開始月", en: "the start month" }, (v) => Number.isInteger(v) && v >= 1 && v <= 12, { ja: "1〜12 の整数にしてください", en: "must be a whole number from 1 to 12" }, 1),
      pricePremium: get("premium", { ja: "輸入価格の上乗せ", en: "the price premium" }, (v) => v > -1, { ja: "−1 より大きくしてください（0.3 = +30%）", en: "must be above −1 (0.3 = +30%)" }, 0),
    };
    if (rowProblems.length) {
      problems.push(...rowProblems);
      continue;
    }
    sc.shocks.push(shock);
  }
  if (problems.length) throw new RippleErrorList("market-scenarios-invalid", problems);
  const scenarios = [...byName.values()];
  // Every comparison is against the base; a sheet without one gets the no-shock base.
  if (!byName.has(BASE_SCENARIO.name)) scenarios.unshift(BASE_SCENARIO);
  else if (byName.get(BASE_SCENARIO.name)!.shocks.length)
    throw new RippleError("market-scenarios-base-shock", { ja: "シナリオ base は比較の基準のため、ショックを付けられません。別の名前にしてください", en: "the 'base' scenario is what others are compared with and cannot carry a shock; give it another name" }, { sheet: grid.sheet });
  else scenarios.sort((a, b) => (a.name === BASE_SCENARIO.name ? -1 : b.name === BASE_SCENARIO.name ? 1 : 0));
  return { scenarios, sources };
}

/**
 * Read the parameter and scenario sheets back. Every bad cell is reported at once
 * (RippleErrorList): unknown key, non-numeric value, low > high, unknown distribution, scenario
 * with an unknown origin, cut outside 0–1, … `defaults` (optional) lets the reader mark values
 * that differ from the defaults as entered by the user.
 */
export function readMarketSheets(paramGrid: Grid, scenarioGrid: Grid, defaults?: Parameter[]): MarketSheets {
  let paramsPart: ReturnType<typeof readParams> | null = null;
  let scenPart: ReturnType<typeof readScenarios> | null = null;
  const problems: RippleError[] = [];
  const collect = (e: unknown) => {
    if (e instanceof RippleErrorList) problems.push(...e.problems);
    else if (e instanceof RippleError) problems.push(e);
    else throw e;
  };
  try {
    paramsPart = readParams(paramGrid, defaults);
  } catch (e) {
    collect(e);
  }
  try {
    scenPart = readScenarios(scenarioGrid);
  } catch (e) {
    collect(e);
  }
  if (problems.length || !paramsPart || !scenPart) throw new RippleErrorList("market-sheets-invalid", problems);
  for (const s of scenPart.scenarios)
    for (const k of s.shocks)
      if (k.startYear > paramsPart.params.lastYear)
        throw new RippleError("market-scenarios-after-horizon", { ja: `シナリオ ${s.name} の開始年 ${k.startYear} が分析期間（〜${paramsPart.params.lastYear}年）の後です`, en: `scenario ${s.name} starts in ${k.startYear}, after the last model year ${paramsPart.params.lastYear}` }, { sheet: scenarioGrid.sheet });
  return { ...paramsPart, scenarios: scenPart.scenarios, scenarioSources: scenPart.sources };
}

/** Whether a grid looks like a parameter or scenario sheet (for finding them in a workbook). */
export function isMarketParamGrid(grid: Grid): boolean {
  return findHeader(grid, PARAM_COLUMNS, ["key", "value", "distribution"]) !== null;
}
export function isMarketScenarioGrid(grid: Grid): boolean {
  return findHeader(grid, SCENARIO_COLUMNS, ["name", "origin", "cut", "months"]) !== null;
}
