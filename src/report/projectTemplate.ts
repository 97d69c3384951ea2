// Input templates of the policy evaluation, inserted by the add-in on request and used by the
// sample workbook: the project sheet (one row per supported plan; headers, a note per column,
// drop-down lists), the capex converter sheet (named default converter with sources, the
// self-sufficiency override of construction), the list sheet behind the drop-downs, the sector
// split sheet and the parameter sheet. Headers come from the engine's schemas, so whatever the
// template writes the parser reads.

import type { Bilingual, Lang } from "../engine/errors";
import { citation, type Parameter } from "../engine/params/defaults";
import { CONVERTER_HEADERS } from "../engine/projects/parse";
import { capexHeader, PROJECT_COLUMNS, type ProjectColumn } from "../engine/projects/schema";
import { SPLIT_HEADERS, SPLIT_NOTES } from "../engine/projects/splitSheet";
import { PROJECT_SHEETS } from "./projectLabels";
import { labelWidth } from "./sheetBuilder";
import type { BlockSpec, CellSpec, RangeRef, SheetSpec, ValidationSpec } from "./spec";

/** One plan for the template's example rows: values by column key, capex by fiscal year. */
export interface TemplatePlan {
  values: Partial<Record<string, CellSpec>>;
  capex: Record<number, number>;
}

/** A converter row: converter name, sector label, share, optional self-sufficiency, source. */
export interface ConverterRow {
  name: string;
  sector: string;
  share: number;
  selfSufficiency?: number | null;
  source: string;
}

export interface ProjectTemplateOptions {
  /** Capex columns for these fiscal years (inclusive). */
  firstYear: number;
  lastYear: number;
  /** Sector labels of the table (and new split sectors) for the IO-sector drop-down. */
  sectors: string[];
  /** Converter rows; default: defaultConverterRows(parameters, …). */
  converters: ConverterRow[];
  /** Rows that get the drop-downs (default 50, at least the examples). */
  rows?: number;
  /** Example plans (e.g. the sample's illustrative plans). */
  examples?: TemplatePlan[];
  /** A line under the title, e.g. "例示・非公開". */
  banner?: Bilingual;
}

const T = {
  projectsTitle: { ja: "事業計画（支援計画）シート", en: "Project sheet (supported plans)" },
  projectsHelp: {
    ja: "1行に1計画を入力します。見出しの上の灰色の行は各列の説明です。▼の列は一覧から選びます。設備投資は年度別（百万円）。",
    en: "One plan per row. The grey row above the headers explains each column; columns with ▼ take a value from the list. Capex by fiscal year (million yen).",
  },
  capexNote: { ja: "この年度の設備投資額（百万円、税抜）。空欄は 0", en: "Capex in this fiscal year (million yen, excl. tax); blank = 0" },
  convertersTitle: { ja: "投資転換表（設備投資を部門別の最終需要に配分する比率）", en: "Capex converters (shares that spread capex over commodities)" },
  convertersHelp: {
    ja: "転換表ごとに比率の合計を 1 にします。理想は固定資本マトリックスの該当列。自給率（上書き）を入れた部門はその値を使い、空欄は表の 1 − 輸入係数を使います。",
    en: "The shares of each converter add up to 1 — ideally a column of the fixed capital formation matrix. A self-sufficiency override replaces the table's 1 − import coefficient for that commodity.",
  },
  listsTitle: { ja: "ドロップダウンの選択肢（編集しないでください）", en: "Drop-down values (do not edit)" },
  splitTitle: { ja: "部門分割（新部門の定義）", en: "Sector split (new sectors)" },
  splitHelp: {
    ja: "新部門を親部門から分割し、独自の投入構造を与えます（MODELS.md 7）。表の行・列の合計は保たれ、検算されます。",
    en: "Split a new sector out of its parent with its own input structure (MODELS.md 7); every row and column total of the table is preserved and checked.",
  },
  paramsTitle: { ja: "パラメータ（値・範囲・信頼度・出典）", en: "Parameters (value, range, grade, source)" },
  paramsHelp: {
    ja: "信頼度: A 公的・一次資料、B 信頼できる二次資料、C 推計。分析者のデータで置き換えてください。結果のブックは使った値と出典を記録します。",
    en: "Grade: A primary or official, B reputable secondary, C estimate. Replace with the analyst's data; the results workbook records the values used and their sources.",
  },
  yes: { ja: "TRUE", en: "TRUE" },
} satisfies Record<string, Bilingual>;

