// The full workbook and its public version, each through the same passes: values only on the
// results sheets, the audit sheet, the complete method sheet, and the deliverable checks.

import type { DisclosurePlan } from "../disclosure/suppress";
import type { BlockSpec, CellSpec, ProvenanceSpec, SheetSpec, WorkbookSpec } from "../spec";
import { AUDIT_SHEET_KEY, buildAuditSheet, type AuditInput, type AuditSection } from "./auditSheet";
import { PUBLIC } from "./labels";
import { METHOD_SHEET_KEY, withMethodSheet, type MethodSheetInput } from "./methodSheet";
import { securityAudit } from "./securityAudit";
import { securityChainAudit } from "./securityChainAudit";
import { DEFAULT_SUPPRESSION, assertPublic, guarded, makePublicVersion, type Confidential, type SuppressionRule } from "./publicVersion";
import { assertDeliverable, valuesOnly } from "./sanitize";

export interface DeliverableOptions {
  /** The audit of a workbook, from its own cells: called for the full workbook and again for
   * the public one (whose rows have moved and whose per-project rows are gone). null: none. */
  audit?: (spec: WorkbookSpec, version: "full" | "public") => AuditInput | null;
  /** Method sheet extras (sections for reports without a method sheet of their own). */
  method?: Omit<MethodSheetInput, "provenance" | "lang" | "auditSheet">;
  /** Projects runs: what must not appear in the public version. Without it no public version. */
  confidential?: Confidential;
  rule?: SuppressionRule;
  /** Projects runs: the cells to suppress, worked out on the whole system of published cells
   * (src/report/disclosure); without it the tag-based rule applies. */
  disclosure?: DisclosurePlan;
  /** Sheets of another model on the same input in the full workbook (`ripple demo`'s CGE sheets). */
  fullOnly?: FullOnlyPart;
  /** The same model's sheets the public version may carry (those whose inputs are published:
   * projectsDeliverables decides with the disclosure control); absent: none. */
  publicPart?: FullOnlyPart;
}

/** Sheets of another model appended to a workbook (full or public version). */
export interface FullOnlyPart {
  /** Appended after the results sheets, before the audit and method sheets. */
  sheets: SheetSpec[];
  /** Their checks, as sections of the full workbook's audit sheet. */
  audit?: (spec: WorkbookSpec) => AuditSection[];
  /** Their parameters, method notes and warnings on the full workbook's method sheet (under
   * this title when the report has a method sheet of its own). */
  provenance?: Pick<ProvenanceSpec, "parameters" | "variants" | "warnings"> & { title: string; notes?: string[] };
}

/** The part's method notes appended to a report's own method sheet (which does not list the
 * provenance's variants and parameters itself). */
function methodNotes(sheet: SheetSpec, more: NonNullable<FullOnlyPart["provenance"]>): SheetSpec {
  let row = sheet.blocks.reduce((m, b) => Math.max(m, b.row + b.values.length), 0) + 1;
  const blocks: BlockSpec[] = [];
  const add = (values: CellSpec[][], style: BlockSpec["style"]) => {
    if (!values.length) return;
    blocks.push({ row, col: 0, values, style });
    row += values.length;
  };
  add([[more.title]], "subtitle");
  add((more.notes ?? []).map((n) => [n]), "note");
  add(more.variants.map((v) => [v]), "body");
  add(more.parameters.map((x) => [x.name, x.value, x.source]), "body");
  add(more.warnings.map((w) => [w]), "note");
  return { ...sheet, blocks: [...sheet.blocks, ...blocks] };
}

