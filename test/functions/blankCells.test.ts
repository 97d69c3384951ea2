// Blank cells reach a worksheet function in three forms: 0 (Excel on Windows and Mac), null
// (Excel on the web) and "" (literal arrays, some hosts). Every RIPPLE function gives the same
// answer for all three, in range arguments (table, shock, options, parameter sheets) and in
// scalar ones (kind, scenario, supported capacity, year), and range arguments over the size
// limit are refused with the registered-model alternative named.

import { beforeEach, describe, expect, it } from "vitest";
import { parseCsv } from "../../src/engine/table";
import {
  rippleImpact,
  rippleInoperability,
  rippleKpi,
  rippleLeontief,
  rippleLinkage,
  rippleMultiplier,
  ripplePrice,
  rippleShare,
} from "../../src/functions/functions";
import { clearModelCache } from "../../src/functions/modelCache";
import { clearRegistry, registerModel } from "../../src/functions/registry";
import { MAX_ARGUMENT_CELLS } from "../../src/functions/argumentCells";
import { IOModel } from "../../src/engine/model";
import { readTable } from "../../src/engine/table";
import { rangeToGrid } from "../../src/functions/rangeGrid";
import { templateGrids } from "../engine/market/marketFixtures";
import { FakeCfError, inv, JAPAN_2011_CSV, useFakeCustomFunctions } from "./cfStub";

useFakeCustomFunctions();
beforeEach(() => {
  clearModelCache();
  clearRegistry();
});

type Blank = "" | null | 0;
const FORMS: Blank[] = ["", null, 0];
const CSV = JAPAN_2011_CSV;

/** A range as Excel passes it: rectangular, blank cells in the given form. */
function rect(values: readonly (readonly unknown[])[], blank: Blank): unknown[][] {
  const width = Math.max(...values.map((r) => r.length));
  return values.map((r) => Array.from({ length: width }, (_, c) => (r[c] === undefined || r[c] === null || r[c] === "" ? blank : r[c])));
}
const table = (blank: Blank) => rect(parseCsv(CSV, "io.csv").values, blank) as any[][];
const AT = "'取引基本表'!A1:AF30";

/** The value, or the thrown error's code and message, so errors compare too. */
function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    return { error: (e as FakeCfError).code, message: (e as Error).message };
  }
}

/** Same outcome for every blank form, and (unless it is an expected error) a real result. */
function sameForAllForms(call: (blank: Blank) => unknown): unknown {
  const [first, ...rest] = FORMS.map((b) => {
    clearModelCache();
    return outcome(() => call(b));
  });
  for (const [i, r] of rest.entries()) expect(r, `blank as ${JSON.stringify(FORMS[i + 1])}`).toEqual(first);
  return first;
}

