// A cheap check of an .xls file's container (an OLE compound file, [MS-CFB]) before LibreOffice
// is started: LibreOffice takes seconds to start and to give up on a damaged or hostile file
// (4.7 s for the signature followed by random bytes), and would read a Word or PowerPoint file
// as a document. Checked here, in milliseconds: the header's fixed fields, that the FAT, the
// DIFAT, the directory and the workbook stream's sector chains stay inside the file and end, that
// the root storage holds a stream named "Workbook" (BIFF8) or "Book" (BIFF5), and that it starts
// with a BIFF BOF record. Nothing of the workbook's content is interpreted: LibreOffice does that.
// Why not a parser from npm: no compound-file parser is among the project's dependencies
// (`cfb` is not in node_modules), and these checks are a few chain walks, not a reader.

/** What is wrong with the container, in both languages. */
export type CfbProblem = { ja: string; en: string };

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The record type of a BIFF5/BIFF8 BOF record, the first record of a workbook stream. */
const BIFF_BOF = 0x0809;
const fmt = (x: number) => x.toLocaleString("en");
const sectorsEn = (x: number) => `${fmt(x)} sector${x === 1 ? "" : "s"}`;

class Bad extends Error {
  constructor(readonly problem: CfbProblem) {
    super(problem.en);
  }
}
const bad = (ja: string, en: string): never => {
  throw new Bad({ ja, en });
};

/** The chains this check walks, named in the messages. */
type Chain = { ja: string; en: string };
const CHAINS = {
  difat: { ja: "DIFAT", en: "the DIFAT" },
  fat: { ja: "FAT", en: "the FAT" },
  dir: { ja: "ディレクトリ", en: "the directory" },
  miniFat: { ja: "ミニ FAT", en: "the mini FAT" },
  miniStream: { ja: "ミニストリーム", en: "the mini stream" },
} satisfies Record<string, Chain>;

