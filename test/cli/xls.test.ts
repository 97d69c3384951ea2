// Legacy .xls input (BIFF8, as statistics offices still publish): converted by LibreOffice and read
// like the .xlsx it came from. The .xls is made here by LibreOffice from a fixture; CI installs
// LibreOffice (scripts/setup.mjs), so a missing soffice fails the test rather than skipping it.
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { RippleError } from "../../src/engine/errors";
import { xlsToXlsx } from "../../src/workbook/xlsx/legacyXls";
import { micGrid, randomMicParts } from "../engine/table/fixtures";
import { convertWithLibreOffice } from "../workbook/xlsx/libreoffice";
import { run, tempDir } from "./helpers";

async function fixtureXlsx(dir: string): Promise<string> {
  const g = micGrid(randomMicParts(6, "xls", { prefectural: true }), { prefectural: true });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("37部門 ");
  g.values.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  const path = join(dir, "table.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

/** One .xlsx and the .xls LibreOffice writes from it, made once for the tests that need them. */
let made: Promise<{ dir: string; xlsx: string; xls: string }> | undefined;
function fixtures() {
  made ??= (async () => {
    const dir = tempDir();
    const xlsx = await fixtureXlsx(dir);
    const xls = await convertWithLibreOffice(xlsx, "xls", { outDir: join(dir, "xls") });
    return { dir, xlsx, xls };
  })();
  return made;
}

/** A stand-in for LibreOffice that leaves a mark when started, so a test can tell that a file
 * was refused before any conversion. */
function markingSoffice(dir: string): { env: Record<string, string>; started: () => boolean } {
  const mark = join(dir, "soffice-started");
  const script = join(dir, "fake-soffice");
  writeFileSync(script, `#!/bin/sh\ntouch '${mark}'\nexit 1\n`);
  chmodSync(script, 0o755);
  return { env: { RIPPLE_SOFFICE: script }, started: () => existsSync(mark) };
}

describe(".xls input", () => {
  it("reads an .xls written by LibreOffice with the same numbers as the .xlsx", async () => {
    const { dir, xlsx, xls } = await fixtures();
    const a = await run(["analyze", xlsx, "--json", "-"], { cwd: dir });
    const b = await run(["analyze", xls, "--sheet", "37部門", "--json", "-"], { cwd: dir });
    expect(a.code).toBe(0);
    expect(b.errLines).toEqual([]);
    expect(b.code).toBe(0);
    const ja = JSON.parse(a.out);
    const jb = JSON.parse(b.out);
    expect(jb.sectors).toEqual(ja.sectors);
    expect(jb.L).toEqual(ja.L);
  }, 300_000); // two LibreOffice runs, slow on a loaded machine

  it("without LibreOffice: a clear message naming the file and what to do", async () => {
    const dir = tempDir();
    const path = join(dir, "old.xls");
    writeFileSync(path, "not really");
    const err = await xlsToXlsx(path, { RIPPLE_SOFFICE: join(dir, "no-soffice"), PATH: "" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RippleError);
    expect((err as RippleError).code).toBe("xls-needs-libreoffice");
    expect((err as RippleError).format("en")).toMatch(/old\.xls: .*LibreOffice.*not found.*save the file as \.xlsx/);
  });

  it("a missing .xls is reported as not found", async () => {
    const r = await run(["analyze", "nothing-here.xls", "--json", "-", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nothing-here\.xls.*not found/i);
  });

  it("refuses a file with the .xls signature followed by garbage at once, before LibreOffice", async () => {
    const dir = tempDir();
    const path = join(dir, "cfbgarbage.xls");
    let seed = 7;
    const body = Buffer.alloc(200_000).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24) & 0xff);
    writeFileSync(path, Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), body]));
    const soffice = markingSoffice(dir);
    const r = await run(["analyze", path, "--json", "-", "--lang", "en"], { cwd: dir, env: soffice.env });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cfbgarbage\.xls: This \.xls file is damaged or not an Excel workbook \(the header has no byte-order mark FFFE\)/);
    expect(soffice.started()).toBe(false);
    const ja = await run(["analyze", path, "--json", "-", "--lang", "ja"], { cwd: dir, env: soffice.env });
    expect(ja.code).toBe(2);
    expect(ja.err).toMatch(/この \.xls ファイルは壊れているか、Excel のブックではありません（ヘッダーのバイト順の印 FFFE がありません）/);
  });

  it("refuses a truncated .xls before LibreOffice, saying where the container breaks off", async () => {
    const { xls } = await fixtures();
    const dir = tempDir();
    const whole = readFileSync(xls);
    const soffice = markingSoffice(dir);
    for (const keep of [0.3, 0.6, 0.95]) {
      const path = join(dir, `cut-${keep}.xls`);
      writeFileSync(path, whole.subarray(0, Math.floor(whole.length * keep)));
      const r = await run(["analyze", path, "--json", "-", "--lang", "en"], { cwd: dir, env: soffice.env });
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/\.xls: This \.xls file is damaged .*leads to sector \d+, but (the file ends after|there are only) \d+ sectors/);
    }
    expect(soffice.started()).toBe(false);
  }, 300_000);

  it("stops a conversion that runs past its time limit, with a message (exit 2)", async () => {
    const dir = tempDir();
    const script = join(dir, "slow-soffice");
    writeFileSync(script, "#!/bin/sh\nexec sleep 30\n");
    chmodSync(script, 0o755);
    const path = join(dir, "slow.xls");
    writeFileSync(path, "bytes LibreOffice would be given");
    const t = Date.now();
    const err = await xlsToXlsx(path, { RIPPLE_SOFFICE: script }, 300).catch((e: unknown) => e);
    expect(Date.now() - t).toBeLessThan(10_000);
    expect(err).toBeInstanceOf(RippleError);
    expect((err as RippleError).code).toBe("xls-conversion-timeout");
    expect((err as RippleError).kind).toBe("input");
    expect((err as RippleError).format("en")).toMatch(/slow\.xls: LibreOffice did not finish converting the \.xls file within 0.3 s and was stopped/);
  });
});
