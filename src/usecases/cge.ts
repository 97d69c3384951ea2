// The CGE job (`ripple cge`): a SAM read from a sheet (or built from an IO table with its
// 部門分割 split), calibrated and solved under a scenario or the built-in magnet scenarios ->
// the runs, the JSON of CLI.md and the results workbook. The command line reads the files and the
// scenario; the runner computes and describes.

import { RippleError, warningText, type Lang } from "../engine/errors";
import type { Grid } from "../engine/grid";
import {
  readSam,
  runCge,
  samFlows,
  samFromTable,
  type BuiltinScenario,
  type CgeRun,
  type CgeScenario,
  type Sam,
  type SamFlows,
  type SamMapping,
  type TableSam,
} from "../engine/cge";
import { parseSplits, type SplitDefinition } from "../engine/projects/splitSheet";
import { buildTable } from "../engine/table";
import type { TableLayout } from "../engine/table/types";
import { cgePart, cgeWorkbook, type CgeReportInput } from "../report/cgeReport";
import type { FullOnlyPart } from "../report/deliverable";
import { checksum } from "../report/checksum";
import { PROJECT_SHEETS } from "../report/projectLabels";
import type { WorkbookSpec } from "../report/spec";
import { chooseSheet, findSheet } from "./sheets";

// The codes, their Japanese names and the English names the results workbook shows (cgeLabels.ts).
const RESERVED = /^(cap|lab|idt|trf|hoh|gov|inv|ext|資本|労働|生産税|関税|家計|政府|投資|海外|capital|labou?r|production tax|tariffs|household|government|investment|rest of world)$/i;

/** A sheet that names at least three reserved SAM accounts is meant as a SAM. */
function looksLikeSam(g: Grid): boolean {
  let hits = 0;
  for (const row of g.values.slice(0, 60)) for (const v of row) if (typeof v === "string" && RESERVED.test(v.normalize("NFKC").trim())) hits++;
  return hits >= 3;
}

export interface CgeInput {
  grid: Grid;
  sam: Sam;
  /** Set when the SAM was built from an IO table. */
  fromTable: TableSam | null;
  splits: SplitDefinition[];
  searched: boolean;
  /** Unit of the IO table (null for a SAM). */
  unit: string | null;
}

/** The SAM: a sheet that reads as one (--sheet, else the first), else an IO table (MIC
 * competitive layout, with the sector split sheet when there is one) turned into a SAM. */
export function readCgeInput(
  sheets: Grid[],
  file: string,
  args: { sheet?: string; split?: string; governmentSaving?: number; layout?: TableLayout },
  mapping: SamMapping | undefined,
): CgeInput {
  const candidates = args.sheet ? [findSheet(sheets, args.sheet, file)] : sheets;
  let samError: unknown = null;
  for (const grid of candidates) {
    try {
      const sam = readSam(grid, mapping);
      samFlows(sam);
      return { grid, sam, fromTable: null, splits: [], searched: !args.sheet && sheets.length > 1, unit: null };
    } catch (e) {
      if (!(e instanceof RippleError)) throw e;
      if (looksLikeSam(grid)) samError ??= e;
    }
  }
  if (samError) throw samError;
  // The pane passes the table's roles as the user confirmed them.
  const { grid, layout, searched } =
    args.layout && args.sheet ? { grid: findSheet(sheets, args.sheet, file), layout: args.layout, searched: false } : chooseSheet(sheets, file, { sheet: args.sheet });
  let table = buildTable(grid, layout);
  const splitGrid = args.split ? findSheet(sheets, args.split, file, "--split") : (sheets.find((g) => g.sheet === PROJECT_SHEETS.split.ja || g.sheet === PROJECT_SHEETS.split.en) ?? null);
  let splits: SplitDefinition[] = [];
  if (splitGrid) {
    const r = parseSplits(splitGrid, table);
    table = r.table;
    splits = r.definitions;
  }
  const fromTable = samFromTable(table, { governmentSaving: args.governmentSaving });
  return { grid, sam: fromTable.sam, fromTable, splits, searched, unit: table.unit };
}

