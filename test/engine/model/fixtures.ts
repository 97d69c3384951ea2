// Test-only loaders for the shared data: the Japan 2011 13-sector table (by its known positions,
// labels asserted) and the three oracle tables. Paths resolve from this file to ../shared.

import * as fs from "node:fs";
import * as path from "node:path";
import { type IOTable, makeTable, type Role } from "../../../src/engine/table/types";

export const SHARED = path.resolve(__dirname, "../../../../shared");

/** Minimal CSV reader for the shared files (quoted fields allowed, no embedded newlines). */
export function readCsv(rel: string): string[][] {
  const text = fs.readFileSync(path.join(SHARED, rel), "utf8").replace(/^\uFEFF/, "");
  return text
    .split(/\r?\n/)
    .filter((l) => l.length > 0)
    .map((line) => {
      const out: string[] = [];
      let cur = "";
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (quoted) {
          if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
          else if (ch === '"') quoted = false;
          else cur += ch;
        } else if (ch === '"') quoted = true;
        else if (ch === ",") out.push(cur), (cur = "");
        else cur += ch;
      }
      out.push(cur);
      return out;
    });
}

export function readJson<T = any>(rel: string): T {
  return JSON.parse(fs.readFileSync(path.join(SHARED, rel), "utf8")) as T;
}

const num = (s: string): number => {
  const v = Number(s);
  if (s.trim() === "" || !Number.isFinite(v)) throw new Error(`not a number: "${s}"`);
  return v;
};

// Japan 2011, 13 sectors, MIC layout: line 0 title, line 1 codes, line 2 names; sectors on lines
// 3..15 and columns 2..14.
const JP_FD: [number, string, Role][] = [
  [16, "家計外消費支出（列）", "fd:household-outside"],
  [17, "民間消費支出", "fd:household"],
  [18, "一般政府消費支出", "fd:government"],
  [19, "国内総固定資本形成", "fd:investment"],
  [20, "在庫純増", "fd:inventory"],
  [21, "調整項", "fd:other"],
  [24, "輸出計", "export"],
  [27, "（控除）輸入", "import"],
  [28, "（控除）関税", "import"],
  [29, "（控除）輸入品商品税", "import"],
];
const JP_PI: [number, string, Role][] = [
  [17, "家計外消費支出（行）", "va:household-outside"],
  [18, "雇用者所得", "va:compensation"],
  [19, "営業余剰", "va:surplus"],
  [20, "資本減耗引当", "va:depreciation"],
  [21, "間接税（関税・輸入品商品税を除く。）", "va:tax-production"],
  [22, "（控除）経常補助金", "va:subsidy"],
];
const JP_X_ROW = 24; // 国内生産額 (row)
const JP_X_COL = 32; // 国内生産額 (column)

export function loadJapan2011(): IOTable {
  const g = readCsv("data/jp-io-2011-13/io2011_13sector_ja.csv");
  const names = g[2];
  const expect = (got: string, want: string, where: string) => {
    if (got !== want) throw new Error(`jp-io-2011-13: expected "${want}" at ${where}, found "${got}"`);
  };
  const sectors = [];
  for (let k = 0; k < 13; k++) {
    expect(g[3 + k][1], names[2 + k], `row ${3 + k}`);
    sectors.push({ code: g[3 + k][0], name: g[3 + k][1], label: `${g[3 + k][0]} ${g[3 + k][1]}` });
  }
  const rows = Array.from({ length: 13 }, (_, k) => g[3 + k]);
  const col = (c: number) => rows.map((r) => num(r[c]));
  for (const [c, label] of JP_FD) expect(names[c], label, `column ${c}`);
  for (const [r, label] of JP_PI) expect(g[r][1], label, `row ${r}`);
  expect(names[JP_X_COL], "国内生産額", `column ${JP_X_COL}`);
  expect(g[JP_X_ROW][1], "国内生産額", `row ${JP_X_ROW}`);
  return makeTable({
    sectors,
    Z: rows.map((r) => r.slice(2, 15).map(num)),
    x: g[JP_X_ROW].slice(2, 15).map(num),
    xRow: col(JP_X_COL),
    finalDemand: JP_FD.map(([c, label, role]) => ({ role, label, values: col(c) })),
    primaryInputs: JP_PI.map(([r, label, role]) => ({ role, label, values: g[r].slice(2, 15).map(num) })),
    employment: null,
    importType: "competitive",
    unit: "百万円",
  });
}

