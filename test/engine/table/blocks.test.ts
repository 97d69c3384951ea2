// Tables printed in blocks (engine/table/blocks.ts) and column names wrapped over two header rows
// (engine/table/wrapped.ts). The real case is 宮崎県 '15部門' (../shared/data/real-tables/
// miyazaki-pref/SOURCE.md): intermediate block with value added on top (rows 2–28), final-demand
// block below (rows 31–57) with the same sector rows, '電力・ガス・' over '水道' in I3:I4 and
// '家計外消費' over '支出' in the lower header. The test reads the cells itself (by position, as
// printed), forms L by Gauss–Jordan and compares; it aggregates the same file's 37部門 sheet to 15
// sectors with the published concordance and finds the same numbers.

import { beforeAll, describe, expect, it } from "vitest";
import type { CellValue, Grid } from "../../../src/engine/grid";
import { analyze } from "../../../src/engine/model";
import { readTable, recognizeLayout } from "../../../src/engine/table";
import { blockingChecks, checkTableBalance, tableChecks } from "../../../src/engine/table/balance";
import { RippleError } from "../../../src/engine/errors";
import { readXlsx } from "../../../src/workbook/xlsx";
import { sharedPath } from "./fixtures";

const FILE = "data/real-tables/miyazaki-pref/10710_20170328101827-1.xlsx";

/** Zero-based sheet row/column of an A1 cell, for a grid that starts at A1. */
const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

function gaussJordanInverse(B: number[][]): number[][] {
  const n = B.length;
  const aug = B.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(aug[i][k]) > Math.abs(aug[p][k])) p = i;
    [aug[k], aug[p]] = [aug[p], aug[k]];
    const piv = aug[k][k];
    for (let j = 0; j < 2 * n; j++) aug[k][j] /= piv;
    for (let i = 0; i < n; i++) {
      if (i === k || aug[i][k] === 0) continue;
      const f = aug[i][k];
      for (let j = 0; j < 2 * n; j++) aug[i][j] -= f * aug[k][j];
    }
  }
  return aug.map((row) => row.slice(n));
}

/** The 15部門 sheet read by position as printed: sectors C5:Q19 (rows 5–19), output row 28;
 * final demand of sector i on row 34 + i: D..I domestic final demand, L 移輸出, O (控除)移輸入. */
function independent15(g: Grid) {
  expect(g.origin).toEqual({ row: 0, col: 0 });
  const v = g.values;
  const num = (r1: number, letters: string) => {
    const x = v[r1 - 1]?.[col(letters)];
    return typeof x === "number" ? x : 0;
  };
  const n = 15;
  const letters = "CDEFGHIJKLMNOPQ".split("");
  const x = letters.map((c) => num(28, c));
  const Z = Array.from({ length: n }, (_, i) => letters.map((c) => num(5 + i, c)));
  const fd = Array.from({ length: n }, (_, i) => "DEFGHI".split("").reduce((s, c) => s + num(34 + i, c), 0));
  const e = Array.from({ length: n }, (_, i) => num(34 + i, "L"));
  const imp = Array.from({ length: n }, (_, i) => num(34 + i, "O"));
  const xCol = Array.from({ length: n }, (_, i) => num(34 + i, "Q"));
  const m = Z.map((row, i) => -imp[i] / (row.reduce((s, z) => s + z, 0) + fd[i]));
  const A = Z.map((row) => row.map((z, j) => z / x[j]));
  const L = gaussJordanInverse(A.map((row, i) => row.map((a, j) => (i === j ? 1 : 0) - (1 - m[i]) * a)));
  const final = fd.map((f, i) => (1 - m[i]) * f + e[i]);
  return { Z, x, xCol, fd, e, imp, m, L, final };
}

/** 37 → 15 sectors as the file prints them: 15部門 index of each 37部門 sector. 37部門 '電力・ガス・水道・
 * 廃棄物' holds waste management, which 15部門 puts under サービス (the 13-sector convention), so
 * the two agree only with 電力･ガス･水道 and サービス taken together: group 6+13 below. */
const TO15 = [0, 0, 1, 2, 3, ...new Array(18).fill(4), 5, 6, 7, 8, 9, 10, 11, 12, 13, 13, 13, 13, 13, 14];
const GROUP = (i15: number) => (i15 === 13 ? 6 : i15);
const G = 15;

