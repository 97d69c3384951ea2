// The public version (公開版): confidential plans' rows, columns and sheets are gone, aggregates
// of fewer than three confidential plans (directly or by difference) are "—", and no confidential
// string or capex figure is left anywhere in the written file: cells, shared strings, sheet
// names, chart caches, defined names, document properties, comments.
import JSZip from "jszip";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  AUDIT_SHEET_KEY,
  DEFAULT_SUPPRESSION,
  confidentialLeaks,
  findTaggedRow,
  makeDeliverables,
  makePublicVersion,
  publicFileName,
  suppressionText,
  type AuditInput,
} from "../../../src/report/deliverable";
import { isFormulaCell, type SheetSpec, type WorkbookSpec } from "../../../src/report/spec";
import { writeXlsxBuffer } from "../../../src/workbook/xlsx";
import { xmlEscape } from "../../../src/workbook/xlsx/xmlText";
import { convertWithLibreOffice } from "../../workbook/xlsx/libreoffice";
import { CONFIDENTIAL, PLANS, YEARS, projectsSpec } from "./projectsFixture";
import { readStoredCells } from "./xlsxCells";

const sheet = (s: WorkbookSpec, key: string): SheetSpec => s.sheets.find((x) => x.key === key)!;
const texts = (s: SheetSpec) => s.blocks.flatMap((b) => b.values.flat()).filter((v): v is string => typeof v === "string");
const row = (s: SheetSpec, r: number) => {
  const out: unknown[] = [];
  for (const b of s.blocks) if (r >= b.row && r < b.row + b.values.length) b.values[r - b.row].forEach((v, c) => (out[b.col + c] = v));
  return out;
};

/** PV audit from the byYear rows, found by their keys in whichever version it is given. */
function pvAudit(spec: WorkbookSpec): AuditInput {
  const first = findTaggedRow(spec, `year:${YEARS[0].year}`)!;
  const r = (col: number) => ({ sheet: first.sheet, row: first.row, col, rows: YEARS.length, cols: 1 });
  const df = (y: number) => Math.pow(1.04, -(y - 2025));
  const pvG = YEARS.reduce((s, y) => s + y.gva * df(y.year), 0);
  const pvS = YEARS.reduce((s, y) => s + y.subsidy * df(y.year), 0);
  return {
    pv: [
      {
        title: "全計画",
        years: YEARS.map((y) => y.year),
        gva: r(1),
        subsidy: r(2),
        discountRate: 0.04,
        baseYear: 2025,
        engine: { pvGva: pvG, pvSubsidy: pvS, bc: pvG / pvS },
      },
    ],
  };
}

