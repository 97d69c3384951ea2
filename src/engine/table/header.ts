// Finding the table in a grid: the label column and header row whose labels meet (the sectors are
// the labels that appear both as rows and as columns), then the code and name cells of each line.

import { RippleError } from "../errors";
import type { Grid } from "../grid";
import { gridWidth, gridAddress } from "../grid";
import { dataAt, textAt } from "./cells";
import { classifyLabel, type Dim } from "./labels";
import { codeKey, isCodeLike, labelKey, splitCodeName } from "./normalize";

/** How far from the top-left corner header rows and label columns are looked for. */
const SCAN = 40;

/** Matching key of a label cell: the name part of "code name", codes by codeKey. */
export function primaryKey(grid: Grid, r: number, c: number): string | null {
  const v = grid.values[r]?.[c];
  if (typeof v !== "string") return null;
  const t = v.trim();
  // Text codes with a leading zero (01) are labels; other numbers written as text are data.
  if (t === "" || (dataAt(grid, r, c).kind !== "text" && !/^0\d+$/.test(t))) return null;
  return textKey(t);
}

/** Keys already made: the same labels are keyed by every pass that looks for the table (a
 * 100-sector table's labels were normalised some thirty times each). textKey depends on its text
 * only; the map is emptied when it grows past MEMO_MAX, so memory stays bounded. */
const keyMemo = new Map<string, string>();
const MEMO_MAX = 100_000;

/** Matching key of a label text (a cell's, or a label printed over several cells). */
export function textKey(t: string): string {
  let k = keyMemo.get(t);
  if (k === undefined) {
    if (keyMemo.size >= MEMO_MAX) keyMemo.clear();
    keyMemo.set(t, (k = makeTextKey(t)));
  }
  return k;
}

function makeTextKey(t: string): string {
  const split = splitCodeName(t);
  if (split) return "n:" + labelKey(split.name);
  return isCodeLike(t) ? "c:" + codeKey(t) : "n:" + labelKey(t);
}

/** Key of a code stored as a number (101, where the other direction has the text '0101'): Excel
 * turns text codes into numbers whenever it gets the chance, so one side of a table often holds
 * numbers. Only whole numbers qualify; they match only a text code of the other direction. */
export function numericCodeKey(grid: Grid, r: number, c: number): string | null {
  const v = grid.values[r]?.[c];
  return typeof v === "number" && Number.isInteger(v) && v >= 0 ? "c:" + String(v) : null;
}

/** primaryKey, or (numbers allowed) the key of a numeric code among the given text keys. */
export function labelOrCodeKey(grid: Grid, r: number, c: number, textKeys: ReadonlySet<string>): string | null {
  const k = primaryKey(grid, r, c);
  if (k) return k;
  const n = numericCodeKey(grid, r, c);
  return n && textKeys.has(n) ? n : null;
}

export interface Anchor {
  /** Label column and header row whose labels meet. */
  col: number;
  row: number;
  keys: Set<string>;
}

/** The (label column, header row) pair sharing the most labels; names win ties over codes. */
export function findAnchor(grid: Grid): Anchor {
  const best = findSharedAnchor(grid);
  if (!best) throw noTableError(grid);
  return best;
}

function noTableError(grid: Grid): RippleError {
  return new RippleError(
    "table.no-table",
    {
      ja: "産業連関表が見つかりません。同じ部門名（またはコード）が行と列の両方に並ぶ表を選んでください（部門は行ラベルと列ラベルの両方に現れるラベルです）。",
      en: "No input-output table found. Select a table whose sector names (or codes) appear both as row labels and as column labels.",
    },
    { sheet: grid.sheet, cell: gridAddress(grid, 0, 0) },
  );
}

