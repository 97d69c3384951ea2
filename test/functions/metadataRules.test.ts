// The generated functions.json against every rule Microsoft's documentation states for custom
// functions, not only the ones custom-functions-metadata itself enforces (it accepted
// requiresParameterAddresses on a scalar result, 400-character descriptions and the name of a
// built-in function). Each rule is also run on metadata that breaks it, so none passes vacuously.
//
// Sources: "Manually create JSON metadata for custom functions" (learn.microsoft.com/office/dev/
// add-ins/excel/custom-functions-json: id characters, options, requiresParameterAddresses only
// with a matrix result, stream and volatile); "Naming guidelines" (custom-functions-naming:
// start with a letter, at least three characters, letters/digits/period/underscore, not a
// built-in function's name, not a cell reference); Excel's 255-character limit for function and
// argument descriptions (Function Arguments dialog).

import { readFileSync } from "node:fs";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const SOURCE = path.join(ROOT, "src", "functions", "functions.ts");
const BUILT_INS = new Set(
  readFileSync(path.join(__dirname, "../fixtures/excel-function-names.txt"), "utf8")
    .split("\n")
    .filter((l) => !l.startsWith("#"))
    .flatMap((l) => l.trim().split(/\s+/))
    .filter(Boolean),
);

interface Param {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result?: { type?: string; dimensionality?: string };
  options?: { requiresAddress?: boolean; requiresParameterAddresses?: boolean; stream?: boolean; volatile?: boolean; cancelable?: boolean };
}

const MAX_DESCRIPTION = 255;

/** Every broken rule, as "FUNCTION: what". */
function metadataProblems(functions: Fn[]): string[] {
  const out: string[] = [];
  const seenIds = new Set<string>();
  const seenNames = new Set<string>();
  for (const f of functions) {
    const at = (what: string) => out.push(`${f.name || f.id}: ${what}`);
    if (!/^[A-Za-z0-9.]+$/.test(f.id)) at(`id "${f.id}" may hold only letters, digits and periods`);
    if (seenIds.has(f.id.toUpperCase())) at(`id "${f.id}" is not unique`);
    seenIds.add(f.id.toUpperCase());
    if (!/^[A-Za-z][A-Za-z0-9._]*$/.test(f.name)) at(`name "${f.name}" must start with a letter and hold only letters, digits, periods, underscores`);
    if (f.name.length < 3) at(`name "${f.name}" is shorter than 3 characters`);
    if (BUILT_INS.has(f.name.toUpperCase())) at(`name "${f.name}" is a built-in Excel function`);
    if (/^[A-Z]{1,3}[0-9]+$/i.test(f.name) || /^R[0-9]*C[0-9]*$/i.test(f.name)) at(`name "${f.name}" looks like a cell reference`);
    if (seenNames.has(f.name.toUpperCase())) at(`name "${f.name}" is not unique`);
    seenNames.add(f.name.toUpperCase());
    if ((f.description ?? "").length > MAX_DESCRIPTION) at(`description has ${f.description!.length} characters (at most ${MAX_DESCRIPTION})`);
    if (f.options?.requiresParameterAddresses && f.result?.dimensionality !== "matrix")
      at("requiresParameterAddresses needs a matrix result (result.dimensionality = matrix)");
    if (f.options?.stream && f.options?.volatile) at("a function cannot be both streaming and volatile");
    const paramNames = new Set<string>();
    let optionalSeen = false;
    for (const p of f.parameters) {
      if ((p.description ?? "").length > MAX_DESCRIPTION) at(`parameter ${p.name}: description has ${p.description!.length} characters (at most ${MAX_DESCRIPTION})`);
      if (p.type !== undefined && !["boolean", "number", "string", "any"].includes(p.type)) at(`parameter ${p.name}: type ${p.type}`);
      if (p.dimensionality !== undefined && !["scalar", "matrix"].includes(p.dimensionality)) at(`parameter ${p.name}: dimensionality ${p.dimensionality}`);
      if (paramNames.has(p.name)) at(`parameter ${p.name} twice`);
      paramNames.add(p.name);
      if (p.optional || p.repeating) optionalSeen = true;
      else if (optionalSeen) at(`required parameter ${p.name} after an optional one`);
    }
  }
  return out;
}

async function generated(): Promise<Fn[]> {
  const result = await generateCustomFunctionsMetadata(SOURCE);
  expect(result.errors).toEqual([]);
  return (JSON.parse(result.metadataJson) as { functions: Fn[] }).functions;
}

describe("functions.json within the documented rules", () => {
  it("breaks none of them", async () => {
    const functions = await generated();
    expect(functions.length).toBe(9);
    expect(metadataProblems(functions)).toEqual([]);
  });

  it("asks for parameter addresses only where messages name cells, always with a matrix result", async () => {
    const functions = await generated();
    for (const f of functions) expect(f.options?.requiresParameterAddresses, f.name).toBe(true);
    for (const f of functions) expect(f.result?.dimensionality, f.name).toBe("matrix");
  });

  it("catches each rule on metadata that breaks it", () => {
    const ok: Fn = {
      id: "GOOD",
      name: "GOOD",
      description: "fine",
      parameters: [{ name: "x", type: "number" }, { name: "y", type: "any", dimensionality: "matrix", optional: true }],
      result: { dimensionality: "matrix" },
      options: { requiresParameterAddresses: true },
    };
    expect(metadataProblems([ok])).toEqual([]);
    const broken: [Partial<Fn>, RegExp][] = [
      [{ id: "BAD-ID" }, /letters, digits and periods/],
      [{ name: "AB" }, /shorter than 3/],
      [{ name: "1ABC" }, /start with a letter/],
      [{ name: "PRICE" }, /built-in Excel function/],
      [{ name: "XLOOKUP" }, /built-in Excel function/],
      [{ name: "AB12" }, /cell reference/],
      [{ description: "x".repeat(256) }, /256 characters/],
      [{ result: { type: "number" } }, /requiresParameterAddresses needs a matrix result/],
      [{ options: { stream: true, volatile: true } }, /both streaming and volatile/],
      [{ parameters: [{ name: "x", optional: true }, { name: "y" }] }, /required parameter y after an optional one/],
      [{ parameters: [{ name: "x", description: "d".repeat(300) }] }, /parameter x: description has 300/],
      [{ parameters: [{ name: "x", type: "date" }] }, /type date/],
      [{ parameters: [{ name: "x" }, { name: "x" }] }, /parameter x twice/],
    ];
    for (const [change, why] of broken) {
      const problems = metadataProblems([{ ...ok, ...change }]);
      expect(problems.join("\n"), JSON.stringify(change)).toMatch(why);
    }
    expect(metadataProblems([ok, { ...ok }]).join("\n")).toMatch(/not unique/);
  });

  it("the built-in list is the real one (spot checks), and no RIPPLE name is on it", async () => {
    expect(BUILT_INS.size).toBeGreaterThan(450);
    for (const n of ["SUM", "PRICE", "MINVERSE", "MMULT", "XLOOKUP", "LET", "BETA.DIST"]) expect(BUILT_INS.has(n), n).toBe(true);
    for (const f of await generated()) expect(BUILT_INS.has(f.name), f.name).toBe(false);
  });
});
