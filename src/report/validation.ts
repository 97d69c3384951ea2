// How a drop-down list (ValidationSpec) is expressed to a host: inline ("a,b,c") when it fits
// Excel's 255-character limit and no value holds a comma, else as a reference to the range that
// holds the values. Both hosts (files and Excel) use this, so a template reads the same in each.

import { RippleError } from "../engine/errors";
import { a1, sheetRef } from "../engine/grid";
import type { RangeRef, ValidationSpec } from "./spec";

/** Excel's limit on an inline list. */
export const INLINE_LIST_MAX = 255;

function absolute(r: RangeRef): string {
  const abs = (row: number, col: number) => a1(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const first = abs(r.row, r.col);
  const last = abs(r.row + r.rows - 1, r.col + r.cols - 1);
  return first === last ? first : `${first}:${last}`;
}

export type ListSource = { kind: "inline"; text: string } | { kind: "range"; ref: string };

export function listSource(v: ValidationSpec, sheetName: string): ListSource {
  const text = v.list.join(",");
  const fits = v.list.length > 0 && text.length <= INLINE_LIST_MAX && !v.list.some((x) => x.includes(",") || x.includes('"'));
  if (fits) return { kind: "inline", text };
  if (v.source) return { kind: "range", ref: sheetRef(v.source.sheet ?? sheetName, absolute(v.source)) };
  throw new RippleError(
    "validation-list-too-long",
    {
      ja: `ドロップダウンの選択肢（${text.length} 文字）は一覧の範囲なしでは書けません（レポート作成側の不具合です。報告してください）`,
      en: `The drop-down list (${text.length} characters) cannot be written without the range that holds it (a fault in the report builder; please report it)`,
    },
    { sheet: sheetName },
  );
}

/** The range a validation applies to, e.g. "D4:D203". */
export function rangeAddress(r: RangeRef): string {
  const first = a1(r.row, r.col);
  const last = a1(r.row + r.rows - 1, r.col + r.cols - 1);
  return first === last ? first : `${first}:${last}`;
}
