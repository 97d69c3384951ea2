// The results workbook of a policy evaluation of supported plans (MODELS.md 6), as a
// host-independent WorkbookSpec: 政策評価サマリー first (totals, induced value added per yen of subsidy, KPIs, method), then 年度別,
// 計画別, KPI, 部門別, the coefficient sheets of the basic analysis (A, m, L, multipliers) and
// 方法・出典. The add-in and the command line write exactly this. Pure: no I/O, no clock unless
// `now` is omitted.

import { blockName, parameterName, sourceName, unitName } from "../engine/params/names";
import type { Bilingual, Lang } from "../engine/errors";
import { a1 } from "../engine/grid";
import type { IOModel } from "../engine/model/iomodel";
import type { AnalysisResult } from "../engine/model/result";
import type { Parameter } from "../engine/params/defaults";
import type { Converter } from "../engine/projects/parse";
import type { Evaluation, Kpi, SourcedValue, Totals } from "../engine/projects/evaluate";
import type { SplitDefinition } from "../engine/projects/splitSheet";
import type { IOTable } from "../engine/table/types";
import { buildAnalysisReport, NUMBER_FORMATS, type ReportInput, type ResolvedModelOptions } from "./analysisReport";
import { IMPORT_TYPES, MEASURES, SECOND_STAGE_TEXT, STAGES, unitLabel, withUnit, yearLabel } from "./labels";
import { methodSentences, P, PROJECT_SHEETS } from "./projectLabels";
import { buildByProjectSheet } from "./byProjectSheet";
import { labelWidth, SheetBuilder } from "./sheetBuilder";
import type { CellSpec, FormulaCell, ProvenanceSpec, SheetSpec, WorkbookSpec } from "./spec";

export interface ProjectsReportInput {
  evaluation: Evaluation;
  model: IOModel;
  /** The table the model was built on (after any split). */
  table: IOTable;
  /** Coefficients, inverse and multipliers of that table (no shock). */
  analysis: AnalysisResult;
  modelOptions: ResolvedModelOptions;
  converters: Map<string, Converter>;
  splits: SplitDefinition[];
  /** The parameter sheet's rows (null when none was given) and the keys "block/name" used. */
  parameters: Parameter[] | null;
  usedParameters: Set<string>;
  /** Whether the period and base year were the user's or the defaults. */
  periodSource: "default" | "user";
  baseYearSource: "default" | "user";
  inputs: ReportInput[];
  tableName?: string;
  /** Warnings of the run (in the report's language). */
  warnings: string[];
  lang: Lang;
  version: string;
  now?: Date;
}

const F = {
  money: NUMBER_FORMATS.money,
  persons: NUMBER_FORMATS.persons,
  ratio: "0.000",
  percent: "0.0%",
  multiple: '0.00"×"',
  tonnes: "#,##0",
  factor: "0.0000",
} as const;

/** Parameters shown as percentages wherever they appear (the discount rate: 4.0%, not 0.04). */
const PERCENT_PARAMETERS = new Set(["evaluation/discount rate"]);

const sumF = (col: number, first: number, last: number, value: number): FormulaCell => ({
  formula: `SUM(${a1(first, col)}:${a1(last, col)})`,
  value,
});

export { yearLabel };

function kpiResult(k: Kpi, lang: Lang): string {
  return (k.pass === null ? P.notEvaluable : k.pass ? P.pass : P.fail)[lang];
}

