// What the reader recognised in a table, as one summary for both `ripple inspect` and the task
// pane's check summary above the role map: the table built from the layout (or why it cannot
// be), the balance checks, and the report formatted from them. One function, so the command line
// and the pane can never disagree about what blocks a table.

import { RippleError, type Bilingual, type Lang } from "../engine/errors";
import type { Grid } from "../engine/grid";
import { buildTable } from "../engine/table";
import { tableChecks, type CheckId, type TableCheck } from "../engine/table/balance";
import type { IOTable, TableLayout } from "../engine/table/types";
import { inspectReport, type InspectReport } from "../report/inspect";

export interface InspectInput {
  /** The file (CLI) or the sheet (pane) the table came from, shown as the report's source. */
  file: string;
  grid: Grid;
  layout: TableLayout;
  /** The table already built from grid and layout, or the error building it gave (the pane has
   * both from its recognition); when neither is given, the table is built here. */
  built?: { table: IOTable | null; error: unknown };
}

const GAP_WARNING: Record<string, CheckId> = { "table.output-mismatch": "output", "table.column-gap": "columns", "table.row-gap": "rows" };

function asBilingual(e: unknown): Bilingual {
  if (!(e instanceof RippleError)) {
    // An unexpected error from a build done elsewhere is still why there is no table: say it.
    const m = e instanceof Error ? e.message : String(e);
    return { ja: m, en: m };
  }
  const at = e.where.cell ? `${e.where.cell}: ` : "";
  return { ja: at + e.text.ja, en: at + e.text.en };
}

/** The recognition summary: roles, derived lines, import convention, checks, blocking problems. */
export function inspectTable(input: InspectInput, lang: Lang): InspectReport {
  const { grid, layout } = input;
  let table: IOTable | null = null;
  let buildError: Bilingual | null = null;
  if (input.built) {
    table = input.built.table;
    if (!table) buildError = asBilingual(input.built.error);
  } else {
    try {
      table = buildTable(grid, layout);
    } catch (e) {
      if (!(e instanceof RippleError)) throw e;
      buildError = asBilingual(e);
    }
  }
  const checks: TableCheck[] = table ? tableChecks(table) : [];
  const sectors = table ? table.sectors.length : layout.rows.filter((l) => l.role === "sector").length;
  // The reader's gap warnings repeat a failed check, which is listed as a problem already.
  const failed = new Set(checks.filter((c) => c.failures.length > 0).map((c) => c.id));
  const warnings = (table ? table.warnings : (layout.warnings ?? []))
    .filter((w) => !(GAP_WARNING[w.code] && failed.has(GAP_WARNING[w.code])))
    .map((w) => w.text);
  return inspectReport({ file: input.file, layout, sectors, checks, buildError, warnings }, lang);
}
