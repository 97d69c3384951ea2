// The disruption workbook's summary, loss by sector (with its bar chart) and inoperability over time.

import { D, DISRUPTION_SHEETS, periodLabel } from "../disruptionLabels";
import { TEXT } from "../labels";
import { SheetBuilder, labelWidth } from "../sheetBuilder";
import type { CellSpec, SheetSpec } from "../spec";
import { type DisruptionContext, DISRUPTION_FORMATS, TOP_SECTORS_CHARTED, num } from "./context";

/** 途絶・集計 / Summary */
export function summarySheet(ctx: DisruptionContext, sheets: SheetSpec[]): void {
  const { result, lang, tr, unit, money, sectors, n, spec, tableName, loss, totalLoss, order, warnings, inoNote, parameters, methodLines } = ctx;
  const s = new SheetBuilder("disruption-summary", tr(DISRUPTION_SHEETS.summary));
  s.add([[tr(D.title)]], "title");
  if (spec.title) s.add([[spec.title]], "subtitle");
  s.add(
    [
      [tr(D.table), tableName],
      [tr(D.unit), unit],
    ],
    "body",
  );
  s.skip();
  s.add([[tr(D.headline)]], "subtitle");
  s.add([[tr(D.item), tr(D.value)]], "header");
  s.add(
    [
      [money(D.totalLoss), num(totalLoss, lang)],
      [money(D.shortfall), num(result.cut.totalShortfall, lang)],
    ],
    "body",
    [null, DISRUPTION_FORMATS.money],
  );
  s.add(
    [[tr(D.lossRatio), num(result.cut.totalShortfall > 0 ? totalLoss / result.cut.totalShortfall : null, lang)]],
    "body",
    [null, DISRUPTION_FORMATS.ratio],
  );
  s.add([[money(D.staticLoss), num(result.static.totalLossOverCut, lang)]], "body", [null, DISRUPTION_FORMATS.money]);
  if ((result.static.totalExcessLoss ?? 0) > 0)
    s.add(
      [[money(D.staticExcess), num(((result.static.totalExcessLoss ?? 0) * result.spec.months) / 12, lang)]],
      "body",
      [null, DISRUPTION_FORMATS.money],
    );
  s.skip();
  s.add([[tr(D.topSectors)]], "subtitle");
  s.add([[tr(TEXT.sector), money(D.loss), tr(D.share)]], "header");
  const top = order.slice(0, Math.min(5, n));
  s.add(
    top.map((i) => [sectors[i], num(loss[i], lang), num(totalLoss > 0 ? loss[i] / totalLoss : null, lang)]),
    "body",
    [null, DISRUPTION_FORMATS.money, DISRUPTION_FORMATS.share],
  );
  s.skip();
  s.add([[tr(D.whatWasRun)]], "subtitle");
  s.add([[tr(D.item), tr(D.value), tr(D.source)]], "header");
  for (const p of parameters) s.add([[p.name, p.value, p.source]], "body", p.format ? [null, p.format, null] : undefined);
  s.add(
    [
      [money(D.sectorImports), num(result.cut.sectorImports, lang), tr(D.importsFromTable)],
      [money(D.sectorOutput), num(result.cut.output, lang), tr(D.table)],
    ],
    "body",
    [null, DISRUPTION_FORMATS.money, null],
  );
  s.add([[tr(D.cutRate), num(result.cut.rate, lang), tr(D.cutRateFormula)]], "body", [null, DISRUPTION_FORMATS.inoperability, null]);
  s.skip();
  s.add([[tr(D.methodShort)]], "subtitle");
  s.add([[tr(D.cutConversion)], ...methodLines(inoNote)], "note");
  if (spec.notes?.length) {
    s.skip();
    s.add([[tr(D.notes)]], "subtitle");
    s.add(spec.notes.map((t) => [t]), "note");
  }
  s.skip();
  s.add([[tr(D.warnings)]], "subtitle");
  s.add(warnings.length ? warnings.map((w) => [w]) : [[tr(D.noWarnings)]], "body");
  sheets.push(s.build({ columnWidths: { 0: 46, 1: 20, 2: 60, 3: 12 } }));
}