export function buildProjectsReport(input: ProjectsReportInput): WorkbookSpec {
  const { evaluation: ev, lang, table, model } = input;
  const tr = (b: Bilingual) => b[lang];
  const unit = unitLabel(table.unit, lang);
  const persons = lang === "ja" ? "人・年" : "person-years";
  const jobs = ev.cumulative.total.employment !== null;
  const money = (b: Bilingual) => withUnit(b, unit, lang);
  const years = ev.years;
  const first = years[0];
  const last = years[years.length - 1];
  const periodText = `${yearLabel(first, lang)} – ${yearLabel(last, lang)}`;
  const rateText = `${(ev.discountRate.value * 100).toFixed(1).replace(/\.0$/, "")}%`;
  const tableName = input.tableName ?? table.layout?.title ?? input.inputs[0]?.description ?? tr(P.table);
  const converterNames = [...input.converters.values()]
    .map((c) => `${c.name}: ${[...c.shares].map(([i, s]) => `${table.sectors[i].label} ${(s * 100).toFixed(0)}%`).join(lang === "ja" ? "・" : ", ")}`)
    .join("; ");
  const splitNames = input.splits.length ? input.splits.map((s) => (lang === "ja" ? `${s.label}（${s.parentLabel}）` : `${s.label} (${s.parentLabel})`)).join(lang === "ja" ? "、" : ", ") : null;
  const sheets: SheetSpec[] = [];

  const totalsRow = (t: Totals): number[] => [t.output, t.valueAdded, t.compensation, ...(jobs ? [t.employment ?? 0] : [])];
  const measureHeads = [
    money(MEASURES.output),
    money(MEASURES.valueAdded),
    money(MEASURES.compensation),
    ...(jobs ? [withUnit(MEASURES.employment, persons, lang)] : []),
  ];
  const measureFormats = [F.money, F.money, F.money, ...(jobs ? [F.persons] : [])];

  // ---- 政策評価サマリー / Policy summary ----
  {
    const s = new SheetBuilder("summary", tr(PROJECT_SHEETS.summary));
    s.add([[tr(P.title)]], "title");
    const conf = ev.projects.filter((p) => p.project.confidential).length;
    s.add(
      [
        [tr(P.table), tableName],
        [tr(P.unit), unit],
        [tr(P.period), periodText],
        [tr(P.plans), tr(P.plansText(ev.projects.length, conf))],
      ],
      "body",
    );
    if (conf > 0) s.add([[tr(P.confidentialNote)]], "note");
    s.skip();

    s.add([[tr(P.keyResults)]], "subtitle");
    s.add([[tr(P.indicator), tr(P.value), tr(P.unitCol), null, tr(P.explanation)]], "header");
    const c = ev.cumulative;
    const rows: CellSpec[][] = [
      [tr(P.cumOutput), c.total.output, unit, null, tr(P.explainCum)],
      [tr(P.cumGva), c.total.valueAdded, unit, null, tr(P.explainCum)],
      [tr(P.cumComp), c.total.compensation, unit, null, tr(P.explainCum)],
    ];
    const fmts: (string | null)[][] = [[null, F.money], [null, F.money], [null, F.money]];
    if (jobs) {
      rows.push([tr(P.cumJobs), c.total.employment ?? 0, persons, null, tr(P.explainCum)]);
      fmts.push([null, F.persons]);
    }
    rows.push(
      [tr(P.cumCapex), c.capex, unit, null, tr({ ja: "計画シートの年度別設備投資額の合計", en: "Sum of the project sheet's capex by year" })],
      [tr(P.cumSubsidy), c.subsidy, unit, null, tr(P.explainCumSubsidy)],
      [tr(P.pvGva), ev.pv.valueAdded, unit, null, tr(P.explainPv(ev.baseYear, rateText))],
      [tr(P.pvSubsidy), ev.pv.subsidy, unit, null, tr(P.explainPv(ev.baseYear, rateText))],
    );
    fmts.push([null, F.money], [null, F.money], [null, F.money], [null, F.money]);
    const bcRow: CellSpec[] = [tr(P.inducedValueAddedPerSubsidy), ev.inducedValueAddedPerSubsidy ?? "—", tr(P.times), null, tr(P.explainInducedPerSubsidy)];
    const multiple = c.direct.output !== 0 ? c.total.output / c.direct.output : null;
    const mulRow: CellSpec[] = [tr(P.multiple), multiple ?? "—", tr(P.times), null, tr(P.explainMultiple)];
    rows.forEach((r, i) => s.add([r], "body", fmts[i]));
    s.add([bcRow], "total", [null, F.ratio]);
    s.add([mulRow], "body", [null, F.ratio]);
    s.skip();

    s.add([[tr(P.stagesAndPhases)]], "subtitle");
    const stageHead = s.add([[tr(P.stage), ...measureHeads]], "header");
    const stageRow = s.add(
      (["direct", "firstIndirect", "secondIndirect"] as const).map((k) => [tr(STAGES[k]), ...totalsRow(c[k])]),
      "body",
      [null, ...measureFormats],
    );
    s.add([[tr(STAGES.total), ...totalsRow(c.total)]], "total", [null, ...measureFormats]);
    s.add(
      [
        [tr(P.ofWhichInvestment), ...totalsRow(c.investment)],
        [tr(P.ofWhichOperation), ...totalsRow(c.operation)],
      ],
      "body",
      [null, ...measureFormats],
    );
    s.skip();

    s.add([[tr(P.kpis)]], "subtitle");
    // The verdicts only: the calculation and the sources are on the KPI sheet.
    addKpiTable(s, ev.kpis, lang, { brief: true });
    s.add([[tr(P.methodElsewhere)]], "note");
    // The stages beside the tables, in the explanation column's free rows: the page a 課長
    // reads is one A4 landscape sheet, figures and chart together.
    const explain = jobs ? 5 : 4;
    s.chart({
      type: "column",
      title: tr(P.stageChart),
      categories: { row: stageRow, col: 0, rows: 3, cols: 1 },
      series: measureHeads.slice(0, 3).map((name, k) => ({ name, values: { row: stageRow, col: 1 + k, rows: 3, cols: 1 } })),
      yAxisTitle: unit,
      anchor: { row: stageHead - 1, col: explain, widthCols: 1, heightRows: 14 },
    });
    // Narrow columns, the explanation column as wide as its longest line: A4 landscape at ≥ 9 pt.
    // (figure headers wrap onto two lines)
    const widths: Record<number, number> = { 0: 42, 1: 12, 2: 12, 3: 12, [explain]: 52 };
    if (jobs) widths[4] = 12;
    sheets.push({ ...s.build({ columnWidths: widths }), print: { onePage: true } });
  }

  // ---- 年度別 / By year ----
  {
    const s = new SheetBuilder("byYear", tr(PROJECT_SHEETS.byYear));
    s.add([[tr(P.byYearTitle)], [`${tr(P.unit)}: ${unit}. ${tr(P.totalCheck)}`]], "title");
    s.skip();
    const n = years.length;
    const yearCells = years.map((y) => yearLabel(y, lang));

    // Table 1: inputs by year
    s.add([[tr(P.inputsByYear)]], "subtitle");
    s.add([[tr(P.year), money(P.capex), money(P.subsidy), money(P.plantOutput), money(P.additionalOutput)]], "header");
    const r1 = s.add(
      ev.byYear.map((y, k) => [yearCells[k], y.capex, y.subsidy, y.plantOutput, y.additionalOutput]),
      "body",
      [null, F.money, F.money, F.money, F.money],
    );
    const c = ev.cumulative;
    s.add(
      [[tr(P.total), sumF(1, r1, r1 + n - 1, c.capex), sumF(2, r1, r1 + n - 1, c.subsidy), sumF(3, r1, r1 + n - 1, c.plantOutput), sumF(4, r1, r1 + n - 1, c.additionalOutput)]],
      "total",
      [null, F.money, F.money, F.money, F.money],
    );
    s.skip();

    // Table 2: induced output by stage and phase
    s.add([[tr(P.outputByStage)]], "subtitle");
    s.add(
      [[
        tr(P.year),
        money(STAGES.direct),
        money(STAGES.firstIndirect),
        money(STAGES.secondIndirect),
        money(STAGES.total),
        money(P.investmentPhase),
        money(P.operationPhase),
      ]],
      "header",
    );
    const r2 = s.add(
      ev.byYear.map((y, k) => [yearCells[k], y.direct.output, y.firstIndirect.output, y.secondIndirect.output, y.total.output, y.investment.output, y.operation.output]),
      "body",
      [null, F.money, F.money, F.money, F.money, F.money, F.money],
    );
    s.add(
      [[
        tr(P.total),
        sumF(1, r2, r2 + n - 1, c.direct.output),
        sumF(2, r2, r2 + n - 1, c.firstIndirect.output),
        sumF(3, r2, r2 + n - 1, c.secondIndirect.output),
        sumF(4, r2, r2 + n - 1, c.total.output),
        sumF(5, r2, r2 + n - 1, c.investment.output),
        sumF(6, r2, r2 + n - 1, c.operation.output),
      ]],
      "total",
      [null, F.money, F.money, F.money, F.money, F.money, F.money],
    );
    s.skip();

    // Table 3: value added, income, employment, discounting
    s.add([[tr(P.otherMeasures)]], "subtitle");
    s.add([[`${tr(P.discountFactor)} = 1 / (1 + ${rateText})^(${lang === "ja" ? "年度" : "year"} − ${ev.baseYear})`]], "note");
    const head3: CellSpec[] = [
      tr(P.year),
      money(MEASURES.valueAdded),
      `${tr(MEASURES.valueAdded)} ${tr(P.investmentPhase)}`,
      `${tr(MEASURES.valueAdded)} ${tr(P.operationPhase)}`,
      money(MEASURES.compensation),
    ];
    if (jobs) head3.push(withUnit(MEASURES.employment, persons, lang));
    head3.push(tr(P.discountFactor), money(P.pvGvaShort), money(P.pvSubsidyShort));
    s.add([head3], "header");
    const fmt3 = [null, F.money, F.money, F.money, F.money, ...(jobs ? [F.persons] : []), F.factor, F.money, F.money];
    const r3 = s.add(
      ev.byYear.map((y, k) => [
        yearCells[k],
        y.total.valueAdded,
        y.investment.valueAdded,
        y.operation.valueAdded,
        y.total.compensation,
        ...(jobs ? [y.total.employment ?? 0] : []),
        ev.discounting[k].factor,
        ev.discounting[k].pvValueAdded,
        ev.discounting[k].pvSubsidy,
      ]),
      "body",
      fmt3,
    );
    const off = jobs ? 1 : 0;
    s.add(
      [[
        tr(P.total),
        sumF(1, r3, r3 + n - 1, c.total.valueAdded),
        sumF(2, r3, r3 + n - 1, c.investment.valueAdded),
        sumF(3, r3, r3 + n - 1, c.operation.valueAdded),
        sumF(4, r3, r3 + n - 1, c.total.compensation),
        ...(jobs ? [sumF(5, r3, r3 + n - 1, c.total.employment ?? 0)] : []),
        null,
        sumF(6 + off, r3, r3 + n - 1, ev.pv.valueAdded),
        sumF(7 + off, r3, r3 + n - 1, ev.pv.subsidy),
      ]],
      "total",
      fmt3,
    );
    s.skip();

    const height = 18;
    const cats = { row: r2, col: 0, rows: n, cols: 1 };
    s.chart({
      type: "columnStacked",
      title: tr(P.chartByYearStage),
      categories: cats,
      series: (["direct", "firstIndirect", "secondIndirect"] as const).map((k, j) => ({
        name: tr(STAGES[k]),
        values: { row: r2, col: 1 + j, rows: n, cols: 1 },
      })),
      yAxisTitle: money(MEASURES.output),
      anchor: { row: s.row, col: 0, widthCols: 4, heightRows: height },
    });
    s.chart({
      type: "columnStacked",
      title: tr(P.chartByYearPhase),
      categories: { row: r3, col: 0, rows: n, cols: 1 },
      series: [
        { name: tr(P.investmentPhase), values: { row: r3, col: 2, rows: n, cols: 1 } },
        { name: tr(P.operationPhase), values: { row: r3, col: 3, rows: n, cols: 1 } },
      ],
      yAxisTitle: money(MEASURES.valueAdded),
      anchor: { row: s.row, col: 4, widthCols: 4, heightRows: height },
    });
    s.skip(height);
    const widths: Record<number, number> = { 0: 14 };
    for (let k = 1; k < head3.length; k++) widths[k] = 30;
    sheets.push(s.build({ columnWidths: widths }));
  }

  // ---- 計画別 / By project ----
  sheets.push(buildByProjectSheet(ev, table, unit, lang, F));

  // ---- KPI ----
  {
    const s = new SheetBuilder("kpi", tr(PROJECT_SHEETS.kpi));
    s.add([[tr(P.kpiTitle)]], "title");
    s.skip();
    addKpiTable(s, ev.kpis, lang);
    s.skip();
    if (ev.capacityPath.length) {
      const target = ev.kpis.find((k) => k.key === "capacity-ratio")?.target ?? null;
      s.add([[tr(P.capacityPathTitle)]], "subtitle");
      s.add([[tr(P.capacityNote)], [tr(P.demandNote)]], "note");
      s.add(
        [[tr(P.year), `${tr(P.baseline)} (t/${lang === "ja" ? "年" : "yr"})`, `${tr(P.supported)} (t/${lang === "ja" ? "年" : "yr"})`, `${tr(P.capacityTotal)} (t/${lang === "ja" ? "年" : "yr"})`, `${tr(P.demand)} (t)`, tr(P.ratio), tr(P.target)]],
        "header",
      );
      const path = ev.capacityPath;
      const r0 = s.add(
        path.map((p) => [yearLabel(p.year, lang), p.baseline, p.supported, p.capacity, p.demand, p.ratio, target]),
        "body",
        [null, F.tonnes, F.tonnes, F.tonnes, F.tonnes, F.percent, F.percent],
      );
      const kpiDemand = ev.kpis.find((k) => k.key === "capacity-ratio");
      if (kpiDemand) s.add([[tr(P.sources) + ": " + kpiDemand.sources.map(tr).join(" / ")]], "note");
      s.skip();
      s.chart({
        type: "line",
        title: tr(P.chartKpi),
        categories: { row: r0, col: 0, rows: path.length, cols: 1 },
        series: [
          { name: tr(P.ratio), values: { row: r0, col: 5, rows: path.length, cols: 1 } },
          { name: tr(P.target), values: { row: r0, col: 6, rows: path.length, cols: 1 } },
        ],
        yAxisTitle: tr(P.ratio),
        anchor: { row: s.row, col: 0, widthCols: 5, heightRows: 18 },
      });
      s.skip(18);
    }
    sheets.push(s.build({ columnWidths: { 0: 44, 1: 24, 2: 28, 3: 24, 4: 24, 5: 18, 6: 12 } }));
  }

  // ---- 部門別 / By sector ----
  if (ev.cumulativeImpact) {
    const imp = ev.cumulativeImpact;
    const s = new SheetBuilder("bySector", tr(PROJECT_SHEETS.bySector));
    s.add([[tr(P.bySectorTitle)], [`${tr(P.unit)}: ${unit}`]], "title");
    s.skip();
    const stages = ["direct", "firstIndirect", "secondIndirect", "total"] as const;
    const totalOf = (m: Bilingual): Bilingual => ({ ja: `${m.ja}・総合効果`, en: `${m.en}, total effect` });
    s.add([[tr(P.sector), ...stages.map((k) => money(STAGES[k])), money(totalOf(MEASURES.valueAdded)), money(totalOf(MEASURES.compensation)), ...(jobs ? [withUnit(totalOf(MEASURES.employment), persons, lang)] : [])]], "header");
    s.add([[tr(P.bySectorNote)]], "note");
    const fmt = [null, F.money, F.money, F.money, F.money, F.money, F.money, ...(jobs ? [F.persons] : [])];
    const n = model.n;
    const r0 = s.add(
      model.sectors.map((name, i) => [
        name,
        ...stages.map((k) => imp[k].output[i]),
        imp.total.valueAdded[i],
        imp.total.compensation[i],
        ...(jobs ? [imp.total.employment![i]] : []),
      ]),
      "body",
      fmt,
    );
    const vals = [
      ...stages.map((k) => sumOf(imp[k].output)),
      sumOf(imp.total.valueAdded),
      sumOf(imp.total.compensation),
      ...(jobs ? [sumOf(imp.total.employment!)] : []),
    ];
    s.add([[tr(P.total), ...vals.map((v, j) => sumF(1 + j, r0, r0 + n - 1, v))]], "total", fmt);
    const widths: Record<number, number> = { 0: labelWidth(model.sectors, 14, 36) };
    for (let k = 1; k < fmt.length; k++) widths[k] = 30;
    sheets.push(s.build({ columnWidths: widths, freeze: { rows: 4, cols: 1 } }));
  }

  // ---- Coefficient sheets of the basic analysis ----
  const basic = buildAnalysisReport({
    result: { ...input.analysis, impact: null },
    table,
    options: input.modelOptions,
    lang,
    inputs: input.inputs,
    version: input.version,
    now: input.now,
  });
  for (const sh of basic.sheets) if (["A", "m", "L", "multipliers"].includes(sh.key)) sheets.push(sh);

  // ---- 方法・出典 / Method & sources ----
  const createdAt = (input.now ?? new Date()).toISOString();
  const parameters: ProvenanceSpec["parameters"] = [];
  const addParam = (name: string, value: string | number, source: string) => parameters.push({ name, value, source });
  {
    const s = new SheetBuilder("methods", tr(PROJECT_SHEETS.methods));
    s.add([[tr(P.methodsTitle)]], "title");
    s.skip();
    s.add([[tr(P.method)]], "subtitle");
    const sentences = methodSentences({
      converter: converterNames,
      discount: rateText,
      discountSource: tr(ev.discountRate.source),
      baseYear: ev.baseYear,
      split: splitNames,
    });
    s.add(sentences.map((x) => [tr(x)]), "note");
    s.skip();
    s.add([[tr(P.inputs)]], "subtitle");
    s.add([[tr(P.description), tr(P.sheet), tr(P.range), tr(P.checksum)]], "header");
    s.add(input.inputs.map((i) => [i.description, i.sheet ?? null, i.range ?? null, i.checksum ?? null]), "body");
    s.skip();

    s.add([[tr(P.evaluationParams)]], "subtitle");
    s.add([[tr(P.name), tr(P.value), tr(P.source)]], "header");
    const evalRows: CellSpec[][] = [
      [tr(P.discountRate), ev.discountRate.value, tr(ev.discountRate.source)],
      [tr(P.baseYear), ev.baseYear, input.baseYearSource === "user" ? tr(P.userGiven) : tr(P.baseYearDefault)],
      [tr(P.period), periodText, input.periodSource === "user" ? tr(P.userGiven) : tr(P.periodDefault)],
    ];
    const kpiCap = ev.kpis.find((k) => k.key === "capacity-ratio");
    if (kpiCap?.year) evalRows.push([tr(P.kpiYear), kpiCap.year, tr(kpiCap.sources[0])]);
    // The rate reads as a percentage (4.0%), not 0.04.
    s.add(evalRows.slice(0, 1), "body", [null, "0.0%", null]);
    s.add(evalRows.slice(1), "body", [null, null, null]);
    for (const r of evalRows) addParam(String(r[0]), r[1] as string | number, String(r[2]));
    s.skip();

    s.add([[tr(P.modelParams)]], "subtitle");
    s.add([[tr(P.name), tr(P.value), tr(P.source)]], "header");
    const mp = input.modelOptions.parameters.map((p): CellSpec[] => {
      const src = p.source.kind === "user" ? tr(P.userGiven) : typeof p.source.text === "string" ? p.source.text : tr(p.source.text);
      const value = typeof p.value === "object" ? tr(p.value) : p.value;
      addParam(tr(p.name), value, src);
      return [tr(p.name), value, src];
    });
    const importType = model.importType;
    mp.push([tr({ ja: "輸入の扱い", en: "Import convention" }), tr(IMPORT_TYPES[importType]), input.modelOptions.importTypeSource === "user" ? tr(P.userGiven) : tr({ ja: "表から判定", en: "detected from the table" })]);
    s.add(mp, "body");
    s.add([[tr(P.secondStage)], [tr(SECOND_STAGE_TEXT)]], "note");
    s.skip();

    s.add([[tr(P.convertersTitle)]], "subtitle");
    s.add([[tr(P.converter), tr(P.sector), tr(P.share), tr(P.selfSufficiencyUsed), tr(P.selfSufficiencyWhy), tr(P.source)]], "header");
    const ss = model.selfSufficiency();
    const convRows: CellSpec[][] = [];
    for (const conv of input.converters.values())
      for (const [i, share] of conv.shares) {
        const over = conv.selfSufficiency.get(i);
        convRows.push([conv.name, table.sectors[i].label, share, over ?? ss[i], over !== undefined ? tr(P.override) : tr(P.fromTable), conv.rowSources?.get(i) ?? conv.source]);
      }
    s.add(convRows, "body", [null, null, F.percent, F.ratio, null, null]);
    s.skip();

    s.add([[tr(P.splitTitle)]], "subtitle");
    if (input.splits.length === 0) s.add([[tr(P.noSplit)]], "body");
    for (const d of input.splits) {
      s.add([[tr(P.newSector), d.label], [tr(P.parent), d.parentLabel]], "body");
      s.add([[money(P.output), d.output]], "body", [null, F.money]);
      s.add([[tr(P.outputShare), d.share]], "body", [null, "0.000000"]);
      s.add([[tr(P.source), d.sources.join(" / ") || "—"]], "body");
      // Numbers on their own rows so their formats apply.
      if (d.inputs) {
        s.add([[tr(P.inputCoefficients), tr(P.sector), tr(P.value), tr(P.source)]], "header");
        s.add(
          d.inputs.map((x) => [null, x.label, x.coefficient, x.source || null]),
          "body",
          [null, null, F.factor, null],
        );
        const gva = 1 - d.inputs.reduce((a, x) => a + x.coefficient, 0);
        s.add([[tr(P.gvaCoefficient), null, gva, null]], "total", [null, null, F.factor, null]);
      } else s.add([[tr(P.inputCoefficients), tr(P.parentStructure)]], "body");
      s.skip();
    }

    if (input.parameters) {
      s.add([[tr(P.parameterSheet)]], "subtitle");
      s.add([[tr(P.gradeNote)], [tr(P.usedNote)]], "note");
      s.add([[tr(P.block), tr(P.parameter), tr(P.value), tr(P.unitCol), tr(P.low), tr(P.high), tr(P.grade), tr(P.source), tr(P.used)]], "header");
      // One block per row, so a rate (割引率) reads as a percentage (4.0%) like everywhere else.
      for (const p of input.parameters) {
        const row: CellSpec[] = [
          blockName(p.block, lang),
          parameterName(p.block, p.name, lang),
          p.value,
          unitName(p.unit, lang),
          p.low,
          p.high,
          p.grade,
          sourceName(p.source, lang),
          input.usedParameters.has(`${p.block}/${p.name}`) ? tr(P.yes) : null,
        ];
        s.add([row], "body", PERCENT_PARAMETERS.has(`${p.block}/${p.name}`) ? [null, null, F.percent, null, F.percent, F.percent] : undefined);
      }
      s.skip();
    }

    s.add([[tr(P.warnings)]], "subtitle");
    s.add(input.warnings.length ? input.warnings.map((w) => [w]) : [[tr(P.none)]], "body");
    s.skip();
    s.add(
      [
        [tr(P.software), "Ripple"],
        [tr(P.version), input.version],
        [tr(P.createdAt), createdAt],
      ],
      "body",
    );
    sheets.push(s.build({ columnWidths: { 0: 48, 1: 34, 2: 14, 3: 18, 4: 22, 5: 40, 6: 8, 7: 70, 8: 12 } }));
  }

  const provenance: ProvenanceSpec = {
    software: "Ripple",
    version: input.version,
    createdAt,
    inputs: input.inputs.map((i) => ({ ...i })),
    parameters,
    variants: [
      `${tr(P.discountRate)} ${rateText}`,
      tr({ ja: "稼働期 = 国内生産の増加（最終需要の変化ではない）", en: "operation phase = production increase (not a final-demand change)" }),
    ],
    warnings: input.warnings,
  };
  return { lang, sheets, provenance };
}

