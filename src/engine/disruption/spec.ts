// A supply disruption as a JSON spec (the CLI's --disruption file, the task pane's form), validated
// with errors that name the JSON path, and run against the Leontief model of a table.
//
// Format (every field but sector, importCut and months is optional):
// {
//   "title": "磁石の輸入 90% 減（3 か月）",      text shown on the report
//   "notes": ["…"],                               assumptions and sources, shown on the report
//   "sector": "03 製造業",                        disrupted sector: label, name or code of the table
//   "importCut": 0.9,                             share of the imports cut, 0 < cut ≤ 1
//   "months": 3,                                  length of the cut in months (> 0)
//   "startMonth": 0,                              months from the start of the horizon (default 0)
//   "imports": { "quantity": 5000, "unit": "t", "unitValue": 9, "source": "…" }
//              or a number (annual value, table units). The disrupted good's imports per year;
//              default: all imports of the sector from the table (m_k d_k, competitive tables).
//   "periodLength": "month" | "quarter" | "year",  one period of the dynamic model (default month)
//   "periods": 15,                                horizon in periods (default: the cut + 12 months)
//   "resilience": { "default": 0.5, "sectors": { "03 製造業": 0.3 } }
//   or "recoveryMonths": { "default": 12, "sectors": {…}, "residual": 0.01 }   (exactly one)
//   "priceShock": { "sector": "03 製造業", "importPriceChange": 0.5, "scope": "good" | "sector" },
//   "extraction": true,                           ranking by hypothetical extraction
//   "ghosh": true | { "primaryInputChange": { "03 製造業": -10000 } }
// }
//
// From an import cut to the IIM perturbation (assumption: no substitution, no inventories, no
// rerouting during the cut, so every unit not imported is a unit of k the economy lacks):
//   shortfall_t = importCut × imports_k × (months of the cut inside period t) / 12   (table units)
//   c*_k(t)     = shortfall_t / (x_k × period length in years)                    perturbationFromShortfall
// i.e. the lost supply as a share of sector k's output in the period; the dynamic IIM then spreads
// it to the other sectors. The static result uses the rate during the cut, c*_k = importCut ×
// imports_k / x_k, and charges it for the months of the cut.

import { RippleError, type Bilingual, type RippleWarning, type Where } from "../errors";
import { SectorIndex, sectorList } from "../table/sectorMatch";
import { sumRoles, type ImportType } from "../table/types";
import type { LeontiefModel } from "./common";
import { HypotheticalExtraction, type ExtractionRanking } from "./extraction";
import { GHOSH_LABEL, GhoshModel, type GhoshSupplyEffect } from "./ghosh";
import {
  DEFAULT_RECOVERY_RESIDUAL,
  dynamicInoperability,
  inoperabilityFromModel,
  perturbationFromShortfall,
  resilienceFromRecovery,
  staticInoperability,
  type DynamicInoperability,
  type InoperabilitySystem,
  type StaticInoperability,
} from "./inoperability";
import { costPushPrices, type PriceResult } from "./prices";

export type PeriodLengthName = "month" | "quarter" | "year";

export const MONTHS_PER_PERIOD: Record<PeriodLengthName, number> = { month: 1, quarter: 3, year: 12 };

/** Months added after the cut when "periods" is omitted, so the recovery shows. */
export const DEFAULT_TAIL_MONTHS = 12;

export interface ImportsSpec {
  quantity: number;
  unit?: string;
  /** Value per unit of quantity in table units (e.g. 百万円 per t). */
  unitValue: number;
  source?: string;
}

export interface SectorValues {
  default: number;
  sectors?: Record<string, number>;
}

export interface DisruptionSpec {
  title?: string;
  notes?: string[];
  sector: string;
  importCut: number;
  months: number;
  startMonth?: number;
  imports?: number | ImportsSpec;
  periodLength?: PeriodLengthName;
  periods?: number;
  resilience?: SectorValues;
  recoveryMonths?: SectorValues & { residual?: number };
  priceShock?: { sector?: string; importPriceChange: number; scope?: "good" | "sector" };
  extraction?: boolean;
  ghosh?: boolean | { primaryInputChange: Record<string, number> };
}

