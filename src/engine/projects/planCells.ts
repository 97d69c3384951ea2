// One cell of a plan row, read by its column's kind (schema.ts): text, TRUE/FALSE, a choice from
// the column's list, a sector of the table, a converter of the converter sheet, or a number
// checked as a share (0–1), a fiscal year or a non-negative amount. A bad cell adds a problem
// with its address and gives no value, so nothing is computed from it.

import { RippleError } from "../errors";
import type { Grid } from "../grid";
import { cellAt, dataAt, textAt } from "../table/cells";
import { labelKey } from "../table/normalize";
import type { SectorIndex } from "../table/sectorMatch";
import type { Converter } from "./converters";
import type { Choice, ProjectColumn } from "./schema";
import { problem } from "./sheetRows";

/** What a plan cell is checked against: the table's sectors, the converters, and the sector names
 * a split sheet defines but could not apply (accepted, so one fault is not reported twice). */
export interface PlanCellLookups {
  sectors: SectorIndex;
  converters: Map<string, Converter>;
  pendingSectors?: string[];
}

function choiceOf<T extends string>(choices: Choice<T>[], text: string): T | null {
  const k = labelKey(text);
  for (const c of choices) {
    if (k === labelKey(c.value) || k === labelKey(c.label.ja) || k === labelKey(c.label.en)) return c.value;
  }
  return null;
}

function boolOf(text: string): boolean | null {
  const k = labelKey(text);
  if (["true", "1", "はい", "yes", "y", "○", "非公開", "confidential"].includes(k)) return true;
  if (["false", "0", "いいえ", "no", "n", "×", "公開", "public"].includes(k)) return false;
  return null;
}

/** The value of one plan cell, or undefined when it is blank or bad (a bad or a blank required
 * cell adds its problem to rowProblems). */
export function readPlanCell(grid: Grid, r: number, c: number, col: ProjectColumn, lookups: PlanCellLookups, rowProblems: RippleError[]): unknown {
  const raw = cellAt(grid, r, c);
  const text = textAt(grid, r, c);
  const head = col.header;
  if (text === null) {
    if (col.required)
      rowProblems.push(problem(grid, r, c, "projects-missing-value", {
        ja: `「${head.ja}」が空欄です。${col.note.ja}`,
        en: `'${head.en}' is empty. ${col.note.en}`,
      }));
    return undefined;
  }
  switch (col.kind) {
    case "text":
      return text;
    case "bool": {
      const b = typeof raw === "boolean" ? raw : boolOf(text);
      if (b !== null) return b;
      rowProblems.push(problem(grid, r, c, "projects-bad-bool", {
        ja: `「${head.ja}」は TRUE か FALSE にしてください（「${text}」）`,
        en: `'${head.en}' must be TRUE or FALSE (found '${text}')`,
      }));
      return undefined;
    }
    case "choice": {
      const v = choiceOf(col.choices ?? [], text);
      if (v !== null) return v;
      rowProblems.push(problem(grid, r, c, "projects-bad-choice", {
        ja: `「${head.ja}」の「${text}」は一覧にありません: ${(col.choices ?? []).map((x) => x.label.ja).join("、")}`,
        en: `'${text}' is not allowed in '${head.en}': ${(col.choices ?? []).map((x) => x.label.en).join(", ")}`,
      }));
      return undefined;
    }
    case "sector": {
      const i = lookups.sectors.find(text) ?? (lookups.pendingSectors?.some((l) => labelKey(l) === labelKey(text)) ? -1 : null);
      if (i !== null) return i;
      rowProblems.push(problem(grid, r, c, "projects-unknown-sector", {
        ja: `部門「${text}」は産業連関表にありません。表の部門コードか名称を入力してください`,
        en: `Sector '${text}' is not in the IO table; enter a sector code or name of the table`,
      }));
      return undefined;
    }
    case "converter": {
      const names = [...lookups.converters.keys()];
      const conv = names.find((k) => labelKey(k) === labelKey(text));
      if (conv !== undefined) return conv;
      rowProblems.push(problem(grid, r, c, "projects-unknown-converter", {
        ja: `投資転換表「${text}」が転換表シートにありません（あるもの: ${names.join("、") || "なし"}）`,
        en: `Capex converter '${text}' is not on the converter sheet (available: ${names.join(", ") || "none"})`,
      }));
      return undefined;
    }
    default:
      return numberOf(grid, r, c, col, text, rowProblems);
  }
}

/** A share (0–1), a fiscal year (1990–2100) or a non-negative amount; capacity and unit value
 * cannot be 0 (a plan without them has no output). */
function numberOf(grid: Grid, r: number, c: number, col: ProjectColumn, text: string, rowProblems: RippleError[]): number | undefined {
  const head = col.header;
  const d = dataAt(grid, r, c);
  if (d.kind !== "number") {
    rowProblems.push(problem(grid, r, c, "projects-not-a-number", {
      ja: `「${head.ja}」は数値にしてください（「${text}」）`,
      en: `'${head.en}' must be a number (found '${text}')`,
    }));
    return undefined;
  }
  const v = d.value;
  const bad = (ja: string, en: string) => {
    rowProblems.push(problem(grid, r, c, "projects-out-of-range", { ja: `「${head.ja}」${ja}`, en: `'${head.en}' ${en}` }));
    return undefined;
  };
  if (col.kind === "share" && (v < 0 || v > 1)) return bad(`は 0〜1 にしてください（${v}）`, `must be between 0 and 1 (found ${v})`);
  if (col.kind === "year" && (!Number.isInteger(v) || v < 1990 || v > 2100))
    return bad(`は 2027 のような年度にしてください（${v}）`, `must be a fiscal year such as 2027 (found ${v})`);
  if (col.kind === "number" && v < 0) return bad(`は負にできません（${v}）`, `cannot be negative (found ${v})`);
  if (col.key === "capacity" && v === 0) return bad("が 0 です。増強する能力を t/年で入力してください", "is 0; enter the capacity added in t/yr");
  if (col.key === "unitValue" && v === 0) return bad("が 0 です。円/kg の単価を入力してください", "is 0; enter the unit value in JPY/kg");
  return v;
}
