// The deliverables of the demo's projects run (bundled sample, four illustrative confidential
// plans), checked by LibreOffice: both workbooks recalculate without an error value, every audit
// check is TRUE, charts survive a PDF export; and no confidential string or capex figure of the
// sample appears anywhere in the unzipped public file.
import JSZip from "jszip";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { AUDIT_SHEET_KEY, projectsDeliverables, type Confidential, type Deliverables } from "../../../src/report/deliverable";
import { P } from "../../../src/report/projectLabels";
import { labelWidth } from "../../../src/report/sheetBuilder";
import { runProjectsPipeline, type ProjectsPipelineResult } from "../../../src/usecases/projects";
import type { WorkbookSpec } from "../../../src/report/spec";
import { readGridFile, writeXlsx } from "../../../src/workbook/xlsx";
import { xmlEscape } from "../../../src/workbook/xlsx/xmlText";
import { PUBLIC } from "../../../src/report/deliverable/labels";
import { convertWithLibreOffice, sofficePath } from "../../workbook/xlsx/libreoffice";
import { SAMPLE } from "./fixture";
import { readStoredCells, type StoredCell } from "./xlsxCells";

let run: ProjectsPipelineResult;
let d: Deliverables & { confidential: Confidential };
/** The public version of the same run with every confidential amount scaled by 1.37: what is
 * the same in both does not depend on the confidential plans (public data, fixed prose). */
let moved: WorkbookSpec;
let dir: string;
const files: Record<"full" | "public", string> = { full: "", public: "" };
const recalculated: Record<"full" | "public", StoredCell[]> = { full: [], public: [] };

beforeAll(async () => {
  sofficePath();
  const file = await readGridFile(SAMPLE);
  const g = (n: string) => file.sheets.find((x) => x.sheet === n) ?? null;
  run = runProjectsPipeline({
    tableGrid: g("取引基本表")!,
    projectGrid: g("事業計画")!,
    converterGrid: g("投資転換表")!,
    paramsGrid: g("パラメータ"),
    splitGrid: g("部門分割"),
    lang: "ja",
    version: "test",
    inputDescription: "ripple-sample.xlsx",
    now: new Date("2025-01-01T00:00:00Z"),
  });
  d = projectsDeliverables({ spec: run.spec, evaluation: run.evaluation, model: run.model, layout: run.layout, projects: run.projects, rebuild: run.rebuild });
  const scaled = run.projects.map((p) =>
    p.confidential ? { ...p, capex: new Map([...p.capex].map(([y, x]) => [y, x * 1.37])), subsidy: p.subsidy * 1.37, capacity: p.capacity * 1.37, unitValue: p.unitValue * 1.37 } : p,
  );
  const again = run.rebuild(scaled);
  moved = projectsDeliverables({ spec: again.spec, evaluation: again.evaluation, model: run.model, layout: run.layout, projects: scaled, rebuild: run.rebuild }).public!;
  dir = mkdtempSync(join(tmpdir(), "ripple-projects-deliverables-"));
  for (const v of ["full", "public"] as const) {
    files[v] = join(dir, `${v}.xlsx`);
    await writeXlsx(v === "full" ? d.full : d.public!, files[v]);
    recalculated[v] = await readStoredCells(await convertWithLibreOffice(files[v], "xlsx", { outDir: join(dir, `${v}-lo`) }));
  }
}, 240_000);

/** Every cell of a spec by "sheet|row|col" (formula cells by their value). */
function specCellsAt(spec: WorkbookSpec): [string, unknown][] {
  return spec.sheets.flatMap((s) =>
    s.blocks.flatMap((b) => b.values.flatMap((row, r) => row.map((v, c): [string, unknown] => [`${s.name}|${b.row + r}|${b.col + c}`, typeof v === "object" && v !== null ? v.value : v]))),
  );
}

const auditName = (s: WorkbookSpec) => s.sheets.find((x) => x.key === AUDIT_SHEET_KEY)!.name;

