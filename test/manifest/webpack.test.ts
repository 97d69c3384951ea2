// webpack.config.js: the settings the shared runtime depends on, the production-manifest guard,
// and a real (functions-only) build that must contain no Node built-ins.

import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import webpack from "webpack";

const ROOT = path.resolve(__dirname, "../..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (
  env: Record<string, unknown>,
  argv: Record<string, unknown>,
) => Promise<webpack.Configuration>;

function run(config: webpack.Configuration): Promise<webpack.Stats> {
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err || !stats) reject(err ?? new Error("no stats"));
      else resolve(stats);
    });
  });
}

describe("webpack.config.js", () => {
  it("builds one page with both entries, one webpack runtime and no Node fallbacks", async () => {
    const config = await makeConfig({}, { mode: "development" });
    expect(config.entry).toEqual({ functions: "./src/functions/functions.ts", taskpane: "./src/taskpane/index.tsx" });
    expect(config.optimization?.runtimeChunk).toBe("single");
    expect(config.output?.path).toBe(path.join(ROOT, "dist", "addin"));
    const fallback = config.resolve?.fallback as Record<string, false>;
    for (const m of ["fs", "path", "zlib", "stream", "node:fs", "crypto"]) expect(fallback[m]).toBe(false);
    const html = config.plugins?.find((p) => p?.constructor.name === "HtmlWebpackPlugin") as unknown as {
      userOptions: { chunks: string[]; filename: string };
    };
    expect(html.userOptions.chunks).toEqual(["functions", "taskpane"]);
    expect(html.userOptions.filename).toBe("taskpane.html");
  });

  it("refuses a production build without a base URL for the manifest", async () => {
    const saved = process.env.RIPPLE_BASE_URL;
    delete process.env.RIPPLE_BASE_URL;
    try {
      await expect(makeConfig({ functionsOnly: true }, { mode: "production" })).rejects.toThrow(/RIPPLE_BASE_URL/);
    } finally {
      if (saved !== undefined) process.env.RIPPLE_BASE_URL = saved;
    }
  });

  it("builds the functions with functions.json and a production manifest", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "ripple-webpack-"));
    const config = await makeConfig(
      { functionsOnly: true, baseUrl: "https://example.org/ripple", supportUrl: "https://help.example.org/ripple" },
      { mode: "production" },
    );
    config.output = { ...config.output, path: out };
    config.devtool = false;
    const stats = await run(config);
    expect(stats.compilation.errors.map((e) => e.message)).toEqual([]);
    const meta = JSON.parse(readFileSync(path.join(out, "functions.json"), "utf8")) as { functions: { id: string }[] };
    expect(meta.functions.map((f) => f.id).sort()).toEqual(["AVOIDEDLOSS", "IMPACT", "INOPERABILITY", "KPI", "LEONTIEF", "LINKAGE", "MULTIPLIER", "PRICEEFFECT", "SHARE"]);
    const manifest = readFileSync(path.join(out, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain("https://example.org/ripple/functions.json");
    expect(manifest).toContain('<SupportUrl DefaultValue="https://help.example.org/ripple"/>');
    expect(manifest).toMatch(/<Version>\d+\.\d+\.\d+\.0<\/Version>/);
    for (const s of [16, 32, 64, 80, 128]) expect(existsSync(path.join(out, "assets", `icon-${s}.png`))).toBe(true);
    const page = readFileSync(path.join(out, "taskpane.html"), "utf8");
    const officeJs = page.indexOf("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(officeJs).toBeGreaterThan(0);
    expect(page.indexOf("runtime.js")).toBeGreaterThan(officeJs);
    expect(page).toContain("functions.js");
    // The metadata plugin's loader registers each function with Excel.
    const js = readFileSync(path.join(out, "functions.js"), "utf8");
    for (const id of ["IMPACT", "INOPERABILITY", "KPI", "LEONTIEF", "LINKAGE", "MULTIPLIER", "PRICEEFFECT", "SHARE"]) expect(js).toContain(`"${id}"`);
    expect(js).toMatch(/CustomFunctions\.associate/);

    // Run the minified bundle as the page would (runtime.js, then functions.js) and call
    // RIPPLE.LEONTIEF through what it registered.
    const associated = new Map<string, (...args: unknown[]) => unknown>();
    class CfError extends Error {
      constructor(readonly code: string, message?: string) {
        super(message);
      }
    }
    const sandbox: Record<string, unknown> = {
      CustomFunctions: {
        associate: (id: string, f: (...args: unknown[]) => unknown) => associated.set(id, f),
        Error: CfError,
        ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!" },
      },
      console,
    };
    sandbox.self = sandbox;
    sandbox.window = sandbox;
    const context = vm.createContext(sandbox);
    vm.runInContext(readFileSync(path.join(out, "runtime.js"), "utf8"), context);
    vm.runInContext(js, context);
    expect([...associated.keys()].sort()).toEqual(["AVOIDEDLOSS", "IMPACT", "INOPERABILITY", "KPI", "LEONTIEF", "LINKAGE", "MULTIPLIER", "PRICEEFFECT", "SHARE"]);
    const values = [
      ["", "A", "B", "Households", "Total output"],
      ["A", 10, 20, 70, 100],
      ["B", 30, 40, 130, 200],
      ["Compensation of employees", 60, 140, "", ""],
      ["Total output", 100, 200, "", ""],
    ];
    const L = associated.get("LEONTIEF")?.(values, false, { parameterAddresses: ["T!A1:E5"] }) as number[][];
    // L = (I − A)⁻¹ with A = [[0.1, 0.1], [0.3, 0.2]]: det = 0.9·0.8 − 0.1·0.3 = 0.69.
    expect(L[0][0]).toBeCloseTo(0.8 / 0.69, 12);
    expect(L[0][1]).toBeCloseTo(0.1 / 0.69, 12);
    expect(L[1][0]).toBeCloseTo(0.3 / 0.69, 12);
    expect(L[1][1]).toBeCloseTo(0.9 / 0.69, 12);
  }, 120_000);

  it("fails the build when a Node built-in reaches the bundle", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ripple-leak-"));
    const entry = path.join(dir, "leak.js");
    writeFileSync(entry, 'import { readFileSync } from "fs";\nexport const x = readFileSync;\n');
    const config = await makeConfig({ functionsOnly: true }, { mode: "development" });
    config.entry = { functions: entry };
    config.output = { ...config.output, path: path.join(dir, "out") };
    config.plugins = config.plugins?.filter((p) => p?.constructor.name === "NoNodeInBrowserPlugin");
    config.module = { rules: [] };
    const stats = await run(config);
    const messages = stats.compilation.errors.map((e) => e.message).join("\n");
    expect(messages).toMatch(/Node built-in fs is in the browser bundle/);
    expect(messages).toMatch(/leak\.js/);
  }, 120_000);

  it("allows ExcelJS only in the lazy xlsx-writer chunk, never in a chunk loaded at start-up", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ripple-lazy-"));
    const build = async (source: string) => {
      const entry = path.join(dir, `entry-${Math.random().toString(36).slice(2)}.js`);
      writeFileSync(entry, source);
      const config = await makeConfig({ functionsOnly: true }, { mode: "development" });
      config.entry = { functions: entry };
      config.output = { ...config.output, path: path.join(dir, "out") };
      config.plugins = config.plugins?.filter((p) => p?.constructor.name === "NoNodeInBrowserPlugin");
      config.module = { rules: [] };
      config.devtool = false;
      // The entry lives in a temporary directory: resolve packages from the project.
      config.resolve = { ...config.resolve, modules: [path.join(ROOT, "node_modules")] };
      const stats = await run(config);
      return { errors: stats.compilation.errors.map((e) => e.message).join("\n"), stats };
    };
    const eager = await build('import ExcelJS from "exceljs";\nexport const x = ExcelJS;\n');
    expect(eager.errors).toMatch(/exceljs.*is in the chunk functions/);
    const lazy = await build('export const load = () => import(/* webpackChunkName: "xlsx-writer" */ "exceljs");\n');
    expect(lazy.errors).toBe("");
    // The browser build of ExcelJS, in a chunk of its own, not in the entry.
    const chunks = [...lazy.stats.compilation.chunks];
    const entry = chunks.find((c) => c.name === "functions")!;
    expect([...lazy.stats.compilation.chunkGraph.getChunkModulesIterable(entry)].some((m) => m.identifier().includes("exceljs"))).toBe(false);
    expect(chunks.some((c) => !c.canBeInitial() && [...lazy.stats.compilation.chunkGraph.getChunkModulesIterable(c)].some((m) => m.identifier().includes("exceljs.min.js")))).toBe(true);
    const other = await build('export const load = () => import(/* webpackChunkName: "elsewhere" */ "exceljs");\n');
    expect(other.errors).toMatch(/exceljs.*xlsx-writer/);
  }, 180_000);
});
