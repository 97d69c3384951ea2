// The dynamic inoperability path on the 経済安全保障効果 sheet (lossPath = 1): output lost by
// month, and the one recovery time that drives it with its source. Formats only.

import type { Bilingual, Lang } from "../engine/errors";
import { allJudgementParameters, type SecurityRun } from "../engine/security";
import { unitLabel, withUnit } from "./labels";
import type { SheetBuilder } from "./sheetBuilder";
import type { CellSpec } from "./spec";

const L = (ja: string, en: string): Bilingual => ({ ja, en });
const PATH = {
  path: L(
    "動学の経路（不稼働率、回復期間 {r} か月）：生産額の損失の月別推移、評価期間の初年度に途絶が起きた場合",
    "Dynamic path (inoperability, recovery {r} months): output lost by month, the event striking in the first fiscal year",
  ),
  recovery: L(
    "回復期間はこの評価で唯一の回復の速さです（{label}、全部門共通、「経済安全保障パラメータ」で変更できます）。出典・根拠: {source}",
    "The recovery time is the evaluation's only recovery speed ({label}, every sector; change it on the 'Security parameters' sheet). Source: {source}",
  ),
  month: L("途絶開始からの月", "Month from the event's start"),
  lostWithout: L("生産額の損失 計画なし", "Output lost without plans"),
  lostWith: L("生産額の損失 計画あり", "Output lost with plans"),
};

/** The dynamic inoperability path (lossPath = 1): output lost by month for each scenario with an
 * event, struck in the first fiscal year, without and with the plans. */
export function pathBlock(s: SheetBuilder, run: SecurityRun, unit: string | null, lang: Lang, tagged: [number, number, number[]?][]): void {
  const tr = (b: Bilingual) => b[lang];
  const events = run.result.scenarios.filter((x) => x.byYear[0]?.without.path);
  if (!events.length) return;
  const money = (b: Bilingual) => (unit ? withUnit(b, unitLabel(unit, lang), lang) : tr(b));
  s.add([[tr(PATH.path).replace("{r}", String(run.build.parameters.recoveryMonths))]], "subtitle");
  // The one recovery time of the evaluation (RESILIENCE.md 3 → MODELS.md 5: resilience from a
  // recovery time), with its source beside the path it drives.
  const recovery = allJudgementParameters().find((q) => q.key === "recoveryMonths")!;
  s.add([[tr(PATH.recovery).replace("{label}", tr(recovery.label)).replace("{source}", tr(recovery.source))]], "note");
  s.add([[tr(PATH.month), ...events.flatMap((x) => [`${money(PATH.lostWithout)}: ${tr(x.label)}`, `${money(PATH.lostWith)}: ${tr(x.label)}`])]], "header");
  const months = Math.max(...events.map((x) => x.byYear[0].without.path?.byMonth.length ?? 0));
  const rows: CellSpec[][] = Array.from({ length: months }, (_, t) => [
    t + 1,
    ...events.flatMap((x) => [x.byYear[0].without.path?.byMonth[t] ?? null, x.byYear[0].with.path?.byMonth[t] ?? null]),
  ]);
  const row = s.add(rows, "body", [null, ...events.flatMap(() => ["#,##0", "#,##0"])]);
  tagged.push([row, rows.length]);
  s.skip();
}

