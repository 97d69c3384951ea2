// A block printed below a table with the same sector rows but no final-demand or output column
// (生産誘発額 and its shares, say) is not the rest of the table: refused up front naming the block,
// instead of being joined as extra final-demand columns.

import { describe, expect, it } from "vitest";
import { RippleError } from "../../../src/engine/errors";
import { readTable } from "../../../src/engine/table";
import { gridOf } from "./fixtures";

const TABLE = [
  ["", "農業", "製造業", "最終需要計", "国内生産額"],
  ["農業", 10, 20, 70, 100],
  ["製造業", 30, 60, 110, 200],
  ["粗付加価値部門計", 60, 120, null, null],
  ["国内生産額", 100, 200, null, null],
];

describe("a later block without final demand", () => {
  it("is refused naming the block", () => {
    const g = gridOf([...TABLE, [], ["", "生産誘発額", "構成比"], ["農業", 150, 0.4], ["製造業", 225, 0.6]], "表");
    let err: unknown;
    try {
      readTable(g);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RippleError);
    const e = err as RippleError;
    expect(e.code).toBe("table.block-not-final-demand");
    expect(e.where).toMatchObject({ sheet: "表", cell: "B7" });
    expect(e.format("ja")).toContain("生産誘発額");
  });

  it("a lower block with the final demand is still joined", () => {
    const upper = TABLE.map((r) => r.slice(0, 3));
    const g = gridOf([...upper, [], ["", "最終需要計", "国内生産額"], ["農業", 70, 100], ["製造業", 110, 200]], "表");
    const t = readTable(g);
    expect(t.sectors.map((s) => s.label)).toEqual(["農業", "製造業"]);
    expect(t.x).toEqual([100, 200]);
  });
});
