// One module owns every Excel.run: the gateway. Anything else that talks to Excel goes through
// it, so every batch gets its payload budget, its error mapping and its roll-back. A source scan
// (comments removed) so a new Excel.run elsewhere fails here.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "../../..");
const GATEWAY = "src/workbook/office/gateway.ts";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx|js)$/.test(n) && !n.endsWith(".d.ts") ? [p] : [];
  });
}

const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");

describe("Excel.run", () => {
  it("is called by the gateway only", () => {
    const callers = sources(join(ROOT, "src"))
      .filter((f) => /\bExcel\s*\.\s*run\s*\(/.test(code(readFileSync(f, "utf8"))))
      .map((f) => relative(ROOT, f).split("\\").join("/"));
    expect(callers).toEqual([GATEWAY]);
  });
});
