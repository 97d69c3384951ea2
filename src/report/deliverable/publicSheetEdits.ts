// The public version's edits of a sheet: rows and columns removed or inserted with everything that
// points at them (row tags, charts' ranges) moved along.

import { type BlockSpec, type ChartSpec, type RangeRef, type RowTag, type SheetSpec, type WorkbookSpec } from "../spec";

export function chartRanges(c: ChartSpec): RangeRef[] {
  return [...(c.categories ? [c.categories] : []), ...c.series.flatMap((s) => [s.values, ...(s.x ? [s.x] : []), ...(s.labels ? [s.labels] : [])])];
}

/** Every range that points at `sheet`, wherever its chart is. */
export function rangesOn(spec: WorkbookSpec, sheet: SheetSpec): RangeRef[] {
  const out: RangeRef[] = [];
  for (const s of spec.sheets)
    for (const c of s.charts ?? []) for (const r of chartRanges(c)) if ((r.sheet ?? s.name) === sheet.name) out.push(r);
  return out;
}

export function removeRow(spec: WorkbookSpec, sheet: SheetSpec, block: BlockSpec, r: number): void {
  const abs = block.row + r;
  const colFrom = block.col;
  const colTo = block.col + Math.max(0, ...block.values.map((v) => v.length)) - 1;
  block.values.splice(r, 1);
  block.rowTags = reindex(block.rowTags, r);
  block.cellTags = reindexCells(block.cellTags, r, 0);
  for (const b of sheet.blocks) if (b !== block && b.row > abs) b.row--;
  sheet.blocks = sheet.blocks.filter((b) => b.values.length > 0);
  for (const ref of rangesOn(spec, sheet)) {
    const overlapsCols = ref.col <= colTo && ref.col + ref.cols - 1 >= colFrom;
    if (ref.row > abs) ref.row--;
    else if (overlapsCols && ref.row <= abs && abs < ref.row + ref.rows) ref.rows--;
  }
  for (const c of sheet.charts ?? []) if (c.anchor.row > abs) c.anchor.row--;
  if (sheet.freeze && sheet.freeze.rows > abs) sheet.freeze.rows--;
}

export function removeCol(spec: WorkbookSpec, sheet: SheetSpec, block: BlockSpec, c: number): void {
  const abs = block.col + c;
  const rowFrom = block.row;
  const rowTo = block.row + block.values.length - 1;
  for (const row of block.values) if (row.length > c) row.splice(c, 1);
  if (Array.isArray(block.numberFormat)) block.numberFormat.splice(c, 1);
  block.colTags = reindex(block.colTags, c);
  block.cellTags = reindexCells(block.cellTags, c, 1);
  for (const ref of rangesOn(spec, sheet)) {
    const within = ref.row >= rowFrom && ref.row + ref.rows - 1 <= rowTo;
    if (!within) continue;
    if (ref.col > abs) ref.col--;
    else if (ref.col <= abs && abs < ref.col + ref.cols) ref.cols--;
  }
}

/** Moves everything at or below `from` down by `count` rows (to make room for a note). */
export function insertRows(spec: WorkbookSpec, sheet: SheetSpec, from: number, count: number): void {
  for (const b of sheet.blocks) if (b.row >= from) b.row += count;
  for (const ref of rangesOn(spec, sheet)) if (ref.row >= from) ref.row += count;
  for (const c of sheet.charts ?? []) if (c.anchor.row >= from) c.anchor.row += count;
  if (sheet.freeze && sheet.freeze.rows > from) sheet.freeze.rows += count;
}

export function reindex(tags: Record<number, RowTag> | undefined, removed: number): Record<number, RowTag> | undefined {
  if (!tags) return tags;
  const out: Record<number, RowTag> = {};
  for (const [k, t] of Object.entries(tags)) {
    const i = Number(k);
    if (i < removed) out[i] = t;
    else if (i > removed) out[i - 1] = t;
  }
  return out;
}

/** Cell tags after removing row (axis 0) or column (axis 1) `removed` of their block. */
export function reindexCells(tags: Record<string, RowTag> | undefined, removed: number, axis: 0 | 1): Record<string, RowTag> | undefined {
  if (!tags) return tags;
  const out: Record<string, RowTag> = {};
  for (const [k, t] of Object.entries(tags)) {
    const rc = k.split(",").map(Number);
    if (rc[axis] === removed) continue;
    if (rc[axis] > removed) rc[axis]--;
    out[`${rc[0]},${rc[1]}`] = t;
  }
  return out;
}

// ---- aggregates -------------------------------------------------------------------------
