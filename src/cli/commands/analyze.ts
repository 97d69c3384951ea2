// `ripple analyze`: one table, and the job its options choose — a supply disruption
// (--disruption), the magnet market model (--market), the supported plans (--projects), or the
// ripple effect of a shock (the default). The options that belong to one job are refused
// without it, here, before any file is read.

import { Option, type Command } from "commander";
import { RippleError, type Lang } from "../../engine/errors";
import { runAnalyze } from "../analyze";
import { disruptionOption, runDisruption } from "../disruption";
import { runMarketCommand } from "../market";
import { runProjects } from "../projects";
import { DEFAULT_CONSUMPTION_RATE } from "../../usecases/options";
import {
  type CommandContext,
  kebab,
  langOption,
  needs,
  noShockWith,
  parseDraws,
  parseRate,
  replaceJsonOption,
} from "./sharedOptions";

export const ANALYZE_OUT = "ripple-results.xlsx";

/** The options of `ripple analyze` as commander parses them. */
type AnalyzeOptions = {
  sheet?: string;
  map?: string;
  importType?: "competitive" | "domestic";
  shock?: string;
  shockSheet?: string;
  purchaserPrices?: boolean;
  margins?: string;
  marginsSheet?: string;
  marginsColumn?: string;
  tradeSector?: string;
  transportSector?: string;
  consumptionRate?: number;
  typeIi?: boolean;
  dropZeroOutput?: boolean;
  allowImbalance?: boolean;
  projects?: string | false;
  converters?: string;
  params?: string;
  split?: string;
  public?: boolean;
  disruption?: string;
  market?: string;
  marketScenarios?: string;
  scenario?: string;
  draws?: number;
  seed?: string;
  magnetSector?: string;
  out?: string;
  json?: string;
  replaceJson?: boolean;
  lang?: Lang;
};

export function addAnalyzeCommand(program: Command, ctx: CommandContext): void {
  program
    .command("analyze")
    .description("analyse an input-output table: coefficients, Leontief inverse, multipliers, linkages, and the ripple effect of a shock")
    .argument("<input>", "the table: .xlsx (any sheet), .xls (converted by LibreOffice) or .csv (UTF-8 or Shift_JIS)")
    .option("--sheet <name>", "sheet holding the table (default: the first sheet where a table is recognised)")
    .option("--map <map.json>", 'roles for rows/columns the recogniser gets wrong: {"rows": {label: role}, "cols": {...}}')
    .addOption(
      new Option("--import-type <type>", "override the detected import convention").choices(["competitive", "domestic"]),
    )
    .option("--shock <shock.csv>", "final-demand change: two columns, sector label and value (table units)")
    .option("--shock-sheet <name>", "read the shock from this sheet of the input workbook instead")
    .option("--purchaser-prices", "the shock is at purchaser prices (capex budgets are): converted to producer prices with --margins before the model runs (README: margins)")
    .option("--margins <margins.csv>", "with --purchaser-prices: margin rates, three columns: sector, trade margin rate, transport margin rate (shares of the purchaser price, 0–1); or a labelled sheet as prefectures publish it (header cells 商業マージン率 / 運輸マージン率, sector names on the left)")
    .option("--margins-sheet <name>", "with --purchaser-prices: read the margin rates from this sheet of the input workbook instead")
    .option("--margins-column <group>", "with --margins / --margins-sheet: the set of rates of a labelled sheet with several, named by its header (e.g. 需要合計 or 民間消費支出)")
    .option("--trade-sector <label>", "with --purchaser-prices: the sector receiving the trade margins (default: the one sector labelled 商業 / trade)")
    .option("--transport-sector <label>", "with --purchaser-prices: the sector receiving the transport margins (default: the one sector labelled 運輸 / transport)")
    .option("--consumption-rate <c>", `消費転換係数 for the second indirect effect, 0–1 or a percentage (default ${DEFAULT_CONSUMPTION_RATE}, FIES 2011)`, parseRate)
    .option("--drop-zero-output", "drop sectors whose output is zero or negative (each is named in a warning) instead of stopping")
    .option("--allow-imbalance", "run on a table whose rows or columns do not add up to its output, or whose import coefficients leave 0–1 (refused otherwise, exit 2); every results sheet then says so")
    .option("--type-ii", "also write the closed model (Type II, households endogenous) on a sheet of its own")
    .option("--projects <sheet>", "policy evaluation of the supported plans on this sheet of the input workbook (MODELS.md 6); with --market: the plans whose capacity comes online (default there: the sheet 事業計画 / Projects when there is one)")
    .option("--no-projects", "with --market: leave the supported plans out even when the workbook has a 事業計画 / Projects sheet")
    .option("--converters <sheet>", "with --projects: capex converter sheet (default: the sheet 投資転換表 / Capex converters)")
    .option("--params <sheet>", "with --projects: parameter sheet, defaults.csv layout (default: the sheet パラメータ / Parameters, if any)")
    .option("--split <sheet>", "with --projects: sector split sheet (default: the sheet 部門分割 / Sector split, if any)")
    .option("--public", "with --projects (also with --market --projects): also write the public version (公開版) beside the workbook, NAME-公開版.xlsx / NAME-public.xlsx: confidential plans removed, groups of fewer than 3 confidential plans shown as —")
    .addOption(disruptionOption())
    .option("--market <sheet>", "magnet demand-share model: the parameter sheet of the input workbook (磁石パラメータ)")
    .option("--market-scenarios <sheet>", "with --market: scenario sheet (default: the sheet laid out as the scenario template)")
    .option("--scenario <name>", "with --market: run the base and this scenario only")
    .option("--draws <n>", "with --market: Monte Carlo draws over the parameters marked with a distribution", parseDraws)
    .option("--seed <s>", "with --market: Monte Carlo seed (default 1); the same seed repeats the run exactly")
    .option("--magnet-sector <label>", "with --market: sector the magnet output enters (default: 磁石/magnet, else 製造業/manufacturing)")
    .option("--out <file.xlsx>", `results workbook (default ${ANALYZE_OUT} when --json is not given; never overwritten)`)
    .option("--json <file.json|->", "JSON result (CLI.md field names, full precision) to a file, or to stdout with -; an existing file is never overwritten (-2, -3, … is added) unless --replace-json")
    .addOption(replaceJsonOption())
    .addOption(langOption())
    .action((input: string, opts: AnalyzeOptions) => runAnalyzeJob(input, opts, ctx));
}

