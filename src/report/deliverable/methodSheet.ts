// The 方法・出典 (method & sources) sheet of any results workbook, built from its ProvenanceSpec:
// inputs with checksums, the confirmed table mapping, model variants, report-specific sections,
// every parameter with its value and source (default file and grade, or entered by the user),
// warnings, the public version's suppression rule, software, version and date — enough for a
// reviewer to reproduce the run.

import { ROLE_NAMES, SOURCE_NAMES } from "../labels";
import type { Role, RoleSource } from "../../engine/table/types";
import type { Bilingual, Lang } from "../../engine/errors";
import type { TableLayout } from "../../engine/table/types";
import type { BlockSpec, CellSpec, ProvenanceSpec, SheetSpec, WorkbookSpec } from "../spec";
import { METHOD } from "./labels";

export const METHOD_SHEET_KEY = "methods";

/** A titled block of rows specific to a report (e.g. the import convention and why). */
export interface MethodSection {
  title: string;
  rows: CellSpec[][];
  /** Header row of the section's table, if it is one. */
  header?: CellSpec[];
}

export interface MethodSheetInput {
  provenance: ProvenanceSpec;
  lang: Lang;
  /** Sections placed after the model variants. */
  sections?: MethodSection[];
  /** The workbook's audit sheet, named in the reproduction note. */
  auditSheet?: string | null;
}

type Mapping = NonNullable<ProvenanceSpec["mapping"]>;

/** The confirmed mapping of a recognised table: the role of every row and column of its body,
 * with the cell of its label and how the role was decided. */
export function mappingFromLayout(layout: TableLayout): Mapping {
  const line = (axis: "row" | "col") => (l: TableLayout["rows"][number]) => ({
    axis,
    address: `${layout.sheet}!${l.address}`,
    label: [l.code, l.name].filter((x) => x).join(" "),
    role: l.role,
    how: l.source,
  });
  return [...layout.rows.map(line("row")), ...layout.cols.map(line("col"))];
}

class Rows {
  readonly blocks: BlockSpec[] = [];
  row = 0;
  add(values: CellSpec[][], style?: BlockSpec["style"]): void {
    if (values.length) this.blocks.push(style ? { row: this.row, col: 0, values, style } : { row: this.row, col: 0, values });
    this.row += values.length;
  }
  skip(): void {
    this.row++;
  }
}

/** The parts every results workbook needs, as blocks starting at `row`. Used both for a full
 * sheet and to complete a report's own method sheet. */
function methodBlocks(input: MethodSheetInput, out: Rows, parts: { base: boolean }): void {
  const { provenance: p, lang } = input;
  const tr = (b: Bilingual) => b[lang];
  if (parts.base) {
    out.add([[tr(METHOD.inputs)]], "subtitle");
    out.add([[tr(METHOD.description), tr(METHOD.sheetCol), tr(METHOD.range), tr(METHOD.checksum)]], "header");
    out.add(
      p.inputs.length
        ? p.inputs.map((i) => [i.description, i.sheet ?? null, i.range ?? null, i.checksum ?? null])
        : [[tr(METHOD.noInputs)]],
      "body",
    );
    out.skip();
  }
  if (p.mapping?.length) {
    out.add([[tr(METHOD.mapping)]], "subtitle");
    out.add([[tr(METHOD.axis), tr(METHOD.address), tr(METHOD.label), tr(METHOD.role), tr(METHOD.how)]], "header");
    out.add(
      p.mapping.map((m) => [
        tr(m.axis === "row" ? METHOD.row : METHOD.col),
        m.address,
        m.label,
        ROLE_NAMES[m.role as Role]?.[lang] ?? m.role,
        m.how ? (SOURCE_NAMES[m.how as RoleSource]?.[lang] ?? m.how) : null,
      ]),
      "body",
    );
    out.skip();
  }
  if (parts.base) {
    out.add([[tr(METHOD.variants)]], "subtitle");
    out.add(p.variants.length ? p.variants.map((v) => [v]) : [[tr(METHOD.noWarnings)]], "body");
    out.skip();
    for (const s of input.sections ?? []) {
      out.add([[s.title]], "subtitle");
      if (s.header) out.add([s.header], "header");
      out.add(s.rows, "body");
      out.skip();
    }
    out.add([[tr(METHOD.parameters)]], "subtitle");
    out.add([[tr(METHOD.name), tr(METHOD.value), tr(METHOD.source), tr(METHOD.grade), tr(METHOD.file)]], "header");
    out.add(
      p.parameters.map((x) => [
        x.name,
        x.value,
        x.user ? tr(METHOD.userEntered) : x.source,
        x.user ? null : x.grade ?? null,
        x.user ? null : x.file ?? null,
      ]),
      "body",
    );
    out.skip();
    out.add([[tr(METHOD.warnings)]], "subtitle");
    out.add(p.warnings.length ? p.warnings.map((w) => [w]) : [[tr(METHOD.noWarnings)]], "body");
    out.skip();
  }
  if (p.suppression) {
    out.add([[tr(METHOD.suppression)]], "subtitle");
    out.add([[p.suppression]], "body");
    out.skip();
  }
  out.add([[tr(METHOD.reproduce)]], "subtitle");
  out.add([[tr(METHOD.reproduceText)], [tr(METHOD.deliverable)]], "body");
  if (input.auditSheet) out.add([[`→ ${input.auditSheet}`]], "body");
  out.skip();
  if (parts.base) {
    out.add(
      [
        [tr(METHOD.software), p.software],
        [tr(METHOD.version), p.version],
        [tr(METHOD.createdAt), p.createdAt],
      ],
      "body",
    );
  }
}

