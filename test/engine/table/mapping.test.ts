import { describe, expect, it } from "vitest";
import { layoutToMapping, readTable, recognizeLayout } from "../../../src/engine/table";
import { loadSharedCsv } from "./fixtures";

const JA = "data/jp-io-2011-13/io2011_13sector_ja.csv";
const SPICOSA = "oracles/spicosa-netherlands-2000/siot.csv";

describe("mappings", () => {
  it("override detected roles for the lines they name (by name, code or 'code name'); others are detected", () => {
    const grid = loadSharedCsv(JA);
    const layout = recognizeLayout(grid, {
      mapping: {
        cols: { "77 調整項": "ignore", "７６": "fd:other" },
        rows: { "家計外消費支出（行）": "va:other" },
      },
    });
    const col = (code: string) => layout.cols.find((l) => l.code === code)!;
    expect(col("77")).toMatchObject({ role: "ignore", source: "mapping" });
    expect(col("76")).toMatchObject({ role: "fd:other", source: "mapping" });
    expect(col("72")).toMatchObject({ role: "fd:household", source: "label" });
    expect(layout.rows.find((l) => l.code === "71")).toMatchObject({ role: "va:other", source: "mapping" });
  });

  it("a saved mapping (layoutToMapping) reproduces the layout and the table", () => {
    const grid = loadSharedCsv(SPICOSA);
    const layout = recognizeLayout(grid);
    const mapping = layoutToMapping(layout);
    expect(mapping.cols!["final_consumption_households"]).toBe("ignore");
    expect(mapping.rows!["agriculture_group"]).toBe("sector");
    expect(mapping.importType).toBe("domestic");
    const again = recognizeLayout(grid, { mapping: JSON.parse(JSON.stringify(mapping)) });
    expect(again.rows.map((l) => [l.address, l.role])).toEqual(layout.rows.map((l) => [l.address, l.role]));
    expect(again.cols.map((l) => [l.address, l.role])).toEqual(layout.cols.map((l) => [l.address, l.role]));
    expect(again.importTypeSource).toBe("user");
    const a = readTable(grid);
    const b = readTable(grid, { mapping });
    expect(b.Z).toEqual(a.Z);
    expect(b.x).toEqual(a.x);
    expect(b.primaryInputs.map((v) => v.values)).toEqual(a.primaryInputs.map((v) => v.values));
    expect(b.finalDemand.map((v) => v.role)).toEqual(a.finalDemand.map((v) => v.role));
  });

  it("the import convention can be overridden (option or mapping), with the reason saying so", () => {
    const grid = loadSharedCsv(JA);
    const byOption = recognizeLayout(grid, { importType: "domestic" });
    expect(byOption.importType).toBe("domestic");
    expect(byOption.importTypeSource).toBe("user");
    expect(byOption.importTypeReason.ja).toContain("利用者の指定");
    expect(byOption.importTypeReason.en).toContain("user chose");
    const byMapping = readTable(grid, { mapping: { importType: "domestic" } });
    expect(byMapping.importType).toBe("domestic");
  });

  it("a mapping can make an unknown line a role instead of a warning", () => {
    const grid = loadSharedCsv(JA);
    expect(grid.values[18][1]).toBe("雇用者所得");
    grid.values[18][1] = "労働報酬"; // renamed: not in the dictionary
    const warned = readTable(grid);
    expect(warned.warnings.map((w) => w.code)).toContain("table.unknown-line");
    const mapped = readTable(grid, { mapping: { rows: { "労働報酬": "va:compensation" } } });
    expect(mapped.warnings).toEqual([]);
    expect(mapped.primaryInputs.filter((v) => v.role === "va:compensation").map((v) => [v.label, v.address, v.values[0]])).toEqual([
      ["労働報酬", "B19", 1352308],
    ]);
    expect(warned.primaryInputs.some((v) => v.role === "va:compensation")).toBe(false);
  });
});
