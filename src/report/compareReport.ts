// The 比較 (Comparison) sheet of two projects runs (usecases/compare.ts): the headline figures
// side by side, what changed in the inputs (checksums, parameters, plans) and how much each change
// moved the results, one group of inputs at a time in the stated order. Formats only: every number
// comes from the runner.

import type { Lang } from "../engine/errors";
import type { AttributionStep, CompareResult, Group, HeadlineKey } from "./compareModel";
import type { BlockSpec, CellSpec, WorkbookSpec } from "./spec";
import { personsLabel, unitLabel } from "./labels";

type L2 = { ja: string; en: string };
const L = (ja: string, en: string): L2 => ({ ja, en });

type Unit = "money" | "persons" | "times" | "ratio" | "tonnesPerYear" | "tonnes";

const HEADLINE: Record<HeadlineKey, { name: L2; unit: Unit }> = {
  output: { name: L("生産誘発額（総合効果・累計）", "Induced output (total effect, cumulative)"), unit: "money" },
  valueAdded: { name: L("粗付加価値誘発額（累計）", "Induced gross value added (cumulative)"), unit: "money" },
  compensation: { name: L("雇用者所得誘発額（累計）", "Induced compensation (cumulative)"), unit: "money" },
  employment: { name: L("雇用誘発数（累計）", "Induced employment (cumulative)"), unit: "persons" },
  capex: { name: L("設備投資額（累計）", "Capex (cumulative)"), unit: "money" },
  subsidy: { name: L("補助金額（累計）", "Subsidy (cumulative)"), unit: "money" },
  pvValueAdded: { name: L("粗付加価値誘発額の現在価値", "Present value of induced gross value added"), unit: "money" },
  pvSubsidy: { name: L("補助金の現在価値", "Present value of the subsidy"), unit: "money" },
  valueAddedPerSubsidy: { name: L("補助金1円当たり粗付加価値誘発額（参考）", "Induced gross value added per yen of subsidy (reference)"), unit: "times" },
  multiple: { name: L("波及倍率", "Ripple multiple"), unit: "times" },
  pvAvoidedValueAdded: { name: L("回避される粗付加価値損失の期待現在価値", "PV of the expected avoided loss of gross value added"), unit: "money" },
  securityBenefitCost: { name: L("B/C（経済安全保障）", "B/C (economic security)"), unit: "times" },
  kpiRatio: { name: L("KPI 国内生産能力÷国内需要（KPI 年度）", "KPI domestic capacity ÷ domestic demand (KPI year)"), unit: "ratio" },
  kpiCapacity: { name: L("国内生産能力（KPI 年度）", "Domestic capacity (KPI year)"), unit: "tonnesPerYear" },
  kpiDemand: { name: L("国内需要（KPI 年度）", "Domestic demand (KPI year)"), unit: "tonnes" },
};

export const GROUP_NAMES: Record<Group, L2> = {
  table: L("産業連関表（部門分割を含む）", "Input-output table (with the sector split)"),
  parameters: L("パラメータ（オプション・パラメータシート）", "Parameters (options, parameter sheet)"),
  plans: L("事業計画・投資転換表", "Plans and capex converters"),
  market: L("市場・安全保障の入力", "Market and security inputs"),
};

const ROLE_NAMES: Record<string, L2> = {
  table: L("産業連関表", "Input-output table"),
  split: L("部門分割", "Sector split"),
  params: L("パラメータ", "Parameters"),
  projects: L("事業計画", "Plans"),
  converters: L("投資転換表", "Capex converters"),
  marketParams: L("磁石パラメータ", "Magnet parameters"),
  marketScenarios: L("シナリオ", "Scenarios"),
};

const CHANGE = { added: L("追加", "added"), removed: L("削除", "removed"), changed: L("変更", "changed") };

const FMT = { money: "#,##0.0", persons: "#,##0", times: "0.00", pct: "0.0%", ratio: "0.0%", tonnesPerYear: "#,##0", tonnes: "#,##0" } as const;

