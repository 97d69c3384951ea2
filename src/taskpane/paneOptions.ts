// The options as the pane holds them (text as typed, so a half-typed number is not lost) and
// their conversion to the engine's ModelOptions. Invalid fields are named, never dropped.

import type { ImportType } from "../engine/table/types";
import {
  DEFAULT_CONSUMPTION_RATE,
  type IncomeBase,
  type ModelOptions,
} from "../engine/model/options";

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

/** A share in [0, 1] from typed text, or null when the text is not one. */
export function parseShare(text: string): number | null {
  const t = text.trim().replace(/,/g, "");
  if (t === "") return null;
  const pct = t.endsWith("%");
  const v = Number(pct ? t.slice(0, -1) : t);
  if (!Number.isFinite(v)) return null;
  const share = pct ? v / 100 : v;
  return share >= 0 && share <= 1 ? share : null;
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

/** ModelOptions for the engine; call only when optionProblems() found none. */
export function toModelOptions(p: PaneOptions): ModelOptions {
  const ss: Record<number, number> = {};
  for (const [k, v] of Object.entries(p.selfSufficiency)) {
    const share = parseShare(v);
    if (share !== null) ss[Number(k)] = share;
  }
  const opts: ModelOptions = {
    consumptionRate: parseShare(p.consumptionRate) ?? DEFAULT_CONSUMPTION_RATE,
    incomeBase: p.incomeBase,
  };
  if (p.importType !== "detected") opts.importType = p.importType;
  if (Object.keys(ss).length > 0) opts.selfSufficiency = ss;
  return opts;
}

/** ModelOptions holding only what the user changed from the defaults, for the flows whose
 * results record every option given as "entered by the user" (runProjectsPipeline's method
 * sheet); call only when optionProblems() found none. */
export function changedModelOptions(p: PaneOptions): ModelOptions {
  const opts = toModelOptions(p);
  if (opts.consumptionRate === DEFAULT_CONSUMPTION_RATE) delete opts.consumptionRate;
  if (opts.incomeBase === defaultPaneOptions().incomeBase) delete opts.incomeBase;
  return opts;
}
