// The 経済安全保障効果 sheet (RESILIENCE.md): the B/C (economic security) with its two present
// values, the scenarios with their probabilities, shortfall and losses without and with the
// plans, the avoided loss by year with its expectation and chart, the judgement parameters with
// their sources, the concordance and the method; and the editable parameter sheet that a second
// run reads back. Formats only: every number comes from the engine's SecurityRun.

import type { Bilingual, Lang } from "../engine/errors";
import { allJudgementParameters, applicationName, type SecurityRun } from "../engine/security";
import { unitName } from "../engine/params/names";
import { unitLabel, withUnit, yearLabel } from "./labels";
import { NDFEB_TYPES } from "../engine/projects/evaluate";
import { chainBlock } from "./securityChainReport";
import { fanBlock } from "./securityFanReport";
import { pathBlock } from "./securityPathReport";
import { SheetBuilder } from "./sheetBuilder";
import type { CellSpec, RowTag, SheetSpec } from "./spec";

export const SECURITY_SHEETS = {
  main: { ja: "経済安全保障効果", en: "Economic security" },
  params: { ja: "経済安全保障パラメータ", en: "Security parameters" },
} as const;

const L = (ja: string, en: string): Bilingual => ({ ja, en });
export const S = {
  title: L("経済安全保障効果（途絶時に回避される損失）", "Economic-security effect (the loss avoided in a disruption)"),
  bc: L("B/C（経済安全保障）", "B/C (economic security)"),
  bcExplain: L(
    "= 期待回避粗付加価値の現在価値 ÷ 補助金の現在価値",
    "= PV of the expected avoided gross value added ÷ PV of the subsidy",
  ),
  pvAvoided: L("期待回避粗付加価値の現在価値", "PV of the expected avoided gross value added"),
  pvSubsidy: L("補助金の現在価値", "PV of the subsidy"),
  reference: L("補助金1円当たり粗付加価値誘発額（参考、便益ではない）", "Induced gross value added per yen of subsidy (reference, not a benefit)"),
  scenarios: L("シナリオ（途絶がその年度に起きた場合、評価期間の合計）", "Scenarios (the event striking in each fiscal year, summed over the period)"),
  byYear: L("年度別の回避損失（粗付加価値）", "Avoided loss by fiscal year (gross value added)"),
  params: L("判断パラメータ（「経済安全保障パラメータ」シートで変更できます）", "Judgement parameters (change them on the 'Security parameters' sheet)"),
  concordance: L("用途 → 産業連関表の部門", "Application → IO sector"),
  method: L("方法", "Method"),
  chart: L("期待回避粗付加価値（年度別）", "Expected avoided gross value added by fiscal year"),
  distribution: L("B/C（経済安全保障）の分布：判断パラメータのモンテカルロ", "Distribution of the B/C (economic security): Monte Carlo over the judgement parameters"),
  drawsSeed: L("回、乱数の種", "draws, seed"),
  atLeastOne: L("B/C ≥ 1 となる確率", "P(B/C ≥ 1)"),
  tornado: L("B/C（経済安全保障）のトルネード図（判断パラメータを1つずつ下限・上限に）", "Tornado of the B/C (economic security): one judgement at a time at its low and high"),
  bcAtLow: L("下限での B/C", "B/C at low"),
  bcAtHigh: L("上限での B/C", "B/C at high"),
  swing: L("振れ幅", "Swing"),
  discountRate: L("割引率", "Discount rate"),
  baseYear: L("現在価値の基準年度", "Base fiscal year of the present values"),
};

/** Keys of the rows the audit sheet recomputes (RowTag.key), by position. */
export const SECURITY_KEYS = {
  bc: "security:bc",
  pvAvoided: "security:pvAvoided",
  pvSubsidy: "security:pvSubsidy",
  rate: "security:rate",
  baseYear: "security:baseYear",
  scenario: (i: number) => `security:scenario:${i}`,
  year: (t: number) => `security:year:${t}`,
} as const;