function groupZ(Z: number[][], to: (i: number) => number): number[][] {
  const out = Array.from({ length: G }, () => new Array<number>(G).fill(0));
  Z.forEach((row, i) => row.forEach((z, j) => (out[to(i)][to(j)] += z)));
  return out;
}

function groupV(v: number[], to: (i: number) => number): number[] {
  const out = new Array<number>(G).fill(0);
  v.forEach((x, i) => (out[to(i)] += x));
  return out;
}

describe("宮崎県 15部門: a table printed in two blocks", () => {
  let g15: Grid;
  let g37: Grid;
  beforeAll(async () => {
    const book = await readXlsx(sharedPath(FILE));
    g15 = book.sheets.find((s) => s.sheet === "15部門")!;
    g37 = book.sheets.find((s) => s.sheet === "37部門")!;
  });

  it("reads all 15 sectors, every final-demand column, balanced, with the join as the only warning", () => {
    const t = readTable(g15);
    expect(t.sectors.map((s) => s.label)).toEqual([
      "農業", "林業", "漁業", "鉱業", "製造業", "建設", "電力･ガス･水道", "商業", "金融･保険", "不動産",
      "運輸･郵便", "情報通信", "公務", "サービス", "分類不明",
    ]);
    expect(t.warnings.map((w) => w.code)).toEqual(["table.blocks-joined"]);
    expect(t.warnings[0].text.en).toContain("B31:Q57");
    expect(t.unit).toBe("万円");
    expect(t.importType).toBe("competitive");
    expect(t.finalDemand.map((f) => [f.role, f.address])).toEqual([
      ["fd:household-outside", "D32"],
      ["fd:household", "E32"],
      ["fd:government", "F32"],
      ["fd:investment", "G32"],
      ["fd:inventory", "H32"],
      ["fd:other", "I32"],
      ["export", "L32"],
      ["import", "O32"],
    ]);
    // Wrapped names are read whole: the sector column I3:I4 and the lower header's D32:D33.
    const layout = recognizeLayout(g15);
    expect(layout.cols.find((c) => c.address === "I3")!.name).toBe("電力・ガス・水道");
    expect(layout.cols.find((c) => c.address === "D32")!.name).toBe("家計外消費支出");
    expect(layout.sectorBlock).toBe("C5:Q19");
    const checks = tableChecks(t);
    expect(blockingChecks(checks)).toEqual([]);
    expect(checks.every((c) => !c.skipped)).toBe(true);
    expect(() => checkTableBalance(t, {})).not.toThrow();
  });

  it("L equals the inverse computed here from the printed cells to 1e-9, and x = L[(I − M̂)f + e]", () => {
    const ind = independent15(g15);
    // The sheet's own identities: output row = output column, rows add up.
    ind.x.forEach((x, i) => expect(ind.xCol[i]).toBe(x));
    for (let i = 0; i < 15; i++) {
      const s = ind.Z[i].reduce((a, z) => a + z, 0) + ind.fd[i] + ind.e[i] + ind.imp[i];
      expect(Math.abs(s - ind.x[i])).toBeLessThan(1e-6);
    }
    const res = analyze(readTable(g15));
    let worst = 0;
    for (let i = 0; i < 15; i++) for (let j = 0; j < 15; j++) worst = Math.max(worst, Math.abs(res.L[i][j] - ind.L[i][j]));
    expect(worst).toBeLessThan(1e-9);
    res.importCoefficients!.forEach((m, i) => expect(Math.abs(m - ind.m[i])).toBeLessThan(1e-12));
    for (let i = 0; i < 15; i++) {
      const xi = res.L[i].reduce((s, l, j) => s + l * ind.final[j], 0);
      expect(Math.abs(xi - ind.x[i]) / ind.x[i]).toBeLessThan(1e-9);
    }
  });

  it("agrees with the 37部門 sheet of the same file aggregated to 15 sectors (電力 and サービス together)", () => {
    const t15 = readTable(g15);
    const t37 = readTable(g37);
    expect(t37.sectors).toHaveLength(37);
    const from37 = (i: number) => GROUP(TO15[i]);
    expect(groupZ(t37.Z, from37)).toEqual(groupZ(t15.Z, GROUP));
    const close = (a: number[], b: number[]) => a.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThan(1e-6));
    close(groupV(t37.x, from37), groupV(t15.x, GROUP));
    const roleSum = (t: typeof t15, role: string) =>
      t.finalDemand.filter((f) => f.role === role).reduce((acc, f) => acc.map((s, i) => s + f.values[i]), new Array<number>(t.sectors.length).fill(0));
    for (const role of ["fd:household-outside", "fd:household", "fd:government", "fd:investment", "fd:inventory", "fd:other", "export", "import"]) {
      close(groupV(roleSum(t37, role), from37), groupV(roleSum(t15, role), GROUP));
    }
    // Without the grouping the two differ (waste management moves): the check can fail.
    expect(groupZ(t37.Z, (i) => TO15[i])).not.toEqual(t15.Z);
  });

  it("a cell of the lower block changed by 100 is refused, naming that cell as printed", () => {
    const bad = { ...g15, values: g15.values.map((r) => [...r]) };
    (bad.values[33][col("E")] as number) += 100; // E34: 民間消費支出 of 農業
    const t = readTable(bad);
    const failures = blockingChecks(tableChecks(t)).flatMap((c) => c.failures);
    expect(failures.map((f) => f.cell)).toContain("Q34");
    expect(failures.find((f) => f.cell === "Q34")!.gap).toBeCloseTo(100, 6);
    expect(() => checkTableBalance(t, {})).toThrow(RippleError);
  });

  it("blocks that do not line up are refused with the cell", () => {
    const relabel = (r1: number, text: CellValue) => {
      const g = { ...g15, values: g15.values.map((r) => [...r]) };
      g.values[r1 - 1][1] = text;
      return g;
    };
    // A sector row of the lower block renamed: it is in neither block's other part.
    expectRefusal(() => recognizeLayout(relabel(40, "ガス・水道")), "table.blocks-misaligned", "B40");
    // A sector row missing from the lower block (its label blanked, numbers left): cannot be placed.
    expectRefusal(() => recognizeLayout(relabel(40, null)), "table.blocks-misaligned", "B40");
  });

  it("a second table below the first (own sector columns) is refused, not joined", () => {
    const top = g15.values.slice(0, 28);
    const g: Grid = { sheet: "two tables", origin: { row: 0, col: 0 }, values: [...top, [], [], ...top.slice(1).map((r) => [...r])] };
    expectRefusal(() => recognizeLayout(g), "table.several-tables", "C32");
  });
});

