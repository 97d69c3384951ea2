// The options of a run as the method sheet records them: each parameter's value and whether the
// user entered it or it is the default (with the default's source). One function for the command
// line, the task pane and the projects pipeline, so their method sheets read the same.

import {
  DEFAULT_CONSUMPTION_RATE,
  DEFAULT_CONSUMPTION_RATE_SOURCE,
  type ModelOptions,
} from "../engine/model/options";
import type { IOTable, TableLayout } from "../engine/table/types";
import type { Bilingual } from "../engine/errors";
import type { ReportParameter, ResolvedModelOptions } from "./analysisReport";

const INCOME_BASE_NAMES = {
  compensation: { ja: "雇用者所得", en: "compensation of employees" },
  "compensation+surplus": { ja: "雇用者所得 + 営業余剰", en: "compensation + operating surplus" },
} as const;

/** `options` holds only what the user set (undefined = default). `selfSufficiencySource`
 * replaces the default's source text (e.g. a projects run, where converters may override it). */
export function recordModelOptions(
  table: IOTable,
  layout: TableLayout | null,
  options: ModelOptions,
  selfSufficiencySource?: Bilingual,
): ResolvedModelOptions {
  const userImport = options.importType !== undefined;
  const parameters: ReportParameter[] = [];
  const c = options.consumptionRate;
  parameters.push({
    key: "consumptionRate",
    name: { ja: "消費転換係数", en: "Consumption conversion rate" },
    value: c ?? DEFAULT_CONSUMPTION_RATE,
    // Whether the user set it travels with the options (usecases/options.ts), never guessed
    // back from the number.
    source: c === undefined ? { kind: "default", text: DEFAULT_CONSUMPTION_RATE_SOURCE } : { kind: "user" },
  });
  const base = options.incomeBase ?? "compensation";
  parameters.push({
    key: "incomeBase",
    name: { ja: "第2次間接波及の所得", en: "Income base of the second indirect effect" },
    value: INCOME_BASE_NAMES[base],
    source:
      options.incomeBase === undefined
        ? { kind: "default", text: { ja: "総務省の3段階法（雇用者所得）", en: "MIC three-stage method (compensation)" } }
        : { kind: "user" },
  });
  const importType = options.importType ?? table.importType;
  parameters.push({
    key: "selfSufficiency",
    name: { ja: "自給率（直接効果）", en: "Self-sufficiency (direct effect)" },
    value: importType === "competitive" ? "1 − m_i" : 1,
    source: {
      kind: "default",
      text:
        importType !== "competitive"
          ? { ja: "非競争輸入型の表は国産のみ", en: "domestic-use tables hold domestic products only" }
          : (selfSufficiencySource ?? { ja: "表の輸入係数から（総務省の3段階法）", en: "from the table's import coefficients (MIC's three-stage method)" }),
    },
  });
  for (const [k, v] of Object.entries(options.selfSufficiency ?? {})) {
    const label = table.sectors[Number(k)]?.label ?? k;
    parameters.push({
      key: `selfSufficiency.${k}`,
      name: { ja: `自給率（${label}）`, en: `Self-sufficiency (${label})` },
      value: v,
      source: { kind: "user" },
    });
  }
  return {
    importType,
    importTypeSource: userImport ? "user" : (layout?.importTypeSource ?? "detected"),
    // The layout's reason holds when it was recognised with the same choice (e.g. --import-type).
    importTypeReason: userImport && layout?.importTypeSource !== "user" ? null : (layout?.importTypeReason ?? null),
    parameters,
  };
}
