// Builds, with webpack's Node API, (1) the real add-in from the project's webpack.config.js
// (taskpane.html + bundles) into a temporary directory and (2) the fake Office host that the
// browser test serves in place of the office.js CDN script. Also used by `npm run preview`
// (scripts/preview.ts), which serves the same pane with the same fake for people.

import path from "node:path";
import webpack from "webpack";
import type { Configuration, Stats } from "webpack";

export const ROOT = path.resolve(__dirname, "../..");

function run(config: Configuration): Promise<Stats> {
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (!stats) return reject(new Error("webpack returned no stats"));
      if (stats.hasErrors()) {
        const errors = stats.toJson({ all: false, errors: true }).errors ?? [];
        return reject(new Error(errors.map((e) => `${e.moduleName ?? ""} ${e.message}`).join("\n\n")));
      }
      resolve(stats);
    });
  });
}

/** The add-in exactly as `webpack --mode development` builds it, written to outDir. */
export async function buildAddin(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const factory = require(path.join(ROOT, "webpack.config.js")) as (
    env: Record<string, unknown>,
    argv: Record<string, unknown>,
  ) => Promise<Configuration>;
  const config = await factory({}, { mode: "development" });
  await run({
    ...config,
    devtool: false, // eval-source-map only slows the test page down
    output: { ...config.output, path: outDir },
    infrastructureLogging: { level: "error" },
  });
}

/** One TypeScript entry as a classic browser script (outDir/name.js), bundled with ts-loader:
 * the fake Office host here, and the preview page's workbook inspector (scripts/preview.ts). */
export async function buildBrowserScript(entry: string, outDir: string, name: string): Promise<string> {
  await run({
    mode: "development",
    devtool: false,
    target: "web",
    context: ROOT,
    entry: { [name]: entry },
    output: { path: outDir, filename: "[name].js" },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { target: "ES2019", module: "esnext" } },
          },
        },
      ],
    },
    infrastructureLogging: { level: "error" },
  });
  return path.join(outDir, `${name}.js`);
}

/** The fake Office host (test/workbook/office/fakeExcel.ts + bootstrap) as one classic script. */
export function buildFakeOffice(outDir: string): Promise<string> {
  return buildBrowserScript("./test/taskpane/fakeOfficeBootstrap.ts", outDir, "fake-office");
}
