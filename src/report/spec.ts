// A host-independent description of a results workbook: sheets, cell blocks, number formats,
// charts and provenance. The report layer builds it from engine results; the hosts
// (src/workbook/office for Excel, src/workbook/xlsx for files) write it. Nothing here knows
// about Office or files.

/** A cell to write. A string is always text, even when it begins with "=", "+", "-" or "@";
 * formulas are explicit objects (used only by audit sheets). */
export type CellSpec = string | number | boolean | null | FormulaCell;

export interface FormulaCell {
  formula: string; // without the leading "=", A1 style, e.g. "SUM(B2:B14)"
  /** The value the report layer computed, cached in files so viewers show it before recalc
   * (boolean: the result of a check such as "=ABS(x-y)<1E-9"). */
  value?: number | string | boolean;
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
  /** What rows of the block describe, by zero-based row within the block (projects reports):
   * the public version (src/report/deliverable/publicVersion.ts) removes rows of confidential
   * projects and suppresses aggregates of too few of them; audit sheets find rows by key. */
  rowTags?: Record<number, RowTag>;
  /** The same for columns, by zero-based column within the block. */
  colTags?: Record<number, RowTag>;
  /** The same for single cells, keyed "row,col" within the block (a row whose columns sum
   * different plans, e.g. capex and plant output of one year). */
  cellTags?: Record<string, RowTag>;
}

/** What a row (or column) of a block holds, for the deliverable layer. */
export interface RowTag {
  /** Stable name of the row, so references to it survive layout changes (e.g. "gva-by-year"). */
  key?: string;
  /** The row describes one project. */
  project?: { id: string; confidential: boolean };
  /** The row aggregates these projects (ids): shown in the public version only when it
   * involves none or enough of the confidential ones (SuppressionRule). */
  projects?: string[];
  /** Aggregates of the same quantity share a measure (e.g. "gva:2030"), so the public version
   * can tell when the difference of two would isolate too few confidential projects. */
  measure?: string;
  /** A total: the keys of the rows it adds up, so suppressing some of them does not let the
   * total give their sum away. */
  parts?: string[];
  /** Text that holds for the full (internal) version only, e.g. "company names are kept":
   * left out of the public version. */
  fullOnly?: boolean;
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
  /** Scatter points labelled with the text of these cells, one per point (the linkage scatter's
   * sector names). */
  labels?: RangeRef;
}

export interface ChartSpec {
  type: ChartType;
  title: string;
  /** Category labels (not used by scatter charts). */
  categories?: RangeRef;
  series: SeriesSpec[];
  xAxisTitle?: string;
  yAxisTitle?: string;
  /** Number format of the value axis' tick labels (e.g. "0%" for shares); absent: the hosts'
   * rule (thousands separators from four digits, else as the cells). */
  yAxisFormat?: string;
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
  /** Printing: onePage = the whole sheet on one page (the summary a reader takes away). */
  print?: {
    onePage?: boolean;
    /** One page wide whatever the width: a wide table whose columns must stay together (the
     * CGE results by good) rather than torn over a grid of pages. */
    fitWidth?: boolean;
    /** Row ranges (zero-based, e.g. a table block with its header) that start a new page
     * rather than run over a page end, when they fit on one page; the sheet's charts are kept
     * whole the same way. */
    keep?: { row: number; rows: number }[];
  };
  /** Drop-down lists (templates only; results sheets have none). */
  validations?: ValidationSpec[];
  /** The sheet is about one project (e.g. its detail sheet): left out of the public version
   * when the project is confidential. */
  project?: { id: string; confidential: boolean };
  /** A sheet of plan tables: the line its public version shows instead of the tables when every
   * plan in them is confidential (each table would be left with its header and total only). */
  withheld?: string;
  /** Not shown in Excel's sheet tabs: "veryHidden" cannot be unhidden from the Excel UI (the
   * run record that `ripple compare` reads, usecases/runRecord.ts). */
  visibility?: "hidden" | "veryHidden";
}

export interface ProvenanceSpec {
  software: string;
  version: string;
  createdAt: string; // ISO 8601
  /** confidential: the input holds confidential data (its checksum is left out of a public version). */
  inputs: { description: string; sheet?: string; range?: string; checksum?: string; confidential?: boolean }[];
  parameters: {
    name: string;
    value: string | number;
    source: string;
    /** Reliability grade of a default (A primary/official, B secondary, C estimate). */
    grade?: string;
    /** File (and cell) the default was read from. */
    file?: string;
    /** True when the user entered the value (source then says so). */
    user?: boolean;
  }[];
  variants: string[];
  warnings: string[];
  /** The confirmed table mapping: the role of each row and column, with its label's cell. */
  mapping?: { axis: "row" | "col"; address: string; label: string; role: string; how?: string }[];
  /** Public version only: the suppression rule applied, in the report's language. */
  suppression?: string;
}

/** The workbook's one font (every sheet Ripple writes, every cell): the hosts apply it, cells
 * never name a font of their own. */
export interface FontSpec {
  name: string;
  /** Points of the body text (titles and notes are sized relative to the hosts' 11 pt). */
  size: number;
  /** Excel's character set of the font (128 = Japanese): where the named font is missing,
   * Excel substitutes an installed font of this set (Meiryo, MS PGothic) rather than a
   * Latin-only one; LibreOffice substitutes through fontconfig (Noto Sans CJK). */
  charset?: number;
  /** Points per line of one row of body text, for row heights the writer sets itself. */
  lineHeight: number;
}

