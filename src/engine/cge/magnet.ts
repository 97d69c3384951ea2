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
}

const sourced = (formula: Bilingual, src: Bilingual): Bilingual => ({ ja: `${formula.ja}。${src.ja}`, en: `${formula.en}; ${src.en}` });

export function magnetScenarios(m: MagnetInputs): BuiltinScenario[] {
  const g = m.good;
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
      label: { ja: `磁石の輸入数量制限（深刻シナリオの ${m.quota.year} 年の輸入 = 基準の ${(m.quota.value * 100).toFixed(1)}%）`, en: `Magnet import quota (severe scenario, ${m.quota.year}: imports ${(m.quota.value * 100).toFixed(1)}% of base)` },
      notes: [{ key: "importQuota", good: g, value: m.quota.value, source: m.quota.source }, sigmaNote],
    });
  if (m.subsidy) {
    const rate = m.tauz0 - m.subsidy.value / m.benchmarkOutput;
    out.push({
      key: "subsidy",
      scenario: { name: MAGNET_SCENARIOS.subsidy.name, productionTax: { [g]: rate }, elasticities: el },
      label: { ja: `磁石の生産補助（基金の ${m.subsidy.year} 年度の補助 ${m.subsidy.value.toFixed(0)} を生産額比で）`, en: `Magnet production subsidy (the fund's ${m.subsidy.year} subsidy ${m.subsidy.value.toFixed(0)} as a rate on output)` },
      notes: [{ key: "productionTax", good: g, value: rate, source: sourced({ ja: `基準の生産税率 ${m.tauz0} − 補助金 ${m.subsidy.value} ÷ 基準の生産額 ${m.benchmarkOutput}`, en: `τz0 ${m.tauz0} − ${m.subsidy.value} / ${m.benchmarkOutput}` }, m.subsidy.source) }, sigmaNote],
    });
  }
  if (m.plantOutput) {
    const factor = 1 + m.plantOutput.value / m.benchmarkOutput;
    out.push({
      key: "productivity",
      scenario: { name: MAGNET_SCENARIOS.productivity.name, productivity: { [g]: factor }, elasticities: el },
      label: { ja: `支援工場の生産性（${m.plantOutput.year} 年度の追加生産 ${m.plantOutput.value.toFixed(0)}）`, en: `Supported plants' productivity (additional output ${m.plantOutput.value.toFixed(0)} in ${m.plantOutput.year})` },
      notes: [{ key: "productivity", good: g, value: factor, source: sourced({ ja: `1 + 追加生産額 ${m.plantOutput.value} ÷ 基準の生産額 ${m.benchmarkOutput}`, en: `1 + ${m.plantOutput.value} / ${m.benchmarkOutput}` }, m.plantOutput.source) }, sigmaNote],
    });
  }
  return out;
}
