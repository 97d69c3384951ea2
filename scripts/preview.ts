// `npm run preview`: the task pane in an ordinary browser, without Excel. Builds the add-in as
// `webpack --mode development` does, and serves it on http://127.0.0.1:3000 with the recording
// fake Excel host (test/workbook/office/fakeExcel.ts, the browser test's) in place of office.js,
// holding the sheets of the bundled sample workbook (assets/ripple-sample.xlsx). A "fake
// workbook inspector" beside the pane shows the sheets, the cells written and the charts; it
// is part of this page only, never of the add-in bundle.
//
//   npx tsx scripts/preview.ts [--port 3000] [--host 127.0.0.1] [--lang ja|en] [--workbook file.xlsx]
//
// The workbook lives in the page: reloading the page starts again from the sample.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { a1 } from "../src/engine/grid";
import { warningText } from "../src/engine/errors";
import { readXlsx } from "../src/workbook/xlsx";
import { buildAddin, buildBrowserScript, buildFakeOffice, ROOT } from "../test/taskpane/buildBundles";
import { serveDirectory } from "../test/taskpane/staticServer";
import type { InitialSheet } from "../test/workbook/office/fakeExcel";

const OFFICE_JS_TAG = /<script[^>]*src="https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"[^>]*><\/script>/;

interface PreviewArgs {
  port: number;
  host: string;
  lang: "ja" | "en";
  workbook: string;
}

function parseArgs(argv: string[]): PreviewArgs {
  const out: PreviewArgs = { port: 3000, host: "127.0.0.1", lang: "ja", workbook: path.join(ROOT, "assets", "ripple-sample.xlsx") };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--port") out.port = Number(next());
    else if (a === "--host") out.host = next();
    else if (a === "--lang") {
      const v = next();
      if (v !== "ja" && v !== "en") throw new Error(`--lang must be ja or en, not ${v}`);
      out.lang = v;
    } else if (a === "--workbook") out.workbook = path.resolve(next());
    else if (a === "--help" || a === "-h") {
      console.log("npx tsx scripts/preview.ts [--port 3000] [--host 127.0.0.1] [--lang ja|en] [--workbook file.xlsx]");
      process.exit(0);
    } else throw new Error(`unknown option ${a} (see --help)`);
  }
  if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535) throw new Error(`--port must be a port number`);
  return out;
}

/** The workbook's sheets as the fake host's initial sheets, each at its own place. */
async function initialSheets(file: string): Promise<Record<string, InitialSheet>> {
  const book = await readXlsx(file);
  for (const w of book.warnings ?? []) console.warn(`[preview] ${path.basename(file)}: ${warningText(w, "en")}`);
  return Object.fromEntries(book.sheets.map((g) => [g.sheet, { at: a1(g.origin.row, g.origin.col), values: g.values }]));
}

/** taskpane.html with the fake host in place of office.js and the inspector after the pane. */
export function previewHtml(html: string): string {
  if (!OFFICE_JS_TAG.test(html)) throw new Error("taskpane.html has no office.js script tag to replace; update scripts/preview.ts");
  return html
    .replace(OFFICE_JS_TAG, '<script src="preview/fake-init.js"></script>\n    <script src="preview/fake-office.js"></script>')
    .replace(/<title>/, "<title>[preview] ")
    .replace(/<\/body>/, '  <script src="preview/inspector.js" defer></script>\n  </body>');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const work = mkdtempSync(path.join(tmpdir(), "ripple-preview-"));
  const site = path.join(work, "site");
  const cleanup = () => rmSync(work, { recursive: true, force: true });
  try {
    console.log(`[preview] reading ${path.relative(process.cwd(), args.workbook) || args.workbook}`);
    const workbook = await initialSheets(args.workbook);
    console.log(`[preview] building the add-in (development mode) and the fake Excel host…`);
    await buildAddin(site);
    const preview = path.join(site, "preview");
    await buildFakeOffice(preview);
    await buildBrowserScript("./scripts/previewInspector.ts", preview, "inspector");
    const init = { workbook, options: { displayLanguage: args.lang === "ja" ? "ja-JP" : "en-US" } };
    writeFileSync(path.join(preview, "fake-init.js"), `window.__rippleFakeInit = ${JSON.stringify(init)};\n`, "utf8");
    const html = previewHtml(readFileSync(path.join(site, "taskpane.html"), "utf8"));
    writeFileSync(path.join(site, "taskpane.html"), html, "utf8");
    writeFileSync(path.join(site, "index.html"), html, "utf8");

    const server = await serveDirectory(site, { port: args.port, host: args.host }).catch((e: NodeJS.ErrnoException) => {
      if (e.code === "EADDRINUSE") throw new Error(`port ${args.port} is in use; pass another with --port`);
      throw e;
    });
    console.log(`[preview] sheets: ${Object.keys(workbook).join(", ")}`);
    console.log(`[preview] open ${server.origin}/ in a browser (Ctrl+C to stop)`);
    const stop = () => {
      void server.close().finally(() => {
        cleanup();
        process.exit(0);
      });
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  } catch (e) {
    cleanup();
    throw e;
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`[preview] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