const TOP_KEYS = [
  "title",
  "notes",
  "sector",
  "importCut",
  "months",
  "startMonth",
  "imports",
  "periodLength",
  "periods",
  "resilience",
  "recoveryMonths",
  "priceShock",
  "extraction",
  "ghosh",
  "$schema",
  "description",
];

/** An error about one field of the spec: the JSON path first, then what to do. */
export function specError(path: string, text: Bilingual, where: Where = {}): RippleError {
  return new RippleError(
    "disruption-spec",
    { ja: `途絶の設定 ${path}: ${text.ja}`, en: `disruption spec ${path}: ${text.en}` },
    where,
  );
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const show = (v: unknown): string => (typeof v === "string" ? `"${v}"` : JSON.stringify(v) ?? String(v));

function keyPath(base: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}

class Reader {
  constructor(private readonly where: Where) {}

  err(path: string, text: Bilingual): RippleError {
    return specError(path, text, this.where);
  }

  object(v: unknown, path: string, allowed: string[]): Record<string, unknown> {
    if (!isObject(v))
      throw this.err(path, {
        ja: `${show(v)} はオブジェクト（{ … }）にしてください`,
        en: `${show(v)} must be an object ({ … })`,
      });
    for (const k of Object.keys(v))
      if (!allowed.includes(k))
        throw this.err(keyPath(path, k), {
          ja: `知らない項目です。使える項目: ${allowed.filter((a) => !a.startsWith("$") && a !== "description").join(", ")}（綴りを確認してください）`,
          en: `unknown field; the fields are ${allowed.filter((a) => !a.startsWith("$") && a !== "description").join(", ")} (check the spelling)`,
        });
    return v;
  }

  number(v: unknown, path: string, check: (x: number) => boolean, rule: Bilingual, example: string): number {
    if (typeof v !== "number" || !Number.isFinite(v) || !check(v))
      throw this.err(path, {
        ja: `${show(v)} は${rule.ja}にしてください（例: ${example}）`,
        en: `${show(v)} must be ${rule.en} (e.g. ${example})`,
      });
    return v;
  }

  string(v: unknown, path: string, example: string): string {
    if (typeof v !== "string" || v.trim() === "")
      throw this.err(path, {
        ja: `${show(v)} は空でない文字列にしてください（例: ${example}）`,
        en: `${show(v)} must be a non-empty string (e.g. ${example})`,
      });
    return v.trim();
  }

  boolean(v: unknown, path: string): boolean {
    if (typeof v !== "boolean")
      throw this.err(path, { ja: `${show(v)} は true か false にしてください`, en: `${show(v)} must be true or false` });
    return v;
  }

  sectorValues(v: unknown, path: string, extra: string[], rule: Bilingual, check: (x: number) => boolean, example: string): SectorValues & Record<string, unknown> {
    const o = this.object(v, path, ["default", "sectors", ...extra]);
    const out: SectorValues & Record<string, unknown> = {
      default: this.number(o.default, `${path}.default`, check, rule, example),
    };
    if (o.sectors !== undefined) {
      const s = this.object(o.sectors, `${path}.sectors`, Object.keys(isObject(o.sectors) ? o.sectors : {}));
      out.sectors = {};
      for (const [k, x] of Object.entries(s)) out.sectors[k] = this.number(x, keyPath(`${path}.sectors`, k), check, rule, example);
    }
    for (const k of extra) if (o[k] !== undefined) out[k] = o[k];
    return out;
  }
}

const RULES = {
  share: { ja: "0 より大きく 1 以下の数", en: "a number above 0 and at most 1" },
  positive: { ja: "0 より大きい数", en: "a number above 0" },
  nonNegative: { ja: "0 以上の数", en: "a number of at least 0" },
  resilience: { ja: "0 より大きく 1 以下の回復係数", en: "a resilience coefficient above 0 and at most 1" },
  periods: { ja: "1 以上の整数", en: "a whole number of at least 1" },
  residual: { ja: "0 より大きく 1 より小さい数", en: "a number above 0 and below 1" },
  price: { ja: "−1 より大きい変化率", en: "a relative change above −1" },
  finite: { ja: "数", en: "a number" },
} satisfies Record<string, Bilingual>;

/** Validates a parsed JSON value as a disruption spec. `where` (the file) goes into every error. */
export function parseDisruptionSpec(json: unknown, where: Where = {}): DisruptionSpec {
  const r = new Reader(where);
  const o = r.object(json, "$", TOP_KEYS);
  for (const k of ["sector", "importCut", "months"])
    if (o[k] === undefined)
      throw r.err(`$.${k}`, {
        ja: "必須の項目がありません。追加してください。例: { \"sector\": \"03 製造業\", \"importCut\": 0.9, \"months\": 3, \"recoveryMonths\": { \"default\": 12 } }",
        en: 'this field is required. Example: { "sector": "03 製造業", "importCut": 0.9, "months": 3, "recoveryMonths": { "default": 12 } }',
      });
  const spec: DisruptionSpec = {
    sector: r.string(o.sector, "$.sector", '"03 製造業"'),
    importCut: r.number(o.importCut, "$.importCut", (x) => x > 0 && x <= 1, RULES.share, "0.9"),
    months: r.number(o.months, "$.months", (x) => x > 0, RULES.positive, "3"),
  };
  if (o.title !== undefined) spec.title = r.string(o.title, "$.title", '"磁石の輸入 90% 減"');
  if (o.notes !== undefined) {
    const notes = typeof o.notes === "string" ? [o.notes] : o.notes;
    if (!Array.isArray(notes) || notes.some((n) => typeof n !== "string"))
      throw r.err("$.notes", {
        ja: "文字列か文字列の配列にしてください（前提や出典のメモ）",
        en: "must be a string or an array of strings (assumptions, sources)",
      });
    spec.notes = notes as string[];
  }
  if (o.startMonth !== undefined)
    spec.startMonth = r.number(o.startMonth, "$.startMonth", (x) => x >= 0, RULES.nonNegative, "0");
  if (o.imports !== undefined) {
    if (typeof o.imports === "number")
      spec.imports = r.number(o.imports, "$.imports", (x) => x > 0, RULES.positive, "45000");
    else {
      const im = r.object(o.imports, "$.imports", ["quantity", "unit", "unitValue", "source"]);
      if (im.quantity === undefined || im.unitValue === undefined)
        throw r.err(im.quantity === undefined ? "$.imports.quantity" : "$.imports.unitValue", {
          ja: "年間の輸入量 quantity と 1 単位あたりの金額 unitValue（表の単位、例: 百万円/t）の両方を指定するか、imports に年間の輸入額を数で指定してください",
          en: "give both the yearly quantity and unitValue (value per unit in table units, e.g. million yen per t), or give imports as the yearly value",
        });
      const spec2: ImportsSpec = {
        quantity: r.number(im.quantity, "$.imports.quantity", (x) => x > 0, RULES.positive, "5000"),
        unitValue: r.number(im.unitValue, "$.imports.unitValue", (x) => x > 0, RULES.positive, "9"),
      };
      if (im.unit !== undefined) spec2.unit = r.string(im.unit, "$.imports.unit", '"t"');
      if (im.source !== undefined) spec2.source = r.string(im.source, "$.imports.source", '"defaults.csv"');
      spec.imports = spec2;
    }
  }
  if (o.periodLength !== undefined) {
    if (o.periodLength !== "month" && o.periodLength !== "quarter" && o.periodLength !== "year")
      throw r.err("$.periodLength", {
        ja: `${show(o.periodLength)} は使えません。"month"・"quarter"・"year" のいずれかにしてください`,
        en: `${show(o.periodLength)} is not allowed; use "month", "quarter" or "year"`,
      });
    spec.periodLength = o.periodLength;
  }
  if (o.periods !== undefined)
    spec.periods = r.number(o.periods, "$.periods", (x) => Number.isInteger(x) && x >= 1 && x <= 1200, RULES.periods, "15");
  if (o.resilience !== undefined && o.recoveryMonths !== undefined)
    throw r.err("$.recoveryMonths", {
      ja: "resilience（回復係数）と recoveryMonths（回復期間）はどちらか一方だけ指定してください",
      en: "give either resilience (coefficients) or recoveryMonths (recovery times), not both",
    });
  if (o.resilience === undefined && o.recoveryMonths === undefined)
    throw r.err("$.recoveryMonths", {
      ja: "回復の速さを指定してください: recoveryMonths（例: { \"default\": 12 } = 12 か月で初期不稼働率の 1% まで回復）か resilience（例: { \"default\": 0.5 }）",
      en: 'say how fast sectors recover: recoveryMonths (e.g. { "default": 12 } = back to 1% of the initial inoperability in 12 months) or resilience (e.g. { "default": 0.5 })',
    });
  if (o.resilience !== undefined)
    spec.resilience = r.sectorValues(o.resilience, "$.resilience", [], RULES.resilience, (x) => x > 0 && x <= 1, "0.5");
  if (o.recoveryMonths !== undefined) {
    const rm = r.sectorValues(o.recoveryMonths, "$.recoveryMonths", ["residual"], RULES.positive, (x) => x > 0, "12");
    const out: SectorValues & { residual?: number } = { default: rm.default };
    if (rm.sectors) out.sectors = rm.sectors;
    if (rm.residual !== undefined)
      out.residual = r.number(rm.residual, "$.recoveryMonths.residual", (x) => x > 0 && x < 1, RULES.residual, "0.01");
    spec.recoveryMonths = out;
  }
  if (o.priceShock !== undefined) {
    const p = r.object(o.priceShock, "$.priceShock", ["sector", "importPriceChange", "scope"]);
    if (p.importPriceChange === undefined)
      throw r.err("$.priceShock.importPriceChange", {
        ja: "輸入価格の変化率を指定してください（例: 0.5 = 50% 上昇）",
        en: "give the relative change of the import price (e.g. 0.5 = up 50%)",
      });
    const ps: NonNullable<DisruptionSpec["priceShock"]> = {
      importPriceChange: r.number(p.importPriceChange, "$.priceShock.importPriceChange", (x) => x > -1, RULES.price, "0.5"),
    };
    if (p.sector !== undefined) ps.sector = r.string(p.sector, "$.priceShock.sector", '"03 製造業"');
    if (p.scope !== undefined) {
      if (p.scope !== "good" && p.scope !== "sector")
        throw r.err("$.priceShock.scope", {
          ja: `${show(p.scope)} は使えません。"good"（途絶した財の輸入だけ）か "sector"（部門の輸入すべて）にしてください`,
          en: `${show(p.scope)} is not allowed; use "good" (the disrupted good's imports only) or "sector" (all imports of the sector)`,
        });
      ps.scope = p.scope;
    }
    spec.priceShock = ps;
  }
  if (o.extraction !== undefined) spec.extraction = r.boolean(o.extraction, "$.extraction");
  if (o.ghosh !== undefined) {
    if (typeof o.ghosh === "boolean") spec.ghosh = o.ghosh;
    else {
      const g = r.object(o.ghosh, "$.ghosh", ["primaryInputChange"]);
      const pic = r.object(g.primaryInputChange, "$.ghosh.primaryInputChange", Object.keys(isObject(g.primaryInputChange) ? g.primaryInputChange : {}));
      const out: Record<string, number> = {};
      for (const [k, v] of Object.entries(pic))
        out[k] = r.number(v, keyPath("$.ghosh.primaryInputChange", k), () => true, RULES.finite, "-10000");
      if (Object.keys(out).length === 0)
        throw r.err("$.ghosh.primaryInputChange", {
          ja: "部門ごとの本源的投入の変化（表の単位）を 1 つ以上指定するか、ghosh を true にしてください",
          en: "give at least one sector's primary-input change (table units), or set ghosh to true",
        });
      spec.ghosh = { primaryInputChange: out };
    }
  }
  return spec;
}

/** JSON text -> spec; a syntax error names the file and says what to do. */
export function parseDisruptionSpecText(text: string, where: Where = {}): DisruptionSpec {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw specError("$", {
      ja: `JSON として読めません（${(e as Error).message}）。カンマや引用符を確認してください`,
      en: `is not valid JSON (${(e as Error).message}); check commas and quotes`,
    }, where);
  }
  return parseDisruptionSpec(json, where);
}