/** The full workbook's spec and options with the full-only part added. */
function withFullOnly(spec: WorkbookSpec, opts: DeliverableOptions): [WorkbookSpec, DeliverableOptions] {
  const part = opts.fullOnly;
  if (!part) return [spec, opts];
  const p = spec.provenance;
  const more = part.provenance;
  const at = spec.sheets.findIndex((s) => s.key === AUDIT_SHEET_KEY || s.key === METHOD_SHEET_KEY);
  const sheets = at < 0 ? [...spec.sheets, ...part.sheets] : [...spec.sheets.slice(0, at), ...part.sheets, ...spec.sheets.slice(at)];
  const method = sheets.findIndex((s) => s.key === METHOD_SHEET_KEY);
  if (method >= 0 && more) sheets[method] = methodNotes(sheets[method], more);
  const full: WorkbookSpec = {
    ...spec,
    sheets,
    provenance: more && method < 0 ? { ...p, parameters: [...p.parameters, ...more.parameters], variants: [...p.variants, ...more.variants], warnings: [...p.warnings, ...more.warnings] } : p,
  };
  const audit = (s: WorkbookSpec, version: "full" | "public"): AuditInput | null => {
    const own = opts.audit ? opts.audit(s, version) : null;
    const extra = part.audit ? part.audit(s) : [];
    if (!extra.length) return own;
    return { ...(own ?? {}), sections: [...(own?.sections ?? []), ...extra] };
  };
  return [full, { ...opts, audit }];
}

export interface Deliverables {
  full: WorkbookSpec;
  /** The public version (公開版), when confidential data was named. */
  public: WorkbookSpec | null;
}

/** The audit sheet goes just before the method sheet (the last sheet). */
function withAudit(spec: WorkbookSpec, audit: AuditInput | null): WorkbookSpec {
  if (!audit) return spec;
  const sheet = buildAuditSheet(spec, audit, spec.lang);
  const sheets = spec.sheets.filter((s) => s.key !== AUDIT_SHEET_KEY);
  const at = sheets.findIndex((s) => s.key === METHOD_SHEET_KEY);
  if (at < 0) sheets.push(sheet);
  else sheets.splice(at, 0, sheet);
  return { ...spec, sheets };
}

function finish(spec: WorkbookSpec, opts: DeliverableOptions, version: "full" | "public"): WorkbookSpec {
  let audit = opts.audit ? opts.audit(spec, version) : null;
  // The economic-security sheet, in whichever workbook carries it, is audited from its own cells.
  const security = [securityAudit(spec, spec.lang), securityChainAudit(spec, spec.lang)].filter((x) => x !== null);
  if (security.length) audit = { ...(audit ?? {}), sections: [...(audit?.sections ?? []), ...security] };
  if (audit && version === "public") audit = { ...audit, notes: [...(audit.notes ?? []), PUBLIC.auditNote[spec.lang]] };
  let out = withAudit(spec, audit);
  const auditSheet = out.sheets.find((s) => s.key === AUDIT_SHEET_KEY)?.name ?? null;
  out = withMethodSheet(out, { ...opts.method, auditSheet });
  assertDeliverable(out);
  return out;
}

/** The full workbook and, when confidential data is named, its public version, both checked. */
export function makeDeliverables(input: WorkbookSpec, opts: DeliverableOptions = {}): Deliverables {
  const spec = valuesOnly(input);
  const full = finish(...withFullOnly(spec, opts), "full");
  if (!opts.confidential) return { full, public: null };
  // Every printed page of the internal version says so; the public one says what it is.
  full.marking = PUBLIC.internalMark[spec.lang];
  const pub = finish(...withFullOnly(makePublicVersion(spec, opts.rule ?? DEFAULT_SUPPRESSION, opts.confidential, opts.disclosure), { ...opts, fullOnly: opts.publicPart }), "public");
  assertPublic(pub, guarded(opts.confidential, opts.disclosure));
  pub.marking = PUBLIC.publicMark[spec.lang];
  return { full, public: pub };
}

/** "結果.xlsx" -> "結果-公開版.xlsx" / "results-public.xlsx". */
export function publicFileName(path: string, lang: "ja" | "en"): string {
  const m = /^(.*?)(\.xlsx)?$/i.exec(path)!;
  return `${m[1]}-${PUBLIC.suffix[lang]}${m[2] ?? ".xlsx"}`;
}
