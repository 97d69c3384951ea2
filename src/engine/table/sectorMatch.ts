// Finding a sector of a table by the label a user typed: code, name or "code name", whatever the
// width (全角/半角) or case.

import { lineKeys } from "./mapping";
import { codeKey, labelKey } from "./normalize";
import type { IOTable } from "./types";

export class SectorIndex {
  private byKey = new Map<string, number>();
  constructor(table: IOTable) {
    table.sectors.forEach((s, i) => {
      for (const k of lineKeys({ code: s.code, name: s.name, labels: [s.label] })) {
        // A key shared by two sectors (e.g. a code equal to another's name) names neither.
        this.byKey.set(k, this.byKey.has(k) && this.byKey.get(k) !== i ? -1 : i);
      }
    });
  }
  find(label: string): number | null {
    for (const k of [labelKey(label), codeKey(label)]) {
      const i = this.byKey.get(k);
      if (i !== undefined && i >= 0) return i;
    }
    return null;
  }
}

export function sectorList(table: IOTable, max = 8): string {
  const names = table.sectors.slice(0, max).map((s) => s.label);
  return names.join(", ") + (table.sectors.length > max ? ", …" : "");
}