// ---------------------------------------------------------------- running a spec

export interface DisruptionPriceResult {
  sector: number;
  /** The change as given (e.g. the magnet price +50%). */
  importPriceChange: number;
  scope: "good" | "sector";
  /** The change applied to the sector's import price in the table: importPriceChange × the good's
   * share of the sector's imports ("good"), or importPriceChange ("sector"). */
  appliedImportPriceChange: number;
  result: PriceResult;
}

export interface DisruptionGhoshResult {
  label: Bilingual;
  /** "cut": Δv derived from the cut; "spec": primaryInputChange as given. */
  source: "cut" | "spec";
  /** Δv by sector (table units, over the whole run). */
  primaryInputChange: number[];
  effect: GhoshSupplyEffect;
}

export interface DisruptionResult {
  spec: DisruptionSpec;
  sectors: string[];
  unit: string | null;
  importType: ImportType;
  /** Index of the disrupted sector. */
  sector: number;
  period: { name: PeriodLengthName; months: number; years: number; count: number; countSource: "spec" | "default" };
  cut: {
    /** Yearly imports the cut applies to (table units) and where they came from. */
    annualImports: number;
    importsSource: "table" | "spec";
    /** All imports of the sector in the table (m_k d_k, or the import row for domestic-use tables). */
    sectorImports: number | null;
    /** Output of the disrupted sector per year (table units). */
    output: number;
    /** Supply lost over the whole cut (table units). */
    totalShortfall: number;
    /** Supply lost by period (table units). */
    shortfallByPeriod: number[];
    /** c*_k during the cut, as a share of the sector's output. */
    rate: number;
  };
  resilience: { values: number[]; source: "resilience" | "recoveryMonths"; recoveryPeriods: number[] | null; residual: number | null };
  /** c*(t) rows, periods × sectors. */
  perturbation: number[][];
  dynamic: DynamicInoperability & {
    /** Largest q_i(t) by sector and the period it is reached (1-based period number). */
    peak: number[];
    peakPeriod: number[];
  };
  /** Equilibrium at the cut's rate, charged for the months of the cut. */
  static: StaticInoperability & { cstar: number[]; lossOverCut: number[]; totalLossOverCut: number };
  /** The interdependency system the run solved (A* and x), for the workbook's formula audit;
   * shared, not copied. */
  system?: InoperabilitySystem;
  prices: DisruptionPriceResult | null;
  extraction: ExtractionRanking | null;
  ghosh: DisruptionGhoshResult | null;
  warnings: RippleWarning[];
}

