// How each block style looks in a file: the same meaning as the Excel host's styles, written
// as ExcelJS style objects.
import type { Font, Fill, Borders } from "exceljs";
import type { BlockStyle } from "../../report/spec";

export interface CellLook {
  font?: Partial<Font>;
  fill?: Fill;
  border?: Partial<Borders>;
}

const HEADER_FILL = "FFDDEBF7"; // light blue, readable in print and greyscale
const RULE = "FF7F7F7F"; // mid grey lines under headers and above totals
const NOTE_GREY = "FF666666";
// ExcelJS replaces a cell's whole font, so each look restates the workbook's default font
// (Calibri 11, ExcelJS's default); without a name, LibreOffice falls back to a serif face.
const BASE = { name: "Calibri", family: 2, size: 11 } as const;

export function blockLook(style: BlockStyle | undefined): CellLook | null {
  switch (style) {
    case "title":
      return { font: { ...BASE, bold: true, size: 14 } };
    case "subtitle":
      return { font: { ...BASE, bold: true, size: 12 } };
    case "header":
      return {
        font: { ...BASE, bold: true },
        fill: { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } },
        border: { bottom: { style: "thin", color: { argb: RULE } } },
      };
    case "total":
      return { font: { ...BASE, bold: true }, border: { top: { style: "thin", color: { argb: RULE } } } };
    case "note":
      return { font: { ...BASE, italic: true, color: { argb: NOTE_GREY } } };
    case "body":
    case undefined:
      return null;
  }
}

/** "#1F77B4", "1F77B4" or "FF1F77B4" as ExcelJS's ARGB; null when it is not a colour. */
export function argb(colour: string): string | null {
  const hex = colour.trim().replace(/^#/, "");
  if (/^[0-9a-f]{6}$/i.test(hex)) return ("FF" + hex).toUpperCase();
  if (/^[0-9a-f]{8}$/i.test(hex)) return hex.toUpperCase();
  return null;
}
