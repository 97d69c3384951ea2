// Step 5 of recognition: the role of every line that is not a sector — from the label
// dictionaries, from the numbers (a subtotal equals the sum of the lines before it), from its
// position — and the totals of one role (輸出計) told apart from the items they add up.

import { type RippleWarning } from "../errors";
import { gridAddress, maxOf, minOf, type Grid } from "../grid";
import { textAt } from "./cells";
import type { LineLabel } from "./header";
import type { Dim } from "./labels";
import type { Role } from "./types";
import { closeTo } from "./tolerance";
import { allowedRoles, dimWord, emptyLabelError, lineWhere, mismatchError, showLabel, type Work } from "./work";

/** Lines between sectors must be sectors (or a subtotal/ignored line the label names). An empty
 * label is reported first: it is why its row (or column) found no partner. */
export function checkBetweenSectors(grid: Grid, rows: Work[], cols: Work[]): void {
  const inside = (lines: Work[]) => {
    const idx = lines.filter((w) => w.role === "sector").map((w) => w.index);
    const lo = minOf(idx);
    const hi = maxOf(idx);
    return lines.filter((w) => w.index > lo && w.index < hi && w.role !== "sector" && w.hasData);
  };
  const problems = [...inside(rows), ...inside(cols)].filter((w) => {
    const role = w.role ?? (w.dict && allowedRoles(w.dim).has(w.dict.role) ? w.dict.role : null);
    return role !== "subtotal" && role !== "ignore";
  });
  const empty = problems.find((w) => w.empty);
  if (empty) throw emptyLabelError(grid, empty);
  if (problems.length > 0) throw mismatchError(grid, problems[0]);
}

/** Roles of the lines that are not sectors: dictionary, sums, position; unknown ones reported. */
export function assignRoles(
  grid: Grid,
  dim: Dim,
  lines: Work[],
  vals: (w: Work) => number[],
  integerData: boolean,
  warnings: RippleWarning[],
): void {
  const sectorIdx = lines.filter((w) => w.role === "sector").map((w) => w.index);
  const lo = minOf(sectorIdx);
  const hi = maxOf(sectorIdx);
  const allowed = allowedRoles(dim);
  for (const w of lines) {
    if (w.role !== null) continue;
    if (w.dict && allowed.has(w.dict.role)) {
      w.role = w.dict.role;
      w.totalOf = w.dict.totalOf;
      w.source = "label";
    }
  }
  for (const w of lines) {
    if (w.index > lo && w.index < hi && w.role === null && !w.hasData) {
      w.role = "ignore";
      w.source = "position";
    }
  }
  const afterBlock = lines.filter((w) => w.index > hi);
  const firstAfter = afterBlock.find((w) => w.hasData || !w.empty);
  for (let k = 0; k < lines.length; k++) {
    const w = lines[k];
    if (w.role !== null) continue;
    w.source = "position";
    if (!w.hasData) {
      w.role = "ignore";
      continue;
    }
    const v = vals(w);
    if (isSumOfPrevious(lines, k, v, vals, integerData)) {
      w.role = "subtotal";
      w.source = "sum";
      continue;
    }
    if (w.index < lo) {
      w.role = "ignore";
    } else if (w === firstAfter) {
      // Right after the sectors and unknown: a sector missing from the other direction.
      throw w.empty ? emptyLabelError(grid, w) : mismatchError(grid, w);
    } else {
      w.role = "ignore";
    }
    const label = showLabel(w) || gridAddress(grid, w.at.r, w.at.c);
    warnings.push({
      code: "table.unknown-line",
      text: {
        ja: `${dimWord(dim).ja}「${label}」の役割が分からないため使いません（無視）。必要ならマッピングで役割を指定してください。`,
        en: `The role of ${dimWord(dim).en} '${label}' is unknown, so it is not used (ignore). Give it a role in the mapping if it is needed.`,
      },
      where: lineWhere(grid, w),
    });
  }
}

export function isSumOfPrevious(lines: Work[], k: number, v: number[], vals: (w: Work) => number[], integerData: boolean): boolean {
  if (v.some((x) => Number.isNaN(x)) || v.every((x) => x === 0)) return false;
  const acc = new Array<number>(v.length).fill(0);
  let count = 0;
  for (let p = k - 1; p >= 0; p--) {
    const w = lines[p];
    if (w.role === "subtotal" || w.role === "output" || w.role === "ignore" || !w.hasData) continue;
    const u = vals(w);
    if (u.some((x) => Number.isNaN(x))) return false;
    for (let i = 0; i < acc.length; i++) acc[i] += u[i];
    count++;
    if (count >= 2 && acc.every((a, i) => closeTo(a, v[i], integerData))) return true;
  }
  return false;
}

