// Labels of the deliverable layer (audit sheet, method sheet, public version), Japanese first.

import type { Bilingual } from "../../engine/errors";

const L = (ja: string, en: string): Bilingual => ({ ja, en });

export const AUDIT = {
  sheet: L("検算（数式）", "Audit (formulas)"),
  title: L("検算：見出しの数値を Excel の数式で再計算", "Audit: the headline numbers recomputed with Excel formulas"),
  howTo: L(
    "このシートは Excel の標準関数（MMULT, SUMPRODUCT など）だけで、同じブックに書かれた係数表から結果を再計算します。アドインは不要です。「入力」の列（最終需要の変化、自給率、消費転換係数など）を変えると、下の計算がすべて再計算されます。",
    "This sheet recomputes the results from the coefficient tables written in this workbook with standard Excel functions only (MMULT, SUMPRODUCT, …); no add-in is needed. Change an input column (final-demand change, self-sufficiency, consumption rate, …) and every calculation below follows.",
  ),
  checkNote: L(
    "「一致」= ABS(数式の値 − 結果シートの値) / MAX(1, ABS(結果シートの値)) < 1E-9。入力を変えると、結果シートの値（固定値）とは一致しなくなります（FALSE）。",
    "\"Match\" = ABS(formula − value on the results sheet) / MAX(1, ABS(value on the results sheet)) < 1E-9. After you change an input, the results sheets (fixed values) no longer match (FALSE).",
  ),
  allMatch: L("すべての検算が一致", "All checks match"),
  inputs: L("入力（変更できます）", "Inputs (you may change them)"),
  consumptionRate: L("消費転換係数 c", "Consumption conversion rate c"),
  w1: L("第1次の雇用者所得誘発額 W1 = SUMPRODUCT(w, ΔX1)", "Income induced by the first round W1 = SUMPRODUCT(w, ΔX1)"),
  lFrom: L("逆行列 L（開放型）の範囲", "Leontief inverse L (open) taken from"),
  bySector: L("部門別（ΔX1 と ΔX2 は MMULT の配列数式）", "By sector (ΔX1 and ΔX2 are MMULT array formulas)"),
  sector: L("部門", "Sector"),
  shock: L("Δf 最終需要の変化（入力）", "Δf final-demand change (input)"),
  exports: L("Δe 輸出（入力、全額国産）", "Δe exports (input, 100% domestic)"),
  selfSufficiency: L("s 自給率（入力）", "s self-sufficiency (input)"),
  domesticShare: L("1 − m 国産率（誘発消費、入力）", "1 − m domestic share (induced consumption, input)"),
  household: L("h 民間消費支出の構成比（入力）", "h household consumption shares (input)"),
  valueAdded: L("v 粗付加価値率（入力）", "v gross value added per unit output (input)"),
  compensation: L("w 雇用者所得率（入力）", "w compensation per unit output (input)"),
  income: L("誘発消費のもとになる所得率（入力）", "Income per unit output driving consumption (input)"),
  dx0: L("ΔX0 直接効果 = s × Δf", "ΔX0 direct effect = s × Δf"),
  dx0Exports: L("ΔX0 直接効果 = s × Δf + Δe", "ΔX0 direct effect = s × Δf + Δe"),
  dx1: L("ΔX1 = MMULT(L, ΔX0)", "ΔX1 = MMULT(L, ΔX0)"),
  first: L("第1次間接波及効果 = ΔX1 − ΔX0", "First indirect = ΔX1 − ΔX0"),
  dC: L("ΔC 誘発消費 = c × W1 × h", "ΔC induced consumption = c × W1 × h"),
  dCDomestic: L("(1 − m) × ΔC", "(1 − m) × ΔC"),
  dx2: L("ΔX2 第2次間接波及効果 = MMULT(L, (1 − m) × ΔC)", "ΔX2 second indirect = MMULT(L, (1 − m) × ΔC)"),
  total: L("総合効果 = ΔX1 + ΔX2", "Total = ΔX1 + ΔX2"),
  check: (what: Bilingual): Bilingual => L(`一致：${what.ja}`, `Match: ${what.en}`),
  sum: L("合計", "Total"),
  byStage: L("段階別の合計（SUM と SUMPRODUCT）", "Totals by stage (SUM and SUMPRODUCT)"),
  stage: L("段階", "Stage"),
  computed: L("数式", "Formula"),
  written: L("結果シートの値", "Results sheet"),
  match: L("一致", "Match"),
  multiple: L("波及倍率 = 総合効果 ÷ 直接効果（生産誘発額）", "Ripple multiple = total ÷ direct (induced output)"),
  lBlock: L("この検算で使う逆行列 L（開放型、編集できます）", "Leontief inverse L used by this audit (open form; editable)"),
  omitted: (n: number, max: number): Bilingual =>
    L(
      `部門数が ${n} のため、数式による検算は省略しました。${max} 部門を超える表では MMULT の配列数式と数式の長さ・再計算時間が Excel で実用的でなくなるためです。結果は 方法・出典 シートの入力とパラメータから Ripple で再現できます。`,
      `The formula audit is omitted: the table has ${n} sectors. Above ${max} sectors the MMULT array formulas, formula length and recalculation time are not practical in Excel. The results can be reproduced with Ripple from the inputs and parameters on the Method & sources sheet.`,
    ),
  employmentNote: L(
    "誘発就業者数は検算に含めていません（就業係数 × 生産誘発額で同様に求まります）。",
    "Induced employment is not audited here (it is the employment coefficient × induced output, in the same way).",
  ),
  pvTitle: L("現在価値と補助金1円当たり粗付加価値誘発額（SUMPRODUCT）", "Present values and induced value added per yen of subsidy (SUMPRODUCT)"),
  discountRate: L("割引率 r（入力）", "Discount rate r (input)"),
  baseYear: L("基準年度（入力）", "Base year (input)"),
  pvGva: L("現在価値（粗付加価値誘発額）= SUMPRODUCT(粗付加価値誘発額, 1/(1+r)^(年度−基準年度))", "PV(induced GVA) = SUMPRODUCT(GVA, 1/(1+r)^(year − base))"),
  pvSubsidy: L("現在価値（補助金）", "PV(subsidy)"),
  bc: L("補助金1円当たり粗付加価値誘発額（参考）= 現在価値（粗付加価値誘発額）÷ 現在価値（補助金）", "Induced gross value added per yen of subsidy (reference) = PV(induced GVA) / PV(subsidy)"),
  pvSkipped: L(
    "年度別の値に数値でないセル（公開版の秘匿「—」など）があるため、この現在価値の検算は省略しました。",
    "This present-value audit is omitted: the yearly values include cells that are not numbers (such as \"—\" suppressed in the public version).",
  ),
  years: L("年度（入力）", "Fiscal years (input)"),
  yearsFrom: L("年度別の値の範囲（年度・粗付加価値誘発額・補助金）", "Yearly values taken from (years, induced GVA, subsidy)"),
} as const;

