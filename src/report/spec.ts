// A host-independent description of a results workbook: sheets, cell blocks, number formats,
// charts and provenance. The report layer builds it from engine results; the hosts
// (src/workbook/office for Excel, src/workbook/xlsx for files) write it. Nothing here knows
// about Office or files.

/** A cell to write. A string is always text, even when it begins with "=", "+", "-" or "@";
 * formulas are explicit objects (used only by audit sheets). */
export type CellSpec = string | number | boolean | null | FormulaCell;

export interface FormulaCell {
  formula: string; // without the leading "=", A1 style, e.g. "SUM(B2:B14)"
  /** The value the report layer computed, cached in files so viewers show it before recalc. */
  value?: number | string;
  /** Array formula (e.g. MMULT) over this many rows and columns starting at the cell. */
  array?: { rows: number; cols: number };
}

export type BlockStyle = "title" | "subtitle" | "header" | "body" | "total" | "note";

/** A rectangle of cells starting at (row, col), zero-based within the sheet. */
export interface BlockSpec {
  row: number;
  col: number;
  values: CellSpec[][];
  style?: BlockStyle;
  /** One number format for the whole block, or one per column of the block (null: General). */
  numberFormat?: string | (string | null)[];
}

/** A rectangle on a sheet, zero-based, inclusive of its first cell; sheet defaults to the
 * sheet the chart is on. */
export interface RangeRef {
  sheet?: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export type ChartType =
  | "column" // clustered vertical bars
  | "columnStacked"
  | "bar" // clustered horizontal bars
  | "barStacked"
  | "line"
  | "scatter";

export interface SeriesSpec {
  name: string;
  values: RangeRef;
  /** x values for scatter charts. */
  x?: RangeRef;
  /** For scatter: "markers" (default) or "line" (e.g. the 1.0 reference lines). */
  style?: "markers" | "line";
}

export interface ChartSpec {
  type: ChartType;
  title: string;
  /** Category labels (not used by scatter charts). */
  categories?: RangeRef;
  series: SeriesSpec[];
  xAxisTitle?: string;
  yAxisTitle?: string;
  /** Top-left cell and size in cells where the chart is placed. */
  anchor: { row: number; col: number; widthCols: number; heightRows: number };
}

/** A drop-down list on a range of cells (input templates). `list` holds the allowed values;
 * `source`, when given, is a range that holds the same values, for hosts whose inline lists are
 * limited (Excel: 255 characters) — the hosts use it when the inline list would be too long. */
export interface ValidationSpec {
  range: RangeRef;
  list: string[];
  source?: RangeRef;
  /** Shown when a cell of the range is selected (Excel's input message). */
  prompt?: string;
}

export interface SheetSpec {
  /** Stable identifier of the sheet's role, e.g. "summary", "A", "L". */
  key: string;
  /** Desired name; the host makes it unique (a second run never overwrites). ≤ 31 chars. */
  name: string;
  blocks: BlockSpec[];
  /** Column widths in characters, by zero-based column. */
  columnWidths?: Record<number, number>;
  /** Rows and columns to freeze (headers). */
  freeze?: { rows: number; cols: number };
  charts?: ChartSpec[];
  tabColor?: string;
  /** Drop-down lists (templates only; results sheets have none). */
  validations?: ValidationSpec[];
}

export interface ProvenanceSpec {
  software: string;
  version: string;
  createdAt: string; // ISO 8601
  inputs: { description: string; sheet?: string; range?: string; checksum?: string }[];
  parameters: { name: string; value: string | number; source: string }[];
  variants: string[];
  warnings: string[];
}

export interface WorkbookSpec {
  lang: "ja" | "en";
  sheets: SheetSpec[];
  provenance: ProvenanceSpec;
}

const FORBIDDEN = /[\\/?*[\]:]/g;

/** A sheet name that Excel accepts and that no existing sheet has: "名前", "名前 (2)", … */
export function uniqueSheetName(desired: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((s) => s.toLowerCase()));
  let base = desired.replace(FORBIDDEN, "_").replace(/^'+|'+$/g, "").trim() || "Sheet";
  base = base.slice(0, 31);
  if (!taken.has(base.toLowerCase())) return base;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Assign final names to every sheet of a spec given the sheets a workbook already has, and
 * rewrite chart references that name sheets by their desired name. */
export function resolveSheetNames(spec: WorkbookSpec, existing: Iterable<string>): WorkbookSpec {
  const names = [...existing];
  const renamed = new Map<string, string>();
  const sheets = spec.sheets.map((s) => {
    const name = uniqueSheetName(s.name, names);
    names.push(name);
    renamed.set(s.name, name);
    return { ...s, name };
  });
  const fix = (r: RangeRef | undefined): RangeRef | undefined =>
    r && r.sheet && renamed.has(r.sheet) ? { ...r, sheet: renamed.get(r.sheet) } : r;
  for (const s of sheets) {
    s.charts = s.charts?.map((c) => ({
      ...c,
      categories: fix(c.categories),
      series: c.series.map((se) => ({ ...se, values: fix(se.values)!, x: fix(se.x) })),
    }));
    if (s.validations) s.validations = s.validations.map((v) => ({ ...v, range: fix(v.range)!, source: fix(v.source) }));
  }
  return { ...spec, sheets };
}
