// Cost-push price model (MODELS.md 5), prices as indexes with base 1.
//   Competitive (競争輸入型): p' = p'(I − M̂)A + p_m'M̂A + v'
//     an import-price change gives Δp' = (Δp_m'M̂A + Δv') L,  L = [I − (I − M̂)A]⁻¹
//   Domestic-use tables: p' = p'A + p_m μ' + v' (μ_j = imports_j / x_j, the import row)
//     Δp' = (Δp_m μ' + Δv') (I − A)⁻¹
// Lᵀ is applied by a transposed solve with the model's factorization (no inverse).

import type { Bilingual, RippleWarning } from "../errors";
import { isValueAdded, sumRoles } from "../table/types";
import {
  checkFiniteVector,
  checkSectorIndex,
  type LeontiefModel,
  type MethodNote,
  paramError,
} from "./common";

export interface PriceShock {
  /** Relative change of import prices (0.3 = +30%). Competitive tables: one value per
   * commodity, or one value for all. Domestic-use tables: one value (their import row is not
   * split by product). */
  importPriceChange?: number | number[];
  /** Change of primary-input cost per unit of output Δv_j (a share of the base price of 1),
   * e.g. from valueAddedShock. */
  valueAddedCostChange?: number[];
}

export interface PriceResult {
  label: Bilingual;
  importType: LeontiefModel["importType"];
  /** Δp by sector. */
  delta: number[];
  /** Price index 1 + Δp (base 1). */
  index: number[];
  /** Percentage change 100 Δp. */
  percent: number[];
  /** Price levels p0 + Δp from the table's own costs; p0 = 1 when the table's columns balance. */
  levels: number[];
  /** max |p0_j − 1|: how far the table's cost structure is from unit base prices. */
  baseDeviation: number;
  warnings: RippleWarning[];
}

export const PRICE_LABEL: Bilingual = { ja: "価格波及モデル（コスト・プッシュ）", en: "cost-push price model" };

/** Import cost per unit of output μ_j from the import row of a domestic-use table (zeros if none). */
function importRowShare(model: LeontiefModel): { mu: number[]; hasRow: boolean } {
  const { table, n, x } = model;
  const hasRow = table.primaryInputs.some((p) => p.role === "import");
  const imp = sumRoles(table.primaryInputs, n, (r) => r === "import");
  return { mu: imp.map((v, j) => v / x[j]), hasRow };
}

/** All primary inputs per unit of output (value added, product taxes and, in domestic-use tables,
 * the import row), i.e. the v of the level price model. */
function primaryCostShare(model: LeontiefModel): number[] {
  const { table, n, x } = model;
  return sumRoles(table.primaryInputs, n, () => true).map((v, j) => v / x[j]);
}

/** Δv for a relative change r of sector k's gross value added per unit output: Δv_k = r v_k. */
export function valueAddedShock(model: LeontiefModel, sector: number, relativeChange: number): number[] {
  checkSectorIndex("sector", sector, model.n);
  if (!(typeof relativeChange === "number" && Number.isFinite(relativeChange) && relativeChange > -1))
    throw paramError("relativeChange", {
      ja: `${String(relativeChange)} は −1 より大きい数にしてください（例: 0.1 = 10% 上昇）`,
      en: `${String(relativeChange)} must be a number above −1 (e.g. 0.1 = up 10%)`,
    });
  const va = sumRoles(model.table.primaryInputs, model.n, isValueAdded);
  const out = new Array<number>(model.n).fill(0);
  out[sector] = (relativeChange * va[sector]) / model.x[sector];
  return out;
}

