// The one options record: each option parsed, defaulted and checked once, carrying whether the
// user set it; one share rule for every host.

import { describe, expect, it } from "vitest";
import { RippleError } from "../../src/engine/errors";
import {
  DEFAULT_CONSUMPTION_RATE,
  analysisOptions,
  engineOptions,
  modelSettings,
  parseShare,
  userOptions,
} from "../../src/usecases/options";
import { parseShare as paneShare } from "../../src/taskpane/paneOptions";

describe("parseShare", () => {
  it("reads decimals and percentages, full width too, and nothing outside 0–1", () => {
    expect(parseShare("0.734")).toBe(0.734);
    expect(parseShare(0.734)).toBe(0.734);
    expect(parseShare("73.4%")).toBeCloseTo(0.734, 15);
    expect(parseShare("７３．４％")).toBeCloseTo(0.734, 15);
    expect(parseShare(" 100 % ")).toBe(1);
    for (const bad of ["", " ", "abc", "1.01", "-0.1", "101%", NaN, Infinity, null, undefined, true])
      expect(parseShare(bad)).toBeNull();
  });

  it("is the pane's rule too", () => {
    for (const t of ["0.6", "60%", "1.5", "x", ""]) expect(paneShare(t)).toBe(parseShare(t));
  });
});

describe("the options record", () => {
  it("fills the defaults and says they are not the user's", () => {
    const o = analysisOptions({ lang: "ja" });
    expect(o.consumptionRate).toEqual({ value: DEFAULT_CONSUMPTION_RATE, user: false });
    expect(o.incomeBase).toEqual({ value: "compensation", user: false });
    expect(o.importType).toEqual({ value: null, user: false });
    expect(o.typeII).toEqual({ value: false, user: false });
    expect(userOptions(o)).toEqual({});
    expect(engineOptions(o)).toEqual({ consumptionRate: DEFAULT_CONSUMPTION_RATE, incomeBase: "compensation" });
  });

  it("keeps a value the user typed as the user's, even when it equals the default", () => {
    const o = modelSettings({ consumptionRate: "73.4%", importType: "domestic", selfSufficiency: { 2: "50%", 3: "" } });
    expect(o.consumptionRate.user).toBe(true);
    expect(userOptions(o)).toEqual({ consumptionRate: 0.734, importType: "domestic", selfSufficiency: { 2: 0.5 } });
  });

  it("refuses a bad value naming the option, in both languages", () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as RippleError;
      }
      throw new Error("no error");
    };
    const e = err(() => modelSettings({ consumptionRate: "1.5" }));
    expect(e).toBeInstanceOf(RippleError);
    expect(e.code).toBe("option-consumptionRate");
    expect(e.text.ja).toContain("消費転換係数");
    expect(e.text.en).toContain("73.4%");
    expect(err(() => modelSettings({ importType: "mixed" })).code).toBe("option-importType");
    expect(err(() => modelSettings({ incomeBase: "profit" })).code).toBe("option-incomeBase");
    expect(err(() => modelSettings({ selfSufficiency: { 1: "2" } })).code).toBe("option-selfSufficiency");
  });
});
