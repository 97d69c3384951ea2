#!/usr/bin/env node
// After `tsc` has compiled src/ into dist/, the command's entry (src/cli/entry.ts) and every
// module it imports are joined into one file, dist/cli/worker.bundle.js (esbuild). Loading ~230 small
// modules took about 0.1 s of CPU per run, a third of a small table's whole run; one file loads
// in a third of that. The launcher falls back to the compiled modules when the
// bundle is missing or older than them (a plain `tsc` run).
//
// Then the bundle's V8 code cache (src/cli/codeCache.ts) is made by one analysis of the bundled
// 13-sector table run the way every run is (a worker with the same heap), so the cache holds the
// functions an analysis compiles; its record names the bundle it was made for. A failing analysis
// fails the build: the command it built does not work.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// Builtins two bundled packages load with themselves and Ripple never has them use: commander's
// child_process (for executable subcommands; Ripple's are all in-process) and seedrandom's crypto
// (for a seed of its own; Ripple always gives one). In the bundle each is loaded when first used,
// which takes ~5 ms off every run's start-up; used, it behaves as the module itself.
const lazyBuiltins = {
  name: "lazy-builtins",
  setup(b) {
    b.onResolve({ filter: /^(node:)?(child_process|crypto)$/ }, (args) =>
      /node_modules[\\/](commander|seedrandom)[\\/]/.test(args.importer)
        ? { path: args.path.replace(/^node:/, ""), namespace: "lazy-builtin" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, (args) => ({
      contents:
        `let real; const load = () => (real ??= require("node:${args.path}"));\n` +
        `module.exports = new Proxy({}, { get: (_, k) => load()[k], has: (_, k) => k in load() });\n`,
      loader: "js",
    }));
  },
};

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist", "cli");
const bundle = join(dist, "worker.bundle.js");
const cache = join(dist, "worker.bundle.cache");
const record = join(dist, "worker.bundle.cache.json");
rmSync(record, { force: true });
rmSync(cache, { force: true });
await build({
  entryPoints: [join(dist, "entry.js")],
  outfile: bundle,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  // Packages loaded only when needed stay outside (a bundled require would load them with the
  // bundle); commander and seedrandom, which every run loads, go in and share its code cache.
  external: ["exceljs", "jszip", "cli-progress"],
  plugins: [lazyBuiltins],
  logLevel: "warning",
});

const work = mkdtempSync(join(tmpdir(), "ripple-code-cache-"));
try {
  const shock = join(work, "shock.csv");
  writeFileSync(shock, "製造業,100\n");
  const table = join(root, "assets", "data", "jp-io-2011-13", "io2011_13sector_ja.csv");
  const argv = ["analyze", table, "--shock", shock, "--json", join(work, "result.json"), "--lang", "ja"];
  const made = join(work, "worker.bundle.cache");
  const run = `require(${JSON.stringify(join(dist, "launcher.js"))}).makeCodeCache(${JSON.stringify(argv)}, ${JSON.stringify(made)}).then((code) => process.exit(code))`;
  const r = spawnSync(process.execPath, ["-e", run], { stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error(`bundle-cli: the analysis that makes the code cache failed (exit ${r.status})`);
  copyFileSync(made, cache);
  const st = statSync(bundle);
  writeFileSync(record, JSON.stringify({ bundleBytes: st.size, bundleMtimeMs: st.mtimeMs }) + "\n");
} finally {
  rmSync(work, { recursive: true, force: true });
}