export const METHOD = {
  sheet: L("方法・出典", "Method & sources"),
  inputs: L("入力データ", "Inputs"),
  description: L("内容", "Description"),
  sheetCol: L("シート", "Sheet"),
  range: L("範囲", "Range"),
  checksum: L("チェックサム（SHA-256）", "Checksum (SHA-256)"),
  noInputs: L("（記録なし）", "(none recorded)"),
  mapping: L("表の対応づけ（確定した行・列の役割）", "Table mapping (confirmed role of each row and column)"),
  axis: L("行／列", "Row / column"),
  row: L("行", "Row"),
  col: L("列", "Column"),
  address: L("見出しのセル", "Label cell"),
  label: L("見出し", "Label"),
  role: L("役割", "Role"),
  how: L("判定", "Decided by"),
  variants: L("モデルの種類", "Model variants"),
  parameters: L("パラメータ", "Parameters"),
  name: L("名前", "Name"),
  value: L("値", "Value"),
  source: L("出典", "Source"),
  grade: L("信頼度", "Grade"),
  file: L("既定値のファイル", "Default file"),
  userEntered: L("利用者が入力", "entered by the user"),
  warnings: L("警告", "Warnings"),
  noWarnings: L("なし", "None"),
  software: L("ソフトウェア", "Software"),
  version: L("バージョン", "Version"),
  createdAt: L("作成日時", "Created"),
  suppression: L("公開版の秘匿ルール", "Public version: suppression rule"),
  reproduce: L("再現の手順", "How to reproduce"),
  reproduceText: L(
    "同じ版の Ripple で、チェックサムが一致する入力データと上のパラメータ・モデルの種類を指定して実行すると、同じ結果が得られます。「検算（数式）」シートでは主要な数値を Excel の数式で再計算できます。",
    "Run the same version of Ripple on inputs whose checksums match, with the parameters and model variants above, to obtain the same results. The Audit (formulas) sheet recomputes the headline numbers with Excel formulas.",
  ),
  deliverable: L(
    "このブックの結果シートは値とグラフのみです（RIPPLE.* 関数・外部リンク・マクロなし）。アドインがなくても同じように開けます。",
    "The results sheets of this workbook hold values and charts only (no RIPPLE.* functions, external links or macros); it opens the same without the add-in.",
  ),
} as const;

