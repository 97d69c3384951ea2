// Registering a model for the RIPPLE.* functions by a builder (the pane's analysis runs in its
// compute worker, so the pane registers how to build the model): built once, when a function
// first asks, with the same numbers as the model built directly; a bad name refused before
// anything is registered; a build that fails is not kept, so the next call reports it again.

import { beforeEach, describe, expect, it } from "vitest";
import { RippleError } from "../../src/engine/errors";
import { IOModel, analyze } from "../../src/engine/model";
import { checkModelName, clearRegistry, findRegisteredModel, getRegisteredModel, isModelBuilt, registerModel, registeredModelNames } from "../../src/functions/registry";
import { syntheticTable } from "../bench/synthetic";

beforeEach(() => clearRegistry());

describe("models registered by a builder", () => {
  it("are built once, on first use, and give the directly built model's numbers", () => {
    const table = syntheticTable(30, "registry");
    let builds = 0;
    registerModel("Lazy", () => {
      builds++;
      return IOModel.build(table, { consumptionRate: 0.7 });
    });
    expect(registeredModelNames()).toEqual(["Lazy"]);
    expect(builds).toBe(0);
    expect(isModelBuilt("lazy")).toBe(false);
    const first = getRegisteredModel("ＬＡＺＹ").model; // full-width, other case: the same name
    expect(builds).toBe(1);
    expect(getRegisteredModel("lazy").model).toBe(first);
    expect(builds).toBe(1);
    const shock = table.sectors.map((_, i) => (i % 3 === 0 ? 100 : 0));
    const direct = IOModel.build(table, { consumptionRate: 0.7 });
    expect(analyze(first, shock, { lang: "ja" })).toEqual(analyze(direct, shock, { lang: "ja" }));
  });

  it("refuse a name that could be a number or a cell, before registering anything", () => {
    expect(() => checkModelName("2011")).toThrow(RippleError);
    expect(() => registerModel("A1 ", () => IOModel.build(syntheticTable(5)))).not.toThrow(); // starts with a letter
    expect(() => registerModel("1jp", () => IOModel.build(syntheticTable(5)))).toThrow(/1jp/);
    expect(registeredModelNames()).toEqual(["A1"]);
  });

  it("a build that fails is reported at each use, not kept", () => {
    let calls = 0;
    registerModel("broken", () => {
      calls++;
      throw new RippleError("model-build", { ja: "作れません", en: "cannot build" });
    });
    expect(() => findRegisteredModel("broken")).toThrow("cannot build");
    expect(() => findRegisteredModel("broken")).toThrow("cannot build");
    expect(calls).toBe(2);
    expect(isModelBuilt("broken")).toBe(false);
  });
});
