import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main";
import type { AnalysisResult } from "../../src/engine/model/result";
import { readXlsx } from "../../src/workbook/xlsx";
import { beutelCsv, enCsv, jaCsv, run, shared, spicosaCsv, syntheticTableCsv, tempDir } from "./helpers";

const JSON_KEYS = [
  "sectors",
  "importType",
  "A",
  "L",
  "importCoefficients",
  "multipliers",
  "effects",
  "linkages",
  "impact",
  "warnings",
];
const STAGE_KEYS = ["output", "valueAdded", "compensation", "employment"];

const colSums = (M: number[][]) => M[0].map((_, j) => M.reduce((s, r) => s + r[j], 0));
const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);

function expectClose(actual: (number | null)[], expected: number[], tol: number) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => expect(Math.abs((a as number) - expected[i])).toBeLessThanOrEqual(tol));
}

async function jsonOf(args: string[]): Promise<AnalysisResult> {
  const r = await run([...args, "--json", "-"]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as AnalysisResult;
}

describe("ripple --help / usage", () => {
  it("lists the commands and exits 0", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("demo");
    expect(r.out).toContain("analyze");
  });

  it("an unknown option is one line and status 2", async () => {
    const r = await run(["analyze", jaCsv, "--no-such-option"]);
    expect(r.code).toBe(2);
    expect(r.errLines).toHaveLength(1);
    expect(r.errLines[0]).toMatch(/^ripple: .*--no-such-option/);
  });

  it("--projects on a CSV names the missing sheet; --converters alone is refused", async () => {
    const r = await run(["analyze", jaCsv, "--projects", "事業計画", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.errLines).toEqual([expect.stringMatching(/^ripple: .*no sheet '事業計画'.*--projects/)]);
    const alone = await run(["analyze", jaCsv, "--converters", "x", "--lang", "en"]);
    expect(alone.code).toBe(2);
    expect(alone.errLines).toEqual(["ripple: --converters goes with --projects."]);
  });
});

describe("ripple analyze on the 2011 MIC table", () => {
  it("--json - prints only the JSON, with the field names of CLI.md", async () => {
    const r = await run(["analyze", jaCsv, "--json", "-"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const j = JSON.parse(r.out);
    expect(Object.keys(j).sort()).toEqual([...JSON_KEYS].sort());
    expect(Object.keys(j.multipliers).sort()).toEqual(["compensation", "employment", "output", "valueAdded"]);
    expect(Object.keys(j.effects).sort()).toEqual(["compensation", "employment", "valueAdded"]);
    expect(Object.keys(j.linkages).sort()).toEqual(["backward", "forward"]);
    expect(j.sectors).toHaveLength(13);
    expect(j.sectors[2]).toContain("製造業");
    expect(j.importType).toBe("competitive");
    expect(j.importCoefficients).toHaveLength(13);
    expect(j.impact).toBeNull();
    expect(j.effects.employment).toBeNull();
    // output multipliers are the column sums of L; linkage indices average to 1
    expectClose(j.multipliers.output, colSums(j.L), 1e-12);
    expect(Math.abs(sum(j.linkages.backward) / 13 - 1)).toBeLessThan(1e-12);
  });

  it("full precision: the JSON numbers are the engine's doubles", async () => {
    const j = await jsonOf(["analyze", jaCsv]);
    const a = j.A[2][2];
    // 製造業→製造業 128,796,467 / 289,904,506
    expect(a).toBe(128796467 / 289904506);
  });

  it("the English table gives the same numbers", async () => {
    const ja = await jsonOf(["analyze", jaCsv]);
    const en = await jsonOf(["analyze", enCsv]);
    expect(en.sectors[2]).toContain("Manufacturing");
    expect(en.L).toEqual(ja.L);
    expect(en.importCoefficients).toEqual(ja.importCoefficients);
  });

  it("--shock CSV: three stages that add up, JSON file and workbook written", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "shock.csv"), "部門,最終需要増加額\n04 建設,1000\n03 製造業,2000\n");
    const r = await run(
      ["analyze", jaCsv, "--shock", "shock.csv", "--json", "out.json", "--out", "res.xlsx", "--lang", "ja"],
      { cwd: dir },
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("総合効果");
    expect(r.out).toContain(join(dir, "res.xlsx"));
    const j = JSON.parse(readFileSync(join(dir, "out.json"), "utf8")) as AnalysisResult;
    const imp = j.impact!;
    expect(Object.keys(imp).sort()).toEqual(["direct", "firstIndirect", "multiple", "secondIndirect", "total"]);
    for (const s of ["direct", "firstIndirect", "secondIndirect", "total"] as const)
      expect(Object.keys(imp[s]).sort()).toEqual([...STAGE_KEYS].sort());
    // construction is not imported (m = 0): its direct effect is the whole 1000
    expect(imp.direct.output[3]).toBeCloseTo(1000, 9);
    // manufacturing: 2000 × (1 − m)
    expect(imp.direct.output[2]).toBeCloseTo(2000 * (1 - j.importCoefficients![2]), 6);
    imp.total.output.forEach((t, i) =>
      expect(t).toBeCloseTo(imp.direct.output[i] + imp.firstIndirect.output[i] + imp.secondIndirect.output[i], 6),
    );
    expect(imp.multiple).toBeCloseTo(sum(imp.total.output) / sum(imp.direct.output), 12);
    expect(imp.multiple).toBeGreaterThan(1);
    const wb = await readXlsx(join(dir, "res.xlsx"));
    expect(wb.sheets.map((s) => s.sheet)).toEqual(["集計", "投入係数 A", "輸入係数 m", "逆行列係数 L", "乗数・影響力", "検算（数式）", "方法・出典"]);
  });

  it("--consumption-rate scales the second indirect effect and is recorded as entered by the user", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "shock.csv"), "建設,1000\n");
    const base = await run(["analyze", jaCsv, "--shock", "shock.csv", "--json", "-"], { cwd: dir });
    const user = await run(
      ["analyze", jaCsv, "--shock", "shock.csv", "--consumption-rate", "0.5", "--json", "-", "--out", "c.xlsx", "--lang", "ja"],
      { cwd: dir },
    );
    expect(user.code).toBe(0);
    const b = (JSON.parse(base.out) as AnalysisResult).impact!;
    const u = (JSON.parse(user.out) as AnalysisResult).impact!;
    expect(u.firstIndirect.output).toEqual(b.firstIndirect.output);
    expect(sum(u.secondIndirect.output) / sum(b.secondIndirect.output)).toBeCloseTo(0.5 / 0.734, 12);
    const methods = (await readXlsx(join(dir, "c.xlsx"))).sheets.find((s) => s.sheet === "方法・出典")!.values;
    const row = methods.find((r) => r[0] === "消費転換係数")!;
    expect(row.slice(1, 3)).toEqual([0.5, "利用者が入力"]);
    const bad = await run(["analyze", jaCsv, "--consumption-rate", "1.5"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.errLines).toHaveLength(1);
  });

  it("--type-ii adds the closed-model sheet after the summary; without it there is none", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "shock.csv"), "建設,1000\n");
    const r = await run(["analyze", jaCsv, "--shock", "shock.csv", "--type-ii", "--out", "t.xlsx", "--lang", "ja"], { cwd: dir });
    expect(r.code).toBe(0);
    const wb = await readXlsx(join(dir, "t.xlsx"));
    expect(wb.sheets.map((s) => s.sheet).slice(0, 2)).toEqual(["集計", "閉鎖型モデル Type II"]);
    const plain = await run(["analyze", jaCsv, "--shock", "shock.csv", "--out", "p.xlsx"], { cwd: dir });
    expect(plain.code).toBe(0);
    expect((await readXlsx(join(dir, "p.xlsx"))).sheets.map((s) => s.sheet)).not.toContain("閉鎖型モデル Type II");
  });

  it("--drop-zero-output (or \"dropZeroOutput\": true in the map file) drops zero-output sectors with a warning", async () => {
    const belgium = join(__dirname, "../fixtures/tables/oecd-iot-belgium-2020/BEL2020ttl.csv");
    const stop = await run(["analyze", belgium, "--json", "-", "--lang", "en"]);
    expect(stop.code).toBe(2);
    expect(stop.errLines).toEqual([expect.stringMatching(/TTL_05.*--drop-zero-output/)]);
    // OECD's published VALU + TTL_INT_FNL miss OUTPUT in some columns (SOURCE.md): the table does
    // not add up, so it runs only when the user allows it.
    const refused = await run(["analyze", belgium, "--drop-zero-output", "--json", "-", "--lang", "en"]);
    expect(refused.code).toBe(2);
    expect(refused.out).toBe("");
    expect(refused.errLines).toEqual([expect.stringMatching(/does not add up.*TTL_17T18 \(M56\).*--allow-imbalance/)]);
    const flag = await jsonOf(["analyze", belgium, "--drop-zero-output", "--allow-imbalance"]);
    expect(flag.sectors).toHaveLength(47);
    expect(flag.warnings.some((w) => /does not add up/.test(w))).toBe(true);
    expect(flag.warnings.some((w) => /dropped/.test(w) && w.includes("TTL_05"))).toBe(true);
    const dir = tempDir();
    writeFileSync(join(dir, "map.json"), JSON.stringify({ dropZeroOutput: true }));
    const viaMap = await run(["analyze", belgium, "--map", "map.json", "--allow-imbalance", "--json", "-"], { cwd: dir });
    expect(viaMap.code).toBe(0);
    expect((JSON.parse(viaMap.out) as AnalysisResult).L).toEqual(flag.L);
  });

  it("an existing workbook is never overwritten", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "res.xlsx"), "keep me");
    const r = await run(["analyze", jaCsv, "--out", "res.xlsx", "--lang", "en"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "res.xlsx"), "utf8")).toBe("keep me");
    expect(existsSync(join(dir, "res-2.xlsx"))).toBe(true);
    expect(r.err).toContain("res-2.xlsx");
  });
});

