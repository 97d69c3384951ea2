// Layout recognition: from a grid of cells to a TableLayout (a role per row and column, with the
// cell holding its label). TABLES.md "How to recognise": sectors are the labels that appear both
// as rows and as columns (when the two differ — product rows under industry columns, OECD TTL_01
// under D01 — they pair by position before the first dictionary label); every other line gets its
// role from the label dictionaries, or is a subtotal because it equals the sum of the lines before
// it; anything else is reported.

import { RippleError, type Bilingual, type RippleWarning } from "../errors";
import { maxOf, minOf, gridWidth, gridAddress, type Grid } from "../grid";
import { dataAt, isEmpty, numOrNaN, textAt } from "./cells";
import {
  findAnchor,
  findPositionalAnchor,
  findSharedAnchor,
  labelOrCodeKey,
  textKey,
  type Anchor,
  pickCodePosition,
  pickNamePosition,
  primaryKey,
  readLineLabel,
  type LineLabel,
  type PositionalAnchor,
} from "./header";
import { classifyLabel, type Dim, type LabelClass } from "./labels";
import { findMappingRole, unusedMappingLabels, validateMapping } from "./mapping";
import { codeKey, isCodeLike } from "./normalize";
import { closeTo } from "./tolerance";
import { derivedReason, findDerived } from "./derived";
import type { ImportType, Line, Role, TableLayout, TableMapping } from "./types";
import { findTitleAndUnit } from "./title";
import { findStackedBlocks, joinGrid } from "./blocks";
import { wrappedColumnLabels } from "./wrapped";

export interface RecognizeOptions {
  mapping?: TableMapping;
  importType?: ImportType;
}

/** A row or column while it is being recognised. */
interface Work extends LineLabel {
  dim: Dim;
  index: number;
  dict: LabelClass | null;
  role: Role | null;
  source: Line["source"];
  totalOf?: Line["totalOf"];
  sector?: number;
  hasData: boolean;
  derived?: Bilingual;
}

const ROW_ROLES = new Set<Role>([
  "sector", "subtotal", "ignore", "output", "employment", "tax-products", "import",
  "va:compensation", "va:surplus", "va:depreciation", "va:tax-production", "va:subsidy",
  "va:household-outside", "va:other",
]);
const COL_ROLES = new Set<Role>([
  "sector", "subtotal", "ignore", "output", "import", "export",
  "fd:household", "fd:household-outside", "fd:government", "fd:investment", "fd:inventory", "fd:other",
]);

export function allowedRoles(dim: Dim): Set<Role> {
  return dim === "row" ? ROW_ROLES : COL_ROLES;
}

function width(grid: Grid): number {
  return gridWidth(grid);
}

function dimWord(dim: Dim): Bilingual {
  return dim === "row" ? { ja: "行", en: "row" } : { ja: "列", en: "column" };
}

function lineWhere(grid: Grid, w: { at: { r: number; c: number } }) {
  return { sheet: grid.sheet, cell: gridAddress(grid, w.at.r, w.at.c) };
}

