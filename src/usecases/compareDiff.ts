// What changed between the inputs of two recorded runs (usecases/compare.ts): each input sheet's
// checksum, each option and parameter-sheet row whose value differs, and the plans added, removed
// or changed (field by field). Values as the runs read them; texts are the report's business.

import type { Bilingual } from "../engine/errors";
import type { Grid } from "../engine/grid";
import type { Parameter } from "../engine/params/defaults";
import type { Project } from "../engine/projects/parse";
import { checksum } from "../report/checksum";
import type { RunRecord } from "./runRecord";
import type { Group, InputChange, ParameterChange, PlanChange } from "../report/compareModel";

type Roles = Record<InputChange["role"], Grid | null | undefined>;

function roles(r: RunRecord): Roles {
  if (r.kind === "market") {
    const m = r.input;
    return {
      table: m.table?.grid,
      split: m.plans?.split,
      params: m.plans?.params,
      projects: m.plans?.projects.grid,
      converters: m.plans?.converters,
      marketParams: m.params.grid,
      marketScenarios: m.scenarios.grid,
    };
  }
  const i = r.input;
  return {
    table: i.table.grid,
    split: i.split,
    params: i.params,
    projects: i.projects,
    converters: i.converters,
    marketParams: i.market?.params,
    marketScenarios: i.market?.scenarios,
  };
}

const ROLE_GROUP: Record<InputChange["role"], Group> = {
  table: "table",
  split: "table",
  params: "parameters",
  projects: "plans",
  converters: "plans",
  marketParams: "market",
  marketScenarios: "market",
};

export function inputChanges(a: RunRecord, b: RunRecord): InputChange[] {
  const ra = roles(a);
  const rb = roles(b);
  const out: InputChange[] = [];
  for (const role of Object.keys(ROLE_GROUP) as InputChange["role"][]) {
    const ga = ra[role] ?? null;
    const gb = rb[role] ?? null;
    if (!ga && !gb) continue;
    const old = ga ? { sheet: ga.sheet, checksum: checksum(ga) } : null;
    const nu = gb ? { sheet: gb.sheet, checksum: checksum(gb) } : null;
    out.push({ role, group: ROLE_GROUP[role], old, new: nu, changed: old?.checksum !== nu?.checksum });
  }
  return out;
}

const OPTION: Bilingual = { ja: "オプション（コマンド・作業ウィンドウ）", en: "option (command line / pane)" };

function optionValues(r: RunRecord): { key: string; name: Bilingual; value: number | string | null }[] {
  const m = r.options.model;
  const p = (r.kind === "projects" ? r.options.projects : undefined) ?? {};
  const rows: { key: string; name: Bilingual; value: number | string | null }[] = [
    { key: "consumptionRate", name: { ja: "消費転換係数", en: "Consumption conversion rate" }, value: m.consumptionRate.value },
    { key: "incomeBase", name: { ja: "第2次間接波及の所得", en: "Income base of the second indirect effect" }, value: m.incomeBase.value },
    { key: "importType", name: { ja: "輸入の扱い", en: "Import convention" }, value: m.importType.value ?? "detected" },
    { key: "allowImbalance", name: { ja: "合わない表での計算", en: "Run on a table that does not add up" }, value: r.options.allowImbalance ? "yes" : "no" },
    { key: "firstYear", name: { ja: "評価期間の初年度", en: "First year of the period" }, value: p.firstYear ?? null },
    { key: "lastYear", name: { ja: "評価期間の最終年度", en: "Last year of the period" }, value: p.lastYear ?? null },
    { key: "baseYear", name: { ja: "現在価値の基準年度", en: "Base year (present values)" }, value: p.baseYear ?? null },
    { key: "discountRate", name: { ja: "割引率", en: "Discount rate" }, value: p.discountRate?.value ?? null },
    { key: "kpiYear", name: { ja: "KPI の年度", en: "KPI year" }, value: p.kpiYear ?? null },
  ];
  if (r.kind === "market") {
    const o = r.options;
    rows.push(
      { key: "scenario", name: { ja: "計算したシナリオ", en: "Scenario run" }, value: o.scenario ?? null },
      { key: "draws", name: { ja: "モンテカルロの試行回数", en: "Monte Carlo draws" }, value: o.draws ?? null },
      { key: "seed", name: { ja: "乱数の種", en: "Random seed" }, value: o.seed ?? null },
      { key: "magnetSector", name: { ja: "磁石の生産が入る部門", en: "Sector of magnet output" }, value: o.magnetSector ?? null },
    );
  }
  for (const [k, v] of Object.entries(m.selfSufficiency.value))
    rows.push({ key: `selfSufficiency.${k}`, name: { ja: `自給率（部門 ${Number(k) + 1}）`, en: `Self-sufficiency (sector ${Number(k) + 1})` }, value: v });
  return rows;
}

/** A value of the magnet parameter sheet (market runs) and the cell it was read from. */
export interface MarketParameterRow {
  key: string;
  /** The item's name on the sheet (項目 / 項目（英語） of the template), else the key. */
  name: Bilingual;
  value: number;
  cell: string;
}

