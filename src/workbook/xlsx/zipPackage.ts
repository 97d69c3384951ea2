// The results package assembled with Node's own zlib instead of JSZip's generateAsync: JSZip
// deflates in JavaScript (pako), about a third of a 1,000-sector `--out` run's CPU; zlib does the
// same in native code. The parts come from the JSZip object the writer built (ExcelJS's output,
// stored uncompressed, plus the charts, custom XML and bulk sheet parts), in its order, so the
// package holds exactly the same files. A plain ZIP (no ZIP64): parts and offsets must stay below
// 4 GiB, which the writer's cell limit (WORKBOOK_CELLS_MAX) keeps them far from.
// Parts are deflated by zlib's asynchronous calls, which run on libuv's thread pool: the parts
// are packed side by side on the machine's other cores, and a bulk sheet handed over early
// (`early`) is packed while the JavaScript thread writes the next one (at 509 sectors the two
// n × n sheets, 27 MB of XML, took 0.2–0.3 s to deflate one after the other on this thread).
// zlib's output does not depend on the thread it runs on: the bytes are those of deflateRawSync.
import { crc32 as zlibCrc32, deflateRaw } from "node:zlib";
import type JSZip from "jszip";

export interface ZipOptions {
  /** Parts deflated at level 1 (the bulk n × n sheets: numbers compress nearly as well, much faster). */
  fast?: ReadonlySet<string>;
  /** The entries' modification time (the run's date, so the same run gives the same bytes). */
  date: Date;
  /** Called before each part is deflated; throws to stop (see XlsxOptions.checkpoint). */
  checkpoint?: () => void;
  /** Parts packed before the package is assembled (ZipPacker.addEarly), by name: each takes the place
   * of the JSZip entry of that name. */
  early?: ReadonlyMap<string, PackedPart>;
}

/** One part being deflated: what its headers need, and the deflated bytes when they are ready. */
export interface PackedPart {
  crc: number;
  usize: number;
  packed: Promise<Uint8Array>;
}

const MAX_32 = 0xffffffff;
/** Level of the bulk sheets (see ZipOptions.fast); every other part is deflated at 6. */
export const FAST_LEVEL = 1;

/** Starts deflating `data` on the thread pool. The output buffer holds the whole result (deflate's
 * worst case is a few bytes per 16 kB above the input), so zlib does it in one call on the pool,
 * not one call per 16 kB that would each wait for this thread between them. */
export function packPart(data: Uint8Array, level: number): PackedPart {
  const packed = new Promise<Uint8Array>((resolve, reject) => {
    deflateRaw(data, { level, chunkSize: Math.max(64 * 1024, data.length + (data.length >> 8) + 1024) }, (err, out) => (err ? reject(err) : resolve(out)));
  });
  // A run stopped (Ctrl+C) before the package is assembled never awaits it: no unhandled rejection.
  packed.catch(() => {});
  return { crc: crc32(data), usize: data.length, packed };
}

/** The command line's packer (XlsxOptions.pack): bulk sheets handed over as they are written are
 * deflated meanwhile; `finish` assembles the package. */
export class ZipPacker {
  private readonly early = new Map<string, PackedPart>();
  constructor(private readonly checkpoint?: () => void) {}

  /** A finished bulk sheet part, deflated at FAST_LEVEL from now on. */
  addEarly(name: string, bytes: Uint8Array): void {
    this.early.set(name, packPart(bytes, FAST_LEVEL));
  }

  finish(zip: JSZip, date: Date): Promise<Uint8Array> {
    return zipPackage(zip, { date, checkpoint: this.checkpoint, early: this.early });
  }
}

export async function zipPackage(zip: JSZip, options: ZipOptions): Promise<Uint8Array> {
  const { time, date } = dosDateTime(options.date);
  const parts: { name: Buffer; utf8: boolean; part: PackedPart }[] = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    options.checkpoint?.();
    let part = options.early?.get(entry.name);
    if (!part) part = packPart(await entry.async("uint8array"), options.fast?.has(entry.name) ? FAST_LEVEL : 6);
    parts.push({ name: Buffer.from(entry.name, "utf8"), utf8: /[^\x20-\x7e]/.test(entry.name), part });
  }
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const { name, utf8, part } of parts) {
    const packed = await part.packed;
    options.checkpoint?.();
    if (part.usize > MAX_32 || offset + packed.length + 30 + name.length > MAX_32) throw new Error(`xlsx writer: part '${name.toString("utf8")}' is too large for a ZIP without ZIP64`);
    const fields = { crc: part.crc, csize: packed.length, usize: part.usize, time, date, utf8 };
    chunks.push(localHeader(name, fields), packed);
    central.push(centralHeader(name, fields, offset));
    offset += 30 + name.length + packed.length;
  }
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

interface EntryFields {
  crc: number;
  csize: number;
  usize: number;
  time: number;
  date: number;
  utf8: boolean;
}

function localHeader(name: Buffer, f: EntryFields): Buffer {
  const h = Buffer.alloc(30 + name.length);
  h.writeUInt32LE(0x04034b50, 0);
  entryFields(h, 4, f, name.length);
  name.copy(h, 30);
  return h;
}

function centralHeader(name: Buffer, f: EntryFields, offset: number): Buffer {
  const h = Buffer.alloc(46 + name.length);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4); // made by 2.0
  entryFields(h, 6, f, name.length);
  h.writeUInt32LE(offset, 42);
  name.copy(h, 46);
  return h;
}

/** The fields both headers hold in the same order, from `at`: version needed, flags, method,
 * time, date, CRC, sizes and the name's length (26 bytes). */
function entryFields(h: Buffer, at: number, f: EntryFields, nameLength: number): void {
  h.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
  h.writeUInt16LE(f.utf8 ? 0x0800 : 0, at + 2);
  h.writeUInt16LE(8, at + 4); // deflate
  h.writeUInt16LE(f.time, at + 6);
  h.writeUInt16LE(f.date, at + 8);
  h.writeUInt32LE(f.crc, at + 10);
  h.writeUInt32LE(f.csize, at + 14);
  h.writeUInt32LE(f.usize, at + 18);
  h.writeUInt16LE(nameLength, at + 22);
}

/** MS-DOS date and time of the entries (local fields, two-second resolution, from 1980). */
function dosDateTime(d: Date): { time: number; date: number } {
  const t = Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : d;
  return {
    time: (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | (t.getUTCSeconds() >> 1),
    date: ((t.getUTCFullYear() - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate(),
  };
}

let table: Uint32Array | null = null;
/** zlib's CRC-32 where Node has it (20.15 and later), else the same by table. */
function crc32(data: Uint8Array): number {
  if (typeof zlibCrc32 === "function") return zlibCrc32(data) >>> 0;
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
