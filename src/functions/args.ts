// Arguments of the RIPPLE.* functions as users type them: the options of IMPACT (a text such as
// "consumption=0.7; measure=valueAdded" or a two-column range), the shock (a column in sector
// order or label/value pairs) and the kind of MULTIPLIER and LINKAGE.

import { type CellValue, type Grid, gridAddress } from "../engine/grid";
import { RippleError, type Where } from "../engine/errors";
import type { ModelOptions } from "../engine/model";
import { parseShockGrid, type ShockPair } from "../engine/table";
import { parseShare as parseShareRule } from "../usecases/options";
import { blankZerosOfForm, NO_SHEET } from "./rangeGrid";

export type Measure = "output" | "valueAdded" | "compensation" | "employment";
export type ImpactModel = "three-stage" | "closed";

export interface ImpactArgs {
  model: ModelOptions;
  measure: Measure;
  method: ImpactModel;
  /** Compute on a table that does not add up (the command line's --allow-imbalance). */
  allowImbalance: boolean;
}

/** Lower case without spaces, "_", "-", ".", ":" or "/": "Type I: value added" -> "typeivalueadded". */
export function squash(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[\s_\-.:/]+/g, "");
}

function cellWhere(grid: Grid | null, r: number, c: number): Where {
  return grid && grid.sheet !== NO_SHEET ? { sheet: grid.sheet, cell: gridAddress(grid, r, c) } : {};
}

/** A share from 0.734, "0.734" or "73.4%": the one rule of every host (usecases/options.ts). */
function parseShare(v: CellValue): number | null {
  return parseShareRule(v);
}

const OPTION_KEYS: Record<string, "consumption" | "income" | "import" | "measure" | "model" | "imbalance"> = {
  allowimbalance: "imbalance",
  imbalance: "imbalance",
  consumption: "consumption",
  consumptionrate: "consumption",
  c: "consumption",
  消費転換係数: "consumption",
  income: "income",
  incomebase: "income",
  import: "import",
  importtype: "import",
  measure: "measure",
  stage: "measure",
  model: "model",
  method: "model",
};

const MEASURES: Record<string, Measure> = {
  output: "output",
  生産: "output",
  生産誘発額: "output",
  valueadded: "valueAdded",
  va: "valueAdded",
  粗付加価値: "valueAdded",
  粗付加価値誘発額: "valueAdded",
  compensation: "compensation",
  雇用者所得: "compensation",
  雇用者所得誘発額: "compensation",
  employment: "employment",
  就業者: "employment",
  誘発就業者数: "employment",
};

const METHODS: Record<string, ImpactModel> = {
  threestage: "three-stage",
  open: "three-stage",
  closed: "closed",
  typeii: "closed",
};

function optionProblem(text: { ja: string; en: string }, where: Where): RippleError {
  return new RippleError("function-option", text, where);
}

/** Key/value pairs of an options argument: one text cell "k=v; k=v" or a range of (key, value)
 * rows. Blank cells and rows are skipped. */
function optionPairs(grid: Grid | null): { key: string; value: CellValue; where: Where }[] {
  if (!grid) return [];
  const out: { key: string; value: CellValue; where: Where }[] = [];
  const rows = grid.values;
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  if (width >= 2) {
    rows.forEach((row, r) => {
      const k = row[0];
      if (k === null || (typeof k === "string" && k.trim() === "")) {
        if (row.slice(1).some((v) => v !== null && v !== ""))
          throw optionProblem(
            { ja: "オプションの名前が空です。1列目に名前、2列目に値を書いてください", en: "an option has no name: put names in the first column and values in the second" },
            cellWhere(grid, r, 0),
          );
        return;
      }
      out.push({ key: String(k), value: row[1] ?? null, where: cellWhere(grid, r, 1) });
    });
    return out;
  }
  rows.forEach((row, r) => {
    const cell = row[0];
    if (cell === null || cell === undefined) return;
    if (typeof cell !== "string")
      throw optionProblem(
        {
          ja: `オプション ${String(cell)} は "名前=値" の形で書いてください（例: consumption=0.7; measure=valueAdded）`,
          en: `option ${String(cell)}: write options as "name=value" (e.g. consumption=0.7; measure=valueAdded)`,
        },
        cellWhere(grid, r, 0),
      );
    for (const part of cell.split(/[;\n]/)) {
      if (part.trim() === "") continue;
      const eq = part.indexOf("=");
      if (eq < 0)
        throw optionProblem(
          {
            ja: `オプション「${part.trim()}」に "=" がありません。"名前=値" の形で書いてください（例: consumption=0.7）`,
            en: `option "${part.trim()}" has no "=": write "name=value" (e.g. consumption=0.7)`,
          },
          cellWhere(grid, r, 0),
        );
      out.push({ key: part.slice(0, eq), value: part.slice(eq + 1).trim(), where: cellWhere(grid, r, 0) });
    }
  });
  return out;
}

