// The policy KPIs of the supported plans (MODELS.md 6): domestic NdFeB capacity against domestic
// demand in the KPI year (and its path over the period), recycling capacity against 2020, and the
// share of plans on schedule. A KPI without its inputs is shown as not evaluable, never guessed.

import type { Bilingual } from "../errors";
import { sum } from "../numeric";
import type { SourcedValue } from "./evaluate";
import type { Project } from "./parse";
import { rampShare } from "./schedule";

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
