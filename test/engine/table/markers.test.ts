// More published-table quirks (issue 11), one small fixture each: marks statistics offices print
// instead of figures ('x' 秘匿, '…' 不詳, '－' 該当なし, '△' for minus), purchaser-price tables,
// middle dots of other code points and footnote marks on labels. Each is read right or refused
// with the cell — never read as a number it is not.

import { describe, expect, it } from "vitest";
import { a1, type CellValue, type Grid } from "../../../src/engine/grid";
import { readTable, recognizeLayout } from "../../../src/engine/table";
import { markerOf, parseNumberText } from "../../../src/engine/table/normalize";
import { micGrid, randomMicParts, refusal } from "./fixtures";

/** A 5-sector prefectural table: title row 1, codes row 2, names row 3, sectors rows 4–8 with
 * codes in column A and names in column B, Z in C4:G8. */
function table(): Grid {
  const parts = randomMicParts(5, "markers", { prefectural: true });
  return micGrid(parts, { prefectural: true, labels: "code+name" });
}

function set(g: Grid, r1: number, c: number, v: CellValue): Grid {
  const values = g.values.map((row) => [...row]);
  values[r1 - 1][c] = v;
  return { ...g, values };
}

/** Zero-based column of a header name in row 3. */
const colOf = (g: Grid, name: string) => g.values[2].findIndex((v) => v === name);
const rowOf = (g: Grid, name: string) => g.values.findIndex((r) => r[1] === name) + 1;

describe("marks in number cells", () => {
  it("knows the marks: 'x' 秘匿, '…' / '..' / ':' not available; '－' is a placeholder, not a mark", () => {
    for (const t of ["x", "X", "ｘ", "×", "秘匿", "[c]", "[x]"]) expect(markerOf(t)).toBe("confidential");
    for (const t of ["…", "...", "..", "・・・", ":", "n.a.", "N/A", "不詳"]) expect(markerOf(t)).toBe("unavailable");
    for (const t of ["－", "-", "0", "農業", "C", "NA"]) expect(markerOf(t)).toBeNull();
  });

  it("'x' (confidential) in the intermediate block is refused naming the cell, not read as 0", () => {
    const e = refusal(() => readTable(set(table(), 5, 3, "x")));
    expect(e.code).toBe("table.confidential-cell");
    expect(e.where.cell).toBe("D5");
    expect(e.text.ja).toContain("秘匿");
  });

  it("'…' (not available) in a final-demand cell and '..' in a value-added cell are refused with the cell", () => {
    const g = table();
    const c = colOf(g, "民間消費支出");
    expect(c).toBeGreaterThan(0);
    const e1 = refusal(() => readTable(set(g, 6, c, "…")));
    expect(e1.code).toBe("table.unavailable-cell");
    expect(e1.where.cell).toBe(a1(5, c));
    const e2 = refusal(() => readTable(set(g, rowOf(g, "雇用者所得"), 2, "..")));
    expect(e2.code).toBe("table.unavailable-cell");
    expect(e2.where.cell).toBe(`C${rowOf(g, "雇用者所得")}`);
  });

  it("'－' (該当数値なし) in a zero cell reads as 0, with the placeholder noted", () => {
    // A zero at D4 (sector 1 → sector 2), the table kept balanced: the flow goes to 営業余剰 of
    // sector 2 and to 民間消費支出 of sector 1.
    const parts = randomMicParts(5, "markers", { prefectural: true });
    const z = parts.Z[0][1];
    parts.Z[0][1] = 0;
    parts.va.find((v) => v.name === "営業余剰")!.values[1] += z;
    parts.fd.find((f) => f.name === "民間消費支出")!.values[0] += z;
    const g = micGrid(parts, { prefectural: true, labels: "code+name" });
    expect(g.values[3][3]).toBe(0);
    const t = readTable(set(g, 4, 3, "－"));
    expect(t.Z).toEqual(parts.Z);
    expect(t.warnings.map((w) => w.code)).toEqual(["table.placeholder-zero"]);
    expect(t.warnings[0].where?.cell).toBe("D4");
  });

  it("'△1,234' and '▲1,234' are −1,234 (the Japanese minus), in a cell and as text", () => {
    expect(parseNumberText("△1,234")).toBe(-1234);
    expect(parseNumberText("▲ 56.5")).toBe(-56.5);
    expect(parseNumberText("△")).toBeNull();
    const g = table();
    const r = rowOf(g, "（控除）経常補助金") || rowOf(g, "(控除)経常補助金");
    const row = r > 0 ? r : rowOf(g, "営業余剰");
    const v = g.values[row - 1][2] as number;
    const printed = v < 0 ? `△${(-v).toLocaleString("en-US")}` : v.toLocaleString("en-US");
    const t = readTable(set(g, row, 2, printed));
    expect(t.primaryInputs.map((p) => p.values)).toEqual(readTable(g).primaryInputs.map((p) => p.values));
  });
});

