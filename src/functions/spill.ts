// The arrays the functions spill: optional header row and label column (Japanese first, then
// English), and a size check, since Excel refuses results over about 5 MB.

import { RippleError } from "../engine/errors";

/**
 * At most this many cells per result. A double written as JSON takes up to about 24 bytes, so
 * 100 000 cells stay near 2.4 MB, well inside Excel's ~5 MB limit for a function's payload
 * (the full L of a 316-sector table; MIC's 187-sector L is 35 000 cells).
 */
export const MAX_RESULT_CELLS = 100_000;

export type SpillCell = string | number | boolean;

/** Shown for an undefined multiplier (direct coefficient 0), as MODELS.md section 4 asks. */
export const UNDEFINED_CELL = "—";

export function checkSize(rows: number, cols: number, what: { ja: string; en: string }): void {
  const cells = rows * cols;
  if (cells > MAX_RESULT_CELLS)
    throw new RippleError("result-too-large", {
      ja: `${what.ja}は ${rows.toLocaleString("en-US")} × ${cols.toLocaleString("en-US")} = ${cells.toLocaleString("en-US")} セルで、関数が返せる上限 ${MAX_RESULT_CELLS.toLocaleString("en-US")} セル（Excel の約 5 MB 制限）を超えます。Ripple ウィンドウから新しいシートに書き出してください`,
      en: `${what.en} has ${rows.toLocaleString("en-US")} × ${cols.toLocaleString("en-US")} = ${cells.toLocaleString("en-US")} cells, more than the ${MAX_RESULT_CELLS.toLocaleString("en-US")} a function can return (Excel limits a result to about 5 MB); write it to a new sheet from the Ripple pane instead`,
    });
}

export function cellOf(v: number | null): SpillCell {
  return v === null || !Number.isFinite(v) ? UNDEFINED_CELL : v;
}

/** Japanese and English in one header cell. */
export function both(label: { ja: string; en: string }): string {
  return label.ja === label.en ? label.ja : `${label.ja} ${label.en}`;
}

/**
 * A table of numbers with, when `headers`, a header row (corner + column labels) and a label
 * column. Without headers the numbers alone, for reuse in formulas.
 */
export function withHeaders(
  body: SpillCell[][],
  headers: boolean,
  corner: string,
  columnLabels: string[],
  rowLabels: string[],
): SpillCell[][] {
  if (!headers) return body;
  return [[corner, ...columnLabels], ...body.map((row, i) => [rowLabels[i], ...row])];
}

/** `headers` as Excel passes an omitted optional argument (null/undefined): default TRUE. */
/** TRUE unless FALSE (or 0) is given: omitted, null and "" (a blank cell on the web and in
 * literal arrays) keep the default. Excel on Windows and Mac passes a blank cell as 0, which
 * reads as FALSE, as Excel's own functions read it. */
export function headersFlag(headers: boolean | string | number | null | undefined): boolean {
  if (headers === null || headers === undefined || (typeof headers === "string" && headers.trim() === "")) return true;
  if (typeof headers === "string") return !/^(false|0|いいえ)$/i.test(headers.trim());
  return Boolean(headers);
}
