// Does the table add up? The checks that must pass before any model runs on a table read from a
// sheet (CLI.md, issue 11): a table that does not add up, or that gives an import coefficient
// outside 0–1 or a large negative input, was misread or is damaged, and any number computed
// from it would be wrong. Small gaps that published rounding explains pass.
//
// Tolerance ("the rounding of the published digits"): every printed cell is exact to half a unit
// of its last digit (0.5 for whole numbers, 0.005 for two decimals). A total compared with the
// sum of k printed terms may therefore miss by the half units of the k terms and of the total;
// 1e-9 of the terms' absolute sum is added for floating-point arithmetic. Nothing else passes.

import { RippleError, type Bilingual, type RippleWarning } from "../errors";
import { a1, parseA1, pieceCell } from "../grid";
import { sumRoles, type IOTable, type Line, type Role } from "./types";

/** A negative input coefficient down to this is a by-product or scrap credit (MIC's マイナス投入
 * 方式: 宮崎県 2011 has −0.0001 in 鉱業 → 宿泊業); below it the cell is taken to be damaged. */
export const NEGATIVE_INPUT_LIMIT = -0.05;

export type CheckId = "columns" | "rows" | "output" | "import-share" | "negative-input" | "hawkins-simon";

export interface CheckFailure {
  /** What failed, e.g. the sector's label. */
  label: string;
  /** The cell to look at (A1, on the table's sheet), when the table was read from a sheet. */
  cell: string | null;
  /** The value found and the value it should equal (or the limit it should keep). */
  value: number;
  expected: number;
  gap: number;
  tolerance: number;
}

export interface TableCheck {
  id: CheckId;
  /** What is compared, with the tolerance. */
  rule: Bilingual;
  /** Nothing to compare (e.g. no output column): the check was not made. */
  skipped: boolean;
  failures: CheckFailure[];
  /** Accepted exceptions, e.g. small negative inputs (scrap credits). */
  notes: CheckFailure[];
}

/** Half a unit of the last printed digit of v (0 for 0: a blank is exact). */
export function halfUnit(v: number): number {
  if (v === 0 || !Number.isFinite(v)) return 0;
  if (Number.isInteger(v)) return 0.5;
  // Fast path (a table has a million cells; toString was most of the balance check at 1000
  // sectors): the first d whose d-decimal rounding gives v back is the number of decimals of v's
  // shortest printed form, as toString would give it. Exact while v·10^d < 2^51 (the product's
  // rounding error stays far below ½), so larger values take the string path.
  const a = Math.abs(v);
  for (let d = 1, p = 10; d <= 8 && a * p < 2 ** 51; d++, p *= 10) if (Math.round(a * p) / p === a) return 0.5 * 10 ** -d;
  const s = a.toString();
  const e = /e-(\d+)$/.exec(s);
  if (e) return 0.5 * 10 ** -(Number(e[1]) + (s.split("e")[0].split(".")[1]?.length ?? 0));
  const dec = s.split(".")[1]?.length ?? 0;
  return 0.5 * 10 ** -dec;
}

/** Tolerance for comparing a total with the sum of the terms it should equal. */
export function sumTolerance(terms: number[], total: number): number {
  let t = halfUnit(total);
  let abs = Math.abs(total);
  for (const v of terms) {
    t += halfUnit(v);
    abs += Math.abs(v);
  }
  return t + 1e-9 * abs;
}

/** Sheet cells of the table: the data cell where a row line meets a column line. A row's label
 * cell is on the row's sheet row, a column's on its sheet column, which gives the grid's origin. */
function cellFinder(table: IOTable): (row: Line | undefined, col: Line | undefined) => string | null {
  const layout = table.layout;
  const join = layout?.joined;
  if (join) {
    // A table printed in blocks: the cell is where its block printed it.
    return (row, col) => {
      if (!row || !col) return (row ?? col)?.address ?? null;
      const at = pieceCell(join.pieces, row.index, col.index);
      return a1(join.origin.row + at.row, join.origin.col + at.col);
    };
  }
  const r = layout?.rows[0];
  const c = layout?.cols[0];
  const ra = r && parseA1(r.address);
  const ca = c && parseA1(c.address);
  if (!r || !c || !ra || !ca) return (row, col) => (row ?? col)?.address ?? null;
  const r0 = ra.row - r.index;
  const c0 = ca.col - c.index;
  return (row, col) => (row && col ? a1(r0 + row.index, c0 + col.index) : (row ?? col)?.address ?? null);
}

