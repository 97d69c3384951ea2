// Labels of the projects (policy evaluation) report and of the project template, Japanese and
// English. The column headers of the input sheets come from the engine (PROJECT_COLUMNS,
// CONVERTER_HEADERS, SPLIT_HEADERS) so the template and the parser cannot drift apart.

import type { Bilingual } from "../engine/errors";

const L = (ja: string, en: string): Bilingual => ({ ja, en });

export const PROJECT_SHEETS = {
  summary: L("政策評価サマリー", "Policy summary"),
  byYear: L("年度別", "By year"),
  byProject: L("計画別", "By project"),
  kpi: L("KPI", "KPI"),
  bySector: L("部門別", "By sector"),
  methods: L("方法・出典", "Method & sources"),
  // Input templates
  projects: L("事業計画", "Projects"),
  converters: L("投資転換表", "Capex converters"),
  parameters: L("パラメータ", "Parameters"),
  split: L("部門分割", "Sector split"),
} as const;

export const P = {
  title: L("支援計画の政策評価（経済波及効果・KPI）", "Policy evaluation of the supported plans (ripple effects, KPIs)"),
  table: L("産業連関表", "Input-output table"),
  unit: L("単位", "Unit"),
  period: L("評価期間", "Evaluation period"),
  periodWhy: L("評価期間の決め方", "How the period was set"),
  plans: L("計画数", "Plans"),
  plansText: (n: number, conf: number): Bilingual =>
    L(`${n} 計画（うち非公開 ${conf}）`, `${n} plans (${conf} confidential)`),
  confidentialNote: L(
    "非公開の計画を含む内部資料です。事業者名は各計画の「非公開」欄とともに残しています（公開版ではその行を除きます）。",
    "Internal document: it includes confidential plans. Company names are kept with each plan's confidential flag (the public version drops those rows).",
  ),
  plansWithheld: L(
    "個別計画は非公開のため掲載していません（全計画の合計は政策評価サマリーに掲載しています）。",
    "The individual plans are confidential and not published (the totals of all plans are on the policy summary).",
  ),
  keyResults: L("主な結果", "Key results"),
  indicator: L("指標", "Indicator"),
  value: L("値", "Value"),
  unitCol: L("単位", "Unit"),
  block: L("区分", "Block"),
  parameter: L("項目", "Parameter"),
  explanation: L("説明（計算方法）", "Explanation (how it is computed)"),
  cumOutput: L("生産誘発額（総合効果、累計）", "Induced output (total effect, cumulative)"),
  cumGva: L("粗付加価値誘発額（累計）", "Induced gross value added (cumulative)"),
  cumComp: L("雇用者所得誘発額（累計）", "Induced compensation (cumulative)"),
  cumJobs: L("誘発就業者数（延べ、累計）", "Induced employment (person-years, cumulative)"),
  cumSubsidy: L("補助金（累計）", "Subsidy (cumulative)"),
  cumCapex: L("設備投資額（累計）", "Capex (cumulative)"),
  pvGva: L("粗付加価値誘発額の現在価値", "Present value of induced gross value added"),
  pvSubsidy: L("補助金の現在価値", "Present value of the subsidy"),
  inducedValueAddedPerSubsidy: L("補助金1円当たり粗付加価値誘発額（参考）", "Induced gross value added per yen of subsidy (reference)"),
  multiple: L("波及倍率", "Ripple multiple"),
  times: L("倍", "times"),
  explainCum: L(
    "全計画・全年度の合計（「年度別」の合計行と同じ）",
    "All plans, years and phases (the total row of 'By year')",
  ),
  explainCumSubsidy: L("補助金を設備投資額に比例して年度に配分", "Grant (or rate × capex) spread over years like capex"),
  explainPv: (base: number, rate: string): Bilingual =>
    L(`Σ 各年度の値 ÷ (1 + ${rate})^(年度 − ${base})`, `Σ value_t ÷ (1 + ${rate})^(t − ${base}) (base year FY${base})`),
  explainInducedPerSubsidy: L(
    "= 現在価値の比（便益ではなく B/C ではない）",
    "= PV of induced gross value added ÷ PV of the subsidy (not a benefit, so not a B/C)",
  ),
  explainMultiple: L("= 総合効果 ÷ 直接効果（生産誘発額、累計）", "= total ÷ direct effect (induced output, cumulative)"),
  stagesAndPhases: L("段階別・期別の累計効果", "Cumulative effects by stage and phase"),
  stage: L("段階", "Stage"),
  ofWhichInvestment: L("うち投資期（設備投資の需要）", "of which investment phase (capex demand)"),
  ofWhichOperation: L("うち稼働期（工場の生産）", "of which operation phase (plant output)"),
  kpis: L("政策KPI（EBPM ロジックモデル）", "Policy KPIs (EBPM logic model)"),
  kpi: L("KPI", "KPI"),
  target: L("目標", "Target"),
  result: L("判定", "Result"),
  pass: L("達成", "Met"),
  fail: L("未達", "Not met"),
  notEvaluable: L("評価不能", "Not evaluable"),
  why: L("根拠（計算）", "Why (calculation)"),
  sources: L("出典", "Sources"),
  noKpi: L(
    "パラメータシートがないため KPI は評価していません（--params でシートを指定してください）。",
    "No parameter sheet was given, so the KPIs are not evaluated (name one with --params).",
  ),
  method: L("計算方法", "Method"),
  methodElsewhere: L(
    "計算方法・KPI の根拠と出典は「方法・出典」「KPI」シートにあります。",
    "How the figures are computed, and the KPIs' calculations and sources: see the Method & sources and KPI sheets.",
  ),
  stageChart: L("段階別の累計効果", "Cumulative effects by stage"),
  // By year
  byYearTitle: L("年度別の効果（全計画の合計）", "Effects by fiscal year (all plans)"),
  year: L("年度", "Fiscal year"),
  inputsByYear: L("投資と生産（計画シートの入力から計算）", "Investment and production (from the project sheet)"),
  capex: L("設備投資額", "Capex"),
  subsidy: L("補助金", "Subsidy"),
  plantOutput: L("工場の生産額", "Plant output"),
  additionalOutput: L("追加生産額（×(1−置換率)）", "Additional output (× (1 − displacement))"),
  outputByStage: L("段階別の生産誘発額", "Induced output by stage"),
  investmentPhase: L("投資期", "Investment phase"),
  operationPhase: L("稼働期", "Operation phase"),
  otherMeasures: L("粗付加価値・所得・雇用と現在価値", "Value added, income, employment and present values"),
  discountFactor: L("割引係数", "Discount factor"),
  pvGvaShort: L("粗付加価値の現在価値", "PV of gross value added"),
  pvSubsidyShort: L("補助金の現在価値", "PV of subsidy"),
  total: L("合計", "Total"),
  totalCheck: L(
    "合計行は各列の SUM 式です（Excel で開くと再計算されます）。政策評価サマリーの累計と一致します。",
    "Total rows are SUM formulas (recalculated when opened); they equal the cumulative figures of the policy summary.",
  ),
  chartByYearStage: L("年度別の生産誘発額（段階別の積み上げ）", "Induced output by fiscal year, stacked by stage"),
  chartByYearPhase: L("年度別の粗付加価値誘発額（投資期・稼働期）", "Induced gross value added by fiscal year: investment and operation"),
  // By project
  byProjectTitle: L("計画別の効果と補助金1円当たり粗付加価値誘発額", "Effects and induced gross value added per yen of subsidy by plan"),
  planId: L("計画ID", "Plan ID"),
  plansTable: L("計画の概要", "The plans"),
  effectsTable: L("計画別の効果（累計）と現在価値", "Effects by plan (cumulative) and present values"),
  perSubsidyTotalNote: L(
    "補助金1円当たり粗付加価値誘発額の合計行 = 合計の PV 粗付加価値 ÷ 合計の PV 補助金（計画別の値の平均ではありません）",
    "Total induced value added per yen of subsidy = total PV of gross value added ÷ total PV of subsidy (not the average of the plans' ratios)",
  ),
  company: L("事業者名", "Company"),
  confidential: L("非公開", "Confidential"),
  confidentialYes: L("非公開", "confidential"),
  confidentialNo: L("公開", "public"),
  notes: L("備考（数値の根拠）", "Notes (basis of the numbers)"),
  demandNote: L(
    "国内需要の見通しは KPI の年度まで（それ以降は空欄、比率も計算しません）。",
    "Domestic demand is projected up to the KPI year only (later years are blank and have no ratio).",
  ),
  bySectorNote: L(
    "各部門の値は全計画・全年度・投資期と稼働期の合計。直接効果は投資の需要（自給分）と工場の追加生産額が置かれた部門に現れます。",
    "Each sector's value sums all plans, years and both phases. The direct effect appears where capex demand (domestic part) and the plants' additional output are placed.",
  ),
  magnetType: L("磁石種別", "Magnet type"),
  treatment: L("販売先", "Treatment"),
  sector: L("産業部門", "IO sector"),
  capacity: L("能力増強（t/年）", "Capacity added (t/yr)"),
  start: L("稼働開始", "Start FY"),
  subsidyRate: L("補助率", "Subsidy rate"),
  cumTotalOutput: L("生産誘発額（総合、累計）", "Induced output (total, cumulative)"),
  cumInvOutput: L("うち投資期", "of which investment"),
  cumOpOutput: L("うち稼働期", "of which operation"),
  chartByProject: L("計画別の粗付加価値誘発額と補助金（現在価値）", "PV of induced gross value added and of the subsidy by plan"),
  byProjectYear: L("計画別・年度別の生産誘発額（総合効果）", "Induced output (total effect) by plan and fiscal year"),
  // KPI sheet
  kpiTitle: L("政策KPI と目標", "Policy KPIs against their targets"),
  capacityPathTitle: L("国内NdFeB生産能力と国内需要（年度別）", "Domestic NdFeB capacity and domestic demand by fiscal year"),
  baseline: L("既存能力（基準）", "Existing capacity (baseline)"),
  supported: L("支援計画の能力（稼働分）", "Supported plans online"),
  capacityTotal: L("国内生産能力", "Domestic capacity"),
  demand: L("国内需要", "Domestic demand"),
  ratio: L("能力 / 需要", "Capacity / demand"),
  chartKpi: L("国内生産能力 / 国内需要 と目標", "Domestic capacity / domestic demand against the target"),
  capacityNote: L(
    "能力は NdFeB（焼結・熱間加工）の計画のみ。中止の計画は除外。稼働k年目の能力 = 能力増強 × min(1, k/立上げ年数)。",
    "NdFeB plans only (sintered and hot-deformed); cancelled plans excluded. Capacity in operating year k = capacity added × min(1, k / ramp-up).",
  ),
  // By sector
  bySectorTitle: L("部門別・段階別の累計効果（全計画・全年度）", "Cumulative effects by sector and stage (all plans and years)"),
  // Methods
  methodsTitle: L("方法・出典", "Method & sources"),
  inputs: L("入力データ", "Inputs"),
  description: L("内容", "Description"),
  sheet: L("シート", "Sheet"),
  range: L("範囲", "Range"),
  checksum: L("チェックサム（SHA-256）", "Checksum (SHA-256)"),
  evaluationParams: L("評価のパラメータ", "Evaluation parameters"),
  modelParams: L("モデルのパラメータ", "Model parameters"),
  name: L("名前", "Name"),
  source: L("出典", "Source"),
  discountRate: L("割引率", "Discount rate"),
  baseYear: L("基準年度（現在価値）", "Base year (present values)"),
  kpiYear: L("KPI の年度", "KPI year"),
  convertersTitle: L("投資転換表（設備投資 → 部門別の最終需要）", "Capex converters (capex → final demand by commodity)"),
  converter: L("転換表", "Converter"),
  share: L("比率", "Share"),
  selfSufficiencyUsed: L("自給率（使用値）", "Self-sufficiency used"),
  selfSufficiencyWhy: L("自給率の根拠", "Self-sufficiency from"),
  override: L("転換表で上書き", "converter override"),
  fromTable: L("表の 1 − 輸入係数", "table: 1 − import coefficient"),
  splitTitle: L("部門分割（新部門の定義）", "Sector split (new sectors)"),
  noSplit: L("部門分割なし（各計画の生産物は表の既存部門に属します）", "No sector split (each plan's output belongs to an existing sector)"),
  newSector: L("新部門", "New sector"),
  parent: L("親部門", "Parent"),
  output: L("生産額", "Output"),
  outputShare: L("産出シェア", "Output share"),
  inputCoefficients: L("投入係数", "Input coefficients"),
  gvaCoefficient: L("粗付加価値等の係数（= 1 − Σ投入係数）", "Primary-input coefficient (= 1 − Σ inputs)"),
  parentStructure: L("親部門と同じ投入構造", "the parent's input structure"),
  parameterSheet: L("パラメータシート（全行）", "Parameter sheet (all rows)"),
  used: L("評価で参照", "Read by this run"),
  usedNote: L(
    "「評価で参照」= KPI・割引率の計算がこのシートから直接読んだ行。投資転換表・部門分割・事業計画の値は、各シートの出典欄・備考欄がこの表の該当行（項目名）を示します。",
    "'Read by this run' = rows the KPI and discounting read from this sheet; the converter, split and project sheets cite the rows of this table (by name) in their own source and notes columns.",
  ),
  grade: L("信頼度", "Grade"),
  low: L("下限", "Low"),
  high: L("上限", "High"),
  gradeNote: L("信頼度: A 公的・一次資料、B 信頼できる二次資料、C 推計", "Grade: A primary or official, B reputable secondary, C estimate"),
  secondStage: L("第2次間接波及効果の計算方法", "Second indirect effect"),
  warnings: L("警告", "Warnings"),
  none: L("なし", "None"),
  software: L("ソフトウェア", "Software"),
  version: L("バージョン", "Version"),
  createdAt: L("作成日時", "Created"),
  yes: L("はい", "yes"),
  no: L("いいえ", "no"),
  userGiven: L("利用者が指定", "given by the user"),
  periodDefault: L(
    "既定：最初の設備投資年度から、各計画の 稼働開始年度 + 立上げ年数 + 4 の最大まで（全計画が全能力で5年以上稼働）",
    "Default: from the first capex year to the latest (start + ramp-up + 4) over the plans (every plan runs at full capacity for at least five years)",
  ),
  baseYearDefault: L("既定：評価期間の初年度", "Default: the first year of the period"),
};