/** Like findAnchor, or null when no label column and header row share two labels. */
export function findSharedAnchor(grid: Grid): Anchor | null {
  const nr = grid.values.length;
  const nc = gridWidth(grid);
  const colKeys: Map<string, number>[] = []; // key -> last row where the key is in column c
  const rowKeys: Map<string, number>[] = []; // key -> last column where the key is in row r
  const colNums: Map<string, number>[] = []; // the same for numeric codes
  const rowNums: Map<string, number>[] = [];
  for (let c = 0; c < Math.min(nc, SCAN); c++) {
    const m = new Map<string, number>();
    const mn = new Map<string, number>();
    for (let r = 0; r < nr; r++) {
      const k = primaryKey(grid, r, c);
      if (k) m.set(k, r);
      const kn = numericCodeKey(grid, r, c);
      if (kn) mn.set(kn, r);
    }
    colKeys.push(m);
    colNums.push(mn);
  }
  for (let r = 0; r < Math.min(nr, SCAN); r++) {
    const m = new Map<string, number>();
    const mn = new Map<string, number>();
    for (let c = 0; c < nc; c++) {
      const k = primaryKey(grid, r, c);
      if (k) m.set(k, c);
      const kn = numericCodeKey(grid, r, c);
      if (kn) mn.set(kn, c);
    }
    rowKeys.push(m);
    rowNums.push(mn);
  }
  let best: Anchor | null = null;
  let bestScore = 0;
  for (let c = 0; c < colKeys.length; c++) {
    for (let r = 0; r < rowKeys.length; r++) {
      const keys = new Set<string>();
      for (const [k, lastCol] of rowKeys[r]) {
        if (lastCol <= c) continue;
        const lastRow = colKeys[c].get(k) ?? colNums[c].get(k);
        if (lastRow !== undefined && lastRow > r) keys.add(k);
      }
      // Text codes down the side, numbers across the top.
      for (const [k, lastRow] of colKeys[c]) {
        const lastCol = rowNums[r].get(k);
        if (lastRow > r && lastCol !== undefined && lastCol > c) keys.add(k);
      }
      if (keys.size < 2) continue;
      const names = [...keys].filter((k) => k.startsWith("n:")).length;
      const score = keys.size * 2 + (names * 2 > keys.size ? 1 : 0);
      if (score > bestScore) {
        bestScore = score;
        best = { col: c, row: r, keys };
      }
    }
  }
  return best;
}

/** Sectors paired by position: the row labels and the column labels of the sector block differ
 * (product rows CPA_A… under industry columns Agriculture…, OECD rows TTL_01 under columns D01).
 * The block is the run of n labelled rows before the first row the dictionary knows (TOTAL,
 * P7, TXS_IMP_FNL…) and the n labelled columns right before the first column it knows (TOTAL,
 * HFCE…). */
export interface PositionalAnchor {
  col: number;
  row: number;
  sectorRows: number[];
  sectorCols: number[];
}

export function findPositionalAnchor(grid: Grid): PositionalAnchor | null {
  const nr = grid.values.length;
  const nc = gridWidth(grid);
  const isLabel = (r: number, c: number) => primaryKey(grid, r, c) !== null;
  const known = (r: number, c: number, dim: Dim) => {
    const t = isLabel(r, c) ? textAt(grid, r, c) : null;
    return t !== null && classifyLabel(t, dim) !== null;
  };
  let best: PositionalAnchor | null = null;
  for (let r = 0; r < Math.min(nr, SCAN); r++) {
    let cT = -1;
    for (let c = 0; c < nc && cT < 0; c++) if (known(r, c, "col")) cT = c;
    if (cT < 0) continue;
    for (let c = 0; c < Math.min(cT, SCAN); c++) {
      let rT = -1;
      for (let q = r + 1; q < nr && rT < 0; q++) if (known(q, c, "row")) rT = q;
      if (rT < 0) continue;
      const sectorRows: number[] = [];
      for (let q = r + 1; q < rT; q++) if (isLabel(q, c)) sectorRows.push(q);
      const n = sectorRows.length;
      if (n < 2 || (best && n <= best.sectorRows.length)) continue;
      const sectorCols: number[] = [];
      for (let q = cT - 1; q > c && sectorCols.length < n && isLabel(r, q); q--) sectorCols.unshift(q);
      if (sectorCols.length < n) continue;
      // The block holds numbers (blanks and placeholders allowed), no text.
      let numbers = 0;
      let text = 0;
      for (const q of sectorRows) {
        for (const p of sectorCols) {
          const d = dataAt(grid, q, p);
          if (d.kind === "number") numbers++;
          else if (d.kind === "text") text++;
        }
      }
      if (text > 0 || numbers < n) continue;
      best = { col: c, row: r, sectorRows, sectorCols };
    }
  }
  return best;
}

