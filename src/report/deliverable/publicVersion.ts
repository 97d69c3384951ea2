// The public version (公開版) of a results workbook, from the same run: rows and columns of
// confidential projects are removed, per-project sheets of confidential projects are left out,
// aggregates that would reveal fewer than `minConfidential` confidential projects are shown as
// "—", and every confidential string or figure left anywhere (cells, sheet names, chart titles
// and series names, provenance) is masked. The report marks what rows hold (RowTag in spec.ts);
// charts read their caches from cells, so what is removed from cells is gone from charts too.

import { RippleError, type Lang } from "../../engine/errors";
import {
  isFormulaCell,
  uniqueSheetName,
  type BlockSpec,
  type CellSpec,
  type ChartSpec,
  type RangeRef,
  type RowTag,
  type SheetSpec,
  type WorkbookSpec,
} from "../spec";
import { applyDisclosure } from "../disclosure/apply";
import { maskNames, normalizeName } from "../disclosure/normalize";
import { DEFAULT_PROTECTION, type DisclosurePlan } from "../disclosure/suppress";
import { AUDIT_SHEET_KEY } from "./auditSheet";
import { PUBLIC } from "./labels";
import { METHOD_SHEET_KEY } from "./methodSheet";

export interface SuppressionRule {
  /** Aggregates involving 1 … minConfidential − 1 confidential projects are suppressed. */
  minConfidential: number;
  /** Interval protection p (projects runs): no protected figure narrowed to less than ± p. */
  protection?: number;
}

/** The stated rule: groups of fewer than three confidential projects are shown as "—"; ±10 %. */
export const DEFAULT_SUPPRESSION: SuppressionRule = { minConfidential: 3, protection: DEFAULT_PROTECTION };

export interface Confidential {
  /** Company names and other text that must not appear (project IDs if they identify). */
  strings: string[];
  /** Figures that must not appear (capex, subsidy of single plans, …). 0 is ignored. */
  numbers: number[];
}

export const PUBLIC_DASH = PUBLIC.dash;

/** The suppression rule in words, as written on the summary and method sheets. */
export function suppressionText(rule: SuppressionRule, lang: Lang): string {
  return PUBLIC.rule(rule.minConfidential)[lang];
}

