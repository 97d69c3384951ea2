// Writes assets/ripple-sample.xlsx, the workbook `ripple demo` and the add-in's sample use:
//   取引基本表  Japan 2011, 13 sectors, MIC layout, exactly as assets/data/jp-io-2011-13/…_ja.csv
//   部門分割    ネオジム磁石 split out of 03 製造業 (illustrative output and cost structure)
//   事業計画    four illustrative, confidential plans (one per magnet type)
//   投資転換表  the default capex converter of defaults.csv with its sources
//   パラメータ  defaults.csv row for row, plus the evaluation's discount rate
//   選択肢      the values behind the drop-down lists
//   ショック    an illustrative shock: the FY2025 supplementary-budget top-up for permanent
//               magnets spread over sectors by the capex converter (assets/data/magnet-market)
//   出典        the sources of all of them
// Run: npx tsx scripts/make-sample.ts  (the file is committed; rerun when the data change).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsv } from "../src/engine/table/csv";
import { buildTable, recognizeLayout } from "../src/engine/table";
import { citation, param, type Parameter, parseParameters, sourceOf } from "../src/engine/params/defaults";
import { sourceName } from "../src/engine/params/names";
import {
  defaultConverterRows,
  parameterSheet,
  projectTemplate,
  splitSheet,
  type SplitRow,
  type TemplatePlan,
} from "../src/report/projectTemplate";
import type { CellSpec, SheetSpec, WorkbookSpec } from "../src/report/spec";
import { writeXlsx } from "../src/workbook/xlsx";
import { defaultScenarios } from "../src/engine/market/defaults";
import { marketTemplate } from "../src/report/marketTemplate";

const root = join(__dirname, "..");
const data = join(root, "assets", "data");

/** The magnet-market defaults, keyed by "block/parameter". */
function readDefaults(): Map<string, { value: number; unit: string; grade: string; source: string }> {
  const grid = parseCsv(readFileSync(join(data, "magnet-market", "defaults.csv"), "utf8"), "defaults.csv");
  const [header, ...rows] = grid.values;
  const col = (name: string) => header.indexOf(name);
  const out = new Map<string, { value: number; unit: string; grade: string; source: string }>();
  for (const r of rows) {
    const value = r[col("value")];
    if (typeof value !== "number") continue;
    out.set(`${r[col("block")]}/${r[col("parameter")]}`, {
      value,
      unit: String(r[col("unit")] ?? ""),
      grade: String(r[col("grade")] ?? ""),
      source: String(r[col("source")] ?? ""),
    });
  }
  return out;
}

function need<T>(m: Map<string, T>, key: string): T {
  const v = m.get(key);
  if (!v) throw new Error(`defaults.csv has no row ${key}`);
  return v;
}

/** The sample's parameter sheet: defaults.csv row for row, plus the evaluation's discount rate. */
export function sampleParameters(): Parameter[] {
  const params = parseParameters(readFileSync(join(data, "magnet-market", "defaults.csv"), "utf8"));
  return [
    ...params,
    {
      block: "evaluation",
      name: "discount rate",
      value: 0.04,
      unit: "per year",
      low: null,
      high: null,
      grade: "A",
      source: "国土交通省「公共事業評価の費用便益分析に関する技術指針（共通編）」社会的割引率 4%",
    },
  ];
}

export const MAGNET_SECTOR = "ネオジム磁石";

const fmt = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 4 });

/** The demand-share model's input sheets (parameters with sources and grades, scenarios, demand
 * drivers) as the add-in's template inserts them, filled with the defaults. */
function marketSheets(): SheetSpec[] {
  const params = parseParameters(readFileSync(join(data, "magnet-market", "defaults.csv"), "utf8"));
  return marketTemplate(params, defaultScenarios(params), "ja");
}

