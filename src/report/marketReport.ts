// The results workbook of a demand-share (magnet market) analysis: KPI check first, then demand by
// application, capacity against demand with the KPI line, shares by scenario, the scenario
// comparison with ripple effects, Monte Carlo fan chart, tornado, parameters with their sources
// and the method notes. A pure function of the analysis (no I/O; no clock unless `now` is omitted).

import type { Bilingual, Lang } from "../engine/errors";
import { warningText } from "../engine/errors";
import {
  EFFECT_MEASURES,
  EFFECT_STAGES,
  type EffectMeasure,
  type EffectTotals,
  type MarketAnalysis,
  parameterLabel,
} from "../engine/market/run";
import { SHEET_PARAMETERS, unitText } from "../engine/market/sheet";
import type { ReportInput } from "./analysisReport";
import {
  DISTRIBUTION_SHORT,
  M,
  MARKET_SHEETS,
  MEASURE_LABELS,
  STAGE_LABELS,
  UNITS,
  fmtPct,
  fmtT,
  withUnit,
} from "./marketLabels";
import { SheetBuilder, labelWidth } from "./sheetBuilder";
import type { CellSpec, ProvenanceSpec, RangeRef, SheetSpec, WorkbookSpec } from "./spec";

export interface MarketReportInput {
  analysis: MarketAnalysis;
  lang: Lang;
  version: string;
  now?: Date;
  /** The files and sheets read, with checksums. */
  inputs: ReportInput[];
  /** Which sector magnet output enters and why (e.g. "label contains 磁石"). */
  magnetSectorNote?: Bilingual;
  /** Where the supported plans came from (e.g. "input.xlsx [計画]"); absent: none. */
  projectsSource?: string;
  /** The IO table's name for the notes. */
  tableName?: string;
  /** The defaults file the parameter sheet was checked against (values equal to its default
   * are sourced to it), e.g. "assets/data/magnet-market/defaults.csv". */
  defaultsFile?: string;
}

export const MARKET_FORMATS = {
  tonnes: "#,##0",
  share: "0.0%",
  ratio: "0.0%",
  money: "#,##0.0",
  persons: "#,##0.0",
  index: "0.000",
  year: "0",
  plain: "#,##0.####",
} as const;

const sum = (a: number[]): number => a.reduce((s, v) => s + v, 0);

/** Column widths that fit each header (headers do not wrap). */
function fitWidths(headers: string[], min: number): Record<number, number> {
  const w: Record<number, number> = {};
  headers.forEach((h, c) => (w[c] = labelWidth([h], min, 44)));
  return w;
}

