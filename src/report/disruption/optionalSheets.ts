// The disruption sheets written only when asked: price increase, extraction ranking, supply-side (Ghosh).

import { DISRUPTION_METHOD_NOTES, GHOSH_LABEL } from "../../engine/disruption";
import { D, DISRUPTION_SHEETS } from "../disruptionLabels";
import { TEXT } from "../labels";
import { SheetBuilder } from "../sheetBuilder";
import type { CellSpec, SheetSpec } from "../spec";
import { type DisruptionContext, DISRUPTION_FORMATS, num, rankBy } from "./context";

/** 途絶・価格上昇 / Price increase (when present) */
export function pricesSheet(ctx: DisruptionContext, sheets: SheetSpec[]): void {
  const { result, lang, tr, sectors, n, sectorWidth, methodLines } = ctx;
if (result.prices) {
  const p = result.prices;
  const s = new SheetBuilder("disruption-prices", tr(DISRUPTION_SHEETS.prices));
  s.add([[tr(D.priceTitle)]], "title");
  s.add(
    [
      [null, tr(D.priceSector), sectors[p.sector]],
      [null, tr(D.priceChangeGiven), p.importPriceChange],
      [null, tr(D.priceScope), tr(p.scope === "good" ? D.scopeGood : D.scopeSector)],
      [null, tr(D.priceChangeApplied), p.appliedImportPriceChange],
    ],
    "body",
    [null, null, DISRUPTION_FORMATS.price],
  );
  s.skip();
  const headerRow = s.add([[tr(D.rank), tr(TEXT.sector), tr(D.priceIncrease), tr(D.priceIndex)]], "header");
  const bodyRow = s.add(
    rankBy(p.result.delta).map((i, r) => [r + 1, sectors[i], num(p.result.delta[i], lang), num(p.result.index[i], lang)]),
    "body",
    [null, null, DISRUPTION_FORMATS.price, DISRUPTION_FORMATS.index],
  );
  s.skip();
  s.add(methodLines(DISRUPTION_METHOD_NOTES.prices), "note");
  s.skip();
  const height = Math.max(16, Math.min(40, n + 8));
  s.chart({
    type: "bar",
    title: tr(D.chartPrices),
    categories: { row: bodyRow, col: 1, rows: n, cols: 1 },
    series: [{ name: tr(D.priceIncrease), values: { row: bodyRow, col: 2, rows: n, cols: 1 } }],
    yAxisTitle: tr(D.priceIncreaseAxis),
    anchor: { row: headerRow, col: 5, widthCols: 8, heightRows: height },
  });
  sheets.push(s.build({ columnWidths: { 0: 6, 1: Math.max(sectorWidth, 38), 2: 16, 3: 18 } }));
}
}

