// Joining the blocks of a table printed one below the other (found in blocks.ts) side by side
// into one grid: the rows of every later block go to the row of the first block with the same
// label, every cell keeping its sheet address (Grid.pieces). A row that does not line up (missing
// from a block, only in a later block within the sector rows, or with another code) is refused
// with its cell, never joined by position.

import { RippleError } from "../errors";
import { gridAddress, type Grid, type GridPiece } from "../grid";
import { isEmpty, textAt } from "./cells";
import type { Anchor } from "./header";
import { codeKey, isCodeLike } from "./normalize";
import { blockName, range, rowEmpty, rowKey, where, type Block } from "./tableBlock";
import type { TableJoin } from "./types";

/** Codes of a row other than its key (a code column beside the name column), for the check that
 * two rows joined by name do not carry different codes. */
function rowCodes(grid: Grid, r: number, labelCols: number[]): (string | null)[] {
  return labelCols.map((c) => {
    const t = textAt(grid, r, c);
    return t !== null && isCodeLike(t) ? codeKey(t) : null;
  });
}

/** The joined grid's rows: the first block's, with room for the later blocks' headers aligned at
 * their name rows, then rows that only a later block has. */
export function joinLayout(grid: Grid, anchor: Anchor, blocks: Block[], runs: number[][]): TableJoin {
  const base = blocks[0];
  const later = blocks.slice(1);
  const above = Math.max(0, ...later.map((b) => b.nameRow - b.header[0]));
  const below = Math.max(0, ...later.map((b) => b.first - 1 - b.nameRow));
  const topPad = Math.max(0, above - anchor.row);
  const pad = Math.max(0, below - (base.first - 1 - anchor.row));
  const baseRows: (number | null)[] = [
    ...new Array<number | null>(topPad).fill(null),
    ...range(0, base.first - 1),
    ...new Array<number | null>(pad).fill(null),
    ...base.body,
  ];
  const joinedOf = (r: number) => topPad + r + (r >= base.first ? pad : 0);
  const labelCols = range(0, blocks[0].cols[0] - 1).filter((c) => c !== anchor.col);

  const sectorLo = runs[0][0];
  const sectorHi = runs[0][runs[0].length - 1];
  const blockRows: (number | null)[][] = [];
  const extras: { block: number; row: number }[] = [];
  later.forEach((b, k) => {
    const rows = new Array<number | null>(baseRows.length).fill(null);
    for (const h of b.header) rows[topPad + anchor.row + (h - b.nameRow)] = h;
    const used = new Set<number>();
    const bLo = runs[k + 1][0];
    const bHi = runs[k + 1][runs[k + 1].length - 1];
    for (const r of b.body) {
      const hasData = b.cols.some((c) => !isEmpty(grid.values[r]?.[c] ?? null));
      const key = rowKey(grid, r, anchor.col);
      if (!key) {
        if (hasData) throw unplacedRowError(grid, r, anchor.col, b, blocks[0]);
        continue;
      }
      const match = base.body.find((q) => !used.has(q) && rowKey(grid, q, anchor.col) === key);
      if (match === undefined) {
        if (r >= bLo && r <= bHi) throw unplacedRowError(grid, r, anchor.col, b, blocks[0]);
        if (hasData) extras.push({ block: k, row: r });
        continue;
      }
      const mine = rowCodes(grid, r, labelCols);
      const theirs = rowCodes(grid, match, labelCols);
      const clash = mine.findIndex((m, i) => m !== null && theirs[i] !== null && m !== theirs[i]);
      if (clash >= 0) throw codeClashError(grid, r, labelCols[clash], match);
      used.add(match);
      rows[joinedOf(match)] = r;
    }
    // Every sector row of the first block (and whatever lies between them) is in every block.
    for (let q = sectorLo; q <= sectorHi; q++) {
      if (rowKey(grid, q, anchor.col) && !used.has(q)) throw missingRowError(grid, q, anchor.col, b);
    }
    blockRows.push(rows);
  });
  for (const e of extras) {
    baseRows.push(null);
    blockRows.forEach((rows, k) => rows.push(k === e.block ? e.row : null));
  }

  const baseWidth = Math.max(...base.cols, ...labelCols, anchor.col) + 1;
  const pieces: GridPiece[] = [{ fromCol: 0, rows: baseRows, cols: range(0, baseWidth - 1) }];
  let from = baseWidth;
  later.forEach((b, k) => {
    pieces.push({ fromCol: from, rows: blockRows[k], cols: b.cols });
    from += b.cols.length;
  });
  const blockRange = (b: Block, top: number) => {
    const last = [...b.body].reverse().find((r) => !rowEmpty(grid, r)) ?? b.first;
    return `${gridAddress(grid, top, anchor.col)}:${gridAddress(grid, last, b.cols[b.cols.length - 1])}`;
  };
  return {
    pieces,
    origin: { ...grid.origin },
    blocks: blocks.map((b, k) => blockRange(b, k === 0 ? anchor.row : b.header[0])),
  };
}

/** The grid of a join: the blocks side by side, every cell keeping its sheet address. */
export function joinGrid(grid: Grid, join: TableJoin): Grid {
  const n = join.pieces[0].rows.length;
  const values = Array.from({ length: n }, (_, j) =>
    join.pieces.flatMap((p) => p.cols.map((c) => (p.rows[j] === null ? null : grid.values[p.rows[j]!]?.[c] ?? null))),
  );
  return { sheet: grid.sheet, origin: grid.origin, values, uncalculated: grid.uncalculated, pieces: join.pieces };
}
function unplacedRowError(grid: Grid, r: number, col: number, b: Block, base: Block): RippleError {
  const label = textAt(grid, r, col);
  const shown = label ?? "";
  return new RippleError(
    "table.blocks-misaligned",
    {
      ja: `表は 2 つの部分に分けて印刷されています（部門の行が ${gridAddress(grid, base.first, col)} と ${blockName(grid, b, col)} から）が、後の部分の行「${shown}」は最初の部分にありません。部門の行は両方の部分で同じラベルにしてください。`,
      en: `The table is printed in two parts (sector rows from ${gridAddress(grid, base.first, col)} and from ${blockName(grid, b, col)}), but the later part's row '${shown}' is not in the first part. Give the sector rows the same labels in both parts.`,
    },
    where(grid, r, col),
  );
}

function missingRowError(grid: Grid, r: number, col: number, b: Block): RippleError {
  const label = textAt(grid, r, col) ?? "";
  return new RippleError(
    "table.blocks-misaligned",
    {
      ja: `表は 2 つの部分に分けて印刷されていますが、行「${label}」が ${blockName(grid, b, col)} からの部分にありません。部門の行は両方の部分で同じラベルにしてください。`,
      en: `The table is printed in two parts, but row '${label}' is missing from the part starting at ${blockName(grid, b, col)}. Give the sector rows the same labels in both parts.`,
    },
    where(grid, r, col),
  );
}

function codeClashError(grid: Grid, r: number, c: number, match: number): RippleError {
  return new RippleError(
    "table.blocks-misaligned",
    {
      ja: `表の 2 つの部分で同じ名前の行のコードが違います（${gridAddress(grid, match, c)} と ${gridAddress(grid, r, c)}）。どちらが正しいか確かめてください。`,
      en: `Two parts of the table give rows of the same name different codes (${gridAddress(grid, match, c)} and ${gridAddress(grid, r, c)}). Check which is right.`,
    },
    where(grid, r, c),
  );
}
