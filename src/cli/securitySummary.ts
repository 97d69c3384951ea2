// The terminal lines of the economic-security evaluation (shared by demo and --market --projects).

import type { Lang } from "../engine/errors";
import { allJudgementParameters, type SecurityRun } from "../engine/security";

const num = (v: number, d = 1) => v.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });

/** Lines for the terminal: B/C (economic security), the expected avoided loss, the scenarios. */
export function securitySummary(r: SecurityRun, unit: string | null, lang: Lang): string {
  const s = r.result;
  const u = unit ?? "";
  const ja = lang === "ja";
  const bc = s.benefitCostRatio === null ? "—" : num(s.benefitCostRatio, 2);
  const lines = [
    ja
      ? `B/C（経済安全保障）= 期待回避粗付加価値の現在価値 ${num(s.pvExpectedAvoided.valueAdded)} ÷ 補助金の現在価値 ${num(s.pvSubsidy)} = ${bc}（${u}）`
      : `B/C (economic security) = PV of expected avoided gross value added ${num(s.pvExpectedAvoided.valueAdded)} / PV of subsidy ${num(s.pvSubsidy)} = ${bc} (${u})`,
  ];
  const mc = r.monteCarlo;
  const top = mc?.tornado.bars[0]?.key;
  const topName = top === undefined ? "—" : (allJudgementParameters().find((p) => p.key === top)?.label[lang] ?? top);
  if (mc)
    lines.push(
      ja
        ? `  判断パラメータのモンテカルロ ${mc.draws.toLocaleString("en-US")} 回（種 ${mc.seed}）: B/C P5 ${num(mc.benefitCostRatio.p5, 2)} / P50 ${num(mc.benefitCostRatio.p50, 2)} / P95 ${num(mc.benefitCostRatio.p95, 2)}、B/C ≥ 1 の確率 ${num(mc.probabilityAtLeastOne * 100)}%、最も効く判断: ${topName}`
        : `  Monte Carlo over the judgement parameters, ${mc.draws.toLocaleString("en-US")} draws (seed ${mc.seed}): B/C P5 ${num(mc.benefitCostRatio.p5, 2)} / P50 ${num(mc.benefitCostRatio.p50, 2)} / P95 ${num(mc.benefitCostRatio.p95, 2)}, P(B/C ≥ 1) ${num(mc.probabilityAtLeastOne * 100)}%, largest swing: ${topName}`,
    );
  for (const x of s.scenarios)
    lines.push(
      ja
        ? `  ${x.label.ja}（年確率 ${num(x.probability, 3)}）: 不足 ${num(x.total.shortfall.without, 0)} t → ${num(x.total.shortfall.with, 0)} t、粗付加価値の損失 ${num(x.total.without.valueAdded)} → ${num(x.total.with.valueAdded)}（評価期間の各年度に起きた場合の合計）`
        : `  ${x.label.en} (p ${num(x.probability, 3)}/yr): shortfall ${num(x.total.shortfall.without, 0)} t → ${num(x.total.shortfall.with, 0)} t, GVA lost ${num(x.total.without.valueAdded)} → ${num(x.total.with.valueAdded)} (summed over the event striking in each year)`,
    );
  return lines.join("\n") + "\n";
}
