// resolveSheetNames renames sheets a second run would collide with ("名前 (2)") and rewrites the
// formulas that name them, quoted or not, without touching text inside string literals or
// cascading one rename into another.
import { describe, expect, it } from "vitest";
import { renameSheetsInFormula, resolveSheetNames, type WorkbookSpec } from "../../../src/report/spec";

describe("renameSheetsInFormula", () => {
  const map = new Map([
    ["集計", "集計 (2)"],
    ["Data", "Data (2)"],
    ["A", "B"],
    ["B", "C"],
    ["It's", "It's (2)"],
  ]);
  it("renames quoted and plain references", () => {
    expect(renameSheetsInFormula("SUM('集計'!$B$2:$B$4)+Data!A1", map)).toBe("SUM('集計 (2)'!$B$2:$B$4)+'Data (2)'!A1");
    expect(renameSheetsInFormula("'It''s'!A1", map)).toBe("'It''s (2)'!A1");
  });
  it("renames in one pass (A -> B and B -> C do not make A -> C)", () => {
    expect(renameSheetsInFormula("A!A1+B!A1", map)).toBe("'B'!A1+'C'!A1");
  });
  it("leaves string literals, unknown sheets and names that only end like a sheet alone", () => {
    expect(renameSheetsInFormula('"集計"&\'集計\'&"\'集計\'!A1"', map)).toBe('"集計"&\'集計\'&"\'集計\'!A1"');
    expect(renameSheetsInFormula("Other!A1+MyData!A1+'Other'!B2", map)).toBe("Other!A1+MyData!A1+'Other'!B2");
  });
});

describe("resolveSheetNames", () => {
  it("rewrites the formulas of every sheet after the sheets are renamed, and keeps other cells", () => {
    const spec: WorkbookSpec = {
      lang: "ja",
      sheets: [
        { key: "summary", name: "集計", blocks: [{ row: 0, col: 0, values: [["=集計!A1", 1]] }] },
        {
          key: "audit",
          name: "検算",
          blocks: [{ row: 0, col: 0, values: [[{ formula: "'集計'!B1*2", value: 2 }, { formula: "SUM(A1:A2)", value: 0 }]] }],
        },
      ],
      provenance: { software: "Ripple", version: "t", createdAt: "", inputs: [], parameters: [], variants: [], warnings: [] },
    };
    const out = resolveSheetNames(spec, ["集計"]);
    expect(out.sheets.map((s) => s.name)).toEqual(["集計 (2)", "検算"]);
    expect(out.sheets[1].blocks[0].values[0]).toEqual([{ formula: "'集計 (2)'!B1*2", value: 2 }, { formula: "SUM(A1:A2)", value: 0 }]);
    expect(out.sheets[0].blocks[0].values[0]).toEqual(["=集計!A1", 1]);
    expect((spec.sheets[1].blocks[0].values[0][0] as { formula: string }).formula).toBe("'集計'!B1*2");
    // Nothing renamed: formulas untouched.
    expect(resolveSheetNames(spec, []).sheets[1].blocks[0].values[0][0]).toEqual({ formula: "'集計'!B1*2", value: 2 });
  });
});
