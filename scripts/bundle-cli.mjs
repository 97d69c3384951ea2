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

// "exceljs" and "jszip" in the worker's bundle are the workbook libraries' own bundle, loaded with
// its code cache when a workbook is first read or written (codeCache.ts xlsxLibraries).
const xlsxFromBundle = {
  name: "xlsx-from-bundle",
  setup(b) {
    b.onResolve({ filter: /^(exceljs|jszip)$/ }, (args) => ({ path: args.path, namespace: "xlsx-from-bundle" }));
    b.onResolve({ filter: /^\.\/codeCache\.js$/, namespace: "xlsx-from-bundle" }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: "xlsx-from-bundle" }, (args) => ({
      contents: `module.exports = require("./codeCache.js").xlsxLibraries().${args.path === "exceljs" ? "ExcelJS" : "JSZip"};\n`,
      loader: "js",
    }));
  },
};

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist", "cli");
const bundle = join(dist, "worker.bundle.js");
const cache = join(dist, "worker.bundle.cache");
const record = join(dist, "worker.bundle.cache.json");
const xlsxBundle = join(dist, "xlsx.bundle.js");
const xlsxCache = join(dist, "xlsx.bundle.cache");
const xlsxRecord = join(dist, "xlsx.bundle.cache.json");
for (const f of [record, cache, xlsxRecord, xlsxCache]) rmSync(f, { force: true });
// The workbook libraries: ExcelJS's Workbook and enums only (its main module loads its streaming
// reader and writer too: unzipper, archiver, fast-csv, which Ripple never uses), and JSZip.
await build({
  entryPoints: [join(root, "scripts", "xlsx-libs.cjs")],
  outfile: xlsxBundle,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  logLevel: "warning",
});
await build({
  entryPoints: [join(dist, "entry.js")],
  outfile: bundle,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  // Packages loaded only when needed stay outside (a bundled require would load them with the
  // bundle); commander and seedrandom, which every run loads, go in and share its code cache.
  external: ["cli-progress"],
  plugins: [lazyBuiltins, xlsxFromBundle],
  logLevel: "warning",
});

const work = mkdtempSync(join(tmpdir(), "ripple-code-cache-"));
try {
  const shock = join(work, "shock.csv");
  writeFileSync(shock, "製造業,100\n");
  const table = join(root, "assets", "data", "jp-io-2011-13", "io2011_13sector_ja.csv");
  const argv = ["analyze", table, "--shock", shock, "--json", join(work, "result.json"), "--lang", "ja"];
  const made = join(work, "worker.bundle.cache");
  const makeCache = (args, xlsxOut) => {
    const run = `require(${JSON.stringify(join(dist, "launcher.js"))}).makeCodeCache(${JSON.stringify(args)}, ${JSON.stringify(made)}, ${JSON.stringify(xlsxOut)}).then((code) => process.exit(code))`;
    const r = spawnSync(process.execPath, ["-e", run], { stdio: ["ignore", "ignore", "inherit"] });
    if (r.status !== 0) throw new Error(`bundle-cli: the analysis that makes the code cache failed (exit ${r.status})`);
  };
  // The workbook libraries' cache first, from the same analysis writing a workbook; the worker
  // bundle's own cache from the run without one (the functions every run compiles).
  const xlsxMade = join(work, "xlsx.bundle.cache");
  makeCache([...argv.slice(0, 4), "--out", join(work, "result.xlsx"), "--lang", "ja"], xlsxMade);
  copyFileSync(xlsxMade, xlsxCache);
  makeCache(argv, undefined);
  copyFileSync(made, cache);
  for (const [b, r] of [[bundle, record], [xlsxBundle, xlsxRecord]]) {
    const st = statSync(b);
    writeFileSync(r, JSON.stringify({ bundleBytes: st.size, bundleMtimeMs: st.mtimeMs }) + "\n");
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
