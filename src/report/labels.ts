// Every label the results report writes, in Japanese and English. Japanese first: the users are
// Japanese policy analysts; English for reviewers and for tables from other countries.

import type { Bilingual, Lang } from "../engine/errors";
import type { Role, RoleSource } from "../engine/table/types";

export type { Bilingual, Lang };

const L = (ja: string, en: string): Bilingual => ({ ja, en });

export const SHEET_NAMES = {
  summary: L("集計", "Summary"),
  A: L("投入係数 A", "Input coefficients A"),
  m: L("輸入係数 m", "Import coefficients m"),
  L: L("逆行列係数 L", "Leontief inverse L"),
  multipliers: L("乗数・影響力", "Multipliers & linkages"),
  methods: L("方法・出典", "Method & sources"),
} as const;

export const STAGES = {
  direct: L("直接効果", "Direct effect"),
  firstIndirect: L("第1次間接波及効果", "First indirect effect"),
  secondIndirect: L("第2次間接波及効果", "Second indirect effect"),
  total: L("総合効果", "Total effect"),
} as const;

export type StageKey = keyof typeof STAGES;
export const STAGE_ORDER: StageKey[] = ["direct", "firstIndirect", "secondIndirect", "total"];

export const MEASURES = {
  output: L("生産誘発額", "Induced output"),
  valueAdded: L("粗付加価値誘発額", "Induced gross value added"),
  compensation: L("雇用者所得誘発額", "Induced compensation of employees"),
  employment: L("誘発就業者数", "Induced employment"),
} as const;

export type MeasureKey = keyof typeof MEASURES;

export const INDICATORS = {
  outputMultiplier: L("生産誘発係数（列和）", "Output multiplier (column sum of L)"),
  vaEffect: L("粗付加価値誘発係数", "Gross value added effect"),
  vaTypeI: L("粗付加価値 Type I 乗数", "GVA Type I multiplier"),
  compEffect: L("雇用者所得誘発係数", "Compensation effect"),
  compTypeI: L("雇用者所得 Type I 乗数", "Compensation Type I multiplier"),
  empEffect: L("就業誘発係数", "Employment effect"),
  empTypeI: L("就業 Type I 乗数", "Employment Type I multiplier"),
  backward: L("影響力係数", "Backward linkage index"),
  forward: L("感応度係数", "Forward linkage index"),
  importCoefficient: L("輸入係数", "Import coefficient"),
} as const;

