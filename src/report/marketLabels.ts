// Labels of the demand-share (magnet market) results workbook, Japanese first. Units are part of
// the label: t = finished magnet mass, capacity of plants in Japan, 百万円 at producer prices.

import type { Bilingual, Lang } from "../engine/errors";

const L = (ja: string, en: string): Bilingual => ({ ja, en });

export const MARKET_SHEETS = {
  kpi: L("KPI判定", "KPI check"),
  demand: L("需要（用途別）", "Demand by application"),
  capacity: L("能力と需要", "Capacity vs demand"),
  shares: L("シェア（シナリオ別）", "Shares by scenario"),
  scenarios: L("シナリオ比較", "Scenario comparison"),
  monteCarlo: L("不確実性（MC）", "Uncertainty (Monte Carlo)"),
  tornado: L("感度（トルネード）", "Sensitivity (tornado)"),
  params: L("パラメータと出典", "Parameters & sources"),
  method: L("方法・注記（磁石）", "Method & notes (magnets)"),
} as const;

export const UNITS = {
  t: L("t（磁石完成品重量）", "t (finished magnet mass)"),
  tPerYear: L("t/年（国内工場の能力）", "t/yr (capacity of plants in Japan)"),
  share: L("比率", "share"),
  millionYen: L("百万円", "million yen"),
  persons: L("人", "persons"),
  index: L("指数（2024年 = 1）", "index (2024 = 1)"),
} as const;