/** A complete 方法・出典 sheet from the provenance. */
export function buildMethodSheet(input: MethodSheetInput): SheetSpec {
  const out = new Rows();
  out.add([[METHOD.sheet[input.lang]]], "title");
  out.skip();
  methodBlocks(input, out, { base: true });
  return { key: METHOD_SHEET_KEY, name: METHOD.sheet[input.lang], blocks: out.blocks, columnWidths: { 0: 30, 1: 40, 2: 56, 3: 20, 4: 30 } };
}

/** The workbook with a complete method sheet: a report's own method sheet (key "methods") is
 * kept and completed with what it lacks (mapping, suppression rule, reproduction note); a
 * workbook without one gets the full sheet. Parameter grades and files are added in a table
 * of their own when the report's sheet could not show them. */
export function withMethodSheet(spec: WorkbookSpec, extra: Omit<MethodSheetInput, "provenance" | "lang"> = {}): WorkbookSpec {
  const input: MethodSheetInput = { ...extra, provenance: spec.provenance, lang: spec.lang };
  const at = spec.sheets.findIndex((s) => s.key === METHOD_SHEET_KEY);
  if (at < 0) return { ...spec, sheets: [...spec.sheets, buildMethodSheet(input)] };
  const own = spec.sheets[at];
  // The public version writes its rule on the method sheet itself; say it once.
  const says = (text: string) => own.blocks.some((b) => b.values.some((row) => row.includes(text)));
  if (input.provenance.suppression && says(input.provenance.suppression))
    input.provenance = { ...input.provenance, suppression: undefined };
  const out = new Rows();
  out.row = own.blocks.reduce((m, b) => Math.max(m, b.row + b.values.length), 0) + 1;
  const graded = spec.provenance.parameters.filter((x) => x.grade || x.file);
  if (graded.length) {
    const tr = (b: Bilingual) => b[spec.lang];
    out.add([[`${tr(METHOD.parameters)}: ${tr(METHOD.grade)} / ${tr(METHOD.file)}`]], "subtitle");
    out.add([[tr(METHOD.name), tr(METHOD.value), tr(METHOD.grade), tr(METHOD.file)]], "header");
    out.add(graded.map((x) => [x.name, x.value, x.grade ?? null, x.file ?? null]), "body");
    out.skip();
  }
  methodBlocks(input, out, { base: false });
  const sheets = spec.sheets.slice();
  sheets[at] = { ...own, blocks: [...own.blocks, ...out.blocks] };
  return { ...spec, sheets };
}
