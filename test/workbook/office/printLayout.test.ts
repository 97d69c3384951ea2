// The Office host prints a results sheet as the xlsx writer does: the demo's workbooks (both
// versions, as `ripple demo` makes them: plans, economic security, CGE) written through the
// gateway into the recording fake Excel, and as an .xlsx by the file writer; for every sheet the
// page layout the fake recorded (worksheet.pageLayout: orientation, paper, margins in points,
// fit to pages, print area, print titles, header and footer sections) equals what the file says
// (pageSetup, pageMargins in inches, the _xlnm.Print_Area / Print_Titles names, oddHeader /
// oddFooter). Both follow src/workbook/printPlan.ts; this checks each translation of it.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CliIO } from "../../../src/cli/io";
import { projectsJobOnFile } from "../../../src/cli/projects";
import type { WorkbookSpec } from "../../../src/report/spec";
import { writeReport } from "../../../src/workbook/office/gateway";
import { printPlan } from "../../../src/workbook/printPlan";
import { readGridFile } from "../../../src/workbook/xlsx";
import { xlsxBytes } from "../../../src/workbook/xlsx/xlsxBytes";
import { SAMPLE } from "../../report/deliverable/fixture";
import { Package, type Xml } from "../xlsx/packageParts";
import { type FakePageLayout, type FakeWorkbook, installFakeOffice } from "./fakeExcel";

let books: { full: WorkbookSpec; public: WorkbookSpec | null };
let wb: FakeWorkbook | null = null;

beforeAll(async () => {
  const file = await readGridFile(SAMPLE);
  const io = { cwd: process.cwd() } as unknown as CliIO;
  const job = await projectsJobOnFile(file, { input: SAMPLE, projects: "事業計画", lang: "ja", security: true, cge: true, public: true }, io);
  books = job.workbooks();
}, 300_000);

afterEach(() => {
  wb?.uninstall();
  wb = null;
});

/** Sections of a header or footer string: "&L…&C…&R…" ("&&" is a literal ampersand). */
function sections(s: string): Record<"left" | "center" | "right", string> {
  const out = { left: "", center: "", right: "" };
  let at: keyof typeof out = "center"; // text before any section code is centred
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "&" && /[LCR]/.test(s[i + 1] ?? "")) {
      at = s[i + 1] === "L" ? "left" : s[i + 1] === "C" ? "center" : "right";
      i++;
    } else if (s[i] === "&" && s[i + 1] === "&") {
      out[at] += "&&";
      i++;
    } else out[at] += s[i];
  }
  return out;
}

/** The page layout each sheet of the .xlsx file states, in the Office API's terms. */
async function layoutsInFile(spec: WorkbookSpec): Promise<Map<string, FakePageLayout>> {
  const pkg = await Package.open(await xlsxBytes(spec));
  const book: Xml = await pkg.xml("xl/workbook.xml");
  const rels = await pkg.rels("xl/workbook.xml");
  const sheets: Xml[] = book.workbook.sheets.sheet;
  const raw = book.workbook.definedNames?.definedName ?? [];
  const names: Xml[] = Array.isArray(raw) ? raw : [raw];
  const out = new Map<string, FakePageLayout>();
  for (const [i, s] of sheets.entries()) {
    const ws: Xml = (await pkg.xml(rels.get(s["@_r:id"])!.part)).worksheet;
    const l: FakePageLayout = { margins: {}, headerFooter: {} };
    const setup = ws.pageSetup;
    if (setup?.["@_orientation"]) {
      l.orientation = setup["@_orientation"] === "landscape" ? "Landscape" : "Portrait";
      expect(setup["@_paperSize"]).toBe("9");
      l.paperSize = "A4";
      for (const side of ["left", "right", "top", "bottom", "header", "footer"] as const)
        l.margins[side] = Math.round(Number(ws.pageMargins[`@_${side}`]) * 72 * 100) / 100;
      if (ws.sheetPr?.pageSetUpPr?.["@_fitToPage"] === "1")
        l.zoom = { horizontalFitToPages: Number(setup["@_fitToWidth"] ?? 1), verticalFitToPages: Number(setup["@_fitToHeight"] ?? 1) };
    }
    const local = (n: string) => names.find((d) => d["@_name"] === n && d["@_localSheetId"] === String(i))?.["#text"] as string | undefined;
    const strip = (ref: string) => ref.slice(ref.lastIndexOf("!") + 1);
    const area = local("_xlnm.Print_Area");
    if (area) l.printArea = strip(area);
    for (const t of (local("_xlnm.Print_Titles") ?? "").split(",").filter(Boolean).map(strip)) {
      if (/^\$\d+:\$\d+$/.test(t)) l.titleRows = t;
      else l.titleColumns = t;
    }
    const header = sections(ws.headerFooter?.oddHeader ?? "");
    const footer = sections(ws.headerFooter?.oddFooter ?? "");
    l.headerFooter = {
      leftHeader: header.left,
      centerHeader: header.center,
      leftFooter: footer.left,
      centerFooter: footer.center,
      rightFooter: footer.right,
    };
    out.set(s["@_name"], l);
  }
  return out;
}