export const TEXT = {
  title: L("経済波及効果の分析結果", "Ripple-effect analysis"),
  table: L("産業連関表", "Input-output table"),
  unit: L("単位", "Unit"),
  sector: L("部門", "Sector"),
  total: L("合計", "Total"),
  stage: L("段階", "Stage"),
  shock: L("最終需要の変化（ショック）", "Final-demand change (shock)"),
  shockSource: L("ショックの出典", "Source of the shock"),
  finalDemandChange: L("最終需要増加額", "Final-demand change"),
  effectsByStage: L("段階別の効果（全部門の合計）", "Effects by stage (all sectors)"),
  effectsBySector: L("部門別・段階別の効果", "Effects by sector and stage"),
  multiple: L("波及倍率（総合効果 ÷ 直接効果、生産誘発額）", "Ripple multiple (total ÷ direct output)"),
  multipleShort: L("波及倍率", "Ripple multiple"),
  multipleNote: L("総合効果 ÷ 直接効果（生産誘発額）", "total ÷ direct effect (induced output)"),
  noShock: L(
    "ショック（最終需要の変化）が指定されていないため、部門別の指標のみを示します。--shock で指定すると波及効果を計算します。",
    "No shock (final-demand change) was given, so only the sector indicators are shown. Give one (--shock) to compute the ripple effect.",
  ),
  // The same note for results the Excel add-in writes, which has no command-line flags.
  noShockAddin: L(
    "ショック（最終需要の変化）が指定されていないため、部門別の指標のみを示します。作業ウィンドウの「4. ショック」に部門と増加額の範囲を入れて実行すると波及効果を計算します。",
    "No shock (final-demand change) was given, so only the sector indicators are shown. Enter the range of sectors and changes under “4. Shock” in the task pane and run again to compute the ripple effect.",
  ),
  indicators: L("部門別の指標", "Sector indicators"),
  model: L("モデル", "Model"),
  chartTotalBySector: L("部門別の総合効果（生産誘発額）", "Total effect by sector (induced output)"),
  chartStagesBySector: L("部門別・段階別の生産誘発額", "Induced output by sector and stage"),
  chartOutputMultiplier: L("部門別の生産誘発係数", "Output multiplier by sector"),
  chartLinkages: L("影響力係数と感応度係数", "Backward and forward linkage indices"),
  referenceLines: L("基準線（1.0）の座標（グラフ用）", "Reference lines at 1.0 (chart points)"),
  refVertical: L("影響力係数 = 1.0", "Backward = 1.0"),
  refHorizontal: L("感応度係数 = 1.0", "Forward = 1.0"),
  sectorsSeries: L("部門", "Sectors"),
  columnSum: L("列和", "Column sum"),
  coefficientsNoteA: L("投入係数 a_ij = Z_ij ÷ x_j（行 = 販売部門、列 = 購入部門）", "a_ij = Z_ij / x_j (row = seller, column = buyer)"),
  coefficientsNoteM: L(
    "輸入係数 m_i = |輸入_i| ÷ 国内需要_i（国内需要 = 中間需要 + 国内最終需要、輸出と輸入を除く）",
    "m_i = |imports_i| / domestic demand_i (intermediate + domestic final demand, exports and imports excluded)",
  ),
  dash: L("—", "—"),
  nullNote: L(
    "「—」：直接係数が 0 のため乗数を定義できません。",
    "\"—\": the direct coefficient is 0, so the multiplier is undefined.",
  ),
  linkageNote: L(
    "影響力係数 = L の列和 ÷ 列和の平均、感応度係数 = L の行和 ÷ 行和の平均（総務省の定義）",
    "Backward index = column sum of L / mean column sum; forward index = row sum of L / mean row sum (MIC definition)",
  ),
  effectNote: L(
    "誘発係数は最終需要 1 単位あたり（Σ_i 係数_i × L_ij）。Type I 乗数 = 誘発係数 ÷ 直接係数。",
    "Effects are per unit of final demand (Σ_i coefficient_i × L_ij). Type I multiplier = effect / direct coefficient.",
  ),
  // Method sheet
  inputs: L("入力データ", "Inputs"),
  description: L("内容", "Description"),
  sheet: L("シート", "Sheet"),
  range: L("範囲", "Range"),
  checksum: L("チェックサム（SHA-256）", "Checksum (SHA-256)"),
  importConvention: L("輸入の扱い", "Import convention"),
  why: L("理由", "Why"),
  inverseFormula: L("逆行列の式", "Inverse used"),
  secondStageMethod: L("第2次間接波及効果の計算方法", "Second indirect effect"),
  parameters: L("パラメータ", "Parameters"),
  name: L("名前", "Name"),
  value: L("値", "Value"),
  source: L("出典", "Source"),
  warnings: L("警告", "Warnings"),
  noWarnings: L("なし", "None"),
  software: L("ソフトウェア", "Software"),
  version: L("バージョン", "Version"),
  createdAt: L("作成日時", "Created"),
  userEntered: L("利用者が入力", "entered by the user"),
  defaultPrefix: L("既定値：", "default: "),
  detected: L("表から判定", "detected from the table"),
  userChosen: L("利用者が指定", "chosen by the user"),
  employmentUnitNote: L(
    "誘発就業者数は表の雇用データの単位（通常は人）で示します。",
    "Induced employment is in the unit of the table's employment data (usually persons).",
  ),
} as const;

export const IMPORT_TYPES = {
  competitive: L("競争輸入型（輸入は最終需要部門の控除列）", "Competitive imports (imports are negative final-demand columns)"),
  domestic: L("非競争輸入型（国産品のみの表、輸入は粗付加価値と並ぶ行）", "Domestic-use table (imports are a primary-input row)"),
} as const;

export const INVERSE_FORMULAS = {
  competitive: L("開放型 [I − (I − M̂)A]⁻¹", "Open (import-adjusted) [I − (I − M̂)A]⁻¹"),
  domestic: L("(I − A)⁻¹", "(I − A)⁻¹"),
} as const;

