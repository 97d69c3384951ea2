// One SheetSpec into an ExcelJS worksheet: cell blocks at their places, their looks and number
// formats, column widths, frozen panes and tab colour. Charts are added later, in the zip; the
// page setup by printMarks.ts, from the print plan both hosts share (../printPlan.ts).
import type ExcelJS from "exceljs";
import { DEFAULT_FONTS, type BlockSpec, type CellSpec, type FontSpec, type FormulaCell, type SheetSpec, type ValidationSpec } from "../../report/spec";
import { wrappedLines } from "../../report/sheetBuilder";
import { listSource, rangeAddress } from "../../report/validation";
import { a1 } from "../../engine/grid";
import { RippleError } from "../../engine/errors";
import { argb, blockLook } from "./cellStyles";
import { cellText } from "./cellText";
import { DEFAULT_WIDTH, FIT_WIDTH_MAX_CHARS, PAGE_CHARS, printScale, usedExtent } from "../printPlan";
import { keepBlocksOnPages } from "./pageBreaks";

/** `direct`: blocks written into the package afterwards (bulkBlocks.ts), not through ExcelJS. */
/** `font`: the workbook's one font (report/spec.ts workbookFont), for the looks and row heights. */
export function writeSheetCells(
  ws: ExcelJS.Worksheet,
  sheet: SheetSpec,
  direct: ReadonlySet<BlockSpec> = new Set(),
  font: FontSpec = DEFAULT_FONTS.en,
): void {
  for (const block of sheet.blocks) if (!direct.has(block)) writeBlock(ws, block, sheet.name, font);
  const line = font.lineHeight;
  alignHeaders(ws, sheet, line);
  const scale = printScale(sheet);
  wrapLongTexts(ws, sheet, direct, line);
  if (sheet.print?.onePage) fixRowHeights(ws, sheet, line);
  else keepBlocksOnPages(ws, sheet, scale, line);
  for (const [col, width] of Object.entries(sheet.columnWidths ?? {})) {
    ws.getColumn(Number(col) + 1).width = width;
  }
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
    ws.views = [
      {
        state: "frozen",
        xSplit: sheet.freeze.cols,
        ySplit: sheet.freeze.rows,
        topLeftCell: a1(sheet.freeze.rows, sheet.freeze.cols),
      },
    ];
  }
  for (const v of sheet.validations ?? []) addValidation(ws, sheet.name, v);
  if (sheet.visibility) ws.state = sheet.visibility;
  if (sheet.tabColor) {
    const colour = argb(sheet.tabColor);
    if (!colour) {
      throw new RippleError(
        "tab-colour-invalid",
        {
          ja: `シート見出しの色「${sheet.tabColor}」は 16 進の RGB（例 #1F77B4）ではありません。`,
          en: `Tab colour '${sheet.tabColor}' is not a hex RGB colour such as #1F77B4.`,
        },
        { sheet: sheet.name },
      );
    }
    ws.properties.tabColor = { argb: colour };
  }
}

/** What the reports write where a number is undefined ("—" multipliers) or suppressed (public
 * version). */
const PLACEHOLDER = "—";

/** Width of a text in characters of the default font: East Asian characters count double, and
 * bold header text is about a tenth wider. */
export function textWidth(text: string, bold = false): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\uffdc]/.test(ch) && !/[\uff61-\uff9f]/.test(ch) ? 2 : 1;
  return bold ? n * 1.1 : n;
}

/** Headers over figures are right-aligned like the figures, so a year heading sits over its own
 * number in a wide column rather than nearer the next one. A header that does not fit its
 * column and would run into a neighbour (on its right, or on its left when right-aligned) wraps
 * instead, and its row gets the height of its lines: readers do not resize rows when they open a
 * file (LibreOffice keeps the default height), so the height is written. A header with nothing
 * beside it spills over the empty cells as it is. */
