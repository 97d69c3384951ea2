// Supported plans -> shocks by fiscal year -> ripple effects, present values, the induced gross
// value added per yen of subsidy (a reference ratio, not a benefit-cost ratio) and the policy
// KPIs (MODELS.md 6). The year schedule of each plan (ramp-up, output, the investment and
// operation shocks and their effects) is in schedule.ts, the KPIs in kpi.ts; this module sums
// the plans' years, discounts them and puts the evaluation together.

import { type Bilingual, RippleError } from "../errors";
import type { IOModel } from "../model/iomodel";
import type { Impact, Stage } from "../model/result";
import type { Converter, Project } from "./parse";
import { sum } from "../numeric";
import { capacityPath, evaluateKpis, type CapacityYear, type Kpi, type KpiInputs } from "./kpi";
import { evaluationYears, projectYears, type ProjectYear } from "./schedule";

// The year schedule and the KPIs live in their own modules; their public names are re-exported so
// that evaluate.ts stays the one entry point of the evaluation.
export { capacityPath, evaluateKpis, NDFEB_TYPES, supportedCapacity, type CapacityYear, type Kpi, type KpiInputs } from "./kpi";
export { investmentDirect, investmentShock, plantOutput, rampShare, type ProjectYear } from "./schedule";

/** A parameter with its value and where it comes from (shown next to it in every result). */
export interface SourcedValue {
  value: number;
  source: Bilingual;
}

/** 4%: the social discount rate of Japanese public-investment appraisal. */
export const DEFAULT_DISCOUNT_RATE: SourcedValue = {
  value: 0.04,
  source: {
    ja: "社会的割引率 4%（国土交通省「公共事業評価の費用便益分析に関する技術指針（共通編）」）",
    en: "Social discount rate 4% (MLIT, technical guideline for cost-benefit analysis of public works)",
  },
};
export interface EvaluationOptions {
  firstYear?: number;
  lastYear?: number;
  /** Year to which present values are discounted (default: first year). */
  baseYear?: number;
  discountRate?: SourcedValue;
  kpi?: KpiInputs;
}
export interface Totals {
  output: number;
  valueAdded: number;
  compensation: number;
  employment: number | null;
}

export interface ProjectEvaluation {
  project: Project;
  years: ProjectYear[];
  /** Sums over the evaluation period (百万円; employment in the table's unit). */
  totals: {
    capex: number;
    subsidy: number;
    output: number;
    additionalOutput: number;
    investment: Totals;
    operation: Totals;
    total: Totals;
  };
  pv: { valueAdded: number; valueAddedInvestment: number; valueAddedOperation: number; subsidy: number };
  /** PV(induced gross value added) / PV(subsidy), 補助金1円当たり粗付加価値誘発額（参考）: gross
   * induced value added is not a benefit, so this is never called B/C; null without a subsidy. */
  inducedValueAddedPerSubsidy: number | null;
}

export interface YearTotals {
  year: number;
  direct: Totals;
  firstIndirect: Totals;
  secondIndirect: Totals;
  total: Totals;
  investment: Totals;
  operation: Totals;
  subsidy: number;
  /** 百万円: capex, the plants' output and its additional part (all projects). */
  capex: number;
  plantOutput: number;
  additionalOutput: number;
}
/** One fiscal year's discounting: factor 1/(1+r)^(year − base) and the present values it gives. */
export interface YearDiscount {
  year: number;
  factor: number;
  /** 百万円: the year's induced gross value added and subsidy, discounted to the base year. */
  pvValueAdded: number;
  pvSubsidy: number;
}

