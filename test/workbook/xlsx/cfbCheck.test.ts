// The .xls container check that runs before LibreOffice (src/workbook/xlsx/cfbCheck.ts). The
// compound files are built here field by field ([MS-CFB] 2.2-2.6) so each damage is one edit; a
// real .xls written by LibreOffice is checked in test/cli/xls.test.ts.
import { describe, expect, it } from "vitest";
import { cfbProblem } from "../../../src/workbook/xlsx/cfbCheck";

const END = 0xfffffffe;
const FREE = 0xffffffff;
const FATSECT = 0xfffffffd;

interface Spec {
  shift?: 9 | 12;
  name?: string;
  /** Bytes of the workbook stream: under 4,096 it lives in the mini stream. */
  size?: number;
  /** The first two bytes of the stream (a BIFF BOF record is 0x0809). */
  head?: number;
}

interface Header {
  shift: 9 | 12;
  fatSectors: number;
  dirStart: number;
  miniFatStart: number;
  miniFatSectors: number;
  difatStart: number;
  difatSectors: number;
  /** The header's 109 DIFAT slots: FAT sector i is sector `headerFat(i)` (FREE past the count). */
  headerFat: (i: number) => number;
}

/** The 512-byte header ([MS-CFB] 2.2). */
function writeHeader(buf: Buffer, h: Header): void {
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(0x3e, 24);
  buf.writeUInt16LE(h.shift === 9 ? 3 : 4, 26);
  buf.writeUInt16LE(0xfffe, 28);
  buf.writeUInt16LE(h.shift, 30);
  buf.writeUInt16LE(6, 32);
  buf.writeUInt32LE(h.fatSectors, 44);
  buf.writeUInt32LE(h.dirStart, 48);
  buf.writeUInt32LE(4096, 56);
  buf.writeUInt32LE(h.miniFatStart, 60);
  buf.writeUInt32LE(h.miniFatSectors, 64);
  buf.writeUInt32LE(h.difatStart, 68);
  buf.writeUInt32LE(h.difatSectors, 72);
  for (let i = 0; i < 109; i++) buf.writeUInt32LE(h.headerFat(i), 76 + 4 * i);
}

/** Directory entry i of the directory sector at dirAt ([MS-CFB] 2.6), without siblings. */
function writeEntry(buf: Buffer, dirAt: number, i: number, name: string, type: number, child: number, start: number, size: number): void {
  const at = dirAt + 128 * i;
  buf.write(name, at, "utf16le");
  buf.writeUInt16LE((name.length + 1) * 2, at + 64);
  buf[at + 66] = type;
  buf.writeUInt32LE(FREE, at + 68);
  buf.writeUInt32LE(FREE, at + 72);
  buf.writeUInt32LE(child, at + 76);
  buf.writeUInt32LE(start, at + 116);
  buf.writeUInt32LE(size, at + 120);
}

/** A compound file: sector 0 the FAT, 1 the directory, then the stream (or the mini FAT and the
 * mini stream). Returns the bytes and the FAT's offset, for edits. */
