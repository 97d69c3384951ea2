// Models registered by name from the task pane. The pane and the functions run in one page
// (shared runtime, one webpack runtime), so =RIPPLE.IMPACT("jp2011", …) uses the model the user
// confirmed in the pane, with its role mapping. Registrations live as long as the page; the
// pane re-registers saved models when it opens.

import { RippleError } from "../engine/errors";
import type { IOModel, ModelOptions } from "../engine/model";

export interface RegisteredModel {
  /** As the user typed it. */
  name: string;
  model: IOModel;
  /** Changes on every registration under this name, so cached variants are not reused. */
  generation: number;
}

const registry = new Map<string, RegisteredModel>();
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

/** Register (or replace) a model under a name the worksheet functions accept as `table`.
 * Names are matched without regard to case or full-width/half-width forms. */
export function registerModel(name: string, model: IOModel): void {
  const trimmed = name.trim();
  // A name must not look like a number or a cell reference, or a 1-cell range would be ambiguous.
  if (!/^\p{L}/u.test(trimmed.normalize("NFKC"))) throw nameError(name);
  registry.set(keyOf(trimmed), { name: trimmed, model, generation: ++generation });
  notify();
}

export function unregisterModel(name: string): boolean {
  const removed = registry.delete(keyOf(name));
  if (removed) notify();
  return removed;
}

export function registeredModelNames(): string[] {
  return [...registry.values()].map((r) => r.name);
}

export function findRegisteredModel(name: string): RegisteredModel | undefined {
  return registry.get(keyOf(name));
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