const SHARE_FORMAT = "0.0%";
const NUMBER_FORMAT = "#,##0";

function columnFormat(c: ProjectColumn): string | null {
  if (c.kind === "share") return SHARE_FORMAT;
  if (c.kind === "year") return "0";
  if (c.kind === "number") return c.key === "rampYears" ? "0" : NUMBER_FORMAT;
  return null;
}

/** The list sheet: one column per drop-down (choices in the sheet's language). */
function listColumns(lang: Lang, sectors: string[], converters: string[]): { key: string; head: string; values: string[] }[] {
  const col = (key: string) => PROJECT_COLUMNS.find((c) => c.key === key)!;
  const choices = (key: string) => (col(key).choices ?? []).map((c) => c.label[lang]);
  return [
    { key: "magnetType", head: col("magnetType").header[lang], values: choices("magnetType") },
    { key: "treatment", head: col("treatment").header[lang], values: choices("treatment") },
    { key: "status", head: col("status").header[lang], values: choices("status") },
    { key: "confidential", head: col("confidential").header[lang], values: ["TRUE", "FALSE"] },
    { key: "sector", head: col("sector").header[lang], values: sectors },
    { key: "converter", head: col("converter").header[lang], values: converters },
  ];
}

export const LIST_SHEET: Bilingual = { ja: "選択肢", en: "Lists" };

