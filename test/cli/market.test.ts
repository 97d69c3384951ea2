import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { RippleErrorList } from "../../src/engine/errors";
import { capexHeader, PROJECT_COLUMNS } from "../../src/engine/projects/schema";
import { parseCsv } from "../../src/engine/table";
import { chooseMagnetSector, runMarketCommand, type MarketArgs } from "../../src/cli/market";
import type { CellSpec, WorkbookSpec } from "../../src/report/spec";
import { readXlsx, writeXlsx } from "../../src/workbook/xlsx";
import { convertWithLibreOffice } from "../workbook/xlsx/libreoffice";
import { jaTableCsv, templateGrids } from "../engine/market/marketFixtures";
import { tempDir } from "./helpers";

/** A workbook like the sample: the IO table, the market template, a project and a converter sheet. */
async function inputWorkbook(dir: string, edit?: (spec: WorkbookSpec) => void): Promise<string> {
  const table = parseCsv(readFileSync(jaTableCsv, "utf8"), "t.csv");
  const { specs } = templateGrids("ja");
  const header = [...PROJECT_COLUMNS.map((c) => c.header.ja), capexHeader(2025).ja, capexHeader(2026).ja];
  const plan = (id: string, cap: number, start: number): CellSpec[] => [id, `${id}社`, id === "P-02", "ネオジム焼結磁石", 1 / 3, null, cap, start, 2, 0.8, 9000, "輸入代替", 0, "03 製造業", "磁石工場", "計画どおり", 5000, 10000];
  const spec: WorkbookSpec = {
    lang: "ja",
    sheets: [
      { key: "table", name: "取引基本表", blocks: [{ row: 0, col: 0, values: table.values as CellSpec[][] }] },
      ...specs,
      { key: "projects", name: "計画", blocks: [{ row: 0, col: 0, values: [header, plan("P-01", 3000, 2027), plan("P-02", 2000, 2028)] }] },
      {
        key: "conv",
        name: "転換表",
        blocks: [{ row: 0, col: 0, values: [["転換表", "部門", "比率", "出典"], ["磁石工場", "04 建設", 0.25, "defaults.csv"], ["磁石工場", "03 製造業", 0.7, "defaults.csv"], ["磁石工場", "12 サービス", 0.05, "defaults.csv"]] }],
      },
    ],
    provenance: { software: "test", version: "0", createdAt: "2026-04-01T00:00:00Z", inputs: [], parameters: [], variants: [], warnings: [] },
  };
  edit?.(spec);
  const path = join(dir, "input.xlsx");
  await writeXlsx(spec, path);
  return path;
}

function io(cwd: string) {
  let out = "";
  let err = "";
  const stderr = new PassThrough();
  stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
  return { io: { stdout: { write: (s: string) => (out += s) }, stderr, env: {}, cwd }, out: () => out, err: () => err };
}

const base = (over: Partial<MarketArgs>): MarketArgs => ({ input: "input.xlsx", market: "磁石パラメータ", lang: "ja", defaultOut: "ripple-market.xlsx", ...over });

