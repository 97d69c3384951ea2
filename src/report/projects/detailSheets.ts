// 計画別, KPI, 部門別 and the coefficient sheets of the basic analysis.

import type { Bilingual } from "../../engine/errors";
import { buildAnalysisReport } from "../analysisReport";
import { MEASURES, STAGES, withUnit, yearLabel } from "../labels";
import { P, PROJECT_SHEETS } from "../projectLabels";
import { buildByProjectSheet } from "../byProjectSheet";
import { labelWidth, SheetBuilder } from "../sheetBuilder";
import type { SheetSpec } from "../spec";
import { sum } from "../../engine/numeric";
import { type ProjectsContext, F, sumF, addKpiTable } from "./context";

/** 計画別 / By project */
export function byProjectSheet(ctx: ProjectsContext, sheets: SheetSpec[]): void {
  const { ev, lang, table, unit } = ctx;
  sheets.push(buildByProjectSheet(ev, table, unit, lang, F));
}

/** KPI */
export function kpiSheet(ctx: ProjectsContext, sheets: SheetSpec[]): void {
  const { ev, lang, tr } = ctx;
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

/** 部門別 / By sector (when present) */
export function bySectorSheet(ctx: ProjectsContext, sheets: SheetSpec[]): void {
  const { ev, lang, model, tr, unit, persons, jobs, money } = ctx;
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
    ...stages.map((k) => sum(imp[k].output)),
    sum(imp.total.valueAdded),
    sum(imp.total.compensation),
    ...(jobs ? [sum(imp.total.employment!)] : []),
  ];
  s.add([[tr(P.total), ...vals.map((v, j) => sumF(1 + j, r0, r0 + n - 1, v))]], "total", fmt);
  const widths: Record<number, number> = { 0: labelWidth(model.sectors, 14, 36) };
  for (let k = 1; k < fmt.length; k++) widths[k] = 30;
  sheets.push(s.build({ columnWidths: widths, freeze: { rows: 4, cols: 1 } }));
}
}

/** Coefficient sheets of the basic analysis */
export function coefficientSheets(ctx: ProjectsContext, sheets: SheetSpec[]): void {
  const { input, lang, table } = ctx;
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
}
