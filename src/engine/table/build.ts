// From a recognised layout to the typed IOTable every model reads, with the checks of TABLES.md:
// numbers where numbers belong, positive output, output row = output column, rows and columns
// that add up. Gaps beyond the tolerance are warnings (published tables carry small ones, e.g.
// Beutel's 46 in the industry group); a gap of more than GROSS_GAP (1%) between the output row
// and the output column means the wrong line was taken as output, or two tables were mixed up,
// and is an error.

import { RippleError, type RippleWarning, type Where } from "../errors";
import { gridAddress, type Grid } from "../grid";
import { dataAt } from "./cells";
import { markerOf, type Marker } from "./normalize";
import { recognizeLayout, type RecognizeOptions } from "./recognize";
import { joinGrid } from "./blocks";
import { GROSS_GAP, tolerance } from "./tolerance";
import {
  FINAL_DEMAND_ROLES,
  isValueAdded,
  type IOTable,
  type Line,
  type Role,
  type RoleVector,
  type Sector,
  type TableLayout,
} from "./types";

const FD = new Set<string>(FINAL_DEMAND_ROLES);
const PRIMARY = (r: Role) => r.startsWith("va:") || r === "tax-products" || r === "import";

function lineLabel(l: Line): string {
  return l.name || l.code || l.address;
}

function fmt(v: number): string {
  return Number.isInteger(v) ? v.toLocaleString("en-US") : v.toPrecision(6);
}

/** Reads cells as numbers: blanks count as 0 (MIC leaves them blank), placeholders such as "-"
 * too (noted once); a confidential or not-available mark ('x', '…') and text are errors naming
 * the cell. */
class NumberReader {
  placeholders: string[] = [];
  /** Cells read that hold a formula without a calculated value. */
  uncalculated: string[] = [];
  private readonly noValue: ReadonlySet<string>;
  constructor(private grid: Grid) {
    this.noValue = new Set(grid.uncalculated ?? []);
  }
  read(r: number, c: number): number {
    if (this.noValue.size > 0) {
      const at = gridAddress(this.grid, r, c);
      if (this.noValue.has(at) && !this.uncalculated.includes(at)) this.uncalculated.push(at);
    }
    const d = dataAt(this.grid, r, c);
    if (d.kind === "number") return d.value;
    if (d.kind === "empty") {
      if (d.placeholder) this.placeholders.push(gridAddress(this.grid, r, c));
      return 0;
    }
    const marker = markerOf(d.text);
    if (marker) throw markerError(this.grid, r, c, marker, d.text);
    throw new RippleError(
      "table.text-in-number",
      {
        ja: `数値が必要なセルに文字「${d.text}」があります。数値（空欄は 0）に直してください。`,
        en: `The cell holds the text '${d.text}' where a number belongs. Replace it with a number (a blank counts as 0).`,
      },
      { sheet: this.grid.sheet, cell: gridAddress(this.grid, r, c) },
    );
  }
}

/** A figure the office did not publish: read as 0 it would be a wrong number. */
function markerError(grid: Grid, r: number, c: number, marker: Marker, text: string): RippleError {
  const where = { sheet: grid.sheet, cell: gridAddress(grid, r, c) };
  if (marker === "confidential") {
    return new RippleError(
      "table.confidential-cell",
      {
        ja: `セルに秘匿の記号「${text}」があります（数値が公表されていません）。0 として読むと誤った数値になるため計算しません。この部門を秘匿のない部門と統合した表（公表されている統合表）を使うか、推計値を入れてその旨を記録してください。`,
        en: `The cell holds the confidentiality mark '${text}' (the figure is not published). Read as 0 it would give wrong numbers, so nothing is computed. Use a table where this sector is merged with another (as published), or enter an estimate and record that you did.`,
      },
      where,
    );
  }
  return new RippleError(
    "table.unavailable-cell",
    {
      ja: `セルに「${text}」（数値が得られない・不詳）があります。0 として読むと誤った数値になるため計算しません。数値の入った表を使うか、推計値を入れてその旨を記録してください。`,
      en: `The cell holds '${text}' (figure not available). Read as 0 it would give wrong numbers, so nothing is computed. Use a table with the figure, or enter an estimate and record that you did.`,
    },
    where,
  );
}

