// The scenario comparison: supply, shortfall and the ripple effects of each export-control scenario.

import type { Bilingual } from "../../engine/errors";
import { EFFECT_STAGES, type EffectTotals } from "../../engine/market/run";
import { M, MARKET_SHEETS, MEASURE_LABELS, STAGE_LABELS, UNITS, withUnit } from "../marketLabels";
import { SheetBuilder } from "../sheetBuilder";
import type { CellSpec, SheetSpec } from "../spec";
import { type MarketContext, fitWidths } from "./context";

/** scenario comparison */
export function scenarioSheet(ctx: MarketContext, sheets: SheetSpec[]): void {
  const { a, lang, tr, ja, years, ny, p, F, tUnit, unitEffect, moneyUnit, measureUnit, measures, scenLabel, kYear } = ctx;
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
