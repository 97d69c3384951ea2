// Every Office API the code calls lies within the requirement sets manifest.xml declares, read
// from @types/office-js's "[Api set: ExcelApi 1.x]" annotations: a newer API (ExcelApi 1.12 on an
// ExcelApi 1.9 manifest) would fail in exactly the Excel versions the manifest lets in, so it must
// not slip in unguarded. The TypeScript checker resolves each property access to its declaration.

import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const OFFICE_TYPES = `${path.sep}@types${path.sep}office-js${path.sep}`;

/** "1.12" as [1, 12]: minor versions compare as numbers (1.12 is newer than 1.9). */
type Version = [number, number];
const version = (text: string): Version => text.split(".").map(Number) as Version;
const newer = (a: Version, b: Version) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

/** The sets the manifest requires: name -> minimum version. */
function manifestSets(): Map<string, Version> {
  const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const sets = new Map<string, Version>();
  for (const m of xml.matchAll(/<Set Name="([^"]+)"(?: MinVersion="([\d.]+)")?\s*\/>/g)) sets.set(m[1], version(m[2] ?? "1.1"));
  return sets;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [path.join(dir, e.name)] : [],
  );
}

interface Use {
  api: string;
  sets: string;
  where: string;
}

/** Every property access in src that resolves to an office-js declaration with an API set. */
function officeApiUses(): Use[] {
  const files = sources(path.join(ROOT, "src"));
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    esModuleInterop: true,
    types: ["office-js", "custom-functions-runtime", "office-runtime", "node"],
  });
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  for (const sf of program.getSourceFiles()) {
    if (!files.includes(path.resolve(sf.fileName))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        const decl = symbol?.declarations?.[0];
        if (symbol && decl && path.resolve(decl.getSourceFile().fileName).includes(OFFICE_TYPES)) {
          // The set is written under @remarks: "[Api set: ExcelApi 1.1]".
          const doc = [
            ts.displayPartsToString(symbol.getDocumentationComment(checker)),
            ...symbol.getJsDocTags(checker).map((t) => ts.displayPartsToString(t.text)),
          ].join("\n");
          const m = /\[\s*Api set:\s*([^\]]+)\]/.exec(doc);
          if (m) {
            const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
            uses.push({ api: node.getText(sf).replace(/\s+/g, ""), sets: m[1].trim(), where: `${path.relative(ROOT, sf.fileName)}:${line + 1}` });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}

/** Why a use is outside the declared sets, or null when it is within. "ExcelApi 1.9",
 * "ExcelApi 1.1 for get, 1.4 for set"-style texts: every version named must be covered. */
function outside(use: Use, sets: Map<string, Version>): string | null {
  const name = /^([A-Za-z]+)/.exec(use.sets)?.[1] ?? "";
  const min = sets.get(name);
  if (min === undefined) return `${use.api} (${use.where}) needs ${use.sets}, a set the manifest does not declare`;
  const over = [...use.sets.matchAll(/(\d+\.\d+)/g)].map((v) => version(v[1])).filter((v) => newer(v, min));
  return over.length > 0 ? `${use.api} (${use.where}) needs ${use.sets}, above ${name} ${min.join(".")}` : null;
}

describe("Office APIs within the manifest's requirement sets", () => {
  const sets = manifestSets();
  const uses = officeApiUses();

  it("reads the manifest's sets and finds the Excel calls of the gateway", () => {
    expect(sets.get("ExcelApi")).toEqual([1, 9]);
    expect(sets.get("SharedRuntime")).toEqual([1, 1]);
    expect(uses.length).toBeGreaterThan(20);
    expect(uses.some((u) => u.where.startsWith(`src${path.sep}workbook${path.sep}office`) && /^ExcelApi/.test(u.sets))).toBe(true);
  });

  it("uses nothing newer than the declared sets", () => {
    expect(uses.map((u) => outside(u, sets)).filter((x) => x !== null)).toEqual([]);
  });

  it("would catch a newer API", () => {
    expect(outside({ api: "range.getSpillingToRange", sets: "ExcelApi 1.12", where: "x.ts:1" }, sets)).toMatch(/above ExcelApi 1.9/);
    expect(outside({ api: "x", sets: "ExcelApiOnline 1.1", where: "x.ts:1" }, sets)).toMatch(/does not declare/);
    expect(outside({ api: "ws.activate", sets: "ExcelApi 1.1", where: "x.ts:1" }, sets)).toBeNull();
  });
});
