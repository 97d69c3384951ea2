// The closed (Type II, households endogenous) model's results as one extra sheet of the
// analysis report, written only when asked for (pane switch, `ripple analyze --type-ii`), so the
// MIC three-stage results on the summary stay the default. Labelled everywhere as the closed
// model: it is the limit of infinitely many induced rounds. The method sheet says which model
// each sheet's figures come from (FIGURE_SOURCES).

import type { Bilingual, Lang } from "../engine/errors";
import { CLOSED_MODEL_LABEL } from "../engine/model";
import { MEASURES, SHEET_NAMES, STAGES, STAGE_ORDER, TEXT, personsLabel, unitLabel, withUnit } from "./labels";
import { SheetBuilder, labelWidth } from "./sheetBuilder";
import type { CellSpec, SheetSpec } from "./spec";

const L = (ja: string, en: string): Bilingual => ({ ja, en });

/** Same formats as the report's (analysisReport.ts NUMBER_FORMATS), repeated to avoid a cycle. */
const FORMATS = { money: "#,##0.0", persons: "#,##0.0", index: "0.0000", multiple: "0.000" } as const;

export const TYPE_II_LABELS = {
  sheet: L("閉鎖型モデル Type II", "Closed model Type II"),
  note: L(
    "家計を内生化した閉鎖型モデル（Miller & Blair）。誘発消費を無限回くり返した極限で、集計シートの3段階法（1回だけ）より大きくなります。",
    "Households endogenous (Miller & Blair). The limit of infinitely many rounds of induced consumption, so it exceeds the three-stage method (one round) on the summary sheet.",
  ),
  stagesNote: L(
    "第2次間接波及効果の欄は、家計消費による誘発の全回分です。",
    "The second indirect column holds everything induced by household consumption (all rounds).",
  ),
  multipliers: L("部門別の Type II 指標", "Type II indicators by sector"),
  outputMultiplier: L("生産誘発係数（閉鎖型、列和）", "Output multiplier (closed, column sum)"),
  incomeEffect: L("所得誘発係数", "Income effect"),
  incomeTypeII: L("所得 Type II 乗数", "Income Type II multiplier"),
  vaTypeII: L("粗付加価値 Type II 乗数", "GVA Type II multiplier"),
  compTypeII: L("雇用者所得 Type II 乗数", "Compensation Type II multiplier"),
  empTypeII: L("就業 Type II 乗数", "Employment Type II multiplier"),
} as const;

/** The method sheet's table "which model each figure comes from". */
export const FIGURE_SOURCES = {
  heading: L("数値の出所（シートごとのモデル）", "Which model each figure comes from"),
  sheet: L("シート", "Sheet"),
  model: L("モデル", "Model"),
  summary: L(
    "3段階法（直接効果・第1次間接・第2次間接は誘発消費1回）。開放型モデル L を使用",
    "Three-stage method (direct, first indirect, one round of induced consumption), open model L",
  ),
  matrices: L("表から計算した係数（開放型モデル）", "Coefficients computed from the table (open model)"),
  multipliers: L(
    "開放型モデル（生産誘発係数・Type I 乗数・影響力係数・感応度係数）",
    "Open model (output multipliers, Type I multipliers, linkage indices)",
  ),
  typeII: L(
    "閉鎖型モデル（家計内生化、Type II）：このシートの数値だけ。ほかのシートの数値には使っていません",
    "Closed model (households endogenous, Type II): this sheet's figures only; not used on any other sheet",
  ),
  typeIIOff: L(
    "閉鎖型モデル（Type II）は使っていません（パネルの Type II スイッチ、または ripple analyze --type-ii で追加できます）",
    "The closed model (Type II) is not used (add it with the pane's Type II switch or ripple analyze --type-ii)",
  ),
} as const;

// Computed by the engine (engine/model/typeII.ts); the report only formats them.
export { typeIIFigures, type TypeIIFigures } from "../engine/model/typeII";
import type { TypeIIFigures } from "../engine/model/typeII";
import { sum } from "../engine/numeric";

