// The worker's bundle is compiled with the V8 code cache the build made for it (src/cli/codeCache.ts):
// the cache is used only for the bundle it was made for, and V8 accepts the one the build makes.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { codeCacheFor } from "../../src/cli/codeCache";
import { tempDir } from "./helpers";
import { repoRoot } from "./paths";

describe("code cache record", () => {
  function files(bundleText: string) {
    const dir = tempDir();
    const bundle = join(dir, "b.js");
    const cache = join(dir, "b.cache");
    const record = join(dir, "b.cache.json");
    writeFileSync(bundle, bundleText);
    writeFileSync(cache, Buffer.from([1, 2, 3]));
    utimesSync(bundle, 1_700_000_000, 1_700_000_000);
    return { bundle, cache, record };
  }

  it("gives the cache made for this bundle", () => {
    const f = files("var a = 1;");
    writeFileSync(f.record, JSON.stringify({ bundleBytes: 10, bundleMtimeMs: 1_700_000_000_000 }));
    expect(codeCacheFor(f.bundle, f.cache, f.record)).toEqual(Buffer.from([1, 2, 3]));
  });

  it("gives none for a bundle rebuilt since (same length, other time) or of another size", () => {
    const f = files("var b = 2;");
    writeFileSync(f.record, JSON.stringify({ bundleBytes: 10, bundleMtimeMs: 1_700_000_000_001 }));
    expect(codeCacheFor(f.bundle, f.cache, f.record)).toBeUndefined();
    writeFileSync(f.record, JSON.stringify({ bundleBytes: 11, bundleMtimeMs: 1_700_000_000_000 }));
    expect(codeCacheFor(f.bundle, f.cache, f.record)).toBeUndefined();
  });

  it("gives none without a record (a bundle built without its cache)", () => {
    const f = files("var c = 3;");
    expect(codeCacheFor(f.bundle, f.cache, f.record)).toBeUndefined();
  });
});

describe("the built cache", () => {
  const dist = join(repoRoot, "dist", "cli");
  beforeAll(() => {
    if (!existsSync(join(dist, "worker.bundle.cache.json")) || !existsSync(join(dist, "xlsx.bundle.cache.json")) || !existsSync(join(dist, "codeCache.js")))
      execFileSync("npm", ["run", "build:cli"], { cwd: repoRoot, stdio: "pipe" });
  });

  it("is accepted by V8 in a worker like the command's", () => {
    // Compiled the way codeCache.ts compiles it, in a worker thread; V8 says whether it used the cache.
    const code = [
      `const { Script } = require("node:vm"); const { wrap } = require("node:module"); const fs = require("node:fs");`,
      `const c = require(${JSON.stringify(join(dist, "codeCache.js"))});`,
      `const data = c.codeCacheFor(c.BUNDLE, c.CODE_CACHE, c.CODE_CACHE_RECORD);`,
      `const s = new Script(wrap(fs.readFileSync(c.BUNDLE, "utf8")), { filename: c.BUNDLE, cachedData: data });`,
      `console.log(JSON.stringify({ cache: !!data, rejected: s.cachedDataRejected }));`,
    ].join("\n");
    const run = `new (require("node:worker_threads").Worker)(${JSON.stringify(code)}, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 4096 } })`;
    const r = spawnSync(process.execPath, ["-e", run], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ cache: true, rejected: false });
  });

  it("of the workbook libraries is accepted too, and they are what the writer and reader use", () => {
    const code = [
      `const { Script } = require("node:vm"); const { wrap } = require("node:module"); const fs = require("node:fs");`,
      `const c = require(${JSON.stringify(join(dist, "codeCache.js"))});`,
      `const data = c.codeCacheFor(c.XLSX_BUNDLE, c.XLSX_CODE_CACHE, c.XLSX_CODE_CACHE_RECORD);`,
      `const s = new Script(wrap(fs.readFileSync(c.XLSX_BUNDLE, "utf8")), { filename: c.XLSX_BUNDLE, cachedData: data });`,
      `const libs = c.xlsxLibraries();`,
      `const kinds = { Workbook: typeof libs.ExcelJS.Workbook, ValueType: typeof libs.ExcelJS.ValueType.Formula, JSZip: typeof libs.JSZip.loadAsync };`,
      `console.log(JSON.stringify({ cache: !!data, rejected: s.cachedDataRejected, kinds }));`,
    ].join("\n");
    const run = `new (require("node:worker_threads").Worker)(${JSON.stringify(code)}, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 4096 } })`;
    const r = spawnSync(process.execPath, ["-e", run], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ cache: true, rejected: false, kinds: { Workbook: "function", ValueType: "number", JSZip: "function" } });
  });
});