function sumOf(v: number[]): number {
  let s = 0;
  for (const x of v) s += x;
  return s;
}

function addKpiTable(s: SheetBuilder, kpis: Kpi[], lang: Lang, o: { brief?: boolean } = {}): void {
  const tr = (b: Bilingual) => b[lang];
  if (kpis.length === 0) {
    s.add([[tr(P.noKpi)]], "note");
    return;
  }
  s.add([[tr(P.kpi), tr(P.target), tr(P.value), tr(P.result)]], "header");
  for (const k of kpis) {
    // Shares read as percentages (the market sheets show the same KPI as 88.7%); the recycling
    // KPI is a multiple of the 2020 capacity (target 2×).
    const f = k.key === "recycling-ratio" ? F.multiple : F.percent;
    s.add([[tr(k.label), k.target, k.value ?? "—", kpiResult(k, lang)]], "body", [null, f, f, null]);
    if (o.brief) continue;
    // The calculation and the sources on their own lines, so both can be read in full.
    s.add([[null, `${tr(P.why)}: ${tr(k.explanation)}`], [null, `${tr(P.sources)}: ${k.sources.map(tr).join(" / ")}`]], "note");
  }
}

/** The KPI inputs' sources as one line each (for the JSON and the CLI summary). */
export function sourcedText(v: SourcedValue, lang: Lang): string {
  return `${v.value} (${v.source[lang]})`;
}
