import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { parseDisruptionSpecText } from "../../src/engine/disruption/spec";
import { analyzeDisruption } from "../../src/engine/disruption/analyze";
import { RippleError } from "../../src/engine/errors";
import { IOModel } from "../../src/engine/model";
import { buildTable, recognizeLayout } from "../../src/engine/table";
import { DISRUPTION_OUT, disruptionOption, runDisruption, type DisruptionArgs } from "../../src/cli/disruption";
import type { CliIO } from "../../src/cli/io";
import { reportError } from "../../src/cli/main";
import { readXlsx } from "../../src/workbook/xlsx";
import { examplePath, samplePath } from "../report/disruptionFixture";
import { tempDir } from "./helpers";

function capture(cwd: string): { io: CliIO; out: () => string; err: () => string } {
  let out = "";
  let err = "";
  const stderr = new PassThrough();
  stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
  return { io: { stdout: { write: (s: string) => (out += s) }, stderr, env: {}, cwd }, out: () => out, err: () => err };
}

async function engineResult() {
  const wb = await readXlsx(samplePath);
  const g = wb.sheets.find((s) => s.sheet === "取引基本表")!;
  const model = IOModel.build(buildTable(g, recognizeLayout(g, {})));
  return analyzeDisruption(model, parseDisruptionSpecText(readFileSync(examplePath, "utf8")));
}

