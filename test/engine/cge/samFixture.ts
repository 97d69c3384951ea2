// SAMs for the CGE tests: the published STDCGE SAM (../shared/oracles/hosoe-stdcge) and balanced
// SAMs built from chosen flows (investment and the savings are the balancing items).

import * as fs from "node:fs";
import * as path from "node:path";
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
  const n = s.goods.length;
  const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
  const colTotal = s.goods.map((_, j) => sum(s.X.map((r) => r[j])) + sum(s.F.map((r) => r[j])) + s.Tz[j] + s.Tm[j] + s.M[j]);
  const Xv = s.goods.map((_, i) => colTotal[i] - sum(s.X[i]) - s.Xp[i] - s.Xg[i] - s.E[i]);
  const FF = s.F.map((r) => sum(r));
  const Sp = sum(FF) - sum(s.Xp) - s.Td;
  const Sg = s.Td + sum(s.Tz) + sum(s.Tm) - sum(s.Xg);
  const Sf = sum(s.M) - sum(s.E);
  const nm = { HOH: "HOH", GOV: "GOV", INV: "INV", EXT: "EXT", IDT: "IDT", TRF: "TRF", ...s.names };
  const labels = [...s.goods, ...s.factors, nm.IDT, nm.TRF, nm.HOH, nm.GOV, nm.INV, nm.EXT];
  const N = labels.length;
  const m: number[][] = labels.map(() => labels.map(() => 0));
  const H = s.factors.length;
  const [idt, trf, hoh, gov, inv, ext] = [n + H, n + H + 1, n + H + 2, n + H + 3, n + H + 4, n + H + 5];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) m[i][j] = s.X[i][j];
    m[i][hoh] = s.Xp[i];
    m[i][gov] = s.Xg[i];
    m[i][inv] = Xv[i];
    m[i][ext] = s.E[i];
    for (let h = 0; h < H; h++) m[n + h][i] = s.F[h][i];
    m[idt][i] = s.Tz[i];
    m[trf][i] = s.Tm[i];
    m[ext][i] = s.M[i];
  }
  for (let h = 0; h < H; h++) m[hoh][n + h] = FF[h];
  m[gov][hoh] = s.Td;
  m[gov][idt] = sum(s.Tz);
  m[gov][trf] = sum(s.Tm);
  m[inv][hoh] = Sp;
  m[inv][gov] = Sg;
  m[inv][ext] = Sf;
  return [["", ...labels], ...labels.map((l, r) => [l, ...m[r].map((v) => (v === 0 ? null : v))])];
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
