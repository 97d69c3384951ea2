// Purchaser-price tables (購入者価格評価表) are not what the models read. Their flows include the
// trade and transport margins, which the final-demand block takes off again in columns such as
// （控除）商業マージン and （控除）国内貨物運賃: read as they are, those deductions would be taken for
// imports ((控除) columns the dictionary does not name are imports) and every import coefficient
// would be wrong. Such a table is refused, naming the cell, with the producer-price table to use
// instead. (Converting a purchaser-price shock to producer prices is a separate step, MODELS.md.)

import { RippleError } from "../errors";
import type { Grid } from "../grid";
import { normalizeLabelText } from "./labelText";
import { lineWhere, showLabel, type Work } from "./work";

/** Margin and freight lines: 商業マージン, 国内貨物運賃, 運賃, trade/transport margins. */
const MARGIN = /マージン|貨物運賃|^\(控除\)運賃|^運賃|\bmargins?\b/i;

export function isMarginLabel(text: string): boolean {
  return MARGIN.test(normalizeLabelText(text));
}

/** Refuses a purchaser-price table: a margin line among the lines that are not sectors, or a
 * title that names purchaser prices only. */
export function refusePurchaserPrices(grid: Grid, rows: Work[], cols: Work[], title: string | null): void {
  const margin = [...cols, ...rows].find((w) => w.role !== "sector" && w.hasData && [w.name, ...w.labels].some((t) => t && isMarginLabel(t)));
  const byTitle = title !== null && /購入者価格/.test(title) && !/生産者価格/.test(title);
  if (!margin && !byTitle) return;
  const what = margin ? { ja: `マージンの${margin.dim === "row" ? "行" : "列"}「${showLabel(margin)}」`, en: `the margin ${margin.dim === "row" ? "row" : "column"} '${showLabel(margin)}'` } : { ja: `表題「${title}」`, en: `the title '${title}'` };
  throw new RippleError(
    "table.purchaser-prices",
    {
      ja: `この表は購入者価格評価表です（${what.ja}）。中間取引に商業・運輸マージンを含み、マージンの控除列を輸入と読むと係数が誤るため、このままでは計算しません。同じ年の生産者価格評価表を使ってください。`,
      en: `This is a purchaser-price table (${what.en}). Its flows include trade and transport margins, and its margin deductions would be read as imports, giving wrong coefficients, so it is not used as it is. Use the producer-price table of the same year.`,
    },
    margin ? lineWhere(grid, margin) : { sheet: grid.sheet },
  );
}
