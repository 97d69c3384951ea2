// The audit sheet's shared parts (auditSheet.ts): its inputs, limits and tolerance, the formula
// and check cells, number formats, and the writer of sections laid out by other reports.

import type { Impact } from "../../engine/model/result";
import { type BlockSpec, type CellSpec, type FormulaCell } from "../spec";
import { type CellRef, type SheetRange } from "./refs";

/** Above this many sectors the audit is replaced by a note: MMULT over n×n and n formulas per
 * column stay well inside Excel's limits (8,192-character formulas, 16,384 columns), but
 * recalculation time and file size stop being practical for a reviewer's laptop. */
export const AUDIT_MAX_SECTORS = 500;

/** Relative tolerance of the checks. */
export const AUDIT_TOLERANCE = 1e-9;

export type AuditStage = "direct" | "firstIndirect" | "secondIndirect" | "total";
export type AuditMeasure = "output" | "valueAdded" | "compensation";

/** The three-stage ripple effect of one shock (MODELS.md 3), audited from the written L. */
export interface RippleAudit {
  sectors: string[];
  /** Unit of money amounts, e.g. 百万円. */
  unit: string;
  /** The open Leontief inverse the effects used: a range on a results sheet (n×n numbers), or
   * the matrix itself, written on the audit sheet when the results show another inverse. */
  L: SheetRange | number[][];
  /** Δf final-demand change (editable input). */
  shock: number[];
  /** Δe exports, entering 100% domestic (optional input). */
  exports?: number[];
  /** s: self-sufficiency of the direct effect (1 − m_i, or the user's override). */
  selfSufficiency: number[];
  /** 1 − m_i for induced consumption (1 for domestic-use tables). */
  domesticShare: number[];
  /** c 消費転換係数. */
  consumptionRate: number;
  /** h, Σh = 1. */
  household: number[];
  /** Income per unit output that drives consumption (w; compensation by default). */
  income: number[];
  /** v gross value added per unit output. */
  valueAdded: number[];
  /** Compensation of employees per unit output. */
  compensation: number[];
  /** The engine's result for this shock (cached in the formula cells). */
  engine: Impact;
  /** Where the results sheets hold the same numbers. */
  written?: {
    /** Induced output by sector, n×1, per stage. */
    bySector?: Partial<Record<AuditStage, SheetRange>>;
    totals?: Partial<Record<AuditStage, Partial<Record<AuditMeasure, CellRef>>>>;
    multiple?: CellRef;
  };
}

/** Present values and their ratio (induced value added per yen of subsidy) from yearly values written on a results sheet (MODELS.md 6). */
export interface PvAudit {
  title: string;
  /** Induced GVA and subsidy by year: ranges of one shape (a row or a column) on a results
   * sheet; the fiscal years likewise, or given here and written on the audit sheet as inputs. */
  years: SheetRange | number[];
  gva: SheetRange;
  subsidy: SheetRange;
  discountRate: number;
  baseYear: number;
  engine: { pvGva: number; pvSubsidy: number; bc: number | null };
  written?: { pvGva?: CellRef; pvSubsidy?: CellRef; bc?: CellRef };
}

/** A section laid out by its report's own audit (market, disruption): given the first free row
 * of the audit sheet, its blocks (absolute rows), how many rows it takes, and its check cells
 * (A1 on the audit sheet) for the overall check. */
export type AuditSection = (row: number) => { blocks: BlockSpec[]; rows: number; checks: string[]; widths?: Record<number, number> };

/** Lays an audit section out block under block from its first free row, and collects the check
 * cells that feed the sheet's overall check. */
export class SectionWriter {
  readonly blocks: BlockSpec[] = [];
  readonly checks: string[] = [];
  row: number;
  constructor(private readonly start: number) {
    this.row = start;
  }
  /** Writes a block at the current row, moves below it, and returns the row it was written at. */
  put(values: CellSpec[][], style: BlockSpec["style"], numberFormat?: BlockSpec["numberFormat"]): number {
    const at = this.row;
    this.blocks.push({ row: at, col: 0, values, style, ...(numberFormat ? { numberFormat } : {}) });
    this.row += values.length;
    return at;
  }
  done(widths?: Record<number, number>): ReturnType<AuditSection> {
    return { blocks: this.blocks, rows: this.row - this.start, checks: this.checks, widths };
  }
}

export interface AuditInput {
  ripple?: RippleAudit | null;
  pv?: PvAudit[];
  sections?: AuditSection[];
  /** Notes written under the title (e.g. the public version's scope). */
  notes?: string[];
}

export const AUDIT_SHEET_KEY = "audit";

/** Figure columns per block of a wide audit table: with the row labels, 8 columns print one A4
 * landscape page wide at about 9 pt. */
export const AUDIT_BLOCK_COLS = 7;
/** The row labels' column, in characters. */
export const AUDIT_LABEL_WIDTH = 36;

/** Columns split into the inputs (keys in `inputs`) and the rest, each in chunks of at most
 * AUDIT_BLOCK_COLS, the results' checks (keys "chk.…") starting a chunk of their own. */
export function chunkColumns<T extends { key: string }>(cols: T[], inputs: string[]): T[][] {
  const groups = [
    cols.filter((c) => inputs.includes(c.key)),
    cols.filter((c) => !inputs.includes(c.key) && !c.key.startsWith("chk.")),
    cols.filter((c) => c.key.startsWith("chk.")),
  ];
  const out: T[][] = [];
  for (const g of groups) for (let k = 0; k < g.length; k += AUDIT_BLOCK_COLS) out.push(g.slice(k, k + AUDIT_BLOCK_COLS));
  return out;
}

// percent: the discount rate as on every other sheet (4.0%); the cell holds the rate itself.
export const FORMAT = { money: "#,##0.000000", coefficient: "0.000000000", rate: "0.0000", percent: "0.0%", year: "0" } as const;

export interface Out {
  blocks: BlockSpec[];
  row: number;
  checks: string[];
}

export const auditFormula = (formula: string, value: number | string | boolean | null | undefined, array?: { rows: number; cols: number }): FormulaCell => {
  const cell: FormulaCell = { formula };
  if (value !== null && value !== undefined) cell.value = value;
  if (array) cell.array = array;
  return cell;
};

export const sum = (v: number[]) => v.reduce((s, x) => s + x, 0);
export const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);

/** The check formula and its cached result. */
export function auditCheck(formulaCell: string, writtenRef: string, computed: number, written: number | null): FormulaCell {
  const ok = written === null ? undefined : Math.abs(computed - written) / Math.max(1, Math.abs(written)) < AUDIT_TOLERANCE;
  return auditFormula(`ABS(${formulaCell}-${writtenRef})/MAX(1,ABS(${writtenRef}))<1E-9`, ok);
}
