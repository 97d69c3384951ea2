// One SheetSpec into an ExcelJS worksheet: cell blocks at their places, their looks and number
// formats, column widths, frozen panes and tab colour. Charts are added later, in the zip.
import type ExcelJS from "exceljs";
import type { BlockSpec, CellSpec, FormulaCell, RangeRef, SheetSpec, ValidationSpec } from "../../report/spec";
import { a1, sheetRef } from "../../engine/grid";
import { RippleError } from "../../engine/errors";
import { argb, blockLook } from "./cellStyles";

export function writeSheetCells(ws: ExcelJS.Worksheet, sheet: SheetSpec): void {
  for (const block of sheet.blocks) writeBlock(ws, block);
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

function writeBlock(ws: ExcelJS.Worksheet, block: BlockSpec): void {
  const look = blockLook(block.style);
  block.values.forEach((rowValues, r) => {
    rowValues.forEach((value, c) => {
      const cell = ws.getCell(block.row + r + 1, block.col + c + 1);
      writeValue(cell, value, block.row + r, block.col + c);
      const format = Array.isArray(block.numberFormat) ? block.numberFormat[c] : block.numberFormat;
      if (format) cell.numFmt = format;
      if (look?.font) cell.font = look.font;
      if (look?.fill) cell.fill = look.fill;
      if (look?.border) cell.border = look.border;
    });
  });
}

function writeValue(cell: ExcelJS.Cell, value: CellSpec, row: number, col: number): void {
  if (value === null || typeof value === "string" || typeof value === "boolean") {
    // A string is always text: ExcelJS stores it as a shared string, never as a formula, so
    // "=SUM(A1)" or "-5%" reaches the reader exactly as written.
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

/** Excel limits an inline list ("a,b,c") to 255 characters. */
export const INLINE_LIST_MAX = 255;

function absolute(r: RangeRef): string {
  const first = a1(r.row, r.col).replace(/([A-Z]+)(\d+)/, "$$$1$$$2");
  const last = a1(r.row + r.rows - 1, r.col + r.cols - 1).replace(/([A-Z]+)(\d+)/, "$$$1$$$2");
  return first === last ? first : `${first}:${last}`;
}

/** The list formula of a drop-down: the inline list when it fits, else the source range. */
export function validationFormula(v: ValidationSpec, sheetName: string): string {
  const inline = v.list.join(",");
  const fits = inline.length <= INLINE_LIST_MAX && !v.list.some((x) => x.includes(",") || x.includes('"'));
  if (fits || !v.source) {
    if (!fits)
      throw new RippleError(
        "validation-list-too-long",
        {
          ja: `ドロップダウンの選択肢が長すぎます（${inline.length} 文字）。一覧を置いた範囲を指定してください（レポート作成側の不具合です）`,
          en: `The drop-down list is too long (${inline.length} characters); give the range that holds it (a fault in the report builder)`,
        },
        { sheet: sheetName },
      );
    return `"${inline}"`;
  }
  return sheetRef(v.source.sheet ?? sheetName, absolute(v.source));
}

function addValidation(ws: ExcelJS.Worksheet, sheetName: string, v: ValidationSpec): void {
  const first = a1(v.range.row, v.range.col);
  const last = a1(v.range.row + v.range.rows - 1, v.range.col + v.range.cols - 1);
  const rule: ExcelJS.DataValidation = {
    type: "list",
    allowBlank: true,
    formulae: [validationFormula(v, sheetName)],
    showErrorMessage: true,
    errorStyle: "stop",
    error: v.prompt ?? "",
  };
  if (v.prompt) {
    rule.showInputMessage = true;
    rule.prompt = v.prompt;
  }
  // ExcelJS's typing lacks the worksheet's dataValidations collection.
  (ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(
    first === last ? first : `${first}:${last}`,
    rule,
  );
}
