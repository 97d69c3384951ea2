// Results never replace an existing file: "out.xlsx" taken -> "out-2.xlsx", "out-3.xlsx", …
import { existsSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";

export function freePath(path: string, exists: (p: string) => boolean = existsSync): string {
  if (!exists(path)) return path;
  const ext = extname(path);
  const stem = basename(path, ext);
  const dir = dirname(path);
  for (let k = 2; ; k++) {
    const candidate = join(dir, `${stem}-${k}${ext}`);
    if (!exists(candidate)) return candidate;
  }
}
