// The demand-share model's inputs built from a flat parameter record, whose default values come
// from the defaults file (block/parameter named next to each key, with its grade and source).
// Flat records make Monte Carlo and the tornado simple: any key can carry a distribution.

import type { Bilingual } from "../errors";
import { type Parameter, citation, param } from "../params/defaults";
import type { Application, MarketInputs, Scenario } from "./model";

export interface ParameterInfo {
  key: string;
  label: Bilingual;
  unit: string;
  /** block/parameter in the defaults file, or null when it is a modelling assumption. */
  defaultsRow: [string, string] | null;
  /** Why the value is what it is when it is not read from the defaults file. */
  assumption?: Bilingual;
}

const APPS: { key: string; label: Bilingual; share: string; intensity: [string, string] | null; unit: string; intensityUnit: string }[] = [
  { key: "ev", label: { ja: "EV/HEV/PHEV 駆動", en: "EV/HEV/PHEV traction" }, share: "EV traction share of global demand 2024", intensity: ["intensity", "BEV magnet per vehicle (traction + auxiliary)"], unit: "vehicles", intensityUnit: "kg/vehicle" },
  { key: "auto", label: { ja: "その他自動車", en: "Other automotive" }, share: "other automotive share", intensity: ["intensity", "ICE vehicle magnet per vehicle"], unit: "vehicles", intensityUnit: "kg/vehicle" },
  { key: "wind", label: { ja: "風力発電", en: "Wind" }, share: "wind share", intensity: ["intensity", "wind fleet average"], unit: "MW", intensityUnit: "kg/MW" },
  { key: "aircon", label: { ja: "エアコン・家電", en: "Air conditioners and appliances" }, share: "air conditioners and appliances share", intensity: ["intensity", "inverter air conditioner"], unit: "units", intensityUnit: "kg/unit" },
  { key: "industrial", label: { ja: "産業用モーター・ロボット", en: "Industrial motors and robots" }, share: "industrial motors robots elevators share", intensity: null, unit: "t-equivalent", intensityUnit: "t/t" },
  { key: "electronics", label: { ja: "電子機器・HDD", en: "Electronics and HDD" }, share: "electronics and HDD share", intensity: null, unit: "t-equivalent", intensityUnit: "t/t" },
  { key: "other", label: { ja: "その他", en: "Other" }, share: "other share", intensity: null, unit: "t-equivalent", intensityUnit: "t/t" },
];

export const MARKET_PARAMETERS: ParameterInfo[] = [
  { key: "demand2024", label: { ja: "国内NdFeB需要 2024年", en: "Domestic NdFeB demand 2024" }, unit: "t", defaultsRow: ["japan", "domestic NdFeB demand 2024"] },
  { key: "growth", label: { ja: "国内需要の年成長率", en: "Domestic demand growth" }, unit: "/yr", defaultsRow: ["japan", "domestic demand growth to 2030"] },
  { key: "globalDemand2024", label: { ja: "世界NdFeB需要 2024年", en: "Global NdFeB demand 2024" }, unit: "t", defaultsRow: ["global", "NdFeB demand 2024 (finished magnet)"] },
  { key: "globalGrowth1", label: { ja: "世界需要成長率 2024–2030", en: "Global growth 2024–2030" }, unit: "/yr", defaultsRow: ["global", "demand growth 2024-2030"] },
  { key: "globalGrowth2", label: { ja: "世界需要成長率 2030–2040", en: "Global growth 2030–2040" }, unit: "/yr", defaultsRow: ["global", "demand growth 2030-2040"] },
  { key: "output2024", label: { ja: "国内生産量 2024年（国内工場）", en: "Output of plants in Japan 2024" }, unit: "t", defaultsRow: ["japan", "domestic NdFeB output 2024 (plants in Japan)"] },
  { key: "imports2024", label: { ja: "中国からの輸入 2024年", en: "Imports from China 2024" }, unit: "t", defaultsRow: ["japan", "imports of magnets from China 2024"] },
  { key: "sigma1", label: { ja: "アーミントン弾力性（1年目）", en: "Armington elasticity, year 1" }, unit: "", defaultsRow: ["trade", "Armington elasticity magnets year 1"] },
  { key: "sigma5", label: { ja: "アーミントン弾力性（5年目以降）", en: "Armington elasticity, year 5+" }, unit: "", defaultsRow: ["trade", "Armington elasticity magnets year 5"] },
  { key: "elasticity1", label: { ja: "需要の価格弾力性（短期）", en: "Price elasticity of demand, short run" }, unit: "", defaultsRow: ["trade", "price elasticity of demand short run"] },
  { key: "elasticity5", label: { ja: "需要の価格弾力性（長期）", en: "Price elasticity of demand, long run" }, unit: "", defaultsRow: ["trade", "price elasticity of demand long run"] },
  { key: "unitValue", label: { ja: "国産磁石の単価", en: "Unit value of domestic magnets" }, unit: "JPY/kg", defaultsRow: ["price", "Japanese automotive-grade NdFeB"] },
  {
    key: "maxUtilization",
    label: { ja: "国内能力の最大稼働率", en: "Maximum utilization of domestic capacity" },
    unit: "",
    defaultsRow: null,
    assumption: {
      ja: "1.0: 既存能力を2024年の生産量（下限）とみなすため、既存工場の余力はなく、支援計画の能力だけが余力になる",
      en: "1.0: existing capacity is taken as the 2024 output (a lower bound), so only the supported plans add spare capacity",
    },
  },
  ...APPS.map((a) => ({
    key: `share_${a.key}`,
    label: { ja: `用途別シェア: ${a.label.ja}`, en: `Application share: ${a.label.en}` },
    unit: "share",
    defaultsRow: ["application", a.share] as [string, string],
  })),
];

