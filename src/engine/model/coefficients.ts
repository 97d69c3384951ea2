// Coefficients of an IO table (MODELS.md 1-2): A = Z x̂⁻¹, v, w, e, import coefficients m and
// the household consumption composition h. Every division by an output is checked.

import { RippleError, type RippleWarning, type Where } from "../errors";
import { isValueAdded, type IOTable, type Role, sumRoles } from "../table/types";
import { luMatrix } from "./lu";
import type { ResolvedOptions } from "./options";

export interface Coefficients {
  n: number;
  /** A row-major, n×n. */
  A: Float64Array;
  /** Domestic coefficients A_d = (I − M̂)A (competitive) or A (domestic-use), row-major. */
  Ad: Float64Array;
  x: number[];
  /** Gross value added per unit output. */
  v: number[];
  /** Compensation of employees per unit output (雇用者所得率). */
  wc: number[];
  /** Income per unit output that drives induced consumption (compensation, or + surplus). */
  w: number[];
  /** Persons per unit output, or null without employment data. */
  e: number[] | null;
  /** Import coefficients m_i (competitive) or null. */
  m: number[] | null;
  /** Domestic demand d_i (competitive) or null. */
  domesticDemand: number[] | null;
  /** Household consumption composition (Σh = 1), or null with the reason in hReason. */
  h: number[] | null;
  hReason: string | null;
  warnings: RippleWarning[];
}

/** Where a sector's label is: its column (buyer, x_j) or its row (seller). */
export function sectorWhere(table: IOTable, i: number, axis: "col" | "row" = "col"): Where {
  const layout = table.layout;
  if (!layout) return {};
  const lines = (axis === "col" ? layout.cols : layout.rows).filter((l) => l.role === "sector");
  const line = lines[i];
  return line ? { sheet: layout.sheet, cell: line.address } : { sheet: layout.sheet };
}

export function sectorName(table: IOTable, i: number): string {
  return table.sectors[i]?.label ?? `#${i + 1}`;
}

const isDomesticFinalDemand = (r: Role): boolean => r.startsWith("fd:");

function checkShape(table: IOTable): number {
  const n = table.sectors.length;
  const bad = (what: string, ja: string): RippleError =>
    new RippleError(
      "table-shape",
      { ja: `表の形が不正です: ${ja}`, en: `The table is malformed: ${what}` },
      table.layout ? { sheet: table.layout.sheet, cell: table.layout.sectorBlock } : {},
    );
  if (n === 0) throw bad("it has no sectors", "部門がありません");
  if (table.Z.length !== n || table.Z.some((r) => r.length !== n))
    throw bad(`Z must be ${n}×${n}`, `中間投入 Z は ${n}×${n} が必要です`);
  if (table.x.length !== n || table.xRow.length !== n)
    throw bad(`the output vector must have ${n} values`, `国内生産額は ${n} 個必要です`);
  for (const v of [...table.finalDemand, ...table.primaryInputs])
    if (v.values.length !== n)
      throw bad(`"${v.label}" has ${v.values.length} values, expected ${n}`, `「${v.label}」の値が ${v.values.length} 個です（${n} 個必要）`);
  if (table.employment && table.employment.length !== n)
    throw bad(`employment has ${table.employment.length} values, expected ${n}`, `就業者数が ${table.employment.length} 個です（${n} 個必要）`);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      if (!Number.isFinite(table.Z[i][j]))
        throw new RippleError(
          "not-a-number",
          {
            ja: `${sectorName(table, i)} → ${sectorName(table, j)} の取引額が数値ではありません。数値を入れてください`,
            en: `the flow ${sectorName(table, i)} → ${sectorName(table, j)} is not a number; enter a number`,
          },
          sectorWhere(table, j),
        );
  return n;
}

