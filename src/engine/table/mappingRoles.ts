// Step 4 of recognition: the user's mapping (TABLES.md) wins over detection for the lines it
// names; a label of the mapping that names no line is an error with the nearest labels.

import { RippleError } from "../errors";
import type { Grid } from "../grid";
import { findMappingRole, unusedMappingLabels } from "./mapping";
import type { TableMapping } from "./types";
import { compatible, dimWord, lineWhere, pairAsSector, type Work } from "./work";

/** The user's mapping wins over detection for the lines it names. */
export function applyMapping(grid: Grid, rows: Work[], cols: Work[], mapping: TableMapping | undefined): void {
  if (!mapping) return;
  const hits = { rows: new Set<string>(), cols: new Set<string>() };
  for (const [lines, table, hit] of [
    [rows, mapping.rows, hits.rows],
    [cols, mapping.cols, hits.cols],
  ] as const) {
    if (!table) continue;
    for (const w of lines) {
      const m = findMappingRole(table, w);
      if (!m) continue;
      hit.add(m.label);
      const p = w.partner;
      if (m.role === "sector") {
        if (w.role === "sector") {
          w.source = "mapping";
          continue;
        }
        const other = w.dim === "row" ? cols : rows;
        const partner = other.find((x) => x.role !== "sector" && compatible(w, x));
        if (!partner) {
          throw new RippleError(
            "table.mapping-sector-unpaired",
            {
              ja: `マッピングで「${m.label}」を部門としていますが、同じラベルの${dimWord(w.dim === "row" ? "col" : "row").ja}がありません。ラベルを揃えるか、マッピングを直してください。`,
              en: `The mapping makes '${m.label}' a sector, but no ${dimWord(w.dim === "row" ? "col" : "row").en} has the same label. Align the labels or correct the mapping.`,
            },
            lineWhere(grid, w),
          );
        }
        pairAsSector(w, partner, "mapping");
        continue;
      }
      if (w.role === "sector" && p) {
        // Dropping a sector (e.g. one with zero output): its row and column both leave the block.
        p.role = m.role === "ignore" ? "ignore" : p.role === "sector" ? "ignore" : p.role;
        p.source = "mapping";
        delete p.sector;
        p.partner = undefined;
      }
      w.role = m.role;
      w.source = "mapping";
      if (w.dict?.role === m.role && w.dict.totalOf) w.totalOf = w.dict.totalOf;
      delete w.sector;
      w.partner = undefined;
    }
  }
  const unused = [
    ...unusedMappingLabels(mapping.rows, hits.rows).map((l) => ["row", l] as const),
    ...unusedMappingLabels(mapping.cols, hits.cols).map((l) => ["col", l] as const),
  ];
  if (unused.length > 0) {
    const [dim, label] = unused[0];
    const near = nearestLabels(label, dim === "row" ? rows : cols);
    const hint = near.length ? { ja: ` 近いラベル: ${near.join("、")}。`, en: ` Nearest labels: ${near.map((l) => `'${l}'`).join(", ")}.` } : { ja: "", en: "" };
    throw new RippleError(
      "table.mapping-label-unknown",
      {
        ja: `マッピングの${dimWord(dim).ja}ラベル「${label}」が表のどの${dimWord(dim).ja}にも見つかりません。表に書かれているとおりのラベル（コード、名前、または「コード 名前」）を使ってください。${hint.ja}`,
        en: `The mapping's ${dimWord(dim).en} label '${label}' matches no ${dimWord(dim).en} of the table. Use the label as written in the table (code, name, or 'code name').${hint.en}`,
      },
      { sheet: grid.sheet },
    );
  }
}

/** Up to three labels of the table's lines that look most like a mapping label no line matched
 * (shared character pairs, case-insensitive), so a typo can be corrected from the message. */
export function nearestLabels(label: string, lines: Work[]): string[] {
  const pairs = (t: string) => {
    const u = t.toLowerCase().replace(/\s+/g, " ");
    const out = new Set<string>();
    for (let i = 0; i + 1 < u.length; i++) out.add(u.slice(i, i + 2));
    return out;
  };
  const want = pairs(label);
  if (want.size === 0) return [];
  const scored = lines
    .filter((w) => !w.empty && w.name)
    .map((w) => {
      const text = w.code && w.code !== w.name ? `${w.code} ${w.name}` : w.name;
      const have = pairs(text);
      let common = 0;
      for (const p of want) if (have.has(p)) common++;
      return { text, score: (2 * common) / (want.size + have.size) };
    })
    .filter((x) => x.score >= 0.3)
    .sort((a, b) => b.score - a.score);
  return [...new Set(scored.map((x) => x.text))].slice(0, 3);
}