/** The method text of the summary, one sentence per line. */
export function methodSentences(p: {
  converter: string;
  discount: string;
  discountSource: string;
  baseYear: number;
  split: string | null;
}): Bilingual[] {
  return [
    L(
      "① 経済波及効果は総務省・都道府県の3段階法（直接効果、第1次間接波及効果 = 逆行列 [I − (I − M̂)A]⁻¹ による原材料の波及、第2次間接波及効果 = 雇用者所得 × 消費転換係数による消費の一巡）で年度ごとに計算しています。",
      "① Ripple effects follow the three-stage method of MIC and the prefectures (direct effect; first indirect effect through the open Leontief inverse [I − (I − M̂)A]⁻¹; second indirect effect from one round of consumption out of induced compensation), year by year.",
    ),
    L(
      `② 投資期：年度別の設備投資額を投資転換表（${p.converter}）で部門別の最終需要に配分し、自給率（1 − 輸入係数、転換表の上書きがあればその値）を掛けて直接効果としています。`,
      `② Investment phase: each year's capex is spread over commodities by the capex converter (${p.converter}) as final demand; the direct effect is that demand × self-sufficiency (1 − import coefficient, or the converter's override).`,
    ),
    L(
      "③ 稼働期：工場の追加生産額（能力 × 立上げ比率 × 稼働率 × 単価 × (1 − 置換率)）を国内生産の増加として直接効果に置きます（最終需要の変化としては扱いません。輸入代替・輸出・新規国内需要のいずれも同じ扱い）。その原材料需要が波及します。",
      "③ Operation phase: the plant's additional output (capacity × ramp-up × utilization × unit value × (1 − displacement)) enters as a production increase, not as a final-demand change (the same for import substitution, exports and new domestic demand); its purchases ripple through the economy.",
    ),
    p.split
      ? L(
          `④ 工場の投入構造：${p.split} を親部門から分割した新部門とし、その投入係数で波及を計算しています（部門分割の定義は「方法・出典」シート）。`,
          `④ The plant's own input structure: ${p.split} is a new sector split from its parent, and its input coefficients drive the ripple (definition on 'Method & sources').`,
        )
      : L("④ 各計画の生産物は表の既存部門の投入構造で波及を計算しています。", "④ Each plan's output ripples with the input structure of its existing sector."),
    L(
      `⑤ 現在価値は割引率 ${p.discount}（${p.discountSource}）で基準年度（${p.baseYear}年度）に割り引いています。補助金1円当たり粗付加価値誘発額（参考）= 粗付加価値誘発額の現在価値 ÷ 補助金の現在価値。粗付加価値の誘発は便益ではないため、費用便益比（B/C）ではありません。経済安全保障上の便益（途絶時に回避される損失）による B/C は「経済安全保障効果」シートにあります。分子は支援した工場の投資・稼働が誘発する粗付加価値の全体で、補助金がなければ実施されなかった部分（追加性）は置換率でのみ差し引いています。補助金は設備投資の一部（上限 1/3〜1/2）なので、補助金だけに帰属する効果ではありません。投資期・稼働期別の生産誘発額は計画別シートにあります。`,
      `⑤ Present values use a discount rate of ${p.discount} (${p.discountSource}), base year FY${p.baseYear}. Induced gross value added per yen of subsidy (reference) = PV of induced gross value added ÷ PV of the subsidy. Induced gross value added is not a benefit, so this is not a benefit-cost ratio; the B/C of the economic-security benefit (the loss avoided in a disruption) is on the economic-security sheet. The numerator is all gross value added induced by the supported plants' investment and operation; additionality is taken into account only through the displacement share. The subsidy pays for part of the capex (up to 1/3–1/2), so the effect is not attributable to the subsidy alone. Induced output by phase is on the by-project sheet.`,
    ),
    L(
      "⑥ この表の数値はすべて計算値か、出典を併記した既定値です（「方法・出典」シート）。各計画の値は計画シートの入力です。",
      "⑥ Every number here is computed, or a default whose source is written next to it ('Method & sources'); plan values are the project sheet's inputs.",
    ),
  ];
}
