// The demand-share model's input template (parameters with defaults, grades and sources;
// scenarios; demand drivers) as sheets of a WorkbookSpec: written by the pane's 需給モデル tab and
// the sample generator. It lives with the report (the engine reads the sheets, never writes
// them) and shares the engine's column lists, so the template and the reader cannot drift apart.

import type { Bilingual, Lang } from "../engine/errors";
import { citation, param, type Parameter } from "../engine/params/defaults";
import { APPLICATIONS, parameterRange } from "../engine/market/defaults";
import { demandByApplication, type Scenario } from "../engine/market/model";
import {
  appLabel,
  defaultSheetValue,
  defaultSheetValues,
  defaultSourceText,
  DISPLAY_ONLY,
  INTENSITY_ROWS,
  MARKET_SHEET_NAMES,
  marketInputsFromRecord,
  modelYears,
  PARAM_COLUMNS,
  SCENARIO_COLUMNS,
  SHEET_PARAMETERS,
  TEMPLATE_UNCERTAIN,
  unitText,
  type SheetParameter,
} from "../engine/market/sheet";
import type { BlockSpec, CellSpec, SheetSpec } from "./spec";

function defaultGrade(params: Parameter[], p: SheetParameter, lang: Lang): string {
  if (!p.defaultsRow) return lang === "ja" ? "仮定" : "assumption";
  return param(params, ...p.defaultsRow).grade;
}

const HEADER_ROW = 3;

function paramSheet(params: Parameter[], lang: Lang): SheetSpec {
  const cols = Object.values(PARAM_COLUMNS);
  const rows: CellSpec[][] = SHEET_PARAMETERS.map((p) => {
    const range = parameterRange(params, p);
    const dist = range && TEMPLATE_UNCERTAIN.includes(p.key) ? "triangular" : null;
    return [
      p.key,
      p.label.ja,
      p.label.en,
      defaultSheetValue(params, p),
      unitText(p.unit, lang),
      range?.low ?? null,
      range?.high ?? null,
      dist,
      defaultGrade(params, p, lang),
      defaultSourceText(params, p, lang),
    ];
  });
  const note: Bilingual = {
    ja: "t は磁石完成品の重量（希土類含有量ではない）、国内は「国内の工場」（日本企業の海外工場を含まない）。値・下限・上限・分布を書き換えると次の実行に反映されます。分布: 空欄（固定）/ triangular（下限・値・上限）/ uniform（下限〜上限）/ normal（平均 = 値、下限・上限 = 5・95パーセンタイル）。書き換えた行の出典は空欄にしてください（結果に「利用者が入力」と表示）。信頼度 A 公的・一次、B 信頼できる二次、C 推計。",
    en: "t is finished magnet mass (not rare-earth content); domestic means plants in Japan (not Japanese companies' plants abroad). Edit value, low, high and distribution; the next run uses them. Distribution: blank (fixed) / triangular (low, value, high) / uniform (low to high) / normal (mean = value, low and high = 5th and 95th percentiles). Clear the source of a row you change (the results then say 'entered by the user'). Grade A primary/official, B reputable secondary, C estimate.",
  };
  const blocks: BlockSpec[] = [
    { row: 0, col: 0, values: [[lang === "ja" ? "磁石需給モデルのパラメータ" : "Magnet demand-share model: parameters"]], style: "title" },
    { row: 1, col: 0, values: [[note[lang]]], style: "note" },
    { row: HEADER_ROW, col: 0, values: [cols.map((c) => c[lang])], style: "header" },
    { row: HEADER_ROW + 1, col: 0, values: rows, style: "body", numberFormat: [null, null, null, "#,##0.####", null, "#,##0.####", "#,##0.####", null, null, null] },
  ];
  return {
    key: "marketParams",
    name: MARKET_SHEET_NAMES.params[lang],
    blocks,
    columnWidths: { 0: 18, 1: 36, 2: 40, 3: 12, 4: 18, 5: 10, 6: 10, 7: 12, 8: 8, 9: 90 },
    freeze: { rows: HEADER_ROW + 1, cols: 1 },
  };
}

