// The options of a job, each parsed, defaulted and checked here once, whichever edge typed it
// (a CLI flag, a pane field, a mapping file). Every option carries whether the user set it, so
// the method sheet says "entered by the user" or names the default's source without comparing
// numbers. The defaults themselves live with the formulas that use them (engine/model/options.ts:
// 消費転換係数 0.734 and its source, 家計調査 2011); this module only refers to them.

import { RippleError, type Bilingual, type Lang } from "../engine/errors";
import {
  DEFAULT_CONSUMPTION_RATE,
  DEFAULT_CONSUMPTION_RATE_SOURCE,
  type IncomeBase,
  type ModelOptions,
} from "../engine/model/options";
import type { ImportType } from "../engine/table/types";

export { DEFAULT_CONSUMPTION_RATE, DEFAULT_CONSUMPTION_RATE_SOURCE };

/** One option's value and whether the user gave it (false: the default). */
export interface Setting<T> {
  value: T;
  user: boolean;
}

function setting<T>(value: T | undefined, fallback: T): Setting<T> {
  return value === undefined ? { value: fallback, user: false } : { value, user: true };
}

/**
 * A share in [0, 1] from what a user typed: 0.734, "0.734", "73.4%", full-width "７３．４％".
 * The one rule for the command line, the pane and the worksheet functions; null when it is not
 * a share (not a number, or outside 0–1).
 */
export function parseShare(v: unknown): number | null {
  let x: number;
  if (typeof v === "number") x = v;
  else if (typeof v === "string") {
    const t = v.normalize("NFKC").trim().replace(/,/g, "");
    if (t === "") return null;
    const pct = t.endsWith("%");
    const digits = pct ? t.slice(0, -1).trim() : t;
    // "73.4%" is read as the decimal 73.4e-2, so it is the same number as "0.734" (73.4 / 100
    // is 0.7340000000000001 in binary).
    x = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(digits) ? Number(pct ? `${digits}e-2` : digits) : NaN;
  } else return null;
  return Number.isFinite(x) && x >= 0 && x <= 1 ? x : null;
}

function optionError(option: string, text: Bilingual): RippleError {
  return new RippleError(`option-${option}`, { ja: `オプション ${option}: ${text.ja}`, en: `option ${option}: ${text.en}` });
}

/** The model options as typed (strings from a flag or a field, numbers from code). */
export interface ModelOptionsInput {
  /** "detected" or undefined: the convention recognised from the table. */
  importType?: ImportType | "detected" | string;
  consumptionRate?: string | number;
  incomeBase?: IncomeBase | string;
  /** 自給率 overrides by sector index. */
  selfSufficiency?: Record<number, string | number>;
}

export interface ModelSettings {
  /** null: the table's own convention. */
  importType: Setting<ImportType | null>;
  consumptionRate: Setting<number>;
  incomeBase: Setting<IncomeBase>;
  selfSufficiency: Setting<Record<number, number>>;
}

export interface AnalysisOptionsInput extends ModelOptionsInput {
  typeII?: boolean;
  allowImbalance?: boolean;
  /** The shock is at purchaser prices (--purchaser-prices; pane: its checkbox). */
  purchaserPrices?: boolean;
  /** Margin rates were supplied (--margins / --margins-sheet; pane: the margins range). */
  margins?: boolean;
  /** The sectors receiving the trade and transport margins, when not found by label. */
  tradeSector?: string;
  transportSector?: string;
  /** The set of rates of a labelled margin sheet (--margins-column; pane: its dropdown). */
  marginsColumn?: string;
  lang: Lang;
}

/** Converting a purchaser-price shock: where the margins go (undefined: found by label). */
export interface PurchaserPriceSetting {
  tradeSector?: string;
  transportSector?: string;
  /** The group of a labelled margin sheet (需要合計, 民間消費支出, …); undefined: its only one. */
  marginsColumn?: string;
}

