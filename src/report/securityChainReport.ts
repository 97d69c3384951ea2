// The per-sector chain of one scenario and fiscal year on the 経済安全保障効果 sheet: the
// shortfall by application, the concordance and the downstream output per tonne, and by IO sector
// the value-added ratio, the lost downstream output Δx, its ripple L·Δx and the GVA lost, without
// and with the plans. Formats only (the numbers are the engine's SecurityChain); the audit sheet
// recomputes them with formulas (src/report/deliverable/securityChainAudit.ts), finding the rows
// by the keys below.

import type { Bilingual, Lang } from "../engine/errors";
import { applicationName, type SecurityRun } from "../engine/security";
import { unitLabel, withUnit, yearLabel } from "./labels";
import type { SheetBuilder } from "./sheetBuilder";

const L = (ja: string, en: string): Bilingual => ({ ja, en });

/** Row keys (RowTag.key) of the chain's rows. */
export const CHAIN_KEYS = {
  head: "security:chain:head",
  units: "security:chain:units",
  application: (i: number) => `security:chain:application:${i}`,
  sector: (j: number) => `security:chain:sector:${j}`,
  total: "security:chain:total",
} as const;

export const CHAIN = {
  title: L(
    "部門別の連鎖（1つのシナリオ・年度、「検算（数式）」シートで数式により再計算）",
    "The chain by sector (one scenario and fiscal year, recomputed with formulas on the audit sheet)",
  ),
  how: L(
    "計画なしの損失が最も大きいシナリオの、その損失が最も大きい年度（計画によらない選び方）。不足量 × 磁石 1 t 当たりの川下生産額 → 部門別の川下の生産額の損失 Δx → 逆行列 L による波及 L·Δx → 粗付加価値率 v を掛けた粗付加価値の損失。",
    "The scenario with the largest loss without the plans, in its year of the largest loss (a choice that does not depend on the plans). Shortfall × downstream output per tonne → lost downstream output by sector Δx → its ripple through the inverse L, L·Δx → times the value-added ratio v, the GVA lost.",
  ),
  scenario: L("シナリオ", "Scenario"),
  year: L("年度", "Fiscal year"),
  units: L("表の単位 / 百万円", "Table units per million yen"),
  application: L("用途", "Application"),
  sector: L("部門", "Sector"),
  shortWithout: L("不足量 計画なし（t）", "Shortfall without plans (t)"),
  shortWith: L("不足量 計画あり（t）", "Shortfall with plans (t)"),
  perTonne: L("磁石 1 t 当たりの川下生産額（百万円/t）", "Downstream output per tonne of magnet (million yen/t)"),
  vRatio: L("粗付加価値率 v", "Value-added ratio v"),
  dxWithout: L("川下の生産額の損失 Δx 計画なし", "Lost downstream output Δx without plans"),
  dxWith: L("川下の生産額の損失 Δx 計画あり", "Lost downstream output Δx with plans"),
  lxWithout: L("生産額の損失 L·Δx 計画なし", "Output lost L·Δx without plans"),
  lxWith: L("生産額の損失 L·Δx 計画あり", "Output lost L·Δx with plans"),
  lColumn: L("逆行列 L の列", "Column of the inverse L"),
  gva: L("粗付加価値の損失 v'·L·Δx", "GVA lost v'·L·Δx"),
  without: L("計画なし", "Without plans"),
  with: L("計画あり", "With plans"),
  avoided: L("回避（計画なし − 計画あり）", "Avoided (without − with)"),
};

/** Rows to tag for the public version ([row, count, plan-dependent columns]) and rows keyed. */
export interface ChainPlacement {
  tagged: [number, number, number[]][];
  keyed: [number, string[]][];
}

/** Writes the chain (nothing when the run has none) and says where. */
export function chainBlock(s: SheetBuilder, run: SecurityRun, unit: string | null, lang: Lang): ChainPlacement {
  const out: ChainPlacement = { tagged: [], keyed: [] };
  const c = run.chain;
  if (!c) return out;
  const tr = (b: Bilingual) => b[lang];
  const money = (b: Bilingual) => withUnit(b, unitLabel(unit, lang), lang);
  s.add([[tr(CHAIN.title)]], "subtitle");
  s.add([[tr(CHAIN.how)]], "note");
  const head = s.add([[tr(CHAIN.scenario), tr(c.label), tr(CHAIN.year), yearLabel(c.year, lang)]], "body");
  const units = s.add([[tr(CHAIN.units), c.tableUnitsPerMillionYen]], "body", [null, "0.######"]);
  out.keyed.push([head, [CHAIN_KEYS.head]], [units, [CHAIN_KEYS.units]]);
  s.add([[tr(CHAIN.application), tr(CHAIN.sector), tr(CHAIN.shortWithout), tr(CHAIN.shortWith), tr(CHAIN.perTonne)]], "header");
  const apps = s.add(
    c.applications.map((a, i) => [tr(applicationName(a.application)), a.sectorLabel, c.without.shortfall[i], c.with.shortfall[i], a.perTonne]),
    "body",
    [null, null, "#,##0.0", "#,##0.0", "#,##0"],
  );
  out.tagged.push([apps, c.applications.length, [3]]);
  out.keyed.push([apps, c.applications.map((_, i) => CHAIN_KEYS.application(i))]);
  // After the figures, the columns of L for the sectors that lose downstream output (the audit
  // uses them when the workbook has no L sheet).
  const lCols = c.leontiefColumns;
  s.add(
    [[tr(CHAIN.sector), tr(CHAIN.vRatio), money(CHAIN.dxWithout), money(CHAIN.dxWith), money(CHAIN.lxWithout), money(CHAIN.lxWith), ...lCols.map((l) => `${tr(CHAIN.lColumn)}: ${c.sectors[l.sector]}`)]],
    "header",
  );
  const sectors = s.add(
    c.sectors.map((label, j) => [
      label,
      c.valueAddedRatio[j],
      c.without.lostDownstream[j],
      c.with.lostDownstream[j],
      c.without.lostOutput[j],
      c.with.lostOutput[j],
      ...lCols.map((l) => l.column[j]),
    ]),
    "body",
    [null, "0.000000", "#,##0", "#,##0", "#,##0", "#,##0", ...lCols.map(() => "0.000000000")],
  );
  out.tagged.push([sectors, c.sectors.length, [3, 5]]);
  out.keyed.push([sectors, c.sectors.map((_, j) => CHAIN_KEYS.sector(j))]);
  s.add([[null, tr(CHAIN.without), tr(CHAIN.with), tr(CHAIN.avoided)]], "header");
  const total = s.add(
    [[money(CHAIN.gva), c.without.lostValueAdded, c.with.lostValueAdded, c.avoidedValueAdded]],
    "total",
    [null, "#,##0", "#,##0", "#,##0"],
  );
  out.tagged.push([total, 1, [2, 3]]);
  out.keyed.push([total, [CHAIN_KEYS.total]]);
  s.skip();
  return out;
}
