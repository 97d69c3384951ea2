// The editable parameter sheet (経済安全保障パラメータ / Security parameters) read back: the Key
// and Value columns under their header; a bad value stops the run with its cell named.

import { RippleError, RippleErrorList } from "../errors";
import { type Grid, gridAddress } from "../grid";
import { dataAt, textAt } from "../table/cells";
import { allJudgementParameters } from "./params";

export const SECURITY_PARAMETER_SHEET = { ja: "経済安全保障パラメータ", en: "Security parameters" } as const;

const KEY = ["キー", "key"];
const VALUE = ["値", "value"];

export function readSecurityParameters(grid: Grid): Record<string, number> {
  const known = new Set(allJudgementParameters().map((p) => p.key));
  const at = (r: number, c: number) => ({ sheet: grid.sheet, cell: gridAddress(grid, r, c) });
  const norm = (r: number, c: number) => (textAt(grid, r, c) ?? "").trim().toLowerCase();
  let header = -1;
  let valueCol = -1;
  for (let r = 0; r < Math.min(grid.values.length, 20) && header < 0; r++)
    if (KEY.includes(norm(r, 0)))
      for (let c = 1; c < (grid.values[r]?.length ?? 0); c++)
        if (VALUE.includes(norm(r, c))) {
          header = r;
          valueCol = c;
          break;
        }
  if (header < 0)
    throw new RippleError("security-parameters-header", {
      ja: "見出し行（A 列に「キー」、同じ行に「値」）が見つかりません",
      en: "the header row (Key in column A and Value on the same row) was not found",
    }, at(0, 0));
  const out: Record<string, number> = {};
  const problems: RippleError[] = [];
  for (let r = header + 1; r < grid.values.length; r++) {
    const key = (textAt(grid, r, 0) ?? "").trim();
    if (!key) continue;
    if (!known.has(key) && !key.startsWith("probability:")) {
      problems.push(new RippleError("security-parameters-key", {
        ja: `キー「${key}」は経済安全保障のパラメータではありません`,
        en: `'${key}' is not a security parameter key`,
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
