// Every text key the pane's code asks for exists in both languages, so no screen shows a raw
// key such as "projects.run" (i18next would fall back to the key silently).

import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { resources } from "../../src/taskpane/i18n";

const DIR = path.resolve(__dirname, "../../src/taskpane");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

function lookup(tree: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((node, k) => (node && typeof node === "object" ? (node as Record<string, unknown>)[k] : undefined), tree);
}

describe("pane texts", () => {
  const keys = new Set<string>();
  const dynamic: { prefix: string }[] = [];
  for (const file of sources(DIR)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/\bt\(\s*"([\w.]+)"/g)) keys.add(m[1]);
    // t(`prefix.${x}`): the sub-keys under the prefix must match between the languages.
    for (const m of text.matchAll(/\bt\(\s*`([\w.]+)\.\$\{[^}]+\}`/g)) dynamic.push({ prefix: m[1] });
  }

  it("finds the keys it checks", () => {
    expect(keys.size).toBeGreaterThan(80);
    expect(keys).toContain("projects.run");
    expect(keys).toContain("market.run");
    expect(keys).toContain("disruption.run");
    expect(keys).toContain("functionErrors.heading");
    expect(dynamic.map((d) => d.prefix)).toEqual(expect.arrayContaining(["tabs", "projects.converter", "disruption.field", "run.stage"]));
    // The values the code puts into those keys.
    for (const k of ["analysis", "projects", "market", "disruption"]) expect(lookup(resources.ja.translation, `tabs.${k}`)).toBeTypeOf("string");
    for (const k of ["importCutPct", "months", "recoveryMonths", "priceShockPct", "importQuantity", "unitValue"])
      expect(lookup(resources.ja.translation, `disruption.field.${k}`)).toBeTypeOf("string");
  });

  for (const lang of ["ja", "en"] as const) {
    it(`has every static key in ${lang}`, () => {
      const missing = [...keys].filter((k) => typeof lookup(resources[lang].translation, k) !== "string");
      expect(missing).toEqual([]);
    });
    it(`has the same dynamic sub-keys in ${lang} as in Japanese`, () => {
      for (const d of dynamic) {
        const ja = lookup(resources.ja.translation, d.prefix);
        const here = lookup(resources[lang].translation, d.prefix);
        expect(typeof ja, d.prefix).toBe("object");
        expect(Object.keys(here as object).sort(), d.prefix).toEqual(Object.keys(ja as object).sort());
      }
    });
  }
});