function alignHeaders(ws: ExcelJS.Worksheet, sheet: SheetSpec, line: number): void {
  const width = (col: number) => sheet.columnWidths?.[col] ?? DEFAULT_WIDTH;
  const filled = (v: CellSpec | undefined) => v !== undefined && v !== null && v !== "";
  const isFigure = (v: CellSpec | undefined) => typeof v === "number" || v === PLACEHOLDER || (typeof v === "object" && v !== null);
  // The cell right under a header row, from the block that starts there.
  const below = (row: number, col: number): CellSpec | undefined => {
    for (const b of sheet.blocks) if (b.row === row && col >= b.col && col < b.col + (b.values[0]?.length ?? 0)) return b.values[0][col - b.col];
    return undefined;
  };
  const lines = new Map<number, number>();
  for (const block of sheet.blocks) {
    if (block.style !== "header") continue;
    block.values.forEach((rowValues, r) => {
      const row = block.row + r;
      rowValues.forEach((value, c) => {
        if (typeof value !== "string" || value.length === 0) return;
        const col = block.col + c;
        const right = isFigure(below(row + 1, col));
        const blocked = right ? c > 0 && filled(rowValues[c - 1]) : filled(rowValues[c + 1]);
        // lines as the reader wraps them: Latin text at spaces (an English header takes more lines
        // than its length says); text with Japanese breaks between any characters
        const room = Math.max(1, width(col) - 1);
        const need = /[\u3040-\u30ff\u3400-\u9fff\uff00-\uff60]/.test(value) ? Math.ceil(textWidth(value, true) / room) : wrappedLines(value, room, (t) => textWidth(t, true));
        const wrap = blocked && need > 1;
        if (!right && !wrap) return;
        const alignment: Partial<ExcelJS.Alignment> = { vertical: "bottom" };
        if (right) alignment.horizontal = "right";
        if (wrap) alignment.wrapText = true;
        ws.getCell(row + 1, col + 1).alignment = alignment;
        if (wrap) lines.set(row, Math.max(lines.get(row) ?? 1, need));
      });
    });
  }
  for (const [row, n] of lines) ws.getRow(row + 1).height = line * Math.min(n, 6);
}

/** A sheet printed on one page is scaled to its rows' height; a row left without a height gets
 * the line height of the reader's font (taller for Japanese text in LibreOffice), which shrinks
 * the page. Every row gets the height of its font instead. */
function fixRowHeights(ws: ExcelJS.Worksheet, sheet: SheetSpec, line: number): void {
  const style = new Map<number, BlockSpec["style"]>();
  for (const b of sheet.blocks) b.values.forEach((_, r) => style.set(b.row + r, b.style));
  const { rows } = usedExtent(sheet);
  for (let r = 0; r < rows; r++) {
    const row = ws.getRow(r + 1);
    if (row.height) continue;
    const s = style.get(r);
    // titles (14 pt) and subtitles (12 pt) in proportion to the body's 11 pt line
    row.height = s === "title" ? line * 1.4 : s === "subtitle" ? line * 1.2 : line;
  }
}


/** A text wider than the room it has (its column and the empty cells to its right, up to the
 * last printed column) would be cut at the page edge or run over pages of its own: it wraps in
 * that room instead (merged when it spans empty cells), and its row gets the height of its
 * lines, since readers do not resize rows when they open a file. */
function wrapLongTexts(ws: ExcelJS.Worksheet, sheet: SheetSpec, direct: ReadonlySet<BlockSpec>, line: number): void {
  const { cols } = usedExtent(sheet);
  if (cols < 2) return;
  const width = (col: number) => sheet.columnWidths?.[col] ?? DEFAULT_WIDTH;
  // a sheet printed one page wide is scaled to its width; a wider one is cut into pages
  let total = 0;
  for (let c = 0; c < cols; c++) total += width(c);
  const cap = total <= FIT_WIDTH_MAX_CHARS || sheet.print?.onePage ? Infinity : PAGE_CHARS;
  const filled = occupancy(sheet);
  for (const block of sheet.blocks) {
    if (direct.has(block) || block.style === "header" || block.style === "title") continue;
    block.values.forEach((rowValues, r) => {
      const row = block.row + r;
      rowValues.forEach((value, c) => {
        if (typeof value !== "string") return;
        const col = block.col + c;
        // never wider than a page, so a sheet printed over several pages keeps its notes whole
        let last = col;
        let room = width(col);
        while (last + 1 < cols && !filled(row, last + 1) && room + width(last + 1) <= cap) room += width(++last);
        const need = Math.ceil(textWidth(value) / Math.max(1, room - 1));
        if (need <= 1) return;
        if (last > col) ws.mergeCells(row + 1, col + 1, row + 1, last + 1);
        ws.getCell(row + 1, col + 1).alignment = { wrapText: true, vertical: "top" };
        // the row's other cells (a plan ID before its notes, the columns beside a wrapped type)
        // sit at the top of the tall row too, level with the wrapped text's first line
        for (let k = block.col; k < block.col + rowValues.length; k++)
          if (k !== col) ws.getCell(row + 1, k + 1).alignment = { ...ws.getCell(row + 1, k + 1).alignment, vertical: "top" };
        const height = line * Math.min(need, 12);
        const r0 = ws.getRow(row + 1);
        r0.height = Math.max(r0.height ?? line, height);
      });
    });
  }
}