/** 途絶・損失額 / Loss by sector (sorted) + bar chart + method beside */
export function lossSheet(ctx: DisruptionContext, sheets: SheetSpec[]): void {
  const { result, lang, tr, money, sectors, n, sectorWidth, dyn, loss, totalLoss, order, periodName, inoNote, methodLines } = ctx;
  const s = new SheetBuilder("disruption-loss", tr(DISRUPTION_SHEETS.loss));
  s.add([[tr(D.chartLoss)]], "title");
  s.add([[tr(D.lossNote)]], "note");
  const headerRow = s.add(
    [[tr(D.rank), tr(TEXT.sector), money(D.loss), tr(D.share), money(D.staticLossOverCut), tr(D.peak), tr(D.peakPeriod)]],
    "header",
  );
  const bodyRow = s.add(
    order.map((i, r) => [
      r + 1,
      sectors[i],
      num(loss[i], lang),
      num(totalLoss > 0 ? loss[i] / totalLoss : null, lang),
      num(result.static.lossOverCut[i], lang),
      num(dyn.peak[i], lang),
      dyn.peakPeriod[i] > 0 ? periodLabel(periodName, dyn.peakPeriod[i], lang) : TEXT.dash[lang],
    ]),
    "body",
    [null, null, DISRUPTION_FORMATS.money, DISRUPTION_FORMATS.share, DISRUPTION_FORMATS.money, DISRUPTION_FORMATS.inoperability, null],
  );
  s.add(
    [[null, tr(D.total), num(totalLoss, lang), num(totalLoss > 0 ? 1 : null, lang), num(result.static.totalLossOverCut, lang), null, null]],
    "total",
    [null, null, DISRUPTION_FORMATS.money, DISRUPTION_FORMATS.share, DISRUPTION_FORMATS.money, null, null],
  );
  s.skip();
  const height = Math.max(16, Math.min(40, n + 8));
  s.chart({
    type: "bar",
    title: money(D.chartLoss),
    categories: { row: bodyRow, col: 1, rows: n, cols: 1 },
    series: [{ name: money(D.loss), values: { row: bodyRow, col: 2, rows: n, cols: 1 } }],
    yAxisTitle: money(D.loss),
    anchor: { row: s.row, col: 0, widthCols: 5, heightRows: height },
  });
  // Method and limits next to the table (right of it), so the figure never travels alone.
  s.place({ row: headerRow, col: 8, values: [[tr(D.methodShort)]], style: "subtitle" });
  s.place({ row: headerRow + 1, col: 8, values: [[tr(D.cutConversion)], ...methodLines(inoNote)], style: "note" });
  s.skip(height);
  sheets.push(
    s.build({
      columnWidths: { 0: 6, 1: sectorWidth, 2: 18, 3: 10, 4: 22, 5: 14, 6: 12, 8: 90 },
      freeze: { rows: headerRow + 1, cols: 0 },
    }),
  );
}

/** 途絶・不稼働率の推移 / Inoperability over time */
export function inoperabilitySheet(ctx: DisruptionContext, sheets: SheetSpec[]): void {
  const { result, lang, tr, money, sectors, n, k, dyn, loss, order, periodName } = ctx;
  const s = new SheetBuilder("disruption-inoperability", tr(DISRUPTION_SHEETS.inoperability));
  s.add([[tr(D.chartInoperability)]], "title");
  s.add([[tr(D.inoperabilityNote)]], "note");
  const extra = [money(D.shortfallPeriod), tr(D.perturbation), money(D.lossPeriod)];
  const headerRow = s.add([[tr(D.period), ...sectors, ...extra]], "header");
  const T = result.period.count;
  const rows: CellSpec[][] = dyn.path.map((q, t) => [
    t === 0 ? tr(D.start) : periodLabel(periodName, t, lang),
    ...q.map((v) => num(v, lang)),
    t === 0 ? null : num(result.cut.shortfallByPeriod[t - 1], lang),
    t === 0 ? null : num(result.perturbation[t - 1][k], lang),
    t === 0 ? null : num(dyn.lossByPeriod ? dyn.lossByPeriod[t - 1] : null, lang),
  ]);
  const fmt: (string | null)[] = [
    null,
    ...sectors.map(() => DISRUPTION_FORMATS.inoperability),
    DISRUPTION_FORMATS.money,
    DISRUPTION_FORMATS.inoperability,
    DISRUPTION_FORMATS.money,
  ];
  const bodyRow = s.add(rows, "body", fmt);
  s.skip();
  const charted = order.slice(0, Math.min(TOP_SECTORS_CHARTED, n)).filter((i) => loss[i] > 0);
  const height = 20;
  s.chart({
    type: "line",
    title: tr(D.chartInoperability),
    categories: { row: bodyRow, col: 0, rows: T + 1, cols: 1 },
    series: charted.map((i) => ({ name: sectors[i], values: { row: bodyRow, col: 1 + i, rows: T + 1, cols: 1 } })),
    xAxisTitle: tr(D.period),
    yAxisTitle: tr(D.inoperabilityAxis),
    anchor: { row: s.row, col: 0, widthCols: Math.min(10, n + 1), heightRows: height },
  });
  s.skip(height);
  const widths: Record<number, number> = { 0: 12 };
  sectors.forEach((name, j) => (widths[1 + j] = labelWidth([name], 11, 20)));
  extra.forEach((h, j) => (widths[1 + n + j] = labelWidth([h], 14, 26)));
  sheets.push(s.build({ columnWidths: widths, freeze: { rows: headerRow + 1, cols: 1 } }));
}
