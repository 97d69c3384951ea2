// The comparison of two projects runs, or of two market runs (quarterly re-estimates): `ripple
// compare OLD NEW` and the pane's 比較. Both runs are recomputed from the inputs their workbooks record (runRecord.ts), and
// must reproduce the headlines they wrote (else the workbook was made by a version that computes
// differently, and is refused). Then the attribution: start from OLD's inputs and replace them
// by NEW's one group at a time, in the order table → parameters → plans → market inputs; each
// step's effect is the change of each headline, so the steps add up to NEW − OLD (they telescope).

import { RippleError, type Bilingual, type Lang } from "../engine/errors";
import type { Grid } from "../engine/grid";
import { buildCompareReport, headlineName } from "../report/compareReport";
import type { WorkbookSpec } from "../report/spec";
import { inputChanges, parameterChanges, planChanges, type MarketParameterRow } from "./compareDiff";
import type { Parameter } from "../engine/params/defaults";
import type { Project } from "../engine/projects/parse";
import { runMarketJob, type MarketJob, type MarketJobInput, type MarketOptions } from "./market";
import { marketHeadlinesOf } from "./marketRecord";
import { GROUPS, type AttributionStep, type CompareResult, type Group, type HeadlineKey, type HeadlineRow, type Headlines } from "../report/compareModel";
import { runProjectsJob, type ProjectsJobInput, type ProjectsJobOptions } from "./projectsJob";
import { headlinesOf, readRunRecord, type MarketRunRecord, type ProjectsRunRecord, type RunRecord } from "./runRecord";

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
function mixed(a: ProjectsRunRecord, b: ProjectsRunRecord, applied: ReadonlySet<Group>, lang: Lang, version: string): [ProjectsJobInput, ProjectsJobOptions] {
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

/** The same for market runs: the plans' sheets split by group as in a projects run (the split
 * with the table, the parameter sheet with the parameters, plans and converters as plans). */
function mixedMarket(a: MarketRunRecord, b: MarketRunRecord, applied: ReadonlySet<Group>, lang: Lang, version: string): [MarketJobInput, MarketOptions] {
  const pick = <T>(g: Group, x: T, y: T): T => (applied.has(g) ? y : x);
  const ia = a.input;
  const ib = b.input;
  const plans = pick("plans", ia.plans, ib.plans);
  const input: MarketJobInput = {
    ...ia,
    table: pick("table", ia.table, ib.table),
    plans: plans ? { ...plans, params: pick("parameters", ia.plans?.params, ib.plans?.params) ?? null, split: pick("table", ia.plans?.split, ib.plans?.split) ?? null } : null,
    params: pick("market", ia.params, ib.params),
    scenarios: pick("market", ia.scenarios, ib.scenarios),
    defaults: pick("market", ia.defaults, ib.defaults),
    securityParameters: pick("market", ia.securityParameters, ib.securityParameters),
    version,
  };
  const o = pick("parameters", a.options, b.options);
  const options: MarketOptions = {
    model: o.model,
    allowImbalance: pick("table", a.options.allowImbalance, b.options.allowImbalance),
    lang,
    scenario: o.scenario,
    draws: o.draws,
    seed: o.seed,
    magnetSector: o.magnetSector,
  };
  return [input, options];
}

/** What a group's inputs are, as text: grid values (not sheet names or places) and settings. */
function groupKey(r: RunRecord, g: Group): string {
  const v = (x: Grid | null | undefined) => (x ? x.values : null);
  const model = Object.entries(r.options.model).map(([k, x]) => [k, x.value]);
  if (r.kind === "market") {
    const i = r.input;
    const o = r.options;
    const parts: Record<Group, unknown> = {
      table: [v(i.table?.grid), i.table?.layout ?? null, v(i.plans?.split), o.allowImbalance],
      parameters: [model, o.scenario ?? null, o.draws ?? null, o.seed ?? null, o.magnetSector ?? null, v(i.plans?.params)],
      plans: [v(i.plans?.projects.grid), v(i.plans?.converters)],
      market: [v(i.params.grid), v(i.scenarios.grid), i.defaults ?? null, i.securityParameters ?? null],
    };
    return JSON.stringify(parts[g]);
  }
  const i = r.input;
  const parts: Record<Group, unknown> = {
    table: [v(i.table.grid), i.table.layout, v(i.split), r.options.allowImbalance],
    parameters: [model, r.options.projects ?? null, v(i.params)],
    plans: [v(i.projects), v(i.converters)],
    market: [v(i.market?.params), v(i.market?.scenarios), i.market?.defaults ?? null, i.securityParameters ?? null],
  };
  return JSON.stringify(parts[g]);
}

/** One run recomputed: its headlines and what the comparison lists (plans, parameter rows). */
interface Replayed {
  headlines: Headlines;
  projects: Project[];
  parameters: Parameter[] | null;
  marketParameters: MarketParameterRow[];
  label: (i: number) => string;
}

/** The magnet parameter sheet's values with their cells and the names beside their keys (the
 * template's 項目 and 項目（英語） columns). */
function marketParameterRows(job: MarketJob, grid: Grid): MarketParameterRow[] {
  const s = job.analysis.sheets;
  const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);
  const nameOf = (key: string) => {
    const row = grid.values.find((r) => text(r[0]) === key);
    const ja = text(row?.[1]) ?? key;
    return { ja: `${ja}（${key}）`, en: `${text(row?.[2]) ?? ja} (${key})` };
  };
  return Object.entries(s.params).map(([key, value]) => ({ key, name: nameOf(key), value, cell: s.sources[key]?.cell ?? "" }));
}

