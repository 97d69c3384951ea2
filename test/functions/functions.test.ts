// The RIPPLE.* functions called as Excel calls them (values without their place, addresses in
// the invocation), with a stand-in for the CustomFunctions global, on the Japan 2011 table.

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Grid } from "../../src/engine/grid";
import {
  GhoshModel,
  impact,
  impactTypeII,
  indicators,
  IOModel,
} from "../../src/engine/model";
import { parseCsv, readTable } from "../../src/engine/table";
import { recentFunctionErrors, setFunctionLanguage } from "../../src/functions/errorMapping";
import {
  rippleImpact,
  rippleInoperability,
  rippleLeontief,
  rippleLinkage,
  rippleMultiplier,
  ripplePrice,
} from "../../src/functions/functions";
import { costPushPrices, inoperabilityFromModel, staticInoperability } from "../../src/engine/disruption";
import { clearModelCache, modelCacheStats } from "../../src/functions/modelCache";
import { rangeToGrid, parseRangeAddress } from "../../src/functions/rangeGrid";
import { clearRegistry, registerModel } from "../../src/functions/registry";
import { MAX_RESULT_CELLS } from "../../src/functions/spill";
import { FakeCfError, inv, JAPAN_2011_CSV, useFakeCustomFunctions } from "./cfStub";

useFakeCustomFunctions();

const CSV = JAPAN_2011_CSV;
/** The table as Excel passes a range: fresh arrays each time, empty cells as "". */
function tableValues(): (string | number | boolean)[][] {
  const grid = parseCsv(CSV, "io.csv");
  const width = Math.max(...grid.values.map((r) => r.length));
  return grid.values.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
}
const TABLE_AT = "'取引基本表'!A1:AF30";

/** The engine's own reading of the same range, placed where Excel said it is. */
function engineModel(options?: Parameters<typeof IOModel.build>[1]): IOModel {
  const grid: Grid = rangeToGrid(tableValues(), TABLE_AT);
  return IOModel.build(readTable(grid), options);
}

const N = 13;
const CONSTRUCTION = 3; // 04 建設
const MANUFACTURING = 2; // 03 製造業
const shockColumn = (): number[][] =>
  Array.from({ length: N }, (_, i) => [i === CONSTRUCTION ? 1000 : i === MANUFACTURING ? 500 : 0]);
const shockVector = shockColumn().map((r) => r[0]);

/** Rows and columns of the CSV: 01 農林水産業 row 3, 内生部門計 row 16, 営業余剰 row 19,
 * 粗付加価値部門計 row 23; columns 01 = 2, 03 製造業 = 4. */
function balancedEdit(values: (string | number | boolean)[][], d: number): (string | number | boolean)[][] {
  const add = (r: number, c: number, v: number) => (values[r][c] = (values[r][c] as number) + v);
  add(3, 2, d);
  add(3, 4, -d);
  for (const [c, sign] of [[2, 1], [4, -1]] as const) {
    add(16, c, sign * d);
    add(19, c, -sign * d);
    add(23, c, -sign * d);
  }
  return values;
}

function expectClose(actual: unknown[][], expected: number[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    expect(row.length).toBe(expected[i].length);
    row.forEach((v, j) => expect(v as number).toBeCloseTo(expected[i][j], 9));
  });
}

function thrown(f: () => unknown): FakeCfError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(FakeCfError);
    return e as FakeCfError;
  }
  throw new Error("expected the function to throw");
}

beforeEach(() => {
  clearModelCache();
  clearRegistry();
  setFunctionLanguage(null);
});
afterEach(() => vi.restoreAllMocks());

