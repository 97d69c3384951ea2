// The deliverables of a projects (policy evaluation) run: which rows of the projects report are
// about one plan and which aggregate which plans (RowTag), what is confidential, the audit of the
// headline numbers (cumulative ripple effect by sector; present values and the induced value added per yen of subsidy), and
// the full and public workbooks. Rows the report tagged itself are left as tagged.

import type { Bilingual, Lang } from "../../engine/errors";
import { CGE_LABELS } from "../cgeLabels";
import type { IOModel } from "../../engine/model/iomodel";
import { NDFEB_TYPES, type Evaluation, type ProjectEvaluation } from "../../engine/projects/evaluate";
import type { TableLayout } from "../../engine/table/types";
import { STAGES, unitLabel } from "../labels";
import { P } from "../projectLabels";
import { yearLabel } from "../projectsReport";
import type { BlockSpec, CellSpec, RowTag, SheetSpec, WorkbookSpec } from "../spec";
import type { AuditInput, AuditMeasure, AuditStage, PvAudit, RippleAudit } from "./auditSheet";
import { makeDeliverables, type Deliverables, type FullOnlyPart } from "./deliverables";
import { mappingFromLayout } from "./methodSheet";
import { DEFAULT_SUPPRESSION, type Confidential, type SuppressionRule } from "./publicVersion";
import { numbersIn, type CellRef, type SheetRange } from "./refs";
import type { Project } from "../../engine/projects/parse";
import { PROBE_ONLY_SHEET_KEY, probeConfidential } from "../disclosure/probe";
import { DEFAULT_PROTECTION, planSuppression } from "../disclosure/suppress";

/** Sheets computed from the plans (the coefficient sheets and the method sheet are not). */
const PROJECT_SHEET_KEYS = new Set(["summary", "byYear", "byProject", "kpi", "bySector"]);

const sumOf = (v: number[]) => v.reduce((a, b) => a + b, 0);
const contributes = (e: ProjectEvaluation) => e.years.some((r) => r.capex > 0 || r.subsidy > 0 || r.capacityOnline > 0 || r.output > 0);

/** Company names of confidential plans, and their capex and subsidy figures (by year and in
 * total): what must not appear in the public version. */
export function confidentialOf(ev: Evaluation): Confidential {
  const conf = ev.projects.filter((e) => e.project.confidential);
  const numbers = new Set<number>();
  for (const e of conf) {
    for (const r of e.years) {
      if (r.capex) numbers.add(r.capex);
      if (r.subsidy) numbers.add(r.subsidy);
    }
    for (const x of [sumOf(e.years.map((r) => r.capex)), sumOf(e.years.map((r) => r.subsidy)), e.project.subsidy]) if (x) numbers.add(x);
    for (const x of e.project.capex.values()) if (x) numbers.add(x);
  }
  return {
    // Company names and the plans' IDs (an ID names the plan in notes and press releases).
    strings: [...new Set([...conf.map((e) => e.project.company), ...conf.map((e) => e.project.id)].filter((s) => s.trim().length > 0))],
    numbers: [...numbers],
  };
}

const hasFigure = (row: CellSpec[]) => row.some((v) => typeof v === "number" || (typeof v === "object" && v !== null));

type Kind = "investing" | "operating" | "any" | "none";

const isFigure = (v: CellSpec) => typeof v === "number" || (typeof v === "object" && v !== null);

/** Which plans a column of a table by year sums, from its header. */
function columnKind(header: CellSpec | undefined, lang: Lang): Kind {
  const h = typeof header === "string" ? header : "";
  if (h.startsWith(P.discountFactor[lang])) return "none";
  if ([P.capex, P.subsidy, P.investmentPhase, P.pvSubsidyShort].some((l) => h.includes(l[lang]))) return "investing";
  if ([P.plantOutput, P.additionalOutput, P.operationPhase].some((l) => h.includes(l[lang]))) return "operating";
  return "any";
}

/** Adds tags to the projects report where it has none: per-plan rows; cells of tables by year
 * with the plans each sums (investment columns: plans investing that year; operation columns:
 * plans producing); totals with their parts; other figures with the plans they cover. */