export function buildMarketReport(input: MarketReportInput): WorkbookSpec {
  const { analysis: a, lang } = input;
  const tr = (b: Bilingual) => b[lang];
  const ja = lang === "ja";
  const years = a.years;
  const ny = years.length;
  const p = a.sheets.params;
  const F = MARKET_FORMATS;
  const tUnit = tr(UNITS.t);
  const tyUnit = tr(UNITS.tPerYear);
  const unitEffect = a.unitEffect;
  const moneyUnit = unitEffect ? (ja ? unitEffect.unit : unitEffect.unit === "百万円" ? "million yen" : unitEffect.unit) : tr(UNITS.millionYen);
  const measureUnit = (m: EffectMeasure) => (m === "employment" ? tr(UNITS.persons) : moneyUnit);
  const measures: EffectMeasure[] = EFFECT_MEASURES.filter((m) => m !== "employment" || (unitEffect && unitEffect.perMillionYen.total.employment !== null));
  const scen = (i: number) => a.runs[i].scenario;
  const scenLabel = (i: number) => `${scen(i).name}: ${scen(i).label[lang]}`;

  /** Source of a parameter: its sheet source with grade, or "entered by the user" with the cell. */
  const paren = (t: string) => (ja ? `（${t}）` : ` (${t})`);
  const sourceOf = (key: string): string => {
    const s = a.sheets.sources[key];
    if (!s) return "";
    if (s.user) return tr(M.userEntered) + paren(`${s.sheet} ${s.cell}`);
    // Assumption rows say so in their text already.
    return s.grade && !/^(仮定|assumption)$/i.test(s.grade) ? s.text + paren(`${tr(M.grade)} ${s.grade}`) : s.text;
  };

  const sheets: SheetSpec[] = [];
  const kYear = years.indexOf(a.kpi.year);
  const base = a.runs[0].result;

  // ---- KPI check ----------------------------------------------------------------------------
  {
    const k = a.kpi;
    const s = new SheetBuilder("marketKpi", tr(MARKET_SHEETS.kpi));
    s.add([[`${k.year}${ja ? "年 " : " "}${tr(M.kpiTitle)}`]], "title");
    s.add([[tr(M.verdict), k.pass ? tr(M.pass) : tr(M.fail)]], "total");
    const gap = k.target * k.demand - k.capacity;
    const why: Bilingual = {
      ja:
        `${k.year}年の国内生産能力 ${fmtT(k.capacity)} t/年（国内工場：既存 ${fmtT(k.baseCapacity)} t/年 + 支援計画 ${fmtT(k.supported)} t/年）は、国内需要 ${fmtT(k.demand)} t の ${fmtPct(k.value)} です。` +
        (k.pass ? `目標 ${fmtPct(k.target, 0)} を上回る（余裕 ${fmtT(-gap)} t/年）ため達成です。` : `目標 ${fmtPct(k.target, 0)} に ${fmtT(gap)} t/年 足りないため未達です。`),
      en:
        `In ${k.year} the capacity of plants in Japan, ${fmtT(k.capacity)} t/yr (existing ${fmtT(k.baseCapacity)} t/yr + supported plans ${fmtT(k.supported)} t/yr), is ${fmtPct(k.value)} of domestic demand of ${fmtT(k.demand)} t. ` +
        (k.pass ? `That meets the ${fmtPct(k.target, 0)} target with ${fmtT(-gap)} t/yr to spare: PASS.` : `That is ${fmtT(gap)} t/yr short of the ${fmtPct(k.target, 0)} target: FAIL.`),
    };
    s.add([[tr(M.why), tr(why)]], "body");
    const demandHow: Bilingual = {
      ja: `計算値：2024年の国内需要 ${fmtT(p.demand2024)} t ×（1 + ${p.growth}）^${k.year - 2024}。2024年需要: ${sourceOf("demand2024")}；成長率: ${sourceOf("growth")}`,
      en: `computed: 2024 domestic demand ${fmtT(p.demand2024)} t × (1 + ${p.growth})^${k.year - 2024}. 2024 demand: ${sourceOf("demand2024")}; growth: ${sourceOf("growth")}`,
    };
    s.skip();
    s.add([[tr(M.item), tr(M.value), tr(M.unit), tr(M.source)]], "header");
    s.add(
      [
        [tr(M.capacityExisting), k.baseCapacity, tyUnit, sourceOf("output2024")],
        [tr(M.capacitySupported), k.supported, tyUnit, input.projectsSource ? `${tr(M.projectsSheet)}: ${input.projectsSource}` : a.plans.length ? `${tr(M.projectsSheet)}: ${a.plans.map((x) => x.id).join(", ")}` : tr(M.noProjects)],
        [tr(M.capacityTotal), k.capacity, tyUnit, tr(M.computed)],
        [`${tr(M.demandDomestic)} ${k.year}`, k.demand, tUnit, tr(demandHow)],
      ],
      "body",
      [null, F.tonnes, null, null],
    );
    s.add([[tr(M.kpiRatio), k.value, tr(UNITS.share), tr(M.computed)]], "total", [null, F.ratio, null, null]);
    s.add([[tr(M.target), k.target, tr(UNITS.share), sourceOf("kpiTarget")]], "body", [null, F.ratio, null, null]);
    s.add([[k.pass ? tr(M.margin) : tr(M.gap), Math.abs(gap), tyUnit, tr(M.computed)]], "body", [null, F.tonnes, null, null]);
    s.skip();
    if (a.monteCarlo) {
      const mc = a.monteCarlo;
      const q = mc.byYear[kYear].kpi;
      s.add([[tr(M.uncertaintyKpi)]], "subtitle");
      const how = `${tr(M.draws)} ${mc.draws.toLocaleString("en-US")}, ${tr(M.seed)} ${mc.seed}`;
      s.add(
        [
          [`${tr(M.kpiShort)} ${k.year} P5`, q.p5, tr(UNITS.share), how],
          [`${tr(M.kpiShort)} ${k.year} P50`, q.p50, tr(UNITS.share), how],
          [`${tr(M.kpiShort)} ${k.year} P95`, q.p95, tr(UNITS.share), how],
          [tr(M.passProbability), mc.passProbability, tr(UNITS.share), how],
        ],
        "body",
        [null, F.ratio, null, null],
      );
      s.skip();
    }
    if (a.tornado && a.tornado.bars.length) {
      s.add([[tr(M.mostSensitive)]], "subtitle");
      // Column heads, so "95.2% – 63.4%" and "10000 – 15000" say what they are.
      s.add([[tr(M.sensitiveParameter), tr(M.sensitiveKpi), tr(M.sensitiveRange)]], "header");
      s.add(
        a.tornado.bars.slice(0, 3).map((b) => [tr(parameterLabel(b.key)), `${fmtPct(b.outputLow)} – ${fmtPct(b.outputHigh)}`, `${b.low} – ${b.high}`]),
        "body",
      );
      s.skip();
    }
    s.add(
      [
        [
          ja
            ? "単位：t は磁石完成品の重量（希土類含有量ではない）。能力・生産は国内の工場（日本企業の海外工場を含まない）。KPI の需要は価格反応前の国内需要。"
            : "Units: t is finished magnet mass (not rare-earth content). Capacity and output are of plants in Japan (not Japanese companies' plants abroad). The KPI uses domestic demand before the price response.",
        ],
      ],
      "note",
    );
    sheets.push(s.build({ columnWidths: { 0: 44, 1: 16, 2: 26, 3: 100 } }));
  }

  // ---- demand by application ----------------------------------------------------------------
  {
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

  // ---- capacity vs demand -------------------------------------------------------------------
  {
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

  // ---- shares by scenario -------------------------------------------------------------------
  {
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

  // ---- scenario comparison ------------------------------------------------------------------
  {
    const s = new SheetBuilder("marketScenarios", tr(MARKET_SHEETS.scenarios));
    s.add([[tr(M.comparisonTitle)]], "title");
    const ky = a.kpi.year;
    s.add(
      [[ja ? `t は磁石完成品重量。国内生産の変化 = 国内工場の生産（シナリオ）− 基準。百万円 = t × 1,000 kg/t × 単価 ${p.unitValue.toLocaleString("en-US")} 円/kg ÷ 10⁶。累積 = ${years[0]}〜${years[ny - 1]}年の合計。` : `t = finished magnet mass. Output change = output of plants in Japan (scenario) − base. Million yen = t × 1,000 kg/t × unit value ${p.unitValue.toLocaleString("en-US")} JPY/kg ÷ 10⁶. Cumulative = sum over ${years[0]}–${years[ny - 1]}.`]],
      "note",
    );
    s.add([[tr(M.comparisonNote)]], "note");
    // A page of zeros needs its reason next to it. In the model a shortfall arises only when
    // domestic sales are at their limit, so no output change despite a shortfall means exactly that.
    const scenarioRuns = a.runs.slice(1);
    if (
      scenarioRuns.length > 0 &&
      scenarioRuns.every((r) => r.change.tonnes.every((t) => Math.abs(t) < 1e-9)) &&
      scenarioRuns.some((r) => r.cumulative.shortfall > 0)
    )
      s.add([[tr(M.noSpareCapacity)]], "note");
    s.skip();
    const cum = tr(M.cumulative);
    // Short headers: the note above says what each quantity is.
    const short = (what: Bilingual, when: string, unit: string) => (ja ? `${what.ja} ${when}（${unit}）` : `${what.en} ${when} (${unit})`);
    const yen = tr(UNITS.millionYen);
    const cumShort = ja ? "累積" : "cum.";
    const head: CellSpec[] = [
      tr(M.scenario),
      tr(M.description),
      short(M.shortfall, ja ? `${ky}年` : String(ky), "t"),
      short(M.shortfall, cumShort, "t"),
      short(M.outputChangeShort, ja ? `${ky}年` : String(ky), "t"),
      short(M.outputChangeShort, ja ? `${ky}年` : String(ky), yen),
      short(M.outputChangeShort, cumShort, "t"),
      short(M.outputChangeShort, cumShort, yen),
    ];
    const fmts: (string | null)[] = [null, null, F.tonnes, F.tonnes, F.tonnes, F.money, F.tonnes, F.money];
    if (unitEffect)
      for (const m of measures) {
        head.push(short(MEASURE_LABELS[m], cumShort, measureUnit(m)));
        fmts.push(m === "employment" ? F.persons : F.money);
      }
    s.add([head], "header");
    s.add(
      a.runs.map((r) => {
        const row: CellSpec[] = [
          r.scenario.name,
          r.scenario.label[lang],
          r.result.years[kYear].shortfall,
          r.cumulative.shortfall,
          r.change.tonnes[kYear],
          r.change.millionYen[kYear],
          r.cumulative.tonnes,
          r.cumulative.millionYen,
        ];
        if (r.cumulative.effects) for (const m of measures) row.push(r.cumulative.effects.total[m]);
        return row;
      }),
      "body",
      fmts,
    );
    s.skip();
    if (unitEffect) {
      s.add([[tr(M.effectsTitle)]], "subtitle");
      s.add([[`${tr(M.magnetSector)}: ${unitEffect.sectorLabel}`]], "note");
      const stageTable = (name: string, e: EffectTotals) => {
        s.add([[name]], "header");
        s.add([[tr(M.stage), ...measures.map((m) => withUnit(MEASURE_LABELS[m], measureUnit(m), lang))]], "header");
        s.add(
          EFFECT_STAGES.map((st) => [tr(STAGE_LABELS[st]), ...measures.map((m) => e[st][m])]),
          "body",
          [null, ...measures.map((m) => (m === "employment" ? F.persons : F.money))],
        );
        s.skip();
      };
      a.runs.forEach((r, i) => {
        if (i > 0 && r.cumulative.effects) stageTable(`${scenLabel(i)} — ${cum}`, r.cumulative.effects);
      });
      // By year: output change and induced GVA per scenario.
      s.add([[tr(M.byYearTitle)]], "subtitle");
      s.add(
        [[tr(M.year), ...a.runs.slice(1).map((r) => `${withUnit(M.outputChange, tr(UNITS.millionYen), lang)}: ${r.scenario.name}`), ...a.runs.slice(1).map((r) => `${withUnit(MEASURE_LABELS.valueAdded, moneyUnit, lang)}: ${r.scenario.name}`)]],
        "header",
      );
      s.add(
        years.map((y, k) => [y, ...a.runs.slice(1).map((r) => r.change.millionYen[k]), ...a.runs.slice(1).map((r) => r.effects![k].total.valueAdded)]),
        "body",
        [F.year, ...a.runs.slice(1).flatMap(() => [F.money, F.money])],
      );
      s.skip();
    } else {
      s.add([[tr(M.noModel)]], "note");
      s.skip();
    }
    // Shortfall by year and scenario, with its chart.
    s.add([[withUnit(M.shortfall, "t", lang)]], "subtitle");
    s.add([[tr(M.year), ...a.runs.map((r) => r.scenario.name)]], "header");
    const first = s.add(
      years.map((y, k) => [y, ...a.runs.map((r) => r.result.years[k].shortfall)]),
      "body",
      [F.year, ...a.runs.map(() => F.tonnes)],
    );
    s.skip();
    s.chart({
      type: "column",
      title: tr(M.chartShortfall),
      categories: { row: first, col: 0, rows: ny, cols: 1 },
      series: a.runs.map((_, i) => ({ name: scenLabel(i), values: { row: first, col: 1 + i, rows: ny, cols: 1 } })),
      yAxisTitle: tUnit,
      anchor: { row: s.row, col: 0, widthCols: 8, heightRows: 18 },
    });
    const widths = fitWidths(head.map(String), 14);
    widths[0] = 34;
    widths[1] = 40;
    sheets.push(s.build({ columnWidths: widths }));
  }

  // ---- Monte Carlo --------------------------------------------------------------------------
  {
    const s = new SheetBuilder("marketMonteCarlo", tr(MARKET_SHEETS.monteCarlo));
    s.add([[tr(M.mcTitle)]], "title");
    const mc = a.monteCarlo;
    if (!mc) {
      s.add([[tr(M.noMc)]], "note");
    } else {
      s.add(
        [
          [tr(M.draws), mc.draws],
          [tr(M.seed), mc.seed],
          [tr(M.mcScenario), mc.scenario],
          [tr(M.mcTime), `${(mc.milliseconds / 1000).toFixed(2)} s`],
        ],
        "body",
        [null, "#,##0"],
      );
      s.add([[`${tr(M.passProbability)} ${a.kpi.year}`, mc.passProbability]], "total", [null, F.ratio]);
      s.skip();
      s.add([[tr(M.uncertainParams)]], "subtitle");
      s.add([[tr(M.item), tr(M.distribution), tr(M.low), ja ? "最頻値・平均" : "Mode / mean", tr(M.high), ja ? "標準偏差" : "SD"]], "header");
      s.add(
        mc.uncertain.map((u) => {
          const d = u.distribution;
          const label = `${tr(parameterLabel(u.key))} [${u.key}]`;
          const name = tr(DISTRIBUTION_SHORT[d.type]);
          if (d.type === "triangular") return [label, name, d.low, d.mode, d.high, null];
          if (d.type === "uniform") return [label, name, d.low, null, d.high, null];
          return [label, name, null, d.mean, null, d.sd];
        }),
        "body",
        [null, null, F.plain, F.plain, F.plain, F.plain],
      );
      s.skip();
      s.add(
        [[tr(M.year), `${tr(M.kpiShort)} P5`, "P50", "P95", tr(M.target100), withUnit(M.demandDomestic, "t", lang) + " P5", "P50", "P95", withUnit(M.shortfall, "t", lang) + ` P5 (${mc.scenario})`, "P50", "P95", withUnit(M.outputChange, tr(UNITS.millionYen), lang) + " P5", "P50", "P95"]],
        "header",
      );
      const first = s.add(
        mc.byYear.map((y) => [y.year, y.kpi.p5, y.kpi.p50, y.kpi.p95, a.kpi.target, y.demand.p5, y.demand.p50, y.demand.p95, y.shortfall.p5, y.shortfall.p50, y.shortfall.p95, y.outputChange.p5, y.outputChange.p50, y.outputChange.p95]),
        "body",
        [F.year, F.ratio, F.ratio, F.ratio, F.ratio, F.tonnes, F.tonnes, F.tonnes, F.tonnes, F.tonnes, F.tonnes, F.money, F.money, F.money],
      );
      s.skip();
      const col = (c: number): RangeRef => ({ row: first, col: c, rows: ny, cols: 1 });
      s.chart({
        type: "line",
        title: tr(M.chartFan),
        categories: col(0),
        series: [
          { name: "P95", values: col(3) },
          { name: "P50", values: col(2) },
          { name: "P5", values: col(1) },
          { name: `${tr(M.target100)} ${fmtPct(a.kpi.target, 0)}`, values: col(4) },
        ],
        yAxisTitle: tr(M.kpiRatio),
        anchor: { row: s.row, col: 0, widthCols: 7, heightRows: 18 },
      });
      s.skip(19);
      s.add([[tr(M.cumulativeEffects)]], "subtitle");
      s.add([[tr(M.item), tr(M.unit), "P5", "P50", "P95", tr(M.mean)]], "header");
      const rows: CellSpec[][] = [[withUnit(M.outputChange, tr(UNITS.millionYen), lang), tr(UNITS.millionYen), mc.cumulative.outputChange!.p5, mc.cumulative.outputChange!.p50, mc.cumulative.outputChange!.p95, mc.cumulative.outputChange!.mean]];
      for (const m of measures) {
        const q = mc.cumulative[m];
        if (q) rows.push([tr(MEASURE_LABELS[m]) + paren(tr(STAGE_LABELS.total)), measureUnit(m), q.p5, q.p50, q.p95, q.mean]);
      }
      s.add(rows, "body", [null, null, F.money, F.money, F.money, F.money]);
    }
    sheets.push(s.build({ columnWidths: { 0: 40, 1: 16, 2: 14, 3: 14, 4: 14, 5: 18, 6: 12, 7: 12, 8: 22, 9: 12, 10: 12, 11: 24, 12: 12, 13: 12 } }));
  }

  // ---- tornado ------------------------------------------------------------------------------
  {
    const s = new SheetBuilder("marketTornado", tr(MARKET_SHEETS.tornado));
    s.add([[`${tr(M.tornadoTitle)} — ${a.kpi.year}`]], "title");
    const t = a.tornado;
    if (!t || t.bars.length === 0) {
      s.add([[tr(M.noTornado)]], "note");
    } else {
      s.add([[tr(M.baseKpi), t.base]], "body", [null, F.ratio]);
      s.skip();
      s.add([["#", tr(M.key), tr(M.item), tr(M.low), tr(M.high), tr(M.atLow), tr(M.atHigh), tr(M.swing)]], "header");
      s.add(
        t.bars.map((b, i) => [i + 1, b.key, tr(parameterLabel(b.key)), b.low, b.high, b.outputLow, b.outputHigh, b.swing]),
        "body",
        ["0", null, null, F.plain, F.plain, F.ratio, F.ratio, F.ratio],
      );
      s.skip();
      // Bar charts draw the first category at the bottom: the chart data runs smallest first,
      // so the largest swing sits on top.
      s.add([[tr(M.chartData)]], "subtitle");
      s.add([[tr(M.item), tr(M.deltaLow), tr(M.deltaHigh)]], "header");
      const asc = [...t.bars].reverse();
      const first = s.add(
        asc.map((b) => [tr(parameterLabel(b.key)), b.outputLow - t.base, b.outputHigh - t.base]),
        "body",
        [null, "+0.0%;-0.0%;0.0%", "+0.0%;-0.0%;0.0%"],
      );
      s.skip();
      s.chart({
        type: "bar",
        title: tr(M.chartTornado),
        categories: { row: first, col: 0, rows: asc.length, cols: 1 },
        series: [
          { name: tr(M.deltaLow), values: { row: first, col: 1, rows: asc.length, cols: 1 } },
          { name: tr(M.deltaHigh), values: { row: first, col: 2, rows: asc.length, cols: 1 } },
        ],
        yAxisTitle: tr(M.kpiRatio),
        anchor: { row: s.row, col: 0, widthCols: 7, heightRows: Math.max(14, 4 * asc.length + 6) },
      });
      s.skip(Math.max(14, 4 * asc.length + 6) + 1);
      if (t.noEffect.length) {
        s.add([[tr(M.noEffect)]], "subtitle");
        s.add([[t.noEffect.map((k) => k + paren(tr(parameterLabel(k)))).join(ja ? "、" : "; ")]], "note");
      }
    }
    sheets.push(s.build({ columnWidths: { 0: 40, 1: 18, 2: 40, 3: 12, 4: 12, 5: 16, 6: 16, 7: 12 } }));
  }

  // ---- parameters and sources ---------------------------------------------------------------
  {
    const s = new SheetBuilder("marketParams", tr(MARKET_SHEETS.params));
    s.add([[tr(M.paramsTitle)]], "title");
    s.add([[ja ? "出典が「利用者が入力」の値は、既定値から変更されたか出典が空欄の値です（セル番地つき）。信頼度 A 公的・一次、B 信頼できる二次、C 推計。" : "'Entered by the user': the value differs from the default or its source was cleared (with its cell). Grade A primary/official, B reputable secondary, C estimate."]], "note");
    s.skip();
    s.add([[tr(M.key), tr(M.item), tr(M.value), tr(M.unit), tr(M.low), tr(M.high), tr(M.distribution), tr(M.grade), tr(M.source)]], "header");
    for (const q of SHEET_PARAMETERS) {
      const src = a.sheets.sources[q.key];
      const row: CellSpec[] = [
        q.key,
        q.label[lang],
        p[q.key],
        unitText(q.unit, lang),
        src?.low ?? null,
        src?.high ?? null,
        src?.distribution ? tr(DISTRIBUTION_SHORT[src.distribution]) : tr(M.fixed),
        src?.user ? "—" : (src?.grade ?? ""),
        sourceOf(q.key),
      ];
      const num = q.unit === "year" ? "0" : F.plain;
      s.add([row], "body", [null, null, num, null, num, num, null, null, null]);
    }
    s.skip();
    s.add([[tr(M.scenarioDefs)]], "subtitle");
    s.add([[tr(M.scenario), tr(M.description), tr(M.origin), tr(M.cut), tr(M.months), tr(M.start), tr(M.premium), null, tr(M.source)]], "header");
    const rows: CellSpec[][] = [];
    for (const r of a.runs) {
      const sc = r.scenario;
      const src = a.sheets.scenarioSources[sc.name] ?? tr(M.userEntered);
      if (sc.shocks.length === 0) rows.push([sc.name, sc.label[lang], tr(M.noShock), null, null, null, null, null, src]);
      for (const k of sc.shocks) rows.push([sc.name, sc.label[lang], k.origin, k.cut, k.months, `${k.startYear}/${k.startMonth}`, k.pricePremium, null, src]);
    }
    s.add(rows, "body", [null, null, null, "0%", "0", null, "0%", null, null]);
    s.skip();
    if (unitEffect) {
      s.add([[tr(M.ioLink)]], "subtitle");
      s.add(
        [
          [tr(M.magnetSector), unitEffect.sectorLabel, null, null, null, null, null, null, input.magnetSectorNote ? tr(input.magnetSectorNote) : tr(M.userEntered)],
          [tr(M.unitValue), p.unitValue, ja ? "円/kg" : "JPY/kg", null, null, null, null, null, sourceOf("unitValue")],
          ...measures.map((m): CellSpec[] => [
            `${tr(M.perMillionYen)}: ${tr(MEASURE_LABELS[m])}`,
            unitEffect.perMillionYen.total[m],
            measureUnit(m),
            null,
            null,
            null,
            null,
            null,
            ja ? `産業連関モデル（${input.tableName ?? "入力の表"}）の計算値` : `computed with the IO model (${input.tableName ?? "the input table"})`,
          ]),
        ],
        "body",
        [null, "#,##0.######", null, null, null, null, null, null, null],
      );
    }
    sheets.push(s.build({ columnWidths: { 0: 30, 1: 40, 2: 14, 3: 18, 4: 10, 5: 10, 6: 22, 7: 8, 8: 100 }, freeze: { rows: 4, cols: 1 } }));
  }

  // ---- method and notes ---------------------------------------------------------------------
  {
    const s = new SheetBuilder("marketMethod", tr(MARKET_SHEETS.method));
    s.add([[ja ? "方法と注記" : "Method and notes"]], "title");
    const notes: Bilingual[] = [
      {
        ja: "需要：用途別の国内需要 = 活動量 × 原単位。2024年の国内需要に年成長率を掛け、用途別シェアで配分（活動量は需要 ÷ 原単位で逆算）。世界需要は2030年までと以降で別の成長率。",
        en: "Demand: domestic demand by application = activity × intensity. 2024 domestic demand grows at the annual rate and is split by the application shares (activity = demand ÷ intensity). Global demand grows at one rate to 2030 and another after.",
      },
      {
        ja: "供給：国内工場の能力 = 既存（2024年生産量を下限として使用）+ 支援計画（開始年から立上げ年数で線形に稼働）。輸入は輸入元別（既定は中国 100%）。",
        en: "Supply: capacity of plants in Japan = existing (2024 output as a lower bound) + supported plans (online linearly over the ramp-up years from the start year). Imports by origin (default: China 100%).",
      },
      {
        ja: "ショック：輸入元の供給を削減率 × 期間（月）だけ減らし、輸入価格に上乗せ。国産と輸入の代替はアーミントン弾力性 σ(t)（1年目から5年目へ線形に変化）、需要の価格反応は価格弾力性 ε(t)。輸入で満たせない分は国内の余剰能力が埋め、残りが供給不足。",
        en: "Shocks: an origin's supply is cut by the cut × months, with a premium on import prices. Substitution between domestic and imported magnets follows the Armington elasticity σ(t) (linear from year 1 to year 5); demand responds with the price elasticity ε(t). Spare domestic capacity fills what imports cannot; the rest is the shortfall.",
      },
      {
        ja: "産業連関モデルとの接続：国内工場の生産の変化（基準との差、t × 単価 → 百万円）を磁石の部門の生産増加として与え（最終需要ではない）、直接効果・第1次・第2次間接波及効果を計算。効果は生産増加に比例するため、1百万円あたりの効果を1回だけ解き、各シナリオ・各試行に掛けています（行列の分解は1回）。",
        en: "Link to the IO model: the change of output of plants in Japan against the base (t × unit value → million yen) enters the magnet sector as a production increase (not final demand); direct, first and second indirect effects follow. Effects are linear in the increase, so the effect of one million yen is solved once and scaled for every scenario and draw (one factorization).",
      },
      {
        ja: "不確実性：パラメータシートで分布を付けたパラメータを乱数の種つきで抽出（同じ種で同じ結果）し、P5・P50・P95 を表示。トルネード図は下限・上限のあるパラメータを1つずつ動かした KPI の変化。",
        en: "Uncertainty: parameters marked with a distribution on the parameter sheet are drawn with a seed (same seed, same result); P5, P50 and P95 are shown. The tornado moves each parameter with a low and a high value one at a time and records the KPI.",
      },
    ];
    if (unitEffect && input.magnetSectorNote)
      notes.push({ ja: `磁石の部門：${unitEffect.sectorLabel}（${input.magnetSectorNote.ja}）`, en: `Magnet sector: ${unitEffect.sectorLabel} (${input.magnetSectorNote.en})` });
    s.add(notes.map((n) => [tr(n)]), "body");
    s.skip();
    s.add([[ja ? "入力" : "Inputs"]], "subtitle");
    s.add([[ja ? "内容" : "Description", ja ? "シート" : "Sheet", ja ? "範囲" : "Range", ja ? "チェックサム（SHA-256）" : "Checksum (SHA-256)"]], "header");
    s.add(input.inputs.map((x) => [x.description, x.sheet ?? "", x.range ?? "", x.checksum ?? ""]), "body");
    s.skip();
    s.add([[ja ? "警告" : "Warnings"]], "subtitle");
    s.add(a.warnings.length ? a.warnings.map((w) => [warningText(w, lang)]) : [[ja ? "なし" : "None"]], "body");
    sheets.push(s.build({ columnWidths: { 0: 120, 1: 20, 2: 16, 3: 40 } }));
  }

  const provenance: ProvenanceSpec = {
    software: "Ripple",
    version: input.version,
    createdAt: (input.now ?? new Date()).toISOString(),
    inputs: input.inputs.map((x) => ({ ...x })),
    // Each parameter with its source: the default's text, grade and file (with the sheet cell
    // it was read from), or "entered by the user" with that cell.
    parameters: SHEET_PARAMETERS.map((q) => {
      const src = a.sheets.sources[q.key];
      const name = `${q.label[lang]} [${q.key}]`;
      if (!src) return { name, value: p[q.key], source: "" };
      const at = `${src.sheet}!${src.cell}`;
      if (src.user) return { name, value: p[q.key], source: `${tr(M.userEntered)}${paren(at)}`, user: true };
      return { name, value: p[q.key], source: src.text, grade: src.grade || undefined, file: input.defaultsFile ? `${input.defaultsFile} → ${at}` : at };
    }),
    variants: [
      ...a.runs.map((r) => `${tr(M.scenario)} ${r.scenario.name}: ${r.scenario.label[lang]}`),
      ...(a.monteCarlo ? [`${tr(M.mcTitle)}: ${tr(M.draws)} ${a.monteCarlo.draws}, ${tr(M.seed)} ${a.monteCarlo.seed}`] : []),
      ...(unitEffect ? [`${tr(M.ioLink)}: ${tr(M.magnetSector)} ${unitEffect.sectorLabel}${input.tableName ? paren(input.tableName) : ""}`] : [tr(M.noModel)]),
    ],
    warnings: a.warnings.map((w) => warningText(w, lang)),
  };
  return { lang, sheets, provenance };
}