describe("ripple analyze SAMPLE --disruption magnet-cut.json", () => {
  it("writes the results workbook; read back, its loss table is the engine's", async () => {
    const dir = tempDir();
    const c = capture(dir);
    const run = await runDisruption({ input: samplePath, spec: examplePath, out: "magnets.xlsx", lang: "ja" }, c.io);
    expect(run.workbook).toBe(join(dir, "magnets.xlsx"));
    const expected = await engineResult();
    expect(run.result.dynamic.totalLoss).toBe(expected.dynamic.totalLoss);

    const wb = await readXlsx(run.workbook!);
    expect(wb.sheets.map((s) => s.sheet)).toEqual([
      "途絶・集計",
      "途絶・損失額",
      "途絶・不稼働率の推移",
      "途絶・価格上昇",
      "途絶・仮想的抽出",
      "途絶・供給側（ゴッシュ）",
      "途絶・方法と出典",
      "検算（数式）",
      "方法・出典",
    ]);
    const lossSheet = wb.sheets[1];
    const at = (r: number, col: number) => lossSheet.values[r - lossSheet.origin.row]?.[col - lossSheet.origin.col];
    const header = lossSheet.values.findIndex((row) => row.includes("部門")) + lossSheet.origin.row;
    const n = expected.sectors.length;
    const loss = expected.dynamic.loss!;
    const order = loss.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v);
    for (let r = 0; r < n; r++) {
      expect(at(header + 1 + r, 1)).toBe(expected.sectors[order[r].i]);
      expect(at(header + 1 + r, 2)).toBeCloseTo(order[r].v, 9);
    }
    expect(at(header + 1 + n, 2)).toBeCloseTo(expected.dynamic.totalLoss!, 9);
    expect(expected.sectors[order[0].i]).toBe("製造業");

    const summary = wb.sheets[0].values.flat().filter((v) => typeof v === "string").join("\n");
    expect(summary).toContain("中国からの磁石輸入 90% 減");
    expect(c.out()).toContain("経済損失（動学 IIM、24 期）: 21,");
    expect(c.out()).toContain(`結果のブック: ${run.workbook}`);
    // Only the note of which sheet holds the table (the sample has several sheets).
    expect(c.err()).toBe("ripple: シート「取引基本表」の産業連関表を使います。別のシートは --sheet で指定できます。\n");

    // Never overwrites: a second run goes next to the first.
    const again = await runDisruption({ input: samplePath, spec: examplePath, out: "magnets.xlsx", lang: "en" }, capture(dir).io);
    expect(again.workbook).toBe(join(dir, "magnets-2.xlsx"));
  });

  it("writes the workbook's charts as native charts", async () => {
    const dir = tempDir();
    const run = await runDisruption({ input: samplePath, spec: examplePath, lang: "en" }, capture(dir).io);
    expect(run.workbook).toBe(join(dir, DISRUPTION_OUT));
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(readFileSync(run.workbook!));
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts.length).toBe(5);
    const xml = await Promise.all(charts.map((f) => zip.file(f)!.async("string")));
    expect(xml.some((x) => x.includes("<c:lineChart>"))).toBe(true);
    expect(xml.some((x) => x.includes("'Loss by sector'!$C$"))).toBe(true);
  });

  it("prints only the JSON on stdout with --json -, with the stable field names", async () => {
    const dir = tempDir();
    const c = capture(dir);
    const run = await runDisruption({ input: samplePath, spec: examplePath, json: "-", lang: "en" }, c.io);
    expect(run.workbook).toBeNull();
    const j = JSON.parse(c.out());
    expect(Object.keys(j)).toEqual([
      "kind", "sectors", "unit", "importType", "disruptedSector", "disruptedIndex", "period", "cut", "resilience",
      "perturbation", "inoperability", "loss", "peak", "static", "prices", "extraction", "ghosh", "warnings",
    ]);
    const expected = await engineResult();
    expect(j.loss.total).toBe(expected.dynamic.totalLoss);
    expect(j.loss.bySector).toEqual(expected.dynamic.loss);
    expect(j.inoperability.length).toBe(25);
    expect(j.cut).toMatchObject({ importCut: 0.9, months: 3, annualImports: 45000, importsSource: "spec" });
    expect(j.prices.delta).toEqual(expected.prices!.result.delta);
    expect(j.ghosh.label).toBe("supply-side (Ghosh)");
    expect(j.warnings).toEqual([]);
  });

  it("fails on a bad spec with one line naming the file and the JSON path, before reading the table", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ sector: "03 製造業", importCut: 1.5, months: 3, recoveryMonths: { default: 12 } }));
    const c = capture(dir);
    const args: DisruptionArgs = { input: "missing.xlsx", spec: "bad.json", lang: "ja" };
    const e = await runDisruption(args, c.io).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(RippleError);
    expect(reportError(e, "ja", c.io)).toBe(2);
    await new Promise((r) => setImmediate(r));
    expect(c.err()).toMatch(/^ripple: bad.json: 途絶の設定 \$.importCut: 1.5 は0 より大きく 1 以下の数にしてください/);
    const unknown = await runDisruption({ ...args, spec: "nope.json" }, c.io).catch((x: RippleError) => x);
    expect((unknown as RippleError).format("en")).toBe("nope.json: File not found. Check the path.");
  });

  it("names the sector the table lacks, and the input file the user typed", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "s.json"), JSON.stringify({ sector: "磁石", importCut: 0.9, months: 3, recoveryMonths: { default: 12 } }));
    const e = (await runDisruption({ input: samplePath, spec: "s.json", lang: "en" }, capture(dir).io).catch((x) => x)) as RippleError;
    expect(e.format("en")).toMatch(/^s.json: disruption spec \$.sector: sector '磁石' is not in the table/);
    writeFileSync(join(dir, "ok.json"), readFileSync(examplePath));
    const missing = (await runDisruption({ input: "none.xlsx", spec: "ok.json", lang: "en" }, capture(dir).io).catch((x) => x)) as RippleError;
    expect(missing.where.file).toBe("none.xlsx");
    const sheet = (await runDisruption({ input: samplePath, spec: "ok.json", sheet: "表", lang: "en" }, capture(dir).io).catch((x) => x)) as RippleError;
    expect(sheet.format("en")).toContain("there is no sheet '表'");
  });

  it("the --disruption option refuses a demand shock next to it (commander usage error)", async () => {
    let ran = 0;
    const program = () => {
      const p = new Command("ripple").exitOverride().configureOutput({ writeErr: () => undefined });
      p.command("analyze")
        .argument("<input>")
        .option("--shock <f>")
        .addOption(disruptionOption())
        .action(() => {
          ran++;
        });
      return p;
    };
    await expect((async () => program().parseAsync(["analyze", "x.xlsx", "--shock", "s.csv", "--disruption", "d.json"], { from: "user" }))()).rejects.toThrow(/cannot be used with/);
    expect(ran).toBe(0);
    await program().parseAsync(["analyze", "x.xlsx", "--disruption", "d.json"], { from: "user" });
    expect(ran).toBe(1);
  });
});
