import { describe, expect, it } from "vitest";
import { a1, columnLetters, parseA1, sheetRef } from "../../src/engine/grid";

describe("cell addresses", () => {
  it("converts columns both ways", () => {
    expect(columnLetters(0)).toBe("A");
    expect(columnLetters(25)).toBe("Z");
    expect(columnLetters(26)).toBe("AA");
    expect(columnLetters(702)).toBe("AAA");
    for (const c of [0, 5, 25, 26, 51, 52, 701, 702, 16383]) expect(parseA1(a1(7, c))).toEqual({ row: 7, col: c });
  });
  it("quotes sheet names that need it", () => {
    expect(sheetRef("Sheet1", "A1")).toBe("Sheet1!A1");
    expect(sheetRef("取引基本表", "C4")).toBe("'取引基本表'!C4");
    expect(sheetRef("it's", "B2")).toBe("'it''s'!B2");
  });
});
