// The closed (Type II, households endogenous) model's results as one extra sheet, written only
// when the user asks for it, so the MIC three-stage results on the summary stay the default.
// Labelled everywhere as the closed model: it is the limit of infinitely many induced rounds.

import type { Bilingual, Lang } from "../engine/errors";
import { CLOSED_MODEL_LABEL, type AnalysisDetail, type ModelImpact } from "../engine/model";
import type { IOTable } from "../engine/table/types";
import { NUMBER_FORMATS } from "../report/analysisReport";
import { MEASURES, STAGES, STAGE_ORDER, TEXT, personsLabel, unitLabel, withUnit } from "../report/labels";
import { SheetBuilder, labelWidth } from "../report/sheetBuilder";
import type { CellSpec, WorkbookSpec } from "../report/spec";

const L = (ja: string, en: string): Bilingual => ({ ja, en });

const TYPE_II = {
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
};

function sum(v: number[]): number {
  return v.reduce((a, b) => a + b, 0);
}

/** The spec with a Type II sheet appended (after the summary, before the matrices' details). */
export function withTypeIISheet(
  spec: WorkbookSpec,
  detail: AnalysisDetail,
  closedImpact: ModelImpact | null,
  table: IOTable,
): WorkbookSpec {
  const lang: Lang = spec.lang;
  const tr = (b: Bilingual) => b[lang];
  const typeII = detail.indicators.typeII;
  const sectors = detail.result.sectors;
  const unit = unitLabel(table.unit, lang);
  const s = new SheetBuilder("typeII", tr(TYPE_II.sheet));
  s.add([[tr(CLOSED_MODEL_LABEL)]], "title");
  s.add([[tr(TYPE_II.note)]], "note");
  s.skip();
  if (!typeII) {
    // No household column: say why instead of writing numbers that do not exist.
    s.add([[detail.indicators.typeIINote ? tr(detail.indicators.typeIINote) : tr(TEXT.noWarnings)]], "note");
    return { ...spec, sheets: [...spec.sheets, s.build({ columnWidths: { 0: 60 } })] };
  }
  if (closedImpact) {
    const measures = (["output", "valueAdded", "compensation", "employment"] as const).filter(
      (m) => m !== "employment" || closedImpact.total.employment !== null,
    );
    const header = (m: (typeof measures)[number]) =>
      withUnit(MEASURES[m], m === "employment" ? personsLabel(lang) : unit, lang);
    s.add([[tr(TEXT.effectsByStage)]], "subtitle");
    s.add([[tr(TEXT.stage), ...measures.map(header)]], "header");
    const rows: CellSpec[][] = STAGE_ORDER.map((k) => [
      tr(STAGES[k]),
      ...measures.map((m) => sum((closedImpact[k][m] as number[] | null) ?? [])),
    ]);
    const fmt = [null, ...measures.map((m) => (m === "employment" ? NUMBER_FORMATS.persons : NUMBER_FORMATS.money))];
    s.add(rows.slice(0, 3), "body", fmt);
    s.add(rows.slice(3), "total", fmt);
    s.add([[tr(TEXT.multiple), closedImpact.multiple]], "total", [null, NUMBER_FORMATS.multiple]);
    s.add([[tr(TYPE_II.stagesNote)]], "note");
    s.skip();
  }
  s.add([[tr(TYPE_II.multipliers)]], "subtitle");
  const hasEmp = typeII.employment !== null;
  const head: CellSpec[] = [
    tr(TEXT.sector),
    tr(TYPE_II.outputMultiplier),
    tr(TYPE_II.incomeEffect),
    tr(TYPE_II.incomeTypeII),
    tr(TYPE_II.vaTypeII),
    tr(TYPE_II.compTypeII),
    ...(hasEmp ? [tr(TYPE_II.empTypeII)] : []),
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
    head.map((_, c) => (c === 0 ? null : NUMBER_FORMATS.index)),
  );
  s.add([[tr(TEXT.nullNote)]], "note");
  const widths: Record<number, number> = { 0: labelWidth([...sectors, tr(TEXT.total)], 12, 40) };
  for (let c = 1; c < head.length; c++) widths[c] = labelWidth([String(head[c])], 12, 26);
  const sheet = s.build({ columnWidths: widths });
  // Right after the summary, so the two ripple-effect results sit side by side.
  const sheets = [...spec.sheets];
  const at = sheets.findIndex((x) => x.key === "summary") + 1;
  sheets.splice(at, 0, sheet);
  return { ...spec, sheets, provenance: { ...spec.provenance, variants: [...spec.provenance.variants, tr(CLOSED_MODEL_LABEL)] } };
}
