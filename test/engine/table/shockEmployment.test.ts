import { describe, expect, it } from "vitest";
import { RippleError } from "../../../src/engine/errors";
import { attachEmployment, parseCsv, parseShockGrid, readTable, shockFromPairs } from "../../../src/engine/table";
import { gridOf, loadSharedCsv } from "./fixtures";

const table = readTable(loadSharedCsv("data/jp-io-2011-13/io2011_13sector_ja.csv"));

function thrown(f: () => unknown): RippleError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(RippleError);
    return e as RippleError;
  }
  throw new Error("expected a RippleError");
}

describe("shocks", () => {
  it("match by name, code (with or without zero, full-width) and 'code name'", () => {
    const w = { sheet: "需要", cell: "A2" };
    const v = shockFromPairs(table, [
      { label: "建設", value: 1000, where: w },
      { label: "０３", value: 50, where: w },
      { label: "6", value: 7, where: w },
      { label: "12 サービス", value: 3, where: w },
    ]);
    expect(v).toEqual([0, 0, 50, 1000, 0, 7, 0, 0, 0, 0, 0, 3, 0]);
  });

  it("read a two-column CSV with or without a header row", () => {
    const withHeader = parseShockGrid(parseCsv("部門,需要変化（百万円）\n建設,1000\n\n製造業,\"2,500\"\n", "shock.csv"));
    expect(withHeader).toEqual([
      { label: "建設", value: 1000, where: { sheet: "shock.csv", cell: "A2" } },
      { label: "製造業", value: 2500, where: { sheet: "shock.csv", cell: "A4" } },
    ]);
    expect(shockFromPairs(table, withHeader)[2]).toBe(2500);
    const bare = parseShockGrid(gridOf([["04", 10], ["Manufacturing?", 1]], "S", { row: 9, col: 3 }));
    expect(bare[1].where).toEqual({ sheet: "S", cell: "D11" });
  });

  it("unknown sector: error with the cell, both languages", () => {
    const pairs = parseShockGrid(gridOf([["部門", "額"], ["建設", 1], ["宇宙産業", 2]], "需要"));
    const e = thrown(() => shockFromPairs(table, pairs));
    expect(e.code).toBe("shock.unknown-sector");
    expect(e.where).toEqual({ sheet: "需要", cell: "A3" });
    expect(e.text.ja).toContain("宇宙産業");
    expect(e.text.en).toContain("'宇宙産業' is not in the table");
  });

  it("duplicate sector: error at the second line naming the first", () => {
    const pairs = parseShockGrid(gridOf([["建設", 1], ["04", 2]], "需要"));
    const e = thrown(() => shockFromPairs(table, pairs));
    expect(e.code).toBe("shock.duplicate");
    expect(e.where.cell).toBe("A2");
    expect(e.text.ja).toContain("A1");
    expect(e.text.en).toContain("given twice (first at A1)");
  });

  it("a value that is not a number, and a blank label", () => {
    const e = thrown(() => parseShockGrid(gridOf([["部門", "額"], ["建設", "1,2x3"]], "需要")));
    expect(e.code).toBe("shock.not-number");
    expect(e.where.cell).toBe("B2");
    expect(e.text.ja).toContain("1,2x3");
    expect(e.text.en).toContain("not a number");
    const e2 = thrown(() => parseShockGrid(gridOf([["建設", 1], [null, 5]], "需要")));
    expect(e2.code).toBe("shock.label-empty");
    expect(e2.where.cell).toBe("A2");
    expect(e2.text.ja).toContain("部門名が空");
  });
});

describe("employment sheets", () => {
  const persons = table.sectors.map((_, i) => 1000 * (i + 1));
  it("two columns with a header, matched by name or code", () => {
    const rows = table.sectors.map((s, i) => [i % 2 === 0 ? s.name : s.code, persons[i]]);
    const t = attachEmployment(table, gridOf([["部門", "従業者総数（人）"], ...rows], "雇用表"));
    expect(t.employment).toEqual(persons);
    expect(t).not.toBe(table);
    expect(table.employment).toBeNull();
  });

  it("a row of labels above a row of persons", () => {
    const g = gridOf([table.sectors.map((s) => s.name), persons], "雇用表", { row: 3, col: 2 });
    expect(attachEmployment(table, g).employment).toEqual(persons);
  });

  it("unknown sector, missing sector, bad value: errors with cells", () => {
    const rows = table.sectors.map((s, i) => [s.name, persons[i]]);
    const unknown = gridOf([...rows, ["宇宙産業", 5]], "雇用表");
    const e = thrown(() => attachEmployment(table, unknown));
    expect(e.code).toBe("employment.unknown-sector");
    expect(e.where).toEqual({ sheet: "雇用表", cell: "A14" });
    expect(e.text.ja).toContain("宇宙産業");
    expect(e.text.en).toContain("'宇宙産業'");
    const e2 = thrown(() => attachEmployment(table, gridOf(rows.slice(1), "雇用表")));
    expect(e2.code).toBe("employment.missing");
    expect(e2.text.ja).toContain("農林水産業");
    expect(e2.text.en).toContain("農林水産業");
    const bad = rows.map((r) => [...r]);
    bad[2][1] = "多数";
    const e3 = thrown(() => attachEmployment(table, gridOf(bad, "雇用表")));
    expect(e3.code).toBe("employment.not-number");
    expect(e3.where.cell).toBe("B3");
    expect(e3.text.ja).toContain("製造業");
  });
});
