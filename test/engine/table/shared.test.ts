// The shared tables: Japan 2011 (13 sectors, ja + en), Beutel's Germany 1995 SIOT, Spicosa's
// Netherlands 2000 SIOT, Miller & Blair's two-sector flows.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsv, readTable, recognizeLayout } from "../../../src/engine/table";
import { isValueAdded, sumRoles, type Line } from "../../../src/engine/table/types";
import { loadSharedCsv, sharedPath } from "./fixtures";

const JA = "data/jp-io-2011-13/io2011_13sector_ja.csv";
const EN = "data/jp-io-2011-13/io2011_13sector_en.csv";
const BEUTEL = "oracles/eurostat-beutel-germany-1995/siot_table_15_4.csv";
const SPICOSA = "oracles/spicosa-netherlands-2000/siot.csv";

const roleMap = (lines: Line[]) => Object.fromEntries(lines.filter((l) => l.role !== "sector").map((l) => [l.code ?? l.name, l.role]));

describe("Japan 2011, 13 sectors (MIC layout)", () => {
  for (const [file, lang] of [
    [JA, "ja"],
    [EN, "en"],
  ] as const) {
    it(`recognises the ${lang} CSV: 13 sectors, competitive, roles and addresses`, () => {
      const grid = loadSharedCsv(file);
      const layout = recognizeLayout(grid);
      expect(layout.sectorBlock).toBe("C4:O16");
      expect(layout.importType).toBe("competitive");
      expect(layout.importTypeSource).toBe("detected");
      expect(layout.importTypeReason.ja).toContain("AB3");
      expect(layout.importTypeReason.en).toContain("AD3");
      expect(layout.unit).toBe(lang === "ja" ? "百万円" : "million yen");
      expect(layout.title).toContain(lang === "ja" ? "産業連関表" : "Input-Output Table");
      const sectorsR = layout.rows.filter((l) => l.role === "sector");
      expect(sectorsR).toHaveLength(13);
      expect(sectorsR[0]).toMatchObject({ address: "B4", code: "01", sector: 0, source: "label" });
      expect(layout.cols.find((l) => l.sector === 12)).toMatchObject({ address: "O3", code: "13" });
      expect(roleMap(layout.rows)).toEqual({
        "70": "subtotal",
        "71": "va:household-outside",
        "91": "va:compensation",
        "92": "va:surplus",
        "93": "va:depreciation",
        "94": "va:tax-production",
        "95": "va:subsidy",
        "96": "subtotal",
        "97": "output",
      });
      expect(roleMap(layout.cols)).toEqual({
        "60": "subtotal",
        "71": "fd:household-outside",
        "72": "fd:household",
        "73": "fd:government",
        "74": "fd:investment",
        "76": "fd:inventory",
        "77": "fd:other",
        "78": "subtotal",
        "79": "subtotal",
        "81": "export",
        "82": "subtotal",
        "83": "subtotal",
        "84": "import",
        "85": "import",
        "86": "import",
        "87": "subtotal",
        "88": "subtotal",
        "97": "output",
      });
      const imports = layout.cols.filter((l) => l.role === "import").map((l) => l.address);
      expect(imports).toEqual(["AB3", "AC3", "AD3"]);
      expect(layout.rows.find((l) => l.code === "97")!.address).toBe("B25");
      expect(layout.rows.find((l) => l.code === "96")!.totalOf).toBe("value-added");
    });

    it(`builds the ${lang} table: Z from C4, x = 国内生産額, no warnings`, () => {
      const grid = loadSharedCsv(file);
      const t = readTable(grid);
      expect(t.sectors).toHaveLength(13);
      expect(t.sectors[0]).toEqual({
        code: "01",
        name: lang === "ja" ? "農林水産業" : "Agriculture,forestry and fishery",
        label: lang === "ja" ? "農林水産業" : "Agriculture,forestry and fishery",
      });
      expect(t.Z[0][0]).toBe(1456611); // C4
      expect(t.Z[0][2]).toBe(7793613); // E4
      expect(t.Z[12][11]).toBe(1279852); // N16
      const x = [12035962, 759980, 289904506, 52514485, 25754673, 93655813, 32093913, 71187533, 48234034, 46160257, 39405194, 222958231, 5010275];
      expect(t.x).toEqual(x);
      expect(t.xRow).toEqual(x);
      expect(t.importType).toBe("competitive");
      expect(t.unit).toBe(lang === "ja" ? "百万円" : "million yen");
      expect(t.warnings).toEqual([]);
      expect(t.employment).toBeNull();
      expect(t.finalDemand.map((v) => v.role)).toEqual([
        "fd:household-outside", "fd:household", "fd:government", "fd:investment", "fd:inventory", "fd:other",
        "export", "import", "import", "import",
      ]);
      expect(t.finalDemand.find((v) => v.role === "fd:household")!.address).toBe("R3");
      const imports = sumRoles(t.finalDemand, 13, (r) => r === "import");
      expect(imports[0]).toBe(-2562809); // （控除）輸入計 of 農林水産業
      // Σ value added = 粗付加価値部門計; Z column sums + value added = output.
      const va = sumRoles(t.primaryInputs, 13, isValueAdded);
      expect(va[0]).toBe(5838371);
      for (let j = 0; j < 13; j++) expect(t.Z.reduce((s, r) => s + r[j], 0) + va[j]).toBe(x[j]);
      // Rows: Z + final demand (imports negative) = output.
      for (let i = 0; i < 13; i++) {
        expect(t.Z[i].reduce((a, b) => a + b, 0) + t.finalDemand.reduce((s, v) => s + v.values[i], 0)).toBe(x[i]);
      }
    });
  }
});

