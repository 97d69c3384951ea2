// The deliverables of a demand-share (magnet market) run: the report with the complete 方法・出典
// sheet (inputs with checksums, the confirmed table mapping, parameters with default file and
// grade or "entered by the user", variants, warnings) and, when supported plans are included,
// the public version (公開版). The command line and the task pane both call marketDeliverables,
// so they write the same workbook.
//
// Why a public version: the plans table shows each plan's capacity, and every figure computed
// from the supported capacity (KPI, capacity by year, shares, shortfall, output change and its
// ripple effects, Monte Carlo, tornado) gives the capacity back (KPI × demand − existing
// capacity). So plan rows are removed, and those figures are tagged with the plans online in
// their year (other figures: every supported plan) and suppressed by the same rule as the
// projects report: shown only when they involve none or at least three confidential plans.

import type { SupportedPlan } from "../../engine/market/run";
import type { TableLayout } from "../../engine/table/types";
import { M } from "../marketLabels";
import { buildMarketReport, type MarketReportInput } from "../marketReport";
import type { CellSpec, RowTag, SheetSpec, WorkbookSpec } from "../spec";
import { makeDeliverables, type Deliverables } from "./deliverables";
import { marketAudit } from "./marketAudit";
import { mappingFromLayout } from "./methodSheet";
import { DEFAULT_SUPPRESSION, PUBLIC_DASH, type Confidential, type SuppressionRule } from "./publicVersion";

/** Sheets whose figures depend on the supported capacity. Demand, parameters and the method
 * notes do not. */
const CAPACITY_SHEETS = new Set(["marketKpi", "marketCapacity", "marketShares", "marketScenarios", "marketMonteCarlo", "marketTornado"]);

/** The capacity table by year (marketReport.ts): year, existing, supported, total, demand,
 * capacity the target needs, KPI, target line. */
const CAPACITY_TABLE_COLS = 8;
const CAPACITY_PLAN_COLS = [2, 3, 6];

export interface MarketDeliverableInput extends MarketReportInput {
  /** The confirmed layout of the linked IO table, for the mapping on the method sheet. */
  layout?: TableLayout | null;
  rule?: SuppressionRule;
  /** Sheets computed elsewhere from the same run (the economic-security sheets), added to the
   * report before the audit and method sheets. */
  extend?: (spec: WorkbookSpec) => WorkbookSpec;
}

/** Company names of confidential plans and their capacity figures (full and ramping). */
export function marketConfidential(plans: SupportedPlan[]): Confidential {
  const conf = plans.filter((p) => p.confidential);
  const numbers = new Set<number>();
  for (const p of conf) {
    if (p.capacity) numbers.add(p.capacity);
    for (const x of p.online) if (x) numbers.add(x);
  }
  return { strings: [...new Set(conf.map((p) => p.company.trim()).filter((s) => s.length > 0))], numbers: [...numbers] };
}

const isFigure = (v: CellSpec) => typeof v === "number" || (typeof v === "object" && v !== null);
const hasDigitsText = (v: CellSpec, c: number) => c > 0 && typeof v === "string" && /\d/.test(v);

/** Tags the market report for the public version: plan rows by plan; capacity-dependent rows by
 * the plans they involve (rows of a year: the plans online that year; other rows: every plan
 * online in any year). Settings of the Monte Carlo (draws, seed, …) and the distributions of
 * the parameters do not depend on the plans and are left untagged. */