const pct = (p: number) => `${Math.round(p * 1000) / 10}%`;

export const PUBLIC = {
  suffix: L("公開版", "public"),
  masked: L("（非公開）", "(confidential)"),
  dash: "—",
  rule: (min: number): Bilingual =>
    L(
      `公開版：非公開の計画の行は削除しました。非公開の計画を 1〜${min - 1} 件含む集計値（合計・年度別の値・現在価値・比率など）は「—」で秘匿し、${min} 件以上を含む集計値のみ示します。合計から表示された内訳を引くと、または他の集計値との差から 1〜${min - 1} 件の非公開計画の値が分かる場合は、内訳や集計値を追加で秘匿します。`,
      `Public version: rows of confidential plans are removed. Aggregates (totals, yearly values, present values, ratios, …) that involve 1 to ${min - 1} confidential plans are suppressed ("—"); only aggregates of ${min} or more confidential plans are shown. Where a total minus its shown parts, or the difference of two aggregates, would isolate 1 to ${min - 1} confidential plans, further parts or aggregates are suppressed as well.`,
    ),
  internalMark: L("取扱注意", "Confidential - internal use only"),
  publicMark: L("公開版", "Public version"),
  checksumOmitted: L("（公開版では省略：非公開の計画を含むシート）", "(omitted in the public version: the sheet holds confidential plans)"),
  omittedText: L("（公開版では省略：非公開の計画の数値を含む記述）", "(omitted in the public version: the text states figures of confidential plans)"),
  /** The summary's line (its page is printed on one sheet): the rule itself is on the method sheet. */
  summaryRule: L(
    "公開版：非公開の計画の行を削除し、非公開の計画の数値を読み取れないよう一部の数値を「—」で秘匿しています（秘匿の方法は「方法・出典」シート）。",
    "Public version: confidential plans' rows are removed and figures from which they could be read are shown as \"—\" (the rule: Method & sources sheet).",
  ),
  systemRule: (min: number, protection: number): Bilingual =>
    L(
      `公開版：非公開の計画の行は削除しました（秘匿の方法）。① 一次秘匿：非公開の計画 1〜${min - 1} 件の値に依存する数値は「—」で秘匿します。② 補完秘匿：公開する全シートの数値を、合計・段階の和・期の和・年度の和・直接効果＝追加生産額・現在価値の割引・シート間の一致・比率（B/C、KPI）などの恒等式とともに一つの連立方程式とみなし、方法と各計画の時期（稼働開始・立上げ・稼働率・置換率）を知る読み手が解いても、どの「—」の値も、${min - 1} 件以下の非公開計画の入力（年度別の設備投資額・補助金・能力・単価）のどんな組合せも一意に求まらないように、安い順（年度別の値→合計→サマリー）に数値を追加で秘匿します。③ 区間保護：金額がすべて 0 以上であることも使って読み手が絞り込める範囲を線形計画法で求め、秘匿した 1〜${min - 1} 件の計画の数値、各非公開計画の個別の数値と入力（設備投資額・補助金・能力・売上額＝能力×単価・単価）のどれも、真の値の上下それぞれ ${pct(protection)} 以上の幅が残るまで、数値を追加で秘匿します（p% ルール、p = ${pct(protection)}）。非公開の計画に依存しない数値（目標、国内需要、割引係数など）は秘匿しません。`,
      `Disclosure control of the public version: rows of confidential plans are removed. (1) Primary suppression: figures that depend on 1 to ${min - 1} confidential plans are shown as "—". (2) Complementary suppression: all published figures of all sheets are treated as one system of equations together with their identities (totals, stage sums, phase sums, yearly sums, direct effect = additional output, discounting, equalities across sheets, ratios such as B/C and the KPI); further figures are suppressed (yearly values first, then totals, then the summary) until a reader who knows the method and each plan's timing (start, ramp-up, utilization, displacement) can solve neither for any "—" nor for any combination of the inputs (capex by year, subsidy, capacity, unit value) of ${min - 1} or fewer confidential plans. (3) Interval protection: using also that every amount is ≥ 0, the range to which a reader can narrow each suppressed figure of 1 to ${min - 1} plans and each confidential plan's own figures and inputs (capex, subsidy, capacity, revenue = capacity × unit value, unit value) is found by linear programming; figures are suppressed further until each range reaches at least ${pct(protection)} of the value below and above it (p% rule, p = ${pct(protection)}). Figures that do not depend on confidential plans (targets, national demand, discount factors) are never suppressed.`,
    ),
  numbersMasked: (k: number): Bilingual =>
    L(`非公開の数値と一致するセル ${k} 個を「—」にしました。`, `${k} cells equal to a confidential figure were replaced by "—".`),
  auditNote: L(
    "公開版の検算は、公開される集計値のみを参照します（個別計画の入力は含みません）。",
    "The audit of the public version refers to published aggregates only (no per-plan inputs).",
  ),
} as const;

