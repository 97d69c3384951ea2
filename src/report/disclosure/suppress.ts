// Cell suppression for the public version, on the published cells as ONE system of equations
// in the confidential plans' amounts (probe.ts). Primary suppression: a figure that depends on
// 1 … min − 1 confidential plans. Complementary suppression: while the published figures
// determine a suppressed figure, or any function of the amounts of fewer than `min`
// confidential plans (one plan's capex, a ramp-up step, the sum of two plans …), suppress one
// more published figure — the cheapest (yearly values before totals before the summary) among
// those that express the disclosed quantity. Figures that do not depend on any confidential
// amount (the KPI target, national demand, discount factors) are never suppressed.

import { RippleError } from "../../engine/errors";
import { meetsCoordinates, norm, Subspace } from "./linalg";
import type { Probe, ProbedCell } from "./probe";

export interface DisclosurePlan {
  /** Positions "si/bi/r/c" in the tagged full spec whose figures are shown as "—". */
  suppress: Set<string>;
  /** Text cells with figures of confidential plans in their wording: replaced as a whole. */
  omitText: Set<string>;
  primary: number;
  complementary: number;
}

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

/** Which figures to show: starting from none of those that depend on confidential plans,
 * each is published in order of importance (summary, then totals, then yearly values) unless
 * the published span would then determine a function of fewer than `min` confidential plans'
 * amounts. A figure the published ones determine anyway is published too, so in the end no
 * "—" can be solved for (it would lie in the published span) and no small group is exposed. */
export function planSuppression(probe: Probe, min: number): DisclosurePlan {
  const dim = probe.unknowns.length;
  const planOf = probe.unknowns.map((u) => probe.plans.indexOf(u.plan));
  const coordsOf = (g: number[]) => planOf.flatMap((p, j) => (g.includes(p) ? [j] : []));
  const groups = smallGroups(probe.plans.length, min);
  const cells = probe.cells
    .filter((c) => c.plans.size > 0)
    .map((c) => ({ ...c, gradient: unit(c.gradient) }))
    .sort(byPriority);
  const primary = cells.filter((c) => c.plans.size < min).length;
  let space = new Subspace(dim);
  const shown = new Set<ProbedCell>();
  for (const c of cells) {
    if (shown.has(c) || c.plans.size < min) continue;
    const next = new Subspace(dim);
    for (const q of space.basis) next.add(q);
    if (!next.add(c.gradient)) {
      shown.add(c);
      continue;
    }
    if (leaks(next, groups, coordsOf)) continue;
    space = next;
    shown.add(c);
    for (const d of cells) if (!shown.has(d) && space.contains(d.gradient)) shown.add(d);
  }
  const suppressed = cells.filter((c) => !shown.has(c));
  // The invariant the public version rests on, checked once more on the final span.
  if (leaks(space, groups, coordsOf) || suppressed.some((c) => space.contains(c.gradient)))
    throw new RippleError("disclosure-plan", {
      ja: "公開版の秘匿セルを決められませんでした。公開版を書き出しません（不具合です。報告してください）",
      en: "The public version's suppressed cells could not be chosen; it is not written (a fault; please report it)",
    });
  return {
    suppress: new Set(suppressed.map((c) => c.pos)),
    omitText: probe.varyingText,
    primary,
    complementary: suppressed.length - primary,
  };
}