/** Price changes for an import-price and/or value-added-cost shock. */
export function costPushPrices(model: LeontiefModel, shock: PriceShock): PriceResult {
  const { n, sectors, A } = model;
  const cost = new Array<number>(n).fill(0);
  const warnings: RippleWarning[] = [];

  const ipc = shock.importPriceChange;
  if (ipc !== undefined) {
    if (model.importType === "competitive") {
      const m = model.m ?? new Array<number>(n).fill(0);
      const dpm = typeof ipc === "number" ? new Array<number>(n).fill(ipc) : ipc;
      checkFiniteVector("importPriceChange", dpm, n, sectors);
      // cost_j = Σ_i Δp_m,i m_i a_ij  (the row vector Δp_m'M̂A)
      for (let i = 0; i < n; i++) {
        const s = dpm[i] * m[i];
        if (s === 0) continue;
        for (let j = 0; j < n; j++) cost[j] += s * A[i * n + j];
      }
    } else {
      if (typeof ipc !== "number" || !Number.isFinite(ipc))
        throw paramError("importPriceChange", {
          ja: "非競争輸入型の表では輸入は 1 行（製品別でない）なので、輸入価格の変化率を 1 つの数で指定してください（例: 0.3）",
          en: "a domestic-use table has one import row (not by product): give the import price change as one number (e.g. 0.3)",
        });
      const { mu, hasRow } = importRowShare(model);
      if (!hasRow && ipc !== 0)
        throw paramError("importPriceChange", {
          ja: "表に輸入の行（import）がないため輸入価格の変化を計算できません。輸入の行を import に対応づけてください",
          en: "the table has no import row (role import), so an import price change cannot be applied; map the imports row to the role import",
        });
      for (let j = 0; j < n; j++) cost[j] += ipc * mu[j];
    }
  }
  if (shock.valueAddedCostChange !== undefined) {
    checkFiniteVector("valueAddedCostChange", shock.valueAddedCostChange, n, sectors);
    for (let j = 0; j < n; j++) cost[j] += shock.valueAddedCostChange[j];
  }

  const delta = model.solveT(cost);

  // Base levels: p0' = (1'M̂A + v') L for competitive tables, (μ' + v') L for domestic-use
  // tables (v then already holds the import row), i.e. unit prices when the columns balance.
  const base = primaryCostShare(model);
  if (model.importType === "competitive" && model.m) {
    const m = model.m;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) base[j] += m[i] * A[i * n + j];
  }
  const p0 = model.solveT(base);
  const baseDeviation = p0.reduce((mx, p) => Math.max(mx, Math.abs(p - 1)), 0);
  if (baseDeviation > 1e-6)
    warnings.push({
      code: "price-base-not-unit",
      text: {
        ja: `表の列（中間投入＋粗付加価値等＝生産額）が釣り合っていないため、基準価格が 1 から最大 ${baseDeviation.toPrecision(3)} ずれます。変化率（index, percent）は基準 1 に対する値です`,
        en: `The table's columns (inputs + primary inputs = output) do not balance, so base prices differ from 1 by up to ${baseDeviation.toPrecision(3)}; the index and percent changes are relative to a base of 1`,
      },
    });

  return {
    label: PRICE_LABEL,
    importType: model.importType,
    delta,
    index: delta.map((d) => 1 + d),
    percent: delta.map((d) => 100 * d),
    levels: p0.map((p, j) => p + delta[j]),
    baseDeviation,
    warnings,
  };
}

export const PRICE_NOTE: MethodNote = {
  title: { ja: "価格波及モデル（コスト・プッシュ型）", en: "Cost-push price model" },
  formula:
    "競争輸入型 (competitive): p' = p'(I − M̂)A + p_m'M̂A + v',  Δp' = (Δp_m'M̂A + Δv')[I − (I − M̂)A]⁻¹;  非競争輸入型 (domestic-use): Δp' = (Δp_m μ' + Δv')(I − A)⁻¹",
  body: {
    ja: "輸入価格（例: 希土類・磁石の x% 上昇）や部門の粗付加価値コストの変化が、投入構造を通じて各部門の価格にどれだけ転嫁されるかを、基準価格を 1 とする指数と変化率で示します。競争輸入型では輸入係数 M̂ で輸入品の投入割合を決め、非競争輸入型では輸入の行（生産額あたりの輸入額）に変化率を掛けます。",
    en: "Shows how a change in import prices (e.g. rare earths or magnets up x%) or in a sector's value-added cost passes through the input structure to every sector's price, as an index with base 1 and as a percentage change. Competitive tables take the imported share of each input from the import coefficients M̂; domestic-use tables apply the change to the import row (imports per unit of output).",
  },
  limits: {
    ja: "コストが全額・即時に価格へ転嫁され、投入係数・数量・利潤率は変わらないと仮定します（代替や需要の減少はありません）。競争輸入型では、同じ品目の国産品と輸入品の価格は別々に動くとし、国産品の価格は国内コストだけで決まります。",
    en: "Assumes full and immediate pass-through of costs, with input coefficients, quantities and margins unchanged (no substitution or demand response). In competitive tables the domestic and imported varieties of a product are priced separately; domestic prices follow domestic costs only.",
  },
  sources: [
    "Miller, R. E. & Blair, P. D. (2009) Input-Output Analysis: Foundations and Extensions, 2nd ed., ch. 2 (the price model).",
  ],
};
