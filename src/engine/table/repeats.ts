// Step 6 of recognition: lines that repeat what other lines say, so that nothing is counted
// twice — lines computed from others (derived.ts), a second output line, a final-demand column
// that repeats another.

import type { RippleWarning } from "../errors";
import { gridAddress, type Grid } from "../grid";
import { numOrNaN } from "./cells";
import { derivedReason, findDerived } from "./derived";
import { closeTo } from "./tolerance";
import { dimWord, lineWhere, sectorColsOrdered, sectorRowsOrdered, showLabel, type Work } from "./work";

/** Lines the model would use that are computed from other lines (engine/table/derived.ts): MIC's
 * |輸入| and 輸入/国内需要合計 beside the table. They are ignored, with the reason. */
export function markDerived(grid: Grid, lines: Work[], vals: (w: Work) => number[], warnings: RippleWarning[]): void {
  const data = lines.filter((w) => w.role !== "sector" && w.hasData);
  // Subtotals too: a total by label is used (粗付加価値部門計), and 粗付加価値率 reads like one.
  const used = (w: Work) => w.source !== "mapping" && w.role !== null && w.role !== "output" && w.role !== "ignore";
  const candidates = data.map((_, k) => k).filter((k) => used(data[k]));
  if (candidates.length === 0) return;
  const found = findDerived(data.map(vals), candidates);
  const names = data.map((w) => showLabel(w) || gridAddress(grid, w.at.r, w.at.c));
  for (const [k, d] of found) {
    const w = data[k];
    const why = derivedReason(d, names);
    w.role = "ignore";
    w.source = "sum";
    w.totalOf = undefined;
    w.derived = why;
    warnings.push({
      code: "table.derived-line",
      text: {
        ja: `${dimWord(w.dim).ja}「${names[k]}」は${why.ja}で、他の行・列から計算された値のため使いません。`,
        en: `${w.dim === "row" ? "Row" : "Column"} '${names[k]}' is ${why.en}, computed from other lines, so it is not used.`,
      },
      where: lineWhere(grid, w),
    });
  }
}

export function keepFirstOutput(grid: Grid, lines: Work[], warnings: RippleWarning[]): void {
  const outs = lines.filter((w) => w.role === "output");
  for (const w of outs.slice(1)) {
    w.role = "subtotal";
    warnings.push({
      code: "table.second-output",
      text: {
        ja: `生産額の${dimWord(w.dim).ja}が複数あります。最初の「${showLabel(outs[0])}」を使い、「${showLabel(w)}」は検算用の合計とします。`,
        en: `Several output ${dimWord(w.dim).en}s: the first, '${showLabel(outs[0])}', is used and '${showLabel(w)}' is treated as a check total.`,
      },
      where: lineWhere(grid, w),
    });
  }
}

/** Two final-demand columns of the same role that repeat each other's numbers (Spicosa's
 * final_consumption_private and final_consumption_households): keep the one with which the rows
 * balance against output, ignore the other, so that nothing is counted twice. */
export function resolveDuplicateColumns(
  grid: Grid,
  rows: Work[],
  cols: Work[],
  colVals: (w: Work) => number[],
  integerData: boolean,
  warnings: RippleWarning[],
): void {
  const fd = cols.filter((w) => w.role !== null && (w.role.startsWith("fd:") || w.role === "export"));
  const out = cols.find((w) => w.role === "output");
  const sectorRows = sectorRowsOrdered(rows);
  const sectorCols = sectorColsOrdered(cols);
  const rowGap = (exclude: Work): number => {
    if (!out) return 0;
    const x = colVals(out);
    let gap = 0;
    sectorRows.forEach((r, i) => {
      let s = 0;
      for (const c of sectorCols) s += numOrNaN(grid, r.index, c.index);
      for (const c of cols) {
        if (c === exclude || c.role === null) continue;
        if (c.role.startsWith("fd:") || c.role === "export" || c.role === "import") s += numOrNaN(grid, r.index, c.index);
      }
      gap += Math.abs(s - x[i]);
    });
    return gap;
  };
  for (let a = 0; a < fd.length; a++) {
    for (let b = a + 1; b < fd.length; b++) {
      const A = fd[a];
      const B = fd[b];
      if (A.role !== B.role || A.role === "ignore" || B.role === "ignore") continue;
      const va = colVals(A);
      const vb = colVals(B);
      const nonZero = va.filter((x, i) => x !== 0 || vb[i] !== 0).length;
      const same = va.filter((x, i) => x !== 0 && closeTo(x, vb[i], integerData)).length;
      if (same < 2 || same * 2 < nonZero) continue;
      const drop = out && rowGap(A) < rowGap(B) ? A : B;
      const keep = drop === A ? B : A;
      drop.role = "ignore";
      drop.source = "sum";
      warnings.push({
        code: "table.duplicate-column",
        text: {
          ja: `列「${showLabel(drop)}」は「${showLabel(keep)}」とほぼ同じ値で、二重計上になるため使いません（${out ? "行の合計が生産額と合う方を残しました" : "先の列を残しました"}）。`,
          en: `Column '${showLabel(drop)}' nearly repeats '${showLabel(keep)}' and would be counted twice, so it is not used (${out ? "kept the one with which rows add up to output" : "kept the first"}).`,
        },
        where: lineWhere(grid, drop),
      });
    }
  }
}
