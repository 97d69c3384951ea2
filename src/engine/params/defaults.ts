// Default parameters of the magnet models (assets/data/magnet-market/defaults.csv: value, range,
// reliability grade and source per row). The engine reads the text; the hosts read the file.

import { type Bilingual, type Lang, RippleError, RippleErrorList } from "../errors";
import { gradeName, parameterName, sourceName } from "./names";
import { type Grid, gridAddress } from "../grid";
import { parseCsv } from "../table/csv";
import { textAt, dataAt } from "../table/cells";
import type { KpiInputs, SourcedValue } from "../projects/evaluate";

export interface Parameter {
  block: string;
  name: string;
  value: number;
  unit: string;
  low: number | null;
  high: number | null;
  /** A primary or official, B reputable secondary, C estimate. */
  grade: string;
  source: string;
  /** Where the value was read (A1 of the value cell), for the method sheet. */
  cell?: string;
}

const COLUMNS = ["block", "parameter", "value", "unit", "low", "high", "grade", "source"] as const;

export function parseParameters(text: string, file = "defaults.csv"): Parameter[] {
  return parseParameterGrid(parseCsv(text, file), { file });
}

/** The parameter table on a sheet (or a CSV's grid): a header row block,parameter,value,unit,
 * low,high,grade,source within the first 20 rows (a title may stand above it), then one row per
 * parameter. Every bad value is reported together, with its cell. */
export function parseParameterGrid(grid: Grid, where: { file?: string } = {}): Parameter[] {
  const at = (r: number, c: number) => ({ ...where, sheet: where.file ? undefined : grid.sheet, cell: gridAddress(grid, r, c) });
  const headerRow = grid.values
    .slice(0, 20)
    .findIndex((_, r) => COLUMNS.every((name, c) => (textAt(grid, r, c) ?? "").trim().toLowerCase() === name));
  if (headerRow < 0)
    throw new RippleError("parameters-header", {
      ja: `パラメータ表の見出し行（${COLUMNS.join(",")}）が見つかりません。A 列から順にこの見出しを置いてください`,
      en: `The parameter table's header row (${COLUMNS.join(",")}) was not found; put these headers from column A`,
    }, at(0, 0));
  const out: Parameter[] = [];
  const problems: RippleError[] = [];
  for (let r = headerRow + 1; r < grid.values.length; r++) {
    const name = textAt(grid, r, 1);
    if (!name) continue;
    const num = (c: number): number | null => {
      const d = dataAt(grid, r, c);
      return d.kind === "number" ? d.value : null;
    };
    const value = num(2);
    if (value === null) {
      problems.push(new RippleError("parameters-value", {
        ja: `パラメータ「${name}」の値が数値ではありません`,
        en: `The value of parameter '${name}' is not a number`,
      }, at(r, 2)));
      continue;
    }
    out.push({
      block: textAt(grid, r, 0) ?? "",
      name,
      value,
      unit: textAt(grid, r, 3) ?? "",
      low: num(4),
      high: num(5),
      grade: textAt(grid, r, 6) ?? "",
      source: textAt(grid, r, 7) ?? "",
      cell: gridAddress(grid, r, 2),
    });
  }
  if (problems.length === 1) throw problems[0];
  if (problems.length) throw new RippleErrorList("parameters-invalid", problems);
  return out;
}

/** A parameter if present (block and exact name), else undefined. */
export function findParam(params: Parameter[], block: string, name: string): Parameter | undefined {
  return params.find((x) => x.block === block && x.name === name);
}

/** Look a parameter up by block and exact name; a missing one is an error naming it. */
export function param(params: Parameter[], block: string, name: string): Parameter {
  const p = params.find((x) => x.block === block && x.name === name);
  if (!p)
    throw new RippleError("parameters-missing", {
      ja: `パラメータ「${block} / ${name}」がありません`,
      en: `Parameter '${block} / ${name}' is missing`,
    });
  return p;
}

/** "same" in the source column means the source of the row above (as the file writes it). */
export function sourceOf(params: Parameter[], p: Parameter): string {
  let i = params.indexOf(p);
  while (i > 0 && params[i].source.trim().toLowerCase() === "same") i--;
  return params[i].source;
}

/** A default cited for a reader: its name, its source and grade, in the reader's language
 * (「国内NdFeB需要 2024年」: 経済産業省（…）（信頼度 C）). */
export function citation(params: Parameter[], p: Parameter, lang: Lang): string {
  const src = sourceName(sourceOf(params, p), lang);
  return lang === "ja"
    ? `「${parameterName(p.block, p.name, "ja")}」: ${src}（${gradeName(p.grade, "ja")}）`
    : `'${parameterName(p.block, p.name, "en")}': ${src} (${gradeName(p.grade, "en")})`;
}

export function sourced(params: Parameter[], p: Parameter, value = p.value, how?: Bilingual): SourcedValue {
  return {
    value,
    source: {
      ja: `${how ? how.ja + "; " : ""}既定値${citation(params, p, "ja")}`,
      en: `${how ? how.en + "; " : ""}default ${citation(params, p, "en")}`,
    },
  };
}

/** KPI inputs from the defaults: 2030 domestic demand = 2024 demand × (1 + growth)^(2030 − 2024)
 * until the demand-share model supplies it. */
export function defaultKpiInputs(params: Parameter[], year = 2030): KpiInputs {
  const demand = param(params, "japan", "domestic NdFeB demand 2024");
  const growth = param(params, "japan", "domestic demand growth to 2030");
  const output = param(params, "japan", "domestic NdFeB output 2024 (plants in Japan)");
  const projected = demand.value * Math.pow(1 + growth.value, year - 2024);
  // Not in defaults.csv: evaluable once the analyst adds the row to the parameter sheet.
  const recycling = findParam(params, "japan", "recycling capacity 2020");
  const d = sourced(params, demand, projected, {
    ja: `${demand.value} t × (1 + ${growth.value})^${year - 2024}（成長率: ${sourceName(sourceOf(params, growth), "ja")}）`,
    en: `${demand.value} t × (1 + ${growth.value})^${year - 2024} (growth: ${sourceOf(params, growth)})`,
  });
  return {
    year,
    baselineCapacity: {
      ...sourced(params, output, output.value, {
        ja: "2024年の国内生産量を既存能力の下限として使用",
        en: "2024 domestic output used as a lower bound of existing capacity",
      }),
      year: 2024,
    },
    domesticDemand: d,
    domesticDemandByYear: Array.from({ length: Math.max(0, year - 2024) + 1 }, (_, i) => ({
      year: 2024 + i,
      value: demand.value * Math.pow(1 + growth.value, i),
    })),
    target: sourced(params, param(params, "policy", "KPI 2030 domestic NdFeB capacity / domestic demand")),
    recyclingTarget: sourced(params, param(params, "policy", "KPI 2030 recycling capacity vs 2020")),
    recyclingBaseline2020: recycling ? sourced(params, recycling) : null,
  };
}
