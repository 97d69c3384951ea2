// `ripple inspect INPUT` (CLI.md): what was recognised, without computing anything. Exit 0 when
// the table can be used as it is, 2 when it cannot (the problems are listed first).

import type { Lang } from "../engine/errors";
import { inspectText, type InspectReport } from "../report/inspect";
import { inspectTable } from "../usecases/inspect";
import { chooseSheet, inFile, readGrids, readText } from "./analyze";
import { writeJson } from "./outputs";
import type { CliIO } from "./io";
import { loadMapping } from "./mappingFile";

export interface InspectArgs {
  input: string;
  sheet?: string;
  map?: string;
  json?: string;
  lang: Lang;
}

export async function runInspect(args: InspectArgs, io: CliIO): Promise<{ report: InspectReport; usable: boolean }> {
  const file = await readGrids(io.cwd, args.input);
  const mapping = await loadMapping(args, io.cwd, readText);
  const { grid, layout } = inFile(args.input, () => chooseSheet(file.sheets, args.input, { sheet: args.sheet, mapping }));
  const report = inspectTable({ file: args.input, grid, layout }, args.lang);
  if (args.json !== undefined) await writeJson(args.json, report, io, args.lang);
  if (args.json !== "-") io.stdout.write(inspectText(report, args.lang));
  return { report, usable: report.problems.length === 0 };
}
