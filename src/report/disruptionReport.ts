// The results workbook of one supply-disruption run (engine/disruption/spec.ts) as a
// host-independent WorkbookSpec: summary, loss by sector, inoperability over time, price increase
// (with a price shock), extraction ranking (when asked), supply-side Ghosh (when asked), method.
// A pure function of the engine's result: no I/O, no clock unless `now` is omitted.

import { DISRUPTION_METHOD_NOTES, GHOSH_LABEL, type MethodNote } from "../engine/disruption";
import type { DisruptionResult } from "../engine/disruption/spec";
import { warningText, type Bilingual, type Lang } from "../engine/errors";
import type { IOTable } from "../engine/table/types";
import { NUMBER_FORMATS, type ReportInput } from "./analysisReport";
import { D, DISRUPTION_SHEETS, PERIOD_NAMES, periodLabel } from "./disruptionLabels";
import { TEXT, unitLabel, withUnit } from "./labels";
import { SheetBuilder, labelWidth } from "./sheetBuilder";
import type { CellSpec, ProvenanceSpec, SheetSpec, WorkbookSpec } from "./spec";

export interface DisruptionReportInput {
  result: DisruptionResult;
  table: IOTable;
  lang: Lang;
  inputs: ReportInput[];
  version: string;
  /** Name shown for the table; defaults to the table's title, else the first input. */
  tableName?: string;
  now?: Date;
}

export const DISRUPTION_FORMATS = {
  money: NUMBER_FORMATS.money,
  share: "0.0%",
  inoperability: "0.0000%",
  price: "0.0000%",
  index: "0.000000",
  coefficient: "0.000",
  ratio: "0.00",
} as const;

/** Sectors charted in the inoperability chart (largest loss first). */
export const TOP_SECTORS_CHARTED = 5;

/** A number cell; anything not finite becomes the dash (null or NaN are never written). */
function num(v: number | null | undefined, lang: Lang): CellSpec {
  return typeof v === "number" && Number.isFinite(v) ? v : TEXT.dash[lang];
}

function rankBy(values: number[]): number[] {
  return values.map((_, i) => i).sort((a, b) => values[b] - values[a] || a - b);
}

