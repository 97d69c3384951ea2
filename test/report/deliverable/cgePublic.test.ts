// The CGE sheets in the public version (issue 13/14): the SAM and the scenarios built from public
// inputs (export-control premium, import quota) are published; a scenario built from the plans
// (production subsidy, productivity) only when the disclosure control publishes the plans'
// figure it uses — with the demo's confidential plans both are withheld and the method sheet
// says so; with no confidential plan all four are published. The public CGE sheets equal the
// full version's, and carry no withheld figure.
import { describe, expect, it } from "vitest";
import { projectsJobOnFile } from "../../../src/cli/projects";
import type { CliIO } from "../../../src/cli/io";
import { MAGNET_SCENARIOS } from "../../../src/engine/cge";
import type { SheetSpec, WorkbookSpec } from "../../../src/report/spec";
import { readGridFile } from "../../../src/workbook/xlsx";
import { SAMPLE } from "./fixture";

const io = { cwd: process.cwd() } as unknown as CliIO;
const T = MAGNET_SCENARIOS;

/** The demo's books; `confidential` (when given) says which plans (by ID) are confidential;
 * `scale` multiplies every confidential plan's capacity and capex (columns G, Q–S) by it. */
async function books(confidential: ((id: string) => boolean) | null, scale = 1) {
  const file = await readGridFile(SAMPLE);
  const plans = file.sheets.find((s) => s.sheet === "事業計画")!;
  plans.values.forEach((row, r) => {
    if (r <= 3 || typeof row[0] !== "string" || !/^P-\d+/.test(row[0])) return;
    if (confidential !== null) row[2] = confidential(row[0]);
    if (row[2] === true && scale !== 1) for (const c of [6, 16, 17, 18]) if (typeof row[c] === "number") row[c] = (row[c] as number) * scale;
  });
  const job = await projectsJobOnFile(file, { input: SAMPLE, projects: "事業計画", lang: "ja", security: true, cge: true, public: true }, io);
  return { job, ...job.workbooks() };
}

const names = (spec: WorkbookSpec) => spec.sheets.map((s) => s.name);
const texts = (s: SheetSpec) => s.blocks.flatMap((b) => b.values.flat()).filter((v): v is string => typeof v === "string");
const numbers = (s: SheetSpec) => s.blocks.flatMap((b) => b.values.flat()).filter((v): v is number => typeof v === "number");
const sheet = (spec: WorkbookSpec, name: string) => spec.sheets.find((s) => s.name === name)!;
/** The public version's CGE sheets and SAM, as written. */
const publicCge = (spec: WorkbookSpec) => spec.sheets.filter((s) => /^CGE|^SAM$/.test(s.name)).map((s) => ({ name: s.name, blocks: s.blocks }));