function buildCfb({ shift = 9, name = "Workbook", size = 5000, head = 0x0809 }: Spec = {}) {
  const ss = 1 << shift;
  const small = size < 4096;
  const miniBytes = Math.ceil(size / 64) * 64;
  const dataSectors = small ? 1 + Math.ceil(miniBytes / ss) : Math.ceil(size / ss);
  const buf = Buffer.alloc(ss * (1 + 2 + dataSectors));
  writeHeader(buf, {
    shift,
    fatSectors: 1,
    dirStart: 1,
    miniFatStart: small ? 2 : END,
    miniFatSectors: small ? 1 : 0,
    difatStart: END, // no DIFAT sectors
    difatSectors: 0,
    headerFat: (i) => (i === 0 ? 0 : FREE),
  });
  const fatAt = ss;
  const fat = (i: number, v: number) => buf.writeUInt32LE(v, fatAt + 4 * i);
  for (let i = 0; i < ss / 4; i++) fat(i, FREE);
  fat(0, FATSECT);
  fat(1, END);
  const chain = (from: number, n: number) => {
    for (let k = 0; k < n; k++) fat(from + k, k === n - 1 ? END : from + k + 1);
  };
  if (small) {
    fat(2, END); // the mini FAT, one sector
    chain(3, dataSectors - 1);
    const minis = miniBytes / 64;
    for (let i = 0; i < ss / 4; i++) buf.writeUInt32LE(i < minis - 1 ? i + 1 : i === minis - 1 ? END : FREE, 3 * ss + 4 * i);
    buf.writeUInt16LE(head, 4 * ss);
  } else {
    chain(2, dataSectors);
    buf.writeUInt16LE(head, 3 * ss);
  }
  const dirAt = 2 * ss;
  const entry = (i: number, n: string, type: number, child: number, start: number, sz: number) => writeEntry(buf, dirAt, i, n, type, child, start, sz);
  for (let i = 0; i < ss / 128; i++) entry(i, "", 0, FREE, END, 0);
  entry(0, "Root Entry", 5, 1, small ? 3 : END, small ? miniBytes : 0);
  entry(1, name, 2, FREE, small ? 0 : 2, size);
  return { buf, fatAt, dirAt };
}

const en = (b: Uint8Array) => cfbProblem(b)?.en;

/** A workbook of about 7 MB: 110 FAT sectors, one more than the header lists, so the 110th is found
 * through a DIFAT sector (sectors 0–109 FAT, 110 DIFAT, 111 directory, then the stream). */
function buildWithDifat() {
  const ss = 512;
  const fatSectors = 110;
  const streamSectors = 13_900; // 112 + 13,900 sectors fit the 110 × 128 FAT entries
  const buf = Buffer.alloc(ss * (1 + 112 + streamSectors));
  writeHeader(buf, {
    shift: 9,
    fatSectors,
    dirStart: 111,
    miniFatStart: END,
    miniFatSectors: 0,
    difatStart: 110, // first DIFAT sector
    difatSectors: 1,
    headerFat: (i) => i,
  });
  const fat = (i: number, v: number) => buf.writeUInt32LE(v, ss * (1 + Math.floor(i / 128)) + 4 * (i % 128));
  for (let i = 0; i < fatSectors * 128; i++) fat(i, FREE);
  for (let i = 0; i < fatSectors; i++) fat(i, FATSECT);
  fat(110, 0xfffffffc); // DIFSECT
  fat(111, END);
  for (let k = 0; k < streamSectors; k++) fat(112 + k, k === streamSectors - 1 ? END : 113 + k);
  const difatAt = ss * 111;
  for (let i = 0; i < 127; i++) buf.writeUInt32LE(i === 0 ? 109 : FREE, difatAt + 4 * i);
  buf.writeUInt32LE(END, difatAt + 4 * 127);
  const dirAt = ss * 112;
  const entry = (i: number, n: string, type: number, child: number, start: number, size: number) => writeEntry(buf, dirAt, i, n, type, child, start, size);
  for (let i = 0; i < 4; i++) entry(i, "", 0, FREE, END, 0);
  entry(0, "Root Entry", 5, 1, END, 0);
  entry(1, "Workbook", 2, FREE, 112, streamSectors * ss);
  buf.writeUInt16LE(0x0809, ss * 113);
  return { buf, difatAt };
}

