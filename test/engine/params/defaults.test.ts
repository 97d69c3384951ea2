import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultKpiInputs, param, parseParameters, sourceOf } from "../../../src/engine/params/defaults";

const text = readFileSync(resolve(__dirname, "../../../assets/data/magnet-market/defaults.csv"), "utf8");

describe("default parameters", () => {
  const params = parseParameters(text);
  it("reads every row with value, grade and source", () => {
    expect(params.length).toBeGreaterThan(40);
    const cap = param(params, "io", "capex converter machinery share");
    expect(cap.value).toBe(0.7);
    expect(cap.grade).toBe("C");
    expect(sourceOf(params, param(params, "io", "capex converter other share"))).toContain("固定資本マトリックス");
  });
  it("projects 2030 domestic demand from 2024 and the growth rate, with both sources", () => {
    const k = defaultKpiInputs(params);
    expect(k.domesticDemand.value).toBeCloseTo(12000 * Math.pow(1.06, 6), 9);
    expect(k.domesticDemand.source.en).toContain("newswitch.jp/p/35989");
    expect(k.target.value).toBe(1);
    expect(k.baselineCapacity.value).toBe(13500);
  });
  it("names a missing parameter", () => {
    expect(() => param(params, "japan", "nothing")).toThrowError(/japan \/ nothing/);
  });
});
