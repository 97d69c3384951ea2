// An attack on a public version, independent of the code that made it: the identities are
// DISCOVERED from the full workbook, not taken from the report's tags. Many full workbooks
// are computed with the confidential plans' amounts (capex by year, subsidy, capacity, unit
// value) drawn at random; every affine relation among their cells that holds in all of them
// (totals, stage and phase sums, direct = additional output, per-plan and per-year sums,
// cross-sheet equalities, PV = Σ discount × nominal, ramp-up steps between years, capex ×
// the investment multiplier, …) is an identity the reader may use, and so is every ratio cell
// r = N / D found among them (B/C, KPI). The published numbers of the public file, read back
// from the .xlsx, are the attacker's knowns; then each "—" and each combination of fewer than
// `min` confidential plans' own figures is tested for being determined.

import { Subspace } from "../../../src/report/disclosure/linalg";
import { rangeOver } from "../../../src/report/disclosure/lp";
import { isFormulaCell, type WorkbookSpec } from "../../../src/report/spec";
import type { StoredCell } from "../deliverable/xlsxCells";

type Value = string | number | boolean | null;

type Placed = { sheet: string; row: number; col: number; v: Value };

/** A key per cell that survives the public version's row removals: sheet, the row's label
 * (column A) with its occurrence on the sheet, and the column. By "sheet|row|col". */
function keysOf(cells: Placed[]): Map<string, string> {
  const label = new Map<string, string>();
  for (const c of cells) if (c.col === 0) label.set(`${c.sheet}|${c.row}`, String(c.v ?? ""));
  const rows = [...new Set(cells.map((c) => `${c.sheet}|${c.row}`))].sort((x, y) => {
    const [a, b] = [x.split("|"), y.split("|")];
    return a[0] === b[0] ? Number(a[1]) - Number(b[1]) : a[0] < b[0] ? -1 : 1;
  });
  const occ = new Map<string, number>();
  const rowKey = new Map<string, string>();
  for (const r of rows) {
    const sheet = r.split("|")[0];
    const l = `${sheet}|${label.get(r) ?? ""}`;
    const k = occ.get(l) ?? 0;
    occ.set(l, k + 1);
    rowKey.set(r, `${l}#${k}`);
  }
  return new Map(cells.map((c) => [`${c.sheet}|${c.row}|${c.col}`, `${rowKey.get(`${c.sheet}|${c.row}`)}|${c.col}`]));
}

export function keyed(cells: Placed[]): Map<string, Value> {
  const keys = keysOf(cells);
  return new Map(cells.map((c) => [keys.get(`${c.sheet}|${c.row}|${c.col}`)!, c.v]));
}

export function specCells(spec: WorkbookSpec): Placed[] {
  const out: Placed[] = [];
  for (const s of spec.sheets)
    for (const b of s.blocks)
      b.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const x: Value = isFormulaCell(v) ? (v.value ?? null) : v;
          out.push({ sheet: s.name, row: b.row + r, col: b.col + c, v: x });
        }),
      );
  return out;
}

export function storedCells(cells: StoredCell[]): Placed[] {
  return cells.map((c) => ({ sheet: c.sheet, row: c.row, col: c.col, v: c.value && c.value.kind !== "error" ? c.value.value : null }));
}

/** Keys of the full spec's cells in rows and sheets of each confidential plan. */
export function planCellKeys(spec: WorkbookSpec): Map<string, Set<string>> {
  const keys = keysOf(specCells(spec));
  const out = new Map<string, Set<string>>();
  for (const s of spec.sheets)
    for (const b of s.blocks)
      b.values.forEach((row, r) => {
        const id = s.project?.confidential ? s.project.id : b.rowTags?.[r]?.project?.confidential ? b.rowTags[r].project!.id : null;
        if (!id) return;
        const set = out.get(id) ?? new Set<string>();
        out.set(id, set);
        row.forEach((_, c) => set.add(keys.get(`${s.name}|${b.row + r}|${b.col + c}`)!));
      });
  return out;
}