/** Options that differ, then parameter-sheet rows (block/name), the magnet parameter sheet's
 * values (market runs) and security parameters. */
export function parameterChanges(
  a: RunRecord,
  b: RunRecord,
  pa: Parameter[] | null,
  pb: Parameter[] | null,
  marketA: MarketParameterRow[] = [],
  marketB: MarketParameterRow[] = [],
): ParameterChange[] {
  const out: ParameterChange[] = [];
  const oa = new Map(optionValues(a).map((o) => [o.key, o]));
  const ob = new Map(optionValues(b).map((o) => [o.key, o]));
  for (const key of new Set([...oa.keys(), ...ob.keys()])) {
    const x = oa.get(key);
    const y = ob.get(key);
    const vx = x?.value ?? null;
    const vy = y?.value ?? null;
    if (vx !== vy) out.push({ key, name: (x ?? y)!.name, group: "parameters", where: OPTION, old: vx, new: vy });
  }
  const sheetA = roles(a).params?.sheet ?? "";
  const sheetB = roles(b).params?.sheet ?? "";
  const byKey = (ps: Parameter[] | null) => new Map((ps ?? []).map((p) => [`${p.block}/${p.name}`, p]));
  const ma = byKey(pa);
  const mb = byKey(pb);
  for (const key of new Set([...ma.keys(), ...mb.keys()])) {
    const x = ma.get(key);
    const y = mb.get(key);
    if (x?.value === y?.value) continue;
    const cell = y ? `${sheetB}!${y.cell ?? ""}` : `${sheetA}!${x?.cell ?? ""}`;
    out.push({ key: `param:${key}`, name: { ja: key, en: key }, group: "parameters", where: { ja: cell, en: cell }, old: x?.value ?? null, new: y?.value ?? null });
  }
  const mpa = new Map(marketA.map((p) => [p.key, p]));
  const mpb = new Map(marketB.map((p) => [p.key, p]));
  const marketSheetA = roles(a).marketParams?.sheet ?? "";
  const marketSheetB = roles(b).marketParams?.sheet ?? "";
  for (const key of new Set([...mpa.keys(), ...mpb.keys()])) {
    const x = mpa.get(key);
    const y = mpb.get(key);
    if (x?.value === y?.value) continue;
    const cell = y ? `${marketSheetB}!${y.cell}` : `${marketSheetA}!${x?.cell ?? ""}`;
    out.push({ key: `market:${key}`, name: (y ?? x)!.name, group: "market", where: { ja: cell, en: cell }, old: x?.value ?? null, new: y?.value ?? null });
  }
  const sa = a.input.securityParameters ?? {};
  const sb = b.input.securityParameters ?? {};
  for (const key of new Set([...Object.keys(sa), ...Object.keys(sb)])) {
    if (sa[key] === sb[key]) continue;
    const where = { ja: "安全保障パラメータ", en: "security parameters" };
    out.push({ key: `security:${key}`, name: { ja: key, en: key }, group: "market", where, old: sa[key] ?? null, new: sb[key] ?? null });
  }
  return out;
}

/** A plan's fields as comparable values (capex by year as "2025: 1000, 2026: 500"). */
function planFields(p: Project, sectorLabel: (i: number) => string): Record<string, string | number | null> {
  const capex = [...p.capex.entries()].sort((x, y) => x[0] - y[0]).map(([y, v]) => `${y}: ${v}`).join(", ");
  return {
    company: p.company,
    confidential: p.confidential ? "yes" : "no",
    magnetType: p.magnetType,
    capex,
    subsidyRate: p.subsidyRate,
    subsidy: p.subsidy,
    capacity: p.capacity,
    startYear: p.startYear,
    rampYears: p.rampYears,
    utilization: p.utilization,
    unitValue: p.unitValue,
    treatment: p.treatment,
    displacement: p.displacement,
    sector: sectorLabel(p.sector),
    converter: p.converter,
    status: p.status,
  };
}

export function planChanges(
  a: Project[],
  b: Project[],
  labelA: (i: number) => string,
  labelB: (i: number) => string,
): PlanChange[] {
  const out: PlanChange[] = [];
  const mb = new Map(b.map((p) => [p.id, p]));
  const ma = new Map(a.map((p) => [p.id, p]));
  for (const p of a) if (!mb.has(p.id)) out.push({ id: p.id, change: "removed", fields: [] });
  for (const q of b) {
    const p = ma.get(q.id);
    if (!p) {
      out.push({ id: q.id, change: "added", fields: [] });
      continue;
    }
    const fa = planFields(p, labelA);
    const fb = planFields(q, labelB);
    const fields = Object.keys(fa)
      .filter((k) => fa[k] !== fb[k])
      .map((k) => ({ field: k, old: fa[k], new: fb[k] }));
    if (fields.length) out.push({ id: q.id, change: "changed", fields });
  }
  return out;
}
