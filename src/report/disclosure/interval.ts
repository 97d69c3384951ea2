// Interval protection: a "—" must not be narrowed down, not only not solved for. A reader who
// knows the method also knows that every amount is ≥ 0 (capex, subsidy, capacity × unit
// value); with the published equations that bounds each hidden quantity. Here, for each
// protected quantity (every suppressed figure, every confidential plan's own figure and each
// of its amounts), the range the published cells leave is computed by linear programming
// (lp.ts) and must reach at least `p` × its size on both sides of the true value — the
// interval rule of statistical disclosure control, which for a single published sum is the
// p% rule (the other contributors must add up to at least p of the largest).

import { norm, Subspace } from "./linalg";
import { rangeOver } from "./lp";

/** Output value is capacity × unit value × …, output volume capacity × … . In the amounts
 * (capex, subsidy, capacity, revenue = capacity × unit value), every figure is linear and
 * every amount ≥ 0 — exactly what a reader can use. A gradient in log-inputs becomes one in
 * these amounts: ∂/∂log revenue = ∂/∂log unit value, ∂/∂log capacity (revenue held) =
 * ∂/∂log capacity − ∂/∂log unit value. Returns the map and, per plan, the unit value's own
 * direction (revenue ÷ capacity) to protect beside the amounts. */
export function linearAmounts(unknowns: { plan: string; what: string }[]): { map: (g: Float64Array) => Float64Array; unitValues: Float64Array[] } {
  const pairs: [number, number][] = [];
  for (const [ju, u] of unknowns.entries()) {
    if (u.what !== "unitValue") continue;
    const jc = unknowns.findIndex((v) => v.plan === u.plan && v.what === "capacity");
    if (jc >= 0) pairs.push([jc, ju]);
  }
  const d = unknowns.length;
  const map = (g: Float64Array) => {
    const out = Float64Array.from(g);
    for (const [jc, ju] of pairs) out[jc] = g[jc] - g[ju];
    return out;
  };
  const unitValues = pairs.map(([jc, ju]) => {
    const v = new Float64Array(d);
    v[ju] = 1;
    v[jc] = -1;
    return v;
  });
  return { map, unitValues };
}

/** The published cells' span and the directions it leaves free. */
export class Intervals {
  private readonly free: Float64Array[];
  private readonly rows: Float64Array[];
  private readonly ones: number[];

  /** `signs`: figures known to be ≥ 0 (a plan's own figures), each as its gradient divided by
   * its value, i.e. 1 + s·(x − 1) ≥ 0 — a reader may use these as well as the amounts' signs. */
  constructor(published: Float64Array[], dim: number, signs: Float64Array[] = []) {
    const s = new Subspace(dim);
    for (const g of published) s.add(g);
    const r = s.rank;
    for (let j = 0; j < dim && s.rank < dim; j++) {
      const e = new Float64Array(dim);
      e[j] = 1;
      s.add(e);
    }
    this.free = s.basis.slice(r);
    // Amount j in units of its true value: x_j = 1 + Σ_l free_l[j] w_l ≥ 0.
    const along = (v: Float64Array) => Float64Array.from(this.free, (q) => q.reduce((a, x, j) => a + x * v[j], 0));
    this.rows = [...Array.from({ length: dim }, (_, j) => Float64Array.from(this.free, (q) => q[j])), ...signs.map(along)];
    this.ones = new Array<number>(this.rows.length).fill(1);
  }

  /** [min, max] of g·(x − 1) over points checked to agree with the published cells (the true
   * range is at least this wide). */
  range(g: Float64Array): [number, number] {
    const c = Float64Array.from(this.free, (q) => {
      let s = 0;
      for (let j = 0; j < q.length; j++) s += q[j] * g[j];
      return s;
    });
    if (c.every((x) => Math.abs(x) <= 1e-12 * Math.max(1, norm(g)))) return [0, 0];
    return rangeOver(this.rows, this.ones, c).reach;
  }

  /** Whether g's range reaches p × Σ|g_j| below and above its true value. */
  protects(g: Float64Array, p: number): boolean {
    const size = g.reduce((s, x) => s + Math.abs(x), 0);
    if (size === 0) return true;
    const [lo, hi] = this.range(g);
    const need = p * size * (1 - 1e-9);
    return lo <= -need && hi >= need;
  }
}

/** Gradients scaled to Σ|g| = 1 and deduplicated (proportional figures have the same relative
 * range), each with the indices of the targets it stands for. */
export function distinctDirections(gs: Float64Array[]): { g: Float64Array; of: number[] }[] {
  const seen = new Map<string, { g: Float64Array; of: number[] }>();
  gs.forEach((g, i) => {
    const size = g.reduce((s, x) => s + Math.abs(x), 0);
    if (size === 0) return;
    const u = g.map((x) => x / size);
    const key = Array.from(u, (x) => x.toFixed(9)).join(",");
    const hit = seen.get(key);
    if (hit) hit.of.push(i);
    else seen.set(key, { g: u, of: [i] });
  });
  return [...seen.values()];
}