describe("makePublicVersion", () => {
  const full = projectsSpec();
  const pub = makePublicVersion(full, DEFAULT_SUPPRESSION, CONFIDENTIAL);

  it("removes the rows, columns and sheets of confidential plans, and moves what follows up", () => {
    const byPlan = sheet(pub, "byProject");
    expect(row(byPlan, 2)).toEqual(["P-01", PLANS[0].company, PLANS[0].capex, PLANS[0].gva]);
    // The total follows right after the one remaining plan (it was at row 8, four rows lower).
    expect(row(byPlan, 4)[0]).toBe("合計");
    expect(row(byPlan, 6)).toEqual(["年度", PLANS[0].company]);
    expect(row(byPlan, 7)).toEqual(["2027年度", PLANS[0].gva / 2]);
    const chart = byPlan.charts![0];
    expect(chart.categories).toMatchObject({ row: 2, rows: 1 });
    expect(chart.series[0].values).toMatchObject({ row: 2, rows: 1 });
    expect(chart.anchor.row).toBe(10);
    expect(pub.sheets.map((s) => s.key)).toEqual(["summary", "byProject", "byYear", "methods"]);
    expect(full.sheets).toHaveLength(5); // the input spec is left alone
  });

  it("suppresses aggregates of 1–2 confidential plans, directly and by difference", () => {
    const byYear = sheet(pub, "byYear");
    expect(row(byYear, 1)).toEqual(["2025年度", "—", "—"]); // P-02 alone
    expect(row(byYear, 2)).toEqual(["2026年度", YEARS[1].gva, YEARS[1].subsidy]); // 3 confidential
    // The total minus the shown years would give 2025 (P-02 alone): 2027 is suppressed too,
    // so the hidden years hold four confidential plans, and the total stays.
    expect(row(byYear, 3)).toEqual(["2027年度", "—", "—"]);
    expect(row(byYear, 4)).toEqual(["合計", 10510, 1300]);
    const summary = sheet(pub, "summary");
    // All plans (4 confidential) minus the NdFeB plans (3) would isolate P-05.
    const gvaAll = summary.blocks.find((b) => b.values[0]?.[0] === "粗付加価値誘発額（全計画）")!;
    expect(gvaAll.values[0][1]).toBe("—");
    expect(gvaAll.values[1][1]).toBe(PLANS.slice(0, 4).reduce((s, p) => s + p.gva, 0));
    expect(gvaAll.values[2][1]).toBe(PLANS.reduce((s, p) => s + p.capex, 0)); // another measure
  });

  it("masks confidential names and figures everywhere and states the rule on the summary and method sheets", () => {
    expect(confidentialLeaks(pub, CONFIDENTIAL)).toEqual([]);
    expect(confidentialLeaks(full, CONFIDENTIAL).length).toBeGreaterThan(10);
    const note = texts(sheet(pub, "summary")).find((t) => t.startsWith("注:"))!;
    expect(note).toBe("注: P-02（（非公開））の設備投資 — 百万円を含む");
    const rule = suppressionText(DEFAULT_SUPPRESSION, "ja");
    expect(rule).toContain("1〜2 件");
    expect(texts(sheet(pub, "summary"))).toContain(rule);
    expect(texts(sheet(pub, "methods"))).toContain(rule);
    expect(pub.provenance.suppression).toBe(rule);
    expect(pub.provenance.parameters[1]).toMatchObject({ value: "—", source: "（非公開） 提出資料" });
    expect(pub.provenance.warnings[0]).toBe("計画 P-03（（非公開））の稼働率が高すぎます");
    // A checksum is not a figure: digits inside it stay.
    expect(texts(sheet(pub, "methods"))).toContain("sha256:00ff");
  });

  it("refuses a rule that suppresses nothing", () => {
    expect(() => makePublicVersion(full, { minConfidential: 1 }, CONFIDENTIAL)).toThrow(/2 or more/);
  });

  it("names the public file after the full one", () => {
    expect(publicFileName("/tmp/ripple-demo-results.xlsx", "ja")).toBe("/tmp/ripple-demo-results-公開版.xlsx");
    expect(publicFileName("out/results.xlsx", "en")).toBe("out/results-public.xlsx");
  });
});