describe("Beutel's Germany 1995 SIOT (Eurostat manual table 15.4)", () => {
  const grid = loadSharedCsv(BEUTEL);
  it("is a domestic-use table with P7 as an import row", () => {
    const layout = recognizeLayout(grid);
    expect(layout.importType).toBe("domestic");
    expect(layout.importTypeReason.en).toContain("E9");
    expect(layout.sectorBlock).toBe("F2:K7");
    const byCode = Object.fromEntries(layout.rows.map((l) => [l.code, l]));
    expect(byCode["P7"].role).toBe("import");
    expect(byCode["D21X31"].role).toBe("tax-products");
    expect(byCode["P2"].role).toBe("subtotal");
    expect(byCode["TOTAL"].role).toBe("subtotal");
    expect(byCode["D1"].role).toBe("va:compensation");
    expect(byCode["D29X39"].role).toBe("va:tax-production");
    expect(byCode["K1"].role).toBe("va:depreciation");
    expect(byCode["B2A3N"].role).toBe("va:surplus");
    expect(byCode["B1G"]).toMatchObject({ role: "subtotal", totalOf: "value-added" });
    expect(byCode["P1"]).toMatchObject({ role: "output", address: "E17" });
    expect(byCode["EMP"].role).toBe("employment");
    expect(byCode["EMP-WS"].role).toBe("ignore");
    expect(byCode["EMP-FTE"].role).toBe("ignore");
    expect(Object.fromEntries(layout.cols.filter((l) => l.role !== "sector").map((l) => [l.name, l.role]))).toEqual({
      final_consumption_households: "fd:household",
      final_consumption_government: "fd:government",
      gross_capital_formation: "fd:investment",
      inventory_change: "fd:inventory",
      exports: "export",
      total_output_row: "output",
    });
  });
  it("reads x from P1, xRow from the row totals, employment from EMP, and warns about the 46 gap", () => {
    const t = readTable(grid);
    expect(t.sectors.map((s) => s.label)).toEqual([
      "agriculture_group", "industry_group", "construction", "trade_group", "business_services_group", "other_services_group",
    ]);
    expect(t.sectors[0].code).toBe("CPA_A");
    expect(t.x).toEqual([43910, 1079446, 245606, 540063, 692487, 508918]);
    expect(t.xRow).toEqual([43910, 1079400, 245606, 540063, 692487, 508918]);
    expect(t.employment).toEqual([1096, 8381, 3236, 9251, 4258, 10206]);
    expect(t.primaryInputs.find((v) => v.role === "tax-products")!.values[0]).toBe(1084);
    expect(t.primaryInputs.some((v) => v.role === "tax-products" && isValueAdded(v.role))).toBe(false);
    // Σ value-added rows = B1G (taxes on products are not value added).
    expect(sumRoles(t.primaryInputs, 6, isValueAdded)).toEqual([21664, 395022, 115624, 311407, 415426, 365017]);
    const gap = t.warnings.find((w) => w.code === "table.output-mismatch")!;
    expect(gap.text.en).toContain("industry_group");
    expect(gap.text.en).toContain("(46)");
    expect(gap.text.ja).toContain("industry_group");
    expect(gap.where).toEqual({ sheet: "siot_table_15_4.csv", cell: "G17" });
    // The A reproducing the manual: a_11 = 1131 / 43910 = 0.0258.
    expect(t.Z[0][0] / t.x[0]).toBeCloseTo(0.0258, 4);
  });
});

