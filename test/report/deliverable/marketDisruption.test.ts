// The market and disruption workbooks as deliverables: the complete 方法・出典 sheet (inputs
// with checksums, mapping, parameters with default file and grade or "entered by the user",
// variants, warnings, version and date), values only, and for the market with plans the public
// version under the stated rule.

import { describe, expect, it } from "vitest";
import { parseDisruptionSpec } from "../../../src/engine/disruption/spec";
import { analyzeDisruption } from "../../../src/engine/disruption/analyze";
import { runMarketAnalysis } from "../../../src/engine/market/run";
import { SHEET_PARAMETERS } from "../../../src/engine/market/sheet";
import type { Project } from "../../../src/engine/projects/parse";
import {
  AUDIT_SHEET_KEY,
  PUBLIC_DASH,
  assertDeliverable,
  confidentialLeaks,
  disruptionDeliverable,
  marketConfidential,
  marketDeliverables,
} from "../../../src/report/deliverable";
import { METHOD } from "../../../src/report/deliverable/labels";
import { M, MARKET_SHEETS } from "../../../src/report/marketLabels";
import type { CellSpec, SheetSpec, WorkbookSpec } from "../../../src/report/spec";
import { japanModel, keyRow, params, plan, templateGrids } from "../../engine/market/marketFixtures";
import { exampleJson, sampleModel, sampleTable } from "../disruptionFixture";

const now = new Date("2026-04-01T00:00:00Z");
const g = templateGrids();
const model = japanModel();
const inputs = [{ description: "input.xlsx", sheet: "磁石パラメータ", range: "A1:J80", checksum: "sha256:0123" }];

function market(projects: Project[]) {
  const analysis = runMarketAnalysis({ paramsGrid: g.params, scenariosGrid: g.scenarios, defaults: params, projects, model, magnetSector: 2, draws: 200, seed: 3 });
  const d = marketDeliverables({
    analysis,
    lang: "ja",
    version: "9.9.9",
    now,
    inputs,
    magnetSectorNote: { ja: "既定：製造業", en: "default: manufacturing" },
    defaultsFile: "assets/data/magnet-market/defaults.csv",
    layout: model.table.layout,
  });
  return { analysis, ...d };
}

const sheet = (spec: WorkbookSpec, key: string): SheetSpec => spec.sheets.find((s) => s.key === key)!;
const rows = (s: SheetSpec): CellSpec[][] => s.blocks.flatMap((b) => b.values);
const rowOf = (s: SheetSpec, first: CellSpec) => rows(s).find((r) => r[0] === first);
const texts = (spec: WorkbookSpec) => spec.sheets.flatMap((s) => rows(s).flat()).filter((v): v is string => typeof v === "string");

describe("market deliverable", () => {
  const { full, public: pub } = market([]);

  it("adds the complete 方法・出典 sheet last and holds values only", () => {
    expect(full.sheets.at(-1)!.name).toBe(METHOD.sheet.ja);
    expect(full.sheets.map((s) => s.name)).toContain(MARKET_SHEETS.method.ja);
    expect(() => assertDeliverable(full)).not.toThrow();
    expect(pub).toBeNull();
    const method = full.sheets.at(-1)!;
    const all = rows(method);
    const t = all.flat();
    // Inputs with their checksum; the confirmed mapping; variants; software, version, date.
    expect(all.some((r) => r[0] === "input.xlsx" && r[3] === "sha256:0123")).toBe(true);
    expect(t).toContain(METHOD.mapping.ja);
    expect(all.some((r) => r[1] === "ブロック" || (typeof r[1] === "string" && r[1].includes("!")))).toBe(true);
    expect(t.some((v) => typeof v === "string" && v.startsWith("シナリオ base"))).toBe(true);
    expect(t.some((v) => typeof v === "string" && v.includes("200") && v.includes("3"))).toBe(true);
    expect(rowOf(method, METHOD.version.ja)![1]).toBe("9.9.9");
    expect(rowOf(method, METHOD.createdAt.ja)![1]).toBe(now.toISOString());
  });

  it("lists every parameter with its value and its default's source, grade and file", () => {
    const method = full.sheets.at(-1)!;
    for (const q of SHEET_PARAMETERS) {
      const row = rowOf(method, `${q.label.ja} [${q.key}]`);
      expect(row, q.key).toBeDefined();
      expect(typeof row![1] === "number" || typeof row![1] === "string").toBe(true);
    }
    const demand = rowOf(method, `${SHEET_PARAMETERS.find((q) => q.key === "demand2024")!.label.ja} [demand2024]`)!;
    expect(demand[2]).toContain("newswitch");
    expect(demand[3]).toMatch(/^[ABC]$/);
    expect(String(demand[4])).toMatch(/^assets\/data\/magnet-market\/defaults\.csv → 磁石パラメータ!/);
  });

  it("says 'entered by the user' for a value that differs from the default", () => {
    const edited = templateGrids();
    edited.params.values[keyRow(edited.params, "growth")][3] = 0.05;
    const analysis = runMarketAnalysis({ paramsGrid: edited.params, scenariosGrid: edited.scenarios, defaults: params, model, magnetSector: 2 });
    const d = marketDeliverables({ analysis, lang: "ja", version: "t", now, inputs });
    const method = d.full.sheets.at(-1)!;
    const row = rows(method).find((x) => typeof x[0] === "string" && x[0].endsWith("[growth]"))!;
    expect(row[1]).toBe(0.05);
    expect(row[2]).toBe(METHOD.userEntered.ja);
    expect(row[3]).toBeNull();
  });
});

