// Finding a table printed in two blocks side by side: the final-demand block (or the rest of the
// sectors) to the right of the first, with the row labels printed again between them.

import { RippleError } from "../errors";
import { gridAddress, gridWidth, type Grid } from "../grid";
import { textAt } from "./cells";
import { labelOrCodeKey, type Anchor } from "./header";
import { classifyLabel } from "./labels";
import { codeKey } from "./normalize";
import { range, rowKey, sectorRuns, where } from "./tableBlock";
import type { TableJoin } from "./types";

/**
 * Blocks printed side by side: the final-demand block (or the rest of the sectors) to the right,
 * with the row labels printed again in a column between them. The repeated label column (and a
 * repeated code column beside it) is dropped, after checking that it repeats the first block's
 * labels row by row; a row whose repeated label differs is refused with its cell.
 */
export function findSideBySide(grid: Grid, anchor: Anchor): TableJoin | null {
  // Sector labels only: totals and output are shared labels too (内生部門計, 県内生産額).
  // Most tables have no repeated label column, and finding that needs no dictionary look-up.
  if (!repeatsLabels(grid, anchor)) return null;
  const plain = (k: string | null) => k !== null && anchor.keys.has(k) && !classifyLabel(k.slice(2), "row") && !classifyLabel(k.slice(2), "col");
  const run = sectorRuns(grid, anchor)[0].filter((r) => plain(labelOrCodeKey(grid, r, anchor.col, anchor.keys)));
  if (run.length < 2) return null;
  const nc = gridWidth(grid);
  const sectorCols: number[] = [];
  for (let c = anchor.col + 1; c < nc; c++) {
    if (plain(labelOrCodeKey(grid, anchor.row, c, anchor.keys))) sectorCols.push(c);
  }
  if (sectorCols.length < 2) return null;
  const C0 = sectorCols[0];
  const need = Math.max(2, Math.ceil(run.length / 2));
  const baseLabelCols = range(0, C0 - 1).filter((q) => run.some((r) => textAt(grid, r, q) !== null));
  // Names by their label key; codes (text '01', '10' or numbers) by their code key.
  const keyAt = (r: number, c: number) => rowKey(grid, r, c);
  const codeAt = (r: number, c: number) => {
    const t = textAt(grid, r, c);
    return t === null ? null : codeKey(t);
  };
  // Columns right of the sectors that repeat a label column of the first block in its sector rows.
  const repeats = new Map<number, number>(); // repeated column -> the first block's label column
  for (let c = sectorCols[sectorCols.length - 1] + 1; c < nc; c++) {
    for (const q of baseLabelCols) {
      const same = run.filter((r) => keyAt(r, q) !== null && keyAt(r, c) === keyAt(r, q)).length;
      if (same >= need && q === anchor.col) repeats.set(c, q);
    }
  }
  if (repeats.size === 0) return null;
  // A code column printed next to a repeated name column repeats the first block's code column.
  for (const c of [...repeats.keys()]) {
    for (const q of baseLabelCols.filter((x) => x !== anchor.col)) {
      for (const d of [c - 1, c + 1]) {
        if (repeats.has(d) || d <= sectorCols[sectorCols.length - 1]) continue;
        const same = run.filter((r) => codeAt(r, q) !== null && codeAt(r, d) === codeAt(r, q)).length;
        if (same >= need) repeats.set(d, q);
      }
    }
  }
  // Every label the repeated columns hold below the header is the first block's label of that row.
  for (const [c, q] of repeats) {
    const at = q === anchor.col ? keyAt : codeAt;
    for (let r = run[0]; r < grid.values.length; r++) {
      const k = at(r, c);
      if (k === null && !run.includes(r)) continue;
      if (k !== at(r, q)) throw sideMisalignedError(grid, r, c, q);
    }
  }
  const kept = range(0, nc - 1).filter((c) => !repeats.has(c));
  const first = Math.min(...repeats.keys());
  const last = Math.max(...repeats.keys());
  const bottom = grid.values.length - 1;
  return {
    pieces: [{ fromCol: 0, rows: range(0, grid.values.length - 1), cols: kept }],
    origin: { ...grid.origin },
    blocks: [
      `${gridAddress(grid, anchor.row, anchor.col)}:${gridAddress(grid, bottom, first - 1)}`,
      `${gridAddress(grid, anchor.row, first)}:${gridAddress(grid, bottom, nc - 1 > last ? nc - 1 : last)}`,
    ],
  };
}

/** Whether a column right of the label column holds the label column's key in two rows of the first
 * run of sector rows: what a repeated label column needs (findSideBySide keeps a column that does
 * so in at least two — and half — of the plain sector rows of that run). */
function repeatsLabels(grid: Grid, anchor: Anchor): boolean {
  const nc = gridWidth(grid);
  const hits = new Map<number, number>();
  for (const r of sectorRuns(grid, anchor)[0]) {
    const k = rowKey(grid, r, anchor.col);
    if (k === null) continue;
    const row = grid.values[r] ?? [];
    for (let c = anchor.col + 1; c < nc; c++) {
      const v = row[c];
      // Numbers can only repeat a code (rowKey gives them a "c:" key).
      if (v === null || v === undefined || (typeof v === "number" && !k.startsWith("c:"))) continue;
      if (rowKey(grid, r, c) !== k) continue;
      const n = (hits.get(c) ?? 0) + 1;
      if (n >= 2) return true;
      hits.set(c, n);
    }
  }
  return false;
}

function sideMisalignedError(grid: Grid, r: number, c: number, q: number): RippleError {
  const mine = textAt(grid, r, c) ?? "";
  const theirs = textAt(grid, r, q) ?? "";
  return new RippleError(
    "table.blocks-misaligned",
    {
      ja: `表は左右 2 つの部分に分けて印刷され、行のラベルが ${gridAddress(grid, r, c)} の列にもう一度ありますが、この行では「${mine}」で、最初の部分の「${theirs}」（${gridAddress(grid, r, q)}）と違います。部門の行は両方の部分で同じ並び・同じラベルにしてください。`,
      en: `The table is printed in two parts side by side, with the row labels again in the column of ${gridAddress(grid, r, c)}, but on this row it says '${mine}' where the first part says '${theirs}' (${gridAddress(grid, r, q)}). Give the rows the same order and labels in both parts.`,
    },
    where(grid, r, c),
  );
}
