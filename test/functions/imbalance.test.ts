// RIPPLE.* worksheet functions apply the same refusal as the command line and the pane
// (engine/table/balance.ts): a range whose table does not add up gives #VALUE! with a message
// naming the sheet, the cell and the gap, never numbers. RIPPLE.IMPACT computes anyway only with
// the explicit option allowImbalance=TRUE (the command line's --allow-imbalance); a model
// registered from the pane was checked there.

import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { impact, IOModel } from "../../src/engine/model";
import { parseCsv, readTable } from "../../src/engine/table";
import { setFunctionLanguage } from "../../src/functions/errorMapping";
import {
  rippleImpact,
  rippleInoperability,
  rippleLeontief,
  rippleLinkage,
  rippleMultiplier,
  ripplePrice,
} from "../../src/functions/functions";
import { clearModelCache } from "../../src/functions/modelCache";
import { rangeToGrid } from "../../src/functions/rangeGrid";
import { clearRegistry, registerModel } from "../../src/functions/registry";

class FakeCfError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

beforeAll(() => {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: FakeCfError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!" },
  };
});

beforeEach(() => {
  clearModelCache();
  clearRegistry();
  setFunctionLanguage("en");
});

const CSV = readFileSync(path.resolve(__dirname, "../../../shared/data/jp-io-2011-13/io2011_13sector_ja.csv"), "utf8");
const TABLE_AT = "'取引基本表'!A1:AF30";
const inv = (...addresses: string[]) => ({ parameterAddresses: addresses }) as CustomFunctions.Invocation;

/** The 2011 13-sector table as Excel passes a range, with `d` added to 01 農林水産業 → 01 (C4). */
function values(d = 0): (string | number | boolean)[][] {
  const grid = parseCsv(CSV, "io.csv");
  const width = Math.max(...grid.values.map((r) => r.length));
  const v = grid.values.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
  v[3][2] = (v[3][2] as number) + d;
  return v;
}

const shock = (): number[][] => Array.from({ length: 13 }, (_, i) => [i === 3 ? 1000 : 0]);

function thrown(f: () => unknown): FakeCfError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(FakeCfError);
    return e as FakeCfError;
  }
  throw new Error("expected the function to throw");
}

describe("RIPPLE.* on a table that does not add up", () => {
  const calls: [string, (v: unknown[][]) => unknown][] = [
    ["IMPACT", (v) => rippleImpact(v, shock(), undefined, false, inv(TABLE_AT, "S!B2:B14"))],
    ["MULTIPLIER", (v) => rippleMultiplier(v, "output", false, inv(TABLE_AT))],
    ["LINKAGE", (v) => rippleLinkage(v, "backward", false, inv(TABLE_AT))],
    ["LEONTIEF", (v) => rippleLeontief(v, false, inv(TABLE_AT))],
    ["INOPERABILITY", (v) => rippleInoperability(v, "製造業", 0.1, false, inv(TABLE_AT))],
    ["PRICEEFFECT", (v) => ripplePrice(v, "製造業", 0.5, false, inv(TABLE_AT))],
  ];

  for (const [name, call] of calls) {
    it(`RIPPLE.${name}: #VALUE! naming the sheet, the cell and the gap; numbers when it adds up`, () => {
      const e = thrown(() => call(values(100_000)));
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toContain(`RIPPLE.${name}`);
      expect(e.message).toContain("取引基本表");
      expect(e.message).toContain("C25"); // the column's output cell: 農林水産業's column sum is off
      expect(e.message).toContain("not add up");
      expect(e.message).toContain("gap 100,000");
      // The same table as published computes (and so does a change within the printed rounding).
      expect(Array.isArray(call(values(0)))).toBe(true);
      expect(Array.isArray(call(values(1)))).toBe(true);
    });
  }

  it("RIPPLE.IMPACT computes it only with allowImbalance=TRUE, equal to the engine on the same cells", () => {
    const bad = values(100_000);
    const allowed = rippleImpact(bad, shock(), [["allowImbalance=TRUE"]], false, inv(TABLE_AT, "S!B2:B14", "S!D1")) as number[][];
    const model = IOModel.build(readTable(rangeToGrid(values(100_000), TABLE_AT)));
    const res = impact(model, shock().map((r) => r[0]));
    res.total.output.forEach((v, i) => expect(allowed[i][3]).toBeCloseTo(v, 9));
    // Refused again without it, and with FALSE; a word that is neither is an option error.
    expect(thrown(() => rippleImpact(bad, shock(), undefined, false, inv(TABLE_AT, "S!B2:B14"))).message).toContain("allowImbalance=TRUE");
    expect(thrown(() => rippleImpact(bad, shock(), [["allowImbalance=FALSE"]], false, inv(TABLE_AT, "S!B2:B14", "S!D1"))).message).toContain("not add up");
    expect(thrown(() => rippleImpact(bad, shock(), [["allowImbalance=maybe"]], false, inv(TABLE_AT, "S!B2:B14", "S!D1"))).message).toContain("maybe");
  });

  it("a model registered from the pane (checked there, allowed or not) is used by name", () => {
    const model = IOModel.build(readTable(rangeToGrid(values(0), TABLE_AT)));
    registerModel("jp", model);
    expect(Array.isArray(rippleLeontief([["jp"]], false, inv("S!A1")))).toBe(true);
  });
});