/** The sector lines in table order (sectors a user dropped are not in the table). */
function sectorLines(table: IOTable, dim: "rows" | "cols"): (Line | undefined)[] {
  const lines = (table.layout?.[dim] ?? []).filter((l) => l.role === "sector").sort((a, b) => a.sector! - b.sector!);
  return table.sectors.map((_, i) => lines[i]);
}

const isFinal = (r: Role) => r.startsWith("fd:") || r === "export" || r === "import";

/** Every check of the table, in the order they are shown. */
export function tableChecks(table: IOTable): TableCheck[] {
  const n = table.sectors.length;
  const cell = cellFinder(table);
  const rowsS = sectorLines(table, "rows");
  const colsS = sectorLines(table, "cols");
  const outRow = table.layout?.rows.find((l) => l.role === "output");
  const outCol = table.layout?.cols.find((l) => l.role === "output");
  const label = (i: number) => table.sectors[i].label;
  const checks: TableCheck[] = [];

  // Columns: intermediate inputs + primary inputs = output (the output row).
  {
    const failures: CheckFailure[] = [];
    const skipped = table.layout !== null && !outRow && !outCol;
    if (!skipped) {
      for (let j = 0; j < n; j++) {
        const terms = [...table.Z.map((r) => r[j]), ...table.primaryInputs.map((v) => v.values[j])];
        failures.push(...compare(label(j), cell(outRow, colsS[j]) ?? cell(colsS[j], undefined), terms, table.x[j]));
      }
    }
    checks.push({
      id: "columns",
      rule: {
        ja: "列: 中間投入計＋粗付加価値など（輸入・商品税の行を含む）＝生産額（許容差: 各セルの表示桁の半単位の和）",
        en: "Columns: intermediate inputs + value added and other primary inputs (import and product-tax rows included) = output (tolerance: half a unit of the last printed digit of every cell added)",
      },
      skipped,
      failures,
      notes: [],
    });
  }

  // Rows: intermediate demand + final demand (imports deducted) = output (the output column).
  {
    const failures: CheckFailure[] = [];
    const skipped = !outCol || table.finalDemand.length === 0;
    if (!skipped) {
      for (let i = 0; i < n; i++) {
        const terms = [...table.Z[i], ...table.finalDemand.filter((v) => isFinal(v.role)).map((v) => v.values[i])];
        failures.push(...compare(label(i), cell(rowsS[i], outCol), terms, table.xRow[i]));
      }
    }
    checks.push({
      id: "rows",
      rule: {
        ja: "行: 中間需要計＋最終需要（移輸出を含み、（控除）移輸入を差し引く）＝生産額（許容差: 同上）",
        en: "Rows: intermediate demand + final demand (exports included, imports deducted) = output (same tolerance)",
      },
      skipped,
      failures,
      notes: [],
    });
  }

  // The output row and the output column are the same numbers.
  {
    const failures: CheckFailure[] = [];
    const skipped = !outRow || !outCol;
    if (!skipped) {
      for (let i = 0; i < n; i++) failures.push(...compare(label(i), cell(outRow, colsS[i]), [table.xRow[i]], table.x[i]));
    }
    checks.push({
      id: "output",
      rule: { ja: "生産額の行＝生産額の列（許容差: 同上）", en: "Output row = output column (same tolerance)" },
      skipped,
      failures,
      notes: [],
    });
  }

  checks.push(importShareCheck(table, (i) => cell(rowsS[i], table.layout?.cols.find((l) => l.role === "import"))));
  checks.push(negativeInputCheck(table, (i, j) => cell(rowsS[i], colsS[j])));
  checks.push(hawkinsSimonCheck(table, (j) => cell(colsS[j], undefined)));
  return checks;
}

function compare(label: string, cell: string | null, terms: number[], total: number): CheckFailure[] {
  const sum = terms.reduce((a, b) => a + b, 0);
  const tolerance = sumTolerance(terms, total);
  const gap = sum - total;
  return Math.abs(gap) > tolerance ? [{ label, cell, value: sum, expected: total, gap, tolerance }] : [];
}

