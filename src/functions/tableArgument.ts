// The `table` argument every RIPPLE.* table function takes, resolved once: a range read into a
// table (cached by content, modelCache.ts) or the name of a model registered from the pane
// (registry.ts). Also what several functions share once the model is known: its indicators
// (cached per model), a sector argument, the no-employment refusal.

import { RippleError } from "../engine/errors";
import { indicators, type IOModel, type ModelOptions, type SectorIndicators } from "../engine/model";
import { SectorIndex } from "../engine/table/sectorMatch";
import type { IOTable } from "../engine/table/types";
import { checkArgumentSize, textArg } from "./argumentCells";
import { cachedModel, tableOfGrid } from "./modelCache";
import { rangeToGrid } from "./rangeGrid";
import { getRegisteredModel, optionsOfModel, type RegisteredModel } from "./registry";

/** The cell address of each argument, by its position in the function's signature
 * (Invocation.parameterAddresses): what lets a message name the sheet and cell. */
export type ArgumentAddresses = readonly string[] | undefined;

/** A table argument resolved: a range read into a table, or a registered model. */
export type TableSource =
  | { kind: "range"; key: string; table: IOTable }
  | { kind: "registered"; registered: RegisteredModel; table: IOTable };

/** A range is refused when the table does not add up (as on the command line), unless
 * `allowImbalance` (RIPPLE.IMPACT's option); a registered model was checked by the pane. */
export function resolveTable(values: unknown[][], address: string | undefined, allowImbalance = false): TableSource {
  checkArgumentSize([{ name: "table", values }]);
  if (values.length === 1 && values[0].length === 1 && typeof values[0][0] === "string" && values[0][0].trim() !== "") {
    const registered = getRegisteredModel(values[0][0]);
    return { kind: "registered", registered, table: registered.model.table };
  }
  const { key, table } = tableOfGrid(rangeToGrid(values, address), allowImbalance);
  return { kind: "range", key, table };
}

/** The model of a table argument under option overrides (none: the registered model itself). */
export function modelOf(source: TableSource, overrides: ModelOptions = {}): IOModel {
  if (source.kind === "range") return cachedModel(source.key, source.table, overrides);
  const { registered } = source;
  if (Object.values(overrides).every((v) => v === undefined)) return registered.model;
  return cachedModel(`registered:${registered.generation}`, source.table, {
    ...optionsOfModel(registered.model),
    ...overrides,
  });
}

/** The model of a table argument with its own options (what most functions need). */
export function modelOfArgument(values: unknown[][], address: string | undefined): IOModel {
  return modelOf(resolveTable(values, address));
}

// Per model, so that a sheet of MULTIPLIER and LINKAGE cells on one table computes them once.
const indicatorCache = new WeakMap<IOModel, SectorIndicators>();

export function indicatorsOf(model: IOModel): SectorIndicators {
  let ind = indicatorCache.get(model);
  if (!ind) {
    ind = indicators(model, { typeII: model.h !== null });
    indicatorCache.set(model, ind);
  }
  return ind;
}

/** A sector argument (code or name) as the model's index; unknown or blank is refused. */
export function sectorArg(model: IOModel, sector: unknown, name: string): number {
  const label = textArg(sector) ?? "";
  const k = label === "" ? null : new SectorIndex(model.table).find(label);
  if (k === null)
    throw new RippleError("function-sector", {
      ja: `${name}: 部門「${label}」は表にありません。部門のコードか名称を指定してください`,
      en: `${name}: sector "${label}" is not in the table; give a sector code or name`,
    });
  return k;
}

export function noEmploymentError(): RippleError {
  return new RippleError("no-employment", {
    ja: "この表には就業者数（employment）の行がないため、就業者の効果は計算できません。雇用表の行を表に加えて employment に対応づけてください",
    en: "this table has no employment row, so employment effects cannot be computed; add the employment row (persons) to the table and map it to the role employment",
  });
}

/** Header labels shared by the table functions. */
export const SECTOR_LABEL = { ja: "部門", en: "Sector" };
export const TOTAL_LABEL = { ja: "合計", en: "Total" };
