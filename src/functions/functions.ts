// The RIPPLE.* worksheet functions, as Excel sees them: each is a top-level `export function` with
// JSDoc, which is what custom-functions-metadata reads to write functions.json (arrow functions
// would be dropped without a word, and only this one file is read, so the JSDoc stays here). The
// namespace RIPPLE comes from manifest.xml; the ids below are the names after "RIPPLE.".
//
// Each function hands its arguments and their cell addresses to its body in a small module
// (impactFunction, multiplierFunctions, disruptionFunctions, marketFunctions) and maps what it
// throws: `table` is a range holding an IO table (read as in the pane, cached by content) or the
// name of a model registered from the pane (tableArgument.ts, registry.ts). Errors become #VALUE!
// (input) or #NUM! (numeric) with a message naming the sheet and cell (errorMapping.ts).

/// <reference types="custom-functions-runtime" />

import { toFunctionError } from "./errorMapping";
import { impactSpill } from "./impactFunction";
import { leontiefSpill, linkageSpill, multiplierSpill } from "./multiplierFunctions";
import { inoperabilitySpill, priceEffectSpill } from "./disruptionFunctions";
import { avoidedLossSpill, kpiValue, shareValue } from "./marketFunctions";

/**
 * Ripple effect (経済波及効果) of a final-demand change by MIC's three-stage method: direct (直接効果), 1st and 2nd indirect (第1次・第2次間接波及効果) and total (総合効果) by sector with a total row, in table units (persons for employment).
 * @customfunction IMPACT
 * @param table Input-output table (産業連関表): the range holding the table as published (MIC/e-Stat, prefectural or domestic-use layout), or the name of a model registered in the Ripple pane.
 * @param shock Change in final demand (最終需要の変化) in table units (e.g. 百万円): one column in sector order, or two columns of sector label (or code) and value; a header row is allowed.
 * @param [options] Options (オプション), "name=value; ..." or a two-column range: consumption=0.734 (消費転換係数), income=compensation|compensation+surplus, import=competitive|domestic, measure=output|valueAdded|compensation|employment, model=three-stage|closed, allowImbalance=TRUE.
 * @param [headers] TRUE (default): with a header row and a sector column (見出し付き). FALSE: the numbers only.
 * @param invocation Invocation (parameter addresses, for messages naming cells).
 * @requiresParameterAddresses
 * @returns Effects by sector (部門別の効果): direct, 1st indirect, 2nd indirect, total; the corner cell names the measure and its unit.
 */
export function rippleImpact(
  table: any[][],
  shock: any[][],
  options?: any[][],
  headers?: boolean,
  invocation?: CustomFunctions.Invocation,
): any[][] {
  try {
    return impactSpill(table, shock, options, headers, invocation?.parameterAddresses);
  } catch (err) {
    throw toFunctionError(err, "IMPACT");
  }
}

/**
 * Sector multipliers (乗数) per unit of final demand: output (逆行列係数の列和), value-added, compensation and employment effects (誘発係数), Type I and Type II (閉鎖型). "—" where undefined (direct coefficient 0).
 * @customfunction MULTIPLIER
 * @param table Input-output table (産業連関表): the range holding the table, or the name of a model registered in the Ripple pane.
 * @param [kind] Which multiplier (種類): output (default), valueAdded, compensation, employment, typeI-valueAdded, typeI-compensation, typeI-employment, typeI-income, typeII-output, typeII-valueAdded, typeII-compensation, typeII-employment, typeII-income.
 * @param [headers] TRUE (default): with a header row and a sector column (見出し付き). FALSE: the numbers only.
 * @param invocation Invocation (parameter addresses, for messages naming cells).
 * @requiresParameterAddresses
 * @returns One value per sector (部門別).
 */
export function rippleMultiplier(
  table: any[][],
  kind?: string,
  headers?: boolean,
  invocation?: CustomFunctions.Invocation,
): any[][] {
  try {
    return multiplierSpill(table, kind, headers, invocation?.parameterAddresses);
  } catch (err) {
    throw toFunctionError(err, "MULTIPLIER");
  }
}

/**
 * Linkage indices (連関効果): backward linkage (影響力係数, column sum of the Leontief inverse over its mean), forward linkage (感応度係数, row sum over its mean; MIC definitions), or the Ghosh supply-side forward linkage (row sum of the Ghosh inverse over its mean).
 * @customfunction LINKAGE
 * @param table Input-output table (産業連関表): the range holding the table, or the name of a model registered in the Ripple pane.
 * @param [kind] Which index (種類): backward (default, 影響力係数), forward (感応度係数) or ghosh.
 * @param [headers] TRUE (default): with a header row and a sector column (見出し付き). FALSE: the numbers only.
 * @param invocation Invocation (parameter addresses, for messages naming cells).
 * @requiresParameterAddresses
 * @returns One index per sector (部門別); 1 is the average sector.
 */