/** m_i = |imports_i| / (Σ_j Z_ij + domestic final demand_i), MODELS.md 2: a share, 0 ≤ m ≤ 1. */
function importShareCheck(table: IOTable, cell: (i: number) => string | null): TableCheck {
  const n = table.sectors.length;
  const failures: CheckFailure[] = [];
  const skipped = table.importType !== "competitive";
  if (!skipped) {
    const imports = sumRoles(table.finalDemand, n, (r) => r === "import");
    const fd = sumRoles(table.finalDemand, n, (r) => r.startsWith("fd:"));
    for (let i = 0; i < n; i++) {
      const d = table.Z[i].reduce((a, b) => a + b, 0) + fd[i];
      const imp = Math.abs(imports[i]);
      if (imp === 0) continue;
      const m = d > 0 ? imp / d : Infinity;
      if (!(m <= 1)) failures.push({ label: table.sectors[i].label, cell: cell(i), value: m, expected: 1, gap: m - 1, tolerance: 0 });
    }
  }
  return {
    id: "import-share",
    rule: {
      ja: "輸入係数 m = |（控除）移輸入| ÷ 県内（国内）需要合計 が 0〜1",
      en: "Import coefficients m = |imports| / domestic demand (intermediate + domestic final demand) within 0–1",
    },
    skipped,
    failures,
    notes: [],
  };
}

/** A = Z x̂⁻¹ non-negative; small negative inputs (scrap and by-product credits) are noted. */
function negativeInputCheck(table: IOTable, cell: (i: number, j: number) => string | null): TableCheck {
  const n = table.sectors.length;
  const failures: CheckFailure[] = [];
  const notes: CheckFailure[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const z = table.Z[i][j];
      if (!(z < 0) || !(table.x[j] > 0)) continue;
      const a = z / table.x[j];
      const f = { label: `${table.sectors[i].label} → ${table.sectors[j].label}`, cell: cell(i, j), value: a, expected: 0, gap: a, tolerance: -NEGATIVE_INPUT_LIMIT };
      (a < NEGATIVE_INPUT_LIMIT ? failures : notes).push(f);
    }
  }
  return {
    id: "negative-input",
    rule: {
      ja: `投入係数 A ≥ 0（屑・副産物のマイナス投入として ${NEGATIVE_INPUT_LIMIT} までは注記して認めます）`,
      en: `Input coefficients A ≥ 0 (down to ${NEGATIVE_INPUT_LIMIT} accepted and noted, as scrap and by-product credits)`,
    },
    skipped: false,
    failures,
    notes,
  };
}

/** Hawkins–Simon as MODELS.md 1 states it: every column sum of the domestic coefficients < 1. */
function hawkinsSimonCheck(table: IOTable, cell: (j: number) => string | null): TableCheck {
  const n = table.sectors.length;
  const failures: CheckFailure[] = [];
  let m: number[] | null = null;
  if (table.importType === "competitive") {
    const imports = sumRoles(table.finalDemand, n, (r) => r === "import");
    const fd = sumRoles(table.finalDemand, n, (r) => r.startsWith("fd:"));
    m = table.Z.map((row, i) => {
      const d = row.reduce((a, b) => a + b, 0) + fd[i];
      return d > 0 ? Math.min(1, Math.abs(imports[i]) / d) : 0;
    });
  }
  for (let j = 0; j < n; j++) {
    if (!(table.x[j] > 0)) continue;
    let s = 0;
    for (let i = 0; i < n; i++) s += ((m ? 1 - m[i] : 1) * table.Z[i][j]) / table.x[j];
    if (!(s < 1)) failures.push({ label: table.sectors[j].label, cell: cell(j), value: s, expected: 1, gap: s - 1, tolerance: 0 });
  }
  return {
    id: "hawkins-simon",
    rule: {
      ja: "ホーキンス＝サイモン条件: 国産投入係数の列和 < 1",
      en: "Hawkins–Simon: every column sum of the domestic input coefficients < 1",
    },
    skipped: false,
    failures,
    notes: [],
  };
}

const CHECK_NAME: Record<CheckId, Bilingual> = {
  columns: { ja: "列の合計が生産額と合いません", en: "Columns do not add up to output" },
  rows: { ja: "行の合計が生産額と合いません", en: "Rows do not add up to output" },
  output: { ja: "生産額の行と列が食い違います", en: "The output row and the output column differ" },
  "import-share": { ja: "輸入係数が 0〜1 の範囲外です", en: "Import coefficients outside 0–1" },
  "negative-input": { ja: "大きな負の投入係数があります", en: "Large negative input coefficients" },
  "hawkins-simon": { ja: "生産が成り立ちません（ホーキンス＝サイモン条件）", en: "Not productive (Hawkins–Simon)" },
};

