// The comparison of two projects runs (quarterly re-estimates): `ripple compare OLD NEW` and the
// pane's 比較. Both runs are recomputed from the inputs their workbooks record (runRecord.ts), and
// must reproduce the headlines they wrote (else the workbook was made by a version that computes
// differently, and is refused). Then the attribution: start from OLD's inputs and replace them
// by NEW's one group at a time, in the order table → parameters → plans → market inputs; each
// step's effect is the change of each headline, so the steps add up to NEW − OLD (they telescope).

import { RippleError, type Bilingual, type Lang } from "../engine/errors";
import type { Grid } from "../engine/grid";
import { buildCompareReport, headlineName } from "../report/compareReport";
import type { WorkbookSpec } from "../report/spec";
import { inputChanges, parameterChanges, planChanges } from "./compareDiff";
import { GROUPS, type AttributionStep, type CompareResult, type Group, type HeadlineKey, type HeadlineRow, type Headlines } from "../report/compareModel";
import { runProjectsJob, type ProjectsJob, type ProjectsJobInput, type ProjectsJobOptions } from "./projectsJob";
import { headlinesOf, readRunRecord, type RunRecord } from "./runRecord";

export { GROUPS, type CompareResult, type Group };

export interface CompareSide {
  /** File name (or 開いているブック) for messages and the sheet. */
  file: string;
  /** The texts of the workbook's custom XML parts (the run record is one of them). */
  parts: readonly string[];
}

export interface CompareInput {
  old: CompareSide;
  new: CompareSide;
  lang: Lang;
  version: string;
  now?: Date;
}

/** OLD's record with the groups in `applied` taken from NEW's. */
function mixed(a: RunRecord, b: RunRecord, applied: ReadonlySet<Group>, lang: Lang, version: string): [ProjectsJobInput, ProjectsJobOptions] {
  const pick = <T>(g: Group, x: T, y: T): T => (applied.has(g) ? y : x);
  const ia = a.input;
  const ib = b.input;
  const input: ProjectsJobInput = {
    ...ia,
    table: pick("table", ia.table, ib.table),
    split: pick("table", ia.split, ib.split),
    params: pick("parameters", ia.params, ib.params),
    projects: pick("plans", ia.projects, ib.projects),
    converters: pick("plans", ia.converters, ib.converters),
    market: pick("market", ia.market, ib.market),
    securityParameters: pick("market", ia.securityParameters, ib.securityParameters),
    version,
  };
  const options: ProjectsJobOptions = {
    model: pick("parameters", a.options.model, b.options.model),
    allowImbalance: pick("table", a.options.allowImbalance, b.options.allowImbalance),
    projects: pick("parameters", a.options.projects, b.options.projects),
    lang,
  };
  return [input, options];
}

/** What a group's inputs are, as text: grid values (not sheet names or places) and settings. */
function groupKey(r: RunRecord, g: Group): string {
  const v = (x: Grid | null | undefined) => (x ? x.values : null);
  const i = r.input;
  const parts: Record<Group, unknown> = {
    table: [v(i.table.grid), i.table.layout, v(i.split), r.options.allowImbalance],
    parameters: [Object.entries(r.options.model).map(([k, x]) => [k, x.value]), r.options.projects ?? null, v(i.params)],
    plans: [v(i.projects), v(i.converters)],
    market: [v(i.market?.params), v(i.market?.scenarios), i.market?.defaults ?? null, i.securityParameters ?? null],
  };
  return JSON.stringify(parts[g]);
}

const KEYS: HeadlineKey[] = [
  "output", "valueAdded", "compensation", "employment", "capex", "subsidy",
  "pvValueAdded", "pvSubsidy", "valueAddedPerSubsidy", "multiple", "pvAvoidedValueAdded", "securityBenefitCost",
];

const diff = (x: number | null | undefined, y: number | null | undefined): number | null =>
  typeof x === "number" && typeof y === "number" ? y - x : null;

/** The recomputed run must give what its workbook shows (same version, same numbers). */
function checkReproduced(file: string, record: RunRecord, again: Headlines, version: string): void {
  const name = (k: HeadlineKey, lang: "ja" | "en") => headlineName(k, record.unit, lang);
  for (const k of KEYS) {
    const was = record.headlines[k];
    const now = again[k];
    if (was === undefined && now === undefined) continue;
    const same =
      (was === null || was === undefined) === (now === null || now === undefined) &&
      (typeof was !== "number" || typeof now !== "number" || Math.abs(now - was) <= 1e-9 * Math.max(1, Math.abs(was)));
    if (!same)
      throw new RippleError(
        "compare-not-reproduced",
        {
          ja: `Ripple ${version} で入力記録から計算し直すと ${name(k, "ja")} が ${String(now)} になり、このブックの ${String(was)}（Ripple ${record.version} で作成）と一致しません。計算方法が違う版で作られたため比較できません。この版で計算し直したブックを指定してください。`,
          en: `recomputing its recorded inputs with Ripple ${version} gives ${name(k, "en")} = ${String(now)}, not the ${String(was)} it shows (made by Ripple ${record.version}): the versions compute differently. Rerun it with this version and compare that workbook.`,
        },
        { file },
      );
  }
}

