// The editable parameter sheet (経済安全保障パラメータ / Security parameters) read back: the Key
// and Value columns under their header; a bad value stops the run with its cell named.

import { RippleError, RippleErrorList } from "../errors";
import { type Grid, gridAddress } from "../grid";
import { dataAt, textAt } from "../table/cells";
import { allJudgementParameters } from "./params";
import { findHeaderRow } from "../sheetHeader";

export const SECURITY_PARAMETER_SHEET = { ja: "経済安全保障パラメータ", en: "Security parameters" } as const;

// "項目 / Item" holds the parameter's name as the sheet writes it; "キー / Key" (sheets of earlier
// versions) its key.
const KEY = ["項目", "item", "キー", "key"];
const VALUE = ["値", "value"];

export function readSecurityParameters(grid: Grid): Record<string, number> {
  const all = allJudgementParameters();
  const known = new Set(all.map((p) => p.key));
  const byName = new Map(all.flatMap((p) => [[p.label.ja, p.key], [p.label.en.toLowerCase(), p.key]] as [string, string][]));
  const at = (r: number, c: number) => ({ sheet: grid.sheet, cell: gridAddress(grid, r, c) });
  const keyOf = (t: string) => (KEY.includes(t.trim().toLowerCase()) ? "key" : VALUE.includes(t.trim().toLowerCase()) ? "value" : null);
  const found = findHeaderRow(grid, keyOf, (col) => col.key === 0 && col.value !== undefined);
  if (!found)
    throw new RippleError("security-parameters-header", {
      ja: "見出し行（A 列に「項目」、同じ行に「値」）が見つかりません",
      en: "the header row (Item in column A and Value on the same row) was not found",
    }, at(0, 0));
  const header = found.row;
  const valueCol = found.col.value!;
  const out: Record<string, number> = {};
  const problems: RippleError[] = [];
  for (let r = header + 1; r < grid.values.length; r++) {
    const written = (textAt(grid, r, 0) ?? "").trim();
    if (!written) continue;
    const key = byName.get(written) ?? byName.get(written.toLowerCase()) ?? written;
    if (!known.has(key) && !key.startsWith("probability:")) {
      problems.push(new RippleError("security-parameters-key", {
        ja: `「${key}」は経済安全保障のパラメータではありません（このシートの項目名のまま残してください）`,
        en: `'${key}' is not a security parameter (keep the item names this sheet was written with)`,
      }, at(r, 0)));
      continue;
    }
    const d = dataAt(grid, r, valueCol);
    if (d.kind !== "number" || !Number.isFinite(d.value)) {
      problems.push(new RippleError("security-parameters-value", {
        ja: `「${key}」の値が数値ではありません`,
        en: `the value of '${key}' is not a number`,
      }, at(r, valueCol)));
      continue;
    }
    out[key] = d.value;
  }
  if (problems.length === 1) throw problems[0];
  if (problems.length) throw new RippleErrorList("security-parameters", problems);
  return out;
}
