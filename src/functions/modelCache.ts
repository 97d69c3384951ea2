// Tables and models behind the worksheet functions, cached by content: Excel recalculates a
// formula often, but the same range with the same values is read and factored only once.

import type { Grid } from "../engine/grid";
import { IOModel, type ModelOptions } from "../engine/model";
import { RippleError, type RippleWarning } from "../engine/errors";
import { readTable } from "../engine/table";
import { blockingChecks, checkTableBalance, imbalanceText, tableChecks } from "../engine/table/balance";
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

/** A table that does not add up, refused as a formula's error: Excel shows about 255 characters,
 * so what to do comes first and the failed checks (sheet, cells, gaps) after it. There is no
 * --allow-imbalance on a formula: RIPPLE.IMPACT takes it as an option, the other functions a model
 * registered from the pane with its checkbox ticked (the pane checks the table itself). */
function imbalanceError(table: IOTable): RippleError | null {
  const failed = blockingChecks(tableChecks(table));
  if (failed.length === 0) return null;
  const first = failed[0].failures[0];
  const n = (v: number) => (Number.isInteger(v) ? v.toLocaleString("en-US") : v.toPrecision(6));
  const gap = `${first.label}${first.cell ? ` (${first.cell})` : ""}: ${n(first.value)} / ${n(first.expected)}`;
  const more = failed.reduce((k, c) => k + c.failures.length, 0) - 1;
  const what = imbalanceText(failed);
  return new RippleError(
    "table.imbalance",
    {
      ja: `表の合計が合いません: ${gap}（差 ${n(first.gap)}${more > 0 ? `、ほか ${more} 件` : ""}）。誤った数値になるため計算しません。承知で計算するには RIPPLE.IMPACT のオプション allowImbalance=TRUE か、作業ウィンドウで「合計が合わない表でも計算する」にして登録したモデル名を使います。${what.ja}。`,
      en: `Table does not add up: ${gap} (gap ${n(first.gap)}${more > 0 ? `, ${more} more` : ""}). Nothing computed (numbers would be wrong). To compute anyway: allowImbalance=TRUE in RIPPLE.IMPACT's options, or a model registered in the pane with the imbalance box ticked. ${what.en}.`,
    },
    { ...(table.layout ? { sheet: table.layout.sheet } : {}), ...(first.cell ? { cell: first.cell } : {}) },
  );
}

/** The table of a grid (read once per content), refused when it does not add up
 * (engine/table/balance.ts, as the command line and the pane do) unless `allowImbalance`, and
 * then carrying the warning. A refused table is never cached as a table a function can use. */
export function tableOfGrid(grid: Grid, allowImbalance = false): { key: string; table: IOTable } {
  const key = gridKey(grid);
  let table = tables.get(key);
  if (!table) {
    table = readTable(grid);
    stats.tableReads++;
    tables.set(key, table);
  }
  let verdict = balance.get(key);
  if (!verdict) {
    verdict = { failure: imbalanceError(table), allowed: checkTableBalance(table, { allowImbalance: true, allowedBy: ALLOWED_BY }) };
    balance.set(key, verdict);
  }
  if (verdict.failure === null) return { key, table };
  if (!allowImbalance) throw verdict.failure;
  // The allowed reading is another table for the model cache: it carries the warning.
  return { key: `${key}|imbalance-allowed`, table: { ...table, warnings: [...table.warnings, ...verdict.allowed] } };
}

const ALLOWED_BY = { ja: "allowImbalance=TRUE", en: "allowImbalance=TRUE" };

/** Per table content: the refusal (null when it adds up) and the warning when allowed. */
const balance = new Lru<{ failure: RippleError | null; allowed: RippleWarning[] }>(MAX_ENTRIES);

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
  balance.clear();
  models.clear();
  stats.tableReads = 0;
  stats.modelBuilds = 0;
  stats.hits = 0;
}
