// `ripple inspect INPUT` (CLI.md): what was recognised, without computing anything. Exit 0 when
// the table can be used as it is, 2 when it cannot (the problems are listed first).

import { RippleError, type Bilingual, type Lang } from "../engine/errors";
import { buildTable } from "../engine/table";
import { tableChecks, type TableCheck } from "../engine/table/balance";
import { inspectReport, inspectText, type InspectReport } from "../report/inspect";
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
  let checks: TableCheck[] = [];
  let buildError: Bilingual | null = null;
  let sectors = layout.rows.filter((l) => l.role === "sector").length;
  let warnings: Bilingual[] = (layout.warnings ?? []).map((w) => w.text);
  try {
    const table = buildTable(grid, layout);
    checks = tableChecks(table);
    sectors = table.sectors.length;
    warnings = table.warnings.map((w) => w.text);
  } catch (e) {
    if (!(e instanceof RippleError)) throw e;
    const at = e.where.cell ? `${e.where.cell}: ` : "";
    buildError = { ja: at + e.text.ja, en: at + e.text.en };
  }
  const report = inspectReport({ file: args.input, layout, sectors, checks, buildError, warnings }, args.lang);
  if (args.json !== undefined) await writeJson(args.json, report, io, args.lang);
  if (args.json !== "-") io.stdout.write(inspectText(report, args.lang));
  return { report, usable: report.problems.length === 0 };
}
