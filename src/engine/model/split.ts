// Splitting a new sector (e.g. NdFeB magnets) out of its parent (MODELS.md 7).
//
// With p = parent, q = the new sector (inserted right after p), s = output share, x_q = s·x_p:
// - Column (input structure): q buys u_i = a_i·x_q of commodity i, where `inputCoefficients` a is
//   given over the ORIGINAL n commodities (a_p = the merged parent commodity, which the row split
//   below divides between p and q); default a = the parent's own column of A. The parent keeps
//   Z_ip − u_i. q's primary inputs are `primaryInputCoefficients`·x_q (one per primaryInputs row,
//   Σa + Σ = 1), or by default x_q − Σu spread over the rows in the parent's proportions.
// - Row (sales): of each buyer's purchases of the parent commodity, the share σ comes from q:
//   `salesShares.intermediate[j]` (original buyers j; the new column q uses the parent's σ_p)
//   and `salesShares.finalDemand[k]` (table.finalDemand order, imports included); default σ = s.
// - Employment: s·employment_p, or `employment` persons.
// Merging p and q back gives the original table exactly; every row and column total is checked,
// and q's row total must equal its output (a user-given σ that does not sell x_q is an error).

import { RippleError } from "../errors";
import { type IOTable, makeTable, type Sector } from "../table/types";
import { checkTotal, matrixTotal, sameTotal, total } from "./aggregate";

export interface SplitSpec {
  label: string;
  /** Output share of the parent, 0 < share < 1. */
  share: number;
  /** Inputs per unit of the new sector's output, over the original n commodities. */
  inputCoefficients?: number[];
  /** Primary inputs per unit output, one per table.primaryInputs row. */
  primaryInputCoefficients?: number[];
  salesShares?: { intermediate?: number[]; finalDemand?: number[] };
  /** Persons employed in the new sector (default: share of the parent's). */
  employment?: number;
}

function splitError(field: string, ja: string, en: string): RippleError {
  return new RippleError(`split-${field}`, { ja: `部門分割（${field}）: ${ja}`, en: `sector split (${field}): ${en}` });
}

function checkShares(v: number[] | undefined, len: number, field: string): void {
  if (!v) return;
  if (v.length !== len) throw splitError(field, `${len} 個の値が必要です（${v.length} 個あります）`, `needs ${len} values (got ${v.length})`);
  v.forEach((x, i) => {
    if (!(Number.isFinite(x) && x >= 0 && x <= 1))
      throw splitError(field, `${i + 1} 番目の値 ${String(x)} は 0〜1 にしてください`, `value ${i + 1} (${String(x)}) must be from 0 to 1`);
  });
}

