// The checks before any model runs (src/engine/table/balance.ts): the tolerance is the rounding
import fc from "fast-check";
// of the printed digits, and each failure names its cell and gap.

import { describe, expect, it } from "vitest";
import { RippleError } from "../../../src/engine/errors";
import { readTable } from "../../../src/engine/table";
import { checkTableBalance, halfUnit, sumTolerance, tableChecks } from "../../../src/engine/table/balance";
import { micGrid, randomMicParts } from "./fixtures";

describe("tolerance: half a unit of the last printed digit of every cell", () => {
  it("halfUnit follows the digits", () => {
    expect(halfUnit(0)).toBe(0);
    expect(halfUnit(1234)).toBe(0.5);
    expect(halfUnit(12.5)).toBeCloseTo(0.05, 15);
    expect(halfUnit(-0.25)).toBeCloseTo(0.005, 15);
    expect(halfUnit(1.5e-7)).toBeCloseTo(0.5e-8, 20);
  });
  it("sumTolerance adds the terms' and the total's half units", () => {
    expect(sumTolerance([10, 20, 0], 30)).toBeCloseTo(1.5, 6);
    expect(sumTolerance([1.25, 2.5], 3.75)).toBeCloseTo(0.005 + 0.05 + 0.005, 6);
  });
});

describe("tableChecks on a MIC-layout table", () => {
  const parts = randomMicParts(6, "balance");
  it("a balanced table passes every check", () => {
    const t = readTable(micGrid(parts));
    const checks = tableChecks(t);
    expect(checks.map((c) => c.id)).toEqual(["columns", "rows", "output", "import-share", "negative-input", "hawkins-simon"]);
    expect(checks.every((c) => !c.skipped && c.failures.length === 0)).toBe(true);
    expect(checkTableBalance(t)).toEqual([]);
  });

  it("one changed cell of Z fails its row and its column, with the output cells named", () => {
    const g = micGrid(parts);
    const r = g.values.findIndex((row) => row[1] === parts.names[2]);
    g.values[r][2 + 4] = (g.values[r][2 + 4] as number) + 50;
    const t = readTable(g);
    const byId = Object.fromEntries(tableChecks(t).map((c) => [c.id, c]));
    expect(byId.rows.failures.map((f) => [f.label, f.gap])).toEqual([[parts.names[2], 50]]);
    expect(byId.columns.failures.map((f) => [f.label, f.gap])).toEqual([[parts.names[4], 50]]);
    expect(() => checkTableBalance(t)).toThrow(RippleError);
    const w = checkTableBalance(t, { allowImbalance: true });
    expect(w.map((x) => x.code)).toEqual(["table.imbalance-allowed"]);
  });

  it("an import coefficient above 1 and a large negative input are refused", () => {
    const g = micGrid(parts);
    const t = readTable(g);
    const bad = { ...t, finalDemand: t.finalDemand.map((v) => (v.role === "import" ? { ...v, values: v.values.map((x) => x * 100) } : v)) };
    const ids = tableChecks(bad).filter((c) => c.failures.length).map((c) => c.id);
    expect(ids).toContain("import-share");
    const neg = { ...t, Z: t.Z.map((row, i) => row.map((z, j) => (i === 0 && j === 1 ? -0.2 * t.x[1] : z))) };
    const check = tableChecks(neg).find((c) => c.id === "negative-input")!;
    expect(check.failures).toHaveLength(1);
    expect(check.failures[0].value).toBeCloseTo(-0.2, 12);
  });
});

describe("halfUnit's fast path", () => {
  // The definition: half a unit of the last digit of the shortest printed form (toString).
  function byString(v: number): number {
    if (v === 0 || !Number.isFinite(v)) return 0;
    if (Number.isInteger(v)) return 0.5;
    const s = Math.abs(v).toString();
    const e = /e-(\d+)$/.exec(s);
    if (e) return 0.5 * 10 ** -(Number(e[1]) + (s.split("e")[0].split(".")[1]?.length ?? 0));
    return 0.5 * 10 ** -(s.split(".")[1]?.length ?? 0);
  }

  it("equals the printed form's half unit for published-style and arbitrary doubles", () => {
    const published = [0.5, 1.25, -3.1, 123456.789, 0.001, 1e-7, 2.5e-9, 0.1 + 0.2, 1 / 3, 98765.4321, 12345678.12345678, 4503599627370495.5];
    for (const v of published) expect(halfUnit(v)).toBe(byString(v));
    fc.assert(fc.property(fc.double({ noNaN: true }), (v) => halfUnit(v) === byString(v)), { numRuns: 20000 });
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 9 }), (n, d) => halfUnit(n / 10 ** d) === byString(n / 10 ** d)), { numRuns: 20000 });
  });
});