/** The project sheet, the converter sheet and the list sheet behind the drop-downs. */
export function projectTemplate(lang: Lang, options: ProjectTemplateOptions): SheetSpec[] {
  const tr = (b: Bilingual) => b[lang];
  const years: number[] = [];
  for (let y = options.firstYear; y <= options.lastYear; y++) years.push(y);
  const examples = options.examples ?? [];
  const nRows = Math.max(options.rows ?? 50, examples.length);
  const converterNames = [...new Set(options.converters.map((c) => c.name))];
  const listSheetName = tr(LIST_SHEET);

  // ---- list sheet ----
  const lists = listColumns(lang, options.sectors, converterNames);
  const listBlocks: BlockSpec[] = [
    { row: 0, col: 0, values: [[tr(T.listsTitle)]], style: "title" },
    { row: 1, col: 0, values: [lists.map((l) => l.head)], style: "header" },
  ];
  const listRange = new Map<string, RangeRef>();
  lists.forEach((l, j) => {
    listBlocks.push({ row: 2, col: j, values: l.values.map((v) => [v]), style: "body" });
    listRange.set(l.key, { sheet: listSheetName, row: 2, col: j, rows: Math.max(1, l.values.length), cols: 1 });
  });
  const listSheet: SheetSpec = {
    key: "lists",
    name: listSheetName,
    blocks: listBlocks,
    columnWidths: Object.fromEntries(lists.map((l, j) => [j, labelWidth([l.head, ...l.values], 12, 40)])),
  };

  // ---- project sheet ----
  // Plan columns, then one capex column per fiscal year, then the free-text notes.
  type Slot = { kind: "col"; col: ProjectColumn } | { kind: "capex"; year: number };
  const planCols = PROJECT_COLUMNS.filter((c) => c.key !== "notes");
  const notesCol = PROJECT_COLUMNS.find((c) => c.key === "notes");
  const slots: Slot[] = [
    ...planCols.map((col): Slot => ({ kind: "col", col })),
    ...years.map((year): Slot => ({ kind: "capex", year })),
    ...(notesCol ? [{ kind: "col", col: notesCol } as Slot] : []),
  ];
  const headerRow = 3;
  const firstData = headerRow + 1;
  const hasList = (c: ProjectColumn) => !!c.choices || c.kind === "sector" || c.kind === "converter" || c.kind === "bool";
  const headerCells: CellSpec[] = slots.map((s) => (s.kind === "col" ? s.col.header[lang] : capexHeader(s.year)[lang]));
  const notes: CellSpec[] = slots.map((s) =>
    s.kind === "capex"
      ? tr(T.capexNote)
      : `${hasList(s.col) ? "▼ " : ""}${s.col.note[lang]}${s.col.required ? "" : lang === "ja" ? "（任意）" : " (optional)"}`,
  );
  const blocks: BlockSpec[] = [
    { row: 0, col: 0, values: [[tr(T.projectsTitle)]], style: "title" },
    { row: 1, col: 0, values: [[options.banner ? `${tr(options.banner)} ${tr(T.projectsHelp)}` : tr(T.projectsHelp)]], style: "note" },
    { row: 2, col: 0, values: [notes], style: "note" },
    { row: headerRow, col: 0, values: [headerCells], style: "header" },
  ];
  if (examples.length) {
    const formats = slots.map((s) => (s.kind === "capex" ? NUMBER_FORMAT : columnFormat(s.col)));
    blocks.push({
      row: firstData,
      col: 0,
      values: examples.map((e) => slots.map((s) => (s.kind === "capex" ? (e.capex[s.year] ?? null) : (e.values[s.col.key] ?? null)))),
      style: "body",
      numberFormat: formats,
    });
  }
  const validations: ValidationSpec[] = [];
  const colIndex = (key: string) => slots.findIndex((s) => s.kind === "col" && s.col.key === key);
  for (const l of lists) {
    if (l.values.length === 0) continue;
    const j = colIndex(l.key);
    validations.push({
      range: { row: firstData, col: j, rows: nRows, cols: 1 },
      list: l.values,
      source: listRange.get(l.key),
      prompt: (slots[j] as { col: ProjectColumn }).col.note[lang].slice(0, 250),
    });
  }
  const widths: Record<number, number> = {};
  slots.forEach((s, j) => {
    if (s.kind === "capex") widths[j] = labelWidth([capexHeader(s.year)[lang]], 12, 30);
    else if (s.col.key === "notes") widths[j] = 60;
    else {
      const sample = examples.map((e) => String(e.values[s.col.key] ?? ""));
      widths[j] = labelWidth([s.col.header[lang], ...sample, ...(s.col.choices ?? []).map((x) => x.label[lang])], 10, 30);
    }
  });
  const projectSheet: SheetSpec = {
    key: "projects",
    name: tr(PROJECT_SHEETS.projects),
    blocks,
    columnWidths: widths,
    freeze: { rows: headerRow + 1, cols: 2 },
    validations,
  };

  // ---- converter sheet ----
  const convHeader = [CONVERTER_HEADERS.name, CONVERTER_HEADERS.sector, CONVERTER_HEADERS.share, CONVERTER_HEADERS.selfSufficiency, CONVERTER_HEADERS.source].map(tr);
  const convHeaderRow = 3;
  const converterSheet: SheetSpec = {
    key: "converters",
    name: tr(PROJECT_SHEETS.converters),
    blocks: [
      { row: 0, col: 0, values: [[tr(T.convertersTitle)]], style: "title" },
      { row: 1, col: 0, values: [[tr(T.convertersHelp)]], style: "note" },
      { row: convHeaderRow, col: 0, values: [convHeader], style: "header" },
      {
        row: convHeaderRow + 1,
        col: 0,
        values: options.converters.map((c) => [c.name, c.sector, c.share, c.selfSufficiency ?? null, c.source]),
        style: "body",
        numberFormat: [null, null, SHARE_FORMAT, SHARE_FORMAT, null],
      },
    ],
    columnWidths: { 0: 14, 1: labelWidth(options.converters.map((c) => c.sector), 12, 30), 2: 10, 3: 18, 4: 100 },
    freeze: { rows: convHeaderRow + 1, cols: 0 },
    validations: [
      {
        range: { row: convHeaderRow + 1, col: 1, rows: Math.max(20, options.converters.length), cols: 1 },
        list: options.sectors,
        source: listRange.get("sector"),
      },
    ],
  };
  return [projectSheet, converterSheet, listSheet];
}

/** The default converter from the parameters (io/capex converter … share) with their sources:
 * construction, machinery and other, with construction's self-sufficiency 1.0 and why. */
