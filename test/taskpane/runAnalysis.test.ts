// The task pane's controller against the recording fake Excel, on the Japan 2011 13-sector
// table: the sheets it writes, that it never writes into the inputs, that a second run gets new
// names, that cancel stops it, and that its numbers are the command line's JSON.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { installFakeOffice, type FakeValue, type FakeWorkbook } from "../workbook/office/fakeExcel";
import { parseCsv } from "../../src/engine/table";
import { RippleError } from "../../src/engine/errors";
import { findRegisteredModel, clearRegistry, isModelBuilt } from "../../src/functions/registry";
import { analyze } from "../../src/engine/model";
import {
  loadTableFromSheet,
  parseRangeAddress,
  previewShock,
  readShockGrid,
  runAnalysis,
  saveConfirmedMapping,
  tableSelfSufficiency,
  withRole,
  type RunProgress,
} from "../../src/taskpane/runAnalysis";
import { runAnalyze } from "../../src/cli/analyze";
import type { AnalysisResult } from "../../src/engine/model/result";

const ROOT = path.resolve(__dirname, "../..");
const CSV = path.resolve(ROOT, "../shared/data/jp-io-2011-13/io2011_13sector_ja.csv");
const TABLE_SHEET = "取引基本表";
const SHOCK_SHEET = "ショック";
const SHOCK: FakeValue[][] = [
  ["部門", "増加額（百万円）"],
  ["建設", 100000],
  ["製造業", 50000],
  ["サービス", 20000],
];

function tableCells(): FakeValue[][] {
  return parseCsv(readFileSync(CSV, "utf8"), "io2011_13sector_ja.csv").values;
}

/** The command line's JSON for the same table and shock (ripple analyze --shock --json -). */
async function cliJson(): Promise<AnalysisResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "ripple-pane-"));
  const shockCsv = path.join(dir, "shock.csv");
  writeFileSync(shockCsv, SHOCK.map((r) => r.join(",")).join("\n") + "\n", "utf8");
  let out = "";
  const sink = { write: (s: string) => ((out += s), true) };
  await runAnalyze(
    { input: CSV, shock: shockCsv, json: "-", lang: "ja", defaultOut: path.join(dir, "unused.xlsx") },
    { stdout: sink, stderr: sink as unknown as NodeJS.WritableStream, env: {}, cwd: dir },
  );
  return JSON.parse(out) as AnalysisResult;
}

/** Row index (zero-based) of the first cell in column A of a fake sheet equal to text. */
function rowOf(wb: FakeWorkbook, sheet: string, text: string): number {
  const values = wb.sheet(sheet).toValues();
  const r = values.findIndex((row) => row[0] === text);
  if (r < 0) throw new Error(`no row '${text}' on ${sheet}`);
  return r;
}

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);

let wb: FakeWorkbook;
let original: FakeValue[][];

beforeEach(() => {
  wb = installFakeOffice(globalThis, { [TABLE_SHEET]: tableCells(), [SHOCK_SHEET]: SHOCK }, { displayLanguage: "ja-JP" });
  original = wb.sheet(TABLE_SHEET).toValues();
  clearRegistry();
});

afterEach(() => wb.uninstall());

async function prepared() {
  const detected = await loadTableFromSheet(TABLE_SHEET);
  const shockGrid = await readShockGrid(parseRangeAddress(`${SHOCK_SHEET}!A1:B4`)!);
  return { detected, shock: previewShock(detected.table!, shockGrid) };
}

