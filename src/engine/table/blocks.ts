// Tables printed in blocks. Prefectures print a table that does not fit a page as blocks one
// below the other, repeating the sector rows: 宮崎県 15部門 has the intermediate block with the
// value-added rows on top (B5:Q28) and the final-demand block (内生部門計 … 県内生産額) below it
// (B34:Q57), each with its own header rows. The blocks are joined side by side into one grid,
// the rows of every later block going to the row of the first block with the same label, so that
// recognition and the model see one table; each cell of the joined grid keeps its sheet address
// (Grid.pieces), so every message still names the printed cell. Blocks that do not line up (a
// sector row missing from a block, a row of a block that the first does not have) are refused
// with the cell, never joined by position.

import { RippleError } from "../errors";
import { gridAddress, gridWidth, type Grid, type GridPiece } from "../grid";
import { isEmpty, textAt } from "./cells";
import { numericCodeKey, primaryKey, labelOrCodeKey, type Anchor } from "./header";
import { classifyLabel } from "./labels";
import { codeKey, isCodeLike } from "./normalize";
import { joinFragments } from "./wrapped";
import type { TableJoin } from "./types";

/** Header rows looked for above a later block's first sector row. */
const MAX_HEADER_ROWS = 8;

interface Block {
  /** Header rows, top to bottom, and the one holding the column names. */
  header: number[];
  nameRow: number;
  /** First sector row and the rows of the body (first sector row to the block's last row). */
  first: number;
  body: number[];
  /** Columns holding the block's headers or numbers. */
  cols: number[];
}

function rowEmpty(grid: Grid, r: number): boolean {
  return (grid.values[r] ?? []).every((v) => isEmpty(v ?? null));
}

/** Key of a row label for joining: the name (or a code, as text or number) in the label column. */
function rowKey(grid: Grid, r: number, col: number): string | null {
  return primaryKey(grid, r, col) ?? numericCodeKey(grid, r, col);
}

/** Runs of sector rows in the label column: a label seen again starts a new run. */
function sectorRuns(grid: Grid, anchor: Anchor): number[][] {
  const runs: number[][] = [[]];
  let seen = new Set<string>();
  for (let r = anchor.row + 1; r < grid.values.length; r++) {
    const k = labelOrCodeKey(grid, r, anchor.col, anchor.keys);
    if (!k || !anchor.keys.has(k)) continue;
    if (seen.has(k)) {
      runs.push([]);
      seen = new Set();
    }
    seen.add(k);
    runs[runs.length - 1].push(r);
  }
  return runs;
}

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
    if (!b.cols.some((c) => sectorCol(c) || FINAL_COLUMN.test(columnRole(grid, b.header, c)))) throw notFinalDemandError(grid, b, anchor.col);
  });

  return joinLayout(grid, anchor, blocks, runs);
}

const FINAL_COLUMN = /^(fd:|export$|import$|output$|subtotal$)/;

/** The role a later block's column would get from its header (each header cell, and the cells
 * read together as one wrapped label); "" when none. */
function columnRole(grid: Grid, header: number[], c: number): string {
  const parts = header.map((r) => textAt(grid, r, c)).filter((t): t is string => t !== null && !isCodeLike(t));
  const whole = parts.reduce((a, b) => (a === "" ? b : joinFragments(a, b)), "");
  for (const t of [whole, ...parts]) {
    const k = t === "" ? null : classifyLabel(t, "col");
    if (k && k.role !== "ignore" && (k.role !== "subtotal" || (k.totalOf ?? "").length > 0 || /計|total/i.test(t))) return k.role;
  }
  return "";
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

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
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
function joinLayout(grid: Grid, anchor: Anchor, blocks: Block[], runs: number[][]): TableJoin {
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

/**
 * Blocks printed side by side: the final-demand block (or the rest of the sectors) to the right,
 * with the row labels printed again in a column between them. The repeated label column (and a
 * repeated code column beside it) is dropped, after checking that it repeats the first block's
 * labels row by row; a row whose repeated label differs is refused with its cell.
 */
function findSideBySide(grid: Grid, anchor: Anchor): TableJoin | null {
  // Sector labels only: totals and output are shared labels too (内生部門計, 県内生産額).
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

/** The grid of a join: the blocks side by side, every cell keeping its sheet address. */
export function joinGrid(grid: Grid, join: TableJoin): Grid {
  const n = join.pieces[0].rows.length;
  const values = Array.from({ length: n }, (_, j) =>
    join.pieces.flatMap((p) => p.cols.map((c) => (p.rows[j] === null ? null : grid.values[p.rows[j]!]?.[c] ?? null))),
  );
  return { sheet: grid.sheet, origin: grid.origin, values, uncalculated: grid.uncalculated, pieces: join.pieces };
}

function where(grid: Grid, r: number, c: number) {
  return { sheet: grid.sheet, cell: gridAddress(grid, r, c) };
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

function blockName(grid: Grid, b: Block, col: number): string {
  return gridAddress(grid, b.first, col);
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