export function makePublicVersion(spec: WorkbookSpec, rule: SuppressionRule, confidential: Confidential, disclosure?: DisclosurePlan): WorkbookSpec {
  if (!(Number.isInteger(rule.minConfidential) && rule.minConfidential >= 2))
    throw new RippleError("suppression-rule", {
      ja: `秘匿ルールの最小件数 ${rule.minConfidential} は 2 以上の整数にしてください（例: 3）`,
      en: `The suppression rule's minimum ${rule.minConfidential} must be an integer of 2 or more (e.g. 3)`,
    });
  const out: WorkbookSpec = structuredClone(spec);
  const lang = out.lang;
  const secret = collectConfidentialIds(out);
  // 0. A disclosure plan worked out on the whole system of published cells (projects runs)
  // addresses cells of the spec as given, so it goes first.
  if (disclosure) applyDisclosure(out, disclosure, lang);

  // 1. Sheets about one confidential project, and audit sheets (rebuilt from the public cells).
  const dropped = new Set(out.sheets.filter((s) => s.project?.confidential || s.key === AUDIT_SHEET_KEY).map((s) => s.name));
  out.sheets = out.sheets.filter((s) => !dropped.has(s.name));
  for (const s of out.sheets) s.charts = s.charts?.filter((c) => !chartRanges(c).some((r) => r.sheet && dropped.has(r.sheet)));

  // 2. Rows and columns of confidential projects.
  const hadPlans = new Set(out.sheets.filter((s) => s.blocks.some((b) => Object.values(b.rowTags ?? {}).some((t) => t.project?.confidential))).map((s) => s.name));
  for (const sheet of out.sheets) {
    for (const block of [...sheet.blocks]) {
      const rows = Object.entries(block.rowTags ?? {})
        .filter(([, t]) => t.project?.confidential || t.fullOnly)
        .map(([r]) => Number(r))
        .sort((a, b) => b - a);
      for (const r of rows) removeRow(out, sheet, block, r);
      const cols = Object.entries(block.colTags ?? {})
        .filter(([, t]) => t.project?.confidential)
        .map(([c]) => Number(c))
        .sort((a, b) => b - a);
      for (const c of cols) removeCol(out, sheet, block, c);
    }
    for (const c of sheet.charts ?? []) c.series = c.series.filter((s) => s.values.rows > 0 && s.values.cols > 0);
    sheet.charts = sheet.charts?.filter((c) => c.series.length > 0 && (!c.categories || c.categories.rows > 0));
    if (sheet.charts?.length === 0) delete sheet.charts;
  }

  // 2b. A sheet of plans left without a single figure (every plan confidential) would be an
  // empty shell of headings that still prints pages: it goes, with charts that read from it.
  const empty = new Set(out.sheets.filter((s) => hadPlans.has(s.name) && !s.blocks.some((b) => b.values.some((row) => row.some(isFigure)))).map((s) => s.name));
  if (empty.size > 0) {
    out.sheets = out.sheets.filter((s) => !empty.has(s.name));
    for (const s of out.sheets) s.charts = s.charts?.filter((c) => !chartRanges(c).some((r) => r.sheet && empty.has(r.sheet)));
  }

  // 2c. A sheet of plan tables none of whose plans is left keeps its title and says why,
  // instead of tables reduced to a header and a total (the totals are on the summary).
  for (const sheet of out.sheets) if (sheet.withheld && hadPlans.has(sheet.name) && !hasPlanRow(sheet)) withhold(out, sheet, sheet.withheld);

  // 3. Aggregates of too few confidential projects, directly or by difference.
  if (!disclosure) suppressAggregates(out, secret, rule.minConfidential);

  // 4. Confidential text and figures left anywhere. With a disclosure plan the figures are
  // protected by it (a public figure that happens to equal a confidential one stays).
  omitChecksums(out);
  const masked = maskEverywhere(out, guarded(confidential, disclosure));

  // 5. The rule, on the summary sheet (under its title) and in the provenance / method sheet.
  const ruleText = disclosure ? PUBLIC.systemRule(rule.minConfidential, disclosure.protection)[lang] : suppressionText(rule, lang);
  const summary = out.sheets.find((s) => s.key === "summary") ?? out.sheets[0];
  if (summary) {
    insertRows(out, summary, 1, 2);
    summary.blocks.push({ row: 1, col: 0, values: [[disclosure ? PUBLIC.summaryRule[lang] : ruleText]], style: "note" });
  }
  out.provenance.suppression = ruleText;
  if (masked > 0) out.provenance.warnings = [...out.provenance.warnings, PUBLIC.numbersMasked(masked)[lang]];
  const method = out.sheets.find((s) => s.key === METHOD_SHEET_KEY);
  if (method) {
    const end = method.blocks.reduce((m, b) => Math.max(m, b.row + b.values.length), 0) + 1;
    method.blocks.push({ row: end, col: 0, values: [[ruleText]], style: "note" });
  }
  assertPublic(out, guarded(confidential, disclosure));
  return out;
}

const hasPlanRow = (sheet: SheetSpec) => sheet.blocks.some((b) => Object.values(b.rowTags ?? {}).some((t) => t.project));

/** The sheet's title (its first cell) and `line` under it; its charts, and charts elsewhere that
 * read from it, go. */
function withhold(spec: WorkbookSpec, sheet: SheetSpec, line: string): void {
  const first = sheet.blocks.reduce<BlockSpec | undefined>((m, b) => (!m || b.row < m.row || (b.row === m.row && b.col < m.col) ? b : m), undefined);
  const title = first?.values[0]?.[0] ?? sheet.name;
  sheet.blocks = [
    { row: 0, col: 0, values: [[title]], style: "title" },
    { row: 2, col: 0, values: [[line]], style: "note" },
  ];
  delete sheet.charts;
  delete sheet.freeze;
  for (const s of spec.sheets) s.charts = s.charts?.filter((c) => !chartRanges(c).some((r) => r.sheet === sheet.name));
}

