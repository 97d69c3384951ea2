// Pure helpers behind RIPPLE.SHARE and RIPPLE.KPI: the parameter and scenario ranges of the
// sheet (as the template lays them out) -> the demand-share model -> one number. functions.ts
// wraps them (JSDoc, error mapping); nothing here knows about Excel.

import { RippleError } from "../engine/errors";
import { runMarket } from "../engine/market/model";
import { marketInputsFromRecord, readMarketSheets, type MarketSheets } from "../engine/market/sheet";
import { blankZerosOfForm, rangeToGrid } from "./rangeGrid";
import { squash } from "./args";

export type ShareKind = "domestic" | "imports" | "japanGlobal";

const SHARE_KINDS: Record<string, ShareKind> = {
  domestic: "domestic",
  国内: "domestic",
  国内供給: "domestic",
  国内供給シェア: "domestic",
  imports: "imports",
  import: "imports",
  輸入: "imports",
  輸入シェア: "imports",
  japanglobal: "japanGlobal",
  global: "japanGlobal",
  世界: "japanGlobal",
  世界シェア: "japanGlobal",
  日本の世界シェア: "japanGlobal",
};

export function parseShareKind(text: unknown): ShareKind {
  if (text === undefined || text === null || text === "") return "domestic";
  const k = SHARE_KINDS[squash(String(text))];
  if (!k)
    throw new RippleError("function-share-kind", {
      ja: `種類「${String(text)}」は使えません。domestic（国内供給シェア）・imports（輸入シェア）・japanGlobal（日本の世界シェア）のいずれかにしてください`,
      en: `unknown kind '${String(text)}'; use domestic, imports or japanGlobal`,
    });
  return k;
}

export interface RangeAddresses {
  params?: string;
  scenarios?: string;
}

/** The sheets read from two ranges (a blank scenario range: the base only). */
function sheetsOf(paramsValues: unknown[][], scenariosValues: unknown[][] | null, addresses: RangeAddresses): MarketSheets {
  const params = blankZerosOfForm(rangeToGrid(paramsValues, addresses.params));
  const scenarios = scenariosValues
    ? blankZerosOfForm(rangeToGrid(scenariosValues, addresses.scenarios))
    : { sheet: params.sheet, origin: { row: 0, col: 0 }, values: [["シナリオ", "輸入元", "供給削減率（0〜1）", "期間（月）"]] };
  return readMarketSheets(params, scenarios);
}

function yearIndex(years: number[], year: number): number {
  const k = years.indexOf(year);
  if (!Number.isInteger(year) || k < 0)
    throw new RippleError("function-year", {
      ja: `年 ${year} は分析期間（${years[0]}〜${years[years.length - 1]}年）にありません`,
      en: `year ${year} is outside the model years (${years[0]}–${years[years.length - 1]})`,
    });
  return k;
}

/** Domestic supply share, import share or Japan's global share (plants in Japan) of one scenario
 * in one year, with no supported plans unless `supportedCapacity` (t/yr online that year) is given. */
export function marketShare(
  paramsValues: unknown[][],
  scenariosValues: unknown[][],
  scenario: string,
  year: number,
  what: ShareKind | string = "domestic",
  supportedCapacity = 0,
  addresses: RangeAddresses = {},
): number {
  const kind = parseShareKind(what);
  const sheets = sheetsOf(paramsValues, scenariosValues, addresses);
  const name = scenario === undefined || scenario === null || String(scenario).trim() === "" ? "base" : String(scenario).trim();
  const sc = sheets.scenarios.find((s) => s.name === name) ?? sheets.scenarios.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!sc)
    throw new RippleError("function-scenario", {
      ja: `シナリオ「${name}」がシナリオの範囲にありません（あるもの: ${sheets.scenarios.map((s) => s.name).join(", ")}）`,
      en: `scenario '${name}' is not in the scenario range (there are: ${sheets.scenarios.map((s) => s.name).join(", ")})`,
    }, addresses.scenarios ? { cell: addresses.scenarios } : {});
  const inputs = marketInputsFromRecord(sheets.params, supportedOf(sheets, year, supportedCapacity));
  const k = yearIndex(inputs.years, year);
  const y = runMarket(inputs, sc).years[k];
  if (kind === "domestic") return y.domesticShare;
  if (kind === "imports") return y.importShares.reduce((s, v) => s + v, 0);
  return y.japanGlobalShare;
}

function supportedOf(sheets: MarketSheets, year: number, supported: number): number[] {
  if (!Number.isFinite(supported) || supported < 0)
    throw new RippleError("function-supported", { ja: "支援計画の能力（t/年）は 0 以上の数値にしてください", en: "the supported capacity (t/yr) must be a number ≥ 0" });
  const first = 2024;
  const last = Math.round(sheets.params.lastYear);
  // The capacity given is online in `year` and kept afterwards (plans do not close).
  return Array.from({ length: last - first + 1 }, (_, k) => (first + k >= year ? supported : 0));
}

/** The KPI: domestic capacity (plants in Japan, existing + `supportedCapacity` t/yr) / domestic
 * demand in `year` (default: the KPI year of the parameter sheet). */
export function marketKpi(paramsValues: unknown[][], year?: number | null, supportedCapacity = 0, addresses: RangeAddresses = {}): number {
  const sheets = sheetsOf(paramsValues, null, addresses);
  const y = year === undefined || year === null ? Math.round(sheets.params.kpiYear) : year;
  const inputs = marketInputsFromRecord(sheets.params, supportedOf(sheets, y, supportedCapacity));
  const k = yearIndex(inputs.years, y);
  return runMarket(inputs, sheets.scenarios[0]).years[k].kpi;
}