/** Label of one row or column: code, name, and every label cell. */
export interface LineLabel {
  code: string | null;
  name: string;
  labels: string[];
  /** Grid row/col of the cell holding the name (or the code, or where a label should be). */
  at: { r: number; c: number };
  key: string | null;
  empty: boolean;
}

/** Picks, among label positions (columns for rows, rows for columns), the one holding codes. */
export function pickCodePosition(
  positions: number[],
  primary: number,
  lines: number[],
  read: (line: number, pos: number) => string | null,
  isNumber: (line: number, pos: number) => boolean,
): number | null {
  let best: number | null = null;
  let bestScore = 0;
  for (const p of positions) {
    if (p === primary) continue;
    const seen = new Set<string>();
    let score = 0;
    for (const l of lines) {
      const t = read(l, p);
      if (t === null || seen.has(t)) continue;
      seen.add(t);
      if (isNumber(l, p)) score += 0.9;
      else if (isCodeLike(t)) score += 1;
    }
    if (score >= lines.length / 2 && score > bestScore) {
      bestScore = score;
      best = p;
    }
  }
  return best;
}

/** Picks the position holding names when the primary holds codes. */
export function pickNamePosition(
  positions: number[],
  primary: number,
  lines: number[],
  read: (line: number, pos: number) => string | null,
): number | null {
  let best: number | null = null;
  let bestScore = 0;
  for (const p of positions) {
    if (p === primary) continue;
    const seen = new Set<string>();
    for (const l of lines) {
      const t = read(l, p);
      if (t !== null && !isCodeLike(t) && !splitCodeName(t)) seen.add(t);
    }
    if (seen.size >= lines.length / 2 && seen.size > bestScore) {
      bestScore = seen.size;
      best = p;
    }
  }
  return best;
}

/** Reads the label of a line from its label positions. */
export function readLineLabel(
  read: (pos: number) => string | null,
  positions: number[],
  namePos: number | null,
  codePos: number | null,
  at: (pos: number) => { r: number; c: number },
  keyAt: (pos: number) => string | null,
  keyPos: number,
): LineLabel {
  const labels: string[] = [];
  for (const p of positions) {
    const t = read(p);
    if (t !== null) labels.push(t);
  }
  let code = codePos !== null ? read(codePos) : null;
  let name = namePos !== null ? read(namePos) : null;
  if (code !== null && !isCodeLike(code)) {
    // A word in the code position (a codes-only table's 国内生産額): it is the name.
    const split = splitCodeName(code);
    if (split) code = split.code;
    else {
      name = name ?? code;
      code = null;
    }
  }
  let where: number | null = name !== null ? namePos : code !== null ? codePos : null;
  if (name !== null) {
    const split = splitCodeName(name);
    if (split) {
      code = code ?? split.code;
      name = split.name;
      labels.push(split.code, split.name);
    }
  }
  if (name === null && code === null && labels.length > 0) {
    // A label outside the name/code positions (e.g. a note column): use the first one.
    const p = positions.find((q) => read(q) !== null)!;
    const t = read(p)!;
    const split = splitCodeName(t);
    if (split) [code, name] = [split.code, split.name];
    else name = t;
    where = p;
  }
  const pos = where ?? namePos ?? codePos ?? keyPos;
  return {
    code,
    name: name ?? code ?? "",
    labels,
    at: at(pos),
    key: keyAt(keyPos),
    empty: labels.length === 0,
  };
}
