// Demand by application, capacity against demand with the KPI line, and shares by scenario.

import { M, MARKET_SHEETS, UNITS, fmtPct, withUnit } from "../marketLabels";
import { SheetBuilder, labelWidth } from "../sheetBuilder";
import type { RangeRef, SheetSpec } from "../spec";
import { sum } from "../../engine/numeric";
import { type MarketContext, fitWidths } from "./context";

/** demand by application */
export function demandSheet(ctx: MarketContext, sheets: SheetSpec[]): void {
  const { a, lang, tr, ja, years, ny, F, tUnit, base } = ctx;
  const s = new SheetBuilder("marketDemand", tr(MARKET_SHEETS.demand));
  s.add([[tr(M.demandTitle)]], "title");
  s.add([[ja ? "単位：t（磁石完成品重量）。活動量と原単位は入力シート「磁石需要ドライバー」とパラメータシートを参照。" : "Unit: t (finished magnet mass). Activity and intensity: see the demand-drivers and parameter sheets."]], "note");
  s.skip();
  const apps = a.inputs.domestic;
  s.add([[tr(M.year), ...apps.map((x) => x.label[lang]), withUnit(M.total, "t", lang), withUnit(M.globalDemand, "t", lang)]], "header");
  const first = s.add(
    years.map((y, k) => [y, ...base.years[k].demandByApplication, base.years[k].demand, base.years[k].globalDemand]),
    "body",
    [F.year, ...apps.map(() => F.tonnes), F.tonnes, F.tonnes],
  );
  s.skip();
  s.chart({
    type: "columnStacked",
    title: tr(M.chartDemand),
    categories: { row: first, col: 0, rows: ny, cols: 1 },
    series: apps.map((x, i) => ({ name: x.label[lang], values: { row: first, col: 1 + i, rows: ny, cols: 1 } })),
    yAxisTitle: tUnit,
    anchor: { row: s.row, col: 0, widthCols: 9, heightRows: 20 },
  });
  const widths: Record<number, number> = { 0: 8 };
  apps.forEach((x, i) => (widths[1 + i] = labelWidth([x.label[lang]], 12, 24)));
  widths[1 + apps.length] = 16;
  widths[2 + apps.length] = 16;
  sheets.push(s.build({ columnWidths: widths, freeze: { rows: 4, cols: 1 } }));
}

/** capacity vs demand */
export function capacitySheet(ctx: MarketContext, sheets: SheetSpec[]): void {
  const { a, lang, tr, ja, years, ny, F, paren, base } = ctx;
  const s = new SheetBuilder("marketCapacity", tr(MARKET_SHEETS.capacity));
  s.add([[tr(M.capacityTitle)]], "title");
  s.add([[ja ? "能力は国内の工場（t/年、磁石完成品）。KPI目標ライン = 国内需要 × 目標。KPI = 能力 ÷ 需要。" : "Capacity of plants in Japan (t/yr, finished magnet). KPI target line = domestic demand × target. KPI = capacity ÷ demand."]], "note");
  s.skip();
  const capHead = [tr(M.year), withUnit(M.colExisting, "t/yr", lang), withUnit(M.colSupported, "t/yr", lang), withUnit(M.capacityTotal, "t/yr", lang), withUnit(M.demandDomestic, "t", lang), withUnit(M.colRequired, "t/yr", lang), tr(M.kpiShort), tr(M.target100)];
  s.add(
    [[tr(M.year), withUnit(M.colExisting, "t/yr", lang), withUnit(M.colSupported, "t/yr", lang), withUnit(M.capacityTotal, "t/yr", lang), withUnit(M.demandDomestic, "t", lang), withUnit(M.colRequired, "t/yr", lang), tr(M.kpiShort), tr(M.target100)]],
    "header",
  );
  const first = s.add(
    years.map((y, k) => {
      const r = base.years[k];
      return [y, a.inputs.baseCapacity, a.inputs.supportedCapacity[k], r.capacity, r.demand, r.demand * a.kpi.target, r.kpi, a.kpi.target];
    }),
    "body",
    [F.year, F.tonnes, F.tonnes, F.tonnes, F.tonnes, F.tonnes, F.ratio, F.ratio],
  );
  s.skip();
  const col = (c: number): RangeRef => ({ row: first, col: c, rows: ny, cols: 1 });
  const cats = col(0);
  const chartRow = s.row;
  s.chart({
    type: "line",
    title: tr(M.chartCapacity),
    categories: cats,
    series: [
      { name: tr(M.capacityTotal), values: col(3) },
      { name: tr(M.colExisting), values: col(1) },
      { name: tr(M.target100) + paren(`${fmtPct(a.kpi.target, 0)} × ${tr(M.demandDomestic)}`), values: col(5) },
    ],
    yAxisTitle: "t/yr",
    anchor: { row: chartRow, col: 0, widthCols: 5, heightRows: 18 },
  });
  s.chart({
    type: "line",
    title: tr(M.chartKpi),
    categories: cats,
    series: [
      { name: tr(M.kpiShort), values: col(6) },
      { name: `${tr(M.target100)} ${fmtPct(a.kpi.target, 0)}`, values: col(7) },
    ],
    yAxisTitle: tr(M.kpiRatio),
    anchor: { row: chartRow, col: 5, widthCols: 4, heightRows: 18 },
  });
  s.skip(19);
  s.add([[tr(M.plans)]], "subtitle");
  if (a.plans.length) {
    s.add([[null, null, null, null, null, tr(M.online)]], "subtitle");
    s.add([[tr(M.planId), tr(M.company), tr(M.capacityAdded), tr(M.startYear), tr(M.rampYears), ...years]], "header");
    s.add(
      a.plans.map((pl) => [pl.id, pl.confidential ? tr(M.confidential) : pl.company, pl.capacity, pl.startYear, pl.rampYears, ...pl.online]),
      "body",
      [null, null, F.tonnes, F.year, "0", ...years.map(() => F.tonnes)],
    );
    s.add([[tr(M.total), null, sum(a.plans.map((x) => x.capacity)), null, null, ...a.inputs.supportedCapacity]], "total", [null, null, F.tonnes, null, null, ...years.map(() => F.tonnes)]);
  } else s.add([[tr(M.noProjects)]], "note");
  const widths = fitWidths(capHead, 10);
  for (let c = 8; c < 5 + ny; c++) widths[c] = 10;
  sheets.push(s.build({ columnWidths: widths, freeze: { rows: 4, cols: 1 } }));
}