const H = {
  scenario: L("シナリオ", "Scenario"),
  probability: L("年発生確率", "Annual probability"),
  months: L("期間（月）", "Months"),
  cut: L("供給削減率", "Supply cut"),
  shortWithout: L("不足量 計画なし（t）", "Shortfall without plans (t)"),
  shortWith: L("不足量 計画あり（t）", "Shortfall with plans (t)"),
  outWithout: L("生産額の損失 計画なし", "Output lost without plans"),
  outWith: L("生産額の損失 計画あり", "Output lost with plans"),
  gvaWithout: L("粗付加価値の損失 計画なし", "GVA lost without plans"),
  gvaWith: L("粗付加価値の損失 計画あり", "GVA lost with plans"),
  avoided: L("回避された粗付加価値", "Avoided GVA"),
  year: L("年度", "Fiscal year"),
  expected: L("期待回避粗付加価値（Σ 確率 × 回避）", "Expected avoided GVA (Σ p × avoided)"),
  discount: L("割引係数", "Discount factor"),
  pv: L("現在価値", "Present value"),
  key: L("キー", "Key"),
  item: L("項目", "Item"),
  value: L("値", "Value"),
  low: L("下限", "Low"),
  high: L("上限", "High"),
  unit: L("単位", "Unit"),
  grade: L("評価", "Grade"),
  source: L("出典・根拠", "Source / reasoning"),
  application: L("用途", "Application"),
  sector: L("部門", "Sector"),
  mean: L("平均", "Mean"),
  premium: L("輸入価格の上乗せ", "Import price premium"),
  shareWithout: L("輸入の割合 計画なし", "Imported share without plans"),
  shareWith: L("輸入の割合 計画あり", "Imported share with plans"),
  priceWithout: L("価格上昇率（%） 計画なし", "Price change (%) without plans"),
  priceWith: L("価格上昇率（%） 計画あり", "Price change (%) with plans"),
};

const P = {
  price: L(
    "価格プレミアムの波及（コスト・プッシュ型価格モデル、数量の損失とは別に示します）",
    "The premium's price effect (cost-push price model; shown beside the quantities, not added to them)",
  ),
  priceHow: L(
    "途絶中も届く輸入にシナリオの上乗せがかかり、磁石の部門（{m}）の投入を通じて各部門の価格が Δp' = (上乗せ × 輸入の割合 × a_k·) L だけ上がります。輸入の割合は表の輸入係数ではなく、その年度の途絶中の磁石供給に占める輸入です（計画があると国内供給が増えて下がります）。",
    "Imports still arriving during the event cost the scenario's premium more; through the magnet sector's ({m}) inputs each sector's price rises by Δp' = (premium × imported share × a_k·) L. The imported share is that of the magnets supplied during the event in that year, not the table's import coefficient (the plans raise domestic supply and lower it).",
  ),
  noPremium: L("シナリオの輸入価格の上乗せが 0 のため、価格の波及は 0 です（磁石シナリオの「輸入価格の上乗せ」で変えられます）。", "The scenarios carry no import price premium, so the price effect is 0 (set it in the magnet scenario sheet's premium column)."),
};

