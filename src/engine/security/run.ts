// One economic-security evaluation from the two runs it links: the demand-share model (the same
// sheets and defaults as the market tab and `--market`) and the projects evaluation (years,
// discount rate, PV of the subsidy). Pure; the CLI and the pane call it with what they read.

import type { RippleWarning } from "../errors";
import type { MarketAnalysis } from "../market/run";
import { marketInputsFromRecord } from "../market/sheet";
import type { IOModel } from "../model/iomodel";
import type { Evaluation } from "../projects/evaluate";
import { buildSecurityInput, type SecurityBuild } from "./build";
import type { PriceEffect } from "./price";
import { securityChain, type SecurityChain } from "./chain";
import { evaluateSecurity, type SecurityResult } from "./evaluate";
import { DEFAULT_SECURITY_DRAWS, securityMonteCarlo, type SecurityMonteCarlo } from "./montecarlo";

export interface SecurityRun {
  build: SecurityBuild;
  result: SecurityResult;
  /** PV(induced gross value added) / PV(subsidy) of the projects evaluation: the reference ratio. */
  inducedValueAddedPerSubsidy: number | null;
  /** Over the judgement parameters (null without a subsidy, or with draws 0). */
  monteCarlo: SecurityMonteCarlo | null;
  /** One scenario and year by sector, for the audit sheet (null: nothing avoided, or the dynamic path). */
  chain: SecurityChain | null;
  warnings: RippleWarning[];
}

/** The security model's input from the market run's inputs and sheets (the same for the run
 * before and after its Monte Carlo) and the projects evaluation. */
export function securityBuildOf(args: {
  market: Pick<MarketAnalysis, "inputs" | "sheets">;
  evaluation: Evaluation;
  model: IOModel;
  parameters?: Record<string, number>;
}): SecurityBuild {
  const { market, evaluation } = args;
  const marketWithout = marketInputsFromRecord(market.sheets.params);
  return buildSecurityInput({
    marketWith: market.inputs,
    marketWithout,
    scenarios: market.sheets.scenarios,
    model: args.model,
    evaluationYears: evaluation.years,
    baseYear: evaluation.baseYear,
    discountRate: evaluation.discountRate.value,
    pvSubsidy: evaluation.pv.subsidy,
    parameters: args.parameters,
  });
}

export function runSecurity(args: {
  market: MarketAnalysis;
  evaluation: Evaluation;
  model: IOModel;
  parameters?: Record<string, number>;
  /** Monte Carlo draws over the judgement parameters (default 2,000; 0 for none) and seed. */
  draws?: number;
  seed?: string | number;
  signal?: AbortSignal;
  /** Its Monte Carlo already run (on another thread) for the same build, draws and seed. */
  monteCarlo?: SecurityMonteCarlo | null;
}): SecurityRun {
  const build = securityBuildOf(args);
  const result = evaluateSecurity(build.input, build.parameters);
  const draws = args.draws ?? DEFAULT_SECURITY_DRAWS;
  const monteCarlo =
    args.monteCarlo !== undefined
      ? args.monteCarlo
      : draws > 0
        ? securityMonteCarlo(build.input, build.parameters, { draws, seed: args.seed, signal: args.signal })
        : null;
  const chain = securityChain(build, result, args.model);
  return { build, result, inducedValueAddedPerSubsidy: args.evaluation.inducedValueAddedPerSubsidy, monteCarlo, chain, warnings: build.warnings };
}

/** The `security` block of the JSON, exactly as RESILIENCE.md 6 (table units, full precision). */
export function securityJson(r: SecurityRun) {
  const s = r.result;
  return {
    scenarios: s.scenarios.map((x) => ({
      id: x.id,
      probability: x.probability,
      shortfallTonnes: { without: x.total.shortfall.without, with: x.total.shortfall.with },
      lostOutput: { without: x.total.without.output, with: x.total.with.output },
      lostValueAdded: { without: x.total.without.valueAdded, with: x.total.with.valueAdded },
      avoidedValueAdded: x.total.avoided.valueAdded,
    })),
    expectedAnnualAvoidedValueAdded: s.expectedAnnualAvoided.map((e) => e.valueAdded),
    pvExpectedAvoidedValueAdded: s.pvExpectedAvoided.valueAdded,
    pvSubsidy: s.pvSubsidy,
    benefitCostRatio: s.benefitCostRatio,
    inducedValueAddedPerSubsidy: r.inducedValueAddedPerSubsidy,
  };
}

/** Which sectors the price changes are for, the magnet sector whose import price carries the
 * premium, or why no price effect is shown. */
function priceNoteOf(r: SecurityRun, lang: "ja" | "en") {
  const p = r.build.input.price;
  if (!p) return null;
  return p.ok ? { sectors: r.build.sectors, magnetSector: p.context.magnetLabel, note: null } : { sectors: [], magnetSector: null, note: p.reason[lang] };
}

/** What the `security` block leaves out, beside it: years, every measure by scenario and year,
 * the parameters and the concordance. */
export function securityDetailJson(r: SecurityRun, lang: "ja" | "en") {
  const s = r.result;
  return {
    years: s.years,
    eventYearNote:
      lang === "ja"
        ? "各シナリオの損失は、その年度に途絶が起きた場合の値（年度ごと）。期待値 = Σ 年発生確率 × 回避損失"
        : "each scenario's loss is the loss if the event strikes in that fiscal year; expected = Σ annual probability × avoided loss",
    parameters: r.build.parameters,
    concordance: r.build.concordance,
    lossPath: r.build.parameters.lossPath === 1 ? "dynamic" : "static",
    price: priceNoteOf(r, lang),
    scenarios: s.scenarios.map((x) => ({
      id: x.id,
      label: x.label[lang],
      months: x.event.months,
      cutByOrigin: x.event.cutByOrigin,
      premium: x.event.premium ?? 0,
      byYear: x.byYear.map((y) => ({
        year: y.year,
        shortfallTonnes: { without: y.without.shortfall, with: y.with.shortfall },
        without: y.without.losses,
        with: y.with.losses,
        avoided: y.avoided,
        // the premium's cost-push price change (%) by sector, beside the quantities
        priceEffect: y.without.price && {
          importShare: { without: y.without.price.importShare, with: (y.with.price as PriceEffect).importShare },
          percent: { without: y.without.price.percent, with: (y.with.price as PriceEffect).percent },
        },
        // the dynamic inoperability path: output lost by month from the event's start
        lostOutputByMonth: y.without.path && { without: y.without.path.byMonth, with: y.with.path?.byMonth ?? [] },
      })),
      total: x.total,
    })),
    expectedAnnualAvoided: s.expectedAnnualAvoided,
    pvExpectedAvoided: s.pvExpectedAvoided,
    employmentInTable: r.build.input.unit.hasEmployment,
    monteCarlo: r.monteCarlo && {
      draws: r.monteCarlo.draws,
      seed: r.monteCarlo.seed,
      uncertain: r.monteCarlo.uncertain,
      benefitCostRatio: r.monteCarlo.benefitCostRatio,
      probabilityAtLeastOne: r.monteCarlo.probabilityAtLeastOne,
      histogram: r.monteCarlo.histogram,
      pvExpectedAvoidedValueAdded: r.monteCarlo.pvExpectedAvoidedValueAdded,
      tornado: r.monteCarlo.tornado,
    },
  };
}
