// Every cell of an .xlsx as stored (values, cached formula results, error values), read straight
// from the package XML so nothing is lost in a library's conversion (a cached 0, an error).
import JSZip from "jszip";
import { XMLParser } from "fast-xml-parser";
import { readFileSync } from "node:fs";
import { parseA1 } from "../../../src/engine/grid";
import { elementAttributes, xmlUnescape } from "../../../src/workbook/xlsx/xmlText";
import { BOOLEAN_FORMAT } from "../../../src/workbook/xlsx/writeCells";

export type Stored = { kind: "number"; value: number } | { kind: "string"; value: string } | { kind: "bool"; value: boolean } | { kind: "error"; value: string };

export interface StoredCell {
  sheet: string;
  address: string;
  row: number;
  col: number;
  formula: string | null;
  value: Stored | null;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false, trimValues: false });

function text(node: unknown): string {
  if (node === undefined || node === null) return "";
  if (typeof node === "string") return node;
  if (typeof node === "object" && "#text" in (node as Record<string, unknown>)) return String((node as Record<string, unknown>)["#text"]);
  return "";
}

async function sharedStrings(zip: JSZip): Promise<string[]> {
  const f = zip.file("xl/sharedStrings.xml");
  if (!f) return [];
  const sst = parser.parse(await f.async("string")).sst;
  const items = sst?.si === undefined ? [] : Array.isArray(sst.si) ? sst.si : [sst.si];
  return items.map((si: Record<string, unknown>) => {
    if (si.t !== undefined) return text(si.t);
    const runs = si.r === undefined ? [] : Array.isArray(si.r) ? si.r : [si.r];
    return runs.map((r: Record<string, unknown>) => text(r.t)).join("");
  });
}

/** Sheet name -> part path. */
export async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map(elementAttributes(rels, "Relationship").map((a) => [a.Id, a.Target]));
  const out = new Map<string, string>();
  for (const s of elementAttributes(wb, "sheet")) {
    const t = targets.get(s["r:id"])!;
    out.set(s.name, t.startsWith("/") ? t.slice(1) : `xl/${t}`);
  }
  return out;
}

/** Style index -> number format code (cellXfs of styles.xml; built-in ids other than General
 * are not needed here). */
async function formatCodes(zip: JSZip): Promise<string[]> {
  const f = zip.file("xl/styles.xml");
  if (!f) return [];
  const xml = await f.async("string");
  const codes = new Map(elementAttributes(xml, "numFmt").map((a) => [a.numFmtId, a.formatCode]));
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
  return [...xfs.matchAll(/<xf\s([^>]*?)\/?>/g)].map((m) => codes.get(/numFmtId="(\d+)"/.exec(m[1])?.[1] ?? "0") ?? "General");
}

export async function readStoredCells(file: string | Buffer): Promise<StoredCell[]> {
  const zip = await JSZip.loadAsync(typeof file === "string" ? readFileSync(file) : file);
  const sst = await sharedStrings(zip);
  const formats = await formatCodes(zip);
  const out: StoredCell[] = [];
  for (const [sheet, part] of await sheetParts(zip)) {
    const xml = await zip.file(part)!.async("string");
    for (const m of xml.matchAll(/<c\s([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = Object.fromEntries([...m[1].matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1], xmlUnescape(a[2])]));
      const inner = m[3] ?? "";
      const f = /<f[^>]*?(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner);
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner);
      const is = /<is>([\s\S]*?)<\/is>/.exec(inner);
      let value: Stored | null = null;
      const t = attrs.t ?? "n";
      if (t === "s" && v) value = { kind: "string", value: sst[Number(v[1])] };
      else if (t === "inlineStr" && is) value = { kind: "string", value: xmlUnescape(is[1].replace(/<[^>]+>/g, "")) };
      else if (t === "str" && v) value = { kind: "string", value: xmlUnescape(v[1]) };
      else if (t === "b" && v) value = { kind: "bool", value: v[1] === "1" };
      else if (t === "e" && v) value = { kind: "error", value: xmlUnescape(v[1]) };
      // LibreOffice saves a logical formula result (a check it recalculated) as the number 1 or 0
      // in a cell with the boolean format (the one Ripple writes on its checks, BOOLEAN_FORMAT):
      // a logical value, shown TRUE/FALSE by every reader; any other number stays a number.
      else if (v && formats[Number(attrs.s ?? 0)] === BOOLEAN_FORMAT && (v[1] === "1" || v[1] === "0")) value = { kind: "bool", value: v[1] === "1" };
      else if (v) value = { kind: "number", value: Number(v[1]) };
      const pos = parseA1(attrs.r)!;
      out.push({ sheet, address: attrs.r, row: pos.row, col: pos.col, formula: f ? xmlUnescape(f[1] ?? "") : null, value });
    }
  }
  return out;
}

/** Replaces the stored number of one cell (an input the reviewer would type over). */
export async function setNumber(file: Buffer, sheet: string, address: string, value: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(file);
  const part = (await sheetParts(zip)).get(sheet)!;
  const xml = await zip.file(part)!.async("string");
  const re = new RegExp(`<c r="${address}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`);
  const m = re.exec(xml);
  if (!m) throw new Error(`no cell ${sheet}!${address}`);
  const attrs = m[1].replace(/\st="[^"]*"/, "");
  zip.file(part, xml.replace(re, `<c r="${address}"${attrs}><v>${value}</v></c>`));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