function expectRefusal(f: () => unknown, code: string, cell: string): void {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(RippleError);
    expect((e as RippleError).code).toBe(code);
    expect((e as RippleError).where?.cell).toBe(cell);
    return;
  }
  throw new Error(`expected ${code} at ${cell}`);
}

/** A small two-block table built here: 3 sectors, the lower block's header wrapped over two rows
 * while the upper one has one name row, and the lower sector rows in another order. */
function smallTwoBlock(): Grid {
  const rows: CellValue[][] = [
    ["取引基本表", null, null, null, "（単位：百万円）"],
    [null, "A産業", "B産業", "C産業", null],
    ["A産業", 10, 20, 30, null],
    ["B産業", 5, 15, 25, null],
    ["C産業", 1, 2, 3, null],
    ["雇用者所得", 50, 40, 30, null],
    ["営業余剰", 34, 23, 12, null],
    ["県内生産額", 100, 100, 100, null],
    [],
    [null, "内生部門", "民間消費", "移輸出", "(控除)", "県内"],
    [null, "計", "支出", null, "移輸入", "生産額"],
    ["B産業", 45, 60, 10, -15, 100],
    ["A産業", 60, 50, 0, -10, 100],
    ["C産業", 6, 90, 14, -10, 100],
  ];
  return { sheet: "small", origin: { row: 0, col: 0 }, values: rows };
}

describe("two blocks built from the description (fixture)", () => {
  it("joins by label whatever the order, aligns a taller lower header, reads wrapped names", () => {
    const t = readTable(smallTwoBlock());
    expect(t.sectors.map((s) => s.label)).toEqual(["A産業", "B産業", "C産業"]);
    expect(t.finalDemand.map((f) => [f.role, f.label, f.address, f.values])).toEqual([
      ["fd:household", "民間消費支出", "C10", [50, 60, 90]],
      ["export", "移輸出", "D10", [0, 10, 14]],
      ["import", "(控除)移輸入", "E10", [-10, -15, -10]],
    ]);
    expect(blockingChecks(tableChecks(t))).toEqual([]);
  });

  it("a row that only the lower block has, among the sectors, is refused with its cell", () => {
    const g = smallTwoBlock();
    g.values[12][0] = "D産業";
    expectRefusal(() => recognizeLayout(g), "table.blocks-misaligned", "A13");
  });
});