/** The default font of each report language: 游ゴシック (Yu Gothic, Windows 8.1+ and macOS, Office's
 * own Japanese default) for a Japanese workbook, falling back to another Japanese font (Meiryo
 * on Windows) through its character set; Calibri, Office's default, for an English one. Line
 * heights: Calibri 11's default row (15 pt); for 游ゴシック 15.5 pt, its 11-pt glyphs (about 14.7 px at
 * 100%) with room to spare. Excel's own default row for it, 18.75 pt, adds the font's wide line
 * gap, which made the one-page summary print at 8 pt instead of 9. */
export const DEFAULT_FONTS: Record<"ja" | "en", FontSpec> = {
  ja: { name: "游ゴシック", size: 11, charset: 128, lineHeight: 15.5 },
  en: { name: "Calibri", size: 11, lineHeight: 15 },
};

/** The font a workbook is written in: its own setting, else its language's default. */
export function workbookFont(spec: Pick<WorkbookSpec, "lang" | "font">): FontSpec {
  return spec.font ?? DEFAULT_FONTS[spec.lang];
}

export interface WorkbookSpec {
  lang: "ja" | "en";
  /** The font of every cell (default: DEFAULT_FONTS of the language). */
  font?: FontSpec;
  /** Printed in the header of every page, e.g. 取扱注意 (internal) or 公開版 (public). */
  marking?: string;
  sheets: SheetSpec[];
  provenance: ProvenanceSpec;
  /** Machine-readable parts stored in the workbook but neither shown nor printed (Office custom
   * XML parts): the run record `ripple compare` reads (report/runRecordPart.ts). */
  customXml?: CustomXmlSpec[];
}

export interface CustomXmlSpec {
  /** The root element's namespace, by which a reader finds the part. */
  namespace: string;
  /** The whole XML document. */
  xml: string;
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

/** A formula with every sheet reference renamed (old name -> new name), in one pass so a
 * rename chain (A -> B, B -> C) does not cascade. Quoted ('集計'!A1) and plain (Sheet1!A1)
 * references are both recognised; text inside string literals ("...") is left alone. */
export function renameSheetsInFormula(formula: string, renamed: ReadonlyMap<string, string>): string {
  const quote = (name: string) => `'${name.replace(/'/g, "''")}'`;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      // A string literal: copy through its closing quote ("" is an escaped quote).
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else if (ch === "'") {
      let j = i + 1;
      let name = "";
      while (j < formula.length) {
        if (formula[j] === "'" && formula[j + 1] === "'") {
          name += "'";
          j += 2;
        } else if (formula[j] === "'") break;
        else name += formula[j++];
      }
      const isRef = formula[j + 1] === "!";
      const to = isRef ? renamed.get(name) : undefined;
      out += to !== undefined ? quote(to) : formula.slice(i, j + 1);
      i = j + 1;
    } else {
      const m = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_.\u0080-\uffff]*(?=!)/.exec(formula.slice(i));
      const prev = i > 0 ? formula[i - 1] : "";
      if (m && !/[A-Za-z0-9_.]/.test(prev)) {
        const to = renamed.get(m[0]);
        out += to !== undefined ? quote(to) : m[0];
        i += m[0].length;
      } else {
        out += ch;
        i++;
      }
    }
  }
  return out;
}

/** Assign final names to every sheet of a spec given the sheets a workbook already has, and
 * rewrite chart references and formulas that name sheets by their desired name. */
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
      series: c.series.map((se) => ({ ...se, values: fix(se.values)!, x: fix(se.x), ...(se.labels ? { labels: fix(se.labels) } : {}) })),
    }));
    if (s.validations) s.validations = s.validations.map((v) => ({ ...v, range: fix(v.range)!, source: fix(v.source) }));
    const changed = new Map([...renamed].filter(([from, to]) => from !== to));
    if (changed.size && s.blocks.some((b) => b.values.some((row) => row.some(isFormulaCell)))) {
      s.blocks = s.blocks.map((b) => ({
        ...b,
        values: b.values.map((row) =>
          row.map((v) => (isFormulaCell(v) ? { ...v, formula: renameSheetsInFormula(v.formula, changed) } : v)),
        ),
      }));
    }
  }
  return { ...spec, sheets };
}

/** The texts a sheet's blocks put in a range, row by row ("" where a cell is empty): the
 * labels hosts write on chart points. */
export function textsIn(sheet: SheetSpec, ref: RangeRef): string[] {
  const out: string[] = [];
  for (let r = 0; r < ref.rows; r++)
    for (let c = 0; c < ref.cols; c++) {
      const row = ref.row + r;
      const col = ref.col + c;
      let v: CellSpec | undefined;
      for (const b of sheet.blocks)
        if (row >= b.row && row < b.row + b.values.length && col >= b.col && col < b.col + b.values[row - b.row].length) v = b.values[row - b.row][col - b.col];
      out.push(v === null || v === undefined ? "" : isFormulaCell(v) ? String(v.value ?? "") : String(v));
    }
  return out;
}

export function isFormulaCell(v: CellSpec | undefined): v is FormulaCell {
  return typeof v === "object" && v !== null && typeof (v as FormulaCell).formula === "string";
}
