// The RIPPLE.* worksheet functions: thin wrappers over the engine. Each is a top-level
// `export function` with JSDoc, which is what custom-functions-metadata reads to write
// functions.json (arrow functions would be dropped without a word). The namespace RIPPLE comes
// from manifest.xml; the ids below are the names after "RIPPLE.".
//
// `table` is a range holding an IO table (read as in the pane, cached by content) or the name
// of a model registered from the pane (registry.ts). Errors become #VALUE! (input) or #NUM!
// (numeric) with a message naming the sheet and cell.

/// <reference types="custom-functions-runtime" />

import { RippleError } from "../engine/errors";
import {
  GhoshModel,
  impact as threeStageImpact,
  impactTypeII,
  indicators,
  type IOModel,
  type ModelOptions,
  type SectorIndicators,
  type Stage,
} from "../engine/model";
import { costPushPrices, inoperabilityFromModel, staticInoperability } from "../engine/disruption";
import { shockFromPairs } from "../engine/table";
import { SectorIndex } from "../engine/table/sectorMatch";
import type { IOTable } from "../engine/table/types";
import { type Measure, parseImpactOptions, parseShock, squash } from "./args";
import { toFunctionError } from "./errorMapping";
import { marketKpi, marketShare } from "./market";
import { avoidedLoss } from "./security";
import { cachedModel, tableOfGrid } from "./modelCache";
import { blankZerosOfForm, rangeToGrid } from "./rangeGrid";
import { getRegisteredModel, optionsOfModel, type RegisteredModel } from "./registry";
import { both, cellOf, checkSize, headersFlag, type SpillCell, withHeaders } from "./spill";
import { checkArgumentSize, numberArg, textArg } from "./argumentCells";

/** A table argument resolved: a range read into a table, or a registered model. */
type TableSource =
  | { kind: "range"; key: string; table: IOTable }
  | { kind: "registered"; registered: RegisteredModel; table: IOTable };

function addressOf(invocation: CustomFunctions.Invocation | undefined, index: number): string | undefined {
  return invocation?.parameterAddresses?.[index];
}

/** A range is refused when the table does not add up (as on the command line), unless
 * `allowImbalance` (RIPPLE.IMPACT's option); a registered model was checked by the pane. */
function resolveTable(values: unknown[][], address: string | undefined, allowImbalance = false): TableSource {
  checkArgumentSize([{ name: "table", values }]);
  if (values.length === 1 && values[0].length === 1 && typeof values[0][0] === "string" && values[0][0].trim() !== "") {
    const registered = getRegisteredModel(values[0][0]);
    return { kind: "registered", registered, table: registered.model.table };
  }
  const { key, table } = tableOfGrid(rangeToGrid(values, address), allowImbalance);
  return { kind: "range", key, table };
}

/** The model of a table argument under option overrides (none: the registered model itself). */
function modelOf(source: TableSource, overrides: ModelOptions = {}): IOModel {
  if (source.kind === "range") return cachedModel(source.key, source.table, overrides);
  const { registered } = source;
  if (Object.values(overrides).every((v) => v === undefined)) return registered.model;
  return cachedModel(`registered:${registered.generation}`, source.table, {
    ...optionsOfModel(registered.model),
    ...overrides,
  });
}

const indicatorCache = new WeakMap<IOModel, SectorIndicators>();

function indicatorsOf(model: IOModel): SectorIndicators {
  let ind = indicatorCache.get(model);
  if (!ind) {
    ind = indicators(model, { typeII: model.h !== null });
    indicatorCache.set(model, ind);
  }
  return ind;
}

function unitOf(model: IOModel, measure: Measure): string {
  if (measure === "employment") return "人 persons";
  return model.table.unit ?? "";
}

const MEASURE_LABELS: Record<Measure, { ja: string; en: string }> = {
  output: { ja: "生産誘発額", en: "Output" },
  valueAdded: { ja: "粗付加価値誘発額", en: "Gross value added" },
  compensation: { ja: "雇用者所得誘発額", en: "Compensation of employees" },
  employment: { ja: "誘発就業者数", en: "Employment" },
};

const STAGE_LABELS = [
  { ja: "直接効果", en: "Direct" },
  { ja: "第1次間接波及効果", en: "1st indirect" },
  { ja: "第2次間接波及効果", en: "2nd indirect" },
  { ja: "総合効果", en: "Total" },
];

const TOTAL_LABEL = { ja: "合計", en: "Total" };

function noEmploymentError(): RippleError {
  return new RippleError("no-employment", {
    ja: "この表には就業者数（employment）の行がないため、就業者の効果は計算できません。雇用表の行を表に加えて employment に対応づけてください",
    en: "this table has no employment row, so employment effects cannot be computed; add the employment row (persons) to the table and map it to the role employment",
  });
}

