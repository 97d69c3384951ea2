// The disruption job (供給途絶 / `ripple analyze --disruption`): a supply disruption (import
// cut, recovery, price shock, extraction, Ghosh) on a recognised table, with one options record
// -> the engine's result, the JSON and the results workbook. The command line reads the spec
// from a file, the pane builds it from its form; both call runDisruptionJob.
//
// JSON result (--json; stable field names, full double precision, vectors in sector order,
// money in table units, shares as fractions):
// {
//   "kind": "disruption",
//   "sectors": [string], "unit": string | null, "importType": "competitive" | "domestic",
//   "disruptedSector": string, "disruptedIndex": number,
//   "period": { "length": "month" | "quarter" | "year", "years": number, "count": number },
//   "cut": { "importCut", "months", "startMonth", "annualImports", "importsSource": "table" | "spec",
//            "sectorImports": number | null, "output", "rate", "totalShortfall", "shortfallByPeriod": [number] },
//   "resilience": [number],
//   "perturbation": [[number]],          // c*(t), periods × sectors
//   "inoperability": [[number]],         // q(0..T), (periods + 1) × sectors
//   "loss": { "bySector": [number], "byPeriod": [number], "total": number },
//   "peak": { "inoperability": [number], "period": [number] },      // period 1..T, 0 = never
//   "static": { "cstar": [number], "inoperability": [number],           // capped at 1
//               "inoperabilityUncapped": [number], "excessLossPerYear": [number], // beyond 1, not counted
//               "lossPerYear": [number], "lossOverCut": [number], "totalLossOverCut": number },
//   "prices": null | { "sector": number, "importPriceChange", "scope": "good" | "sector",
//               "appliedImportPriceChange", "delta": [number], "index": [number], "percent": [number] },
//   "extraction": null | { "forwardMethod": "ghosh" | "leontief",
//               "backward" | "forward" | "both" | "total": { "total": [number], "share": [number], "order": [number] } },
//               // both: row and column removed, own final demand kept; total: Miller & Blair, with its final demand
//   "ghosh": null | { "label": "supply-side (Ghosh)", "source": "cut" | "spec",
//               "primaryInputChange": [number], "output": [number], "total": number },
//   "warnings": [string]
// }

import { type DisruptionSpec } from "../engine/disruption/spec";
import { analyzeDisruption, type DisruptionResult } from "../engine/disruption/analyze";
import { warningText, type Lang, type Where } from "../engine/errors";
import { IOModel } from "../engine/model";
import { buildTable } from "../engine/table";
import type { IOTable, TableLayout } from "../engine/table/types";
import type { ReportInput } from "../report/analysisReport";
import { disruptionDeliverable } from "../report/deliverable";
import { imbalanceNotice, withImbalanceNotice } from "../report/imbalanceNotice";
import type { WorkbookSpec } from "../report/spec";
import { gridInput, type JobControl, type NamedGrid } from "./analysis";
import { engineOptions, type ModelSettings } from "./options";
import { balancedTable, inFile, inFileAsync } from "./table";

export interface DisruptionJobInput {
  table: NamedGrid & { layout: TableLayout; built?: IOTable | null };
  spec: DisruptionSpec;
  /** Where the spec came from, for errors in it (the spec file) and the method sheet. */
  specWhere?: Where;
  specInput: ReportInput;
  /** Further inputs the method sheet lists (e.g. the mapping file). */
  extraInputs?: ReportInput[];
  version: string;
  now?: Date;
}

export interface DisruptionOptions {
  model: ModelSettings;
  allowImbalance: boolean;
  lang: Lang;
}

export interface DisruptionJob {
  result: DisruptionResult;
  table: IOTable;
  json: () => unknown;
  workbook: () => WorkbookSpec;
}

export async function runDisruptionJob(input: DisruptionJobInput, options: DisruptionOptions, control: JobControl = {}): Promise<DisruptionJob> {
  const { grid, layout, file } = input.table;
  const { lang } = options;
  control.stage?.("read");
  const table = balancedTable(file, buildTable, grid, layout, options.allowImbalance, input.table.built);
  control.stage?.("build");
  const progress = control.build?.(table.sectors.length) ?? null;
  let model: IOModel;
  try {
    const onProgress = progress ? (d: number, t: number, s?: string) => progress.update(d, t, s) : undefined;
    model = await inFileAsync(file, () => IOModel.buildAsync(table, engineOptions(options.model), { signal: control.signal, onProgress }));
  } finally {
    progress?.stop();
  }
  control.stage?.("analyze");
  const result = analyzeDisruption(model, input.spec, input.specWhere ?? {});
  const notice = imbalanceNotice(table.warnings);
  const workbook = () => {
    control.stage?.("report");
    const inputs = [gridInput(input.table.description, grid), input.specInput, ...(input.extraInputs ?? [])];
    // The deliverable: the complete method sheet, values only.
    const spec = disruptionDeliverable({ result, table, lang, inputs, version: input.version, now: input.now, layout });
    return withImbalanceNotice(spec, notice);
  };
  return { result, table, json: () => disruptionJson(result, lang), workbook };
}

/** The JSON result with the stable field names documented at the top of this file. */
export function disruptionJson(r: DisruptionResult, lang: Lang): unknown {
  return {
    kind: "disruption",
    sectors: r.sectors,
    unit: r.unit,
    importType: r.importType,
    disruptedSector: r.sectors[r.sector],
    disruptedIndex: r.sector,
    period: { length: r.period.name, years: r.period.years, count: r.period.count },
    cut: {
      importCut: r.spec.importCut,
      months: r.spec.months,
      startMonth: r.spec.startMonth ?? 0,
      annualImports: r.cut.annualImports,
      importsSource: r.cut.importsSource,
      sectorImports: r.cut.sectorImports,
      output: r.cut.output,
      rate: r.cut.rate,
      totalShortfall: r.cut.totalShortfall,
      shortfallByPeriod: r.cut.shortfallByPeriod,
    },
    resilience: r.resilience.values,
    perturbation: r.perturbation,
    inoperability: r.dynamic.path,
    loss: { bySector: r.dynamic.loss, byPeriod: r.dynamic.lossByPeriod, total: r.dynamic.totalLoss },
    peak: { inoperability: r.dynamic.peak, period: r.dynamic.peakPeriod },
    static: {
      cstar: r.static.cstar,
      inoperability: r.static.q,
      inoperabilityUncapped: r.static.qUncapped,
      excessLossPerYear: r.static.excessLoss,
      lossPerYear: r.static.loss,
      lossOverCut: r.static.lossOverCut,
      totalLossOverCut: r.static.totalLossOverCut,
    },
    prices: r.prices && {
      sector: r.prices.sector,
      importPriceChange: r.prices.importPriceChange,
      scope: r.prices.scope,
      appliedImportPriceChange: r.prices.appliedImportPriceChange,
      delta: r.prices.result.delta,
      index: r.prices.result.index,
      percent: r.prices.result.percent,
    },
    extraction: r.extraction && {
      forwardMethod: r.extraction.forwardMethod,
      backward: r.extraction.backward,
      forward: r.extraction.forward,
      both: r.extraction.both,
      total: r.extraction.total,
    },
    ghosh: r.ghosh && {
      label: r.ghosh.label.en,
      source: r.ghosh.source,
      primaryInputChange: r.ghosh.primaryInputChange,
      output: r.ghosh.effect.output,
      total: r.ghosh.effect.total,
    },
    warnings: r.warnings.map((w) => warningText(w, lang)),
  };
}

