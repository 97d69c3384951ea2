// Blocks printed BESIDE the table: to the right of it, past an empty column (or a column that
// prints the row labels again). Offices put their own helpers there — the input coefficients
// of the same table, import ratios, 生産誘発額 and its shares — and a reader that took them in
// would read ratios as flows, or another table's numbers as final demand. A block beside the
// table is part of it only when it carries final demand or output (a final-demand block printed
// beside the intermediate block, blocks.ts/sideBySide.ts join it) or more sector columns (the
// rest of the sectors on the next page). Every other block is taken out before recognition
// (blanked, so that no line of the table is read from it) and judged afterwards by its numbers
// (besideCheck.ts): ignored with the reason when it is computed from the table, else refused.

import { gridAddress, gridWidth, type Grid } from "../grid";
import { dataAt, isEmpty, textAt } from "./cells";
import { labelOrCodeKey, type Anchor } from "./header";
import { classifyLabel } from "./labels";
import { codeKey } from "./normalize";
import { unitFrom } from "./title";
import { columnRole, range, rowKey } from "./tableBlock";

export interface BesideBlock {
  /** Columns of the block's headers and numbers, and the label columns printed just before it. */
  cols: number[];
  labelCols: number[];
  /** Header rows of the block (its top to the row above the first sector row). */
  header: number[];
  /** A1 range of the block on the sheet, labels included. */
  range: string;
  /** The block's first column names, for messages. */
  names: string;
}

/** A final-demand or output column; a ratio or coefficient is neither, whatever word it holds
 * (輸入係数 reads as 輸入). */
const FINAL_BESIDE = /^(fd:|export$|import$|output$)/;
const RATIO_WORD = /係数|率|比|構成|シェア|割合|\b(coefficients?|ratios?|shares?|rates?)\b|%|％/i;

/** The blocks to the right of the table past a gap: those that are not part of it (see the
 * file's comment), and those that are by their labels only (a ratio headed '輸入' reads as
 * imports), which recognition checks against their numbers (besideCheck.ts isComputedBlock). */
export function findBesideBlocks(grid: Grid, anchor: Anchor): { outside: BesideBlock[]; byLabel: BesideBlock[] } {
  const nr = grid.values.length;
  const nc = gridWidth(grid);
  const keyAt = (r: number, c: number) => labelOrCodeKey(grid, r, c, anchor.keys);
  const sectorRows = range(anchor.row + 1, nr - 1).filter((r) => {
    const k = keyAt(r, anchor.col);
    return k !== null && anchor.keys.has(k);
  });
  const C0 = range(anchor.col + 1, nc - 1).find((c) => {
    const k = keyAt(anchor.row, c);
    return k !== null && anchor.keys.has(k);
  });
  if (sectorRows.length < 2 || C0 === undefined) return { outside: [], byLabel: [] };
  const segments = segmentColumns(grid, anchor, sectorRows, C0);
  if (segments.length < 2) return { outside: [], byLabel: [] };
  const header = range(0, sectorRows[0] - 1);
  const firstKeys = new Set(segments[0].cols.map((c) => keyAt(anchor.row, c)).filter((k) => k !== null));
  const outside: BesideBlock[] = [];
  const byLabel: BesideBlock[] = [];
  for (const seg of segments.slice(1)) {
    const hasNumbers = seg.cols.some((c) => range(anchor.row + 1, nr - 1).some((r) => dataAt(grid, r, c).kind === "number"));
    if (!hasNumbers) continue; // notes or titles, not a block of numbers
    const final = seg.cols.some((c) => {
      const texts = header.map((r) => textAt(grid, r, c) ?? "").join("");
      return FINAL_BESIDE.test(columnRole(grid, header, c)) && !RATIO_WORD.test(texts);
    });
    const moreSectors = seg.cols.some((c) => {
      const k = keyAt(anchor.row, c);
      return k !== null && anchor.keys.has(k) && !firstKeys.has(k) && !classifyLabel(k.slice(2), "col");
    });
    if (moreSectors) continue;
    (final ? byLabel : outside).push(describe(grid, anchor, seg, sectorRows[0]));
  }
  return { outside, byLabel };
}