export const SECOND_STAGE_TEXT = L(
  "一巡の誘発消費による方法（総務省・都道府県の3段階法）：第1次の生産誘発で生じた雇用者所得 × 消費転換係数 × 民間消費支出の構成比を新たな最終需要とし、自給率を掛けて逆行列を1回だけ適用します。家計を内生化した閉鎖型モデル（Miller & Blair の Type II、誘発の無限回の極限）はこの結果には使っていません。",
  "One round of induced consumption (the three-stage method of MIC and the prefectures): compensation induced by the first round × the consumption conversion rate × the composition of private consumption becomes new final demand, adjusted for self-sufficiency, and the inverse is applied once. The closed model with households endogenous (Miller & Blair Type II, the limit of infinitely many rounds) is not used for these results.",
);

/** Units a table may state, and how they read in English. */
const UNIT_EN: Record<string, string> = {
  百万円: "million yen",
  千円: "thousand yen",
  億円: "100 million yen",
  円: "yen",
};
const UNIT_JA: Record<string, string> = Object.fromEntries(
  Object.entries(UNIT_EN).map(([ja, en]) => [en, ja]),
);

/** The table's unit in the report's language; "表の単位"/"table units" when the table says none. */
export function unitLabel(unit: string | null, lang: Lang): string {
  if (!unit) return lang === "ja" ? "表の単位" : "table units";
  const u = unit.trim();
  if (lang === "en") return UNIT_EN[u] ?? u;
  return UNIT_JA[u.toLowerCase()] ?? u;
}

export function personsLabel(lang: Lang): string {
  return lang === "ja" ? "人" : "persons";
}

/** "生産誘発額（百万円）" / "Induced output (million yen)". */
export function withUnit(label: Bilingual, unit: string, lang: Lang): string {
  return lang === "ja" ? `${label.ja}（${unit}）` : `${label.en} (${unit})`;
}

export function t(label: Bilingual, lang: Lang): string {
  return label[lang];
}

/** Names of the TABLES.md roles (the pane's role dropdown, the method sheet's mapping table). */
export const ROLE_NAMES: Record<Role, Bilingual> = {
  sector: { ja: "部門", en: "Sector" },
  subtotal: { ja: "小計・合計", en: "Subtotal / total" },
  ignore: { ja: "無視", en: "Ignore" },
  output: { ja: "国内生産額", en: "Total output" },
  "fd:household": { ja: "民間消費支出", en: "Household consumption" },
  "fd:household-outside": { ja: "家計外消費支出（列）", en: "Consumption outside households (column)" },
  "fd:government": { ja: "一般政府消費支出", en: "Government consumption" },
  "fd:investment": { ja: "国内総固定資本形成", en: "Gross fixed capital formation" },
  "fd:inventory": { ja: "在庫純増", en: "Changes in inventories" },
  "fd:other": { ja: "その他の最終需要", en: "Other final demand" },
  export: { ja: "輸出", en: "Exports" },
  import: { ja: "輸入（控除）", en: "Imports" },
  "va:compensation": { ja: "雇用者所得", en: "Compensation of employees" },
  "va:surplus": { ja: "営業余剰", en: "Operating surplus" },
  "va:depreciation": { ja: "資本減耗引当", en: "Consumption of fixed capital" },
  "va:tax-production": { ja: "間接税（生産）", en: "Taxes on production" },
  "va:subsidy": { ja: "（控除）経常補助金", en: "Subsidies (deducted)" },
  "va:household-outside": { ja: "家計外消費支出（行）", en: "Consumption outside households (row)" },
  "va:other": { ja: "その他の付加価値", en: "Other value added" },
  "tax-products": { ja: "生産物に課される税", en: "Taxes on products" },
  employment: { ja: "従業者・就業者数", en: "Employment (persons)" },
};

export const SOURCE_NAMES: Record<RoleSource, Bilingual> = {
  label: { ja: "ラベル", en: "label" },
  sum: { ja: "合計の一致", en: "sum check" },
  position: { ja: "位置", en: "position" },
  mapping: { ja: "保存した対応表", en: "saved mapping" },
};

/** A fiscal year as sheets, pane and command line write it: 2025年度 / FY2025. */
export function yearLabel(year: number, lang: Lang): string {
  return lang === "ja" ? `${year}年度` : `FY${year}`;
}
