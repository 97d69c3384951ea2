// How the worker's one-file bundle (dist/cli/worker.bundle.js) is loaded when it is current: it is
// compiled with the V8 code cache `npm run build:cli` made for it, which saves about 45 ms a run
// (a third of the start-up beyond Node's own; README "Start-up"). Node 20 keeps no compile cache
// for CommonJS files (module.enableCompileCache came with Node 22), hence vm.Script with cachedData.
//
// V8 refuses a cache made by another V8 version or with other flags (the script is then compiled
// as usual), but it checks only the length of the source, not its text: the cache is used only when
// its record names this bundle's size and modification time, so a bundle rebuilt without its cache
// never runs code compiled for another one.
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire, wrap } from "node:module";
import { join } from "node:path";
import { Script } from "node:vm";
import { workerData } from "node:worker_threads";

export const BUNDLE = join(__dirname, "worker.bundle.js");
export const CODE_CACHE = join(__dirname, "worker.bundle.cache");
export const CODE_CACHE_RECORD = join(__dirname, "worker.bundle.cache.json");

/** What the cache was made for. */
export interface CodeCacheRecord {
  bundleBytes: number;
  bundleMtimeMs: number;
}

/** The code cache made for this very bundle, or undefined (none, or made for another build). */
export function codeCacheFor(bundle: string, cache: string, record: string): Buffer | undefined {
  let made: CodeCacheRecord;
  try {
    made = JSON.parse(readFileSync(record, "utf8")) as CodeCacheRecord;
  } catch {
    return undefined; // no cache was made (a plain esbuild run): compile as usual
  }
  const st = statSync(bundle);
  if (made.bundleBytes !== st.size || made.bundleMtimeMs !== st.mtimeMs) return undefined;
  try {
    return readFileSync(cache);
  } catch {
    return undefined;
  }
}

/** Whether the bundle is at least as new as the compiled modules (else they are used: a plain `tsc`
 * run since the last `npm run build:cli`). */
export function bundleIsCurrent(): boolean {
  try {
    return statSync(BUNDLE).mtimeMs >= statSync(join(__dirname, "entry.js")).mtimeMs;
  } catch {
    return false;
  }
}

/** Compiles the bundle (with its cache when it has one) and runs it as the CommonJS module it is;
 * returns its exports (entry.ts).
 * With `makeCache`, the cache is written when the thread ends, so it holds every function the run
 * compiled (scripts/bundle-cli.mjs makes it from one small analysis). */
export function runBundle(makeCache: string | undefined): unknown {
  return runCached(BUNDLE, CODE_CACHE, CODE_CACHE_RECORD, makeCache);
}

function runCached(bundle: string, cache: string, record: string, makeCache: string | undefined): unknown {
  const source = readFileSync(bundle, "utf8");
  const cachedData = makeCache ? undefined : codeCacheFor(bundle, cache, record);
  const script = new Script(wrap(source), { filename: bundle, cachedData });
  const run = script.runInThisContext() as (
    exports: object,
    require: NodeJS.Require,
    module: { exports: object },
    filename: string,
    dirname: string,
  ) => void;
  const module = { exports: {} };
  if (makeCache) process.on("exit", () => writeFileSync(makeCache, script.createCachedData()));
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, __dirname);
  return module.exports;
}

// The workbook libraries of the command (ExcelJS's Workbook and enums, JSZip) joined into one more
// file, dist/cli/xlsx.bundle.js, with a code cache of its own made by one small analysis that
// writes a workbook: loading them from their ~200 modules took 0.2–0.4 s of a workbook run (module
// resolution and compiling), about a third of what `--out` adds to `--json` at 509 sectors. They
// stay out of the worker's bundle, which every run loads. The worker's bundle loads "exceljs" and
// "jszip" from here (scripts/bundle-cli.mjs); without the file (a plain `tsc` build) the packages.
export const XLSX_BUNDLE = join(__dirname, "xlsx.bundle.js");
export const XLSX_CODE_CACHE = join(__dirname, "xlsx.bundle.cache");
export const XLSX_CODE_CACHE_RECORD = join(__dirname, "xlsx.bundle.cache.json");

export interface XlsxLibraries {
  ExcelJS: unknown;
  JSZip: unknown;
}

let xlsx: XlsxLibraries | undefined;
/** The workbook libraries, loaded once. `makeXlsxCodeCache` in the worker's data (the build's
 * cache-making run) has their cache written to that path when the thread ends. */
export function xlsxLibraries(): XlsxLibraries {
  if (xlsx) return xlsx;
  let current = false;
  try {
    current = statSync(XLSX_BUNDLE).mtimeMs >= statSync(join(__dirname, "entry.js")).mtimeMs;
  } catch {
    current = false;
  }
  if (!current) {
    xlsx = { ExcelJS: require("exceljs"), JSZip: require("jszip") };
    return xlsx;
  }
  const makeCache = (workerData as { makeXlsxCodeCache?: string } | null)?.makeXlsxCodeCache;
  xlsx = runCached(XLSX_BUNDLE, XLSX_CODE_CACHE, XLSX_CODE_CACHE_RECORD, makeCache) as XlsxLibraries;
  return xlsx;
}