describe("purchaser-price tables", () => {
  it("a （控除）商業マージン column is not taken for imports: the table is refused naming the column", () => {
    const g = table();
    const width = Math.max(...g.values.map((r) => r.length));
    const values = g.values.map((r) => [...r, ...new Array(width - r.length).fill(null)]);
    values[1].push("90");
    values[2].push("（控除）商業マージン");
    for (let i = 3; i < 8; i++) values[i].push(-(i * 10));
    const e = refusal(() => recognizeLayout({ ...g, values }));
    expect(e.code).toBe("table.purchaser-prices");
    expect(e.where.cell).toBe(a1(2, values[2].length - 1));
    expect(e.text.ja).toContain("生産者価格評価表");
  });

  it("a title that says 購入者価格評価表 is refused; one that says 生産者価格 is read", () => {
    const parts = randomMicParts(5, "markers", { prefectural: true });
    const purchaser = micGrid(parts, { prefectural: true, title: "平成27年 産業連関表（購入者価格評価表）単位：百万円" });
    expect(refusal(() => recognizeLayout(purchaser)).code).toBe("table.purchaser-prices");
    const producer = micGrid(parts, { prefectural: true, title: "平成27年 産業連関表（生産者価格評価表）単位：百万円" });
    expect(readTable(producer).sectors).toHaveLength(5);
  });
});

describe("labels", () => {
  it("a sector printed with another middle dot (·, •) or a footnote mark (※, (注1)) pairs with its row", () => {
    const parts = randomMicParts(5, "markers", { prefectural: true });
    parts.names[1] = "電力・ガス・水道";
    parts.names[4] = "分類不明";
    const g = micGrid(parts, { prefectural: true, labels: "code+name" });
    const values = g.values.map((r) => [...r]);
    values[2][3] = "電力·ガス•水道"; // column header: Latin middle dot and a bullet
    values[2][6] = "分類不明※";
    values[2][colOf(g, "在庫純増")] = "在庫純増(注1)";
    const t = readTable({ ...g, values });
    expect(t.sectors.map((s) => s.label)).toEqual(parts.names);
    expect(t.Z).toEqual(parts.Z);
    expect(t.finalDemand.find((f) => f.label.startsWith("在庫純増"))?.role).toBe("fd:inventory");
  });
});

describe("merged header cells", () => {
  it("a name merged over two columns and subdivided below ('県内総固定資本形成' / '公的' '民間') names both", () => {
    const parts = randomMicParts(5, "markers", { prefectural: true });
    const g = micGrid(parts, { prefectural: true, labels: "code+name" });
    const pub = colOf(g, "県内総固定資本形成（公的）");
    const priv = colOf(g, "県内総固定資本形成（民間）");
    expect(priv).toBe(pub + 1);
    const values = g.values.map((r) => [...r]);
    // As the workbook stores a merge: the text in the first cell only, the sub-labels in a new row.
    values[2][pub] = "県内総固定資本形成";
    values[2][priv] = null;
    const sub: CellValue[] = new Array(values[2].length).fill(null);
    sub[pub] = "公的";
    sub[priv] = "民間";
    values.splice(3, 0, sub);
    const t = readTable({ ...g, values });
    const inv = t.finalDemand.filter((f) => f.role === "fd:investment");
    expect(inv.map((f) => [f.label, f.address, f.values])).toEqual([
      ["県内総固定資本形成公的", a1(2, pub), parts.fd.find((f) => f.name.endsWith("（公的）"))!.values],
      ["県内総固定資本形成民間", a1(2, priv), parts.fd.find((f) => f.name.endsWith("（民間）"))!.values],
    ]);
    expect(t.warnings).toEqual([]);
  });
});

describe("notes under the table", () => {
  it("'（注）…', '※…', '資料：…' and 'Source: …' rows are not lines of the table, even with figures in them", () => {
    const parts = randomMicParts(5, "markers", { prefectural: true });
    const g = micGrid(parts, { prefectural: true, labels: "code+name" });
    const values = g.values.map((r) => [...r]);
    const note = (label: string, ...cells: CellValue[]) => values.push([null, label, ...cells]);
    note("（注）1. 平成23年の値。", "2011");
    note("※ 分類不明を含む。", 12);
    note("資料：宮崎県統計課");
    note("Source: prefectural statistics office");
    const layout = recognizeLayout({ ...g, values });
    const notes = layout.rows.filter((l) => /注|※|資料|Source/.test(l.name));
    expect(notes.map((l) => l.role)).toEqual(["ignore", "ignore", "ignore", "ignore"]);
    const t = readTable({ ...g, values });
    expect(t.warnings).toEqual([]);
    expect(t.Z).toEqual(parts.Z);
  });
});
