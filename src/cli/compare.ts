// `ripple compare OLD.xlsx NEW.xlsx`: the 比較 sheet of two results workbooks made by Ripple's
// projects runs. The files are read here; the comparison (recomputation and attribution) is
// runCompare (src/usecases/compare.ts), the runner the task pane calls too.

import { promises as fsp } from "node:fs";
import { basename, resolve } from "node:path";
import { RippleError, type Lang } from "../engine/errors";
import { runCompare } from "../usecases/compare";
import { readCustomXmlParts } from "../workbook/xlsx";
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
  const { result, spec, json } = await runCompare({
    old: { file: basename(args.old), parts: await partsOf(io.cwd, args.old) },
    new: { file: basename(args.new), parts: await partsOf(io.cwd, args.new) },
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

/** The custom XML parts of a results workbook; a file that is not an .xlsx package is refused. */
async function partsOf(cwd: string, typed: string): Promise<string[]> {
  let bytes: Uint8Array;
  try {
    bytes = await fsp.readFile(resolve(cwd, typed));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === "ENOENT" ? { ja: "ファイルがありません。", en: "no such file." } : { ja: `読めません（${String(e)}）。`, en: `cannot be read (${String(e)}).` };
    throw new RippleError("compare-read", why, { file: typed });
  }
  try {
    return await readCustomXmlParts(bytes);
  } catch {
    throw new RippleError(
      "compare-not-xlsx",
      {
        ja: "Excel ブック（.xlsx）ではありません。Ripple が書いた結果ブックを指定してください。",
        en: "it is not an Excel workbook (.xlsx). Give a results workbook written by Ripple.",
      },
      { file: typed },
    );
  }
}
