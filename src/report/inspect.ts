// What the reader recognised in a table, for `ripple inspect` (CLI.md): every row and column with
// its role, cell and reason, the derived lines and why, the import convention and why, and the
// balance checks. Formats only: the roles come from recognizeLayout, the checks from
// engine/table/balance.ts.

import type { Bilingual, Lang } from "../engine/errors";
import { blockingChecks, type TableCheck } from "../engine/table/balance";
import type { Line, TableLayout } from "../engine/table/types";

export interface InspectLine {
  address: string;
  code: string | null;
  name: string;
  role: string;
  reason: string;
  sector?: number;
  totalOf?: string;
  derived?: string;
}

export interface InspectReport {
  file: string;
  sheet: string;
  title: string | null;
  unit: string | null;
  sectorBlock: string;
  sectors: number;
  importType: { type: string; source: string; reason: string };
  rows: InspectLine[];
  cols: InspectLine[];
  derived: InspectLine[];
  /** Blocks beside the table that were not read, being computed from it: where and why. */
  ignoredBlocks: { range: string; reason: string }[];
  checks: { id: string; rule: string; ok: boolean; skipped: boolean; failures: TableCheck["failures"]; notes: TableCheck["notes"] }[];
  /** What stops the table from being used as it is (the run would exit 2), first. */
  problems: string[];
  /** True when every problem is a check that --allow-imbalance (pane: its checkbox) lets a run
   * go past; false when a problem blocks whatever the user allows (no table, Hawkins–Simon). */
  imbalanceOnly: boolean;
  /** What to look at that does not block: warnings and the checks' accepted exceptions. */
  review: string[];
  /** How many rows and columns got each role. */
  counts: { rows: Record<string, number>; cols: Record<string, number> };
  warnings: string[];
}

const SOURCE: Record<Line["source"], Bilingual> = {
  label: { ja: "ラベル（辞書）", en: "label (dictionary)" },
  sum: { ja: "数値（前の行・列の和）", en: "numbers (sum of the lines before it)" },
  position: { ja: "位置", en: "position" },
  mapping: { ja: "マッピング", en: "mapping" },
};

function reasonOf(l: Line, lang: Lang): string {
  if (l.derived) return lang === "ja" ? `数値: ${l.derived.ja}` : `numbers: ${l.derived.en}`;
  if (l.role === "sector") {
    return l.source === "position"
      ? lang === "ja" ? "位置（行と列を並び順で対応）" : "position (rows and columns paired in order)"
      : lang === "ja" ? "行と列の両方にある同じラベル" : "the same label as a row and as a column";
  }
  return SOURCE[l.source][lang];
}

function line(l: Line, lang: Lang): InspectLine {
  const out: InspectLine = { address: l.address, code: l.code, name: l.name, role: l.role, reason: reasonOf(l, lang) };
  if (l.sector !== undefined) out.sector = l.sector;
  if (l.totalOf) out.totalOf = l.totalOf;
  if (l.derived) out.derived = l.derived[lang];
  return out;
}

export function inspectReport(
  input: { file: string; layout: TableLayout; sectors: number; checks: TableCheck[]; buildError: Bilingual | null; warnings: Bilingual[] },
  lang: Lang,
): InspectReport {
  const { layout } = input;
  const rows = layout.rows.map((l) => line(l, lang));
  const cols = layout.cols.map((l) => line(l, lang));
  const problems: string[] = [];
  if (input.buildError) problems.push(input.buildError[lang]);
  const allowable = blockingChecks(input.checks);
  // Hawkins–Simon is the model's own refusal: no allowance runs it, but the user sees it here first.
  const productive = input.checks.filter((c) => c.id === "hawkins-simon" && c.failures.length > 0);
  for (const c of [...allowable, ...productive]) problems.push(problemText(c, lang));
  const review = [
    ...input.warnings.map((w) => w[lang]),
    ...input.checks.flatMap((c) => c.notes.map((f) => `${c.rule[lang]}: ${f.label}${f.cell ? ` (${f.cell})` : ""} = ${f.value}`)),
  ];
  return {
    file: input.file,
    sheet: layout.sheet,
    title: layout.title,
    unit: layout.unit,
    sectorBlock: layout.sectorBlock,
    sectors: input.sectors,
    importType: { type: layout.importType, source: layout.importTypeSource, reason: layout.importTypeReason[lang] },
    rows,
    cols,
    derived: [...rows, ...cols].filter((l) => l.derived),
    ignoredBlocks: (layout.ignoredBlocks ?? []).map((b) => ({ range: b.range, reason: b.reason[lang] })),
    checks: input.checks.map((c) => ({ id: c.id, rule: c.rule[lang], ok: c.failures.length === 0, skipped: c.skipped, failures: c.failures, notes: c.notes })),
    problems,
    imbalanceOnly: !input.buildError && productive.length === 0,
    review,
    counts: { rows: countRoles(layout.rows), cols: countRoles(layout.cols) },
    warnings: input.warnings.map((w) => w[lang]),
  };
}

