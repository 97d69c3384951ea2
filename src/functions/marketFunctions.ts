// The bodies of the magnet-market functions (functions.ts holds their JSDoc): RIPPLE.SHARE and
// RIPPLE.KPI (one number from the demand-share model, market.ts) and RIPPLE.AVOIDEDLOSS (the
// economic-security value of the supported plans, security.ts, spilled as without / with /
// avoided). Scalar arguments are read here so that a blank cell means the same on every host.

import { checkArgumentSize, isBlankYear, numberArg, textArg, yearArg } from "./argumentCells";
import { marketKpi, marketShare } from "./market";
import { avoidedLoss } from "./security";
import { both, cellOf, headersFlag, type SpillCell, withHeaders } from "./spill";
import { type ArgumentAddresses, modelOfArgument } from "./tableArgument";

/** RIPPLE.SHARE(parameters, scenarios, scenario, year, [kind], [supportedCapacity]). */
export function shareValue(
  parameters: unknown[][],
  scenarios: unknown[][],
  scenario: string,
  year: number,
  kind: string | undefined,
  supportedCapacity: number | undefined,
  addresses: ArgumentAddresses,
): number {
  checkArgumentSize([
    { name: "parameters", values: parameters },
    { name: "scenarios", values: scenarios },
  ]);
  return marketShare(
    parameters,
    scenarios,
    textArg(scenario) ?? "",
    yearArg(year, "year"),
    textArg(kind) ?? "domestic",
    numberArg(supportedCapacity, 0),
    { params: addresses?.[0], scenarios: addresses?.[1] },
  );
}

/** RIPPLE.KPI(parameters, [year], [supportedCapacity]); a blank year is the sheet's KPI year. */
export function kpiValue(
  parameters: unknown[][],
  year: number | undefined,
  supportedCapacity: number | undefined,
  addresses: ArgumentAddresses,
): number {
  checkArgumentSize([{ name: "parameters", values: parameters }]);
  const y = isBlankYear(year) ? null : yearArg(year, "year");
  return marketKpi(parameters, y, numberArg(supportedCapacity, 0), { params: addresses?.[0] });
}

const AVOIDED_COLUMNS = [
  { ja: "計画なし", en: "Without the plans" },
  { ja: "計画あり", en: "With the plans" },
  { ja: "回避", en: "Avoided" },
];

/** RIPPLE.AVOIDEDLOSS(table, parameters, scenarios, scenario, year, [supportedCapacity],
 * [securityParameters], [headers]); `addresses` by that argument order. */
export function avoidedLossSpill(
  table: unknown[][],
  parameters: unknown[][],
  scenarios: unknown[][],
  scenario: string,
  year: number,
  supportedCapacity: number | undefined,
  securityParameters: unknown[][] | undefined,
  headers: boolean | undefined,
  addresses: ArgumentAddresses,
): SpillCell[][] {
  checkArgumentSize([
    { name: "table", values: table },
    { name: "parameters", values: parameters },
    { name: "scenarios", values: scenarios },
    { name: "securityParameters", values: securityParameters },
  ]);
  const model = modelOfArgument(table, addresses?.[0]);
  const r = avoidedLoss({
    model,
    paramsValues: parameters,
    scenariosValues: scenarios,
    scenario: textArg(scenario) ?? "",
    year: yearArg(year, "year"),
    supportedCapacity: numberArg(supportedCapacity, 0),
    // A range with nothing in it (every cell blank in any of its forms) means the defaults.
    securityValues: Array.isArray(securityParameters) && securityParameters.some((row) => row.some((v) => textArg(v) !== null)) ? securityParameters : null,
    addresses: { params: addresses?.[1], scenarios: addresses?.[2], security: addresses?.[6] },
  });
  const row = (w: number, x: number, a: number): SpillCell[] => [w, x, a];
  const m = (k: "output" | "valueAdded" | "compensation") => row(r.without[k], r.with[k], r.avoided[k]);
  const jobs = r.hasEmployment ? row(r.without.employment, r.with.employment, r.avoided.employment) : [cellOf(null), cellOf(null), cellOf(null)];
  const body: SpillCell[][] = [
    row(r.shortfall.without, r.shortfall.with, r.shortfall.without - r.shortfall.with),
    row(r.lostDownstream.without, r.lostDownstream.with, r.lostDownstream.without - r.lostDownstream.with),
    m("output"),
    m("valueAdded"),
    m("compensation"),
    jobs,
  ];
  const unit = model.table.unit ? `［${model.table.unit}］` : "";
  const labels = [
    both({ ja: "磁石の不足量［t］", en: "Magnet shortfall [t]" }),
    both({ ja: `川下の生産停止${unit}`, en: `Downstream output stopped${unit}` }),
    both({ ja: `生産額の損失${unit}`, en: `Output lost${unit}` }),
    both({ ja: `粗付加価値の損失${unit}`, en: `Gross value added lost${unit}` }),
    both({ ja: `雇用者所得の損失${unit}`, en: `Compensation lost${unit}` }),
    both({ ja: "就業者の損失［人］", en: "Employment lost [persons]" }),
  ];
  const corner = `${r.scenario} FY${r.year}`;
  return withHeaders(body, headersFlag(headers), corner, AVOIDED_COLUMNS.map(both), labels);
}
