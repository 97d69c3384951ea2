// The short human summary printed after a run: total effects by stage and where the results
// went. Numbers rounded for reading only; the workbook and the JSON keep full precision.
import type { Lang } from "../engine/errors";
import { groupedFixed } from "./numberText";
import type { AnalysisResult } from "../engine/model/result";
import { MEASURES, STAGES, STAGE_ORDER, TEXT, personsLabel, unitLabel, withUnit, type MeasureKey } from "../report/labels";

/** Display width: East Asian wide characters take two columns. */
function width(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\uffdc]/.test(ch) && !/[\uff61-\uff9f]/.test(ch) ? 2 : 1;
  return n;
}
const padEnd = (s: string, w: number) => s + " ".repeat(Math.max(0, w - width(s)));
const padStart = (s: string, w: number) => " ".repeat(Math.max(0, w - width(s))) + s;

const fmt = groupedFixed;

export function summaryText(result: AnalysisResult, unit: string | null, lang: Lang): string {
  const lines: string[] = [];
  const impact = result.impact;
  const u = unitLabel(unit, lang);
  if (!impact) {
    lines.push(TEXT.noShock[lang]);
    const b = result.linkages.backward;
    const top = b
      .map((v, i) => ({ v, i }))
      .sort((x, y) => y.v - x.v)
      .slice(0, 3)
      .map(({ v, i }) => `${result.sectors[i]} ${fmt(v, 3)}`);
    lines.push(`${lang === "ja" ? "影響力係数の上位" : "Highest backward linkage"}: ${top.join(", ")}`);
    return lines.join("\n") + "\n";
  }
  const measures: MeasureKey[] = ["output", "valueAdded", "compensation"];
  if (impact.total.employment) measures.push("employment");
  const header = [lang === "ja" ? "段階" : "Stage", ...measures.map((m) => withUnit(MEASURES[m], m === "employment" ? personsLabel(lang) : u, lang))];
  const rows = STAGE_ORDER.map((k) => [
    STAGES[k][lang],
    ...measures.map((m) => {
      const v = (impact[k][m] as number[]).reduce((a, b) => a + b, 0);
      return fmt(v, m === "employment" ? 0 : 1);
    }),
  ]);
  const widths = header.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c]))));
  const line = (r: string[]) => r.map((s, c) => (c === 0 ? padEnd(s, widths[c]) : padStart(s, widths[c]))).join("  ");
  lines.push(line(header));
  for (const r of rows) lines.push(line(r));
  lines.push(`${TEXT.multiple[lang]}: ${fmt(impact.multiple, 3)}`);
  return lines.join("\n") + "\n";
}
