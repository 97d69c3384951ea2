// CGE scenarios (CGE.md section 3): every key optional; unknown keys, goods or factors and values
// outside their domain are refused with the key named, because a silently ignored shock would
// report the benchmark as the scenario's result.

import { RippleError, RippleErrorList } from "../errors";
import type { Elasticities } from "./calibrate";
import { gridAddress, type Grid } from "../grid";
import { findHeaderRow, hasAll } from "../sheetHeader";
import { labelKey } from "../table/normalize";

export interface CgeScenario {
  name: string;
  /** World import price pWm × factor. */
  importPrice?: Record<string, number>;
  /** New import tariff rate τm. */
  tariff?: Record<string, number>;
  /** Imports limited to this share of the benchmark; the quota rent is reported. */
  importQuota?: Record<string, number>;
  /** New production tax rate τz (negative = subsidy). */
  productionTax?: Record<string, number>;
  /** Composite-factor productivity b_j × factor. */
  productivity?: Record<string, number>;
  /** Factor endowment FF_h × factor. */
  factorSupply?: Record<string, number>;
  elasticities?: Elasticities;
}

type Domain = { test: (v: number) => boolean; ja: string; en: string };
const POSITIVE: Domain = { test: (v) => v > 0, ja: "正の数", en: "a positive number" };
const RATE: Domain = { test: (v) => v > -1, ja: "−1 より大きい数", en: "a number above −1" };

const GOOD_KEYS: Record<string, Domain> = {
  importPrice: POSITIVE,
  tariff: RATE,
  importQuota: POSITIVE,
  productionTax: RATE,
  productivity: POSITIVE,
};
const KNOWN = new Set(["name", ...Object.keys(GOOD_KEYS), "factorSupply", "elasticities"]);

/** Shape and domain of a scenario read from JSON; labels are checked by `checkScenarioLabels`. */
export function parseScenario(json: unknown, file = "scenario"): CgeScenario {
  const where = { file };
  const fail = (key: string, ja: string, en: string) => new RippleError("cge.scenario", { ja: `${key}: ${ja}`, en: `${key}: ${en}` }, where);
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw fail("(file)", "JSON のオブジェクトではありません。", "not a JSON object.");
  const obj = json as Record<string, unknown>;
  const problems: RippleError[] = [];
  for (const k of Object.keys(obj))
    if (!KNOWN.has(k)) problems.push(fail(k, `未知のキーです（使えるキー: ${[...KNOWN].join(", ")}）。`, `unknown key (known: ${[...KNOWN].join(", ")}).`));
  const table = (key: string, v: unknown, dom: Domain): Record<string, number> | undefined => {
    if (v === undefined) return undefined;
    if (typeof v !== "object" || v === null || Array.isArray(v)) {
      problems.push(fail(key, "{ \"ラベル\": 数値 } の形にしてください。", "must be { \"LABEL\": number }."));
      return undefined;
    }
    const out: Record<string, number> = {};
    for (const [label, x] of Object.entries(v)) {
      if (typeof x !== "number" || !Number.isFinite(x) || !dom.test(x)) problems.push(fail(`${key}.${label}`, `${String(x)} は${dom.ja}ではありません。`, `${String(x)} is not ${dom.en}.`));
      else out[label] = x;
    }
    return out;
  };
  const name = obj.name === undefined ? "scenario" : obj.name;
  if (typeof name !== "string") problems.push(fail("name", "文字列にしてください。", "must be a string."));
  const s: CgeScenario = { name: String(name) };
  for (const [k, dom] of Object.entries(GOOD_KEYS)) {
    const t = table(k, obj[k], dom);
    if (t) (s as unknown as Record<string, unknown>)[k] = t;
  }
  const ff = table("factorSupply", obj.factorSupply, POSITIVE);
  if (ff) s.factorSupply = ff;
  const el = obj.elasticities;
  if (el !== undefined) {
    if (typeof el !== "object" || el === null || Array.isArray(el)) problems.push(fail("elasticities", "{ \"armington\": {...}, \"transformation\": {...} } の形にしてください。", "must be { \"armington\": {...}, \"transformation\": {...} }."));
    else {
      const e = el as Record<string, unknown>;
      for (const k of Object.keys(e))
        if (k !== "armington" && k !== "transformation") problems.push(fail(`elasticities.${k}`, "armington か transformation にしてください。", "use armington or transformation."));
      s.elasticities = { armington: table("elasticities.armington", e.armington, POSITIVE), transformation: table("elasticities.transformation", e.transformation, POSITIVE) };
    }
  }
  if (problems.length === 1) throw problems[0];
  if (problems.length) throw new RippleErrorList("cge.scenario", problems);
  return s;
}

