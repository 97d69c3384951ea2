// Models registered by name from the task pane. The pane and the functions run in one page
// (shared runtime, one webpack runtime), so =RIPPLE.IMPACT("jp2011", …) uses the model the user
// confirmed in the pane, with its role mapping. Registrations live as long as the page.
//
// The pane's analysis runs in its compute worker, and a model (a factored matrix behind methods)
// cannot cross to the pane's thread. So the pane registers how to build it — the same table and
// options, the same factorisation steps (usecases/analysis.ts analysisModel) — and the model is
// built here the first time a function asks for it, then kept.

import { RippleError } from "../engine/errors";
import type { IOModel, ModelOptions } from "../engine/model";

export interface RegisteredModel {
  /** As the user typed it. */
  name: string;
  model: IOModel;
  /** Changes on every registration under this name, so cached variants are not reused. */
  generation: number;
}

interface Entry {
  name: string;
  generation: number;
  /** Built on first use when registered as a builder. */
  model: IOModel | null;
  build: (() => IOModel) | null;
}

const registry = new Map<string, Entry>();
let generation = 0;
const listeners = new Set<(names: string[]) => void>();

function keyOf(name: string): string {
  return name.trim().normalize("NFKC").toLowerCase();
}

function nameError(name: string): RippleError {
  return new RippleError("model-name", {
    ja: `モデル名「${name}」は使えません。1文字目を文字にした名前（例: jp2011）にしてください`,
    en: `"${name}" cannot name a model: start it with a letter (e.g. jp2011)`,
  });
}

/** Refuse a name the functions could not tell from a value or a cell reference (checked before
 * a run starts, so a bad name stops it with nothing computed or written). */
export function checkModelName(name: string): void {
  // A name must not look like a number or a cell reference, or a 1-cell range would be ambiguous.
  if (!/^\p{L}/u.test(name.trim().normalize("NFKC"))) throw nameError(name);
}

/** Register (or replace) a model under a name the worksheet functions accept as `table`: the
 * model itself, or a function that builds it (called once, when a function first needs it).
 * Names are matched without regard to case or full-width/half-width forms. */
export function registerModel(name: string, model: IOModel | (() => IOModel)): void {
  checkModelName(name);
  const trimmed = name.trim();
  const entry: Entry =
    typeof model === "function"
      ? { name: trimmed, generation: ++generation, model: null, build: model }
      : { name: trimmed, generation: ++generation, model, build: null };
  registry.set(keyOf(trimmed), entry);
  notify();
}

/** Whether the model under `name` has been built yet (tests: a builder runs only when asked). */
export function isModelBuilt(name: string): boolean {
  return !!registry.get(keyOf(name))?.model;
}

export function unregisterModel(name: string): boolean {
  const removed = registry.delete(keyOf(name));
  if (removed) notify();
  return removed;
}

export function registeredModelNames(): string[] {
  return [...registry.values()].map((r) => r.name);
}

/** The model registered under `name`, built now if it was registered as a builder (a build
 * that fails is not kept: the next call tries again and reports the same error). */
export function findRegisteredModel(name: string): RegisteredModel | undefined {
  const entry = registry.get(keyOf(name));
  if (!entry) return undefined;
  if (!entry.model) {
    entry.model = entry.build!();
    entry.build = null;
  }
  return { name: entry.name, model: entry.model, generation: entry.generation };
}

/** The registered model, or a message saying how to register it. */
export function getRegisteredModel(name: string): RegisteredModel {
  const found = findRegisteredModel(name);
  if (found) return found;
  const names = registeredModelNames();
  throw new RippleError("model-not-registered", {
    ja:
      `「${name}」という名前のモデルは登録されていません。Ripple ウィンドウで表を読み込んで名前を付けて登録するか、表の範囲を指定してください` +
      (names.length ? `（登録済み: ${names.join(", ")}）` : ""),
    en:
      `no model named "${name}" is registered: open the Ripple pane, read the table and register it under that name, or pass the table's range` +
      (names.length ? ` (registered: ${names.join(", ")})` : ""),
  });
}

/** Called with the names after every change (e.g. to refresh a list in the pane). */
export function onRegistryChange(listener: (names: string[]) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  const names = registeredModelNames();
  for (const l of listeners) l(names);
}

/** The ModelOptions a model was built with (its resolved options, as plain options). */
export function optionsOfModel(model: IOModel): ModelOptions {
  const o = model.options;
  const opts: ModelOptions = {
    importType: o.importType,
    consumptionRate: o.consumptionRate,
    incomeBase: o.incomeBase,
  };
  if (o.selfSufficiency.size > 0) opts.selfSufficiency = Object.fromEntries(o.selfSufficiency);
  return opts;
}

/** Forget every registration (tests). */
export function clearRegistry(): void {
  registry.clear();
  notify();
}
