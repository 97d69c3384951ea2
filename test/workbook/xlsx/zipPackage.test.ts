// The package packer of the command line (Node's zlib): the same parts as JSZip would write, read
// back by JSZip with CRC checks and by `unzip -t` where it is installed.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { deflateRawSync } from "node:zlib";
import { ZipPacker, packPart, zipPackage } from "../../../src/workbook/xlsx/zipPackage";

async function sample(): Promise<JSZip> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types/>');
  zip.file("xl/worksheets/sheet1.xml", "<row>" + "<c><v>0.123456789</v></c>".repeat(20000) + "</row>");
  zip.file("xl/empty.xml", "");
  zip.file("xl/media/名前.bin", new Uint8Array([0, 255, 1, 254, 2]));
  return zip;
}

describe("zipPackage", () => {
  it("holds every part with its bytes; JSZip reads it back with CRC checks", async () => {
    const zip = await sample();
    const bytes = await zipPackage(zip, { fast: new Set(["xl/worksheets/sheet1.xml"]), date: new Date("2026-12-03T10:20:30Z") });
    const back = await JSZip.loadAsync(bytes, { checkCRC32: true });
    const files = Object.values(back.files).filter((f) => !f.dir);
    expect(files.map((f) => f.name)).toEqual(["[Content_Types].xml", "xl/worksheets/sheet1.xml", "xl/empty.xml", "xl/media/名前.bin"]);
    for (const f of files) expect(Buffer.from(await f.async("uint8array")).equals(Buffer.from(await zip.file(f.name)!.async("uint8array")))).toBe(true);
    // the big part is deflated (not stored)
    expect(bytes.length).toBeLessThan(20000 * 10);
  });

  it("is a valid ZIP for unzip -t", async () => {
    const bytes = await zipPackage(await sample(), { date: new Date("2026-12-03T00:00:00Z") });
    const path = join(mkdtempSync(join(tmpdir(), "ripple-zip-")), "p.zip");
    writeFileSync(path, bytes);
    let out: string;
    try {
      out = execFileSync("unzip", ["-t", path], { encoding: "utf8" });
    } catch (e) {
      // unzip is not part of the Debian base: without it the JSZip read-back above is the check
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
      throw e;
    }
    expect(out).toContain("No errors detected");
  });

  it("deflates on the thread pool to the same bytes as deflateRawSync, at both levels", async () => {
    const text = Buffer.from("<c r=\"A1\"><v>0.012345678901234567</v></c>".repeat(50000) + "名前".repeat(1000), "utf8");
    for (const level of [1, 6]) {
      const part = packPart(text, level);
      expect(Buffer.from(await part.packed).equals(deflateRawSync(text, { level }))).toBe(true);
      expect(part.usize).toBe(text.length);
    }
  });

  it("a part handed over early takes the place of the zip's entry of that name, in its order", async () => {
    const zip = await sample();
    const early = Buffer.from("<worksheet>" + "<c><v>-1.5e-9</v></c>".repeat(30000) + "</worksheet>", "utf8");
    const packer = new ZipPacker();
    packer.addEarly("xl/worksheets/sheet1.xml", early);
    const bytes = await packer.finish(zip, new Date("2026-12-03T10:20:30Z"));
    const back = await JSZip.loadAsync(bytes, { checkCRC32: true });
    const files = Object.values(back.files).filter((f) => !f.dir);
    expect(files.map((f) => f.name)).toEqual(["[Content_Types].xml", "xl/worksheets/sheet1.xml", "xl/empty.xml", "xl/media/名前.bin"]);
    expect(Buffer.from(await back.file("xl/worksheets/sheet1.xml")!.async("uint8array")).equals(early)).toBe(true);
    expect(await back.file("xl/empty.xml")!.async("string")).toBe("");
  });
});
