// Builds the add-in: one page (taskpane.html) that loads office.js, the task pane and the
// RIPPLE.* functions, so that they share one runtime (manifest.xml, SharedRuntime 1.1).
//
//   webpack --mode production --env baseUrl=https://host/path   -> dist/addin/ (manifest for that host)
//   webpack --mode development                                  -> dist/addin/ (manifest for localhost)
//   webpack serve --mode development                            -> https://localhost:3000
//   add --env functionsOnly to build only the functions (no task pane entry)
//
// The output goes to dist/addin/ because dist/ itself holds the compiled command line.

/* eslint-disable @typescript-eslint/no-require-imports */
const path = require("path");
const fs = require("fs");
const { builtinModules } = require("module");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const ROOT = __dirname;
const OUT = path.resolve(ROOT, "dist", "addin");
const PORT = 3000;
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
const TASKPANE_SOURCE = "./src/taskpane/index.tsx";

// Packages that must never reach the browser: Node-only libraries of the CLI and the xlsx host.
const NODE_ONLY_PACKAGES = ["exceljs", "commander", "cli-progress", "playwright-core"];

// The one exception: the pane makes the public version (公開版) with the xlsx writer, loaded by
// a dynamic import() named "xlsx-writer" (src/taskpane/publicFile.ts) only when the user asks
// for it. ExcelJS may be in that chunk group's chunks, and in no chunk loaded at start-up; its
// package.json "browser" field gives the self-contained browser build (dist/exceljs.min.js).
const LAZY_XLSX_CHUNK = "xlsx-writer";
const LAZY_ONLY_PACKAGES = ["exceljs"];

// Node built-ins a browser-safe package requires only under Node, inside a guard, with a browser
// path of its own: seedrandom (the market model's Monte Carlo) tries require("crypto") for an
// automatic seed and uses window.crypto in a browser; Ripple always passes a seed anyway.
const OPTIONAL_NODE_REQUIRES = [{ issuer: "seedrandom", builtin: "crypto" }];

const inPackage = (id, p) => id.includes(`${path.sep}node_modules${path.sep}${p}${path.sep}`);

/** Fails the build when a Node built-in (resolved to an empty module by resolve.fallback) or a
 * Node-only package ends up in a bundle, naming the module that imported it. Without this,
 * `fallback: false` would hide the leak until the code ran in Excel. ExcelJS is allowed in the
 * lazy xlsx-writer chunk group only (checked once chunks are formed). */
class NoNodeInBrowserPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("NoNodeInBrowserPlugin", (compilation) => {
      const { WebpackError } = compiler.webpack;
      compilation.hooks.afterOptimizeChunkModules.tap("NoNodeInBrowserPlugin", (chunks, modules) => {
        for (const m of modules) {
          const id = m.identifier();
          if (!LAZY_ONLY_PACKAGES.some((p) => inPackage(id, p))) continue;
          const outside = [...compilation.chunkGraph.getModuleChunksIterable(m)].filter(
            (c) => c.canBeInitial() || [...c.groupsIterable].some((g) => g.name !== LAZY_XLSX_CHUNK),
          );
          if (outside.length === 0) continue;
          const issuer = compilation.moduleGraph.getIssuer(m);
          const by = issuer ? path.relative(ROOT, issuer.resource || issuer.identifier()) : "?";
          compilation.errors.push(
            new WebpackError(`${path.relative(ROOT, m.resource || id)} is in the chunk ${outside.map((c) => c.name || c.id).join(", ")} (imported by ${by}); the xlsx writer may only be loaded lazily, by import(/* webpackChunkName: "${LAZY_XLSX_CHUNK}" */ …).`),
          );
        }
      });
      compilation.hooks.finishModules.tap("NoNodeInBrowserPlugin", (modules) => {
        for (const m of modules) {
          const id = m.identifier();
          const ignored = id.startsWith("ignored|");
          const nodeOnly = NODE_ONLY_PACKAGES.some((p) => inPackage(id, p) && !LAZY_ONLY_PACKAGES.includes(p));
          if (!ignored && !nodeOnly) continue;
          const issuer = compilation.moduleGraph.getIssuer(m);
          const by = issuer ? path.relative(ROOT, issuer.resource || issuer.identifier()) : "?";
          const optional = ignored && OPTIONAL_NODE_REQUIRES.some(
            (o) => id.split("|").pop() === o.builtin && by.startsWith(path.join("node_modules", o.issuer) + path.sep),
          );
          if (optional) continue;
          const what = ignored ? `Node built-in ${id.split("|").pop()}` : path.relative(ROOT, m.resource || id);
          compilation.errors.push(
            new WebpackError(`${what} is in the browser bundle (imported by ${by}); keep Node-only code out of src/engine, src/report, src/functions and src/taskpane.`),
          );
        }
      });
    });
  }
}

