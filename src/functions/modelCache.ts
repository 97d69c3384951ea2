// Tables and models behind the worksheet functions, cached by content: Excel recalculates a
// formula often, but the same range with the same values is read and factored only once.

import type { Grid } from "../engine/grid";
import { IOModel, type ModelOptions } from "../engine/model";
import { readTable } from "../engine/table";
import type { IOTable } from "../engine/table/types";
import { gridKey } from "./contentKey";

/** A handful of tables in use at once is typical; each entry holds one factored (I − A_d). */
const MAX_ENTRIES = 8;

class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, v: V): void {
    this.map.delete(key);
    this.map.set(key, v);
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }
  clear(): void {
    this.map.clear();
  }
  get size(): number {
    return this.map.size;
  }
}

const tables = new Lru<IOTable>(MAX_ENTRIES);
const models = new Lru<IOModel>(MAX_ENTRIES);
const stats = { tableReads: 0, modelBuilds: 0, hits: 0 };

/** Options in a canonical order, so {a, b} and {b, a} share a model. */
export function optionsKey(options: ModelOptions | undefined): string {
  const o = options ?? {};
  const ss = o.selfSufficiency
    ? Object.entries(o.selfSufficiency)
        .map(([k, v]) => [Number(k), v] as const)
        .sort((a, b) => a[0] - b[0])
    : [];
  return JSON.stringify([o.importType ?? null, o.consumptionRate ?? null, o.incomeBase ?? null, ss]);
}

/** The table of a grid (read once per content). */
export function tableOfGrid(grid: Grid): { key: string; table: IOTable } {
  const key = gridKey(grid);
  let table = tables.get(key);
  if (!table) {
    table = readTable(grid);
    stats.tableReads++;
    tables.set(key, table);
  }
  return { key, table };
}

/** The model of a table under options, built once per (table key, options). */
export function cachedModel(tableKey: string, table: IOTable, options?: ModelOptions): IOModel {
  const key = `${tableKey}|${optionsKey(options)}`;
  const hit = models.get(key);
  if (hit) {
    stats.hits++;
    return hit;
  }
  const model = IOModel.build(table, options);
  stats.modelBuilds++;
  models.set(key, model);
  return model;
}

/** Counts since the last clear: how often a table was read, a model built, a model reused. */
export function modelCacheStats(): { tableReads: number; modelBuilds: number; hits: number; entries: number } {
  return { ...stats, entries: models.size };
}

export function clearModelCache(): void {
  tables.clear();
  models.clear();
  stats.tableReads = 0;
  stats.modelBuilds = 0;
  stats.hits = 0;
}
