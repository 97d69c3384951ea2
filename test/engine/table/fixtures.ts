// Test fixtures: MIC-layout grids built from arrays, random balanced (productive) tables, and
// the shared CSVs of ../shared. Reused by the model, report and CLI tests.

import { readFileSync } from "node:fs";
import * as path from "node:path";
import seedrandom from "seedrandom";
import { expect } from "vitest";
import { RippleError } from "../../../src/engine/errors";
import type { CellValue, Grid } from "../../../src/engine/grid";
import { parseCsv } from "../../../src/engine/table/csv";

/** Absolute path of a file under ../shared (relative to the repository root). */
export function sharedPath(relPath: string): string {
  return path.resolve(__dirname, "../../../../shared", relPath);
}

/** A shared CSV (e.g. "data/jp-io-2011-13/io2011_13sector_ja.csv") parsed into a Grid. */
export function loadSharedCsv(relPath: string): Grid {
  return parseCsv(readFileSync(sharedPath(relPath), "utf8"), path.basename(relPath));
}

export interface Labelled {
  code?: string;
  name: string;
  values: number[];
}

/** The parts of a competitive-import (MIC) table, all in table units, sector order. */
export interface MicParts {
  codes: string[];
  names: string[];
  Z: number[][];
  /** Domestic final demand columns (家計外消費支出（列）, 民間消費支出, …). */
  fd: Labelled[];
  /** Export columns (positive). */
  exports: Labelled[];
  /** Import columns (negative, （控除）…). */
  imports: Labelled[];
  /** Value-added rows (家計外消費支出（行）, 雇用者所得, …). */
  va: Labelled[];
  /** Output by sector (row = column). */
  x: number[];
}

export interface MicGridOptions {
  title?: string | null;
  /** How sector labels are written. */
  labels?: "code+name" | "names" | "codes" | "combined" | "name-above-code";
  /** Write the MIC subtotals (内生部門計, 国内最終需要計, …, 粗付加価値部門計). Default true. */
  subtotals?: boolean;
  /** Prefectural wording: 県内生産額, 移輸出, （控除）移輸入. */
  prefectural?: boolean;
  /** Sheet position of the first cell (a used range need not start at A1). */
  origin?: { row: number; col: number };
  /** Empty rows/columns before the table inside the grid. */
  pad?: { rows: number; cols: number };
  sheet?: string;
}

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);

/** A grid laid out like MIC's Excel files: title row, code row + name row, code column + name
 * column, the subtotal columns and rows, then 国内生産額. */