export function cgeJson(r: CgeRun, lang: Lang): unknown {
  const c = r.calibration;
  const s = r.solution;
  const byGood = <T>(f: (i: number) => T) => Object.fromEntries(c.goods.map((g, i) => [g, f(i)]));
  return {
    goods: c.goods,
    factors: c.factors,
    benchmark: { utility: r.benchmark.UU, gdp: r.gdp0 },
    scenario:
      s && r.scenario
        ? {
            name: r.scenario.name,
            utility: s.UU,
            ev: r.ev,
            gdp: r.gdp,
            exchangeRate: s.epsilon,
            factorPrices: Object.fromEntries(c.factors.map((h, k) => [h, s.pf[k]])),
            goods: byGood((i) => ({ Z: s.Z[i], D: s.D[i], E: s.E[i], M: s.M[i], Q: s.Q[i], pz: s.pz[i], pq: s.pq[i], pd: s.pd[i] })),
            quotaRents: Object.fromEntries(r.policy!.quota.flatMap((q, i) => (q === null ? [] : [[c.goods[i], s.rents[i]]]))),
          }
        : null,
    residual: r.residual,
    warnings: r.warnings.map((w) => warningText(w, lang)),
  };
}

export interface CgeJobInput {
  input: CgeInput;
  flows: SamFlows;
  scenario: CgeScenario | null;
  /** The built-in magnet scenarios (--magnet); when given, run instead of `scenario`. */
  builtins: BuiltinScenario[];
  /** The input's name on the method sheet, and further inputs (scenario, mapping files). */
  description: string;
  extraInputs: { description: string; sheet: string; checksum: string }[];
  version: string;
  now?: Date;
}

export interface CgeJob {
  runs: CgeRun[];
  json: () => unknown;
  workbook: () => WorkbookSpec;
  /** The built-in scenarios run (empty for a single scenario). */
  builtins: BuiltinScenario[];
  /** The CGE sheets as part of another workbook (the demo's): all scenarios, or those `keep`
   * lets through (its public version), with `notes` heading their method notes. */
  part: (notes: string[], keep?: (scenarioName: string) => boolean) => FullOnlyPart;
}

export function runCgeJob(
  job: CgeJobInput,
  options: { numeraire?: string; lang: Lang; signal?: AbortSignal; onScenario?: (done: number, total: number) => void },
): CgeJob {
  const { input, flows, builtins } = job;
  const { lang } = options;
  const opts = { numeraire: options.numeraire, signal: options.signal };
  const scenarios = builtins.length ? builtins.map((b) => b.scenario) : [job.scenario];
  const runs = scenarios.map((sc, k) => {
    options.onScenario?.(k, scenarios.length);
    return runCge(flows, sc, opts);
  });
  options.onScenario?.(scenarios.length, scenarios.length);
  const [run] = runs;
  const inputs = [{ description: job.description, sheet: input.grid.sheet, checksum: checksum(input.grid) }, ...job.extraInputs];
  const scenarioNotes = builtins.map((b) => ({ name: b.scenario.name, label: b.label, notes: b.notes }));
  const report: CgeReportInput = { run, more: runs.slice(1), scenarioNotes, sam: input.sam, fromTable: input.fromTable, lang, inputs, version: job.version, now: job.now };
  return {
    runs,
    json: () => {
      const j = cgeJson(run, lang) as Record<string, unknown>;
      // Several scenarios (--magnet): the first in "scenario" (CLI.md), all of them in "scenarios".
      if (runs.length > 1) j.scenarios = runs.map((r) => (cgeJson(r, lang) as { scenario: unknown }).scenario);
      return j;
    },
    workbook: () => cgeWorkbook(report),
    builtins,
    part: (notes, keep) => cgePart(report, notes, keep),
  };
}
