// A parsed supply disruption (spec.ts) run against the Leontief model of a table: the static and
// dynamic inoperability results, price increase, extraction ranking and the supply-side model.
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
import { DEFAULT_TAIL_MONTHS, keyPath, MONTHS_PER_PERIOD, specError, type DisruptionSpec, type PeriodLengthName, type SectorValues } from "./spec";

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
