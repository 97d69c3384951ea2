// Reading the scenario sheet back (layout in sheetLayout.ts): rows sharing a name form one
// scenario, each row one shock. Every bad cell is collected and thrown at once, each with its
// sheet and cell; the no-shock base is added when the sheet has none.

import { type Bilingual, RippleError, RippleErrorList } from "../errors";
import type { Grid } from "../grid";
import { dataAt, textAt } from "../table/cells";
import { labelKey } from "../table/normalize";
import { BASE_SCENARIO, type Scenario, type Shock } from "./model";
import { SCENARIO_COLUMNS } from "./sheetLayout";
import { findHeader, problemAt, rowEmpty } from "./sheetRows";

/** Import origins the model knows (defaults.ts: Japan's imports are from China), with the names
 * users may type. */
export const ORIGINS: Record<string, string> = { china: "China", 中国: "China", 中華人民共和国: "China" };

/** The scenario sheet: scenarios in sheet order (base first) and the sources written on their rows. */
export function readScenarios(grid: Grid): { scenarios: Scenario[]; sources: Record<string, string> } {
  const h = findHeader(grid, SCENARIO_COLUMNS, ["name", "origin", "cut", "months"]);
  if (!h)
    throw new RippleError(
      "market-scenarios-no-header",
      {
        ja: "シナリオシートの見出し行（シナリオ・輸入元・供給削減率・期間 …）が見つかりません。磁石シナリオのテンプレートを挿入して記入してください",
        en: "No header row (Scenario, Origin, Supply cut, Months …) was found on the scenario sheet. Insert the magnet scenario template and fill it in",
      },
      { sheet: grid.sheet },
    );
  const { row: headerRow, col } = h;
  const problems: RippleError[] = [];
  const byName = new Map<string, Scenario>();
  const sources: Record<string, string> = {};
  for (let r = headerRow + 1; r < grid.values.length; r++) {
    if (rowEmpty(grid, r)) continue;
    const name = textAt(grid, r, col.name);
    if (!name) {
      problems.push(problemAt(grid, r, col.name, "market-scenarios-no-name", { ja: "シナリオ名が空欄です", en: "The scenario name is empty" }));
      continue;
    }
    const label = col.label !== undefined ? textAt(grid, r, col.label) : null;
    let sc = byName.get(name);
    if (!sc) {
      sc = { name, label: { ja: label ?? name, en: label ?? name }, shocks: [] };
      byName.set(name, sc);
    }
    const src = col.source !== undefined ? textAt(grid, r, col.source) : null;
    if (src) sources[name] = sources[name] ? `${sources[name]}; ${src}` : src;
    const originText = textAt(grid, r, col.origin);
    // A 0 counts as blank here: a row without an origin and with zeros is a row without a shock
    // (and Excel on Windows and Mac passes a blank cell to a worksheet function as 0).
    const numbers = (["cut", "months", "startYear", "startMonth", "premium"] as const).filter((k) => {
      if (col[k] === undefined) return false;
      const d = dataAt(grid, r, col[k]);
      return d.kind !== "empty" && !(d.kind === "number" && d.value === 0);
    });
    if (!originText) {
      if (numbers.length)
        problems.push(problemAt(grid, r, col.origin, "market-scenarios-no-origin", { ja: "輸入元が空欄です（China など）。ショックのない行は数値も空欄にしてください", en: "The origin is empty (e.g. China); a row without a shock leaves the numbers blank too" }));
      continue;
    }
    const origin = ORIGINS[labelKey(originText)];
    if (!origin) {
      problems.push(problemAt(grid, r, col.origin, "market-scenarios-unknown-origin", { ja: `輸入元「${originText}」はモデルにありません（China / 中国）`, en: `origin '${originText}' is not in the model (China)` }));
      continue;
    }
    const rowProblems: RippleError[] = [];
    const get = (key: keyof typeof SCENARIO_COLUMNS, what: Bilingual, ok: (v: number) => boolean, rule: Bilingual, fallback?: number): number => {
      const c = col[key];
      if (c === undefined) {
        if (fallback !== undefined) return fallback;
        rowProblems.push(problemAt(grid, headerRow, 0, "market-scenarios-missing-column", { ja: `「${SCENARIO_COLUMNS[key].ja}」の列がありません`, en: `the '${SCENARIO_COLUMNS[key].en}' column is missing` }));
        return NaN;
      }
      const d = dataAt(grid, r, c);
      if (d.kind === "empty" && fallback !== undefined) return fallback;
      if (d.kind !== "number") {
        rowProblems.push(problemAt(grid, r, c, "market-scenarios-not-a-number", { ja: `${what.ja}を数値で入力してください`, en: `enter ${what.en} as a number` }));
        return NaN;
      }
      if (!ok(d.value)) {
        rowProblems.push(problemAt(grid, r, c, "market-scenarios-out-of-range", { ja: `${what.ja}は${rule.ja}（${d.value}）`, en: `${what.en} ${rule.en} (found ${d.value})` }));
        return NaN;
      }
      return d.value;
    };
    const shock: Shock = {
      origin,
      cut: get("cut", { ja: "供給削減率", en: "the supply cut" }, (v) => v >= 0 && v <= 1, { ja: "0〜1 にしてください（0.8 = 80%減）", en: "must be between 0 and 1 (0.8 = an 80% cut)" }),
      months: get("months", { ja: "期間（月）", en: "the duration in months" }, (v) => v >= 0, { ja: "0 以上にしてください", en: "must be ≥ 0" }),
      startYear: get("startYear", { ja: "開始年", en: "the start year" }, (v) => Number.isInteger(v) && v >= 1990 && v <= 2100, { ja: "2026 のような年にしてください", en: "must be a year such as 2026" }),
      startMonth: get("startMonth", { ja: "開始月", en: "the start month" }, (v) => Number.isInteger(v) && v >= 1 && v <= 12, { ja: "1〜12 の整数にしてください", en: "must be a whole number from 1 to 12" }, 1),
      pricePremium: get("premium", { ja: "輸入価格の上乗せ", en: "the price premium" }, (v) => v > -1, { ja: "−1 より大きくしてください（0.3 = +30%）", en: "must be above −1 (0.3 = +30%)" }, 0),
    };
    if (rowProblems.length) {
      problems.push(...rowProblems);
      continue;
    }
    sc.shocks.push(shock);
  }
  if (problems.length) throw new RippleErrorList("market-scenarios-invalid", problems);
  const scenarios = [...byName.values()];
  // Every comparison is against the base; a sheet without one gets the no-shock base.
  if (!byName.has(BASE_SCENARIO.name)) scenarios.unshift(BASE_SCENARIO);
  else if (byName.get(BASE_SCENARIO.name)!.shocks.length)
    throw new RippleError("market-scenarios-base-shock", { ja: "シナリオ base は比較の基準のため、ショックを付けられません。別の名前にしてください", en: "the 'base' scenario is what others are compared with and cannot carry a shock; give it another name" }, { sheet: grid.sheet });
  else scenarios.sort((a, b) => (a.name === BASE_SCENARIO.name ? -1 : b.name === BASE_SCENARIO.name ? 1 : 0));
  return { scenarios, sources };
}
