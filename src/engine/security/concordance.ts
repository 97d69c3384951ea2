// The IO sector of a concordance entry, found by words of its label; in a module of its own so
// that the loss model (build.ts) and the price premium (price.ts) share it without an import cycle.
import type { IOModel } from "../model/iomodel";
import { labelKey } from "../table/normalize";

/** The first sector whose code or name contains one of the candidate labels. */
export function concordanceSector(model: IOModel, candidates: string[]): number | null {
  const keys = model.table.sectors.map((s) => labelKey(`${s.label} ${s.name ?? ""}`));
  for (const c of candidates) {
    const k = labelKey(c);
    const i = keys.findIndex((x) => x.includes(k));
    if (i >= 0) return i;
  }
  return null;
}
