// What Excel passes for a worksheet function's arguments, made uniform before any reading:
//
// - Blank cells arrive in three forms: 0 from Excel on Windows and Mac, null from Excel on the
//   web, "" from some hosts and from literal arrays. Inside ranges, rangeToGrid reads "" and null
//   as blank, and the table reader treats 0 where a label belongs like a blank; for scalar
//   arguments the helpers below give one answer whatever the form.
// - Every range argument travels as JSON in one request, which Excel limits to about 5 MB; on
//   the web large requests hang at #BUSY! before the function runs. Ranges are therefore checked
//   for size first, with a message that points to the registered-model alternative.

import { RippleError } from "../engine/errors";

/**
 * At most this many cells in the range arguments of one call together. A number or label as JSON
 * takes about 10–20 bytes, so 60 000 cells are about 0.6–1.2 MB, well inside Excel's 5 MB
 * request limit; MIC's 187-sector table with its labels and final-demand columns is about
 * 200 × 210 = 42 000 cells and passes. A 500-sector table as a range (about 250 000 cells,
 * 2–4 MB) is refused with the way round it: register the model from the pane and pass its name.
 */
export const MAX_ARGUMENT_CELLS = 60_000;

/** Cells of a range argument (rows × widest row); 0 for a scalar. */
export function cellCount(values: unknown): number {
  if (!Array.isArray(values)) return 0;
  const width = values.reduce((m: number, row) => Math.max(m, Array.isArray(row) ? row.length : 1), 0);
  return values.length * width;
}

/** Refuses range arguments that together exceed MAX_ARGUMENT_CELLS, naming each one's size. */
export function checkArgumentSize(args: { name: string; values: unknown }[]): void {
  const sized = args.map((a) => ({ ...a, cells: cellCount(a.values) }));
  const total = sized.reduce((s, a) => s + a.cells, 0);
  if (total <= MAX_ARGUMENT_CELLS) return;
  const parts = sized
    .filter((a) => a.cells > 0)
    .map((a) => `${a.name} ${(a.values as unknown[][]).length.toLocaleString("en-US")} × ${(a.cells / (a.values as unknown[][]).length).toLocaleString("en-US")}`)
    .join(", ");
  const n = total.toLocaleString("en-US");
  const max = MAX_ARGUMENT_CELLS.toLocaleString("en-US");
  throw new RippleError("argument-too-large", {
    ja: `引数の範囲が大きすぎます（${parts}、計 ${n} セル、上限 ${max} セル）。Excel は引数を約 5 MB までしか渡せず、Excel on the web では応答が止まります（#BUSY!）。Ripple ウィンドウの「5. 実行」でモデル名を付けて登録し、範囲の代わりにその名前を渡してください（例: =RIPPLE.IMPACT("取引基本表", ショック!B2:B14)）`,
    en: `the range arguments are too large (${parts}, ${n} cells in all, at most ${max}). Excel passes at most about 5 MB of arguments, and Excel on the web stalls (#BUSY!). Register the model under a name in the Ripple pane (“5. Run”, model name) and pass that name instead of the range (e.g. =RIPPLE.IMPACT("IO2015", Shock!B2:B14))`,
  });
}

/** A blank scalar argument: omitted (null/undefined), an empty text, or a blank cell. */
export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** A text argument (sector, scenario, kind) with a blank cell read as blank in every form: the
 * number 0 is how Excel on Windows and Mac passes a blank cell, and no name or kind is "0". */
export function textArg(v: unknown): string | null {
  if (isBlank(v) || v === 0) return null;
  return String(v).trim();
}

/** A number argument where blank means the default (e.g. supported capacity: 0). */
export function numberArg(v: unknown, fallback: number): number {
  return isBlank(v) ? fallback : Number(v);
}

/** A blank year in any form Excel passes it (0, null, ""), for the optional year of KPI. */
export function isBlankYear(v: unknown): boolean {
  return textArg(v) === null;
}

/** A year argument: a whole number; a blank cell (0, null or "") is named as blank, not read as
 * year 0. */
export function yearArg(v: unknown, name: string): number {
  if (textArg(v) === null)
    throw new RippleError("function-year", { ja: `${name}: 年が空欄です。年を整数で入れてください`, en: `${name}: the year is blank; enter it as a whole number` });
  const y = Number(v);
  if (!Number.isInteger(y))
    throw new RippleError("function-year", {
      ja: `${name}: 年「${String(v)}」は整数ではありません。年を整数で入れてください`,
      en: `${name}: the year '${String(v)}' is not a whole number; enter it as a whole number`,
    });
  return y;
}
