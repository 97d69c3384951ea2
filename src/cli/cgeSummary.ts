// The terminal summary of a CGE run (`ripple cge`, and the demo's CGE block): utility, EV, real
// GDP, the exchange rate, the largest output changes and the residual.

import { warningText, type Lang } from "../engine/errors";
import { scenarioTitle, type CgeRun } from "../engine/cge";
import { percentText } from "../report/percentFormat";

const pct = (a: number, b: number) => percentText(a / b - 1);

export function cgeSummary(r: CgeRun, lang: Lang): string {
  const ja = lang === "ja";
  const lines = [ja ? `ベンチマークの家計効用: ${r.benchmark.UU}` : `Benchmark utility UU: ${r.benchmark.UU}`];
  const s = r.solution;
  if (s && r.scenario) {
    const c = r.calibration;
    lines.push(
      ja ? `シナリオ「${scenarioTitle(r.scenario.name, lang)}」: 効用 ${s.UU}（${pct(s.UU, r.benchmark.UU)}）、等価変分 EV ${r.ev!.toFixed(4)}、実質 GDP ${pct(r.gdp!, r.gdp0)}、為替レート ${s.epsilon.toFixed(4)}`
         : `Scenario '${scenarioTitle(r.scenario.name, lang)}': utility ${s.UU} (${pct(s.UU, r.benchmark.UU)}), EV ${r.ev!.toFixed(4)}, real GDP ${pct(r.gdp!, r.gdp0)}, exchange rate ${s.epsilon.toFixed(4)}`,
    );
    const moves = c.goods.map((g, i) => ({ g, d: s.Z[i] / c.Z0[i] - 1 })).sort((a, b) => Math.abs(b.d) - Math.abs(a.d)).slice(0, 3);
    lines.push((ja ? "生産の変化が大きい財: " : "Largest output changes: ") + moves.map((m) => `${m.g} ${percentText(m.d)}`).join(ja ? "、" : ", "));
  }
  lines.push((ja ? "最大尺度化残差: " : "Largest scaled residual: ") + r.residual.toExponential(2));
  for (const w of r.warnings) lines.push(`${ja ? "警告" : "Warning"}: ${warningText(w, lang)}`);
  return lines.join("\n") + "\n";
}

