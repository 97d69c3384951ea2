// The per-sector chain of one scenario and one fiscal year (RESILIENCE.md 3), for the audit sheet
// to recompute with formulas: shortfall by application (t) → lost downstream output per IO sector
// (t × downstream output per tonne, summed over the applications of the sector) → its backward
// ripple L·Δx → gross value added v'·L·Δx, without and with the plans. The evaluation itself
// scales per-sector unit losses (evaluate.ts); this is the same loss by sector, so that a reviewer
// can follow it cell by cell. Static path only: the dynamic path has no L·Δx to show.

import type { Bilingual } from "../errors";
import type { IOModel } from "../model/iomodel";
import type { SecurityBuild } from "./build";
import type { SecurityResult } from "./evaluate";

export interface ChainCase {
  /** Shortfall by application over the event, t (in the order of `applications`). */
  shortfall: number[];
  /** Lost downstream output by IO sector (table units): the perturbation Δx. */
  lostDownstream: number[];
  /** L·Δx by sector (table units). */
  lostOutput: number[];
  /** v'·L·Δx (table units). */
  lostValueAdded: number;
}

export interface SecurityChain {
  scenario: number;
  label: Bilingual;
  year: number;
  /** Index of the year in the evaluation's years. */
  yearIndex: number;
  applications: { application: string; sector: number; sectorLabel: string; perTonne: number }[];
  sectors: string[];
  /** Gross value added per unit of output, by sector. */
  valueAddedRatio: number[];
  tableUnitsPerMillionYen: number;
  /** The columns of L for the concordance's sectors (L e_j): all the ripple of a Δx that is
   * non-zero only there needs, for workbooks that carry no L sheet. */
  leontiefColumns: { sector: number; column: number[] }[];
  without: ChainCase;
  with: ChainCase;
  /** without.lostValueAdded − with.lostValueAdded. */
  avoidedValueAdded: number;
}

/** The scenario whose loss without the plans is largest over the period, in its year of the
 * largest loss without the plans: a choice that does not depend on the plans, so the public
 * version's probes (rebuilt with changed plan amounts) keep the same layout. Null when no
 * scenario loses anything, or on the dynamic path. */
export function securityChain(build: SecurityBuild, result: SecurityResult, model: IOModel): SecurityChain | null {
  if (build.parameters.lossPath === 1) return null;
  let best: { s: number; t: number; v: number } | null = null;
  let bestTotal = 0;
  result.scenarios.forEach((x, s) => {
    if (!(x.total.without.valueAdded > bestTotal)) return;
    bestTotal = x.total.without.valueAdded;
    x.byYear.forEach((y, t) => {
      if (!best || best.s !== s || y.without.losses.valueAdded > best.v) best = { s, t, v: y.without.losses.valueAdded };
    });
  });
  if (!best) return null;
  const { s, t } = best as { s: number; t: number };
  const input = build.input;
  const applications = build.concordance.map((c) => ({ ...c, perTonne: build.parameters[`dependent:${c.application}`] }));
  const chainCase = (shortfall: number[]): ChainCase => {
    const dx = new Array<number>(model.n).fill(0);
    shortfall.forEach((tonnes, a) => (dx[applications[a].sector] += tonnes * applications[a].perTonne * input.tableUnitsPerMillionYen));
    const lostOutput = model.solve(dx);
    return { shortfall, lostDownstream: dx, lostOutput, lostValueAdded: lostOutput.reduce((sum, q, i) => sum + model.v[i] * q, 0) };
  };
  const y = result.scenarios[s].byYear[t];
  const without = chainCase([...y.without.shortfallByApplication]);
  const withPlans = chainCase([...y.with.shortfallByApplication]);
  return {
    scenario: s,
    label: result.scenarios[s].label,
    year: y.year,
    yearIndex: t,
    applications,
    sectors: [...model.sectors],
    valueAddedRatio: [...model.v],
    tableUnitsPerMillionYen: input.tableUnitsPerMillionYen,
    leontiefColumns: [...new Set(applications.map((a) => a.sector))]
      .sort((a, b) => a - b)
      .map((j) => {
        const e = new Array<number>(model.n).fill(0);
        e[j] = 1;
        return { sector: j, column: model.solve(e) };
      }),
    without,
    with: withPlans,
    avoidedValueAdded: without.lostValueAdded - withPlans.lostValueAdded,
  };
}
