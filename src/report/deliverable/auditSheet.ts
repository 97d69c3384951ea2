// The audit sheet: native Excel formulas that recompute the headline numbers of a results
// workbook from the coefficient tables written in the same workbook (MODELS.md 3 and 6), so a
// reviewer without the add-in can change an input cell and watch the results follow. Every
// formula caches the engine's value, and beside it a check compares it with the value written
// on the results sheets: ABS(formula − written) / MAX(1, ABS(written)) < 1E-9.

import type { Bilingual, Lang } from "../../engine/errors";
import { isFormulaCell, type BlockSpec, type CellSpec, type SheetSpec, type WorkbookSpec } from "../spec";
import { AUDIT } from "./labels";
import {
  AUDIT_LABEL_WIDTH,
  AUDIT_MAX_SECTORS,
  AUDIT_SHEET_KEY,
  auditFormula,
  type AuditInput,
  type Out,
} from "./auditCells";
import { rippleSection } from "./rippleAudit";
import { pvSection } from "./pvAudit";

export * from "./auditCells";

const f = auditFormula;

export function buildAuditSheet(spec: WorkbookSpec, audit: AuditInput, lang: Lang): SheetSpec {
  const tr = (b: Bilingual) => b[lang];
  const out: Out = { blocks: [], row: 0, checks: [] };
  const put = (values: CellSpec[][], style?: BlockSpec["style"], numberFormat?: BlockSpec["numberFormat"], col = 0): number => {
    const row = out.row;
    if (values.length) {
      const b: BlockSpec = { row, col, values };
      if (style) b.style = style;
      if (numberFormat !== undefined) b.numberFormat = numberFormat;
      out.blocks.push(b);
    }
    out.row += values.length;
    return row;
  };
  put([[tr(AUDIT.title)]], "title");
  put([[tr(AUDIT.howTo)], [tr(AUDIT.checkNote)], ...(audit.notes ?? []).map((n) => [n])], "note");
  const allRow = put([[tr(AUDIT.allMatch), null]], "total");
  out.row++;

  const widths: Record<number, number> = { 0: 34, 1: 18 };
  if (audit.ripple) {
    const n = audit.ripple.sectors.length;
    if (n > AUDIT_MAX_SECTORS) {
      put([[tr(AUDIT.omitted(n, AUDIT_MAX_SECTORS))]], "note");
      out.row++;
    } else {
      rippleSection(spec, audit.ripple, lang, out, put, widths);
    }
  }
  for (const pv of audit.pv ?? []) pvSection(spec, pv, lang, out, put);
  for (const section of audit.sections ?? []) {
    const part = section(out.row);
    out.blocks.push(...part.blocks);
    out.checks.push(...part.checks);
    out.row += part.rows + 1;
    for (const [c, w] of Object.entries(part.widths ?? {})) widths[Number(c)] = Math.max(widths[Number(c)] ?? 0, w);
  }

  // Row labels wrap rather than widen the page (one A4 page wide at about 8 pt or more).
  widths[0] = Math.min(widths[0], AUDIT_LABEL_WIDTH);
  // The overall check: AND over every check cell (TRUE when there is nothing to check).
  const all = out.checks.length ? `AND(${out.checks.join(",")})` : "TRUE";
  const allCell = out.blocks.find((b) => b.row === allRow)!;
  const failing = out.blocks.some((b) => b.values.some((row) => row.some((v) => isFormulaCell(v) && v.formula.endsWith("<1E-9") && v.value === false)));
  allCell.values[0][1] = f(all, !failing);
  return { key: AUDIT_SHEET_KEY, name: tr(AUDIT.sheet), blocks: out.blocks, columnWidths: widths, freeze: { rows: 0, cols: 1 } };
}