/** A number, or a formula (its value may be a number later). */
function isFigure(v: CellSpec): boolean {
  return typeof v === "number" || isFormulaCell(v);
}

/** What the last guard looks for: with a disclosure plan, names only (the plan protects the
 * figures, and masking by value would hit public figures that happen to be equal). */
export function guarded(confidential: Confidential, disclosure: DisclosurePlan | undefined): Confidential {
  return disclosure ? { ...confidential, numbers: [] } : confidential;
}

/** Checksums of inputs with confidential data, wherever a report wrote them (its own method
 * sheet), are replaced: they would let anyone confirm a guess of the sheet's contents. */
function omitChecksums(spec: WorkbookSpec): void {
  const secret = new Set(spec.provenance.inputs.filter((i) => i.confidential && i.checksum).map((i) => i.checksum!));
  if (!secret.size) return;
  const omitted = PUBLIC.checksumOmitted[spec.lang];
  for (const s of spec.sheets) for (const b of s.blocks) for (const row of b.values) row.forEach((v, c) => typeof v === "string" && secret.has(v) && (row[c] = omitted));
}

function collectConfidentialIds(spec: WorkbookSpec): Set<string> {
  const ids = new Set<string>();
  const see = (t: RowTag) => t.project?.confidential && ids.add(t.project.id);
  for (const s of spec.sheets) {
    if (s.project?.confidential) ids.add(s.project.id);
    for (const b of s.blocks) {
      Object.values(b.rowTags ?? {}).forEach(see);
      Object.values(b.colTags ?? {}).forEach(see);
    }
  }
  return ids;
}

// ---- layout surgery ---------------------------------------------------------------------

function chartRanges(c: ChartSpec): RangeRef[] {
  return [...(c.categories ? [c.categories] : []), ...c.series.flatMap((s) => [s.values, ...(s.x ? [s.x] : []), ...(s.labels ? [s.labels] : [])])];
}

/** Every range that points at `sheet`, wherever its chart is. */
function rangesOn(spec: WorkbookSpec, sheet: SheetSpec): RangeRef[] {
  const out: RangeRef[] = [];
  for (const s of spec.sheets)
    for (const c of s.charts ?? []) for (const r of chartRanges(c)) if ((r.sheet ?? s.name) === sheet.name) out.push(r);
  return out;
}

function removeRow(spec: WorkbookSpec, sheet: SheetSpec, block: BlockSpec, r: number): void {
  const abs = block.row + r;
  const colFrom = block.col;
  const colTo = block.col + Math.max(0, ...block.values.map((v) => v.length)) - 1;
  block.values.splice(r, 1);
  block.rowTags = reindex(block.rowTags, r);
  block.cellTags = reindexCells(block.cellTags, r, 0);
  for (const b of sheet.blocks) if (b !== block && b.row > abs) b.row--;
  sheet.blocks = sheet.blocks.filter((b) => b.values.length > 0);
  for (const ref of rangesOn(spec, sheet)) {
    const overlapsCols = ref.col <= colTo && ref.col + ref.cols - 1 >= colFrom;
    if (ref.row > abs) ref.row--;
    else if (overlapsCols && ref.row <= abs && abs < ref.row + ref.rows) ref.rows--;
  }
  for (const c of sheet.charts ?? []) if (c.anchor.row > abs) c.anchor.row--;
  if (sheet.freeze && sheet.freeze.rows > abs) sheet.freeze.rows--;
}

function removeCol(spec: WorkbookSpec, sheet: SheetSpec, block: BlockSpec, c: number): void {
  const abs = block.col + c;
  const rowFrom = block.row;
  const rowTo = block.row + block.values.length - 1;
  for (const row of block.values) if (row.length > c) row.splice(c, 1);
  if (Array.isArray(block.numberFormat)) block.numberFormat.splice(c, 1);
  block.colTags = reindex(block.colTags, c);
  block.cellTags = reindexCells(block.cellTags, c, 1);
  for (const ref of rangesOn(spec, sheet)) {
    const within = ref.row >= rowFrom && ref.row + ref.rows - 1 <= rowTo;
    if (!within) continue;
    if (ref.col > abs) ref.col--;
    else if (ref.col <= abs && abs < ref.col + ref.cols) ref.cols--;
  }
}

