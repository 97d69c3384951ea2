// Lays blocks out top to bottom on one sheet, so report code says what goes where and the row
// arithmetic (needed by chart references) lives in one place.

import type { BlockSpec, BlockStyle, CellSpec, ChartSpec, SheetSpec } from "./spec";

export class SheetBuilder {
  /** The blocks added so far (read-only use: column widths that follow the formats). */
  readonly blocks: BlockSpec[] = [];
  private readonly charts: ChartSpec[] = [];
  /** Next free row (zero-based). */
  row = 0;

  constructor(
    readonly key: string,
    readonly name: string,
  ) {}

  /** Adds rows at the current row, column `col`; returns the first row used. */
  add(
    values: CellSpec[][],
    style?: BlockStyle,
    numberFormat?: string | (string | null)[],
    col = 0,
  ): number {
    const start = this.row;
    if (values.length) {
      const b: BlockSpec = { row: start, col, values };
      if (style) b.style = style;
      if (numberFormat !== undefined) b.numberFormat = numberFormat;
      this.blocks.push(b);
    }
    this.row += values.length;
    return start;
  }

  /** Puts a block anywhere without moving the cursor (e.g. beside a table). */
  place(block: BlockSpec): void {
    this.blocks.push(block);
  }

  skip(rows = 1): void {
    this.row += rows;
  }

  chart(c: ChartSpec): void {
    this.charts.push(c);
  }

  build(extra: Partial<Pick<SheetSpec, "columnWidths" | "freeze" | "tabColor" | "validations" | "print">> = {}): SheetSpec {
    const s: SheetSpec = { key: this.key, name: this.name, blocks: this.blocks };
    if (this.charts.length) s.charts = this.charts;
    if (extra.columnWidths) s.columnWidths = extra.columnWidths;
    if (extra.freeze) s.freeze = extra.freeze;
    if (extra.tabColor) s.tabColor = extra.tabColor;
    if (extra.validations?.length) s.validations = extra.validations;
    if (extra.print) s.print = extra.print;
    return s;
  }
}

/** A width in characters that fits the longest label (East Asian characters count double). */
/** Lines a text takes when wrapped at spaces in `room` characters (a word longer than the room
 * is broken across lines, as Excel does; a text without spaces, e.g. Japanese, fills each line).
 * `measure` gives a piece's width in characters. */
export function wrappedLines(text: string, room: number, measure: (s: string) => number): number {
  const r = Math.max(1, room);
  const space = measure(" ");
  let lines = 1;
  let used = 0;
  for (const word of text.split(" ")) {
    const w = measure(word);
    if (used > 0 && used + space + w > r) {
      lines++;
      used = 0;
    }
    if (used > 0) used += space + w;
    else {
      const full = Math.max(0, Math.ceil(w / r) - 1);
      lines += full;
      used = w - full * r;
    }
  }
  return lines;
}

export function labelWidth(labels: string[], min = 10, max = 40): number {
  let w = min;
  for (const s of labels) {
    let n = 0;
    for (const ch of s) n += /[\u1100-\uffdc]/.test(ch) && !/[\uff61-\uff9f]/.test(ch) ? 2 : 1;
    w = Math.max(w, n + 2);
  }
  return Math.min(w, max);
}