export function tagProjectsSpec(spec: WorkbookSpec, ev: Evaluation): WorkbookSpec {
  const lang = spec.lang;
  const ids = (list: ProjectEvaluation[]) => list.map((e) => e.project.id);
  const all = ids(ev.projects.filter(contributes));
  const yearOf = new Map(ev.years.map((y) => [yearLabel(y, lang), y]));
  const inYear = (y: number, kind: Kind): string[] => {
    if (kind === "none") return [];
    const counts = (r: ProjectEvaluation["years"][number]) =>
      kind === "investing"
        ? r.capex > 0 || r.subsidy > 0
        : kind === "operating"
          ? r.output > 0 || r.additionalOutput > 0
          : r.capex > 0 || r.subsidy > 0 || r.output > 0 || r.capacityOnline > 0;
    return ids(ev.projects.filter((e) => e.years.some((r) => r.year === y && counts(r))));
  };
  const overall = (kind: Kind): string[] => [...new Set(ev.years.flatMap((y) => inYear(y, kind)))];
  const ndfebOnline = (y: number) =>
    ids(ev.projects.filter((e) => NDFEB_TYPES.has(e.project.magnetType) && e.project.status !== "cancelled" && e.years.some((r) => r.year === y && r.capacityOnline > 0)));
  const kpiSets = new Map<string, string[]>();
  for (const k of ev.kpis) {
    const set =
      k.key === "capacity-ratio"
        ? k.year !== null
          ? ndfebOnline(k.year)
          : all
        : k.key === "recycling-ratio"
          ? ids(ev.projects.filter((e) => e.project.magnetType === "recycling" && e.project.status !== "cancelled"))
          : ids(ev.projects.filter((e) => e.project.status !== null));
    kpiSets.set(k.label[lang], set);
  }
  const byText = new Map<string, { id: string; confidential: boolean }>();
  for (const e of ev.projects) {
    byText.set(e.project.id, { id: e.project.id, confidential: e.project.confidential });
    if (e.project.company.trim()) byText.set(e.project.company, { id: e.project.id, confidential: e.project.confidential });
  }
  const total = P.total[lang];
  const investingRows = new Set([P.cumCapex[lang], P.cumSubsidy[lang], P.pvSubsidy[lang]]);

  const tagSheet = (s: SheetSpec): SheetSpec => {
    if (!PROJECT_SHEET_KEYS.has(s.key)) return s;
    const blocks = s.blocks.map((b) => ({ ...b }));
    // The last table by year: keys of its cells per column and the kind of each column, for
    // the total row under it.
    let yearCells: Map<number, string[]> | null = null;
    const kinds = new Map<number, Kind>();
    let lastKpi: string[] | null = null;
    blocks.forEach((b, bi) => {
      if (b.rowTags || b.cellTags || b.colTags) return;
      const header = blocks.slice(0, bi).reverse().find((h) => h.style === "header");
      const headerRow = header ? header.values[header.values.length - 1] : [];
      const headerAt = (c: number) => headerRow[b.col + c - (header?.col ?? 0)];
      const rowTags: Record<number, RowTag> = {};
      const cellTags: Record<string, RowTag> = {};
      const isYearTable =
        s.key !== "kpi" && b.values.length > 0 && b.values.every((row) => typeof row[0] === "string" && yearOf.has(row[0]));
      if (isYearTable) {
        yearCells = new Map();
        kinds.clear();
      }
      b.values.forEach((row, r) => {
        const plan = row.map((v) => (typeof v === "string" ? byText.get(v) : undefined)).find((x) => x);
        if (plan) {
          rowTags[r] = { project: plan };
          return;
        }
        const key = `${s.key}:${b.row + r}`;
        if (row[0] === P.confidentialNote[lang]) {
          rowTags[r] = { fullOnly: true };
          return;
        }
        // A KPI's calculation line under it states the same aggregate in words.
        if ((row[0] ?? null) === null && typeof row[1] === "string" && row[1].startsWith(`${P.why[lang]}:`) && lastKpi) {
          rowTags[r] = { key, projects: lastKpi };
          return;
        }
        if (!hasFigure(row)) return;
        const first = typeof row[0] === "string" ? row[0] : "";
        if (isYearTable) {
          const y = yearOf.get(first)!;
          row.forEach((v, c) => {
            if (!isFigure(v)) return;
            const kind = columnKind(headerAt(c), lang);
            kinds.set(c, kind);
            cellTags[`${r},${c}`] = { key: `${key}:${c}`, projects: inYear(y, kind) };
            yearCells!.set(c, [...(yearCells!.get(c) ?? []), `${key}:${c}`]);
          });
        } else if (yearOf.has(first)) {
          // Rows by year outside a table by year (the KPI capacity path).
          const y = yearOf.get(first)!;
          rowTags[r] = { key, projects: s.key === "kpi" ? ndfebOnline(y) : inYear(y, "any") };
        } else if (first === total && yearCells) {
          // The total of a table by year: per column, the sum of that column's years.
          row.forEach((v, c) => {
            if (!isFigure(v)) return;
            const kind = kinds.get(c) ?? "any";
            cellTags[`${r},${c}`] = { key: `${key}:${c}`, projects: kind === "none" ? [] : overall(kind), parts: yearCells!.get(c) ?? [] };
          });
        } else if (first === total) {
          rowTags[r] = { key, projects: all };
          // Under a plans × years table each year's column sums that year's plans, and the
          // last column all years.
          const yearKeys: string[] = [];
          row.forEach((v, c) => {
            const h = headerAt(c);
            const y = typeof h === "string" ? yearOf.get(h) : undefined;
            if (y === undefined || !isFigure(v)) return;
            cellTags[`${r},${c}`] = { key: `${key}:${c}`, projects: inYear(y, "any") };
            yearKeys.push(`${key}:${c}`);
          });
          const last = row.length - 1;
          if (yearKeys.length && isFigure(row[last]) && !cellTags[`${r},${last}`])
            cellTags[`${r},${last}`] = { key: `${key}:${last}`, projects: all, parts: yearKeys };
        } else if (s.key === "summary" && first === STAGES.total[lang]) {
          // The stage total is investment + operation: a total of those two parts.
          rowTags[r] = { key, projects: all, parts: [`${s.key}:phase:investment`, `${s.key}:phase:operation`] };
        } else if (kpiSets.has(first)) {
          lastKpi = kpiSets.get(first)!;
          rowTags[r] = { key, projects: lastKpi };
        }
        else if (first === P.ofWhichInvestment[lang]) rowTags[r] = { key: `${s.key}:phase:investment`, projects: overall("investing") };
        else if (first === P.ofWhichOperation[lang]) rowTags[r] = { key: `${s.key}:phase:operation`, projects: overall("operating") };
        else rowTags[r] = { key, projects: investingRows.has(first) ? overall("investing") : all };
      });
      if (!isYearTable && !b.values.some((row) => row[0] === total) && Object.keys(rowTags).length) yearCells = null;
      if (Object.keys(rowTags).length) b.rowTags = rowTags;
      if (Object.keys(cellTags).length) b.cellTags = cellTags;
    });
    return { ...s, blocks };
  };
  return { ...spec, sheets: spec.sheets.map(tagSheet) };
}

