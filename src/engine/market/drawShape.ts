// What a Monte Carlo draw of the market model compares and looks up 100,000 times, without
// building strings: the shape its shock schedules depend on, and the intensity parameters' names.
import type { MarketInputs } from "./model";

/** What the shock schedules depend on: the first year and the origins with their shares. */
export interface Shape {
  firstYear: number;
  origins: { name: string; share: number }[];
}

export function shapeOf(m: MarketInputs): Shape {
  return { firstYear: m.years[0], origins: m.origins.map((o) => ({ name: o.name, share: o.share })) };
}

/** Compared field by field: a draw's check allocates nothing (100,000 draws). */
export function sameShape(s: Shape, m: MarketInputs): boolean {
  if (s.firstYear !== m.years[0] || s.origins.length !== m.origins.length) return false;
  for (let i = 0; i < s.origins.length; i++) if (s.origins[i].name !== m.origins[i].name || s.origins[i].share !== m.origins[i].share) return false;
  return true;
}

const INTENSITY_KEYS = new Map<string, string>();
/** "intensity_<app>", made once per application rather than once per draw. */
export function intensityKey(app: string): string {
  let k = INTENSITY_KEYS.get(app);
  if (k === undefined) INTENSITY_KEYS.set(app, (k = `intensity_${app}`));
  return k;
}
