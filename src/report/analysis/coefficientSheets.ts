// The coefficient sheets (A, m, L) and 乗数・影響力 (multipliers, linkages, the scatter).

import { type Bilingual } from "../../engine/errors";
import type { CellSpec, ChartSpec, SheetSpec } from "../spec";
import { SheetBuilder, labelWidth } from "../sheetBuilder";
import { INDICATORS, SHEET_NAMES, TEXT } from "../labels";
import { type AnalysisContext, NUMBER_FORMATS, dash } from "./context";

/** Coefficient matrices */
export function coefficientSheets(ctx: AnalysisContext, sheets: SheetSpec[]): void {
  const { result, tr, sectors, n, sectorColWidth, importType, inverseText } = ctx;
  const matrixSheet = (key: string, name: Bilingual, note: string, M: number[][], columnSums: boolean) => {
    const s = new SheetBuilder(key, tr(name));
    s.add([[tr(name)], [note]], "title");
    const headerRow = s.add([[tr(TEXT.sector), ...sectors]], "header");
    const fmt = [null, ...sectors.map(() => NUMBER_FORMATS.coefficient)];
    s.add(
      M.map((row, i) => [sectors[i], ...row]),
      "body",
      fmt,
    );
    if (columnSums) {
      s.add([[tr(TEXT.columnSum), ...result.multipliers.output]], "total", fmt);
    }
    const widths: Record<number, number> = { 0: sectorColWidth };
    for (let j = 1; j <= n; j++) widths[j] = Math.max(11, Math.min(24, labelWidth([sectors[j - 1]], 11, 24)));
    return s.build({ columnWidths: widths, freeze: { rows: headerRow + 1, cols: 1 } });
  };

  sheets.push(matrixSheet("A", SHEET_NAMES.A, tr(TEXT.coefficientsNoteA), result.A, false));

  if (importType === "competitive" && result.importCoefficients) {
    const s = new SheetBuilder("m", tr(SHEET_NAMES.m));
    s.add([[tr(SHEET_NAMES.m)], [tr(TEXT.coefficientsNoteM)]], "title");
    const headerRow = s.add([[tr(TEXT.sector), tr(INDICATORS.importCoefficient)]], "header");
    const m = result.importCoefficients;
    s.add(
      sectors.map((name, i) => [name, m[i]]),
      "body",
      [null, NUMBER_FORMATS.coefficient],
    );
    sheets.push(s.build({ columnWidths: { 0: sectorColWidth, 1: 16 }, freeze: { rows: headerRow + 1, cols: 1 } }));
  }

  sheets.push(
    matrixSheet("L", SHEET_NAMES.L, `L = ${inverseText}`, result.L, true),
  );
}

/** 乗数・影響力 / Multipliers & linkages */
export function multipliersSheet(ctx: AnalysisContext, sheets: SheetSpec[]): void {
  const { result, lang, tr, unit, persons, sectors, n, sectorColWidth } = ctx;
  const s = new SheetBuilder("multipliers", tr(SHEET_NAMES.multipliers));
  s.add([[tr(SHEET_NAMES.multipliers)]], "title");
  s.add([[tr(TEXT.effectNote)], [tr(TEXT.nullNote)], [tr(TEXT.linkageNote)]], "note");
  const mu = result.multipliers;
  const ef = result.effects;
  const hasEmp = ef.employment !== null;
  const perUnit = lang === "ja" ? `（${persons}／${unit}）` : ` (${persons} per ${unit})`;
  const header: CellSpec[] = [
    tr(TEXT.sector),
    tr(INDICATORS.outputMultiplier),
    tr(INDICATORS.vaEffect),
    tr(INDICATORS.vaTypeI),
    tr(INDICATORS.compEffect),
    tr(INDICATORS.compTypeI),
  ];
  if (hasEmp) header.push(tr(INDICATORS.empEffect) + perUnit, tr(INDICATORS.empTypeI));
  const backCol = header.length;
  header.push(tr(INDICATORS.backward), tr(INDICATORS.forward));
  const fwdCol = backCol + 1;
  const headerRow = s.add([header], "header");
  const rows = sectors.map((name, i) => {
    const r: CellSpec[] = [
      name,
      mu.output[i],
      ef.valueAdded[i],
      dash(mu.valueAdded[i], lang),
      ef.compensation[i],
      dash(mu.compensation[i], lang),
    ];
    if (hasEmp) r.push(ef.employment![i], dash(mu.employment ? mu.employment[i] : null, lang));
    r.push(result.linkages.backward[i], result.linkages.forward[i]);
    return r;
  });
  const fmt: (string | null)[] = header.map((_, c) => (c === 0 ? null : NUMBER_FORMATS.index));
  const bodyRow = s.add(rows, "body", fmt);
  s.skip();

  // Reference lines at 1.0, drawn through the span of the data (plus a margin).
  const all = [...result.linkages.backward, ...result.linkages.forward, 1];
  const lo = Math.floor(Math.min(...all) * 10 - 1) / 10;
  const hi = Math.ceil(Math.max(...all) * 10 + 1) / 10;
  s.add([[tr(TEXT.referenceLines)]], "subtitle");
  s.add([[null, tr(INDICATORS.backward), tr(INDICATORS.forward)]], "header");
  const vRow = s.add(
    [
      [tr(TEXT.refVertical), 1, lo],
      [tr(TEXT.refVertical), 1, hi],
    ],
    "body",
    [null, NUMBER_FORMATS.index, NUMBER_FORMATS.index],
  );
  const hRow = s.add(
    [
      [tr(TEXT.refHorizontal), lo, 1],
      [tr(TEXT.refHorizontal), hi, 1],
    ],
    "body",
    [null, NUMBER_FORMATS.index, NUMBER_FORMATS.index],
  );
  const col = (row: number, c: number, rows: number) => ({ row, col: c, rows, cols: 1 });
  const scatter: ChartSpec = {
    type: "scatter",
    title: tr(TEXT.chartLinkages),
    series: [
      // each point named by its sector (column A of its row)
      { name: tr(TEXT.sectorsSeries), x: col(bodyRow, backCol, n), values: col(bodyRow, fwdCol, n), style: "markers", labels: col(bodyRow, 0, n) },
      { name: tr(TEXT.refVertical), x: col(vRow, 1, 2), values: col(vRow, 2, 2), style: "line" },
      { name: tr(TEXT.refHorizontal), x: col(hRow, 1, 2), values: col(hRow, 2, 2), style: "line" },
    ],
    xAxisTitle: tr(INDICATORS.backward),
    yAxisTitle: tr(INDICATORS.forward),
    anchor: { row: headerRow, col: header.length + 1, widthCols: 8, heightRows: 20 },
  };
  s.chart(scatter);
  const widths: Record<number, number> = { 0: sectorColWidth };
  for (let c = 1; c < header.length; c++) widths[c] = labelWidth([String(header[c])], 12, 26);
  sheets.push(s.build({ columnWidths: widths, freeze: { rows: headerRow + 1, cols: 1 } }));
}
