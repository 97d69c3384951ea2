// One margin rate cell: its number (a share, or a percentage written as text), how many decimals
// it prints, and the checks a rate must pass before it converts a shock. Shared by the
// three-column form (margins.ts, which checks every line as before) and the labelled sheet
// (marginSheet.ts, whose lines are checked only for the sectors a shock changes).

import { RippleError, type Where } from "../errors";
import { dataAt } from "./cells";
import type { Grid } from "../grid";
import { type SectorIndex, sectorList } from "./sectorMatch";
import type { IOTable } from "./types";

export const TRADE = { ja: "商業マージン率", en: "trade margin rate" };
export const TRANSPORT = { ja: "運輸マージン率", en: "transport margin rate" };

/** Decimals of a number as stored ("0.3135" -> 4, 6.6e-5 -> 6): what the file prints at most. */
function decimalsOf(text: string): number {
  const m = /^[+-]?\d*(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!m) return 15;
  return Math.max(0, (m[1]?.length ?? 0) - Number(m[2] ?? 0));
}

/** The rate in a cell: null when the cell holds no number (blank, placeholder, words). */
export function rateCell(grid: Grid, r: number, c: number): { value: number; decimals: number } | null {
  const d = dataAt(grid, r, c);
  if (d.kind === "number") return { value: d.value, decimals: decimalsOf(String(d.value)) };
  if (d.kind !== "text") return null;
  const m = /^([+-]?\d+(?:\.\d+)?)\s*[%％]$/.exec(d.text.normalize("NFKC").trim());
  return m ? { value: Number(`${m[1]}e-2`), decimals: decimalsOf(m[1]) + 2 } : null;
}

/** A rate that converts a shock: a number in 0–1, else refused with its cell. */
export function checkRate(v: number, at: Where, label: string, what: { ja: string; en: string }): number {
  if (Number.isNaN(v))
    throw new RippleError(
      "margins.not-number",
      {
        ja: `部門「${label}」の${what.ja}が数値ではありません。0〜1 の数（例: 0.12）か % で入れてください（マージンがなければ 0）。`,
        en: `The ${what.en} of '${label}' is not a number. Enter a number from 0 to 1 (e.g. 0.12) or a percentage (0 if there is none).`,
      },
      at,
    );
  if (!(v >= 0 && v <= 1))
    throw new RippleError(
      "margins.out-of-range",
      {
        ja: `部門「${label}」の${what.ja} ${v} が 0〜1 の範囲外です。購入者価格に対する割合（例: 12% なら 0.12）で入れてください。`,
        en: `The ${what.en} of '${label}', ${v}, is outside 0–1. Give it as a share of the purchaser price (e.g. 0.12 for 12%).`,
      },
      at,
    );
  return v;
}

/** Trade + transport may not exceed 1 (the producer price would be negative). */
export function checkRateSum(trade: number, transport: number, at: Where, label: string): void {
  if (trade + transport > 1)
    throw new RippleError(
      "margins.sum",
      {
        ja: `部門「${label}」の商業マージン率 ${trade} と運輸マージン率 ${transport} の和が 1 を超えます（生産者価格が負になります）。率を確かめてください。`,
        en: `The trade (${trade}) and transport (${transport}) margin rates of '${label}' add up to more than 1 (the producer price would be negative). Check the rates.`,
      },
      at,
    );
}

/** The table sector of a margin line, refused when the table has none of that name or code, or
 * when an earlier line had it (`seen`: the cell of each sector's first line). */
export function marginLineSector(table: IOTable, index: SectorIndex, seen: Map<number, string>, label: string | null, where: Where): number {
  const i = label === null ? null : index.find(label);
  if (i === null)
    throw new RippleError(
      "margins.unknown-sector",
      {
        ja: `マージン率の部門「${label ?? ""}」が表にありません。表の部門名かコード（例: ${sectorList(table)}）を使ってください。`,
        en: `The margin rates' sector '${label ?? ""}' is not in the table. Use a sector name or code of the table (e.g. ${sectorList(table)}).`,
      },
      where,
    );
  const before = seen.get(i);
  if (before)
    throw new RippleError(
      "margins.duplicate",
      {
        ja: `部門「${table.sectors[i].label}」のマージン率が 2 回あります（最初は ${before}）。1 行にしてください。`,
        en: `Sector '${table.sectors[i].label}' has margin rates twice (first at ${before}). Keep one line.`,
      },
      where,
    );
  seen.set(i, where.cell!);
  return i;
}