/** The market workbook's audit (capacity, demand, KPI, IO effects of the output change). */
export const MARKET_AUDIT = {
  kpiTitle: L("KPI：能力 = 既存 + 支援計画、需要 = 用途別の合計、KPI = 能力 ÷ 需要", "KPI: capacity = existing + supported, demand = sum of applications, KPI = capacity ÷ demand"),
  existing: L("既存の国内生産能力（t/年、入力）", "Existing capacity (t/yr, input)"),
  target: L("KPI 目標（入力）", "KPI target (input)"),
  unitValue: L("単価（円/kg、入力）", "Unit value (JPY/kg, input)"),
  source: L("出典", "Source"),
  year: L("年", "Year"),
  supported: L("支援計画の能力（t/年、結果シートの値）", "Supported capacity (t/yr, results sheet)"),
  capacity: L("能力 = 既存 + 支援（t/年）", "Capacity = existing + supported (t/yr)"),
  demand: L("国内需要 = Σ 用途（t）", "Domestic demand = Σ applications (t)"),
  kpi: L("KPI = 能力 ÷ 需要", "KPI = capacity ÷ demand"),
  pass: L("達成 = KPI ≥ 目標", "Pass = KPI ≥ target"),
  match: (what: Bilingual): Bilingual => L(`一致：${what.ja}`, `Match: ${what.en}`),
  kpiYear: (y: number): Bilingual => L(`${y}年（KPI の年）：KPI シートとの照合`, `${y} (KPI year): against the KPI sheet`),
  verdict: L("判定 = IF(達成, 達成, 未達)", "Verdict = IF(pass, PASS, FAIL)"),
  suppressed: L("公開版で秘匿（「—」）されているため省略", "omitted: suppressed (\"—\") in the public version"),
  effectsTitle: L("シナリオの波及効果 = 生産の変化（百万円）× 1 百万円当たりの効果", "Ripple effects of a scenario = output change (million yen) × effect per million yen"),
  unitEffects: (unit: string): Bilingual => L(`磁石 1 百万円の生産による効果（入力、${unit}/百万円）`, `Effects of one million yen of magnet output (input, ${unit} per million yen)`),
  unitEffectsSource: (table: string, sector: string): Bilingual =>
    L(`出典：産業連関表 ${table} の部門「${sector}」に 1 百万円の生産を与えたときの波及効果（Ripple が計算、方法・出典シート参照）`, `Source: ripple effects of one million yen of output in sector "${sector}" of the IO table ${table} (computed by Ripple; see the Method & sources sheet)`),
  stage: L("段階", "Stage"),
  cumTonnes: L("累積の生産の変化（t、結果シートの値）", "Cumulative output change (t, results sheet)"),
  cumYen: L("累積の生産の変化（百万円）= t × 単価（円/kg）÷ 1E3", "Cumulative output change (million yen) = t × unit value (JPY/kg) ÷ 1E3"),
  effect: L("効果 = 百万円 × 1 百万円当たりの効果", "Effect = million yen × effect per million yen"),
  written: L("結果シートの値", "Results sheet"),
} as const;