/** The reserved factors under each of their names (CGE.md 1; the results workbook names them 資本 /
 * 労働, Capital / Labour), matched after labelKey. */
const FACTOR_NAMES: string[][] = [
  ["cap", "資本", "capital"],
  ["lab", "労働", "labour", "labor"],
];

/** A scenario whose factorSupply names a reserved factor by another of its names (労働 for a SAM
 * that labels it LAB, as the CGEシナリオ sheet shows it) with the SAM's own label; any other name
 * is kept as given, for checkScenarioLabels to refuse when the SAM lacks it. */
export function withSamFactorNames(s: CgeScenario, factors: string[]): CgeScenario {
  if (!s.factorSupply) return s;
  const group = (name: string) => FACTOR_NAMES.find((g) => g.includes(labelKey(name)));
  const resolve = (name: string): string => {
    if (factors.includes(name)) return name;
    const same = factors.find((f) => labelKey(f) === labelKey(name));
    if (same) return same;
    const g = group(name);
    const hits = g ? factors.filter((f) => group(f) === g) : [];
    return hits.length === 1 ? hits[0] : name;
  };
  const out: Record<string, number> = {};
  for (const [h, v] of Object.entries(s.factorSupply)) {
    const k = resolve(h);
    if (k in out)
      throw new RippleError("cge.scenario-label", {
        ja: `シナリオ「${s.name}」は要素「${k}」の供給を二度指定しています（${h}）。`,
        en: `scenario '${s.name}' sets the supply of factor '${k}' twice (${h}).`,
      });
    out[k] = v;
  }
  return { ...s, factorSupply: out };
}

/** Every good and factor a scenario names must exist in the SAM. */
export function checkScenarioLabels(s: CgeScenario, goods: string[], factors: string[]): void {
  const unknown: string[] = [];
  for (const k of Object.keys(GOOD_KEYS)) {
    const t = (s as unknown as Record<string, Record<string, number> | undefined>)[k];
    for (const g of Object.keys(t ?? {})) if (!goods.includes(g)) unknown.push(`${k}.${g}`);
  }
  for (const k of ["armington", "transformation"] as const) for (const g of Object.keys(s.elasticities?.[k] ?? {})) if (!goods.includes(g)) unknown.push(`elasticities.${k}.${g}`);
  for (const h of Object.keys(s.factorSupply ?? {})) if (!factors.includes(h)) unknown.push(`factorSupply.${h}`);
  if (unknown.length)
    throw new RippleError("cge.scenario-label", {
      ja: `シナリオ「${s.name}」に SAM にない財・要素があります: ${unknown.join(", ")}（財: ${goods.join(", ")}; 要素: ${factors.join(", ")}）。`,
      en: `scenario '${s.name}' names goods or factors not in the SAM: ${unknown.join(", ")} (goods: ${goods.join(", ")}; factors: ${factors.join(", ")}).`,
    });
}

/** True when the scenario changes nothing but (possibly) elasticities. */
export function isEmptyShock(s: CgeScenario): boolean {
  return [s.importPrice, s.tariff, s.importQuota, s.productionTax, s.productivity, s.factorSupply].every((t) => !t || Object.keys(t).length === 0);
}

/** The scenario keys as the results workbook's CGEシナリオ sheet names them; the sheet reader takes
 * these names (either language) as well as the keys. */
