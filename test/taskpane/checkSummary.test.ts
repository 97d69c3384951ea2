// The pane's check summary above the role map is `ripple inspect`'s report (usecases/inspect.ts),
// built from the pane's own recognition through the fake Office host: a balanced table has no
// blocking problem; one corrupted cell is named first and stops 実行 unless the allow-imbalance
// checkbox is ticked; a table that is not productive blocks whatever is ticked.

import { afterEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { installFakeOffice, type FakeValue, type FakeWorkbook } from "../workbook/office/fakeExcel";
import { parseCsv } from "../../src/engine/table";
import { loadTableFromSheet } from "../../src/taskpane/runAnalysis";
import { inspectTable } from "../../src/usecases/inspect";
import { tableBlocksRun } from "../../src/taskpane/components/CheckSummary";
import { jaCsv, run, tempDir } from "../cli/helpers";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const SHEET = "取引基本表";
const cells = () => parseCsv(readFileSync(jaCsv, "utf8"), "io2011_13sector_ja.csv").values as FakeValue[][];

let wb: FakeWorkbook | null = null;
afterEach(() => {
  wb?.uninstall();
  wb = null;
});

async function paneReport(values: FakeValue[][], lang: "ja" | "en" = "ja") {
  wb = installFakeOffice(globalThis, { [SHEET]: values }, { displayLanguage: "ja-JP" });
  const d = await loadTableFromSheet(SHEET);
  return inspectTable({ file: SHEET, grid: d.grid, layout: d.layout, built: { table: d.table, error: d.tableError } }, lang);
}

describe("the pane's check summary (same report as ripple inspect)", () => {
  it("a balanced table: no problem, the run is not blocked; the same roles, checks and problems as `ripple inspect --json`", async () => {
    const r = await paneReport(cells(), "en");
    expect(r.problems).toEqual([]);
    expect(tableBlocksRun(r, false)).toBe(false);
    expect(r.checks.every((c) => c.ok)).toBe(true);
    expect(r.counts.rows.sector).toBe(13);
    expect(r.counts.cols.sector).toBe(13);
    expect(r.importType.type).toBe("competitive");

    const cli = await run(["inspect", jaCsv, "--json", "-", "--lang", "en"]);
    expect(cli.code).toBe(0);
    const j = JSON.parse(cli.out);
    for (const k of ["rows", "cols", "checks", "problems", "importType", "counts", "review", "derived", "imbalanceOnly"] as const) expect(r[k], k).toEqual(j[k]);
  });

  it("one corrupted cell: the imbalance first, with its cells; blocked unless the checkbox is ticked", async () => {
    const v = cells();
    v[3][2] = (v[3][2] as number) + 100; // C4: 農林水産業 → 農林水産業
    const r = await paneReport(v);
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems[0]).toMatch(/農林水産業 \((C\d+|[A-Z]+4)\)/);
    expect(r.problems.join("\n")).toMatch(/差 100/);
    // The reader's own gap warnings say the same as the problems: not repeated under 要確認.
    expect(r.review).toEqual([]);
    expect(r.imbalanceOnly).toBe(true);
    expect(tableBlocksRun(r, false)).toBe(true);
    expect(tableBlocksRun(r, true)).toBe(false);

    // The CLI says the same of the same cells.
    const dir = tempDir();
    writeFileSync(join(dir, "bad.csv"), v.map((row) => row.map((x) => (x === null ? "" : String(x))).join(",")).join("\n"));
    const cli = await run(["inspect", "bad.csv", "--json", "-", "--lang", "ja"], { cwd: dir });
    expect(cli.code).toBe(2);
    expect(JSON.parse(cli.out).problems).toEqual(r.problems);
  });

  it("a table that is not productive (Hawkins–Simon) is a problem no checkbox lets through", async () => {
    // Every row and column adds up (製造業: 60 + 150 − 10 = 200), but 製造業's input
    // coefficients sum to 60/200 + 150/200 = 1.05 ≥ 1 (value added negative).
    const v: FakeValue[][] = [
      ["", "農業", "製造業", "最終需要計", "国内生産額"],
      ["農業", 10, 60, 30, 100],
      ["製造業", 30, 150, 20, 200],
      ["粗付加価値部門計", 60, -10, null, null],
      ["国内生産額", 100, 200, null, null],
    ];
    const r = await paneReport(v, "en");
    const hs = r.problems.filter((p) => /Hawkins–Simon/.test(p));
    expect(hs).toHaveLength(1);
    expect(hs[0]).toMatch(/製造業/);
    expect(r.imbalanceOnly).toBe(false);
    expect(tableBlocksRun(r, true)).toBe(true);
  });
});