// ---- audit -----------------------------------------------------------------------------

function sheetByKey(spec: WorkbookSpec, key: string): SheetSpec | undefined {
  return spec.sheets.find((s) => s.key === key);
}

/** The body block of a sheet whose first column holds exactly these labels, in order. */
function bodyWithLabels(sheet: SheetSpec, labels: string[]): BlockSpec | undefined {
  return sheet.blocks.find((b) => b.values.length === labels.length && b.values.every((row, i) => row[0] === labels[i]));
}

function cellWithLabel(sheet: SheetSpec, label: string, col = 1): CellRef | undefined {
  for (const b of sheet.blocks)
    for (let r = 0; r < b.values.length; r++) if (b.values[r][0] === label) return { sheet: sheet.name, row: b.row + r, col: b.col + col };
  return undefined;
}

/** The summary's cumulative effects by stage (columns: output, GVA, compensation), so the audit
 * compares its totals with the figures a reader sees first. */
function stageTotalsOn(summary: SheetSpec, lang: Lang): Partial<Record<AuditStage, Partial<Record<AuditMeasure, CellRef>>>> {
  const totals: Partial<Record<AuditStage, Partial<Record<AuditMeasure, CellRef>>>> = {};
  for (const k of ["direct", "firstIndirect", "secondIndirect", "total"] as const) {
    const at = cellWithLabel(summary, STAGES[k][lang]);
    if (at) totals[k] = { output: at, valueAdded: { ...at, col: at.col + 1 }, compensation: { ...at, col: at.col + 2 } };
  }
  return totals;
}

