// Demand-share model for permanent magnets (MODELS.md 8): demand by application as activity ×
// intensity, domestic supply from capacity, imports by origin, export-control shocks, Armington
// substitution between domestic and imported magnets and a price response of demand. Tonnes are
// finished magnet mass; "domestic" means plants in Japan.

import { RippleError } from "../errors";
import { sum } from "../numeric";

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


function check(cond: boolean, what: string, ja: string, en: string): void {
  if (!cond) throw new RippleError("market-input", { ja: `${what}: ${ja}`, en: `${what}: ${en}` });
}

// Loops, not spreads: validateInputs runs once per Monte Carlo draw.
function allFinite(a: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}
function allFiniteNonNegative(a: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (!(Number.isFinite(a[i]) && a[i] >= 0)) return false;
  return true;
}

export function validateInputs(m: MarketInputs): void {
  const n = m.years.length;
  check(n > 0, "years", "年がありません", "no years");
  // Messages are built only for a failing check: this runs once per Monte Carlo draw.
  const perYear = (name: string, arr: number[]) => {
    if (!(arr.length === n && allFinite(arr))) check(false, name, `${n} 年分の数値が必要です`, `needs ${n} numbers, one per year`);
  };
  perYear("globalDemand", m.globalDemand);
  perYear("supportedCapacity", m.supportedCapacity);
  perYear("exports", m.exports);
  perYear("sigma", m.sigma);
  perYear("priceElasticity", m.priceElasticity);
  for (const a of m.domestic)
    if (!(a.activity.length === n && a.intensity.length === n && allFiniteNonNegative(a.activity) && allFiniteNonNegative(a.intensity)))
      check(false, a.label.en, `活動量と原単位は ${n} 年分の 0 以上の数値にしてください`, `activity and intensity need ${n} numbers ≥ 0`);
  let sigmaOk = true;
  for (const v of m.sigma) if (!(v >= 0)) sigmaOk = false;
  check(sigmaOk, "sigma", "アーミントン弾力性は 0 以上", "the Armington elasticity must be ≥ 0");
  let elasticityOk = true;
  for (const v of m.priceElasticity) if (!(v <= 0)) elasticityOk = false;
  check(elasticityOk, "priceElasticity", "需要の価格弾力性は 0 以下", "the price elasticity of demand must be ≤ 0");
  check(m.maxUtilization > 0 && m.maxUtilization <= 1, "maxUtilization", "0 より大きく 1 以下", "must be in (0, 1]");
  check(m.baseOutput >= 0 && m.baseImports >= 0 && m.baseCapacity >= 0, "base flows", "0 以上", "must be ≥ 0");
  let shares = 0;
  for (const o of m.origins) shares += o.share;
  check(Math.abs(shares - 1) < 1e-9, "origins", "輸入元のシェアの合計を 1 に", "import shares by origin must add up to 1");
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
  return runMarketValidated(m, scenario);
}

/** runMarket on inputs already validated (Monte Carlo validates a draw's inputs once for the
 * base and the scenario it runs on them). */
export function runMarketValidated(m: MarketInputs, scenario: Scenario): MarketResult {
  const schedule = shockSchedule(m, scenario);
  const c = calibrate(m);
  const f = newYearFlows(m.origins.length);
  const d = newDemandSide();
  const years: YearResult[] = m.years.map((year, k) => {
    yearFlows(m, k, schedule, c, f, d);
    const byApp = demandByApplication(m, k);
    const importsByOrigin = f.importsByOrigin.slice();
    const supplied = f.domesticSales + f.imports;
    return {
      year,
      demand: f.demand,
      demandAfterPrice: f.demandAfterPrice,
      demandByApplication: byApp,
      globalDemand: m.globalDemand[k],
      capacity: f.capacity,
      domesticOutput: f.domesticOutput,
      domesticSales: f.domesticSales,
      importsByOrigin,
      imports: f.imports,
      shortfall: f.shortfall,
      domesticShare: supplied > 0 ? f.domesticSales / supplied : 0,
      importShares: importsByOrigin.map((v) => (supplied > 0 ? v / supplied : 0)),
      japanGlobalShare: m.globalDemand[k] > 0 ? f.domesticOutput / m.globalDemand[k] : 0,
      kpi: f.demand > 0 ? f.capacity / f.demand : Infinity,
      importPriceIndex: f.importPrice / m.importPrice,
    };
  });
  return { scenario: scenario.name, years };
}

