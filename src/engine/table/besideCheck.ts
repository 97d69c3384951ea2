// Judging a block printed beside the table (found and taken out by besideBlocks.ts) once the
// table is recognised: by its numbers, never by its labels. A block whose every column is
// computed from the table — the input coefficients of a sector (Z_ij / x_j), its column of the
// Leontief inverse ((I − A)⁻¹ or MIC's (I − (I − M̂)A)⁻¹), the import
// coefficients (|imports| / domestic demand, MIC's convention), or a line derived.ts knows (an
// absolute value, a ratio of two columns, a share, a running total) — is ignored, with the
// reason shown by `ripple inspect`. Anything else is refused, naming the block: read as part of
// the table it could be final demand or imports, and a wrong number is worse than a refusal.

import { RippleError, type Bilingual } from "../errors";
import { pieceCell, type Grid } from "../grid";
import { LU } from "../model/lu";
import type { BesideBlock } from "./besideBlocks";
import { numOrNaN, textAt } from "./cells";
import { halfUnit } from "./balance";
import { derivedReason, findDerived } from "./derived";
import { lineKeys } from "./mapping";
import { codeKey, labelKey } from "./normalize";
import type { Anchor } from "./header";
import { rowKey } from "./tableBlock";
import type { Line, TableLayout } from "./types";

/** A block beside the table that was not read, and why (for `ripple inspect` and the pane). */
export interface IgnoredBlock {
  range: string;
  reason: Bilingual;
}

/** The table's numbers a block may be computed from, over the sectors in order. */
interface TableNumbers {
  rows: Line[];
  /** Sheet row of each sector row (the joined grid's first part holds the label column). */
  sheetRows: number[];
  /** Input coefficients by column (sector j -> A_·j), or null without output. */
  A: number[][] | null;
  /** |imports| / (intermediate + domestic final demand) by sector, or null without imports. */
  m: number[] | null;
  /** The table's columns other than the sectors, over the sectors, and their names. */
  lines: number[][];
  names: string[];
  /** Sector index of a column label's key. */
  sectorOf: Map<string, number>;
  /** Column j of the Leontief inverse (I − A)⁻¹, and of MIC's (I − (I − M̂)A)⁻¹ with imports;
   * factored on first use (a block of inverse coefficients beside the table). */
  inverse: (j: number) => { open: number[]; competitive: number[] | null } | null;
}

/** The numbers of the recognised table, leaving out the lines read from the sheet columns
 * `skip` (a block the table took in by its labels, being judged). */
function tableNumbers(grid: Grid, layout: TableLayout, skip: ReadonlySet<number>): TableNumbers {
  const sheetCol = (l: Line) => (grid.pieces ? pieceCell(grid.pieces, 0, l.index).col : l.index);
  layout = { ...layout, cols: layout.cols.filter((l) => !skip.has(sheetCol(l))) };
  const bySector = (ls: Line[]) => ls.filter((l) => l.role === "sector").sort((a, b) => a.sector! - b.sector!);
  const rows = bySector(layout.rows);
  const cols = bySector(layout.cols);
  const col = (c: number) => rows.map((r) => numOrNaN(grid, r.index, c));
  const Z = rows.map((r) => cols.map((c) => numOrNaN(grid, r.index, c.index)));
  const outRow = layout.rows.find((l) => l.role === "output");
  const outCol = layout.cols.find((l) => l.role === "output");
  const x = outRow ? cols.map((c) => numOrNaN(grid, outRow.index, c.index)) : outCol ? col(outCol.index) : null;
  const A = x ? cols.map((_, j) => rows.map((_, i) => Z[i][j] / x[j])) : null;
  const sumOf = (pred: (l: Line) => boolean) =>
    rows.map((_, i) => layout.cols.filter(pred).reduce((s, l) => s + numOrNaN(grid, rows[i].index, l.index), 0));
  const imports = layout.cols.some((l) => l.role === "import") ? sumOf((l) => l.role === "import") : null;
  const fd = sumOf((l) => l.role.startsWith("fd:"));
  const m = imports ? rows.map((_, i) => Math.abs(imports[i]) / (Z[i].reduce((s, z) => s + z, 0) + fd[i])) : null;
  // Sources of derived columns: the lines beside the sectors (final demand, totals, output).
  const data = layout.cols.filter((l) => l.role !== "sector" && l.derived === undefined);
  const sectorOf = new Map<string, number>();
  for (const c of cols) for (const k of lineKeys(c)) sectorOf.set(k, c.sector!);
  let lus: { open: LU; competitive: LU | null } | null | undefined;
  const inverse = (j: number) => {
    if (lus === undefined) lus = A ? factorInverses(A, m) : null;
    if (!lus) return null;
    const e = rows.map((_, i) => (i === j ? 1 : 0));
    return { open: [...lus.open.solve(e)], competitive: lus.competitive ? [...lus.competitive.solve(e)] : null };
  };
  return {
    rows,
    sheetRows: rows.map((r) => (grid.pieces ? grid.pieces[0].rows[r.index] ?? r.index : r.index)),
    A,
    m,
    lines: data.map((l) => col(l.index)),
    names: data.map((l) => l.name || l.code || l.address),
    sectorOf,
    inverse,
  };
}

/** LU of I − A and of I − (I − M̂)A (A by column: A[j][i] = a_ij); null when singular or not
 * finite (a block then cannot be an inverse of this table, and is refused). */
function factorInverses(A: number[][], m: number[] | null): { open: LU; competitive: LU | null } | null {
  const n = A.length;
  const matrix = (scale: (i: number) => number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0) - scale(i) * A[j][i]));
  if (A.some((col) => col.some((a) => !Number.isFinite(a)))) return null;
  try {
    return { open: LU.factor(matrix(() => 1)), competitive: m && m.every(Number.isFinite) ? LU.factor(matrix((i) => 1 - m[i])) : null };
  } catch {
    return null;
  }
}