describe("ripple analyze on the oracle SIOTs (domestic-use tables)", () => {
  const beutel = JSON.parse(readFileSync(join(shared, "oracles/eurostat-beutel-germany-1995/expected.json"), "utf8"));
  const spicosa = JSON.parse(readFileSync(join(shared, "oracles/spicosa-netherlands-2000/expected.json"), "utf8"));

  it("Beutel Germany 1995 is refused as printed: its output row and column differ by 46 (SOURCE.md)", async () => {
    const r = await run(["analyze", beutelCsv, "--json", "-", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.errLines).toEqual([expect.stringMatching(/industry_group \(Q3\): 1079446 vs 1079400 \(gap 46.*industry_group \(G17\).*--allow-imbalance/)]);
  });

  it("Beutel Germany 1995 without a mapping (--allow-imbalance): published output multipliers", async () => {
    const j = await jsonOf(["analyze", beutelCsv, "--allow-imbalance"]);
    expect(j.warnings.some((w) => /does not add up/.test(w) && w.includes("46"))).toBe(true);
    expect(j.importType).toBe("domestic");
    expect(j.importCoefficients).toBeNull();
    expectClose(j.multipliers.output, beutel.published.output_multipliers.values, 1e-3);
    expectClose(j.effects.valueAdded, beutel.published.gva_multipliers.values, 1e-3);
  });

  it("Beutel with a mapping file: employment from the EMP row, published employment effects", async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "map.json"),
      JSON.stringify({
        rows: {
          "EMP-WS": "ignore",
          "EMP-FTE": "ignore",
          EMP: "employment",
          P2: "ignore",
          TOTAL: "subtotal",
          D1: "va:compensation",
          B1G: "subtotal",
          P1: "output",
        },
        cols: { total_output_row: "output" },
      }),
    );
    const r = await run(["analyze", beutelCsv, "--map", "map.json", "--allow-imbalance", "--json", "-"], { cwd: dir });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as AnalysisResult;
    expectClose(j.multipliers.output, beutel.published.output_multipliers.values, 1e-3);
    expect(j.effects.employment).not.toBeNull();
    expectClose(j.effects.employment!, beutel.published.employment_multipliers.values, 1e-3);
    expect(j.effects.compensation[0]).toBeCloseTo(beutel.published.compensation_cumulative_effect_agriculture.value, 3);
  });

  it("Spicosa Netherlands 2000, with and without a mapping: published Type I income multipliers", async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "map.json"),
      JSON.stringify({ cols: { final_consumption_households: "ignore" }, rows: { total_use_pp: "ignore" } }),
    );
    for (const args of [[], ["--map", "map.json"]]) {
      const r = await run(["analyze", spicosaCsv, ...args, "--json", "-"], { cwd: dir });
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out) as AnalysisResult;
      expectClose(j.effects.compensation, spicosa.published.income_effects_type_I.values, 5e-4);
      expectClose(j.multipliers.compensation, spicosa.published.income_multipliers_type_I.values, 5e-4);
    }
  });
});

