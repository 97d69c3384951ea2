// The terminal lines of `ripple compare`: each headline old → new, then each step's effect.

import type { Lang } from "../engine/errors";
import { GROUP_NAMES, headlineName } from "../report/compareReport";
import type { CompareResult } from "../report/compareModel";

const num = (v: number | null | undefined) =>
  typeof v === "number" ? v.toLocaleString("en-US", { maximumFractionDigits: 2 }) : "—";

/** A ratio (the market KPI) as a percentage, its change in points. */
const pct = (v: number | null | undefined) => (typeof v === "number" ? (v * 100).toFixed(1) : "—");

export function compareSummary(r: CompareResult, lang: Lang): string {
  const ja = lang === "ja";
  const lines = [ja ? `前回 ${r.old.file} → 今回 ${r.new.file}` : `Old ${r.old.file} → new ${r.new.file}`];
  for (const h of r.headlines) {
    const sign = h.change !== null && h.change >= 0 ? "+" : "";
    if (h.key === "kpiRatio") lines.push(`  ${headlineName(h.key, r.unit, lang)}: ${pct(h.old)} → ${pct(h.new)} (${sign}${pct(h.change)} ${ja ? "ポイント" : "points"})`);
    else lines.push(`  ${headlineName(h.key, r.unit, lang)}: ${num(h.old)} → ${num(h.new)} (${sign}${num(h.change)})`);
  }
  for (const p of r.parameters) lines.push(`  ${ja ? "パラメータ" : "parameter"} ${p.name[lang]}: ${p.old ?? "—"} → ${p.new ?? "—"}`);
  for (const p of r.plans) lines.push(`  ${ja ? "計画" : "plan"} ${p.id}: ${p.change}${p.fields.length ? ` (${p.fields.map((f) => f.field).join(", ")})` : ""}`);
  if (r.steps.length === 0) lines.push(ja ? "  入力の変更なし" : "  no input changed");
  r.steps.forEach((s, i) => {
    const first = r.headlines[0];
    const v = first ? (first.key === "kpiRatio" ? `${pct(s.effects[first.key])} ${ja ? "ポイント" : "points"}` : num(s.effects[first.key])) : "";
    lines.push(`  ${i + 1}. ${s.groups.map((g) => GROUP_NAMES[g][lang]).join(" + ")}: ${first ? `${headlineName(first.key, r.unit, lang)} ${v}` : ""}`);
  });
  return lines.join("\n") + "\n";
}
