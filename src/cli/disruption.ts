// `ripple analyze INPUT --disruption SPEC.json`: a supply disruption (import cut, recovery, price
// shock, extraction, Ghosh) on a table read as `ripple analyze` reads it. File -> grid -> table ->
// model -> engine/disruption/spec -> report/disruptionReport -> workbook / JSON. Errors are thrown
// as RippleError and mapped to one line and an exit status by main's reportError.
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

import { basename, resolve } from "node:path";
import { Option } from "commander";
import { analyzeDisruption, parseDisruptionSpecText, type DisruptionResult } from "../engine/disruption/spec";
import { warningText, type Lang } from "../engine/errors";
import { IOModel, type ModelOptions } from "../engine/model";
import { buildTable } from "../engine/table";
import type { IOTable, ImportType } from "../engine/table/types";
import type { ReportInput } from "../report/analysisReport";
import { checksum, sha256Text } from "../report/checksum";
import { disruptionDeliverable } from "../report/deliverable";
import { unitLabel } from "../report/labels";
import { balancedTable, chooseSheet, inFile, readGrids, readText, say, usedRange, withFile } from "./analyze";
import { imbalanceNotice } from "../report/imbalanceNotice";
import { writeOutputs } from "./outputs";
import type { CliIO } from "./io";
import { loadMapping } from "./mappingFile";
import { packageVersion } from "./packageRoot";
import { startProgress, wantsProgress } from "./progress";

export const DISRUPTION_OUT = "ripple-disruption-results.xlsx";

/** The option for `ripple analyze`; it cannot be combined with the final-demand shock options. */
export function disruptionOption(): Option {
  return new Option(
    "--disruption <spec.json>",
    "supply disruption instead of a demand shock: import cut, recovery, optional price shock (see assets/examples/disruption-magnet-cut.json)",
  ).conflicts(["shock", "shockSheet", "projects"]);
}

export interface DisruptionArgs {
  input: string;
  /** The spec file (JSON), as typed. */
  spec: string;
  sheet?: string;
  map?: string;
  /** Drop sectors with zero or negative output (named in a warning). */
  dropZeroOutput?: boolean;
  /** Run on a table that does not add up (every results sheet then says so). */
  allowImbalance?: boolean;
  importType?: ImportType;
  out?: string;
  /** File for the JSON result, or "-" for stdout. */
  json?: string;
  lang: Lang;
  /** Where the workbook goes when neither --out nor --json is given (default DISRUPTION_OUT). */
  defaultOut?: string;
  inputDescription?: string;
  signal?: AbortSignal;
  /** For tests: the report's creation time. */
  now?: Date;
}

export interface DisruptionRun {
  result: DisruptionResult;
  table: IOTable;
  workbook: string | null;
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

function fmt(v: number, digits: number): string {
  return v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The short summary on stdout (rounded for reading; the workbook and JSON keep full precision). */
export function disruptionSummary(r: DisruptionResult, lang: Lang): string {
  const u = unitLabel(r.unit, lang);
  const loss = r.dynamic.loss ?? [];
  const top = loss
    .map((v, i) => ({ v, i }))
    .sort((a, b) => b.v - a.v)
    .slice(0, 3)
    .map(({ v, i }) => `${r.sectors[i]} ${fmt(v, 1)}`);
  const lines =
    lang === "ja"
      ? [
          `途絶: ${r.sectors[r.sector]} の輸入 ${fmt(r.spec.importCut * 100, 0)}% 減 × ${r.spec.months} か月（失われる供給 ${fmt(r.cut.totalShortfall, 1)} ${u}）`,
          `経済損失（動学 IIM、${r.period.count} 期）: ${fmt(r.dynamic.totalLoss ?? 0, 1)} ${u}`,
          `損失の大きい部門: ${top.join("、")}`,
        ]
      : [
          `Disruption: imports of ${r.sectors[r.sector]} cut by ${fmt(r.spec.importCut * 100, 0)}% for ${r.spec.months} months (supply lost ${fmt(r.cut.totalShortfall, 1)} ${u})`,
          `Economic loss (dynamic IIM, ${r.period.count} periods): ${fmt(r.dynamic.totalLoss ?? 0, 1)} ${u}`,
          `Largest losses: ${top.join(", ")}`,
        ];
  if (r.prices) {
    const p = r.prices.result.delta;
    const j = p.indexOf(Math.max(...p));
    lines.push(
      lang === "ja"
        ? `価格上昇率の最大: ${r.sectors[j]} ${fmt(p[j] * 100, 4)}%`
        : `Largest price increase: ${r.sectors[j]} ${fmt(p[j] * 100, 4)}%`,
    );
  }
  for (const w of r.warnings) lines.push(`${lang === "ja" ? "警告" : "Warning"}: ${warningText(w, lang)}`);
  return lines.join("\n") + "\n";
}

export async function runDisruption(args: DisruptionArgs, io: CliIO): Promise<DisruptionRun> {
  const { lang } = args;
  const jsonToStdout = args.json === "-";

  // The spec first: a mistake in it is the likeliest, and cheap to report.
  const specText = await readText(resolve(io.cwd, args.spec), args.spec);
  const spec = parseDisruptionSpecText(specText, { file: args.spec });

  const file = await readGrids(io.cwd, args.input);
  const mapping = await loadMapping(args, io.cwd, readText);
  const { grid, layout, searched } = inFile(args.input, () =>
    chooseSheet(file.sheets, args.input, { sheet: args.sheet, mapping, importType: args.importType }),
  );
  if (searched)
    say(io, lang, {
      ja: `シート「${grid.sheet}」の産業連関表を使います。別のシートは --sheet で指定できます。`,
      en: `using the input-output table on sheet '${grid.sheet}'; choose another with --sheet.`,
    });
  const table = balancedTable(args.input, buildTable, grid, layout, args.allowImbalance);

  const modelOptions: ModelOptions = {};
  if (args.importType) modelOptions.importType = args.importType;
  const progress = wantsProgress(table.sectors.length, !!io.stderr.isTTY, jsonToStdout) ? startProgress(io.stderr, lang) : null;
  let model: IOModel;
  try {
    model = await IOModel.buildAsync(table, modelOptions, {
      signal: args.signal,
      onProgress: progress ? (d, t, s) => progress.update(d, t, s) : undefined,
    }).catch((e) => {
      throw withFile(e, args.input);
    });
  } finally {
    progress?.stop();
  }
  const result = analyzeDisruption(model, spec, { file: args.spec });

  const inputs: ReportInput[] = [
    {
      description: args.inputDescription ?? basename(args.input),
      sheet: grid.sheet,
      range: usedRange(grid),
      checksum: checksum(grid),
    },
    { description: `${basename(args.spec)} (--disruption)`, checksum: "sha256:" + sha256Text(specText) },
  ];
  if (args.map) inputs.push({ description: `${basename(args.map)} (--map)`, checksum: "sha256:" + sha256Text(JSON.stringify(mapping)) });

  const { workbook } = await writeOutputs(io, lang, {
    out: args.out,
    json: args.json,
    defaultOut: args.defaultOut ?? DISRUPTION_OUT,
    // The deliverable (shared with the pane): the complete method sheet, values only.
    notice: imbalanceNotice(table.warnings),
    specs: () => ({ full: disruptionDeliverable({ result, table, lang, inputs, version: packageVersion(), now: args.now, layout }) }),
    jsonValue: () => disruptionJson(result, lang),
    summary: () => disruptionSummary(result, lang),
  });
  return { result, table, workbook };
}
