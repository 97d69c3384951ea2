// The audit input of the basic analysis report (src/report/analysisReport.ts): where that report
// wrote L, the effects by sector and the totals by stage, found by its labels, and the model's
// coefficient vectors as the audit's editable inputs.

import type { IOModel } from "../../engine/model/iomodel";
import type { Impact } from "../../engine/model/result";
import type { Lang } from "../../engine/errors";
import { MEASURES, STAGES, TEXT, unitLabel } from "../labels";
import type { WorkbookSpec } from "../spec";
import type { AuditMeasure, AuditStage, RippleAudit } from "./auditSheet";
import type { CellRef, SheetRange } from "./refs";

const STAGE_KEYS: AuditStage[] = ["direct", "firstIndirect", "secondIndirect", "total"];

/** The analysis report's L body: the block on the L sheet whose rows start with the sectors. */
export function findMatrixBlock(spec: WorkbookSpec, sheetKey: string, sectors: string[]): SheetRange | null {
  const sheet = spec.sheets.find((s) => s.key === sheetKey);
  if (!sheet) return null;
  const n = sectors.length;
  for (const b of sheet.blocks) {
    if (b.values.length !== n) continue;
    if (!b.values.every((row, i) => row[0] === sectors[i] && row.length === n + 1 && row.slice(1).every((x) => typeof x === "number"))) continue;
    return { sheet: sheet.name, row: b.row, col: b.col + 1, rows: n, cols: n };
  }
  return null;
}

/** Where the summary sheet holds stage totals, the multiple and induced output by sector. */
export function findAnalysisWritten(spec: WorkbookSpec, sectors: string[], lang: Lang): RippleAudit["written"] {
  const sheet = spec.sheets.find((s) => s.key === "summary");
  if (!sheet) return {};
  const written: NonNullable<RippleAudit["written"]> = { totals: {}, bySector: {} };
  const n = sectors.length;
  // The header of the stage table: [段階, 生産誘発額（…）, 粗付加価値誘発額（…）, …].
  const measureCols = new Map<AuditMeasure, number>();
  for (const b of sheet.blocks) {
    const head = b.values[0];
    if (b.style === "header" && head?.[0] === TEXT.stage[lang]) {
      head.forEach((h, c) => {
        for (const m of ["output", "valueAdded", "compensation"] as AuditMeasure[])
          if (typeof h === "string" && h.startsWith(MEASURES[m][lang])) measureCols.set(m, b.col + c);
      });
    }
  }
  for (const b of sheet.blocks) {
    b.values.forEach((row, r) => {
      for (const k of STAGE_KEYS) {
        if (row[0] !== STAGES[k][lang] || row.length < 2) continue;
        const totals: Partial<Record<AuditMeasure, CellRef>> = {};
        for (const [m, col] of measureCols) totals[m] = { sheet: sheet.name, row: b.row + r, col };
        written.totals![k] = totals;
      }
      if (row[0] === TEXT.multipleShort[lang] && typeof row[1] === "number")
        written.multiple = { sheet: sheet.name, row: b.row + r, col: b.col + 1 };
    });
  }
  // By sector: the body whose rows are the sectors, after a two-row header whose second row
  // names the stages (induced output is the first measure).
  for (let i = 0; i < sheet.blocks.length; i++) {
    const b = sheet.blocks[i];
    if (b.values.length !== n || !b.values.every((row, j) => row[0] === sectors[j]) || (b.values[0]?.length ?? 0) < 5) continue;
    const header = sheet.blocks.find((h) => h.style === "header" && h.values.length === 2 && h.row + 2 === b.row);
    if (!header) continue;
    STAGE_KEYS.forEach((k) => {
      const c = header.values[1].findIndex((x) => x === STAGES[k][lang]);
      if (c >= 0) written.bySector![k] = { sheet: sheet.name, row: b.row, col: header.col + c, rows: n, cols: 1 };
    });
  }
  return written;
}

/** The audit of an analysis: the shock through the model's vectors, L from the L sheet when it
 * holds the open inverse the effects used (else the matrix is written on the audit sheet). */
export function analysisAudit(spec: WorkbookSpec, model: IOModel, shock: number[], impact: Impact, lang: Lang): RippleAudit {
  const sectors = [...model.sectors];
  const open = model.leontief();
  const written = findMatrixBlock(spec, "L", sectors);
  let L: RippleAudit["L"] = open;
  if (written) {
    const sheet = spec.sheets.find((s) => s.name === written.sheet)!;
    const body = sheet.blocks.find((b) => b.row === written.row && b.col + 1 === written.col)!;
    const same = body.values.every((row, i) => row.slice(1).every((x, j) => x === open[i][j]));
    if (same) L = written;
  }
  return {
    sectors,
    unit: unitLabel(model.table.unit, lang),
    L,
    shock,
    selfSufficiency: model.selfSufficiency(),
    domesticShare: model.m ? model.m.map((m) => 1 - m) : sectors.map(() => 1),
    consumptionRate: model.options.consumptionRate,
    household: model.options.consumptionRate === 0 && !model.h ? sectors.map(() => 0) : model.householdComposition(),
    income: [...model.w],
    valueAdded: [...model.v],
    compensation: [...model.wc],
    engine: impact,
    written: findAnalysisWritten(spec, sectors, lang),
  };
}

