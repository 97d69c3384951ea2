// Employment (persons by sector) from a separate sheet: a column of sector labels beside a column
// of persons, or a row of labels above a row of persons.

import { RippleError } from "../errors";
import { gridWidth, gridAddress, type Grid } from "../grid";
import { dataAt, textAt } from "./cells";
import { classifyLabel } from "./labels";
import { SectorIndex } from "./sectorMatch";
import type { IOTable } from "./types";

export function attachEmployment(table: IOTable, grid: Grid): IOTable {
  const index = new SectorIndex(table);
  const nr = grid.values.length;
  const nc = gridWidth(grid);
  // Orientation: the column (or row) whose labels name the most sectors.
  let best = { vertical: true, pos: -1, hits: 0 };
  for (let c = 0; c < nc; c++) {
    let hits = 0;
    for (let r = 0; r < nr; r++) {
      const t = textAt(grid, r, c);
      if (t !== null && typeof grid.values[r][c] === "string" && index.find(t) !== null) hits++;
    }
    if (hits > best.hits) best = { vertical: true, pos: c, hits };
  }
  for (let r = 0; r < nr; r++) {
    let hits = 0;
    for (let c = 0; c < nc; c++) {
      const t = textAt(grid, r, c);
      if (t !== null && typeof grid.values[r][c] === "string" && index.find(t) !== null) hits++;
    }
    if (hits > best.hits) best = { vertical: false, pos: r, hits };
  }
  if (best.hits === 0) {
    throw new RippleError(
      "employment.no-sectors",
      {
        ja: "従業者数のシートに表の部門名（またはコード）が見つかりません。部門名の列と人数の列を並べてください。",
        en: "The employment sheet names none of the table's sectors. Give a column of sector labels next to a column of persons.",
      },
      { sheet: grid.sheet, cell: gridAddress(grid, 0, 0) },
    );
  }
  const lines = best.vertical ? nr : nc;
  const at = (line: number, off: number) => (best.vertical ? { r: line, c: best.pos + off } : { r: best.pos + off, c: line });
  // The persons: the next column (row) with numbers beside the labels.
  let off = 1;
  for (; off < (best.vertical ? nc : nr) - best.pos; off++) {
    let numbers = 0;
    for (let l = 0; l < lines; l++) {
      const p = at(l, off);
      if (dataAt(grid, p.r, p.c).kind === "number") numbers++;
    }
    if (numbers > 0) break;
  }
  const values = new Array<number | null>(table.sectors.length).fill(null);
  const firstCell = new Array<string>(table.sectors.length).fill("");
  let sawLabel = false;
  for (let l = 0; l < lines; l++) {
    const lp = at(l, 0);
    const vp = at(l, off);
    const label = textAt(grid, lp.r, lp.c);
    const d = dataAt(grid, vp.r, vp.c);
    if (label === null) continue;
    const first = !sawLabel;
    sawLabel = true;
    const i = index.find(label);
    if (i === null) {
      if (first && d.kind !== "number") continue; // header
      const cls = classifyLabel(label, "row");
      if (cls?.role === "subtotal") continue; // a total line
      throw new RippleError(
        "employment.unknown-sector",
        {
          ja: `従業者数の部門「${label}」が産業連関表にありません。表と同じ部門名かコードにしてください。`,
          en: `Employment sector '${label}' is not in the input-output table. Use the table's sector names or codes.`,
        },
        { sheet: grid.sheet, cell: gridAddress(grid, lp.r, lp.c) },
      );
    }
    const cell = gridAddress(grid, vp.r, vp.c);
    if (values[i] !== null) {
      throw new RippleError(
        "employment.duplicate",
        {
          ja: `部門「${table.sectors[i].label}」の従業者数が 2 回あります（${firstCell[i]} と ${cell}）。1 つにしてください。`,
          en: `Employment for '${table.sectors[i].label}' is given twice (${firstCell[i]} and ${cell}). Keep one.`,
        },
        { sheet: grid.sheet, cell: gridAddress(grid, lp.r, lp.c) },
      );
    }
    if (d.kind !== "number" || d.value < 0) {
      throw new RippleError(
        "employment.not-number",
        {
          ja: `部門「${table.sectors[i].label}」の従業者数が 0 以上の数値ではありません。人数を入れてください。`,
          en: `Employment for '${table.sectors[i].label}' is not a number ≥ 0. Enter the number of persons.`,
        },
        { sheet: grid.sheet, cell },
      );
    }
    values[i] = d.value;
    firstCell[i] = cell;
  }
  const missing = table.sectors.filter((_, i) => values[i] === null).map((s) => s.label);
  if (missing.length > 0) {
    throw new RippleError(
      "employment.missing",
      {
        ja: `従業者数がない部門があります: ${missing.join(", ")}。すべての部門の人数（0 も可）を入れてください。`,
        en: `Employment is missing for: ${missing.join(", ")}. Give persons for every sector (0 is allowed).`,
      },
      { sheet: grid.sheet, cell: gridAddress(grid, at(0, 0).r, at(0, 0).c) },
    );
  }
  const warnings = [...table.warnings];
  if (table.employment) {
    warnings.push({
      code: "employment.replaced",
      text: {
        ja: `表の従業者数の行の代わりにシート「${grid.sheet}」の従業者数を使います。`,
        en: `Employment from sheet '${grid.sheet}' replaces the table's employment row.`,
      },
      where: { sheet: grid.sheet },
    });
  }
  return { ...table, employment: values as number[], warnings };
}
