// Supply in a disruption (RESILIENCE.md 2): what domestic users can get while an origin cuts its
// magnet exports, and the shortfall by application. Tonnes of finished magnet; one event of
// `months` months with the flows of the year it happens in.

export interface YearFlows {
  year: number;
  /** Domestic demand by application, t/yr (the market model's base run). */
  demandByApplication: number[];
  /** Normal-time imports by origin, t/yr (the market model's base run). */
  importsByOrigin: number[];
  /** Exports of plants in Japan, t/yr: contracts abroad are kept in a disruption. */
  exports: number;
  /** Capacity of existing plants (the market model's base capacity, 2024 output), t/yr. */
  existingCapacity: number;
  /** Capacity of the supported plans online in the year, t/yr (0 without the plans). */
  supportedCapacity: number;
}

export interface DisruptionEvent {
  months: number;
  /** Share of each origin's imports cut over the event (0–1), in the order of importsByOrigin. */
  cutByOrigin: number[];
  /** Average premium on the imports still arriving over the event (0.5 = +50%; absent: none). */
  premium?: number;
}

export interface SupplyParams {
  /** Output of existing plants in a surge as a multiple of their capacity (2024 output). */
  surgeUtilization: number;
  /** Share of the supported plans' capacity online usable in a disruption. */
  planUtilization: number;
  /** Users' inventory in months of demand, drawn down during the event. */
  inventoryMonths: number;
  /** Other origins' spare capacity that can be redirected to Japan, t/yr. */
  otherOriginsSpare: number;
}

export interface EventSupply {
  /** Demand over the event, t. */
  demand: number;
  /** Available over the event, t: plants in Japan (for domestic users, after exports), imports
   * after the cut, other origins' spare capacity, users' inventory. */
  domestic: number;
  imports: number;
  otherOrigins: number;
  inventory: number;
  /** max(0, demand − available), t over the event. */
  shortfall: number;
  /** In proportion to demand (no priority order). */
  shortfallByApplication: number[];
  /** shortfall / demand: the share of the magnet need not met, u_a (the same for every application). */
  unmetShare: number;
}

const sum = (a: number[]): number => a.reduce((s, v) => s + v, 0);

export function eventSupply(f: YearFlows, e: DisruptionEvent, p: SupplyParams): EventSupply {
  const years = e.months / 12;
  const demandYear = sum(f.demandByApplication);
  const demand = demandYear * years;
  const domesticYear = Math.max(0, f.existingCapacity * p.surgeUtilization + f.supportedCapacity * p.planUtilization - f.exports);
  const domestic = domesticYear * years;
  const imports = sum(f.importsByOrigin.map((m, o) => m * (1 - (e.cutByOrigin[o] ?? 0)))) * years;
  const otherOrigins = p.otherOriginsSpare * years;
  // Stocks cover the first months of an event, not more than the event needs.
  const inventory = e.months > 0 ? (p.inventoryMonths * demandYear) / 12 : 0;
  const gap = demand - domestic - imports - otherOrigins - inventory;
  // Rounding noise of an exact balance (e.g. 50 × (1 − 0.8)) is not a shortfall.
  const shortfall = gap > 1e-12 * demand ? gap : 0;
  const unmetShare = demand > 0 ? shortfall / demand : 0;
  return {
    demand,
    domestic,
    imports,
    otherOrigins,
    inventory,
    shortfall,
    shortfallByApplication: f.demandByApplication.map((d) => d * years * unmetShare),
    unmetShare,
  };
}
