// The `ripple` command (../shared/spec/CLI.md). main() never throws and never exits the process:
// it returns the exit status, so bin/ripple.js and the tests call it the same way.
//   0 success · 2 bad input or usage · 3 numeric (singular / non-productive table)
//   130 cancelled (Ctrl+C) · 70 unexpected (stack trace only with RIPPLE_DEBUG=1)

import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { basename } from "node:path";
import { isMainThread } from "node:worker_threads";
import { RippleError, RippleErrorList, formatMessage, type Lang, type Where } from "../engine/errors";
import { runAnalyze } from "./analyze";
import { runInspect } from "./inspect";
import { runProjects } from "./projects";
import { disruptionOption, runDisruption } from "./disruption";
import { runMarketCommand } from "./market";
import { CGE_OUT, runCgeCommand } from "./cge";
import { COMPARE_OUT, runCompareCommand } from "./compare";
import { processIO, type CliIO } from "./io";
import { isLang, langFromArgv, langFromEnv } from "./lang";
import { packageVersion, samplePath } from "./packageRoot";
import { removeAllNow } from "./atomicWrite";
import { createHash } from "node:crypto";
import { usePlatformSha256 } from "../report/checksum";
import { terminalSafe } from "./terminalText";
import { DEFAULT_CONSUMPTION_RATE, parseShare } from "../usecases/options";

// Input checksums by node:crypto rather than the portable code the pane needs.
usePlatformSha256((data) => createHash("sha256").update(data).digest("hex"));

export const EXIT = { ok: 0, input: 2, numeric: 3, cancelled: 130, unexpected: 70 } as const;

export const DEMO_OUT = "ripple-demo-results.xlsx";
export const ANALYZE_OUT = "ripple-results.xlsx";

function parseLang(v: string): Lang {
  if (!isLang(v)) throw new InvalidArgumentError("use ja or en");
  return v;
}

function parseDraws(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw new InvalidArgumentError("a whole number from 1 to 1,000,000, e.g. 10000");
  return n;
}

const kebab = (k: string): string => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Options that only mean something with another one (e.g. --draws with --market). */
function needs(opts: Record<string, unknown>, owner: string, dependents: readonly string[]): void {
  const given = dependents.filter((k) => opts[k] !== undefined);
  if (opts[owner] === undefined && given.length)
    throw new RippleError(`${kebab(owner)}-option-alone`, {
      ja: `--${kebab(given[0])} は --${kebab(owner)} と一緒に指定してください。`,
      en: `--${kebab(given[0])} goes with --${kebab(owner)}.`,
    });
}

/** A run of another kind cannot also take a final-demand shock. */
function noShockWith(opts: { shock?: string; shockSheet?: string }, option: string): void {
  if (opts.shock || opts.shockSheet)
    throw new RippleError(`shock-and-${option}`, {
      ja: `--${option} と --shock / --shock-sheet はどちらか一方だけ指定してください。`,
      en: `give either --${option} or --shock / --shock-sheet, not both.`,
    });
}

function parseAmount(v: string): number {
  const x = Number(v);
  if (v.trim() === "" || !Number.isFinite(x)) throw new InvalidArgumentError("a number in table units, e.g. -1000000");
  return x;
}

/** A share by the one rule of every host (usecases/options.ts): "0.6" or "60%". */
function parseRate(v: string): number {
  const x = parseShare(v);
  if (x === null)
    throw new InvalidArgumentError(`a number from 0 to 1 or a percentage, e.g. ${DEFAULT_CONSUMPTION_RATE} or ${DEFAULT_CONSUMPTION_RATE * 100}%`);
  return x;
}

/** A CSV's one "sheet" is named after the file: say the file once. */
function plainWhere(w: Where): Where {
  if (w.file && w.sheet && basename(w.file) === w.sheet) return { file: w.file, cell: w.cell };
  return w;
}

