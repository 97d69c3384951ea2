// Step 2 of recognition: the label of every row and column of the frame — which label column
// (row above) holds codes and which names, names wrapped over header rows read whole — and
// whether the line holds data. Each line starts without a role (Work, work.ts).

import { gridWidth, type Grid } from "../grid";
import { dataAt, textAt } from "./cells";
import type { Frame } from "./frame";
import { labelOrCodeKey, pickCodePosition, pickNamePosition, readLineLabel, type LineLabel } from "./header";
import { classifyLabel, type Dim, type LabelClass } from "./labels";
import { isCodeLike } from "./normalize";
import type { Work } from "./work";
import { joinFragments, wrappedColumnLabels } from "./wrapped";

export interface Lines {
  rows: Work[];
  cols: Work[];
}

/** Dictionary class of a line: its name first, then its code, then its other label cells. */
function classifyLine(l: LineLabel, dim: Dim): LabelClass | null {
  const texts = [l.name, l.code, ...l.labels].filter((t): t is string => !!t);
  for (const t of texts) {
    const c = classifyLabel(t, dim);
    if (c) return c;
  }
  return null;
}

/** Where codes and names are: for rows a label column each, for columns a header row each. */
interface Positions {
  rowCode: number | null;
  rowName: number | null;
  colCode: number | null;
  colName: number | null;
}

function findPositions(grid: Grid, f: Frame): Positions {
  const { anchor, positional, candRows, candCols, labelCols, headerRows } = f;
  const rowRead = (line: number, pos: number) => textAt(grid, line, pos);
  const colRead = (line: number, pos: number) => textAt(grid, pos, line);
  const rowNum = (line: number, pos: number) => typeof grid.values[line]?.[pos] === "number";
  const colNum = (line: number, pos: number) => typeof grid.values[pos]?.[line] === "number";
  // Codes or names at the anchor: from the shared keys, or (sectors paired by position) from the
  // labels of each direction.
  const mostlyCodes = (texts: (string | null)[]) => texts.filter((t) => t !== null && isCodeLike(t)).length * 2 > texts.length;
  const sharedCodes = [...anchor.keys].filter((k) => k.startsWith("c:")).length * 2 > anchor.keys.size;
  const rowPrimaryIsCode = positional ? mostlyCodes(candRows.map((r) => rowRead(r, anchor.col))) : sharedCodes;
  const colPrimaryIsCode = positional ? mostlyCodes(candCols.map((c) => colRead(c, anchor.row))) : sharedCodes;
  return {
    rowCode: rowPrimaryIsCode ? anchor.col : pickCodePosition(labelCols, anchor.col, candRows, rowRead, rowNum),
    colCode: colPrimaryIsCode ? anchor.row : pickCodePosition(headerRows, anchor.row, candCols, colRead, colNum),
    rowName: rowPrimaryIsCode ? pickNamePosition(labelCols, anchor.col, candRows, rowRead) : anchor.col,
    colName: colPrimaryIsCode ? pickNamePosition(headerRows, anchor.row, candCols, colRead) : anchor.row,
  };
}

/** Every row from the block's first row and every column from its first column that has a label
 * or data. */
export function readLines(grid: Grid, f: Frame): Lines {
  const nr = grid.values.length;
  const nc = gridWidth(grid);
  const { anchor, R0, C0, labelCols, headerRows } = f;
  const pos = findPositions(grid, f);
  // Column names wrapped into the rows below ('電力・ガス・' / '水道'): one label, read whole.
  const wrapped = pos.colName === null ? null : wrappedColumnLabels(grid, pos.colName, R0, C0);
  const colHeaderRows = wrapped ? headerRows.filter((r) => !wrapped.rows.includes(r)) : headerRows;
  const colText = (r: number, c: number) => (r === pos.colName && wrapped?.text.get(c)) || textAt(grid, r, c);

  const makeWork = (dim: Dim, index: number): Work => {
    const label =
      dim === "row"
        ? readLineLabel(
            (p) => textAt(grid, index, p),
            labelCols,
            pos.rowName,
            pos.rowCode,
            (p) => ({ r: index, c: p }),
            (p) => labelOrCodeKey(grid, index, p, anchor.keys),
            anchor.col,
          )
        : readLineLabel(
            (p) => colText(p, index),
            colHeaderRows,
            pos.colName,
            pos.colCode,
            (p) => ({ r: p, c: index }),
            (p) => (p === anchor.row ? f.colKey(index) : labelOrCodeKey(grid, p, index, anchor.keys)),
            anchor.row,
          );
    let hasData = false;
    if (dim === "row") for (let c = C0; c < nc && !hasData; c++) hasData = dataAt(grid, index, c).kind !== "empty";
    else for (let r = R0; r < nr && !hasData; r++) hasData = dataAt(grid, r, index).kind !== "empty";
    return { ...label, dim, index, dict: classifyLine(label, dim), role: null, source: "label", hasData };
  };

  const rows: Work[] = [];
  for (let r = R0; r < nr; r++) {
    const w = makeWork("row", r);
    if (!w.empty || w.hasData) rows.push(w);
  }
  const cols: Work[] = [];
  for (let c = C0; c < nc; c++) {
    const w = makeWork("col", c);
    if (!w.empty || w.hasData) cols.push(w);
  }
  return { rows: joinWrappedRowLabels(rows, anchor.keys), cols };
}

/**
 * Row names wrapped into the next row of the label column ('家計外消費' over '支出（行）', with the
 * numbers on either of the two rows): read as one row when neither fragment is known alone but
 * the two together are (the dictionary knows the whole name). Anything less certain stays two
 * lines, reported as unknown, never a number taken from the wrong row.
 */
function joinWrappedRowLabels(rows: Work[], sectorKeys: ReadonlySet<string>): Work[] {
  const fragment = (w: Work) => !w.empty && w.name !== "" && w.dict === null && (w.key === null || !sectorKeys.has(w.key));
  const out: Work[] = [];
  for (let i = 0; i < rows.length; i++) {
    const a = rows[i];
    const b = rows[i + 1];
    if (b && b.index === a.index + 1 && fragment(a) && fragment(b) && a.hasData !== b.hasData) {
      const text = (a.hasData ? b : a).code === null ? joinFragments(a.name, b.name) : null;
      const dict = text ? classifyLabel(text, "row") : null;
      if (text && dict) {
        const data = a.hasData ? a : b;
        out.push({ ...data, name: text, dict });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}
