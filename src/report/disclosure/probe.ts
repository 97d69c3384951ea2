// What each cell of a projects workbook says about the confidential plans: the derivative of
// every figure with respect to every confidential input (capex by year, subsidy, capacity, unit
// value), by central differences on rebuilt workbooks. The attacker we protect against knows
// the method, the IO table and every plan's timing (start, ramp-up, utilization, displacement)
// — everything but these amounts; a published cell is then one equation in them, and a ratio
// (B/C, KPI) one equation too (its level set is a hyperplane), whose normal is its gradient.

import { RippleError } from "../../engine/errors";
import type { Project } from "../../engine/projects/parse";
import { AUDIT_SHEET_KEY } from "../deliverable/auditSheet";
import { isFormulaCell, type CellSpec, type WorkbookSpec } from "../spec";

/** Rebuilds the (tagged) results workbook from changed plans, with everything else unchanged. */
export type Rebuild = (projects: Project[]) => WorkbookSpec;

/** One unknown of the attacker: an input amount of a confidential plan. */
export interface Unknown {
  plan: string;
  what: "capex" | "subsidy" | "capacity" | "unitValue";
  year?: number;
}

/** A cell of the workbook that the public version would show: "si/bi/r/c" in the tagged spec. */
export interface ProbedCell {
  pos: string;
  sheet: number;
  value: number;
  /** θ_j ∂value/∂θ_j for each unknown j (relative units; noise below 1e-8 of the value cut). */
  gradient: Float64Array;
  /** Indices (into the confidential plan list) of the plans the cell depends on. */
  plans: Set<number>;
  /** Publishing priority: lower goes first (summary 0, totals 1, other figures 2). */
  cost: number;
}

export interface Probe {
  unknowns: Unknown[];
  plans: string[];
  cells: ProbedCell[];
  /** The confidential plans' own figures (their sheets, rows and columns, which the public
   * version leaves out): what the interval protection must keep wide, beside every "—". */
  own: ProbedCell[];
  /** Text cells whose wording changes with the confidential amounts (figures in prose). */
  varyingText: Set<string>;
}

const STEP = 1e-4;

/** A sheet appended to the probed workbook only, never written: figures another model's sheets
 * are built from (the CGE scenarios' plan figures), so the disclosure control decides whether
 * they, and with them those sheets, may be published. */
export const PROBE_ONLY_SHEET_KEY = "probe-only";

const numberOf = (v: CellSpec): number | null =>
  typeof v === "number" ? v : isFormulaCell(v) && typeof v.value === "number" ? v.value : null;

function unknownsOf(projects: Project[]): Unknown[] {
  const out: Unknown[] = [];
  for (const p of projects) {
    if (!p.confidential) continue;
    for (const [year, x] of p.capex) if (x !== 0) out.push({ plan: p.id, what: "capex", year });
    out.push({ plan: p.id, what: "subsidy" }, { plan: p.id, what: "capacity" }, { plan: p.id, what: "unitValue" });
  }
  return out;
}

/** The plans with unknown j scaled by (1 + f); every other input as given. */
function scaled(projects: Project[], unknowns: Unknown[], f: (j: number) => number): Project[] {
  return projects.map((p) => {
    if (!p.confidential) return p;
    const q: Project = { ...p, capex: new Map(p.capex) };
    unknowns.forEach((u, j) => {
      if (u.plan !== p.id || f(j) === 0) return;
      if (u.what === "capex") q.capex.set(u.year!, q.capex.get(u.year!)! * (1 + f(j)));
      else q[u.what] = (q[u.what] === 0 ? 1 : q[u.what]) * (1 + f(j)) - (q[u.what] === 0 ? 1 : 0);
    });
    return q;
  });
}

type Located = { pos: string; sheet: number; v: CellSpec; cost: number };

/** Cells the public version keeps (same rule as makePublicVersion's removals), or with
 * `own` the confidential plans' own cells it removes. */