describe("the sample's plans", () => {
  it("are four confidential plans, with company names and capex figures to protect", () => {
    expect(run.evaluation.projects.length).toBeGreaterThanOrEqual(4);
    expect(d.confidential.strings.length).toBeGreaterThanOrEqual(4);
    expect(d.confidential.numbers.length).toBeGreaterThanOrEqual(4);
  });
});

describe("the audit of the full workbook", () => {
  it("checks the summary's stage totals (output, GVA, compensation) and the ripple multiple", () => {
    const audit = d.full.sheets.find((x) => x.key === AUDIT_SHEET_KEY)!;
    const summary = d.full.sheets.find((x) => x.key === "summary")!.name;
    const refs = audit.blocks
      .flatMap((b) => b.values.flat())
      .filter((v): v is { formula: string } => typeof v === "object" && v !== null && "formula" in v)
      .map((v) => v.formula)
      .filter((f) => f.startsWith(`'${summary}'!`));
    // 4 stages × 3 measures, the multiple, and PV of GVA, PV of the subsidy and B/C.
    expect(refs.length).toBe(4 * 3 + 1 + 3);
  });

  it("shows the KPIs as the market sheets do: shares in %, the recycling KPI as a multiple", () => {
    const summary = d.full.sheets.find((x) => x.key === "summary")!;
    const kpiRow = (label: string) => summary.blocks.find((b) => b.values[0]?.[0] === label)!;
    const cap = run.evaluation.kpis.find((k) => k.key === "capacity-ratio")!;
    const rec = run.evaluation.kpis.find((k) => k.key === "recycling-ratio")!;
    expect((kpiRow(cap.label.ja).numberFormat as (string | null)[]).slice(1, 3)).toEqual(["0.0%", "0.0%"]);
    expect((kpiRow(rec.label.ja).numberFormat as (string | null)[])[1]).toBe('0.00"×"');
  });
});

describe("the per-plan sheet", () => {
  it("gives its text columns (type, treatment, sector) the room of their entries, spanning number columns", () => {
    const byProject = d.full.sheets.find((x) => x.key === "byProject")!;
    const plans = byProject.blocks.find((b) => b.style === "body" && b.values.length === run.evaluation.projects.length && b.values[0][0] === run.evaluation.projects[0].project.id)!;
    const width = (c: number) => byProject.columnWidths![c];
    for (const row of plans.values)
      row.forEach((v, c) => {
        if (typeof v !== "string" || c < 2) return;
        // the text and the empty cells to its right, as the writer spills or merges it
        let room = width(c);
        for (let k = c + 1; k < row.length && row[k] === null; k++) room += width(k);
        expect(labelWidth([v], 0, 99), `${v}`).toBeLessThanOrEqual(room);
      });
    expect(plans.values.some((row) => row.some((v, c) => c >= 2 && typeof v === "string" && labelWidth([v], 0, 99) > width(c)))).toBe(true);
  });

  it("keeps the notes out of the table: one row per plan under it, the text in column B", () => {
    const byProject = d.full.sheets.find((x) => x.key === "byProject")!;
    const head = byProject.blocks.findIndex((b) => b.style === "header" && b.values[0][1] === "備考（数値の根拠）");
    expect(head).toBeGreaterThan(0);
    const notes = byProject.blocks[head + 1].values;
    expect(notes.map((r) => r[0])).toEqual(run.evaluation.projects.map((e) => e.project.id));
    expect(notes.every((r) => r.length === 2 && typeof r[1] === "string" && r[1].length > 60)).toBe(true);
    // no other block has a column of notes
    expect(byProject.blocks.filter((b) => b.style === "header").every((b) => b.values[0].length <= 14)).toBe(true);
  });

  it("says in its public version that the plans are not published, with no table left (every plan of the demo is confidential)", () => {
    expect(run.evaluation.projects.every((e) => e.project.confidential)).toBe(true);
    const pub = d.public!.sheets.find((x) => x.key === "byProject")!;
    const texts = pub.blocks.flatMap((b) => b.values.flat());
    expect(texts).toEqual([P.byProjectTitle.ja, P.plansWithheld.ja]);
    expect(pub.charts ?? []).toEqual([]);
    // no chart anywhere reads from it
    for (const s of d.public!.sheets) for (const c of s.charts ?? []) expect(JSON.stringify(c)).not.toContain(`"sheet":"${pub.name}"`);
    // the full version keeps its tables
    const full = d.full.sheets.find((x) => x.key === "byProject")!;
    expect(full.blocks.filter((b) => b.style === "header").length).toBeGreaterThanOrEqual(4);
  });
});