export interface Findings {
  /** "—" cells whose value the published numbers and the identities determine. */
  recovered: string[];
  /** Groups of fewer than `min` confidential plans some of whose own figures are determined. */
  exposedGroups: string[];
  /** Sensitive "—" cells and plans' own figures that the published numbers, the identities and
   * the signs of the plans' own figures (≥ 0) bound to less than ± p of their confidential
   * part: "key: [lo, hi] around v (±need)". */
  narrowed: string[];
  /** How many figures the interval attack bounded (all, including wide ones). */
  bounded: number;
  /** Figures for which the LP's bound on one side could not be verified (not claimed). */
  unverified: string[];
  /** "—" cells that no confidential amount moves (public data suppressed). */
  publicSuppressed: string[];
  /** Published numbers that differ from the full workbook (a public file must not lie). */
  altered: string[];
  identities: number;
  ratios: number;
  samples: number;
  rank: number;
}

const relClose = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Ratio cells r = N / D among the cells, found on the samples. */
function ratios(keys: string[], X: number[][]): [number, number, number][] {
  const m = keys.length;
  const col = (i: number) => X.map((s) => s[i]);
  const varies = (i: number) => X.some((s) => !relClose(s[i], X[0][i]));
  const index = new Map<string, number[]>();
  const tag = (x: number) => x.toPrecision(9);
  for (let i = 0; i < m; i++) if (varies(i)) (index.get(tag(X[0][i])) ?? index.set(tag(X[0][i]), []).get(tag(X[0][i]))!).push(i);
  const out: [number, number, number][] = [];
  for (let r = 0; r < m; r++) {
    if (!varies(r)) continue;
    for (let d = 0; d < m; d++) {
      if (d === r || X[0][d] === 0 || !varies(d)) continue;
      for (const n of index.get(tag(X[0][r] * X[0][d])) ?? []) {
        if (n === r || n === d) continue;
        const [R, D, N] = [col(r), col(d), col(n)];
        if (R.every((x, k) => relClose(x * D[k], N[k]))) out.push([r, n, d]);
      }
    }
  }
  return out;
}

function unit(v: Float64Array): Float64Array {
  let s = 0;
  for (const x of v) s += x * x;
  const n = Math.sqrt(s);
  return n === 0 ? v : v.map((x) => x / n);
}

/** The attack: `samples` are full workbooks (keyed numbers) with random confidential amounts,
 * `base` the true full workbook, `published` the public file's cells, `planCells` the keys of
 * each confidential plan's own figures in the full workbook. */
export function attack(
  samples: Map<string, Value>[],
  base: Map<string, Value>,
  published: Map<string, Value>,
  planCells: Map<string, Set<string>>,
  min: number,
  intervals?: IntervalTargets,
): Findings {
  const keys = [...base.keys()].filter((k) => typeof base.get(k) === "number" && samples.every((s) => typeof s.get(k) === "number"));
  const X = samples.map((s) => keys.map((k) => s.get(k) as number));
  const n = X.length;
  const mean = keys.map((_, i) => X.reduce((a, s) => a + s[i], 0) / n);
  // Orthonormal basis of the samples' directions (cells space), then each cell's coordinates.
  const span = new Subspace(keys.length);
  for (const s of X) span.add(Float64Array.from(s, (x, i) => x - mean[i]));
  const k = span.rank;
  if (k > n - 15) throw new Error(`attack: ${n} samples do not saturate the workbook's ${k}+ degrees of freedom; draw more`);
  const B = keys.map((_, i) => Float64Array.from(span.basis, (q) => q[i]));
  const b0 = Float64Array.from(keys, (key, i) => (base.get(key) as number) - mean[i]);
  if (!span.contains(b0)) throw new Error("attack: the true workbook lies outside the samples' affine span");
  const idx = new Map(keys.map((key, i) => [key, i]));
  const trio = ratios(keys, X);

  const findings: Findings = { recovered: [], exposedGroups: [], narrowed: [], bounded: 0, unverified: [], publicSuppressed: [], altered: [], identities: keys.length - k, ratios: trio.length, samples: n, rank: k };
  const known = new Subspace(k);
  for (const [key, v] of published) {
    const i = idx.get(key);
    if (i === undefined || typeof v !== "number") continue;
    if (!relClose(v, base.get(key) as number)) findings.altered.push(`${key}: ${v} ≠ ${base.get(key)}`);
    known.add(unit(B[i]));
  }
  for (const [r, num, den] of trio) {
    const v = published.get(keys[r]);
    if (typeof v !== "number") continue;
    known.add(unit(B[num].map((x, j) => x - v * B[den][j])));
  }
  const isZero = (v: Float64Array) => v.every((x) => Math.abs(x) < 1e-12);
  for (const [key, v] of published) {
    if (v !== "—") continue;
    const i = idx.get(key);
    if (i === undefined) continue;
    if (isZero(B[i].map((x) => x / Math.max(1, Math.abs(mean[i]))))) findings.publicSuppressed.push(key);
    else if (known.contains(B[i])) findings.recovered.push(`${key} = ${base.get(key)}`);
  }
  const ids = [...planCells.keys()];
  const groups: string[][] = [];
  const rec = (start: number, cur: string[]) => {
    if (cur.length) groups.push(cur);
    if (cur.length === min - 1) return;
    for (let j = start; j < ids.length; j++) rec(j + 1, [...cur, ids[j]]);
  };
  rec(0, []);
  for (const g of groups) {
    const own = new Subspace(k);
    for (const id of g) for (const key of planCells.get(id)!) if (idx.has(key)) own.add(unit(B[idx.get(key)!]));
    const both = new Subspace(k);
    for (const q of [...known.basis, ...own.basis]) both.add(q);
    const meet = known.rank + own.rank - both.rank;
    if (meet > 0) findings.exposedGroups.push(`${g.join("+")} (${meet} independent figures)`);
  }
  if (intervals) narrow(findings, keys, B, known, base, planCells, published, intervals);
  return findings;
}

