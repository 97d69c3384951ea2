// `ripple inspect`: what the reader recognised in a table, without computing; the exit status says
// whether the table can be used as it is (../inspect.ts runs it).

import type { Command } from "commander";
import type { Lang } from "../../engine/errors";
import { EXIT } from "../exitStatus";
import { runInspect } from "../inspect";
import { type CommandContext, langOption } from "./sharedOptions";

export function addInspectCommand(program: Command, ctx: CommandContext): void {
  program
    .command("inspect")
    .description("what was recognised in a table, without computing: every row and column with its role, cell and reason, derived lines, the import convention and the balance checks; exit 2 when the table cannot be used as it is")
    .argument("<input>", "the table: .xlsx, .xls or .csv")
    .option("--sheet <name>", "sheet holding the table (default: the first sheet where a table is recognised)")
    .option("--map <map.json>", "roles for rows/columns, as for analyze")
    .option("--json <file.json|->", "the same as JSON, to a file or to stdout with -")
    .addOption(langOption())
    .action(async (input: string, opts: { sheet?: string; map?: string; json?: string; lang?: Lang }) => {
      const lang = ctx.lang(opts.lang);
      const { usable } = await runInspect({ input, sheet: opts.sheet, map: opts.map, json: opts.json, lang }, ctx.io);
      if (!usable) ctx.setStatus(EXIT.input);
    });
}
