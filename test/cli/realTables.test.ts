// Real published workbooks on the command line: the 宮崎県 file as downloaded (sheet names with a
// trailing space, wrapped labels), read without a mapping.
import { describe, expect, it } from "vitest";
import { miyazakiXlsx, run } from "./helpers";

describe("ripple analyze on the 宮崎県 workbook", () => {
  it("--sheet finds '54部門 ' typed without its trailing space, and reads all 54 sectors without warnings", async () => {
    const r = await run(["analyze", miyazakiXlsx, "--sheet", "54部門", "--json", "-"]);
    expect(r.errLines).toEqual([]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.sectors).toHaveLength(54);
    expect(json.importType).toBe("competitive");
    expect(json.warnings).toEqual([]);
    expect(Math.max(...json.importCoefficients)).toBeLessThanOrEqual(1);
  });

  for (const [sheet, n] of [["15部門", 15], ["37部門", 37], ["54部門 ", 54]] as const) {
    it(`'${sheet}' gives ${n} sectors and no warning of an import share outside 0–1 or of totals that differ from output`, async () => {
      const r = await run(["analyze", miyazakiXlsx, "--sheet", sheet, "--json", "-"]);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.out);
      expect(json.sectors).toHaveLength(n);
      const texts = (json.warnings as unknown[]).map((w) => JSON.stringify(w));
      expect(texts.filter((t) => /outside 0 to 1|differ from output/.test(t))).toEqual([]);
      // 15部門 is printed in two blocks: the join is the one thing said about it.
      expect(texts.length).toBe(n === 15 ? 1 : 0);
    });
  }

  it("a sheet name that matches none still names the sheets there are", async () => {
    const r = await run(["analyze", miyazakiXlsx, "--sheet", "99部門", "--json", "-"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("'54部門 '");
  });
});