describe("deliverables of a projects run", () => {
  const { full, public: pub } = makeDeliverables(projectsSpec(), { audit: pvAudit, confidential: CONFIDENTIAL });

  it("audits PV and B/C with SUMPRODUCT in the full version; the public audit refers to published cells only", () => {
    const audit = sheet(full, AUDIT_SHEET_KEY);
    const formulas = audit.blocks.flatMap((b) => b.values.flat().filter(isFormulaCell));
    expect(formulas.some((f) => /^SUMPRODUCT\('年度別'!\$B\$2:\$B\$4,1\/\(1\+\$B\$\d+\)\^\(\$B\$\d+:\$B\$\d+-\$B\$\d+\)\)$/.test(f.formula))).toBe(true);
    const publicAudit = sheet(pub!, AUDIT_SHEET_KEY);
    // 2025 is suppressed in the public version, so its PV audit is omitted, with the reason.
    expect(texts(publicAudit).some((t) => t.includes("省略"))).toBe(true);
    expect(publicAudit.blocks.flatMap((b) => b.values.flat()).filter((v) => isFormulaCell(v) && v.formula.startsWith("SUMPRODUCT"))).toEqual([]);
    expect(texts(publicAudit).some((t) => t.includes("個別計画の入力は含みません"))).toBe(true);
  });

  describe("the written public file", () => {
    let parts: Map<string, string>;
    let fullParts: Map<string, string>;
    const unzip = async (spec: WorkbookSpec) => {
      const zip = await JSZip.loadAsync(await writeXlsxBuffer(spec));
      const out = new Map<string, string>();
      for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.set(name, await zip.file(name)!.async("string"));
      return out;
    };
    beforeAll(async () => {
      parts = await unzip(pub!);
      fullParts = await unzip(full);
    });

    it("holds no confidential string in any part (cells, shared strings, sheet names, charts, properties)", () => {
      for (const s of CONFIDENTIAL.strings) {
        for (const form of new Set([s, xmlEscape(s)])) {
          const hits = [...parts].filter(([, text]) => text.includes(form)).map(([name]) => name);
          expect(hits, s).toEqual([]);
        }
        // The same search finds them in the full version, so it can fail.
        expect([...fullParts.values()].some((t) => t.includes(s)), s).toBe(true);
      }
      expect(parts.has("docProps/core.xml")).toBe(true);
      expect(parts.has("docProps/app.xml")).toBe(true);
      expect([...parts.keys()].filter((n) => /comments|externalLink|vbaProject/i.test(n))).toEqual([]);
      // The only names are print areas and print titles (a sheet's own range or columns): no named
      // value or range that could carry a figure.
    expect(
      parts
        .get("xl/workbook.xml")!
        .replace(/<definedName name="_xlnm\.Print_Area" localSheetId="\d+">&apos;[^<]*?&apos;!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+<\/definedName>/g, "")
        .replace(/<definedName name="_xlnm\.Print_Titles" localSheetId="\d+">(,?&apos;[^<]*?&apos;!(\$[A-Z]+:\$[A-Z]+|\$\d+:\$\d+))+<\/definedName>/g, ""),
    ).not.toMatch(/<definedName\b/);
    });

    it("holds no capex figure of a confidential plan as a cell value, cached chart value or text", async () => {
      const figures = CONFIDENTIAL.numbers;
      // Numbers as stored in cells (shared-string indices are not values) and chart caches.
      const values = (await readStoredCells(await writeXlsxBuffer(pub!))).flatMap((c) => (c.value?.kind === "number" ? [c.value.value] : []));
      for (const [name, text] of parts) if (/^xl\/charts\/chart\d+\.xml$/.test(name)) for (const m of text.matchAll(/<c:numCache>([\s\S]*?)<\/c:numCache>/g)) for (const x of m[1].matchAll(/<c:v>([^<]*)<\/c:v>/g)) values.push(Number(x[1]));
      expect(values.length).toBeGreaterThan(10);
      expect(values.filter((v) => figures.some((f) => Math.abs(v - f) < 1e-9))).toEqual([]);
      for (const f of figures) {
        const forms = [String(f), f.toLocaleString("en-US")];
        for (const [name, text] of parts) for (const form of forms) expect(text.includes(`>${form}<`) || text.includes(` ${form} `), `${name} ${form}`).toBe(false);
      }
      const fullValues = (await readStoredCells(await writeXlsxBuffer(full))).flatMap((c) => (c.value?.kind === "number" ? [c.value.value] : []));
      expect(fullValues.some((v) => figures.includes(v))).toBe(true);
    });

    it("opens in LibreOffice without error values", async () => {
      const dir = mkdtempSync(join(tmpdir(), "ripple-public-"));
      const file = join(dir, "public.xlsx");
      writeFileSync(file, await writeXlsxBuffer(pub!));
      const cells = await readStoredCells(await convertWithLibreOffice(file, "xlsx", { outDir: join(dir, "lo") }));
      expect(cells.filter((c) => c.value?.kind === "error").map((c) => `${c.sheet}!${c.address}`)).toEqual([]);
      expect(cells.find((c) => c.value?.kind === "string" && c.value.value === "すべての検算が一致")).toBeDefined();
    }, 120_000);
  });
});