export function tagMarketSpec(spec: WorkbookSpec, plans: SupportedPlan[], years: number[]): WorkbookSpec {
  const lang = spec.lang;
  const byId = new Map(plans.map((p) => [p.id, p]));
  const inYear = (k: number) => plans.filter((p) => p.online[k] > 0).map((p) => p.id);
  const all = plans.filter((p) => p.online.some((x) => x > 0)).map((p) => p.id);
  // Rows that do not depend on the plans: Monte Carlo settings, and on the KPI sheet the
  // existing capacity, the demand and the target.
  const settings = new Set([M.draws[lang], M.seed[lang], M.mcScenario[lang], M.mcTime[lang], M.capacityExisting[lang], M.target[lang]]);
  const demandRow = (v: CellSpec) => typeof v === "string" && v.startsWith(`${M.demandDomestic[lang]} `);
  const tagSheet = (s: SheetSpec): SheetSpec => {
    if (!CAPACITY_SHEETS.has(s.key)) return s;
    const blocks = s.blocks.map((b, bi) => {
      if (b.rowTags || b.cellTags || b.colTags || b.style === "title" || b.style === "header" || b.style === "subtitle") return b;
      const rowTags: Record<number, RowTag> = {};
      const cellTags: Record<string, RowTag> = {};
      b.values.forEach((row, r) => {
        const first = row[0];
        const plan = typeof first === "string" ? byId.get(first) : undefined;
        if (plan && s.key === "marketCapacity") {
          rowTags[r] = { project: { id: plan.id, confidential: plan.confidential } };
          return;
        }
        if (!row.some((v, c) => isFigure(v) || hasDigitsText(v, c))) return;
        if (typeof first === "string" && (settings.has(first) || demandRow(first) || /\[[A-Za-z0-9_]+\]$/.test(first))) return;
        const k = typeof first === "number" ? years.indexOf(first) : -1;
        const key = `${s.key}:${b.row + r}`;
        // The capacity table by year: only supported, total capacity and the KPI depend on the
        // plans; existing capacity, demand and the target line stay.
        if (k >= 0 && s.key === "marketCapacity" && row.length === CAPACITY_TABLE_COLS) {
          for (const c of CAPACITY_PLAN_COLS) cellTags[`${r},${c}`] = { key: `${key}:${c}`, projects: inYear(k), measure: `${s.key}:${bi}:${c}` };
          return;
        }
        // Rows of a year in one block hold the same quantities: the difference of two years
        // must not isolate too few confidential plans either.
        rowTags[r] = k >= 0 ? { key, projects: inYear(k), measure: `${s.key}:${bi}` } : { key, projects: all };
      });
      return { ...b, ...(Object.keys(rowTags).length ? { rowTags } : {}), ...(Object.keys(cellTags).length ? { cellTags } : {}) };
    });
    return { ...s, blocks };
  };
  return { ...spec, sheets: spec.sheets.map(tagSheet) };
}

/** The full workbook and, when supported plans are included, the public version. */
export function marketDeliverables(input: MarketDeliverableInput): Deliverables & { confidential: Confidential | null } {
  const a = input.analysis;
  const built = buildMarketReport(input);
  const report = input.extend ? input.extend(built) : built;
  const withMapping: WorkbookSpec = input.layout ? { ...report, provenance: { ...report.provenance, mapping: mappingFromLayout(input.layout) } } : report;
  // The audit reads each version's own cells, so the public one refers to what it shows.
  const audit = (s: WorkbookSpec) => marketAudit(s, a, s.lang, input.tableName);
  if (a.plans.length === 0) return { ...makeDeliverables(withMapping, { audit }), confidential: null };
  const confidential = marketConfidential(a.plans);
  const d = makeDeliverables(tagMarketSpec(withMapping, a.plans, a.years), { audit, confidential, rule: input.rule ?? DEFAULT_SUPPRESSION });
  return { ...d, public: d.public && withVerdictSuppressed(d.public), confidential };
}

/** PASS / FAIL says on which side of the target the capacity lies: when the KPI itself is
 * suppressed, so is the verdict (it is text, which the suppression of figures leaves alone). */
function withVerdictSuppressed(spec: WorkbookSpec): WorkbookSpec {
  const lang = spec.lang;
  const kpi = spec.sheets.find((s) => s.key === "marketKpi");
  const rowOf = (label: string) => kpi?.blocks.flatMap((b) => b.values).find((row) => row[0] === label);
  const ratio = rowOf(M.kpiRatio[lang]);
  const verdict = rowOf(M.verdict[lang]);
  if (kpi && ratio && verdict && ratio[1] === PUBLIC_DASH) verdict[1] = PUBLIC_DASH;
  return spec;
}
