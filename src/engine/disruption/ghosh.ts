// Ghosh supply-side model (MODELS.md 5): allocation coefficients B = x̂⁻¹Z (row output x_row),
// G = (I − B)⁻¹, and the effect of a primary-input change Δx' = Δv'G. (I − B) is factored once
// when the model is built; G is formed only when shown.
//
// Competitive tables (競争輸入型) hold imported goods inside Z; a row's intermediate sales can then
// exceed its domestic output (e.g. crude oil) and B is not productive. So by default the flows are
// the domestic part (I − M̂)Z, the same flows the open Leontief model uses; with them and
// x_row = x, G = x̂⁻¹ L x̂ exactly (Miller & Blair 2009, ch. 12).

import { RippleError, type Bilingual } from "../errors";
import { LU, LUFactorizer, SingularMatrixError, toRows } from "../model/lu";
import { sectorName, sectorWhere } from "../model/coefficients";
import { checkFiniteVector, checkSectorIndex, type LeontiefModel, type MethodNote, unitVector } from "./common";
import { sum } from "../numeric";

export const GHOSH_LABEL: Bilingual = { ja: "供給側モデル（ゴッシュ）", en: "supply-side (Ghosh)" };

export type GhoshFlows = "domestic" | "total";

export interface GhoshOptions {
  /** "domestic" (default): (I − M̂)Z for competitive tables, Z for domestic-use tables.
   * "total": Z as printed (imports included in competitive tables). */
  flows?: GhoshFlows;
}

export interface GhoshSupplyEffect {
  label: Bilingual;
  /** Δx by sector (table units). */
  output: number[];
  total: number;
}

export class GhoshModel {
  readonly label = GHOSH_LABEL;
  readonly n: number;
  readonly sectors: string[];
  readonly flows: GhoshFlows;
  /** Output by row used to divide (x_row). */
  readonly xRow: number[];
  /** B = x̂_row⁻¹ Z, row-major. */
  readonly B: Float64Array;
  /** Primary inputs v_j = x_row,j − Σ_i Z_ij, so that x_row' = v'G holds for the table. */
  readonly primaryInputs: number[];
  private readonly lu: LU;
  private cachedRowSums: number[] | null = null;

  private constructor(model: LeontiefModel, flows: GhoshFlows, xRow: number[], B: Float64Array, v: number[], lu: LU) {
    this.n = model.n;
    this.sectors = model.sectors;
    this.flows = flows;
    this.xRow = xRow;
    this.B = B;
    this.primaryInputs = v;
    this.lu = lu;
  }