export interface Evaluation {
  years: number[];
  baseYear: number;
  discountRate: SourcedValue;
  /** Per fiscal year (as byYear): the discount factor and the discounted totals the sheets print. */
  discounting: YearDiscount[];
  projects: ProjectEvaluation[];
  byYear: YearTotals[];
  /** Sum over all years (cumulative). */
  cumulative: Omit<YearTotals, "year">;
  pv: { valueAdded: number; subsidy: number };
  /** PV(induced gross value added) / PV(subsidy): the reference ratio (not a B/C). */
  inducedValueAddedPerSubsidy: number | null;
  kpis: Kpi[];
  /** Capacity / demand by year (with KPI inputs), for the KPI chart. */
  capacityPath: CapacityYear[];
  /** Effects by sector and stage summed over all years, projects and both phases. */
  cumulativeImpact: Impact | null;
}

function totalsOf(stage: Stage): Totals {
  return {
    output: sum(stage.output),
    valueAdded: sum(stage.valueAdded),
    compensation: sum(stage.compensation),
    employment: stage.employment ? sum(stage.employment) : null,
  };
}

const zeroTotals = (jobs: boolean): Totals => ({ output: 0, valueAdded: 0, compensation: 0, employment: jobs ? 0 : null });

function addTotals(a: Totals, b: Totals): Totals {
  return {
    output: a.output + b.output,
    valueAdded: a.valueAdded + b.valueAdded,
    compensation: a.compensation + b.compensation,
    employment: a.employment === null || b.employment === null ? null : a.employment + b.employment,
  };
}

