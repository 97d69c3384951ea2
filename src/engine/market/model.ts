// Demand-share model for permanent magnets (MODELS.md 8): demand by application as activity ×
// intensity, domestic supply from capacity, imports by origin, export-control shocks, Armington
// substitution between domestic and imported magnets and a price response of demand. Tonnes are
// finished magnet mass; "domestic" means plants in Japan.

import { RippleError } from "../errors";

export interface Application {
  key: string;
  label: { ja: string; en: string };
  /** Activity per year (vehicles, MW, units, or tonnes-equivalent), and its unit. */
  activity: number[];
  activityUnit: string;
  /** Magnet per unit of activity, per year, and its unit. */
  intensity: number[];
  intensityUnit: string;
  /** Tonnes per (activity unit × intensity unit), e.g. 0.001 for kg per unit. */
  toTonnes: number;
}

export interface Origin {
  name: string;
  /** Share of Japan's magnet imports in the base year. */
  share: number;
}

/** An export-control shock: an origin's supply cut by `cut` for `months` from (year, month), with
 * a price premium on imports while it lasts. */
export interface Shock {
  origin: string;
  cut: number;
  months: number;
  startYear: number;
  /** 1 = January; fiscal-year users enter 4 for April. */
  startMonth: number;
  pricePremium: number;
}

export interface Scenario {
  name: string;
  label: { ja: string; en: string };
  shocks: Shock[];
}

export interface MarketInputs {
  years: number[];
  /** Domestic demand drivers (Japan). */
  domestic: Application[];
  /** Global demand by year, t (from its own drivers). */
  globalDemand: number[];
  /** Capacity of plants in Japan before the supported plans, t/yr. */
  baseCapacity: number;
  /** Capacity of the supported plans online per year, t/yr. */
  supportedCapacity: number[];
  /** Highest sustainable utilization of domestic capacity (0–1]. */
  maxUtilization: number;
  /** Base-year flows that calibrate the shares: domestic output, imports, exports, t. */
  baseOutput: number;
  baseImports: number;
  /** Exports of plants in Japan, t per year (kept as in the base unless given). */
  exports: number[];
  origins: Origin[];
  /** Prices in the base year (any one currency per kg). */
  domesticPrice: number;
  importPrice: number;
  /** Armington elasticity σ by year, and the price elasticity of demand ε (≤ 0) by year. */
  sigma: number[];
  priceElasticity: number[];
  /** 円/kg of domestic output, to turn the change in tonnes into 百万円 for the IO model. */
  unitValue: number;
}

export interface YearResult {
  year: number;
  /** Demand before the price response, and after it. */
  demand: number;
  demandAfterPrice: number;
  demandByApplication: number[];
  globalDemand: number;
  capacity: number;
  /** Output of plants in Japan (domestic sales + exports). */
  domesticOutput: number;
  domesticSales: number;
  importsByOrigin: number[];
  imports: number;
  /** Demand that neither imports nor spare domestic capacity could meet. */
  shortfall: number;
  domesticShare: number;
  importShares: number[];
  /** Output of plants in Japan / global demand. */
  japanGlobalShare: number;
  /** Domestic capacity / domestic demand (the 2030 KPI). */
  kpi: number;
  importPriceIndex: number;
}

export interface MarketResult {
  scenario: string;
  years: YearResult[];
}

const sum = (a: number[]): number => a.reduce((s, v) => s + v, 0);

function check(cond: boolean, what: string, ja: string, en: string): void {
  if (!cond) throw new RippleError("market-input", { ja: `${what}: ${ja}`, en: `${what}: ${en}` });
}

export function validateInputs(m: MarketInputs): void {
  const n = m.years.length;
  check(n > 0, "years", "年がありません", "no years");
  for (const [name, arr] of [
    ["globalDemand", m.globalDemand],
    ["supportedCapacity", m.supportedCapacity],
    ["exports", m.exports],
    ["sigma", m.sigma],
    ["priceElasticity", m.priceElasticity],
  ] as const)
    check(arr.length === n && arr.every(Number.isFinite), name, `${n} 年分の数値が必要です`, `needs ${n} numbers, one per year`);
  for (const a of m.domestic)
    check(
      a.activity.length === n && a.intensity.length === n && [...a.activity, ...a.intensity].every((v) => Number.isFinite(v) && v >= 0),
      a.label.en,
      `活動量と原単位は ${n} 年分の 0 以上の数値にしてください`,
      `activity and intensity need ${n} numbers ≥ 0`,
    );
  check(m.sigma.every((s) => s >= 0), "sigma", "アーミントン弾力性は 0 以上", "the Armington elasticity must be ≥ 0");
  check(m.priceElasticity.every((e) => e <= 0), "priceElasticity", "需要の価格弾力性は 0 以下", "the price elasticity of demand must be ≤ 0");
  check(m.maxUtilization > 0 && m.maxUtilization <= 1, "maxUtilization", "0 より大きく 1 以下", "must be in (0, 1]");
  check(m.baseOutput >= 0 && m.baseImports >= 0 && m.baseCapacity >= 0, "base flows", "0 以上", "must be ≥ 0");
  check(Math.abs(sum(m.origins.map((o) => o.share)) - 1) < 1e-9, "origins", "輸入元のシェアの合計を 1 に", "import shares by origin must add up to 1");
  check(m.domesticPrice > 0 && m.importPrice > 0, "prices", "価格は正の数", "prices must be positive");
}

