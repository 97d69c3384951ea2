// Layout recognition: from a grid of cells to a TableLayout (a role per row and column, with the
// cell holding its label). TABLES.md "How to recognise": sectors are the labels that appear both
// as rows and as columns (when the two differ — product rows under industry columns, OECD TTL_01
// under D01 — they pair by position before the first dictionary label); every other line gets its
// role from the label dictionaries, or is a subtotal because it equals the sum of the lines before
// it; anything else is reported.
//
// The steps, each in its own module: blocks.ts (a table printed in blocks, joined), frame.ts
// (where the table is), lines.ts (each line's label), pairing.ts (sectors), mappingRoles.ts (the
// user's mapping), roles.ts (every other line), repeats.ts (lines that repeat others),
// importType.ts (the import convention), title.ts (title and unit).

import { RippleError, type RippleWarning } from "../errors";
import { gridAddress, maxOf, minOf, type Grid } from "../grid";
import { findBesideBlocks, withoutBlocks } from "./besideBlocks";
import { isComputedBlock, judgeBesideBlocks } from "./besideCheck";
import { findBlocks, joinGrid } from "./blocks";
import { joinWrappedSectorRows } from "./wrappedSectors";
import { numOrNaN } from "./cells";
import { findFrame } from "./frame";
import { findSharedAnchor, type Anchor } from "./header";
import { decideImportType } from "./importType";
import { readLines } from "./lines";
import { validateMapping } from "./mapping";
import { applyMapping } from "./mappingRoles";
import { numberSectors, pairByPosition, pairSectors } from "./pairing";
import { keepFirstOutput, markDerived, resolveDuplicateColumns } from "./repeats";
import { assignRoles, checkBetweenSectors, checkHeaderGap, gvaWithoutParts, resolveTotals } from "./roles";
import { refusePurchaserPrices } from "./purchaser";
import { findTitleAndUnit } from "./title";
import type { ImportType, Line, TableLayout, TableMapping } from "./types";
import { sectorColsOrdered, sectorRowsOrdered, type Work } from "./work";

export { allowedRoles } from "./work";

export interface RecognizeOptions {
  mapping?: TableMapping;
  importType?: ImportType;
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
  // Sector names wrapped over two label cells are read whole first (wrappedSectors.ts).
  const first = findSharedAnchor(sheetGrid);
  const sheet = first ? joinWrappedSectorRows(sheetGrid, first) : sheetGrid;
  const found = sheet === sheetGrid ? first : findSharedAnchor(sheet);
  // Blocks beside the table that are not part of it are taken out before anything is read from
  // the sheet, and judged by their numbers once the table is known (besideBlocks.ts); a block
  // taken in by its labels alone is taken out too when its numbers are computed from the table.
  const { outside, byLabel } = found ? findBesideBlocks(sheet, found) : { outside: [], byLabel: [] };
  let grid = outside.length > 0 ? withoutBlocks(sheet, outside) : sheet;
  let layout = recognizeJoined(grid, opts);
  const recognised = () => (layout.joined ? joinGrid(grid, layout.joined) : grid);
  const computed = byLabel.filter((b) => isComputedBlock(sheet, found!, recognised(), layout, b));
  const beside = [...outside, ...computed];
  if (computed.length > 0) {
    grid = withoutBlocks(sheet, beside);
    layout = recognizeJoined(grid, opts);
  }
  if (beside.length > 0) {
    layout.ignoredBlocks = judgeBesideBlocks(sheet, found!, recognised(), layout, beside);
    for (const b of layout.ignoredBlocks) {
      (layout.warnings ??= []).push({ code: "table.block-derived", text: b.reason, where: { sheet: sheet.sheet, cell: b.range } });
    }
  }
  return layout;
}

/** The layout of a sheet whose table may be printed in blocks (joined first). */
function recognizeJoined(sheetGrid: Grid, opts: RecognizeOptions): TableLayout {
  const shared = findSharedAnchor(sheetGrid);
  const join = shared ? findBlocks(sheetGrid, shared) : null;
  if (!join) return recognizeGrid(sheetGrid, shared, opts);
  const joined = joinGrid(sheetGrid, join);
  const layout = recognizeGrid(joined, findSharedAnchor(joined), opts);
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

/** The table of one grid (a sheet, or the blocks of a sheet joined), whose shared anchor is
 * `shared` (findSharedAnchor). */
function recognizeGrid(grid: Grid, shared: Anchor | null, opts: RecognizeOptions): TableLayout {
  const mapping = opts.mapping;
  const warnings: RippleWarning[] = [];
  const frame = findFrame(grid, shared);
  const { rows, cols } = readLines(grid, frame);

  if (frame.positional) pairByPosition(grid, rows, cols, frame.positional, warnings);
  else pairSectors(grid, rows, cols, frame.anchor.keys);
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
      { sheet: grid.sheet, cell: gridAddress(grid, frame.anchor.row, frame.anchor.col) },
    );
  }
  numberSectors(rows, cols);
  const { title, unit } = findTitleAndUnit(grid, frame.titleRows, frame.headerRows, frame.labelCols);
  refusePurchaserPrices(grid, rows, cols, title);

  const rowVals = (w: Work) => sectorColsOrdered(cols).map((c) => numOrNaN(grid, w.index, c.index));
  const colVals = (w: Work) => sectorRowsOrdered(rows).map((r) => numOrNaN(grid, r.index, w.index));
  const integerData = sectorRows.every((r) => sectorCols.every((c) => Number.isInteger(numOrNaN(grid, r.index, c.index))));

  checkBetweenSectors(grid, rows, cols);
  assignRoles(grid, "row", rows, rowVals, integerData, warnings);
  assignRoles(grid, "col", cols, colVals, integerData, warnings);
  checkHeaderGap(grid, rows, cols, frame.anchor, frame.R0, frame.C0);
  resolveTotals(rows, rowVals, integerData);
  resolveTotals(cols, colVals, integerData);
  gvaWithoutParts(rows);
  markDerived(grid, rows, rowVals, warnings);
  markDerived(grid, cols, colVals, warnings);
  keepFirstOutput(grid, rows, warnings);
  keepFirstOutput(grid, cols, warnings);
  resolveDuplicateColumns(grid, rows, cols, colVals, integerData, warnings);

  const importType = decideImportType(grid, rows, cols, opts.importType ?? mapping?.importType);
  return {
    sheet: grid.sheet,
    title,
    unit,
    rows: rows.map(toLine(grid)),
    cols: cols.map(toLine(grid)),
    sectorBlock: sectorBlock(grid, rows, cols),
    importType: importType.type,
    importTypeSource: importType.source,
    importTypeReason: importType.reason,
    warnings,
    ...(mapping?.dropZeroOutput ? { dropZeroOutput: true } : {}),
  };
}

/** A1 range of the intermediate block. */
function sectorBlock(grid: Grid, rows: Work[], cols: Work[]): string {
  const sr = sectorRowsOrdered(rows).map((w) => w.index);
  const sc = sectorColsOrdered(cols).map((w) => w.index);
  return `${gridAddress(grid, minOf(sr), minOf(sc))}:${gridAddress(grid, maxOf(sr), maxOf(sc))}`;
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