export const SECURITY_METHOD: Bilingual = L(
  "途絶シナリオごと・年度ごとに、途絶がその年度に起きた場合の供給（既存工場の増産、支援計画の稼働中の能力、需要家の在庫、削減後の輸入、他の輸入元の余力）と需要から不足量を求め、用途別に需要に比例して配分します。磁石が届かない製品は作れないため、不足 1 t 当たりの川下の生産額（判断パラメータ）が失われ、その生産減少が逆行列 L を通じて仕入先に波及します（直接効果＋第1次間接効果）。計画なし（支援計画の能力 0）と計画ありの差が回避損失で、年度ごとの期待値 Σ 確率 × 回避損失を評価期間の割引率で現在価値にし、補助金の現在価値で割ったものが B/C（経済安全保障）です。選択（損失の経路 = 1）で、止まった生産額を不稼働率モデルの擾乱とし、回復期間から求めた回復係数で月ごとの経路を追い、途絶後の一定期間（損失を数える期間）までの損失を数えます（無限の期間では静学の損失に一致）。途絶中の輸入価格の上乗せはコスト・プッシュ型価格モデルで各部門の価格上昇率として別に示し、数量の損失には加えません。限界: 代替は含めず、川下の損失は用途ごとに一律の比率で止まるとみなします。確率と川下の生産額は分析者の判断で、結果はそれに強く依存します（下限・上限は「経済安全保障パラメータ」シート）。",
  "For each disruption scenario and fiscal year, supply in the event (existing plants' surge output, the supported plans' capacity online, users' inventory, imports after the cut, other origins' spare capacity) against demand gives the shortfall, shared among applications in proportion to demand. A product without its magnets is not made, so the downstream output per tonne missing (a judgement parameter) is lost, and that output loss ripples back to suppliers through L (direct + first indirect effect). Without the plans (their capacity 0) minus with them is the avoided loss; its expectation Σ p × avoided per year, discounted at the evaluation's rate, over the PV of the subsidy is the B/C (economic security). As an option (loss path = 1) the stopped output is the perturbation of the inoperability model, whose monthly path follows resilience from a recovery time and is counted up to a horizon after the event (over an infinite horizon it equals the static loss). The import price premium during the event is shown separately through the cost-push price model as each sector's price change, not added to the quantities. Limits: no substitution; downstream output stops in proportion to the magnets missing. The probabilities and the downstream output per tonne are the analyst's judgement and drive the result (ranges on the 'Security parameters' sheet).",
);

export interface SecurityReportInput {
  run: SecurityRun;
  unit: string | null;
  lang: Lang;
  /** Plans whose capacity the "with" figures contain (for the public version's suppression). */
  planIds: string[];
}