export function splitSector(table: IOTable, parent: number, spec: SplitSpec): IOTable {
  const n = table.sectors.length;
  const p = parent;
  if (!Number.isInteger(p) || p < 0 || p >= n) throw splitError("parent", `親部門の番号 ${String(p)} は 0〜${n - 1} にしてください`, `parent index ${String(p)} must be from 0 to ${n - 1}`);
  const pname = table.sectors[p].label;
  const s = spec.share;
  if (!(Number.isFinite(s) && s > 0 && s < 1))
    throw splitError("share", `産出シェア ${String(s)} は 0 より大きく 1 より小さい数にしてください`, `output share ${String(s)} must be greater than 0 and less than 1`);
  if (!spec.label || table.sectors.some((x) => x.label === spec.label || x.name === spec.label))
    throw splitError("label", `新部門名「${spec.label}」が空か既存の部門と重複しています`, `the new sector label "${spec.label}" is empty or already used`);
  const xp = table.x[p];
  if (!(xp > 0)) throw splitError("parent", `親部門「${pname}」の国内生産額が正ではありません`, `parent "${pname}" has no positive output`);
  const xq = s * xp;

  const a = spec.inputCoefficients ?? table.Z.map((row) => row[p] / xp);
  checkShares(a, n, "inputCoefficients");
  const pis = table.primaryInputs;
  const u = a.map((ai) => ai * xq);
  const uSum = total(u);
  const tol = 1e-9 * xp;

  // Parent column must keep the same sign in every row after giving up the new sector's inputs.
  for (let i = 0; i < n; i++) {
    const r = table.Z[i][p] - u[i];
    if (table.Z[i][p] >= 0 ? r < -tol : r > tol)
      throw splitError(
        "inputCoefficients",
        `新部門の「${table.sectors[i].label}」からの投入 ${u[i]} が親部門「${pname}」の投入 ${table.Z[i][p]} を超えます。投入係数か産出シェアを小さくしてください`,
        `the new sector's input from "${table.sectors[i].label}" (${u[i]}) exceeds the parent "${pname}"'s (${table.Z[i][p]}); lower the coefficient or the share`,
      );
  }

  let prim: number[];
  if (spec.primaryInputCoefficients) {
    checkShares(spec.primaryInputCoefficients, pis.length, "primaryInputCoefficients");
    const sumAll = total(a) + total(spec.primaryInputCoefficients);
    if (!sameTotal(sumAll, 1, 1e-9))
      throw splitError("primaryInputCoefficients", `投入係数と粗付加価値等の係数の合計が ${sumAll} です（1 にしてください）`, `input and primary-input coefficients sum to ${sumAll}; they must sum to 1`);
    prim = spec.primaryInputCoefficients.map((c) => c * xq);
  } else {
    const vaq = xq - uSum;
    if (vaq < -tol)
      throw splitError("inputCoefficients", `投入係数の合計 ${total(a)} が 1 を超えます`, `input coefficients sum to ${total(a)}, more than 1`);
    const pTotal = pis.reduce((acc, r) => acc + r.values[p], 0);
    if (pis.length === 0 || pTotal === 0) {
      if (Math.abs(vaq) > tol)
        throw splitError("primaryInputCoefficients", `親部門「${pname}」に粗付加価値等の行がないため、新部門の粗付加価値等の内訳を指定してください`, `the parent "${pname}" has no primary inputs to split in proportion; give primaryInputCoefficients`);
      prim = pis.map(() => 0);
    } else prim = pis.map((r) => (r.values[p] / pTotal) * vaq);
  }
  pis.forEach((r, k) => {
    const rem = r.values[p] - prim[k];
    if (r.values[p] >= 0 ? rem < -tol : rem > tol)
      throw splitError(
        "primaryInputCoefficients",
        `新部門の「${r.label}」${prim[k]} が親部門「${pname}」の ${r.values[p]} を超えます`,
        `the new sector's "${r.label}" (${prim[k]}) exceeds the parent "${pname}"'s (${r.values[p]})`,
      );
  });

  const sig = spec.salesShares?.intermediate ?? new Array<number>(n).fill(s);
  const sigF = spec.salesShares?.finalDemand ?? table.finalDemand.map(() => s);
  checkShares(sig, n, "salesShares.intermediate");
  checkShares(sigF, table.finalDemand.length, "salesShares.finalDemand");

  const empP = table.employment?.[p] ?? 0;
  const empQ = spec.employment ?? s * empP;
  if (table.employment && !(Number.isFinite(empQ) && empQ >= 0 && empQ <= empP))
    throw splitError("employment", `新部門の就業者数 ${String(empQ)} は 0〜${empP}（親部門）にしてください`, `employment ${String(empQ)} must be from 0 to the parent's ${empP}`);

  // Build in the order [0..n-1, q] with q = n, then move q right after p.
  const N = n + 1;
  const q = n;
  const Z: number[][] = Array.from({ length: N }, () => new Array<number>(N).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) Z[i][j] = table.Z[i][j];
    Z[i][p] = table.Z[i][p] - u[i];
    Z[i][q] = u[i];
  }
  // Split row p into p and q.
  const rowP = [...Z[p]];
  for (let j = 0; j < N; j++) {
    const sj = j === q ? sig[p] : sig[j];
    Z[q][j] = sj * rowP[j];
    Z[p][j] = rowP[j] - Z[q][j];
  }
  const x = [...table.x, xq];
  x[p] = xp - xq;
  const finalDemand = table.finalDemand.map((f, k) => {
    const values = [...f.values, sigF[k] * f.values[p]];
    values[p] = f.values[p] - values[q];
    return { role: f.role, label: f.label, values };
  });
  const rowQTotal = total(Z[q]) + finalDemand.reduce((acc, f) => acc + f.values[q], 0);
  const xRow = [...table.xRow, rowQTotal];
  xRow[p] = table.xRow[p] - rowQTotal;
  const primaryInputs = pis.map((r, k) => {
    const values = [...r.values, prim[k]];
    values[p] = r.values[p] - prim[k];
    return { role: r.role, label: r.label, values };
  });
  const employment = table.employment ? [...table.employment, empQ] : null;
  if (employment) employment[p] = empP - empQ;

  // The new row must sell what the new sector produces, when the parent's own row balances.
  const parentRow = total(table.Z[p]) + table.finalDemand.reduce((acc, f) => acc + f.values[p], 0);
  if (sameTotal(parentRow, table.xRow[p], 1e-6) && !sameTotal(rowQTotal, s * table.xRow[p], 1e-6))
    throw splitError(
      "salesShares",
      `新部門の販路の合計 ${rowQTotal} が生産額 ${s * table.xRow[p]} と一致しません。販路シェアを調整してください`,
      `the new sector's sales sum to ${rowQTotal}, not its output ${s * table.xRow[p]}; adjust the sales shares`,
    );

  const order = [...Array.from({ length: p + 1 }, (_, i) => i), q, ...Array.from({ length: n - p - 1 }, (_, i) => p + 1 + i)];
  const perm = <T>(v: T[]): T[] => order.map((i) => v[i]);
  const newSector: Sector = { code: null, name: spec.label, label: spec.label };
  const out = makeTable({
    sectors: perm([...table.sectors, newSector]),
    Z: order.map((i) => perm(Z[i])),
    x: perm(x),
    xRow: perm(xRow),
    finalDemand: finalDemand.map((f) => ({ ...f, values: perm(f.values) })),
    primaryInputs: primaryInputs.map((r) => ({ ...r, values: perm(r.values) })),
    employment: employment ? perm(employment) : null,
    importType: table.importType,
    unit: table.unit,
  });
  out.warnings = [...table.warnings];
  checkSplitTotals(table, out, p);
  return out;
}

