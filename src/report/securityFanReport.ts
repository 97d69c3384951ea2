// The fan of the B/C (economic security) on the 経済安全保障効果 sheet: the Monte Carlo's draws
// in equal bins as a stacked column chart, the bins of the central 90% (P5–P95) in one series and
// the tails in the other, so the band shows as the fan's colour in any host that draws native
// column charts (Excel, Excel on the web, LibreOffice). Formats only: the bins are the engine's.

import type { Bilingual, Lang } from "../engine/errors";
import type { SecurityMonteCarlo } from "../engine/security";
import type { SheetBuilder } from "./sheetBuilder";

const L = (ja: string, en: string): Bilingual => ({ ja, en });
export const FAN = {
  bin: L("B/C の階級", "B/C bin"),
  title: L("B/C（経済安全保障）の分布：抽出の割合（P5〜P95 の帯と裾）", "Distribution of the B/C (economic security): share of draws (the P5–P95 band and the tails)"),
  from: L("B/C 階級の下限", "B/C bin from"),
  to: L("B/C 階級の上限", "B/C bin to"),
  central: L("抽出の割合: P5〜P95", "Share of draws: P5–P95"),
  tails: L("抽出の割合: P5 未満・P95 超", "Share of draws: below P5 / above P95"),
  axis: L("B/C の階級", "B/C bin"),
  share: L("抽出の割合", "Share of draws"),
};

/** Writes the bins and the chart beside them; returns the body's first row and row count (the
 * rows the public version may suppress with the plans' figures). */
export function fanBlock(s: SheetBuilder, mc: SecurityMonteCarlo, lang: Lang): [number, number] {
  const tr = (b: Bilingual) => b[lang];
  const h = mc.histogram;
  s.add([[tr(FAN.title)]], "subtitle");
  const head = s.add([[tr(FAN.bin), tr(FAN.from), tr(FAN.to), tr(FAN.central), tr(FAN.tails)]], "header");
  // The category as text: a chart's category cache holds the cell's text, not its number format.
  const label = (x: number) => x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const body = s.add(
    h.from.map((f, k) => [`${label(f)}〜${label(h.to[k])}`, f, h.to[k], h.central[k] ? h.share[k] : 0, h.central[k] ? 0 : h.share[k]]),
    "body",
    [null, "0.00", "0.00", "0.0%", "0.0%"],
  );
  const rows = h.from.length;
  s.chart({
    type: "columnStacked",
    title: tr(FAN.title),
    categories: { row: body, col: 0, rows, cols: 1 },
    series: [
      { name: tr(FAN.central), values: { row: body, col: 3, rows, cols: 1 } },
      { name: tr(FAN.tails), values: { row: body, col: 4, rows, cols: 1 } },
    ],
    xAxisTitle: tr(FAN.axis),
    yAxisTitle: tr(FAN.share),
    yAxisFormat: "0%",
    anchor: { row: head, col: 7, widthCols: 8, heightRows: Math.max(16, rows + 2) },
  });
  s.skip();
  return [body, rows];
}