function unitText(u: Unit, unit: string | null, lang: Lang): string {
  if (u === "persons") return personsLabel(lang);
  if (u === "times") return lang === "ja" ? "倍" : "times";
  if (u === "ratio") return "%";
  if (u === "tonnesPerYear") return lang === "ja" ? "t/年" : "t/yr";
  if (u === "tonnes") return "t";
  return unitLabel(unit, lang);
}

/** A headline's name with its unit, e.g. 生産誘発額（総合効果・累計）（百万円）. */
export function headlineName(key: HeadlineKey, unit: string | null, lang: Lang): string {
  const d = HEADLINE[key];
  return lang === "ja" ? `${d.name.ja}（${unitText(d.unit, unit, lang)}）` : `${d.name.en} (${unitText(d.unit, unit, lang)})`;
}

export function buildCompareReport(r: CompareResult, opts: { lang: Lang; version: string; now?: Date }): WorkbookSpec {
  const { lang } = opts;
  const t = (x: L2) => x[lang];
  const blocks: BlockSpec[] = [];
  let row = 0;
  const put = (values: CellSpec[][], style?: BlockSpec["style"], numberFormat?: BlockSpec["numberFormat"]) => {
    if (values.length === 0) return;
    blocks.push({ row, col: 0, values, ...(style ? { style } : {}), ...(numberFormat ? { numberFormat } : {}) });
    row += values.length;
  };
  const gap = () => (row += 1);

  put([[r.kind === "market" ? t(L("前回と今回の比較（需給モデル・再推計）", "Comparison of two market runs (re-estimate)")) : t(L("前回と今回の比較（再推計）", "Comparison of two runs (re-estimate)"))]], "title");
  put(
    [
      [t(L("前回", "Old")), r.old.file, `Ripple ${r.old.version}`, r.old.createdAt],
      [t(L("今回", "New")), r.new.file, `Ripple ${r.new.version}`, r.new.createdAt],
    ],
    "body",
  );
  gap();

  // 1. Headline figures side by side.
  put([[t(L("主要指標", "Key results"))]], "subtitle");
  put([[t(L("指標", "Indicator")), t(L("単位", "Unit")), t(L("前回", "Old")), t(L("今回", "New")), t(L("増減", "Change")), t(L("増減率", "Change %"))]], "header");
  for (const h of r.headlines) {
    const d = HEADLINE[h.key];
    const fmt = FMT[d.unit];
    blocks.push({
      row,
      col: 0,
      values: [[t(d.name), unitText(d.unit, r.unit, lang), h.old ?? "—", h.new ?? "—", h.change ?? "—", h.changeRatio ?? "—"]],
      style: "body",
      numberFormat: [null, null, fmt, fmt, fmt, FMT.pct],
    });
    row += 1;
  }
  gap();

  // 2. What changed in the inputs.
  put([[t(L("入力の変更（チェックサム SHA-256）", "Changes in the inputs (SHA-256 checksums)"))]], "subtitle");
  put([[t(L("入力", "Input")), t(L("シート（前回）", "Sheet (old)")), t(L("チェックサム（前回）", "Checksum (old)")), t(L("シート（今回）", "Sheet (new)")), t(L("チェックサム（今回）", "Checksum (new)")), t(L("変更", "Changed"))]], "header");
  put(
    r.inputs.map((x) => [t(ROLE_NAMES[x.role]), x.old?.sheet ?? "—", x.old?.checksum ?? "—", x.new?.sheet ?? "—", x.new?.checksum ?? "—", x.changed ? t(L("変更あり", "changed")) : t(L("同じ", "same"))]),
    "body",
  );
  gap();
  put([[t(L("パラメータの変更", "Changed parameters"))]], "subtitle");
  if (r.parameters.length === 0) put([[t(L("変更なし", "None"))]], "body");
  else {
    put([[t(L("パラメータ", "Parameter")), t(L("設定した場所", "Set in")), t(L("前回", "Old")), t(L("今回", "New"))]], "header");
    put(r.parameters.map((p) => [t(p.name), t(p.where), p.old ?? "—", p.new ?? "—"]), "body");
  }
  gap();
  put([[t(L("事業計画の変更", "Changed plans"))]], "subtitle");
  if (r.plans.length === 0) put([[t(L("変更なし", "None"))]], "body");
  else {
    put([[t(L("計画ID", "Plan ID")), t(L("変更", "Change")), t(L("項目", "Field")), t(L("前回", "Old")), t(L("今回", "New"))]], "header");
    const rows: CellSpec[][] = [];
    for (const p of r.plans) {
      if (p.fields.length === 0) rows.push([p.id, t(CHANGE[p.change]), "", "", ""]);
      for (const f of p.fields) rows.push([p.id, t(CHANGE[p.change]), f.field, f.old ?? "—", f.new ?? "—"]);
    }
    put(rows, "body");
  }
  gap();

  // 3. Attribution, one group at a time.
  attribution(r, lang, (values, style, fmt) => put(values, style, fmt));
  return {
    lang,
    marking: t(L("取扱注意", "Confidential - internal use only")),
    sheets: [{ key: "compare", name: t(L("比較", "Comparison")), blocks, columnWidths: { 0: 44, 1: 16, 2: 18, 3: 18, 4: 18, 5: 18, 6: 18 }, freeze: { rows: 0, cols: 1 } }],
    provenance: {
      software: "Ripple",
      version: opts.version,
      createdAt: (opts.now ?? new Date()).toISOString(),
      inputs: [
        { description: `${t(L("前回", "Old"))}: ${r.old.file}` },
        { description: `${t(L("今回", "New"))}: ${r.new.file}` },
      ],
      parameters: [],
      variants: [],
      warnings: [],
    },
  };
}