  static build(model: LeontiefModel, options: GhoshOptions = {}): GhoshModel {
    const flows = options.flows ?? "domestic";
    if (flows !== "domestic" && flows !== "total")
      throw new RippleError("parameter-flows", {
        ja: `パラメータ flows: "${String(flows)}" は使えません。"domestic" か "total" を指定してください`,
        en: `parameter flows: "${String(flows)}" is not allowed; use "domestic" or "total"`,
      });
    const { n, table } = model;
    const xRow = [...table.xRow];
    for (let i = 0; i < n; i++)
      if (!(Number.isFinite(xRow[i]) && xRow[i] > 0))
        throw new RippleError(
          "zero-row-output",
          {
            ja: `部門「${sectorName(table, i)}」の国内生産額（行）が ${String(xRow[i])} のため産出係数 B を計算できません。この部門を削除するか、他の部門と統合してください`,
            en: `sector "${sectorName(table, i)}" has row output ${String(xRow[i])}, so its allocation coefficients B cannot be computed; drop the sector or merge it with another`,
          },
          sectorWhere(table, i, "row"),
        );
    const share = flows === "domestic" && model.m ? model.m.map((mi) => 1 - mi) : null;
    const B = new Float64Array(n * n);
    const colZ = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const z = table.Z[i][j] * (share ? share[i] : 1);
        B[i * n + j] = z / xRow[i];
        colZ[j] += z;
      }
    const v = xRow.map((xj, j) => xj - colZ[j]);
    const IminusB = new Float64Array(n * n);
    for (let k = 0; k < n * n; k++) IminusB[k] = -B[k];
    for (let i = 0; i < n; i++) IminusB[i * n + i] += 1;
    let lu: LU;
    try {
      lu = new LUFactorizer(IminusB, n).finish();
    } catch (err) {
      if (err instanceof SingularMatrixError)
        throw new RippleError(
          "singular",
          {
            ja: `I − B が特異で逆行列（ゴッシュ逆行列）を計算できません（部門「${sectorName(table, err.step)}」付近）。重複・比例した部門を統合するか削除してください`,
            en: `I − B is singular, so the Ghosh inverse cannot be computed (near sector "${sectorName(table, err.step)}"); merge or drop duplicated or proportional sectors`,
          },
          sectorWhere(table, err.step, "row"),
          "numeric",
        );
      throw err;
    }
    return new GhoshModel(model, flows, xRow, B, v, lu);
  }

  /** B as arrays. */
  allocationMatrix(): number[][] {
    return toRows(this.B, this.n);
  }

  /** G = (I − B)⁻¹ as arrays (full inverse: only when shown). */
  inverse(): number[][] {
    return toRows(this.lu.inverse(), this.n);
  }

  /** G b. */
  solve(b: ArrayLike<number>): number[] {
    checkFiniteVector("b", b, this.n, this.sectors);
    return Array.from(this.lu.solve(b));
  }

  /** Gᵀ b, i.e. (b'G)'. */
  solveT(b: ArrayLike<number>): number[] {
    checkFiniteVector("b", b, this.n, this.sectors);
    return Array.from(this.lu.solveTranspose(b));
  }

  /** Row k of G (e_k'G). */
  row(k: number): number[] {
    checkSectorIndex("sector", k, this.n);
    return this.solveT(unitVector(this.n, k));
  }

  /** Δx' = Δv'G for a change Δv in primary inputs (table units, by sector). */
  supplyEffect(deltaV: ArrayLike<number>): GhoshSupplyEffect {
    checkFiniteVector("deltaV", deltaV, this.n, this.sectors);
    const output = this.solveT(deltaV);
    return { label: GHOSH_LABEL, output, total: sum(output) };
  }

  /** Ghosh forward linkages: row sums of G (G1), and the index row sum / mean row sum. */
  forwardLinkages(): { rowSums: number[]; index: number[] } {
    if (!this.cachedRowSums) this.cachedRowSums = this.solve(new Array<number>(this.n).fill(1));
    const rowSums = [...this.cachedRowSums];
    const mean = sum(rowSums) / this.n;
    return { rowSums, index: rowSums.map((r) => r / mean) };
  }
}

export const GHOSH_NOTE: MethodNote = {
  title: { ja: "供給側モデル（ゴッシュ・モデル）", en: "Supply-side model (Ghosh)" },
  formula: "B = x̂⁻¹Z,  G = (I − B)⁻¹,  Δx' = Δv'G",
  body: {
    ja: "産出係数 B（各部門の産出がどの部門に販売されるかの比率）を固定し、粗付加価値・輸入などの本源的投入の変化 Δv が販売先を通じて前方へ波及する生産額の変化を計算します。競争輸入型の表では国産の取引 (I − M̂)Z を使います。G の行和は前方連関（感応度）の指標です。",
    en: "Holds the allocation coefficients B (the shares of each sector's output sold to each buyer) fixed and traces how a change Δv in primary inputs (value added, imports) spreads forward through the buyers. Competitive tables use the domestic flows (I − M̂)Z. Row sums of G measure forward linkages.",
  },
  limits: {
    ja: "供給側モデルとして扱ってください。産出係数が一定という仮定は、供給が減っても買い手が投入構成を変えずに比例して生産を減らすことを意味し、生産関数として不自然です（Oosterhaven 1988 の妥当性批判）。また必要な投入が増えなくても生産が増えるなど、需要側（レオンチェフ）モデルと同時には成り立ちません。数値は供給途絶の規模感を示す目安であり、前方連関の比較や仮想的抽出法と組み合わせて使い、単独で損失額の予測としないでください。",
    en: "Treat it as a supply-side model. Fixed allocation coefficients mean that buyers cut output in proportion to a supply cut without changing their input mix, an implausible production function (Oosterhaven 1988, the plausibility critique); the model also implies output can grow without the inputs it needs and cannot hold together with the demand-side (Leontief) model. Use its figures as an indication of the scale of a supply disruption, for comparing forward linkages and with hypothetical extraction, not alone as a forecast of losses.",
  },
  sources: [
    "Ghosh, A. (1958) Input-output approach in an allocation system. Economica 25(97): 58–64.",
    "Oosterhaven, J. (1988) On the plausibility of the supply-driven input-output model. Journal of Regional Science 28(2): 203–217.",
    "Dietzenbacher, E. (1997) In vindication of the Ghosh model: a reinterpretation as a price model. Journal of Regional Science 37(4): 629–651.",
    "Miller, R. E. & Blair, P. D. (2009) Input-Output Analysis: Foundations and Extensions, 2nd ed., ch. 12.",
  ],
};
