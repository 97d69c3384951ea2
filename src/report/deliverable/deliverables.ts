// The full workbook and its public version, each through the same passes: values only on the
// results sheets, the audit sheet, the complete method sheet, and the deliverable checks.

import type { DisclosurePlan } from "../disclosure/suppress";
import type { WorkbookSpec } from "../spec";
import { AUDIT_SHEET_KEY, buildAuditSheet, type AuditInput } from "./auditSheet";
import { PUBLIC } from "./labels";
import { METHOD_SHEET_KEY, withMethodSheet, type MethodSheetInput } from "./methodSheet";
import { securityAudit } from "./securityAudit";
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
  const security = securityAudit(spec, spec.lang);
  if (security) audit = { ...(audit ?? {}), sections: [...(audit?.sections ?? []), security] };
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
  const full = finish(spec, opts, "full");
  if (!opts.confidential) return { full, public: null };
  // Every printed page of the internal version says so; the public one says what it is.
  full.marking = PUBLIC.internalMark[spec.lang];
  const pub = finish(makePublicVersion(spec, opts.rule ?? DEFAULT_SUPPRESSION, opts.confidential, opts.disclosure), opts, "public");
  assertPublic(pub, guarded(opts.confidential, opts.disclosure));
  pub.marking = PUBLIC.publicMark[spec.lang];
  return { full, public: pub };
}

/** "結果.xlsx" -> "結果-公開版.xlsx" / "results-public.xlsx". */
export function publicFileName(path: string, lang: "ja" | "en"): string {
  const m = /^(.*?)(\.xlsx)?$/i.exec(path)!;
  return `${m[1]}-${PUBLIC.suffix[lang]}${m[2] ?? ".xlsx"}`;
}
