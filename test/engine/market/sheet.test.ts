import { describe, expect, it } from "vitest";
import { RippleErrorList } from "../../../src/engine/errors";
import type { Grid } from "../../../src/engine/grid";
import { buildMarketInputs, intensityFromDefaults, defaultMarketParameters, defaultScenarios } from "../../../src/engine/market/defaults";
import {
  defaultSheetValues,
  marketInputsFromRecord,
  readMarketSheets,
  SHEET_PARAMETERS,
  TEMPLATE_UNCERTAIN,
} from "../../../src/engine/market/sheet";
import { keyRow, params, templateGrids } from "./marketFixtures";

const clone = (g: Grid): Grid => ({ ...g, values: g.values.map((r) => [...r]) });

function problemCells(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(RippleErrorList);
    return (e as RippleErrorList).problems.map((p) => `${p.where.sheet}!${p.where.cell ?? "-"}`);
  }
  throw new Error("expected a RippleErrorList");
}

describe("market input sheets: template and reader", () => {
  for (const lang of ["ja", "en"] as const) {
    it(`reads its own ${lang} template back: values, distributions, scenarios, sources`, () => {
      const g = templateGrids(lang);
      const s = readMarketSheets(g.params, g.scenarios, params);
      expect(s.params).toEqual(defaultSheetValues(params));
      // Every engine parameter is on the sheet with the defaults' value.
      const engine = defaultMarketParameters(params);
      for (const [k, v] of Object.entries(engine)) expect(s.params[k]).toBe(v);
      expect(s.uncertain.map((u) => u.key).sort()).toEqual([...TEMPLATE_UNCERTAIN].sort());
      const d = s.uncertain.find((u) => u.key === "demand2024")!.distribution;
      expect(d).toEqual({ type: "triangular", low: 10000, mode: 12000, high: 15000 });
      const expected = defaultScenarios(params);
      expect(s.scenarios.map((x) => x.name)).toEqual(expected.map((x) => x.name));
      expect(s.scenarios.map((x) => x.shocks)).toEqual(expected.map((x) => x.shocks));
      // Every default shows a source and none counts as the user's.
      for (const p of SHEET_PARAMETERS) {
        expect(s.sources[p.key].text.length, p.key).toBeGreaterThan(5);
        expect(s.sources[p.key].user, p.key).toBe(false);
      }
      expect(s.sources.demand2024.text).toContain(lang === "ja" ? "経済産業省（newswitch.jp" : "METI via newswitch.jp");
      expect(s.scenarioSources.severe).toContain("IMF WP 2026/073");
    });
  }

  it("the sheet's record builds the same inputs as the engine's defaults", () => {
    const years = Array.from({ length: 12 }, (_, k) => 2024 + k);
    const supported = years.map((y) => (y >= 2027 ? 4000 : 0));
    const fromSheet = marketInputsFromRecord(defaultSheetValues(params), supported);
    expect(fromSheet).toEqual(buildMarketInputs(defaultMarketParameters(params), years, supported, intensityFromDefaults(params)));
  });

  it("marks a changed value, or a cleared source, as entered by the user", () => {
    const g = templateGrids();
    const p = clone(g.params);
    p.values[keyRow(p, "growth")][3] = 0.05;
    p.values[keyRow(p, "output2024")][9] = null;
    const s = readMarketSheets(p, g.scenarios, params);
    expect(s.params.growth).toBe(0.05);
    expect(s.sources.growth.user).toBe(true);
    expect(s.sources.output2024.user).toBe(true);
    expect(s.sources.demand2024.user).toBe(false);
    expect(s.sources.growth.cell).toBe(`D${keyRow(p, "growth") + 1}`);
  });

  it("drivers sheet: activity × intensity = tonnes, and 2024 adds up to the 2024 demand", () => {
    const { drivers } = templateGrids();
    const v = drivers.values;
    const total = v.find((r) => r[0] === "国内需要 合計")!;
    expect(total[3]).toBeCloseTo(12000, 9);
    const ev = v.findIndex((r) => r[0] === "EV/HEV/PHEV 駆動");
    const [activity, intensity, tonnes] = [v[ev][3] as number, v[ev + 1][3] as number, v[ev + 2][3] as number];
    expect(v[ev + 1][2]).toBe("kg/台");
    expect((activity * intensity) / 1000).toBeCloseTo(tonnes, 9);
    expect(tonnes).toBeCloseTo((12000 * 0.24) / 1.0, 9);
  });

  it("names every bad cell at once: unknown key, non-number, low > high, unknown distribution, origin, cut", () => {
    const g = templateGrids();
    const p = clone(g.params);
    const s = clone(g.scenarios);
    p.values[keyRow(p, "sigma1")][0] = "sigma9"; // unknown key (A)
    p.values[keyRow(p, "growth")][3] = "six percent"; // not a number (D)
    const dr = keyRow(p, "demand2024");
    p.values[dr][5] = 16000; // low > high (F)
    p.values[keyRow(p, "imports2024")][7] = "lognormal"; // unknown distribution (H)
    const april = s.values.findIndex((r) => r[0] === "april2025");
    const severe = s.values.findIndex((r) => r[0] === "severe");
    s.values[april][2] = "Atlantis"; // unknown origin (C)
    s.values[severe][3] = 1.5; // cut outside 0–1 (D)
    const cells = problemCells(() => readMarketSheets(p, s));
    const P = p.sheet;
    const S = s.sheet;
    expect(cells).toEqual(
      expect.arrayContaining([
        `${P}!A${keyRow(g.params, "sigma1") + 1}`,
        `${P}!D${keyRow(p, "growth") + 1}`,
        `${P}!F${dr + 1}`,
        `${P}!H${keyRow(p, "imports2024") + 1}`,
        `${S}!C${april + 1}`,
        `${S}!D${severe + 1}`,
      ]),
    );
    // …and the missing sigma1 row is reported too, at the header.
    expect(cells.length).toBe(7);
    try {
      readMarketSheets(p, s);
    } catch (e) {
      const text = (e as RippleErrorList).format("ja");
      expect(text).toContain("sigma9");
      expect(text).toContain("lognormal");
      expect(text).toContain("Atlantis");
      expect((e as RippleErrorList).format("en")).toContain("must be between 0 and 1");
    }
  });

  it("refuses distributions the model cannot use, and a triangular mode outside its range", () => {
    const g = templateGrids();
    const p = clone(g.params);
    p.values[keyRow(p, "intensity_ev")][7] = "uniform"; // display only
    p.values[keyRow(p, "lastYear")][7] = "normal"; // a setting
    p.values[keyRow(p, "growth")][3] = 0.2; // mode above high 0.09
    const cells = problemCells(() => readMarketSheets(p, g.scenarios));
    expect(cells).toEqual([
      `${p.sheet}!D${keyRow(p, "growth") + 1}`,
      `${p.sheet}!H${keyRow(p, "intensity_ev") + 1}`,
      `${p.sheet}!H${keyRow(p, "lastYear") + 1}`,
    ]);
  });

  it("user scenarios: several shocks under one name, premium, default start month", () => {
    const g = templateGrids("en");
    const s = clone(g.scenarios);
    const w = s.values[0].length;
    const row = (cells: (string | number | null)[]) => [...cells, ...new Array(w - cells.length).fill(null)];
    s.values.push(row(["mine", "two waves", "China", 0.5, 6, 2027, null, 0.3]));
    s.values.push(row(["mine", null, "中国", 0.2, 3, 2028, 10, 0]));
    const r = readMarketSheets(g.params, s);
    const mine = r.scenarios.find((x) => x.name === "mine")!;
    expect(mine.label.en).toBe("two waves");
    expect(mine.shocks).toEqual([
      { origin: "China", cut: 0.5, months: 6, startYear: 2027, startMonth: 1, pricePremium: 0.3 },
      { origin: "China", cut: 0.2, months: 3, startYear: 2028, startMonth: 10, pricePremium: 0 },
    ]);
  });

  it("a missing row and a missing header are errors that say what to do", () => {
    const g = templateGrids();
    const p = clone(g.params);
    p.values.splice(keyRow(p, "unitValue"), 1);
    try {
      readMarketSheets(p, g.scenarios);
      expect.unreachable();
    } catch (e) {
      expect((e as RippleErrorList).format("en")).toMatch(/unitValue \(Unit value of domestic magnets\).*keep the template's rows/);
    }
    const empty: Grid = { sheet: "空", origin: { row: 0, col: 0 }, values: [["x"]] };
    const cells = problemCells(() => readMarketSheets(empty, empty));
    expect(cells).toEqual(["空!-", "空!-"]);
  });
});
