// Lines computed from other lines, recognised by their numbers and kept out of the model: MIC's
// 経済波及効果 workbook adds |輸入| and 輸入/国内需要合計 beside ⑤取引基本表 (issue 11: read as
// imports they gave import coefficients above 1 and an inverse 0.57 off); other files add shares,
// rates below the output row and running totals.

import { describe, expect, it } from "vitest";
import type { CellValue, Grid } from "../../../src/engine/grid";
import { analyze } from "../../../src/engine/model";
import { readTable, recognizeLayout } from "../../../src/engine/table";
import { findDerived } from "../../../src/engine/table/derived";
import { micGrid, randomMicParts } from "./fixtures";

const parts = randomMicParts(8, "derived");
const plain = micGrid(parts);

/** The grid with extra columns after the last one: header label in the name row, values by sector. */
function withColumns(g: Grid, extra: { label: string; values: (i: number) => CellValue }[]): Grid {
  const nameRow = g.values.findIndex((r) => r.includes("国内生産額"));
  const firstSector = nameRow + 1;
  const values = g.values.map((row, r) => {
    const add = extra.map((e) => {
      if (r === nameRow) return e.label;
      const i = r - firstSector;
      return i >= 0 && i < parts.names.length ? e.values(i) : null;
    });
    return [...row, ...add];
  });
  return { ...g, values };
}

const col = (g: Grid, label: string): number[] => {
  const nameRow = g.values.findIndex((r) => r.includes("国内生産額"));
  const c = g.values[nameRow].indexOf(label);
  return parts.names.map((_, i) => g.values[nameRow + 1 + i][c] as number);
};

describe("MIC's helper columns beside the table", () => {
  const imports = col(plain, "（控除）輸入計");
  const demand = col(plain, "国内需要合計");

  for (const digits of [null, 6] as const) {
    it(`|輸入| and 輸入/国内需要合計 (${digits === null ? "full precision" : "printed to 6 decimals"}) are derived and not used`, () => {
      const ratio = (i: number) => {
        const r = Math.abs(imports[i]) / demand[i];
        return digits === null ? r : Number(r.toFixed(digits));
      };
      const g = withColumns(plain, [
        { label: "輸入（絶対値）", values: (i) => Math.abs(imports[i]) },
        { label: "輸入係数", values: ratio },
      ]);
      const layout = recognizeLayout(g);
      const extra = layout.cols.filter((l) => l.name === "輸入（絶対値）" || l.name === "輸入係数");
      expect(extra.map((l) => [l.name, l.role, l.derived?.en])).toEqual([
        ["輸入（絶対値）", "ignore", "the absolute value of '87 （控除）輸入計'"],
        ["輸入係数", "ignore", "the ratio '87 （控除）輸入計' / '79 国内需要合計'"],
      ]);
      const t = readTable(g);
      expect(t.finalDemand.filter((v) => v.role === "import")).toHaveLength(3);
      expect(t.warnings.map((w) => w.code)).toEqual(["table.derived-line", "table.derived-line"]);
      const a = analyze(t);
      const b = analyze(readTable(plain));
      expect(a.L).toEqual(b.L);
      expect(Math.max(...a.importCoefficients!)).toBeLessThanOrEqual(1);
    });
  }

  it("a share column, a running total and a rate row below output are derived too", () => {
    const hh = col(plain, "民間消費支出");
    const total = hh.reduce((s, v) => s + v, 0);
    const exportsTotal = col(plain, "輸出（普通貿易）");
    let run = 0;
    const g = withColumns(plain, [
      { label: "民間消費支出構成比", values: (i) => hh[i] / total },
      { label: "輸出（普通貿易）累計", values: (i) => (run += exportsTotal[i]) },
    ]);
    // 粗付加価値率 = 粗付加価値部門計 / 国内生産額, a row under the output row.
    const gvaRow = g.values.find((r) => r[1] === "粗付加価値部門計")!;
    const outRow = g.values.find((r) => r[1] === "国内生産額")!;
    g.values.push(["98", "粗付加価値率", ...parts.names.map((_, j) => (gvaRow[2 + j] as number) / (outRow[2 + j] as number))]);
    const layout = recognizeLayout(g);
    const derived = [...layout.rows, ...layout.cols].filter((l) => l.derived).map((l) => l.name);
    expect(derived.sort()).toEqual(["民間消費支出構成比", "粗付加価値率", "輸出（普通貿易）累計"].sort());
    expect(analyze(readTable(g)).L).toEqual(analyze(readTable(plain)).L);
  });
});

describe("findDerived on its own", () => {
  it("leaves real lines alone: independent columns are not derived", () => {
    const lines = [
      [10, 20, 30, 40],
      [5, 7, 11, 13],
      [-3, -4, -8, -9],
      [100, 200, 300, 400],
    ];
    expect(findDerived(lines, [0, 1, 2, 3]).size).toBe(0);
  });
});
