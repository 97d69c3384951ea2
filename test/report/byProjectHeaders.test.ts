// 計画別 / By plan in English: its number columns' headers wrap at spaces, so each column is as
// wide as its header's longest word (no word broken mid-way, "investmen t") and no header takes
// more lines than the row height the writer gives it (six at most: the last one was cut).
import { beforeAll, describe, expect, it } from "vitest";
import { labelWidth, wrappedLines } from "../../src/report/sheetBuilder";
import type { SheetSpec } from "../../src/report/spec";
import { runProjectsPipeline } from "../../src/usecases/projects";
import { readGridFile } from "../../src/workbook/xlsx";
import { SAMPLE } from "./deliverable/fixture";

const bold = (t: string) => (labelWidth([t], 0, 999) - 2) * 1.1;
const sheets: Partial<Record<"ja" | "en", SheetSpec>> = {};

beforeAll(async () => {
  const file = await readGridFile(SAMPLE);
  const g = (n: string) => file.sheets.find((x) => x.sheet === n) ?? null;
  for (const lang of ["ja", "en"] as const) {
    const run = runProjectsPipeline({
      tableGrid: g("取引基本表")!, projectGrid: g("事業計画")!, converterGrid: g("投資転換表")!, paramsGrid: g("パラメータ"),
      splitGrid: g("部門分割"), lang, version: "test", inputDescription: "ripple-sample.xlsx", now: new Date("2025-01-01T00:00:00Z"),
    });
    sheets[lang] = run.spec.sheets.find((s) => s.key === "byProject");
  }
}, 120_000);

describe("wrappedLines", () => {
  it("wraps at spaces and breaks only words longer than the room", () => {
    const one = (t: string) => t.length;
    expect(wrappedLines("of which investment", 10, one)).toBe(2);
    expect(wrappedLines("of which investment", 9, one)).toBe(3);
    expect(wrappedLines("ab cd ef", 5, one)).toBe(2);
    expect(wrappedLines("計画別の効果", 4, (t) => t.length * 2)).toBe(3);
  });
});

describe("the English per-plan sheet's headers", () => {
  it("fit their columns word by word, in at most five lines", () => {
    const s = sheets.en!;
    const headers = s.blocks.filter((b) => b.style === "header").flatMap((b) => b.values.map((row) => row.map((v, c) => [b.col + c, v] as const)));
    const wrapped = headers.flat().filter(([c, v]) => c >= 2 && typeof v === "string" && v.includes(" ") && bold(v) > s.columnWidths![c] - 1);
    expect(wrapped.length).toBeGreaterThan(3);
    for (const [c, v] of wrapped) {
      const room = s.columnWidths![c] - 1;
      for (const w of (v as string).split(" ")) expect(bold(w), `${w} in column ${c}`).toBeLessThanOrEqual(room);
      expect(wrappedLines(v as string, room, bold), `${v}`).toBeLessThanOrEqual(5);
    }
  });

  it("leave the Japanese sheet's number columns at their common width", () => {
    const w = sheets.ja!.columnWidths!;
    expect(new Set([3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((c) => w[c]))).toEqual(new Set([10]));
  });
});
