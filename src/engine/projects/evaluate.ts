// Supported plans -> shocks by fiscal year -> ripple effects, present values, the induced gross
// value added per yen of subsidy (a reference ratio, not a benefit-cost ratio) and the policy
// KPIs (MODELS.md 6). Investment phase: capex × converter as final demand; operation phase: the
// plant's additional output as a production increase (not a final-demand change, which would
// wrongly net it against imports).

import { type Bilingual, RippleError } from "../errors";
import { impactOfOutput, type ModelImpact } from "../model/impact";
import type { IOModel } from "../model/iomodel";
import type { Impact, Stage } from "../model/result";
import type { Converter, Project } from "./parse";
import { sum } from "../numeric";

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

export interface KpiInputs {
  /** Domestic NdFeB capacity (plants in Japan) before the supported plans, t/yr, and its year. */
  baselineCapacity: SourcedValue & { year: number };
  /** Domestic NdFeB demand in the KPI year, t (from the demand-share model or a parameter). */
  domesticDemand: SourcedValue;
  /** Domestic demand in other years (t), for the KPI's path over the evaluation period; the
   * KPI-year value above is the one judged. Optional: without it only the KPI year is shown. */
  domesticDemandByYear?: { year: number; value: number }[];
  /** KPI year and target ratio of domestic capacity to domestic demand. */
  year: number;
  target: SourcedValue;
  /** Recycling capacity in 2020 (t/yr) and the target multiple for the KPI year; the KPI is not
   * evaluable without the baseline. */
  recyclingBaseline2020?: SourcedValue | null;
  recyclingTarget: SourcedValue;
}

export interface EvaluationOptions {
  firstYear?: number;
  lastYear?: number;
  /** Year to which present values are discounted (default: first year). */
  baseYear?: number;
  discountRate?: SourcedValue;
  kpi?: KpiInputs;
}

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

export interface Kpi {
  key: "capacity-ratio" | "recycling-ratio" | "plans-on-schedule";
  label: Bilingual;
  year: number | null;
  target: number;
  value: number | null;
  pass: boolean | null;
  explanation: Bilingual;
  sources: Bilingual[];
}