/** Compute all coefficients; throws RippleError for zero/negative output. */
export function computeCoefficients(table: IOTable, opts: ResolvedOptions): Coefficients {
  const n = checkShape(table);
  const warnings: RippleWarning[] = [];
  const x = table.x;
  for (let j = 0; j < n; j++) {
    if (!(Number.isFinite(x[j]) && x[j] > 0)) {
      const zero = x[j] === 0;
      throw new RippleError(
        zero ? "zero-output" : "negative-output",
        {
          ja: `部門「${sectorName(table, j)}」の国内生産額が ${zero ? "0" : String(x[j])} のため投入係数を計算できません。この部門を削除するか、他の部門と統合してください`,
          en: `sector "${sectorName(table, j)}" has output ${zero ? "0" : String(x[j])}, so its input coefficients cannot be computed; drop the sector or merge it with another`,
        },
        sectorWhere(table, j),
      );
    }
  }

  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A[i * n + j] = table.Z[i][j] / x[j];

  const per = (vals: number[]): number[] => vals.map((val, j) => val / x[j]);
  const pis = table.primaryInputs;
  let va: number[];
  if (pis.some((p) => isValueAdded(p.role))) {
    va = sumRoles(pis, n, isValueAdded);
  } else {
    // No value-added rows: value added is what remains of output after intermediate inputs,
    // imports and product taxes.
    const other = sumRoles(pis, n, (r) => r === "import" || r === "tax-products");
    va = x.map((xj, j) => xj - table.Z.reduce((s, row) => s + row[j], 0) - other[j]);
    warnings.push({
      code: "no-value-added-rows",
      text: {
        ja: "粗付加価値の行がないため、国内生産額から中間投入等を引いた残差を粗付加価値としました",
        en: "No value-added rows: gross value added is taken as output minus intermediate inputs, imports and product taxes",
      },
    });
  }
  const v = per(va);
  const hasComp = pis.some((p) => p.role === "va:compensation");
  if (!hasComp)
    warnings.push({
      code: "no-compensation-row",
      text: {
        ja: "雇用者所得の行（va:compensation）がないため、雇用者所得誘発額と第2次間接波及効果は 0 になります。雇用者所得の行を va:compensation に対応づけてください",
        en: "No compensation row (va:compensation): compensation effects and the second-round effect are zero; map the compensation row to va:compensation",
      },
    });
  const wc = per(sumRoles(pis, n, (r) => r === "va:compensation"));
  const w =
    opts.incomeBase === "compensation"
      ? wc
      : per(sumRoles(pis, n, (r) => r === "va:compensation" || r === "va:surplus"));
  const e = table.employment ? per(table.employment) : null;

  let m: number[] | null = null;
  let domesticDemand: number[] | null = null;
  const Ad = Float64Array.from(A);
  if (opts.importType === "competitive") {
    const hasImports = table.finalDemand.some((f) => f.role === "import");
    if (!hasImports)
      warnings.push({
        code: "no-import-columns",
        text: {
          ja: "競争輸入型ですが（控除）輸入の列がないため、輸入係数を 0 としました",
          en: "Competitive-import table without (控除) import columns: import coefficients are taken as 0",
        },
      });
    const imports = sumRoles(table.finalDemand, n, (r) => r === "import");
    const fdDom = sumRoles(table.finalDemand, n, isDomesticFinalDemand);
    domesticDemand = table.Z.map((row, i) => row.reduce((s, z) => s + z, 0) + fdDom[i]);
    m = domesticDemand.map((d, i) => {
      const imp = Math.abs(imports[i]);
      if (d === 0) {
        if (imp !== 0)
          warnings.push({
            code: "import-coefficient-zero-demand",
            text: {
              ja: `部門「${sectorName(table, i)}」は国内需要が 0 のため輸入係数を 0 としました`,
              en: `sector "${sectorName(table, i)}" has zero domestic demand: its import coefficient is taken as 0`,
            },
            where: sectorWhere(table, i, "row"),
          });
        return 0;
      }
      const mi = imp / d;
      if (!(mi >= 0 && mi <= 1))
        warnings.push({
          code: "import-coefficient-range",
          text: {
            ja: `部門「${sectorName(table, i)}」の輸入係数 ${mi} が 0〜1 の範囲外です。輸入と国内需要の値を確認してください`,
            en: `sector "${sectorName(table, i)}" has import coefficient ${mi}, outside 0 to 1; check its imports and domestic demand`,
          },
          where: sectorWhere(table, i, "row"),
        });
      return mi;
    });
    for (let i = 0; i < n; i++) {
      const s = 1 - m[i];
      for (let j = 0; j < n; j++) Ad[i * n + j] *= s;
    }
  }

  let h: number[] | null = null;
  let hReason: string | null = null;
  const hh = table.finalDemand.filter((f) => f.role === "fd:household");
  if (hh.length === 0) hReason = "no-household-column";
  else {
    const col = sumRoles(hh, n, (r) => r === "fd:household");
    const total = col.reduce((s, c) => s + c, 0);
    if (total > 0 && Number.isFinite(total)) h = col.map((c) => c / total);
    else hReason = "household-column-not-positive";
  }

  return { n, A, Ad, x: [...x], v, wc, w, e, m, domesticDemand, h, hReason, warnings };
}

/** Hawkins–Simon, first half: every column sum of the domestic coefficients must be < 1. */
export function checkProductive(table: IOTable, Ad: Float64Array, n: number): void {
  const bad: number[] = [];
  const sums: number[] = [];
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Ad[i * n + j];
    if (!(s < 1)) {
      bad.push(j);
      sums.push(s);
    }
  }
  if (bad.length === 0) return;
  const list = bad.map((j, k) => `${sectorName(table, j)} (${sums[k].toPrecision(6)})`).join(", ");
  throw new RippleError(
    "not-productive",
    {
      ja: `投入係数の列和が 1 以上の部門があります（ホーキンス＝サイモン条件を満たしません）: ${list}。中間投入と国内生産額の値を確認してください`,
      en: `The coefficient matrix is not productive (Hawkins–Simon): column sums ≥ 1 for ${list}; check these sectors' inputs and output`,
    },
    sectorWhere(table, bad[0]),
    "numeric",
  );
}

/** The (n×n) row-major matrix I − M. */
export function identityMinus(M: Float64Array, n: number): Float64Array {
  const out = luMatrix(n); // made where the factorisation works on it (every caller factors it)
  for (let k = 0; k < n * n; k++) out[k] = -M[k];
  for (let i = 0; i < n; i++) out[i * n + i] += 1;
  return out;
}

/** Error for a singular (I − A_d), naming the sector at the failing elimination step. */
export function singularError(table: IOTable, step: number, what: string): RippleError {
  return new RippleError(
    "singular",
    {
      ja: `${what} が特異で逆行列を計算できません（部門「${sectorName(table, step)}」付近で 0 の軸）。重複・比例した部門を統合するか削除してください`,
      en: `${what} is singular, so it cannot be inverted (zero pivot near sector "${sectorName(table, step)}"); merge or drop duplicated or proportional sectors`,
    },
    sectorWhere(table, step),
    "numeric",
  );
}
