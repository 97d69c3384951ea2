// Sector names wrapped over two rows of the label column, as prefectures print a long name in a
// narrow column: '電力・ガス・' in one row and '水道' in the next, the numbers on one of the two,
// the other row empty. The whole name is no dictionary word (lines.ts joins those), but it is a
// column label of the square block (itself perhaps wrapped over two header rows, wrapped.ts): the
// two cells are read as one label, on the row with the numbers. Two fragments that would make a
// missing sector's name but both carry numbers, or that make no column's name, are refused naming
// both cells: read apart, one sector would be missing and the other row's numbers misplaced.

import { RippleError } from "../errors";
import { gridAddress, gridWidth, type Grid } from "../grid";
import { dataAt, textAt } from "./cells";
import { labelOrCodeKey, textKey, type Anchor } from "./header";
import { classifyLabel } from "./labels";
import { isCodeLike } from "./normalize";
import { range } from "./tableBlock";
import { joinFragments, wrappedColumnLabels } from "./wrapped";

/**
 * The grid with each wrapped sector name written whole into the label cell of its row with the
 * numbers, and the other fragment's cell blank (a copy: the sheet is never written); the grid
 * itself when nothing is wrapped.
 */
export function joinWrappedSectorRows(grid: Grid, anchor: Anchor): Grid {
  const nr = grid.values.length;
  const keyAt = (r: number) => labelOrCodeKey(grid, r, anchor.col, anchor.keys);
  const sectorRows = range(anchor.row + 1, nr - 1).filter((r) => anchor.keys.has(keyAt(r) ?? ""));
  if (sectorRows.length < 2) return grid;
  const { missing, partial } = unpairedColumnKeys(grid, anchor, sectorRows[0]);
  if (missing.size === 0) return grid;
  // A row label equal to the first line of a wrapped column name ('電力・ガス・' over '水道') is
  // shared only by that accident: it is a fragment too.
  const sector = (r: number) => {
    const k = keyAt(r);
    return k !== null && anchor.keys.has(k) && !partial.has(k);
  };
  const fragment = (r: number) => {
    const t = textAt(grid, r, anchor.col);
    return t !== null && !isCodeLike(t) && !sector(r) && classifyLabel(t, "row") === null ? t : null;
  };
  const hasNumbers = (r: number) => range(anchor.col + 1, gridWidth(grid) - 1).some((c) => dataAt(grid, r, c).kind === "number");
  const lo = sectorRows[0];
  const hi = sectorRows[sectorRows.length - 1] + 1;
  const edits: { keep: number; drop: number; text: string }[] = [];
  for (let r = anchor.row + 1; r < hi; r++) {
    const a = fragment(r);
    const b = fragment(r + 1);
    if (a === null || b === null) continue;
    const text = joinFragments(a, b);
    if (!missing.has(textKey(text))) {
      // Among the sectors, with a sector column still unpaired: the two rows were meant as one name.
      if (r >= lo && hasNumbers(r) !== hasNumbers(r + 1)) throw wrappedRowError(grid, r, anchor.col, text, "no-column");
      continue;
    }
    if (hasNumbers(r) && hasNumbers(r + 1)) throw wrappedRowError(grid, r, anchor.col, text, "both-numbers");
    edits.push({ keep: hasNumbers(r + 1) ? r + 1 : r, drop: hasNumbers(r + 1) ? r : r + 1, text });
    r++;
  }
  if (edits.length === 0) return grid;
  const values = grid.values.map((row) => [...row]);
  for (const e of edits) {
    values[e.keep][anchor.col] = e.text;
    values[e.drop][anchor.col] = null;
  }
  return { ...grid, values };
}

/** Keys of the column labels of the sector block (whole, when wrapped over header rows) that no
 * row shares and the dictionary does not know: sectors still looking for their row; and the keys
 * of the first lines of the wrapped ones. */
function unpairedColumnKeys(grid: Grid, anchor: Anchor, bodyRow: number): { missing: Set<string>; partial: Set<string> } {
  const wrapped = wrappedColumnLabels(grid, anchor.row, bodyRow, anchor.col + 1);
  const out = new Set<string>();
  const partial = new Set<string>();
  for (let c = anchor.col + 1; c < gridWidth(grid); c++) {
    const text = wrapped.text.get(c) ?? textAt(grid, anchor.row, c);
    if (text === null || isCodeLike(text)) continue;
    // The sector block ends at the first column the dictionary knows (内生部門計, 最終需要…).
    if (classifyLabel(text, "col") !== null) break;
    const k = textKey(text);
    if (anchor.keys.has(k)) continue;
    out.add(k);
    const line = textAt(grid, anchor.row, c);
    if (wrapped.text.has(c) && line !== null) partial.add(textKey(line));
  }
  return { missing: out, partial };
}

function wrappedRowError(grid: Grid, r: number, c: number, text: string, why: "both-numbers" | "no-column"): RippleError {
  const a = gridAddress(grid, r, c);
  const b = gridAddress(grid, r + 1, c);
  const [ta, tb] = [textAt(grid, r, c), textAt(grid, r + 1, c)];
  const ja =
    why === "both-numbers"
      ? `行ラベル「${ta}」（${a}）と「${tb}」（${b}）は 2 行に折り返された部門名「${text}」に見えますが、両方の行に数値があります。どちらの行の数値がこの部門のものか分からないため読みません。部門名を 1 つのセルにまとめ、数値を 1 行にしてください。`
      : `行ラベル「${ta}」（${a}）と「${tb}」（${b}）は 2 行に折り返された 1 つの部門名に見えますが、つないだ「${text}」はどの列の部門名とも一致しません。部門名を 1 つのセルにまとめ、列の見出しと同じ名前にしてください。`;
  const en =
    why === "both-numbers"
      ? `Row labels '${ta}' (${a}) and '${tb}' (${b}) look like one sector name wrapped over two rows ('${text}'), but both rows hold numbers. Which row's numbers belong to the sector is unclear, so the table is not read: write the name in one cell and the numbers on one row.`
      : `Row labels '${ta}' (${a}) and '${tb}' (${b}) look like one sector name wrapped over two rows, but joined ('${text}') they match no column's sector name. Write the name in one cell, the same as the column heading.`;
  return new RippleError("table.wrapped-row-label", { ja, en }, { sheet: grid.sheet, cell: `${a}:${b}` });
}
