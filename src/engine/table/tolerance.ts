// When two totals "agree". Published tables are rounded to whole table units (百万円, million EUR),
// so sums of rounded cells may miss by one unit; otherwise a relative 1e-6.

export const RELATIVE_TOLERANCE = 1e-6;

export function tolerance(reference: number, integerData: boolean): number {
  return Math.max(RELATIVE_TOLERANCE * Math.abs(reference), integerData ? 1 : 1e-9);
}

export function closeTo(a: number, b: number, integerData: boolean): boolean {
  return Math.abs(a - b) <= tolerance(Math.max(Math.abs(a), Math.abs(b)), integerData);
}

/** A gap beyond this share of output means the table was misread or is not one table: an error. */
export const GROSS_GAP = 0.01;
