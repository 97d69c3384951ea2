// Cell suppression for the public version, on the published cells as ONE system of equations
// in the confidential plans' amounts (probe.ts). Primary suppression: a figure that depends on
// 1 … min − 1 confidential plans. Complementary suppression: while the published figures
// determine a suppressed figure, or any function of the amounts of fewer than `min`
// confidential plans (one plan's capex, a ramp-up step, the sum of two plans …), suppress one
// more published figure — the cheapest (yearly values before totals before the summary) among
// those that express the disclosed quantity. Figures that do not depend on any confidential
// amount (the KPI target, national demand, discount factors) are never suppressed.

import { RippleError } from "../../engine/errors";
import { distinctDirections, Intervals, linearAmounts } from "./interval";
import { meetsCoordinates, norm, Subspace } from "./linalg";
import type { Probe, ProbedCell } from "./probe";

export interface DisclosurePlan {
  /** Positions "si/bi/r/c" in the tagged full spec whose figures are shown as "—". */
  suppress: Set<string>;
  /** Text cells with figures of confidential plans in their wording: replaced as a whole. */
  omitText: Set<string>;
  primary: number;
  complementary: number;
  /** The interval protection level p: no protected quantity narrower than ± p of its size. */
  protection: number;
  /** Figures held back for the interval protection beyond the exact one. */
  rounds: number;
}

/** Protection level of the interval rule: ±10 % (the p% rule's common p; stated on the method sheet). */
export const DEFAULT_PROTECTION = 0.1;

/** Every set of 1 … min − 1 of the n confidential plans. */
function smallGroups(n: number, min: number): number[][] {
  const out: number[][] = [];
  const rec = (start: number, cur: number[]) => {
    if (cur.length > 0) out.push([...cur]);
    if (cur.length === min - 1) return;
    for (let i = start; i < n; i++) rec(i + 1, [...cur, i]);
  };
  rec(0, []);
  return out;
}

const unit = (g: Float64Array) => {
  const n = norm(g);
  return n === 0 ? g : g.map((x) => x / n);
};

/** Whether the published span determines a function of the amounts of one small group. */
function leaks(space: Subspace, groups: number[][], coordsOf: (g: number[]) => number[]): boolean {
  return groups.some((g) => meetsCoordinates(space, coordsOf(g)) !== null);
}

const order = (c: ProbedCell) => c.pos.split("/").map(Number);
function byPriority(a: ProbedCell, b: ProbedCell): number {
  if (a.cost !== b.cost) return a.cost - b.cost;
  const [x, y] = [order(a), order(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/** The published cells: starting from none of those that depend on confidential plans, each
 * is published in order of importance (summary, then totals, then yearly values) unless the
 * published span would then determine a function of fewer than `min` confidential plans'
 * amounts or a figure held back (`blocked`). A figure the published ones determine anyway is
 * published too, so no "—" can be solved for (it would lie in the published span). */
function publish(cells: ProbedCell[], min: number, blocked: Set<ProbedCell>, dim: number, exposes: (s: Subspace) => boolean) {
  let space = new Subspace(dim);
  const shown = new Set<ProbedCell>();
  for (const c of cells) {
    if (shown.has(c) || blocked.has(c) || c.plans.size < min) continue;
    const next = new Subspace(dim);
    for (const q of space.basis) next.add(q);
    if (!next.add(c.gradient)) {
      shown.add(c);
      continue;
    }
    if (exposes(next) || [...blocked].some((b) => next.contains(b.gradient))) continue;
    space = next;
    shown.add(c);
    for (const d of cells) if (!shown.has(d) && space.contains(d.gradient)) shown.add(d);
  }
  return { space, shown };
}

/** Which figures to show: exact protection (publish), then interval protection — while some
 * protected quantity (a "—", a confidential plan's own figure or amount) can be narrowed to
 * less than ± `protection` of its size, the least important published figure that involves
 * it is held back too and the publication redone. */
export function planSuppression(probe: Probe, min: number, protection = DEFAULT_PROTECTION): DisclosurePlan {
  const dim = probe.unknowns.length;
  const planOf = probe.unknowns.map((u) => probe.plans.indexOf(u.plan));
  const coordsOf = (g: number[]) => planOf.flatMap((p, j) => (g.includes(p) ? [j] : []));
  const groups = smallGroups(probe.plans.length, min);
  const exposes = (s: Subspace) => leaks(s, groups, coordsOf);
  const cells = probe.cells
    .filter((c) => c.plans.size > 0)
    .map((c) => ({ ...c, gradient: unit(c.gradient) }))
    .sort(byPriority);
  const primary = cells.filter((c) => c.plans.size < min).length;
  // The attacker's amounts, in which every figure is linear and ≥ 0 bounds hold (interval.ts).
  const lin = linearAmounts(probe.unknowns);
  const mg = new Map(cells.map((c) => [c, lin.map(c.gradient)]));
  const own = probe.own.map((c) => lin.map(c.gradient));
  const signs = probe.own.flatMap((c, i) => (c.value > 0 ? [own[i].map((x) => x / c.value)] : []));
  const amounts = [...probe.unknowns.map((_, i) => Float64Array.from(probe.unknowns, (__, l) => (l === i ? 1 : 0))), ...lin.unitValues];
  // Sensitive figures: those of 1 … min − 1 confidential plans (a "—" of ≥ min plans only
  // hides another "—"; it is kept from being solved for, not from being bounded).
  const sensitive = cells.filter((c) => c.plans.size < min).map((c) => mg.get(c)!);
  const blocked = new Set<ProbedCell>();
  let result = publish(cells, min, blocked, dim, exposes);
  let rounds = 0;
  for (;;) {
    const shownMerged = [...result.shown].map((c) => mg.get(c)!);
    const intervals = new Intervals(shownMerged, dim, signs);
    const weak = distinctDirections([...amounts, ...own, ...sensitive]).find((t) => protection > 0 && !intervals.protects(t.g, protection));
    if (!weak) break;
    // Hold back the least important published figure that involves the weak quantity.
    const pick = [...result.shown]
      .filter((c) => mg.get(c)!.some((x, j) => x !== 0 && weak.g[j] !== 0))
      .sort(byPriority)
      .pop();
    if (!pick || ++rounds > cells.length)
      throw new RippleError("disclosure-interval", {
        ja: "公開版の区間保護を満たす秘匿セルを決められませんでした。公開版を書き出しません（不具合です。報告してください）",
        en: "No set of suppressed cells met the public version's interval protection; it is not written (a fault; please report it)",
      });
    blocked.add(pick);
    result = publish(cells, min, blocked, dim, exposes);
  }
  const { space, shown } = result;
  const suppressed = cells.filter((c) => !shown.has(c));
  // The invariant the public version rests on, checked once more on the final span.
  if (exposes(space) || suppressed.some((c) => space.contains(c.gradient)))
    throw new RippleError("disclosure-plan", {
      ja: "公開版の秘匿セルを決められませんでした。公開版を書き出しません（不具合です。報告してください）",
      en: "The public version's suppressed cells could not be chosen; it is not written (a fault; please report it)",
    });
  return {
    suppress: new Set(suppressed.map((c) => c.pos)),
    omitText: probe.varyingText,
    primary,
    complementary: suppressed.length - primary,
    protection,
    rounds,
  };
}
