import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { RippleError } from "../../src/engine/errors";
import { langFromArgv, langFromEnv } from "../../src/cli/lang";
import { parseMappingFile } from "../../src/cli/mappingFile";
import { freePath } from "../../src/cli/outputPath";
import { startProgress, wantsProgress } from "../../src/cli/progress";

describe("freePath", () => {
  it("adds -2, -3, … until the name is free", () => {
    const taken = new Set(["/d/out.xlsx", "/d/out-2.xlsx"]);
    expect(freePath("/d/new.xlsx", (p) => taken.has(p))).toBe("/d/new.xlsx");
    expect(freePath("/d/out.xlsx", (p) => taken.has(p))).toBe("/d/out-3.xlsx");
  });
});

describe("language", () => {
  it("--lang first, then the locale, else English", () => {
    expect(langFromArgv(["analyze", "x", "--lang", "ja"])).toBe("ja");
    expect(langFromArgv(["--lang=en"])).toBe("en");
    expect(langFromEnv({ LANG: "ja_JP.UTF-8" })).toBe("ja");
    expect(langFromEnv({ LANG: "ja_JP.UTF-8", LC_ALL: "C" })).toBe("en");
    expect(langFromEnv({})).toBe("en");
  });
});

describe("mapping file", () => {
  it("reads the TABLES.md form", () => {
    expect(
      parseMappingFile('{"rows": {"Total output": "output"}, "cols": {"Households": "fd:household"}}', "m.json"),
    ).toEqual({ rows: { "Total output": "output" }, cols: { Households: "fd:household" } });
  });

  it("names the file and the label for an unknown role, and rejects bad JSON", () => {
    const err = (text: string) => {
      try {
        parseMappingFile(text, "m.json");
      } catch (e) {
        return e as RippleError;
      }
      throw new Error("no error");
    };
    const e = err('{"rows": {"Wages": "va:wages"}}');
    expect(e).toBeInstanceOf(RippleError);
    expect(e.format("en")).toMatch(/^m\.json: role "va:wages" for row "Wages"/);
    expect(err("{rows:").format("ja")).toMatch(/^m\.json: JSON として読めません/);
    expect(err('{"row": {}}').format("en")).toContain('unknown key "row"');
  });
});

describe("progress bar", () => {
  it("only for big tables, never with --json -", () => {
    expect(wantsProgress(13, true, false)).toBe(false);
    expect(wantsProgress(400, true, false)).toBe(true);
    expect(wantsProgress(400, false, false)).toBe(false);
    expect(wantsProgress(5000, false, false)).toBe(true);
    expect(wantsProgress(5000, true, true)).toBe(false);
  });

  it("writes the stage and the count to its stream", () => {
    let text = "";
    const s = new PassThrough();
    s.on("data", (d: Buffer) => (text += d.toString()));
    const p = startProgress(s, "en");
    p.update(0, 10, "coefficients");
    p.update(10, 10, "coefficients");
    p.update(5, 20, "factor");
    p.update(20, 20, "factor");
    p.stop();
    expect(text).toContain("factorising 20/20");
  });
});