/** The 閉鎖型モデル Type II sheet (key "typeII"). */
export function buildTypeIISheet(figures: TypeIIFigures, sectors: string[], tableUnit: string | null, lang: Lang): SheetSpec {
  const tr = (b: Bilingual) => b[lang];
  const unit = unitLabel(tableUnit, lang);
  const s = new SheetBuilder("typeII", tr(TYPE_II_LABELS.sheet));
  s.add([[tr(CLOSED_MODEL_LABEL)]], "title");
  s.add([[tr(TYPE_II_LABELS.note)]], "note");
  s.skip();
  const typeII = figures.indicators;
  if (!typeII) {
    // No household column: say why instead of writing numbers that do not exist.
    s.add([[figures.note ? tr(figures.note) : tr(TEXT.noWarnings)]], "note");
    return s.build({ columnWidths: { 0: 60 } });
  }
  const closedImpact = figures.impact;
  if (closedImpact) {
    const measures = (["output", "valueAdded", "compensation", "employment"] as const).filter(
      (m) => m !== "employment" || closedImpact.total.employment !== null,
    );
    const header = (m: (typeof measures)[number]) => withUnit(MEASURES[m], m === "employment" ? personsLabel(lang) : unit, lang);
    s.add([[tr(TEXT.effectsByStage)]], "subtitle");
    s.add([[tr(TEXT.stage), ...measures.map(header)]], "header");
    const rows: CellSpec[][] = STAGE_ORDER.map((k) => [
      tr(STAGES[k]),
      ...measures.map((m) => sum((closedImpact[k][m] as number[] | null) ?? [])),
    ]);
    const fmt = [null, ...measures.map((m) => (m === "employment" ? FORMATS.persons : FORMATS.money))];
    s.add(rows.slice(0, 3), "body", fmt);
    s.add(rows.slice(3), "total", fmt);
    s.add([[tr(TEXT.multiple), closedImpact.multiple]], "total", [null, FORMATS.multiple]);
    s.add([[tr(TYPE_II_LABELS.stagesNote)]], "note");
    s.skip();
  }
  s.add([[tr(TYPE_II_LABELS.multipliers)]], "subtitle");
  const hasEmp = typeII.employment !== null;
  const head: CellSpec[] = [
    tr(TEXT.sector),
    tr(TYPE_II_LABELS.outputMultiplier),
    tr(TYPE_II_LABELS.incomeEffect),
    tr(TYPE_II_LABELS.incomeTypeII),
    tr(TYPE_II_LABELS.vaTypeII),
    tr(TYPE_II_LABELS.compTypeII),
    ...(hasEmp ? [tr(TYPE_II_LABELS.empTypeII)] : []),
  ];
  s.add([head], "header");
  const dash = (v: number | null): CellSpec => (v === null || !Number.isFinite(v) ? tr(TEXT.dash) : v);
  s.add(
    sectors.map((name, i) => [
      name,
      typeII.output[i],
      typeII.incomeEffects[i],
      dash(typeII.income[i]),
      dash(typeII.valueAdded[i]),
      dash(typeII.compensation[i]),
      ...(hasEmp ? [dash(typeII.employment![i])] : []),
    ]),
    "body",
    head.map((_, c) => (c === 0 ? null : FORMATS.index)),
  );
  s.add([[tr(TEXT.nullNote)]], "note");
  const widths: Record<number, number> = { 0: labelWidth([...sectors, tr(TEXT.total)], 12, 40) };
  for (let c = 1; c < head.length; c++) widths[c] = labelWidth([String(head[c])], 12, 26);
  return s.build({ columnWidths: widths });
}

/** Rows of the method sheet's "which model each figure comes from" table, for the sheets the
 * report has. */
export function figureSourceRows(keys: string[], lang: Lang, typeII: boolean): string[][] {
  const tr = (b: Bilingual) => b[lang];
  const rows: string[][] = [];
  if (keys.includes("summary")) rows.push([tr(SHEET_NAMES.summary), tr(FIGURE_SOURCES.summary)]);
  if (typeII) rows.push([tr(TYPE_II_LABELS.sheet), tr(FIGURE_SOURCES.typeII)]);
  for (const k of ["A", "m", "L"] as const) if (keys.includes(k)) rows.push([tr(SHEET_NAMES[k]), tr(FIGURE_SOURCES.matrices)]);
  if (keys.includes("multipliers")) rows.push([tr(SHEET_NAMES.multipliers), tr(FIGURE_SOURCES.multipliers)]);
  if (!typeII) rows.push(["—", tr(FIGURE_SOURCES.typeIIOff)]);
  return rows;
}
