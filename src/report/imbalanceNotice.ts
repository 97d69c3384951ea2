// A results workbook computed from a table that does not add up (the user's --allow-imbalance or
// the pane's checkbox) says so on every sheet, in the title a reader sees first: the figures
// carry the table's errors, and a sheet copied out of the workbook must not lose that.

import type { Bilingual, RippleWarning } from "../engine/errors";
import type { WorkbookSpec } from "./spec";

export const IMBALANCE_NOTICE: Bilingual = {
  ja: "【注意】合計が合わない表を利用者の指定で計算（--allow-imbalance）。数値は表の誤差を含みます",
  en: "[Caution] computed, as asked (--allow-imbalance), from a table that does not add up: the figures carry its errors",
};

/** The notice when the table's warnings say it was used unbalanced, else null. */
export function imbalanceNotice(warnings: readonly RippleWarning[]): Bilingual | null {
  return warnings.some((w) => w.code === "table.imbalance-allowed") ? IMBALANCE_NOTICE : null;
}

/** The workbook with the notice after every sheet's title (the text block at A1), or as its own
 * first-row cell on a sheet without one. Nothing moves: charts and formulas keep their cells. */
export function withImbalanceNotice(spec: WorkbookSpec, notice: Bilingual | null): WorkbookSpec {
  if (!notice) return spec;
  const text = notice[spec.lang];
  const sheets = spec.sheets.map((s) => {
    const title = s.blocks.find((b) => b.row === 0 && b.col === 0 && typeof b.values[0]?.[0] === "string");
    if (title) {
      const values = title.values.map((r) => [...r]);
      values[0][0] = `${values[0][0] as string} — ${text}`;
      return { ...s, blocks: s.blocks.map((b) => (b === title ? { ...b, values } : b)) };
    }
    const right = Math.max(0, ...s.blocks.filter((b) => b.row === 0).map((b) => b.col + Math.max(0, ...b.values.map((r) => r.length))));
    return { ...s, blocks: [...s.blocks, { row: 0, col: right + 1, values: [[text]], style: "note" as const }] };
  });
  return { ...spec, sheets };
}