function attribution(r: CompareResult, lang: Lang, put: (v: CellSpec[][], s?: BlockSpec["style"], f?: BlockSpec["numberFormat"]) => void): void {
  const t = (x: L2) => x[lang];
  const keys = r.headlines.map((h) => h.key);
  const fmts = [null, ...keys.map((k) => FMT[HEADLINE[k].unit])];
  put([[t(L("変更の寄与（要因分解）", "What each change contributed (attribution)"))]], "subtitle");
  const order = (Object.keys(GROUP_NAMES) as Group[]).map((g, i) => `${i + 1}. ${t(GROUP_NAMES[g])}`).join(" → ");
  put(
    [
      [
        lang === "ja"
          ? `前回の入力から始め、今回の入力に一群ずつ置き換えて計算し直した各段階の増減。順序: ${order}。変更のない群は省略。各段階の合計は今回 − 前回に一致します（順序を変えると各段階の値は変わり得ます）。`
          : `Starting from the old run's inputs, each group is replaced by the new run's and the run recomputed; each step is the change it makes. Order: ${order}. Unchanged groups are left out. The steps add up to new − old (another order can split the change differently).`,
      ],
    ],
    "note",
  );
  put([[t(L("段階（置き換えた入力）", "Step (inputs replaced)")), ...keys.map((k) => headlineName(k, r.unit, lang))]], "header");
  const cell = (v: number | null | undefined): CellSpec => (typeof v === "number" ? v : "—");
  const stepRows = r.steps.map((s: AttributionStep, i) => [`${i + 1}. ${s.groups.map((g) => t(GROUP_NAMES[g])).join(" + ")}`, ...keys.map((k) => cell(s.effects[k]))]);
  if (stepRows.length === 0) put([[t(L("入力の変更なし（増減 0）", "No input changed (no change)")), ...keys.map(() => 0)]], "body", fmts);
  else put(stepRows, "body", fmts);
  put([[t(L("合計（今回 − 前回）", "Total (new − old)")), ...r.headlines.map((h) => cell(h.change))]], "total", fmts);
  const notes = r.steps.filter((s) => s.merged).map((s) => `${s.groups.map((g) => t(GROUP_NAMES[g])).join(" + ")}: ${s.merged![lang]}`);
  if (notes.length)
    put(
      notes.map((n) => [(lang === "ja" ? "一緒に置き換えた理由（前回の他の入力では計算できないため）: " : "Replaced together (the old run's other inputs do not fit): ") + n]),
      "note",
    );
}