export function securitySheets(input: SecurityReportInput): SheetSpec[] {
  const { run, lang } = input;
  const tr = (b: Bilingual) => b[lang];
  const r = run.result;
  const money = (b: Bilingual) => (input.unit ? withUnit(b, unitLabel(input.unit, lang), lang) : tr(b));
  const tag: RowTag = { projects: input.planIds };
  const tagRows = (n: number): Record<number, RowTag> => Object.fromEntries(Array.from({ length: n }, (_, i) => [i, tag]));
  const s = new SheetBuilder("security", tr(SECURITY_SHEETS.main));
  s.add([[tr(S.title)]], "title");
  s.skip();
  const head = s.add(
    [
      [tr(S.bc), r.benefitCostRatio ?? "—", tr(S.bcExplain)],
      [money(S.pvAvoided), r.pvExpectedAvoided.valueAdded, null],
      [money(S.pvSubsidy), r.pvSubsidy, null],
      [tr(S.reference), run.inducedValueAddedPerSubsidy ?? "—", null],
    ],
    "total",
    [null, "#,##0.00", null],
  );
  const base = run.build.input.baseYear;
  const rate = run.build.input.discountRate;
  const rateRow = s.add([[tr(S.discountRate), rate]], "body", [null, "0.0%"]);
  const baseRow = s.add([[tr(S.baseYear), base]], "body", [null, "0"]);
  // Rows with the plans' figures: the public version suppresses them when they involve too few
  // confidential plans (src/report/deliverable/publicVersion.ts).
  const tagged: [number, number, number[]?][] = [[head, 4]];
  // Rows the audit sheet finds by key (src/report/deliverable/securityAudit.ts).
  const keyed = new Map<number, string[]>([
    [head, [SECURITY_KEYS.bc, SECURITY_KEYS.pvAvoided, SECURITY_KEYS.pvSubsidy]],
    [rateRow, [SECURITY_KEYS.rate]],
    [baseRow, [SECURITY_KEYS.baseYear]],
  ]);
  s.skip();

  const mc = run.monteCarlo;
  if (mc) {
    s.add([[`${tr(S.distribution)}（${mc.draws.toLocaleString("en-US")} ${tr(S.drawsSeed)} ${mc.seed}）`]], "subtitle");
    s.add([[tr(H.item), "P5", "P50", "P95", tr(H.mean)]], "header");
    const dRow = s.add(
      [
        [tr(S.bc), mc.benefitCostRatio.p5, mc.benefitCostRatio.p50, mc.benefitCostRatio.p95, mc.benefitCostRatio.mean],
        [money(S.pvAvoided), mc.pvExpectedAvoidedValueAdded.p5, mc.pvExpectedAvoidedValueAdded.p50, mc.pvExpectedAvoidedValueAdded.p95, mc.pvExpectedAvoidedValueAdded.mean],
        [tr(S.atLeastOne), mc.probabilityAtLeastOne, null, null, null],
      ],
      "body",
      [null, "#,##0.00", "#,##0.00", "#,##0.00", "#,##0.00"],
    );
    tagged.push([dRow, 3]);
    s.skip();
    tagged.push(fanBlock(s, mc, lang));
    s.add([[tr(S.tornado)]], "subtitle");
    const labelOf = new Map(allJudgementParameters().map((p) => [p.key, tr(p.label)]));
    const tHead = s.add([[tr(H.item), tr(H.low), tr(H.high), tr(S.bcAtLow), tr(S.bcAtHigh), tr(S.swing)]], "header");
    const tRow = s.add(
      mc.tornado.bars.map((b) => [labelOf.get(b.key) ?? b.key, b.low, b.high, b.outputLow, b.outputHigh, b.swing]),
      "body",
      [null, "#,##0.###", "#,##0.###", "#,##0.00", "#,##0.00", "#,##0.00"],
    );
    tagged.push([tRow, mc.tornado.bars.length]);
    if (mc.tornado.bars.length)
      s.chart({
        type: "bar",
        title: tr(S.tornado),
        categories: { row: tRow, col: 0, rows: mc.tornado.bars.length, cols: 1 },
        series: [
          { name: tr(S.bcAtLow), values: { row: tRow, col: 3, rows: mc.tornado.bars.length, cols: 1 } },
          { name: tr(S.bcAtHigh), values: { row: tRow, col: 4, rows: mc.tornado.bars.length, cols: 1 } },
        ],
        yAxisTitle: tr(S.bc),
        anchor: { row: tHead, col: 7, widthCols: 8, heightRows: Math.max(14, mc.tornado.bars.length + 2) },
      });
    s.skip(Math.max(2, 16 - mc.tornado.bars.length));
  }
  s.add([[tr(S.scenarios)]], "subtitle");
  s.add([[tr(H.scenario), tr(H.probability), tr(H.months), tr(H.cut), tr(H.shortWithout), tr(H.shortWith), money(H.outWithout), money(H.outWith), money(H.gvaWithout), money(H.gvaWith), money(H.avoided)]], "header");
  const scRow = s.add(
    r.scenarios.map((x) => [
      tr(x.label),
      x.probability,
      x.event.months,
      Math.max(0, ...x.event.cutByOrigin),
      x.total.shortfall.without,
      x.total.shortfall.with,
      x.total.without.output,
      x.total.with.output,
      x.total.without.valueAdded,
      x.total.with.valueAdded,
      x.total.avoided.valueAdded,
    ]),
    "body",
    [null, "0.000", "0", "0%", "#,##0", "#,##0", "#,##0", "#,##0", "#,##0", "#,##0", "#,##0"],
  );
  // the scenario's own figures (probability, months, cut) do not depend on the plans
  tagged.push([scRow, r.scenarios.length, [4, 5, 6, 7, 8, 9, 10]]);
  keyed.set(scRow, r.scenarios.map((_, i) => SECURITY_KEYS.scenario(i)));
  s.skip();

  s.add([[tr(S.byYear)]], "subtitle");
  const yHead = s.add([[tr(H.year), ...r.scenarios.map((x) => `${money(H.avoided)}: ${tr(x.label)}`), money(H.expected), tr(H.discount), money(H.pv)]], "header");
  const yRow = s.add(
    r.years.map((y, t) => {
      const df = r.discountFactors[t];
      const e = r.expectedAnnualAvoided[t].valueAdded;
      return [yearLabel(y, lang), ...r.scenarios.map((x) => x.byYear[t].avoided.valueAdded), e, df, e * df] as CellSpec[];
    }),
    "body",
    [null, ...r.scenarios.map(() => "#,##0"), "#,##0", "0.0000", "#,##0"],
  );
  tagged.push([yRow, r.years.length]);
  keyed.set(yRow, r.years.map((_, t) => SECURITY_KEYS.year(t)));
  const expCol = 1 + r.scenarios.length;
  s.chart({
    type: "column",
    title: tr(S.chart),
    categories: { row: yRow, col: 0, rows: r.years.length, cols: 1 },
    series: [{ name: money(H.expected), values: { row: yRow, col: expCol, rows: r.years.length, cols: 1 } }],
    yAxisTitle: money(H.expected),
    anchor: { row: yHead, col: expCol + 4, widthCols: 8, heightRows: Math.max(14, r.years.length + 2) },
  });
  s.skip();

  const chain = chainBlock(s, run, input.unit, lang);
  tagged.push(...chain.tagged);
  for (const [row, keys] of chain.keyed) keyed.set(row, keys);
  priceBlock(s, input, tagged);
  pathBlock(s, run, input.unit, lang, tagged);

  s.add([[tr(S.params)]], "subtitle");
  parameterTable(s, run, lang);
  s.skip();
  s.add([[tr(S.concordance)]], "subtitle");
  s.add([[tr(H.application), tr(H.sector)]], "header");
  s.add(run.build.concordance.map((c) => [tr(applicationName(c.application)), c.sectorLabel]), "body");
  s.skip();
  s.add([[tr(S.method)]], "subtitle");
  s.add([[tr(SECURITY_METHOD)], ...run.warnings.map((w) => [w.text[lang]])], "note");
  const main = s.build({ columnWidths: { 0: 44, 1: 16, 2: 14, 3: 12, 4: 16, 5: 16, 6: 18, 7: 18, 8: 18, 9: 18, 10: 18, 11: 14, 12: 14 } });
  main.blocks = main.blocks.map((b) => {
    const t = tagged.find(([row]) => row === b.row);
    const keys = keyed.get(b.row);
    let out: typeof b = b;
    if (t && !t[2]) out = { ...b, rowTags: tagRows(t[1]) };
    else if (t && t[2]) {
      const cellTags: Record<string, RowTag> = {};
      for (let i = 0; i < t[1]; i++) for (const c of t[2]) cellTags[`${i},${c}`] = tag;
      out = { ...b, cellTags };
    }
    if (keys) out = { ...out, rowTags: Object.fromEntries(keys.map((key, i) => [i, { ...(out.rowTags?.[i] ?? {}), key }])) };
    return out;
  });
  return [main, securityParameterSheet(run, lang)];
}

