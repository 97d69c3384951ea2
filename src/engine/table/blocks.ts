// Tables printed in blocks. Prefectures print a table that does not fit a page as blocks one
// below the other, repeating the sector rows: 宮崎県 15部門 has the intermediate block with the
// value-added rows on top (B5:Q28) and the final-demand block (内生部門計 … 県内生産額) below it
// (B34:Q57), each with its own header rows. The blocks are joined side by side into one grid,
// the rows of every later block going to the row of the first block with the same label, so that
// recognition and the model see one table; each cell of the joined grid keeps its sheet address
// (Grid.pieces), so every message still names the printed cell. Blocks that do not line up (a
// sector row missing from a block, a row of a block that the first does not have) are refused
// with the cell, never joined by position. Finding blocks one below the other is here, blocks
// side by side in sideBySide.ts; joining them in blockJoin.ts.

import { RippleError } from "../errors";
import { gridAddress, gridWidth, type Grid } from "../grid";
import { isEmpty, textAt } from "./cells";
import { labelOrCodeKey, type Anchor } from "./header";
import { classifyLabel } from "./labels";
import { isCodeLike } from "./normalize";
import { joinLayout } from "./blockJoin";
import { findSideBySide } from "./sideBySide";
import { columnRole, range, rowEmpty, rowKey, sectorRuns, where, type Block } from "./tableBlock";
import type { TableJoin } from "./types";

// The joined grid is built in blockJoin.ts; re-exported so recognition and the builder keep one
// entry point for tables printed in blocks.
export { joinGrid } from "./blockJoin";

/** Header rows looked for above a later block's first sector row. */
const MAX_HEADER_ROWS = 8;

/**
 * The blocks of a table printed in parts one below the other, joined; null for a table printed
 * in one block (or a sheet where a label merely repeats: recognition reports the duplicate).
 */
export function findBlocks(grid: Grid, anchor: Anchor): TableJoin | null {
  return findStackedBlocks(grid, anchor) ?? findSideBySide(grid, anchor);
}

function findStackedBlocks(grid: Grid, anchor: Anchor): TableJoin | null {
  const runs = sectorRuns(grid, anchor);
  if (runs.length < 2) return null;
  // A later block repeats most of the first block's sector rows; one label twice is a duplicate
  // (the rows after it are new labels, not repeats), which recognition reports.
  const keyOf = (r: number) => labelOrCodeKey(grid, r, anchor.col, anchor.keys);
  const first = new Set(runs[0].map(keyOf));
  const need = Math.max(2, Math.ceil(runs[0].length / 2));
  if (runs.slice(1).some((run) => run.filter((r) => first.has(keyOf(r))).length < need)) return null;

  const nc = gridWidth(grid);
  const sectorCols: number[] = [];
  for (let c = anchor.col + 1; c < nc; c++) {
    const k = labelOrCodeKey(grid, anchor.row, c, anchor.keys);
    if (k && anchor.keys.has(k)) sectorCols.push(c);
  }
  if (sectorCols.length === 0) return null;
  const C0 = sectorCols[0];
  const baseColKeys = new Set(sectorCols.map((c) => labelOrCodeKey(grid, anchor.row, c, anchor.keys)!));
  const baseRowKeys = new Set<string>();
  for (let r = runs[0][0]; r < runs[1][0]; r++) {
    const k = rowKey(grid, r, anchor.col);
    if (k) baseRowKeys.add(k);
  }

  // Each later block: its header rows above its first sector row (rows without a row label of
  // the table in the label column), then its body down to the next block's header.
  const tops: number[] = [];
  const headers: number[][] = [];
  runs.forEach((run, k) => {
    if (k === 0) {
      tops.push(0);
      headers.push([]);
      return;
    }
    const header: number[] = [];
    const floor = runs[k - 1][runs[k - 1].length - 1];
    for (let r = run[0] - 1; r > floor && header.length < MAX_HEADER_ROWS; r--) {
      if (rowEmpty(grid, r)) break;
      const t = textAt(grid, r, anchor.col);
      const k2 = rowKey(grid, r, anchor.col);
      if (t !== null && ((k2 && baseRowKeys.has(k2)) || classifyLabel(t, "row") !== null)) break;
      header.unshift(r);
    }
    if (header.length === 0) throw noHeaderError(grid, run[0], anchor.col);
    tops.push(header[0]);
    headers.push(header);
  });

  const blocks: Block[] = runs.map((run, k) => {
    const end = k + 1 < runs.length ? tops[k + 1] - 1 : grid.values.length - 1;
    const body: number[] = [];
    for (let r = run[0]; r <= end; r++) body.push(r);
    const header = k === 0 ? range(0, run[0] - 1) : headers[k];
    const cols: number[] = [];
    for (let c = C0; c < nc; c++) {
      if ([...header, ...body].some((r) => !isEmpty(grid.values[r]?.[c] ?? null))) cols.push(c);
    }
    const nameRow = k === 0 ? anchor.row : pickNameRow(grid, header, cols);
    return { header, nameRow, first: run[0], body, cols };
  });

  // Keys of the first block's row labels in every label column (code and name), for the check below.
  const sectorRowKeys = new Set(
    blocks[0].body.flatMap((r) => range(0, C0 - 1).map((c) => rowKey(grid, r, c))).filter((k): k is string => k !== null),
  );
  // A later block that names the first block's sector columns again is another table (a
  // coefficient table below the transactions, say), not the rest of this one.
  blocks.slice(1).forEach((b) => {
    const again = b.cols.filter((c) => {
      const k = labelOrCodeKey(grid, b.nameRow, c, anchor.keys);
      return k !== null && baseColKeys.has(k);
    });
    if (again.length >= 2) throw severalTablesError(grid, blocks[0], b, anchor.col, again[0]);
    // The rest of a table printed in blocks is its final demand (or output): a block below with
    // none of those columns (生産誘発額, 構成比 … printed under the table) is something else, and
    // joined it would become final demand. Refused here, naming the block.
    // (A block continuing the sector columns, a table printed over several pages, is the table too.)
    const sectorCol = (c: number) => b.header.some((r) => {
      const k = rowKey(grid, r, c);
      return k !== null && sectorRowKeys.has(k);
    });
    if (!b.cols.some((c) => sectorCol(c) || /^(fd:|export$|import$|output$|subtotal$)/.test(columnRole(grid, b.header, c)))) {
      throw notFinalDemandError(grid, b, anchor.col);
    }
  });

  return joinLayout(grid, anchor, blocks, runs);
}

