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

  it("a sheet name that matches none still names the sheets there are", async () => {
    const r = await run(["analyze", miyazakiXlsx, "--sheet", "99部門", "--json", "-"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("'54部門 '");
  });
});
