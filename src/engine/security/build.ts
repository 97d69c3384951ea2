// The security evaluation's inputs from the two models it links: the demand-share model (demand
// by application, normal-time imports by origin, exports, capacity; run without and with the
// plans' capacity, the same defaults and sheets as the market tabs and the CLI) and the projects
// evaluation (fiscal years, discount rate, PV of the subsidy). Pure.

import { RippleError, type RippleWarning } from "../errors";
import type { IOModel } from "../model/iomodel";
import { BASE_SCENARIO, demandByApplication, type MarketInputs, runMarket, type Scenario } from "../market/model";
import { tableUnitsPerMillionYen } from "../market/run";
import { type SecurityInput, type SecurityScenario, unitLossesOf } from "./evaluate";
import { DEPENDENT_OUTPUT, defaultSecurityParameters } from "./params";
import { DynamicSecurity } from "./dynamic";
import { priceContextOf } from "./price";
import { concordanceSector } from "./concordance";
import type { YearFlows } from "./supply";

export interface SecurityBuildArgs {
  /** Market inputs with the supported plans' capacity (MarketAnalysis.inputs). */
  marketWith: MarketInputs;
  /** The same inputs without the plans (supported capacity 0). */
  marketWithout: MarketInputs;
  /** The scenario sheet's scenarios; the first (no shock) is the base. */
  scenarios: Scenario[];
  model: IOModel;
  /** The projects evaluation. */
  evaluationYears: number[];
  baseYear: number;
  discountRate: number;
  pvSubsidy: number;
  /** Parameter overrides (sheet values); defaults for the rest. */
  parameters?: Record<string, number>;
}

export interface SecurityBuild {
  input: SecurityInput;
  parameters: Record<string, number>;
  /** Application key → sector label, and the rule that chose it. */
  concordance: { application: string; sector: number; sectorLabel: string }[];
  /** The model's sector labels (the order of price changes by sector). */
  sectors: string[];
  warnings: RippleWarning[];
}


function flowsOf(m: MarketInputs, years: number[]): YearFlows[] {
  const base = runMarket(m, BASE_SCENARIO);
  return years.map((year) => {
    const k = m.years.indexOf(year);
    return {
      year,
      demandByApplication: demandByApplication(m, k),
      importsByOrigin: base.years[k].importsByOrigin,
      exports: m.exports[k],
      existingCapacity: m.baseCapacity,
      supportedCapacity: m.supportedCapacity[k],
    };
  });
}

/** A scenario of the sheet as one event: its longest shock's months, each origin's cut spread
 * over them (cut × months / event months, at most 1), and the premium on the imports as the
 * market model weighs it (premium × the origin's share of imports), spread the same way. */
export function eventOf(s: Scenario, origins: { name: string; share: number }[]): SecurityScenario {
  const months = Math.max(0, ...s.shocks.map((x) => x.months));
  const spread = (v: number, x: { months: number }) => (months > 0 ? (v * x.months) / months : 0);
  const cutByOrigin = origins.map((o) =>
    Math.min(1, s.shocks.filter((x) => x.origin === o.name).reduce((a, x) => a + spread(x.cut, x), 0)),
  );
  const premium = s.shocks.reduce((a, x) => a + spread(x.pricePremium * (origins.find((o) => o.name === x.origin)?.share ?? 0), x), 0);
  return { id: s.name, label: s.label, event: { months, cutByOrigin, premium }, probabilityKey: `probability:${s.name}` };
}

export const NO_DISRUPTION: Omit<SecurityScenario, "event"> = {
  id: "none",
  label: { ja: "途絶なし", en: "No disruption" },
  probabilityKey: null,
};

export function buildSecurityInput(args: SecurityBuildArgs): SecurityBuild {
  const warnings: RippleWarning[] = [];
  const parameters = { ...defaultSecurityParameters(), ...(args.parameters ?? {}) };
  const years = args.evaluationYears.filter((y) => args.marketWith.years.includes(y));
  const outside = args.evaluationYears.filter((y) => !args.marketWith.years.includes(y));
  if (years.length === 0)
    throw new RippleError("security-years", {
      ja: `評価期間（FY${args.evaluationYears[0]}〜）が需給モデルの年（${args.marketWith.years[0]}〜${args.marketWith.years.at(-1)}）と重なりません`,
      en: `the evaluation period (FY${args.evaluationYears[0]}–) does not overlap the demand-share model's years (${args.marketWith.years[0]}–${args.marketWith.years.at(-1)})`,
    });
  if (outside.length)
    warnings.push({
      code: "security-years-outside",
      text: {
        ja: `需給モデルの期間外の年度（${outside.join("、")}）は経済安全保障効果に含めていません（回避損失は過小）`,
        en: `fiscal years outside the demand-share model (${outside.join(", ")}) are left out of the economic-security effect (the avoided loss is understated)`,
      },
    });
  const origins = args.marketWith.origins;
  const scenarios: SecurityScenario[] = [{ ...NO_DISRUPTION, event: { months: 0, cutByOrigin: origins.map(() => 0), premium: 0 } }];
  for (const s of args.scenarios.slice(1)) {
    const sc = eventOf(s, origins);
    if (parameters[sc.probabilityKey as string] === undefined) {
      warnings.push({
        code: "security-no-probability",
        text: {
          ja: `シナリオ「${s.name}」には年発生確率がないため、経済安全保障効果の期待値に含めていません。パラメータ probability:${s.name} を指定してください`,
          en: `scenario '${s.name}' has no annual probability and is left out of the expected economic-security effect; give the parameter probability:${s.name}`,
        },
      });
      continue;
    }
    scenarios.push(sc);
  }
  const applications = args.marketWith.domestic.map((a) => a.key);
  const concordance = applications.map((a) => {
    const d = DEPENDENT_OUTPUT.find((x) => x.application === a);
    const sector = d ? concordanceSector(args.model, d.sectors) : null;
    if (sector === null)
      throw new RippleError("security-concordance", {
        ja: `用途「${a}」の川下部門が表に見つかりません（候補: ${d?.sectors.join("、") ?? "なし"}）。表の部門名を確認してください`,
        en: `no downstream sector for application '${a}' in the table (candidates: ${d?.sectors.join(", ") ?? "none"}); check the table's sector labels`,
      });
    return { application: a, sector, sectorLabel: args.model.sectors[sector] };
  });
  const unitsPerMillionYen = tableUnitsPerMillionYen(args.model.table.unit);
  if (unitsPerMillionYen === null)
    warnings.push({
      code: "security-table-unit",
      text: {
        ja: `表の単位（${args.model.table.unit ?? "記載なし"}）を百万円とみなして川下の生産額を入れました`,
        en: `the table's unit (${args.model.table.unit ?? "not stated"}) was taken as million yen for the downstream output`,
      },
    });
  const sectorOfApplication = concordance.map((c) => c.sector);
  return {
    input: {
      years,
      without: flowsOf(args.marketWithout, years),
      with: flowsOf(args.marketWith, years),
      applications,
      sectorOfApplication,
      scenarios,
      unit: unitLossesOf(args.model, sectorOfApplication),
      tableUnitsPerMillionYen: unitsPerMillionYen ?? 1,
      discountRate: args.discountRate,
      baseYear: args.baseYear,
      pvSubsidy: args.pvSubsidy,
      dynamic: new DynamicSecurity(args.model),
      price: priceContextOf(args.model),
    },
    parameters,
    concordance,
    sectors: args.model.sectors,
    warnings,
  };
}
