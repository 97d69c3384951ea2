// The CGE results by good are laid out in blocks of at most 9 figure columns with the goods
// repeated and a header row each (printed at a legible scale instead of one page wide at ~40%);
// the charts and the calibration audit find their columns by header, so they follow the layout.
import { describe, expect, it } from "vitest";
import { readSam, runCge, samFlows } from "../../src/engine/cge";
import { cgeWorkbook } from "../../src/report/cgeReport";
import { byGoodHeader, findByGood, type ByGoodVar } from "../../src/report/cgeByGood";
import { AUDIT_SHEET_KEY } from "../../src/report/deliverable";
import { isFormulaCell, type SheetSpec } from "../../src/report/spec";
import { samGrid, THREE_GOODS } from "../engine/cge/samFixture";

const sam = readSam(samGrid(THREE_GOODS));
const run = runCge(samFlows(sam), { name: "mfg premium", importPrice: { MFG: 1.5 } });
const goods = run.calibration.goods;
const VARS: ByGoodVar[] = ["Z", "D", "E", "M", "Q", "pz", "pq", "pd"];

for (const lang of ["ja", "en"] as const) {
  const spec = cgeWorkbook({ run, sam, lang, inputs: [], version: "9.9.9", now: new Date("2026-04-01T00:00:00Z") });
  const results = spec.sheets.find((s) => s.key === "cge-results")!;
  const at = (s: SheetSpec, row: number, col: number) => {
    const b = s.blocks.find((x) => x.row <= row && row < x.row + x.values.length && x.col <= col && col < x.col + (x.values[row - x.row]?.length ?? 0));
    return b?.values[row - b.row][col - b.col];
  };

  describe(`CGE results by good (${lang})`, () => {
    it("is in blocks of at most 9 figure columns, each with its header and the goods in order", () => {
      const bodies = results.blocks.filter((b) => b.values.length === goods.length && b.values.every((r, i) => r[0] === goods[i]) && b.values[0].length > 6);
      expect(bodies).toHaveLength(3);
      for (const b of bodies) {
        expect(b.values[0].length - 1).toBeLessThanOrEqual(9);
        const header = results.blocks.find((h) => h.row === b.row - 1 && h.style === "header")!;
        expect(header.values[0]).toHaveLength(b.values[0].length);
      }
      // every figure column of the old 25-column table is found once, with the run's numbers
      const b = run.benchmark;
      const s = run.solution!;
      for (const v of VARS)
        goods.forEach((_, i) => {
          const [v0, v1] = v === "Z" ? [run.calibration.Z0[i], s.Z[i]] : [b[v][i], s[v][i]];
          const cell = (w: "base" | "scen" | "pct") => {
            const p = findByGood(results, goods, v, w, lang)!;
            return at(results, p.row + i, p.col);
          };
          expect(cell("base")).toBe(v0);
          expect(cell("scen")).toBe(v1);
          expect(cell("pct")).toBe(v0 === 0 ? null : v1 / v0 - 1);
        });
      const rent = findByGood(results, goods, "rent", "base", lang)!;
      goods.forEach((_, i) => expect(at(results, rent.row + i, rent.col)).toBe(s.rents[i]));
      expect(new Set(results.blocks.filter((h) => h.style === "header").flatMap((h) => h.values[0])).size).toBeGreaterThan(25);
      expect(byGoodHeader("Z", "base", lang)).toBe(lang === "ja" ? "国内生産 Z 基準" : "Output Z bench.");
    });

    it("prints at its own width (no one-page-wide squeeze); the SAM, a square matrix, keeps it", () => {
      expect(results.print?.fitWidth).toBeUndefined();
      expect(spec.sheets.find((x) => x.key === "cge-sam")!.print?.fitWidth).toBe(true);
      const used = Math.max(...results.blocks.filter((x) => x.style !== "note" && x.style !== "title" && x.style !== "subtitle").map((x) => x.col + Math.max(...x.values.map((r) => r.length))));
      expect(used).toBeLessThanOrEqual(10);
      for (const ch of results.charts ?? []) expect(ch.anchor.col + ch.anchor.widthCols).toBeLessThanOrEqual(10);
    });

    it("charts the output and composite price changes from their % columns", () => {
      const [out, price] = results.charts!;
      const z = findByGood(results, goods, "Z", "pct", lang)!;
      const pq = findByGood(results, goods, "pq", "pct", lang)!;
      expect(out.series[0].values).toEqual({ row: z.row, col: z.col, rows: goods.length, cols: 1 });
      expect(price.series[0].values).toEqual({ row: pq.row, col: pq.col, rows: goods.length, cols: 1 });
      expect(out.categories).toEqual({ row: z.row, col: 0, rows: goods.length, cols: 1 });
      expect(price.categories).toEqual({ row: pq.row, col: 0, rows: goods.length, cols: 1 });
    });

    it("the audit compares its recomputed Z0, D0, Q0 with the benchmark columns by name", () => {
      const audit = spec.sheets.find((x) => x.key === AUDIT_SHEET_KEY)!;
      const refs = audit.blocks.flatMap((x) => x.values.flat().filter(isFormulaCell)).flatMap((f) => [...f.formula.matchAll(/'([^']+)'!\$([A-Z]+)\$(\d+)/g)]).filter((m) => m[1] === results.name);
      const colOf = (letters: string) => [...letters].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const read = refs.map((m) => ({ row: Number(m[3]) - 1, col: colOf(m[2]) }));
      const want = (["Z", "D", "Q"] as const).flatMap((v) => {
        const p = findByGood(results, goods, v, "base", lang)!;
        return goods.map((_, i) => ({ row: p.row + i, col: p.col }));
      });
      // exactly the benchmark cells, and the utility of the macro table
      const cells = new Set(read.map((r) => `${r.row},${r.col}`));
      for (const w of want) expect(cells.has(`${w.row},${w.col}`)).toBe(true);
      expect(cells.size).toBe(want.length + 1);
    });
  });
}
