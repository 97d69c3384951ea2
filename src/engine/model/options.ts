// User parameters of the models (MODELS.md 2-3), their defaults with sources, and validation.

import { RippleError, type Bilingual } from "../errors";
import type { ImportType } from "../table/types";

/**
 * 消費転換係数 c (share of induced income spent on consumption) — a USER PARAMETER.
 * Default 0.734 = 平均消費性向 73.4% of 二人以上の世帯のうち勤労者世帯, 2011 (the year of the
 * bundled MIC table), the value MIC and the prefectures use for the second-round effect.
 * Users should set the year (and region) matching their table; the value used is recorded in
 * the results.
 */
export const DEFAULT_CONSUMPTION_RATE = 0.734;
export const DEFAULT_CONSUMPTION_RATE_SOURCE: Bilingual = {
  ja: "総務省統計局「家計調査」2011年 二人以上の世帯のうち勤労者世帯 平均消費性向 73.4%（利用者が変更できる既定値）",
  en: "Statistics Bureau of Japan (MIC), Family Income and Expenditure Survey 2011, two-or-more-person worker households, average propensity to consume 73.4% (a default the user can change)",
};

/** Income that drives induced consumption: compensation of employees (MIC default), or
 * compensation plus operating surplus (some prefectures). */
export type IncomeBase = "compensation" | "compensation+surplus";

export interface ModelOptions {
  /** Override the table's import convention. */
  importType?: ImportType;
  /** 消費転換係数 c in [0, 1]; default DEFAULT_CONSUMPTION_RATE. */
  consumptionRate?: number;
  /** Default "compensation". */
  incomeBase?: IncomeBase;
  /** 自給率 for the direct effect by sector index, in [0, 1] (e.g. construction: 1). Without an
   * override the direct effect uses 1 − m_i (competitive) or 1 (domestic-use tables). */
  selfSufficiency?: Record<number, number>;
}

export interface ResolvedOptions {
  importType: ImportType;
  consumptionRate: number;
  incomeBase: IncomeBase;
  selfSufficiency: Map<number, number>;
}

function optionError(option: string, text: Bilingual): RippleError {
  return new RippleError(`option-${option}`, {
    ja: `オプション ${option}: ${text.ja}`,
    en: `option ${option}: ${text.en}`,
  });
}

function isShare(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 1;
}

/** Check the options against a table of n sectors and fill in the defaults. */
export function resolveOptions(
  options: ModelOptions | undefined,
  n: number,
  tableImportType: ImportType,
  sectorLabel: (i: number) => string = (i) => String(i),
): ResolvedOptions {
  const o = options ?? {};
  if (o.importType !== undefined && o.importType !== "competitive" && o.importType !== "domestic")
    throw optionError("importType", {
      ja: `"${String(o.importType)}" は使えません。"competitive"（競争輸入型）か "domestic"（非競争輸入型）を指定してください`,
      en: `"${String(o.importType)}" is not allowed; use "competitive" or "domestic"`,
    });
  const c = o.consumptionRate ?? DEFAULT_CONSUMPTION_RATE;
  if (!isShare(c))
    throw optionError("consumptionRate", {
      ja: `消費転換係数 ${String(c)} は 0〜1 の数にしてください（例: 0.734）`,
      en: `consumption rate ${String(c)} must be a number from 0 to 1 (e.g. 0.734)`,
    });
  const base = o.incomeBase ?? "compensation";
  if (base !== "compensation" && base !== "compensation+surplus")
    throw optionError("incomeBase", {
      ja: `"${String(base)}" は使えません。"compensation" か "compensation+surplus" を指定してください`,
      en: `"${String(base)}" is not allowed; use "compensation" or "compensation+surplus"`,
    });
  const ss = new Map<number, number>();
  for (const [key, value] of Object.entries(o.selfSufficiency ?? {})) {
    const i = Number(key);
    if (!Number.isInteger(i) || i < 0 || i >= n)
      throw optionError("selfSufficiency", {
        ja: `部門番号 ${key} は範囲外です（0〜${n - 1}）`,
        en: `sector index ${key} is out of range (0 to ${n - 1})`,
      });
    if (!isShare(value))
      throw optionError("selfSufficiency", {
        ja: `${sectorLabel(i)} の自給率 ${String(value)} は 0〜1 の数にしてください`,
        en: `self-sufficiency ${String(value)} of ${sectorLabel(i)} must be a number from 0 to 1`,
      });
    ss.set(i, value);
  }
  return { importType: o.importType ?? tableImportType, consumptionRate: c, incomeBase: base, selfSufficiency: ss };
}
