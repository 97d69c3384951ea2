// The results workbook of one ripple-effect analysis, as a host-independent WorkbookSpec:
// 集計 (summary), 投入係数 A, 輸入係数 m (competitive tables), 逆行列係数 L, 乗数・影響力 and
// 方法・出典. A pure function of the engine's result: no I/O, no clock unless `now` is omitted.

import type { PurchaserConversion } from "../engine/table/margins";
import { addPurchaserMethod, addPurchaserSummary } from "./purchaserSection";
import type { Impact, AnalysisResult, Stage } from "../engine/model/result";
import type { IOTable, ImportType } from "../engine/table/types";
import { warningText, type Bilingual, type Lang } from "../engine/errors";
import type { CellSpec, ChartSpec, ProvenanceSpec, SheetSpec, WorkbookSpec } from "./spec";
import { SheetBuilder, labelWidth } from "./sheetBuilder";
import {
  IMPORT_TYPES,
  INDICATORS,
  INVERSE_FORMULAS,
  MEASURES,
  SECOND_STAGE_TEXT,
  SHEET_NAMES,
  STAGES,
  STAGE_ORDER,
  TEXT,
  personsLabel,
  unitLabel,
  withUnit,
  type MeasureKey,
} from "./labels";
import { CLOSED_MODEL_LABEL } from "../engine/model/closed";
import { FIGURE_SOURCES, buildTypeIISheet, figureSourceRows, type TypeIIFigures } from "./typeIISheet";

/** A model parameter as used, with where its value came from. */
export interface ReportParameter {
  key: string;
  name: Bilingual;
  /** A word (an option's name) is bilingual; the sheet shows it in the report's language. */
  value: number | string | Bilingual;
  /** "user": entered by the user; "default": the built-in default, with its source. */
  source: { kind: "user" } | { kind: "default"; text: string | Bilingual };
}

/** The model options after defaults were applied, with their sources. */
export interface ResolvedModelOptions {
  importType: ImportType;
  importTypeSource: "detected" | "user";
  /** Why this convention (from the table layout); null for tables built in code. */
  importTypeReason: Bilingual | null;
  parameters: ReportParameter[];
}

export interface ReportInput {
  description: string;
  sheet?: string;
  range?: string;
  checksum?: string;
  /** The input holds confidential data: a public version leaves its checksum out. */
  confidential?: boolean;
}

export interface AnalysisReportInput {
  result: AnalysisResult;
  table: IOTable;
  options: ResolvedModelOptions;
  /** The final-demand change Δf in table units (sector order), when a shock was given. */
  shock?: number[];
  shockSource?: string;
  /** The shock was given at purchaser prices and converted (shock is then at producer prices). */
  purchaser?: PurchaserConversion;
  /** Name shown for the table; defaults to the table's title, else the first input. */
  tableName?: string;
  lang: Lang;
  inputs: ReportInput[];
  version: string;
  now?: Date;
  /** Also give the closed (Type II) model's results, on a sheet of their own right after the
   * summary (typeIIFigures(model, shock) computes them); the method sheet then says which
   * figures come from it. Off by default: the MIC three-stage method is the standard. */
  typeII?: TypeIIFigures;
  /** Who writes the workbook: the notes speak of the command line's flags or of the task pane. */
  host?: "cli" | "addin";
}

export const NUMBER_FORMATS = {
  money: "#,##0.0",
  persons: "#,##0.0",
  coefficient: "0.000000",
  index: "0.0000",
  multiple: "0.000",
} as const;

const MEASURE_ORDER: MeasureKey[] = ["output", "valueAdded", "compensation", "employment"];

function sum(v: number[]): number {
  let s = 0;
  for (const x of v) s += x;
  return s;
}

function dash(v: number | null, lang: Lang): CellSpec {
  return v === null || !Number.isFinite(v) ? TEXT.dash[lang] : v;
}

/** The measures a result has: employment only when the table had employment data. */
function measuresOf(impact: Impact): MeasureKey[] {
  return MEASURE_ORDER.filter((m) => m !== "employment" || impact.total.employment !== null);
}

function stageVector(stage: Stage, m: MeasureKey): number[] {
  return (stage[m] as number[] | null) ?? [];
}

