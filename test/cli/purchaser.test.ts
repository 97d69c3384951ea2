// `ripple analyze --shock S --purchaser-prices --margins M`: the shock is converted to producer
// prices before the model runs (engine/table/margins.ts) — checked against the same run with the
// producer-price shock worked out by hand on the 13-sector sample — and the method sheet states
// the rule, where the margins went and the rates used. Bad margins are refused naming file and cell.

import { describe, expect, it } from "vitest";
import { readdirSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { aomoriMarginRows, csvOf, gridOf } from "../engine/table/fixtures";
import { join } from "node:path";
import { jaCsv, run, tempDir } from "./helpers";
import { readTable } from "../../src/engine/table";
import { parseCsv } from "../../src/engine/table";
import { readFileSync } from "node:fs";
import { runAnalysisJob } from "../../src/usecases/analysis";
import { analysisOptions } from "../../src/usecases/options";

function files(margins: string) {
  const dir = tempDir();
  writeFileSync(join(dir, "t.csv"), readFileSync(jaCsv));
  writeFileSync(join(dir, "shock.csv"), "部門,需要変化（購入者価格、百万円）\n製造業,1000\n建設,500\n");
  writeFileSync(join(dir, "margins.csv"), margins);
  // By hand: 製造業 1000 × (1 − 0.2 − 0.05) = 750; 商業 + 1000 × 0.2 = 200;
  // 運輸・郵便 + 1000 × 0.05 = 50; 建設 500 (no margins).
  writeFileSync(join(dir, "producer.csv"), "部門,需要変化（生産者価格）\n製造業,750\n建設,500\n商業,200\n運輸・郵便,50\n");
  return dir;
}
const GOOD = "部門,商業マージン率,運輸マージン率\n製造業,0.2,0.05\n建設,0,0\n";

describe("purchaser-price shocks on the command line", () => {
  it("equals the run with the producer-price shock worked out by hand", async () => {
    const dir = files(GOOD);
    const a = await run(["analyze", "t.csv", "--shock", "shock.csv", "--purchaser-prices", "--margins", "margins.csv", "--json", "-"], { cwd: dir });
    expect(a.err).toBe("");
    expect(a.code).toBe(0);
    const b = await run(["analyze", "t.csv", "--shock", "producer.csv", "--json", "-"], { cwd: dir });
    expect(b.code).toBe(0);
    const ja = JSON.parse(a.out);
    const jb = JSON.parse(b.out);
    expect(ja.impact).toEqual(jb.impact);
    expect(ja.impact.direct.output).not.toBeNull();
  });

  it("the method sheet states the rule, the margin sectors and the rates; the summary says it was converted", async () => {
    const grid = parseCsv(readFileSync(jaCsv, "utf8"), "t.csv");
    const table = readTable(grid);
    const g = (text: string, sheet: string) => ({ ...parseCsv(text, sheet), sheet });
    const job = await runAnalysisJob(
      {
        table: { grid, layout: table.layout!, description: "t.csv" },
        shock: { grid: g("部門,額\n製造業,1000\n建設,500\n", "shock"), description: "shock", source: "shock.csv" },
        margins: { grid: g(GOOD, "margins"), file: "margins.csv", description: "margins.csv (マージン率)" },
        version: "test",
        now: new Date(0),
      },
      analysisOptions({ lang: "ja", purchaserPrices: true, margins: true }),
    );
    expect(job.purchaser?.producer.filter((v) => v !== 0).sort((x, y) => x - y)).toEqual([50, 200, 500, 750]);
    const spec = job.workbook();
    const text = (key: string) => JSON.stringify(spec.sheets.find((s) => s.key === key));
    expect(text("methods")).toContain("購入者価格から生産者価格への換算");
    expect(text("methods")).toContain("商業マージン率_i");
    expect(text("methods")).toContain("margins.csv (マージン率)");
    expect(text("methods")).toMatch(/"商業マージンの計上先","商業"/);
    expect(text("methods")).toMatch(/"運輸マージンの計上先","運輸・郵便"/);
    expect(text("methods")).toMatch(/"製造業",1000,0.2,0.05,750/);
    expect(text("summary")).toContain("購入者価格で与えられ");
  });

  it("refuses bad margins naming the file and cell, and flags given without what they need", async () => {
    const cases: [string, RegExp][] = [
      ["部門,商業,運輸\n製造業,1.5,0\n建設,0,0\n", /margins\.csv.*B2/s],
      ["部門,商業,運輸\n製造業,0.7,0.4\n建設,0,0\n", /margins\.csv.*B2.*more than 1/s],
      ["部門,商業,運輸\n製造業,0.2,0.05\n鉄鋼,0,0\n", /margins\.csv.*A3.*鉄鋼/s],
      ["部門,商業,運輸\n製造業,0.2,0.05\n", /no line for 建設/],
    ];
    for (const [margins, msg] of cases) {
      const dir = files(margins);
      const r = await run(["analyze", "t.csv", "--shock", "shock.csv", "--purchaser-prices", "--margins", "margins.csv", "--json", "-"], { cwd: dir });
      expect(r.code, margins).toBe(2);
      expect(r.err, margins).toMatch(msg);
      expect(r.out).toBe("");
    }
    const dir = files(GOOD);
    let r = await run(["analyze", "t.csv", "--shock", "shock.csv", "--purchaser-prices", "--json", "-"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--margins/);
    r = await run(["analyze", "t.csv", "--shock", "shock.csv", "--margins", "margins.csv", "--json", "-"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/purchaser prices/);
    r = await run(["analyze", "t.csv", "--purchaser-prices", "--margins", "margins.csv", "--json", "-"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--shock/);
    r = await run(["analyze", "t.csv", "--shock", "shock.csv", "--purchaser-prices", "--margins", "margins.csv", "--transport-sector", "鉄道", "--json", "-"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/鉄道/);
  });
});

// The hand 3-sector example of test/engine/table/margins.test.ts (same shock and rates; the table
// has a household column and value-added rows so the whole analysis runs), through `--json`: the
// conversion is in the JSON (`purchaserPrices`) with the numbers worked out by hand.
describe("purchaser-price conversion in --json", () => {
  const TABLE3 =
    ",製造業,商業,運輸,家計消費支出,国内生産額\n製造業,20,5,5,70,100\n商業,10,5,5,30,50\n運輸,10,5,5,20,40\n" +
    "雇用者所得,30,20,15,,\n営業余剰,30,15,10,,\n国内生産額,100,50,40,,\n";
  function dir3() {
    const dir = tempDir();
    writeFileSync(join(dir, "t3.csv"), TABLE3);
    writeFileSync(join(dir, "shock3.csv"), "部門,需要変化（購入者価格）\n製造業,1000\n運輸,200\n");
    writeFileSync(join(dir, "m3.csv"), "部門,商業マージン率,運輸マージン率\n製造業,0.15,5%\n運輸,0,0\n");
    return dir;
  }

  it("gives per sector the purchaser shock, rates, margins and producer shock, the receiving sectors and the source", async () => {
    const dir = dir3();
    const r = await run(["analyze", "t3.csv", "--shock", "shock3.csv", "--purchaser-prices", "--margins", "m3.csv", "--json", "-"], { cwd: dir });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.sectors).toEqual(["製造業", "商業", "運輸"]);
    // By hand: 製造業 1000 × (1 − 0.15 − 0.05) = 800; 商業 gets 1000 × 0.15 = 150;
    // 運輸: its own 200 (no margins) + 1000 × 0.05 = 250.
    expect(j.purchaserPrices).toEqual({
      source: "m3.csv (margin rates)",
      tradeSector: "商業",
      transportSector: "運輸",
      purchaser: [1000, 0, 200],
      tradeRate: [0.15, null, 0],
      transportRate: [0.05, null, 0],
      tradeMargin: [150, 0, 0],
      transportMargin: [50, 0, 0],
      tradeMarginTotal: 150,
      transportMarginTotal: 50,
      producer: [800, 150, 250],
    });
    // The model ran on the producer-price shock (no import column: direct output = Δf).
    expect(j.impact.direct.output).toEqual([800, 150, 250]);
  });

  it("is absent when the shock is at producer prices", async () => {
    const dir = dir3();
    const r = await run(["analyze", "t3.csv", "--shock", "shock3.csv", "--json", "-"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).not.toHaveProperty("purchaserPrices");
  });
});

// A margin sheet in the layout Aomori publishes (test/engine/table/fixtures.ts): two groups
// (需要合計, 民間消費支出), read by --margins-sheet from the input workbook or --margins from a CSV;
// the group is chosen with --margins-column, never silently.
describe("margin rates from a labelled sheet (Aomori layout)", () => {
  const SHEET = "(参考)マージン率";
  async function aomori() {
    const dir = files(GOOD);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("取引基本表").addRows(parseCsv(readFileSync(jaCsv, "utf8"), "t.csv").values);
    wb.addWorksheet(SHEET).addRows(aomoriMarginRows());
    await wb.xlsx.writeFile(join(dir, "in.xlsx"));
    writeFileSync(join(dir, "aomori.csv"), csvOf(aomoriMarginRows()));
    // 民間消費支出 by hand: 製造業 1000 × (1 − 0.3 − 0.04) = 660; 商業 + 300; 運輸・郵便 + 40.
    writeFileSync(join(dir, "producer-household.csv"), "部門,需要変化（生産者価格）\n製造業,660\n建設,500\n商業,300\n運輸・郵便,40\n");
    return dir;
  }
  const base = ["--shock", "shock.csv", "--purchaser-prices", "--json", "-"];

  it("--margins-sheet … --margins-column 需要合計 equals the hand-computed producer-price run; the JSON source names sheet, group and columns", async () => {
    const dir = await aomori();
    const a = await run(["analyze", "in.xlsx", "--sheet", "取引基本表", ...base, "--margins-sheet", SHEET, "--margins-column", "需要合計", "--lang", "ja"], { cwd: dir });
    expect(a.err).toBe("");
    expect(a.code).toBe(0);
    const b = await run(["analyze", "t.csv", "--shock", "producer.csv", "--json", "-"], { cwd: dir });
    const ja = JSON.parse(a.out);
    expect(ja.impact).toEqual(JSON.parse(b.out).impact);
    expect(ja.purchaserPrices.source).toContain(`in.xlsx [${SHEET}] (マージン率): シート「${SHEET}」の「需要合計」の商業マージン率（H列）と運輸マージン率（I列）`);
    expect(ja.purchaserPrices.source).toContain("（E列）");
    // The rate used for 製造業 (sector 3 of the table).
    expect(ja.purchaserPrices.tradeRate[2]).toBe(0.2);
  });

  it("--margins FILE.csv --margins-column 民間消費支出 equals its hand-computed run (en source)", async () => {
    const dir = await aomori();
    const a = await run(["analyze", "t.csv", ...base, "--margins", "aomori.csv", "--margins-column", "民間消費支出", "--lang", "en"], { cwd: dir });
    expect(a.err).toBe("");
    const b = await run(["analyze", "t.csv", "--shock", "producer-household.csv", "--json", "-"], { cwd: dir });
    const j = JSON.parse(a.out);
    expect(j.impact).toEqual(JSON.parse(b.out).impact);
    expect(j.purchaserPrices.source).toContain("trade margin rate (column N) and transport margin rate (column O) of '民間消費支出'");
  });

  it("the method sheet (方法・出典) states the sheet, the group, the columns and the rule", async () => {
    const grid = parseCsv(readFileSync(jaCsv, "utf8"), "t.csv");
    const table = readTable(grid);
    const job = await runAnalysisJob(
      {
        table: { grid, layout: table.layout!, description: "t.csv" },
        shock: { grid: { ...parseCsv("部門,額\n製造業,1000\n建設,500\n", "shock"), sheet: "shock" }, description: "shock", source: "shock.csv" },
        margins: { grid: gridOf(aomoriMarginRows(), SHEET), description: "マージン率" },
        version: "test",
        now: new Date(0),
      },
      analysisOptions({ lang: "ja", purchaserPrices: true, margins: true, marginsColumn: "民間消費支出" }),
    );
    const methods = JSON.stringify(job.workbook().sheets.find((s) => s.key === "methods"));
    expect(methods).toContain(`シート「${SHEET}」の「民間消費支出」の商業マージン率（N列）と運輸マージン率（O列）`);
    expect(methods).toContain("マージン額 ÷ 購入者価格の額（K列）");
    expect(methods).toContain("需要変化のない部門の率は使わない");
    expect(methods).toMatch(/"製造業",1000,0.3,0.04,660/);
  });

  it("without --margins-column, or with a group the sheet does not have, refuses listing the groups (ja and en); nothing written", async () => {
    const dir = await aomori();
    const before = readdirSync(dir).sort();
    let r = await run(["analyze", "t.csv", ...base, "--margins", "aomori.csv", "--lang", "ja"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain("aomori.csv");
    expect(r.err).toContain("H8");
    expect(r.err).toContain("「需要合計」「民間消費支出」");
    expect(r.err).toContain("--margins-column");
    r = await run(["analyze", "t.csv", ...base, "--margins", "aomori.csv", "--lang", "en"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain("2 sets of margin rates (需要合計, 民間消費支出)");
    r = await run(["analyze", "t.csv", ...base, "--margins", "aomori.csv", "--margins-column", "家計", "--lang", "en"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain("no set of margin rates '家計'. Found: 需要合計, 民間消費支出");
    r = await run(["analyze", "t.csv", "--shock", "shock.csv", "--margins-column", "需要合計", "--json", "-", "--lang", "en"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/purchaser prices/);
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});