function showLabel(w: LineLabel): string {
  if (w.code && w.name && w.name !== w.code) return `${w.code} ${w.name}`;
  return w.name || w.code || "";
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

function checkHasNumbers(grid: Grid): void {
  let numbers = 0;
  for (let r = 0; r < grid.values.length && numbers < 4; r++) {
    for (let c = 0; c < grid.values[r].length; c++) if (typeof grid.values[r][c] === "number") numbers++;
  }
  if (numbers < 4 || grid.values.length < 3) {
    throw new RippleError(
      "table.no-table",
      {
        ja: "このシート（範囲）には数値の表がありません。産業連関表（取引基本表）のあるシートか範囲を選んでください。",
        en: "This sheet (range) holds no table of numbers. Select the sheet or range with the input-output (transactions) table.",
      },
      { sheet: grid.sheet, cell: gridAddress(grid, 0, 0) },
    );
  }
}

export function recognizeLayout(sheetGrid: Grid, opts: RecognizeOptions = {}): TableLayout {
  checkHasNumbers(sheetGrid);
  if (opts.mapping) validateMapping(opts.mapping, sheetGrid.sheet);
  const shared = findSharedAnchor(sheetGrid);
  const join = shared ? findStackedBlocks(sheetGrid, shared) : null;
  if (!join) return recognizeGrid(sheetGrid, shared, opts);
  const layout = recognizeGrid(joinGrid(sheetGrid, join), undefined, opts);
  layout.joined = join;
  (layout.warnings ??= []).unshift({
    code: "table.blocks-joined",
    text: {
      ja: `表は ${join.blocks.length} つの部分に分けて印刷されています（${join.blocks.join("、")}）。行のラベルで対応させて 1 つの表として読みました。`,
      en: `The table is printed in ${join.blocks.length} parts (${join.blocks.join(", ")}); they were joined by their row labels and read as one table.`,
    },
    where: { sheet: sheetGrid.sheet, cell: join.blocks[1].split(":")[0] },
  });
  return layout;
}

/** The table of one grid (a sheet, or the blocks of a sheet joined); `shared` is the grid's
 * shared anchor when already found (undefined: find it). */
function recognizeGrid(grid: Grid, shared: Anchor | null | undefined, opts: RecognizeOptions): TableLayout {
  const mapping = opts.mapping;
  const warnings: RippleWarning[] = [];
  const nr = grid.values.length;
  const nc = width(grid);
  const anchor = chooseAnchor(grid, shared === undefined ? findSharedAnchor(grid) : shared);
  const positional = anchor.positional;

  // Candidate sector rows/columns: the anchor labels that meet; their minimum gives the block corner.
  const candRows: number[] = positional ? [...positional.sectorRows] : [];
  const candCols: number[] = positional ? [...positional.sectorCols] : [];
  if (!positional) {
    for (let r = anchor.row + 1; r < nr; r++) {
      const k = labelOrCodeKey(grid, r, anchor.col, anchor.keys);
      if (k && anchor.keys.has(k)) candRows.push(r);
    }
    extendWrappedKeys(grid, anchor, minOf(candRows), candRows);
    for (let c = anchor.col + 1; c < nc; c++) {
      const k = colKeyAt(grid, anchor, c);
      if (k && anchor.keys.has(k)) candCols.push(c);
    }
  }
  const R0 = minOf(candRows);
  const C0 = minOf(candCols);

  // Label columns (left of the block) and header rows (above it); rows above with nothing over the
  // data columns are title rows.
  const labelCols: number[] = [];
  for (let c = 0; c < C0; c++) {
    let any = false;
    for (let r = R0; r < nr && !any; r++) any = !isEmpty(grid.values[r]?.[c] ?? null);
    if (any || c === anchor.col) labelCols.push(c);
  }
  const headerRows: number[] = [];
  const titleRows: number[] = [];
  for (let r = 0; r < R0; r++) {
    let any = false;
    for (let c = C0; c < nc && !any; c++) any = !isEmpty(grid.values[r]?.[c] ?? null);
    if (any || r === anchor.row) headerRows.push(r);
    else titleRows.push(r);
  }

  // Where codes and names are, for rows and for columns.
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
  const rowCodePos = rowPrimaryIsCode ? anchor.col : pickCodePosition(labelCols, anchor.col, candRows, rowRead, rowNum);
  const colCodePos = colPrimaryIsCode ? anchor.row : pickCodePosition(headerRows, anchor.row, candCols, colRead, colNum);
  const rowNamePos = rowPrimaryIsCode ? pickNamePosition(labelCols, anchor.col, candRows, rowRead) : anchor.col;
  const colNamePos = colPrimaryIsCode ? pickNamePosition(headerRows, anchor.row, candCols, colRead) : anchor.row;
  // Column names wrapped into the rows below ('電力・ガス・' / '水道'): one label, read whole.
  const wrapped = colNamePos === null ? null : wrappedColumnLabels(grid, colNamePos, R0, C0);
  const colHeaderRows = wrapped ? headerRows.filter((r) => !wrapped.rows.includes(r)) : headerRows;
  const colText = (r: number, c: number) => (r === colNamePos && wrapped?.text.get(c)) || textAt(grid, r, c);

  const makeWork = (dim: Dim, index: number): Work => {
    const label =
      dim === "row"
        ? readLineLabel(
            (p) => textAt(grid, index, p),
            labelCols,
            rowNamePos,
            rowCodePos,
            (p) => ({ r: index, c: p }),
            (p) => labelOrCodeKey(grid, index, p, anchor.keys),
            anchor.col,
          )
        : readLineLabel(
            (p) => colText(p, index),
            colHeaderRows,
            colNamePos,
            colCodePos,
            (p) => ({ r: p, c: index }),
            (p) => (p === anchor.row ? colKeyAt(grid, anchor, index) : labelOrCodeKey(grid, p, index, anchor.keys)),
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

  if (positional) pairByPosition(grid, rows, cols, positional, warnings);
  else pairSectors(grid, rows, cols, anchor.keys);
  applyMapping(grid, rows, cols, mapping);
  const sectorRows = rows.filter((w) => w.role === "sector");
  const sectorCols = cols.filter((w) => w.role === "sector");
  if (sectorRows.length < 2) {
    throw new RippleError(
      "table.no-table",
      {
        ja: "部門が 2 つ以上見つかりません。行と列に同じ部門ラベルが並ぶ産業連関表を選んでください。",
        en: "Fewer than two sectors found. Select an input-output table with the same sector labels as rows and as columns.",
      },
      { sheet: grid.sheet, cell: gridAddress(grid, anchor.row, anchor.col) },
    );
  }
  numberSectors(rows, cols);

  const rowVals = (w: Work) => sectorColsOrdered(cols).map((c) => numOrNaN(grid, w.index, c.index));
  const colVals = (w: Work) => sectorRowsOrdered(rows).map((r) => numOrNaN(grid, r.index, w.index));
  const integerData = sectorRows.every((r) => sectorCols.every((c) => Number.isInteger(numOrNaN(grid, r.index, c.index))));

  checkBetweenSectors(grid, rows, cols);
  for (const [dim, lines] of [["row", rows], ["col", cols]] as const) {
    assignRoles(grid, dim, lines, dim === "row" ? rowVals : colVals, integerData, warnings);
  }
  checkHeaderGap(grid, rows, cols, anchor, R0, C0);
  resolveTotals(rows, rowVals, integerData);
  resolveTotals(cols, colVals, integerData);
  for (const w of rows) {
    if (w.role === "subtotal" && w.totalOf === "value-added" && !rows.some((x) => x.role?.startsWith("va:"))) {
      w.role = "va:other";
      w.totalOf = undefined;
    }
  }
  markDerived(grid, rows, rowVals, warnings);
  markDerived(grid, cols, colVals, warnings);
  keepFirstOutput(grid, rows, warnings);
  keepFirstOutput(grid, cols, warnings);
  resolveDuplicateColumns(grid, rows, cols, colVals, integerData, warnings);

  const importType = decideImportType(grid, rows, cols, opts.importType ?? mapping?.importType);
  const { title, unit } = findTitleAndUnit(grid, titleRows, headerRows, labelCols);
  const sr = sectorRowsOrdered(rows);
  const sc = sectorColsOrdered(cols);
  const rMin = minOf(sr.map((w) => w.index));
  const rMax = maxOf(sr.map((w) => w.index));
  const cMin = minOf(sc.map((w) => w.index));
  const cMax = maxOf(sc.map((w) => w.index));
  return {
    sheet: grid.sheet,
    title,
    unit,
    rows: rows.map(toLine(grid)),
    cols: cols.map(toLine(grid)),
    sectorBlock: `${gridAddress(grid, rMin, cMin)}:${gridAddress(grid, rMax, cMax)}`,
    importType: importType.type,
    importTypeSource: importType.source,
    importTypeReason: importType.reason,
    warnings,
    ...(mapping?.dropZeroOutput ? { dropZeroOutput: true } : {}),
  };
}

/** Column keys in the header row that differ from the cell's own: the whole label of a column
 * whose name wraps into the rows below it (see extendWrappedKeys). */
const wrappedKeys = new WeakMap<Anchor, Map<number, string>>();

function colKeyAt(grid: Grid, anchor: Anchor, c: number): string | null {
  return wrappedKeys.get(anchor)?.get(c) ?? labelOrCodeKey(grid, anchor.row, c, anchor.keys);
}

/** A sector column whose name is wrapped over two header rows ('電力・ガス・' over '水道') has
 * its whole name as key: when that name is a row label (and no dictionary word), the column is a
 * sector column like the others. The rows so paired join the candidate rows. */
function extendWrappedKeys(grid: Grid, anchor: Anchor, bodyRow: number, candRows: number[]): void {
  const codes = [...anchor.keys].filter((k) => k.startsWith("c:")).length;
  if (!Number.isFinite(bodyRow) || codes * 2 > anchor.keys.size) return;
  const wrapped = wrappedColumnLabels(grid, anchor.row, bodyRow, anchor.col + 1);
  if (wrapped.text.size === 0) return;
  const rowsByKey = new Map<string, number>();
  for (let r = anchor.row + 1; r < grid.values.length; r++) {
    const k = primaryKey(grid, r, anchor.col);
    if (k && !rowsByKey.has(k)) rowsByKey.set(k, r);
  }
  const keys = new Map<number, string>();
  for (const [c, text] of wrapped.text) {
    const k = textKey(text);
    keys.set(c, k);
    const r = rowsByKey.get(k);
    if (r === undefined || anchor.keys.has(k) || classifyLabel(text, "row") || classifyLabel(text, "col")) continue;
    anchor.keys.add(k);
    if (!candRows.includes(r)) candRows.push(r);
  }
  wrappedKeys.set(anchor, keys);
}

/** The label column and header row: where the same labels meet, else (row and column labels
 * differ) the block found by position. */
function chooseAnchor(grid: Grid, shared: Anchor | null): { col: number; row: number; keys: Set<string>; positional: PositionalAnchor | null } {
  // Keys that are dictionary labels (TOTAL, Output) do not make sectors.
  const plain = shared ? [...shared.keys].filter((k) => !classifyLabel(k.slice(2), "row") && !classifyLabel(k.slice(2), "col")) : [];
  if (shared && plain.length >= 2) return { ...shared, keys: new Set(shared.keys), positional: null };
  const positional = findPositionalAnchor(grid);
  if (positional) return { col: positional.col, row: positional.row, keys: new Set(), positional };
  if (shared) return { ...shared, positional: null };
  return { ...findAnchor(grid), positional: null };
}

/** Sector k is the k-th labelled row and the k-th labelled column of the positional block. The
 * pairing is reported, since the labels do not show it. */
function pairByPosition(grid: Grid, rows: Work[], cols: Work[], p: PositionalAnchor, warnings: RippleWarning[]): void {
  const pairs: [Work, Work][] = [];
  p.sectorRows.forEach((ri, k) => {
    const r = rows.find((w) => w.index === ri);
    const c = cols.find((w) => w.index === p.sectorCols[k]);
    if (r && c) pairs.push([r, c]);
  });
  for (const [r, c] of pairs) {
    for (const w of [r, c]) {
      w.role = "sector";
      w.source = "position";
      w.sector = -1;
    }
    (r as Partnered).partner = c;
    (c as Partnered).partner = r;
  }
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

function toLine(grid: Grid) {
  return (w: Work): Line => {
    const line: Line = {
      index: w.index,
      address: gridAddress(grid, w.at.r, w.at.c),
      code: w.code,
      name: w.name,
      role: w.role ?? "ignore",
      source: w.source,
      labels: w.labels,
    };
    if (w.sector !== undefined) line.sector = w.sector;
    if (w.totalOf !== undefined) line.totalOf = w.totalOf;
    if (w.derived !== undefined) line.derived = w.derived;
    return line;
  };
}

function sectorRowsOrdered(rows: Work[]): Work[] {
  return rows.filter((w) => w.role === "sector").sort((a, b) => a.sector! - b.sector!);
}
function sectorColsOrdered(cols: Work[]): Work[] {
  return cols.filter((w) => w.role === "sector").sort((a, b) => a.sector! - b.sector!);
}

/** Rows and columns can pair when their keys agree and their codes do not contradict. */
function compatible(a: Work, b: Work): boolean {
  if (!a.key || a.key !== b.key) return false;
  if (a.code && b.code && codeKey(a.code) !== codeKey(b.code)) return false;
  return true;
}

/** Pairs rows with columns of the same label. Dictionary labels (totals, output) pair too but
 * are not sectors unless they sit between sectors in both directions. */
function pairSectors(grid: Grid, rows: Work[], cols: Work[], keys: Set<string>): void {
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
  for (const [r, c] of sectors) {
    r.role = "sector";
    c.role = "sector";
    r.source = "label";
    c.source = "label";
    r.sector = -1;
    c.sector = -1;
    (r as Work & { partner?: Work }).partner = c;
    (c as Work & { partner?: Work }).partner = r;
  }
}

type Partnered = Work & { partner?: Work };

/** Sector index by row order; the paired column takes the same index. */
function numberSectors(rows: Work[], cols: Work[]): void {
  let k = 0;
  for (const r of rows) {
    if (r.role !== "sector") continue;
    r.sector = k;
    (r as Partnered).partner!.sector = k;
    k++;
  }
  for (const c of cols) if (c.role !== "sector") delete c.sector;
}

/** The user's mapping wins over detection for the lines it names. */
function applyMapping(grid: Grid, rows: Work[], cols: Work[], mapping: TableMapping | undefined): void {
  if (!mapping) return;
  const hits = { rows: new Set<string>(), cols: new Set<string>() };
  for (const [lines, table, hit] of [
    [rows, mapping.rows, hits.rows],
    [cols, mapping.cols, hits.cols],
  ] as const) {
    if (!table) continue;
    for (const w of lines) {
      const m = findMappingRole(table, w);
      if (!m) continue;
      hit.add(m.label);
      const p = (w as Partnered).partner;
      if (m.role === "sector") {
        if (w.role === "sector") {
          w.source = "mapping";
          continue;
        }
        const other = w.dim === "row" ? cols : rows;
        const partner = other.find((x) => x.role !== "sector" && compatible(w, x));
        if (!partner) {
          throw new RippleError(
            "table.mapping-sector-unpaired",
            {
              ja: `マッピングで「${m.label}」を部門としていますが、同じラベルの${dimWord(w.dim === "row" ? "col" : "row").ja}がありません。ラベルを揃えるか、マッピングを直してください。`,
              en: `The mapping makes '${m.label}' a sector, but no ${dimWord(w.dim === "row" ? "col" : "row").en} has the same label. Align the labels or correct the mapping.`,
            },
            lineWhere(grid, w),
          );
        }
        for (const x of [w, partner]) {
          x.role = "sector";
          x.source = "mapping";
          x.sector = -1;
        }
        (w as Partnered).partner = partner;
        (partner as Partnered).partner = w;
        continue;
      }
      if (w.role === "sector" && p) {
        // Dropping a sector (e.g. one with zero output): its row and column both leave the block.
        p.role = m.role === "ignore" ? "ignore" : p.role === "sector" ? "ignore" : p.role;
        p.source = "mapping";
        delete p.sector;
        (p as Partnered).partner = undefined;
      }
      w.role = m.role;
      w.source = "mapping";
      if (w.dict?.role === m.role && w.dict.totalOf) w.totalOf = w.dict.totalOf;
      delete w.sector;
      (w as Partnered).partner = undefined;
    }
  }
  const unused = [
    ...unusedMappingLabels(mapping.rows, hits.rows).map((l) => ["row", l] as const),
    ...unusedMappingLabels(mapping.cols, hits.cols).map((l) => ["col", l] as const),
  ];
  if (unused.length > 0) {
    const [dim, label] = unused[0];
    const near = nearestLabels(label, dim === "row" ? rows : cols);
    const hint = near.length ? { ja: ` 近いラベル: ${near.join("、")}。`, en: ` Nearest labels: ${near.map((l) => `'${l}'`).join(", ")}.` } : { ja: "", en: "" };
    throw new RippleError(
      "table.mapping-label-unknown",
      {
        ja: `マッピングの${dimWord(dim).ja}ラベル「${label}」が表のどの${dimWord(dim).ja}にも見つかりません。表に書かれているとおりのラベル（コード、名前、または「コード 名前」）を使ってください。${hint.ja}`,
        en: `The mapping's ${dimWord(dim).en} label '${label}' matches no ${dimWord(dim).en} of the table. Use the label as written in the table (code, name, or 'code name').${hint.en}`,
      },
      { sheet: grid.sheet },
    );
  }
}

/** Up to three labels of the table's lines that look most like a mapping label no line matched
 * (shared character pairs, case-insensitive), so a typo can be corrected from the message. */
function nearestLabels(label: string, lines: Work[]): string[] {
  const pairs = (t: string) => {
    const u = t.toLowerCase().replace(/\s+/g, " ");
    const out = new Set<string>();
    for (let i = 0; i + 1 < u.length; i++) out.add(u.slice(i, i + 2));
    return out;
  };
  const want = pairs(label);
  if (want.size === 0) return [];
  const scored = lines
    .filter((w) => !w.empty && w.name)
    .map((w) => {
      const text = w.code && w.code !== w.name ? `${w.code} ${w.name}` : w.name;
      const have = pairs(text);
      let common = 0;
      for (const p of want) if (have.has(p)) common++;
      return { text, score: (2 * common) / (want.size + have.size) };
    })
    .filter((x) => x.score >= 0.3)
    .sort((a, b) => b.score - a.score);
  return [...new Set(scored.map((x) => x.text))].slice(0, 3);
}

/** Lines between sectors must be sectors (or a subtotal/ignored line the label names). An empty
 * label is reported first: it is why its row (or column) found no partner. */
function checkBetweenSectors(grid: Grid, rows: Work[], cols: Work[]): void {
  const inside = (lines: Work[]) => {
    const idx = lines.filter((w) => w.role === "sector").map((w) => w.index);
    const lo = minOf(idx);
    const hi = maxOf(idx);
    return lines.filter((w) => w.index > lo && w.index < hi && w.role !== "sector" && w.hasData);
  };
  const problems = [...inside(rows), ...inside(cols)].filter((w) => {
    const role = w.role ?? (w.dict && allowedRoles(w.dim).has(w.dict.role) ? w.dict.role : null);
    return role !== "subtotal" && role !== "ignore";
  });
  const empty = problems.find((w) => w.empty);
  if (empty) throw emptyLabelError(grid, empty);
  if (problems.length > 0) throw mismatchError(grid, problems[0]);
}

/** Roles of the lines that are not sectors: dictionary, sums, position; unknown ones reported. */
function assignRoles(
  grid: Grid,
  dim: Dim,
  lines: Work[],
  vals: (w: Work) => number[],
  integerData: boolean,
  warnings: RippleWarning[],
): void {
  const sectorIdx = lines.filter((w) => w.role === "sector").map((w) => w.index);
  const lo = minOf(sectorIdx);
  const hi = maxOf(sectorIdx);
  const allowed = allowedRoles(dim);
  for (const w of lines) {
    if (w.role !== null) continue;
    if (w.dict && allowed.has(w.dict.role)) {
      w.role = w.dict.role;
      w.totalOf = w.dict.totalOf;
      w.source = "label";
    }
  }
  for (const w of lines) {
    if (w.index > lo && w.index < hi && w.role === null && !w.hasData) {
      w.role = "ignore";
      w.source = "position";
    }
  }
  const afterBlock = lines.filter((w) => w.index > hi);
  const firstAfter = afterBlock.find((w) => w.hasData || !w.empty);
  for (let k = 0; k < lines.length; k++) {
    const w = lines[k];
    if (w.role !== null) continue;
    w.source = "position";
    if (!w.hasData) {
      w.role = "ignore";
      continue;
    }
    const v = vals(w);
    if (isSumOfPrevious(lines, k, v, vals, integerData)) {
      w.role = "subtotal";
      w.source = "sum";
      continue;
    }
    if (w.index < lo) {
      w.role = "ignore";
    } else if (w === firstAfter) {
      // Right after the sectors and unknown: a sector missing from the other direction.
      throw w.empty ? emptyLabelError(grid, w) : mismatchError(grid, w);
    } else {
      w.role = "ignore";
    }
    const label = showLabel(w) || gridAddress(grid, w.at.r, w.at.c);
    warnings.push({
      code: "table.unknown-line",
      text: {
        ja: `${dimWord(dim).ja}「${label}」の役割が分からないため使いません（無視）。必要ならマッピングで役割を指定してください。`,
        en: `The role of ${dimWord(dim).en} '${label}' is unknown, so it is not used (ignore). Give it a role in the mapping if it is needed.`,
      },
      where: lineWhere(grid, w),
    });
  }
}

function isSumOfPrevious(lines: Work[], k: number, v: number[], vals: (w: Work) => number[], integerData: boolean): boolean {
  if (v.some((x) => Number.isNaN(x)) || v.every((x) => x === 0)) return false;
  const acc = new Array<number>(v.length).fill(0);
  let count = 0;
  for (let p = k - 1; p >= 0; p--) {
    const w = lines[p];
    if (w.role === "subtotal" || w.role === "output" || w.role === "ignore" || !w.hasData) continue;
    const u = vals(w);
    if (u.some((x) => Number.isNaN(x))) return false;
    for (let i = 0; i < acc.length; i++) acc[i] += u[i];
    count++;
    if (count >= 2 && acc.every((a, i) => closeTo(a, v[i], integerData))) return true;
  }
  return false;
}

function emptyLabelError(grid: Grid, w: Work): RippleError {
  const word = dimWord(w.dim);
  return new RippleError(
    "table.empty-label",
    {
      ja: `部門ブロックの${word.ja}ラベルが空です（結合セルか空白）。この${word.ja}に部門名（またはコード）を入れるか、結合を解除してください。`,
      en: `A ${word.en} label in the sector block is empty (a merged or blank cell). Type the sector name (or code) for this ${word.en}, or unmerge the cells.`,
    },
    lineWhere(grid, w),
  );
}

function mismatchError(grid: Grid, w: Work): RippleError {
  const word = dimWord(w.dim);
  const other = dimWord(w.dim === "row" ? "col" : "row");
  return new RippleError(
    "table.sector-mismatch",
    {
      ja: `${word.ja}「${showLabel(w)}」は部門の並びにありますが、同じラベルの${other.ja}がありません。部門は行と列の両方に同じラベルで必要です。ラベルを揃えるか、マッピングで役割を指定してください。`,
      en: `${word.en === "row" ? "Row" : "Column"} '${showLabel(w)}' sits among the sectors but no ${other.en} has the same label. Every sector needs the same label as a row and as a column: align the labels or give the line a role in the mapping.`,
    },
    lineWhere(grid, w),
  );
}

/** Rows between the header row and the first sector row (or columns between the label column and
 * the first sector column) holding quantities in the sector block could not be placed: probably
 * sectors missing from the other direction. A row of small whole numbers is a code row. */
function checkHeaderGap(grid: Grid, rows: Work[], cols: Work[], anchor: { row: number; col: number }, R0: number, C0: number): void {
  const codeLike = (v: unknown) => typeof v !== "number" || (Number.isInteger(v) && v >= 0 && v < 10000);
  const sc = cols.filter((w) => w.role === "sector");
  const sr = rows.filter((w) => w.role === "sector");
  for (let r = anchor.row + 1; r < R0; r++) {
    const cells = sc.map((c) => grid.values[r]?.[c.index] ?? null);
    const label = textAt(grid, r, anchor.col);
    if (label && cells.filter((v) => typeof v === "number").length > sc.length / 2 && !cells.every(codeLike)) {
      throw mismatchError(grid, { ...rowStub(r, anchor.col, label), dim: "row" } as Work);
    }
  }
  for (let c = anchor.col + 1; c < C0; c++) {
    const cells = sr.map((w) => grid.values[w.index]?.[c] ?? null);
    const label = textAt(grid, anchor.row, c);
    if (label && cells.filter((v) => typeof v === "number").length > sr.length / 2 && !cells.every(codeLike)) {
      throw mismatchError(grid, { ...rowStub(anchor.row, c, label), dim: "col" } as Work);
    }
  }
}

function rowStub(r: number, c: number, label: string): LineLabel {
  return { code: null, name: label, labels: [label], at: { r, c }, key: null, empty: false };
}

/** Totals of one role (輸出計, 移出計, 移輸出計, （控除）輸入計): a total that adds up the lines of
 * its role just before it (輸出（普通貿易）+輸出（特殊貿易） = 輸出計; 輸出計+移出計 = 移輸出計) is a
 * subtotal; one that adds up nothing (輸出計 alone, or Aomori's 輸出計 and 移出計 as the items) is
 * itself the line of that role. Without comparable numbers: a subtotal when parts exist. */
function resolveTotals(lines: Work[], vals: (w: Work) => number[], integerData: boolean): void {
  const isTotal = (w: Work) =>
    w.role === "subtotal" && !!w.totalOf && w.totalOf !== "value-added" && w.source !== "mapping";
  const converted = new Set<Work>();
  for (const w of lines) {
    if (!isTotal(w)) continue;
    const role = w.totalOf as Role;
    // The items of this role before w (explicit ones and totals already turned into items).
    const items = lines.filter((x) => x.index < w.index && x.role === role);
    const v = vals(w);
    let verdict: "subtotal" | "item" | null = null;
    if (!v.some((x) => Number.isNaN(x)) && v.some((x) => x !== 0)) {
      verdict = "item";
      const acc = new Array<number>(v.length).fill(0);
      for (let k = items.length - 1; k >= 0; k--) {
        const u = vals(items[k]);
        if (u.some((x) => Number.isNaN(x))) {
          verdict = null;
          break;
        }
        for (let i = 0; i < acc.length; i++) acc[i] += u[i];
        // A total of one other total (移入計 = 輸入計 by chance) totals nothing.
        const terms = items.length - k;
        if ((terms > 1 || !converted.has(items[k])) && mostlyEqual(acc, v, terms, integerData)) {
          verdict = "subtotal";
          break;
        }
      }
    }
    if (verdict === null) verdict = lines.some((x) => x !== w && x.role === role) ? "subtotal" : "item";
    if (verdict === "item") {
      w.role = role;
      w.totalOf = undefined;
      converted.add(w);
    }
  }
}

/** Sums of rounded cells miss by up to one unit per term; almost every cell must agree. */
function mostlyEqual(acc: number[], v: number[], terms: number, integerData: boolean): boolean {
  let nonZero = 0;
  let agree = 0;
  for (let i = 0; i < v.length; i++) {
    if (v[i] === 0 && acc[i] === 0) continue;
    nonZero++;
    const tol = Math.max(1e-3 * Math.abs(v[i]), integerData ? terms : 1e-9);
    if (Math.abs(acc[i] - v[i]) <= tol) agree++;
  }
  return nonZero > 0 && agree >= 0.9 * nonZero;
}

/** Lines the model would use that are computed from other lines (engine/table/derived.ts): MIC's
 * |輸入| and 輸入/国内需要合計 beside the table. They are ignored, with the reason. */
function markDerived(grid: Grid, lines: Work[], vals: (w: Work) => number[], warnings: RippleWarning[]): void {
  const data = lines.filter((w) => w.role !== "sector" && w.hasData);
  // Subtotals too: a total by label is used (粗付加価値部門計), and 粗付加価値率 reads like one.
  const used = (w: Work) => w.source !== "mapping" && w.role !== null && w.role !== "output" && w.role !== "ignore";
  const candidates = data.map((_, k) => k).filter((k) => used(data[k]));
  if (candidates.length === 0) return;
  const found = findDerived(data.map(vals), candidates);
  const names = data.map((w) => showLabel(w) || gridAddress(grid, w.at.r, w.at.c));
  for (const [k, d] of found) {
    const w = data[k];
    const why = derivedReason(d, names);
    w.role = "ignore";
    w.source = "sum";
    w.totalOf = undefined;
    w.derived = why;
    warnings.push({
      code: "table.derived-line",
      text: {
        ja: `${dimWord(w.dim).ja}「${names[k]}」は${why.ja}で、他の行・列から計算された値のため使いません。`,
        en: `${w.dim === "row" ? "Row" : "Column"} '${names[k]}' is ${why.en}, computed from other lines, so it is not used.`,
      },
      where: lineWhere(grid, w),
    });
  }
}

function keepFirstOutput(grid: Grid, lines: Work[], warnings: RippleWarning[]): void {
  const outs = lines.filter((w) => w.role === "output");
  for (const w of outs.slice(1)) {
    w.role = "subtotal";
    warnings.push({
      code: "table.second-output",
      text: {
        ja: `生産額の${dimWord(w.dim).ja}が複数あります。最初の「${showLabel(outs[0])}」を使い、「${showLabel(w)}」は検算用の合計とします。`,
        en: `Several output ${dimWord(w.dim).en}s: the first, '${showLabel(outs[0])}', is used and '${showLabel(w)}' is treated as a check total.`,
      },
      where: lineWhere(grid, w),
    });
  }
}

/** Two final-demand columns of the same role that repeat each other's numbers (Spicosa's
 * final_consumption_private and final_consumption_households): keep the one with which the rows
 * balance against output, ignore the other, so that nothing is counted twice. */
function resolveDuplicateColumns(
  grid: Grid,
  rows: Work[],
  cols: Work[],
  colVals: (w: Work) => number[],
  integerData: boolean,
  warnings: RippleWarning[],
): void {
  const fd = cols.filter((w) => w.role !== null && (w.role.startsWith("fd:") || w.role === "export"));
  const out = cols.find((w) => w.role === "output");
  const sectorRows = sectorRowsOrdered(rows);
  const sectorCols = sectorColsOrdered(cols);
  const rowGap = (exclude: Work): number => {
    if (!out) return 0;
    const x = colVals(out);
    let gap = 0;
    sectorRows.forEach((r, i) => {
      let s = 0;
      for (const c of sectorCols) s += numOrNaN(grid, r.index, c.index);
      for (const c of cols) {
        if (c === exclude || c.role === null) continue;
        if (c.role.startsWith("fd:") || c.role === "export" || c.role === "import") s += numOrNaN(grid, r.index, c.index);
      }
      gap += Math.abs(s - x[i]);
    });
    return gap;
  };
  for (let a = 0; a < fd.length; a++) {
    for (let b = a + 1; b < fd.length; b++) {
      const A = fd[a];
      const B = fd[b];
      if (A.role !== B.role || A.role === "ignore" || B.role === "ignore") continue;
      const va = colVals(A);
      const vb = colVals(B);
      const nonZero = va.filter((x, i) => x !== 0 || vb[i] !== 0).length;
      const same = va.filter((x, i) => x !== 0 && closeTo(x, vb[i], integerData)).length;
      if (same < 2 || same * 2 < nonZero) continue;
      const drop = out && rowGap(A) < rowGap(B) ? A : B;
      const keep = drop === A ? B : A;
      drop.role = "ignore";
      drop.source = "sum";
      warnings.push({
        code: "table.duplicate-column",
        text: {
          ja: `列「${showLabel(drop)}」は「${showLabel(keep)}」とほぼ同じ値で、二重計上になるため使いません（${out ? "行の合計が生産額と合う方を残しました" : "先の列を残しました"}）。`,
          en: `Column '${showLabel(drop)}' nearly repeats '${showLabel(keep)}' and would be counted twice, so it is not used (${out ? "kept the one with which rows add up to output" : "kept the first"}).`,
        },
        where: lineWhere(grid, drop),
      });
    }
  }
}

function decideImportType(
  grid: Grid,
  rows: Work[],
  cols: Work[],
  user: ImportType | undefined,
): { type: ImportType; source: "detected" | "user"; reason: Bilingual } {
  const importCols = cols.filter((w) => w.role === "import");
  const importRows = rows.filter((w) => w.role === "import");
  const cells = (ws: Work[]) => ws.map((w) => `${gridAddress(grid, w.at.r, w.at.c)} ${showLabel(w)}`).join(", ");
  if (user) {
    return {
      type: user,
      source: "user",
      reason: {
        ja: `利用者の指定により${user === "competitive" ? "競争輸入型" : "非競争輸入型（国産品表）"}として扱います。`,
        en: `Treated as ${user === "competitive" ? "competitive-import" : "domestic-use (non-competitive)"} because the user chose it.`,
      },
    };
  }
  if (importCols.length > 0) {
    return {
      type: "competitive",
      source: "detected",
      reason: {
        ja: `最終需要部門に（控除）輸入の列があるため競争輸入型と判定しました: ${cells(importCols)}。`,
        en: `Competitive imports: the final-demand block has (less) import columns: ${cells(importCols)}.`,
      },
    };
  }
  if (importRows.length > 0) {
    return {
      type: "domestic",
      source: "detected",
      reason: {
        ja: `輸入が行（粗付加価値と並ぶ投入）として記録されているため非競争輸入型（国産品の表）と判定しました: ${cells(importRows)}。`,
        en: `Domestic-use table: imports are a row of primary inputs: ${cells(importRows)}.`,
      },
    };
  }
  return {
    type: "domestic",
    source: "detected",
    reason: {
      ja: "輸入の行も（控除）輸入の列もないため、中間投入は国産品のみ（非競争輸入型）とみなしました。",
      en: "No import row and no (less) import column: intermediate flows are taken as domestic (domestic-use table).",
    },
  };
}