describe.each(["full", "public"] as const)("the %s workbook in LibreOffice", (v) => {
  it("recalculates without an error value anywhere", () => {
    const cells = recalculated[v];
    expect(cells.length).toBeGreaterThan(300);
    const errors = cells.filter((c) => c.value?.kind === "error" || (c.value?.kind === "string" && /^(#[A-Z/0!?]+|Err:\d+)/.test(c.value.value)));
    expect(errors.map((c) => `${c.sheet}!${c.address}=${c.value?.value}`)).toEqual([]);
  });

  it("has formulas only on the audit sheet, and every audit check TRUE", () => {
    const spec = v === "full" ? d.full : d.public!;
    const audit = auditName(spec);
    expect(recalculated[v].filter((c) => c.formula !== null && c.sheet !== audit).map((c) => `${c.sheet}!${c.address}`)).toEqual([]);
    const checks = recalculated[v].filter((c) => c.sheet === audit && c.value?.kind === "bool");
    expect(checks.length).toBeGreaterThan(v === "full" ? 50 : 0);
    expect(checks.filter((c) => c.value!.value !== true).map((c) => c.address)).toEqual([]);
  });

  it("prints every sheet, charts included, to PDF", async () => {
    const spec = v === "full" ? d.full : d.public!;
    const pdf = readFileSync(await convertWithLibreOffice(files[v], "pdf", { singlePageSheets: true, outDir: join(dir, `${v}-pdf`) }));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page\b/g)).toHaveLength(spec.sheets.length);
    const resaved = await JSZip.loadAsync(readFileSync(join(dir, `${v}-lo`, `${v}.xlsx`)));
    const charts = Object.keys(resaved.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(spec.sheets.reduce((n, s) => n + (s.charts?.length ?? 0), 0));
    expect(charts.length).toBeGreaterThan(0);
  }, 120_000);
});

describe("the public file (公開版), unzipped", () => {
  let parts: Map<string, string>;
  let fullText: string;
  beforeAll(async () => {
    const read = async (f: string) => {
      const zip = await JSZip.loadAsync(readFileSync(f));
      const out = new Map<string, string>();
      for (const n of Object.keys(zip.files)) if (!zip.files[n].dir) out.set(n, await zip.file(n)!.async("string"));
      return out;
    };
    parts = await read(files.public);
    fullText = [...(await read(files.full)).values()].join("\n");
  });

  it("holds no company name of a confidential plan in any part", () => {
    for (const s of d.confidential.strings) {
      expect(fullText.includes(s), `full version holds ${s}`).toBe(true);
      for (const form of new Set([s, xmlEscape(s)])) expect([...parts].filter(([, t]) => t.includes(form)).map(([n]) => n), s).toEqual([]);
    }
    expect([...parts.keys()].filter((n) => /comments|externalLink|vbaProject|threadedComment/i.test(n))).toEqual([]);
    // The only names are print areas and print titles (a sheet's own range or header rows): no
    // named value or range that could carry a figure.
    const own = /<definedName name="_xlnm\.Print_Area" localSheetId="\d+">&apos;[^<]*?&apos;!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+<\/definedName>/g;
    const titles = /<definedName name="_xlnm\.Print_Titles" localSheetId="\d+">(,?&apos;[^<]*?&apos;!(\$\d+:\$\d+|\$[A-Z]+:\$[A-Z]+))+<\/definedName>/g;
    expect(parts.get("xl/workbook.xml")!.replace(own, "").replace(titles, "")).not.toMatch(/<definedName\b/);
    for (const p of ["docProps/core.xml", "docProps/app.xml"]) expect(parts.has(p)).toBe(true);
  });

  it("holds no capex figure of a confidential plan as a value, chart cache or text", async () => {
    const figures = d.confidential.numbers;
    const hit = (x: number) => figures.some((f) => Math.abs(x - f) <= 1e-9 * Math.max(1, Math.abs(f)));
    // Cell values as stored (shared-string indices are not values), then chart caches.
    const stored = await readStoredCells(files.public);
    const numbers = stored.filter((c) => c.value?.kind === "number");
    expect(numbers.length).toBeGreaterThan(100);
    // Public data is not suppressed (issue 14): a default of the parameter sheet that happens to
    // equal a plan's figure (500 t/yr, say) stays; it is the same when the plans' amounts change.
    const movedAt = new Map(specCellsAt(moved));
    const publicDatum = (c: StoredCell) => movedAt.get(`${c.sheet}|${c.row}|${c.col}`) === c.value!.value;
    expect(numbers.filter((c) => hit(c.value!.value as number) && !publicDatum(c)).map((c) => `${c.sheet}!${c.address}`)).toEqual([]);
    for (const [name, text] of parts) {
      if (!/^xl\/charts\/chart\d+\.xml$/.test(name)) continue;
      const cached = [...text.matchAll(/<c:numCache>([\s\S]*?)<\/c:numCache>/g)].flatMap((m) => [...m[1].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((x) => Number(x[1])));
      expect(cached.filter(hit), name).toEqual([]);
    }
    // Texts that do not change with the plans' amounts (a "÷ 1,000" unit conversion) are public.
    const fixed = new Set(specCellsAt(moved).map(([, v]) => v).filter((v) => typeof v === "string").map((v) => xmlEscape(v as string)));
    const strings = [...(parts.get("xl/sharedStrings.xml") ?? "").matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]).filter((t) => !fixed.has(t)).join("\n");
    for (const f of figures)
      for (const form of [String(f), f.toLocaleString("en-US")])
        expect(new RegExp(`(?<![0-9A-Za-z.,])${form.replace(/[.]/g, "\\.")}(?![0-9]|[.,][0-9])`).test(strings), form).toBe(false);
  });

  it("has no row of a single confidential plan, and states the rule on the summary and method sheets", () => {
    const ids = run.evaluation.projects.filter((e) => e.project.confidential).map((e) => e.project.id);
    const cells = recalculated.public;
    expect(cells.filter((c) => c.value?.kind === "string" && ids.includes(c.value.value)).map((c) => `${c.sheet}!${c.address}`)).toEqual([]);
    // The full version's note ("company names are kept …") is not in the public one.
    const internal = P.confidentialNote.ja;
    expect(recalculated.full.some((c) => c.value?.value === internal)).toBe(true);
    expect(cells.some((c) => c.value?.value === internal)).toBe(false);
    const rule = d.public!.provenance.suppression!;
    expect(rule).toContain("1〜2 件");
    const sheetsWithRule = new Set(cells.filter((c) => c.value?.kind === "string" && c.value.value === rule).map((c) => c.sheet));
    // the rule in full on the method sheet; the summary (one printed page) points to it
    expect(sheetsWithRule).toEqual(new Set([d.public!.sheets.find((s) => s.key === "methods")!.name]));
    expect(cells.some((c) => c.sheet === d.public!.sheets[0].name && c.value?.kind === "string" && c.value.value === PUBLIC.summaryRule.ja)).toBe(true);
  });
});