/** v equals want in every sector, within the digits the column is printed to (its finest
 * printed digit: 0.1 in a column of six decimals is 0.100000, not 0.1 ± 0.05) and a relative
 * 1e-6, with enough non-zero cells that agreeing means something. */
function same(v: number[], want: number[]): boolean {
  if (v.some((x, i) => !Number.isFinite(x) || !Number.isFinite(want[i]))) return false;
  const half = Math.min(...v.filter((x) => x !== 0).map(halfUnit));
  if (!v.every((x, i) => Math.abs(x - want[i]) <= half + 1e-6 * Math.abs(want[i]) + 1e-12)) return false;
  return v.filter((x) => x !== 0).length >= Math.min(3, v.length);
}

/** Why one column of a block is computed from the table, or null. */
function explain(sheet: Grid, t: TableNumbers, b: BesideBlock, c: number): Bilingual | null {
  const v = t.sheetRows.map((r) => numOrNaN(sheet, r, c));
  const j = b.header
    .map((r) => textAt(sheet, r, c))
    .map((s) => (s === null ? undefined : t.sectorOf.get(labelKey(s)) ?? t.sectorOf.get(codeKey(s))))
    .find((k) => k !== undefined);
  if (j !== undefined && t.A && same(v, t.A[j])) {
    return { ja: "投入係数（中間投入 ÷ 生産額）", en: "input coefficients (intermediate input / output)" };
  }
  const inv = j !== undefined ? t.inverse(j) : null;
  if (inv && inv.competitive && same(v, inv.competitive)) {
    return { ja: "逆行列係数 (I − (I − M̂)A)⁻¹", en: "Leontief inverse coefficients (I − (I − M̂)A)⁻¹" };
  }
  if (inv && same(v, inv.open)) return { ja: "逆行列係数 (I − A)⁻¹", en: "Leontief inverse coefficients (I − A)⁻¹" };
  if (t.m && same(v, t.m)) {
    return { ja: "輸入係数（輸入 ÷ 国内需要）", en: "import coefficients (imports / domestic demand)" };
  }
  const found = findDerived([...t.lines, v], [t.lines.length]).get(t.lines.length);
  return found ? derivedReason(found, [...t.names, ""]) : null;
}

/** Why each column of a block is computed from the table, or null when one is not. */
function explainBlock(sheet: Grid, anchor: Anchor, t: TableNumbers, b: BesideBlock): Bilingual[] | null {
  // Labels printed again before the block must be the table's, row by row.
  if (!b.labelCols.every((c) => t.sheetRows.every((r) => rowKey(sheet, r, c) === rowKey(sheet, r, anchor.col)))) return null;
  const last = b.header[b.header.length - 1];
  const withNumbers = b.cols.filter((c) => sheet.values.some((row, r) => r > last && typeof row[c] === "number"));
  const why = withNumbers.map((c) => explain(sheet, t, b, c));
  return why.every((w) => w !== null) ? (why as Bilingual[]) : null;
}

/** Whether a block the table took in by its labels is in fact computed from the table. */
export function isComputedBlock(sheet: Grid, anchor: Anchor, grid: Grid, layout: TableLayout, b: BesideBlock): boolean {
  return explainBlock(sheet, anchor, tableNumbers(grid, layout, new Set([...b.labelCols, ...b.cols])), b) !== null;
}

/**
 * The blocks beside the table that are computed from it, with the reason; throws for the first
 * block that is not. `sheet` is the sheet's grid (the blocks' cells), `grid` and `layout` the
 * recognised table (a joined grid when the table is printed in blocks).
 */
export function judgeBesideBlocks(sheet: Grid, anchor: Anchor, grid: Grid, layout: TableLayout, blocks: BesideBlock[]): IgnoredBlock[] {
  const t = tableNumbers(grid, layout, new Set());
  return blocks.map((b) => {
    const why = explainBlock(sheet, anchor, t, b);
    if (!why) throw besideBlockError(sheet, b);
    const kinds = (lang: "ja" | "en") => [...new Set(why.map((w) => w[lang]))].join(lang === "ja" ? "、" : "; ");
    return {
      range: b.range,
      reason: {
        ja: `表の右の ${b.range}（${b.names || "見出しなし"}）は${kinds("ja")}で、この表の数値から計算した値と一致するため、表の一部として読みません。`,
        en: `The block beside the table at ${b.range} (${b.names || "no headers"}) is ${kinds("en")}, equal to values computed from this table's numbers, so it is not read as part of the table.`,
      },
    };
  });
}

/** The refusal; the sheet is named by the message's place (sheet and range), not repeated. */
function besideBlockError(sheet: Grid, b: BesideBlock): RippleError {
  return new RippleError(
    "table.block-beside",
    {
      ja: `表の右の ${b.range}（${b.names || "見出しなし"}）は、最終需要や生産額の列を持たず、この表の数値から計算した値（投入係数・輸入係数など）とも一致しません。表の一部として読むと誤った数値になるおそれがあるため読みません。使う表の範囲だけを選ぶか、その部分を別のシートに移すか削除してください。`,
      en: `The block beside the table at ${b.range} (${b.names || "no headers"}) has no final-demand or output column and does not equal values computed from this table (input or import coefficients, say). Read as part of the table it could give wrong numbers, so it is not read: select only the table's range, or move that block to another sheet or delete it.`,
    },
    { sheet: sheet.sheet, cell: b.range },
  );
}