describe("the .xls container check before LibreOffice", () => {
  it("passes whole containers: version 3 and 4, a large Workbook and a small Book in the mini stream", () => {
    expect(cfbProblem(buildCfb().buf)).toBeNull();
    expect(cfbProblem(buildCfb({ shift: 12, size: 9000 }).buf)).toBeNull();
    expect(cfbProblem(buildCfb({ name: "Book", size: 300 }).buf)).toBeNull();
  });

  it("finds FAT sectors past the header's 109 through the DIFAT, and refuses a DIFAT that lists too few", () => {
    expect(cfbProblem(buildWithDifat().buf)).toBeNull();
    const short = buildWithDifat();
    short.buf.writeUInt32LE(FREE, short.difatAt);
    expect(en(short.buf)).toMatch(/the FAT leads to sector 4,294,967,295, but the file ends after 14,012 sectors/);
    const cut = buildWithDifat();
    cut.buf.writeUInt32LE(END, 68); // the header says one DIFAT sector but names none
    expect(en(cut.buf)).toMatch(/the DIFAT lists 109 FAT sectors, fewer than the header's 110/);
  });

  it("refuses the signature followed by random bytes", () => {
    let seed = 16;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24) & 0xff;
    for (let k = 0; k < 50; k++) {
      const b = Buffer.alloc(200_000);
      for (let i = 0; i < b.length; i++) b[i] = rand();
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
      expect(cfbProblem(b)).not.toBeNull();
    }
  });

  it("refuses a file cut short inside the workbook stream, naming the stream", () => {
    const { buf } = buildCfb({ size: 20_000 });
    expect(en(buf.subarray(0, 512 * 3 + 5000))).toMatch(/the Workbook stream leads to sector 12, but there are only 12 sectors: the file is cut short/);
    expect(en(buf.subarray(0, 300))).toMatch(/no 512-byte header: the file has 300 bytes/);
  });

  it("refuses a header with a wrong field", () => {
    const edit = (at: number, v: number) => {
      const { buf } = buildCfb();
      buf.writeUInt16LE(v, at);
      return en(buf);
    };
    expect(edit(28, 0xfeff)).toMatch(/byte-order mark FFFE/);
    expect(edit(30, 12)).toMatch(/version 3 with sector shift 12/);
    expect(edit(32, 5)).toMatch(/mini sector shift 5, not 6/);
    expect(edit(56, 512)).toMatch(/mini stream cutoff 512, not 4,096/);
    const { buf } = buildCfb();
    buf.writeUInt32LE(1_000_000, 44);
    expect(en(buf)).toMatch(/the header counts 1,000,000 FAT sectors for a file of 12 sectors/);
  });

  it("refuses chains that loop or leave the file", () => {
    const loop = buildCfb({ size: 20_000 });
    loop.buf.writeUInt32LE(3, loop.fatAt + 4 * 6); // sector 6 back to 3
    expect(en(loop.buf)).toMatch(/the Workbook stream's chain of sectors loops/);
    const out = buildCfb();
    out.buf.writeUInt32LE(50, out.dirAt + 128 + 116); // the stream (entry 1) starts past the end
    expect(en(out.buf)).toMatch(/Workbook stream leads to sector 50/);
    const dir = buildCfb();
    dir.buf.writeUInt32LE(99, 48);
    expect(en(dir.buf)).toMatch(/the directory leads to sector 99/);
  });

  it("refuses a container without an Excel workbook stream, or one not starting with BOF", () => {
    expect(en(buildCfb({ name: "WordDocument" }).buf)).toMatch(/no "Workbook" or "Book" stream/);
    expect(en(buildCfb({ head: 0 }).buf)).toMatch(/the Workbook stream does not start with a BIFF BOF record/);
    expect(en(buildCfb({ name: "Book", size: 300, head: 0x1234 }).buf)).toMatch(/the Book stream does not start/);
    const noRoot = buildCfb();
    noRoot.buf[noRoot.dirAt + 66] = 1;
    expect(en(noRoot.buf)).toMatch(/no root entry/);
  });

  it("says what is wrong in Japanese too", () => {
    const p = cfbProblem(buildCfb({ name: "WordDocument" }).buf);
    expect(p?.ja).toMatch(/「Workbook」「Book」ストリームがありません/);
    const cut = buildCfb({ size: 20_000 }).buf.subarray(0, 512 * 3 + 5000);
    expect(cfbProblem(cut)?.ja).toMatch(/Workbook ストリームが指すセクタ 12 がありません/);
  });
});