/** A scenario's effective cut by origin and year (cut × fraction of the year affected) and its
 * import price premium by year. Depends on the years, the origins and the shocks only, so the
 * Monte Carlo makes it once per scenario. */
export interface ShockSchedule {
  cut: number[][];
  premium: number[];
}

export function shockSchedule(m: Pick<MarketInputs, "years" | "origins">, scenario: Scenario): ShockSchedule {
  const n = m.years.length;
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
  return { cut, premium };
}

/** Base-year shares of the domestic market, calibrating the Armington preference weights. */
interface Calibration {
  sd0: number;
  sm0: number;
  avg0: number;
}

function calibrate(m: MarketInputs): Calibration {
  const baseSales = Math.max(0, m.baseOutput - m.exports[0]);
  const baseMarket = baseSales + m.baseImports;
  check(baseMarket > 0, "base flows", "基準年の国内市場が 0 です", "the base-year domestic market is 0");
  const sd0 = baseSales / baseMarket;
  const sm0 = 1 - sd0;
  return { sd0, sm0, avg0: sd0 * m.domesticPrice + sm0 * m.importPrice };
}

/** The flows of one year; one record reused from year to year (and draw to draw). */
export interface YearFlows {
  demand: number;
  demandAfterPrice: number;
  importPrice: number;
  capacity: number;
  domesticSales: number;
  importsByOrigin: number[];
  imports: number;
  shortfall: number;
  domesticOutput: number;
}

export function newYearFlows(origins: number): YearFlows {
  return { demand: 0, demandAfterPrice: 0, importPrice: 0, capacity: 0, domesticSales: 0, importsByOrigin: new Array<number>(origins).fill(0), imports: 0, shortfall: 0, domesticOutput: 0 };
}

/** The demand side of one year: what depends on the year's import price premium but not on the
 * cuts, so two scenarios with the same premium share it (the Monte Carlo's base and drawn runs). */
interface DemandSide {
  demand: number;
  demandAfterPrice: number;
  importPrice: number;
  capacity: number;
  domesticAvailable: number;
  firstDomestic: number;
  wantImports: number;
}

function newDemandSide(): DemandSide {
  return { demand: 0, demandAfterPrice: 0, importPrice: 0, capacity: 0, domesticAvailable: 0, firstDomestic: 0, wantImports: 0 };
}

/** The model's equations for year k, into `f` (the one place they are written: demandSide, then
 * supplySide). */
function yearFlows(m: MarketInputs, k: number, schedule: ShockSchedule, c: Calibration, f: YearFlows, d: DemandSide): void {
  demandSide(m, k, schedule.premium[k], c, d);
  supplySide(m, k, schedule.cut, d, f);
}

function demandSide(m: MarketInputs, k: number, premium: number, c: Calibration, d: DemandSide): void {
  let demand = 0;
  for (const a of m.domestic) demand += a.activity[k] * a.intensity[k] * a.toTonnes;
  const pm = m.importPrice * (1 + premium);
  const sigma = m.sigma[k];
  // Armington: s_d/s_m = (α_d/α_m)^σ (p_m/p_d)^σ with α calibrated so base prices give the base
  // shares; σ = 0 keeps them fixed, a large σ moves demand to the cheaper source.
  let sd: number;
  if (c.sm0 === 0) sd = 1;
  else if (c.sd0 === 0) sd = 0;
  else {
    // Without a premium the price ratio is exactly 1, and 1 to any finite power is 1: the power
    // (a tenth of a Monte Carlo draw) is not taken.
    const relative = pm / m.importPrice;
    const ratio = (c.sd0 / c.sm0) * (relative === 1 && Number.isFinite(sigma) ? 1 : Math.pow(relative, sigma));
    sd = ratio / (1 + ratio);
  }
  const avg = sd * m.domesticPrice + (1 - sd) * pm;
  const demandAfterPrice = demand * Math.pow(avg / c.avg0, m.priceElasticity[k]);
  const capacity = m.baseCapacity + m.supportedCapacity[k];
  const domesticAvailable = Math.max(0, capacity * m.maxUtilization - m.exports[k]);
  // Domestic plants serve their Armington share up to their capacity; imports serve the rest of
  // demand (the world market is elastic) except what an export control cuts, which spare
  // domestic capacity fills as far as it can. Without a cut there is no shortfall.
  const firstDomestic = Math.min(domesticAvailable, sd * demandAfterPrice);
  d.demand = demand;
  d.demandAfterPrice = demandAfterPrice;
  d.importPrice = pm;
  d.capacity = capacity;
  d.domesticAvailable = domesticAvailable;
  d.firstDomestic = firstDomestic;
  d.wantImports = demandAfterPrice - firstDomestic;
}

