// Shared context of the marketReport sheets: the analysis, the language and the helpers every sheet uses.

import type { Bilingual, Lang } from "../../engine/errors";
import { EFFECT_MEASURES, type EffectMeasure, type MarketAnalysis } from "../../engine/market/run";
import type { ReportInput } from "../analysisReport";
import { M, UNITS } from "../marketLabels";
import { labelWidth } from "../sheetBuilder";

export interface MarketReportInput {
  analysis: MarketAnalysis;
  lang: Lang;
  version: string;
  now?: Date;
  /** The files and sheets read, with checksums. */
  inputs: ReportInput[];
  /** Which sector magnet output enters and why (e.g. "label contains 磁石"). */
  magnetSectorNote?: Bilingual;
  /** Where the supported plans came from (e.g. "input.xlsx [計画]"); absent: none. */
  projectsSource?: string;
  /** The IO table's name for the notes. */
  tableName?: string;
  /** The defaults file the parameter sheet was checked against (values equal to its default
   * are sourced to it), e.g. "assets/data/magnet-market/defaults.csv". */
  defaultsFile?: string;
}

export const MARKET_FORMATS = {
  tonnes: "#,##0",
  share: "0.0%",
  ratio: "0.0%",
  money: "#,##0.0",
  persons: "#,##0.0",
  index: "0.000",
  year: "0",
  plain: "#,##0.####",
} as const;

/** Column widths that fit each header (headers do not wrap). */
export function fitWidths(headers: string[], min: number): Record<number, number> {
  const w: Record<number, number> = {};
  headers.forEach((h, c) => (w[c] = labelWidth([h], min, 44)));
  return w;
}

export function marketContext(input: MarketReportInput) {
  const { analysis: a, lang } = input;
  const tr = (b: Bilingual) => b[lang];
  const ja = lang === "ja";
  const years = a.years;
  const ny = years.length;
  const p = a.sheets.params;
  const F = MARKET_FORMATS;
  const tUnit = tr(UNITS.t);
  const tyUnit = tr(UNITS.tPerYear);
  const unitEffect = a.unitEffect;
  const moneyUnit = unitEffect ? (ja ? unitEffect.unit : unitEffect.unit === "百万円" ? "million yen" : unitEffect.unit) : tr(UNITS.millionYen);
  const measureUnit = (m: EffectMeasure) => (m === "employment" ? tr(UNITS.persons) : moneyUnit);
  const measures: EffectMeasure[] = EFFECT_MEASURES.filter((m) => m !== "employment" || (unitEffect && unitEffect.perMillionYen.total.employment !== null));
  const scen = (i: number) => a.runs[i].scenario;
  const scenLabel = (i: number) => `${scen(i).name}: ${scen(i).label[lang]}`;

  /** Source of a parameter: its sheet source with grade, or "entered by the user" with the cell. */
  const paren = (t: string) => (ja ? `（${t}）` : ` (${t})`);
  const sourceOf = (key: string): string => {
    const s = a.sheets.sources[key];
    if (!s) return "";
    if (s.user) return tr(M.userEntered) + paren(`${s.sheet} ${s.cell}`);
    // Assumption rows say so in their text already.
    return s.grade && !/^(仮定|assumption)$/i.test(s.grade) ? s.text + paren(`${tr(M.grade)} ${s.grade}`) : s.text;
  };

  const kYear = years.indexOf(a.kpi.year);
  const base = a.runs[0].result;
  return { input, a, lang, tr, ja, years, ny, p, F, tUnit, tyUnit, unitEffect, moneyUnit, measureUnit, measures, scen, scenLabel, paren, sourceOf, kYear, base };
}

export type MarketContext = ReturnType<typeof marketContext>;
