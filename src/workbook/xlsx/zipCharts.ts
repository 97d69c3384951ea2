// Native charts added to the package ExcelJS wrote (ExcelJS cannot write charts): per sheet
// with charts, a drawing part with one anchor per chart, the chart parts, the relationships
// sheet -> drawing -> chart, the sheet's <drawing r:id> element, and content-type overrides.
import type JSZip from "jszip";
import { loadJsZip } from "./libraries";
import type { WorkbookSpec } from "../../report/spec";
import { chartXml } from "./chartXml";
import { drawingXml, relationshipsXml, REL_CHART, REL_DRAWING, type Relationship, type PlacedChart } from "./drawingXml";
import { SpecCells } from "./specCells";
import { elementAttributes } from "./xmlText";

const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// Elements that come after <drawing> in CT_Worksheet (ECMA-376 Part 1, §18.3.1.99); the
// drawing element must precede the first of them.
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

export async function addCharts(xlsx: Uint8Array, spec: WorkbookSpec): Promise<Uint8Array> {
  if (!spec.sheets.some((s) => (s.charts?.length ?? 0) > 0)) return xlsx;
  const zip = await (await loadJsZip()).loadAsync(xlsx);
  await addChartsToZip(zip, spec);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The same, on a package already opened (xlsxBytes.ts also adds the bulk blocks to it). */
export async function addChartsToZip(zip: JSZip, spec: WorkbookSpec): Promise<void> {
  if (!spec.sheets.some((s) => (s.charts?.length ?? 0) > 0)) return;
  const cells = new SpecCells(spec);
  const sheetPaths = await worksheetPaths(zip);
  const overrides: { part: string; type: string }[] = [];
  let chartNo = nextFree(zip, "xl/charts/chart", ".xml");
  let drawingNo = nextFree(zip, "xl/drawings/drawing", ".xml");

  for (const sheet of spec.sheets) {
    if (!sheet.charts || sheet.charts.length === 0) continue;
    const sheetPath = sheetPaths.get(sheet.name);
    if (!sheetPath) throw new Error(`xlsx writer: sheet '${sheet.name}' missing from the written package`);

    const placed: PlacedChart[] = [];
    const drawingRels: Relationship[] = [];
    sheet.charts.forEach((chart, i) => {
      const part = `xl/charts/chart${chartNo++}.xml`;
      put(zip, part, chartXml(chart, { sheet: sheet.name, cells, lang: spec.lang }));
      overrides.push({ part, type: CT_CHART });
      const relId = `rId${i + 1}`;
      placed.push({ chart, relId });
      drawingRels.push({ id: relId, type: REL_CHART, target: `../charts/${basename(part)}` });
    });

    const drawingPart = `xl/drawings/drawing${drawingNo++}.xml`;
    put(zip, drawingPart, drawingXml(placed));
    put(zip, relsPathOf(drawingPart), relationshipsXml(drawingRels));
    overrides.push({ part: drawingPart, type: CT_DRAWING });

    // The sheet's relationships: keep what ExcelJS wrote (hyperlinks, ...) and add the drawing.
    const sheetRelsPath = relsPathOf(sheetPath);
    const existing = zip.file(sheetRelsPath) ? await zip.file(sheetRelsPath)!.async("string") : null;
    const rels: Relationship[] = existing
      ? elementAttributes(existing, "Relationship").map((a) => ({
          id: a.Id,
          type: a.Type,
          target: a.Target,
          ...(a.TargetMode ? { mode: a.TargetMode } : {}),
        }))
      : [];
    const drawingRelId = freeRelId(rels.map((r) => r.id));
    rels.push({ id: drawingRelId, type: REL_DRAWING, target: `../drawings/${basename(drawingPart)}` });
    put(zip, sheetRelsPath, relationshipsXml(rels));

    const sheetXml = await zip.file(sheetPath)!.async("string");
    put(zip, sheetPath, withDrawingElement(sheetXml, drawingRelId, sheet.name));
  }

  const ctPath = "[Content_Types].xml";
  put(zip, ctPath, withOverrides(await zip.file(ctPath)!.async("string"), overrides));
}

/** Sheet name -> path of its worksheet part, from the workbook part and its relationships. */
export async function worksheetPaths(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map(elementAttributes(rels, "Relationship").map((a) => [a.Id, a.Target]));
  const out = new Map<string, string>();
  for (const s of elementAttributes(workbook, "sheet")) {
    const target = targets.get(s["r:id"]);
    if (!target) continue;
    out.set(s.name, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return out;
}

export function withDrawingElement(sheetXml: string, relId: string, sheetName: string): string {
  if (/<drawing[\s/>]/.test(sheetXml)) {
    throw new Error(`xlsx writer: sheet '${sheetName}' already has a drawing`);
  }
  let xml = sheetXml;
  // The r: prefix must be bound on the root for <drawing r:id>.
  if (!/<worksheet[^>]*\sxmlns:r=/.test(xml)) xml = xml.replace(/<worksheet(\s|>)/, `<worksheet xmlns:r="${NS_R}"$1`);
  const element = `<drawing r:id="${relId}"/>`;
  let at = -1;
  for (const name of AFTER_DRAWING) {
    const m = new RegExp(`<${name}[\\s/>]`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf("</worksheet>");
  if (at < 0) throw new Error(`xlsx writer: sheet '${sheetName}' part has no </worksheet>`);
  return xml.slice(0, at) + element + xml.slice(at);
}

function withOverrides(contentTypes: string, overrides: { part: string; type: string }[]): string {
  const present = new Set(elementAttributes(contentTypes, "Override").map((a) => a.PartName));
  const add = overrides
    .filter((o) => !present.has(`/${o.part}`))
    .map((o) => `<Override PartName="/${o.part}" ContentType="${o.type}"/>`)
    .join("");
  return contentTypes.replace("</Types>", `${add}</Types>`);
}

/** A part without folder entries: a package holds parts only, as Excel writes it. */
function put(zip: JSZip, part: string, text: string): void {
  zip.file(part, text, { createFolders: false });
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

function basename(part: string): string {
  return part.slice(part.lastIndexOf("/") + 1);
}

function nextFree(zip: JSZip, prefix: string, suffix: string): number {
  let n = 1;
  while (zip.file(`${prefix}${n}${suffix}`)) n++;
  return n;
}

function freeRelId(ids: string[]): string {
  const taken = new Set(ids);
  let n = ids.length + 1;
  while (taken.has(`rId${n}`)) n++;
  return `rId${n}`;
}