export function buildDisruptionReport(input: DisruptionReportInput): WorkbookSpec {
  const { result, table, lang } = input;
  const tr = (b: Bilingual) => b[lang];
  const unit = unitLabel(table.unit ?? result.unit, lang);
  const money = (label: Bilingual) => withUnit(label, unit, lang);
  const sectors = result.sectors;
  const n = sectors.length;
  const k = result.sector;
  const spec = result.spec;
  const sectorWidth = labelWidth([...sectors, tr(D.total)], 14, 40);
  const tableName = input.tableName ?? table.layout?.title ?? input.inputs[0]?.description ?? tr(D.table);
  const dyn = result.dynamic;
  const loss = dyn.loss ?? new Array<number>(n).fill(0);
  const totalLoss = dyn.totalLoss ?? 0;
  const order = rankBy(loss);
  const periodName = result.period.name;
  const periodText = tr(PERIOD_NAMES[periodName]);
  const warnings = collectWarnings(result, table, lang);
  const inoNote = DISRUPTION_METHOD_NOTES.inoperability;

  // Parameters as used, with their sources (also the provenance).
  const user = tr(D.userEntered);
  const importsSource =
    result.cut.importsSource === "table"
      ? tr(D.importsFromTable)
      : typeof spec.imports === "object"
        ? `${user}: ${spec.imports.quantity} ${spec.imports.unit ?? ""} × ${spec.imports.unitValue} ${unit}${spec.imports.unit ? "/" + spec.imports.unit : ""}${spec.imports.source ? ` (${spec.imports.source})` : ""}`
        : user;
  const parameters: { name: string; value: string | number; source: string; format?: string }[] = [
    { name: tr(D.disruptedSector), value: sectors[k], source: user },
    { name: tr(D.importCut), value: spec.importCut, source: user, format: "0%" },
    { name: tr(D.months), value: spec.months, source: user },
    { name: tr(D.startMonth), value: spec.startMonth ?? 0, source: spec.startMonth === undefined ? tr(TEXT.defaultPrefix) + "0" : user },
    { name: money(D.annualImports), value: result.cut.annualImports, source: importsSource, format: DISRUPTION_FORMATS.money },
    { name: tr(D.periodLength), value: periodText, source: spec.periodLength ? user : tr(D.defaultPeriodLength) },
    { name: tr(D.periods), value: result.period.count, source: result.period.countSource === "spec" ? user : tr(D.defaultPeriods) },
  ];
  if (result.resilience.source === "resilience") {
    parameters.push({ name: tr(D.resilience), value: describeSectorValues(spec.resilience!, lang), source: user });
  } else {
    parameters.push({ name: tr(D.recovery), value: describeSectorValues(spec.recoveryMonths!, lang), source: user });
    parameters.push({
      name: tr(D.residual),
      value: result.resilience.residual ?? 0,
      source: spec.recoveryMonths?.residual !== undefined ? user : tr(D.defaultResidual),
    });
  }
  if (result.prices) {
    parameters.push({ name: tr(D.priceChangeGiven), value: result.prices.importPriceChange, source: user, format: "0.0%" });
    parameters.push({ name: tr(D.priceScope), value: result.prices.scope, source: spec.priceShock?.scope ? user : tr(TEXT.defaultPrefix) + result.prices.scope });
  }

  const sheets: SheetSpec[] = [];
  const methodLines = (note: MethodNote, label?: Bilingual): CellSpec[][] => [
    [`${tr(note.title)}${label ? `（${tr(label)}）` : ""}`],
    [`${tr(D.formula)}: ${note.formula}`],
    [`${tr(D.limits)}: ${tr(note.limits)}`],
  ];

  // ---- 途絶・集計 / Summary ----
  {
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

  // ---- 途絶・損失額 / Loss by sector (sorted) + bar chart + method beside ----
  {
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

  // ---- 途絶・不稼働率の推移 / Inoperability over time ----
  {
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

  // ---- 途絶・価格上昇 / Price increase ----
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

  // ---- 途絶・仮想的抽出 / Extraction ranking ----
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

  // ---- 途絶・供給側（ゴッシュ） / Supply-side (Ghosh), labelled as such everywhere ----
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

  // ---- 途絶・方法と出典 / Method ----
  const createdAt = (input.now ?? new Date()).toISOString();
  {
    const s = new SheetBuilder("disruption-method", tr(DISRUPTION_SHEETS.method));
    s.add([[tr(DISRUPTION_SHEETS.method)]], "title");
    s.skip();
    s.add([[tr(D.cutConversion)]], "body");
    s.skip();
    const notes: [MethodNote, Bilingual | undefined][] = [[inoNote, undefined]];
    if (result.prices) notes.push([DISRUPTION_METHOD_NOTES.prices, undefined]);
    if (result.extraction) notes.push([DISRUPTION_METHOD_NOTES.extraction, undefined]);
    if (result.ghosh) notes.push([DISRUPTION_METHOD_NOTES.ghosh, GHOSH_LABEL]);
    for (const [note, label] of notes) {
      s.add([[`${tr(note.title)}${label ? `（${tr(label)}）` : ""}`]], "subtitle");
      s.add(
        [
          [tr(D.formula), note.formula],
          [tr(D.description), tr(note.body)],
          [tr(D.limits), tr(note.limits)],
          ...note.sources.map((src, j) => [j === 0 ? tr(D.sources) : null, src]),
        ],
        "body",
      );
      s.skip();
    }
    s.add([[tr(D.parameters)]], "subtitle");
    s.add([[tr(D.item), tr(D.value), tr(D.source)]], "header");
    s.add(parameters.map((p) => [p.name, p.value, p.source]), "body");
    s.skip();
    if (spec.notes?.length) {
      s.add([[tr(D.notes)]], "subtitle");
      s.add(spec.notes.map((t) => [t]), "body");
      s.skip();
    }
    s.add([[tr(D.inputs)]], "subtitle");
    s.add([[tr(D.description), tr(D.sheet), tr(D.range), tr(D.checksum)]], "header");
    s.add(input.inputs.map((i) => [i.description, i.sheet ?? null, i.range ?? null, i.checksum ?? null]), "body");
    s.skip();
    s.add([[tr(D.warnings)]], "subtitle");
    s.add(warnings.length ? warnings.map((w) => [w]) : [[tr(D.noWarnings)]], "body");
    s.skip();
    s.add(
      [
        [tr(D.software), "Ripple"],
        [tr(D.version), input.version],
        [tr(D.createdAt), createdAt],
      ],
      "body",
    );
    sheets.push(s.build({ columnWidths: { 0: 30, 1: 100, 2: 50, 3: 74 } }));
  }

  const provenance: ProvenanceSpec = {
    software: "Ripple",
    version: input.version,
    createdAt,
    inputs: input.inputs.map((i) => ({ ...i })),
    // "entered by the user" as a flag, so the method sheet says so in one column.
    parameters: parameters.map(({ name, value, source }) => (source === user ? { name, value, source, user: true } : { name, value, source })),
    variants: [
      `${tr(inoNote.title)}: ${inoNote.formula}`,
      tr(D.cutConversion),
      ...(result.ghosh ? [`${tr(GHOSH_LABEL)}: ${DISRUPTION_METHOD_NOTES.ghosh.formula}`] : []),
    ],
    warnings,
  };
  return { lang, sheets, provenance };
}

function describeSectorValues(v: { default: number; sectors?: Record<string, number> }, lang: Lang): string {
  const parts = [`${lang === "ja" ? "既定" : "default"} ${v.default}`];
  for (const [s, x] of Object.entries(v.sectors ?? {})) parts.push(`${s} ${x}`);
  return parts.join(lang === "ja" ? "、" : ", ");
}

/** The run's warnings, then the table's, in the report's language, without repeats. */
function collectWarnings(result: DisruptionResult, table: IOTable, lang: Lang): string[] {
  const out: string[] = [];
  for (const w of [...result.warnings, ...table.warnings]) {
    const s = warningText(w, lang);
    if (!out.includes(s)) out.push(s);
  }
  return out;
}
