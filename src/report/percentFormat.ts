// Percent changes of the CGE results span many orders of magnitude: a magnet shock moves the
// magnet good by percents and GDP by about 1e-6 (0.0001%). A fixed "0.00%" showed such a change as
// 0.00%, as if nothing moved. Here the decimals follow the smallest change shown, so it keeps two
// significant digits; the cell keeps the full value either way. Changes below 1e-9 (the solver's
// tolerance: numerically zero) do not ask for more decimals.

/** Below this a change is numerically zero: the CGE solver closes scaled residuals to 1e-10, so a
 * relative change under 1e-9 is within its accuracy. */
const ZERO = 1e-9;
const MIN_DECIMALS = 2;
const MAX_DECIMALS = 8;

/** Decimals of a percent display that show the smallest nonzero |x| with two significant digits. */
export function percentDecimals(values: readonly (number | null | undefined)[]): number {
  let smallest = Infinity;
  for (const v of values) if (typeof v === "number" && Number.isFinite(v) && Math.abs(v) >= ZERO) smallest = Math.min(smallest, Math.abs(v));
  if (smallest === Infinity) return MIN_DECIMALS;
  const d = Math.ceil(-Math.log10(smallest * 100)) + 1;
  return Math.max(MIN_DECIMALS, Math.min(MAX_DECIMALS, d));
}

/** Excel number format for a column of changes (fractions shown as %). */
export function percentFormat(values: readonly (number | null | undefined)[]): string {
  return `0.${"0".repeat(percentDecimals(values))}%`;
}

/** One change as text ("+0.00014%", "−1.23%"), the same decimals rule, for the pane and the CLI. */
export function percentText(x: number, locale = "en-US"): string {
  const d = percentDecimals([x]);
  return new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: d, maximumFractionDigits: d, signDisplay: "exceptZero" }).format(x);
}
