// The year schedule of supported plans: the evaluation period, the capacity a plan has online in a
// year (ramp-up), its output, and each year's two shocks — investment (capex × converter as final
// demand) and operation (the plant's additional output as a production increase, not a
// final-demand change, which would wrongly net it against imports) — with their ripple effects.

import { RippleError } from "../errors";
import { impactOfOutput, type ModelImpact } from "../model/impact";
import type { IOModel } from "../model/iomodel";
import { sum } from "../numeric";
import type { Converter, Project } from "./parse";

export interface ProjectYear {
  year: number;
  /** 百万円 */
  capex: number;
  subsidy: number;
  /** Capacity online (t/yr) after ramp-up. */
  capacityOnline: number;
  /** Gross output of the plant, 百万円, and the additional part (× (1 − displacement)). */
  output: number;
  additionalOutput: number;
  investment: ModelImpact | null;
  operation: ModelImpact | null;
}

/** Share of capacity online in a year: min(1, k / rampYears) in operating year k = 1, 2, … */
export function rampShare(p: Project, year: number): number {
  const k = year - p.startYear + 1;
  if (k < 1) return 0;
  if (p.rampYears <= 0) return 1;
  return Math.min(1, k / p.rampYears);
}

/** Output of the plant in a year, 百万円: t/yr × 1000 kg/t × 円/kg ÷ 10⁶. */
export function plantOutput(p: Project, year: number): number {
  return (p.capacity * rampShare(p, year) * p.utilization * p.unitValue) / 1000;
}

/** Investment final demand Δf by sector for one year's capex (百万円). */
export function investmentShock(n: number, converter: Converter, capex: number): number[] {
  const f = new Array<number>(n).fill(0);
  for (const [i, share] of converter.shares) f[i] += capex * share;
  return f;
}

/** Direct effect of investment demand: self-sufficiency from the table (1 − m_i) unless the
 * converter overrides it (e.g. construction is 100% domestic). */
export function investmentDirect(model: IOModel, converter: Converter, f: number[]): number[] {
  const s = model.selfSufficiency();
  return f.map((fi, i) => (converter.selfSufficiency.get(i) ?? s[i]) * fi);
}

/** The fiscal years evaluated: from the first capex or start year (or the option) to five years
 * past the last plan's ramp-up (or the option). */
export function evaluationYears(projects: Project[], opts: { firstYear?: number; lastYear?: number }): number[] {
  const capexYears = projects.flatMap((p) => [...p.capex.keys()]);
  const first = opts.firstYear ?? Math.min(...capexYears, ...projects.map((p) => p.startYear));
  const last = opts.lastYear ?? Math.max(first, ...projects.map((p) => p.startYear + Math.max(p.rampYears, 1) + 4));
  if (!Number.isInteger(first) || !Number.isInteger(last) || last < first)
    throw new RippleError("evaluation-years", {
      ja: `評価期間 ${first}〜${last} 年度が正しくありません`,
      en: `The evaluation period FY${first}–FY${last} is not valid`,
    });
  return Array.from({ length: last - first + 1 }, (_, k) => first + k);
}

/** One plan's rows over the period: capex and subsidy (the subsidy spread in proportion to capex),
 * capacity online, output, and the ripple effects of both phases (null in a year without them). */
export function projectYears(model: IOModel, p: Project, converter: Converter, years: number[]): ProjectYear[] {
  const n = model.n;
  const capexTotal = sum([...p.capex.values()]);
  return years.map((year) => {
    const capex = p.capex.get(year) ?? 0;
    const subsidy = capexTotal > 0 ? (p.subsidy * capex) / capexTotal : 0;
    const investment =
      capex > 0 ? impactOfOutput(model, investmentDirect(model, converter, investmentShock(n, converter, capex))) : null;
    const output = plantOutput(p, year);
    const additionalOutput = output * (1 - p.displacement);
    let operation: ModelImpact | null = null;
    if (additionalOutput > 0) {
      const dx = new Array<number>(n).fill(0);
      dx[p.sector] = additionalOutput;
      operation = impactOfOutput(model, dx);
    }
    return {
      year,
      capex,
      subsidy,
      capacityOnline: p.capacity * rampShare(p, year),
      output,
      additionalOutput,
      investment,
      operation,
    };
  });
}