/** The audit of a projects workbook from its own cells: the cumulative effect by sector from
 * the written L, and PV / the induced value added per yen of subsidy from the yearly GVA and subsidy. Parts whose cells are not all
 * numbers (suppressed in the public version) are left out. */
export function projectsAudit(spec: WorkbookSpec, ev: Evaluation, model: IOModel, lang: Lang): AuditInput {
  const out: AuditInput = {};
  const summary = sheetByKey(spec, "summary");
  const L = sheetByKey(spec, "L");
  const bySector = sheetByKey(spec, "bySector");
  const imp = ev.cumulativeImpact;
  if (L && bySector && imp) {
    const n = model.n;
    const sectors = [...model.sectors];
    const lBody = bodyWithLabels(L, sectors);
    const body = bodyWithLabels(bySector, sectors);
    const open = model.leontief();
    if (lBody && body) {
      const col = (k: number): SheetRange => ({ sheet: bySector.name, row: body.row, col: body.col + k, rows: n, cols: 1 });
      const shown = [1, 2, 3, 4].every((k) => numbersIn(spec, col(k)).every((x) => x !== null));
      const sameL = lBody.values.every((row, i) => row.slice(1).every((x, j) => x === open[i][j]));
      if (shown) {
        const ripple: RippleAudit = {
          sectors,
          unit: unitLabel(model.table.unit, lang),
          L: sameL ? { sheet: L.name, row: lBody.row, col: lBody.col + 1, rows: n, cols: n } : open,
          // Projects enter as domestic output (impactOfOutput): ΔX0 is given, self-sufficiency 1.
          shock: [...imp.direct.output],
          selfSufficiency: sectors.map(() => 1),
          domesticShare: model.m ? model.m.map((m) => 1 - m) : sectors.map(() => 1),
          consumptionRate: model.options.consumptionRate,
          household: model.h ? [...model.h] : sectors.map(() => 0),
          income: [...model.w],
          valueAdded: [...model.v],
          compensation: [...model.wc],
          engine: imp,
          written: {
            bySector: { direct: col(1), firstIndirect: col(2), secondIndirect: col(3), total: col(4) },
            totals: summary ? stageTotalsOn(summary, lang) : undefined,
            multiple: summary ? cellWithLabel(summary, P.multiple[lang]) : undefined,
          },
        };
        out.ripple = ripple;
      }
    }
  }
  const byYear = sheetByKey(spec, "byYear");
  if (byYear) {
    const labels = ev.years.map((y) => yearLabel(y, lang));
    const bodies = byYear.blocks.filter((b) => b.values.length === labels.length && b.values.every((row, i) => row[0] === labels[i]));
    // Table 1 holds capex, subsidy, …; table 3 total GVA first (see projectsReport.ts).
    const inputs = bodies[0];
    const measures = bodies[2];
    if (inputs && measures) {
      const range = (b: BlockSpec, c: number): SheetRange => ({ sheet: byYear.name, row: b.row, col: b.col + c, rows: labels.length, cols: 1 });
      const pv: PvAudit = {
        title: lang === "ja" ? "全計画" : "all plans",
        years: [...ev.years],
        gva: range(measures, 1),
        subsidy: range(inputs, 2),
        discountRate: ev.discountRate.value,
        baseYear: ev.baseYear,
        engine: { pvGva: ev.pv.valueAdded, pvSubsidy: ev.pv.subsidy, bc: ev.inducedValueAddedPerSubsidy },
        written: summary
          ? { pvGva: cellWithLabel(summary, P.pvGva[lang]), pvSubsidy: cellWithLabel(summary, P.pvSubsidy[lang]), bc: cellWithLabel(summary, P.inducedValueAddedPerSubsidy[lang]) }
          : undefined,
      };
      out.pv = [pv];
    }
  }
  return out;
}

