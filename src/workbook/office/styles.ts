// How each block style of the workbook spec looks in Excel, and column widths in points.
// Styles are set once per block range (scalar properties), never cell by cell.

import type { BlockStyle } from "../../report/spec";

export interface StyleProps {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points. */
  size?: number;
  /** Font colour, #RRGGBB. */
  color?: string;
  /** Fill colour, #RRGGBB. */
  fill?: string;
  borderTop?: boolean;
  borderBottom?: boolean;
}

/** The look of each block style. Sizes relative to Excel's default 11 pt body font; the header
 * fill is Office's light blue ("Blue, Accent 1, Lighter 80%"). */
export const BLOCK_STYLES: Record<BlockStyle, StyleProps> = {
  title: { bold: true, size: 14 },
  subtitle: { bold: true, size: 12 },
  header: { bold: true, fill: "#DDEBF7", borderBottom: true },
  body: {},
  total: { bold: true, fill: "#F2F2F2", borderTop: true },
  note: { italic: true, size: 9, color: "#595959" },
};

/** The property writes a style makes on a range, as (path, value) pairs: what the gateway sets
 * and what the payload estimate counts. */
export function styleWrites(p: StyleProps): { path: string; value: string | number | boolean }[] {
  const w: { path: string; value: string | number | boolean }[] = [];
  if (p.bold !== undefined) w.push({ path: "font.bold", value: p.bold });
  if (p.italic !== undefined) w.push({ path: "font.italic", value: p.italic });
  if (p.size !== undefined) w.push({ path: "font.size", value: p.size });
  if (p.color !== undefined) w.push({ path: "font.color", value: p.color });
  if (p.fill !== undefined) w.push({ path: "fill.color", value: p.fill });
  if (p.borderTop) w.push({ path: "borders.EdgeTop.style", value: "Continuous" });
  if (p.borderBottom) w.push({ path: "borders.EdgeBottom.style", value: "Continuous" });
  return w;
}

/** Apply a style to a range: a handful of scalar property sets, no sync. */
export function applyStyle(range: Excel.Range, p: StyleProps): void {
  const f = range.format;
  if (p.bold !== undefined) f.font.bold = p.bold;
  if (p.italic !== undefined) f.font.italic = p.italic;
  if (p.size !== undefined) f.font.size = p.size;
  if (p.color !== undefined) f.font.color = p.color;
  if (p.fill !== undefined) f.fill.color = p.fill;
  if (p.borderTop) f.borders.getItem("EdgeTop").style = "Continuous";
  if (p.borderBottom) f.borders.getItem("EdgeBottom").style = "Continuous";
}

/** Excel measures column widths in characters of the default font's widest digit; the API
 * takes points. For the default 11 pt font the digit is 7 px wide and a column has 5 px of
 * padding (ECMA-376 Part 1, 18.3.1.13 "col"), and 1 px = 0.75 pt at 96 dpi. */
export function columnWidthPoints(chars: number): number {
  if (chars <= 0) return 0;
  return (Math.round(chars * 7) + 5) * 0.75;
}

/** Runs of adjacent columns with the same width, so one range write covers each run. */
export function columnWidthRuns(widths: Record<number, number>): { col: number; cols: number; points: number }[] {
  const cols = Object.keys(widths)
    .map(Number)
    .filter((c) => Number.isInteger(c) && c >= 0)
    .sort((a, b) => a - b);
  const runs: { col: number; cols: number; points: number }[] = [];
  for (const c of cols) {
    const points = columnWidthPoints(widths[c]);
    const last = runs[runs.length - 1];
    if (last && last.col + last.cols === c && last.points === points) last.cols++;
    else runs.push({ col: c, cols: 1, points });
  }
  return runs;
}
