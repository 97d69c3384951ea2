// Project sheet and converter sheet -> typed plans and converters. Every problem of the sheet is
// collected with its cell and reported together (RippleErrorList); nothing is computed from a
// half-valid sheet.

import { type Grid, gridAddress } from "../grid";
import { type Bilingual, RippleError, RippleErrorList } from "../errors";
import { cellAt, dataAt, textAt } from "../table/cells";
import { labelKey } from "../table/normalize";
import { SectorIndex } from "../table/sectorMatch";
import { findHeaderRow, hasAtLeast, headerWords } from "../sheetHeader";
import type { IOTable } from "../table/types";
import {
  capexYear,
  type Choice,
  type MagnetType,
  PROJECT_COLUMNS,
  type PlanStatus,
  type ProjectColumn,
  type Treatment,
} from "./schema";

export interface Project {
  /** Grid row of the plan (for messages). */
  row: number;
  /** A1 address of the plan's ID cell. */
  address: string;
  id: string;
  company: string;
  confidential: boolean;
  magnetType: MagnetType;
  /** Capex by fiscal year, 百万円. */
  capex: Map<number, number>;
  subsidyRate: number | null;
  /** Total subsidy, 百万円 (given, or rate × total capex). */
  subsidy: number;
  /** t/yr of finished magnet. */
  capacity: number;
  startYear: number;
  rampYears: number;
  utilization: number;
  /** 円/kg. */
  unitValue: number;
  treatment: Treatment;
  displacement: number;
  /** Index of the output's sector in the table. */
  sector: number;
  converter: string;
  status: PlanStatus | null;
  /** Free text: the basis of the plan's numbers. */
  notes?: string | null;
}

export interface Converter {
  name: string;
  /** Share of capex by sector index; sums to 1. */
  shares: Map<number, number>;
  source: string;
  /** The source written on each sector's row (when the sheet gives one per row). */
  rowSources?: Map<number, string>;
  /** Self-sufficiency override per sector for the investment phase (e.g. construction 1.0). */
  selfSufficiency: Map<number, number>;
}

/** Index of a sector by code, name or "code name", whatever the width or case; null if none. */
export function findSector(table: IOTable, label: string): number | null {
  return new SectorIndex(table).find(label);
}

function matchesHeader(text: string, h: Bilingual): boolean {
  const k = labelKey(text);
  return k === labelKey(h.ja) || k === labelKey(h.en);
}