export interface ProjectsDeliverableInput {
  spec: WorkbookSpec;
  evaluation: Evaluation;
  model: IOModel;
  layout?: TableLayout | null;
  rule?: SuppressionRule;
  /** The run's plans and the evaluation + report again from changed plans (the pipeline's
   * rebuild): the public version's suppression is worked out from how each figure depends on
   * each confidential plan (src/report/disclosure). */
  projects: Project[];
  rebuild: (projects: Project[]) => { spec: WorkbookSpec; evaluation: Evaluation };
  /** The CGE sheets beside the evaluation (the demo's), for the full and the public version. */
  cge?: ModelPart;
}

/** Another model's sheets on the same input (the CGE's): every scenario in the full version;
 * in the public one those built from public inputs, and those built from a plans' figure when
 * the disclosure control publishes that figure. */
export interface ModelPart {
  part: (notes: string[], keep?: (scenarioName: string) => boolean) => FullOnlyPart;
  /** The scenarios built from the plans: each depends on them through one all-plans figure. */
  fromPlans: { name: string; title: Bilingual; figure: "subsidy" | "additionalOutput"; year: number }[];
}

/** The tagged spec with the plan figures of `fromPlans` on a probe-only sheet at its end. */
function withPlanFigures(spec: WorkbookSpec, ev: Evaluation, fromPlans: ModelPart["fromPlans"]): WorkbookSpec {
  if (!fromPlans.length) return spec;
  const figure = (f: ModelPart["fromPlans"][number]) => ev.byYear.find((y) => y.year === f.year)?.[f.figure] ?? 0;
  const sheet: SheetSpec = { key: PROBE_ONLY_SHEET_KEY, name: PROBE_ONLY_SHEET_KEY, blocks: [{ row: 0, col: 0, values: fromPlans.map((f) => [figure(f)]) }] };
  return { ...spec, sheets: [...spec.sheets, sheet] };
}

/** The CGE part of each version: the scenarios whose plan figure the disclosure plan suppresses
 * are left out of the public one, and its method notes say which and why. */
function cgeParts(cge: ModelPart, suppressed: (row: number) => boolean, lang: Lang): { full: FullOnlyPart; public: FullOnlyPart } {
  const rule = CGE_LABELS.publicRule[lang];
  const withheld = cge.fromPlans.filter((_, r) => suppressed(r));
  const notes = [rule, ...withheld.map((w) => CGE_LABELS.withheld(w.title[lang], CGE_LABELS.planFigure(w.figure, w.year))[lang])];
  return {
    full: cge.part([rule]),
    public: cge.part(notes, (name) => !withheld.some((w) => w.name === name)),
  };
}

/** The full workbook and its public version (公開版) of a projects run. */
export function projectsDeliverables(input: ProjectsDeliverableInput): Deliverables & { confidential: Confidential } {
  const { evaluation: ev, model } = input;
  const spec = tagProjectsSpec(input.spec, ev);
  const mapping = input.layout ? mappingFromLayout(input.layout) : undefined;
  const withMapping = mapping ? { ...spec, provenance: { ...spec.provenance, mapping } } : spec;
  const confidential = confidentialOf(ev);
  const rule = input.rule ?? DEFAULT_SUPPRESSION;
  const fromPlans = input.cge?.fromPlans ?? [];
  const retag = (plans: Project[]) => {
    const again = input.rebuild(plans);
    return withPlanFigures(tagProjectsSpec(again.spec, again.evaluation), again.evaluation, fromPlans);
  };
  const disclosure = planSuppression(probeConfidential(withPlanFigures(spec, ev, fromPlans), input.projects, retag), rule.minConfidential, rule.protection ?? DEFAULT_PROTECTION);
  // The probe-only sheet is the last of the probed workbook: its row r is fromPlans[r].
  const cge = input.cge ? cgeParts(input.cge, (r) => disclosure.suppress.has(`${spec.sheets.length}/0/${r}/0`), spec.lang) : null;
  const d = makeDeliverables(withMapping, {
    audit: (s) => projectsAudit(s, ev, model, s.lang),
    confidential,
    rule,
    disclosure,
    fullOnly: cge?.full,
    publicPart: cge?.public,
  });
  return { ...d, confidential };
}
