// SAMs for the CGE tests: the published STDCGE SAM (../shared/oracles/hosoe-stdcge) and balanced
// SAMs built from chosen flows (investment and the savings are the balancing items).

import * as fs from "node:fs";
import * as path from "node:path";
import { samMatrix } from "../../../src/engine/cge/flows";
import type { Grid } from "../../../src/engine/grid";
import { parseCsv } from "../../../src/engine/table/csv";

export const SHARED = path.resolve(__dirname, "../../../../shared");
export const HOSOE_DIR = path.join(SHARED, "oracles/hosoe-stdcge");
export const HOSOE_SAM = path.join(HOSOE_DIR, "sam.csv");
export const hosoeExpected = JSON.parse(fs.readFileSync(path.join(HOSOE_DIR, "expected.json"), "utf8"));

export function hosoeGrid(): Grid {
  return parseCsv(fs.readFileSync(HOSOE_SAM, "utf8"), "sam.csv");
}

export interface FlowSpec {
  goods: string[];
  factors: string[];
  X: number[][];
  F: number[][];
  Tz: number[];
  Tm: number[];
  M: number[];
  E: number[];
  Xp: number[];
  Xg: number[];
  Td: number;
  /** Account labels for HOH, GOV, INV, EXT, IDT, TRF (defaults: the English reserved labels). */
  names?: Partial<Record<"HOH" | "GOV" | "INV" | "EXT" | "IDT" | "TRF", string>>;
}

/** A balanced SAM as rows of cells (header row first): investment by good balances each good's
 * row, household and government saving close their budgets, foreign saving = imports − exports. */
export function samRows(s: FlowSpec): (string | number | null)[][] {
  const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
  const colTotal = s.goods.map((_, j) => sum(s.X.map((r) => r[j])) + sum(s.F.map((r) => r[j])) + s.Tz[j] + s.Tm[j] + s.M[j]);
  const Xv = s.goods.map((_, i) => colTotal[i] - sum(s.X[i]) - s.Xp[i] - s.Xg[i] - s.E[i]);
  const FF = s.F.map((r) => sum(r));
  const Sp = sum(FF) - sum(s.Xp) - s.Td;
  const Sg = s.Td + sum(s.Tz) + sum(s.Tm) - sum(s.Xg);
  const Sf = sum(s.M) - sum(s.E);
  // The layout is the engine's (the inverse of samFlows), so the fixture cannot drift from it.
  const { labels, values } = samMatrix({ ...s, Xv, FF, Sp, Sg, Sf }, s.names);
  return [["", ...labels], ...labels.map((l, r) => [l, ...values[r].map((v) => (v === 0 ? null : v))])];
}

export function samGrid(s: FlowSpec, sheet = "SAM"): Grid {
  return { sheet, origin: { row: 0, col: 0 }, values: samRows(s) };
}

/** Three goods with zero flows where real tables have them: a service with no imports and no
 * exports, a good with no exports; two factors; a net production subsidy on one good. */
export const THREE_GOODS: FlowSpec = {
  goods: ["AGR", "MFG", "SRV"],
  factors: ["CAP", "LAB"],
  X: [
    [10, 30, 2],
    [8, 60, 20],
    [6, 25, 40],
  ],
  F: [
    [20, 30, 50],
    [15, 35, 70],
  ],
  Tz: [-2, 6, 5],
  Tm: [1, 4, 0],
  M: [12, 40, 0],
  E: [0, 45, 0],
  Xp: [25, 50, 75],
  Xg: [2, 5, 40],
  Td: 25,
};

// CGE (CGE.md): a synthetic balanced SAM of n goods (seeded), read, calibrated and solved under an
// import-price premium on one good and a quota on another (Newton on 2n + H + 1 unknowns).
export function syntheticSam(n: number): FlowSpec {
  let seed = 11;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const goods = Array.from({ length: n }, (_, i) => `G${String(i + 1).padStart(3, "0")}`);
  const Z = goods.map(() => 500 + 1000 * rnd());
  const X = goods.map(() => Z.map((z) => ((0.5 * rnd()) / n) * z));
  const va = Z.map((z, j) => z - X.reduce((s, r) => s + r[j], 0));
  const F = [va.map((v) => 0.4 * v), va.map((v) => 0.6 * v)];
  const Tz = Z.map((z) => 0.02 * z);
  const M = Z.map((z) => (0.05 + 0.3 * rnd()) * z);
  const Tm = M.map((m) => 0.03 * m);
  const E = Z.map((z) => (0.05 + 0.2 * rnd()) * z);
  const avail = goods.map((_, i) => Z[i] + Tz[i] + Tm[i] + M[i] - X[i].reduce((s, v) => s + v, 0) - E[i]);
  const Xp = avail.map((a) => 0.55 * a);
  const Xg = avail.map((a) => 0.15 * a);
  const Td = 0.1 * va.reduce((s, v) => s + v, 0);
  // Value added is output less intermediates, so F + X sums to Z by construction.
  return { goods, factors: ["CAP", "LAB"], X, F, Tz, Tm, M, E, Xp, Xg, Td };
}
