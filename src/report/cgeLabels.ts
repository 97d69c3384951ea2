// The CGE sheets' words in one place (Japanese first, English second): the results, scenario and
// SAM sheets, their audit, and the names a reader sees for the SAM's reserved accounts and the
// scenario keys (the ids stay in JSON and in the scenario file; these are only what is shown).

import type { Bilingual, Lang } from "../engine/errors";

const L = (ja: string, en: string): Bilingual => ({ ja, en });

export const CGE_LABELS = {
  results: L("CGE結果", "CGE results"),
  sam: L("SAM", "SAM"),
  scenario: L("CGEシナリオ", "CGE scenario"),
  title: L("CGE モデル（標準 CGE モデル）の結果", "CGE model results (standard CGE model)"),
  scenarioName: L("シナリオ", "Scenario"),
  none: L("（ベンチマークのみ：シナリオなし）", "(benchmark only: no scenario)"),
  macro: L("マクロ指標", "Macro results"),
  item: L("項目", "Item"),
  benchmark: L("ベンチマーク", "Benchmark"),
  scenarioCol: L("シナリオ", "Scenario"),
  change: L("変化率", "Change"),
  utility: L("家計効用（家計消費のコブ＝ダグラス型効用）", "Household utility UU = Π Xp^α"),
  ev: L("等価変分 EV（ベンチマーク価格）", "Equivalent variation EV (benchmark prices)"),
  gdp: L("実質 GDP（要素費用、ベンチマーク価格の付加価値 Σ Y）", "Real GDP (value added at benchmark prices, Σ Y)"),
  exchangeRate: L("為替レート ε", "Exchange rate ε"),
  factorPrice: (h: Bilingual) => L(`要素価格（${h.ja}）`, `Factor price ${h.en}`),
  income: L("家計所得（要素所得 + 割当レント）", "Household income (factor income + quota rents)"),
  rents: L("輸入割当レント 計", "Import quota rents, total"),
  byGood: L("財別の結果（数量はベンチマーク価格の金額、価格はベンチマーク = 1）", "Results by good (quantities in benchmark-price values, prices with benchmark = 1)"),
  good: L("財", "Good"),
  Z: L("国内生産 Z", "Output Z"),
  D: L("国内向け D", "Domestic sales D"),
  E: L("輸出 E", "Exports E"),
  M: L("輸入 M", "Imports M"),
  Q: L("合成財 Q", "Composite Q"),
  pz: L("生産者価格", "Producer price pz"),
  pq: L("合成財価格", "Composite price pq"),
  pd: L("国内財価格", "Domestic price pd"),
  rent: L("割当レント", "Quota rent"),
  base: L("基準", "bench."),
  scen: L("シナリオ", "scen."),
  pctCol: L("%", "%"),
  chartOutput: L("財別の国内生産の変化率（%）", "Output change by good (%)"),
  chartPrice: L("財別の合成財価格の変化率（%）", "Composite price change by good (%)"),
  samTitle: L("社会会計表（SAM、読み込んだまま：行 = 受取、列 = 支払）", "Social accounting matrix as read (row = receiving, column = paying account)"),
  role: L("役割", "Role"),
  check: L("検算", "Checks"),
  residual: L("最大尺度化残差（収束判定 ≤ 1e-10）", "Largest scaled residual (converged when ≤ 1e-10)"),
  walras: L("ワルラス法則：除いた要素市場の超過需要（尺度化）", "Walras' law: excess demand of the dropped factor market (scaled)"),
  iterations: L("ニュートン法の反復回数", "Newton iterations"),
  numeraire: L("ニューメレール", "Numeraire"),
  warnings: L("警告", "Warnings"),
  balancing: L("均衡項目（すべての勘定が一致するように導出）", "Balancing items (derived so that every account balances)"),
  value: L("値", "Value"),
  how: L("求め方", "How"),
  fromTable: L("産業連関表からの作成方法", "How the SAM was built from the input-output table"),
  moved: L("移し替えた項目", "Entries moved"),
  key: L("キー", "Key"),
  ioTitle: L("同じショックの IO（産業連関）モデルの結果との比較", "The IO (input-output) result for the same shock, side by side"),
  cgePrice: L("CGE: 産出価格（生産税込み）の変化率", "CGE: output price (1+τz)pz change"),
  ioPrice: L("IO: 価格波及モデル（コスト・プッシュ）の変化率", "IO: cost-push price model change"),
  cgeOutput: L("CGE: 国内生産の変化率", "CGE: output change"),
  ioOutput: L("IO: 国内生産の変化率（最終需要不変）", "IO: output change (final demand unchanged)"),
  ioNone: L("このショック（輸入割当・要素供給・弾力性）には IO の価格波及モデルに対応するものがありません。輸入割当の IO での扱いは磁石需給モデルと供給途絶モデルの結果を参照してください。", "This shock (quota, factor supply, elasticities) has no counterpart in the IO cost-push price model; for a quota's IO reading see the demand-share / supply-disruption (IIM) results."),
  sourceCol: L("出典", "Source"),
  userGiven: L("利用者のシナリオファイル", "the user's scenario file"),
  publicRule: L(
    "公開版の CGE シート：SAM と、入力が公表データ（産業連関表・市場データ）だけのシナリオ（輸出規制による輸入価格上乗せ・輸入数量制限）は公開版にも載せます。支援計画の数値から作るシナリオ（生産補助・生産性）は、使う計画の数値（全事業の年度の合計）が公開版の開示管理で公表されるときだけ載せます。これらのシナリオの結果は計画にその数値を通してだけ依存するため、開示管理はその数値を公表セルの連立方程式に加えて判定します。",
    "CGE sheets in the public version: the SAM and the scenarios whose inputs are public data only (the IO table and market data: the export-control premium and the import quota) are published. A scenario built from the supported plans (production subsidy, productivity) is published only when the plans' figure it uses (all plans, one fiscal year) is published by the public version's disclosure control; its results depend on the plans through that figure only, so the disclosure control adds that figure to the system of published cells.",
  ),
  withheld: (title: string, figure: Bilingual) =>
    L(
      `公開版から除いたシナリオ：${title}（使う計画の数値「${figure.ja}」が公開版で秘匿されるため、結果のシートとシナリオの行を載せません）。`,
      `Scenario left out of the public version: ${title} (the plans' figure it uses, ${figure.en}, is suppressed in the public version, so neither its results sheet nor its scenario rows are shown).`,
    ),
  planFigure: (figure: "subsidy" | "additionalOutput", year: number) =>
    figure === "subsidy" ? L(`全事業の ${year}年度の補助金`, `subsidy of all plans in FY${year}`) : L(`全事業の ${year}年度の追加生産額`, `additional output of all plans in FY${year}`),
  methodTitle: L("CGE モデル（CGE結果・CGEシナリオ・SAM シート）の方法とパラメータ", "The CGE model (CGE results, CGE scenario and SAM sheets): method and parameters"),
};


