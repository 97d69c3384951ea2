// The options as the pane holds them (text as typed, so a half-typed number is not lost) and
// their conversion through the one options record (src/usecases/options.ts) that the command
// line uses too. Invalid fields are named, never dropped.

import type { ImportType } from "../engine/table/types";
import type { IncomeBase, ModelOptions } from "../engine/model/options";
import {
  DEFAULT_CONSUMPTION_RATE,
  engineOptions,
  modelSettings,
  parseShare as parseShareRule,
  userOptions,
  type ModelSettings,
} from "../usecases/options";

export interface PaneOptions {
  /** "detected": use the convention recognised from the table. */
  importType: "detected" | ImportType;
  consumptionRate: string;
  incomeBase: IncomeBase;
  /** Also write the closed (Type II) model's results. */
  typeII: boolean;
  /** 自給率 overrides by sector index, as typed; "" = from the table. */
  selfSufficiency: Record<number, string>;
  /** Run on a table that does not add up (refused otherwise; every results sheet says so). */
  allowImbalance: boolean;
}

export function defaultPaneOptions(): PaneOptions {
  return {
    importType: "detected",
    consumptionRate: String(DEFAULT_CONSUMPTION_RATE),
    incomeBase: "compensation",
    typeII: false,
    selfSufficiency: {},
    allowImbalance: false,
  };
}

/** A share in [0, 1] from typed text ("0.6" or "60%"), or null: the one rule of every host. */
export function parseShare(text: string): number | null {
  return parseShareRule(text);
}

export interface OptionProblems {
  consumptionRate: boolean;
  /** Sector indices whose override is not a share. */
  selfSufficiency: number[];
}

export function optionProblems(p: PaneOptions): OptionProblems {
  return {
    consumptionRate: parseShare(p.consumptionRate) === null,
    selfSufficiency: Object.entries(p.selfSufficiency)
      .filter(([, v]) => v.trim() !== "" && parseShare(v) === null)
      .map(([k]) => Number(k)),
  };
}

export function hasProblems(pr: OptionProblems): boolean {
  return pr.consumptionRate || pr.selfSufficiency.length > 0;
}

/** The options checked and defaulted, each with whether the user set it: a field counts as set
 * when its text differs from the default's (the field starts with the default written in it).
 * Call only when optionProblems() found none. */
export function paneModelSettings(p: PaneOptions): ModelSettings {
  const defaults = defaultPaneOptions();
  return modelSettings({
    importType: p.importType,
    consumptionRate: p.consumptionRate.trim() === defaults.consumptionRate ? undefined : p.consumptionRate,
    incomeBase: p.incomeBase === defaults.incomeBase ? undefined : p.incomeBase,
    selfSufficiency: p.selfSufficiency,
  });
}

/** ModelOptions for the engine, every value (defaults included); call only when
 * optionProblems() found none. */
export function toModelOptions(p: PaneOptions): ModelOptions {
  return engineOptions(paneModelSettings(p));
}

/** ModelOptions holding only what the user set, for the runners, which record every option
 * given as "entered by the user"; call only when optionProblems() found none. */
export function changedModelOptions(p: PaneOptions): ModelOptions {
  return userOptions(paneModelSettings(p));
}