type Tagged = [number, number, number[]?][];

/** The judgement parameters in use with their ranges, grades and sources (the same table on the
 * main sheet and on the editable parameter sheet, which a second run reads back by Key/Value). */
function parameterTable(s: SheetBuilder, run: SecurityRun, lang: Lang): void {
  const tr = (b: Bilingual) => b[lang];
  s.add([[tr(H.item), tr(H.value), tr(H.low), tr(H.high), tr(H.unit), tr(H.grade), tr(H.source)]], "header");
  const used = run.build.parameters;
  s.add(
    allJudgementParameters()
      .filter((p) => used[p.key] !== undefined)
      .map((p) => [tr(p.label), used[p.key], p.low, p.high, unitName(p.unit, lang), p.grade === "J" ? (lang === "ja" ? "判断" : "judgement") : p.grade, tr(p.source)]),
    "body",
  );
}

/** The premium through the cost-push model, per scenario with an event and fiscal year: the
 * premium, the imported share without/with the plans, the price change of each downstream sector
 * of the concordance without/with. */
function priceBlock(s: SheetBuilder, input: SecurityReportInput, tagged: Tagged): void {
  const { run, lang } = input;
  const tr = (b: Bilingual) => b[lang];
  const setup = run.build.input.price;
  if (!setup) return;
  s.add([[tr(P.price)]], "subtitle");
  if (!setup.ok) {
    s.add([[setup.reason[lang]]], "note");
    s.skip();
    return;
  }
  s.add([[tr(P.priceHow).replace("{m}", setup.context.magnetLabel)]], "note");
  const sectors = [...new Set(run.build.concordance.map((c) => c.sector))];
  const events = run.result.scenarios.filter((x) => x.event.months > 0);
  if (events.every((x) => !(x.event.premium ?? 0))) {
    // a table of zeros says nothing the note does not
    s.add([[tr(P.noPremium)]], "note");
    s.skip();
    return;
  }
  const label = (j: number) => run.build.sectors[j];
  s.add(
    [[tr(H.scenario), tr(H.year), tr(H.premium), tr(H.shareWithout), tr(H.shareWith), ...sectors.flatMap((j) => [`${tr(H.priceWithout)}: ${label(j)}`, `${tr(H.priceWith)}: ${label(j)}`])]],
    "header",
  );
  const rows: CellSpec[][] = events.flatMap((x) =>
    x.byYear.map((y) => [
      tr(x.label),
      yearLabel(y.year, lang),
      x.event.premium ?? 0,
      y.without.price?.importShare ?? null,
      y.with.price?.importShare ?? null,
      ...sectors.flatMap((j) => [y.without.price?.percent[j] ?? null, y.with.price?.percent[j] ?? null]),
    ]),
  );
  if (rows.length) {
    const row = s.add(rows, "body", [null, null, "0%", "0.0%", "0.0%", ...sectors.flatMap(() => ["0.0000", "0.0000"])]);
    tagged.push([row, rows.length]);
  }
  s.skip();
}

