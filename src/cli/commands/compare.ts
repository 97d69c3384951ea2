// `ripple compare`: two results workbooks of the plans' evaluation side by side, with what changed
// in the inputs and what each change contributed (../compare.ts runs it).

import type { Command } from "commander";
import type { Lang } from "../../engine/errors";
import { COMPARE_OUT, runCompareCommand } from "../compare";
import { type CommandContext, langOption, replaceJsonOption } from "./sharedOptions";

export function addCompareCommand(program: Command, ctx: CommandContext): void {
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
      const lang = ctx.lang(opts.lang);
      ctx.io.replaceJson = opts.replaceJson;
      await runCompareCommand({ old: oldFile, new: newFile, out: opts.out, json: opts.json, lang }, ctx.io);
    });
}