describe("Spicosa Netherlands 2000 SIOT", () => {
  const grid = loadSharedCsv(SPICOSA);
  it("keeps final_consumption_private, ignores the near-duplicate households column, balances", () => {
    const layout = recognizeLayout(grid);
    expect(layout.importType).toBe("domestic");
    const col = (name: string) => layout.cols.find((l) => l.name === name)!;
    expect(col("final_consumption_private").role).toBe("fd:household");
    expect(col("final_consumption_households")).toMatchObject({ role: "ignore", source: "sum", address: "J1" });
    expect(col("total_use").role).toBe("output");
    expect(col("TOTAL").role).toBe("subtotal");
    const row = (name: string) => layout.rows.find((l) => l.name === name)!;
    expect(row("imports").role).toBe("import");
    expect(row("net_tax").role).toBe("tax-products");
    expect(row("total_use_pp").role).toBe("subtotal");
    expect(row("output_bp").role).toBe("output");
    expect(row("value_added_bp").totalOf).toBe("value-added");
    const t = readTable(grid);
    expect(t.warnings.map((w) => w.code).sort()).toEqual(["table.duplicate-column", "table.va-residual"]);
    expect(t.x).toEqual([21863, 12292, 210900, 18249, 60244, 435953]);
    expect(t.xRow).toEqual(t.x);
    // Σ value added = value_added_bp: compensation plus the residual (va:other).
    expect(sumRoles(t.primaryInputs, 6, isValueAdded)).toEqual([9910, 9419, 57430, 5236, 20645, 255703]);
    expect(t.primaryInputs.find((v) => v.role === "va:compensation")!.values).toEqual([2336, 520, 35083, 1629, 14339, 151784]);
    // Household consumption is counted once.
    expect(t.finalDemand.filter((v) => v.role === "fd:household")).toHaveLength(1);
    expect(t.finalDemand.find((v) => v.role === "fd:household")!.values[5]).toBe(126180);
  });
  it("reads the original `;`-separated form the same way", () => {
    const semi = readFileSync(sharedPath(SPICOSA), "utf8").replace(/,/g, ";");
    const t = readTable(parseCsv(semi, "netherlands_2006.csv"));
    expect(t.x).toEqual([21863, 12292, 210900, 18249, 60244, 435953]);
    expect(t.Z[5][5]).toBe(106994);
  });
});

describe("Miller & Blair two-sector flows (no output line)", () => {
  it("computes x as column sums and says so", () => {
    const t = readTable(loadSharedCsv("oracles/miller-blair-2009-ch2-two-sector/Z.csv"));
    expect(t.Z).toEqual([
      [150, 500],
      [200, 100],
    ]);
    expect(t.warnings.map((w) => w.code)).toContain("table.output-computed");
  });
});