/** The SAM sheet's role row. */
export const ROLE_NAMES: Record<string, Bilingual> = {
  // Not the accounts' own names: the SAM reader takes the first row whose labels recur down the
  // first column as the header, so this row must not repeat them.
  good: L("財", "good"),
  factor: L("生産要素", "factor"),
  idt: L("生産税勘定", "production tax account"),
  trf: L("関税勘定", "tariff account"),
  hoh: L("家計勘定", "household account"),
  gov: L("政府勘定", "government account"),
  inv: L("投資勘定", "investment account"),
  ext: L("海外勘定", "rest-of-world account"),
};

/** The standard model's published source (the textbook's chapter 6 model). */
export const CGE_SOURCE = L(
  "細江・我澤・橋本『入門 社会経済システムの分析』(2004) 第6章の標準 CGE モデル",
  "the standard CGE model of Hosoe, Gasawa & Hashimoto, Textbook of Computable General Equilibrium Modelling (2010), ch. 6",
);

/** Reserved SAM accounts as a reader sees them. Every Japanese name is also a reserved label of
 * the SAM reader (engine/cge/sam.ts), so a SAM sheet written in Japanese reads back the same. */
const ACCOUNT_NAMES: Record<string, Bilingual> = {
  CAP: L("資本", "Capital"),
  LAB: L("労働", "Labour"),
  IDT: L("生産税", "Production tax"),
  TRF: L("関税", "Tariffs"),
  HOH: L("家計", "Household"),
  GOV: L("政府", "Government"),
  INV: L("投資", "Investment"),
  EXT: L("海外", "Rest of world"),
};

/** A SAM account label as shown: the reserved codes named, other labels (goods, the user's own
 * names) as given. */
export function accountName(label: string): Bilingual {
  return ACCOUNT_NAMES[label] ?? L(label, label);
}

/** The scenario keys as shown on the CGEシナリオ sheet; the reader of that sheet takes these names
 * as well as the keys themselves (engine/cge/scenario.ts SHEET_KEY_NAMES holds the same list). */
export { SHEET_KEY_NAMES as SCENARIO_KEY_NAMES } from "../engine/cge";

export const trLang = (lang: Lang) => (b: Bilingual) => b[lang];