/** 途絶・仮想的抽出 / Extraction ranking (when present) */
export function extractionSheet(ctx: DisruptionContext, sheets: SheetSpec[]): void {
  const { result, lang, tr, money, sectors, n, k, sectorWidth, methodLines } = ctx;
if (result.extraction) {
  const x = result.extraction;
  const s = new SheetBuilder("disruption-extraction", tr(DISRUPTION_SHEETS.extraction));
  s.add([[tr(D.extractionTitle)]], "title");
  const head1: CellSpec[] = [tr(D.rank), tr(TEXT.sector), tr(D.both), null, tr(D.totalExtraction), null, tr(D.backward), null, tr(D.forward), null, null];
  const pair = [money(D.outputLost), tr(D.shareOfOutput)];
  const head2: CellSpec[] = [null, null, ...pair, ...pair, ...pair, ...pair, null];
  const headerRow = s.add([head1, head2], "header");
  const ord = x.both.order;
  const bodyRow = s.add(
    ord.map((i, r) => [
      r + 1,
      sectors[i],
      num(x.both.total[i], lang),
      num(x.both.share[i], lang),
      num(x.total.total[i], lang),
      num(x.total.share[i], lang),
      num(x.backward.total[i], lang),
      num(x.backward.share[i], lang),
      num(x.forward.total[i], lang),
      num(x.forward.share[i], lang),
      i === k ? tr(D.disruptedMark) : null,
    ]),
    "body",
    [null, null, ...Array.from({ length: 4 }, () => [DISRUPTION_FORMATS.money, DISRUPTION_FORMATS.share]).flat(), null],
  );
  s.skip();
  const fwNote = x.forwardMethod === "ghosh" ? `${tr(D.forward)}: ${tr(GHOSH_LABEL)}` : null;
  s.add([...methodLines(DISRUPTION_METHOD_NOTES.extraction), ...(fwNote ? [[fwNote]] : [])], "note");
  s.skip();
  const height = Math.max(16, Math.min(40, n + 8));
  s.chart({
    type: "bar",
    title: tr(D.chartExtraction),
    categories: { row: bodyRow, col: 1, rows: n, cols: 1 },
    series: [{ name: money(D.outputLost), values: { row: bodyRow, col: 2, rows: n, cols: 1 } }],
    yAxisTitle: money(D.outputLost),
    anchor: { row: s.row, col: 0, widthCols: 6, heightRows: height },
  });
  s.skip(height);
  sheets.push(
    s.build({
      columnWidths: { 0: 6, 1: sectorWidth, 2: 18, 3: 14, 4: 18, 5: 14, 6: 18, 7: 14, 8: 18, 9: 14, 10: 18 },
      freeze: { rows: headerRow + 2, cols: 2 },
    }),
  );
}
}

/** 途絶・供給側（ゴッシュ） / Supply-side (Ghosh), labelled as such everywhere (when present) */
export function ghoshSheet(ctx: DisruptionContext, sheets: SheetSpec[]): void {
  const { result, lang, tr, money, sectors, n, sectorWidth, methodLines } = ctx;
if (result.ghosh) {
  const g = result.ghosh;
  const label = tr(GHOSH_LABEL);
  const s = new SheetBuilder("disruption-ghosh", tr(DISRUPTION_SHEETS.ghosh));
  s.add([[`${tr(D.chartGhosh)}`]], "title");
  s.add([[`${label}: ${tr(DISRUPTION_METHOD_NOTES.ghosh.limits)}`]], "note");
  s.add([[tr(D.ghoshSource), tr(g.source === "cut" ? D.ghoshFromCut : D.ghoshFromSpec)]], "body");
  s.skip();
  const headerRow = s.add([[tr(TEXT.sector), `${money(D.deltaV)}`, `${money(D.deltaX)} [${label}]`]], "header");
  const bodyRow = s.add(
    sectors.map((name, i) => [name, num(g.primaryInputChange[i], lang), num(g.effect.output[i], lang)]),
    "body",
    [null, DISRUPTION_FORMATS.money, DISRUPTION_FORMATS.money],
  );
  s.add(
    [[tr(D.total), num(g.primaryInputChange.reduce((a, b) => a + b, 0), lang), num(g.effect.total, lang)]],
    "total",
    [null, DISRUPTION_FORMATS.money, DISRUPTION_FORMATS.money],
  );
  s.skip();
  s.add(methodLines(DISRUPTION_METHOD_NOTES.ghosh, GHOSH_LABEL), "note");
  const height = Math.max(16, Math.min(40, n + 8));
  s.chart({
    type: "bar",
    title: `${tr(D.chartGhosh)}`,
    categories: { row: bodyRow, col: 0, rows: n, cols: 1 },
    series: [{ name: `${tr(D.deltaX)} [${label}]`, values: { row: bodyRow, col: 2, rows: n, cols: 1 } }],
    yAxisTitle: money(D.deltaX),
    anchor: { row: headerRow, col: 4, widthCols: 8, heightRows: height },
  });
  sheets.push(s.build({ columnWidths: { 0: Math.max(sectorWidth, 40), 1: 24, 2: 34 } }));
}
}
