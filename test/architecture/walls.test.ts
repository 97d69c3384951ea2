// The walls between the layers, checked on every test run (the TypeScript compiler API reads each
// file's imports; nothing is executed):
//   engine  <-  report  <-  usecases  <-  cli / taskpane / functions
//                  ^--- workbook (the xlsx and Office hosts write the report's WorkbookSpec)
// - src/engine imports nothing outside src/engine and no host package (node:, fs, exceljs, react,
//   Office …): it is pure computation, the same in the browser, a worker and Node.
// - each layer imports only the layers to its left; the runners (usecases) call the report
//   builders, so report sits below usecases, and the hosts (cli, taskpane, functions) fetch grids,
//   call a runner and write what it returns.
// - no import cycle among runtime imports (type-only imports are erased and cannot loop).
// The engine's own tsconfig (tsconfig.engine.json, run by `npm test`) keeps DOM, node and Office
// types out of src/engine as well.

import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const SRC = path.resolve(__dirname, "../../src");

type Layer = "engine" | "report" | "workbook" | "usecases" | "cli" | "taskpane" | "functions";

/** What each layer may import (itself included). */
const ALLOWED: Record<Layer, Layer[]> = {
  engine: ["engine"],
  report: ["engine", "report"],
  workbook: ["engine", "report", "workbook"],
  usecases: ["engine", "report", "usecases"],
  functions: ["engine", "report", "usecases", "functions"],
  cli: ["engine", "report", "workbook", "usecases", "cli"],
  // the pane registers models for the worksheet functions of the same shared runtime
  taskpane: ["engine", "report", "workbook", "usecases", "functions", "taskpane"],
};

/** Packages the engine may use: pure computation, no host. */
const ENGINE_PACKAGES = new Set(["seedrandom"]);

interface Import {
  from: string;
  spec: string;
  /** Resolved file under src, or null for a package. */
  target: string | null;
  typeOnly: boolean;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts") ? [p] : [];
  });
}

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = path.resolve(path.dirname(from), spec.replace(/\?.*$/, ""));
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")])
    if (c.startsWith(SRC) && /\.(ts|tsx)$/.test(c)) {
      try {
        if (statSync(c).isFile()) return c;
      } catch {
        // not this candidate
      }
    }
  return base; // outside src (package.json, assets): not a layer
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Import[] = [];
  const add = (spec: string, typeOnly: boolean) => out.push({ from: file, spec, target: resolveLocal(file, spec), typeOnly });
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const c = node.importClause;
      const named = c?.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings.elements : null;
      const typeOnly = !!c && (c.isTypeOnly || (!c.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === "require")) add(node.arguments[0].text, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function layerOf(file: string): Layer | null {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length > 1 && rel[0] in ALLOWED ? (rel[0] as Layer) : null;
}

const rel = (f: string) => path.relative(SRC, f);
const ALL = files(SRC);
const IMPORTS = ALL.flatMap(importsOf);

/** Layer violations of a list of imports (exported for the test that shows the check fires). */
function violations(imports: Import[]): string[] {
  const bad: string[] = [];
  for (const i of imports) {
    const from = layerOf(i.from);
    if (!from) continue;
    if (i.target === null) {
      const pkg = i.spec.startsWith("@") ? i.spec.split("/").slice(0, 2).join("/") : i.spec.split("/")[0];
      if (from === "engine" && !ENGINE_PACKAGES.has(pkg)) bad.push(`${rel(i.from)} imports the package '${i.spec}'`);
      continue;
    }
    if (!i.target.startsWith(SRC + path.sep)) {
      if (from === "engine") bad.push(`${rel(i.from)} imports '${i.spec}' from outside src/engine`);
      continue;
    }
    const to = layerOf(i.target);
    if (to && !ALLOWED[from].includes(to)) bad.push(`${rel(i.from)} (${from}) imports ${rel(i.target)} (${to})`);
  }
  return bad;
}

const PACKAGE = JSON.parse(readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")) as { dependencies: Record<string, string> };

/** Runtime imports of packages that are not runtime dependencies (a devDependency the CLI or the
 * bundle needs would be missing from a production install). */
function undeclared(imports: Import[], dependencies: Record<string, string>): string[] {
  const bad: string[] = [];
  for (const i of imports) {
    if (i.target !== null || i.typeOnly || i.spec.startsWith("node:")) continue;
    const pkg = i.spec.startsWith("@") ? i.spec.split("/").slice(0, 2).join("/") : i.spec.split("/")[0];
    if (!(pkg in dependencies)) bad.push(`${rel(i.from)} imports '${i.spec}', which package.json lists only as a devDependency or not at all`);
  }
  return bad;
}

/** Cycles among runtime imports, each as the files around it. */
function cycles(imports: Import[]): string[][] {
  const edges = new Map<string, string[]>();
  for (const i of imports)
    if (!i.typeOnly && i.target && i.target.startsWith(SRC + path.sep)) edges.set(i.from, [...(edges.get(i.from) ?? []), i.target]);
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const walk = (f: string) => {
    state.set(f, "open");
    stack.push(f);
    for (const t of edges.get(f) ?? []) {
      if (state.get(t) === "open") found.push(stack.slice(stack.indexOf(t)).map(rel));
      else if (!state.has(t)) walk(t);
    }
    stack.pop();
    state.set(f, "done");
  };
  for (const f of edges.keys()) if (!state.has(f)) walk(f);
  return found;
}

describe("architecture walls", () => {
  it("reads the imports of every source file", () => {
    expect(ALL.length).toBeGreaterThan(100);
    expect(IMPORTS.some((i) => rel(i.from) === "usecases/analysis.ts" && i.spec === "../engine/model")).toBe(true);
  });

  it("each layer imports only the layers below it; the engine no host package", () => {
    expect(violations(IMPORTS)).toEqual([]);
  });

  it("imports at run time only packages listed in dependencies (test-only packages stay devDependencies)", () => {
    expect(undeclared(IMPORTS, PACKAGE.dependencies)).toEqual([]);
    const f = path.join(SRC, "engine/model/x.ts");
    expect(undeclared([{ from: f, spec: "ml-matrix", target: null, typeOnly: false }], PACKAGE.dependencies)).toHaveLength(1);
  });

  it("has no import cycle", () => {
    expect(cycles(IMPORTS)).toEqual([]);
  });

  it("the checks fire on a wrong import and on a cycle", () => {
    const f = (p: string) => path.join(SRC, p);
    const fake: Import[] = [
      { from: f("engine/x.ts"), spec: "../report/spec", target: f("report/spec.ts"), typeOnly: true },
      { from: f("engine/x.ts"), spec: "node:fs", target: null, typeOnly: false },
      { from: f("report/y.ts"), spec: "../usecases/analysis", target: f("usecases/analysis.ts"), typeOnly: false },
      { from: f("cli/a.ts"), spec: "./b", target: f("cli/b.ts"), typeOnly: false },
      { from: f("cli/b.ts"), spec: "./a", target: f("cli/a.ts"), typeOnly: false },
    ];
    expect(violations(fake)).toHaveLength(3);
    expect(cycles(fake)).toEqual([["cli/a.ts", "cli/b.ts"]]);
  });
});