export function micGrid(parts: MicParts, opts: MicGridOptions = {}): Grid {
  const n = parts.names.length;
  const labels = opts.labels ?? "code+name";
  const subtotals = opts.subtotals ?? true;
  const pref = opts.prefectural ?? false;
  const outputName = pref ? "県内生産額" : "国内生産額";
  type Col = { code: string; name: string; values: (number | null)[]; vaValues?: (number | null)[] };
  const colSum = (rows: number[][]) => rows.reduce((acc, r) => acc.map((a, i) => a + r[i]), new Array(n).fill(0));
  // Columns after the sectors, each with values for the sector rows.
  const cols: Col[] = [];
  const rowSumsZ = parts.Z.map((r) => sum(r));
  if (subtotals) cols.push({ code: "60", name: pref ? "内生部門計" : "内生部門計", values: rowSumsZ });
  parts.fd.forEach((c, k) => cols.push({ code: c.code ?? String(71 + k), name: c.name, values: c.values }));
  const dfd = parts.Z.map((_, i) => sum(parts.fd.map((c) => c.values[i])));
  if (subtotals) {
    cols.push({ code: "78", name: pref ? "県内最終需要計" : "国内最終需要計", values: dfd });
    cols.push({ code: "79", name: pref ? "県内需要合計" : "国内需要合計", values: dfd.map((v, i) => v + rowSumsZ[i]) });
  }
  parts.exports.forEach((c, k) => cols.push({ code: c.code ?? String(80 + k), name: c.name, values: c.values }));
  const ex = parts.Z.map((_, i) => sum(parts.exports.map((c) => c.values[i])));
  if (subtotals) {
    if (parts.exports.length > 1) cols.push({ code: "81", name: pref ? "移輸出計" : "輸出計", values: ex });
    cols.push({ code: "82", name: "最終需要計", values: dfd.map((v, i) => v + ex[i]) });
    cols.push({ code: "83", name: "需要合計", values: dfd.map((v, i) => v + ex[i] + rowSumsZ[i]) });
  }
  parts.imports.forEach((c, k) => cols.push({ code: c.code ?? String(84 + k), name: c.name, values: c.values }));
  const im = parts.Z.map((_, i) => sum(parts.imports.map((c) => c.values[i])));
  if (subtotals) {
    if (parts.imports.length > 1) cols.push({ code: "87", name: pref ? "（控除）移輸入計" : "（控除）輸入計", values: im });
    cols.push({ code: "88", name: "最終需要部門計", values: dfd.map((v, i) => v + ex[i] + im[i]) });
  }
  cols.push({ code: "97", name: outputName, values: parts.x });

  // Rows after the sectors, each with values for the sector columns (and the 内生部門計 column).
  const rows: { code: string; name: string; values: number[] }[] = [];
  if (subtotals) rows.push({ code: "70", name: "内生部門計", values: colSum(parts.Z) });
  parts.va.forEach((r, k) => rows.push({ code: r.code ?? String(91 + k), name: r.name, values: r.values }));
  if (subtotals) rows.push({ code: "96", name: "粗付加価値部門計", values: colSum(parts.va.map((r) => r.values)) });
  rows.push({ code: "97", name: outputName, values: parts.x });

  const sectorLabel = (i: number): string[] => {
    switch (labels) {
      case "names":
        return [parts.names[i]];
      case "codes":
        return [parts.codes[i]];
      case "combined":
        return [`${parts.codes[i]} ${parts.names[i]}`];
      case "name-above-code":
        return [parts.names[i], parts.codes[i]];
      default:
        return [parts.codes[i], parts.names[i]];
    }
  };
  const otherLabel = (code: string, name: string): string[] => {
    switch (labels) {
      case "names":
      case "codes":
        return [name];
      case "combined":
        return [`${code} ${name}`];
      case "name-above-code":
        return [name, code];
      default:
        return [code, name];
    }
  };
  const depth = sectorLabel(0).length; // label columns = header rows
  const values: CellValue[][] = [];
  const title = opts.title === undefined ? "平成23年（2011年）産業連関表（試験用）　単位：百万円" : opts.title;
  if (title !== null) values.push([title]);
  for (let d = 0; d < depth; d++) {
    const row: CellValue[] = new Array(depth).fill(null);
    for (let j = 0; j < n; j++) row.push(sectorLabel(j)[d]);
    for (const c of cols) row.push(otherLabel(c.code, c.name)[d] ?? null);
    values.push(row);
  }
  // The 内生部門計 column (when written) gets values in the VA rows too.
  const hasTotalCol = subtotals;
  for (let i = 0; i < n; i++) {
    const row: CellValue[] = [...sectorLabel(i)];
    row.push(...parts.Z[i]);
    for (const c of cols) row.push(c.values[i]);
    values.push(row);
  }
  for (const r of rows) {
    const row: CellValue[] = [...otherLabel(r.code, r.name)];
    row.push(...r.values);
    for (let k = 0; k < cols.length; k++) row.push(k === 0 && hasTotalCol ? sum(r.values) : null);
    values.push(row);
  }
  const pad = opts.pad ?? { rows: 0, cols: 0 };
  const width = Math.max(...values.map((r) => r.length)) + pad.cols;
  const padded: CellValue[][] = [];
  for (let r = 0; r < pad.rows; r++) padded.push(new Array(width).fill(null));
  for (const r of values) {
    const row: CellValue[] = [...new Array(pad.cols).fill(null), ...r];
    while (row.length < width) row.push(null);
    padded.push(row);
  }
  return { sheet: opts.sheet ?? "取引基本表", origin: opts.origin ?? { row: 0, col: 0 }, values: padded };
}

export const MIC37_NAMES = [
  "農林漁業", "鉱業", "飲食料品", "繊維製品", "パルプ・紙・木製品", "化学製品", "石油・石炭製品",
  "プラスチック・ゴム", "窯業・土石製品", "鉄鋼", "非鉄金属", "金属製品", "はん用機械", "生産用機械",
  "業務用機械", "電子部品", "電気機械", "情報・通信機器", "輸送機械", "その他の製造工業製品", "建設",
  "電力・ガス・熱供給", "水道", "廃棄物処理", "商業", "金融・保険", "不動産", "運輸・郵便", "情報通信",
  "公務", "教育・研究", "医療・福祉", "その他の非営利団体サービス", "対事業所サービス", "対個人サービス",
  "事務用品", "分類不明",
];

/** A random, productive, exactly balanced competitive-import table in whole units (百万円):
 * column sums of A below 0.35, imports a share of domestic demand, value added the remainder. */