function fmt(v: number): string {
  if (!Number.isFinite(v)) return "∞";
  return Math.abs(v) >= 1000 ? String(Math.round(v)) : String(Number(v.toPrecision(4)));
}

/** The first failures of one check, for a message: "農業 (AZ4): 12,345 vs 12,300, gap 45 > 2.5". */
function failureList(c: TableCheck, lang: "ja" | "en", max = 3): string {
  const items = c.failures.slice(0, max).map((f) => {
    const at = f.cell ? ` (${f.cell})` : "";
    if (c.id === "import-share") return `${f.label}${at}: m = ${fmt(f.value)}`;
    if (c.id === "negative-input") return `${f.label}${at}: a = ${fmt(f.value)}`;
    if (c.id === "hawkins-simon") return `${f.label}${at}: ${fmt(f.value)}`;
    return lang === "ja"
      ? `${f.label}${at}: ${fmt(f.value)} ≠ ${fmt(f.expected)}（差 ${fmt(f.gap)}、許容差 ${fmt(f.tolerance)}）`
      : `${f.label}${at}: ${fmt(f.value)} vs ${fmt(f.expected)} (gap ${fmt(f.gap)}, tolerance ${fmt(f.tolerance)})`;
  });
  const more = c.failures.length - max;
  if (more > 0) items.push(lang === "ja" ? `ほか ${more} 件` : `and ${more} more`);
  return items.join(lang === "ja" ? "、" : "; ");
}

/** The checks that would make the numbers wrong (Hawkins–Simon is the model's own error). */
export function blockingChecks(checks: TableCheck[]): TableCheck[] {
  return checks.filter((c) => c.id !== "hawkins-simon" && !c.skipped && c.failures.length > 0);
}

/** One text for the failed checks, naming the first lines, cells and gaps. */
export function imbalanceText(failed: TableCheck[]): Bilingual {
  const part = (lang: "ja" | "en") => failed.map((c) => `${CHECK_NAME[c.id][lang]}: ${failureList(c, lang)}`).join(lang === "ja" ? "。" : ". ");
  return { ja: part("ja"), en: part("en") };
}

const REMEDY: Bilingual = {
  ja: "読み取った行・列の役割（ripple inspect）と元の表の数値を確認し、直してください。差を承知で計算するには --allow-imbalance を指定します（作業ウィンドウでは「合計が合わない表でも計算する」にチェック）。",
  en: "Check the roles read (ripple inspect) and the numbers in the sheet and correct them; to compute anyway, knowing the gaps, give --allow-imbalance (in the task pane: tick “Compute even if the table does not add up”).",
};

/** Refuses a table that does not add up (typed error "table.imbalance", naming the sheet, the
 * first cells and the gaps, and what to do), or — when the user allows it — returns the warning
 * that every results sheet repeats. */
export function checkTableBalance(
  table: IOTable,
  opts: {
    allowImbalance?: boolean;
    /** How the allowance was given, for the warning (default: --allow-imbalance). */
    allowedBy?: Bilingual;
  } = {},
): RippleWarning[] {
  const failed = blockingChecks(tableChecks(table));
  if (failed.length === 0) return [];
  const what = imbalanceText(failed);
  const sheet = table.layout?.sheet;
  const first = failed[0].failures[0];
  const where = { ...(sheet !== undefined ? { sheet } : {}), ...(first.cell ? { cell: first.cell } : {}) };
  if (opts.allowImbalance) {
    return [
      {
        code: "table.imbalance-allowed",
        text: {
          ja: `均衡していない表を利用者の指定（${opts.allowedBy?.ja ?? "--allow-imbalance"}）で計算しました。結果は表の誤差を含みます: ${what.ja}`,
          en: `The table does not add up and was used anyway, as asked (${opts.allowedBy?.en ?? "--allow-imbalance"}); the results carry its errors: ${what.en}`,
        },
        where,
      },
    ];
  }
  throw new RippleError(
    "table.imbalance",
    {
      ja: `この表は合計が合わないため計算しません（結果が誤った数値になります）。${what.ja}。${REMEDY.ja}`,
      en: `The table does not add up, so nothing is computed from it (the results would be wrong numbers). ${what.en}. ${REMEDY.en}`,
    },
    where,
  );
}
