import { describe, expect, it } from "vitest";
import { changedModelOptions, defaultPaneOptions, optionProblems, parseShare, toModelOptions } from "../../src/taskpane/paneOptions";
import { DEFAULT_CONSUMPTION_RATE } from "../../src/engine/model/options";
import { resources } from "../../src/taskpane/i18n";
import { ALL_ROLES } from "../../src/engine/table/types";

describe("pane options", () => {
  it("starts from the engine's defaults", () => {
    const o = defaultPaneOptions();
    expect(toModelOptions(o)).toEqual({ consumptionRate: DEFAULT_CONSUMPTION_RATE, incomeBase: "compensation" });
    expect(optionProblems(o)).toEqual({ consumptionRate: false, selfSufficiency: [] });
  });

  it("gives the other flows only what the user changed, so their results do not call a default user-entered", () => {
    expect(changedModelOptions(defaultPaneOptions())).toEqual({});
    const o = { ...defaultPaneOptions(), consumptionRate: "0.6", importType: "domestic" as const, selfSufficiency: { 2: "0.5" } };
    expect(changedModelOptions(o)).toEqual({ consumptionRate: 0.6, importType: "domestic", selfSufficiency: { 2: 0.5 } });
    expect(changedModelOptions({ ...defaultPaneOptions(), incomeBase: "compensation+surplus" })).toEqual({ incomeBase: "compensation+surplus" });
  });

  it("reads shares as decimals or percentages and rejects anything outside [0, 1]", () => {
    expect(parseShare("0.7")).toBe(0.7);
    expect(parseShare("70%")).toBeCloseTo(0.7, 15);
    expect(parseShare(" 1 ")).toBe(1);
    expect(parseShare("1.2")).toBeNull();
    expect(parseShare("-0.1")).toBeNull();
    expect(parseShare("abc")).toBeNull();
    expect(parseShare("")).toBeNull();
  });

  it("names the fields that are wrong and passes the rest to the engine", () => {
    const o = { ...defaultPaneOptions(), consumptionRate: "x", selfSufficiency: { 3: "1", 5: "2", 7: "" } };
    expect(optionProblems(o)).toEqual({ consumptionRate: true, selfSufficiency: [5] });
    const ok = { ...o, consumptionRate: "0.6", selfSufficiency: { 3: "1", 7: "" }, importType: "domestic" as const };
    expect(toModelOptions(ok)).toEqual({
      consumptionRate: 0.6,
      incomeBase: "compensation",
      importType: "domestic",
      selfSufficiency: { 3: 1 },
    });
  });
});

describe("pane strings", () => {
  const keys = (o: object, prefix = ""): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

  it("has every Japanese string in English too, and no empty string", () => {
    const ja = keys(resources.ja.translation).sort();
    const en = keys(resources.en.translation).sort();
    expect(en).toEqual(ja);
    for (const lang of [resources.ja, resources.en]) {
      const flat = JSON.stringify(lang);
      expect(flat).not.toContain('""');
    }
  });

  it("names every role of the mapping vocabulary in both languages", () => {
    for (const r of ALL_ROLES) {
      expect(resources.ja.translation.roleName[r]).toBeTruthy();
      expect(resources.en.translation.roleName[r]).toBeTruthy();
    }
  });
});