/** The named scenarios as sheet rows (one row per shock), with their sources. */
function scenarioRows(params: Parameter[], scenarios: Scenario[], lang: Lang): CellSpec[][] {
  const src = (block: string, name: string) => {
    const p = param(params, block, name);
    return `${lang === "ja" ? "既定値" : "default "}${citation(params, p, lang)}`;
  };
  const sources: Record<string, string> = {
    april2025: [src("shock", "April-2025 type: cut of China-Japan magnet flows"), src("shock", "April-2025 type: duration")].join("; "),
    severe: [src("shock", "severe: cut"), src("shock", "severe: duration")].join("; "),
  };
  const start = lang === "ja" ? "開始時期は例示（利用者が変更可）" : "start date illustrative (change freely)";
  const rows: CellSpec[][] = [];
  for (const s of scenarios) {
    if (s.shocks.length === 0) {
      rows.push([s.name, s.label[lang], null, null, null, null, null, null, lang === "ja" ? "ショックなし" : "no shock"]);
      continue;
    }
    for (const k of s.shocks)
      rows.push([s.name, s.label[lang], k.origin, k.cut, k.months, k.startYear, k.startMonth, k.pricePremium, `${sources[s.name] ?? ""}; ${start}`]);
  }
  return rows;
}

function scenarioSheet(params: Parameter[], scenarios: Scenario[], lang: Lang): SheetSpec {
  const cols = Object.values(SCENARIO_COLUMNS);
  const note: Bilingual = {
    ja: "1行に1つのショック（輸出規制など）：輸入元の供給を「削減率」だけ「期間」か月、開始年・月から減らし、その間の輸入価格に「上乗せ」を加えます。同じシナリオ名の行は1つのシナリオにまとまります。空いた行に独自のシナリオを追加できます。base（基準）は比較の基準です。輸入元: China（中国）。",
    en: "One shock (e.g. export controls) per row: the origin's supply is cut by 'cut' for 'months' from the start year and month, with the price premium on imports meanwhile. Rows with the same scenario name form one scenario. Add your own scenarios in the empty rows. 'base' is what every scenario is compared with. Origins: China.",
  };
  return {
    key: "marketScenarios",
    name: MARKET_SHEET_NAMES.scenarios[lang],
    blocks: [
      { row: 0, col: 0, values: [[lang === "ja" ? "磁石需給モデルのシナリオ" : "Magnet demand-share model: scenarios"]], style: "title" },
      { row: 1, col: 0, values: [[note[lang]]], style: "note" },
      { row: HEADER_ROW, col: 0, values: [cols.map((c) => c[lang])], style: "header" },
      { row: HEADER_ROW + 1, col: 0, values: scenarioRows(params, scenarios, lang), style: "body", numberFormat: [null, null, null, "0%", "0", "0", "0", "0%", null] },
    ],
    columnWidths: { 0: 14, 1: 44, 2: 10, 3: 14, 4: 10, 5: 10, 6: 12, 7: 18, 8: 90 },
    freeze: { rows: HEADER_ROW + 1, cols: 1 },
  };
}

