// Repository and shared reference data, resolved from this file (no absolute paths).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

export const repoRoot = resolve(__dirname, "../..");
export const shared = resolve(repoRoot, "../shared");
export const jaCsv = join(shared, "data/jp-io-2011-13/io2011_13sector_ja.csv");
export const enCsv = join(shared, "data/jp-io-2011-13/io2011_13sector_en.csv");
export const beutelCsv = join(shared, "oracles/eurostat-beutel-germany-1995/siot_table_15_4.csv");
export const spicosaCsv = join(shared, "oracles/spicosa-netherlands-2000/siot.csv");
export const miyazakiXlsx = join(shared, "data/real-tables/miyazaki-pref/10710_20170328101827-1.xlsx");

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** `npm run build:cli` when dist/cli/`file` is missing or older than any source: the tests that
 * run the installed command (bin/ripple.js) test what the sources make. */
export function ensureCliBuilt(file = "launcher.js"): void {
  const built = join(repoRoot, "dist/cli", file);
  if (!existsSync(built) || statSync(built).mtimeMs < newestMtime(join(repoRoot, "src")))
    execFileSync("npm", ["run", "build:cli"], { cwd: repoRoot, stdio: "pipe" });
}