function run(input: ProjectsJobInput, options: ProjectsJobOptions): ProjectsJob {
  return runProjectsJob(input, options);
}

export function runCompare(ci: CompareInput): { result: CompareResult; spec: WorkbookSpec; json: () => object } {
  const { lang, version } = ci;
  const a = readRunRecord(ci.old.parts, ci.old.file);
  const b = readRunRecord(ci.new.parts, ci.new.file);
  const jobA = run(...mixed(a, b, new Set(), lang, version));
  checkReproduced(ci.old.file, a, headlinesOf(jobA), version);
  const jobB = run(...mixed(b, b, new Set(), lang, version));
  checkReproduced(ci.new.file, b, headlinesOf(jobB), version);
  const ha = headlinesOf(jobA);
  const hb = headlinesOf(jobB);

  const inputs = inputChanges(a, b);
  const parameters = parameterChanges(a, b, jobA.result.parameters, jobB.result.parameters);
  const labelOf = (j: ProjectsJob) => (i: number) => j.result.table.sectors[i]?.label ?? String(i);
  const plans = planChanges(jobA.result.projects, jobB.result.projects, labelOf(jobA), labelOf(jobB));

  // A group changed when one of its sheets or settings did (the table's confirmed roles too).
  const changed = new Set<Group>(GROUPS.filter((g) => groupKey(a, g) !== groupKey(b, g)));
  const steps: AttributionStep[] = [];
  const applied = new Set<Group>();
  let before: Headlines = ha;
  let pending: Group[] = [];
  let why: Bilingual | undefined;
  for (const g of GROUPS.filter((x) => changed.has(x))) {
    applied.add(g);
    pending.push(g);
    const last = GROUPS.filter((x) => changed.has(x)).at(-1) === g;
    let after: Headlines;
    if (last) after = hb;
    else {
      try {
        after = headlinesOf(run(...mixed(a, b, applied, lang, version)));
      } catch (e) {
        if (!(e instanceof RippleError)) throw e;
        // OLD's other inputs do not fit this group's new inputs (e.g. plans naming a sector the
        // old table lacks): the group is applied together with the next one, and the sheet says so.
        why ??= e.text;
        continue;
      }
    }
    const effects: AttributionStep["effects"] = {};
    for (const k of KEYS) if (typeof ha[k] === "number" || typeof hb[k] === "number") effects[k] = diff(before[k], after[k]);
    steps.push({ groups: pending, effects, ...(pending.length > 1 && why ? { merged: why } : {}) });
    before = after;
    pending = [];
    why = undefined;
  }

  // A figure neither run has (e.g. jobs without employment coefficients) is left out.
  const headlines: HeadlineRow[] = KEYS.filter((k) => typeof ha[k] === "number" || typeof hb[k] === "number").map((k) => {
    const o = ha[k] ?? null;
    const n = hb[k] ?? null;
    const change = diff(o, n);
    return { key: k, old: o, new: n, change, changeRatio: change !== null && o !== null && o !== 0 ? change / Math.abs(o) : null };
  });
  const side = (s: CompareSide, r: RunRecord) => ({ file: s.file, version: r.version, createdAt: r.createdAt });
  const result: CompareResult = {
    old: side(ci.old, a),
    new: side(ci.new, b),
    unit: b.unit ?? a.unit,
    headlines,
    inputs,
    parameters,
    plans,
    steps,
  };
  return {
    result,
    spec: buildCompareReport(result, { lang, version, now: ci.now }),
    json: () => compareJson(result, lang),
  };
}

/** The JSON of `ripple compare --json`: full precision, names in the run's language. */
export function compareJson(r: CompareResult, lang: Lang): object {
  return {
    old: r.old,
    new: r.new,
    unit: r.unit,
    headlines: r.headlines,
    inputs: r.inputs,
    parameters: r.parameters.map((p) => ({ key: p.key, name: p.name[lang], group: p.group, where: p.where[lang], old: p.old, new: p.new })),
    plans: r.plans,
    attribution: {
      order: GROUPS,
      steps: r.steps.map((s) => ({ groups: s.groups, effects: s.effects, ...(s.merged ? { merged: s.merged[lang] } : {}) })),
    },
  };
}
