// The perturbation c*(t) the dynamic inoperability model (dynamicInoperability.ts) is driven by:
// a schedule given as rows or as spells, checked and expanded to rows, or rows converted from a
// supply shortfall (the demand-share model's lost tonnes as a share of the sector's output).

import { checkFiniteVector, checkRange, checkSectorIndex, paramError } from "./common";
import type { InoperabilitySystem } from "./inoperability";

/** One block of a perturbation schedule: c*_sector = value for periods from ≤ t < to. */
export interface PerturbationSpell {
  sector: number;
  value: number;
  from: number;
  to: number;
}

/** c*(t) for t = 0..periods−1: explicit rows (periods × n) or spells (summed where they overlap). */
export type PerturbationSchedule = { rows: number[][] } | { spells: PerturbationSpell[] };
/** Expand a schedule to rows c*(0..T−1), validated. */
export function perturbationRows(sys: InoperabilitySystem, schedule: PerturbationSchedule, periods: number): number[][] {
  const { n } = sys;
  if ("rows" in schedule) {
    if (!Array.isArray(schedule.rows) || schedule.rows.length !== periods)
      throw paramError("perturbation.rows", {
        ja: `行が ${Array.isArray(schedule.rows) ? schedule.rows.length : 0} 個です。期間数と同じ ${periods} 行にしてください`,
        en: `has ${Array.isArray(schedule.rows) ? schedule.rows.length : 0} rows; give one per period (${periods})`,
      });
    return schedule.rows.map((r, t) => {
      checkFiniteVector(`perturbation.rows[${t}]`, r, n, sys.sectors);
      for (let i = 0; i < n; i++) checkRange(`perturbation.rows[${t}][${sys.sectors[i]}]`, r[i], 0, 1, "0.9");
      return [...r];
    });
  }
  if (!("spells" in schedule) || !Array.isArray(schedule.spells))
    throw paramError("perturbation", {
      ja: "rows（期間×部門の表）か spells（部門・値・開始期・終了期）を指定してください",
      en: "give rows (periods × sectors) or spells (sector, value, from, to)",
    });
  const rows = Array.from({ length: periods }, () => new Array<number>(n).fill(0));
  schedule.spells.forEach((s, k) => {
    checkSectorIndex(`perturbation.spells[${k}].sector`, s.sector, n);
    checkRange(`perturbation.spells[${k}].value`, s.value, 0, 1, "0.9");
    if (!Number.isInteger(s.from) || !Number.isInteger(s.to) || s.from < 0 || s.to <= s.from)
      throw paramError(`perturbation.spells[${k}]`, {
        ja: `開始期 ${String(s.from)}・終了期 ${String(s.to)} は 0 ≤ 開始 < 終了 の整数にしてください（終了期は含みません）`,
        en: `from ${String(s.from)} and to ${String(s.to)} must be integers with 0 ≤ from < to (to is excluded)`,
      });
    for (let t = s.from; t < Math.min(s.to, periods); t++) rows[t][s.sector] += s.value;
  });
  rows.forEach((r, t) =>
    r.forEach((c, i) => {
      if (c > 1)
        throw paramError("perturbation.spells", {
          ja: `期 ${t} の部門「${sys.sectors[i]}」で重なった擾乱の合計 ${c} が 1 を超えています`,
          en: `overlapping spells add up to ${c} (> 1) for sector "${sys.sectors[i]}" in period ${t}`,
        });
    }),
  );
  return rows;
}
/** The demand-share model's shortfall for one sector, by period, as input to the IIM. */
export interface ShortfallInput {
  /** Sector index of the supplying sector (e.g. the magnet sector after a split). */
  sector: number;
  /** Physical shortfall by period (e.g. tonnes of magnets per period). */
  shortfall: number[];
  /** Value per physical unit in table units (e.g. 百万円 per tonne). */
  unitValue: number;
  /** Length of one period in years (as in DynamicParams). */
  periodLength: number;
}

/** c*(t) rows from a supply shortfall: c*_k(t) = shortfall_t × unit value / (x_k × period length),
 * the share of sector k's output in the period that cannot be delivered. */
export function perturbationFromShortfall(sys: InoperabilitySystem, input: ShortfallInput): { rows: number[][] } {
  const { n, sectors } = sys;
  if (!sys.x)
    throw paramError("x", {
      ja: "不足量を擾乱に換算するには各部門の国内生産額が必要です",
      en: "converting a shortfall to a perturbation needs the sectors' outputs",
    });
  checkSectorIndex("sector", input.sector, n);
  if (!(typeof input.unitValue === "number" && Number.isFinite(input.unitValue) && input.unitValue > 0))
    throw paramError("unitValue", {
      ja: `${String(input.unitValue)} は 1 単位あたりの金額（表の単位、例: 百万円/t）で 0 より大きい数にしてください`,
      en: `${String(input.unitValue)} must be the value per unit in table units (e.g. million yen per tonne), above 0`,
    });
  checkRange("periodLength", input.periodLength, Number.MIN_VALUE, 1, "1/12");
  if (!Array.isArray(input.shortfall) || input.shortfall.length === 0)
    throw paramError("shortfall", { ja: "期ごとの不足量を 1 つ以上指定してください", en: "give the shortfall for at least one period" });
  const perPeriodOutput = sys.x[input.sector] * input.periodLength;
  const rows = input.shortfall.map((s, t) => {
    if (!(typeof s === "number" && Number.isFinite(s) && s >= 0))
      throw paramError(`shortfall[${t}]`, {
        ja: `期 ${t} の不足量 ${String(s)} は 0 以上の数にしてください`,
        en: `the shortfall ${String(s)} in period ${t} must be a number ≥ 0`,
      });
    const c = (s * input.unitValue) / perPeriodOutput;
    if (c > 1)
      throw paramError(`shortfall[${t}]`, {
        ja: `期 ${t} の不足額 ${s * input.unitValue} が部門「${sectors[input.sector]}」のその期の生産額 ${perPeriodOutput} を超えています。単位（t、百万円/t、期の長さ）を確認してください`,
        en: `the shortfall value ${s * input.unitValue} in period ${t} exceeds sector "${sectors[input.sector]}"'s output in the period (${perPeriodOutput}); check the units (tonnes, value per tonne, period length)`,
      });
    const row = new Array<number>(n).fill(0);
    row[input.sector] = c;
    return row;
  });
  return { rows };
}
