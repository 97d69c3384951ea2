// Aggregation of sectors by a concordance (sector -> group): sums Z, x, final demand, primary
// inputs and employment; grand totals are checked after the sums.

import { RippleError } from "../errors";
import { type IOTable, makeTable } from "../table/types";

/** Sum of all entries. */
export const total = (v: number[]): number => v.reduce((s, x) => s + x, 0);
export const matrixTotal = (m: number[][]): number => m.reduce((s, r) => s + total(r), 0);

/** Relative closeness used to check that totals are preserved. */
export function sameTotal(a: number, b: number, rel = 1e-9): boolean {
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}

function totalsError(what: string, before: number, after: number): RippleError {
  return new RippleError(
    "totals-not-preserved",
    {
      ja: `${what} の合計が変わりました（${before} → ${after}）。入力の値を確認してください`,
      en: `the total of ${what} changed (${before} → ${after}); check the input values`,
    },
    {},
    "numeric",
  );
}

/** Throw if a total was not preserved. */
export function checkTotal(what: string, before: number, after: number): void {
  if (!sameTotal(before, after)) throw totalsError(what, before, after);
}

/** Aggregate a table: groups[i] is the group (0..labels.length-1) of sector i. */
export function aggregate(table: IOTable, groups: number[], labels: string[]): IOTable {
  const n = table.sectors.length;
  const g = labels.length;
  const bad = (ja: string, en: string) => new RippleError("aggregate-concordance", { ja: `部門統合の対応表: ${ja}`, en: `concordance: ${en}` });
  if (groups.length !== n) throw bad(`${groups.length} 個の対応があります（部門数 ${n} と同じにしてください）`, `${groups.length} entries for ${n} sectors; give one group per sector`);
  const members = new Array<number>(g).fill(0);
  groups.forEach((k, i) => {
    if (!Number.isInteger(k) || k < 0 || k >= g)
      throw bad(
        `部門「${table.sectors[i].label}」の統合先 ${String(k)} は 0〜${g - 1} の番号にしてください`,
        `group ${String(k)} of sector "${table.sectors[i].label}" must be an index from 0 to ${g - 1}`,
      );
    members[k]++;
  });
  const empty = members.findIndex((c) => c === 0);
  if (empty >= 0) throw bad(`統合部門「${labels[empty]}」に属する部門がありません`, `group "${labels[empty]}" has no sectors`);
  if (new Set(labels).size !== labels.length) throw bad("統合部門名が重複しています", "group labels must be distinct");

  const sumVec = (v: number[]): number[] => {
    const out = new Array<number>(g).fill(0);
    v.forEach((val, i) => (out[groups[i]] += val));
    return out;
  };
  const Z: number[][] = Array.from({ length: g }, () => new Array<number>(g).fill(0));
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Z[groups[i]][groups[j]] += table.Z[i][j];

  const out = makeTable({
    sectors: labels,
    Z,
    x: sumVec(table.x),
    xRow: sumVec(table.xRow),
    finalDemand: table.finalDemand.map((f) => ({ role: f.role, label: f.label, values: sumVec(f.values) })),
    primaryInputs: table.primaryInputs.map((p) => ({ role: p.role, label: p.label, values: sumVec(p.values) })),
    employment: table.employment ? sumVec(table.employment) : null,
    importType: table.importType,
    unit: table.unit,
  });
  out.warnings = [...table.warnings];

  checkTotal("Z", matrixTotal(table.Z), matrixTotal(out.Z));
  checkTotal("x", total(table.x), total(out.x));
  table.finalDemand.forEach((f, k) => checkTotal(f.label, total(f.values), total(out.finalDemand[k].values)));
  table.primaryInputs.forEach((p, k) => checkTotal(p.label, total(p.values), total(out.primaryInputs[k].values)));
  if (table.employment && out.employment) checkTotal("employment", total(table.employment), total(out.employment));
  return out;
}