function* publicCells(spec: WorkbookSpec, own = false): Generator<Located> {
  for (const [si, s] of spec.sheets.entries()) {
    if (s.key === AUDIT_SHEET_KEY) continue;
    const sheetOwn = !!s.project?.confidential;
    if (sheetOwn && !own) continue;
    for (const [bi, b] of s.blocks.entries())
      for (const [r, row] of b.values.entries()) {
        const t = b.rowTags?.[r];
        if (t?.fullOnly) continue;
        const rowOwn = sheetOwn || !!t?.project?.confidential;
        if (rowOwn && !own) continue;
        for (const [c, v] of row.entries()) {
          const isOwn = rowOwn || !!b.colTags?.[c]?.project?.confidential;
          if (isOwn !== own) continue;
          // Publishing order: the summary's headline figures first, then totals, then yearly values.
          // Probe-only figures (inputs of another model's sheets) last: published only when the
          // figures before them let them be.
          const cost = s.key === PROBE_ONLY_SHEET_KEY ? 3 : s.key === "summary" ? 0 : b.style === "total" || row[0] === "合計" || row[0] === "Total" ? 1 : 2;
          yield { pos: `${si}/${bi}/${r}/${c}`, sheet: si, v, cost };
        }
      }
  }
}

function cellMap(spec: WorkbookSpec): Map<string, CellSpec> {
  return new Map([...publicCells(spec), ...publicCells(spec, true)].map((x) => [x.pos, x.v]));
}

function sameShape(a: WorkbookSpec, b: WorkbookSpec): boolean {
  return (
    a.sheets.length === b.sheets.length &&
    a.sheets.every((s, i) => {
      const t = b.sheets[i];
      return s.key === t.key && s.blocks.length === t.blocks.length && s.blocks.every((x, j) => x.values.length === t.blocks[j].values.length && x.values.every((row, r) => row.length === t.blocks[j].values[r].length));
    })
  );
}

/** Derivatives of every public cell with respect to every confidential amount. */
export function probeConfidential(spec: WorkbookSpec, projects: Project[], rebuild: Rebuild): Probe {
  const unknowns = unknownsOf(projects);
  const plans = [...new Set(unknowns.map((u) => u.plan))];
  const base = [...publicCells(spec)];
  const ownBase = [...publicCells(spec, true)];
  const specs = (f: (j: number) => number) => {
    const s = rebuild(scaled(projects, unknowns, f));
    if (!sameShape(spec, s))
      throw new RippleError("disclosure-probe", {
        ja: "公開版の秘匿計算で、計画の金額を変えた再計算の表の形が変わりました。公開版を作れません（レポート作成側の不具合です。報告してください）",
        en: "While protecting the public version, a recalculation with changed plan amounts changed the tables' layout; the public version cannot be made (a fault in the report builder; please report it)",
      });
    return cellMap(s);
  };
  const ups: Map<string, CellSpec>[] = [];
  const downs: Map<string, CellSpec>[] = [];
  unknowns.forEach((_, j) => {
    ups.push(specs((k) => (k === j ? STEP : 0)));
    downs.push(specs((k) => (k === j ? -STEP : 0)));
  });
  // One large change of every amount at once shows which texts carry figures (rounded figures
  // in prose do not move under the small steps).
  const moved = specs((j) => 0.37 + 0.05 * (j % 5));
  const varyingText = new Set<string>();
  for (const { pos, v } of base) if (typeof v === "string" && moved.get(pos) !== v) varyingText.add(pos);
  const probeCell = ({ pos, sheet, v, cost }: Located): ProbedCell | null => {
    const value = numberOf(v);
    if (value === null) return null;
    const gradient = new Float64Array(unknowns.length);
    const noise = 1e-8 * Math.max(1, Math.abs(value));
    const set = new Set<number>();
    unknowns.forEach((u, j) => {
      const up = numberOf(ups[j].get(pos) ?? null);
      const down = numberOf(downs[j].get(pos) ?? null);
      // A figure that appears or disappears with an amount depends on it in any case.
      if (up === null || down === null) {
        gradient[j] = Math.max(1, Math.abs(value));
      } else {
        const g = (up - down) / (2 * STEP);
        gradient[j] = Math.abs(g) > noise ? g : 0;
      }
      if (gradient[j] !== 0) set.add(plans.indexOf(u.plan));
    });
    return { pos, sheet, value, gradient, plans: set, cost };
  };
  const cells = base.flatMap((x) => probeCell(x) ?? []);
  const own = ownBase.flatMap((x) => probeCell(x) ?? []).filter((c) => c.plans.size > 0);
  return { unknowns, plans, cells, own, varyingText };
}