function driversSheet(values: Record<string, number>, lang: Lang): SheetSpec {
  const m = marketInputsFromRecord(values);
  const years = m.years;
  const ja = lang === "ja";
  const head: CellSpec[] = [ja ? "用途" : "Application", ja ? "項目" : "Item", ja ? "単位" : "Unit", ...years];
  const rows: CellSpec[][] = [];
  const byYear = years.map((_, k) => demandByApplication(m, k));
  m.domestic.forEach((a, i) => {
    rows.push([a.label[lang], ja ? "活動量" : "Activity", unitText(a.activityUnit, lang), ...a.activity]);
    rows.push([null, ja ? "原単位" : "Intensity", unitText(a.intensityUnit, lang), ...a.intensity]);
    rows.push([null, ja ? "国内需要" : "Domestic demand", unitText("t", lang), ...byYear.map((d) => d[i])]);
  });
  const total = years.map((_, k) => byYear[k].reduce((s, v) => s + v, 0));
  const shareTotal = m.domestic.reduce((s, a) => s + values[`share_${a.key}`], 0);
  const globalRows: CellSpec[][] = m.domestic.map((a) => [
    a.label[lang],
    ja ? "世界需要" : "Global demand",
    unitText("t", lang),
    ...m.globalDemand.map((g) => (g * values[`share_${a.key}`]) / shareTotal),
  ]);
  const note: Bilingual = {
    ja: "値として書き出しています（数式ではありません）。パラメータシートが需要を決めます：国内需要 = 2024年需要 ×（1 + 成長率）^(年 − 2024) × 用途別シェア、活動量 = 国内需要 ÷ 原単位（原単位は活動量の表示にのみ使い、需要のトン数は変えません）。世界需要は同じ用途別シェアで配分。t は磁石完成品の重量。",
    en: "Written as values (not formulas). The parameter sheet drives them: domestic demand = 2024 demand × (1 + growth)^(year − 2024) × application share; activity = demand ÷ intensity (the intensity sets the activity shown, not the tonnes). Global demand is split by the same application shares. t = finished magnet mass.",
  };
  let r = 0;
  const blocks: BlockSpec[] = [];
  blocks.push({ row: r++, col: 0, values: [[ja ? "用途別の需要ドライバー（活動量 × 原単位）" : "Demand drivers by application (activity × intensity)"]], style: "title" });
  blocks.push({ row: r++, col: 0, values: [[note[lang]]], style: "note" });
  r++;
  blocks.push({ row: r++, col: 0, values: [[ja ? "国内（日本）" : "Domestic (Japan)"]], style: "subtitle" });
  blocks.push({ row: r++, col: 0, values: [head], style: "header" });
  blocks.push({ row: r, col: 0, values: rows, style: "body", numberFormat: [null, null, null, ...years.map(() => "#,##0.##")] });
  r += rows.length;
  blocks.push({ row: r++, col: 0, values: [[ja ? "国内需要 合計" : "Domestic demand, total", null, unitText("t", lang), ...total]], style: "total", numberFormat: [null, null, null, ...years.map(() => "#,##0")] });
  r++;
  blocks.push({ row: r++, col: 0, values: [[ja ? "世界" : "Global"]], style: "subtitle" });
  blocks.push({ row: r++, col: 0, values: [head], style: "header" });
  blocks.push({ row: r, col: 0, values: globalRows, style: "body", numberFormat: [null, null, null, ...years.map(() => "#,##0")] });
  r += globalRows.length;
  blocks.push({ row: r++, col: 0, values: [[ja ? "世界需要 合計" : "Global demand, total", null, unitText("t", lang), ...m.globalDemand]], style: "total", numberFormat: [null, null, null, ...years.map(() => "#,##0")] });
  const widths: Record<number, number> = { 0: 30, 1: 14, 2: 20 };
  years.forEach((_, k) => (widths[3 + k] = 11));
  return { key: "marketDrivers", name: MARKET_SHEET_NAMES.drivers[lang], blocks, columnWidths: widths, freeze: { rows: 5, cols: 3 } };
}

/**
 * The input sheets the add-in and the sample insert: parameters (defaults with grade and source),
 * scenarios (base, April-2025 type, severe, room for the user's) and the demand drivers computed
 * from the parameters. `scenarios`: the named scenarios (defaultScenarios(params)).
 */
export function marketTemplate(params: Parameter[], scenarios: Scenario[], lang: Lang, values = defaultSheetValues(params)): SheetSpec[] {
  return [paramSheet(params, lang), scenarioSheet(params, scenarios, lang), driversSheet(values, lang)];
}

