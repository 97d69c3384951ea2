// Final-demand shocks given as (sector label, change) pairs: from a two-column range or CSV to a
// vector in sector order.

import { RippleError, type Where } from "../errors";
import { gridWidth, gridAddress, type Grid } from "../grid";
import { dataAt, isEmpty, textAt } from "./cells";
import { SectorIndex, sectorList } from "./sectorMatch";
import type { IOTable } from "./types";

export interface ShockPair {
  label: string;
  value: number;
  where: Where;
}

/** Vector of final-demand changes in sector order; unknown or repeated labels are errors. */
export function shockFromPairs(table: IOTable, pairs: ShockPair[]): number[] {
  const index = new SectorIndex(table);
  const out = new Array<number>(table.sectors.length).fill(0);
  const seen = new Map<number, Where>();
  for (const p of pairs) {
    const i = index.find(p.label);
    if (i === null) {
      throw new RippleError(
        "shock.unknown-sector",
        {
          ja: `部門「${p.label}」が表にありません。表の部門名かコード（例: ${sectorList(table)}）を使ってください。`,
          en: `Sector '${p.label}' is not in the table. Use a sector name or code of the table (e.g. ${sectorList(table)}).`,
        },
        p.where,
      );
    }
    const first = seen.get(i);
    if (first) {
      throw new RippleError(
        "shock.duplicate",
        {
          ja: `部門「${table.sectors[i].label}」が 2 回指定されています（最初は ${first.cell ?? "前の行"}）。1 行にまとめてください。`,
          en: `Sector '${table.sectors[i].label}' is given twice (first at ${first.cell ?? "an earlier line"}). Put it on one line.`,
        },
        p.where,
      );
    }
    if (!Number.isFinite(p.value)) {
      throw new RippleError(
        "shock.not-number",
        {
          ja: `部門「${p.label}」の需要変化が数値ではありません。数値を入れてください。`,
          en: `The demand change for '${p.label}' is not a number. Enter a number.`,
        },
        p.where,
      );
    }
    seen.set(i, p.where);
    out[i] = p.value;
  }
  return out;
}

/** Pairs from a two-column range (label, change); a header row is optional. */
export function parseShockGrid(grid: Grid): ShockPair[] {
  const nr = grid.values.length;
  const nc = gridWidth(grid);
  const usedCols: number[] = [];
  for (let c = 0; c < nc && usedCols.length < 2; c++) {
    if (grid.values.some((row) => !isEmpty(row[c] ?? null))) usedCols.push(c);
  }
  if (usedCols.length < 2) {
    throw new RippleError(
      "shock.shape",
      {
        ja: "需要変化の表には 2 列（部門、需要変化額）が必要です。",
        en: "A final-demand change needs two columns: sector and change.",
      },
      { sheet: grid.sheet, cell: gridAddress(grid, 0, 0) },
    );
  }
  const [lc, vc] = usedCols;
  const pairs: ShockPair[] = [];
  let sawRow = false;
  for (let r = 0; r < nr; r++) {
    const label = textAt(grid, r, lc);
    const d = dataAt(grid, r, vc);
    if (label === null && d.kind === "empty") continue;
    const first = !sawRow;
    sawRow = true;
    if (first && d.kind === "text") continue; // header row
    if (label === null) {
      throw new RippleError(
        "shock.label-empty",
        {
          ja: "需要変化額に対応する部門名が空です。部門名かコードを入れてください。",
          en: "The sector for this change is blank. Enter a sector name or code.",
        },
        { sheet: grid.sheet, cell: gridAddress(grid, r, lc) },
      );
    }
    if (d.kind !== "number") {
      throw new RippleError(
        "shock.not-number",
        {
          ja: `部門「${label}」の需要変化額が数値ではありません${d.kind === "text" ? `（「${d.text}」）` : "（空欄）"}。数値を入れてください。`,
          en: `The change for '${label}' is not a number${d.kind === "text" ? ` ('${d.text}')` : " (blank)"}. Enter a number.`,
        },
        { sheet: grid.sheet, cell: gridAddress(grid, r, vc) },
      );
    }
    pairs.push({ label, value: d.value, where: { sheet: grid.sheet, cell: gridAddress(grid, r, lc) } });
  }
  return pairs;
}
