// Shared context of the analysisReport sheets: the analysis, the language and the helpers every sheet uses.

import type { PurchaserConversion } from "../../engine/table/margins";
import type { Impact, AnalysisResult, Stage } from "../../engine/model/result";
import type { IOTable, ImportType } from "../../engine/table/types";
import { warningText, type Bilingual, type Lang } from "../../engine/errors";
import type { CellSpec } from "../spec";
import { labelWidth } from "../sheetBuilder";
import {
  INVERSE_FORMULAS,
  MEASURES,
  SECOND_STAGE_TEXT,
  TEXT,
  personsLabel,
  unitLabel,
  withUnit,
  type MeasureKey,
} from "../labels";
import { CLOSED_MODEL_LABEL } from "../../engine/model/closed";
import { type TypeIIFigures } from "../typeIISheet";

/** A model parameter as used, with where its value came from. */
export interface ReportParameter {
  key: string;
  name: Bilingual;
  /** A word (an option's name) is bilingual; the sheet shows it in the report's language. */
  value: number | string | Bilingual;
  /** "user": entered by the user; "default": the built-in default, with its source. */
  source: { kind: "user" } | { kind: "default"; text: string | Bilingual };
}

/** The model options after defaults were applied, with their sources. */
export interface ResolvedModelOptions {
  importType: ImportType;
  importTypeSource: "detected" | "user";
  /** Why this convention (from the table layout); null for tables built in code. */
  importTypeReason: Bilingual | null;
  parameters: ReportParameter[];
}

export interface ReportInput {
  description: string;
  sheet?: string;
  range?: string;
  checksum?: string;
  /** The input holds confidential data: a public version leaves its checksum out. */
  confidential?: boolean;
}

export interface AnalysisReportInput {
  result: AnalysisResult;
  table: IOTable;
  options: ResolvedModelOptions;
  /** The final-demand change Δf in table units (sector order), when a shock was given. */
  shock?: number[];
  shockSource?: string;
  /** The shock was given at purchaser prices and converted (shock is then at producer prices). */
  purchaser?: PurchaserConversion;
  /** Name shown for the table; defaults to the table's title, else the first input. */
  tableName?: string;
  lang: Lang;
  inputs: ReportInput[];
  version: string;
  now?: Date;
  /** Also give the closed (Type II) model's results, on a sheet of their own right after the
   * summary (typeIIFigures(model, shock) computes them); the method sheet then says which
   * figures come from it. Off by default: the MIC three-stage method is the standard. */
  typeII?: TypeIIFigures;
  /** Who writes the workbook: the notes speak of the command line's flags or of the task pane. */
  host?: "cli" | "addin";
}

export const NUMBER_FORMATS = {
  money: "#,##0.0",
  persons: "#,##0.0",
  coefficient: "0.000000",
  index: "0.0000",
  multiple: "0.000",
} as const;

const MEASURE_ORDER: MeasureKey[] = ["output", "valueAdded", "compensation", "employment"];

export function dash(v: number | null, lang: Lang): CellSpec {
  return v === null || !Number.isFinite(v) ? TEXT.dash[lang] : v;
}

/** The measures a result has: employment only when the table had employment data. */
export function measuresOf(impact: Impact): MeasureKey[] {
  return MEASURE_ORDER.filter((m) => m !== "employment" || impact.total.employment !== null);
}

export function stageVector(stage: Stage, m: MeasureKey): number[] {
  return (stage[m] as number[] | null) ?? [];
}

function parameterSource(p: ReportParameter, lang: Lang): string {
  if (p.source.kind === "user") return TEXT.userEntered[lang];
  const text = typeof p.source.text === "string" ? p.source.text : p.source.text[lang];
  return TEXT.defaultPrefix[lang] + text;
}

/** The result's warnings, then the table's (in the report's language), without repeats. */
function collectWarnings(input: AnalysisReportInput): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const push = (w: string) => {
    if (!seen.has(w)) {
      seen.add(w);
      out.push(w);
    }
  };
  for (const w of input.result.warnings) push(w);
  for (const w of input.table.warnings) {
    const ja = warningText(w, "ja");
    const en = warningText(w, "en");
    if (!seen.has(ja) && !seen.has(en)) push(warningText(w, input.lang));
  }
  return out;
}

export function analysisContext(input: AnalysisReportInput) {
  const { result, table, options, lang } = input;
  const tr = (b: Bilingual) => b[lang];
  const unit = unitLabel(table.unit, lang);
  const persons = personsLabel(lang);
  const measureHeader = (m: MeasureKey) => withUnit(MEASURES[m], m === "employment" ? persons : unit, lang);
  const measureFormat = (m: MeasureKey) => (m === "employment" ? NUMBER_FORMATS.persons : NUMBER_FORMATS.money);
  const sectors = result.sectors;
  const n = sectors.length;
  const sectorColWidth = labelWidth([...sectors, tr(TEXT.total)], 12, 40);
  const importType = result.importType;
  const inverseText = tr(INVERSE_FORMULAS[importType]);
  const tableName =
    input.tableName ?? table.layout?.title ?? input.inputs[0]?.description ?? tr(TEXT.table);

  const createdAt = (input.now ?? new Date()).toISOString();
  const warnings = collectWarnings(input);
  const parameters = options.parameters.map((p) => ({
    name: tr(p.name),
    value: typeof p.value === "object" ? tr(p.value) : p.value,
    source: parameterSource(p, lang),
  }));
  const variants = [
    `${tr(TEXT.inverseFormula)}: L = ${inverseText}`,
    `${tr(TEXT.secondStageMethod)}: ${tr(SECOND_STAGE_TEXT)}`,
    ...(input.typeII ? [tr(CLOSED_MODEL_LABEL)] : []),
  ];
  return { input, result, table, options, lang, tr, unit, persons, measureHeader, measureFormat, sectors, n, sectorColWidth, importType, inverseText, tableName, createdAt, warnings, parameters, variants };
}

export type AnalysisContext = ReturnType<typeof analysisContext>;
