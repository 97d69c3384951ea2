// One SheetSpec into an ExcelJS worksheet: cell blocks at their places, their looks and number
// formats, column widths, frozen panes and tab colour. Charts are added later, in the zip.
import type ExcelJS from "exceljs";
import type { BlockSpec, CellSpec, FormulaCell, SheetSpec, ValidationSpec } from "../../report/spec";
import { listSource, rangeAddress } from "../../report/validation";
import { a1 } from "../../engine/grid";
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
