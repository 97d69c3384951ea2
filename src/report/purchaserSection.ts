// The purchaser-price conversion of a shock on the results workbook: one line on the summary
// under the shock, and on 方法・出典 the convention, where the margins went and the rates used
// for every shocked sector. Formats only: the numbers come from engine/table/margins.ts.

import type { Lang } from "../engine/errors";
import type { PurchaserConversion } from "../engine/table/margins";
import type { IOTable } from "../engine/table/types";
import { withUnit, unitLabel } from "./labels";
import type { SheetBuilder } from "./sheetBuilder";
import { sum } from "../engine/numeric";

const T = {
  heading: { ja: "購入者価格から生産者価格への換算", en: "Purchaser prices to producer prices" },
  summary: {
    ja: "需要変化は購入者価格で与えられ、商業・運輸マージン率で生産者価格に換算しました（方法・出典を参照）。上の表は換算後の生産者価格です。",
    en: "The final-demand change was given at purchaser prices and converted to producer prices with the trade and transport margin rates (see Method & sources). The table above is at producer prices.",
  },
  rule: {
    ja: "生産者価格の需要変化_i = 購入者価格_i ×（1 − 商業マージン率_i − 運輸マージン率_i）。商業マージンの合計 Σ 購入者価格_i × 商業マージン率_i は商業部門に、運輸マージンの合計は運輸部門に加えます（合計は変わりません）。マージン率は購入者価格に対する割合です。",
    en: "Producer-price change_i = purchaser-price change_i × (1 − trade margin rate_i − transport margin rate_i). The trade margins Σ purchaser_i × trade rate_i are added to the commerce sector and the transport margins to the transport sector (the total is unchanged). Rates are shares of the purchaser price.",
  },
  rates: { ja: "マージン率の出典", en: "Margin rates from" },
  tradeTo: { ja: "商業マージンの計上先", en: "Trade margins to" },
  transportTo: { ja: "運輸マージンの計上先", en: "Transport margins to" },
  sector: { ja: "部門", en: "Sector" },
  purchaser: { ja: "購入者価格", en: "Purchaser prices" },
  trade: { ja: "商業マージン率", en: "Trade margin rate" },
  transport: { ja: "運輸マージン率", en: "Transport margin rate" },
  producer: { ja: "生産者価格", en: "Producer prices" },
  total: { ja: "合計", en: "Total" },
} as const;

export function addPurchaserSummary(s: SheetBuilder, lang: Lang): void {
  s.add([[T.summary[lang]]], "note");
}

/** The method sheet's section: rule, sources, and one row per sector the conversion touched. */
export function addPurchaserMethod(s: SheetBuilder, c: PurchaserConversion, table: IOTable, lang: Lang): void {
  const unit = unitLabel(table.unit, lang);
  const label = (i: number) => table.sectors[i].label;
  s.add([[T.heading[lang]]], "subtitle");
  s.add([[T.rule[lang]]], "body");
  s.add(
    [
      [T.rates[lang], c.rates.source],
      [T.tradeTo[lang], label(c.tradeSector)],
      [T.transportTo[lang], label(c.transportSector)],
    ],
    "body",
  );
  const rate = new Map(c.rates.rows.map((r) => [r.sector, r]));
  s.add([[T.sector[lang], withUnit(T.purchaser, unit, lang), T.trade[lang], T.transport[lang], withUnit(T.producer, unit, lang)]], "header");
  const rows = c.producer
    .map((p, i) => ({ i, p, q: c.purchaser[i], r: rate.get(i) }))
    .filter((x) => x.p !== 0 || x.q !== 0)
    // A labelled sheet's rate for a sector the change does not touch is not used (nor checked): blank.
    .map((x) => ({ ...x, r: x.r && (x.q !== 0 || !x.r.cells) ? x.r : undefined }))
    .map((x) => [label(x.i), x.q, x.r ? x.r.trade : null, x.r ? x.r.transport : null, x.p]);
  s.add(rows, "body", [null, "#,##0.0", "0.0000", "0.0000", "#,##0.0"]);
  s.add([[T.total[lang], sum(c.purchaser), null, null, sum(c.producer)]], "total", [null, "#,##0.0", null, null, "#,##0.0"]);
}