function stageValues(stage: Stage, measure: Measure): number[] {
  const v = stage[measure];
  if (v === null) throw noEmploymentError();
  return v;
}

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
    checkArgumentSize([
      { name: "table", values: table },
      { name: "shock", values: shock },
      { name: "options", values: options },
    ]);
    const args = parseImpactOptions(Array.isArray(options) ? blankZerosOfForm(rangeToGrid(options, addressOf(invocation, 2))) : null);
    const source = resolveTable(table, addressOf(invocation, 0), args.allowImbalance);
    const model = modelOf(source, args.model);
    const n = model.n;
    checkSize(n + 2, 5, { ja: "結果", en: "the result" });
    const shockInput = parseShock(rangeToGrid(shock, addressOf(invocation, 1)));
    const vector = shockInput.kind === "pairs" ? shockFromPairs(model.table, shockInput.pairs) : shockInput.values;
    const result = args.method === "closed" ? impactTypeII(model, vector) : threeStageImpact(model, vector);
    const columns = [result.direct, result.firstIndirect, result.secondIndirect, result.total].map((s) =>
      stageValues(s, args.measure),
    );
    const body: SpillCell[][] = [];
    for (let i = 0; i < n; i++) body.push(columns.map((c) => c[i]));
    body.push(columns.map((c) => c.reduce((s, v) => s + v, 0)));
    const unit = unitOf(model, args.measure);
    const measure = MEASURE_LABELS[args.measure];
    const method = args.method === "closed" ? "（閉鎖型 Type II）" : "";
    const corner = `${measure.ja}${method}${unit ? `［${unit}］` : ""} ${measure.en}`;
    return withHeaders(body, headersFlag(headers), corner, STAGE_LABELS.map(both), [...model.sectors, both(TOTAL_LABEL)]);
  } catch (err) {
    throw toFunctionError(err, "IMPACT");
  }
}

type MultiplierKind =
  | { family: "output" }
  | { family: "effect"; measure: "valueAdded" | "compensation" | "employment" }
  | { family: "typeI"; measure: "valueAdded" | "compensation" | "employment" | "income" }
  | { family: "typeII"; measure: "output" | "valueAdded" | "compensation" | "employment" | "income" };

const MULTIPLIER_KINDS: Record<string, MultiplierKind> = {
  output: { family: "output" },
  valueadded: { family: "effect", measure: "valueAdded" },
  compensation: { family: "effect", measure: "compensation" },
  employment: { family: "effect", measure: "employment" },
  typeivalueadded: { family: "typeI", measure: "valueAdded" },
  typeicompensation: { family: "typeI", measure: "compensation" },
  typeiemployment: { family: "typeI", measure: "employment" },
  typeiincome: { family: "typeI", measure: "income" },
  typeiioutput: { family: "typeII", measure: "output" },
  typeiivalueadded: { family: "typeII", measure: "valueAdded" },
  typeiicompensation: { family: "typeII", measure: "compensation" },
  typeiiemployment: { family: "typeII", measure: "employment" },
  typeiiincome: { family: "typeII", measure: "income" },
};

const MULTIPLIER_KIND_NAMES =
  "output, valueAdded, compensation, employment, typeI-valueAdded, typeI-compensation, typeI-employment, typeI-income, typeII-output, typeII-valueAdded, typeII-compensation, typeII-employment, typeII-income";

const MULTIPLIER_LABELS: Record<string, { ja: string; en: string }> = {
  output: { ja: "生産誘発（逆行列係数の列和）", en: "Output multiplier (column sum of L)" },
  "effect:valueAdded": { ja: "粗付加価値誘発係数", en: "Value-added effect per unit of final demand" },
  "effect:compensation": { ja: "雇用者所得誘発係数", en: "Compensation effect per unit of final demand" },
  "effect:employment": { ja: "就業誘発係数", en: "Employment effect per unit of final demand" },
};

const MULTIPLIER_MEASURES = {
  output: { ja: "生産", en: "output" },
  valueAdded: { ja: "粗付加価値", en: "value-added" },
  compensation: { ja: "雇用者所得", en: "compensation" },
  employment: { ja: "就業者", en: "employment" },
  income: { ja: "所得", en: "income" },
};

