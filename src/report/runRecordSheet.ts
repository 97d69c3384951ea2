// The run record as a sheet of the full (internal) results workbook: very hidden (Excel's sheet
// tabs do not show it and its UI cannot unhide it), column A holding a marker, the record's format
// and its JSON text in pieces Excel can hold (≤ 32,767 characters a cell). `ripple compare` and
// the pane's 比較 read it back to recompute the run with some inputs of another run
// (usecases/compare.ts). The public version never carries it: it holds the confidential plans.

import type { Grid } from "../engine/grid";
import type { SheetSpec } from "./spec";

/** A1 of the record sheet: how a record is told from any other sheet, whatever its name. */
export const RUN_RECORD_MARK = "RIPPLE-RUN-RECORD";
/** Characters of JSON per cell: under Excel's 32,767, with room for XML escaping. */
const PIECE = 30_000;

export const RUN_RECORD_SHEET = { ja: "入力記録", en: "Run inputs" } as const;

export function runRecordSheet(json: string, format: number, lang: "ja" | "en"): SheetSpec {
  const pieces: (string | number)[][] = [];
  for (let i = 0; i < json.length; i += PIECE) pieces.push([json.slice(i, i + PIECE)]);
  return {
    key: "runRecord",
    name: RUN_RECORD_SHEET[lang],
    visibility: "veryHidden",
    blocks: [
      {
        row: 0,
        col: 0,
        values: [
          [RUN_RECORD_MARK, format, lang === "ja" ? "ripple compare が読む入力と設定の記録（編集しないでください）" : "Inputs and settings read by ripple compare (do not edit)"],
          ...pieces,
        ],
      },
    ],
  };
}

/** The record sheets among a workbook's grids (a pane workbook may hold several runs). */
export function runRecordGrids(grids: readonly Grid[]): Grid[] {
  return grids.filter((g) => g.origin.row === 0 && g.origin.col === 0 && g.values[0]?.[0] === RUN_RECORD_MARK);
}

/** The format number and JSON text of a record sheet. */
export function runRecordText(grid: Grid): { format: unknown; json: string } {
  let json = "";
  for (let r = 1; r < grid.values.length; r++) {
    const v = grid.values[r][0];
    if (typeof v === "string") json += v;
  }
  return { format: grid.values[0][1], json };
}
