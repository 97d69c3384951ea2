// The benchmark flows of the standard model (Hosoe, Gasawa & Hashimoto ch. 6) taken out of a SAM.
// Only the cells the model has a place for may be non-zero; any other payment (e.g. a government
// transfer to households) would be silently dropped by the model, so it is refused with its cell.

import { RippleError, RippleErrorList } from "../errors";
import type { AccountRole, Sam } from "./sam";
import { sum } from "../numeric";

/** Benchmark flows (all prices 1). Index i, j: goods; h: factors. */
export interface SamFlows {
  sheet: string;
  goods: string[];
  factors: string[];
  /** X[i][j]: intermediate input of good i into good j. */
  X: number[][];
  /** F[h][j]: factor h used by good j. */
  F: number[][];
  Tz: number[];
  Tm: number[];
  /** Imports at world prices (EXT row). */
  M: number[];
  Xp: number[];
  Xg: number[];
  Xv: number[];
  E: number[];
  /** Factor endowments (HOH row). */
  FF: number[];
  Td: number;
  Sp: number;
  Sg: number;
  Sf: number;
  /** Cell of each flow, for messages and audit formulas. */
  cells: SamCells;
}

export interface SamCells {
  X: (i: number, j: number) => string;
  F: (h: number, j: number) => string;
  Tz: (j: number) => string;
  Tm: (j: number) => string;
  M: (j: number) => string;
  Xp: (i: number) => string;
  Xg: (i: number) => string;
  Xv: (i: number) => string;
  E: (i: number) => string;
  FF: (h: number) => string;
  Td: string;
  Sp: string;
  Sg: string;
  Sf: string;
}

/** (receiving role, paying role) pairs the model has a place for. */
const ALLOWED = new Set<string>([
  "good/good",
  "good/hoh",
  "good/gov",
  "good/inv",
  "good/ext",
  "factor/good",
  "idt/good",
  "trf/good",
  "hoh/factor",
  "gov/hoh",
  "gov/idt",
  "gov/trf",
  "inv/hoh",
  "inv/gov",
  "inv/ext",
  "ext/good",
]);

const SINGLE: AccountRole[] = ["hoh", "gov", "inv", "ext"];
const AT_MOST_ONE: AccountRole[] = ["idt", "trf"];
const NAMES: Record<AccountRole, string> = {
  good: "good",
  factor: "factor",
  idt: "IDT/生産税",
  trf: "TRF/関税",
  hoh: "HOH/家計",
  gov: "GOV/政府",
  inv: "INV/投資",
  ext: "EXT/海外",
};

