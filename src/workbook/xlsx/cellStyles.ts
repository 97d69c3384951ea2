// How each block style looks in a file: the same meaning as the Excel host's styles, written
// as ExcelJS style objects.
import type { Font, Fill, Borders } from "exceljs";
import { DEFAULT_FONTS, type BlockStyle, type FontSpec } from "../../report/spec";

export interface CellLook {
  font?: Partial<Font>;
  fill?: Fill;
  border?: Partial<Borders>;
}

const HEADER_FILL = "FFDDEBF7"; // light blue, readable in print and greyscale
const RULE = "FF7F7F7F"; // mid grey lines under headers and above totals
const NOTE_GREY = "FF666666";
// ExcelJS replaces a cell's whole font, so each look restates the workbook's font (the spec's
// one setting, also font 0 of styles.xml: workbookFontXml); without a name, LibreOffice falls
// back to a serif face.
export function blockLook(style: BlockStyle | undefined, font: FontSpec = DEFAULT_FONTS.en): CellLook | null {
  const BASE: Partial<Font> = { name: font.name, family: 2, size: font.size, ...(font.charset !== undefined ? { charset: font.charset } : {}) };
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

/** The `<font>` of styles.xml's font 0, which every cell without a look of its own uses: the
 * workbook's font by name (no theme scheme, so Excel does not swap in the theme's font). */
export function workbookFontXml(font: FontSpec): string {
  const esc = font.name.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const charset = font.charset !== undefined ? `<charset val="${font.charset}"/>` : "";
  return `<font><sz val="${font.size}"/><color theme="1"/><name val="${esc}"/><family val="2"/>${charset}</font>`;
}

/** styles.xml with its first font (the default) replaced by the workbook's font. */
export function withWorkbookFont(stylesXml: string, font: FontSpec): string {
  const start = stylesXml.indexOf("<font>", stylesXml.indexOf("<fonts"));
  const end = stylesXml.indexOf("</font>", start);
  if (start < 0 || end < 0) throw new Error("xlsx writer: styles.xml has no default font");
  return stylesXml.slice(0, start) + workbookFontXml(font) + stylesXml.slice(end + "</font>".length);
}
