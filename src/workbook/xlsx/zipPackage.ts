// The results package assembled with Node's own zlib instead of JSZip's generateAsync: JSZip
// deflates in JavaScript (pako), about a third of a 1,000-sector `--out` run's CPU; zlib does the
// same in native code. The parts come from the JSZip object the writer built (ExcelJS's output,
// stored uncompressed, plus the charts, custom XML and bulk sheet parts), in its order, so the
// package holds exactly the same files. A plain ZIP (no ZIP64): parts and offsets must stay below
// 4 GiB, which the writer's cell limit (WORKBOOK_CELLS_MAX) keeps them far from.
import { crc32 as zlibCrc32, deflateRawSync } from "node:zlib";
import type JSZip from "jszip";

/** Parts deflated at level 1 (the bulk n × n sheets: numbers compress nearly as well, much faster). */
export interface ZipOptions {
  fast?: ReadonlySet<string>;
  /** The entries' modification time (the run's date, so the same run gives the same bytes). */
  date: Date;
  /** Called before each part is deflated; throws to stop (see XlsxOptions.checkpoint). */
  checkpoint?: () => void;
}

const MAX_32 = 0xffffffff;

export async function zipPackage(zip: JSZip, options: ZipOptions): Promise<Uint8Array> {
  const { time, date } = dosDateTime(options.date);
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  let count = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    options.checkpoint?.();
    const data = await entry.async("uint8array");
    const packed = deflateRawSync(data, { level: options.fast?.has(entry.name) ? 1 : 6 });
    const name = Buffer.from(entry.name, "utf8");
    if (data.length > MAX_32 || offset + packed.length + 30 + name.length > MAX_32) throw new Error(`xlsx writer: part '${entry.name}' is too large for a ZIP without ZIP64`);
    const fields = { crc: crc32(data), csize: packed.length, usize: data.length, time, date, utf8: /[^\x20-\x7e]/.test(entry.name) };
    chunks.push(localHeader(name, fields), packed);
    central.push(centralHeader(name, fields, offset));
    offset += 30 + name.length + packed.length;
    count++;
  }
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
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