/** shares by scenario */
export function sharesSheet(ctx: MarketContext, sheets: SheetSpec[]): void {
  const { a, lang, tr, ja, years, ny, F, scen, scenLabel } = ctx;
  const s = new SheetBuilder("marketShares", tr(MARKET_SHEETS.shares));
  s.add([[tr(M.sharesTitle)]], "title");
  s.add([[ja ? "国内供給シェア = 国内工場の国内出荷 ÷（国内出荷 + 輸入）。世界シェア = 国内工場の生産（輸出含む）÷ 世界需要。価格反応後 = 輸入価格の上乗せに需要が反応した後の国内需要。t は磁石完成品重量。" : "Domestic share = domestic sales of plants in Japan ÷ (domestic sales + imports). Global share = output of plants in Japan (incl. exports) ÷ global demand. After price = domestic demand after its response to the import price premium. t = finished magnet mass."]], "note");
  s.skip();
  const nS = a.runs.length;
  const origins = a.inputs.origins.map((o) => o.name);
  s.add([[tr(M.year), ...a.runs.map((_, i) => `${tr(M.domesticShareShort)}: ${scen(i).name}`), ...a.runs.map((_, i) => `${tr(M.japanGlobalShort)}: ${scen(i).name}`)]], "header");
  const first = s.add(
    years.map((y, k) => [y, ...a.runs.map((r) => r.result.years[k].domesticShare), ...a.runs.map((r) => r.result.years[k].japanGlobalShare)]),
    "body",
    [F.year, ...a.runs.map(() => F.share), ...a.runs.map(() => F.share)],
  );
  s.skip();
  const chartRow = s.row;
  s.chart({
    type: "line",
    title: tr(M.chartDomesticShare),
    categories: { row: first, col: 0, rows: ny, cols: 1 },
    series: a.runs.map((_, i) => ({ name: scenLabel(i), values: { row: first, col: 1 + i, rows: ny, cols: 1 } })),
    yAxisTitle: tr(UNITS.share),
    anchor: { row: chartRow, col: 0, widthCols: 5, heightRows: 18 },
  });
  s.chart({
    type: "line",
    title: tr(M.chartJapanGlobal),
    categories: { row: first, col: 0, rows: ny, cols: 1 },
    series: a.runs.map((_, i) => ({ name: scenLabel(i), values: { row: first, col: 1 + nS + i, rows: ny, cols: 1 } })),
    yAxisTitle: tr(UNITS.share),
    anchor: { row: chartRow, col: 5, widthCols: 5, heightRows: 18 },
  });
  s.skip(19);
  // One block per scenario: the flows and shares behind the charts.
  a.runs.forEach((run, i) => {
    s.add([[scenLabel(i)]], "subtitle");
    s.add(
      [
        [
          tr(M.year),
          withUnit(M.demandDomestic, "t", lang),
          withUnit(M.afterPriceShort, "t", lang),
          withUnit(M.salesShort, "t", lang),
          withUnit(M.outputShort, "t", lang),
          ...origins.map((o) => withUnit({ ja: `${M.imports.ja}：${o}`, en: `${M.imports.en}: ${o}` }, "t", lang)),
          withUnit(M.shortfall, "t", lang),
          tr(M.domesticShareShort),
          ...origins.map((o) => `${tr(M.importShare)}: ${o}`),
          tr(M.japanGlobalShort),
          withUnit(M.importPrice, "2024 = 1", lang),
        ],
      ],
      "header",
    );
    s.add(
      run.result.years.map((y) => [y.year, y.demand, y.demandAfterPrice, y.domesticSales, y.domesticOutput, ...y.importsByOrigin, y.shortfall, y.domesticShare, ...y.importShares, y.japanGlobalShare, y.importPriceIndex]),
      "body",
      [F.year, F.tonnes, F.tonnes, F.tonnes, F.tonnes, ...origins.map(() => F.tonnes), F.tonnes, F.share, ...origins.map(() => F.share), F.share, F.index],
    );
    s.skip();
  });
  const widths: Record<number, number> = { 0: 12 };
  for (let c = 1; c <= Math.max(2 * nS, 9 + 2 * origins.length); c++) widths[c] = ja ? 20 : 24;
  sheets.push(s.build({ columnWidths: widths, freeze: { rows: 4, cols: 1 } }));
}
