// Hypothetical extraction (MODELS.md 5): the output lost when sector k's links are removed, for
// the final demand that reproduces the table's output, f = (I − A_d)x (so nothing extracted gives
// x̄ = x exactly; for a balanced domestic-use table f is the sum of its final-demand columns).
//   backward: column k of A_d zeroed (k buys nothing from the system)      x̄ = (I − Ā)⁻¹f
//   forward:  Ghosh (default, Dietzenbacher et al. 1993): row k of B zeroed, x̄' = v'(I − B̄)⁻¹
//             Leontief: row k of A_d zeroed (k's sales are bought elsewhere) x̄ = (I − Ā)⁻¹f
//   both:     row and column k of A_d zeroed, k's own final demand kept (k only serves it)
//   total:    Miller & Blair (2009, 12.2): sector k removed entirely, its row, column and final
//             demand with it, x̄_k = 0 and x̄_(−k) = (I − A_(−k,−k))⁻¹ f_(−k)
//   loss = 1'x − 1'x̄, also as a share of 1'x; a ranking of sectors by it.
// Each extraction is a rank-one (rank-two for "both") change of (I − A_d), so it is solved exactly
// from one column of L (or one row of G) by the Sherman–Morrison formula: no refactorization.
//   backward: x − x̄ = (L e_k − e_k) x_k / l_kk
//   forward (Leontief): x − x̄ = L e_k (x_k − f_k) / l_kk
//   both: (x − x̄)_i = l_ik x_k / l_kk (i ≠ k), (x − x̄)_k = x_k − f_k
//   total: as both for i ≠ k (the others do not see k's final demand), (x − x̄)_k = x_k
//   forward (Ghosh): x − x̄ = x_k (G'e_k − e_k) / g_kk

import type { Bilingual } from "../errors";
import { checkSectorIndex, type LeontiefModel, type MethodNote, paramError, rankDescending, unitVector } from "./common";
import { sum } from "../numeric";
import { GhoshModel } from "./ghosh";

export type ExtractionKind = "backward" | "forward" | "both" | "total";
export const EXTRACTION_KINDS: readonly ExtractionKind[] = ["backward", "forward", "both", "total"];
export type ForwardMethod = "ghosh" | "leontief";

export const EXTRACTION_LABELS: Record<ExtractionKind, Bilingual> = {
  backward: { ja: "後方連関の抽出（列を除去）", en: "backward extraction (column removed)" },
  forward: { ja: "前方連関の抽出（行を除去）", en: "forward extraction (row removed)" },
  both: {
    ja: "行と列の抽出（自部門の最終需要は残す）",
    en: "row and column removed (the sector's own final demand kept)",
  },
  total: {
    ja: "完全抽出（Miller & Blair: 部門を最終需要ごと除去）",
    en: "total extraction (Miller & Blair: sector removed with its final demand)",
  },
};

export interface SectorExtraction {
  sector: number;
  kind: ExtractionKind;
  /** Output lost by sector, x − x̄ (table units). */
  loss: number[];
  total: number;
  /** total / 1'x. */
  share: number;
}

export interface ExtractionRankingEntry {
  total: number[];
  share: number[];
  /** Sector indices, largest loss first. */
  order: number[];
}

export interface ExtractionRanking {
  sectors: string[];
  forwardMethod: ForwardMethod;
  backward: ExtractionRankingEntry;
  forward: ExtractionRankingEntry;
  both: ExtractionRankingEntry;
  total: ExtractionRankingEntry;
}

export class HypotheticalExtraction {
  readonly n: number;
  readonly sectors: string[];
  readonly forwardMethod: ForwardMethod;
  /** Output reproduced by f (the table's x). */
  readonly x: number[];
  /** Final demand for domestic output, (I − A_d)x. */
  readonly f: number[];
  private readonly model: LeontiefModel;
  private ghosh: GhoshModel | null;

  private constructor(model: LeontiefModel, forwardMethod: ForwardMethod, ghosh: GhoshModel | null) {
    this.model = model;
    this.n = model.n;
    this.sectors = model.sectors;
    this.forwardMethod = forwardMethod;
    this.x = [...model.x];
    const { n, Ad } = model;
    this.f = this.x.map((xi, i) => {
      let s = xi;
      for (let j = 0; j < n; j++) s -= Ad[i * n + j] * this.x[j];
      return s;
    });
    this.ghosh = ghosh;
  }

  /** forward: "ghosh" (default) or "leontief"; pass a GhoshModel already built for the table to
   * reuse its factorization. */
  static build(model: LeontiefModel, options: { forward?: ForwardMethod; ghosh?: GhoshModel } = {}): HypotheticalExtraction {
    const fm = options.forward ?? "ghosh";
    if (fm !== "ghosh" && fm !== "leontief")
      throw paramError("forward", {
        ja: `"${String(fm)}" は使えません。"ghosh" か "leontief" を指定してください`,
        en: `"${String(fm)}" is not allowed; use "ghosh" or "leontief"`,
      });
    return new HypotheticalExtraction(model, fm, options.ghosh ?? null);
  }

