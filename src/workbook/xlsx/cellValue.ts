// ExcelJS cell values -> the plain values a Grid holds. A formula gives the result Excel cached
// when it last calculated (the engine never re-evaluates workbook formulas); an error result
// becomes its text ("#DIV/0!") so the engine reports it as text where a number is expected.
import type { CellValue as ExcelValue } from "exceljs";
import type { CellValue } from "../../engine/grid";

/** A Date as ISO 8601: the date alone when it falls on midnight (ExcelJS reads serial dates as
 * UTC), otherwise the full timestamp. */
export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

function richTextPlain(v: { richText: { text: string }[] }): string {
  return v.richText.map((run) => run.text ?? "").join("");
}

/** What the result of a cell is, as a grid value; `uncached` marks a formula that was never
 * calculated (a file written by a program that does not compute). */
export function plainValue(v: ExcelValue): { value: CellValue; uncached?: boolean } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return { value: v };
  if (v instanceof Date) return { value: dateText(v) };
  if (typeof v !== "object") return { value: String(v) };
  if ("richText" in v && Array.isArray(v.richText)) return { value: richTextPlain(v) };
  if ("error" in v) return { value: String(v.error) };
  if ("formula" in v || "sharedFormula" in v) {
    const result = (v as { result?: ExcelValue }).result;
    if (result === undefined || result === null) return { value: null, uncached: true };
    return plainValue(result);
  }
  if ("hyperlink" in v) {
    const text = (v as { text?: unknown }).text;
    if (text && typeof text === "object" && "richText" in text) {
      return { value: richTextPlain(text as { richText: { text: string }[] }) };
    }
    return { value: text === undefined || text === null ? null : String(text) };
  }
  if ("text" in v) return { value: String((v as { text: unknown }).text) };
  // ExcelJS has no other value kinds; keep anything unexpected visible rather than dropping it.
  return { value: JSON.stringify(v) };
}
