// The CGE job on a workbook's sheets as the task pane's CGE tab gives them: the SAM from the
// table the analysis tab read (with the workbook's 部門分割 split) or from a SAM sheet; the
// scenario from the built-in magnet scenarios (market sheets and, for the subsidy and the
// plants' productivity, the supported plans) or from a sheet in the CGEシナリオ layout. The pane
// reads the grids and writes what this returns; the numbers are those of `ripple cge`.

import { RippleError, type Lang } from "../engine/errors";
import type { Grid } from "../engine/grid";
import { parseScenarioGrid, samFlows, scenarioTitle, type BuiltinScenario, type CgeRun, type CgeScenario } from "../engine/cge";
import type { Parameter } from "../engine/params/defaults";
import type { TableLayout } from "../engine/table/types";
import { readCgeInput, runCgeJob, type CgeJob } from "./cge";
import { magnetBuiltins } from "./cgeMagnet";
import { runProjectsJob } from "./projectsJob";
import { modelSettings } from "./options";
import { inFile } from "./table";

export type BuiltinKey = BuiltinScenario["key"];

export interface CgeSheetsInput {
  /** The workbook's name in messages and on the method sheet. */
  file: string;
  source: { kind: "table"; grid: Grid; layout: TableLayout; split: Grid | null } | { kind: "sam"; grid: Grid };
  scenario: { kind: "none" } | { kind: "sheet"; grid: Grid } | { kind: "builtin"; keys: BuiltinKey[] | "all" };
  /** For the built-in scenarios: the market sheets with the package's defaults, and the plans. */
  market?: { params: Grid; scenarios: Grid; defaults?: Parameter[] } | null;
  plans?: { projects: Grid; converters: Grid; params: Grid | null } | null;
  version: string;
  now?: Date;
}

export type CgeStage = "build" | "solve" | "report";

export interface CgeSheetsOptions {
  lang: Lang;
  numeraire?: string;
  signal?: AbortSignal;
  /** The stage begun, and scenarios solved of all (solve). */
  stage?: (stage: CgeStage, done?: number, total?: number) => void;
}

/** The figures the pane shows after a run, per scenario. */
export interface CgeHeadline {
  /** The scenario's name (its id in JSON and messages). */
  scenario: string;
  /** What the pane shows: a built-in's title in the run's language, a user scenario's own name. */
  title: string;
  ev: number;
  /** Real GDP change (fraction). */
  gdpChange: number;
  /** Household utility change (fraction). */
  utilityChange: number;
  magnet: { good: string; outputChange: number; priceChange: number } | null;
}

function builtinsNeed(what: string, en: string, file: string): never {
  throw new RippleError("cge.builtin-input", { ja: `組み込みの磁石シナリオには${what}が必要です。`, en: `the built-in magnet scenarios need ${en}.` }, { file });
}

/** The magnet good: the split sector, else a good whose label says magnet. */
function magnetGood(goods: string[], split: string | null): string | null {
  if (split && goods.includes(split)) return split;
  return goods.find((g) => /磁石|magnet/i.test(g.normalize("NFKC"))) ?? null;
}

export function cgeHeadlines(runs: CgeRun[], magnet: string | null, lang: Lang): CgeHeadline[] {
  return runs.flatMap((r) => {
    const s = r.solution;
    if (!s || !r.scenario) return [];
    const c = r.calibration;
    const i = magnet === null ? -1 : c.goods.indexOf(magnet);
    return [
      {
        scenario: r.scenario.name,
        title: scenarioTitle(r.scenario.name, lang),
        ev: r.ev!,
        gdpChange: r.gdp! / r.gdp0 - 1,
        utilityChange: s.UU / r.benchmark.UU - 1,
        magnet: i < 0 ? null : { good: c.goods[i], outputChange: s.Z[i] / c.Z0[i] - 1, priceChange: s.pq[i] / r.benchmark.pq[i] - 1 },
      },
    ];
  });
}

export function runCgeOnSheets(input: CgeSheetsInput, options: CgeSheetsOptions): CgeJob & { headlines: CgeHeadline[]; magnetGood: string | null } {
  const { file } = input;
  const { lang } = options;
  options.stage?.("build");
  return inFile(file, () => {
    const src = input.source;
    const grids = src.kind === "table" ? [src.grid, ...(src.split ? [src.split] : [])] : [src.grid];
    const cge = readCgeInput(
      grids,
      file,
      src.kind === "table" ? { sheet: src.grid.sheet, split: src.split?.sheet, layout: src.layout } : { sheet: src.grid.sheet },
      undefined,
    );
    const flows = samFlows(cge.sam);
    let scenario: CgeScenario | null = null;
    let builtins: BuiltinScenario[] = [];
    const sc = input.scenario;
    if (sc.kind === "sheet") scenario = parseScenarioGrid(sc.grid);
    if (sc.kind === "builtin") {
      if (!input.market) builtinsNeed("磁石パラメータと磁石シナリオのシート", "the magnet parameter and scenario sheets", file);
      if (src.kind !== "table" || !src.split) builtinsNeed("部門分割シートで磁石部門を分割した産業連関表（分析タブで読み込んだ表）", "the input-output table read on the analysis tab with the magnet sector split out (部門分割 / Sector split sheet)", file);
      const plans = input.plans
        ? runProjectsJob(
            {
              table: { grid: src.grid, layout: src.layout, file, description: file },
              projects: input.plans.projects,
              converters: input.plans.converters,
              params: input.plans.params,
              split: src.split,
              host: "addin",
              version: input.version,
              now: input.now,
            },
            { model: modelSettings(), allowImbalance: false, lang },
          ).result.evaluation
        : null;
      const all = magnetBuiltins({ sheets: [input.market.params, input.market.scenarios], file, defaults: input.market.defaults, plans: plans ? { evaluation: plans, sheet: input.plans!.projects.sheet } : null }, cge, flows);
      builtins = sc.keys === "all" ? all : all.filter((b) => (sc.keys as BuiltinKey[]).includes(b.key));
      if (!builtins.length)
        throw new RippleError(
          "cge.builtin-missing",
          { ja: "選んだ組み込みシナリオはこのブックでは作れません（輸入割当は重大シナリオの不足、補助金・生産性は事業計画のシートが必要です）。", en: "the chosen built-in scenario cannot be made from this workbook (the quota needs a shortfall in the severe scenario; the subsidy and productivity need the plan sheets)." },
          { file },
        );
    }
    options.stage?.("solve", 0, Math.max(1, builtins.length));
    const job = runCgeJob(
      { input: cge, flows, scenario, builtins, description: file, extraInputs: [], version: input.version, now: input.now },
      { lang, numeraire: options.numeraire, signal: options.signal, onScenario: (d, t) => options.stage?.("solve", d, t) },
    );
    const magnet = magnetGood(job.runs[0].calibration.goods, cge.splits[0]?.label ?? null);
    return { ...job, headlines: cgeHeadlines(job.runs, magnet, lang), magnetGood: magnet };
  });
}