export function defaultConverterRows(
  params: Parameter[],
  lang: Lang,
  sectors: { construction: string; machinery: string; other: string },
  name = lang === "ja" ? "標準" : "default",
): ConverterRow[] {
  const row = (key: "construction" | "machinery" | "other") => {
    const p = params.find((x) => x.block === "io" && x.name === `capex converter ${key} share`);
    if (!p) throw new Error(`parameter io/capex converter ${key} share is missing`);
    return { p, src: `${lang === "ja" ? "既定値" : "default "}${citation(params, p, lang)}` };
  };
  const c = row("construction");
  const m = row("machinery");
  const o = row("other");
  const why =
    lang === "ja"
      ? "自給率 1.0：建設は現地で行われ輸入されない（総務省の波及計算の慣行）"
      : "self-sufficiency 1.0: construction is done on site and not imported (MIC practice)";
  return [
    { name, sector: sectors.construction, share: c.p.value, selfSufficiency: 1, source: `${lang === "ja" ? "建設（工場建屋）" : "construction (plant buildings)"}: ${c.src}; ${why}` },
    { name, sector: sectors.machinery, share: m.p.value, source: `${lang === "ja" ? "機械設備" : "machinery"}: ${m.src}` },
    { name, sector: sectors.other, share: o.p.value, source: `${lang === "ja" ? "その他（設計・据付等）" : "other (engineering, installation)"}: ${o.src}` },
  ];
}

/** A split-sheet row: new sector, parent, output, share, input sector, coefficient, source. */
export interface SplitRow {
  label: string;
  parent?: string | null;
  output?: number | null;
  share?: number | null;
  input?: string | null;
  coefficient?: number | null;
  source?: string | null;
}

export function splitSheet(lang: Lang, rows: SplitRow[], notes: string[] = []): SheetSpec {
  const tr = (b: Bilingual) => b[lang];
  const keys = Object.keys(SPLIT_HEADERS) as (keyof typeof SPLIT_HEADERS)[];
  const headerRow = 3 + notes.length;
  return {
    key: "split",
    name: tr(PROJECT_SHEETS.split),
    blocks: [
      { row: 0, col: 0, values: [[tr(T.splitTitle)]], style: "title" },
      { row: 1, col: 0, values: [[tr(T.splitHelp)], ...notes.map((n) => [n])], style: "note" },
      { row: headerRow - 1, col: 0, values: [keys.map((k) => SPLIT_NOTES[k][lang])], style: "note" },
      { row: headerRow, col: 0, values: [keys.map((k) => SPLIT_HEADERS[k][lang])], style: "header" },
      {
        row: headerRow + 1,
        col: 0,
        values: rows.map((r) => [r.label, r.parent ?? null, r.output ?? null, r.share ?? null, r.input ?? null, r.coefficient ?? null, r.source ?? null]),
        style: "body",
        numberFormat: [null, null, "#,##0", "0.000000", null, "0.000", null],
      },
    ],
    columnWidths: { 0: 16, 1: 14, 2: 16, 3: 12, 4: 18, 5: 12, 6: 100 },
    freeze: { rows: headerRow + 1, cols: 1 },
  };
}

/** The parameter sheet: the defaults.csv columns, one row per parameter. */
export function parameterSheet(lang: Lang, params: Parameter[]): SheetSpec {
  const tr = (b: Bilingual) => b[lang];
  return {
    key: "parameters",
    name: tr(PROJECT_SHEETS.parameters),
    blocks: [
      { row: 0, col: 0, values: [[tr(T.paramsTitle)]], style: "title" },
      { row: 1, col: 0, values: [[tr(T.paramsHelp)]], style: "note" },
      { row: 3, col: 0, values: [["block", "parameter", "value", "unit", "low", "high", "grade", "source"]], style: "header" },
      {
        row: 4,
        col: 0,
        values: params.map((p) => [p.block, p.name, p.value, p.unit, p.low, p.high, p.grade, p.source]),
        style: "body",
      },
    ],
    columnWidths: { 0: 12, 1: 50, 2: 12, 3: 18, 4: 10, 5: 10, 6: 7, 7: 90 },
    freeze: { rows: 4, cols: 2 },
  };
}