/** Moves everything at or below `from` down by `count` rows (to make room for a note). */
function insertRows(spec: WorkbookSpec, sheet: SheetSpec, from: number, count: number): void {
  for (const b of sheet.blocks) if (b.row >= from) b.row += count;
  for (const ref of rangesOn(spec, sheet)) if (ref.row >= from) ref.row += count;
  for (const c of sheet.charts ?? []) if (c.anchor.row >= from) c.anchor.row += count;
  if (sheet.freeze && sheet.freeze.rows > from) sheet.freeze.rows += count;
}

function reindex(tags: Record<number, RowTag> | undefined, removed: number): Record<number, RowTag> | undefined {
  if (!tags) return tags;
  const out: Record<number, RowTag> = {};
  for (const [k, t] of Object.entries(tags)) {
    const i = Number(k);
    if (i < removed) out[i] = t;
    else if (i > removed) out[i - 1] = t;
  }
  return out;
}

/** Cell tags after removing row (axis 0) or column (axis 1) `removed` of their block. */
function reindexCells(tags: Record<string, RowTag> | undefined, removed: number, axis: 0 | 1): Record<string, RowTag> | undefined {
  if (!tags) return tags;
  const out: Record<string, RowTag> = {};
  for (const [k, t] of Object.entries(tags)) {
    const rc = k.split(",").map(Number);
    if (rc[axis] === removed) continue;
    if (rc[axis] > removed) rc[axis]--;
    out[`${rc[0]},${rc[1]}`] = t;
  }
  return out;
}

// ---- aggregates -------------------------------------------------------------------------

interface Aggregate {
  key: string | undefined;
  conf: Set<string>;
  measure: string | undefined;
  parts: string[] | undefined;
  suppress: () => void;
  suppressed: boolean;
}

const isNumberish = (v: CellSpec) => typeof v === "number" || isFormulaCell(v);

function suppressAggregates(spec: WorkbookSpec, secret: Set<string>, min: number): void {
  const aggs: Aggregate[] = [];
  const of = (t: RowTag, suppress: () => void): Aggregate => ({
    key: t.key,
    conf: new Set((t.projects ?? []).filter((p) => secret.has(p))),
    measure: t.measure,
    parts: t.parts,
    suppressed: false,
    suppress,
  });
  for (const s of spec.sheets)
    for (const b of s.blocks) {
      for (const [k, t] of Object.entries(b.rowTags ?? {})) {
        if (!t.projects) continue;
        const row = b.values[Number(k)];
        // A suppressed row keeps its label (the first cell, also a year written as a number);
        // its figures go, also those written inside text (e.g. "能力 1,200 t/年 …").
        aggs.push(of(t, () => row.forEach((v, c) => c > 0 && (isNumberish(v) || (typeof v === "string" && /\d/.test(v))) && (row[c] = PUBLIC_DASH))));
      }
      for (const [k, t] of Object.entries(b.cellTags ?? {})) {
        if (!t.projects) continue;
        const [r, c] = k.split(",").map(Number);
        const row = b.values[r];
        if (!row || c >= row.length) continue;
        aggs.push(of(t, () => isNumberish(row[c]) && (row[c] = PUBLIC_DASH)));
      }
      for (const [k, t] of Object.entries(b.colTags ?? {})) {
        if (!t.projects) continue;
        const c = Number(k);
        aggs.push(of(t, () => b.values.forEach((row) => row.length > c && isNumberish(row[c]) && (row[c] = PUBLIC_DASH))));
      }
    }
  const byKey = new Map(aggs.filter((a) => a.key !== undefined).map((a) => [a.key!, a]));
  const hide = (a: Aggregate) => {
    if (!a.suppressed) {
      a.suppressed = true;
      a.suppress();
    }
  };
  const tooFew = (ids: Set<string>) => ids.size > 0 && ids.size < min;
  const union = (xs: Aggregate[]) => new Set(xs.flatMap((x) => [...x.conf]));
  // Primary suppression: aggregates of 1 … min − 1 confidential projects.
  for (const a of aggs) if (tooFew(a.conf)) hide(a);
  let changed = true;
  while (changed) {
    changed = false;
    // Totals: the suppressed parts' sum is the total minus the shown parts, so it must hold
    // none or enough confidential projects; suppress more parts (most confidential first),
    // and the total itself only when no part is left to suppress.
    for (const a of aggs) {
      if (a.suppressed || !a.parts) continue;
      const parts = a.parts.map((k) => byKey.get(k)).filter((x): x is Aggregate => x !== undefined);
      while (tooFew(union(parts.filter((p) => p.suppressed)))) {
        const hidden = union(parts.filter((p) => p.suppressed));
        const next = parts
          .filter((p) => !p.suppressed)
          .sort((x, y) => [...y.conf].filter((id) => !hidden.has(id)).length - [...x.conf].filter((id) => !hidden.has(id)).length)[0];
        if (!next) {
          hide(a);
          break;
        }
        hide(next);
        changed = true;
      }
    }
    // Differences: of two shown aggregates of the same quantity with B ⊂ A, A − B would
    // isolate |A \ B| confidential projects; suppress A when that is 1 … min − 1.
    for (const a of aggs) {
      if (a.suppressed || a.measure === undefined) continue;
      for (const b of aggs) {
        if (b === a || b.suppressed || b.measure !== a.measure) continue;
        if (b.conf.size >= a.conf.size || ![...b.conf].every((p) => a.conf.has(p))) continue;
        if (tooFew(new Set([...a.conf].filter((p) => !b.conf.has(p))))) {
          hide(a);
          changed = true;
          break;
        }
      }
    }
  }
}

