// The typed input-output table every model reads, and the layout it was recognised from.
// Conventions: ../shared/spec/TABLES.md (roles) and MODELS.md (notation).

import type { Bilingual, RippleWarning } from "../errors";
import type { GridPiece } from "../grid";

export type ImportType = "competitive" | "domestic";

export const FINAL_DEMAND_ROLES = [
  "fd:household",
  "fd:household-outside",
  "fd:government",
  "fd:investment",
  "fd:inventory",
  "fd:other",
  "export",
  "import",
] as const;

export const PRIMARY_INPUT_ROLES = [
  "va:compensation",
  "va:surplus",
  "va:depreciation",
  "va:tax-production",
  "va:subsidy",
  "va:household-outside",
  "va:other",
  "tax-products",
  "import",
] as const;

/** The mapping vocabulary of TABLES.md. */
export type Role =
  | "sector"
  | "subtotal"
  | "ignore"
  | "output"
  | (typeof FINAL_DEMAND_ROLES)[number]
  | (typeof PRIMARY_INPUT_ROLES)[number]
  | "employment";

export const ALL_ROLES: readonly Role[] = [
  "sector",
  "subtotal",
  "ignore",
  "output",
  ...FINAL_DEMAND_ROLES,
  ...PRIMARY_INPUT_ROLES.filter((r) => r !== "import"),
  "employment",
];

/** Value-added roles: they make up gross value added (taxes on products and imports do not). */
export function isValueAdded(role: Role): boolean {
  return role.startsWith("va:");
}

/** How a role was decided, so the UI can say why. */
export type RoleSource = "label" | "sum" | "position" | "mapping";

/** One row or column of the table body, with its role and the cell that holds its label. */
export interface Line {
  /** Zero-based index in the grid (row index for rows, column index for columns). */
  index: number;
  /** A1 address on the sheet of the cell holding the label (name cell if there is one). */
  address: string;
  code: string | null;
  name: string;
  role: Role;
  source: RoleSource;
  /** Sector lines: index of the sector (0..n-1, row order); the matching column has the same. */
  sector?: number;
  /** Every label cell of the line (code, name, other label columns), as written. */
  labels?: string[];
  /** Subtotals: what they add up when the label says so (輸出計 -> "export", 粗付加価値部門計 ->
   * "value-added"). */
  totalOf?: Role | "value-added";
  /** Computed from other lines of the table (an absolute value, a ratio, a share, a running
   * total), recognised by its numbers: why, for the role map and `ripple inspect`. Never used. */
  derived?: Bilingual;
}

export interface TableLayout {
  sheet: string;
  title: string | null;
  /** e.g. "百万円", "million EUR", when the title or a unit cell says so. */
  unit: string | null;
  rows: Line[];
  cols: Line[];
  /** A1 range of the intermediate block Z on the sheet, e.g. "C4:O16". */
  sectorBlock: string;
  importType: ImportType;
  importTypeSource: "detected" | "user";
  /** Why this convention was chosen, shown to the user. */
  importTypeReason: Bilingual;
  /** What recognition was unsure about (unknown lines, duplicate columns); carried into the table. */
  warnings?: RippleWarning[];
  /** The user chose to drop sectors whose output is zero or negative (from the mapping). */
  dropZeroOutput?: boolean;
  /** The table is printed in blocks (engine/table/blocks.ts): line indexes are those of the joined
   * grid, which buildTable rebuilds from the sheet's grid with this. */
  joined?: TableJoin;
  /** Blocks printed beside the table that were not read because their numbers are computed from
   * the table (engine/table/besideCheck.ts): where, and why. */
  ignoredBlocks?: { range: string; reason: Bilingual }[];
}

/** How a table printed in blocks was joined into one grid. */
export interface TableJoin {
  /** Per part of the joined grid: where its cells are in the sheet's grid, whose first cell is
   * `origin` on the sheet. */
  pieces: GridPiece[];
  origin: { row: number; col: number };
  /** The blocks as printed (A1 ranges from the label column), the first holding the sectors. */
  blocks: string[];
}

export interface Sector {
  code: string | null;
  name: string;
  /** How the sector is shown (CLI `sectors`): the name as in the table (農林水産業,
   * agriculture_group), or the code when the table has codes only. Matching accepts the code,
   * the name and "code name" alike (src/engine/table/sectorMatch.ts). */
  label: string;
}

/** A final-demand column or a primary-input row, length n, in table units. */
export interface RoleVector {
  role: Role;
  label: string;
  /** Label cell of the column/row, when read from a sheet. */
  address: string | null;
  values: number[];
}

export interface IOTable {
  sectors: Sector[];
  /** n×n intermediate flows, row = seller, column = buyer. */
  Z: number[][];
  /** Output used to divide columns (x_j): the output row, else the output column. */
  x: number[];
  /** Output by row (the output column), used by row-based (Ghosh) coefficients; equals x when
   * the table has only one of them. */
  xRow: number[];
  /** Final-demand columns (fd:*, export, import). Competitive tables hold imports as the
   * negative (控除) columns here. */
  finalDemand: RoleVector[];
  /** Rows below the intermediate block (va:*, tax-products, and the import row of a
   * domestic-use table). */
  primaryInputs: RoleVector[];
  /** Persons employed per sector (employment row or sheet), or null. */
  employment: number[] | null;
  importType: ImportType;
  unit: string | null;
  /** Where each part came from; null for tables built in code. */
  layout: TableLayout | null;
  warnings: RippleWarning[];
}

/** Build a table from arrays (tests, synthetic benchmarks, split/aggregated tables). */
export function makeTable(parts: {
  sectors: (string | Sector)[];
  Z: number[][];
  x: number[];
  xRow?: number[];
  finalDemand?: { role: Role; label?: string; values: number[] }[];
  primaryInputs?: { role: Role; label?: string; values: number[] }[];
  employment?: number[] | null;
  importType?: ImportType;
  unit?: string | null;
}): IOTable {
  const sectors = parts.sectors.map((s) =>
    typeof s === "string" ? { code: null, name: s, label: s } : s,
  );
  return {
    sectors,
    Z: parts.Z.map((r) => [...r]),
    x: [...parts.x],
    xRow: [...(parts.xRow ?? parts.x)],
    finalDemand: (parts.finalDemand ?? []).map((v) => ({
      role: v.role,
      label: v.label ?? v.role,
      address: null,
      values: [...v.values],
    })),
    primaryInputs: (parts.primaryInputs ?? []).map((v) => ({
      role: v.role,
      label: v.label ?? v.role,
      address: null,
      values: [...v.values],
    })),
    employment: parts.employment ? [...parts.employment] : null,
    importType: parts.importType ?? "domestic",
    unit: parts.unit ?? null,
    layout: null,
    warnings: [],
  };
}

/** Sum of the vectors with the given roles (zeros when none). */
export function sumRoles(vectors: RoleVector[], n: number, pred: (r: Role) => boolean): number[] {
  const out = new Array<number>(n).fill(0);
  for (const v of vectors) if (pred(v.role)) for (let i = 0; i < n; i++) out[i] += v.values[i];
  return out;
}

/** A mapping file / saved mapping: label -> role, for rows and columns (TABLES.md). */
export interface TableMapping {
  rows?: Record<string, Role>;
  cols?: Record<string, Role>;
  importType?: ImportType;
  /** Drop sectors whose output is zero or negative (MODELS.md 1: the user's choice, never silent:
   * each dropped sector is named in a warning). */
  dropZeroOutput?: boolean;
}
