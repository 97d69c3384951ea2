// Step 3 of recognition: which rows and columns are sectors. Sectors are the labels that appear
// both as rows and as columns (TABLES.md); when the two directions are labelled differently the
// positional block pairs them in order. Paired lines point at each other (Work.partner).

import { RippleError, type RippleWarning } from "../errors";
import { gridAddress, maxOf, minOf, type Grid } from "../grid";
import type { PositionalAnchor } from "./header";
import { codeKey } from "./normalize";
import { compatible, dimWord, lineWhere, pairAsSector, showLabel, type Work } from "./work";

/** Sector k is the k-th labelled row and the k-th labelled column of the positional block. The
 * pairing is reported, since the labels do not show it. */
export function pairByPosition(grid: Grid, rows: Work[], cols: Work[], p: PositionalAnchor, warnings: RippleWarning[]): void {
  const pairs: [Work, Work][] = [];
  p.sectorRows.forEach((ri, k) => {
    const r = rows.find((w) => w.index === ri);
    const c = cols.find((w) => w.index === p.sectorCols[k]);
    if (r && c) pairs.push([r, c]);
  });
  for (const [r, c] of pairs) pairAsSector(r, c, "position");
  const [r0, c0] = pairs[0];
  const [rn, cn] = pairs[pairs.length - 1];
  warnings.push({
    code: "table.sectors-by-position",
    text: {
      ja: `行ラベルと列ラベルが一致しないため、部門を並び順で対応させました（行「${showLabel(r0)}」＝列「${showLabel(c0)}」… 行「${showLabel(rn)}」＝列「${showLabel(cn)}」、${pairs.length} 部門）。違う場合はラベルを揃えてください。`,
      en: `Row and column labels differ, so sectors were paired in order (row '${showLabel(r0)}' = column '${showLabel(c0)}' … row '${showLabel(rn)}' = column '${showLabel(cn)}', ${pairs.length} sectors). If that is wrong, align the labels.`,
    },
    where: lineWhere(grid, r0),
  });
}

/** Pairs rows with columns of the same label. Dictionary labels (totals, output) pair too but
 * are not sectors unless they sit between sectors in both directions. */
export function pairSectors(grid: Grid, rows: Work[], cols: Work[], keys: Set<string>): void {
  const pairs: [Work, Work][] = [];
  const used = new Set<Work>();
  for (const r of rows) {
    if (!r.key || !keys.has(r.key)) continue;
    const c = cols.find((x) => !used.has(x) && compatible(r, x));
    if (!c) continue;
    used.add(c);
    pairs.push([r, c]);
  }
  // A label that is both a row and a column is a sector whatever words it contains ('Education
  // NPISH', 'Government services'): only a pair that the dictionaries know in both directions
  // (totals, output, 家計外消費支出) needs its position to be called a sector.
  const byLabel = ([r, c]: [Work, Work]) => !r.dict || !c.dict;
  const plain = pairs.filter(byLabel);
  if (plain.length === 0) return;
  const rLo = minOf(plain.map(([r]) => r.index));
  const rHi = maxOf(plain.map(([r]) => r.index));
  const cLo = minOf(plain.map(([, c]) => c.index));
  const cHi = maxOf(plain.map(([, c]) => c.index));
  const sectors = pairs.filter(
    (p) => byLabel(p) || (p[0].index > rLo && p[0].index < rHi && p[1].index > cLo && p[1].index < cHi),
  );
  // A label twice among the sector rows (or columns) cannot be told apart.
  for (const [lines, word] of [
    [rows, dimWord("row")],
    [cols, dimWord("col")],
  ] as const) {
    const seen = new Map<string, Work>();
    for (const w of lines) {
      if (!w.key || w.dict) continue;
      const inBlock = w.dim === "row" ? w.index >= rLo && w.index <= rHi : w.index >= cLo && w.index <= cHi;
      if (!inBlock) continue;
      const id = w.key + "|" + (w.code ? codeKey(w.code) : "");
      const first = seen.get(id) ?? seen.get(w.key + "|");
      if (first) {
        throw new RippleError(
          "table.duplicate-sector",
          {
            ja: `部門「${showLabel(w)}」が${word.ja}ラベルに 2 回あります（${gridAddress(grid, first.at.r, first.at.c)} と ${gridAddress(grid, w.at.r, w.at.c)}）。片方の名前を変えるか、2 つを統合してください。`,
            en: `Sector '${showLabel(w)}' appears twice as a ${word.en} label (${gridAddress(grid, first.at.r, first.at.c)} and ${gridAddress(grid, w.at.r, w.at.c)}). Rename one of them or merge the two.`,
          },
          lineWhere(grid, w),
        );
      }
      seen.set(id, w);
      if (w.code) seen.set(w.key + "|", seen.get(w.key + "|") ?? w);
    }
  }
  for (const [r, c] of sectors) pairAsSector(r, c, "label");
}

/** Sector index by row order; the paired column takes the same index. */
export function numberSectors(rows: Work[], cols: Work[]): void {
  let k = 0;
  for (const r of rows) {
    if (r.role !== "sector") continue;
    r.sector = k;
    r.partner!.sector = k;
    k++;
  }
  for (const c of cols) if (c.role !== "sector") delete c.sector;
}
