// `ripple demo`: the bundled sample workbook through the whole policy-evaluation pipeline (the
// projects job with the sample's sheet names, the economic-security value, the CGE model and the
// public version).

import type { Command } from "commander";
import type { Lang } from "../../engine/errors";
import { samplePath } from "../packageRoot";
import { runProjects } from "../projects";
import { type CommandContext, langOption, replaceJsonOption } from "./sharedOptions";

export const DEMO_OUT = "ripple-demo-results.xlsx";

export function addDemoCommand(program: Command, ctx: CommandContext): void {
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
      const lang = ctx.lang(opts.lang);
      ctx.io.replaceJson = opts.replaceJson;
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
        ctx.io,
      );
    });
}