export const SHEET_KEY_NAMES: Record<string, { ja: string; en: string }> = {
  importPrice: { ja: "輸入価格（倍率）", en: "Import price (factor)" },
  tariff: { ja: "関税率", en: "Tariff rate" },
  importQuota: { ja: "輸入数量制限（基準比）", en: "Import quota (share of benchmark)" },
  productionTax: { ja: "生産税率（負は補助）", en: "Production tax rate (negative: subsidy)" },
  productivity: { ja: "生産性（倍率）", en: "Productivity (factor)" },
  factorSupply: { ja: "要素供給（倍率）", en: "Factor supply (factor)" },
  "elasticities.armington": { ja: "アーミントン弾力性", en: "Armington elasticity" },
  "elasticities.transformation": { ja: "変形弾力性", en: "Transformation elasticity" },
};
const SHEET_KEYS = new Set(Object.keys(SHEET_KEY_NAMES));
const norm = (t: string) => t.normalize("NFKC").trim().toLowerCase();
const KEY_BY_NAME = new Map(Object.entries(SHEET_KEY_NAMES).flatMap(([k, n]) => [[norm(n.ja), k], [norm(n.en), k]] as [string, string][]));
const HEADER_WORDS = { name: ["シナリオ", "scenario"], key: ["キー", "key"], good: ["財", "good"], value: ["値", "value"] } as const;
type HeaderKey = keyof typeof HEADER_WORDS;
const headerKey = (t: string): HeaderKey | null => {
  const w = t.normalize("NFKC").trim().toLowerCase();
  return (Object.keys(HEADER_WORDS) as HeaderKey[]).find((k) => (HEADER_WORDS[k] as readonly string[]).includes(w)) ?? null;
};

/** A scenario from a sheet laid out as the results workbook's CGEシナリオ sheet: columns キー/Key,
 * 財/Good (or factor), 値/Value, and optionally シナリオ/Scenario (its first name is the scenario's
 * name; a sheet holding several scenarios is refused). Every bad row is named with its cell. */
export function parseScenarioGrid(grid: Grid): CgeScenario {
  const where = (r: number, c: number) => ({ sheet: grid.sheet, cell: gridAddress(grid, r, c) });
  const header = findHeaderRow(grid, headerKey, hasAll(["key", "good", "value"] as const));
  if (!header)
    throw new RippleError("cge.scenario-sheet", { ja: "シナリオのシートに見出し「キー」「財」「値」がありません。", en: "the scenario sheet has no Key, Good and Value headers." }, { sheet: grid.sheet });
  const head = header.row;
  const col: Record<HeaderKey, number> = { name: header.col.name ?? -1, key: header.col.key!, good: header.col.good!, value: header.col.value! };
  const obj: Record<string, unknown> = {};
  const names = new Set<string>();
  const problems: RippleError[] = [];
  for (let r = head + 1; r < grid.values.length; r++) {
    const row = grid.values[r];
    const text = (c: number) => (c >= 0 && typeof row[c] === "string" ? (row[c] as string).trim() : "");
    if (text(col.name)) names.add(text(col.name));
    const key = KEY_BY_NAME.get(norm(text(col.key))) ?? text(col.key);
    if (!key) continue;
    const value = row[col.value];
    if (!SHEET_KEYS.has(key)) problems.push(new RippleError("cge.scenario-sheet", { ja: `キー「${key}」は使えません（${[...SHEET_KEYS].join(", ")}）。`, en: `key '${key}' is not one of ${[...SHEET_KEYS].join(", ")}.` }, where(r, col.key)));
    else if (typeof value !== "number") problems.push(new RippleError("cge.scenario-sheet", { ja: "値が数値ではありません。", en: "the value is not a number." }, where(r, col.value)));
    else {
      const [top, sub] = key.split(".");
      const target = (sub ? ((obj[top] ??= {}) as Record<string, unknown>) : obj) as Record<string, Record<string, number>>;
      (target[sub ?? top] ??= {})[text(col.good)] = value;
    }
  }
  if (names.size > 1)
    problems.push(new RippleError("cge.scenario-sheet", { ja: `このシートには ${names.size} 個のシナリオがあります。1 つだけ残してください。`, en: `the sheet holds ${names.size} scenarios; keep one.` }, { sheet: grid.sheet }));
  if (problems.length === 1) throw problems[0];
  if (problems.length) throw new RippleErrorList("cge.scenario-sheet", problems);
  obj.name = [...names][0] ?? grid.sheet;
  return parseScenario(obj, grid.sheet);
}
