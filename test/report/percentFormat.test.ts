// Percent changes keep two significant digits however small (GDP moves by ~1e-6 in the CGE
// scenarios and showed as 0.000%), numerically-zero changes stay at two decimals.
import { describe, expect, it } from "vitest";
import { percentDecimals, percentFormat, percentText } from "../../src/report/percentFormat";

describe("percent formats follow the size of the change", () => {
  it("decimals", () => {
    expect(percentDecimals([0.5, 0.0069])).toBe(2);
    expect(percentDecimals([1e-6])).toBe(5); // 0.00010%
    expect(percentDecimals([0.14, 7.04e-7, null, 0])).toBe(6); // the smallest nonzero rules
    expect(percentDecimals([5e-14, 0])).toBe(2); // below the solver's accuracy: zero
    expect(percentDecimals([2e-9])).toBe(8); // capped
    expect(percentDecimals([])).toBe(2);
  });
  it("formats and texts", () => {
    expect(percentFormat([1.4e-6, 0.02])).toBe("0.00000%");
    expect(percentText(6.5e-6)).toBe("+0.00065%");
    expect(percentText(-0.1438)).toBe("-14.38%");
    expect(percentText(-5e-14)).toBe("0.00%");
    expect(percentText(1.4e-6, "ja-JP")).toBe("+0.00014%");
  });
});