/** One line (lists: one line per problem) in the user's language, and the exit status. */
export function reportError(e: unknown, lang: Lang, io: CliIO): number {
  if (e instanceof RippleError) {
    const text =
      e instanceof RippleErrorList
        ? e.format(lang)
        : formatMessage(e.text, plainWhere(e.where), lang).replace(/\s*\n\s*/g, " ");
    io.stderr.write(`ripple: ${terminalSafe(text)}\n`);
    if (io.env.RIPPLE_DEBUG === "1" && e.stack) io.stderr.write(e.stack + "\n");
    return e.kind === "numeric" ? EXIT.numeric : e.kind === "cancelled" ? EXIT.cancelled : EXIT.input;
  }
  const msg = e instanceof Error ? e.message : String(e);
  const lead = lang === "ja" ? "予期しないエラー" : "unexpected error";
  const hint = lang === "ja" ? "（RIPPLE_DEBUG=1 で詳細を表示）" : " (set RIPPLE_DEBUG=1 for details)";
  io.stderr.write(`ripple: ${lead}: ${terminalSafe(msg.split("\n")[0])}${hint}\n`);
  if (io.env.RIPPLE_DEBUG === "1" && e instanceof Error && e.stack) io.stderr.write(e.stack + "\n");
  return EXIT.unexpected;
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const argLang = langFromArgv(argv);
  let lang: Lang = isLang(argLang) ? argLang : langFromEnv(io.env);
  let status: number = EXIT.ok;

  // Ctrl+C stops the run at the next check (between chunks of work, before each output is
  // published); the run then removes what it wrote and ends with status 130. A second Ctrl+C
  // does not wait: it removes the outputs synchronously and exits at once.
  const controller = new AbortController();
  const onSigint = () => {
    if (!controller.signal.aborted) return controller.abort();
    removeAllNow();
    process.exit(EXIT.cancelled);
  };
  // A caller's signal (the worker of launcher.ts) stops the run the same way.
  if (io.signal?.aborted) controller.abort();
  io.signal?.addEventListener("abort", () => controller.abort(), { once: true });
  const ownsProcess = io.stderr === process.stderr && isMainThread;
  if (ownsProcess) process.on("SIGINT", onSigint);
  io = { ...io, signal: controller.signal };

  const program = new Command("ripple")
    .description(
      "Ripple: 経済波及効果 (input-output ripple effects) from the command line.\n" +
        "Reads an input-output table (.xlsx or .csv) as published, writes a results workbook and/or JSON.",
    )
    .version(packageVersion(), "-V, --version")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Commander's usage errors become one line, like every other error.
      outputError: () => undefined,
    })
    .showHelpAfterError(false);

  const replaceJsonOption = () =>
    new Option("--replace-json", "replace an existing file of the --json name (in one step; never an input file, a link or a folder)");
  const langOption = () =>
    new Option("--lang <lang>", "language of messages and of the results workbook: ja or en (default: from LANG, else en)").argParser(parseLang);

  program
    .command("demo")
    .description(
      `the bundled sample workbook (Japan 2011, 13 sectors; a magnet sector split out of manufacturing; four illustrative supported plans) through the whole policy-evaluation pipeline; writes ${DEMO_OUT} and its public version (公開版, confidential plans removed)`,
    )
    .option("--out <file.xlsx>", `results workbook (default: ${DEMO_OUT}; an existing file is never overwritten: -2, -3, … is added)`)
    .option("--json <file.json|->", "also write the JSON result (with its projects block) to a file, or to stdout with -")
    .addOption(replaceJsonOption())
    .addOption(langOption())
    .action(async (opts: { out?: string; json?: string; replaceJson?: boolean; lang?: Lang }) => {
      if (opts.lang) lang = opts.lang;
      io.replaceJson = opts.replaceJson;
      await runProjects(
        {
          input: samplePath(),
          sheet: "取引基本表",
          projects: "事業計画",
          converters: "投資転換表",
          params: "パラメータ",
          split: "部門分割",
          out: opts.out ?? (opts.json === undefined ? DEMO_OUT : undefined),
          json: opts.json,
          lang,
          defaultOut: DEMO_OUT,
          inputDescription: lang === "ja" ? "同梱のサンプル ripple-sample.xlsx" : "bundled sample ripple-sample.xlsx",
          public: true,
          // the sample's market sheets give the economic-security value of the plans (RESILIENCE.md)
          security: true,
          // and the CGE model on the same table with the magnet scenarios (CGE.md; in the public version
          // the sheets the disclosure control allows)
          cge: true,
        },
        io,
      );
    });

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
    .option("--margins <margins.csv>", "with --purchaser-prices: margin rates, three columns: sector, trade margin rate, transport margin rate (shares of the purchaser price, 0–1)")
    .option("--margins-sheet <name>", "with --purchaser-prices: read the margin rates from this sheet of the input workbook instead")
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
    .action(
      async (
        input: string,
        opts: {
          sheet?: string;
          map?: string;
          importType?: "competitive" | "domestic";
          shock?: string;
          shockSheet?: string;
          purchaserPrices?: boolean;
          margins?: string;
          marginsSheet?: string;
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
        },
      ) => {
        if (opts.lang) lang = opts.lang;
        io.replaceJson = opts.replaceJson;
        needs(opts, "market", ["marketScenarios", "scenario", "draws", "seed", "magnetSector"]);
        // Purchaser prices convert a final-demand shock; no other run takes one.
        const purchaserFlag = (["purchaserPrices", "margins", "marginsSheet", "tradeSector", "transportSector"] as const).find((k) => opts[k] !== undefined);
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
              signal: controller.signal,
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
              signal: controller.signal,
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
            tradeSector: opts.tradeSector,
            transportSector: opts.transportSector,
            consumptionRate: opts.consumptionRate,
            typeII: opts.typeIi,
            out: opts.out,
            json: opts.json,
            lang,
            defaultOut: ANALYZE_OUT,
            signal: controller.signal,
          },
          io,
        );
      },
    );

  program
    .command("cge")
    .description("the standard CGE model (STDCGE, Hosoe, Gasawa & Hashimoto ch. 6) calibrated to a SAM, with an optional scenario (../shared/spec/CGE.md)")
    .argument("<sam-or-table>", "the SAM (.xlsx any sheet, or .csv; reserved accounts CAP LAB IDT TRF HOH GOV INV EXT or 資本 労働 生産税 関税 家計 政府 投資 海外), or a competitive-import IO table (MIC layout) turned into a SAM")
    .option("--sheet <name>", "sheet holding the SAM (default: the first sheet that reads as one)")
    .option("--map <map.json>", 'account roles for other labels: {"accounts": {label: "good"|"factor"|"idt"|"trf"|"hoh"|"gov"|"inv"|"ext"}}')
    .option("--scenario <scenario.json>", "shock: importPrice, tariff, importQuota, productionTax, productivity, factorSupply, elasticities (CGE.md 3)")
    .option("--numeraire <factor>", "factor whose price is fixed at 1 (default LAB/労働)")
    .option("--split <sheet>", "IO table input: sector split sheet (default: the sheet 部門分割 / Sector split, if any)")
    .option("--scenario-sheet <name>", "read the scenario from this sheet of the input workbook (columns Key, Good, Value: the layout of the results workbook's CGE scenario sheet)")
    .option("--magnet", "run the built-in magnet scenarios (export-control premium, quota = the severe scenario's import cut, the fund's subsidy, the supported plants' output) on a workbook laid out as the sample")
    .option("--government-saving <value>", "IO table input: government saving Sg in table units (default 0; the IO table does not show it)", parseAmount)
    .option("--out <file.xlsx>", `results workbook (default ${CGE_OUT} when --json is not given; never overwritten)`)
    .option("--json <file.json|->", "JSON result (CLI.md field names, full precision) to a file, or to stdout with -")
    .addOption(langOption())
    .action(async (input: string, opts: { sheet?: string; map?: string; scenario?: string; numeraire?: string; split?: string; governmentSaving?: number; magnet?: boolean; scenarioSheet?: string; out?: string; json?: string; lang?: Lang }) => {
      if (opts.lang) lang = opts.lang;
      await runCgeCommand({ input, ...opts, lang, signal: controller.signal }, io);
    });

  program
    .command("compare")
    .description("compare two results workbooks made by Ripple's evaluation of supported plans (quarterly re-estimates): headline figures side by side, what changed in the inputs (checksums, parameters, plans) and how much each change moved the results, one group at a time in the order table → parameters → plans → market inputs; writes a 比較 (Comparison) sheet")
    .argument("<old>", "the earlier results workbook (.xlsx written by ripple demo, ripple analyze --projects or --market, or the pane; not a public version)")
    .argument("<new>", "the later results workbook")
    .option("--out <file.xlsx>", `comparison workbook (default ${COMPARE_OUT} when --json is not given; never overwritten)`)
    .option("--json <file.json|->", "the comparison as JSON (full precision) to a file, or to stdout with -")
    .addOption(replaceJsonOption())
    .addOption(langOption())
    .action(async (oldFile: string, newFile: string, opts: { out?: string; json?: string; replaceJson?: boolean; lang?: Lang }) => {
      if (opts.lang) lang = opts.lang;
      io.replaceJson = opts.replaceJson;
      await runCompareCommand({ old: oldFile, new: newFile, out: opts.out, json: opts.json, lang }, io);
    });

  program
    .command("inspect")
    .description("what was recognised in a table, without computing: every row and column with its role, cell and reason, derived lines, the import convention and the balance checks; exit 2 when the table cannot be used as it is")
    .argument("<input>", "the table: .xlsx, .xls or .csv")
    .option("--sheet <name>", "sheet holding the table (default: the first sheet where a table is recognised)")
    .option("--map <map.json>", "roles for rows/columns, as for analyze")
    .option("--json <file.json|->", "the same as JSON, to a file or to stdout with -")
    .addOption(langOption())
    .action(async (input: string, opts: { sheet?: string; map?: string; json?: string; lang?: Lang }) => {
      if (opts.lang) lang = opts.lang;
      const { usable } = await runInspect({ input, sheet: opts.sheet, map: opts.map, json: opts.json, lang }, io);
      if (!usable) status = EXIT.input;
    });

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version") {
        status = EXIT.ok;
      } else if (e.code === "commander.help") {
        // `ripple` alone: help on stderr, and a status scripts can tell from success.
        status = e.exitCode === 0 ? EXIT.ok : EXIT.input;
      } else if (e.code === "commander.executeSubCommandAsync") {
        status = e.exitCode;
      } else {
        // Usage errors: commander's message (English) on one line, and where to look.
        const msg = e.message.replace(/^error:\s*/i, "").replace(/\s*\n\s*/g, " ");
        const hint = lang === "ja" ? "（ripple --help で使い方を表示）" : " (see ripple --help)";
        io.stderr.write(`ripple: ${terminalSafe(msg)}${hint}\n`);
        status = EXIT.input;
      }
    } else {
      status = reportError(e, lang, io);
    }
  } finally {
    if (ownsProcess) process.removeListener("SIGINT", onSigint);
  }
  return status;
}