function multiplierLabel(kind: MultiplierKind): { ja: string; en: string } {
  if (kind.family === "output") return MULTIPLIER_LABELS.output;
  if (kind.family === "effect") return MULTIPLIER_LABELS[`effect:${kind.measure}`];
  const m = MULTIPLIER_MEASURES[kind.measure];
  return kind.family === "typeI"
    ? { ja: `Type I ${m.ja}乗数`, en: `Type I ${m.en} multiplier` }
    : { ja: `Type II ${m.ja}乗数（閉鎖型）`, en: `Type II ${m.en} multiplier (closed model)` };
}

function parseMultiplierKind(kind: unknown): MultiplierKind {
  if (textArg(kind) === null) return { family: "output" };
  const k = MULTIPLIER_KINDS[squash(String(kind))];
  if (k) return k;
  throw new RippleError("function-kind", {
    ja: `種類「${String(kind)}」はありません。${MULTIPLIER_KIND_NAMES} のいずれかにしてください`,
    en: `there is no kind "${String(kind)}"; use one of ${MULTIPLIER_KIND_NAMES}`,
  });
}

function noTypeIIError(ind: SectorIndicators): RippleError {
  return new RippleError(
    "no-type-ii",
    ind.typeIINote ?? {
      ja: "閉鎖型モデル（Type II）の乗数を計算できません",
      en: "Type II multipliers cannot be computed for this table",
    },
  );
}

function multiplierValues(model: IOModel, kind: MultiplierKind): (number | null)[] {
  const ind = indicatorsOf(model);
  switch (kind.family) {
    case "output":
      return ind.outputMultipliers;
    case "effect": {
      const v = ind.effects[kind.measure];
      if (v === null) throw noEmploymentError();
      return v;
    }
    case "typeI": {
      const v = ind.typeI[kind.measure];
      if (v === null) throw noEmploymentError();
      return v;
    }
    case "typeII": {
      if (!ind.typeII) throw noTypeIIError(ind);
      const v = ind.typeII[kind.measure];
      if (v === null) throw noEmploymentError();
      return v;
    }
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
    const k = parseMultiplierKind(kind);
    const model = modelOf(resolveTable(table, addressOf(invocation, 0)));
    const values = multiplierValues(model, k);
    const body = values.map((v) => [cellOf(v)]);
    const label = multiplierLabel(k);
    return withHeaders(body, headersFlag(headers), both({ ja: "部門", en: "Sector" }), [both(label)], model.sectors);
  } catch (err) {
    throw toFunctionError(err, "MULTIPLIER");
  }
}

const LINKAGE_KINDS: Record<string, "backward" | "forward" | "ghosh"> = {
  backward: "backward",
  影響力係数: "backward",
  影響力: "backward",
  forward: "forward",
  感応度係数: "forward",
  感応度: "forward",
  ghosh: "ghosh",
  ゴーシュ: "ghosh",
};

const LINKAGE_HEADERS = {
  backward: { ja: "影響力係数", en: "Backward linkage index" },
  forward: { ja: "感応度係数", en: "Forward linkage index" },
  ghosh: { ja: "前方連関（ゴーシュ型、供給側）", en: "Forward linkage (Ghosh, supply side)" },
};

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
    const text = textArg(kind) ?? "backward";
    const k = LINKAGE_KINDS[squash(text)];
    if (!k)
      throw new RippleError("function-kind", {
        ja: `種類「${text}」はありません。backward（影響力係数）, forward（感応度係数）, ghosh のいずれかにしてください`,
        en: `there is no kind "${text}"; use backward, forward or ghosh`,
      });
    const model = modelOf(resolveTable(table, addressOf(invocation, 0)));
    let values: number[];
    if (k === "ghosh") values = GhoshModel.of(model).forwardLinkages(true);
    else {
      const ind = indicatorsOf(model);
      values = k === "backward" ? ind.backwardLinkage : ind.forwardLinkage;
    }
    const body = values.map((v) => [cellOf(v)]);
    return withHeaders(body, headersFlag(headers), both({ ja: "部門", en: "Sector" }), [both(LINKAGE_HEADERS[k])], model.sectors);
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
    const source = resolveTable(table, addressOf(invocation, 0));
    const n = source.table.sectors.length;
    // Checked before the inverse is built: a 2000-sector L would be 4 million cells.
    checkSize(n + 1, n + 1, { ja: "逆行列係数表", en: "the Leontief inverse" });
    const model = modelOf(source);
    const body: SpillCell[][] = model.leontief();
    return withHeaders(body, headersFlag(headers), both(model.leontiefLabel), model.sectors, model.sectors);
  } catch (err) {
    throw toFunctionError(err, "LEONTIEF");
  }
}

