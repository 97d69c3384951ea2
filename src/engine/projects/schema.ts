// The project sheet (one row per supported plan): its columns, headers in both languages, the
// values allowed in each, and the note shown on each header. The template the add-in inserts and
// the parser both read this list, so they cannot drift apart.

import type { Bilingual } from "../errors";

export type MagnetType = "ndfeb-sintered" | "hre-free-hot-deformed" | "smco" | "recycling";
export type Treatment = "import-substitution" | "export" | "new-domestic-demand";
export type PlanStatus = "on-schedule" | "delayed" | "cancelled";

export interface Choice<T extends string> {
  value: T;
  label: Bilingual;
}

export const MAGNET_TYPES: Choice<MagnetType>[] = [
  { value: "ndfeb-sintered", label: { ja: "ネオジム焼結磁石", en: "NdFeB sintered" } },
  {
    value: "hre-free-hot-deformed",
    label: { ja: "重希土類フリー熱間加工磁石", en: "Heavy-rare-earth-free hot-deformed" },
  },
  { value: "smco", label: { ja: "サマリウムコバルト磁石", en: "SmCo" } },
  { value: "recycling", label: { ja: "磁石リサイクル", en: "Magnet recycling" } },
];

export const TREATMENTS: Choice<Treatment>[] = [
  { value: "import-substitution", label: { ja: "輸入代替", en: "Import substitution" } },
  { value: "export", label: { ja: "輸出", en: "Exports" } },
  { value: "new-domestic-demand", label: { ja: "新規国内需要", en: "New domestic demand" } },
];

export const STATUSES: Choice<PlanStatus>[] = [
  { value: "on-schedule", label: { ja: "計画どおり", en: "On schedule" } },
  { value: "delayed", label: { ja: "遅延", en: "Delayed" } },
  { value: "cancelled", label: { ja: "中止", en: "Cancelled" } },
];

export type ColumnKind = "text" | "bool" | "share" | "number" | "year" | "choice" | "sector" | "converter";

export interface ProjectColumn {
  key: string;
  header: Bilingual;
  kind: ColumnKind;
  required: boolean;
  note: Bilingual;
  choices?: Choice<string>[];
}