/** The options of RIPPLE.IMPACT. */
export function parseImpactOptions(grid: Grid | null): ImpactArgs {
  const args: ImpactArgs = { model: {}, measure: "output", method: "three-stage", allowImbalance: false };
  for (const { key, value, where } of optionPairs(grid)) {
    const k = OPTION_KEYS[squash(key)];
    const text = value === null ? "" : String(value).trim();
    const bad = (ja: string, en: string) => optionProblem({ ja: `オプション ${key.trim()}: ${ja}`, en: `option ${key.trim()}: ${en}` }, where);
    switch (k) {
      case "consumption": {
        const c = parseShare(value);
        if (c === null || c < 0 || c > 1)
          throw bad(`消費転換係数「${text}」は 0〜1 の数か % にしてください（例: 0.734 または 73.4%）`, `consumption rate "${text}" must be a number from 0 to 1 or a percentage (e.g. 0.734 or 73.4%)`);
        args.model.consumptionRate = c;
        break;
      }
      case "income": {
        const s = squash(text);
        if (s === "compensation" || s === "雇用者所得") args.model.incomeBase = "compensation";
        else if (s === "compensation+surplus" || s === "雇用者所得+営業余剰") args.model.incomeBase = "compensation+surplus";
        else throw bad(`「${text}」は使えません。compensation か compensation+surplus を指定してください`, `"${text}" is not allowed; use compensation or compensation+surplus`);
        break;
      }
      case "import": {
        const s = squash(text);
        if (s === "competitive" || s === "競争輸入型") args.model.importType = "competitive";
        else if (s === "domestic" || s === "非競争輸入型") args.model.importType = "domestic";
        else throw bad(`「${text}」は使えません。competitive（競争輸入型）か domestic（非競争輸入型）を指定してください`, `"${text}" is not allowed; use competitive or domestic`);
        break;
      }
      case "measure": {
        const m = MEASURES[squash(text)];
        if (!m) throw bad(`「${text}」は使えません。output, valueAdded, compensation, employment のいずれかにしてください`, `"${text}" is not allowed; use output, valueAdded, compensation or employment`);
        args.measure = m;
        break;
      }
      case "imbalance": {
        const s = squash(text);
        if (value === true || ["true", "1", "yes", "allow", "はい"].includes(s)) args.allowImbalance = true;
        else if (value === false || ["false", "0", "no", "refuse", "いいえ"].includes(s)) args.allowImbalance = false;
        else throw bad(`「${text}」は使えません。TRUE（合計が合わない表でも計算）か FALSE を指定してください`, `"${text}" is not allowed; use TRUE (compute even if the table does not add up) or FALSE`);
        break;
      }
      case "model": {
        const m = METHODS[squash(text)];
        if (!m) throw bad(`「${text}」は使えません。three-stage（3段階法）か closed（閉鎖型 Type II）を指定してください`, `"${text}" is not allowed; use three-stage or closed (Type II)`);
        args.method = m;
        break;
      }
      default:
        throw optionProblem(
          {
            ja: `オプション「${key.trim()}」はありません。使えるのは consumption, income, import, measure, model です`,
            en: `there is no option "${key.trim()}"; use consumption, income, import, measure or model`,
          },
          where,
        );
    }
  }
  return args;
}

export type ShockInput = { kind: "vector"; values: number[] } | { kind: "pairs"; pairs: ShockPair[] };

function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

/** A shock range: one column (or one row) of numbers in sector order, blanks meaning 0; or two
 * columns of sector label and value. */
export function parseShock(grid: Grid): ShockInput {
  const rows = grid.values;
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  const number = (v: CellValue, r: number, c: number): number => {
    if (isBlank(v)) return 0;
    if (typeof v === "number" && Number.isFinite(v)) return v;
    throw new RippleError(
      "shock-not-number",
      {
        ja: `ショック（最終需要の変化）の値「${String(v)}」が数値ではありません。数値を入れるか空欄にしてください`,
        en: `the shock (final-demand change) value "${String(v)}" is not a number; enter a number or leave the cell blank`,
      },
      cellWhere(grid, r, c),
    );
  };
  // Labels in the first of two columns: the same reading as the CLI's --shock file.
  const labelled = width === 2 && rows.some((r) => typeof r[0] === "string" && r[0].trim() !== "");
  // Blank rows of the pairs arrive as [0, 0] from Excel on Windows and Mac (see blankZerosOfForm).
  if (labelled) return { kind: "pairs", pairs: parseShockGrid(blankZerosOfForm(grid)) };
  if (width === 1) return { kind: "vector", values: rows.map((row, r) => number(row[0] ?? null, r, 0)) };
  if (rows.length === 1) return { kind: "vector", values: rows[0].map((v, c) => number(v, 0, c)) };
  throw new RippleError(
    "shock-shape",
    {
      ja: `ショックの範囲が ${rows.length} 行 × ${width} 列です。部門順の1列（または1行）か、部門名と値の2列にしてください`,
      en: `the shock range is ${rows.length} rows × ${width} columns; give one column (or row) in sector order, or two columns of sector label and value`,
    },
    cellWhere(grid, 0, 0),
  );
}