/** The flat parameter record with the defaults' values. */
export function defaultMarketParameters(params: Parameter[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const info of MARKET_PARAMETERS) {
    if (info.defaultsRow) out[info.key] = param(params, ...info.defaultsRow).value;
  }
  out.maxUtilization = 1;
  return out;
}

/** Source text of a parameter for the results: defaults row with its grade, or the assumption. */
export function parameterSource(params: Parameter[], info: ParameterInfo): Bilingual {
  if (!info.defaultsRow) return info.assumption ?? { ja: "仮定", en: "assumption" };
  const p = param(params, ...info.defaultsRow);
  return { ja: `既定値${citation(params, p, "ja")}`, en: `default ${citation(params, p, "en")}` };
}

/** Low/high of a parameter in the defaults file, for the tornado and triangular distributions. */
export function parameterRange(params: Parameter[], info: ParameterInfo): { low: number; high: number } | null {
  if (!info.defaultsRow) return null;
  const p = param(params, ...info.defaultsRow);
  return p.low !== null && p.high !== null ? { low: p.low, high: p.high } : null;
}

/** Interpolate from a year-1 value to a year-5 value over the first five model years. */
function ramp(first: number, fifth: number, k: number): number {
  return first + (fifth - first) * Math.min(1, k / 4);
}

/**
 * Model inputs for years ≥ 2024 from the flat parameters and the supported plans' capacity online
 * per year; `intensityOf` gives an application's magnet intensity. Prices are indices (base = 1):
 * only their changes matter for the shares.
 */
export function buildMarketInputs(
  p: Record<string, number>,
  years: number[],
  supportedCapacity: number[],
  intensityOf: (appKey: string) => number,
): MarketInputs {
  const perYear = () => new Array<number>(years.length).fill(0);
  const m: MarketInputs = {
    years,
    domestic: APPS.map((a) => ({
      key: a.key,
      label: a.label,
      activity: perYear(),
      activityUnit: a.unit,
      intensity: perYear(),
      intensityUnit: a.intensityUnit,
      toTonnes: a.intensity ? (a.intensityUnit.startsWith("kg") ? 0.001 : 1) : 1,
    })),
    globalDemand: perYear(),
    baseCapacity: 0,
    supportedCapacity,
    maxUtilization: 0,
    baseOutput: 0,
    baseImports: 0,
    exports: perYear(),
    origins: [{ name: "China", share: 1 }],
    domesticPrice: 1,
    importPrice: 1,
    sigma: perYear(),
    priceElasticity: perYear(),
    unitValue: 0,
  };
  refillMarketInputs(m, p, intensityOf);
  return m;
}

const SHARE_KEYS = APPS.map((a) => `share_${a.key}`);

let demandScratch = new Float64Array(0);
/** Domestic demand by year: demand2024 × (1 + growth)^(year − 2024), in a reused array. */
function yearDemands(demand2024: number, growth: number, years: readonly number[]): Float64Array {
  if (demandScratch.length < years.length) demandScratch = new Float64Array(years.length);
  for (let k = 0; k < years.length; k++) demandScratch[k] = demand2024 * Math.pow(1 + growth, years[k] - 2024);
  return demandScratch;
}

/**
 * Write the values that depend on the parameters into `m` (made by buildMarketInputs for the same
 * years), in place: a Monte Carlo draw refills one record instead of allocating a new one.
 */