/** The editable parameter sheet: key, value, low, high, unit, grade, source. A run on a workbook
 * holding this sheet (by its name) takes the values in the Value column. */
export function securityParameterSheet(run: SecurityRun, lang: Lang): SheetSpec {
  const tr = (b: Bilingual) => b[lang];
  const s = new SheetBuilder("security-params", tr(SECURITY_SHEETS.params));
  s.add([[tr(S.params)]], "title");
  parameterTable(s, run, lang);
  return s.build({ columnWidths: { 0: 48, 1: 12, 2: 10, 3: 10, 4: 10, 5: 8, 6: 80 } });
}

/** The results workbook with the security sheets after the summary and the B/C (economic
 * security) as a headline under the summary's figures. */
export function withSecurity(spec: import("./spec").WorkbookSpec, input: SecurityReportInput): import("./spec").WorkbookSpec {
  const sheets = securitySheets(input);
  const [summary, ...rest] = spec.sheets;
  const tr = (b: Bilingual) => b[input.lang];
  const r = input.run.result;
  const bottom = Math.max(0, ...summary.blocks.map((b) => b.row + b.values.length));
  const headline = {
    row: bottom,
    col: 0,
    style: "total" as const,
    values: [[tr(S.bc), r.benefitCostRatio ?? "—", `${tr(S.bcExplain)}（${tr(SECURITY_SHEETS.main)}）`]] as CellSpec[][],
    numberFormat: [null, "#,##0.00", null],
    rowTags: { 0: { projects: input.planIds } },
  };
  return { ...spec, sheets: [{ ...summary, blocks: [...summary.blocks, headline] }, ...sheets, ...rest] };
}

/** The plans whose capacity the "with" figures contain: NdFeB plans not cancelled. */
export function securityPlanIds(projects: import("../engine/projects/parse").Project[]): string[] {
  return projects.filter((p) => NDFEB_TYPES.has(p.magnetType) && p.status !== "cancelled").map((p) => p.id);
}
