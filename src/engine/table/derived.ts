// Lines computed from other lines of the same table, recognised by their numbers: MIC's
// 経済波及効果 workbook puts the absolute value of the import column and the import coefficient
// (輸入 / 国内需要合計) beside the transactions table, other files add shares or running totals.
// Their labels often look like real lines (輸入…), but they are not flows: added to the model
// they would count imports twice or mix ratios with money. So a line whose numbers are another
// line's absolute values, the ratio of two other lines, a small fixed share of another line or
// the running total of another line is derived, and never enters the model.

import type { Bilingual } from "../errors";
import { halfUnit } from "./balance";

export type DerivedKind = "absolute" | "ratio" | "share" | "running-total";

export interface Derived {
  kind: DerivedKind;
  /** Positions (in the list given) of the lines it is computed from. */
  of: number[];
}

/** A ratio or share is small beside the lines it comes from: at most this share of them. */
const SMALL = 0.01;
/** At least this many non-zero cells must agree, so that a few zeros prove nothing. */
const MIN_CELLS = 3;

const nonZero = (v: number[]) => v.filter((x) => x !== 0).length;
const maxAbs = (v: number[]) => Math.max(0, ...v.map((x) => Math.abs(x)));
const usable = (v: number[]) => v.every((x) => Number.isFinite(x)) && nonZero(v) >= MIN_CELLS;

/** |x − want| within the printed digits of x and a relative 1e-6 of want (ratios printed to
 * about six significant digits, e.g. 0.123457). */
function near(x: number, want: number): boolean {
  return Math.abs(x - want) <= halfUnit(x) + 1e-6 * Math.abs(want) + 1e-12;
}

function isAbsoluteOf(v: number[], u: number[]): boolean {
  if (!u.some((x) => x < 0)) return false;
  return v.every((x, i) => near(x, Math.abs(u[i])));
}

/** v = ±a/b wherever b ≠ 0 (and 0 where b = 0), v small beside b. */
function isRatioOf(v: number[], a: number[], b: number[]): boolean {
  if (maxAbs(v) > SMALL * maxAbs(b)) return false;
  let agree = 0;
  let sign = 0;
  for (let i = 0; i < v.length; i++) {
    if (b[i] === 0) {
      if (v[i] !== 0) return false;
      continue;
    }
    const r = a[i] / b[i];
    if (r === 0 && v[i] === 0) continue;
    const s = Math.sign(v[i]) * Math.sign(r);
    if (s === 0) return false;
    if (sign !== 0 && s !== sign) return false;
    sign = s;
    if (!near(Math.abs(v[i]), Math.abs(r))) return false;
    agree++;
  }
  return agree >= MIN_CELLS;
}

/** v = c·a with one constant |c| ≤ SMALL (a share of a total, a per-unit figure). */
function isShareOf(v: number[], a: number[]): boolean {
  let c: number | null = null;
  let agree = 0;
  for (let i = 0; i < v.length; i++) {
    if (a[i] === 0) {
      if (v[i] !== 0) return false;
      continue;
    }
    if (c === null) c = v[i] / a[i];
    if (!near(v[i], c * a[i])) return false;
    if (v[i] !== 0) agree++;
  }
  return c !== null && c !== 0 && Math.abs(c) <= SMALL && agree >= MIN_CELLS;
}

/** v_i = a_1 + … + a_i for every i, and v is not a itself. */
function isRunningTotalOf(v: number[], a: number[]): boolean {
  let s = 0;
  let tol = 0;
  let differs = false;
  for (let i = 0; i < v.length; i++) {
    s += a[i];
    tol += halfUnit(a[i]);
    if (Math.abs(v[i] - s) > tol + halfUnit(v[i]) + 1e-9 * Math.abs(s)) return false;
    if (!near(v[i], a[i])) differs = true;
  }
  return differs;
}

/**
 * The derived lines among `lines` (values over the sectors, NaN where a cell holds text), by
 * position. `candidates` are the positions that may be derived; every line may be a source.
 */
export function findDerived(lines: number[][], candidates: number[]): Map<number, Derived> {
  const out = new Map<number, Derived>();
  const ok = lines.map(usable);
  for (const k of candidates) {
    const v = lines[k];
    if (!ok[k]) continue;
    const others = lines.map((_, j) => j).filter((j) => j !== k && ok[j]);
    let found: Derived | null = null;
    for (const j of others) {
      if (isAbsoluteOf(v, lines[j])) found = { kind: "absolute", of: [j] };
      else if (isRunningTotalOf(v, lines[j])) found = { kind: "running-total", of: [j] };
      else if (isShareOf(v, lines[j])) found = { kind: "share", of: [j] };
      if (found) break;
    }
    for (let x = 0; !found && x < others.length; x++) {
      for (let y = 0; !found && y < others.length; y++) {
        if (x !== y && isRatioOf(v, lines[others[x]], lines[others[y]])) found = { kind: "ratio", of: [others[x], others[y]] };
      }
    }
    if (found) out.set(k, found);
  }
  return out;
}

/** Why a line is derived, for the role map, `ripple inspect` and the warning. */
export function derivedReason(d: Derived, names: string[]): Bilingual {
  const [a, b] = d.of.map((i) => names[i]);
  switch (d.kind) {
    case "absolute":
      return { ja: `「${a}」の絶対値`, en: `the absolute value of '${a}'` };
    case "ratio":
      return { ja: `「${a}」÷「${b}」の比率`, en: `the ratio '${a}' / '${b}'` };
    case "share":
      return { ja: `「${a}」の一定割合（構成比など）`, en: `a fixed share of '${a}' (a share or per-unit figure)` };
    case "running-total":
      return { ja: `「${a}」の累計`, en: `the running total of '${a}'` };
  }
}