export const M = {
  year: L("年", "Year"),
  value: L("値", "Value"),
  unit: L("単位", "Unit"),
  source: L("出典", "Source"),
  grade: L("信頼度", "Grade"),
  key: L("キー", "Key"),
  item: L("項目", "Item"),
  low: L("下限", "Low"),
  high: L("上限", "High"),
  distribution: L("分布", "Distribution"),
  total: L("合計", "Total"),
  scenario: L("シナリオ", "Scenario"),
  description: L("内容", "Description"),
  userEntered: L("利用者が入力", "entered by the user"),
  fixed: L("固定", "fixed"),
  // KPI sheet
  kpiTitle: L("KPI：国内NdFeB生産能力 / 国内需要", "KPI: domestic NdFeB capacity / domestic demand"),
  verdict: L("判定", "Verdict"),
  pass: L("達成", "PASS"),
  fail: L("未達", "FAIL"),
  why: L("理由", "Why"),
  target: L("目標", "Target"),
  capacityExisting: L("既存の国内生産能力（2024年の国内生産量を下限として使用）", "Existing capacity of plants in Japan (2024 output used as a lower bound)"),
  capacitySupported: L("支援計画による増強（稼働立上げ後）", "Added by the supported plans (after ramp-up)"),
  capacityTotal: L("国内生産能力 計", "Domestic capacity, total"),
  colExisting: L("既存能力", "Existing capacity"),
  colSupported: L("支援計画", "Supported plans"),
  colRequired: L("KPI目標に必要な能力", "Capacity the target needs"),
  demandDomestic: L("国内需要", "Domestic demand"),
  kpiRatio: L("生産能力 / 需要", "Capacity / demand"),
  kpiShort: L("KPI（能力/需要）", "KPI (capacity/demand)"),
  gap: L("目標までの不足（能力）", "Capacity short of the target"),
  margin: L("目標に対する余裕（能力）", "Capacity above the target"),
  projectsSheet: L("計画シート（支援対象事業の開始年・立上げ年数・能力）", "project sheet (start year, ramp-up and capacity of supported plans)"),
  noProjects: L("計画シートの指定なし（支援計画の増強 0 として計算）", "no project sheet given (supported capacity taken as 0)"),
  computed: L("計算値", "computed"),
  uncertaintyKpi: L("不確実性（モンテカルロ）", "Uncertainty (Monte Carlo)"),
  passProbability: L("目標達成の確率", "Probability of meeting the target"),
  mostSensitive: L("KPIへの影響が最も大きいパラメータ", "Parameters that move the KPI most"),
  sensitiveParameter: L("パラメータ", "Parameter"),
  sensitiveKpi: L("KPI（パラメータが下限 → 上限のとき）", "KPI (parameter at low → high)"),
  sensitiveRange: L("パラメータの下限 – 上限（パラメータシートの単位）", "Parameter low – high (units of the parameter sheet)"),
  // Demand sheet
  demandTitle: L("用途別の国内需要（活動量 × 原単位）", "Domestic demand by application (activity × intensity)"),
  globalDemand: L("世界需要", "Global demand"),
  chartDemand: L("用途別の国内需要（t、磁石完成品重量）", "Domestic demand by application (t, finished magnet mass)"),
  // Capacity sheet
  capacityTitle: L("国内生産能力と国内需要（基準シナリオ）", "Domestic capacity and domestic demand (base scenario)"),
  target100: L("KPI目標ライン", "KPI target line"),
  requiredCapacity: L("KPI目標に必要な能力（需要 × 目標）", "Capacity the KPI target needs (demand × target)"),
  chartCapacity: L("国内生産能力と国内需要（t/年）", "Domestic capacity and demand (t/yr)"),
  chartKpi: L("KPI：生産能力 / 国内需要（目標ライン付き）", "KPI: capacity / domestic demand, with the target line"),
  plans: L("支援計画（計画シートから、NdFeB、中止を除く）", "Supported plans (from the project sheet; NdFeB, cancelled excluded)"),
  planId: L("計画ID", "Plan ID"),
  company: L("事業者", "Company"),
  confidential: L("（非公開）", "(confidential)"),
  capacityAdded: L("能力増強（t/年）", "Capacity added (t/yr)"),
  startYear: L("開始年", "Start year"),
  rampYears: L("立上げ年数", "Ramp-up years"),
  online: L("稼働能力（t/年）", "Capacity online (t/yr)"),
  // Shares sheet
  sharesTitle: L("需給とシェア（シナリオ別）", "Supply, demand and shares by scenario"),
  domesticShare: L("国内供給シェア（国内工場の出荷 / 国内供給）", "Domestic supply share (plants in Japan / domestic supply)"),
  importShare: L("輸入シェア", "Import share"),
  japanGlobal: L("日本の世界シェア（国内工場の生産 / 世界需要）", "Japan's global share (output of plants in Japan / global demand)"),
  chartDomesticShare: L("国内供給シェアの推移（シナリオ別）", "Domestic supply share over time, by scenario"),
  chartJapanGlobal: L("日本の世界シェア（国内工場）の推移", "Japan's global share (plants in Japan) over time"),
  afterPriceShort: L("価格反応後の需要", "Demand after price"),
  salesShort: L("国内出荷", "Domestic sales"),
  outputShort: L("国内生産", "Domestic output"),
  domesticShareShort: L("国内供給シェア", "Domestic share"),
  japanGlobalShort: L("日本の世界シェア", "Japan global share"),
  demandAfterPrice: L("価格反応後の国内需要", "Domestic demand after the price response"),
  domesticSales: L("国内工場の国内出荷", "Domestic sales of plants in Japan"),
  domesticOutput: L("国内工場の生産（輸出含む）", "Output of plants in Japan (incl. exports)"),
  imports: L("輸入", "Imports"),
  shortfall: L("供給不足", "Shortfall"),
  importPrice: L("輸入価格指数", "Import price index"),
  // Scenario comparison
  comparisonTitle: L("シナリオ比較（基準シナリオとの差）", "Scenario comparison (against the base)"),
  comparisonNote: L("生産変化 = 国内工場の生産の変化（基準との差）。誘発額は産業連関モデルの総合効果（直接 + 第1次 + 第2次間接）。", "Output change = change of output of plants in Japan against the base. Induced amounts are the IO model's total effect (direct + first + second indirect)."),
  noSpareCapacity: L(
    "どのシナリオでも国内工場の生産は基準と変わりません：途絶で不足が出る年、国内工場はすでに能力いっぱい（能力 × 最大稼働率 − 輸出）で国内に供給しているため、途絶は輸入と供給不足を変えるだけで国内生産を増やせません。このため下の経済波及効果は 0 です（国内生産が増える場合のみ波及します）。",
    "No scenario changes the output of plants in Japan: in the years with a shortfall, domestic plants already supply the home market at their limit (capacity × maximum utilization − exports), so the cut changes imports and the shortfall, not domestic output. The ripple effects below are therefore 0 (only a change of domestic output ripples through the IO model).",
  ),
  outputChange: L("国内生産の変化", "Change of domestic output"),
  outputChangeShort: L("生産変化", "Output change"),
  cumulative: L("累積", "cumulative"),
  effectsTitle: L("国内生産の変化による経済波及効果（累積、産業連関モデル）", "Ripple effects of the output change (cumulative, IO model)"),
  stage: L("段階", "Stage"),
  byYearTitle: L("年別：国内生産の変化と粗付加価値誘発額", "By year: output change and induced gross value added"),
  chartShortfall: L("供給不足の推移（シナリオ別、t）", "Shortfall by year and scenario (t)"),
  noModel: L("産業連関表が指定されていないため、経済波及効果は計算していません。", "No input-output table was given, so no ripple effects were computed."),
  // Monte Carlo
  mcTitle: L("不確実性：モンテカルロ（P5 / P50 / P95）", "Uncertainty: Monte Carlo (P5 / P50 / P95)"),
  draws: L("試行回数", "Draws"),
  seed: L("乱数の種（同じ種で同じ結果）", "Seed (same seed, same result)"),
  mcScenario: L("不足量・効果を評価したシナリオ", "Scenario of the shortfall and effects"),
  mcTime: L("計算時間", "Computing time"),
  uncertainParams: L("分布を付けたパラメータ", "Parameters with a distribution"),
  chartFan: L("KPI の不確実性（P5・P50・P95）と目標", "KPI uncertainty (P5, P50, P95) and the target"),
  cumulativeEffects: L("累積の国内生産変化と経済波及効果（総合効果）", "Cumulative output change and ripple effects (total effect)"),
  mean: L("平均", "Mean"),
  noMc: L("モンテカルロは実行していません（--draws N、パラメータシートの「分布」列で不確実なパラメータを指定）。", "No Monte Carlo run (give --draws N and mark parameters in the Distribution column)."),
  // Tornado
  tornadoTitle: L("KPI の感度（1つずつ下限・上限に動かす）", "KPI sensitivity (one parameter at a time, low and high)"),
  atLow: L("下限のときの KPI", "KPI at low"),
  atHigh: L("上限のときの KPI", "KPI at high"),
  swing: L("振れ幅", "Swing"),
  baseKpi: L("基準の KPI", "Base KPI"),
  deltaLow: L("下限：基準からの差", "Low: change from base"),
  deltaHigh: L("上限：基準からの差", "High: change from base"),
  chartTornado: L("KPI のトルネード図（基準からの差）", "Tornado of the KPI (change from base)"),
  chartData: L("グラフ用（振れ幅の小さい順）", "Chart data (smallest swing first)"),
  noEffect: L("KPI に影響しないパラメータ（KPI は基準シナリオの能力 / 価格反応前の需要）", "Parameters that do not move the KPI (the KPI is capacity / demand before the price response)"),
  noTornado: L("下限・上限のあるパラメータがないため、トルネード図はありません。", "No parameter has both a low and a high value, so there is no tornado."),
  // Parameters
  paramsTitle: L("パラメータと出典（すべての値の出所）", "Parameters and sources (where every value comes from)"),
  scenarioDefs: L("シナリオの定義", "Scenario definitions"),
  origin: L("輸入元", "Origin"),
  cut: L("供給削減率", "Supply cut"),
  months: L("期間（月）", "Months"),
  start: L("開始（年/月）", "Start (year/month)"),
  premium: L("輸入価格の上乗せ", "Import price premium"),
  noShock: L("ショックなし", "no shock"),
  ioLink: L("産業連関モデルとの接続", "Link to the IO model"),
  magnetSector: L("磁石の生産を入れる部門", "Sector magnet output enters"),
  unitValue: L("国産磁石の単価（t → 百万円）", "Unit value of domestic magnets (t → million yen)"),
  perMillionYen: L("国内生産 1 百万円あたりの効果（総合効果）", "Effect per million yen of domestic output (total effect)"),
} as const;