/** NdFeB capacity against domestic demand in one year (the KPI's path). */
export interface CapacityYear {
  year: number;
  /** t/yr: the baseline plus the supported plans online. */
  baseline: number;
  supported: number;
  capacity: number;
  demand: number | null;
  ratio: number | null;
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

function evaluationYears(projects: Project[], opts: EvaluationOptions): number[] {
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
    const capexTotal = sum([...p.capex.values()]);
    const rows: ProjectYear[] = years.map((year) => {
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

/** Baseline + supported NdFeB capacity against domestic demand in each year of the period and
 * the KPI year. Demand comes from domesticDemandByYear, and in the KPI year from domesticDemand. */
export function capacityPath(projects: Project[], k: KpiInputs, years: number[]): CapacityYear[] {
  const all = [...new Set([...years, k.year])].sort((a, b) => a - b);
  return all.map((year) => {
    const supported = supportedCapacity(projects, year, NDFEB_TYPES);
    const capacity = k.baselineCapacity.value + supported;
    const demand = year === k.year ? k.domesticDemand.value : (k.domesticDemandByYear?.find((d) => d.year === year)?.value ?? null);
    return { year, baseline: k.baselineCapacity.value, supported, capacity, demand, ratio: demand && demand > 0 ? capacity / demand : null };
  });
}

export const NDFEB_TYPES: ReadonlySet<string> = new Set(["ndfeb-sintered", "hre-free-hot-deformed"]);

/** Capacity online in a year of the plans of some magnet types (cancelled plans excluded). */
export function supportedCapacity(projects: Project[], year: number, types: ReadonlySet<string>): number {
  return sum(
    projects.filter((p) => types.has(p.magnetType) && p.status !== "cancelled").map((p) => p.capacity * rampShare(p, year)),
  );
}

export function evaluateKpis(projects: Project[], k: KpiInputs): Kpi[] {
  const kpis: Kpi[] = [];
  const added = supportedCapacity(projects, k.year, NDFEB_TYPES);
  const capacity = k.baselineCapacity.value + added;
  const ratio = k.domesticDemand.value > 0 ? capacity / k.domesticDemand.value : null;
  kpis.push({
    key: "capacity-ratio",
    label: { ja: `${k.year}年度 国内NdFeB生産能力 / 国内需要`, en: `FY${k.year} domestic NdFeB capacity / domestic demand` },
    year: k.year,
    target: k.target.value,
    value: ratio,
    pass: ratio === null ? null : ratio >= k.target.value,
    explanation: {
      ja: `能力 ${fmt(capacity)} t/年（基準 ${fmt(k.baselineCapacity.value)} t/年 ${k.baselineCapacity.year}年 + 支援計画 ${fmt(added)} t/年）÷ 需要 ${fmt(k.domesticDemand.value)} t`,
      en: `capacity ${fmt(capacity)} t/yr (baseline ${fmt(k.baselineCapacity.value)} t/yr in ${k.baselineCapacity.year} + supported plans ${fmt(added)} t/yr) ÷ demand ${fmt(k.domesticDemand.value)} t`,
    },
    sources: [k.target.source, k.baselineCapacity.source, k.domesticDemand.source],
  });

  const recAdded = supportedCapacity(projects, k.year, new Set(["recycling"]));
  const base = k.recyclingBaseline2020 ?? null;
  const recRatio = base && base.value > 0 ? (base.value + recAdded) / base.value : null;
  kpis.push({
    key: "recycling-ratio",
    label: { ja: `${k.year}年度 リサイクル能力（2020年比）`, en: `FY${k.year} recycling capacity vs 2020` },
    year: k.year,
    target: k.recyclingTarget.value,
    value: recRatio,
    pass: recRatio === null ? null : recRatio >= k.recyclingTarget.value,
    explanation:
      recRatio === null
        ? {
            ja: `2020年のリサイクル能力（t/年）が入力されていないため評価できません（支援計画の増強 ${fmt(recAdded)} t/年）。パラメータシートに入力してください`,
            en: `Not evaluable: enter the 2020 recycling capacity (t/yr) on the parameter sheet (supported plans add ${fmt(recAdded)} t/yr)`,
          }
        : {
            ja: `(${fmt(base!.value)} + ${fmt(recAdded)}) ÷ ${fmt(base!.value)} t/年`,
            en: `(${fmt(base!.value)} + ${fmt(recAdded)}) ÷ ${fmt(base!.value)} t/yr`,
          },
    sources: base ? [k.recyclingTarget.source, base.source] : [k.recyclingTarget.source],
  });

  const withStatus = projects.filter((p) => p.status !== null);
  const onSchedule = withStatus.filter((p) => p.status === "on-schedule").length;
  kpis.push({
    key: "plans-on-schedule",
    label: { ja: "計画どおりに進む支援計画の割合", en: "Share of supported plans on schedule" },
    year: null,
    target: 1,
    value: withStatus.length ? onSchedule / withStatus.length : null,
    pass: withStatus.length ? onSchedule === withStatus.length : null,
    explanation: withStatus.length
      ? {
          ja: `${withStatus.length} 計画中 ${onSchedule} 計画が計画どおり`,
          en: `${onSchedule} of ${withStatus.length} plans on schedule`,
        }
      : { ja: "進捗が入力されていないため評価できません", en: "Not evaluable: no plan has a status" },
    sources: [{ ja: "目標: すべての支援計画が計画どおり（ロジックモデルの活動指標）", en: "Target: every supported plan on schedule (activity indicator of the logic model)" }],
  });
  return kpis;
}

function fmt(v: number): string {
  return Math.round(v).toLocaleString("en-US");
}