/** The part of the model a run reads (IOModel satisfies it). */
export type DisruptionModel = LeontiefModel & { domesticDemand: number[] | null };

function sectorOf(index: SectorIndex, model: DisruptionModel, label: string, path: string, where: Where): number {
  const i = index.find(label);
  if (i === null)
    throw specError(path, {
      ja: `部門「${label}」が表にありません。表の部門名かコード（例: ${sectorList(model.table)}）にしてください`,
      en: `sector '${label}' is not in the table; use a sector name or code of the table (e.g. ${sectorList(model.table)})`,
    }, where);
  return i;
}

function bySector(index: SectorIndex, model: DisruptionModel, v: SectorValues, path: string, where: Where): number[] {
  const out = new Array<number>(model.n).fill(v.default);
  for (const [label, x] of Object.entries(v.sectors ?? {})) out[sectorOf(index, model, label, keyPath(`${path}.sectors`, label), where)] = x;
  return out;
}

/** Imports of sector k in the table: m_k d_k for competitive tables; the import row entry (what
 * sector k buys abroad, not by product) for domestic-use tables, or null without one. */
function tableImports(model: DisruptionModel, k: number): number | null {
  if (model.importType === "competitive") {
    if (!model.m || !model.domesticDemand) return null;
    return model.m[k] * model.domesticDemand[k];
  }
  if (!model.table.primaryInputs.some((p) => p.role === "import")) return null;
  return sumRoles(model.table.primaryInputs, model.n, (r) => r === "import")[k];
}

