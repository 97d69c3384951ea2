// A workbook is a zip of XML parts; a few kilobytes on disk can inflate to gigabytes. Before the
// workbook reader (ExcelJS, which inflates everything into memory) sees the bytes, this reads the
// zip's central directory — the sizes each part declares — and refuses a workbook over the
// stated limits (src/engine/limits.ts) at once. Then each part is inflated once with its declared
// size as a hard cap (a part that inflates beyond what it declares is a forged bomb), and the
// rows and cells of the sheets are counted, so a sheet of millions of tiny cells is refused
// before the reader builds an object for each of them.
//
// Written here: the zip readers at hand (JSZip in ExcelJS) inflate without a cap and do not
// expose the declared sizes before inflating.
import { RippleError } from "../../engine/errors";
import { LIMITS, overLimitText, type LimitName } from "../../engine/limits";

/** More parts than any workbook of a few dozen sheets with charts has. */
export const MAX_PARTS = 10_000;

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  localOffset: number;
}

function refuse(file: string, text: { ja: string; en: string }): never {
  throw new RippleError("input-too-large", text, { file });
}

function over(file: string, limit: LimitName, found: number, part?: string, atLeast = false): never {
  const t = overLimitText(limit, found, atLeast);
  refuse(file, part ? { ja: `${part}: ${t.ja}`, en: `${part}: ${t.en}` } : t);
}

function broken(file: string, why: string): never {
  throw new RippleError(
    "file-unreadable",
    {
      ja: `ブックを読み込めません（zip の構造が壊れています: ${why}）。Excel で開いて .xlsx 形式で保存し直してください。`,
      en: `Cannot read the workbook (broken zip structure: ${why}). Open it in Excel and save it again as .xlsx.`,
    },
    { file },
  );
}