/** Formulas without a calculated value would be read as 0: the table is refused, naming them. */
function uncalculatedError(grid: Grid, cells: string[]): RippleError {
  const list = cells.slice(0, 8).join(", ") + (cells.length > 8 ? ` … (${cells.length})` : "");
  return new RippleError(
    "table.formula-not-calculated",
    {
      ja: `表が使うセルのうち ${cells.length} 個の数式に計算結果が保存されていません（計算しないプログラムで書かれたファイル）: ${list}。空欄（0）として読むと誤った数値になるため計算しません。Excel または LibreOffice Calc で開いて再計算（Ctrl+Alt+F9）し、保存してから実行し直してください。`,
      en: `${cells.length} formula cell(s) the table uses have no calculated value (the file was written by a program that does not calculate): ${list}. Read as blank (0) they would give wrong numbers, so nothing is computed. Open the file in Excel or LibreOffice Calc, recalculate (Ctrl+Alt+F9), save it and run again.`,
    },
    { sheet: grid.sheet, cell: cells[0] },
  );
}

export function buildTable(sheetGrid: Grid, layout: TableLayout): IOTable {
  // A table printed in blocks: its lines index the joined grid (engine/table/blocks.ts).
  const grid = layout.joined && !sheetGrid.pieces ? joinGrid(sheetGrid, layout.joined) : sheetGrid;
  const warnings: RippleWarning[] = [...(layout.warnings ?? [])];
  const where = (r: number, c: number): Where => ({ sheet: grid.sheet, cell: gridAddress(grid, r, c) });
  const rowsS = layout.rows.filter((l) => l.role === "sector").sort((a, b) => a.sector! - b.sector!);
  const colsS = layout.cols.filter((l) => l.role === "sector").sort((a, b) => a.sector! - b.sector!);
  const n = rowsS.length;
  if (n === 0 || colsS.length !== n) {
    throw new RippleError(
      "table.sector-mismatch",
      {
        ja: `部門の行（${n}）と列（${colsS.length}）の数が合いません。マッピングを確認してください。`,
        en: `The table has ${n} sector rows but ${colsS.length} sector columns. Check the mapping.`,
      },
      { sheet: grid.sheet, cell: layout.sectorBlock },
    );
  }
  const num = new NumberReader(grid);
  const Z = rowsS.map((r) => colsS.map((c) => num.read(r.index, c.index)));
  const integerData = Z.every((row) => row.every((v) => Number.isInteger(v)));
  const rowVector = (l: Line) => colsS.map((c) => num.read(l.index, c.index));
  const colVector = (l: Line) => rowsS.map((r) => num.read(r.index, l.index));
  const vec = (l: Line, values: number[]): RoleVector => ({ role: l.role, label: lineLabel(l), address: l.address, values });

  // Sectors: the name as label (MIC: 農林水産業), the code when there is no name.
  const sectors: Sector[] = rowsS.map((r) => ({
    code: r.code,
    name: r.name,
    label: r.name || r.code || r.address,
  }));

  const finalDemand: RoleVector[] = [];
  for (const c of layout.cols) {
    if (!FD.has(c.role)) continue;
    const values = colVector(c);
    const sum = values.reduce((a, b) => a + b, 0);
    if (c.role === "import" && sum > 0) {
      // Imports in the final-demand block are subtracted (（控除）輸入); a positive column is the
      // same quantity written without its sign.
      for (let i = 0; i < n; i++) values[i] = -values[i];
      warnings.push({
        code: "table.import-sign",
        text: {
          ja: `輸入の列「${lineLabel(c)}」が正の値なので、控除項目として符号を反転して使います。`,
          en: `Import column '${lineLabel(c)}' is positive; it is used with its sign reversed, as a deduction.`,
        },
        where: { sheet: grid.sheet, cell: c.address },
      });
    }
    finalDemand.push(vec(c, values));
  }
  const primaryInputs: RoleVector[] = [];
  for (const r of layout.rows) if (PRIMARY(r.role)) primaryInputs.push(vec(r, rowVector(r)));
  // The other lines the model reads (output, employment, a gross value added total), read here
  // once so that every formula without a value among them is named before anything is built.
  for (const l of layout.rows) if (l.role === "output" || l.role === "employment" || l.totalOf === "value-added") rowVector(l);
  for (const l of layout.cols) if (l.role === "output") colVector(l);
  if (num.uncalculated.length > 0) throw uncalculatedError(grid, num.uncalculated);

  // Gross value added given only as a total (Spicosa value_added_bp) or as a total whose parts are
  // incomplete: the part not itemised becomes va:other, so that Σ value added = the total.
  const gvaTotal = layout.rows.find((l) => l.role === "subtotal" && l.totalOf === "value-added");
  if (gvaTotal) {
    const total = rowVector(gvaTotal);
    const parts = primaryInputs.filter((v) => isValueAdded(v.role));
    const residual = total.map((t, j) => t - parts.reduce((s, v) => s + v.values[j], 0));
    if (residual.some((d, j) => Math.abs(d) > tolerance(total[j], integerData))) {
      primaryInputs.push({
        role: "va:other",
        label: `${lineLabel(gvaTotal)} − (${parts.map((p) => p.label).join(", ") || "—"})`,
        address: gvaTotal.address,
        values: residual,
      });
      warnings.push({
        code: "table.va-residual",
        text: {
          ja: `粗付加価値の合計「${lineLabel(gvaTotal)}」が内訳の和と合わないため、差額を「その他の付加価値」(va:other) として加えました。`,
          en: `Gross value added '${lineLabel(gvaTotal)}' is more than its itemised parts; the difference is added as other value added (va:other).`,
        },
        where: { sheet: grid.sheet, cell: gvaTotal.address },
      });
    }
  }

  const empRow = layout.rows.find((l) => l.role === "employment");
  const employment = empRow ? rowVector(empRow) : null;

  const outRow = layout.rows.find((l) => l.role === "output");
  const outCol = layout.cols.find((l) => l.role === "output");
  const colSums = (extra: RoleVector[]) =>
    colsS.map((_, j) => Z.reduce((s, row) => s + row[j], 0) + extra.reduce((s, v) => s + v.values[j], 0));
  const rowSums = () => Z.map((row, i) => row.reduce((s, v) => s + v, 0) + finalDemand.reduce((s, v) => s + v.values[i], 0));
  const inputs = primaryInputs; // value added, taxes on products, the import row
  let x: number[];
  let xCells: (string | null)[];
  if (outRow) {
    x = rowVector(outRow);
    xCells = colsS.map((c) => gridAddress(grid, outRow.index, c.index));
  } else if (outCol) {
    x = colVector(outCol);
    xCells = rowsS.map((r) => gridAddress(grid, r.index, outCol.index));
  } else {
    x = colSums(inputs);
    xCells = colsS.map((c) => c.address);
    warnings.push({
      code: "table.output-computed",
      text: {
        ja: "生産額の行も列もないため、生産額を列和（中間投入＋粗付加価値ほか）として計算しました。",
        en: "No output row or column: output is computed as column sums (intermediate inputs + value added and other primary inputs).",
      },
      where: { sheet: grid.sheet, cell: layout.sectorBlock },
    });
  }
  // Without an output column, output by row = intermediate + final demand (imports deducted).
  const xRow = outCol ? colVector(outCol) : finalDemand.length > 0 ? rowSums() : [...x];

  const bad = x.map((v, j) => [v, j] as const).filter(([v]) => !(v > 0));
  if (bad.length > 0) {
    const list = bad.map(([v, j]) => `${sectors[j].label} (${xCells[j]}: ${fmt(v)})`).join(", ");
    if (layout.dropZeroOutput) {
      // The user's choice (mapping "dropZeroOutput": true, or --drop-zero-output): the sectors'
      // rows and columns are left out, and each is named in a warning.
      const drop = new Set(bad.map(([, j]) => colsS[j].sector!));
      const table = buildTable(grid, withoutSectors(layout, drop));
      table.warnings.push({
        code: "table.sectors-dropped",
        text: {
          ja: `生産額が 0 以下の部門を除きました（利用者の指定）: ${list}。その行と列の取引は計算に入りません。`,
          en: `Sectors with zero or negative output were dropped, as chosen: ${list}. Their rows and columns are left out of the computation.`,
        },
        where: { sheet: grid.sheet, cell: xCells[bad[0][1]] ?? undefined },
      });
      return table;
    }
    throw new RippleError(
      "table.output-nonpositive",
      {
        ja: `生産額が 0 以下の部門があります: ${list}。投入係数を計算できないため、マッピングでその部門の行と列を ignore にして除くか（すべて除くなら --drop-zero-output、またはマッピングに "dropZeroOutput": true）、他の部門と統合してください。`,
        en: `Output is zero or negative for: ${list}. Input coefficients cannot be computed: drop the sector (map its row and column to ignore; to drop all such sectors use --drop-zero-output or "dropZeroOutput": true in the mapping) or merge it with another sector.`,
      },
      { sheet: grid.sheet, cell: xCells[bad[0][1]] ?? undefined },
    );
  }

  // Output row against output column: small gaps are warnings, gross ones an error.
  if (outRow && outCol) {
    const gaps = gapList(x, xRow, integerData);
    if (gaps.length > 0) {
      const list = gaps.map(({ i, d }) => `${sectors[i].label}: ${fmt(x[i])} / ${fmt(xRow[i])} (${fmt(d)})`).join("; ");
      const gross = gaps.filter(({ i, d }) => Math.abs(d) > GROSS_GAP * Math.abs(x[i]));
      const at = where(outRow.index, colsS[gaps[0].i].index);
      if (gross.length > 0) {
        throw new RippleError(
          "table.unbalanced",
          {
            ja: `生産額の行（${outRow.address}）と列（${outCol.address}）が 1% を超えて食い違います（行 / 列（差））: ${list}。生産額として読んだ行・列が正しいか確認し、違えばマッピングで直してください。`,
            en: `The output row (${outRow.address}) and output column (${outCol.address}) differ by more than 1% (row / column (gap)): ${list}. Check that the right row and column were read as output; correct the mapping if not.`,
          },
          at,
        );
      }
      warnings.push({
        code: "table.output-mismatch",
        text: {
          ja: `生産額の行（${outRow.address}）と列（${outCol.address}）が一致しません（行 / 列（差））: ${list}。投入係数には行の値を、行方向の係数（ゴーシュ）には列の値を使います。`,
          en: `The output row (${outRow.address}) and output column (${outCol.address}) differ (row / column (gap)): ${list}. Input coefficients use the row, row-based (Ghosh) coefficients the column.`,
        },
        where: at,
      });
    }
  }
  // Column accounts: intermediate inputs + primary inputs = output.
  if (inputs.length > 0 && (outRow || outCol)) {
    const gaps = gapList(colSums(inputs), x, integerData);
    if (gaps.length > 0) {
      const list = gaps.map(({ i, d }) => `${sectors[i].label}: ${fmt(d)}`).join("; ");
      warnings.push({
        code: "table.column-gap",
        text: {
          ja: `列の合計（中間投入＋粗付加価値など）が生産額と合わない部門があります（差）: ${list}。`,
          en: `Column totals (intermediate + primary inputs) differ from output (gap): ${list}.`,
        },
        where: { sheet: grid.sheet, cell: colsS[gaps[0].i].address },
      });
    }
  }
  // Row accounts: intermediate demand + final demand (imports deducted) = output.
  if (finalDemand.length > 0 && outCol) {
    const gaps = gapList(rowSums(), xRow, integerData);
    if (gaps.length > 0) {
      const list = gaps.map(({ i, d }) => `${sectors[i].label}: ${fmt(d)}`).join("; ");
      warnings.push({
        code: "table.row-gap",
        text: {
          ja: `行の合計（中間需要＋最終需要−輸入）が生産額と合わない部門があります（差）: ${list}。`,
          en: `Row totals (intermediate + final demand − imports) differ from output (gap): ${list}.`,
        },
        where: { sheet: grid.sheet, cell: rowsS[gaps[0].i].address },
      });
    }
  }
  if (num.placeholders.length > 0) {
    warnings.push({
      code: "table.placeholder-zero",
      text: {
        ja: `「-」などの記号のセルを 0 として読みました（${num.placeholders.length} セル、最初は ${num.placeholders[0]}）。`,
        en: `Cells holding '-' or similar were read as 0 (${num.placeholders.length} cells, first ${num.placeholders[0]}).`,
      },
      where: { sheet: grid.sheet, cell: num.placeholders[0] },
    });
  }

  return {
    sectors,
    Z,
    x,
    xRow,
    finalDemand,
    primaryInputs,
    employment,
    importType: layout.importType,
    unit: layout.unit,
    layout,
    warnings,
  };
}

function gapList(a: number[], b: number[], integerData: boolean): { i: number; d: number }[] {
  const out: { i: number; d: number }[] = [];
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    if (Math.abs(d) > tolerance(Math.max(Math.abs(a[i]), Math.abs(b[i])), integerData)) out.push({ i, d });
  }
  return out;
}

/** recognizeLayout then buildTable. */
/** The layout with some sectors (by sector index) set to `ignore` in both directions. */
export function withoutSectors(layout: TableLayout, sectors: ReadonlySet<number>): TableLayout {
  const drop = (l: Line): Line => (l.role === "sector" && sectors.has(l.sector!) ? { ...l, role: "ignore", source: "mapping" } : l);
  return { ...layout, rows: layout.rows.map(drop), cols: layout.cols.map(drop), dropZeroOutput: false };
}

export function readTable(grid: Grid, opts: RecognizeOptions = {}): IOTable {
  return buildTable(grid, recognizeLayout(grid, opts));
}