/** The disruption workbook's audit (static inoperability loss, dynamic total). */
export const DISRUPTION_AUDIT = {
  staticTitle: L(
    "静的モデル：q = MMULT(MINVERSE(I − A*), c*)（I は単位行列：A* の範囲で ROW = COLUMN）、途絶期間の損失 = x × q × 月数 ÷ 12",
    "Static model: q = MMULT(MINVERSE(I − A*), c*) (I the identity: ROW = COLUMN over A*'s range), loss over the cut = x × q × months ÷ 12",
  ),
  astarSource: L(
    "A* = x̂⁻¹ A x̂（a*_ij = a_ij x_j / x_i、a_ij は表の国内投入係数）。下の A*・x・c*・月数は入力で、変更できます。",
    "A* = x̂⁻¹ A x̂ (a*_ij = a_ij x_j / x_i, a_ij the table's domestic input coefficients). A*, x, c* and the months below are inputs you may change.",
  ),
  months: L("途絶の月数（入力）", "Months of the cut (input)"),
  sector: L("部門", "Sector"),
  x: L("x 生産額（入力）", "x output (input)"),
  cstar: L("c* 擾乱（入力）", "c* perturbation (input)"),
  q: L("q 不稼働率（MMULT の配列数式。損失は MIN(1, q) で計算）", "q inoperability (MMULT array formula; the loss uses MIN(1, q))"),
  loss: L("損失 = x × q × 月数 ÷ 12", "Loss = x × q × months ÷ 12"),
  total: L("合計 = SUMPRODUCT(x, q) × 月数 ÷ 12", "Total = SUMPRODUCT(x, q) × months ÷ 12"),
  astar: L("相互依存係数 A*（入力）", "Interdependency matrix A* (input)"),
  noOutput: L("A* が直接与えられ生産額 x がないため、損失額の検算はありません。", "A* was given directly, without output x: there is no money loss to audit."),
  dynamicTitle: L("動的モデル：損失の合計 = 期別の損失の SUM", "Dynamic model: total loss = SUM of the losses by period"),
  dynamicTotal: L("損失の合計（期別の損失の SUM）", "Total loss (SUM of the losses by period)"),
} as const;