/** The split, project, converter, parameter and list sheets of the sample (Japanese). */
export function projectSheets(tableValues: CellSpec[][]): SheetSpec[] {
  const params = sampleParameters();
  const p = (block: string, name: string) => param(params, block, name);
  const cite = (x: Parameter) => citation(params, x, "ja");
  const grid = { sheet: "取引基本表", origin: { row: 0, col: 0 }, values: tableValues as (string | number | boolean | null)[][] };
  const table = buildTable(grid, recognizeLayout(grid));
  const labels = table.sectors.map((x) => (x.code ? `${x.code} ${x.name}` : x.label));
  const manufacturing = labels[table.sectors.findIndex((x) => x.name === "製造業")];

  // ---- 部門分割: ネオジム磁石 out of 03 製造業 ----
  const output2024 = p("japan", "domestic NdFeB output 2024 (plants in Japan)");
  const price = p("price", "Japanese automotive-grade NdFeB");
  const ndpr = p("composition", "Nd+Pr content of NdFeB");
  const dy = p("composition", "Dy+Tb content EV grade 2024");
  const ndprPrice = p("price", "NdPr oxide 2024");
  const dyPrice = p("price", "Dy oxide 2024");
  const magnetOutput = (output2024.value * price.value) / 1000; // t × 円/kg × 1000 kg/t ÷ 10⁶ = 百万円
  const usdPerKg = ndpr.value * ndprPrice.value + dy.value * dyPrice.value;
  const yenPerUsd = 150;
  const rareEarthShare = (usdPerKg * yenPerUsd) / price.value;
  const label = (code: string) => labels.find((l) => l.startsWith(code + " "))!;
  const parentIndex = table.sectors.findIndex((x) => x.name === "製造業");
  // The parent's own coefficient a_ip = Z_ip / x_p, computed from the table for comparison.
  const parentCoef = (code: string) => {
    const i = table.sectors.findIndex((x) => x.code === code);
    return (table.Z[i][parentIndex] / table.x[parentIndex]).toFixed(3);
  };
  const inputs: { code: string; coef: number; why: string }[] = [
    {
      code: "03",
      coef: 0.5,
      why: `例示。希土類原料費 = Nd+Pr ${ndpr.value} kg/kg × ${ndprPrice.value} USD/kg + Dy+Tb ${dy.value} kg/kg × ${dyPrice.value} USD/kg（USGS 2025、信頼度 A）= ${fmt(usdPerKg)} USD/kg、${yenPerUsd} 円/USD（仮定）で単価 ${fmt(price.value)} 円/kg の ${(rareEarthShare * 100).toFixed(0)}%。酸化物→金属・合金の加工、鉄・ボロン・コバルト・表面処理材を加えて 0.50 とした`,
    },
    { code: "05", coef: 0.04, why: `例示。焼結炉・熱処理の電力が多いと仮定し、親部門（製造業）の係数 ${parentCoef("05")} の約2倍` },
    { code: "06", coef: 0.03, why: `例示。原料の直接調達で商業マージンは親部門の ${parentCoef("06")} より小さいと仮定` },
    { code: "07", coef: 0.01, why: `例示。親部門の係数 ${parentCoef("07")} 程度` },
    { code: "08", coef: 0.005, why: `例示。工場の賃借等。親部門の係数 ${parentCoef("08")} 程度` },
    { code: "09", coef: 0.02, why: `例示。親部門の係数 ${parentCoef("09")} 程度` },
    { code: "10", coef: 0.005, why: `例示。親部門の係数 ${parentCoef("10")} 程度` },
    { code: "12", coef: 0.06, why: `例示。保守・研究開発・外注加工。親部門の係数 ${parentCoef("12")} 程度` },
  ];
  const splitRows: SplitRow[] = [
    {
      label: MAGNET_SECTOR,
      parent: manufacturing,
      output: magnetOutput,
      source: `【例示】生産額 = 国内生産量 ${fmt(output2024.value)} t（${cite(output2024)}）× 単価 ${fmt(price.value)} 円/kg（${cite(price)}）÷ 1,000 = ${fmt(magnetOutput)} 百万円。2024年の数量・価格を2011年表に置いた例示値`,
    },
    ...inputs.map((x): SplitRow => ({ label: MAGNET_SECTOR, input: label(x.code), coefficient: x.coef, source: x.why })),
  ];
  const gva = 1 - inputs.reduce((a, x) => a + x.coef, 0);
  const split = splitSheet("ja", splitRows, [
    `【例示】投入構造は例示です（計 ${fmt(1 - gva)}、粗付加価値等 ${fmt(gva)} は親部門の内訳の比で配分）。実際の分析では企業の原価構成や工業統計から置き換えてください。`,
    "親部門の列から新部門の投入が差し引かれ、行（販路）は産出シェアで按分されます。分割後も表の行和・列和は元の表と一致します（検算済み）。",
  ]);

  // ---- 事業計画: four illustrative, confidential plans ----
  const capexPerT = p("subsidy", "capex per t/yr of sintered NdFeB capacity");
  const rateMfg = p("subsidy", "subsidy rate magnet manufacturing capex");
  const rateRec = p("subsidy", "subsidy rate magnet recycling capex");
  const minNd = p("policy", "minimum NdFeB capacity increase per supported plan");
  const minSm = p("policy", "minimum SmCo capacity kept per supported plan");
  const common = `単価 ${fmt(price.value)} 円/kg（${cite(price)}）。補助率は上限（${sourceName(sourceOf(params, rateMfg), "ja")}）。稼働率・立上げ・置換率・年度配分は例示の仮定`;
  const plan = (
    id: string,
    letter: string,
    magnetType: string,
    capacity: number,
    capexSplit: Record<number, number>,
    v: { start: number; ramp: number; util: number; treatment: string; displacement: number; sector: string; status: string; rate: Parameter },
    basis: string,
  ): TemplatePlan => {
    const capex = capacity * capexPerT.value;
    return {
      values: {
        id,
        company: `例示磁石株式会社${letter}`,
        confidential: true,
        magnetType,
        subsidyRate: v.rate.value,
        capacity,
        startYear: v.start,
        rampYears: v.ramp,
        utilization: v.util,
        unitValue: price.value,
        treatment: v.treatment,
        displacement: v.displacement,
        sector: v.sector,
        converter: "標準",
        status: v.status,
        notes: `【例示】${basis}。設備投資 = ${fmt(capacity)} t/年 × ${capexPerT.value} 百万円/(t/年)（${cite(capexPerT)}）= ${fmt(capex)} 百万円。${common}`,
      },
      capex: Object.fromEntries(Object.entries(capexSplit).map(([y, share]) => [Number(y), capex * share])),
    };
  };
  const plans: TemplatePlan[] = [
    plan("P-01", "A", "ネオジム焼結磁石", 2 * minNd.value, { 2025: 0.4, 2026: 0.6 }, { start: 2027, ramp: 2, util: 0.8, treatment: "輸入代替", displacement: 0.2, sector: MAGNET_SECTOR, status: "計画どおり", rate: rateMfg }, `能力 = NdFeB の最低要件 ${minNd.value} t/年（${cite(minNd)}）の2倍`),
    plan("P-02", "B", "重希土類フリー熱間加工磁石", minNd.value + 100, { 2026: 1 / 3, 2027: 2 / 3 }, { start: 2028, ramp: 3, util: 0.75, treatment: "新規国内需要", displacement: 0.3, sector: MAGNET_SECTOR, status: "遅延", rate: rateMfg }, `能力 = 最低要件 ${minNd.value} t/年 + 100 t/年。進捗「遅延」は KPI の例示`),
    plan("P-03", "C", "サマリウムコバルト磁石", minSm.value, { 2025: 1 }, { start: 2026, ramp: 1, util: 0.8, treatment: "輸出", displacement: 0.1, sector: manufacturing, status: "計画どおり", rate: rateMfg }, `能力 = SmCo の最低要件 ${minSm.value} t/年（${cite(minSm)}）。SmCo の単価・設備単価は既定値にないため NdFeB の値を代用（例示）。産業部門は親部門 ${manufacturing}（投入構造の比較用）`),
    plan("P-04", "D", "磁石リサイクル", 200, { 2026: 1 }, { start: 2027, ramp: 2, util: 0.7, treatment: "輸入代替", displacement: 0.2, sector: manufacturing, status: "計画どおり", rate: rateRec }, `能力 200 t/年（例示）。補助率 1/2（${cite(rateRec)}）。再生材の単価・設備単価は NdFeB の値を代用（例示）`),
  ];
  const converters = defaultConverterRows(params, "ja", { construction: label("04"), machinery: manufacturing, other: label("12") });
  const [projects, converterSheet, lists] = projectTemplate("ja", {
    firstYear: 2025,
    lastYear: 2027,
    sectors: [...labels, MAGNET_SECTOR],
    converters,
    rows: 50,
    examples: plans,
    banner: { ja: "【例示・非公開】架空の計画です（実在の事業者・計画ではありません）。", en: "[Illustrative, confidential] Fictitious plans (no real company or plan)." },
  });
  return [split, projects, converterSheet, parameterSheet("ja", params), lists];
}

