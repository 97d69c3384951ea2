// One promise across the three hosts: the same table and shock give the same impact totals in
// the task pane's summary sheet, in RIPPLE.IMPACT's total row and in `ripple analyze --json`,
// for induced output, gross value added and compensation, stage by stage — with the default
// consumption rate and with one the user typed.

import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { installFakeOffice, type FakeValue, type FakeWorkbook } from "../workbook/office/fakeExcel";
import { a1 } from "../../src/engine/grid";
import { parseCsv } from "../../src/engine/table";
import type { AnalysisResult } from "../../src/engine/model/result";
import { loadTableFromSheet, parseRangeAddress, previewShock, readShockGrid, runAnalysis } from "../../src/taskpane/runAnalysis";
import { rippleImpact } from "../../src/functions/functions";
import { clearModelCache } from "../../src/functions/modelCache";
import { clearRegistry } from "../../src/functions/registry";
import { runAnalyze } from "../../src/cli/analyze";

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
const STAGES = ["直接効果", "第1次間接波及効果", "第2次間接波及効果", "総合効果"] as const;
const STAGE_KEYS = ["direct", "firstIndirect", "secondIndirect", "total"] as const;
const MEASURES = ["output", "valueAdded", "compensation"] as const;

/** The table as Excel passes a range to a function: a rectangle, empty cells as "". */
function tableValues(): (string | number | boolean)[][] {
  const rows = parseCsv(readFileSync(CSV, "utf8"), "io.csv").values;
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
}
const TABLE = tableValues();
const TABLE_AT = `'${TABLE_SHEET}'!A1:${a1(TABLE.length - 1, TABLE[0].length - 1)}`;
const SHOCK_AT = `'${SHOCK_SHEET}'!A1:B${SHOCK.length}`;

class FakeCfError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

beforeAll(() => {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: FakeCfError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!" },
  };
});

let wb: FakeWorkbook;
beforeEach(() => {
  const cells = parseCsv(readFileSync(CSV, "utf8"), "io.csv").values;
  wb = installFakeOffice(globalThis, { [TABLE_SHEET]: cells, [SHOCK_SHEET]: SHOCK }, { displayLanguage: "ja-JP" });
  clearRegistry();
  clearModelCache();
});
afterEach(() => wb.uninstall());

/** The pane: read the table and the shock from the workbook, run, read 集計 back. */
async function paneTotals(consumptionRate?: number): Promise<number[][]> {
  const detected = await loadTableFromSheet(TABLE_SHEET);
  const shock = previewShock(detected.table!, await readShockGrid(parseRangeAddress(SHOCK_AT)!));
  const out = await runAnalysis({ detected, shock, options: consumptionRate === undefined ? {} : { consumptionRate }, typeII: false, lang: "ja" });
  const values = wb.sheet(out.sheets[0]).toValues();
  // The stage table's header names the measures; each stage row holds output, GVA, compensation.
  return STAGES.map((label) => values.find((r) => r[0] === label)!.slice(1, 1 + MEASURES.length) as number[]);
}

/** The worksheet function: one call per measure, the total row's four stages. */
function functionTotals(consumptionRate?: number): number[][] {
  const byMeasure = MEASURES.map((m) => {
    const opts = [[`measure=${m}${consumptionRate === undefined ? "" : `; consumption=${consumptionRate}`}`]];
    const out = rippleImpact(TABLE, SHOCK as (string | number)[][], opts, false, {
      parameterAddresses: [TABLE_AT, SHOCK_AT, "'計算'!A1"],
    } as CustomFunctions.Invocation);
    return out[out.length - 1] as number[];
  });
  return STAGES.map((_, s) => MEASURES.map((_, m) => byMeasure[m][s]));
}

/** The command line: ripple analyze --shock shock.csv --json - [--consumption-rate c]. */
async function cliTotals(consumptionRate?: number): Promise<number[][]> {
  const dir = mkdtempSync(path.join(tmpdir(), "ripple-same-"));
  const shockCsv = path.join(dir, "shock.csv");
  writeFileSync(shockCsv, SHOCK.map((r) => r.join(",")).join("\n") + "\n", "utf8");
  let out = "";
  const sink = { write: (s: string) => ((out += s), true) };
  await runAnalyze(
    { input: CSV, shock: shockCsv, json: "-", lang: "ja", consumptionRate, defaultOut: path.join(dir, "unused.xlsx") },
    { stdout: sink, stderr: sink as unknown as NodeJS.WritableStream, env: {}, cwd: dir },
  );
  const impact = (JSON.parse(out) as AnalysisResult).impact!;
  const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
  return STAGE_KEYS.map((k) => MEASURES.map((m) => sum(impact[k][m])));
}

describe("the same numbers in the pane, the functions and the command line", () => {
  for (const rate of [undefined, 0.6]) {
    it(`impact totals by stage and measure agree (consumption rate ${rate ?? "default 0.734"})`, async () => {
      const pane = await paneTotals(rate);
      const fn = functionTotals(rate);
      const cli = await cliTotals(rate);
      // Not trivially equal: the totals are positive and the stages add up.
      expect(cli[3][0]).toBeGreaterThan(170000);
      expect(cli[3][0]).toBeCloseTo(cli[0][0] + cli[1][0] + cli[2][0], 6);
      for (let s = 0; s < STAGES.length; s++)
        for (let m = 0; m < MEASURES.length; m++) {
          const where = `${STAGES[s]} ${MEASURES[m]}`;
          // Same engine, same order of summation: equal to the last bit, not just close.
          expect(pane[s][m], `pane ${where}`).toBe(cli[s][m]);
          expect(fn[s][m], `RIPPLE.IMPACT ${where}`).toBe(cli[s][m]);
        }
    });
  }

  it("the rate typed above matters: it changes the second stage only, so agreeing on it is a real check", async () => {
    const [a, b] = [await cliTotals(), await cliTotals(0.6)];
    expect(b[2][0]).toBeLessThan(a[2][0]);
    expect(b[0][0]).toBe(a[0][0]);
  });
});