export function randomMicParts(n: number, seed: string, opts: { prefectural?: boolean; names?: string[] } = {}): MicParts {
  const rng = seedrandom(seed);
  const int = (lo: number, hi: number) => Math.round(lo + (hi - lo) * rng());
  const xTarget = Array.from({ length: n }, () => int(50_000, 150_000));
  const Z = xTarget.map(() => xTarget.map((xj) => (rng() < 0.2 ? 0 : Math.round(((0.3 / n) * rng() * 2 * xj) / 2))));
  const rowZ = Z.map((r) => sum(r));
  const T = xTarget.map((x, i) => x - rowZ[i]);
  const m = xTarget.map(() => 0.3 * rng());
  const e = xTarget.map(() => 0.3 * rng());
  const E = T.map((t, i) => Math.round(e[i] * t));
  const DFD = T.map((t, i) => (t - E[i] + m[i] * rowZ[i]) / (1 - m[i]));
  const pref = opts.prefectural ?? false;
  const area = pref ? "県内" : "国内";
  const fdNames = ["家計外消費支出（列）", "民間消費支出", "一般政府消費支出", `${area}総固定資本形成（公的）`, `${area}総固定資本形成（民間）`, "在庫純増"];
  const shares = xTarget.map(() => {
    const s = fdNames.map(() => rng());
    const t = sum(s);
    return s.map((v) => v / t);
  });
  const fd: Labelled[] = fdNames.map((name, k) => ({
    code: String(71 + k),
    name,
    values: DFD.map((d, i) => Math.round(d * shares[i][k])),
  }));
  const exportsSplit = pref
    ? [
        { name: "輸出", share: 0.4 },
        { name: "移出", share: 0.6 },
      ]
    : [
        { name: "輸出（普通貿易）", share: 0.9 },
        { name: "輸出（直接購入）", share: 0.1 },
      ];
  const exports: Labelled[] = exportsSplit.map((s, k) => ({
    code: String(80 + k),
    name: s.name,
    values: E.map((v) => Math.round(v * s.share)),
  }));
  const importSplit = pref
    ? [
        { name: "（控除）輸入", share: 0.5 },
        { name: "（控除）移入", share: 0.5 },
      ]
    : [
        { name: "（控除）輸入", share: 0.85 },
        { name: "（控除）関税", share: 0.03 },
        { name: "（控除）輸入品商品税", share: 0.12 },
      ];
  const dfdRounded = DFD.map((_, i) => sum(fd.map((c) => c.values[i])));
  const imports: Labelled[] = importSplit.map((s, k) => ({
    code: String(84 + k),
    name: s.name,
    values: DFD.map((_, i) => -Math.round(m[i] * (rowZ[i] + dfdRounded[i]) * s.share)),
  }));
  // Output is what the rounded rows add up to; value added closes the columns exactly.
  const x = xTarget.map((_, i) => rowZ[i] + dfdRounded[i] + sum(exports.map((c) => c.values[i])) + sum(imports.map((c) => c.values[i])));
  const colZ = x.map((_, j) => sum(Z.map((r) => r[j])));
  const gva = x.map((xj, j) => xj - colZ[j]);
  const vaNames = ["家計外消費支出（行）", "雇用者所得", "営業余剰", "資本減耗引当", "間接税（関税・輸入品商品税を除く。）", "（控除）経常補助金"];
  const vaShares = [0.03, 0.5, 0.2, 0.2, 0.09, -0.02];
  const va: Labelled[] = vaNames.map((name, k) => ({ code: String(k === 0 ? 71 : 90 + k), name, values: gva.map((g) => Math.round(g * vaShares[k])) }));
  // The surplus row takes the rounding remainder.
  for (let j = 0; j < n; j++) va[2].values[j] += gva[j] - sum(va.map((r) => r.values[j]));
  const names = opts.names ?? Array.from({ length: n }, (_, i) => (n === 37 ? MIC37_NAMES[i] : `部門${i + 1}`));
  const codes = Array.from({ length: n }, (_, i) => String(i + 1).padStart(2, "0"));
  return { codes, names, Z, fd, exports, imports, va, x };
}

/** A grid from rows of cells (tests of odd layouts). */
export function gridOf(values: CellValue[][], sheet = "Sheet1", origin = { row: 0, col: 0 }): Grid {
  const width = Math.max(...values.map((r) => r.length));
  return { sheet, origin, values: values.map((r) => [...r, ...new Array(width - r.length).fill(null)]) };
}

