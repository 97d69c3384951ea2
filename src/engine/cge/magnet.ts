// The built-in CGE scenarios of the magnet case (issue 13, CGE.md 3), each number with where it
// comes from: an export-control import-price premium, an import quota equal to what the market
// model's severe scenario leaves of imports, a production subsidy equal to the fund's subsidy, and
// the supported plants' output as a productivity shift. The magnet good's Armington elasticity is
// the market model's short-run default (the shocks are export controls within a year).

import type { Bilingual } from "../errors";
import type { CgeScenario } from "./scenario";

export interface Sourced {
  value: number;
  source: Bilingual;
}

export interface MagnetInputs {
  /** The magnet good's label in the SAM (the split sector). */
  good: string;
  /** Its benchmark output Z0 and production tax rate τz0 (table units). */
  benchmarkOutput: number;
  /** The table's unit as printed (百万円), for the sources; null when the table states none. */
  unit?: string | null;
  tauz0: number;
  sigma: Sourced;
  premium: Sourced;
  /** Severe scenario: imports as a share of the base in the year where the cut bites most. */
  quota: (Sourced & { year: number }) | null;
  /** The fund's subsidy in its peak year (table units). */
  subsidy: (Sourced & { year: number }) | null;
  /** Additional output of the supported plants in the last plan year (table units). */
  plantOutput: (Sourced & { year: number }) | null;
}

export interface ScenarioNote {
  key: string;
  good: string;
  value: number;
  source: Bilingual;
}

/** The built-in scenarios' names: `name` is the scenario's id in JSON and in messages (CLI.md,
 * CGE.md 3: unchanged), `title` what a reader sees in each language. */
export const MAGNET_SCENARIOS = {
  premium: { name: "magnet export-control premium", title: { ja: "磁石の輸出規制による輸入価格上乗せ", en: "Magnet export-control premium" } },
  quota: { name: "magnet import quota (severe scenario)", title: { ja: "磁石の輸入数量制限（深刻シナリオの不足量）", en: "Magnet import quota (severe scenario's shortfall)" } },
  subsidy: { name: "magnet production subsidy (fund)", title: { ja: "補助金相当の生産補助", en: "Magnet production subsidy (the fund's subsidy)" } },
  productivity: { name: "supported plants' productivity", title: { ja: "支援工場の生産性", en: "Supported plants' productivity" } },
} as const satisfies Record<string, { name: string; title: Bilingual }>;

/** What a reader sees for a scenario named `name`: the built-in's title, else the name as given. */
export function scenarioTitle(name: string, lang: "ja" | "en"): string {
  const b = Object.values(MAGNET_SCENARIOS).find((x) => x.name === name);
  return b ? b.title[lang] : name;
}

export interface BuiltinScenario {
  key: "premium" | "quota" | "subsidy" | "productivity";
  scenario: CgeScenario;
  label: Bilingual;
  notes: ScenarioNote[];
  /** The supported plans' figure the scenario is built from (all plans, one fiscal year); the
   * scenario depends on the plans through this figure only. Absent: public inputs only (the
   * IO table and the market data). */
  fromPlans?: { figure: "subsidy" | "additionalOutput"; year: number };
}

const sourced = (formula: Bilingual, src: Bilingual): Bilingual => ({ ja: `${formula.ja}。${src.ja}`, en: `${formula.en}; ${src.en}` });

/** Amounts in the sources as a reader checks them: separators, one decimal, the table's unit. */
const amount = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 1 });
const EN_UNITS: Record<string, string> = { 百万円: "million yen", 千円: "thousand yen", 億円: "100 million yen", 円: "yen" };
function unitOf(unit: string | null | undefined): Bilingual {
  const u = unit?.replace(/^[（(]?単位[:：]?\s*/, "").replace(/[)）]$/, "").trim();
  if (!u) return { ja: "（表の単位）", en: " (table units)" };
  return { ja: ` ${u}`, en: ` ${EN_UNITS[u] ?? u}` };
}
const rate = (v: number) => `${(v * 100).toLocaleString("en-US", { minimumFractionDigits: 3, maximumFractionDigits: 3 })}%`;