export function evaluateProjects(
  model: IOModel,
  projects: Project[],
  converters: Map<string, Converter>,
  opts: EvaluationOptions = {},
): Evaluation {
  const years = evaluationYears(projects, opts);
  const baseYear = opts.baseYear ?? years[0];
  const rate = opts.discountRate ?? DEFAULT_DISCOUNT_RATE;
  if (!(rate.value > -1 && rate.value < 1))
    throw new RippleError("discount-rate", {
      ja: `割引率 ${rate.value} は -1 より大きく 1 より小さい数にしてください（例: 0.04）`,
      en: `discount rate ${rate.value} must be between -1 and 1 (e.g. 0.04)`,
    });
  const df = (year: number) => Math.pow(1 + rate.value, -(year - baseYear));
  const jobs = model.e !== null;
  const n = model.n;

  const evaluations: ProjectEvaluation[] = projects.map((p) => {
    const converter = converters.get(p.converter);
    if (!converter)
      throw new RippleError("projects-unknown-converter", {
        ja: `計画 ${p.id}: 投資転換表「${p.converter}」がありません`,
        en: `plan ${p.id}: capex converter '${p.converter}' does not exist`,
      });
    const rows = projectYears(model, p, converter, years);
    let gvaInv = 0;
    let gvaOp = 0;
    let pvSubsidy = 0;
    for (const r of rows) {
      if (r.investment) gvaInv += df(r.year) * sum(r.investment.total.valueAdded);
      if (r.operation) gvaOp += df(r.year) * sum(r.operation.total.valueAdded);
      pvSubsidy += df(r.year) * r.subsidy;
    }
    const pv = { valueAdded: gvaInv + gvaOp, valueAddedInvestment: gvaInv, valueAddedOperation: gvaOp, subsidy: pvSubsidy };
    let investment = zeroTotals(jobs);
    let operation = zeroTotals(jobs);
    for (const r of rows) {
      if (r.investment) investment = addTotals(investment, totalsOf(r.investment.total));
      if (r.operation) operation = addTotals(operation, totalsOf(r.operation.total));
    }
    const totals = {
      capex: sum(rows.map((r) => r.capex)),
      subsidy: sum(rows.map((r) => r.subsidy)),
      output: sum(rows.map((r) => r.output)),
      additionalOutput: sum(rows.map((r) => r.additionalOutput)),
      investment,
      operation,
      total: addTotals(investment, operation),
    };
    return { project: p, years: rows, totals, pv, inducedValueAddedPerSubsidy: pvSubsidy > 0 ? pv.valueAdded / pvSubsidy : null };
  });

  type Sums = Omit<YearTotals, "year">;
  const zero = (): Sums => ({
    direct: zeroTotals(jobs),
    firstIndirect: zeroTotals(jobs),
    secondIndirect: zeroTotals(jobs),
    total: zeroTotals(jobs),
    investment: zeroTotals(jobs),
    operation: zeroTotals(jobs),
    subsidy: 0,
    capex: 0,
    plantOutput: 0,
    additionalOutput: 0,
  });
  const add = (a: Sums, b: Sums): Sums => ({
    direct: addTotals(a.direct, b.direct),
    firstIndirect: addTotals(a.firstIndirect, b.firstIndirect),
    secondIndirect: addTotals(a.secondIndirect, b.secondIndirect),
    total: addTotals(a.total, b.total),
    investment: addTotals(a.investment, b.investment),
    operation: addTotals(a.operation, b.operation),
    subsidy: a.subsidy + b.subsidy,
    capex: a.capex + b.capex,
    plantOutput: a.plantOutput + b.plantOutput,
    additionalOutput: a.additionalOutput + b.additionalOutput,
  });
  const byYear: YearTotals[] = years.map((year, k) => {
    const t = zero();
    for (const e of evaluations) {
      const r = e.years[k];
      t.subsidy += r.subsidy;
      t.capex += r.capex;
      t.plantOutput += r.output;
      t.additionalOutput += r.additionalOutput;
      for (const [phase, imp] of [["investment", r.investment], ["operation", r.operation]] as const) {
        if (!imp) continue;
        t.direct = addTotals(t.direct, totalsOf(imp.direct));
        t.firstIndirect = addTotals(t.firstIndirect, totalsOf(imp.firstIndirect));
        t.secondIndirect = addTotals(t.secondIndirect, totalsOf(imp.secondIndirect));
        t.total = addTotals(t.total, totalsOf(imp.total));
        t[phase] = addTotals(t[phase], totalsOf(imp.total));
      }
    }
    return { year, ...t };
  });
  const cumulative = byYear.reduce<Sums>((acc, { year: _year, ...y }) => add(acc, y), zero());
  const pv = {
    valueAdded: sum(evaluations.map((e) => e.pv.valueAdded)),
    subsidy: sum(evaluations.map((e) => e.pv.subsidy)),
  };
  return {
    years,
    baseYear,
    discountRate: rate,
    discounting: byYear.map((y) => ({ year: y.year, factor: df(y.year), pvValueAdded: df(y.year) * y.total.valueAdded, pvSubsidy: df(y.year) * y.subsidy })),
    projects: evaluations,
    byYear,
    cumulative,
    pv,
    inducedValueAddedPerSubsidy: pv.subsidy > 0 ? pv.valueAdded / pv.subsidy : null,
    kpis: opts.kpi ? evaluateKpis(projects, opts.kpi) : [],
    capacityPath: opts.kpi ? capacityPath(projects, opts.kpi, years) : [],
    cumulativeImpact: cumulativeImpact(evaluations, n, jobs),
  };
}

/** Stage vectors summed over every year, project and phase; null when nothing happened. */
function cumulativeImpact(evaluations: ProjectEvaluation[], n: number, jobs: boolean): Impact | null {
  const zero = (): Stage => ({
    output: new Array<number>(n).fill(0),
    valueAdded: new Array<number>(n).fill(0),
    compensation: new Array<number>(n).fill(0),
    employment: jobs ? new Array<number>(n).fill(0) : null,
  });
  const acc = { direct: zero(), firstIndirect: zero(), secondIndirect: zero(), total: zero() };
  let any = false;
  for (const e of evaluations)
    for (const r of e.years)
      for (const imp of [r.investment, r.operation]) {
        if (!imp) continue;
        any = true;
        for (const k of ["direct", "firstIndirect", "secondIndirect", "total"] as const)
          for (const m of ["output", "valueAdded", "compensation", "employment"] as const) {
            const to = acc[k][m];
            const from = imp[k][m];
            if (to && from) from.forEach((v, i) => (to[i] += v));
          }
      }
  if (!any) return null;
  const direct = sum(acc.direct.output);
  return { ...acc, multiple: direct !== 0 ? sum(acc.total.output) / direct : NaN };
}
