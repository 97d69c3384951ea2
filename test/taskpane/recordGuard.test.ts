// The run record of a plans run on a large table: the record holds the input grids (so `ripple
// compare` can recompute the run), and with a table of a few hundred sectors at full precision it is over 5 MB — more than
// Excel on the web accepts in one request. The fake host enforces that limit as Excel does; the
// write used to fail on it and roll every results sheet back. Now the results are written, the
// record is left out, and the pane says so (ja/en) and why compare will not work on this workbook.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { installFakeOffice, type FakeValue, type FakeWorkbook } from "../workbook/office/fakeExcel";
import { loadTableFromSheet } from "../../src/taskpane/runAnalysis";
import { insertProjectTemplate, runProjects } from "../../src/taskpane/projectsFlow";
import { insertMarketTemplate, runMarket } from "../../src/taskpane/marketFlow";
import { sectorLabels } from "../../src/taskpane/sectors";
import { PLAN_A, PLAN_B, planCells } from "./flowsFixture";

const SHEET = "大きな表";
/** Sectors: with every value at full double precision (~19 characters) the table's grid alone is
 * about 6 MB of JSON at this size, so the record is too large while the run stays quick. */
const N = 560;

/** A balanced domestic-use table of N sectors whose values carry all their digits, as a table
 * computed elsewhere and pasted into Excel would. */
function fullPrecisionTable(): FakeValue[][] {
  const names = Array.from({ length: N }, (_, i) => `S${String(i + 1).padStart(4, "0")}`);
  const x = names.map((_, i) => 1000 + i + 1 / 3);
  let seed = 11;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const Z = names.map(() => names.map(() => 0));
  const colTot = new Array<number>(N).fill(0);
  for (let j = 0; j < N; j++)
    for (let i = 0; i < N; i++) {
      Z[i][j] = (rnd() * 0.5 * x[j]) / N;
      colTot[j] += Z[i][j];
    }
  const rows: FakeValue[][] = [["", ...names, "Households", "Total output"]];
  for (let i = 0; i < N; i++) rows.push([names[i], ...Z[i], x[i] - Z[i].reduce((a, b) => a + b, 0), x[i]]);
  rows.push(["Compensation of employees", ...x.map((xj, j) => (xj - colTot[j]) * 0.6), null, null]);
  rows.push(["Operating surplus", ...x.map((xj, j) => xj - colTot[j] - (xj - colTot[j]) * 0.6), null, null]);
  rows.push(["Total output", ...x, null, null]);
  return rows;
}
let wb: FakeWorkbook;
beforeEach(() => {
  wb = installFakeOffice(globalThis, { [SHEET]: fullPrecisionTable() }, { displayLanguage: "ja-JP" });
});
afterEach(() => wb.uninstall());

describe("a run record too large for Excel", () => {
  it("is left out with a message; every results sheet is written", async () => {
    const detected = await loadTableFromSheet(SHEET);
    const labels = sectorLabels(detected.table!);
    const t = await insertProjectTemplate({
      lang: "ja",
      sectors: labels,
      firstYear: 2025,
      lastYear: 2027,
      converterSectors: { construction: labels[0], machinery: labels[1], other: labels[2] },
      withParameters: true,
    });
    const plans = [PLAN_A, PLAN_B].map((p) => ({ ...p, cells: { ...p.cells, 産業部門: labels[N / 2] } }));
    for (const [r, c, value] of planCells(wb.sheet(t.projects).toValues(), plans)) wb.sheet(t.projects).setCell(r, c, value === null ? undefined : { value });
    const names = wb.sheetNames();
    const out = await runProjects({ detected, projectSheet: t.projects, converterSheet: t.converters, paramsSheet: t.parameters, splitSheet: null, modelOptions: {}, lang: "ja" });
    expect(out.sheets[0]).toBe("政策評価サマリー");
    expect(wb.sheetNames()).toEqual([...names, ...out.sheets]);
    expect(wb.syncs.every((s) => !s.failed)).toBe(true);
    expect(wb.customXml).toEqual([]);
    expect(out.recordSkipped).not.toBeNull();
    expect(out.recordSkipped!.ja).toMatch(/^比較用の実行記録（約 \d+\.\d MB）は Excel に一度に送れる大きさ（5 MB）を超えるため、このブックには保存しませんでした。結果のシートはすべて書き込んであります/);
    expect(out.recordSkipped!.en).toContain("not stored in this workbook");
    expect(out.evaluation.projects).toHaveLength(2);
  }, 300_000);

  it("is left out of a 需給モデル run with the same message, naming ripple analyze --market", async () => {
    const detected = await loadTableFromSheet(SHEET);
    const t = await insertMarketTemplate("en");
    const names = wb.sheetNames();
    const out = await runMarket({
      detected,
      paramsSheet: t.params,
      scenarioSheet: t.scenarios,
      scenario: null,
      draws: 0,
      seed: "1",
      magnetSector: N / 2,
      modelOptions: {},
      lang: "en",
    });
    expect(wb.sheetNames()).toEqual([...names, ...out.sheets]);
    expect(wb.syncs.every((s) => !s.failed)).toBe(true);
    expect(wb.customXml).toEqual([]);
    expect(out.recordSkipped).not.toBeNull();
    expect(out.recordSkipped!.en).toMatch(/^The run record for comparisons \(about \d+\.\d MB\) is larger than Excel accepts at once \(5 MB\), so it was not stored in this workbook\. Every results sheet was written\./);
    expect(out.recordSkipped!.ja).toContain("ripple analyze --market");
  }, 300_000);
});