export function magnetScenarios(m: MagnetInputs): BuiltinScenario[] {
  const g = m.good;
  const u = unitOf(m.unit);
  const z0 = { ja: `${amount(m.benchmarkOutput)}${u.ja}`, en: `${amount(m.benchmarkOutput)}${u.en}` };
  const el = { armington: { [g]: m.sigma.value } };
  const sigmaNote: ScenarioNote = { key: "elasticities.armington", good: g, value: m.sigma.value, source: m.sigma.source };
  const out: BuiltinScenario[] = [
    {
      key: "premium",
      scenario: { name: MAGNET_SCENARIOS.premium.name, importPrice: { [g]: 1 + m.premium.value }, elasticities: el },
      label: { ja: `磁石の輸出規制による輸入価格上乗せ（輸入価格 +${(m.premium.value * 100).toFixed(0)}%）`, en: `Magnet export-control premium (import price +${(m.premium.value * 100).toFixed(0)}%)` },
      notes: [{ key: "importPrice", good: g, value: 1 + m.premium.value, source: m.premium.source }, sigmaNote],
    },
  ];
  if (m.quota)
    out.push({
      key: "quota",
      scenario: { name: MAGNET_SCENARIOS.quota.name, importQuota: { [g]: m.quota.value }, elasticities: el },
      label: { ja: `磁石の輸入数量制限（深刻シナリオの ${m.quota.year}年の輸入 = 基準の ${(m.quota.value * 100).toFixed(1)}%）`, en: `Magnet import quota (severe scenario, ${m.quota.year}: imports ${(m.quota.value * 100).toFixed(1)}% of base)` },
      notes: [{ key: "importQuota", good: g, value: m.quota.value, source: m.quota.source }, sigmaNote],
    });
  if (m.subsidy) {
    const tz = m.tauz0 - m.subsidy.value / m.benchmarkOutput;
    out.push({
      key: "subsidy",
      scenario: { name: MAGNET_SCENARIOS.subsidy.name, productionTax: { [g]: tz }, elasticities: el },
      fromPlans: { figure: "subsidy", year: m.subsidy.year },
      label: { ja: `磁石の生産補助（基金の ${m.subsidy.year}年度の補助 ${amount(m.subsidy.value)}${u.ja} を生産額比で）`, en: `Magnet production subsidy (the fund's FY${m.subsidy.year} subsidy ${amount(m.subsidy.value)}${u.en} as a rate on output)` },
      notes: [
        {
          key: "productionTax",
          good: g,
          value: tz,
          source: sourced(
            { ja: `基準の生産税率 ${rate(m.tauz0)} − 補助金 ${amount(m.subsidy.value)}${u.ja} ÷ 基準の生産額 ${z0.ja} = ${rate(tz)}`, en: `benchmark production tax rate ${rate(m.tauz0)} − subsidy ${amount(m.subsidy.value)}${u.en} ÷ benchmark output ${z0.en} = ${rate(tz)}` },
            m.subsidy.source,
          ),
        },
        sigmaNote,
      ],
    });
  }
  if (m.plantOutput) {
    const factor = 1 + m.plantOutput.value / m.benchmarkOutput;
    out.push({
      key: "productivity",
      scenario: { name: MAGNET_SCENARIOS.productivity.name, productivity: { [g]: factor }, elasticities: el },
      fromPlans: { figure: "additionalOutput", year: m.plantOutput.year },
      label: { ja: `支援工場の生産性（${m.plantOutput.year}年度の追加生産 ${amount(m.plantOutput.value)}${u.ja}）`, en: `Supported plants' productivity (additional output ${amount(m.plantOutput.value)}${u.en} in FY${m.plantOutput.year})` },
      notes: [
        {
          key: "productivity",
          good: g,
          value: factor,
          source: sourced(
            { ja: `1 + 追加生産額 ${amount(m.plantOutput.value)}${u.ja} ÷ 基準の生産額 ${z0.ja} = ${factor.toFixed(6)}`, en: `1 + additional output ${amount(m.plantOutput.value)}${u.en} ÷ benchmark output ${z0.en} = ${factor.toFixed(6)}` },
            m.plantOutput.source,
          ),
        },
        sigmaNote,
      ],
    });
  }
  return out;
}
