// The parameters with their sources and the method notes of the market workbook.

import type { Bilingual } from "../../engine/errors";
import { warningText } from "../../engine/errors";
import { SHEET_PARAMETERS, unitText } from "../../engine/market/sheet";
import { DISTRIBUTION_SHORT, M, MARKET_SHEETS, MEASURE_LABELS } from "../marketLabels";
import { SheetBuilder } from "../sheetBuilder";
import type { CellSpec, SheetSpec } from "../spec";
import { type MarketContext } from "./context";

/** parameters and sources */
export function parametersSheet(ctx: MarketContext, sheets: SheetSpec[]): void {
  const { input, a, lang, tr, ja, p, F, unitEffect, measureUnit, measures, sourceOf } = ctx;
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

/** method and notes */
export function methodSheet(ctx: MarketContext, sheets: SheetSpec[]): void {
  const { input, a, lang, tr, ja, unitEffect } = ctx;
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
