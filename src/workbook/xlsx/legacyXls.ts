// Legacy Excel 97–2003 workbooks (.xls, BIFF8), as statistics offices still publish them (MIC and
// e-Stat for older years), are converted to .xlsx by LibreOffice, then read like any .xlsx.
// Why LibreOffice and not an npm parser: the one widely used parser of .xls on npm, `xlsx`
// (SheetJS) 0.18.5, has open prototype-pollution and ReDoS advisories for untrusted files, and
// the fixed versions are not published on npm; LibreOffice is a maintained reader of the format,
// runs here headless with a fresh profile (macros are not run by default), and is installed by
// `npm test` for the results-workbook checks anyway. Without it, a clear message says what to do.

import { existsSync, mkdtempSync, promises as fs, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { RippleError } from "../../engine/errors";

const NAMES = ["soffice", "libreoffice"];
const FIXED = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice", "C:\\Program Files\\LibreOffice\\program\\soffice.exe"];

/** The LibreOffice program: $RIPPLE_SOFFICE, else soffice/libreoffice on the PATH, else the usual
 * install places; null when there is none. */
export function findSoffice(env: Record<string, string | undefined> = process.env): string | null {
  if (env.RIPPLE_SOFFICE) return existsSync(env.RIPPLE_SOFFICE) ? env.RIPPLE_SOFFICE : null;
  for (const dir of (env.PATH ?? "").split(delimiter).filter(Boolean)) {
    for (const n of NAMES) if (existsSync(join(dir, n))) return join(dir, n);
  }
  return FIXED.find((p) => existsSync(p)) ?? null;
}

function needsLibreOffice(file: string): RippleError {
  return new RippleError(
    "xls-needs-libreoffice",
    {
      ja: "古い Excel 形式（.xls）は LibreOffice で変換して読みますが、LibreOffice（soffice）が見つかりません。LibreOffice を入れる（Debian/Ubuntu: apt-get install libreoffice-calc-nogui）か、Excel でファイルを .xlsx 形式で保存し直してください。",
      en: "Legacy Excel files (.xls) are read by converting them with LibreOffice, and LibreOffice (soffice) was not found. Install it (Debian/Ubuntu: apt-get install libreoffice-calc-nogui, or set RIPPLE_SOFFICE to its path), or save the file as .xlsx in Excel.",
    },
    { file },
  );
}

function conversionFailed(file: string, why: string): RippleError {
  return new RippleError(
    "xls-conversion-failed",
    {
      ja: `LibreOffice で .xls を変換できませんでした（${why}）。ファイルが壊れていないか確認し、Excel で .xlsx 形式で保存し直してください。`,
      en: `LibreOffice could not convert the .xls file (${why}). Check that the file opens, and save it as .xlsx in Excel.`,
    },
    { file },
  );
}

/** The longest a conversion may take: LibreOffice converts the .xls tables analysts use in a few
 * seconds (the Miyazaki 2011 table, 106 kB: 2.1 s with start-up); a run still going after 2
 * minutes is hung or fed a hostile file, and is stopped (SIGTERM: LibreOffice's launcher,
 * oosplash, passes it on to soffice.bin, so neither is left running). */
export const XLS_CONVERSION_MS = 120_000;

function conversionTimedOut(file: string, ms: number): RippleError {
  const s = Number((ms / 1000).toFixed(1));
  return new RippleError(
    "xls-conversion-timeout",
    {
      ja: `LibreOffice が .xls の変換を ${s} 秒以内に終えなかったため止めました。ファイルが壊れていないか確認し、Excel で .xlsx 形式で保存し直してください。`,
      en: `LibreOffice did not finish converting the .xls file within ${s} s and was stopped. Check that the file opens, and save it as .xlsx in Excel.`,
    },
    { file },
  );
}

/** The .xls file converted to .xlsx bytes by LibreOffice (headless, fresh profile, stopped after
 * `timeoutMs`). */
export async function xlsToXlsx(file: string, env: Record<string, string | undefined> = process.env, timeoutMs = XLS_CONVERSION_MS): Promise<Buffer> {
  if (extname(file).toLowerCase() !== ".xls") throw conversionFailed(file, "not an .xls file");
  const soffice = findSoffice(env);
  if (!soffice) throw needsLibreOffice(file);
  // child_process is loaded only when a .xls is converted (it costs every other run a few ms).
  const { execFile } = require("node:child_process") as typeof import("node:child_process");
  const work = mkdtempSync(join(tmpdir(), "ripple-xls-"));
  try {
    const profile = join(work, "profile");
    const out = join(work, "out");
    const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", out, file];
    await new Promise<void>((resolve, reject) => {
      execFile(soffice, args, { timeout: timeoutMs }, (error, _stdout, stderr) => {
        if (!error) resolve();
        else if (error.killed) reject(conversionTimedOut(file, timeoutMs));
        else reject(conversionFailed(file, `${error.message.split("\n")[0]} ${stderr}`.trim()));
      });
    });
    const converted = join(out, basename(file, extname(file)) + ".xlsx");
    if (!existsSync(converted)) {
      const found = existsSync(out) ? readdirSync(out).join(", ") : "nothing";
      throw conversionFailed(file, `no .xlsx was written (${found})`);
    }
    return await fs.readFile(converted);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