describe("progress bar", () => {
  it("on a terminal for a 250-sector table, and never with --json -", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "big.csv"), syntheticTableCsv(250));
    const r = await run(["analyze", "big.csv", "--json", "big.json", "--lang", "en"], { cwd: dir, tty: true });
    expect(r.code).toBe(0);
    expect(r.err).toContain("factorising 250/250");
    const quiet = await run(["analyze", "big.csv", "--json", "-"], { cwd: dir, tty: true });
    expect(quiet.code).toBe(0);
    expect(quiet.err).toBe("");
    expect((JSON.parse(quiet.out) as AnalysisResult).sectors).toHaveLength(250);
    const small = await run(["analyze", jaCsv, "--json", "s.json"], { cwd: dir, tty: true });
    expect(small.err).toBe("");
  });
});

describe("bad input: one line naming the file, non-zero status", () => {
  it("missing file", async () => {
    const r = await run(["analyze", "no-such-table.csv", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.errLines).toHaveLength(1);
    expect(r.errLines[0]).toMatch(/^ripple: .*no-such-table\.csv.*not found/i);
  });

  it("unknown sector in the shock", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "shock.csv"), "部門,金額\n99 宇宙産業,100\n");
    const r = await run(["analyze", jaCsv, "--shock", "shock.csv", "--json", "-", "--lang", "ja"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.errLines).toHaveLength(1);
    expect(r.errLines[0]).toMatch(/^ripple: shock\.csv.*宇宙産業/);
  });

  it("text in a numeric cell names the cell", async () => {
    const dir = tempDir();
    const lines = readFileSync(jaCsv, "utf8").split("\n");
    // row 6 of the sheet is 03 製造業; column E is the 03 製造業 column
    expect(lines[5].startsWith("03,製造業,2644966,67499,128796467,")).toBe(true);
    lines[5] = lines[5].replace("2644966,67499,128796467,", "2644966,67499,abc,");
    writeFileSync(join(dir, "bad.csv"), lines.join("\n"));
    for (const lang of ["en", "ja"]) {
      const r = await run(["analyze", "bad.csv", "--lang", lang], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.errLines).toHaveLength(1);
      expect(r.errLines[0]).toMatch(/^ripple: bad\.csv/);
      expect(r.errLines[0]).toContain("E6");
    }
  });

  it("a sheet that is not there lists the sheets", async () => {
    const r = await run(["analyze", jaCsv, "--sheet", "nope", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.errLines).toHaveLength(1);
    expect(r.errLines[0]).toContain("nope");
  });
});