/** Runs every model a spec asks for. `where` (the spec file) goes into errors about the spec. */
export function analyzeDisruption(model: DisruptionModel, spec: DisruptionSpec, where: Where = {}): DisruptionResult {
  const { n, x } = model;
  const index = new SectorIndex(model.table);
  const k = sectorOf(index, model, spec.sector, "$.sector", where);
  const warnings: RippleWarning[] = [];

  // Periods.
  const periodName = spec.periodLength ?? "month";
  const P = MONTHS_PER_PERIOD[periodName];
  const start = spec.startMonth ?? 0;
  const end = start + spec.months;
  const count = spec.periods ?? Math.ceil((end + DEFAULT_TAIL_MONTHS) / P);
  if (end > count * P + 1e-9)
    throw specError("$.periods", {
      ja: `期間 ${count} ${periodName === "month" ? "か月" : periodName === "quarter" ? "四半期" : "年"}では途絶（${start}〜${end} か月目）が収まりません。${Math.ceil(end / P)} 以上にしてください（回復も見るなら さらに長く）`,
      en: `${count} ${periodName}s do not cover the cut (months ${start} to ${end}); give at least ${Math.ceil(end / P)} (more to see the recovery)`,
    }, where);
  const years = P / 12;

  // Imports the cut applies to.
  const sectorImports = tableImports(model, k);
  let annualImports: number;
  let importsSource: "table" | "spec";
  if (spec.imports !== undefined) {
    annualImports = typeof spec.imports === "number" ? spec.imports : spec.imports.quantity * spec.imports.unitValue;
    importsSource = "spec";
  } else {
    if (model.importType !== "competitive" || sectorImports === null || !(sectorImports > 0))
      throw specError("$.imports", {
        ja:
          model.importType === "competitive"
            ? `表から部門「${model.sectors[k]}」の輸入額を得られません。imports に年間の輸入額（表の単位）を指定してください`
            : `非競争輸入型の表には品目別の輸入がありません。imports に途絶する財の年間輸入額（表の単位）か { "quantity", "unitValue" } を指定してください`,
        en:
          model.importType === "competitive"
            ? `the table gives no imports for sector '${model.sectors[k]}'; give imports as the yearly import value (table units)`
            : `a domestic-use table has no imports by product; give imports as the disrupted good's yearly import value (table units) or { "quantity", "unitValue" }`,
      }, where);
    annualImports = sectorImports;
    importsSource = "table";
  }
  if (importsSource === "spec" && sectorImports !== null && model.importType === "competitive" && annualImports > sectorImports * (1 + 1e-9))
    warnings.push({
      code: "disruption-imports-above-table",
      text: {
        ja: `指定した輸入額 ${annualImports} が表の部門「${model.sectors[k]}」の輸入額 ${sectorImports} を超えています。単位（表の単位、例: 百万円）を確認してください`,
        en: `the imports given (${annualImports}) exceed sector '${model.sectors[k]}''s imports in the table (${sectorImports}); check the units (table units, e.g. million yen)`,
      },
    });

  const rate = (spec.importCut * annualImports) / x[k];
  if (rate > 1)
    throw specError("$.importCut", {
      ja: `途絶で失われる供給（年率 ${spec.importCut * annualImports}）が部門「${model.sectors[k]}」の国内生産額 ${x[k]} を超え、不稼働率モデルでは表せません。importCut を小さくするか、imports に途絶する財だけの輸入額を指定してください`,
      en: `the supply lost (${spec.importCut * annualImports} a year) exceeds sector '${model.sectors[k]}''s output (${x[k]}), beyond the inoperability model; lower importCut or give imports for the disrupted good only`,
    }, where);

  // c*(t) from the shortfall by period (no substitution during the cut).
  const sys = inoperabilityFromModel(model);
  const shortfallByPeriod = Array.from({ length: count }, (_, t) => {
    const overlap = Math.max(0, Math.min(end, (t + 1) * P) - Math.max(start, t * P));
    return (spec.importCut * annualImports * overlap) / 12;
  });
  const { rows } = perturbationFromShortfall(sys, { sector: k, shortfall: shortfallByPeriod, unitValue: 1, periodLength: years });

  // Resilience.
  let resilience: number[];
  let recoveryPeriods: number[] | null = null;
  let residual: number | null = null;
  if (spec.resilience) resilience = bySector(index, model, spec.resilience, "$.resilience", where);
  else {
    const rm = spec.recoveryMonths!;
    recoveryPeriods = bySector(index, model, rm, "$.recoveryMonths", where).map((m) => m / P);
    residual = rm.residual ?? DEFAULT_RECOVERY_RESIDUAL;
    try {
      resilience = resilienceFromRecovery(sys, recoveryPeriods, residual);
    } catch (e) {
      if (e instanceof RippleError)
        throw specError("$.recoveryMonths", {
          ja: `${e.text.ja}（回復期間を長くするか、periodLength を短くしてください）`,
          en: `${e.text.en} (give longer recovery times or a shorter periodLength)`,
        }, where);
      throw e;
    }
  }

  const dyn = dynamicInoperability(sys, { resilience, periods: count, periodLength: years, perturbation: { rows } });
  const peak = new Array<number>(n).fill(0);
  const peakPeriod = new Array<number>(n).fill(0);
  for (let t = 1; t <= count; t++)
    for (let i = 0; i < n; i++)
      if (dyn.path[t][i] > peak[i]) {
        peak[i] = dyn.path[t][i];
        peakPeriod[i] = t;
      }
  // A horizon that ends while sectors are still inoperable understates the loss.
  const last = dyn.path[count];
  const unrecovered = last.map((q, i) => (peak[i] > 0 && q > 0.05 * peak[i] ? i : -1)).filter((i) => i >= 0);
  if (unrecovered.length)
    warnings.push({
      code: "disruption-horizon-short",
      text: {
        ja: `最終期でも不稼働率がピークの 5% を超える部門があります（${unrecovered.map((i) => model.sectors[i]).join("、")}）。損失額は過小です。periods を長くしてください`,
        en: `inoperability is still above 5% of its peak in the last period for ${unrecovered.map((i) => model.sectors[i]).join(", ")}; the loss is understated, give more periods`,
      },
    });

  const cstar = new Array<number>(n).fill(0);
  cstar[k] = rate;
  const st = staticInoperability(sys, cstar);
  const lossOverCut = (st.loss ?? []).map((l) => (l * spec.months) / 12);

  // Prices.
  let prices: DisruptionPriceResult | null = null;
  if (spec.priceShock) {
    const ps = spec.priceShock;
    const pk = ps.sector !== undefined ? sectorOf(index, model, ps.sector, "$.priceShock.sector", where) : k;
    const scope = ps.scope ?? (importsSource === "spec" && pk === k ? "good" : "sector");
    const base = model.importType === "competitive" ? tableImports(model, pk) : sumRoles(model.table.primaryInputs, n, (r) => r === "import").reduce((a, b) => a + b, 0);
    let applied = ps.importPriceChange;
    if (scope === "good") {
      if (pk !== k || importsSource !== "spec" || base === null || !(base > 0))
        throw specError("$.priceShock.scope", {
          ja: '"good" は途絶する部門の imports（財の輸入額）を指定したときだけ使えます。"sector" にするか imports を指定してください',
          en: '"good" needs imports (the good\'s import value) and the disrupted sector; use "sector" or give imports',
        }, where);
      applied = (ps.importPriceChange * Math.min(annualImports, base)) / base;
    }
    let result: PriceResult;
    if (model.importType === "competitive") {
      const dpm = new Array<number>(n).fill(0);
      dpm[pk] = applied;
      result = costPushPrices(model, { importPriceChange: dpm });
    } else {
      if (ps.sector !== undefined && scope === "sector")
        throw specError("$.priceShock.sector", {
          ja: "非競争輸入型の表の輸入は 1 行（品目別でない）なので、sector を省いてすべての輸入に適用するか、scope を \"good\" にしてください",
          en: 'a domestic-use table has one import row (not by product): omit sector to apply the change to all imports, or use scope "good"',
        }, where);
      result = costPushPrices(model, { importPriceChange: applied });
    }
    prices = { sector: pk, importPriceChange: ps.importPriceChange, scope, appliedImportPriceChange: applied, result };
  }

  const extraction = spec.extraction ? HypotheticalExtraction.build(model).ranking() : null;

  let ghosh: DisruptionGhoshResult | null = null;
  if (spec.ghosh) {
    const g = GhoshModel.build(model);
    let dv = new Array<number>(n).fill(0);
    let source: "cut" | "spec";
    if (spec.ghosh === true) {
      // The imports withheld reach buyers in proportion to their purchases of imported k
      // (m_k z_kj, intermediate uses only: imports for final demand have no forward effect).
      if (model.importType !== "competitive" || !model.m)
        throw specError("$.ghosh", {
          ja: "非競争輸入型の表では輸入の買い手を品目別に分けられません。ghosh に { \"primaryInputChange\": { 部門: 変化額 } } を指定してください",
          en: 'a domestic-use table does not split imports by product and buyer; give ghosh as { "primaryInputChange": { sector: change } }',
        }, where);
      const total = shortfallByPeriod.reduce((a, b) => a + b, 0);
      const importedUse = model.table.Z[k].map((z) => model.m![k] * z);
      const imp = sectorImports ?? annualImports;
      dv = importedUse.map((u) => (-total * u) / imp);
      source = "cut";
    } else {
      for (const [label, v] of Object.entries(spec.ghosh.primaryInputChange))
        dv[sectorOf(index, model, label, keyPath("$.ghosh.primaryInputChange", label), where)] = v;
      source = "spec";
    }
    ghosh = { label: GHOSH_LABEL, source, primaryInputChange: dv, effect: g.supplyEffect(dv) };
  }

  warnings.push(...dyn.warnings, ...st.warnings, ...(prices?.result.warnings ?? []));
  return {
    spec,
    sectors: [...model.sectors],
    unit: model.table.unit,
    importType: model.importType,
    sector: k,
    period: { name: periodName, months: P, years, count, countSource: spec.periods !== undefined ? "spec" : "default" },
    cut: {
      annualImports,
      importsSource,
      sectorImports,
      output: x[k],
      totalShortfall: shortfallByPeriod.reduce((a, b) => a + b, 0),
      shortfallByPeriod,
      rate,
    },
    resilience: { values: resilience, source: spec.resilience ? "resilience" : "recoveryMonths", recoveryPeriods, residual },
    perturbation: rows,
    dynamic: { ...dyn, peak, peakPeriod },
    static: { ...st, cstar, lossOverCut, totalLossOverCut: lossOverCut.reduce((a, b) => a + b, 0) },
    system: sys,
    prices,
    extraction,
    ghosh,
    warnings,
  };
}