/** https options for the dev server: the Office dev certificates (trusted by Office), or
 * webpack-dev-server's own self-signed certificate when they cannot be installed (offline, CI,
 * no sudo). Office rejects an untrusted certificate, so the fallback is for local checks only. */
async function httpsServer(env) {
  if (!env.selfSigned && !process.env.CI) {
    try {
      const devCerts = require("office-addin-dev-certs");
      const options = await devCerts.getHttpsServerOptions();
      return { type: "https", options };
    } catch (e) {
      console.warn(
        `[ripple] Office dev certificates unavailable (${e && e.message ? e.message.split("\n")[0] : e}); ` +
          "using a self-signed certificate. Office will not trust it: run `npx office-addin-dev-certs install` to sideload.",
      );
    }
  }
  return { type: "https" };
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || "production";
  const production = mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const functionsOnly = Boolean(env.functionsOnly);

  if (!functionsOnly && !fs.existsSync(path.resolve(ROOT, TASKPANE_SOURCE))) {
    throw new Error(`${TASKPANE_SOURCE} does not exist; build the functions alone with --env functionsOnly`);
  }

  let transformManifest = (content) => content;
  if (production && !serving) {
    const { toProductionManifest } = await import("./scripts/manifest-prod.mjs");
    const baseUrl = env.baseUrl || process.env.RIPPLE_BASE_URL;
    const manifestOptions = {
      version: require("./package.json").version,
      id: env.addinId || process.env.RIPPLE_ADDIN_ID,
      supportUrl: env.supportUrl || process.env.RIPPLE_SUPPORT_URL || "",
    };
    // Checked now so that a missing base or support URL stops the build before anything is compiled.
    toProductionManifest(fs.readFileSync(path.resolve(ROOT, "manifest.xml"), "utf8"), baseUrl, manifestOptions);
    transformManifest = (content) => toProductionManifest(content.toString("utf8"), baseUrl, manifestOptions);
  }

  const entry = { functions: FUNCTIONS_SOURCE };
  if (!functionsOnly) entry.taskpane = TASKPANE_SOURCE;

  const nodeFallbacks = Object.fromEntries(
    builtinModules.filter((m) => !m.startsWith("_")).flatMap((m) => [[m, false], [`node:${m}`, false]]),
  );

  return {
    mode,
    context: ROOT,
    target: "web",
    devtool: production ? "source-map" : "eval-source-map",
    entry,
    output: {
      path: OUT,
      // Fixed names: the manifest points at functions.js and functions.json.
      filename: "[name].js",
      // Lazy chunks (the xlsx writer for the public version), loaded from the same origin.
      chunkFilename: "[name].chunk.js",
      clean: true,
    },
    // One webpack runtime for both entries, so the pane and the functions share module
    // instances (the model registry in src/functions/registry.ts).
    optimization: { runtimeChunk: "single" },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
      fallback: nodeFallbacks,
    },
    module: {
      rules: [
        // `import text from "…/defaults.csv?raw"`: the file's text (the pane bundles the
        // magnet-market defaults with their sources; the browser has no file system).
        { resourceQuery: /raw/, type: "asset/source" },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is `tsc --noEmit`; the bundle only needs the JavaScript.
            options: {
              transpileOnly: true,
              compilerOptions: { target: "ES2019", module: "esnext", sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: "functions.json" }),
      new HtmlWebpackPlugin({
        template: "./src/taskpane/taskpane.html",
        filename: "taskpane.html",
        chunks: functionsOnly ? ["functions"] : ["functions", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", transform: transformManifest },
        ],
      }),
      new NoNodeInBrowserPlugin(),
    ],
    performance: {
      // Fluent UI makes the pane bundle large; it is loaded once per session from the host.
      hints: production ? "warning" : false,
      maxAssetSize: 3_000_000,
      maxEntrypointSize: 3_000_000,
    },
    devServer: {
      port: PORT,
      host: "localhost",
      hot: false,
      // Excel fetches functions.json and the icons from its own origin.
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? await httpsServer(env) : undefined,
      static: false,
    },
  };
};
