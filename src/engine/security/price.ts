// The price premium of a disruption through the cost-push price model (RESILIENCE.md 3, MODELS.md
// 5), reported beside the quantities: the remaining imports from the cutting origin cost
// `premium` more, and each sector's price rises by Δp' = (Δp_m m_k a_k·) L. The table's import
// share of the magnet sector m_k is replaced by the share of the event's magnet supply that is
// imported — lower with the plans, which is how they damp the price effect. Needs a magnet
// sector of its own (a split table) and a competitive-import table, where A holds imported and
// domestic magnets alike; otherwise no price effect is shown, with the reason.

import type { Bilingual } from "../errors";
import type { IOModel } from "../model/iomodel";
import { concordanceSector } from "./concordance";

export interface PriceContext {
  magnetSector: number;
  magnetLabel: string;
  /** Δp by sector for a cost of 1 per unit of magnet input (solved once: the model is linear). */
  unit: number[];
}

export type PriceSetup = { ok: true; context: PriceContext } | { ok: false; reason: Bilingual };

export function priceContextOf(model: IOModel): PriceSetup {
  if (model.importType !== "competitive")
    return {
      ok: false,
      reason: {
        ja: "非競争輸入型の表では輸入された磁石が投入係数に含まれないため、価格プレミアムの波及は示していません",
        en: "in a domestic-use table imported magnets are not in the input coefficients, so the premium's price effect is not shown",
      },
    };
  const k = concordanceSector(model, ["磁石", "magnet"]);
  if (k === null)
    return {
      ok: false,
      reason: {
        ja: "表に磁石の部門がないため、価格プレミアムの波及は示していません（部門分割で磁石の部門を分けると示せます）",
        en: "the table has no magnet sector, so the premium's price effect is not shown (split a magnet sector to see it)",
      },
    };
  const { n, A } = model;
  // cost_j = a_kj: the magnet input per unit of j's output, imported and domestic (competitive A)
  const cost = Array.from({ length: n }, (_, j) => A[k * n + j]);
  return { ok: true, context: { magnetSector: k, magnetLabel: model.sectors[k], unit: model.solveT(cost) } };
}

export interface PriceEffect {
  /** Average premium on the remaining imports over the event (0.5 = +50%). */
  premium: number;
  /** Share of the magnets supplied during the event that are imported from the cutting origins. */
  importShare: number;
  /** Price change by sector, percent. */
  percent: number[];
}

export function priceEffect(ctx: PriceContext, premium: number, importShare: number): PriceEffect {
  const s = premium * importShare;
  return { premium, importShare, percent: ctx.unit.map((u) => 100 * s * u) };
}