interface Segment {
  cols: number[];
  labelCols: number[];
}

/** The columns from the first sector column on, cut at empty columns and at columns that print
 * the row labels again (with the label columns just before each part). */
function segmentColumns(grid: Grid, anchor: Anchor, sectorRows: number[], C0: number): Segment[] {
  const nr = grid.values.length;
  const need = Math.max(2, Math.ceil(sectorRows.length / 2));
  const baseLabelCols = range(0, C0 - 1).filter((q) => sectorRows.some((r) => textAt(grid, r, q) !== null));
  const key = (r: number, c: number, q: number) => {
    if (q === anchor.col) return rowKey(grid, r, c);
    const t = textAt(grid, r, c);
    return t === null ? null : codeKey(t);
  };
  let keys: (string | null)[][] | null = null; // the first block's labels, read when needed
  const baseKeys = () => (keys ??= baseLabelCols.map((q) => sectorRows.map((r) => key(r, q, q))));
  // Label columns hold text: a column of numbers is data, told from its first sector rows without
  // normalising any label (a table of 1,000 sectors has a million cells to pass).
  const mostlyText = (c: number) => {
    if (!sectorRows.slice(0, 3).some((r) => typeof grid.values[r]?.[c] === "string")) return false;
    let misses = 0;
    for (const r of sectorRows) if (typeof grid.values[r]?.[c] !== "string" && ++misses > sectorRows.length - need) return false;
    return true;
  };
  const repeatsLabels = (c: number) =>
    mostlyText(c) &&
    baseLabelCols.some((q, k) => sectorRows.filter((r, i) => baseKeys()[k][i] !== null && key(r, c, q) === baseKeys()[k][i]).length >= need);
  const emptyCol = (c: number) => {
    for (let r = anchor.row + 1; r < nr; r++) if (!isEmpty(grid.values[r]?.[c] ?? null)) return false;
    return true;
  };
  const segments: Segment[] = [];
  let current: Segment | null = null;
  let pending: number[] = [];
  for (let c = C0; c < gridWidth(grid); c++) {
    if (emptyCol(c)) {
      current = null;
      pending = [];
    } else if (c > C0 && repeatsLabels(c)) {
      current = null;
      pending.push(c);
    } else {
      if (current === null) {
        current = { cols: [], labelCols: pending };
        segments.push(current);
        pending = [];
      }
      current.cols.push(c);
    }
  }
  return segments;
}

function describe(grid: Grid, anchor: Anchor, seg: Segment, firstSectorRow: number): BesideBlock {
  const all = [...seg.labelCols, ...seg.cols];
  const filled = (r: number) => all.some((c) => !isEmpty(grid.values[r]?.[c] ?? null));
  let top = anchor.row;
  while (top > 0 && filled(top - 1)) top--;
  let bottom = grid.values.length - 1;
  while (bottom > anchor.row && !filled(bottom)) bottom--;
  const header = range(top, firstSectorRow - 1);
  const names = seg.cols
    .map((c) => header.map((r) => textAt(grid, r, c) ?? "").join(""))
    .filter((t) => t !== "")
    .slice(0, 4)
    .join("、");
  return {
    cols: seg.cols,
    labelCols: seg.labelCols,
    header,
    range: `${gridAddress(grid, top, all[0])}:${gridAddress(grid, bottom, all[all.length - 1])}`,
    names,
  };
}

/** The grid without the blocks (their columns blank from the top, a title over the block
 * included; the shape and addresses unchanged), so that recognition reads no line or title from
 * them. A unit note above a block ('（単位：万円）') is the sheet's and stays. */
export function withoutBlocks(grid: Grid, blocks: BesideBlock[]): Grid {
  const cols = new Set(blocks.flatMap((b) => [...b.labelCols, ...b.cols]));
  const keep = (v: unknown) => typeof v === "string" && unitFrom(v) !== null;
  const values = grid.values.map((row) => row.map((v, c) => (cols.has(c) && !keep(v) ? null : v)));
  return { ...grid, values };
}