// ---- masking ----------------------------------------------------------------------------

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The text forms a figure may take in labels: 1200, 1,200, 1200.5, 1,200.5. */
function numberForms(x: number): string[] {
  const forms = new Set([String(x), x.toLocaleString("en-US", { maximumFractionDigits: 10 })]);
  return [...forms].filter((f) => f.replace(/[^0-9]/g, "").length >= 2);
}

interface Masker {
  text: (s: string) => string;
  number: (x: number) => boolean;
}

function masker(conf: Confidential, lang: Lang): Masker {
  // Names are found after normalisation (width, spaces, case, dashes): "例示磁石株式会社Ａ" too.
  const strings = [...new Set(conf.strings.map((s) => s.trim()).filter((s) => normalizeName(s).length > 0))];
  const numbers = conf.numbers.filter((x) => Number.isFinite(x) && x !== 0);
  const forms = [...new Set(numbers.flatMap(numberForms))].sort((a, b) => b.length - a.length);
  const numberRe = forms.length ? new RegExp(`(?<![0-9A-Za-z.,])(?:${forms.map(escapeRe).join("|")})(?![0-9A-Za-z]|[.,][0-9])`, "g") : null;
  return {
    text: (s) => {
      let t = strings.length ? maskNames(s, strings, PUBLIC.masked[lang]) : s;
      if (numberRe) t = t.replace(numberRe, PUBLIC_DASH);
      return t;
    },
    number: (x) => numbers.some((y) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y))),
  };
}

/** Masks text in place everywhere and replaces confidential figures in cells; returns how many
 * cells held a confidential figure. */