function supplySide(m: MarketInputs, k: number, cut: number[][], d: DemandSide, f: YearFlows): void {
  const { demandAfterPrice, domesticAvailable, firstDomestic, wantImports } = d;
  let imports = 0;
  for (let i = 0; i < m.origins.length; i++) {
    const v = wantImports * m.origins[i].share * (1 - cut[i][k]);
    f.importsByOrigin[i] = v;
    imports += v;
  }
  const domesticSales = Math.min(domesticAvailable, firstDomestic + (wantImports - imports));
  const supplied = domesticSales + imports;
  f.demand = d.demand;
  f.demandAfterPrice = demandAfterPrice;
  f.importPrice = d.importPrice;
  f.capacity = d.capacity;
  f.domesticSales = domesticSales;
  f.imports = imports;
  f.shortfall = Math.max(0, demandAfterPrice - supplied);
  f.domesticOutput = domesticSales + m.exports[k];
}

/** KPI, demand, shortfall and domestic output of year k, the 4 numbers per year a Monte Carlo keeps. */
function writeYear(f: YearFlows, k: number, out: Float64Array): void {
  out[4 * k] = f.demand > 0 ? f.capacity / f.demand : Infinity;
  out[4 * k + 1] = f.demand;
  out[4 * k + 2] = f.shortfall;
  out[4 * k + 3] = f.domesticOutput;
}

const scratch = newDemandSide();

/** The Monte Carlo's view of a run: per year the KPI, demand, shortfall and domestic output,
 * written into `out` (4 numbers per year) without building the full result. Same equations as
 * runMarketValidated (yearFlows). */
export function runMarketInto(m: MarketInputs, schedule: ShockSchedule, f: YearFlows, out: Float64Array): void {
  const c = calibrate(m);
  for (let k = 0; k < m.years.length; k++) {
    yearFlows(m, k, schedule, c, f, scratch);
    writeYear(f, k, out);
  }
}

/** runMarketInto for two scenarios on the same inputs (the base and the drawn one): a year whose
 * premium is the same in both computes its demand side once — the same operations on the same
 * numbers, so the same results as two runMarketInto calls. */
export function runMarketPairInto(m: MarketInputs, first: ShockSchedule, second: ShockSchedule, f: YearFlows, outFirst: Float64Array, outSecond: Float64Array): void {
  const c = calibrate(m);
  for (let k = 0; k < m.years.length; k++) {
    demandSide(m, k, first.premium[k], c, scratch);
    supplySide(m, k, first.cut, scratch, f);
    writeYear(f, k, outFirst);
    if (second.premium[k] !== first.premium[k]) demandSide(m, k, second.premium[k], c, scratch);
    supplySide(m, k, second.cut, scratch, f);
    writeYear(f, k, outSecond);
  }
}

/** Change of output of plants in Japan against another run (e.g. the base), in t and in 百万円
 * (t × 1000 kg/t × 円/kg ÷ 10⁶) — the production increase the IO model takes. */
export function outputChange(m: MarketInputs, run: MarketResult, base: MarketResult): { tonnes: number[]; millionYen: number[] } {
  const tonnes = run.years.map((y, k) => y.domesticOutput - base.years[k].domesticOutput);
  return { tonnes, millionYen: tonnes.map((t) => (t * m.unitValue) / 1000) };
}

export const BASE_SCENARIO: Scenario = { name: "base", label: { ja: "基準", en: "Base" }, shocks: [] };