describe("blank cells in every form", () => {
  it("IMPACT: table, shock pairs with blank rows, options range with blank rows", () => {
    const shock = (b: Blank) => rect([["部門", "増加額"], ["建設", 1000], [], ["製造業", 500], []], b) as any[][];
    const options = (b: Blank) => rect([["consumption", 0.7], [], ["measure", "valueAdded"]], b) as any[][];
    const r = sameForAllForms((b) => rippleImpact(table(b), shock(b), options(b), false, inv(AT, "S!A1:B5", "S!D1:E3")));
    expect(Array.isArray(r)).toBe(true);
    expect((r as number[][]).length).toBe(14);
    // The one-column form in sector order: a blank cell is a change of 0 in every form.
    const column = (b: Blank) => Array.from({ length: 13 }, (_, i) => [i === 3 ? 1000 : b]) as any[][];
    const byColumn = sameForAllForms((b) => rippleImpact(table(b), column(b), undefined, false, inv(AT, "S!B2:B14")));
    expect((byColumn as number[][])[13][0]).toBeGreaterThan(0);
    // The blank headers flag of a literal array ("") keeps the default (headers on).
    const withHeaders = rippleImpact(table(""), shock(""), "" as unknown as any[][], "" as unknown as boolean, inv(AT, "S!A1:B5"));
    expect(withHeaders[0][1]).toBe("直接効果 Direct");
  });

  it("MULTIPLIER, LINKAGE, LEONTIEF: a blank kind is the default kind", () => {
    for (const f of [rippleMultiplier, rippleLinkage]) {
      const r = sameForAllForms((b) => f(table(b), b as unknown as string, false, inv(AT)));
      expect(r).toEqual(f(table(""), undefined, false, inv(AT)));
    }
    const L = sameForAllForms((b) => rippleLeontief(table(b), false, inv(AT)));
    expect((L as number[][]).length).toBe(13);
  });

  it("INOPERABILITY and PRICEEFFECT: blank sector is named as missing, blank amounts are 0", () => {
    const r = sameForAllForms((b) => rippleInoperability(table(b), "製造業", 0.1, false, inv(AT)));
    expect((r as number[][]).length).toBe(14);
    const missing = sameForAllForms((b) => rippleInoperability(table(""), b as unknown as string, 0.1, false, inv(AT))) as { error: string; message: string };
    expect(missing.error).toBe("#VALUE!");
    expect(missing.message).toContain("部門「」");
    const zero = sameForAllForms((b) => ripplePrice(table(""), "製造業", b as unknown as number, false, inv(AT))) as number[][];
    expect(zero.flat().every((v) => v === 0)).toBe(true);
  });

  it("SHARE and KPI: parameter and scenario sheets, blank scenario (base), kind, capacity and year", () => {
    const g = templateGrids();
    const P = (b: Blank) => rect(g.params.values, b) as any[][];
    const S = (b: Blank) => rect(g.scenarios.values, b) as any[][];
    const share = sameForAllForms((b) => rippleShare(P(b), S(b), b as unknown as string, 2026, b as unknown as string, b as unknown as number));
    expect(share).toEqual(rippleShare(P(""), S(""), "base", 2026, "domestic", 0));
    expect((share as number[][])[0][0]).toBeGreaterThan(0);
    const kpi = sameForAllForms((b) => rippleKpi(P(b), b as unknown as number, b as unknown as number));
    expect(kpi).toEqual(rippleKpi(P(""), 2030, 0));
    // SHARE needs its year: a blank one is named, not read as year 0.
    const noYear = sameForAllForms((b) => rippleShare(P(""), S(""), "base", b as unknown as number)) as { error: string; message: string };
    expect(noYear.error).toBe("#VALUE!");
    expect(noYear.message).toMatch(/年が空欄です/);
  });
});

describe("argument size", () => {
  it("refuses a table range over the limit before reading it, pointing to a registered model name", () => {
    const side = Math.ceil(Math.sqrt(MAX_ARGUMENT_CELLS)) + 1;
    const big = Array.from({ length: side }, (_, r) => Array.from({ length: side }, (_, c) => (r === 0 || c === 0 ? `s${r}${c}` : 1)));
    for (const call of [
      () => rippleLeontief(big, false, inv("Big!A1")),
      () => rippleMultiplier(big, "output", false, inv("Big!A1")),
      () => rippleImpact(big, [[1]], undefined, false, inv("Big!A1")),
    ]) {
      const e = outcome(call) as { error: string; message: string };
      expect(e.error).toBe("#VALUE!");
      expect(e.message).toContain(`table ${side.toLocaleString("en-US")} × ${side.toLocaleString("en-US")}`);
      expect(e.message).toContain("モデル名");
    }
  });

  it("the way round it works: the same table registered by name gives the same result", () => {
    const model = IOModel.build(readTable(rangeToGrid(table(""), AT)));
    registerModel("IO2011", model);
    expect(rippleLeontief([["IO2011"]], false)).toEqual(rippleLeontief(table(""), false, inv(AT)));
  });

  it("counts the shock and options with the table", () => {
    const shock = Array.from({ length: MAX_ARGUMENT_CELLS }, () => [0]);
    const e = outcome(() => rippleImpact(table(""), shock, undefined, false, inv(AT))) as { error: string; message: string };
    expect(e.error).toBe("#VALUE!");
    expect(e.message).toContain(`shock ${MAX_ARGUMENT_CELLS.toLocaleString("en-US")} × 1`);
  });
});