/** Row of the header naming at least `need` of these columns, or -1. */
function headerRowOf(grid: Grid, headers: Record<string, Bilingual>, need: number): number {
  return findHeaderRow(grid, headerWords(headers), hasAtLeast(need))?.row ?? -1;
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

function problem(grid: Grid, r: number, c: number, code: string, text: Bilingual): RippleError {
  return new RippleError(code, text, { sheet: grid.sheet, cell: gridAddress(grid, r, c) });
}

function rowIsEmpty(grid: Grid, r: number): boolean {
  return (grid.values[r] ?? []).every((v) => v === null || (typeof v === "string" && v.trim() === ""));
}

export interface ParseContext {
  table: IOTable;
  converters: Map<string, Converter>;
  /** Sector names a split sheet defines but could not apply (its problems are reported
   * separately): accepted here so that one fault is not reported twice. */
  pendingSectors?: string[];
}

/** Read every plan of a project sheet; throws a RippleErrorList naming every bad cell. */
export function parseProjects(grid: Grid, ctx: ParseContext): Project[] {
  const headerRow = headerRowOf(grid, Object.fromEntries(PROJECT_COLUMNS.map((c) => [c.key, c.header])), 4);
  if (headerRow < 0)
    throw new RippleError(
      "projects-no-header",
      {
        ja: "計画シートの見出し行（計画ID・事業者名・能力増強 など）が見つかりません。テンプレートを挿入して記入してください",
        en: "No header row of a project sheet (Plan ID, Company, Capacity added …) was found. Insert the template and fill it in",
      },
      { sheet: grid.sheet },
    );

  const problems: RippleError[] = [];
  const colOf = new Map<string, number>();
  const capexCols: { col: number; year: number }[] = [];
  const width = grid.values[headerRow]?.length ?? 0;
  for (let c = 0; c < width; c++) {
    const t = textAt(grid, headerRow, c);
    if (!t) continue;
    const col = PROJECT_COLUMNS.find((p) => matchesHeader(t, p.header));
    if (col) {
      if (colOf.has(col.key))
        problems.push(problem(grid, headerRow, c, "projects-duplicate-column", {
          ja: `見出し「${t}」が2回あります。どちらかを削除してください`,
          en: `The header '${t}' appears twice; delete one of them`,
        }));
      else colOf.set(col.key, c);
      continue;
    }
    const year = capexYear(t);
    if (year !== null) capexCols.push({ col: c, year });
  }
  for (const col of PROJECT_COLUMNS) {
    if (col.required && !colOf.has(col.key))
      problems.push(new RippleError("projects-missing-column", {
        ja: `見出し「${col.header.ja}」の列がありません。テンプレートの列を残してください`,
        en: `The column '${col.header.en}' is missing; keep the template's columns`,
      }, { sheet: grid.sheet, cell: gridAddress(grid, headerRow, 0) }));
  }
  if (capexCols.length === 0)
    problems.push(new RippleError("projects-no-capex", {
      ja: "年度別の設備投資の列（例: 設備投資 FY2025（百万円））がありません",
      en: "There is no capex column by fiscal year (e.g. 'Capex FY2025 (million yen)')",
    }, { sheet: grid.sheet, cell: gridAddress(grid, headerRow, 0) }));
  if (problems.length) throw new RippleErrorList("projects-invalid", problems);

  const projects: Project[] = [];
  const ids = new Map<string, string>();
  const sectors = new SectorIndex(ctx.table);
  for (let r = headerRow + 1; r < grid.values.length; r++) {
    if (rowIsEmpty(grid, r)) continue;
    const rowProblems: RippleError[] = [];
    const get = (key: string) => colOf.get(key);
    const need = (col: ProjectColumn): number | null => {
      const c = get(col.key);
      if (c === undefined) return null;
      return c;
    };
    const values: Record<string, unknown> = {};
    for (const col of PROJECT_COLUMNS) {
      const c = need(col);
      if (c === null) continue;
      const raw = cellAt(grid, r, c);
      const text = textAt(grid, r, c);
      const head = col.header;
      if (text === null) {
        if (col.required)
          rowProblems.push(problem(grid, r, c, "projects-missing-value", {
            ja: `「${head.ja}」が空欄です。${col.note.ja}`,
            en: `'${head.en}' is empty. ${col.note.en}`,
          }));
        continue;
      }
      switch (col.kind) {
        case "text":
          values[col.key] = text;
          break;
        case "bool": {
          const b = typeof raw === "boolean" ? raw : boolOf(text);
          if (b === null)
            rowProblems.push(problem(grid, r, c, "projects-bad-bool", {
              ja: `「${head.ja}」は TRUE か FALSE にしてください（「${text}」）`,
              en: `'${head.en}' must be TRUE or FALSE (found '${text}')`,
            }));
          else values[col.key] = b;
          break;
        }
        case "choice": {
          const v = choiceOf(col.choices ?? [], text);
          if (v === null)
            rowProblems.push(problem(grid, r, c, "projects-bad-choice", {
              ja: `「${head.ja}」の「${text}」は一覧にありません: ${(col.choices ?? []).map((x) => x.label.ja).join("、")}`,
              en: `'${text}' is not allowed in '${head.en}': ${(col.choices ?? []).map((x) => x.label.en).join(", ")}`,
            }));
          else values[col.key] = v;
          break;
        }
        case "sector": {
          const i = sectors.find(text) ?? (ctx.pendingSectors?.some((l) => labelKey(l) === labelKey(text)) ? -1 : null);
          if (i === null)
            rowProblems.push(problem(grid, r, c, "projects-unknown-sector", {
              ja: `部門「${text}」は産業連関表にありません。表の部門コードか名称を入力してください`,
              en: `Sector '${text}' is not in the IO table; enter a sector code or name of the table`,
            }));
          else values[col.key] = i;
          break;
        }
        case "converter": {
          const conv = [...ctx.converters.keys()].find((k) => labelKey(k) === labelKey(text));
          if (conv === undefined)
            rowProblems.push(problem(grid, r, c, "projects-unknown-converter", {
              ja: `投資転換表「${text}」が転換表シートにありません（あるもの: ${[...ctx.converters.keys()].join("、") || "なし"}）`,
              en: `Capex converter '${text}' is not on the converter sheet (available: ${[...ctx.converters.keys()].join(", ") || "none"})`,
            }));
          else values[col.key] = conv;
          break;
        }
        default: {
          const d = dataAt(grid, r, c);
          if (d.kind !== "number") {
            rowProblems.push(problem(grid, r, c, "projects-not-a-number", {
              ja: `「${head.ja}」は数値にしてください（「${text}」）`,
              en: `'${head.en}' must be a number (found '${text}')`,
            }));
            break;
          }
          const v = d.value;
          const bad = (ja: string, en: string) =>
            rowProblems.push(problem(grid, r, c, "projects-out-of-range", { ja: `「${head.ja}」${ja}`, en: `'${head.en}' ${en}` }));
          if (col.kind === "share" && (v < 0 || v > 1)) bad(`は 0〜1 にしてください（${v}）`, `must be between 0 and 1 (found ${v})`);
          else if (col.kind === "year" && (!Number.isInteger(v) || v < 1990 || v > 2100))
            bad(`は 2027 のような年度にしてください（${v}）`, `must be a fiscal year such as 2027 (found ${v})`);
          else if (col.kind === "number" && v < 0) bad(`は負にできません（${v}）`, `cannot be negative (found ${v})`);
          else if (col.key === "capacity" && v === 0) bad("が 0 です。増強する能力を t/年で入力してください", "is 0; enter the capacity added in t/yr");
          else if (col.key === "unitValue" && v === 0) bad("が 0 です。円/kg の単価を入力してください", "is 0; enter the unit value in JPY/kg");
          else values[col.key] = v;
        }
      }
    }
    const capex = new Map<number, number>();
    for (const { col, year } of capexCols) {
      const d = dataAt(grid, r, col);
      if (d.kind === "empty") continue;
      if (d.kind === "text" || d.value < 0) {
        rowProblems.push(problem(grid, r, col, "projects-bad-capex", {
          ja: `FY${year} の設備投資は 0 以上の数値（百万円）にしてください`,
          en: `Capex for FY${year} must be a number ≥ 0 (million yen)`,
        }));
        continue;
      }
      capex.set(year, (capex.get(year) ?? 0) + d.value);
    }
    const idCell = colOf.get("id")!;
    if (typeof values.id === "string") {
      const prev = ids.get(labelKey(values.id));
      if (prev)
        rowProblems.push(problem(grid, r, idCell, "projects-duplicate-id", {
          ja: `計画ID「${values.id}」は ${prev} と重複しています`,
          en: `Plan ID '${values.id}' duplicates ${prev}`,
        }));
      else ids.set(labelKey(values.id), gridAddress(grid, r, idCell));
    }
    const capexTotal = [...capex.values()].reduce((s, v) => s + v, 0);
    if (values.subsidyAmount === undefined && values.subsidyRate === undefined)
      rowProblems.push(problem(grid, r, colOf.get("subsidyAmount") ?? colOf.get("subsidyRate") ?? idCell, "projects-no-subsidy", {
        ja: "補助金額か補助率のどちらかを入力してください",
        en: "Enter either the subsidy amount or the subsidy rate",
      }));
    if (rowProblems.length) {
      problems.push(...rowProblems);
      continue;
    }
    const rate = (values.subsidyRate as number | undefined) ?? null;
    projects.push({
      row: r,
      address: gridAddress(grid, r, idCell),
      id: values.id as string,
      company: values.company as string,
      confidential: values.confidential as boolean,
      magnetType: values.magnetType as MagnetType,
      capex,
      subsidyRate: rate,
      subsidy: (values.subsidyAmount as number | undefined) ?? (rate ?? 0) * capexTotal,
      capacity: values.capacity as number,
      startYear: values.startYear as number,
      rampYears: values.rampYears as number,
      utilization: values.utilization as number,
      unitValue: values.unitValue as number,
      treatment: values.treatment as Treatment,
      displacement: values.displacement as number,
      sector: values.sector as number,
      converter: values.converter as string,
      status: (values.status as PlanStatus | undefined) ?? null,
      notes: (values.notes as string | undefined) ?? null,
    });
  }
  if (problems.length) throw new RippleErrorList("projects-invalid", problems);
  if (projects.length === 0)
    throw new RippleError("projects-empty", {
      ja: "計画シートに計画の行がありません。見出しの下に1行1計画で入力してください",
      en: "The project sheet has no plans; enter one plan per row below the headers",
    }, { sheet: grid.sheet, cell: gridAddress(grid, headerRow + 1, 0) });
  return projects;
}

export const CONVERTER_HEADERS = {
  name: { ja: "転換表", en: "Converter" },
  sector: { ja: "部門", en: "Sector" },
  share: { ja: "比率", en: "Share" },
  selfSufficiency: { ja: "自給率（上書き）", en: "Self-sufficiency (override)" },
  source: { ja: "出典", en: "Source" },
} satisfies Record<string, Bilingual>;

/** Whether a sheet is laid out as a converter sheet (its header row names at least three of the
 * converter columns), so a workbook's converter sheet can be found whatever its name. */
export function looksLikeConverterSheet(grid: Grid): boolean {
  return headerRowOf(grid, CONVERTER_HEADERS, 3) >= 0;
}

/** Read the converter sheet: rows of (converter name, sector, share, [self-sufficiency], source).
 * Shares of each converter must sum to 1. */
export function parseConverters(grid: Grid, table: IOTable): Map<string, Converter> {
  const { converters, problems } = readConverters(grid, table);
  if (problems.length) throw new RippleErrorList("converters-invalid", problems);
  return converters;
}

/** The converters of a sheet and every problem found (a converter with a problem is still
 * listed by name, so that project rows naming it are not reported as well). */
export function readConverters(grid: Grid, table: IOTable): { converters: Map<string, Converter>; problems: RippleError[] } {
  const headerRow = headerRowOf(grid, CONVERTER_HEADERS, 3);
  if (headerRow < 0)
    return {
      converters: new Map(),
      problems: [
        new RippleError("converters-no-header", {
          ja: "転換表シートの見出し（転換表・部門・比率・出典）が見つかりません",
          en: "The converter sheet has no header row (Converter, Sector, Share, Source)",
        }, { sheet: grid.sheet }),
      ],
    };
  const col: Partial<Record<keyof typeof CONVERTER_HEADERS, number>> = {};
  for (let c = 0; c < (grid.values[headerRow]?.length ?? 0); c++) {
    const t = textAt(grid, headerRow, c);
    if (!t) continue;
    for (const [k, h] of Object.entries(CONVERTER_HEADERS)) if (matchesHeader(t, h)) col[k as keyof typeof CONVERTER_HEADERS] = c;
  }
  const problems: RippleError[] = [];
  for (const k of ["name", "sector", "share"] as const)
    if (col[k] === undefined)
      problems.push(new RippleError("converters-missing-column", {
        ja: `転換表シートに「${CONVERTER_HEADERS[k].ja}」の列がありません`,
        en: `The converter sheet has no '${CONVERTER_HEADERS[k].en}' column`,
      }, { sheet: grid.sheet, cell: gridAddress(grid, headerRow, 0) }));
  if (problems.length) return { converters: new Map(), problems };

  const out = new Map<string, Converter>();
  const sectors = new SectorIndex(table);
  const firstRow = new Map<string, number>();
  for (let r = headerRow + 1; r < grid.values.length; r++) {
    if (rowIsEmpty(grid, r)) continue;
    const name = textAt(grid, r, col.name!);
    const sectorText = textAt(grid, r, col.sector!);
    const share = dataAt(grid, r, col.share!);
    if (!name) {
      problems.push(problem(grid, r, col.name!, "converters-missing-name", { ja: "転換表の名前が空欄です", en: "The converter name is empty" }));
      continue;
    }
    if (!out.has(name)) {
      out.set(name, { name, shares: new Map(), source: "", selfSufficiency: new Map() });
      firstRow.set(name, r);
    }
    const sector = sectorText === null ? null : sectors.find(sectorText);
    if (sector === null) {
      problems.push(problem(grid, r, col.sector!, "converters-unknown-sector", {
        ja: `部門「${sectorText ?? ""}」は産業連関表にありません`,
        en: `Sector '${sectorText ?? ""}' is not in the IO table`,
      }));
      continue;
    }
    if (share.kind !== "number" || share.value < 0 || share.value > 1) {
      problems.push(problem(grid, r, col.share!, "converters-bad-share", {
        ja: "比率は 0〜1 の数値にしてください",
        en: "The share must be a number between 0 and 1",
      }));
      continue;
    }
    const conv = out.get(name)!;
    conv.shares.set(sector, (conv.shares.get(sector) ?? 0) + share.value);
    const src = col.source !== undefined ? textAt(grid, r, col.source) : null;
    if (src && !conv.source.includes(src)) conv.source = conv.source ? `${conv.source}; ${src}` : src;
    if (src) (conv.rowSources ??= new Map()).set(sector, src);
    if (col.selfSufficiency !== undefined) {
      const ss = dataAt(grid, r, col.selfSufficiency);
      if (ss.kind === "number") {
        if (ss.value < 0 || ss.value > 1)
          problems.push(problem(grid, r, col.selfSufficiency, "converters-bad-self-sufficiency", {
            ja: "自給率は 0〜1 の数値にしてください",
            en: "Self-sufficiency must be a number between 0 and 1",
          }));
        else conv.selfSufficiency.set(sector, ss.value);
      } else if (ss.kind === "text")
        problems.push(problem(grid, r, col.selfSufficiency, "converters-bad-self-sufficiency", {
          ja: "自給率は 0〜1 の数値にしてください",
          en: "Self-sufficiency must be a number between 0 and 1",
        }));
    }
  }
  for (const conv of out.values()) {
    const total = [...conv.shares.values()].reduce((s, v) => s + v, 0);
    if (Math.abs(total - 1) > 1e-6)
      problems.push(problem(grid, firstRow.get(conv.name)!, col.share!, "converters-shares-sum", {
        ja: `転換表「${conv.name}」の比率の合計が ${total} です。合計を 1 にしてください`,
        en: `The shares of converter '${conv.name}' add up to ${total}; make them add up to 1`,
      }));
  }
  return { converters: out, problems };
}