export interface AnalysisOptions extends ModelSettings {
  /** Also the closed model (Type II) on a sheet of its own. */
  typeII: Setting<boolean>;
  /** Run on a table that does not add up (refused otherwise; every results sheet says so). */
  allowImbalance: Setting<boolean>;
  /** null: the shock is at producer prices (MODELS.md §3), as the table is. */
  purchaserPrices: Setting<PurchaserPriceSetting | null>;
  lang: Lang;
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

function importTypeSetting(v: ModelOptionsInput["importType"]): Setting<ImportType | null> {
  if (blank(v) || v === "detected") return { value: null, user: false };
  if (v === "competitive" || v === "domestic") return { value: v, user: true };
  throw optionError("importType", {
    ja: `"${String(v)}" は使えません。"competitive"（競争輸入型）か "domestic"（非競争輸入型）を指定してください`,
    en: `"${String(v)}" is not allowed; use "competitive" or "domestic"`,
  });
}

function consumptionSetting(v: ModelOptionsInput["consumptionRate"]): Setting<number> {
  if (blank(v)) return setting<number>(undefined, DEFAULT_CONSUMPTION_RATE);
  const c = parseShare(v);
  if (c === null)
    throw optionError("consumptionRate", {
      ja: `消費転換係数「${String(v)}」は 0〜1 の数か % にしてください（例: ${DEFAULT_CONSUMPTION_RATE} または ${DEFAULT_CONSUMPTION_RATE * 100}%）`,
      en: `consumption rate "${String(v)}" must be a number from 0 to 1 or a percentage (e.g. ${DEFAULT_CONSUMPTION_RATE} or ${DEFAULT_CONSUMPTION_RATE * 100}%)`,
    });
  return { value: c, user: true };
}

function incomeBaseSetting(v: ModelOptionsInput["incomeBase"]): Setting<IncomeBase> {
  // The MIC three-stage method's income: compensation of employees.
  if (blank(v)) return setting<IncomeBase>(undefined, "compensation");
  if (v === "compensation" || v === "compensation+surplus") return { value: v, user: true };
  throw optionError("incomeBase", {
    ja: `"${String(v)}" は使えません。"compensation" か "compensation+surplus" を指定してください`,
    en: `"${String(v)}" is not allowed; use "compensation" or "compensation+surplus"`,
  });
}

function selfSufficiencySetting(v: ModelOptionsInput["selfSufficiency"]): Setting<Record<number, number>> {
  const out: Record<number, number> = {};
  for (const [k, raw] of Object.entries(v ?? {})) {
    if (blank(raw)) continue;
    const s = parseShare(raw);
    if (s === null)
      throw optionError("selfSufficiency", {
        ja: `部門 ${k} の自給率「${String(raw)}」は 0〜1 の数か % にしてください`,
        en: `self-sufficiency "${String(raw)}" of sector ${k} must be a number from 0 to 1 or a percentage`,
      });
    out[Number(k)] = s;
  }
  return { value: out, user: Object.keys(out).length > 0 };
}

/** The model options checked and defaulted; throws RippleError naming the option. */
export function modelSettings(input: ModelOptionsInput = {}): ModelSettings {
  return {
    importType: importTypeSetting(input.importType),
    consumptionRate: consumptionSetting(input.consumptionRate),
    incomeBase: incomeBaseSetting(input.incomeBase),
    selfSufficiency: selfSufficiencySetting(input.selfSufficiency),
  };
}

export function analysisOptions(input: AnalysisOptionsInput): AnalysisOptions {
  return {
    ...modelSettings(input),
    typeII: setting(input.typeII || undefined, false),
    allowImbalance: setting(input.allowImbalance || undefined, false),
    purchaserPrices: purchaserPriceSetting(input),
    lang: input.lang,
  };
}

/** The purchaser-price choice checked once for every host (CLI flags, pane fields). */
export function purchaserPriceSetting(
  input: Pick<AnalysisOptionsInput, "purchaserPrices" | "margins" | "tradeSector" | "transportSector" | "marginsColumn">,
): Setting<PurchaserPriceSetting | null> {
  const named = (v: string | undefined) => (blank(v) ? undefined : v!.trim());
  const trade = named(input.tradeSector);
  const transport = named(input.transportSector);
  const column = named(input.marginsColumn);
  if (!input.purchaserPrices) {
    if (input.margins || trade || transport || column)
      throw optionError("purchaserPrices", {
        ja: "マージン率やマージンを受ける部門は、需要変化が購入者価格のとき（--purchaser-prices、作業ウィンドウではチェック）だけ指定できます",
        en: "margin rates and margin sectors apply only to a shock at purchaser prices (--purchaser-prices; in the task pane: its checkbox)",
      });
    return { value: null, user: false };
  }
  if (!input.margins)
    throw optionError("purchaserPrices", {
      ja: "購入者価格の需要変化を生産者価格に直すにはマージン率が必要です。--margins MARGINS.csv（部門、商業マージン率、運輸マージン率）か --margins-sheet を指定してください（作業ウィンドウではマージン率の範囲）",
      en: "converting a purchaser-price shock to producer prices needs margin rates: give --margins MARGINS.csv (sector, trade margin rate, transport margin rate) or --margins-sheet (in the task pane: the margins range)",
    });
  const value: PurchaserPriceSetting = { ...(trade ? { tradeSector: trade } : {}), ...(transport ? { transportSector: transport } : {}) };
  if (column) value.marginsColumn = column;
  return { value, user: true };
}

/** Every value, defaults included: what the engine computes with. */
export function engineOptions(s: ModelSettings): ModelOptions {
  const o: ModelOptions = { consumptionRate: s.consumptionRate.value, incomeBase: s.incomeBase.value };
  if (s.importType.value) o.importType = s.importType.value;
  if (Object.keys(s.selfSufficiency.value).length) o.selfSufficiency = { ...s.selfSufficiency.value };
  return o;
}

/** Only what the user set: what the method sheet records as "entered by the user". */
export function userOptions(s: ModelSettings): ModelOptions {
  const o: ModelOptions = {};
  if (s.importType.user && s.importType.value) o.importType = s.importType.value;
  if (s.consumptionRate.user) o.consumptionRate = s.consumptionRate.value;
  if (s.incomeBase.user) o.incomeBase = s.incomeBase.value;
  if (s.selfSufficiency.user) o.selfSufficiency = { ...s.selfSufficiency.value };
  return o;
}

/** The settings of options already checked elsewhere as numbers (the engine's ModelOptions,
 * e.g. from a test or a stored run): each given one counts as the user's. */
export function settingsFromModelOptions(o: ModelOptions = {}): ModelSettings {
  return modelSettings({
    importType: o.importType,
    consumptionRate: o.consumptionRate,
    incomeBase: o.incomeBase,
    selfSufficiency: o.selfSufficiency,
  });
}