class Container {
  readonly view: DataView;
  readonly sectorSize: number;
  /** Sectors after the header (a last, partial sector counts: some writers do not pad it). */
  readonly sectors: number;
  fat = new Uint32Array(0);

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.length < 512 || MAGIC.some((b, i) => bytes[i] !== b)) {
      bad(`512 バイトのヘッダーがありません：ファイルは ${fmt(bytes.length)} バイトです`, `no 512-byte header: the file has ${fmt(bytes.length)} bytes`);
    }
    const u16 = (at: number) => this.view.getUint16(at, true);
    if (u16(28) !== 0xfffe) bad("ヘッダーのバイト順の印 FFFE がありません", "the header has no byte-order mark FFFE");
    const major = u16(26);
    const shift = u16(30);
    if (!((major === 3 && shift === 9) || (major === 4 && shift === 12))) {
      bad(`版 ${major} とセクタの大きさ 2^${shift} が合いません：版 3 は 2^9、版 4 は 2^12`, `version ${major} with sector shift ${shift}: 3 goes with 9, 4 with 12`);
    }
    if (u16(32) !== 6) bad(`ミニセクタの大きさが 2^${u16(32)} で、2^6 ではありません`, `mini sector shift ${u16(32)}, not 6`);
    if (this.u32(56) !== 4096) bad(`ミニストリームの境界が ${fmt(this.u32(56))} で、4,096 ではありません`, `mini stream cutoff ${fmt(this.u32(56))}, not 4,096`);
    this.sectorSize = 1 << shift;
    this.sectors = Math.max(0, Math.ceil((bytes.length - this.sectorSize) / this.sectorSize));
  }

  u32(at: number): number {
    return this.view.getUint32(at, true);
  }

  /** Byte offset of a whole sector, which must lie in the file. */
  sectorAt(s: number, chain: Chain): number {
    const at = (s + 1) * this.sectorSize;
    if (s >= this.sectors || at + this.sectorSize > this.bytes.length) {
      bad(`${chain.ja}が指すセクタ ${fmt(s)} はファイルの外です：ファイルは ${fmt(this.sectors)} セクタで終わっています`, `${chain.en} leads to sector ${fmt(s)}, but the file ends after ${sectorsEn(this.sectors)}`);
    }
    return at;
  }

  /** The FAT's sector numbers: 109 in the header, the rest in the DIFAT's chain of sectors. */
  readFat(): void {
    const count = this.u32(44);
    if (count < 1 || count > this.sectors) {
      bad(`FAT のセクタ数 ${fmt(count)} がファイルのセクタ数 ${fmt(this.sectors)} に合いません`, `the header counts ${fmt(count)} FAT sectors for a file of ${sectorsEn(this.sectors)}`);
    }
    const where: number[] = [];
    for (let i = 0; i < 109 && where.length < count; i++) where.push(this.u32(76 + 4 * i));
    const perDifat = this.sectorSize / 4 - 1;
    let next = this.u32(68);
    for (let hops = 0; where.length < count; hops++) {
      if (next === ENDOFCHAIN || next === FREESECT || hops >= this.sectors) {
        bad(`DIFAT にある FAT のセクタが ${fmt(where.length)} 個で、ヘッダーの ${fmt(count)} 個に足りません`, `the DIFAT lists ${fmt(where.length)} FAT sectors, fewer than the header's ${fmt(count)}`);
      }
      const at = this.sectorAt(next, CHAINS.difat);
      for (let i = 0; i < perDifat && where.length < count; i++) where.push(this.u32(at + 4 * i));
      next = this.u32(at + 4 * perDifat);
    }
    const perSector = this.sectorSize / 4;
    this.fat = new Uint32Array(count * perSector);
    where.forEach((s, k) => {
      const at = this.sectorAt(s, CHAINS.fat);
      for (let i = 0; i < perSector; i++) this.fat[k * perSector + i] = this.u32(at + 4 * i);
    });
  }

  /** A chain of sectors through `table` (the FAT or the mini FAT) from `start`: every sector below
   * `limit`, no loop, and at least `need` sectors when given (the stream's stated size). */
  chain(start: number, table: Uint32Array, limit: number, what: Chain, need?: number): number[] {
    const out: number[] = [];
    const seen = new Uint8Array(limit);
    for (let s = start; s !== ENDOFCHAIN; s = table[s]) {
      if (need !== undefined && out.length >= need) break;
      if (s >= limit || s >= table.length) {
        bad(`${what.ja}が指すセクタ ${fmt(s)} がありません：セクタは ${fmt(limit)} 個で、ファイルが途中で切れているか壊れています`, `${what.en} leads to sector ${fmt(s)}, but there are only ${sectorsEn(limit)}: the file is cut short or damaged`);
      }
      if (seen[s]) bad(`${what.ja}のセクタの連鎖が循環しています`, `${what.en}'s chain of sectors loops`);
      seen[s] = 1;
      out.push(s);
    }
    if (need !== undefined && out.length < need) {
      bad(`${what.ja}が ${fmt(need)} セクタのうち ${fmt(out.length)} セクタで終わっています：ファイルが途中で切れています`, `${what.en} ends after ${fmt(out.length)} of its ${fmt(need)} sectors: the file is cut short`);
    }
    return out;
  }
}

type Entry = { name: string; type: number; left: number; right: number; child: number; start: number; size: number };

function readDirectory(c: Container): Entry[] {
  const entries: Entry[] = [];
  for (const s of c.chain(c.u32(48), c.fat, c.sectors, CHAINS.dir)) {
    const base = c.sectorAt(s, CHAINS.dir);
    for (let at = base; at < base + c.sectorSize; at += 128) {
      const nameBytes = Math.min(64, c.view.getUint16(at + 64, true));
      let name = "";
      for (let i = 0; i + 2 < nameBytes; i += 2) name += String.fromCharCode(c.view.getUint16(at + i, true));
      // Version 3 files may hold anything in the size's high 32 bits ([MS-CFB] 2.6.3).
      const high = c.sectorSize === 512 ? 0 : c.u32(at + 124);
      const size = c.u32(at + 120) + high * 2 ** 32;
      entries.push({ name, type: c.bytes[at + 66], left: c.u32(at + 68), right: c.u32(at + 72), child: c.u32(at + 76), start: c.u32(at + 116), size });
    }
  }
  return entries;
}

