// The bulk blocks (bulkBlocks.ts) put into the package ExcelJS wrote for everything else: one
// cell format per look added to the styles part, and each sheet part rebuilt with the block
// rows merged, in row order, with the rows ExcelJS wrote (which never share a row with a bulk
// block).
import type JSZip from "jszip";
import type { BlockSpec, SheetSpec } from "../../report/spec";
import { a1 } from "../../engine/grid";
import { ByteWriter } from "./byteWriter";
import { bulkLooks, lookKey, writeBulkRows, type BulkLook } from "./bulkBlocks";
import { elementAttributes, xmlEscape } from "./xmlText";

const STYLES = "xl/styles.xml";
/** The first number-format id free for custom formats (ECMA-376 Part 1, §18.8.30). */
const FIRST_CUSTOM_NUMFMT = 164;

/** Adds a cell format for each look to the styles part; returns the index of each look's format. */
export async function addBulkStyles(zip: JSZip, blocks: BlockSpec[]): Promise<Map<string, number>> {
  let xml = await zip.file(STYLES)!.async("string");
  const formats = new Map<string, number>();
  let nextId = FIRST_CUSTOM_NUMFMT;
  for (const a of elementAttributes(xml, "numFmt")) {
    const id = Number(a.numFmtId);
    formats.set(a.formatCode, id);
    nextId = Math.max(nextId, id + 1);
  }
  const newFormats: string[] = [];
  const fmtId = (code: string | null): number => {
    if (code === null || code === "General") return 0;
    let id = formats.get(code);
    if (id === undefined) {
      id = nextId++;
      formats.set(code, id);
      newFormats.push(`<numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`);
    }
    return id;
  };

  const xfCount = elementAttributes(xml.slice(xml.indexOf("<cellXfs"), xml.indexOf("</cellXfs>")), "xf").length;
  const ids = new Map<string, number>();
  const newXfs: string[] = [];
  for (const look of bulkLooks(blocks)) {
    if (look.numFmt === null && !look.right) {
      ids.set(lookKey(look), 0); // the default format, as ExcelJS leaves it
      continue;
    }
    const id = fmtId(look.numFmt);
    const numAttr = id === 0 ? "" : ' applyNumberFormat="1"';
    const xf = look.right
      ? `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${numAttr} applyAlignment="1"><alignment horizontal="right"/></xf>`
      : `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${numAttr}/>`;
    ids.set(lookKey(look), xfCount + newXfs.length);
    newXfs.push(xf);
  }

  if (newFormats.length > 0) {
    if (/<numFmts[\s>]/.test(xml)) {
      const count = elementAttributes(xml, "numFmt").length + newFormats.length;
      xml = xml.replace(/<numFmts[^>]*>/, `<numFmts count="${count}">`).replace("</numFmts>", `${newFormats.join("")}</numFmts>`);
    } else {
      // numFmts is the first child of styleSheet (§18.8.39).
      xml = xml.replace(/(<styleSheet[^>]*>)/, `$1<numFmts count="${newFormats.length}">${newFormats.join("")}</numFmts>`);
    }
  }
  if (newXfs.length > 0) {
    xml = xml.replace(/<cellXfs[^>]*>/, `<cellXfs count="${xfCount + newXfs.length}">`).replace("</cellXfs>", `${newXfs.join("")}</cellXfs>`);
  }
  zip.file(STYLES, xml, { createFolders: false });
  return ids;
}

/** The sheet part with the bulk blocks' rows merged into its sheetData, as UTF-8 bytes. */
export function spliceBulkRows(sheetXml: string, sheet: SheetSpec, blocks: BlockSpec[], xfOf: (l: BulkLook) => number, checkpoint?: () => void): Uint8Array {
  const open = sheetXml.search(/<sheetData\s*\/>|<sheetData>/);
  if (open < 0) throw new Error(`xlsx writer: sheet '${sheet.name}' part has no sheetData`);
  const selfClosing = sheetXml.startsWith("<sheetData/>", open) || /^<sheetData\s+\/>/.test(sheetXml.slice(open, open + 20));
  const bodyStart = selfClosing ? sheetXml.indexOf(">", open) + 1 : open + "<sheetData>".length;
  const bodyEnd = selfClosing ? bodyStart : sheetXml.indexOf("</sheetData>", bodyStart);
  const after = selfClosing ? bodyStart : bodyEnd + "</sheetData>".length;

  // The rows ExcelJS wrote, with their (one-based) numbers.
  const kept: { row: number; xml: string }[] = [];
  const body = sheetXml.slice(bodyStart, bodyEnd);
  for (const m of body.matchAll(/<row\s[^>]*?\/>|<row\s[\s\S]*?<\/row>/g)) {
    const r = /\sr="(\d+)"/.exec(m[0]);
    kept.push({ row: r ? Number(r[1]) : 0, xml: m[0] });
  }

  // Sized once from the cell count, so the buffer is not regrown and copied on the way: a number
  // cell is 52 bytes at 509 sectors (48 was too few: the 13 MB part was copied into a 26 MB
  // buffer); 60 holds 3-letter columns, 4-digit rows, a style and String()'s longest forms.
  let cells = 0;
  for (const b of blocks) for (const row of b.values) cells += row.length;
  const out = new ByteWriter(sheetXml.length * 3 + cells * 60 + 4096);
  out.text(withDimension(sheetXml.slice(0, open), sheet));
  out.ascii("<sheetData>");
  const ordered = [...blocks].sort((x, y) => x.row - y.row);
  let k = 0;
  for (const b of ordered) {
    while (k < kept.length && kept[k].row <= b.row) out.text(kept[k++].xml);
    writeBulkRows(out, b, sheet.name, xfOf, checkpoint);
  }
  while (k < kept.length) out.text(kept[k++].xml);
  out.ascii("</sheetData>");
  out.text(sheetXml.slice(after));
  return out.result();
}

/** The sheet's <dimension> covering every block (ExcelJS computed it from its own cells only). */
function withDimension(head: string, sheet: SheetSpec): string {
  let rows = 0;
  let cols = 0;
  for (const b of sheet.blocks) {
    rows = Math.max(rows, b.row + b.values.length);
    for (const r of b.values) cols = Math.max(cols, b.col + r.length);
  }
  if (rows === 0 || cols === 0) return head;
  return head.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:${a1(rows - 1, cols - 1)}"/>`);
}
