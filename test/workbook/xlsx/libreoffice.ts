// LibreOffice as an independent reader of the files Ripple writes: if it renders the charts to
// PDF and keeps them when it saves the workbook again, the parts are well-formed enough for a
// second implementation of the format. Each run uses a fresh profile so parallel runs and
// earlier crashes do not interfere.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, extname } from "node:path";
import { pathToFileURL } from "node:url";
import { readXlsx, type GridFile } from "../../../src/workbook/xlsx";

const CANDIDATES = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"];

/** The soffice program; throws (so the test fails, not skips) when LibreOffice is missing. */
export function sofficePath(): string {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      "LibreOffice (soffice) is not installed. `npm test` installs it through scripts/setup.mjs; " +
        "or run: apt-get install -y libreoffice-calc-nogui fonts-noto-cjk",
    );
  }
  return found;
}

export interface ConvertOptions {
  /** Folder for the result (default: a fresh temporary folder). */
  outDir?: string;
  /** PDF only: each sheet on one page, so a sheet's charts can be seen together. */
  singlePageSheets?: boolean;
  timeoutMs?: number;
  /** Recalculate every formula on load (default true). LibreOffice otherwise trusts the values
   * cached in .xlsx files, which would make a recalculation check compare caches with caches. */
  recalc?: boolean;
}

// LibreOffice settings for a fresh profile: OOXMLRecalcMode / ODFRecalcMode 0 = always
// recalculate on load (1 = never, 2 = ask), from officecfg's Calc schema.
function writeProfileSettings(profileDir: string, recalc: boolean): void {
  const user = join(profileDir, "user");
  mkdirSync(user, { recursive: true });
  const mode = recalc ? 0 : 1;
  writeFileSync(
    join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
</oor:items>
`,
  );
}

/** Converts `file` with LibreOffice to `format` ("pdf", "xlsx", "csv", ...) and returns the path
 * of the converted file. */
export async function convertWithLibreOffice(file: string, format: string, options: ConvertOptions = {}): Promise<string> {
  const soffice = sofficePath();
  const outDir = options.outDir ?? mkdtempSync(join(tmpdir(), "ripple-lo-out-"));
  const profile = mkdtempSync(join(tmpdir(), "ripple-lo-profile-"));
  writeProfileSettings(profile, options.recalc ?? true);
  const target =
    format === "pdf" && options.singlePageSheets
      ? 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}'
      : format;
  const args = [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    "--headless",
    "--norestore",
    "--convert-to",
    target,
    "--outdir",
    outDir,
    file,
  ];
  const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
    execFile(soffice, args, { timeout: options.timeoutMs ?? 120_000 }, (error, out, err) => {
      if (error) reject(new Error(`soffice failed: ${error.message}\n${err}`));
      else resolve({ stdout: out, stderr: err });
    });
  });
  const expected = join(outDir, basename(file, extname(file)) + "." + format);
  if (!existsSync(expected)) {
    throw new Error(
      `LibreOffice produced no ${format} file for ${file} (folder has: ${readdirSync(outDir).join(", ")})\n${stdout}\n${stderr}`,
    );
  }
  return expected;
}

/** The workbook as LibreOffice calculates it: re-saved by LibreOffice (which recalculates the
 * formulas of files Ripple writes, as they ask for a full calculation on load) and read back. */
export async function recalcAndReadValues(file: string): Promise<GridFile> {
  return readXlsx(await convertWithLibreOffice(file, "xlsx"));
}