describe("RIPPLE.IMPACT", () => {
  it("spills the engine's three-stage effect, by sector and in total", () => {
    const model = engineModel();
    const expected = impact(model, shockVector);
    const out = rippleImpact(tableValues(), shockColumn(), undefined, false, inv(TABLE_AT, "Sheet1!B2:B14"));
    const stages = [expected.direct, expected.firstIndirect, expected.secondIndirect, expected.total];
    const rows = Array.from({ length: N }, (_, i) => stages.map((s) => s.output[i]));
    rows.push(stages.map((s) => s.output.reduce((a, b) => a + b, 0)));
    expectClose(out, rows);
    // Total = direct + 1st + 2nd, and total/direct is the engine's ripple multiple (波及倍率).
    const totalRow = out[N] as number[];
    expect(totalRow[3]).toBeCloseTo(totalRow[0] + totalRow[1] + totalRow[2], 6);
    expect(totalRow[3] / totalRow[0]).toBeCloseTo(expected.multiple, 12);
    expect(expected.multiple).toBeGreaterThan(1);
  });

  it("adds a header row and the sector column by default", () => {
    const out = rippleImpact(tableValues(), shockColumn(), undefined, undefined, inv(TABLE_AT, "Sheet1!B2:B14"));
    expect(out).toHaveLength(N + 2);
    expect(out[0]).toEqual([
      "生産誘発額［百万円］ Output",
      "直接効果 Direct",
      "第1次間接波及効果 1st indirect",
      "第2次間接波及効果 2nd indirect",
      "総合効果 Total",
    ]);
    expect(out.slice(1, N + 1).map((r) => r[0])).toEqual(engineModel().sectors);
    expect(out[N + 1][0]).toBe("合計 Total");
    expect(out[1 + CONSTRUCTION][1]).toBe(1000); // construction has no imports: all of Δf is domestic
  });

  it("takes options (consumption rate, measure, closed model) as text or as a two-column range", () => {
    const model = engineModel({ consumptionRate: 0.5 });
    const expected = impact(model, shockVector);
    const byText = rippleImpact(tableValues(), shockColumn(), [["consumption=0.5; measure=valueAdded"]], false, inv(TABLE_AT, "S!B2:B14", "S!D1"));
    const byRange = rippleImpact(tableValues(), shockColumn(), [["consumption", "50%"], ["measure", "valueAdded"]], false, inv(TABLE_AT, "S!B2:B14", "S!D1:E2"));
    const stages = [expected.direct, expected.firstIndirect, expected.secondIndirect, expected.total];
    const col = (k: number) => (byText as number[][]).slice(0, N).map((r) => r[k]);
    for (let k = 0; k < 4; k++) col(k).forEach((v, i) => expect(v).toBeCloseTo(stages[k].valueAdded[i], 9));
    expect(byRange).toEqual(byText);

    const closed = impactTypeII(engineModel(), shockVector);
    const outClosed = rippleImpact(tableValues(), shockColumn(), [["model=closed"]], false, inv(TABLE_AT, "S!B2:B14", "S!D1"));
    expect((outClosed[N] as number[])[3]).toBeCloseTo(closed.total.output.reduce((a, b) => a + b, 0), 6);
    expect((outClosed[N] as number[])[3]).toBeGreaterThan((rippleImpact(tableValues(), shockColumn(), undefined, false, inv(TABLE_AT)) [N] as number[])[3]);
  });

  it("accepts the shock as (sector label, value) pairs, by name or code", () => {
    const vector = rippleImpact(tableValues(), shockColumn(), undefined, false, inv(TABLE_AT, "S!B2:B14"));
    const pairs = rippleImpact(tableValues(), [["部門", "需要増加額"], ["建設", 1000], ["03", 500]], undefined, false, inv(TABLE_AT, "S!A1:B3"));
    expectClose(pairs, vector as number[][]);
  });

  it("reports bad input as #VALUE! naming the sheet and cell", () => {
    let e = thrown(() => rippleImpact(tableValues(), [["建設", 1000], ["鉄鋼", 5]], undefined, false, inv(TABLE_AT, "需要!A2:B3")));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/^RIPPLE\.IMPACT: シート「需要」 セル A3: 部門「鉄鋼」が表にありません/);

    const badShock: (number | string)[][] = shockColumn();
    badShock[4] = ["abc"];
    e = thrown(() => rippleImpact(tableValues(), badShock, undefined, false, inv(TABLE_AT, "需要!C10:C22")));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("セル C14");

    setFunctionLanguage("en");
    e = thrown(() => rippleImpact(tableValues(), shockColumn(), [["consumption=1.5"]], false, inv(TABLE_AT, "S!B2:B14", "S!F1")));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/sheet 'S', cell F1: option consumption: consumption rate "1.5" must be a number from 0 to 1/);

    e = thrown(() => rippleImpact(tableValues(), [[1], [2]], undefined, false, inv(TABLE_AT, "S!B2:B3")));
    expect(e.message).toMatch(/shock has 2 values; it needs one per sector \(13\)/);

    // No employment table in the 2011 table: asking for employment says what to add.
    e = thrown(() => rippleImpact(tableValues(), shockColumn(), [["measure=employment"]], false, inv(TABLE_AT, "S!B2:B14", "S!F1")));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/no employment row/);
  });
});