export function rippleLinkage(
  table: any[][],
  kind?: string,
  headers?: boolean,
  invocation?: CustomFunctions.Invocation,
): any[][] {
  try {
    return linkageSpill(table, kind, headers, invocation?.parameterAddresses);
  } catch (err) {
    throw toFunctionError(err, "LINKAGE");
  }
}

/**
 * Leontief inverse (逆行列係数表) L of the table: [I − (I − M̂)A]⁻¹ for competitive-import tables (開放型, 競争輸入型), (I − A)⁻¹ for domestic-use tables. Column j: output of each sector per unit of final demand for sector j.
 * @customfunction LEONTIEF
 * @param table Input-output table (産業連関表): the range holding the table, or the name of a model registered in the Ripple pane.
 * @param [headers] TRUE (default): with sector labels on the first row and column (見出し付き). FALSE: the numbers only.
 * @param invocation Invocation (parameter addresses, for messages naming cells).
 * @requiresParameterAddresses
 * @returns The n × n matrix L (逆行列係数).
 */
export function rippleLeontief(table: any[][], headers?: boolean, invocation?: CustomFunctions.Invocation): any[][] {
  try {
    return leontiefSpill(table, headers, invocation?.parameterAddresses);
  } catch (err) {
    throw toFunctionError(err, "LEONTIEF");
  }
}

/**
 * Static inoperability (不稼働率, Haimes & Jiang 2001) q = min(1, (I − A*)⁻¹c*) for a perturbation c* of one sector (share of its output lost), and the loss x̂q by sector in table units. Linear, no substitution: an upper-bound indication.
 * @customfunction INOPERABILITY
 * @param table Input-output table (産業連関表): the range holding the table, or the name of a model registered in the Ripple pane.
 * @param sector Disrupted sector (途絶する部門): its code or name.
 * @param perturbation Share of the sector's output lost (需要側の攪乱 c*), from 0 to 1.
 * @param [headers] TRUE (default): with a header row and a sector column (見出し付き). FALSE: the numbers only.
 * @param invocation Invocation (parameter addresses, for messages naming cells).
 * @requiresParameterAddresses
 * @returns Per sector: inoperability q (不稼働率) and loss (損失額, table units); last row the total loss.
 */
export function rippleInoperability(
  table: any[][],
  sector: string,
  perturbation: number,
  headers?: boolean,
  invocation?: CustomFunctions.Invocation,
): any[][] {
  try {
    return inoperabilitySpill(table, sector, perturbation, headers, invocation?.parameterAddresses);
  } catch (err) {
    throw toFunctionError(err, "INOPERABILITY");
  }
}

/**
 * Cost-push price effect (価格波及効果) of an import-price rise in one sector (輸入品価格の上昇): each sector's price change in percent, with full pass-through and fixed coefficients (Δp' = (Δp_m' M̂ A) L for competitive tables).
 * @customfunction PRICEEFFECT
 * @param table Input-output table (産業連関表): the range holding the table, or the name of a model registered in the Ripple pane.
 * @param sector Sector whose import price rises (輸入価格が上がる部門): its code or name (ignored for domestic-use tables, which have one import row).
 * @param change Relative import-price change (輸入価格の変化率), e.g. 0.5 for +50%.
 * @param [headers] TRUE (default): with a header row and a sector column (見出し付き). FALSE: the numbers only.
 * @param invocation Invocation (parameter addresses, for messages naming cells).
 * @requiresParameterAddresses
 * @returns Price change by sector, percent (価格上昇率 %).
 */
export function ripplePrice(
  table: any[][],
  sector: string,
  change: number,
  headers?: boolean,
  invocation?: CustomFunctions.Invocation,
): any[][] {
  try {
    return priceEffectSpill(table, sector, change, headers, invocation?.parameterAddresses);
  } catch (err) {
    throw toFunctionError(err, "PRICEEFFECT");
  }
}