describe("ripple analyze --market", () => {
  it("runs the sample-like workbook: KPI verdict, scenarios, IO effects, Monte Carlo; JSON on stdout", async () => {
    const dir = tempDir();
    await inputWorkbook(dir);
    const c = io(dir);
    const r = await runMarketCommand(base({ projects: "計画", draws: 10000, seed: "42", json: "-" }), c.io);
    const json = JSON.parse(c.out());
    expect(json.kpi).toMatchObject({ year: 2030, pass: true, capacity: 18500, supported: 5000 });
    expect(json.scenarios.map((s: { name: string }) => s.name)).toEqual(["base", "april2025", "severe"]);
    expect(json.magnetSector).toMatchObject({ index: 2, label: "製造業" });
    expect(json.magnetSector.reason).toContain("製造業");
    expect(json.monteCarlo.draws).toBe(10000);
    expect(json.monteCarlo.seed).toBe("42");
    expect(json.scenarios[2].cumulative.effects.total.valueAdded).toBeGreaterThan(0);
    expect(json.supportedPlans.map((p: { id: string }) => p.id)).toEqual(["P-01", "P-02"]);
    expect(r.workbook).toBeNull();
    expect(c.err()).toContain("取引基本表");
  });

  it("writes the results workbook (never over an existing file) that LibreOffice renders", async () => {
    const dir = tempDir();
    await inputWorkbook(dir);
    const c = io(dir);
    const r = await runMarketCommand(base({ projects: "計画", draws: 1000, seed: "1", out: "out.xlsx", lang: "en" }), c.io);
    expect(r.workbook).toBe(join(dir, "out.xlsx"));
    expect(c.out()).toMatch(/KPI 2030 domestic capacity\/demand = 108\.7% \(target 100\.0%\): PASS/);
    expect(c.out()).toMatch(/Monte Carlo 1,000 draws \(seed 1, [\d.]+ s\)/);
    const back = await readXlsx(r.workbook!);
    expect(back.sheets.map((s) => s.sheet)).toEqual([
      "KPI check",
      "Economic security",
      "Security parameters",
      "Demand by application",
      "Capacity vs demand",
      "Shares by scenario",
      "Scenario comparison",
      "Uncertainty (Monte Carlo)",
      "Sensitivity (tornado)",
      "Parameters & sources",
      "Method & notes (magnets)",
      "Audit (formulas)",
      "Method & sources",
    ]);
    const again = await runMarketCommand(base({ out: "out.xlsx" }), io(dir).io);
    expect(again.workbook).toBe(join(dir, "out-2.xlsx"));
    const pdf = await convertWithLibreOffice(r.workbook!, "pdf", { singlePageSheets: true });
    expect(existsSync(pdf)).toBe(true);
    expect(readFileSync(pdf).length).toBeGreaterThan(20_000);
  }, 120_000);

  it("--public with --projects: the public version beside the workbook, without the confidential plan (P-02)", async () => {
    const dir = tempDir();
    await inputWorkbook(dir);
    const c = io(dir);
    const r = await runMarketCommand(base({ projects: "計画", out: "out.xlsx", public: true }), c.io);
    expect(r.publicWorkbook).toBe(join(dir, "out-公開版.xlsx"));
    expect(c.out()).toContain(`公開版のブック: ${r.publicWorkbook}`);
    const full = await readXlsx(r.workbook!);
    const pub = await readXlsx(r.publicWorkbook!);
    const cells = (wb: typeof pub) => wb.sheets.flatMap((s) => s.values.flat());
    expect(cells(full)).toContain("P-02");
    expect(cells(pub)).not.toContain("P-02");
    expect(cells(pub).some((v) => typeof v === "string" && v.includes("P-02社"))).toBe(false);
    // P-02 alone is confidential: the KPI, which gives its capacity back, is suppressed.
    const kpi = pub.sheets[0];
    expect(kpi.values.find((row) => row[0] === "生産能力 / 需要")![1]).toBe("—");
    expect(pub.sheets.map((s) => s.sheet).at(-1)).toBe("方法・出典");
    const pdf = await convertWithLibreOffice(r.publicWorkbook!, "pdf", { singlePageSheets: true });
    expect(readFileSync(pdf).length).toBeGreaterThan(20_000);
    // Without --projects there is nothing confidential to leave out: refused.
    await expect(runMarketCommand(base({ out: "b.xlsx", public: true }), io(dir).io)).rejects.toThrow(/--public/);
  }, 120_000);

  it("bad sheets: every bad cell in one error naming the file, sheet and cell", async () => {
    const dir = tempDir();
    await inputWorkbook(dir, (spec) => {
      const params = spec.sheets.find((s) => s.key === "marketParams")!;
      const body = params.blocks[3];
      const growth = body.values.findIndex((r) => r[0] === "growth");
      body.values[growth][3] = "abc";
      body.values[growth + 1][7] = "beta";
      const scen = spec.sheets.find((s) => s.key === "marketScenarios")!;
      scen.blocks[3].values[2][2] = "Mars";
    });
    try {
      await runMarketCommand(base({}), io(dir).io);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RippleErrorList);
      const list = e as RippleErrorList;
      expect(list.problems.map((p) => `${p.where.file}|${p.where.sheet}|${p.where.cell}`)).toEqual([
        "input.xlsx|磁石パラメータ|D6",
        "input.xlsx|磁石パラメータ|H7",
        "input.xlsx|磁石シナリオ|C7",
      ]);
    }
  });

  it("the magnet sector: --magnet-sector, else 磁石/magnet, else 製造業 with the reason", async () => {
    const table = { sectors: [{ label: "01 農業", name: "農業", code: "01" }, { label: "02 製造業", name: "製造業", code: "02" }] } as never;
    expect(chooseMagnetSector(table, undefined).index).toBe(1);
    expect(chooseMagnetSector(table, undefined).reason.ja).toContain("製造業");
    expect(chooseMagnetSector(table, "01").index).toBe(0);
    const withMagnet = { sectors: [{ label: "a", name: "a", code: null }, { label: "NdFeB magnets", name: "NdFeB magnets", code: null }] } as never;
    expect(chooseMagnetSector(withMagnet, undefined).index).toBe(1);
    expect(() => chooseMagnetSector(table, "鉄鋼")).toThrow(/--magnet-sector/);
  });
});
