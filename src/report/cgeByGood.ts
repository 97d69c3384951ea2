// The CGE results by good: 8 variables × (benchmark, scenario, change) and the quota rent, 25
// figure columns. Printed one page wide they shrank to an unreadable scale, so the table is laid
// out in blocks of at most 9 figure columns, one under the other, each with its own header row
// and the goods repeated (as the audit sheet lays out its wide tables). Whoever reads the table
// (its charts, the calibration audit) finds a column by its header, not by its position.

import type { Bilingual, Lang } from "../engine/errors";
import type { CgeRun } from "../engine/cge";
import { CGE_LABELS } from "./cgeLabels";
import { percentFormat } from "./percentFormat";
import type { SheetBuilder } from "./sheetBuilder";
import type { CellSpec, SheetSpec } from "./spec";

export type ByGoodVar = "Z" | "D" | "E" | "M" | "Q" | "pz" | "pq" | "pd";
/** Which of a variable's three columns. */
export type ByGoodColumn = "base" | "scen" | "pct";

/** The blocks, top to bottom: quantities of supply, then of use (with the quota rent, which
 * imports earn), then the prices. */
const BLOCKS: (ByGoodVar | "rent")[][] = [
  ["Z", "D", "E"],
  ["M", "Q", "rent"],
  ["pz", "pq", "pd"],
];

const FMT = { value: "#,##0.000", price: "0.000000" };

/** A column's header text: the variable and which of its columns ("国内生産 Z 基準"); the rent
 * has one column. */
export function byGoodHeader(v: ByGoodVar | "rent", which: ByGoodColumn, lang: Lang): string {
  const tr = (b: Bilingual) => b[lang];
  if (v === "rent") return tr(CGE_LABELS.rent);
  const part = which === "base" ? CGE_LABELS.base : which === "scen" ? CGE_LABELS.scen : CGE_LABELS.pctCol;
  return `${tr(CGE_LABELS[v])} ${tr(part)}`;
}

function values(r: CgeRun, v: ByGoodVar, i: number): [number, number] {
  const s = r.solution ?? r.benchmark;
  const b = r.benchmark;
  return v === "Z" ? [r.calibration.Z0[i], s.Z[i]] : [b[v][i], s[v][i]];
}

const change = (a: number, b: number): number | null => (b === 0 ? null : a / b - 1);

/** Adds the blocks at the builder's row, a blank row between them; returns their rows (header
 * and goods), each to be kept on one page when printed. */
export function addByGood(sh: SheetBuilder, r: CgeRun, lang: Lang): { row: number; rows: number }[] {
  const goods = r.calibration.goods;
  const keep: { row: number; rows: number }[] = [];
  BLOCKS.forEach((vars, k) => {
    if (k > 0) sh.skip();
    const header: CellSpec[] = [lang === "ja" ? CGE_LABELS.good.ja : CGE_LABELS.good.en];
    const formats: (string | null)[] = [null];
    const rows: CellSpec[][] = goods.map((g) => [g]);
    for (const v of vars) {
      if (v === "rent") {
        header.push(byGoodHeader(v, "base", lang));
        formats.push(FMT.value);
        goods.forEach((_, i) => rows[i].push(r.solution ? r.solution.rents[i] : 0));
        continue;
      }
      const f = v.startsWith("p") ? FMT.price : FMT.value;
      header.push(byGoodHeader(v, "base", lang), byGoodHeader(v, "scen", lang), byGoodHeader(v, "pct", lang));
      const pct = goods.map((_, i) => {
        const [v0, v1] = values(r, v, i);
        rows[i].push(v0, v1, change(v1, v0));
        return change(v1, v0);
      });
      // each % column with the decimals its smallest change needs
      formats.push(f, f, percentFormat(pct));
    }
    keep.push({ row: sh.add([header], "header"), rows: 1 + rows.length });
    sh.add(rows, "body", formats);
  });
  return keep;
}

/** Where a column of the by-good table is: the first row of its goods and its column, found by
 * the header text over a block whose rows are the goods in order; null when the sheet has none. */
export function findByGood(sheet: Pick<SheetSpec, "blocks">, goods: readonly string[], v: ByGoodVar | "rent", which: ByGoodColumn, lang: Lang): { row: number; col: number } | null {
  const label = byGoodHeader(v, which, lang);
  for (const h of sheet.blocks) {
    if (h.style !== "header" || h.values.length !== 1) continue;
    const k = h.values[0].indexOf(label);
    if (k < 0) continue;
    const body = sheet.blocks.find((b) => b.row === h.row + 1 && b.col === h.col && b.values.length === goods.length && b.values.every((row, i) => row[0] === goods[i]));
    if (body) return { row: body.row, col: body.col + k };
  }
  return null;
}