export function samFlows(sam: Sam): SamFlows {
  const { roles, labels, values } = sam;
  const idx = (role: AccountRole) => roles.map((r, i) => (r === role ? i : -1)).filter((i) => i >= 0);
  for (const role of [...SINGLE, ...AT_MOST_ONE]) {
    const found = idx(role);
    const bad = SINGLE.includes(role) ? found.length !== 1 : found.length > 1;
    if (bad)
      throw new RippleError(
        "cge.sam-account-count",
        {
          ja: `SAM には ${NAMES[role]} の勘定がちょうど${SINGLE.includes(role) ? "" : "最大"} 1 つ必要です（${found.length} 個: ${found.map((i) => labels[i]).join(", ") || "なし"}）。`,
          en: `the SAM needs ${SINGLE.includes(role) ? "exactly" : "at most"} one ${NAMES[role]} account (found ${found.length}: ${found.map((i) => labels[i]).join(", ") || "none"}).`,
        },
        { sheet: sam.sheet },
      );
  }
  const goods = idx("good");
  const factors = idx("factor");
  if (goods.length === 0 || factors.length === 0)
    throw new RippleError(
      "cge.sam-no-goods",
      { ja: "SAM に財の勘定と要素の勘定（CAP/資本, LAB/労働）が少なくとも 1 つずつ必要です。", en: "the SAM needs at least one good and one factor account (CAP, LAB)." },
      { sheet: sam.sheet },
    );
  const problems: RippleError[] = [];
  for (let r = 0; r < labels.length; r++)
    for (let c = 0; c < labels.length; c++) {
      if (values[r][c] === 0 || ALLOWED.has(`${roles[r]}/${roles[c]}`)) continue;
      problems.push(
        new RippleError(
          "cge.sam-flow-outside-model",
          {
            ja: `「${labels[c]}」から「${labels[r]}」への支払い ${values[r][c]} は標準 CGE モデルにない流れです。0 にするか、勘定の役割をマッピングで直してください。`,
            en: `payment ${values[r][c]} from '${labels[c]}' to '${labels[r]}' has no place in the standard CGE model: make it 0 or correct the account roles with a mapping.`,
          },
          { sheet: sam.sheet, cell: sam.cell(r, c) },
        ),
      );
    }
  if (problems.length === 1) throw problems[0];
  if (problems.length) throw new RippleErrorList("cge.sam-flow-outside-model", problems);

  const one = (role: AccountRole) => idx(role)[0] ?? -1;
  const [hoh, gov, inv, ext, idt, trf] = (["hoh", "gov", "inv", "ext", "idt", "trf"] as const).map(one);
  const v = (r: number, c: number) => (r < 0 || c < 0 ? 0 : values[r][c]);
  const cellOf = (r: number, c: number) => (r < 0 || c < 0 ? "" : sam.cell(r, c));
  return {
    sheet: sam.sheet,
    goods: goods.map((i) => labels[i]),
    factors: factors.map((h) => labels[h]),
    X: goods.map((i) => goods.map((j) => v(i, j))),
    F: factors.map((h) => goods.map((j) => v(h, j))),
    Tz: goods.map((j) => v(idt, j)),
    Tm: goods.map((j) => v(trf, j)),
    M: goods.map((j) => v(ext, j)),
    Xp: goods.map((i) => v(i, hoh)),
    Xg: goods.map((i) => v(i, gov)),
    Xv: goods.map((i) => v(i, inv)),
    E: goods.map((i) => v(i, ext)),
    FF: factors.map((h) => v(hoh, h)),
    Td: v(gov, hoh),
    Sp: v(inv, hoh),
    Sg: v(inv, gov),
    Sf: v(inv, ext),
    cells: {
      X: (i, j) => cellOf(goods[i], goods[j]),
      F: (h, j) => cellOf(factors[h], goods[j]),
      Tz: (j) => cellOf(idt, goods[j]),
      Tm: (j) => cellOf(trf, goods[j]),
      M: (j) => cellOf(ext, goods[j]),
      Xp: (i) => cellOf(goods[i], hoh),
      Xg: (i) => cellOf(goods[i], gov),
      Xv: (i) => cellOf(goods[i], inv),
      E: (i) => cellOf(goods[i], ext),
      FF: (h) => cellOf(hoh, factors[h]),
      Td: cellOf(gov, hoh),
      Sp: cellOf(inv, hoh),
      Sg: cellOf(inv, gov),
      Sf: cellOf(inv, ext),
    },
  };
}

/** The flows of a SAM without their sheet and cells: what samMatrix lays out. */
export type FlowValues = Omit<SamFlows, "sheet" | "cells">;

export type InstitutionLabel = "IDT" | "TRF" | "HOH" | "GOV" | "INV" | "EXT";

/** The SAM of the flows, the inverse of samFlows: goods, factors, then IDT, TRF, HOH, GOV, INV,
 * EXT (labels as given, English reserved labels by default); row = receiving, column = paying. */
export function samMatrix(f: FlowValues, names: Partial<Record<InstitutionLabel, string>> = {}): { labels: string[]; roles: AccountRole[]; values: number[][] } {
  const n = f.goods.length;
  const H = f.factors.length;
  const nm = { IDT: "IDT", TRF: "TRF", HOH: "HOH", GOV: "GOV", INV: "INV", EXT: "EXT", ...names };
  const labels = [...f.goods, ...f.factors, nm.IDT, nm.TRF, nm.HOH, nm.GOV, nm.INV, nm.EXT];
  const roles: AccountRole[] = [...f.goods.map(() => "good" as const), ...f.factors.map(() => "factor" as const), "idt", "trf", "hoh", "gov", "inv", "ext"];
  const m = labels.map(() => new Array<number>(labels.length).fill(0));
  const [idt, trf, hoh, gov, inv, ext] = [n + H, n + H + 1, n + H + 2, n + H + 3, n + H + 4, n + H + 5];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) m[i][j] = f.X[i][j];
    m[i][hoh] = f.Xp[i];
    m[i][gov] = f.Xg[i];
    m[i][inv] = f.Xv[i];
    m[i][ext] = f.E[i];
    for (let h = 0; h < H; h++) m[n + h][i] = f.F[h][i];
    m[idt][i] = f.Tz[i];
    m[trf][i] = f.Tm[i];
    m[ext][i] = f.M[i];
  }
  for (let h = 0; h < H; h++) m[hoh][n + h] = f.FF[h];
  m[gov][hoh] = f.Td;
  m[gov][idt] = sum(f.Tz);
  m[gov][trf] = sum(f.Tm);
  m[inv][hoh] = f.Sp;
  m[inv][gov] = f.Sg;
  m[inv][ext] = f.Sf;
  return { labels, roles, values: m };
}
