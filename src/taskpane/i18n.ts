// Every string the task pane shows, Japanese first, English second. The initial language is
// Office's display language (via the gateway); the header switch changes it at any time.

import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import type { Lang } from "../engine/errors";
import type { Role, RoleSource } from "../engine/table/types";

/** Names of the TABLES.md roles as the pane shows them in the role dropdown. */
const ROLE_NAMES: Record<Role, { ja: string; en: string }> = {
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

const SOURCE_NAMES: Record<RoleSource, { ja: string; en: string }> = {
  label: { ja: "ラベル", en: "label" },
  sum: { ja: "合計の一致", en: "sum check" },
  position: { ja: "位置", en: "position" },
  mapping: { ja: "保存した対応表", en: "saved mapping" },
};

const pick = (m: Record<string, { ja: string; en: string }>, lang: Lang) =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v[lang]]));

const ja = {
  app: {
    title: "Ripple 経済波及効果",
    language: "表示言語",
    langJa: "日本語",
    langEn: "English",
    dismiss: "閉じる",
  },
  table: {
    heading: "1. 産業連関表",
    sheet: "シート",
    chooseSheet: "シートを選択",
    useSelection: "選択範囲を使う",
    reload: "再読み込み",
    loading: "読み込み中…",
    detected: "{{n}} 部門（{{block}}）",
    unit: "単位：{{unit}}",
    unitUnknown: "単位：表に記載なし",
    importType: "輸入の扱い：{{type}}",
    reason: "判定理由：{{reason}}",
    mappingLoaded: "保存済みの対応表（{{key}}）を使いました。",
    warnings: "注意",
    none: "表がまだ選ばれていません。シートを選ぶか、表の範囲を選択して「選択範囲を使う」を押してください。",
  },
  roles: {
    heading: "2. 行と列の役割",
    rows: "行（{{n}}）",
    cols: "列（{{n}}）",
    label: "ラベル",
    address: "セル",
    role: "役割",
    source: "判定根拠",
    confirm: "確定してブックに保存",
    saved: "対応表をブックに保存しました（キー：{{key}}）。",
    edited: "変更あり（未保存）",
  },
  roleName: pick(ROLE_NAMES, "ja"),
  roleSource: pick(SOURCE_NAMES, "ja"),
  options: {
    heading: "3. オプション",
    importType: "輸入の扱い",
    importDetected: "表から判定（{{type}}）",
    competitive: "競争輸入型",
    domestic: "非競争輸入型",
    consumptionRate: "消費転換係数",
    defaultValue: "既定値 {{value}}",
    source: "出典：{{source}}",
    incomeBase: "所得の範囲（第2次間接波及）",
    typeII: "閉鎖型モデル（Type II、家計内生化）の結果も出す",
    selfSufficiency: "自給率の上書き（0〜1、空欄は表の値）",
    selfSufficiencyFromTable: "表から：{{value}}",
    invalidNumber: "0 以上 1 以下の数値を入れてください",
    incomeCompensation: "雇用者所得（総務省の標準）",
    incomeCompensationSurplus: "雇用者所得 + 営業余剰",
  },
  shock: {
    heading: "4. ショック（最終需要の変化）",
    range: "範囲（部門ラベルと増加額の2列）",
    placeholder: "例：ショック!A1:B4",
    read: "読み込む",
    useSelection: "選択範囲を使う",
    sector: "部門",
    value: "増加額",
    matched: "{{n}} 部門に対応、合計 {{total}}",
    none: "ショックを指定しないと、部門別の指標のみを出力します。",
    badAddress: "範囲は「シート名!A1:B4」の形で入力してください。",
  },
  run: {
    heading: "5. 実行",
    run: "実行",
    cancel: "中止",
    cancelled: "中止しました。",
    done: "完了しました。結果は次の新しいシートにあります：",
    needTable: "先に産業連関表を読み込んでください。",
    stage: {
      read: "入力を読み込み中",
      build: "逆行列を計算中",
      analyze: "波及効果を計算中",
      report: "結果を組み立て中",
      write: "シートに書き込み中",
    },
    registered: "このモデルはワークシート関数で名前「{{name}}」として使えます。",
    modelName: "モデル名（RIPPLE 関数で使う名前、空欄なら登録しない）",
  },
  errors: {
    unexpected: "予期しないエラー：{{message}}（入力を確認し、解決しない場合は開発者に連絡してください）",
    officeMissing: "Excel に接続できません。このページは Excel のアドインとして開いてください。",
  },
};

