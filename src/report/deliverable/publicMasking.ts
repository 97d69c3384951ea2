// The public version's masking: every confidential name or figure left anywhere (cells, sheet names,
// charts, provenance) replaced, and the check that none is left (confidentialLeaks, assertPublic).
import { RippleError, type Lang } from "../../engine/errors";
import { isFormulaCell, uniqueSheetName, type CellSpec, type WorkbookSpec } from "../spec";
import { maskNames, normalizeName } from "../disclosure/normalize";
import { PUBLIC } from "./labels";
import { chartRanges } from "./publicSheetEdits";
import type { Confidential } from "./publicVersion";

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The text forms a figure may take in labels: 1200, 1,200, 1200.5, 1,200.5. */
export function numberForms(x: number): string[] {
  const forms = new Set([String(x), x.toLocaleString("en-US", { maximumFractionDigits: 10 })]);
  return [...forms].filter((f) => f.replace(/[^0-9]/g, "").length >= 2);
}

export interface Masker {
  text: (s: string) => string;
  number: (x: number) => boolean;
}

export function masker(conf: Confidential, lang: Lang): Masker {
  // Names are found after normalisation (width, spaces, case, dashes): "例示磁石株式会社Ａ" too.
  const strings = [...new Set(conf.strings.map((s) => s.trim()).filter((s) => normalizeName(s).length > 0))];
  const numbers = conf.numbers.filter((x) => Number.isFinite(x) && x !== 0);
  const forms = [...new Set(numbers.flatMap(numberForms))].sort((a, b) => b.length - a.length);
  const numberRe = forms.length ? new RegExp(`(?<![0-9A-Za-z.,])(?:${forms.map(escapeRe).join("|")})(?![0-9A-Za-z]|[.,][0-9])`, "g") : null;
  return {
    text: (s) => {
      let t = strings.length ? maskNames(s, strings, PUBLIC.masked[lang]) : s;
      if (numberRe) t = t.replace(numberRe, PUBLIC.dash);
      return t;
    },
    number: (x) => numbers.some((y) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y))),
  };
}

/** Masks text in place everywhere and replaces confidential figures in cells; returns how many
 * cells held a confidential figure. */
export function maskEverywhere(spec: WorkbookSpec, conf: Confidential): number {
  const m = masker(conf, spec.lang);
  let count = 0;
  const cell = (v: CellSpec): CellSpec => {
    if (typeof v === "string") return m.text(v);
    if (typeof v === "number" && m.number(v)) {
      count++;
      return PUBLIC.dash;
    }
    if (isFormulaCell(v) && typeof v.value === "number" && m.number(v.value)) {
      count++;
      return PUBLIC.dash;
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
  const val = (v: string | number) => (typeof v === "string" ? m.text(v) : m.number(v) ? PUBLIC.dash : v);
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