/**
 * Magnet market share (磁石の需給シェア) in a year under a scenario on the sheet, 0 to 1 on tonnes of finished magnet: domestic supply (国内供給シェア, plants in Japan), imports (輸入シェア) or Japan's share of global output (日本の世界シェア).
 * @customfunction SHARE
 * @param parameters Parameter range (磁石パラメータ) with its header row, as the Ripple template lays it out.
 * @param scenarios Scenario range (磁石シナリオ) with its header row.
 * @param scenario Scenario name (シナリオ名): base, april2025, severe or one of your own rows.
 * @param year Year (年).
 * @param [kind] Which share (種類): domestic (default), imports or japanGlobal.
 * @param [supportedCapacity] Capacity of the supported plans online from that year (支援計画の能力, t/yr), default 0.
 * @param invocation Invocation (parameter addresses, for messages naming cells).
 * @requiresParameterAddresses
 * @returns One cell: the share from 0 to 1.
 */
// One cell returned as a 1 × 1 array: the metadata rules allow requiresParameterAddresses only
// with a matrix result, and the addresses are what lets an error name the parameter's cell.
export function rippleShare(
  parameters: any[][],
  scenarios: any[][],
  scenario: string,
  year: number,
  kind?: string,
  supportedCapacity?: number,
  invocation?: CustomFunctions.Invocation,
): number[][] {
  try {
    return [[shareValue(parameters, scenarios, scenario, year, kind, supportedCapacity, invocation?.parameterAddresses)]];
  } catch (err) {
    throw toFunctionError(err, "SHARE");
  }
}

/**
 * Policy KPI (政策KPI): domestic NdFeB magnet capacity (国内生産能力, plants in Japan, t/yr) divided by domestic demand (国内需要, t/yr) in a year, as a ratio (1 = 100%); the target is 1 in 2030.
 * @customfunction KPI
 * @param parameters Parameter range (磁石パラメータ) with its header row, as the Ripple template lays it out.
 * @param [year] Year (年); default: the KPI year on the sheet (2030).
 * @param [supportedCapacity] Capacity of the supported plans online in that year (支援計画の能力, t/yr), default 0.
 * @param invocation Invocation (parameter addresses, for messages naming cells).
 * @requiresParameterAddresses
 * @returns One cell: the ratio (1 = 100%).
 */
// One cell as a 1 × 1 array, for the parameter addresses (see RIPPLE.SHARE).
export function rippleKpi(
  parameters: any[][],
  year?: number,
  supportedCapacity?: number,
  invocation?: CustomFunctions.Invocation,
): number[][] {
  try {
    return [[kpiValue(parameters, year, supportedCapacity, invocation?.parameterAddresses)]];
  } catch (err) {
    throw toFunctionError(err, "KPI");
  }
}

/**
 * Loss avoided by the supported plans (経済安全保障効果) if a magnet disruption scenario strikes in a fiscal year: shortfall (t), downstream output stopped and its ripple (output, GVA, compensation, jobs), without and with the plans; not weighted by probability.
 * @customfunction AVOIDEDLOSS
 * @param table Input-output table (産業連関表): the range holding the table, or the name of a model registered in the Ripple pane (e.g. the table with the magnet sector split, as the 経済安全保障効果 sheet uses).
 * @param parameters Parameter range (磁石パラメータ) with its header row, as the Ripple template lays it out.
 * @param scenarios Scenario range (磁石シナリオ) with its header row.
 * @param scenario Scenario name (シナリオ名): april2025, severe or one of your own rows; base gives zero.
 * @param year Fiscal year the event strikes (途絶が起きる年度).
 * @param [supportedCapacity] Capacity of the supported plans online in that year (支援計画の能力, t/yr), default 0.
 * @param [securityParameters] Range of the sheet 経済安全保障パラメータ (キー and 値 columns with their header); default: the defaults shown on that sheet.
 * @param [headers] TRUE (default): with a header row and a label column (見出し付き). FALSE: the numbers only.
 * @param invocation Invocation (parameter addresses, for messages naming cells).
 * @requiresParameterAddresses
 * @returns Rows shortfall (t), lost downstream output, lost output, gross value added, compensation (table units) and employment (persons); columns without the plans, with them, avoided.
 */
export function rippleAvoidedLoss(
  table: any[][],
  parameters: any[][],
  scenarios: any[][],
  scenario: string,
  year: number,
  supportedCapacity?: number,
  securityParameters?: any[][],
  headers?: boolean,
  invocation?: CustomFunctions.Invocation,
): any[][] {
  try {
    return avoidedLossSpill(table, parameters, scenarios, scenario, year, supportedCapacity, securityParameters, headers, invocation?.parameterAddresses);
  } catch (err) {
    throw toFunctionError(err, "AVOIDEDLOSS");
  }
}
