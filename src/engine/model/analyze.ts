// One analysis of a table, as the CLI JSON (CLI.md) and with the objects behind it.

import { type Lang, type RippleWarning, warningText } from "../errors";
import type { IOTable } from "../table/types";
import { impact, type ModelImpact, toImpact } from "./impact";
import { type SectorIndicators, indicators } from "./indicators";
import { type BuildControl, IOModel, LEONTIEF_LABELS } from "./iomodel";
import type { ModelOptions } from "./options";
import type { AnalysisResult } from "./result";

export interface AnalyzeOptions extends ModelOptions {
  /** Language of the JSON warnings; default "en". */
  lang?: Lang;
  /** Which inverse goes into the JSON "L": "open" (MODELS.md 2, default) or MIC's closed form
   * (I − A)⁻¹ for competitive tables, labelled in the warnings. */
  inverse?: "open" | "closed-import";
  /** Export demand added to the shock in full (not multiplied by (I − M̂)). */
  exportShock?: number[];
  /** Compute the Type II (closed-model) indicators for AnalysisDetail.indicators; default true
   * (when the table has a household column). It factors an (n+1)×(n+1) matrix once more. */
  typeII?: boolean;
}

export interface AnalysisDetail {
  result: AnalysisResult;
  model: IOModel;
  indicators: SectorIndicators;
  impact: ModelImpact | null;
  /** The warnings behind result.warnings, with codes and places. */
  warnings: RippleWarning[];
}

function assemble(model: IOModel, options: AnalyzeOptions, shock: number[] | null | undefined): AnalysisDetail {
  const ind = indicators(model, { typeII: options.typeII !== false && model.h !== null });
  const imp = shock ? impact(model, shock, { exportShock: options.exportShock }) : null;
  const warnings = [...model.warnings];
  let L: number[][];
  if (options.inverse === "closed-import" && model.importType === "competitive") {
    L = model.closedImportInverse();
    warnings.push({
      code: "inverse-closed-import",
      text: {
        ja: `L は ${LEONTIEF_LABELS.closedImport.ja} です。乗数・波及効果は ${LEONTIEF_LABELS.open.ja} で計算しています`,
        en: `L is the ${LEONTIEF_LABELS.closedImport.en}; multipliers and effects use the ${LEONTIEF_LABELS.open.en}`,
      },
    });
  } else L = model.leontief();
  const lang = options.lang ?? "en";
  const result: AnalysisResult = {
    sectors: [...model.sectors],
    importType: model.importType,
    A: model.coefficientMatrix(),
    L,
    importCoefficients: model.m ? [...model.m] : null,
    multipliers: {
      output: ind.outputMultipliers,
      valueAdded: ind.typeI.valueAdded,
      compensation: ind.typeI.compensation,
      employment: ind.typeI.employment,
    },
    effects: {
      valueAdded: ind.effects.valueAdded,
      compensation: ind.effects.compensation,
      employment: ind.effects.employment,
    },
    linkages: { backward: ind.backwardLinkage, forward: ind.forwardLinkage },
    impact: imp ? toImpact(imp) : null,
    warnings: warnings.map((w) => warningText(w, lang)),
  };
  return { result, model, indicators: ind, impact: imp, warnings };
}

/** The analysis of a table (built here) or of a model already built (e.g. by buildAsync, so
 * the factorization is not repeated; the model's own options are used). */
export function analyzeDetailed(model: IOModel, shock?: number[] | null, options?: AnalyzeOptions): AnalysisDetail;
export function analyzeDetailed(table: IOTable, options?: AnalyzeOptions, shock?: number[] | null): AnalysisDetail;
export function analyzeDetailed(
  input: IOTable | IOModel,
  second?: AnalyzeOptions | number[] | null,
  third?: number[] | null | AnalyzeOptions,
): AnalysisDetail {
  if (input instanceof IOModel)
    return assemble(input, (third as AnalyzeOptions | undefined) ?? {}, second as number[] | null | undefined);
  const options = (second as AnalyzeOptions | undefined) ?? {};
  return assemble(IOModel.build(input, options), options, third as number[] | null | undefined);
}

/** The CLI JSON for a table (or a built model) and an optional final-demand shock (table units,
 * sector order): analyze(table, options?, shock?) or analyze(model, shock?, options?). */
export function analyze(model: IOModel, shock?: number[] | null, options?: AnalyzeOptions): AnalysisResult;
export function analyze(table: IOTable, options?: AnalyzeOptions, shock?: number[] | null): AnalysisResult;
export function analyze(
  input: IOTable | IOModel,
  second?: AnalyzeOptions | number[] | null,
  third?: number[] | null | AnalyzeOptions,
): AnalysisResult {
  // The result holds no Type II figures: the closed model is not built for it.
  return input instanceof IOModel
    ? analyzeDetailed(input, second as number[] | null | undefined, { ...(third as AnalyzeOptions | undefined), typeII: false }).result
    : analyzeDetailed(input, { ...(second as AnalyzeOptions | undefined), typeII: false }, third as number[] | null | undefined).result;
}

/** As analyzeDetailed, with the factorization in time slices (progress, cancel). */
export async function analyzeAsync(
  table: IOTable,
  options: AnalyzeOptions = {},
  shock: number[] | null = null,
  control: BuildControl = {},
): Promise<AnalysisDetail> {
  const model = await IOModel.buildAsync(table, options, control);
  return assemble(model, options, shock);
}