type Resources = typeof ja;

const en: Resources = {
  app: {
    title: "Ripple ripple-effect analysis",
    language: "Language",
    langJa: "日本語",
    langEn: "English",
    dismiss: "Dismiss",
  },
  table: {
    heading: "1. Input-output table",
    sheet: "Sheet",
    chooseSheet: "Choose a sheet",
    useSelection: "Use selection",
    reload: "Reload",
    loading: "Reading…",
    detected: "{{n}} sectors ({{block}})",
    unit: "Unit: {{unit}}",
    unitUnknown: "Unit: not stated in the table",
    importType: "Import convention: {{type}}",
    reason: "Why: {{reason}}",
    mappingLoaded: "Used the mapping saved in this workbook ({{key}}).",
    warnings: "Warnings",
    none: "No table yet. Choose a sheet, or select the table's range and press “Use selection”.",
  },
  roles: {
    heading: "2. Roles of rows and columns",
    rows: "Rows ({{n}})",
    cols: "Columns ({{n}})",
    label: "Label",
    address: "Cell",
    role: "Role",
    source: "Decided by",
    confirm: "Confirm and save in workbook",
    saved: "Mapping saved in the workbook (key: {{key}}).",
    edited: "Changed (not saved)",
  },
  roleName: pick(ROLE_NAMES, "en") as Resources["roleName"],
  roleSource: pick(SOURCE_NAMES, "en") as Resources["roleSource"],
  options: {
    heading: "3. Options",
    importType: "Import convention",
    importDetected: "Detected from the table ({{type}})",
    competitive: "Competitive imports",
    domestic: "Domestic-use table",
    consumptionRate: "Consumption conversion rate (消費転換係数)",
    defaultValue: "Default {{value}}",
    source: "Source: {{source}}",
    incomeBase: "Income base (second indirect effect)",
    typeII: "Also give the closed model (Type II, households endogenous)",
    selfSufficiency: "Self-sufficiency overrides (0–1; blank: from the table)",
    selfSufficiencyFromTable: "From the table: {{value}}",
    invalidNumber: "Enter a number from 0 to 1",
    incomeCompensation: "Compensation of employees (MIC standard)",
    incomeCompensationSurplus: "Compensation + operating surplus",
  },
  shock: {
    heading: "4. Shock (final-demand change)",
    range: "Range (two columns: sector label, change)",
    placeholder: "e.g. Shock!A1:B4",
    read: "Read",
    useSelection: "Use selection",
    sector: "Sector",
    value: "Change",
    matched: "{{n}} sectors matched, total {{total}}",
    none: "Without a shock only the sector indicators are written.",
    badAddress: "Enter the range as Sheet!A1:B4.",
  },
  run: {
    heading: "5. Run",
    run: "Run",
    cancel: "Cancel",
    cancelled: "Cancelled.",
    done: "Done. The results are in these new sheets:",
    needTable: "Read an input-output table first.",
    stage: {
      read: "Reading the inputs",
      build: "Computing the inverse",
      analyze: "Computing the ripple effect",
      report: "Assembling the results",
      write: "Writing the sheets",
    },
    registered: "Worksheet functions can use this model by the name “{{name}}”.",
    modelName: "Model name (for the RIPPLE functions; blank: not registered)",
  },
  errors: {
    unexpected: "Unexpected error: {{message}} (check the inputs; if it persists, tell the developers)",
    officeMissing: "Cannot reach Excel. Open this page as an Excel add-in.",
  },
};

export const resources = { ja: { translation: ja }, en: { translation: en } } as const;

/** A fresh i18next instance in the given language (fresh so tests and the pane do not share). */
export function createI18n(lang: Lang): I18n {
  const inst = i18next.createInstance();
  void inst.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: "en",
    interpolation: { escapeValue: false }, // React escapes already
    initAsync: false, // resources are inline, so init synchronously before the first render
    returnNull: false,
  });
  return inst;
}