describe("RIPPLE.LEONTIEF, MULTIPLIER, LINKAGE", () => {
  it("LEONTIEF equals the engine's L", () => {
    const L = engineModel().leontief();
    expectClose(rippleLeontief(tableValues(), false, inv(TABLE_AT)), L);
    const withHeaders = rippleLeontief(tableValues(), true, inv(TABLE_AT));
    expect(withHeaders[0].slice(1)).toEqual(engineModel().sectors);
    expect(withHeaders[0][0]).toMatch(/^開放型逆行列係数/);
    expectClose(withHeaders.slice(1).map((r) => r.slice(1)), L);
  });

  it("MULTIPLIER gives output multipliers, effects, Type I and Type II as the engine computes them", () => {
    const model = engineModel();
    const ind = indicators(model);
    const col = (kind?: string) => (rippleMultiplier(tableValues(), kind, false, inv(TABLE_AT)) as number[][]).map((r) => r[0]);
    col().forEach((v, i) => expect(v).toBeCloseTo(ind.outputMultipliers[i], 12));
    col("valueAdded").forEach((v, i) => expect(v).toBeCloseTo(ind.effects.valueAdded[i], 12));
    col("Type I: compensation").forEach((v, i) => expect(v).toBeCloseTo(ind.typeI.compensation[i] as number, 12));
    col("typeII-output").forEach((v, i) => expect(v).toBeCloseTo(ind.typeII?.output[i] as number, 12));
    // Column sums of L are the output multipliers.
    const L = model.leontief();
    col("output").forEach((v, j) => expect(v).toBeCloseTo(L.reduce((s, row) => s + row[j], 0), 10));
    const e = thrown(() => rippleMultiplier(tableValues(), "typeIII", false, inv(TABLE_AT)));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/typeIII/);
    expect(thrown(() => rippleMultiplier(tableValues(), "employment", false, inv(TABLE_AT))).message).toMatch(/就業者数/);
  });

  it("LINKAGE gives MIC's 影響力係数 and 感応度係数 (mean 1) and the Ghosh forward linkage", () => {
    const model = engineModel();
    const ind = indicators(model);
    const col = (kind?: string) => (rippleLinkage(tableValues(), kind, false, inv(TABLE_AT)) as number[][]).map((r) => r[0]);
    const back = col();
    back.forEach((v, i) => expect(v).toBeCloseTo(ind.backwardLinkage[i], 12));
    expect(back.reduce((a, b) => a + b, 0) / N).toBeCloseTo(1, 12);
    col("感応度係数").forEach((v, i) => expect(v).toBeCloseTo(ind.forwardLinkage[i], 12));
    col("ghosh").forEach((v, i) => expect(v).toBeCloseTo(GhoshModel.of(model).forwardLinkages(true)[i], 12));
    const headed = rippleLinkage(tableValues(), "forward", true, inv(TABLE_AT));
    expect(headed[0]).toEqual(["部門 Sector", "感応度係数 Forward linkage index"]);
  });
});