/** Miller & Blair ch. 2: Z, f, x; labour 0.3 and 0.25 per unit output as employment. */
export function loadMillerBlair(): IOTable {
  const z = readCsv("oracles/miller-blair-2009-ch2-two-sector/Z.csv").slice(1);
  const fx = readCsv("oracles/miller-blair-2009-ch2-two-sector/f_and_x.csv").slice(1);
  const x = fx.map((r) => num(r[2]));
  return makeTable({
    sectors: z.map((r) => r[0]),
    Z: z.map((r) => r.slice(1).map(num)),
    x,
    finalDemand: [{ role: "fd:household", label: "final demand", values: fx.map((r) => num(r[1])) }],
    // Labour coefficients (0.3, 0.25) published with the example, as persons per unit output.
    employment: [0.3 * x[0], 0.25 * x[1]],
    importType: "domestic",
  });
}

/** Beutel (Eurostat manual ch. 15), Germany 1995, domestic-use SIOT. */
export function loadBeutel(): IOTable {
  const g = readCsv("oracles/eurostat-beutel-germany-1995/siot_table_15_4.csv");
  const head = g[0];
  const byRow = (code: string) => {
    const r = g.find((row) => row[0] === code);
    if (!r) throw new Error(`Beutel: no row ${code}`);
    return r;
  };
  const sectorCols = [5, 6, 7, 8, 9, 10];
  const products = g.slice(1, 7);
  const rowVals = (code: string) => sectorCols.map((c) => num(byRow(code)[c]));
  const fd: [string, Role][] = [
    ["final_consumption_households", "fd:household"],
    ["final_consumption_government", "fd:government"],
    ["gross_capital_formation", "fd:investment"],
    ["inventory_change", "fd:inventory"],
    ["exports", "export"],
  ];
  const colIdx = (name: string) => {
    const i = head.indexOf(name);
    if (i < 0) throw new Error(`Beutel: no column ${name}`);
    return i;
  };
  return makeTable({
    sectors: products.map((r) => r[4]),
    Z: products.map((r) => sectorCols.map((c) => num(r[c]))),
    x: rowVals("P1"),
    xRow: products.map((r) => num(r[colIdx("total_output_row")])),
    finalDemand: fd.map(([name, role]) => ({ role, label: name, values: products.map((r) => num(r[colIdx(name)])) })),
    primaryInputs: [
      { role: "import", label: "P7", values: rowVals("P7") },
      { role: "tax-products", label: "D21X31", values: rowVals("D21X31") },
      { role: "va:compensation", label: "D1", values: rowVals("D1") },
      { role: "va:tax-production", label: "D29X39", values: rowVals("D29X39") },
      { role: "va:depreciation", label: "K1", values: rowVals("K1") },
      { role: "va:surplus", label: "B2A3N", values: rowVals("B2A3N") },
    ],
    employment: rowVals("EMP"),
    importType: "domestic",
    unit: "million EUR",
  });
}

/** Spicosa Netherlands 2000, domestic-use SIOT. */
export function loadSpicosa(): IOTable {
  const g = readCsv("oracles/spicosa-netherlands-2000/siot.csv");
  const head = g[0];
  const products = g.slice(1, 7);
  const byRow = (name: string) => {
    const r = g.find((row) => row[0] === name);
    if (!r) throw new Error(`Spicosa: no row ${name}`);
    return r.slice(1, 7).map(num);
  };
  const colIdx = (name: string) => head.indexOf(name);
  const comp = byRow("compensation_employees");
  const va = byRow("value_added_bp");
  const fd: [string, Role][] = [
    ["final_consumption_private", "fd:household"],
    ["final_consumption_government", "fd:government"],
    ["gross_fixed_capital_formation", "fd:investment"],
    ["exports", "export"],
  ];
  return makeTable({
    sectors: products.map((r) => r[0]),
    Z: products.map((r) => r.slice(1, 7).map(num)),
    x: byRow("output_bp"),
    finalDemand: fd.map(([name, role]) => ({ role, label: name, values: products.map((r) => num(r[colIdx(name)])) })),
    primaryInputs: [
      { role: "import", label: "imports", values: byRow("imports") },
      { role: "tax-products", label: "net_tax", values: byRow("net_tax") },
      { role: "va:compensation", label: "compensation_employees", values: comp },
      // value_added_bp includes compensation: the rest as one row, so GVA is not counted twice.
      { role: "va:other", label: "value_added_bp − compensation", values: va.map((v, j) => v - comp[j]) },
    ],
    importType: "domestic",
    unit: "million EUR",
  });
}

/** max |a − b| / max(|b|, tiny) over all entries. */
export function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < b.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1e-300));
  return d;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < b.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}
