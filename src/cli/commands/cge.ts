// `ripple cge`: the standard CGE model calibrated to a SAM (or to a SAM made from an IO table),
// with a scenario from a file, a sheet or the built-in magnet scenarios (../cge.ts runs it).

import type { Command } from "commander";
import type { Lang } from "../../engine/errors";
import { CGE_OUT, runCgeCommand } from "../cge";
import { type CommandContext, langOption, parseAmount } from "./sharedOptions";

export function addCgeCommand(program: Command, ctx: CommandContext): void {
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
      const lang = ctx.lang(opts.lang);
      await runCgeCommand({ input, ...opts, lang, signal: ctx.signal }, ctx.io);
    });
}
