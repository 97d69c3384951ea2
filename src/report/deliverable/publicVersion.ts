// The public version (公開版) of a results workbook, from the same run: rows and columns of
// confidential projects are removed, per-project sheets of confidential projects are left out,
// aggregates that would reveal fewer than `minConfidential` confidential projects are shown as
// "—", and every confidential string or figure left anywhere (cells, sheet names, chart titles
// and series names, provenance) is masked. The report marks what rows hold (RowTag in spec.ts);
// charts read their caches from cells, so what is removed from cells is gone from charts too.

import { RippleError, type Lang } from "../../engine/errors";
import { isFormulaCell, type BlockSpec, type CellSpec, type RowTag, type SheetSpec, type WorkbookSpec } from "../spec";
import { applyDisclosure } from "../disclosure/apply";
import { DEFAULT_PROTECTION, type DisclosurePlan } from "../disclosure/suppress";
import { AUDIT_SHEET_KEY } from "./auditSheet";
import { PUBLIC } from "./labels";
import { METHOD_SHEET_KEY } from "./methodSheet";
import { chartRanges, insertRows, removeCol, removeRow } from "./publicSheetEdits";
import { suppressAggregates } from "./publicAggregates";
import { assertPublic, maskEverywhere } from "./publicMasking";

export { assertPublic, confidentialLeaks } from "./publicMasking";

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
export function isFigure(v: CellSpec): boolean {
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