/** Merging sectors p and p+1 of `split` must give back `orig`: every row and column total
 * (intermediate + final demand by row, intermediate + primary inputs by column) and x. */
export function checkSplitTotals(orig: IOTable, split: IOTable, p: number): void {
  const n = orig.sectors.length;
  const back = (k: number): number => (k <= p ? k : k - 1); // split index -> original index
  const rowTot = (t: IOTable, i: number): number => total(t.Z[i]) + t.finalDemand.reduce((a, f) => a + f.values[i], 0);
  const colTot = (t: IOTable, j: number): number => t.Z.reduce((a, r) => a + r[j], 0) + t.primaryInputs.reduce((a, r) => a + r.values[j], 0);
  const mergedRow = new Array<number>(n).fill(0);
  const mergedCol = new Array<number>(n).fill(0);
  const mergedX = new Array<number>(n).fill(0);
  for (let k = 0; k <= n; k++) {
    mergedRow[back(k)] += rowTot(split, k);
    mergedCol[back(k)] += colTot(split, k);
    mergedX[back(k)] += split.x[k];
  }
  for (let i = 0; i < n; i++) {
    const name = orig.sectors[i].label;
    checkTotal(`row ${name}`, rowTot(orig, i), mergedRow[i]);
    checkTotal(`column ${name}`, colTot(orig, i), mergedCol[i]);
    checkTotal(`output ${name}`, orig.x[i], mergedX[i]);
  }
  checkTotal("Z", matrixTotal(orig.Z), matrixTotal(split.Z));
}
