// `ripple compare OLD.xlsx NEW.xlsx`: the 比較 sheet of two results workbooks made by Ripple's
// projects runs. The files are read here; the comparison (recomputation and attribution) is
// runCompare (src/usecases/compare.ts), the runner the task pane calls too.

import { basename } from "node:path";
import type { Lang } from "../engine/errors";
import { runCompare } from "../usecases/compare";
import { readGrids } from "./analyze";
import type { CliIO } from "./io";
import { writeOutputs } from "./outputs";
import { packageVersion } from "./packageRoot";
import { compareSummary } from "./compareSummary";

export const COMPARE_OUT = "ripple-comparison.xlsx";

export interface CompareArgs {
  old: string;
  new: string;
  out?: string;
  json?: string;
  lang: Lang;
}

export async function runCompareCommand(args: CompareArgs, io: CliIO): Promise<void> {
  const { lang } = args;
  const a = await readGrids(io.cwd, args.old);
  const b = await readGrids(io.cwd, args.new);
  const { result, spec, json } = runCompare({
    old: { file: basename(args.old), grids: a.sheets },
    new: { file: basename(args.new), grids: b.sheets },
    lang,
    version: packageVersion(),
  });
  await writeOutputs(io, lang, {
    out: args.out ?? (args.json === undefined ? COMPARE_OUT : undefined),
    json: args.json,
    defaultOut: COMPARE_OUT,
    specs: () => ({ full: spec }),
    jsonValue: json,
    summary: () => compareSummary(result, lang),
  });
}