export const PROJECT_COLUMNS: ProjectColumn[] = [
  {
    key: "id",
    header: { ja: "計画ID", en: "Plan ID" },
    kind: "text",
    required: true,
    note: { ja: "計画ごとに一意の記号（例: P-01）", en: "A unique code per plan (e.g. P-01)" },
  },
  {
    key: "company",
    header: { ja: "事業者名", en: "Company" },
    kind: "text",
    required: true,
    note: { ja: "事業者名。非公開の計画は公開版から除かれます", en: "Company name; confidential plans are removed from the public version" },
  },
  {
    key: "confidential",
    header: { ja: "非公開", en: "Confidential" },
    kind: "bool",
    required: true,
    note: { ja: "TRUE/FALSE（はい/いいえ）。事業者情報を含む計画は TRUE", en: "TRUE/FALSE; TRUE for plans that hold company information" },
  },
  {
    key: "magnetType",
    header: { ja: "磁石種別", en: "Magnet type" },
    kind: "choice",
    required: true,
    choices: MAGNET_TYPES,
    note: { ja: "一覧から選択", en: "Choose from the list" },
  },
  {
    key: "subsidyRate",
    header: { ja: "補助率", en: "Subsidy rate" },
    kind: "share",
    required: false,
    note: {
      ja: "0〜1（製造 1/3、リサイクル 1/2 が上限: 経済産業省 経済安全保障 取組方針）。補助金額が空欄のとき 補助率×設備投資額",
      en: "0 to 1 (caps: 1/3 manufacturing, 1/2 recycling, METI). Used when the subsidy amount is blank: rate × capex",
    },
  },
  {
    key: "subsidyAmount",
    header: { ja: "補助金額（百万円）", en: "Subsidy (million yen)" },
    kind: "number",
    required: false,
    note: { ja: "交付決定額の合計。年度別には設備投資額に比例して配分", en: "Total grant; spread over years in proportion to capex" },
  },
  {
    key: "capacity",
    header: { ja: "能力増強（t/年）", en: "Capacity added (t/yr)" },
    kind: "number",
    required: true,
    note: { ja: "完成磁石重量ベースの年間生産能力の増加", en: "Annual capacity added, finished magnet mass" },
  },
  {
    key: "startYear",
    header: { ja: "稼働開始年度", en: "Start (fiscal year)" },
    kind: "year",
    required: true,
    note: { ja: "量産開始の年度（例: 2027）", en: "Fiscal year mass production starts (e.g. 2027)" },
  },
  {
    key: "rampYears",
    header: { ja: "立上げ年数", en: "Ramp-up (years)" },
    kind: "number",
    required: true,
    note: {
      ja: "全能力に達するまでの年数。稼働k年目の能力比率 = min(1, k/立上げ年数)。0 は初年度から全能力",
      en: "Years to full capacity; share in operating year k = min(1, k / ramp-up). 0 = full from the first year",
    },
  },
  {
    key: "utilization",
    header: { ja: "稼働率", en: "Utilization" },
    kind: "share",
    required: true,
    note: { ja: "0〜1。全能力到達後の稼働率", en: "0 to 1, at full capacity" },
  },
  {
    key: "unitValue",
    header: { ja: "単価（円/kg）", en: "Unit value (JPY/kg)" },
    kind: "number",
    required: true,
    note: { ja: "生産者価格。生産額 = 能力×立上げ比率×稼働率×単価", en: "Producer price; output = capacity × ramp × utilization × unit value" },
  },
  {
    key: "treatment",
    header: { ja: "販売先", en: "Treatment of output" },
    kind: "choice",
    required: true,
    choices: TREATMENTS,
    note: {
      ja: "輸入代替・輸出・新規国内需要。いずれも国内生産の増加として波及計算（最終需要の変化ではない）",
      en: "Import substitution, exports or new domestic demand; all enter as a production increase, not a final-demand change",
    },
  },
  {
    key: "displacement",
    header: { ja: "置換率", en: "Displacement share" },
    kind: "share",
    required: true,
    note: {
      ja: "支援がなくても国内で生産されたはずの割合（0〜1）。追加性 = 1 − 置換率",
      en: "Share of output that would have been made in Japan anyway (0 to 1); additionality = 1 − displacement",
    },
  },
  {
    key: "sector",
    header: { ja: "産業部門", en: "IO sector" },
    kind: "sector",
    required: true,
    note: {
      ja: "生産物が属する産業連関表の部門（コードまたは名称）。分割した新部門名も可",
      en: "IO sector of the output (code or name), or the name of a sector split out of its parent",
    },
  },
  {
    key: "converter",
    header: { ja: "投資転換表", en: "Capex converter" },
    kind: "converter",
    required: true,
    note: { ja: "設備投資を部門別需要に配分する表の名前（転換表シート）", en: "Name of the table that spreads capex over commodities (converter sheet)" },
  },
  {
    key: "status",
    header: { ja: "進捗", en: "Status" },
    kind: "choice",
    required: false,
    choices: STATUSES,
    note: { ja: "計画どおり・遅延・中止（KPI「計画どおりの計画数」に使用）", en: "On schedule, delayed or cancelled (for the KPI of plans on schedule)" },
  },
  {
    key: "notes",
    header: { ja: "備考（数値の根拠）", en: "Notes (basis of the numbers)" },
    kind: "text",
    required: false,
    note: { ja: "各数値の出典・決め方。結果の「計画別」シートに写されます", en: "Where each number comes from; copied to the results' 'By project' sheet" },
  },
];

/** Capex columns: one per fiscal year, "設備投資 FY2025（百万円）" / "Capex FY2025 (million yen)". */
export function capexHeader(year: number): Bilingual {
  return { ja: `設備投資 FY${year}（百万円）`, en: `Capex FY${year} (million yen)` };
}

/** The fiscal year of a capex header in either language (FY2025, 2025年度, 設備投資2025 …). */
export function capexYear(header: string): number | null {
  const h = header.normalize("NFKC");
  if (!/(設備投資|capex|投資額)/i.test(h)) return null;
  const m = /(?:FY\s*)?((?:19|20|21)\d\d)/i.exec(h);
  return m ? Number(m[1]) : null;
}
