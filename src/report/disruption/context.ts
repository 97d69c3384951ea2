// Shared context of the disruptionReport sheets: the analysis, the language and the helpers every sheet uses.

import { DISRUPTION_METHOD_NOTES, type MethodNote } from "../../engine/disruption";
import type { DisruptionResult } from "../../engine/disruption/analyze";
import { warningText, type Bilingual, type Lang } from "../../engine/errors";
import type { IOTable } from "../../engine/table/types";
import { NUMBER_FORMATS, type ReportInput } from "../analysisReport";
import { D, PERIOD_NAMES } from "../disruptionLabels";
import { TEXT, unitLabel, withUnit } from "../labels";
import { labelWidth } from "../sheetBuilder";
import type { CellSpec } from "../spec";

export interface DisruptionReportInput {
  result: DisruptionResult;
  table: IOTable;
  lang: Lang;
  inputs: ReportInput[];
  version: string;
  /** Name shown for the table; defaults to the table's title, else the first input. */
  tableName?: string;
  now?: Date;
}

export const DISRUPTION_FORMATS = {
  money: NUMBER_FORMATS.money,
  share: "0.0%",
  inoperability: "0.0000%",
  price: "0.0000%",
  index: "0.000000",
  coefficient: "0.000",
  ratio: "0.00",
} as const;

/** Sectors charted in the inoperability chart (largest loss first). */
export const TOP_SECTORS_CHARTED = 5;

/** A number cell; anything not finite becomes the dash (null or NaN are never written). */
export function num(v: number | null | undefined, lang: Lang): CellSpec {
  return typeof v === "number" && Number.isFinite(v) ? v : TEXT.dash[lang];
}

export function rankBy(values: number[]): number[] {
  return values.map((_, i) => i).sort((a, b) => values[b] - values[a] || a - b);
}

function describeSectorValues(v: { default: number; sectors?: Record<string, number> }, lang: Lang): string {
  const parts = [`${lang === "ja" ? "既定" : "default"} ${v.default}`];
  for (const [s, x] of Object.entries(v.sectors ?? {})) parts.push(`${s} ${x}`);
  return parts.join(lang === "ja" ? "、" : ", ");
}

/** The run's warnings, then the table's, in the report's language, without repeats. */
function collectWarnings(result: DisruptionResult, table: IOTable, lang: Lang): string[] {
  const out: string[] = [];
  for (const w of [...result.warnings, ...table.warnings]) {
    const s = warningText(w, lang);
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

export function disruptionContext(input: DisruptionReportInput) {
  const { result, table, lang } = input;
  const tr = (b: Bilingual) => b[lang];
  const unit = unitLabel(table.unit ?? result.unit, lang);
  const money = (label: Bilingual) => withUnit(label, unit, lang);
  const sectors = result.sectors;
  const n = sectors.length;
  const k = result.sector;
  const spec = result.spec;
  const sectorWidth = labelWidth([...sectors, tr(D.total)], 14, 40);
  const tableName = input.tableName ?? table.layout?.title ?? input.inputs[0]?.description ?? tr(D.table);
  const dyn = result.dynamic;
  const loss = dyn.loss ?? new Array<number>(n).fill(0);
  const totalLoss = dyn.totalLoss ?? 0;
  const order = rankBy(loss);
  const periodName = result.period.name;
  const periodText = tr(PERIOD_NAMES[periodName]);
  const warnings = collectWarnings(result, table, lang);
  const inoNote = DISRUPTION_METHOD_NOTES.inoperability;

  // Parameters as used, with their sources (also the provenance).
  const user = tr(D.userEntered);
  const importsSource =
    result.cut.importsSource === "table"
      ? tr(D.importsFromTable)
      : typeof spec.imports === "object"
        ? `${user}: ${spec.imports.quantity} ${spec.imports.unit ?? ""} × ${spec.imports.unitValue} ${unit}${spec.imports.unit ? "/" + spec.imports.unit : ""}${spec.imports.source ? ` (${spec.imports.source})` : ""}`
        : user;
  const parameters: { name: string; value: string | number; source: string; format?: string }[] = [
    { name: tr(D.disruptedSector), value: sectors[k], source: user },
    { name: tr(D.importCut), value: spec.importCut, source: user, format: "0%" },
    { name: tr(D.months), value: spec.months, source: user },
    { name: tr(D.startMonth), value: spec.startMonth ?? 0, source: spec.startMonth === undefined ? tr(TEXT.defaultPrefix) + "0" : user },
    { name: money(D.annualImports), value: result.cut.annualImports, source: importsSource, format: DISRUPTION_FORMATS.money },
    { name: tr(D.periodLength), value: periodText, source: spec.periodLength ? user : tr(D.defaultPeriodLength) },
    { name: tr(D.periods), value: result.period.count, source: result.period.countSource === "spec" ? user : tr(D.defaultPeriods) },
  ];
  if (result.resilience.source === "resilience") {
    parameters.push({ name: tr(D.resilience), value: describeSectorValues(spec.resilience!, lang), source: user });
  } else {
    parameters.push({ name: tr(D.recovery), value: describeSectorValues(spec.recoveryMonths!, lang), source: user });
    parameters.push({
      name: tr(D.residual),
      value: result.resilience.residual ?? 0,
      source: spec.recoveryMonths?.residual !== undefined ? user : tr(D.defaultResidual),
    });
  }
  if (result.prices) {
    parameters.push({ name: tr(D.priceChangeGiven), value: result.prices.importPriceChange, source: user, format: "0.0%" });
    parameters.push({ name: tr(D.priceScope), value: result.prices.scope, source: spec.priceShock?.scope ? user : tr(TEXT.defaultPrefix) + result.prices.scope });
  }

  const createdAt = (input.now ?? new Date()).toISOString();
  const methodLines = (note: MethodNote, label?: Bilingual): CellSpec[][] => [
    [`${tr(note.title)}${label ? `（${tr(label)}）` : ""}`],
    [`${tr(D.formula)}: ${note.formula}`],
    [`${tr(D.limits)}: ${tr(note.limits)}`],
  ];
  return { input, result, table, lang, tr, unit, money, sectors, n, k, spec, sectorWidth, tableName, dyn, loss, totalLoss, order, periodName, periodText, warnings, inoNote, user, importsSource, parameters, createdAt, methodLines };
}

export type DisruptionContext = ReturnType<typeof disruptionContext>;
