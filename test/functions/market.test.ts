import { describe, expect, it } from "vitest";
import { RippleError, RippleErrorList } from "../../src/engine/errors";
import { runMarket } from "../../src/engine/market/model";
import { marketInputsFromRecord, readMarketSheets } from "../../src/engine/market/sheet";
import { marketKpi, marketShare } from "../../src/functions/market";
import { keyRow, templateGrids } from "../engine/market/marketFixtures";

const g = templateGrids();
const P = g.params.values as unknown[][];
const S = g.scenarios.values as unknown[][];

describe("RIPPLE.SHARE / RIPPLE.KPI helpers", () => {
  const sheets = readMarketSheets(g.params, g.scenarios);
  const inputs = marketInputsFromRecord(sheets.params);
  const severe = runMarket(inputs, sheets.scenarios[2]);

  it("return the model's shares for a scenario defined on the sheet", () => {
    const k = 2026 - 2024;
    expect(marketShare(P, S, "severe", 2026, "domestic")).toBe(severe.years[k].domesticShare);
    expect(marketShare(P, S, "severe", 2026, "輸入")).toBeCloseTo(severe.years[k].importShares[0], 15);
    expect(marketShare(P, S, "severe", 2026, "japanGlobal")).toBe(severe.years[k].japanGlobalShare);
    expect(marketShare(P, S, "", 2024)).toBeCloseTo(7000 / 12000, 12);
  });

  it("KPI: capacity (existing + supported online) / demand, default year from the sheet", () => {
    const d2030 = 12000 * Math.pow(1.06, 6);
    expect(marketKpi(P)).toBeCloseTo(13500 / d2030, 12);
    expect(marketKpi(P, 2030, 5000)).toBeCloseTo(18500 / d2030, 12);
    // A user edit on the sheet flows through.
    const edited = P.map((r) => [...r]);
    edited[keyRow(g.params, "output2024")][3] = 14000;
    expect(marketKpi(edited, 2030)).toBeCloseTo(14000 / d2030, 12);
  });

  it("errors name the cell of the range argument", () => {
    const bad = P.map((r) => [...r]);
    bad[keyRow(g.params, "growth")][3] = "x";
    try {
      marketKpi(bad, 2030, 0, { params: "'磁石パラメータ'!B3:K40" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RippleErrorList);
      const p = (e as RippleErrorList).problems[0];
      expect(p.where.sheet).toBe("磁石パラメータ");
      // row keyRow+1 of the range starting at B3 -> sheet row keyRow + 3, column D -> E
      expect(p.where.cell).toBe(`E${keyRow(g.params, "growth") + 3}`);
    }
    expect(() => marketShare(P, S, "nope", 2026)).toThrow(RippleError);
    expect(() => marketShare(P, S, "base", 2099)).toThrow(/2024–2035/);
    expect(() => marketShare(P, S, "base", 2026, "market")).toThrow(/domestic, imports or japanGlobal/);
  });
});

describe("RIPPLE.SHARE / RIPPLE.KPI custom functions", () => {
  it("wrap the helpers and map errors to #VALUE! with the cell", async () => {
    class FakeCfError extends Error {
      constructor(readonly code: string, message?: string) {
        super(message);
      }
    }
    (globalThis as Record<string, unknown>).CustomFunctions = {
      Error: FakeCfError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
    };
    const { rippleKpi, rippleShare } = await import("../../src/functions/functions");
    // One cell as a 1 × 1 array (requiresParameterAddresses needs a matrix result).
    expect(rippleKpi(P, 2030, 5000)).toEqual([[marketKpi(P, 2030, 5000)]]);
    expect(rippleShare(P, S, "severe", 2026)).toEqual([[marketShare(P, S, "severe", 2026, "domestic")]]);
    const bad = P.map((r) => [...r]);
    bad[keyRow(g.params, "growth")][3] = "x";
    try {
      rippleKpi(bad, 2030, 0, { parameterAddresses: ["'磁石パラメータ'!B3:K40"] } as unknown as CustomFunctions.Invocation);
      expect.unreachable();
    } catch (e) {
      expect((e as FakeCfError).code).toBe("#VALUE!");
      expect((e as FakeCfError).message).toMatch(/磁石パラメータ/);
    }
  });
});
