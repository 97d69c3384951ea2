// The engine is pure TypeScript: no Office, no DOM, no file or network I/O (DEVELOPERS.md), so the
// same models serve the task pane, the worksheet functions and the command line.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ENGINE = resolve(__dirname, "../../src/engine");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

const FORBIDDEN_IMPORTS = /from\s+["'](?:node:[^"']+|fs|path|http|https|child_process|react[^"']*|@fluentui\/[^"']+|@microsoft\/office-js|office-[^"']+|exceljs|jszip)["']|require\(/;
const FORBIDDEN_GLOBALS = /\b(?:Office|Excel|CustomFunctions|window|document|localStorage|fetch|XMLHttpRequest)\s*[.(]/;

describe("src/engine purity", () => {
  const files = sources(ENGINE);
  it("has sources to check", () => expect(files.length).toBeGreaterThan(30));
  it.each(files.map((f) => [f.slice(ENGINE.length + 1), f]))("%s imports no host, DOM or I/O module", (_name, file) => {
    const code = readFileSync(file, "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\/\/.*$/gm, "");
    expect(code).not.toMatch(FORBIDDEN_IMPORTS);
    expect(code).not.toMatch(FORBIDDEN_GLOBALS);
  });
});
