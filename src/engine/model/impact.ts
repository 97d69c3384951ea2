// Ripple effects of a shock (MODELS.md 3): the three-stage method of MIC and the prefectures,
// the closed (Type II) model, and a production-increase entry point.

import { type Bilingual, RippleError } from "../errors";
import { CLOSED_MODEL_LABEL } from "./closed";
import type { IOModel } from "./iomodel";
import type { Impact, Stage } from "./result";
import { sum } from "../numeric";

export type ImpactMethod = "three-stage" | "closed-type-ii" | "output-three-stage";

/** An Impact (the CLI JSON part) plus which model produced it and with which c. */
export interface ModelImpact extends Impact {
  method: ImpactMethod;
  label: Bilingual;
  consumptionRate: number;
}

export interface ShockOptions {
  /** Export demand by sector: 100% domestic, so it is NOT multiplied by (I − M̂). */
  exportShock?: number[];
}

export const IMPACT_LABELS: Record<ImpactMethod, Bilingual> = {
  "three-stage": {
    ja: "経済波及効果（直接効果・第1次間接波及効果・第2次間接波及効果）",
    en: "Ripple effect, three-stage method (direct, first and second indirect)",
  },
  "closed-type-ii": {
    ja: `経済波及効果 — ${CLOSED_MODEL_LABEL.ja}（第2次以降の誘発をすべて含む）`,
    en: `Ripple effect — ${CLOSED_MODEL_LABEL.en} (all induced consumption rounds)`,
  },
  "output-three-stage": {
    ja: "生産増加による経済波及効果（直接効果＝国内生産額の増加）",
    en: "Ripple effect of a production increase (direct effect = domestic output given)",
  },
};

/** Output, value added, compensation and employment of an output change. */
export function stageOf(model: IOModel, dx: number[]): Stage {
  return {
    output: dx,
    valueAdded: dx.map((d, i) => model.v[i] * d),
    compensation: dx.map((d, i) => model.wc[i] * d),
    employment: model.e ? dx.map((d, i) => (model.e as number[])[i] * d) : null,
  };
}

const sub = (a: number[], b: number[]): number[] => a.map((v, i) => v - b[i]);
const add = (a: number[], b: number[]): number[] => a.map((v, i) => v + b[i]);

/** Direct effect ΔX0 = ŝ Δf + Δe: s = self-sufficiency (1 − m_i, or the override; 1 for
 * domestic-use tables), exports entering in full. */
export function directEffect(model: IOModel, shock: number[], options: ShockOptions = {}): number[] {
  model.checkVector(shock, "shock");
  const s = model.selfSufficiency();
  const dx0 = shock.map((f, i) => s[i] * f);
  if (options.exportShock) {
    model.checkVector(options.exportShock, "exportShock");
    return add(dx0, options.exportShock);
  }
  return dx0;
}

/** Second round from the first-round output: W1 = Σ w ΔX1, ΔC = c·W1·h, ΔX2 = L (I − M̂) ΔC
 * (domestic-use tables: L ΔC). Skipped (zeros) when c = 0. */
export function secondRound(model: IOModel, dx1: number[]): number[] {
  const c = model.options.consumptionRate;
  if (c === 0) return new Array<number>(model.n).fill(0);
  const h = model.householdComposition();
  const W1 = dx1.reduce((s, d, i) => s + model.w[i] * d, 0);
  const dC = h.map((hi) => c * W1 * hi);
  return model.solve(model.domesticPart(dC));
}

function assemble(
  model: IOModel,
  method: ImpactMethod,
  dx0: number[],
  dx1: number[],
  dx2: number[],
): ModelImpact {
  const total = add(dx1, dx2);
  const direct = sum(dx0);
  if (direct === 0)
    throw new RippleError("shock-no-direct-effect", {
      ja: "ショックの直接効果（国内生産の増加）が合計 0 のため波及倍率を計算できません。部門ごとの最終需要の変化と自給率を確認してください",
      en: "The shock's direct effect on domestic output sums to 0, so the ripple multiple is undefined; check the final-demand changes by sector and the self-sufficiency rates",
    });
  return {
    method,
    label: IMPACT_LABELS[method],
    consumptionRate: model.options.consumptionRate,
    direct: stageOf(model, dx0),
    firstIndirect: stageOf(model, sub(dx1, dx0)),
    secondIndirect: stageOf(model, dx2),
    total: stageOf(model, total),
    multiple: sum(total) / direct,
  };
}

/** Three-stage ripple effect of a final-demand change Δf (producer prices, by commodity):
 * ΔX0 = ŝΔf (+ exports), ΔX1 = L ΔX0, ΔX2 = L (I − M̂) c (w·ΔX1) h, total = ΔX1 + ΔX2. */
export function impact(model: IOModel, shock: number[], options: ShockOptions = {}): ModelImpact {
  const dx0 = directEffect(model, shock, options);
  const dx1 = model.solve(dx0);
  return assemble(model, "three-stage", dx0, dx1, secondRound(model, dx1));
}

/** The same shock through the closed model: total = first n entries of L̄ [ΔX0; 0]; the first
 * indirect effect is the open model's, the "second indirect" is everything induced by household
 * consumption (all rounds). */
export function impactTypeII(model: IOModel, shock: number[], options: ShockOptions = {}): ModelImpact {
  const dx0 = directEffect(model, shock, options);
  const dx1 = model.solve(dx0);
  const closed = model.closedModel().solve([...dx0, 0]).slice(0, model.n);
  return assemble(model, "closed-type-ii", dx0, dx1, sub(closed, dx1));
}

/** A production increase given as domestic output ΔXd (e.g. a new plant that substitutes
 * imports): the output enters as given and only its inputs ripple:
 *   ΔX0 = ΔXd, ΔX1 = ΔXd + L A_d ΔXd   (A_d = (I − M̂)A competitive, A domestic-use),
 * then the second round as in impact(). Since L A_d = L − I this equals L ΔXd, i.e. the same as a
 * final demand 100% self-supplied; to give the plant its own input structure, split it into its
 * own sector first (splitSector). */
export function impactOfOutput(model: IOModel, outputDirect: number[]): ModelImpact {
  model.checkVector(outputDirect, "outputDirect");
  const dx0 = [...outputDirect];
  const dx1 = add(dx0, model.solve(model.multiplyAd(dx0)));
  return assemble(model, "output-three-stage", dx0, dx1, secondRound(model, dx1));
}

/** The Impact part of the CLI JSON (drops the labels). */
export function toImpact(m: ModelImpact): Impact {
  return {
    direct: m.direct,
    firstIndirect: m.firstIndirect,
    secondIndirect: m.secondIndirect,
    total: m.total,
    multiple: m.multiple,
  };
}
