// Pure helper behind RIPPLE.AVOIDEDLOSS: one disruption scenario of the market sheets, struck in
// one fiscal year, without and with the supported plans' capacity, valued through the IO model by
// the engine's security evaluation (RESILIENCE.md 2–4) — the same code, defaults and parameter
// sheet as the 経済安全保障効果 sheet and `ripple demo`, so a cell and the report agree.
// functions.ts wraps it (JSDoc, table argument, error mapping); nothing here knows about Excel.

import { RippleError } from "../engine/errors";
import { BASE_SCENARIO, type Scenario } from "../engine/market/model";
import { marketInputsFromRecord, readMarketSheets } from "../engine/market/sheet";
import type { IOModel } from "../engine/model/iomodel";
import { buildSecurityInput, evaluateSecurity, type Losses, readSecurityParameters, type ScenarioYear } from "../engine/security";
import { blankZerosOfForm, rangeToGrid } from "./rangeGrid";

export interface AvoidedLossArgs {
  model: IOModel;
  paramsValues: unknown[][];
  scenariosValues: unknown[][];
  scenario: string;
  year: number;
  /** Capacity of the supported plans online in `year`, t/yr (the 'with' case). */
  supportedCapacity: number;
  /** The 経済安全保障パラメータ range (Key/Value header), or null for the defaults. */
  securityValues: unknown[][] | null;
  addresses?: { params?: string; scenarios?: string; security?: string };
}

export interface AvoidedLoss {
  scenario: string;
  year: number;
  /** Shortfall over the event, t. */
  shortfall: { without: number; with: number };
  /** Downstream output that stops (the perturbation), table units. */
  lostDownstream: { without: number; with: number };
  without: Losses;
  with: Losses;
  avoided: Losses;
  hasEmployment: boolean;
}

function findScenario(scenarios: Scenario[], name: string, address?: string): Scenario {
  const sc = scenarios.find((s) => s.name === name) ?? scenarios.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (sc) return sc;
  throw new RippleError(
    "function-scenario",
    {
      ja: `シナリオ「${name}」がシナリオの範囲にありません（あるもの: ${scenarios.map((s) => s.name).join(", ")}）`,
      en: `scenario '${name}' is not in the scenario range (there are: ${scenarios.map((s) => s.name).join(", ")})`,
    },
    address ? { cell: address } : {},
  );
}

/** The loss if the scenario's event strikes in `year` (not weighted by its probability). */
export function avoidedLoss(a: AvoidedLossArgs): AvoidedLoss {
  const addr = a.addresses ?? {};
  const sheets = readMarketSheets(
    blankZerosOfForm(rangeToGrid(a.paramsValues, addr.params)),
    blankZerosOfForm(rangeToGrid(a.scenariosValues, addr.scenarios)),
  );
  if (!Number.isFinite(a.supportedCapacity) || a.supportedCapacity < 0)
    throw new RippleError("function-supported", { ja: "支援計画の能力（t/年）は 0 以上の数値にしてください", en: "the supported capacity (t/yr) must be a number ≥ 0" });
  const marketWithout = marketInputsFromRecord(sheets.params);
  if (!marketWithout.years.includes(a.year))
    throw new RippleError("function-year", {
      ja: `年 ${a.year} は分析期間（${marketWithout.years[0]}〜${marketWithout.years.at(-1)}年）にありません`,
      en: `year ${a.year} is outside the model years (${marketWithout.years[0]}–${marketWithout.years.at(-1)})`,
    });
  // Only the struck year's capacity enters the event's supply (eventSupply reads one year).
  const marketWith = marketInputsFromRecord(sheets.params, marketWithout.years.map((y) => (y === a.year ? a.supportedCapacity : 0)));
  const chosen = findScenario(sheets.scenarios, a.scenario === "" ? BASE_SCENARIO.name : a.scenario, addr.scenarios);
  const parameters = a.securityValues ? readSecurityParameters(blankZerosOfForm(rangeToGrid(a.securityValues, addr.security))) : {};
  // The loss of one event does not depend on its probability; a scenario of the user's own with
  // no probability on the sheet still has a loss (0 keeps the probabilities' check satisfied).
  const key = `probability:${chosen.name}`;
  const noShock = chosen.shocks.length === 0;
  const build = buildSecurityInput({
    marketWith,
    marketWithout,
    scenarios: noShock ? [sheets.scenarios[0]] : [sheets.scenarios[0], chosen],
    model: a.model,
    evaluationYears: [a.year],
    baseYear: a.year,
    discountRate: 0,
    pvSubsidy: 0,
    parameters: noShock || key in parameters ? parameters : { ...parameters, [key]: 0 },
  });
  const result = evaluateSecurity(build.input, build.parameters);
  const y: ScenarioYear = result.scenarios[noShock ? 0 : 1].byYear[0];
  return {
    scenario: chosen.name,
    year: a.year,
    shortfall: { without: y.without.shortfall, with: y.with.shortfall },
    lostDownstream: { without: y.without.lostDownstream, with: y.with.lostDownstream },
    without: y.without.losses,
    with: y.with.losses,
    avoided: y.avoided,
    hasEmployment: build.input.unit.hasEmployment,
  };
}