function notFinalDemandError(grid: Grid, b: Block, col: number): RippleError {
  const names = b.cols
    .map((c) => b.header.map((r) => textAt(grid, r, c)).filter((t) => t !== null).join(""))
    .filter((t) => t !== "")
    .slice(0, 4)
    .join("、");
  const at = gridAddress(grid, b.header[0], b.cols[0] ?? col);
  return new RippleError(
    "table.block-not-final-demand",
    {
      ja: `${at} からの下の部分（${names || "見出しなし"}）は最終需要や生産額の列を持たないため、この表の続きとして読みません（別の表や計算結果と思われます）。表の範囲だけを選ぶか、その部分を別のシートに移してください。`,
      en: `The block below from ${at} (${names || "no headers"}) has no final-demand or output column, so it is not read as the rest of this table (it looks like another table or a derived result). Select only the table's range, or move that block to another sheet.`,
    },
    where(grid, b.header[0], b.cols[0] ?? col),
  );
}

/** The header row of a block with the most names (text that is not a code). */
function pickNameRow(grid: Grid, header: number[], cols: number[]): number {
  let best = header[header.length - 1];
  let bestCount = -1;
  for (const r of header) {
    const count = cols.filter((c) => {
      const t = textAt(grid, r, c);
      return t !== null && typeof grid.values[r]?.[c] === "string" && !isCodeLike(t);
    }).length;
    if (count > bestCount) {
      best = r;
      bestCount = count;
    }
  }
  return best;
}

function noHeaderError(grid: Grid, r: number, col: number): RippleError {
  const at = gridAddress(grid, r, col);
  return new RippleError(
    "table.blocks-no-header",
    {
      ja: `部門の行が ${at} からもう一度並んでいますが、その上に列の見出しがありません。表が 2 つに分けて印刷されているなら、後の部分にも見出し行を付けてください。別の表なら、使う表の範囲を選んでください。`,
      en: `The sector rows repeat from ${at} but no header row above them names the columns. If the table is printed in two parts, give the later part its header row; if it is another table, select the range of the table to use.`,
    },
    where(grid, r, col),
  );
}

function severalTablesError(grid: Grid, first: Block, b: Block, col: number, c: number): RippleError {
  const a = gridAddress(grid, first.first, col);
  const s = gridAddress(grid, b.first, col);
  return new RippleError(
    "table.several-tables",
    {
      ja: `このシートには表が上下に 2 つあります（部門の行が ${a} と ${s} から、それぞれに部門の列見出し）。どちらを使うか分からないため読みません。使う表の範囲を選ぶか、別のシートに分けてください。`,
      en: `This sheet holds two tables one below the other (sector rows from ${a} and from ${s}, each with its own sector columns). Which one to use is unclear, so neither is read: select the range of the table to use, or put them on separate sheets.`,
    },
    where(grid, b.nameRow, c),
  );
}