/** The entries of the central directory (ZIP64 sizes included), without inflating anything. */
export function zipEntries(buf: Buffer, file: string): Entry[] {
  // End of central directory: 22 bytes plus a comment of up to 65,535, at the end.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) broken(file, "no end of central directory");
  let count = buf.readUInt16LE(eocd + 10);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  // ZIP64: the locator just before the EOCD points at the 64-bit record.
  if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && buf.readUInt32LE(eocd - 20) === 0x07064b50) {
    const z = Number(buf.readBigUInt64LE(eocd - 12));
    if (z + 56 > buf.length || buf.readUInt32LE(z) !== 0x06064b50) broken(file, "bad ZIP64 record");
    count = Number(buf.readBigUInt64LE(z + 32));
    cdOffset = Number(buf.readBigUInt64LE(z + 48));
  }
  if (count > MAX_PARTS)
    refuse(file, {
      ja: `部品（zip の項目）が ${count.toLocaleString("en")} 個あり、上限 ${MAX_PARTS.toLocaleString("en")} を超えます。`,
      en: `${count.toLocaleString("en")} parts (zip entries), more than the ${MAX_PARTS.toLocaleString("en")} Ripple reads.`,
    });
  const out: Entry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) broken(file, "bad central directory");
    const method = buf.readUInt16LE(p + 10);
    let compressed = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    // ZIP64 extended information: the 64-bit values, in this order, for the fields set to ~0.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = buf.readUInt16LE(x);
      const len = buf.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        const next = () => {
          const v = q + 8 <= x + 4 + len ? Number(buf.readBigUInt64LE(q)) : NaN;
          q += 8;
          return v;
        };
        if (size === 0xffffffff) size = next();
        if (compressed === 0xffffffff) compressed = next();
        if (localOffset === 0xffffffff) localOffset = next();
      }
      x += 4 + len;
    }
    if (!Number.isFinite(size) || !Number.isFinite(compressed)) broken(file, `bad sizes of ${name}`);
    out.push({ name, method, compressed, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Counts elements named `name` (any namespace prefix) in XML bytes, stopping past `max`. */
export function countElements(xml: Uint8Array, name: string, max: number): number {
  const code = Array.from(name, (ch) => ch.charCodeAt(0));
  const len = code.length;
  let n = 0;
  for (let i = xml.indexOf(60); i >= 0 && i < xml.length; i = xml.indexOf(60, i + 1)) {
    // Skip a prefix ("x:") if there is one.
    let s = i + 1;
    let e = s;
    while (e < xml.length && e - s < 16 && xml[e] !== 58 && xml[e] !== 32 && xml[e] !== 62 && xml[e] !== 47) e++;
    if (xml[e] === 58) s = e + 1;
    let ok = true;
    for (let k = 0; k < len; k++) if (xml[s + k] !== code[k]) { ok = false; break; }
    if (!ok) continue;
    const after = xml[s + len];
    if (after === 32 || after === 62 || after === 47 || after === 9 || after === 10 || after === 13) {
      if (++n > max) return n;
    }
  }
  return n;
}

/** Index of the first occurrence of `seq` (ASCII) at or after `from`, or -1. */
function indexOfText(xml: Uint8Array, seq: string, from: number): number {
  return Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength).indexOf(seq, from, "latin1");
}

/** The deepest nesting of elements in XML bytes, stopping past `max`. Comments, CDATA,
 * processing instructions and declarations are skipped whole; a '>' inside a quoted attribute
 * value does not end its tag. Malformed XML is the parser's to report, not this count's. */
export function xmlDepth(xml: Uint8Array, max: number): number {
  let depth = 0;
  let deepest = 0;
  let i = xml.indexOf(60);
  while (i >= 0 && i + 1 < xml.length) {
    const next = xml[i + 1];
    let end: number;
    if (next === 33) {
      // <!-- … -->, <![CDATA[ … ]]> or <!DOCTYPE …>
      if (xml[i + 2] === 45 && xml[i + 3] === 45) end = indexOfText(xml, "-->", i + 4) + 2;
      else if (xml[i + 2] === 91) end = indexOfText(xml, "]]>", i + 3) + 2;
      else end = xml.indexOf(62, i + 2);
    } else if (next === 63) end = indexOfText(xml, "?>", i + 2) + 1;
    else if (next === 47) {
      depth--;
      end = xml.indexOf(62, i + 2);
    } else {
      let quote = 0;
      end = -1;
      for (let j = i + 1; j < xml.length; j++) {
        const b = xml[j];
        if (quote) {
          if (b === quote) quote = 0;
        } else if (b === 34 || b === 39) quote = b;
        else if (b === 62) {
          end = j;
          break;
        }
      }
      if (end > 0 && xml[end - 1] !== 47 && ++depth > deepest && (deepest = depth) > max) return deepest;
    }
    if (end < 0) break;
    i = xml.indexOf(60, end + 1);
  }
  return deepest;
}

/** Refuses (exit 2, at once) a workbook over the limits; returns when it is within them. */
export function checkWorkbookLimits(buf: Buffer, file: string): void {
  if (buf.length > LIMITS.xlsxBytes) over(file, "xlsxBytes", buf.length);
  const entries = zipEntries(buf, file);
  let total = 0;
  for (const e of entries) {
    if (e.size > LIMITS.partBytes) over(file, "partBytes", e.size, e.name);
    total += e.size;
  }
  if (total > LIMITS.totalBytes) over(file, "totalBytes", total);
  // Declared sizes are the writer's word: inflate each part with its declaration as the cap.
  let cells = 0;
  let strings = 0;
  for (const e of entries) {
    const xml = inflatePart(buf, e, file);
    // Every XML part goes through the reader's parser, whose cost grows with the nesting.
    if (/\.(xml|rels|vml)$/i.test(e.name)) {
      const depth = xmlDepth(xml, LIMITS.xmlDepth);
      if (depth > LIMITS.xmlDepth) over(file, "xmlDepth", depth, e.name, true);
    }
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) {
      const rows = countElements(xml, "row", LIMITS.rows);
      if (rows > LIMITS.rows) over(file, "rows", rows, e.name, true);
      cells += countElements(xml, "c", LIMITS.xlsxCells - cells);
      if (cells > LIMITS.xlsxCells) over(file, "xlsxCells", cells, undefined, true);
    } else if (/^xl\/sharedStrings\.xml$/i.test(e.name)) {
      // Strings no cell can use are still objects in memory: no more than there may be cells.
      strings = countElements(xml, "si", LIMITS.xlsxCells);
      if (strings > LIMITS.xlsxCells) over(file, "xlsxCells", strings, e.name, true);
    }
  }
}

function inflatePart(buf: Buffer, e: Entry, file: string): Uint8Array {
  const h = e.localOffset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== 0x04034b50) broken(file, `bad local header of ${e.name}`);
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const data = buf.subarray(start, start + e.compressed);
  if (e.method === 0) {
    if (data.length !== e.size) broken(file, `stored size of ${e.name}`);
    return data;
  }
  if (e.method !== 8) broken(file, `compression method ${e.method} of ${e.name}`);
  try {
    // maxOutputLength: inflation stops at the declared size, however much more the data hold.
    // zlib is loaded here, when an xlsx is checked: a CSV run never needs it.
    const { inflateRawSync } = require("node:zlib") as typeof import("node:zlib");
    return inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
      refuse(file, {
        ja: `${e.name} は宣言より大きく展開されます（${e.size.toLocaleString("en")} バイトと宣言）。改ざんされたファイルの可能性があるため読みません。`,
        en: `${e.name} inflates to more than the ${e.size.toLocaleString("en")} bytes it declares; a forged file, not read.`,
      });
    broken(file, `${e.name}: ${(err as Error).message}`);
  }
}
