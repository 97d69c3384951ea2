// The command line's input files: .xlsx by sheet, .csv in UTF-8 (with or without BOM) or
// Shift_JIS, anything else refused with the file named.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readGridFile, writeXlsx, decodeText } from "../../../src/workbook/xlsx";
import { RippleError } from "../../../src/engine/errors";
import { sampleSpec, SECTORS } from "./sampleSpec";

const dir = mkdtempSync(join(tmpdir(), "ripple-readgrid-"));
// "部門,値\r\n農業,1\r\n" in Shift_JIS (cp932), as `iconv -t shift_jis` writes it.
const SJIS = Buffer.from("959496e52c926c0d0a945f8bc62c310d0a", "hex");
const EXPECTED = { origin: { row: 0, col: 0 }, values: [["部門", "値"], ["農業", 1]] };

function file(name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe("readGridFile", () => {
  it("reads UTF-8 CSV, with and without a BOM, as one grid named after the file", async () => {
    const plain = await readGridFile(file("plain.csv", "部門,値\r\n農業,1\r\n"));
    expect(plain.sheets).toEqual([{ sheet: "plain.csv", ...EXPECTED }]);
    const bom = await readGridFile(file("bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("部門,値\n農業,1\n")])));
    expect(bom.sheets).toEqual([{ sheet: "bom.csv", ...EXPECTED }]);
  });

  it("reads Shift_JIS CSV", async () => {
    expect(decodeText(SJIS)?.encoding).toBe("shift_jis");
    const sjis = await readGridFile(file("sjis.csv", SJIS));
    expect(sjis.sheets).toEqual([{ sheet: "sjis.csv", ...EXPECTED }]);
  });

  it("reads the shared Japanese IO table CSV", async () => {
    const path = join(__dirname, "../../../../shared/data/jp-io-2011-13/io2011_13sector_ja.csv");
    const { sheets } = await readGridFile(path);
    expect(sheets[0].values[2].slice(2, 4)).toEqual(["農林水産業", "鉱業"]);
  });

  it("reads workbooks sheet by sheet", async () => {
    const path = join(dir, "book.xlsx");
    await writeXlsx(sampleSpec(), path);
    const { sheets } = await readGridFile(path);
    expect(sheets[0].values.slice(2, 2 + SECTORS.length).map((r) => r[0])).toEqual(SECTORS);
  });

  it("refuses other file types and undecodable or broken CSV, naming the file", async () => {
    const other = file("old.ods", "x");
    await expect(readGridFile(other)).rejects.toMatchObject({ code: "file-type-unsupported", where: { file: other } });
    // Garbage bytes named .xls: said to be no .xls workbook, not an "unsupported type" (it is .xls).
    const xls = file("old.xls", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x13, 0x37, 0x42]));
    const notXls = await readGridFile(xls).catch((x: unknown) => x);
    expect(notXls).toMatchObject({ code: "xls-not-workbook", where: { file: xls } });
    expect((notXls as RippleError).format("en")).toMatch(/old\.xls: .*named \.xls but is not an Excel 97–2003 workbook/);
    const bad = file("bad.csv", Buffer.from([0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x80]));
    await expect(readGridFile(bad)).rejects.toMatchObject({ code: "csv-encoding", where: { file: bad } });
    const quote = file("quote.csv", 'a,b\n"x,1\n');
    const e = await readGridFile(quote).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RippleError);
    expect((e as RippleError).where.file).toBe(quote);
    const missing = join(dir, "missing.csv");
    await expect(readGridFile(missing)).rejects.toMatchObject({ code: "file-not-found", where: { file: missing } });
  });
});