export function refillMarketInputs(m: MarketInputs, p: Record<string, number>, intensityOf: (appKey: string) => number, memo?: RefillMemo): void {
  const { years } = m;
  // A Monte Carlo draw runs this 100,000 times: names and the year's demand are made once per
  // call, not per application (same expressions, so the same numbers).
  let shareTotal = 0;
  for (const key of SHARE_KEYS) shareTotal += p[key];
  const demands = yearDemands(p.demand2024, p.growth, years);
  for (let i = 0; i < APPS.length; i++) {
    const a = APPS[i];
    const app = m.domestic[i];
    const share = p[SHARE_KEYS[i]] / shareTotal;
    const intensity = a.intensity ? intensityOf(a.key) : 1;
    for (let k = 0; k < years.length; k++) {
      const demand = demands[k];
      // Activity calibrated so that activity × intensity reproduces demand × application share.
      app.activity[k] = (demand * share) / (intensity * app.toTonnes);
      app.intensity[k] = intensity;
    }
  }
  // Base-year exports close the balance: output + imports − demand (2024).
  const exports2024 = Math.max(0, p.output2024 + p.imports2024 - p.demand2024);
  if (!memo || !sameGlobal(memo, p)) {
    fillGlobalDemand(m, p);
    if (memo) {
      memo.filled = true;
      memo.globalDemand2024 = p.globalDemand2024;
      memo.globalGrowth1 = p.globalGrowth1;
      memo.globalGrowth2 = p.globalGrowth2;
    }
  }
  for (let k = 0; k < years.length; k++) {
    m.exports[k] = exports2024;
    m.sigma[k] = ramp(p.sigma1, p.sigma5, k);
    m.priceElasticity[k] = ramp(p.elasticity1, p.elasticity5, k);
  }
  m.baseCapacity = p.output2024;
  m.maxUtilization = p.maxUtilization;
  m.baseOutput = p.output2024;
  m.baseImports = p.imports2024;
  m.unitValue = p.unitValue;
}

/** The global parameters refillMarketInputs last wrote into one record's global demand. A Monte
 * Carlo that does not draw them refills the same record 100,000 times with the same numbers (about
 * twenty powers a draw): given the memo, it skips them when they are unchanged. The memo belongs
 * to the record: whoever writes the record's global demand otherwise makes a new memo. */
export interface RefillMemo {
  filled: boolean;
  globalDemand2024: number;
  globalGrowth1: number;
  globalGrowth2: number;
}

export function newRefillMemo(): RefillMemo {
  return { filled: false, globalDemand2024: 0, globalGrowth1: 0, globalGrowth2: 0 };
}

function sameGlobal(memo: RefillMemo, p: Record<string, number>): boolean {
  return memo.filled && Object.is(memo.globalDemand2024, p.globalDemand2024) && Object.is(memo.globalGrowth1, p.globalGrowth1) && Object.is(memo.globalGrowth2, p.globalGrowth2);
}

function fillGlobalDemand(m: MarketInputs, p: Record<string, number>): void {
  const { years } = m;
  for (let k = 0; k < years.length; k++) {
    const y = years[k];
    m.globalDemand[k] =
      y <= 2030
        ? p.globalDemand2024 * Math.pow(1 + p.globalGrowth1, y - 2024)
        : p.globalDemand2024 * Math.pow(1 + p.globalGrowth1, 6) * Math.pow(1 + p.globalGrowth2, y - 2030);
  }
}

/** The intensity lookup of buildMarketInputs from the defaults rows. */
export function intensityFromDefaults(params: Parameter[]): (appKey: string) => number {
  const byKey = new Map(APPS.filter((a) => a.intensity).map((a) => [a.key, param(params, ...a.intensity!).value]));
  return (appKey) => byKey.get(appKey)!;
}

/** The named scenarios: the April-2025-type and severe shocks from the defaults file. */
export function defaultScenarios(params: Parameter[]): Scenario[] {
  const aprilCut = param(params, "shock", "April-2025 type: cut of China-Japan magnet flows").value;
  const aprilMonths = param(params, "shock", "April-2025 type: duration").value;
  const severeCut = param(params, "shock", "severe: cut").value;
  const severeMonths = param(params, "shock", "severe: duration").value;
  return [
    { name: "base", label: { ja: "基準", en: "Base" }, shocks: [] },
    {
      name: "april2025",
      label: { ja: `2025年4月型（中国 ${aprilCut * 100}% 減 ${aprilMonths}か月）`, en: `April-2025 type (China −${aprilCut * 100}% for ${aprilMonths} months)` },
      shocks: [{ origin: "China", cut: aprilCut, months: aprilMonths, startYear: 2025, startMonth: 4, pricePremium: 0 }],
    },
    {
      name: "severe",
      label: { ja: `深刻（中国 ${severeCut * 100}% 減 ${severeMonths}か月、2026年4月から）`, en: `Severe (China −${severeCut * 100}% for ${severeMonths} months from April 2026)` },
      shocks: [{ origin: "China", cut: severeCut, months: severeMonths, startYear: 2026, startMonth: 4, pricePremium: 0 }],
    },
  ];
}

export const APPLICATIONS = APPS.map((a) => ({ key: a.key, label: a.label, activityUnit: a.unit, intensityUnit: a.intensityUnit }));