/** Rows between the header row and the first sector row (or columns between the label column and
 * the first sector column) holding quantities in the sector block could not be placed: probably
 * sectors missing from the other direction. A row of small whole numbers is a code row. */
export function checkHeaderGap(grid: Grid, rows: Work[], cols: Work[], anchor: { row: number; col: number }, R0: number, C0: number): void {
  const codeLike = (v: unknown) => typeof v !== "number" || (Number.isInteger(v) && v >= 0 && v < 10000);
  const sc = cols.filter((w) => w.role === "sector");
  const sr = rows.filter((w) => w.role === "sector");
  for (let r = anchor.row + 1; r < R0; r++) {
    const cells = sc.map((c) => grid.values[r]?.[c.index] ?? null);
    const label = textAt(grid, r, anchor.col);
    if (label && cells.filter((v) => typeof v === "number").length > sc.length / 2 && !cells.every(codeLike)) {
      throw mismatchError(grid, { ...rowStub(r, anchor.col, label), dim: "row" } as Work);
    }
  }
  for (let c = anchor.col + 1; c < C0; c++) {
    const cells = sr.map((w) => grid.values[w.index]?.[c] ?? null);
    const label = textAt(grid, anchor.row, c);
    if (label && cells.filter((v) => typeof v === "number").length > sr.length / 2 && !cells.every(codeLike)) {
      throw mismatchError(grid, { ...rowStub(anchor.row, c, label), dim: "col" } as Work);
    }
  }
}

export function rowStub(r: number, c: number, label: string): LineLabel {
  return { code: null, name: label, labels: [label], at: { r, c }, key: null, empty: false };
}

/** Totals of one role (輸出計, 移出計, 移輸出計, （控除）輸入計): a total that adds up the lines of
 * its role just before it (輸出（普通貿易）+輸出（特殊貿易） = 輸出計; 輸出計+移出計 = 移輸出計) is a
 * subtotal; one that adds up nothing (輸出計 alone, or Aomori's 輸出計 and 移出計 as the items) is
 * itself the line of that role. Without comparable numbers: a subtotal when parts exist. */
export function resolveTotals(lines: Work[], vals: (w: Work) => number[], integerData: boolean): void {
  const isTotal = (w: Work) =>
    w.role === "subtotal" && !!w.totalOf && w.totalOf !== "value-added" && w.source !== "mapping";
  const converted = new Set<Work>();
  for (const w of lines) {
    if (!isTotal(w)) continue;
    const role = w.totalOf as Role;
    // The items of this role before w (explicit ones and totals already turned into items).
    const items = lines.filter((x) => x.index < w.index && x.role === role);
    const v = vals(w);
    let verdict: "subtotal" | "item" | null = null;
    if (!v.some((x) => Number.isNaN(x)) && v.some((x) => x !== 0)) {
      verdict = "item";
      const acc = new Array<number>(v.length).fill(0);
      for (let k = items.length - 1; k >= 0; k--) {
        const u = vals(items[k]);
        if (u.some((x) => Number.isNaN(x))) {
          verdict = null;
          break;
        }
        for (let i = 0; i < acc.length; i++) acc[i] += u[i];
        // A total of one other total (移入計 = 輸入計 by chance) totals nothing.
        const terms = items.length - k;
        if ((terms > 1 || !converted.has(items[k])) && mostlyEqual(acc, v, terms, integerData)) {
          verdict = "subtotal";
          break;
        }
      }
    }
    if (verdict === null) verdict = lines.some((x) => x !== w && x.role === role) ? "subtotal" : "item";
    if (verdict === "item") {
      w.role = role;
      w.totalOf = undefined;
      converted.add(w);
    }
  }
}

/** Sums of rounded cells miss by up to one unit per term; almost every cell must agree. */
export function mostlyEqual(acc: number[], v: number[], terms: number, integerData: boolean): boolean {
  let nonZero = 0;
  let agree = 0;
  for (let i = 0; i < v.length; i++) {
    if (v[i] === 0 && acc[i] === 0) continue;
    nonZero++;
    const tol = Math.max(1e-3 * Math.abs(v[i]), integerData ? terms : 1e-9);
    if (Math.abs(acc[i] - v[i]) <= tol) agree++;
  }
  return nonZero > 0 && agree >= 0.9 * nonZero;
}

/** A gross value added total with no value-added items beside it (Spicosa value_added_bp) is
 * itself the value added (va:other). */
export function gvaWithoutParts(rows: Work[]): void {
  if (rows.some((x) => x.role?.startsWith("va:"))) return;
  for (const w of rows) {
    if (w.role === "subtotal" && w.totalOf === "value-added") {
      w.role = "va:other";
      w.totalOf = undefined;
    }
  }
}