/** The 13 sectors of the sample table (jp-io-2011-13), with amounts (百万円) for a margin sheet in
 * the layout Aomori publishes (産業連関表分析ファイル 2015, 「(参考)マージン率」): per sector the
 * purchaser amount A and the trade (B) and transport (C) margins of 需要合計, then X, Y, Z of
 * 民間消費支出. 製造業 is 20 % / 5 % (需要合計) and 30 % / 4 % (民間消費支出); 建設 has none;
 * 鉱業's household consumption is negative, as in Aomori's sheet, so its rates there are negative. */
export const AOMORI_MARGIN_SECTORS: [code: string, name: string, a: number, b: number, c: number, x: number, y: number, z: number][] = [
  ["01", "農林水産業", 14479112, 4538840, 678282, 6097746, 2785188, 230121],
  ["06", "鉱業", 23204892, 522764, 1540876, -50, 4, 1],
  ["11", "製造業", 400000, 80000, 20000, 100000, 30000, 4000],
  ["41", "建設", 100000, 0, 0, 1000, 0, 0],
  ["46", "電力・ガス・水道", 30000000, 0, 0, 9000000, 0, 0],
  ["51", "商業", 90000000, 0, 0, 40000000, 0, 0],
  ["53", "金融・保険", 35000000, 0, 0, 20000000, 0, 0],
  ["55", "不動産", 70000000, 0, 0, 60000000, 0, 0],
  ["57", "運輸・郵便", 48000000, 120000, 95000, 18000000, 60000, 41000],
  ["59", "情報通信", 47000000, 310000, 12000, 17000000, 250000, 3000],
  ["61", "公務", 38000000, 0, 0, 2000000, 0, 0],
  ["65", "サービス", 150000000, 450000, 60000, 110000000, 400000, 50000],
  ["69", "分類不明", 3600000, 0, 0, 0, 0, 0],
];

/** A margin sheet in Aomori's layout: title rows, three header rows (group, table, formula),
 * row number, code (another classification's, as Aomori's national codes), name, then per group
 * a leading column, A, B, C and the two rates B/A and C/A at full precision; a total line.
 * `edit` may change cells (row index into the sectors, column letter) before it is returned. */
export function aomoriMarginRows(edit: (rows: CellValue[][]) => void = () => {}): CellValue[][] {
  const head = ["取引基本表", "商業マージン表", "国内貨物運賃表", "商業マージン率", "運輸マージン率"];
  const rate = (m: number, a: number): CellValue => (a === 0 ? "" : m / a);
  const rows: CellValue[][] = [
    ["【参考資料】"],
    ["平成27年全国産業連関表"],
    [" ・取引基本表(購入者価格評価表)"],
    [" ・商業マージン表"],
    [" ・国内貨物運賃表"],
    [null, null, null, "(百万円)", null, null, null, null, null, "(百万円)"],
    [null, null, null, "購入者価格", "需要合計", null, null, null, null, "生産者価格", "民間消費支出"],
    [null, null, null, null, ...head, null, ...head],
    [null, null, null, null, null, null, null, "D=B/A", "E=C/A", null, null, null, null, "d=Y/X", "e=Z/X"],
    ...AOMORI_MARGIN_SECTORS.map(([code, name, a, b, c, x, y, z], k): CellValue[] => [
      k + 1, code, name, a + b, a, b, c, rate(b, a), rate(c, a), 2 * x, x, y, z, rate(y, x), rate(z, x),
    ]),
    [null, null, "合計"],
  ];
  edit(rows);
  return rows;
}

/** The rows as CSV text (the command line's --margins FILE). */
export function csvOf(rows: CellValue[][]): string {
  return rows.map((r) => r.map((v) => (v === null ? "" : String(v))).join(",")).join("\n") + "\n";
}

/** B⁻¹ by Gauss–Jordan without pivoting, for small hand tables whose B = I − A is diagonally
 * dominant: an oracle written independently of the engine's LU, so the two check each other. */
export function gaussJordanInverse(B: number[][]): number[][] {
  const n = B.length;
  const aug = B.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let k = 0; k < n; k++) {
    const piv = aug[k][k];
    for (let j = 0; j < 2 * n; j++) aug[k][j] /= piv;
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      const f = aug[i][k];
      for (let j = 0; j < 2 * n; j++) aug[i][j] -= f * aug[k][j];
    }
  }
  return aug.map((row) => row.slice(n));
}

/** The RippleError `f` throws (the test fails if it throws anything else or nothing). */
export function refusal(f: () => unknown): RippleError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(RippleError);
    return e as RippleError;
  }
  throw new Error("expected a refusal");
}
