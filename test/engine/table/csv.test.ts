import { describe, expect, it } from "vitest";
import { RippleError } from "../../../src/engine/errors";
import { parseCsv } from "../../../src/engine/table/csv";

function csvError(text: string): RippleError {
  try {
    parseCsv(text, "bad.csv");
  } catch (e) {
    expect(e).toBeInstanceOf(RippleError);
    return e as RippleError;
  }
  throw new Error("no error thrown");
}

describe("parseCsv", () => {
  it("reads quotes, BOM, CRLF, thousands separators, empties and keeps coded labels as text", () => {
    const g = parseCsv('\uFEFFtitle\r\n,01,"Agri, forestry"\r\n01,"1,234",\r\n02,-,…\r\n', "t.csv");
    expect(g.sheet).toBe("t.csv");
    expect(g.origin).toEqual({ row: 0, col: 0 });
    expect(g.values).toEqual([
      ["title", null, null],
      [null, "01", "Agri, forestry"],
      ["01", 1234, null],
      ["02", "-", "…"],
    ]);
  });
  it("handles escaped quotes and newlines inside quotes", () => {
    const g = parseCsv('a,"say ""hi""","two\nlines"\nb,1,2\n', "q.csv");
    expect(g.values[0]).toEqual(["a", 'say "hi"', "two\nlines"]);
    expect(g.values[1]).toEqual(["b", 1, 2]);
  });
  it("detects semicolons (Spicosa's original) with decimal commas, and tabs", () => {
    const semi = parseCsv("prod;a;b\na;2731;0,5\nb;1.234;0.25\n", "s.csv");
    expect(semi.values).toEqual([
      ["prod", "a", "b"],
      ["a", 2731, 0.5],
      ["b", 1234, 0.25],
    ]);
    const tab = parseCsv("x\ty\tz\n1\t2\t3\n", "t.tsv");
    expect(tab.values).toEqual([
      ["x", "y", "z"],
      [1, 2, 3],
    ]);
  });
  it("accepts short title/note lines and trailing empties, pads rows to the table width", () => {
    const g = parseCsv("Title only\na,b,c\n1,2,3,,\n", "p.csv");
    expect(g.values).toEqual([
      ["Title only", null, null],
      ["a", "b", "c"],
      [1, 2, 3],
    ]);
  });
  it("reports a ragged line (more fields than the table) with its line and cell", () => {
    const e = csvError("a,b,c\n1,2,3\n4,5,6,7\n8,9,10\n");
    expect(e.code).toBe("csv.ragged");
    expect(e.where).toEqual({ file: "bad.csv", cell: "D3" });
    expect(e.text.en).toContain("Line 3 has 4 fields but the table has 3");
    expect(e.text.ja).toContain("3 行目のフィールド数が 4");
  });
  it("reports a short data line (a missing cell shifts numbers)", () => {
    const e = csvError("a,b,c,d\n1,2,3,4\n5,6,7\n8,9,10,11\n");
    expect(e.code).toBe("csv.ragged");
    expect(e.text.en).toContain("Line 3 has 3 fields");
    expect(e.text.ja).toContain("3 行目");
  });
  it("reports an empty file and an unclosed quote", () => {
    const e1 = csvError("  \n");
    expect(e1.code).toBe("csv.empty");
    expect(e1.text.ja).toContain("空");
    const e2 = csvError('a,"b\n1,2\n');
    expect(e2.code).toBe("csv.unclosed-quote");
    expect(e2.text.en).toContain("line 1");
    expect(e2.text.ja).toContain("1 行目");
  });
});

describe("splitting a text without quotes", () => {
  // The native split used when a text has no quote must give what the character loop gives.
  it("gives the character loop's records on random texts", async () => {
    const { splitPlain, splitRecords } = await import("../../../src/engine/table/csv");
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = ["a", "1", ",", ";", "\t", "\r", "\n", "\r\n", " ", ".", "部"];
    for (let k = 0; k < 500; k++) {
      const len = Math.floor(next() * 40);
      let text = "";
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      for (const d of [",", ";", "\t"]) expect(splitPlain(text, d), JSON.stringify(text)).toEqual(splitRecords(text, d));
    }
  });

  it("refuses a line of too many columns the same way", async () => {
    const { splitPlain, splitRecords } = await import("../../../src/engine/table/csv");
    const text = "x\n" + "1,".repeat(16_384) + "1\n";
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as RippleError;
      }
      throw new Error("no error thrown");
    };
    const a = err(() => splitPlain(text, ","));
    const b = err(() => splitRecords(text, ","));
    expect(a.code).toBe("input-too-large");
    expect([a.message, a.where]).toEqual([b.message, b.where]);
  });
});