describe("RIPPLE.INOPERABILITY and RIPPLE.PRICE (static disruption results)", () => {
  it("INOPERABILITY equals the engine's static IIM for a cut of one sector", () => {
    const out = rippleInoperability(tableValues(), "製造業", 0.1, false, inv(TABLE_AT, "B1", "C1"));
    const model = engineModel();
    const c = new Array<number>(N).fill(0);
    c[MANUFACTURING] = 0.1;
    const r = staticInoperability(inoperabilityFromModel(model), c);
    expect(out.length).toBe(N + 1);
    for (let i = 0; i < N; i++) {
      expect(out[i][0] as number).toBeCloseTo(r.q[i], 12);
      expect(out[i][1] as number).toBeCloseTo((r.loss as number[])[i], 6);
    }
    expect(out[N][1] as number).toBeCloseTo(r.totalLoss as number, 6);
    expect(r.q[MANUFACTURING]).toBeGreaterThan(0.1);
  });

  it("PRICE equals the engine's cost-push model, in percent, and names an unknown sector", () => {
    const out = ripplePrice(tableValues(), "03", 0.5, true, inv(TABLE_AT, "B1", "C1"));
    const model = engineModel();
    const dpm = new Array<number>(N).fill(0);
    dpm[MANUFACTURING] = 0.5;
    const r = costPushPrices(model, { importPriceChange: dpm });
    expect(out.length).toBe(N + 1);
    for (let i = 0; i < N; i++) expect(out[i + 1][1] as number).toBeCloseTo(r.percent[i], 12);
    expect(out[MANUFACTURING + 1][1] as number).toBeGreaterThan(0);
    const e = thrown(() => ripplePrice(tableValues(), "半導体", 0.5, true, inv(TABLE_AT, "B1", "C1")));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("半導体");
  });
});

describe("model cache and registered models", () => {
  it("reads and factors a table once while its content and place stay the same", () => {
    const build = vi.spyOn(IOModel, "build");
    rippleImpact(tableValues(), shockColumn(), undefined, false, inv(TABLE_AT, "S!B2:B14"));
    rippleImpact(tableValues(), shockColumn(), undefined, false, inv(TABLE_AT, "S!B2:B14"));
    rippleLeontief(tableValues(), false, inv(TABLE_AT));
    rippleMultiplier(tableValues(), "output", false, inv(TABLE_AT));
    rippleLinkage(tableValues(), "forward", false, inv(TABLE_AT));
    expect(build).toHaveBeenCalledTimes(1);
    expect(modelCacheStats()).toMatchObject({ tableReads: 1, modelBuilds: 1, hits: 4 });

    // Other model options: a second model of the same table (read once).
    rippleImpact(tableValues(), shockColumn(), [["consumption=0.6"]], false, inv(TABLE_AT, "S!B2:B14", "S!D1"));
    expect(build).toHaveBeenCalledTimes(2);
    expect(modelCacheStats().tableReads).toBe(1);

    // Changed cells: read and factored again, and the result changes. The table must still add
    // up (a table that does not is refused, below): 100,000 of 農林水産業's sales move from 製造業
    // to 農林水産業 itself, and the two columns' 営業余剰 take up the difference.
    const before = rippleLeontief(tableValues(), false, inv(TABLE_AT));
    const edited = balancedEdit(tableValues(), 100_000);
    const after = rippleLeontief(edited, false, inv(TABLE_AT));
    expect(build).toHaveBeenCalledTimes(3);
    expect(after[0][0]).not.toBeCloseTo(before[0][0] as number, 6);

    // The same values somewhere else: messages must name the new place, so it is read again.
    rippleLeontief(tableValues(), false, inv("Other!B2:AG31"));
    expect(modelCacheStats().tableReads).toBe(3);
  });

  it("uses a model registered from the pane by name, rebuilding only for other options", () => {
    const model = engineModel();
    registerModel("jp2011", model);
    const build = vi.spyOn(IOModel, "build");
    const byName = rippleImpact([["JP2011"]], shockColumn(), undefined, false, inv("S!A1", "S!B2:B14"));
    const byRange = rippleImpact(tableValues(), shockColumn(), undefined, false, inv(TABLE_AT, "S!B2:B14"));
    expectClose(byName, byRange as number[][]);
    expect(build).toHaveBeenCalledTimes(1); // only for the range
    expectClose(rippleLeontief([["jp2011"]], false, inv("S!A1")), model.leontief());
    expect(build).toHaveBeenCalledTimes(1);

    const half = rippleImpact([["jp2011"]], shockColumn(), [["consumption=0.5"]], false, inv("S!A1", "S!B2:B14", "S!D1"));
    expect(build).toHaveBeenCalledTimes(2);
    expect(build.mock.calls[1][1]).toMatchObject({ consumptionRate: 0.5, importType: "competitive", incomeBase: "compensation" });
    expect((half[N] as number[])[2]).toBeLessThan((byName[N] as number[])[2]); // smaller 2nd round

    const e = thrown(() => rippleImpact([["kanto2015"]], shockColumn(), undefined, false, inv("S!A1", "S!B2:B14")));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/「kanto2015」という名前のモデルは登録されていません.*登録済み: jp2011/);
  });
});

