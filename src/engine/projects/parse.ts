// The project sheet -> typed plans. Every problem of the sheet is collected with its cell and
// reported together (RippleErrorList); nothing is computed from a half-valid sheet. Each cell is
// read by its column's kind in planCells.ts; the converter sheet is read in converters.ts.

import { type Grid, gridAddress } from "../grid";
import { RippleError, RippleErrorList } from "../errors";
import { dataAt, textAt } from "../table/cells";
import { labelKey } from "../table/normalize";
import { SectorIndex } from "../table/sectorMatch";
import type { IOTable } from "../table/types";
import type { Converter } from "./converters";
import { readPlanCell } from "./planCells";
import { capexYear, type MagnetType, PROJECT_COLUMNS, type PlanStatus, type Treatment } from "./schema";
import { headerRowOf, matchesHeader, problem, rowIsEmpty } from "./sheetRows";

// The converter sheet's reader lives in converters.ts; re-exported so parse.ts stays the one
// entry point for reading the project workbook.
export { type Converter, CONVERTER_HEADERS, looksLikeConverterSheet, parseConverters, readConverters } from "./converters";

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

/** Index of a sector by code, name or "code name", whatever the width or case; null if none. */
export function findSector(table: IOTable, label: string): number | null {
  return new SectorIndex(table).find(label);
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
  const lookups = { sectors: new SectorIndex(ctx.table), converters: ctx.converters, pendingSectors: ctx.pendingSectors };
  for (let r = headerRow + 1; r < grid.values.length; r++) {
    if (rowIsEmpty(grid, r)) continue;
    const rowProblems: RippleError[] = [];
    const values: Record<string, unknown> = {};
    for (const col of PROJECT_COLUMNS) {
      const c = colOf.get(col.key);
      if (c === undefined) continue;
      const v = readPlanCell(grid, r, c, col, lookups, rowProblems);
      if (v !== undefined) values[col.key] = v;
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