export function sampleSpec(): WorkbookSpec {
  // 取引基本表: the CSV cell for cell (codes stay text, numbers are numbers).
  const table = parseCsv(
    readFileSync(join(data, "jp-io-2011-13", "io2011_13sector_ja.csv"), "utf8"),
    "io2011_13sector_ja.csv",
  );
  const tableSheet: SheetSpec = {
    key: "table",
    name: "取引基本表",
    blocks: [{ row: 0, col: 0, values: table.values as CellSpec[][], numberFormat: "#,##0;-#,##0" }],
    columnWidths: { 0: 6, 1: 34 },
    freeze: { rows: 3, cols: 2 },
  };

  // ショック: total × converter shares. Sector labels are the table's "code name".
  const d = readDefaults();
  const budget = need(d, "policy/FY2025 supplementary budget top-up (permanent magnets)");
  const parts = [
    { key: "io/capex converter construction share", sector: "04 建設", what: "建設（工場建屋）" },
    { key: "io/capex converter machinery share", sector: "03 製造業", what: "機械設備" },
    { key: "io/capex converter other share", sector: "12 サービス", what: "その他（設計・据付等）" },
  ].map((p) => ({ ...p, share: need(d, p.key).value }));
  const shockRows: CellSpec[][] = parts.map((p) => [p.sector, budget.value * p.share]);
  const converter = need(d, "io/capex converter construction share");
  const notes: CellSpec[][] = [
    ["注記（例示）"],
    [
      `これは例示のショックです：令和7年度補正予算 永久磁石の上積み ${budget.value.toLocaleString("en-US")} 百万円（${budget.source}、信頼度 ${budget.grade}）を、設備投資の費目構成（建設 ${parts[0].share * 100}%・機械 ${parts[1].share * 100}%・その他 ${parts[2].share * 100}%、${converter.source}、信頼度 ${converter.grade}）で部門に配分したもの。`,
    ],
    ["配分：" + parts.map((p) => `${p.what} → ${p.sector}`).join("、") + "。単位は百万円（生産者価格）。"],
    ["事業計画（プロジェクト）シートから作るショックに置き換わる予定です。実際の分析では、支援対象事業の設備投資額と費目構成を入力してください。"],
    [
      `Illustrative only: the FY2025 supplementary-budget top-up for permanent magnets, ${budget.value.toLocaleString("en-US")} million yen (${budget.source}), spread by the capex converter (construction ${parts[0].share * 100}%, machinery ${parts[1].share * 100}%, other ${parts[2].share * 100}%; ${converter.source}). A projects sheet will replace it.`,
    ],
  ];
  const shockSheet: SheetSpec = {
    key: "shock",
    name: "ショック",
    blocks: [
      { row: 0, col: 0, values: [["部門", "最終需要増加額（百万円）"]], style: "header" },
      { row: 1, col: 0, values: shockRows, style: "body", numberFormat: [null, "#,##0"] },
      { row: 0, col: 3, values: notes, style: "note" },
    ],
    columnWidths: { 0: 16, 1: 26, 3: 100 },
  };

  const sources: CellSpec[][] = [
    ["出典 / Sources"],
    [],
    ["取引基本表", "総務省ほか「平成23年（2011年）産業連関表」取引基本表（生産者価格評価）13部門、単位 百万円。e-Stat（統計表ファミリー 0003119272）。政府標準利用規約に基づき出典を明示して利用。"],
    ["", "Values as pulled from e-Stat by UchidaMizuki/blog-ioanalysis-in-r (commit 5d9a9cd); layout as in MIC's Excel files. See assets/data/jp-io-2011-13/SOURCE.md."],
    ["ショック：予算額", `${budget.value} ${budget.unit} — ${budget.source}（信頼度 ${budget.grade}）`],
    ...parts.map((p): CellSpec[] => {
      const r = need(d, p.key);
      return [`ショック：${p.what}の比率`, `${r.value} — ${r.source}（信頼度 ${r.grade}）`];
    }),
    ["", "assets/data/magnet-market/defaults.csv（信頼度 A 公的・一次、B 信頼できる二次、C 推計）"],
    ["部門分割", "ネオジム磁石を 03 製造業から分割（例示）。生産額と投入係数の決め方はシート「部門分割」の出典・根拠欄"],
    ["事業計画", "4件の例示の計画（架空・非公開扱い）。各数値の根拠はシート「事業計画」の備考欄。能力・補助率・設備単価・単価は defaults.csv の既定値から"],
    ["投資転換表", "建設 25%・機械 70%・その他 5%（defaults.csv io/capex converter …、信頼度 C）。建設の自給率 1.0 はその理由とともに記載"],
    ["パラメータ", "defaults.csv の全行（値・単位・範囲・信頼度・出典）と評価の割引率 4%（国土交通省 技術指針）"],
    ["作成", "scripts/make-sample.ts（npx tsx scripts/make-sample.ts）"],
  ];
  const sourceSheet: SheetSpec = {
    key: "sources",
    name: "出典",
    blocks: [
      { row: 0, col: 0, values: [sources[0]], style: "title" },
      { row: 2, col: 0, values: sources.slice(2), style: "body" },
    ],
    columnWidths: { 0: 24, 1: 120 },
  };

  return {
    lang: "ja",
    sheets: [tableSheet, ...projectSheets(table.values as CellSpec[][]), ...marketSheets(), shockSheet, sourceSheet],
    provenance: {
      software: "Ripple",
      version: "sample",
      // Fixed so that rerunning the script does not change the committed file's metadata.
      createdAt: "2026-04-01T00:00:00.000Z",
      inputs: [
        { description: "assets/data/jp-io-2011-13/io2011_13sector_ja.csv" },
        { description: "assets/data/magnet-market/defaults.csv" },
      ],
      parameters: [],
      variants: [],
      warnings: [],
    },
  };
}

if (require.main === module) {
  const out = join(root, "assets", "ripple-sample.xlsx");
  writeXlsx(sampleSpec(), out).then(
    () => console.error(`wrote ${out}`),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
