// Reading the parameter sheet back (layout in sheetLayout.ts): one value per known key, its range
// and distribution for Monte Carlo, and where it came from (source text, grade, the user's or the
// default). Every bad cell is collected and thrown at once, each with its sheet and cell.

import { type Bilingual, RippleError, RippleErrorList } from "../errors";
import { type Grid, gridAddress } from "../grid";
import type { Parameter } from "../params/defaults";
import { dataAt, textAt } from "../table/cells";
import { labelKey } from "../table/normalize";
import type { Distribution, UncertainParameter } from "./montecarlo";
import { defaultSheetValue, DISPLAY_ONLY, FIRST_YEAR, PARAM_COLUMNS, SETTINGS, SHEET_PARAMETERS } from "./sheetLayout";
import { findHeader, problemAt, rowEmpty } from "./sheetRows";

export interface ParameterSource {
  /** The source cell's text; empty when the user cleared it. */
  text: string;
  grade: string;
  /** The value was entered by the user: the source is blank, or the value differs from the
   * default (when the defaults were given to the reader). */
  user: boolean;
  /** Where the value sits, for messages and the results. */
  sheet: string;
  cell: string;
  low: number | null;
  high: number | null;
  distribution: Distribution["type"] | null;
}

/** The distribution names users may type (English and Japanese), by their label key. */
const DISTRIBUTIONS: Record<string, "triangular" | "uniform" | "normal"> = {
  triangular: "triangular",
  三角: "triangular",
  三角分布: "triangular",
  uniform: "uniform",
  一様: "uniform",
  一様分布: "uniform",
  normal: "normal",
  正規: "normal",
  正規分布: "normal",
};

/** Range checks of values the model cannot take. */
function valueProblem(key: string, v: number): Bilingual | null {
  if (key.startsWith("share_") && v < 0) return { ja: "用途別シェアは 0 以上にしてください", en: "application shares must be ≥ 0" };
  if (key.startsWith("intensity_") && !(v > 0)) return { ja: "原単位は正の数にしてください", en: "intensities must be positive" };
  if (["demand2024", "globalDemand2024", "unitValue", "kpiTarget"].includes(key) && !(v > 0)) return { ja: "正の数にしてください", en: "must be positive" };
  if (["output2024", "imports2024"].includes(key) && v < 0) return { ja: "0 以上にしてください", en: "must be ≥ 0" };
  if (["growth", "globalGrowth1", "globalGrowth2"].includes(key) && !(v > -1)) return { ja: "−1 より大きくしてください（年率）", en: "must be greater than −1 (per year)" };
  if ((key === "sigma1" || key === "sigma5") && v < 0) return { ja: "アーミントン弾力性は 0 以上にしてください", en: "the Armington elasticity must be ≥ 0" };
  if ((key === "elasticity1" || key === "elasticity5") && v > 0) return { ja: "需要の価格弾力性は 0 以下にしてください", en: "the price elasticity of demand must be ≤ 0" };
  if (key === "maxUtilization" && !(v > 0 && v <= 1)) return { ja: "最大稼働率は 0 より大きく 1 以下にしてください", en: "the maximum utilization must be in (0, 1]" };
  if (key === "lastYear" && !(Number.isInteger(v) && v > FIRST_YEAR && v <= 2100)) return { ja: `${FIRST_YEAR + 1}〜2100 の年にしてください`, en: `must be a year from ${FIRST_YEAR + 1} to 2100` };
  if (key === "kpiYear" && !(Number.isInteger(v) && v >= FIRST_YEAR && v <= 2100)) return { ja: `${FIRST_YEAR} 以降の年にしてください`, en: `must be a year from ${FIRST_YEAR}` };
  return null;
}

/** Normal with low/high read as its 5th and 95th percentiles. */
const Z95 = 1.6448536269514722;