describe("task pane controller on the 2011 13-sector table", () => {
  it("recognises the table with its roles, cell addresses and import convention", async () => {
    const { detected, shock } = await prepared();
    expect(detected.table!.sectors).toHaveLength(13);
    expect(detected.layout.sectorBlock).toBe("C4:O16");
    expect(detected.layout.unit).toBe("百万円");
    expect(detected.layout.importType).toBe("competitive");
    expect(detected.mappingSource).toBe("detected");
    const comp = detected.layout.rows.find((r) => r.name === "雇用者所得")!;
    expect(comp).toMatchObject({ role: "va:compensation", address: "B19" });
    expect(shock.entries.map((e) => e.label)).toEqual(["製造業", "建設", "サービス"]);
    expect(shock.total).toBe(170000);
    expect(shock.source).toBe(`${SHOCK_SHEET}!A1:B4`);
    // 1 − m_i for the self-sufficiency hints: within (0, 1], and below 1 for mining (imports).
    const ss = tableSelfSufficiency(detected.table!)!;
    expect(ss).toHaveLength(13);
    expect(ss[1]).toBeLessThan(0.1); // 鉱業 is almost all imported
    for (const v of ss) expect(v).toBeLessThanOrEqual(1);
  });

  it("writes the results into new sheets, summary first, with charts, and the CLI's numbers", async () => {
    const { detected, shock } = await prepared();
    const progress: RunProgress[] = [];
    const out = await runAnalysis(
      { detected, shock, options: {}, typeII: false, lang: "ja", modelName: "jp2011" },
      { onProgress: (p) => progress.push(p) },
    );
    expect(out.sheets[0]).toBe("集計");
    expect(wb.sheetNames()).toEqual([TABLE_SHEET, SHOCK_SHEET, ...out.sheets]);
    // Nothing written into the inputs.
    expect(wb.writesTo(TABLE_SHEET)).toEqual([]);
    expect(wb.writesTo(SHOCK_SHEET)).toEqual([]);
    expect(wb.sheet(TABLE_SHEET).toValues()).toEqual(original);
    // Progress only moves forward and ends complete.
    const fr = progress.map((p) => p.fraction);
    expect(fr).toEqual([...fr].sort((a, b) => a - b));
    expect(fr[fr.length - 1]).toBe(1);
    expect(new Set(progress.map((p) => p.stage))).toEqual(new Set(["read", "build", "analyze", "report", "write"]));

    // The same numbers as `ripple analyze --json`.
    const cli = await cliJson();
    expect(out.result).toEqual(cli);
    const impact = cli.impact!;
    expect(impact.multiple).toBeGreaterThan(1);

    // The summary sheet holds them: stage totals and the by-sector total column.
    const summary = out.sheets[0];
    const rTotal = rowOf(wb, summary, "総合効果");
    const values = wb.sheet(summary).toValues();
    expect(values[rTotal][1]).toBe(sum(impact.total.output));
    expect(values[rTotal][2]).toBe(sum(impact.total.valueAdded));
    expect(values[rTotal][3]).toBe(sum(impact.total.compensation));
    expect(values[rowOf(wb, summary, "直接効果")][1]).toBe(sum(impact.direct.output));
    expect(values[rowOf(wb, summary, "第2次間接波及効果")][1]).toBe(sum(impact.secondIndirect.output));
    const rMultiple = values.findIndex((row) => typeof row[0] === "string" && row[0].startsWith("波及倍率"));
    expect(values[rMultiple][1]).toBe(impact.multiple);
    const rBuild = rowOf(wb, summary, "建設");
    expect(values.slice(rBuild).find((row) => row[0] === "建設")).toBeDefined();

    // Charts: bar of totals and stacked stages on the summary, linkage scatter with 1.0 lines.
    const charts = wb.charts();
    const onSummary = charts.filter((c) => c.sheet === summary).map((c) => c.type);
    expect(onSummary).toEqual(["BarClustered", "ColumnStacked"]);
    const scatter = charts.find((c) => c.type.startsWith("XYScatter"))!;
    expect(scatter.series).toHaveLength(3);
    // each sector's point labelled with its name, right of the marker; the 1.0 lines unlabelled
    const names = Object.values(scatter.series[0].pointLabels ?? {});
    expect(names.map((l) => l.text)).toEqual(detected.table!.sectors.map((s) => s.label));
    expect(names.every((l) => l.shown === true && l.position === "Right")).toBe(true);
    expect(scatter.series[1].pointLabels).toBeUndefined();
    // The model is usable by name from the RIPPLE.* functions: registered as a builder (the run
    // computes in the compute worker), built on this thread when first asked for, and then it
    // gives the run's numbers to the last bit.
    expect(isModelBuilt("jp2011")).toBe(false);
    const registered = findRegisteredModel("JP2011")!.model;
    expect(isModelBuilt("jp2011")).toBe(true);
    expect(findRegisteredModel("jp2011")!.model).toBe(registered);
    expect(analyze(registered, shock.vector, { lang: "ja" })).toEqual(out.result);
    // …and Excel was asked to recalculate fully, so formulas naming it recompute.
    expect(wb.calculations).toEqual(["Full"]);
  });

  it("never overwrites: a second run gets new sheet names", async () => {
    const { detected, shock } = await prepared();
    const first = await runAnalysis({ detected, shock, options: {}, typeII: false, lang: "ja" });
    const snapshot = first.sheets.map((n) => wb.sheet(n).toValues());
    const second = await runAnalysis({ detected, shock, options: {}, typeII: false, lang: "en" });
    expect(second.sheets[0]).not.toBe(first.sheets[0]);
    expect(wb.calculations).toEqual([]); // no model registered, nothing to recalculate
    for (const name of second.sheets) expect(first.sheets).not.toContain(name);
    expect(new Set(wb.sheetNames()).size).toBe(2 + first.sheets.length + second.sheets.length);
    // The first run's cells are as it left them.
    expect(first.sheets.map((n) => wb.sheet(n).toValues())).toEqual(snapshot);
    expect(wb.sheet(TABLE_SHEET).toValues()).toEqual(original);
  });

  it("adds the closed-model (Type II) sheet after the summary when asked", async () => {
    const { detected, shock } = await prepared();
    const out = await runAnalysis({ detected, shock, options: { consumptionRate: 0.7 }, typeII: true, lang: "ja" });
    expect(out.sheets[1]).toBe("閉鎖型モデル Type II");
    const v = wb.sheet(out.sheets[1]).toValues();
    const rTotal = v.findIndex((row) => row[0] === "総合効果");
    // The closed model includes every induced round, so it exceeds the three-stage total.
    expect(v[rTotal][1] as number).toBeGreaterThan(sum(out.result.impact!.total.output));
    // The method sheet says the closed model gives that sheet's figures only.
    const methods = wb.sheet(out.sheets.find((n) => n.startsWith("方法・出典"))!).toValues();
    const row = methods.find((r) => r[0] === "閉鎖型モデル Type II")!;
    expect(String(row[1])).toContain("このシートの数値だけ");
  });

  it("stops on cancel with nothing written", async () => {
    const { detected, shock } = await prepared();
    const ac = new AbortController();
    ac.abort();
    const before = wb.sheetNames();
    await expect(runAnalysis({ detected, shock, options: {}, typeII: false, lang: "ja" }, { signal: ac.signal })).rejects.toMatchObject({
      kind: "cancelled",
    });
    expect(wb.sheetNames()).toEqual(before);
  });

  it("stops when cancelled while the inverse is being computed, writing nothing", async () => {
    const { detected, shock } = await prepared();
    const ac = new AbortController();
    const before = wb.sheetNames();
    const stages: string[] = [];
    const run = runAnalysis(
      { detected, shock, options: {}, typeII: false, lang: "en" },
      {
        signal: ac.signal,
        onProgress: (p) => {
          stages.push(p.stage);
          if (p.stage === "build") ac.abort();
        },
      },
    );
    await expect(run).rejects.toBeInstanceOf(RippleError);
    await expect(run).rejects.toMatchObject({ kind: "cancelled" });
    expect(stages).not.toContain("write");
    expect(wb.sheetNames()).toEqual(before);
  });

  it("saves the confirmed mapping with the workbook and reuses it, and applies role edits", async () => {
    const { detected } = await prepared();
    const adj = detected.layout.cols.find((c) => c.name === "調整項")!;
    const edited = withRole(detected, "cols", adj, "ignore");
    expect(edited.mappingSource).toBe("edited");
    const after = edited.layout.cols.find((c) => c.name === "調整項")!;
    expect(after).toMatchObject({ role: "ignore", source: "mapping", address: adj.address });
    expect(edited.table!.finalDemand.some((v) => v.label.includes("調整項"))).toBe(false);

    await saveConfirmedMapping(edited, null);
    expect(wb.writesTo(TABLE_SHEET)).toEqual([]);
    const again = await loadTableFromSheet(TABLE_SHEET);
    expect(again.mappingSource).toBe("saved");
    expect(again.layout.cols.find((c) => c.name === "調整項")!.role).toBe("ignore");
    expect(again.layout.importTypeSource).toBe("detected");
  });

  it("names the sheet and cell of a bad shock, in both languages", async () => {
    const { detected } = await prepared();
    wb.sheet(SHOCK_SHEET).setCell(2, 0, { value: "宇宙産業" });
    const grid = await readShockGrid({ sheet: SHOCK_SHEET, address: "A1:B4" });
    let err: unknown;
    try {
      previewShock(detected.table!, grid);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RippleError);
    const e = err as RippleError;
    expect(e.format("ja")).toContain(`シート「${SHOCK_SHEET}」`);
    expect(e.format("ja")).toContain("A3");
    expect(e.format("en")).toContain("cell A3");
  });

  it("parses range addresses with and without quotes", () => {
    expect(parseRangeAddress("ショック!A1:B4")).toEqual({ sheet: "ショック", address: "A1:B4" });
    expect(parseRangeAddress("'My sheet'!$a$1:$b$9")).toEqual({ sheet: "My sheet", address: "A1:B9" });
    expect(parseRangeAddress("'It''s'!C3")).toEqual({ sheet: "It's", address: "C3" });
    expect(parseRangeAddress("A1:B4")).toBeNull();
    expect(parseRangeAddress("Sheet1!")).toBeNull();
  });
});
