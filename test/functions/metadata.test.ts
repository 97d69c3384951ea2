// functions.json as custom-functions-metadata writes it from src/functions/functions.ts. The
// generator drops an exported arrow function without an error, so every export is compared with
// the generated list.

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateCustomFunctionsMetadata, type ICustomFunctionsMetadata } from "custom-functions-metadata";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const SOURCE = path.join(ROOT, "src", "functions", "functions.ts");

/** Names of everything functions.ts exports at top level (functions and consts alike). */
function exportedNames(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const names: string[] = [];
  for (const st of sf.statements) {
    const exported = ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isFunctionDeclaration(st) && st.name) names.push(st.name.text);
    else if (ts.isVariableStatement(st))
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
  }
  if (sf.statements.some((st) => ts.isExportDeclaration(st) || ts.isExportAssignment(st)))
    names.push("(re-export: functions.ts must export only custom functions)");
  return names;
}

/** Exports that the generator did not turn into functions. */
async function droppedExports(file: string): Promise<string[]> {
  const result = await generateCustomFunctionsMetadata(file);
  const associated = new Set(result.associate.map((a) => a.functionName));
  return exportedNames(file).filter((n) => !associated.has(n));
}

describe("generated functions.json", () => {
  it("has every RIPPLE function, with no errors", async () => {
    const result = await generateCustomFunctionsMetadata(SOURCE);
    expect(result.errors).toEqual([]);
    const meta = JSON.parse(result.metadataJson) as ICustomFunctionsMetadata;
    expect(meta.functions.map((f) => f.name).sort()).toEqual(["AVOIDEDLOSS", "IMPACT", "INOPERABILITY", "KPI", "LEONTIEF", "LINKAGE", "MULTIPLIER", "PRICEEFFECT", "SHARE"]);
    for (const f of meta.functions) {
      expect(f.id).toBe(f.name);
      // Excel: NAMESPACE.NAME, names of at least 3 characters, letters/digits/period/underscore.
      expect(f.name).toMatch(/^[A-Z][A-Z0-9._]{2,}$/);
    }
    expect(result.associate.map((a) => `${a.id}=${a.functionName}`).sort()).toEqual([
      "AVOIDEDLOSS=rippleAvoidedLoss",
      "IMPACT=rippleImpact",
      "INOPERABILITY=rippleInoperability",
      "KPI=rippleKpi",
      "LEONTIEF=rippleLeontief",
      "LINKAGE=rippleLinkage",
      "MULTIPLIER=rippleMultiplier",
      "PRICEEFFECT=ripplePrice",
      "SHARE=rippleShare",
    ]);
  });

  it("drops no export of functions.ts", async () => {
    const exported = exportedNames(SOURCE);
    expect(exported.length).toBe(9);
    expect(await droppedExports(SOURCE)).toEqual([]);
  });

  it("catches an arrow-function export that the generator drops silently", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ripple-cf-"));
    const file = path.join(dir, "functions.ts");
    writeFileSync(
      file,
      [
        "/**",
        " * Kept.",
        " * @customfunction KEPT",
        " * @param x A number.",
        " * @returns The number.",
        " */",
        "export function kept(x: number): number { return x; }",
        "/**",
        " * Dropped.",
        " * @customfunction DROPPED",
        " * @param x A number.",
        " * @returns The number.",
        " */",
        "export const dropped = (x: number): number => x;",
      ].join("\n"),
    );
    const result = await generateCustomFunctionsMetadata(file);
    expect(result.errors).toEqual([]); // the generator says nothing…
    expect(await droppedExports(file)).toEqual(["dropped"]); // …the comparison does
  });

  const MARKET_FUNCTIONS = ["SHARE", "KPI"];
  it("has help text on every function and parameter", async () => {
    const meta = JSON.parse((await generateCustomFunctionsMetadata(SOURCE)).metadataJson) as ICustomFunctionsMetadata;
    for (const f of meta.functions) {
      expect(f.description, f.name).toBeTruthy();
      expect((f.description as string).length, f.name).toBeGreaterThan(40);
      expect(f.parameters.length, f.name).toBeGreaterThan(0);
      for (const p of f.parameters) expect(p.description, `${f.name}(${p.name})`).toBeTruthy();
      // Japanese users read the Japanese term next to the English one, in the function and in
      // every argument's help.
      expect(f.description, f.name).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      for (const p of f.parameters) expect(p.description, `${f.name}(${p.name})`).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      // The first argument is always a range: the IO table, or the magnet parameter sheet.
      expect(["table", "parameters"]).toContain(f.parameters[0].name);
      expect(f.parameters[0].dimensionality).toBe("matrix");
      // Table functions spill a matrix; the market functions return one number.
      if (MARKET_FUNCTIONS.includes(f.name)) expect(f.result).toMatchObject({ type: "number" });
      else expect(f.result?.dimensionality).toBe("matrix");
      // Addresses make messages name the sheet and cell of a bad value.
      expect(f.options?.requiresParameterAddresses).toBe(true);
      // Optional arguments come last, and `headers` is one of them everywhere.
      const firstOptional = f.parameters.findIndex((p) => p.optional);
      expect(firstOptional).toBeGreaterThan(0);
      expect(f.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
      if (!MARKET_FUNCTIONS.includes(f.name))
        expect(f.parameters.find((p) => p.name === "headers")).toMatchObject({ type: "boolean", optional: true });
    }
    const impact = meta.functions.find((f) => f.name === "IMPACT");
    expect(impact?.parameters.map((p) => [p.name, p.optional ?? false])).toEqual([
      ["table", false],
      ["shock", false],
      ["options", true],
      ["headers", true],
    ]);
    const avoided = meta.functions.find((f) => f.name === "AVOIDEDLOSS");
    expect(avoided?.parameters.map((p) => [p.name, p.dimensionality ?? "scalar", p.optional ?? false])).toEqual([
      ["table", "matrix", false],
      ["parameters", "matrix", false],
      ["scenarios", "matrix", false],
      ["scenario", "scalar", false],
      ["year", "scalar", false],
      ["supportedCapacity", "scalar", true],
      ["securityParameters", "matrix", true],
      ["headers", "scalar", true],
    ]);
  });
});