/** The parameter sheet: values by key, the marked distributions and each value's source. */
export function readParams(grid: Grid, defaults?: Parameter[]): { params: Record<string, number>; uncertain: UncertainParameter[]; sources: Record<string, ParameterSource> } {
  const h = findHeader(grid, PARAM_COLUMNS, ["key", "value"]);
  if (!h)
    throw new RippleError(
      "market-params-no-header",
      {
        ja: "パラメータシートの見出し行（キー・値 …）が見つかりません。磁石パラメータのテンプレートを挿入して記入してください",
        en: "No header row (Key, Value …) was found on the parameter sheet. Insert the magnet parameter template and fill it in",
      },
      { sheet: grid.sheet },
    );
  const { row: headerRow, col } = h;
  const known = new Map(SHEET_PARAMETERS.map((p) => [p.key.toLowerCase(), p]));
  const problems: RippleError[] = [];
  const params: Record<string, number> = {};
  const uncertain: UncertainParameter[] = [];
  const sources: Record<string, ParameterSource> = {};
  const seen = new Map<string, string>();
  const num = (r: number, c: number | undefined, what: Bilingual): number | null | undefined => {
    if (c === undefined) return null;
    const d = dataAt(grid, r, c);
    if (d.kind === "empty") return null;
    if (d.kind === "text") {
      problems.push(problemAt(grid, r, c, "market-params-not-a-number", { ja: `${what.ja}は数値にしてください（「${d.text}」）`, en: `${what.en} must be a number (found '${d.text}')` }));
      return undefined;
    }
    return d.value;
  };
  for (let r = headerRow + 1; r < grid.values.length; r++) {
    if (rowEmpty(grid, r)) continue;
    const keyText = textAt(grid, r, col.key);
    if (!keyText) {
      problems.push(problemAt(grid, r, col.key, "market-params-no-key", { ja: "キーが空欄です。テンプレートのキーを入力するか、行を空にしてください", en: "The key is empty; enter a key of the template or clear the row" }));
      continue;
    }
    const info = known.get(keyText.toLowerCase());
    if (!info) {
      problems.push(
        problemAt(grid, r, col.key, "market-params-unknown-key", {
          ja: `キー「${keyText}」はモデルのパラメータではありません（あるもの: ${SHEET_PARAMETERS.map((p) => p.key).join(", ")}）`,
          en: `'${keyText}' is not a model parameter (known: ${SHEET_PARAMETERS.map((p) => p.key).join(", ")})`,
        }),
      );
      continue;
    }
    const key = info.key;
    const prev = seen.get(key);
    if (prev) {
      problems.push(problemAt(grid, r, col.key, "market-params-duplicate", { ja: `キー「${key}」は ${prev} と重複しています`, en: `key '${key}' duplicates ${prev}` }));
      continue;
    }
    seen.set(key, gridAddress(grid, r, col.key));
    const value = num(r, col.value, { ja: "値", en: "the value" });
    if (value === null) {
      problems.push(problemAt(grid, r, col.value, "market-params-no-value", { ja: `「${info.label.ja}」の値が空欄です`, en: `the value of '${info.label.en}' is empty` }));
      continue;
    }
    if (value === undefined) continue;
    const bad = valueProblem(key, value);
    if (bad) {
      problems.push(problemAt(grid, r, col.value, "market-params-out-of-range", { ja: `${info.label.ja}: ${bad.ja}（${value}）`, en: `${info.label.en}: ${bad.en} (found ${value})` }));
      continue;
    }
    const low = num(r, col.low, { ja: "下限", en: "the low value" });
    const high = num(r, col.high, { ja: "上限", en: "the high value" });
    if (low === undefined || high === undefined) continue;
    if (low !== null && high !== null && low > high) {
      problems.push(problemAt(grid, r, col.low!, "market-params-low-high", { ja: `下限 ${low} が上限 ${high} より大きくなっています`, en: `the low value ${low} is above the high value ${high}` }));
      continue;
    }
    let distribution: Distribution | null = null;
    const distText = col.distribution !== undefined ? textAt(grid, r, col.distribution) : null;
    if (distText) {
      const type = DISTRIBUTIONS[labelKey(distText)];
      const dc = col.distribution!;
      if (!type) {
        problems.push(problemAt(grid, r, dc, "market-params-unknown-distribution", { ja: `分布「${distText}」は使えません。空欄・triangular・uniform・normal のいずれかにしてください`, en: `unknown distribution '${distText}'; use blank, triangular, uniform or normal` }));
        continue;
      }
      if (DISPLAY_ONLY.has(key)) {
        problems.push(problemAt(grid, r, dc, "market-params-display-only", { ja: "原単位は活動量の表示にのみ使い、需要を変えないため分布を付けられません。分布を空欄にしてください", en: "intensities only set the activity shown and do not change demand, so they cannot carry a distribution; clear it" }));
        continue;
      }
      if (SETTINGS.has(key)) {
        problems.push(problemAt(grid, r, dc, "market-params-setting", { ja: "年の設定には分布を付けられません。分布を空欄にしてください", en: "a year setting cannot carry a distribution; clear it" }));
        continue;
      }
      if (low === null || high === null) {
        problems.push(problemAt(grid, r, dc, "market-params-distribution-range", { ja: `分布 ${type} には下限と上限が必要です`, en: `the ${type} distribution needs both low and high` }));
        continue;
      }
      if (type === "triangular" && !(low <= value && value <= high)) {
        problems.push(problemAt(grid, r, col.value, "market-params-mode", { ja: `三角分布の最頻値（値 ${value}）は下限 ${low} と上限 ${high} の間にしてください`, en: `the triangular mode (value ${value}) must lie between low ${low} and high ${high}` }));
        continue;
      }
      distribution =
        type === "triangular"
          ? { type, low, mode: value, high }
          : type === "uniform"
            ? { type, low, high }
            : { type, mean: value, sd: (high - low) / (2 * Z95) };
      uncertain.push({ key, distribution });
    }
    params[key] = value;
    const sourceText = col.source !== undefined ? (textAt(grid, r, col.source) ?? "") : "";
    const grade = col.grade !== undefined ? (textAt(grid, r, col.grade) ?? "") : "";
    let user = sourceText === "";
    if (!user && defaults) {
      const d = defaultSheetValue(defaults, info);
      user = Math.abs(d - value) > 1e-12 * Math.max(1, Math.abs(d));
    }
    sources[key] = { text: sourceText, grade, user, sheet: grid.sheet, cell: gridAddress(grid, r, col.value), low, high, distribution: distribution?.type ?? null };
  }
  const missing = SHEET_PARAMETERS.filter((p) => !seen.has(p.key));
  if (missing.length)
    problems.push(
      problemAt(grid, headerRow, col.key, "market-params-missing", {
        ja: `パラメータ ${missing.map((p) => `${p.key}（${p.label.ja}）`).join("、")} の行がありません。テンプレートの行を残してください`,
        en: `the rows of ${missing.map((p) => `${p.key} (${p.label.en})`).join(", ")} are missing; keep the template's rows`,
      }),
    );
  if (params.kpiYear !== undefined && params.lastYear !== undefined && params.kpiYear > params.lastYear)
    problems.push(new RippleError("market-params-kpi-year", { ja: `KPIの評価年 ${params.kpiYear} が分析期間の最終年 ${params.lastYear} より後です`, en: `the KPI year ${params.kpiYear} is after the last model year ${params.lastYear}` }, { sheet: grid.sheet, cell: sources.kpiYear?.cell }));
  const shareTotal = Object.entries(params).filter(([k]) => k.startsWith("share_")).reduce((s, [, v]) => s + v, 0);
  if (!missing.some((p) => p.key.startsWith("share_")) && !(shareTotal > 0))
    problems.push(new RippleError("market-params-shares", { ja: "用途別シェアの合計が 0 です", en: "the application shares add up to 0" }, { sheet: grid.sheet, cell: sources.share_ev?.cell }));
  if (problems.length) throw new RippleErrorList("market-params-invalid", problems);
  return { params, uncertain, sources };
}