describe("numeric failures and size limits", () => {
  it("maps a non-productive table to #NUM! and keeps the message for the pane", () => {
    const values = [
      ["", "Agriculture", "Industry", "Households", "Total output"],
      ["Agriculture", 60, 50, -10, 100],
      ["Industry", 50, 30, 20, 100],
      ["Compensation of employees", -10, 20, "", ""],
      ["Total output", 100, 100, "", ""],
    ];
    setFunctionLanguage("en");
    const e = thrown(() => rippleLeontief(values, false, inv("Bad!C3:G7")));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toMatch(/sheet 'Bad', cell D3: .*not productive \(Hawkins–Simon\).*Agriculture/);
    expect(recentFunctionErrors()[0]).toMatchObject({ functionName: "LEONTIEF", code: "not-productive", cellError: "#NUM!" });
  });

  it("refuses a spill over the size limit before forming the inverse", () => {
    const n = Math.ceil(Math.sqrt(MAX_RESULT_CELLS)); // (n + 1)² cells > the limit
    const names = Array.from({ length: n }, (_, i) => `S${i + 1}`);
    const values: (string | number)[][] = [["", ...names, "Households", "Total output"]];
    for (let i = 0; i < n; i++) values.push([names[i], ...names.map((_, j) => (i === j ? 10 : 1)), 1000 - 10 - (n - 1), 1000]);
    values.push(["Compensation of employees", ...names.map(() => 1000 - 10 - (n - 1)), "", ""]);
    values.push(["Total output", ...names.map(() => 1000), "", ""]);
    setFunctionLanguage("en");
    // As a range the table is refused first, for its own size (Excel's argument payload).
    const asRange = thrown(() => rippleLeontief(values, false, inv("Big!A1")));
    expect(asRange.code).toBe("#VALUE!");
    expect(asRange.message).toMatch(/range arguments are too large \(table \d+ × \d+/);
    // Registered by name (the way round), the result's size is what stops L.
    const model = IOModel.build(readTable(rangeToGrid(values, "Big!A1")));
    registerModel("Big", model);
    const leontief = vi.spyOn(model, "leontief");
    const e = thrown(() => rippleLeontief([["Big"]], false));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/more than the 100,000 a function can return/);
    expect(leontief).not.toHaveBeenCalled();
    // The multipliers of the same model are small enough.
    expect(rippleMultiplier([["Big"]], "output", false)).toHaveLength(n);
  });
});

describe("addresses from Excel", () => {
  it("reads the sheet and origin of quoted, book-qualified and plain addresses", () => {
    expect(parseRangeAddress("Sheet1!B3:P40")).toEqual({ sheet: "Sheet1", origin: { row: 2, col: 1 } });
    expect(parseRangeAddress("'It''s a table'!$C$5")).toEqual({ sheet: "It's a table", origin: { row: 4, col: 2 } });
    expect(parseRangeAddress("[Book1.xlsx]取引基本表!A1:AF30")).toEqual({ sheet: "取引基本表", origin: { row: 0, col: 0 } });
    expect(parseRangeAddress("")).toBeNull();
    expect(parseRangeAddress(undefined)).toBeNull();
    expect(rangeToGrid([[1, ""]], undefined)).toEqual({ sheet: "(range)", origin: { row: 0, col: 0 }, values: [[1, null]] });
  });
});
