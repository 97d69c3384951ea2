// The few figures the pane shows after a run, so the user sees the answer without leaving the
// pane: the totals over all sectors of the three-stage effect (the same sums as the 集計 sheet's
// 段階別の効果) and the ripple multiple. Only sums of the engine's results; nothing is recomputed.

import type { Impact } from "../engine/model/result";
import { sum } from "../engine/numeric";

export interface AnalysisHeadline {
  /** 直接効果 (output), 総合効果 (output, value added, compensation, employment), all sectors. */
  direct: number;
  totalOutput: number;
  totalValueAdded: number;
  totalCompensation: number;
  /** Persons; null when the table has no employment row. */
  totalEmployment: number | null;
  /** 波及倍率 = total ÷ direct output. */
  multiple: number;
}


/** Null without a shock (only sector indicators were written). */
export function analysisHeadline(impact: Impact | null | undefined): AnalysisHeadline | null {
  if (!impact) return null;
  return {
    direct: sum(impact.direct.output),
    totalOutput: sum(impact.total.output),
    totalValueAdded: sum(impact.total.valueAdded),
    totalCompensation: sum(impact.total.compensation),
    totalEmployment: impact.total.employment ? sum(impact.total.employment) : null,
    multiple: impact.multiple,
  };
}
