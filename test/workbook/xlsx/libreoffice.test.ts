// LibreOffice, a second implementation of the format, opens what the writer produces: it
// prints the sheets with their charts to PDF, keeps every chart when it saves the workbook
// again, and calculates the same values the spec cached for the formulas.
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeXlsx } from "../../../src/workbook/xlsx";
import { convertWithLibreOffice, recalcAndReadValues, sofficePath } from "./libreoffice";
import { Package, type Xml } from "./packageParts";
import { EFFECTS, SECTORS, STAGES, TRICKY_TEXT, sampleSpec } from "./sampleSpec";

let file: string;

beforeAll(async () => {
  sofficePath(); // fails with install instructions when LibreOffice is missing
  const dir = mkdtempSync(join(tmpdir(), "ripple-xlsx-lo-"));
  file = join(dir, "results.xlsx");
  await writeXlsx(sampleSpec(), file);
});

describe("LibreOffice reads the written workbook", () => {
  it("prints it to a PDF", async () => {
    const pdf = await convertWithLibreOffice(file, "pdf", { singlePageSheets: true });
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // Two sheets with five charts and Japanese text embed fonts and vector drawings; a
    // file of a few kB would mean empty pages.
    expect(statSync(pdf).size).toBeGreaterThan(30_000);
    expect(bytes.toString("latin1").match(/\/Type\s*\/Page\b/g)).toHaveLength(2);
  });

  it("keeps every chart, with its series, when it saves the workbook again", async () => {
    const resaved = await convertWithLibreOffice(file, "xlsx");
    const pkg = await Package.open(readFileSync(resaved));
    const chartParts = pkg.names().filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).sort();
    expect(chartParts).toHaveLength(5);
    const seriesCounts: number[] = [];
    const titles: string[] = [];
    for (const part of chartParts) {
      const chart = (await pkg.xml(part))["c:chartSpace"]["c:chart"];
      const plot = chart["c:plotArea"];
      const kind = ["c:barChart", "c:lineChart", "c:scatterChart"].find((k) => plot[k]);
      seriesCounts.push(plot[kind!]["c:ser"].length);
      const runs = chart["c:title"]["c:tx"]["c:rich"]["a:p"]["a:r"];
      titles.push((Array.isArray(runs) ? runs : [runs]).map((r: Xml) => r["a:t"]).join(""));
    }
    expect(titles.sort()).toEqual(
      ["部門別・段階別の生産誘発額", "直接効果（部門別）", "第1次間接効果の推移", "影響力係数と感応度係数", "Effects by stage"].sort(),
    );
    expect(seriesCounts.reduce((a, b) => a + b, 0)).toBe(3 + 1 + 1 + 3 + 3);
  });

  it("calculates the formulas to the values the spec cached, and keeps text as text", async () => {
    const { sheets } = await recalcAndReadValues(file);
    const g = sheets.find((s) => s.sheet === "集計")!;
    expect(g.origin).toEqual({ row: 0, col: 0 });
    expect(g.values[1]).toEqual(["部門", ...STAGES]);
    SECTORS.forEach((s, i) => expect(g.values[2 + i]).toEqual([s, ...EFFECTS[i]]));
    expect(g.values[9][1]).toBeCloseTo(EFFECTS.reduce((a, r) => a + r[0], 0), 9);
    expect(g.values[10]).toEqual(TRICKY_TEXT);
    const mmult = [
      [100 * 110.5 + 50 * 121, 100 * 38 + 50 * 26],
      [110.5 * 110.5 + 38 * 121, 110.5 * 38 + 38 * 26],
    ];
    expect([g.values[12].slice(0, 2), g.values[13].slice(0, 2)]).toEqual(mmult);
  });

  it("really recalculates: a wrong cached value comes back corrected", async () => {
    const spec = sampleSpec();
    const total = spec.sheets[0].blocks.find((b) => b.style === "total")!;
    total.values[0][1] = { formula: "SUM(B3:B9)", value: -1 };
    const wrong = join(mkdtempSync(join(tmpdir(), "ripple-xlsx-lo-recalc-")), "wrong-cache.xlsx");
    await writeXlsx(spec, wrong);
    const { sheets } = await recalcAndReadValues(wrong);
    expect(sheets[0].values[9][1]).toBeCloseTo(EFFECTS.reduce((a, r) => a + r[0], 0), 9);
  });

  it("fails with a clear message for a file it cannot convert", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ripple-xlsx-lo-bad-"));
    const missing = join(dir, "absent.xlsx");
    await expect(convertWithLibreOffice(missing, "pdf")).rejects.toThrow(/no pdf file|soffice failed/);
  });
});