describe("the Office host's print layout (worksheet.pageLayout) is the xlsx writer's", () => {
  it.each(["full", "public"] as const)("every sheet of the demo's %s version", async (v) => {
    const spec = v === "full" ? books.full : books.public!;
    const expected = await layoutsInFile(spec);
    wb = installFakeOffice(globalThis, { 入力: [["x"]] });
    const written = await writeReport(spec);
    expect(written.sheets.length).toBe(spec.sheets.length);
    expect(new Set(written.sheets)).toEqual(new Set(expected.keys()));
    for (const name of written.sheets) {
      const got = wb.sheet(name).pageLayout;
      expect({ sheet: name, ...got }).toEqual({ sheet: name, ...expected.get(name)! });
    }
    // what a METI reader sees on every page of either version
    const mark = v === "full" ? "取扱注意" : "公開版";
    for (const name of written.sheets) {
      const l = wb.sheet(name).pageLayout;
      expect(l.orientation).toBe("Landscape");
      expect(l.headerFooter.centerHeader).toContain(mark);
      expect(l.headerFooter.centerFooter).toBe("&P / &N");
    }
    // one page wide everywhere but the wide sheets cut into pages with their labels repeated
    const fitted = written.sheets.filter((n) => wb!.sheet(n).pageLayout.zoom);
    expect(fitted.length).toBeGreaterThan(written.sheets.length / 2);
    const summary = spec.sheets.find((s) => s.key === "summary")!;
    expect(wb.sheet(summary.name).pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 1 });
  }, 120_000);

  it("writes the layout after the values and formats, several sheets to a sync", async () => {
    wb = installFakeOffice(globalThis, { 入力: [["x"]] });
    await writeReport(books.full);
    const layoutWrites = wb.writes.filter((w) => w.kind === "pageLayout");
    const lastFormat = Math.max(...wb.writes.filter((w) => !["pageLayout", "chart", "activate"].includes(w.kind)).map((w) => w.sync));
    expect(layoutWrites.length).toBeGreaterThan(0);
    expect(Math.min(...layoutWrites.map((w) => w.sync))).toBeGreaterThanOrEqual(lastFormat);
    const syncs = new Set(layoutWrites.map((w) => w.sync));
    expect(syncs.size).toBeLessThan(books.full.sheets.length);
  }, 120_000);

  it("an Excel below ExcelApi 1.9 gets the results without a print layout (no failed call)", async () => {
    wb = installFakeOffice(globalThis, { 入力: [["x"]] }, { excelApi: 8 });
    const written = await writeReport(books.full);
    expect(written.sheets.length).toBe(books.full.sheets.length);
    expect(wb.writes.filter((w) => w.kind === "pageLayout")).toEqual([]);
    expect(wb.syncs.filter((s) => s.failed)).toEqual([]);
  }, 120_000);

  it("the plan the hosts follow: fit one page wide when legible, print titles from the freeze", () => {
    const summary = books.full.sheets.find((s) => s.key === "summary")!;
    const p = printPlan(summary, books.full);
    expect(p.page?.fit).toEqual({ wide: 1, tall: 1 });
    expect(p.marks.header.center).toContain("取扱注意");
    expect(p.marks.footer.right).toMatch(/^sha256:[0-9a-f]{12}$/);
  });
});
