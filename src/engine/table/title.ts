// Title and unit of a table, from the rows above it ("単位：百万円", "unit: million yen").

import type { Grid } from "../grid";
import { textAt } from "./cells";

const UNIT_PATTERNS: RegExp[] = [
  /単位\s*[:：]\s*([^\s　、,，)）]+)/,
  /\bunits?\s*[:：]\s*([^,;)\]]+)/i,
  /\bin\s+((?:thousands?|millions?|billions?)\s+(?:of\s+)?(?:yen|euros?|EUR|USD|dollars?|GBP|pounds?))/i,
  /\b((?:thousand|million|billion)\s+(?:yen|euros?|EUR|USD|US dollars|dollars?|GBP|pounds?))\b/i,
  // Currency first, as Eurostat and ONS write it: "EUR million", "£ million", "USD billions".
  /((?:\b(?:EUR|USD|GBP|JPY)|[£$€¥])\s*(?:thousands?|millions?|billions?))\b/i,
  /(十億円|百万円|千円|億円)/,
];

export function unitFrom(text: string): string | null {
  for (const re of UNIT_PATTERNS) {
    const m = re.exec(text);
    if (m) return m[1].trim().replace(/[）)」]+$/, "");
  }
  return null;
}

/** Title: the text of the title rows (rows above the header with nothing over the data). Unit:
 * the first unit phrase in the title rows, then in the header and label cells above the table. */
export function findTitleAndUnit(
  grid: Grid,
  titleRows: number[],
  headerRows: number[],
  labelCols: number[],
): { title: string | null; unit: string | null } {
  const titleTexts: string[] = [];
  for (const r of titleRows) {
    const width = grid.values[r]?.length ?? 0;
    for (let c = 0; c < width; c++) {
      const t = textAt(grid, r, c);
      if (t !== null && typeof grid.values[r][c] === "string") titleTexts.push(t);
    }
  }
  const title = titleTexts.length > 0 ? titleTexts.join(" ") : null;
  let unit = title ? unitFrom(title) : null;
  if (!unit) {
    outer: for (const r of headerRows) {
      for (const c of labelCols) {
        const t = textAt(grid, r, c);
        if (t && (unit = unitFrom(t))) break outer;
      }
    }
  }
  if (!unit) {
    // A unit note at the far end of the first header row ('（単位：万円）' over the last column, as
    // 宮崎県 prints it): only an explicit 単位/unit phrase counts there, not a bare word.
    outer: for (const r of headerRows) {
      const width = grid.values[r]?.length ?? 0;
      for (let c = 0; c < width; c++) {
        const t = typeof grid.values[r][c] === "string" ? textAt(grid, r, c) : null;
        if (t && /単位|\bunits?\b/i.test(t) && (unit = unitFrom(t))) break outer;
      }
    }
  }
  return { title, unit };
}
