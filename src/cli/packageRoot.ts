// The package's own files (the bundled sample, the version) resolved from where this module
// is, whether it runs compiled from dist/cli or from src/cli under tsx/vitest.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

export function packageRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        if (JSON.parse(readFileSync(pkg, "utf8")).name === "ripple") return dir;
      } catch {
        // not ours; keep climbing
      }
    }
    dir = dirname(dir);
  }
  return join(__dirname, "..", "..");
}

export function packageVersion(): string {
  try {
    return String(JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")).version);
  } catch {
    return "unknown";
  }
}

export function samplePath(): string {
  return join(packageRoot(), "assets", "ripple-sample.xlsx");
}