export const STAGE_LABELS = {
  direct: L("直接効果", "Direct effect"),
  firstIndirect: L("第1次間接波及効果", "First indirect effect"),
  secondIndirect: L("第2次間接波及効果", "Second indirect effect"),
  total: L("総合効果", "Total effect"),
} as const;

export const MEASURE_LABELS = {
  output: L("生産誘発額", "Induced output"),
  valueAdded: L("粗付加価値誘発額", "Induced gross value added"),
  compensation: L("雇用者所得誘発額", "Induced compensation of employees"),
  employment: L("誘発就業者数", "Induced employment"),
} as const;

export const DISTRIBUTION_SHORT = {
  triangular: L("三角", "triangular"),
  uniform: L("一様", "uniform"),
  normal: L("正規", "normal"),
} as const;

export const DISTRIBUTION_LABELS = {
  triangular: L("三角分布（下限・最頻値・上限）", "triangular (low, mode, high)"),
  uniform: L("一様分布（下限〜上限）", "uniform (low to high)"),
  normal: L("正規分布（平均・標準偏差）", "normal (mean, sd)"),
} as const;

/** "label（unit）" / "label (unit)". */
export function withUnit(label: Bilingual, unit: Bilingual | string, lang: Lang): string {
  const u = typeof unit === "string" ? unit : unit[lang];
  return lang === "ja" ? `${label.ja}（${u}）` : `${label.en} (${u})`;
}

/** Whole tonnes with thousands separators, for sentences. */
export function fmtT(v: number): string {
  return Math.round(v).toLocaleString("en-US");
}

export function fmtPct(v: number, digits = 1): string {
  return `${(v * 100).toFixed(digits)}%`;
}