describe("a table printed over three pages (blocks of columns one below the other)", () => {
  let g37: Grid;
  beforeAll(async () => {
    const book = await readXlsx(sharedPath(FILE));
    g37 = book.sheets.find((s) => s.sheet === "37部門")!;
  });

  /** 宮崎県 37部門 re-printed as prefectures print wide tables: sectors 1–13, 14–26, then 27–37 with
   * the final-demand columns, each block with the header rows and every row label again. */
  function threePages(g: Grid): Grid {
    const width = Math.max(...g.values.map((r) => r.length));
    const pages = [
      [2, 15],
      [15, 28],
      [28, width],
    ];
    const values: CellValue[][] = [g.values[0].slice()];
    pages.forEach(([from, to], k) => {
      if (k > 0) values.push([]);
      for (let r = 1; r < g.values.length; r++) {
        const row = g.values[r];
        values.push([row[0] ?? null, row[1] ?? null, ...Array.from({ length: to - from }, (_, j) => row[from + j] ?? null)]);
      }
    });
    return { sheet: "37部門 3 pages", origin: { row: 0, col: 0 }, values };
  }

  it("reads the same table as the one-block sheet: every sector, Z, output, final demand, value added", () => {
    const one = readTable(g37);
    const three = readTable(threePages(g37));
    expect(three.warnings.map((w) => w.code)).toEqual(["table.blocks-joined"]);
    expect(three.sectors.map((s) => s.label)).toEqual(one.sectors.map((s) => s.label));
    expect(three.Z).toEqual(one.Z);
    expect(three.x).toEqual(one.x);
    expect(three.xRow).toEqual(one.xRow);
    expect(three.finalDemand.map((f) => [f.role, f.values])).toEqual(one.finalDemand.map((f) => [f.role, f.values]));
    expect(three.primaryInputs.map((f) => [f.role, f.values])).toEqual(one.primaryInputs.map((f) => [f.role, f.values]));
    expect(blockingChecks(tableChecks(three))).toEqual([]);
    // Cells are named where the pages print them: sector 14's column label is on page 2.
    const layout = recognizeLayout(threePages(g37));
    expect(layout.cols.find((c) => c.sector === 13)!.address).toBe("C52"); // page 2 names row: 1 title + 48 + 1 blank + codes
  });
});

describe("a table printed in two parts side by side (row labels repeated between them)", () => {
  let g37: Grid;
  beforeAll(async () => {
    const book = await readXlsx(sharedPath(FILE));
    g37 = book.sheets.find((s) => s.sheet === "37部門")!;
  });

  /** 宮崎県 37部門 with the code and name columns printed again between the sectors and the final
   * demand (columns AN:AO), as a two-page spread prints them. */
  function spread(g: Grid): Grid {
    const split = 2 + 37;
    const values = g.values.map((row, r) => {
      const repeat: CellValue[] = r >= 3 ? [row[0] ?? null, row[1] ?? null] : [null, r === 1 ? "部門" : null];
      return [...row.slice(0, split), ...repeat, ...row.slice(split)];
    });
    return { sheet: "37部門 spread", origin: { row: 0, col: 0 }, values };
  }

  it("reads the same table as the one-block sheet, naming the final-demand cells where printed", () => {
    const one = readTable(g37);
    const two = readTable(spread(g37));
    expect(two.warnings.map((w) => w.code)).toEqual(["table.blocks-joined"]);
    expect(two.Z).toEqual(one.Z);
    expect(two.x).toEqual(one.x);
    expect(two.finalDemand.map((f) => [f.role, f.values])).toEqual(one.finalDemand.map((f) => [f.role, f.values]));
    expect(two.primaryInputs.map((f) => [f.role, f.values])).toEqual(one.primaryInputs.map((f) => [f.role, f.values]));
    // The first final-demand column moved two columns right on the sheet: AO3 → AQ3.
    expect(one.finalDemand[0].address).toBe("AO3");
    expect(two.finalDemand[0].address).toBe("AQ3");
    expect(blockingChecks(tableChecks(two))).toEqual([]);
  });

  it("a repeated label that differs from its row's is refused with its cell", () => {
    const g = spread(g37);
    g.values[10][40] = "化学製品"; // row 11 is 08 パルプ・紙・木製品
    expectRefusal(() => recognizeLayout(g), "table.blocks-misaligned", "AO11");
  });
});