export function buildAnalysisReport(input: AnalysisReportInput): WorkbookSpec {
  const { result, table, options, lang } = input;
  const tr = (b: Bilingual) => b[lang];
  const unit = unitLabel(table.unit, lang);
  const persons = personsLabel(lang);
  const measureHeader = (m: MeasureKey) => withUnit(MEASURES[m], m === "employment" ? persons : unit, lang);
  const measureFormat = (m: MeasureKey) => (m === "employment" ? NUMBER_FORMATS.persons : NUMBER_FORMATS.money);
  const sectors = result.sectors;
  const n = sectors.length;
  const sectorColWidth = labelWidth([...sectors, tr(TEXT.total)], 12, 40);
  const importType = result.importType;
  const inverseText = tr(INVERSE_FORMULAS[importType]);
  const tableName =
    input.tableName ?? table.layout?.title ?? input.inputs[0]?.description ?? tr(TEXT.table);

  const sheets: SheetSpec[] = [];

  // ---- 集計 / Summary ----
  {
    const s = new SheetBuilder("summary", tr(SHEET_NAMES.summary));
    s.add([[tr(TEXT.title)]], "title");
    s.add(
      [
        [tr(TEXT.table), tableName],
        [tr(TEXT.unit), unit],
        [tr(TEXT.model), `${tr(IMPORT_TYPES[importType])}; L = ${inverseText}`],
      ],
      "body",
    );
    s.skip();
    const impact = result.impact;
    const widths: Record<number, number> = { 0: sectorColWidth };
    if (impact) {
      const measures = measuresOf(impact);
      s.add([[tr(TEXT.shock)]], "subtitle");
      if (input.shockSource) s.add([[tr(TEXT.shockSource), input.shockSource]], "body");
      if (input.shock) {
        const shock = input.shock;
        s.add([[tr(TEXT.sector), withUnit(TEXT.finalDemandChange, unit, lang)]], "header");
        const rows: CellSpec[][] = [];
        shock.forEach((v, i) => {
          if (v !== 0) rows.push([sectors[i], v]);
        });
        s.add(rows, "body", [null, NUMBER_FORMATS.money]);
        s.add([[tr(TEXT.total), sum(shock)]], "total", [null, NUMBER_FORMATS.money]);
        if (input.purchaser) addPurchaserSummary(s, lang);
      }
      s.skip();

      // Totals by stage × measure.
      s.add([[tr(TEXT.effectsByStage)]], "subtitle");
      s.add([[tr(TEXT.stage), ...measures.map(measureHeader)]], "header");
      const stageRows = STAGE_ORDER.map((k) => [
        tr(STAGES[k]),
        ...measures.map((m) => sum(stageVector(impact[k], m))),
      ]);
      const fmt = [null, ...measures.map(measureFormat)];
      s.add(stageRows.slice(0, 3), "body", fmt);
      s.add(stageRows.slice(3), "total", fmt);
      s.add([[tr(TEXT.multipleShort), impact.multiple, tr(TEXT.multipleNote)]], "total", [null, NUMBER_FORMATS.multiple, null]);
      s.skip();

      // By sector: for each measure, its four stages side by side.
      s.add([[tr(TEXT.effectsBySector)]], "subtitle");
      const head1: CellSpec[] = [tr(TEXT.sector)];
      const head2: CellSpec[] = [null];
      const colFormats: (string | null)[] = [null];
      const colOf = new Map<string, number>();
      for (const m of measures) {
        STAGE_ORDER.forEach((k, j) => {
          colOf.set(`${m}.${k}`, head1.length);
          head1.push(j === 0 ? measureHeader(m) : null);
          head2.push(tr(STAGES[k]));
          colFormats.push(measureFormat(m));
        });
      }
      s.add([head1, head2], "header");
      const bodyRow = s.add(
        sectors.map((name, i) => [
          name,
          ...measures.flatMap((m) => STAGE_ORDER.map((k) => stageVector(impact[k], m)[i])),
        ]),
        "body",
        colFormats,
      );
      s.add(
        [[tr(TEXT.total), ...measures.flatMap((m) => STAGE_ORDER.map((k) => sum(stageVector(impact[k], m))))]],
        "total",
        colFormats,
      );
      // Wide enough for the longest header of the column in either block.
      for (let c = 1; c < head1.length; c++) widths[c] = 16;
      measures.forEach((m, j) => (widths[1 + j] = Math.max(widths[1 + j], labelWidth([measureHeader(m)], 16, 30))));
      s.skip();

      const categories = { row: bodyRow, col: 0, rows: n, cols: 1 };
      const column = (key: string) => ({ row: bodyRow, col: colOf.get(key)!, rows: n, cols: 1 });
      const height = Math.max(16, Math.min(40, n + 6));
      s.chart({
        type: "bar",
        title: tr(TEXT.chartTotalBySector),
        categories,
        series: [{ name: tr(STAGES.total), values: column("output.total") }],
        yAxisTitle: measureHeader("output"),
        anchor: { row: s.row, col: 0, widthCols: 6, heightRows: height },
      });
      s.chart({
        type: "columnStacked",
        title: tr(TEXT.chartStagesBySector),
        categories,
        series: (["direct", "firstIndirect", "secondIndirect"] as const).map((k) => ({
          name: tr(STAGES[k]),
          values: column(`output.${k}`),
        })),
        yAxisTitle: measureHeader("output"),
        anchor: { row: s.row, col: 7, widthCols: 10, heightRows: height },
      });
      s.skip(height);
    } else {
      s.add([[tr(input.host === "addin" ? TEXT.noShockAddin : TEXT.noShock)]], "note");
      s.skip();
      s.add([[tr(TEXT.indicators)]], "subtitle");
      s.add(
        [[tr(TEXT.sector), tr(INDICATORS.outputMultiplier), tr(INDICATORS.backward), tr(INDICATORS.forward)]],
        "header",
      );
      const bodyRow = s.add(
        sectors.map((name, i) => [
          name,
          result.multipliers.output[i],
          result.linkages.backward[i],
          result.linkages.forward[i],
        ]),
        "body",
        [null, NUMBER_FORMATS.index, NUMBER_FORMATS.index, NUMBER_FORMATS.index],
      );
      for (let c = 1; c <= 3; c++) widths[c] = 18;
      s.skip();
      s.chart({
        type: "bar",
        title: tr(TEXT.chartOutputMultiplier),
        categories: { row: bodyRow, col: 0, rows: n, cols: 1 },
        series: [{ name: tr(INDICATORS.outputMultiplier), values: { row: bodyRow, col: 1, rows: n, cols: 1 } }],
        anchor: { row: s.row, col: 0, widthCols: 6, heightRows: Math.max(16, Math.min(40, n + 6)) },
      });
    }
    sheets.push(s.build({ columnWidths: widths }));
  }

  // ---- Coefficient matrices ----
  const matrixSheet = (key: string, name: Bilingual, note: string, M: number[][], columnSums: boolean) => {
    const s = new SheetBuilder(key, tr(name));
    s.add([[tr(name)], [note]], "title");
    const headerRow = s.add([[tr(TEXT.sector), ...sectors]], "header");
    const fmt = [null, ...sectors.map(() => NUMBER_FORMATS.coefficient)];
    s.add(
      M.map((row, i) => [sectors[i], ...row]),
      "body",
      fmt,
    );
    if (columnSums) {
      s.add([[tr(TEXT.columnSum), ...result.multipliers.output]], "total", fmt);
    }
    const widths: Record<number, number> = { 0: sectorColWidth };
    for (let j = 1; j <= n; j++) widths[j] = Math.max(11, Math.min(24, labelWidth([sectors[j - 1]], 11, 24)));
    return s.build({ columnWidths: widths, freeze: { rows: headerRow + 1, cols: 1 } });
  };

  sheets.push(matrixSheet("A", SHEET_NAMES.A, tr(TEXT.coefficientsNoteA), result.A, false));

  if (importType === "competitive" && result.importCoefficients) {
    const s = new SheetBuilder("m", tr(SHEET_NAMES.m));
    s.add([[tr(SHEET_NAMES.m)], [tr(TEXT.coefficientsNoteM)]], "title");
    const headerRow = s.add([[tr(TEXT.sector), tr(INDICATORS.importCoefficient)]], "header");
    const m = result.importCoefficients;
    s.add(
      sectors.map((name, i) => [name, m[i]]),
      "body",
      [null, NUMBER_FORMATS.coefficient],
    );
    sheets.push(s.build({ columnWidths: { 0: sectorColWidth, 1: 16 }, freeze: { rows: headerRow + 1, cols: 1 } }));
  }

  sheets.push(
    matrixSheet("L", SHEET_NAMES.L, `L = ${inverseText}`, result.L, true),
  );

  // ---- 乗数・影響力 / Multipliers & linkages ----
  {
    const s = new SheetBuilder("multipliers", tr(SHEET_NAMES.multipliers));
    s.add([[tr(SHEET_NAMES.multipliers)]], "title");
    s.add([[tr(TEXT.effectNote)], [tr(TEXT.nullNote)], [tr(TEXT.linkageNote)]], "note");
    const mu = result.multipliers;
    const ef = result.effects;
    const hasEmp = ef.employment !== null;
    const perUnit = lang === "ja" ? `（${persons}／${unit}）` : ` (${persons} per ${unit})`;
    const header: CellSpec[] = [
      tr(TEXT.sector),
      tr(INDICATORS.outputMultiplier),
      tr(INDICATORS.vaEffect),
      tr(INDICATORS.vaTypeI),
      tr(INDICATORS.compEffect),
      tr(INDICATORS.compTypeI),
    ];
    if (hasEmp) header.push(tr(INDICATORS.empEffect) + perUnit, tr(INDICATORS.empTypeI));
    const backCol = header.length;
    header.push(tr(INDICATORS.backward), tr(INDICATORS.forward));
    const fwdCol = backCol + 1;
    const headerRow = s.add([header], "header");
    const rows = sectors.map((name, i) => {
      const r: CellSpec[] = [
        name,
        mu.output[i],
        ef.valueAdded[i],
        dash(mu.valueAdded[i], lang),
        ef.compensation[i],
        dash(mu.compensation[i], lang),
      ];
      if (hasEmp) r.push(ef.employment![i], dash(mu.employment ? mu.employment[i] : null, lang));
      r.push(result.linkages.backward[i], result.linkages.forward[i]);
      return r;
    });
    const fmt: (string | null)[] = header.map((_, c) => (c === 0 ? null : NUMBER_FORMATS.index));
    const bodyRow = s.add(rows, "body", fmt);
    s.skip();

    // Reference lines at 1.0, drawn through the span of the data (plus a margin).
    const all = [...result.linkages.backward, ...result.linkages.forward, 1];
    const lo = Math.floor(Math.min(...all) * 10 - 1) / 10;
    const hi = Math.ceil(Math.max(...all) * 10 + 1) / 10;
    s.add([[tr(TEXT.referenceLines)]], "subtitle");
    s.add([[null, tr(INDICATORS.backward), tr(INDICATORS.forward)]], "header");
    const vRow = s.add(
      [
        [tr(TEXT.refVertical), 1, lo],
        [tr(TEXT.refVertical), 1, hi],
      ],
      "body",
      [null, NUMBER_FORMATS.index, NUMBER_FORMATS.index],
    );
    const hRow = s.add(
      [
        [tr(TEXT.refHorizontal), lo, 1],
        [tr(TEXT.refHorizontal), hi, 1],
      ],
      "body",
      [null, NUMBER_FORMATS.index, NUMBER_FORMATS.index],
    );
    const col = (row: number, c: number, rows: number) => ({ row, col: c, rows, cols: 1 });
    const scatter: ChartSpec = {
      type: "scatter",
      title: tr(TEXT.chartLinkages),
      series: [
        // each point named by its sector (column A of its row)
        { name: tr(TEXT.sectorsSeries), x: col(bodyRow, backCol, n), values: col(bodyRow, fwdCol, n), style: "markers", labels: col(bodyRow, 0, n) },
        { name: tr(TEXT.refVertical), x: col(vRow, 1, 2), values: col(vRow, 2, 2), style: "line" },
        { name: tr(TEXT.refHorizontal), x: col(hRow, 1, 2), values: col(hRow, 2, 2), style: "line" },
      ],
      xAxisTitle: tr(INDICATORS.backward),
      yAxisTitle: tr(INDICATORS.forward),
      anchor: { row: headerRow, col: header.length + 1, widthCols: 8, heightRows: 20 },
    };
    s.chart(scatter);
    const widths: Record<number, number> = { 0: sectorColWidth };
    for (let c = 1; c < header.length; c++) widths[c] = labelWidth([String(header[c])], 12, 26);
    sheets.push(s.build({ columnWidths: widths, freeze: { rows: headerRow + 1, cols: 1 } }));
  }

  // ---- 閉鎖型モデル Type II (asked for only): right after the summary, so the two ripple
  // effects sit side by side. ----
  if (input.typeII) {
    const at = sheets.findIndex((x) => x.key === "summary") + 1;
    sheets.splice(at, 0, buildTypeIISheet(input.typeII, sectors, table.unit, lang));
  }

  // ---- 方法・出典 / Method & sources ----
  const createdAt = (input.now ?? new Date()).toISOString();
  const warnings = collectWarnings(input);
  const parameters = options.parameters.map((p) => ({
    name: tr(p.name),
    value: typeof p.value === "object" ? tr(p.value) : p.value,
    source: parameterSource(p, lang),
  }));
  const variants = [
    `${tr(TEXT.inverseFormula)}: L = ${inverseText}`,
    `${tr(TEXT.secondStageMethod)}: ${tr(SECOND_STAGE_TEXT)}`,
    ...(input.typeII ? [tr(CLOSED_MODEL_LABEL)] : []),
  ];
  const figureSources = figureSourceRows(sheets.map((x) => x.key), lang, Boolean(input.typeII));
  {
    const s = new SheetBuilder("methods", tr(SHEET_NAMES.methods));
    s.add([[tr(SHEET_NAMES.methods)]], "title");
    s.skip();
    s.add([[tr(TEXT.inputs)]], "subtitle");
    s.add([[tr(TEXT.description), tr(TEXT.sheet), tr(TEXT.range), tr(TEXT.checksum)]], "header");
    s.add(
      input.inputs.map((i) => [i.description, i.sheet ?? null, i.range ?? null, i.checksum ?? null]),
      "body",
    );
    s.skip();
    s.add([[tr(TEXT.importConvention)]], "subtitle");
    const reason = options.importTypeReason ?? table.layout?.importTypeReason ?? null;
    s.add(
      [
        [tr(TEXT.importConvention), tr(IMPORT_TYPES[importType])],
        [tr(TEXT.source), tr(options.importTypeSource === "user" ? TEXT.userChosen : TEXT.detected)],
        ...(reason ? [[tr(TEXT.why), tr(reason)]] : []),
        [tr(TEXT.inverseFormula), `L = ${inverseText}`],
      ],
      "body",
    );
    s.skip();
    if (input.purchaser) {
      addPurchaserMethod(s, input.purchaser, table, lang);
      s.skip();
    }
    s.add([[tr(TEXT.secondStageMethod)]], "subtitle");
    s.add([[tr(SECOND_STAGE_TEXT)]], "body");
    if (result.effects.employment !== null) s.add([[tr(TEXT.employmentUnitNote)]], "note");
    s.skip();
    s.add([[tr(FIGURE_SOURCES.heading)]], "subtitle");
    s.add([[tr(FIGURE_SOURCES.sheet), tr(FIGURE_SOURCES.model)]], "header");
    s.add(figureSources, "body");
    s.skip();
    s.add([[tr(TEXT.parameters)]], "subtitle");
    s.add([[tr(TEXT.name), tr(TEXT.value), tr(TEXT.source)]], "header");
    s.add(
      parameters.map((p) => [p.name, p.value, p.source]),
      "body",
    );
    s.skip();
    s.add([[tr(TEXT.warnings)]], "subtitle");
    s.add(warnings.length ? warnings.map((w) => [w]) : [[tr(TEXT.noWarnings)]], "body");
    s.skip();
    s.add(
      [
        [tr(TEXT.software), "Ripple"],
        [tr(TEXT.version), input.version],
        [tr(TEXT.createdAt), createdAt],
      ],
      "body",
    );
    sheets.push(s.build({ columnWidths: { 0: 28, 1: 40, 2: 24, 3: 74 } }));
  }

  const provenance: ProvenanceSpec = {
    software: "Ripple",
    version: input.version,
    createdAt,
    inputs: input.inputs.map((i) => ({ ...i })),
    parameters,
    variants,
    warnings,
  };
  return { lang, sheets, provenance };
}

function parameterSource(p: ReportParameter, lang: Lang): string {
  if (p.source.kind === "user") return TEXT.userEntered[lang];
  const text = typeof p.source.text === "string" ? p.source.text : p.source.text[lang];
  return TEXT.defaultPrefix[lang] + text;
}

/** The result's warnings, then the table's (in the report's language), without repeats. */
function collectWarnings(input: AnalysisReportInput): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const push = (w: string) => {
    if (!seen.has(w)) {
      seen.add(w);
      out.push(w);
    }
  };
  for (const w of input.result.warnings) push(w);
  for (const w of input.table.warnings) {
    const ja = warningText(w, "ja");
    const en = warningText(w, "en");
    if (!seen.has(ja) && !seen.has(en)) push(warningText(w, input.lang));
  }
  return out;
}