/** Whether a cell of the sheet holds something, asked of the blocks on its row. A key per filled
 * cell would cost seconds and hundreds of MB on the n × n sheets of a 2,000-sector table (8
 * million strings), to answer a few questions about the cells right of a text. */
function occupancy(sheet: SheetSpec): (row: number, col: number) => boolean {
  const byRow = new Map<number, BlockSpec[]>();
  for (const b of sheet.blocks)
    for (let r = 0; r < b.values.length; r++) {
      const list = byRow.get(b.row + r);
      if (list) list.push(b);
      else byRow.set(b.row + r, [b]);
    }
  return (row, col) =>
    (byRow.get(row) ?? []).some((b) => {
      const v = b.values[row - b.row][col - b.col];
      return v !== null && v !== undefined && v !== "";
    });
}

function writeBlock(ws: ExcelJS.Worksheet, block: BlockSpec, sheetName: string, font: FontSpec): void {
  const look = blockLook(block.style, font);
  block.values.forEach((rowValues, r) => {
    rowValues.forEach((value, c) => {
      const cell = ws.getCell(block.row + r + 1, block.col + c + 1);
      writeValue(cell, value, block.row + r, block.col + c, sheetName);
      const format = Array.isArray(block.numberFormat) ? block.numberFormat[c] : block.numberFormat;
      if (format) cell.numFmt = format;
      else if (isBooleanFormula(value)) cell.numFmt = BOOLEAN_FORMAT;
      if (look?.font) cell.font = look.font;
      if (look?.fill) cell.fill = look.fill;
      if (look?.border) cell.border = look.border;
      // "—" stands for a number that is undefined or suppressed: it sits where the number would.
      if (value === PLACEHOLDER) cell.alignment = { horizontal: "right" };
    });
  });
}

/** The number format of a formula whose cached value is TRUE or FALSE (the audit's checks).
 * The cell is written t="b", which Excel shows as TRUE/FALSE whatever its format. LibreOffice
 * shows a cached value it does not recalculate on opening (its default for .xlsx) as the number
 * 1 or 0 in General: "1" where the check is TRUE. With this format it prints TRUE/FALSE, the
 * words Excel shows in Japanese and English alike. */
export const BOOLEAN_FORMAT = '"TRUE";"TRUE";"FALSE"';

function isBooleanFormula(v: CellSpec): boolean {
  return typeof v === "object" && v !== null && typeof v.value === "boolean";
}

function writeValue(cell: ExcelJS.Cell, value: CellSpec, row: number, col: number, sheetName: string): void {
  if (typeof value === "string") {
    // A string is always text: ExcelJS stores it as a shared string, never as a formula, so
    // "=SUM(A1)" or "-5%" reaches the reader exactly as written (characters XML cannot carry
    // replaced, over-long text refused: cellText.ts).
    cell.value = cellText(value, sheetName, a1(row, col));
  } else if (value === null || typeof value === "boolean") {
    cell.value = value;
  } else if (typeof value === "number") {
    // A non-finite number cannot be stored as a number in a file; Excel's own form is #NUM!.
    cell.value = Number.isFinite(value) ? value : { error: "#NUM!" };
  } else {
    cell.value = formulaValue(value, row, col);
  }
}

function formulaValue(f: FormulaCell, row: number, col: number): ExcelJS.CellValue {
  const formula = f.formula.replace(/^=/, "");
  const result =
    typeof f.value === "number" && !Number.isFinite(f.value) ? { error: "#NUM!" as const } : f.value;
  if (!f.array) return { formula, result };
  // ExcelJS writes <f t="array" ref="..."> for shareType "array"; its typing omits the fields.
  const ref = `${a1(row, col)}:${a1(row + f.array.rows - 1, col + f.array.cols - 1)}`;
  return { formula, result, shareType: "array", ref } as unknown as ExcelJS.CellValue;
}

function addValidation(ws: ExcelJS.Worksheet, sheetName: string, v: ValidationSpec): void {
  const src = listSource(v, sheetName);
  const rule: ExcelJS.DataValidation = {
    type: "list",
    allowBlank: true,
    formulae: [src.kind === "inline" ? `"${src.text}"` : src.ref],
    showErrorMessage: true,
    errorStyle: "stop",
  };
  if (v.prompt) {
    rule.showInputMessage = true;
    rule.prompt = v.prompt;
    rule.error = v.prompt;
  }
  // ExcelJS's typing lacks the worksheet's dataValidations collection.
  (ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(
    rangeAddress(v.range),
    rule,
  );
}