/** For the interval attack: `part` is each cell's confidential part (its value minus its value
 * without the confidential plans' amounts), `plans` the confidential plans each cell moves
 * with, `p` the protection asked for. */
export interface IntervalTargets {
  part: Map<string, number>;
  plans: Map<string, Set<string>>;
  p: number;
  min: number;
}

/** The interval attack: move the unknown figures along every direction the published ones
 * leave free, keep each confidential plan's own figure ≥ 0 (capex, subsidy, capacity, output
 * … cannot be negative), and find by linear programming how far each protected figure can go. */
function narrow(
  findings: Findings,
  keys: string[],
  B: Float64Array[],
  known: Subspace,
  base: Map<string, Value>,
  planCells: Map<string, Set<string>>,
  published: Map<string, Value>,
  t: IntervalTargets,
): void {
  const k = known.dim;
  const s = new Subspace(k);
  for (const q of known.basis) s.add(q);
  const r = s.rank;
  for (let j = 0; j < k && s.rank < k; j++) s.add(Float64Array.from({ length: k }, (_, i) => (i === j ? 1 : 0)));
  const free = s.basis.slice(r);
  const idx = new Map(keys.map((key, i) => [key, i]));
  const along = (i: number) => Float64Array.from(free, (q) => q.reduce((a, x, l) => a + x * B[i][l], 0));
  const own = new Set([...planCells.values()].flatMap((x) => [...x]));
  const a: Float64Array[] = [];
  const b: number[] = [];
  for (const key of own) {
    const i = idx.get(key);
    const v = base.get(key);
    if (i === undefined || typeof v !== "number" || v < 0) continue;
    a.push(along(i));
    b.push(v);
  }
  const targets = [...own, ...[...published].filter(([key, v]) => v === "—" && (t.plans.get(key)?.size ?? 0) > 0 && t.plans.get(key)!.size < t.min).map(([key]) => key)];
  for (const key of targets) {
    const i = idx.get(key);
    const part = Math.abs(t.part.get(key) ?? 0);
    if (i === undefined || part === 0) continue;
    const c = along(i);
    if (c.every((x) => Math.abs(x) < 1e-9 * part)) continue; // determined: counted by the exact attack
    const [lo, hi] = rangeOver(a, b, c).bound;
    // A bound the solver could not verify (rounding in an ill-conditioned basis) is not
    // claimed; such figures are counted, and listed, apart.
    if (Number.isNaN(lo) || Number.isNaN(hi)) findings.unverified.push(key);
    findings.bounded++;
    const need = t.p * part * (1 - 1e-6);
    if ((!Number.isNaN(lo) && lo > -need) || (!Number.isNaN(hi) && hi < need)) findings.narrowed.push(`${key}: [${lo}, ${hi}] around ${base.get(key)} (±${need})`);
  }
}