/** Fraction of each year that a shock covers (months in that year / 12). */
export function shockYearFractions(shock: Shock, years: number[]): number[] {
  check(shock.cut >= 0 && shock.cut <= 1, `shock ${shock.origin}`, "削減率は 0〜1", "the cut must be between 0 and 1");
  check(shock.months >= 0, `shock ${shock.origin}`, "月数は 0 以上", "months must be ≥ 0");
  check(shock.startMonth >= 1 && shock.startMonth <= 12, `shock ${shock.origin}`, "開始月は 1〜12", "start month must be 1–12");
  const start = shock.startYear * 12 + (shock.startMonth - 1);
  const end = start + shock.months;
  return years.map((y) => {
    const lo = Math.max(start, y * 12);
    const hi = Math.min(end, (y + 1) * 12);
    return Math.max(0, hi - lo) / 12;
  });
}

export function demandByApplication(m: MarketInputs, k: number): number[] {
  return m.domestic.map((a) => a.activity[k] * a.intensity[k] * a.toTonnes);
}

/** Run the model for one scenario. */
export function runMarket(m: MarketInputs, scenario: Scenario): MarketResult {
  validateInputs(m);
  const n = m.years.length;
  // Effective cut and premium by origin and year: cut × fraction of the year affected.
  const cut = m.origins.map(() => new Array<number>(n).fill(0));
  const premium = new Array<number>(n).fill(0);
  for (const s of scenario.shocks) {
    const o = m.origins.findIndex((x) => x.name === s.origin);
    check(o >= 0, `shock origin ${s.origin}`, "輸入元の一覧にありません", "is not one of the import origins");
    const frac = shockYearFractions(s, m.years);
    for (let k = 0; k < n; k++) {
      cut[o][k] = Math.min(1, cut[o][k] + s.cut * frac[k]);
      premium[k] += s.pricePremium * frac[k] * m.origins[o].share;
    }
  }
  // Base-year shares of the domestic market, calibrating the Armington preference weights.
  const baseSales = Math.max(0, m.baseOutput - m.exports[0]);
  const baseMarket = baseSales + m.baseImports;
  check(baseMarket > 0, "base flows", "基準年の国内市場が 0 です", "the base-year domestic market is 0");
  const sd0 = baseSales / baseMarket;
  const sm0 = 1 - sd0;
  const avg0 = sd0 * m.domesticPrice + sm0 * m.importPrice;

  const years: YearResult[] = m.years.map((year, k) => {
    const byApp = demandByApplication(m, k);
    const demand = sum(byApp);
    const pm = m.importPrice * (1 + premium[k]);
    const sigma = m.sigma[k];
    // Armington: s_d/s_m = (α_d/α_m)^σ (p_m/p_d)^σ with α calibrated so base prices give the base
    // shares; σ = 0 keeps them fixed, a large σ moves demand to the cheaper source.
    let sd: number;
    if (sm0 === 0) sd = 1;
    else if (sd0 === 0) sd = 0;
    else {
      const ratio = (sd0 / sm0) * Math.pow(pm / m.importPrice, sigma);
      sd = ratio / (1 + ratio);
    }
    const avg = sd * m.domesticPrice + (1 - sd) * pm;
    const demandAfterPrice = demand * Math.pow(avg / avg0, m.priceElasticity[k]);
    const capacity = m.baseCapacity + m.supportedCapacity[k];
    const domesticAvailable = Math.max(0, capacity * m.maxUtilization - m.exports[k]);
    // Domestic plants serve their Armington share up to their capacity; imports serve the rest of
    // demand (the world market is elastic) except what an export control cuts, which spare
    // domestic capacity fills as far as it can. Without a cut there is no shortfall.
    const firstDomestic = Math.min(domesticAvailable, sd * demandAfterPrice);
    const wantImports = demandAfterPrice - firstDomestic;
    const importsByOrigin = m.origins.map((o, i) => wantImports * o.share * (1 - cut[i][k]));
    const imports = sum(importsByOrigin);
    const domesticSales = Math.min(domesticAvailable, firstDomestic + (wantImports - imports));
    const supplied = domesticSales + imports;
    const shortfall = Math.max(0, demandAfterPrice - supplied);
    const domesticOutput = domesticSales + m.exports[k];
    return {
      year,
      demand,
      demandAfterPrice,
      demandByApplication: byApp,
      globalDemand: m.globalDemand[k],
      capacity,
      domesticOutput,
      domesticSales,
      importsByOrigin,
      imports,
      shortfall,
      domesticShare: supplied > 0 ? domesticSales / supplied : 0,
      importShares: importsByOrigin.map((v) => (supplied > 0 ? v / supplied : 0)),
      japanGlobalShare: m.globalDemand[k] > 0 ? domesticOutput / m.globalDemand[k] : 0,
      kpi: demand > 0 ? capacity / demand : Infinity,
      importPriceIndex: pm / m.importPrice,
    };
  });
  return { scenario: scenario.name, years };
}

/** Change of output of plants in Japan against another run (e.g. the base), in t and in 百万円
 * (t × 1000 kg/t × 円/kg ÷ 10⁶) — the production increase the IO model takes. */
export function outputChange(m: MarketInputs, run: MarketResult, base: MarketResult): { tonnes: number[]; millionYen: number[] } {
  const tonnes = run.years.map((y, k) => y.domesticOutput - base.years[k].domesticOutput);
  return { tonnes, millionYen: tonnes.map((t) => (t * m.unitValue) / 1000) };
}

export const BASE_SCENARIO: Scenario = { name: "base", label: { ja: "基準", en: "Base" }, shocks: [] };