describe("ripple demo", () => {
  it("writes the results workbook of the bundled sample, and never overwrites it", async () => {
    const dir = tempDir();
    const r = await run(["demo", "--lang", "ja"], { cwd: dir });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const out = join(dir, "ripple-demo-results.xlsx");
    expect(r.out).toContain(out);
    expect(r.out).toContain("波及倍率");
    const wb = await readXlsx(out);
    expect(wb.sheets.map((s) => s.sheet)).toEqual([
      "政策評価サマリー",
      "経済安全保障効果",
      "経済安全保障パラメータ",
      "年度別",
      "計画別",
      "KPI",
      "部門別",
      "投入係数 A",
      "輸入係数 m",
      "逆行列係数 L",
      "乗数・影響力",
      "CGE結果",
      "CGE結果 2",
      "CGE結果 3",
      "CGE結果 4",
      "CGEシナリオ",
      "SAM",
      "検算（数式）",
      "方法・出典",
    ]);
    const summary = wb.sheets[0].values.flat();
    expect(summary).toContain("直接効果");
    expect(summary).toContain("補助金1円当たり粗付加価値誘発額（参考）");
    // gross induced value added is not a benefit: never labelled B/C
    expect(summary).not.toContain("B/C（費用便益比）");
    expect(summary).toContain("未達");
    expect(r.out).toContain("補助金1円当たり粗付加価値誘発額（参考）");
    const methods = wb.sheets.find((s) => s.sheet === "方法・出典")!.values.flat().filter((v): v is string => typeof v === "string");
    expect(methods.some((v) => /^sha256:[0-9a-f]{64}$/.test(v))).toBe(true);
    expect(methods.some((v) => v.includes("家計調査"))).toBe(true);
    expect(methods.some((v) => v.includes("ネオジム磁石"))).toBe(true);

    const again = await run(["demo", "--lang", "en"], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.err).toContain("ripple-demo-results-2.xlsx");
    const en = await readXlsx(join(dir, "ripple-demo-results-2.xlsx"));
    expect(en.sheets[0].sheet).toBe("Policy summary");
  });

  it("goes through process.stdout when called as the bin does", async () => {
    const dir = tempDir();
    const chunks: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => {
      chunks.push(String(s));
      return true;
    });
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      const code = await main(["demo", "--json", "-"]);
      expect(code).toBe(0);
    } finally {
      process.chdir(cwd);
      spy.mockRestore();
    }
    const j = JSON.parse(chunks.join("")) as AnalysisResult;
    expect(j.impact).not.toBeNull();
    expect(sum(j.impact!.direct.output)).toBeGreaterThan(0);
    // --json without --out writes no workbook
    expect(existsSync(join(dir, "ripple-demo-results.xlsx"))).toBe(false);
  });
});