describe("CGE sheets in the public version", () => {
  it("the demo's confidential plans: SAM, premium and quota published; subsidy and productivity withheld and named", async () => {
    const { job, full, public: pub } = await books(null);
    expect(names(full).filter((n) => n.startsWith("CGE"))).toEqual(["CGE結果", "CGE結果 2", "CGE結果 3", "CGE結果 4", "CGEシナリオ"]);
    expect(pub).not.toBeNull();
    const p = pub!;
    expect(names(p).filter((n) => /^CGE|^SAM$/.test(n))).toEqual(["CGE結果", "CGE結果 2", "CGEシナリオ", "SAM"]);
    // the published sheets are the full version's, cell for cell
    for (const n of ["CGE結果", "CGE結果 2", "SAM"]) expect(sheet(p, n).blocks).toEqual(sheet(full, n).blocks);
    expect(sheet(p, "CGE結果").blocks[1].values[0][1]).toBe(T.premium.title.ja);
    expect(sheet(p, "CGE結果 2").blocks[1].values[0][1]).toBe(T.quota.title.ja);
    const scen = texts(sheet(p, "CGEシナリオ"));
    expect(scen).toContain(T.premium.title.ja);
    expect(scen).toContain(T.quota.title.ja);
    expect(scen.join(" ")).not.toMatch(/補助金|追加生産額|事業計画/);
    // the method sheet states the rule and names both withheld scenarios with the figure they use
    const method = texts(p.sheets[p.sheets.length - 1]).join("\n");
    expect(method).toMatch(/公開版の CGE シート：/);
    expect(method).toContain(`公開版から除いたシナリオ：${T.subsidy.title.ja}`);
    expect(method).toContain(`公開版から除いたシナリオ：${T.productivity.title.ja}`);
    // consistent with the plans' sheets: the figures they use are "—" on 年度別, and appear in no CGE sheet
    const ev = job.result.evaluation;
    const used = job.cge!.builtins.flatMap((b) => (b.fromPlans ? [ev.byYear.find((y) => y.year === b.fromPlans!.year)![b.fromPlans.figure]] : []));
    expect(used).toHaveLength(2);
    const byYear = sheet(p, "年度別");
    for (const y of ["2026年度", "2030年度"]) expect(byYear.blocks.some((b) => b.values.some((r) => r[0] === y && r.includes("—")))).toBe(true);
    const cgeSheets = p.sheets.filter((s) => /^CGE|^SAM$/.test(s.name));
    for (const x of used) {
      const shown = x.toLocaleString("en-US", { maximumFractionDigits: 1 });
      for (const s of cgeSheets) {
        expect(numbers(s).some((v) => Math.abs(v - x) < 1e-6 * Math.abs(x)), `${s.name} ${x}`).toBe(false);
        expect(texts(s).some((t) => t.includes(shown)), `${s.name} ${shown}`).toBe(false);
      }
    }
    // the internal version says the same rule, and keeps every scenario
    expect(texts(full.sheets[full.sheets.length - 1]).join("\n")).toMatch(/公開版の CGE シート：/);
    // nothing in them moves with the confidential amounts: the same sheets with every confidential
    // plan's capacity and capex 30 % higher (while the full version's plan-based scenarios move)
    const scaled = await books(null, 1.3);
    expect(publicCge(scaled.public!)).toEqual(publicCge(p));
    expect(sheet(scaled.full, "CGE結果 3").blocks).not.toEqual(sheet(full, "CGE結果 3").blocks);
  }, 240_000);

  it("no confidential plan: the plan-based scenarios are published as well", async () => {
    const { full, public: pub } = await books(() => false);
    const p = pub!;
    expect(names(p).filter((n) => /^CGE|^SAM$/.test(n))).toEqual(["CGE結果", "CGE結果 2", "CGE結果 3", "CGE結果 4", "CGEシナリオ", "SAM"]);
    for (const n of ["CGE結果 3", "CGE結果 4", "CGEシナリオ"]) expect(sheet(p, n).blocks).toEqual(sheet(full, n).blocks);
    expect(texts(p.sheets[p.sheets.length - 1]).join("\n")).not.toContain("公開版から除いたシナリオ");
  }, 240_000);

  it("one confidential plan that invests before the subsidy's peak year: subsidy published, productivity withheld", async () => {
    // P-03 invests in FY2025 only and operates from FY2026: the FY2026 subsidy involves no
    // confidential plan (published on 年度別), the FY2030 additional output involves it alone ("—").
    const { job, full, public: pub } = await books((id) => id === "P-03");
    const p = pub!;
    const fromPlans = job.cge!.builtins.filter((b) => b.fromPlans).map((b) => [b.key, b.fromPlans!.figure, b.fromPlans!.year]);
    expect(fromPlans).toEqual([
      ["subsidy", "subsidy", 2026],
      ["productivity", "additionalOutput", 2030],
    ]);
    expect(names(p).filter((n) => /^CGE|^SAM$/.test(n))).toEqual(["CGE結果", "CGE結果 2", "CGE結果 3", "CGEシナリオ", "SAM"]);
    expect(sheet(p, "CGE結果 3").blocks).toEqual(sheet(full, "CGE結果 3").blocks);
    expect(sheet(p, "CGE結果 3").blocks[1].values[0][1]).toBe(T.subsidy.title.ja);
    const method = texts(p.sheets[p.sheets.length - 1]).join("\n");
    expect(method).not.toContain(`公開版から除いたシナリオ：${T.subsidy.title.ja}`);
    expect(method).toContain(`公開版から除いたシナリオ：${T.productivity.title.ja}`);
    // the published scenario's figure is the one 年度別 shows; the withheld one's is "—" there
    const ev = job.result.evaluation;
    const rowOf = (y: string) => sheet(p, "年度別").blocks.flatMap((b) => b.values).find((r) => r[0] === y && r.length === 5)!;
    expect(rowOf("2026年度")[2]).toBeCloseTo(ev.byYear.find((y) => y.year === 2026)!.subsidy, 6);
    expect(rowOf("2030年度")[4]).toBe("—");
    // P-03's amounts 30 % higher: the public CGE sheets, the published subsidy scenario's included, are unchanged
    const scaled = await books((id) => id === "P-03", 1.3);
    expect(publicCge(scaled.public!)).toEqual(publicCge(p));
  }, 240_000);
});
