// Writes assets/ripple-sample.xlsx, the workbook `ripple demo` and the add-in's sample use:
//   取引基本表  Japan 2011, 13 sectors, MIC layout, exactly as assets/data/jp-io-2011-13/…_ja.csv
//   ショック    an illustrative shock: the FY2025 supplementary-budget top-up for permanent
//               magnets spread over sectors by the capex converter (assets/data/magnet-market)
//   出典        the sources of both
// Run: npx tsx scripts/make-sample.ts  (the file is committed; rerun when the data change).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsv } from "../src/engine/table/csv";
import type { CellSpec, SheetSpec, WorkbookSpec } from "../src/report/spec";
import { writeXlsx } from "../src/workbook/xlsx";

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
    sheets: [tableSheet, shockSheet, sourceSheet],
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
