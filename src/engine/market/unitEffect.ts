// The IO effect of magnet output. The effect of a production increase is linear in the increase,
// so the effect of one 百万円 of magnet output is solved ONCE (one impactOfOutput) and scaled for
// every scenario, year and Monte Carlo draw: 10,000 draws never touch the factorization again.

import { RippleError, type RippleWarning } from "../errors";
import { impactOfOutput } from "../model/impact";
import type { IOModel } from "../model/iomodel";
import { sum } from "../numeric";

export type EffectStage = "direct" | "firstIndirect" | "secondIndirect" | "total";
export type EffectMeasure = "output" | "valueAdded" | "compensation" | "employment";
export const EFFECT_STAGES: EffectStage[] = ["direct", "firstIndirect", "secondIndirect", "total"];
export const EFFECT_MEASURES: EffectMeasure[] = ["output", "valueAdded", "compensation", "employment"];

/** Totals over sectors by stage and measure; employment null when the table has none. */
export type EffectTotals = Record<EffectStage, Record<EffectMeasure, number | null>>;

export interface UnitEffect {
  /** Sector index and label the magnet output enters. */
  sector: number;
  sectorLabel: string;
  /** Table units per 百万円 (1 for tables in 百万円). */
  tableUnitsPerMillionYen: number;
  unit: string;
  /** Effects of 1 百万円 of additional magnet output, in table units (employment: persons). */
  perMillionYen: EffectTotals;
}

/** Money units a table may state, as table units per 百万円. */
const TABLE_UNITS: Record<string, number> = { 百万円: 1, "million yen": 1, 千円: 1000, "thousand yen": 1000, 億円: 0.01, 十億円: 0.001, 円: 1e6, yen: 1e6 };

/** Table units per 百万円; null when the table states a unit we cannot convert. */
export function tableUnitsPerMillionYen(unit: string | null): number | null {
  if (!unit) return null;
  return TABLE_UNITS[unit.trim().toLowerCase()] ?? TABLE_UNITS[unit.trim()] ?? null;
}

/** The unit effect × x (百万円 of magnet output). */
export function scaleEffects(unit: EffectTotals, x: number): EffectTotals {
  const out = {} as EffectTotals;
  for (const s of EFFECT_STAGES) {
    out[s] = {} as Record<EffectMeasure, number | null>;
    for (const m of EFFECT_MEASURES) {
      const v = unit[s][m];
      out[s][m] = v === null ? null : v * x;
    }
  }
  return out;
}

/** The effect of 1 百万円 of magnet output: ONE impactOfOutput, reused for every scenario and draw. */
export function unitEffectOf(model: IOModel, sector: number): { unit: UnitEffect; warning: RippleWarning | null } {
  if (!Number.isInteger(sector) || sector < 0 || sector >= model.n)
    throw new RippleError("market-sector", { ja: `磁石の部門番号 ${sector} は表にありません`, en: `magnet sector index ${sector} is not in the table` });
  const known = tableUnitsPerMillionYen(model.table.unit);
  const factor = known ?? 1;
  const warning: RippleWarning | null =
    known === null
      ? {
          code: "market-table-unit",
          text: {
            ja: `表の単位（${model.table.unit ?? "記載なし"}）を百万円とみなして磁石の生産額を入れました。表の単位が違う場合は効果の桁が変わります`,
            en: `the table's unit (${model.table.unit ?? "not stated"}) was taken as million yen for the magnet output; if it differs, the effects scale accordingly`,
          },
        }
      : null;
  const dx = new Array<number>(model.n).fill(0);
  dx[sector] = factor;
  const imp = impactOfOutput(model, dx);
  const totals = {} as EffectTotals;
  for (const s of EFFECT_STAGES) {
    const st = imp[s];
    totals[s] = {
      output: sum(st.output),
      valueAdded: sum(st.valueAdded),
      compensation: sum(st.compensation),
      employment: st.employment ? sum(st.employment) : null,
    };
  }
  return {
    unit: { sector, sectorLabel: model.sectors[sector], tableUnitsPerMillionYen: factor, unit: model.table.unit ?? "百万円", perMillionYen: totals },
    warning,
  };
}
