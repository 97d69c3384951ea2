// A key for the content of a grid: two independent 32-bit FNV-1a hashes over a typed
// serialisation of every cell, with the dimensions and the place. Recalculating a formula on
// the same range gives the same key, so the table is read and (I − A) factored only once.

import type { Grid } from "../engine/grid";

const FNV_PRIME = 0x01000193;

function mix(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME) >>> 0;
}

/** Hex key of the grid's content and place (sheet and origin go into messages, so they count). */
export function gridKey(grid: Grid): string {
  let a = 0x811c9dc5; // FNV offset basis
  let b = 0x2f4a7c15; // a second, unrelated basis: a collision must happen in both at once
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = mix(a, c);
      b = mix(b, c ^ 0x5bd1);
    }
  };
  feed(`${grid.sheet}\u0000${grid.origin.row},${grid.origin.col}\u0000`);
  for (const row of grid.values) {
    for (const v of row) {
      // The type tag keeps 1 (number) and "1" (text) apart.
      if (v === null) feed("\u0001");
      else if (typeof v === "number") feed(`\u0002${v}`);
      else if (typeof v === "boolean") feed(v ? "\u0003T" : "\u0003F");
      else feed(`\u0004${v.length}:${v}`);
    }
    feed("\u0005");
  }
  const rows = grid.values.length;
  const cols = rows ? Math.max(...grid.values.map((r) => r.length)) : 0;
  return `${rows}x${cols}:${a.toString(16).padStart(8, "0")}${b.toString(16).padStart(8, "0")}`;
}