function countRoles(lines: Line[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of lines) out[l.role] = (out[l.role] ?? 0) + 1;
  return out;
}

const num = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(6))) : "∞");

/** The check named short (the rule with its tolerance is in the checks list). */
const SHORT: Record<TableCheck["id"], Bilingual> = {
  columns: { ja: "列の合計 ≠ 生産額", en: "Columns: inputs + value added ≠ output" },
  rows: { ja: "行の合計 ≠ 生産額", en: "Rows: demand − imports ≠ output" },
  output: { ja: "生産額の行 ≠ 列", en: "Output: row ≠ column" },
  "import-share": { ja: "輸入係数が 0〜1 の範囲外", en: "Import coefficients: outside 0–1" },
  "negative-input": { ja: "大きな負の投入係数", en: "Input coefficients: large negative values" },
  "hawkins-simon": { ja: "ホーキンス＝サイモン条件: 国産投入係数の列和が 1 以上", en: "Hawkins–Simon: a domestic input column sums to 1 or more" },
};

/** One failed check: how many lines, the first with its cell, its value against what it should be. */
function problemText(c: TableCheck, lang: Lang): string {
  const f = c.failures[0];
  const first = `${SHORT[c.id][lang]}: ${c.failures.length} ${lang === "ja" ? "件、最初は" : "failing, first"} ${f.label}${f.cell ? ` (${f.cell})` : ""}`;
  const gap = lang === "ja" ? `差 ${num(f.gap)}` : `gap ${num(f.gap)}`;
  return `${first} — ${num(f.value)} / ${num(f.expected)} (${gap})`;
}

const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - [...s].length));

/** The report as text for the terminal: problems first, then the roles and the checks. */
export function inspectText(r: InspectReport, lang: Lang): string {
  const ja = lang === "ja";
  const out: string[] = [];
  out.push(`${r.file} — ${ja ? "シート" : "sheet"} '${r.sheet}'${r.title ? ` — ${r.title}` : ""}`);
  if (r.problems.length) {
    out.push(ja ? "このままでは使えません:" : "Cannot be used as it is:");
    for (const p of r.problems) out.push(`  ✗ ${p}`);
  }
  out.push(`${ja ? "部門" : "Sectors"}: ${r.sectors} (${r.sectorBlock})${r.unit ? `, ${ja ? "単位" : "unit"} ${r.unit}` : ""}`);
  out.push(`${ja ? "輸入の扱い" : "Import convention"}: ${r.importType.type} — ${r.importType.reason}`);
  for (const [title, lines] of [[ja ? "行" : "Rows", r.rows], [ja ? "列" : "Columns", r.cols]] as const) {
    out.push(`${title}:`);
    for (const l of lines) {
      const label = [l.code, l.name].filter((x) => x).join(" ").replace(/\s+/g, " ");
      const role = l.role + (l.sector !== undefined ? ` #${l.sector + 1}` : "") + (l.totalOf ? ` (${l.totalOf})` : "");
      out.push(`  ${pad(l.address, 6)} ${pad(role, 24)} ${pad(label, 28)} ${l.reason}`);
    }
  }
  if (r.derived.length) {
    out.push(ja ? "計算された行・列（使いません）:" : "Derived lines (not used):");
    for (const l of r.derived) out.push(`  ${l.address} ${l.name}: ${l.derived}`);
  }
  if (r.ignoredBlocks.length) {
    out.push(ja ? "表の外のブロック（使いません）:" : "Blocks beside the table (not used):");
    for (const b of r.ignoredBlocks) out.push(`  ${b.range}: ${b.reason}`);
  }
  out.push(ja ? "検算:" : "Checks:");
  for (const c of r.checks) {
    const mark = c.skipped ? "–" : c.ok ? "✓" : "✗";
    out.push(`  ${mark} ${c.rule}${c.skipped ? (ja ? "（比べる行・列がないため省略）" : " (skipped: nothing to compare)") : ""}`);
    for (const f of c.failures.slice(0, 5)) out.push(`      ${f.label}${f.cell ? ` (${f.cell})` : ""}: ${f.value} / ${f.expected} (${ja ? "差" : "gap"} ${f.gap}, ${ja ? "許容差" : "tolerance"} ${f.tolerance})`);
    if (c.failures.length > 5) out.push(`      … ${c.failures.length - 5}`);
    for (const f of c.notes.slice(0, 5)) out.push(`      ${ja ? "注記" : "note"}: ${f.label}${f.cell ? ` (${f.cell})` : ""}: ${f.value}`);
  }
  if (r.warnings.length) {
    out.push(ja ? "警告:" : "Warnings:");
    for (const w of r.warnings) out.push(`  ${w}`);
  }
  return out.join("\n") + "\n";
}