/** The stream named Workbook or Book among the root storage's children (a red-black tree). */
function findWorkbook(entries: Entry[]): Entry {
  const root = entries[0];
  if (!root || root.type !== 5) bad("ディレクトリにルートの項目がありません", "the directory has no root entry");
  const seen = new Set<number>();
  const todo = [root.child];
  while (todo.length > 0) {
    const i = todo.pop()!;
    if (i >= entries.length || seen.has(i)) continue;
    seen.add(i);
    const e = entries[i];
    const upper = e.name.toUpperCase();
    if (e.type === 2 && (upper === "WORKBOOK" || upper === "BOOK")) return e;
    todo.push(e.left, e.right);
  }
  return bad(
    "「Workbook」「Book」ストリームがありません：Excel のブックではなく、別の Office 文書かもしれません",
    'no "Workbook" or "Book" stream: not an Excel workbook, perhaps another Office document',
  );
}

/** The first two bytes of the workbook stream, following its chain in the FAT or the mini stream. */
function workbookHead(c: Container, root: Entry, wb: Entry): number {
  const what: Chain = { ja: `${wb.name} ストリーム`, en: `the ${wb.name} stream` };
  if (wb.size < 4) bad(`${what.ja}が ${wb.size} バイトしかありません`, `${what.en} holds only ${wb.size} bytes`);
  if (wb.size >= 4096) {
    const sectors = c.chain(wb.start, c.fat, c.sectors, what, Math.ceil(wb.size / c.sectorSize));
    return c.view.getUint16(c.sectorAt(sectors[0], what), true);
  }
  // A small stream lives in 64-byte sectors of the mini stream (the root entry's stream).
  const stream = c.chain(root.start, c.fat, c.sectors, CHAINS.miniStream, Math.ceil(root.size / c.sectorSize));
  const miniFatSectors = c.chain(c.u32(60), c.fat, c.sectors, CHAINS.miniFat, c.u32(64));
  const miniFat = new Uint32Array(miniFatSectors.length * (c.sectorSize / 4));
  miniFatSectors.forEach((s, k) => {
    const at = c.sectorAt(s, CHAINS.miniFat);
    for (let i = 0; i < c.sectorSize / 4; i++) miniFat[k * (c.sectorSize / 4) + i] = c.u32(at + 4 * i);
  });
  const mini = c.chain(wb.start, miniFat, Math.floor(root.size / 64), what, Math.ceil(wb.size / 64));
  const offset = mini[0] * 64;
  const at = c.sectorAt(stream[Math.floor(offset / c.sectorSize)], CHAINS.miniStream) + (offset % c.sectorSize);
  return c.view.getUint16(at, true);
}

/** null when the bytes are a compound file whose Workbook (or Book) stream is whole and starts
 * like a BIFF workbook; else what is wrong, to be said before LibreOffice is started. */
export function cfbProblem(bytes: Uint8Array): CfbProblem | null {
  try {
    const c = new Container(bytes);
    c.readFat();
    const entries = readDirectory(c);
    const wb = findWorkbook(entries);
    const head = workbookHead(c, entries[0], wb);
    if (head !== BIFF_BOF) {
      bad(`${wb.name} ストリームが BIFF の BOF レコードで始まっていません`, `the ${wb.name} stream does not start with a BIFF BOF record`);
    }
    return null;
  } catch (e) {
    if (e instanceof Bad) return e.problem;
    throw e;
  }
}
