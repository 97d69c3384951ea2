import { describe, expect, it } from "vitest";
import type { Grid } from "../../src/engine/grid";
import { HEADER_SCAN_ROWS, findHeaderRow, hasAll, hasAtLeast, headerWords } from "../../src/engine/sheetHeader";

const grid = (values: (string | number | null)[][]): Grid => ({ sheet: "計画", values, origin: { row: 0, col: 0 } });
const HEADERS = { id: { ja: "計画ID", en: "Plan ID" }, company: { ja: "事業者名", en: "Company" }, share: { ja: "比率", en: "Share" } };

describe("findHeaderRow: one header finder for every input sheet", () => {
  it("finds the first row naming the needed columns below title rows, matching labels as printed", () => {
    const g = grid([["事業計画一覧"], [null], ["メモ", "計画ID"], ["計画ＩＤ", " 事業者名 ", "ｼｪｱ", "SHARE"], ["P-01", "A社", null, 0.5]]);
    const h = findHeaderRow(g, headerWords(HEADERS), hasAll(["id", "company"] as const));
    expect(h).toEqual({ row: 3, col: { id: 0, company: 1, share: 3 } });
  });

  it("accepts by count of different columns, not of cells", () => {
    const g = grid([["計画ID", "計画ID", "Plan ID"], ["計画ID", "Company", "比率"]]);
    expect(findHeaderRow(g, headerWords(HEADERS), hasAtLeast(2))?.row).toBe(1);
    expect(findHeaderRow(g, headerWords(HEADERS), hasAtLeast(4))).toBeNull();
  });

  it("searches only the top HEADER_SCAN_ROWS rows", () => {
    const rows: (string | null)[][] = Array.from({ length: HEADER_SCAN_ROWS }, () => [null]);
    const inside = grid([...rows.slice(1), ["計画ID", "事業者名"]]);
    const below = grid([...rows, ["計画ID", "事業者名"]]);
    expect(findHeaderRow(inside, headerWords(HEADERS), hasAll(["id", "company"] as const))?.row).toBe(HEADER_SCAN_ROWS - 1);
    expect(findHeaderRow(below, headerWords(HEADERS), hasAll(["id", "company"] as const))).toBeNull();
  });

  it("keeps a reader's own rule (the key column must be column A)", () => {
    const keyOf = (t: string) => (t === "項目" ? "key" : t === "値" ? "value" : null);
    const g = grid([[null, "項目", "値"], ["項目", null, "値"]]);
    expect(findHeaderRow(g, keyOf, (c) => c.key === 0 && c.value !== undefined)).toEqual({ row: 1, col: { key: 0, value: 2 } });
  });
});