describe("market public version (公開版)", () => {
  const open = plan("P-01", 3000, 2027);
  const secret = plan("P-02", 2000, 2028, 2, { company: "秘密磁石株式会社", confidential: true });

  it("with one confidential plan: its row is gone and capacity figures of the years it is online are —", () => {
    const { analysis, full, public: pub, confidential } = market([open, secret]);
    expect(confidential).toEqual(marketConfidential(analysis.plans));
    expect(pub).not.toBeNull();
    expect(() => assertDeliverable(pub!)).not.toThrow();
    expect(confidentialLeaks(pub!, confidential!)).toEqual([]);
    expect(texts(pub!).join("\n")).not.toContain("秘密磁石");
    // The full version keeps the plan; the public one does not.
    expect(rowOf(sheet(full, "marketCapacity"), "P-02")).toBeDefined();
    const cap = sheet(pub!, "marketCapacity");
    expect(rowOf(cap, "P-02")).toBeUndefined();
    expect(rowOf(cap, "P-01")).toBeDefined();
    // Capacity by year: shown before P-02 is online (2027: P-01 only), suppressed after.
    const y2027 = rowOf(cap, 2027)!;
    const y2030 = rowOf(cap, 2030)!;
    expect(typeof y2027[3]).toBe("number");
    expect(y2030[3]).toBe(PUBLIC_DASH);
    // Existing capacity, demand and the target line do not depend on the plans: shown.
    expect([1, 4, 5, 7].map((c) => typeof y2030[c])).toEqual(["number", "number", "number", "number"]);
    expect(typeof rowOf(sheet(pub!, "marketKpi"), M.capacityExisting.ja)![1]).toBe("number");
    // The KPI, its reason and the verdict are suppressed; demand (not capacity) stays.
    const kpi = sheet(pub!, "marketKpi");
    expect(rowOf(kpi, M.kpiRatio.ja)![1]).toBe(PUBLIC_DASH);
    expect(rowOf(kpi, M.verdict.ja)![1]).toBe(PUBLIC_DASH);
    expect(rowOf(kpi, M.why.ja)![1]).toBe(PUBLIC_DASH);
    expect(rows(sheet(pub!, "marketDemand")).some((r) => r[0] === 2030 && typeof r[1] === "number")).toBe(true);
    // The rule is stated on the first sheet and on the method sheet.
    expect(rows(kpi).flat().some((v) => typeof v === "string" && v.startsWith("公開版："))).toBe(true);
    expect(pub!.provenance.suppression).toMatch(/^公開版：/);
    // Chart ranges still point inside their sheets.
    for (const s of pub!.sheets) for (const c of s.charts ?? []) for (const se of c.series) expect(se.values.rows).toBeGreaterThan(0);
  });

  it("with three confidential plans: their rows are gone, the aggregates stay", () => {
    const three = [
      plan("C-1", 1000, 2027, 1, { company: "甲社", confidential: true }),
      plan("C-2", 1500, 2027, 1, { company: "乙社", confidential: true }),
      plan("C-3", 2500, 2027, 1, { company: "丙社", confidential: true }),
    ];
    const { public: pub, confidential } = market(three);
    const cap = sheet(pub!, "marketCapacity");
    for (const id of ["C-1", "C-2", "C-3"]) expect(rowOf(cap, id)).toBeUndefined();
    expect(typeof rowOf(cap, 2030)![3]).toBe("number");
    expect(typeof rowOf(sheet(pub!, "marketKpi"), M.kpiRatio.ja)![1]).toBe("number");
    expect(confidentialLeaks(pub!, confidential!)).toEqual([]);
  });
});

describe("disruption deliverable", () => {
  const table = sampleTable();
  const result = analyzeDisruption(sampleModel(), parseDisruptionSpec(exampleJson()));
  const spec = disruptionDeliverable({ result, table, lang: "ja", inputs: [{ description: "ripple-sample.xlsx", sheet: "取引基本表", range: "A1:Z40", checksum: "sha256:abc" }], version: "9.9.9", now });

  it("keeps its own method sheet and adds the complete 方法・出典 sheet with the mapping", () => {
    // Its own method sheet, then the audit (formulas), then 方法・出典.
    expect(spec.sheets.at(-3)!.key).toBe("disruption-method");
    expect(spec.sheets.at(-2)!.key).toBe(AUDIT_SHEET_KEY);
    const method = spec.sheets.at(-1)!;
    expect(method.name).toBe(METHOD.sheet.ja);
    expect(() => assertDeliverable(spec)).not.toThrow();
    const all = rows(method);
    expect(all.some((r) => r[0] === "ripple-sample.xlsx" && r[3] === "sha256:abc")).toBe(true);
    expect(all.flat()).toContain(METHOD.mapping.ja);
    // The import cut is the user's; the residual is a default with its source.
    const cut = all.find((r) => r[0] === "輸入の削減率")!;
    expect(cut[2]).toBe(METHOD.userEntered.ja);
    expect(all.flat()).toContain(METHOD.variants.ja);
    expect(rowOf(method, METHOD.version.ja)![1]).toBe("9.9.9");
  });
});