/** Checks the options that go together, then runs the one job they choose. */
async function runAnalyzeJob(input: string, opts: AnalyzeOptions, ctx: CommandContext): Promise<void> {
  const lang = ctx.lang(opts.lang);
  const { io, signal } = ctx;
  io.replaceJson = opts.replaceJson;
  needs(opts, "market", ["marketScenarios", "scenario", "draws", "seed", "magnetSector"]);
  // Purchaser prices convert a final-demand shock; no other run takes one.
  const purchaserFlag = (["purchaserPrices", "margins", "marginsSheet", "marginsColumn", "tradeSector", "transportSector"] as const).find((k) => opts[k] !== undefined);
  if (purchaserFlag && !opts.shock && !opts.shockSheet)
    throw new RippleError("purchaser-without-shock", {
      ja: `--${kebab(purchaserFlag)} は --shock か --shock-sheet（購入者価格の需要変化）と一緒に指定してください。`,
      en: `--${kebab(purchaserFlag)} goes with --shock or --shock-sheet (a final-demand change at purchaser prices).`,
    });
  if (opts.disruption !== undefined) {
    await runDisruption(
      {
        input,
        spec: opts.disruption,
        sheet: opts.sheet,
        map: opts.map,
        dropZeroOutput: opts.dropZeroOutput,
        allowImbalance: opts.allowImbalance,
        importType: opts.importType,
        out: opts.out,
        json: opts.json,
        lang,
        signal,
      },
      io,
    );
    return;
  }
  if (opts.market !== undefined) {
    noShockWith(opts, "market");
    await runMarketCommand(
      {
        input,
        market: opts.market,
        scenarioSheet: opts.marketScenarios,
        scenario: opts.scenario,
        draws: opts.draws,
        seed: opts.seed,
        sheet: opts.sheet,
        magnetSector: opts.magnetSector,
        projects: opts.projects,
        converters: opts.converters,
        public: opts.public,
        allowImbalance: opts.allowImbalance,
        // the model options reach the market job too (they did not before)
        map: opts.map,
        importType: opts.importType,
        consumptionRate: opts.consumptionRate,
        dropZeroOutput: opts.dropZeroOutput,
        out: opts.out,
        json: opts.json,
        lang,
        defaultOut: ANALYZE_OUT,
        signal,
      },
      io,
    );
    return;
  }
  if (opts.projects === false)
    throw new RippleError("no-projects-alone", { ja: "--no-projects は --market と一緒に指定してください。", en: "--no-projects goes with --market." });
  needs(opts, "projects", ["converters", "params", "split", "public"]);
  if (opts.projects !== undefined) {
    noShockWith(opts, "projects");
    await runProjects(
      {
        input,
        sheet: opts.sheet,
        map: opts.map,
        dropZeroOutput: opts.dropZeroOutput,
        allowImbalance: opts.allowImbalance,
        importType: opts.importType,
        consumptionRate: opts.consumptionRate,
        projects: opts.projects,
        converters: opts.converters,
        params: opts.params,
        split: opts.split,
        public: opts.public,
        out: opts.out,
        json: opts.json,
        lang,
        defaultOut: ANALYZE_OUT,
      },
      io,
    );
    return;
  }
  if (opts.shock && opts.shockSheet) {
    throw new RippleError("shock-twice", {
      ja: "--shock と --shock-sheet はどちらか一方だけ指定してください。",
      en: "give either --shock or --shock-sheet, not both.",
    });
  }
  await runAnalyze(
    {
      input,
      sheet: opts.sheet,
      map: opts.map,
      dropZeroOutput: opts.dropZeroOutput,
      allowImbalance: opts.allowImbalance,
      importType: opts.importType,
      shock: opts.shock,
      shockSheet: opts.shockSheet,
      purchaserPrices: opts.purchaserPrices,
      margins: opts.margins,
      marginsSheet: opts.marginsSheet,
      marginsColumn: opts.marginsColumn,
      tradeSector: opts.tradeSector,
      transportSector: opts.transportSector,
      consumptionRate: opts.consumptionRate,
      typeII: opts.typeIi,
      out: opts.out,
      json: opts.json,
      lang,
      defaultOut: ANALYZE_OUT,
      signal,
    },
    io,
  );
}