function sectorArg(model: IOModel, sector: unknown, name: string): number {
  const label = textArg(sector) ?? "";
  const k = label === "" ? null : new SectorIndex(model.table).find(label);
  if (k === null)
    throw new RippleError("function-sector", {
      ja: `${name}: 部門「${label}」は表にありません。部門のコードか名称を指定してください`,
      en: `${name}: sector "${label}" is not in the table; give a sector code or name`,
    });
  return k;
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
    const model = modelOf(resolveTable(table, addressOf(invocation, 0)));
    const k = sectorArg(model, sector, "sector");
    const c = new Array<number>(model.n).fill(0);
    c[k] = Number(perturbation);
    const r = staticInoperability(inoperabilityFromModel(model), c);
    const loss = r.loss as number[];
    const body: SpillCell[][] = r.q.map((q, i) => [q, loss[i]]);
    body.push([cellOf(null), r.totalLoss as number]);
    const unit = model.table.unit ? `［${model.table.unit}］` : "";
    return withHeaders(
      body,
      headersFlag(headers),
      both({ ja: "部門", en: "Sector" }),
      [both({ ja: "不稼働率 q", en: "Inoperability q" }), both({ ja: `損失額${unit}`, en: `Loss${unit}` })],
      [...model.sectors, both(TOTAL_LABEL)],
    );
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
    const model = modelOf(resolveTable(table, addressOf(invocation, 0)));
    let importPriceChange: number | number[] = Number(change);
    if (model.importType === "competitive") {
      const v = new Array<number>(model.n).fill(0);
      v[sectorArg(model, sector, "sector")] = Number(change);
      importPriceChange = v;
    }
    const r = costPushPrices(model, { importPriceChange });
    const body: SpillCell[][] = r.percent.map((p) => [p]);
    return withHeaders(
      body,
      headersFlag(headers),
      both({ ja: "部門", en: "Sector" }),
      [both({ ja: "価格上昇率（%）", en: "Price change (%)" })],
      model.sectors,
    );
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
    checkArgumentSize([
      { name: "parameters", values: parameters },
      { name: "scenarios", values: scenarios },
    ]);
    const share = marketShare(
      parameters,
      scenarios,
      textArg(scenario) ?? "",
      yearArg(year, "year"),
      textArg(kind) ?? "domestic",
      numberArg(supportedCapacity, 0),
      { params: addressOf(invocation, 0), scenarios: addressOf(invocation, 1) },
    );
    return [[share]];
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
    checkArgumentSize([{ name: "parameters", values: parameters }]);
    const y = isBlankYear(year) ? null : yearArg(year, "year");
    return [[marketKpi(parameters, y, numberArg(supportedCapacity, 0), { params: addressOf(invocation, 0) })]];
  } catch (err) {
    throw toFunctionError(err, "KPI");
  }
}

const AVOIDED_COLUMNS = [
  { ja: "計画なし", en: "Without the plans" },
  { ja: "計画あり", en: "With the plans" },
  { ja: "回避", en: "Avoided" },
];

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
    checkArgumentSize([
      { name: "table", values: table },
      { name: "parameters", values: parameters },
      { name: "scenarios", values: scenarios },
      { name: "securityParameters", values: securityParameters },
    ]);
    const model = modelOf(resolveTable(table, addressOf(invocation, 0)));
    const r = avoidedLoss({
      model,
      paramsValues: parameters,
      scenariosValues: scenarios,
      scenario: textArg(scenario) ?? "",
      year: yearArg(year, "year"),
      supportedCapacity: numberArg(supportedCapacity, 0),
      securityValues: Array.isArray(securityParameters) && securityParameters.some((row) => row.some((v) => textArg(v) !== null)) ? securityParameters : null,
      addresses: { params: addressOf(invocation, 1), scenarios: addressOf(invocation, 2), security: addressOf(invocation, 6) },
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
  } catch (err) {
    throw toFunctionError(err, "AVOIDEDLOSS");
  }
}

/** A blank year in any form Excel passes it (0, null, ""), for the optional year of KPI. */
function isBlankYear(v: unknown): boolean {
  return textArg(v) === null;
}

/** A year argument: a whole number; a blank cell (0, null or "") is named as blank, not read as
 * year 0. */
function yearArg(v: unknown, name: string): number {
  if (textArg(v) === null)
    throw new RippleError("function-year", { ja: `${name}: 年が空欄です。年を整数で入れてください`, en: `${name}: the year is blank; enter it as a whole number` });
  const y = Number(v);
  if (!Number.isInteger(y))
    throw new RippleError("function-year", {
      ja: `${name}: 年「${String(v)}」は整数ではありません。年を整数で入れてください`,
      en: `${name}: the year '${String(v)}' is not a whole number; enter it as a whole number`,
    });
  return y;
}