  private ghoshModel(): GhoshModel {
    if (!this.ghosh) this.ghosh = GhoshModel.build(this.model);
    return this.ghosh;
  }

  /** Output lost when sector k's links of the given kind are removed. */
  extract(k: number, kind: ExtractionKind): SectorExtraction {
    checkSectorIndex("sector", k, this.n);
    if (!EXTRACTION_KINDS.includes(kind))
      throw paramError("kind", {
        ja: `"${String(kind)}" は使えません。"backward"・"forward"・"both"・"total" のいずれかを指定してください`,
        en: `"${String(kind)}" is not allowed; use "backward", "forward", "both" or "total"`,
      });
    const { n, x, f } = this;
    let loss: number[];
    let base: number[] = x;
    if (kind === "forward" && this.forwardMethod === "ghosh") {
      const g = this.ghoshModel();
      const r = g.row(k);
      const xk = g.xRow[k];
      const gkk = r[k];
      loss = r.map((rj, j) => (xk * (rj - (j === k ? 1 : 0))) / gkk);
      base = g.xRow;
    } else {
      const l = this.model.solve(unitVector(n, k));
      const lkk = l[k];
      if (kind === "backward") loss = l.map((li, i) => ((li - (i === k ? 1 : 0)) * x[k]) / lkk);
      else if (kind === "forward") loss = l.map((li) => (li * (x[k] - f[k])) / lkk);
      else if (kind === "both") loss = l.map((li, i) => (i === k ? x[k] - f[k] : (li * x[k]) / lkk));
      else loss = l.map((li, i) => (i === k ? x[k] : (li * x[k]) / lkk));
    }
    const total = sum(loss);
    return { sector: k, kind, loss, total, share: total / sum(base) };
  }

  /** Every sector extracted in turn, with the ranking for each kind (n solves per kind). */
  ranking(): ExtractionRanking {
    const entry = (kind: ExtractionKind): ExtractionRankingEntry => {
      const total: number[] = [];
      const share: number[] = [];
      for (let k = 0; k < this.n; k++) {
        const e = this.extract(k, kind);
        total.push(e.total);
        share.push(e.share);
      }
      return { total, share, order: rankDescending(total) };
    };
    return {
      sectors: this.sectors,
      forwardMethod: this.forwardMethod,
      backward: entry("backward"),
      forward: entry("forward"),
      both: entry("both"),
      total: entry("total"),
    };
  }
}

export const EXTRACTION_NOTE: MethodNote = {
  title: { ja: "仮想的抽出法", en: "Hypothetical extraction" },
  formula:
    "loss_k = 1'x − 1'x̄(k);  後方 (backward): Ā = A_d, 列 (column) k = 0;  前方 (forward): B̄ = B, 行 (row) k = 0, x̄' = v'(I − B̄)⁻¹ (または/or Ā = A_d, 行 k = 0);  行と列 (both): 行と列 (row and column) k = 0, f_k 残す (kept);  完全 (total, Miller & Blair): 行・列・f_k を除去 (removed), x̄_k = 0",
  body: {
    ja: "部門 k の投入（後方）・販売（前方）・その両方の連関を取り除いたとき、表の生産額を生む最終需要 f = (I − A_d)x のもとで経済全体の生産額がどれだけ減るかを計算し、部門の重要度の順位を示します。前方の抽出は既定でゴッシュ型（Dietzenbacher ほか 1993）です。「行と列」は部門 k が自部門の最終需要だけを生産し続ける場合、「完全抽出」は Miller & Blair（2009）の定義どおり部門 k を最終需要ごと取り除く場合で、差は f_k です。",
    en: "Computes how much total output falls, for the final demand f = (I − A_d)x that produces the table's output, when sector k's purchases (backward), sales (forward) or both are removed, and ranks sectors by it. Forward extraction is Ghosh-based by default (Dietzenbacher et al. 1993). 'Row and column' keeps sector k producing for its own final demand; 'total extraction' removes sector k with its final demand as Miller & Blair (2009) define it; the two differ by f_k.",
  },
  limits: {
    ja: "抽出後も他の係数が変わらないという仮定の比較静学であり、代替・輸入への切替・価格の変化は考えません。前方（ゴッシュ型）はゴッシュ・モデルの妥当性の限界を引き継ぎます。結果は「その部門がなかったら」の規模感で、実際の途絶の予測ではありません。",
    en: "Comparative statics with all other coefficients unchanged: no substitution, switch to imports or price change. Ghosh-based forward extraction inherits the plausibility limits of the Ghosh model. The figures indicate a sector's weight ('if the sector were not there'), not a forecast of an actual disruption.",
  },
  sources: [
    "Dietzenbacher, E., van der Linden, J. A. & Steenge, A. E. (1993) The regional extraction method: EC input-output comparisons. Economic Systems Research 5(2).",
    "Miller, R. E. & Blair, P. D. (2009) Input-Output Analysis: Foundations and Extensions, 2nd ed., ch. 12 (linkages and hypothetical extraction).",
  ],
};
