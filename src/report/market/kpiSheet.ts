// The KPI sheet of the market workbook: the 2030 verdict, why, the figures and their sources.

import type { Bilingual } from "../../engine/errors";
import { parameterLabel } from "../../engine/market/run";
import { M, MARKET_SHEETS, UNITS, fmtPct, fmtT } from "../marketLabels";
import { SheetBuilder } from "../sheetBuilder";
import type { SheetSpec } from "../spec";
import { type MarketContext } from "./context";

/** KPI check */
export function kpiSheet(ctx: MarketContext, sheets: SheetSpec[]): void {
  const { input, a, tr, ja, p, F, tUnit, tyUnit, sourceOf, kYear } = ctx;
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