function maskEverywhere(spec: WorkbookSpec, conf: Confidential): number {
  const m = masker(conf, spec.lang);
  let count = 0;
  const cell = (v: CellSpec): CellSpec => {
    if (typeof v === "string") return m.text(v);
    if (typeof v === "number" && m.number(v)) {
      count++;
      return PUBLIC_DASH;
    }
    if (isFormulaCell(v) && typeof v.value === "number" && m.number(v.value)) {
      count++;
      return PUBLIC_DASH;
    }
    return v;
  };
  const renamed = new Map<string, string>();
  const names: string[] = [];
  for (const s of spec.sheets) {
    const name = uniqueSheetName(m.text(s.name), names);
    names.push(name);
    if (name !== s.name) renamed.set(s.name, name);
    s.name = name;
    for (const b of s.blocks) b.values = b.values.map((row) => row.map(cell));
    for (const c of s.charts ?? []) {
      c.title = m.text(c.title);
      if (c.xAxisTitle) c.xAxisTitle = m.text(c.xAxisTitle);
      if (c.yAxisTitle) c.yAxisTitle = m.text(c.yAxisTitle);
      for (const se of c.series) se.name = m.text(se.name);
    }
  }
  for (const s of spec.sheets)
    for (const c of s.charts ?? []) for (const r of chartRanges(c)) if (r.sheet && renamed.has(r.sheet)) r.sheet = renamed.get(r.sheet);
  const p = spec.provenance;
  const val = (v: string | number) => (typeof v === "string" ? m.text(v) : m.number(v) ? PUBLIC_DASH : v);
  // The checksum of a sheet with confidential plans would let anyone confirm a guess of its
  // contents: left out of the public version.
  p.inputs = p.inputs.map((i) => ({
    ...i,
    description: m.text(i.description),
    ...(i.sheet ? { sheet: m.text(i.sheet) } : {}),
    ...(i.confidential ? { checksum: PUBLIC.checksumOmitted[spec.lang] } : {}),
  }));
  p.parameters = p.parameters.map((x) => ({ ...x, name: m.text(x.name), value: val(x.value), source: m.text(x.source) }));
  p.variants = p.variants.map(m.text);
  p.warnings = p.warnings.map(m.text);
  if (p.mapping) p.mapping = p.mapping.map((x) => ({ ...x, label: m.text(x.label), address: m.text(x.address) }));
  return count;
}

/** Where a confidential string or figure still appears in a spec (empty when none). */
export function confidentialLeaks(spec: WorkbookSpec, conf: Confidential): string[] {
  const m = masker(conf, spec.lang);
  const leaks: string[] = [];
  const text = (where: string, s: string) => m.text(s) !== s && leaks.push(`${where}: ${s}`);
  const num = (where: string, x: number) => m.number(x) && leaks.push(`${where}: ${x}`);
  for (const s of spec.sheets) {
    text("sheet name", s.name);
    for (const b of s.blocks)
      b.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const where = `${s.name} R${b.row + r + 1}C${b.col + c + 1}`;
          if (typeof v === "string") text(where, v);
          else if (typeof v === "number") num(where, v);
          else if (isFormulaCell(v)) {
            text(where, v.formula);
            if (typeof v.value === "number") num(where, v.value);
            if (typeof v.value === "string") text(where, v.value);
          }
        }),
      );
    for (const c of s.charts ?? []) [c.title, c.xAxisTitle ?? "", c.yAxisTitle ?? "", ...c.series.map((x) => x.name)].forEach((t) => text(`${s.name} chart`, t));
  }
  const p = spec.provenance;
  for (const x of [p.software, p.version, ...p.variants, ...p.warnings, p.suppression ?? ""]) text("provenance", x);
  for (const i of p.inputs) {
    [i.description, i.sheet ?? "", i.range ?? ""].forEach((t) => text("provenance input", t));
    if (i.confidential && i.checksum?.startsWith("sha256:")) leaks.push(`checksum of ${i.sheet ?? i.description}`);
  }
  for (const x of p.parameters) {
    [x.name, x.source, x.grade ?? "", x.file ?? ""].forEach((t) => text("provenance parameter", t));
    if (typeof x.value === "string") text("provenance parameter", x.value);
    else num("provenance parameter", x.value);
  }
  for (const x of p.mapping ?? []) [x.label, x.address].forEach((t) => text("provenance mapping", t));
  return leaks;
}

/** Throws when anything confidential is left: the last guard before the public file is written. */
export function assertPublic(spec: WorkbookSpec, conf: Confidential): void {
  const leaks = confidentialLeaks(spec, conf);
  if (leaks.length)
    throw new RippleError("public-version-leak", {
      ja: `公開版に非公開の情報が残っています（${leaks.length} 箇所、最初: ${leaks[0]}）。公開版を書き出しませんでした（レポート作成側の不具合です。報告してください）`,
      en: `The public version still holds confidential information (${leaks.length} places, first: ${leaks[0]}); it was not written (a fault in the report builder; please report it)`,
    });
}