/** OLD's inputs with the groups in `applied` taken from NEW's, recomputed. */
async function replay(a: RunRecord, b: RunRecord, applied: ReadonlySet<Group>, lang: Lang, version: string): Promise<Replayed> {
  if (a.kind === "market" && b.kind === "market") {
    const [input, options] = mixedMarket(a, b, applied, lang, version);
    const job = await runMarketJob(input, options);
    const sectors = job.table?.sectors ?? [];
    return { headlines: marketHeadlinesOf(job), projects: job.projects, parameters: job.parameters, marketParameters: marketParameterRows(job, input.params.grid), label: (i) => sectors[i]?.label ?? String(i) };
  }
  if (a.kind === "projects" && b.kind === "projects") {
    const job = runProjectsJob(...mixed(a, b, applied, lang, version));
    const sectors = job.result.table.sectors;
    return { headlines: headlinesOf(job), projects: job.result.projects, parameters: job.result.parameters, marketParameters: [], label: (i) => sectors[i]?.label ?? String(i) };
  }
  throw new Error("compare: runs of different kinds reached replay"); // refused in runCompare
}

const KEYS: HeadlineKey[] = [
  "output", "valueAdded", "compensation", "employment", "capex", "subsidy",
  "pvValueAdded", "pvSubsidy", "valueAddedPerSubsidy", "multiple", "kpiRatio", "kpiCapacity", "kpiDemand",
  "pvAvoidedValueAdded", "securityBenefitCost",
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

const KIND_NAME = { projects: { ja: "支援計画の評価", en: "an evaluation of supported plans" }, market: { ja: "需給モデル", en: "a market-model run" } };

/** Both workbooks must hold the same kind of run: a market run's figures are not a plans run's. */
function checkSameKind(ci: CompareInput, a: RunRecord, b: RunRecord): void {
  if (a.kind === b.kind) return;
  throw new RippleError(
    "compare-kind-mismatch",
    {
      ja: `前回のブックは${KIND_NAME[a.kind].ja}、今回のブックは${KIND_NAME[b.kind].ja}の結果です。同じ種類の計算の結果ブックどうしを比較してください。`,
      en: `the old workbook holds ${KIND_NAME[a.kind].en} and the new one ${KIND_NAME[b.kind].en}: compare two results workbooks of the same kind of run.`,
    },
    { file: ci.new.file },
  );
}

export async function runCompare(ci: CompareInput): Promise<{ result: CompareResult; spec: WorkbookSpec; json: () => object }> {
  const { lang, version } = ci;
  const a = readRunRecord(ci.old.parts, ci.old.file);
  const b = readRunRecord(ci.new.parts, ci.new.file);
  checkSameKind(ci, a, b);
  const runA = await replay(a, b, new Set(), lang, version);
  checkReproduced(ci.old.file, a, runA.headlines, version);
  const runB = await replay(b, b, new Set(), lang, version);
  checkReproduced(ci.new.file, b, runB.headlines, version);
  const ha = runA.headlines;
  const hb = runB.headlines;

  const inputs = inputChanges(a, b);
  const parameters = parameterChanges(a, b, runA.parameters, runB.parameters, runA.marketParameters, runB.marketParameters);
  const plans = planChanges(runA.projects, runB.projects, runA.label, runB.label);

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
        after = (await replay(a, b, applied, lang, version)).headlines;
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
    kind: a.kind,
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
    kind: r.kind,
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
