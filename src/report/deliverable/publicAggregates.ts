// The public version's aggregates: a total that would reveal fewer than the rule's number of
// confidential plans is shown as "—".

import { isFormulaCell, type CellSpec, type RowTag, type WorkbookSpec } from "../spec";
import { PUBLIC } from "./labels";

export interface Aggregate {
  key: string | undefined;
  conf: Set<string>;
  measure: string | undefined;
  parts: string[] | undefined;
  suppress: () => void;
  suppressed: boolean;
}

export const isNumberish = (v: CellSpec) => typeof v === "number" || isFormulaCell(v);

export function suppressAggregates(spec: WorkbookSpec, secret: Set<string>, min: number): void {
  const aggs: Aggregate[] = [];
  const of = (t: RowTag, suppress: () => void): Aggregate => ({
    key: t.key,
    conf: new Set((t.projects ?? []).filter((p) => secret.has(p))),
    measure: t.measure,
    parts: t.parts,
    suppressed: false,
    suppress,
  });
  for (const s of spec.sheets)
    for (const b of s.blocks) {
      for (const [k, t] of Object.entries(b.rowTags ?? {})) {
        if (!t.projects) continue;
        const row = b.values[Number(k)];
        // A suppressed row keeps its label (the first cell, also a year written as a number);
        // its figures go, also those written inside text (e.g. "能力 1,200 t/年 …").
        aggs.push(of(t, () => row.forEach((v, c) => c > 0 && (isNumberish(v) || (typeof v === "string" && /\d/.test(v))) && (row[c] = PUBLIC.dash))));
      }
      for (const [k, t] of Object.entries(b.cellTags ?? {})) {
        if (!t.projects) continue;
        const [r, c] = k.split(",").map(Number);
        const row = b.values[r];
        if (!row || c >= row.length) continue;
        aggs.push(of(t, () => isNumberish(row[c]) && (row[c] = PUBLIC.dash)));
      }
      for (const [k, t] of Object.entries(b.colTags ?? {})) {
        if (!t.projects) continue;
        const c = Number(k);
        aggs.push(of(t, () => b.values.forEach((row) => row.length > c && isNumberish(row[c]) && (row[c] = PUBLIC.dash))));
      }
    }
  const byKey = new Map(aggs.filter((a) => a.key !== undefined).map((a) => [a.key!, a]));
  const hide = (a: Aggregate) => {
    if (!a.suppressed) {
      a.suppressed = true;
      a.suppress();
    }
  };
  const tooFew = (ids: Set<string>) => ids.size > 0 && ids.size < min;
  const union = (xs: Aggregate[]) => new Set(xs.flatMap((x) => [...x.conf]));
  // Primary suppression: aggregates of 1 … min − 1 confidential projects.
  for (const a of aggs) if (tooFew(a.conf)) hide(a);
  let changed = true;
  while (changed) {
    changed = false;
    // Totals: the suppressed parts' sum is the total minus the shown parts, so it must hold
    // none or enough confidential projects; suppress more parts (most confidential first),
    // and the total itself only when no part is left to suppress.
    for (const a of aggs) {
      if (a.suppressed || !a.parts) continue;
      const parts = a.parts.map((k) => byKey.get(k)).filter((x): x is Aggregate => x !== undefined);
      while (tooFew(union(parts.filter((p) => p.suppressed)))) {
        const hidden = union(parts.filter((p) => p.suppressed));
        const next = parts
          .filter((p) => !p.suppressed)
          .sort((x, y) => [...y.conf].filter((id) => !hidden.has(id)).length - [...x.conf].filter((id) => !hidden.has(id)).length)[0];
        if (!next) {
          hide(a);
          break;
        }
        hide(next);
        changed = true;
      }
    }
    // Differences: of two shown aggregates of the same quantity with B ⊂ A, A − B would
    // isolate |A \ B| confidential projects; suppress A when that is 1 … min − 1.
    for (const a of aggs) {
      if (a.suppressed || a.measure === undefined) continue;
      for (const b of aggs) {
        if (b === a || b.suppressed || b.measure !== a.measure) continue;
        if (b.conf.size >= a.conf.size || ![...b.conf].every((p) => a.conf.has(p))) continue;
        if (tooFew(new Set([...a.conf].filter((p) => !b.conf.has(p))))) {
          hide(a);
          changed = true;
          break;
        }
      }
    }
  }
}

// ---- masking ----------------------------------------------------------------------------
