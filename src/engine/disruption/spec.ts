// A supply disruption as a JSON spec (the CLI's --disruption file, the task pane's form), validated
// with errors that name the JSON path. Running it: analyze.ts.
//
// Format (every field but sector, importCut and months is optional):
// {
//   "title": "磁石の輸入 90% 減（3 か月）",      text shown on the report
//   "notes": ["…"],                               assumptions and sources, shown on the report
//   "sector": "03 製造業",                        disrupted sector: label, name or code of the table
//   "importCut": 0.9,                             share of the imports cut, 0 < cut ≤ 1
//   "months": 3,                                  length of the cut in months (> 0)
//   "startMonth": 0,                              months from the start of the horizon (default 0)
//   "imports": { "quantity": 5000, "unit": "t", "unitValue": 9, "source": "…" }
//              or a number (annual value, table units). The disrupted good's imports per year;
//              default: all imports of the sector from the table (m_k d_k, competitive tables).
//   "periodLength": "month" | "quarter" | "year",  one period of the dynamic model (default month)
//   "periods": 15,                                horizon in periods (default: the cut + 12 months)
//   "resilience": { "default": 0.5, "sectors": { "03 製造業": 0.3 } }
//   or "recoveryMonths": { "default": 12, "sectors": {…}, "residual": 0.01 }   (exactly one)
//   "priceShock": { "sector": "03 製造業", "importPriceChange": 0.5, "scope": "good" | "sector" },
//   "extraction": true,                           ranking by hypothetical extraction
//   "ghosh": true | { "primaryInputChange": { "03 製造業": -10000 } }
// }
//

import { RippleError, type Bilingual, type Where } from "../errors";

export type PeriodLengthName = "month" | "quarter" | "year";

export const MONTHS_PER_PERIOD: Record<PeriodLengthName, number> = { month: 1, quarter: 3, year: 12 };

/** Months added after the cut when "periods" is omitted, so the recovery shows. */
export const DEFAULT_TAIL_MONTHS = 12;

export interface ImportsSpec {
  quantity: number;
  unit?: string;
  /** Value per unit of quantity in table units (e.g. 百万円 per t). */
  unitValue: number;
  source?: string;
}

export interface SectorValues {
  default: number;
  sectors?: Record<string, number>;
}

export interface DisruptionSpec {
  title?: string;
  notes?: string[];
  sector: string;
  importCut: number;
  months: number;
  startMonth?: number;
  imports?: number | ImportsSpec;
  periodLength?: PeriodLengthName;
  periods?: number;
  resilience?: SectorValues;
  recoveryMonths?: SectorValues & { residual?: number };
  priceShock?: { sector?: string; importPriceChange: number; scope?: "good" | "sector" };
  extraction?: boolean;
  ghosh?: boolean | { primaryInputChange: Record<string, number> };
}

const TOP_KEYS = [
  "title",
  "notes",
  "sector",
  "importCut",
  "months",
  "startMonth",
  "imports",
  "periodLength",
  "periods",
  "resilience",
  "recoveryMonths",
  "priceShock",
  "extraction",
  "ghosh",
  "$schema",
  "description",
];

/** An error about one field of the spec: the JSON path first, then what to do. */
export function specError(path: string, text: Bilingual, where: Where = {}): RippleError {
  return new RippleError(
    "disruption-spec",
    { ja: `途絶の設定 ${path}: ${text.ja}`, en: `disruption spec ${path}: ${text.en}` },
    where,
  );
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const show = (v: unknown): string => (typeof v === "string" ? `"${v}"` : JSON.stringify(v) ?? String(v));

export function keyPath(base: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}

class Reader {
  constructor(private readonly where: Where) {}

  err(path: string, text: Bilingual): RippleError {
    return specError(path, text, this.where);
  }

  object(v: unknown, path: string, allowed: string[]): Record<string, unknown> {
    if (!isObject(v))
      throw this.err(path, {
        ja: `${show(v)} はオブジェクト（{ … }）にしてください`,
        en: `${show(v)} must be an object ({ … })`,
      });
    for (const k of Object.keys(v))
      if (!allowed.includes(k))
        throw this.err(keyPath(path, k), {
          ja: `知らない項目です。使える項目: ${allowed.filter((a) => !a.startsWith("$") && a !== "description").join(", ")}（綴りを確認してください）`,
          en: `unknown field; the fields are ${allowed.filter((a) => !a.startsWith("$") && a !== "description").join(", ")} (check the spelling)`,
        });
    return v;
  }

  number(v: unknown, path: string, check: (x: number) => boolean, rule: Bilingual, example: string): number {
    if (typeof v !== "number" || !Number.isFinite(v) || !check(v))
      throw this.err(path, {
        ja: `${show(v)} は${rule.ja}にしてください（例: ${example}）`,
        en: `${show(v)} must be ${rule.en} (e.g. ${example})`,
      });
    return v;
  }

  string(v: unknown, path: string, example: string): string {
    if (typeof v !== "string" || v.trim() === "")
      throw this.err(path, {
        ja: `${show(v)} は空でない文字列にしてください（例: ${example}）`,
        en: `${show(v)} must be a non-empty string (e.g. ${example})`,
      });
    return v.trim();
  }

  boolean(v: unknown, path: string): boolean {
    if (typeof v !== "boolean")
      throw this.err(path, { ja: `${show(v)} は true か false にしてください`, en: `${show(v)} must be true or false` });
    return v;
  }

  sectorValues(v: unknown, path: string, extra: string[], rule: Bilingual, check: (x: number) => boolean, example: string): SectorValues & Record<string, unknown> {
    const o = this.object(v, path, ["default", "sectors", ...extra]);
    const out: SectorValues & Record<string, unknown> = {
      default: this.number(o.default, `${path}.default`, check, rule, example),
    };
    if (o.sectors !== undefined) {
      const s = this.object(o.sectors, `${path}.sectors`, Object.keys(isObject(o.sectors) ? o.sectors : {}));
      out.sectors = {};
      for (const [k, x] of Object.entries(s)) out.sectors[k] = this.number(x, keyPath(`${path}.sectors`, k), check, rule, example);
    }
    for (const k of extra) if (o[k] !== undefined) out[k] = o[k];
    return out;
  }
}

const RULES = {
  share: { ja: "0 より大きく 1 以下の数", en: "a number above 0 and at most 1" },
  positive: { ja: "0 より大きい数", en: "a number above 0" },
  nonNegative: { ja: "0 以上の数", en: "a number of at least 0" },
  resilience: { ja: "0 より大きく 1 以下の回復係数", en: "a resilience coefficient above 0 and at most 1" },
  periods: { ja: "1 以上の整数", en: "a whole number of at least 1" },
  residual: { ja: "0 より大きく 1 より小さい数", en: "a number above 0 and below 1" },
  price: { ja: "−1 より大きい変化率", en: "a relative change above −1" },
  finite: { ja: "数", en: "a number" },
} satisfies Record<string, Bilingual>;

/** Validates a parsed JSON value as a disruption spec. `where` (the file) goes into every error. */
export function parseDisruptionSpec(json: unknown, where: Where = {}): DisruptionSpec {
  const r = new Reader(where);
  const o = r.object(json, "$", TOP_KEYS);
  for (const k of ["sector", "importCut", "months"])
    if (o[k] === undefined)
      throw r.err(`$.${k}`, {
        ja: "必須の項目がありません。追加してください。例: { \"sector\": \"03 製造業\", \"importCut\": 0.9, \"months\": 3, \"recoveryMonths\": { \"default\": 12 } }",
        en: 'this field is required. Example: { "sector": "03 製造業", "importCut": 0.9, "months": 3, "recoveryMonths": { "default": 12 } }',
      });
  const spec: DisruptionSpec = {
    sector: r.string(o.sector, "$.sector", '"03 製造業"'),
    importCut: r.number(o.importCut, "$.importCut", (x) => x > 0 && x <= 1, RULES.share, "0.9"),
    months: r.number(o.months, "$.months", (x) => x > 0, RULES.positive, "3"),
  };
  if (o.title !== undefined) spec.title = r.string(o.title, "$.title", '"磁石の輸入 90% 減"');
  if (o.notes !== undefined) {
    const notes = typeof o.notes === "string" ? [o.notes] : o.notes;
    if (!Array.isArray(notes) || notes.some((n) => typeof n !== "string"))
      throw r.err("$.notes", {
        ja: "文字列か文字列の配列にしてください（前提や出典のメモ）",
        en: "must be a string or an array of strings (assumptions, sources)",
      });
    spec.notes = notes as string[];
  }
  if (o.startMonth !== undefined)
    spec.startMonth = r.number(o.startMonth, "$.startMonth", (x) => x >= 0, RULES.nonNegative, "0");
  if (o.imports !== undefined) {
    if (typeof o.imports === "number")
      spec.imports = r.number(o.imports, "$.imports", (x) => x > 0, RULES.positive, "45000");
    else {
      const im = r.object(o.imports, "$.imports", ["quantity", "unit", "unitValue", "source"]);
      if (im.quantity === undefined || im.unitValue === undefined)
        throw r.err(im.quantity === undefined ? "$.imports.quantity" : "$.imports.unitValue", {
          ja: "年間の輸入量 quantity と 1 単位あたりの金額 unitValue（表の単位、例: 百万円/t）の両方を指定するか、imports に年間の輸入額を数で指定してください",
          en: "give both the yearly quantity and unitValue (value per unit in table units, e.g. million yen per t), or give imports as the yearly value",
        });
      const spec2: ImportsSpec = {
        quantity: r.number(im.quantity, "$.imports.quantity", (x) => x > 0, RULES.positive, "5000"),
        unitValue: r.number(im.unitValue, "$.imports.unitValue", (x) => x > 0, RULES.positive, "9"),
      };
      if (im.unit !== undefined) spec2.unit = r.string(im.unit, "$.imports.unit", '"t"');
      if (im.source !== undefined) spec2.source = r.string(im.source, "$.imports.source", '"defaults.csv"');
      spec.imports = spec2;
    }
  }
  if (o.periodLength !== undefined) {
    if (o.periodLength !== "month" && o.periodLength !== "quarter" && o.periodLength !== "year")
      throw r.err("$.periodLength", {
        ja: `${show(o.periodLength)} は使えません。"month"・"quarter"・"year" のいずれかにしてください`,
        en: `${show(o.periodLength)} is not allowed; use "month", "quarter" or "year"`,
      });
    spec.periodLength = o.periodLength;
  }
  if (o.periods !== undefined)
    spec.periods = r.number(o.periods, "$.periods", (x) => Number.isInteger(x) && x >= 1 && x <= 1200, RULES.periods, "15");
  if (o.resilience !== undefined && o.recoveryMonths !== undefined)
    throw r.err("$.recoveryMonths", {
      ja: "resilience（回復係数）と recoveryMonths（回復期間）はどちらか一方だけ指定してください",
      en: "give either resilience (coefficients) or recoveryMonths (recovery times), not both",
    });
  if (o.resilience === undefined && o.recoveryMonths === undefined)
    throw r.err("$.recoveryMonths", {
      ja: "回復の速さを指定してください: recoveryMonths（例: { \"default\": 12 } = 12 か月で初期不稼働率の 1% まで回復）か resilience（例: { \"default\": 0.5 }）",
      en: 'say how fast sectors recover: recoveryMonths (e.g. { "default": 12 } = back to 1% of the initial inoperability in 12 months) or resilience (e.g. { "default": 0.5 })',
    });
  if (o.resilience !== undefined)
    spec.resilience = r.sectorValues(o.resilience, "$.resilience", [], RULES.resilience, (x) => x > 0 && x <= 1, "0.5");
  if (o.recoveryMonths !== undefined) {
    const rm = r.sectorValues(o.recoveryMonths, "$.recoveryMonths", ["residual"], RULES.positive, (x) => x > 0, "12");
    const out: SectorValues & { residual?: number } = { default: rm.default };
    if (rm.sectors) out.sectors = rm.sectors;
    if (rm.residual !== undefined)
      out.residual = r.number(rm.residual, "$.recoveryMonths.residual", (x) => x > 0 && x < 1, RULES.residual, "0.01");
    spec.recoveryMonths = out;
  }
  if (o.priceShock !== undefined) {
    const p = r.object(o.priceShock, "$.priceShock", ["sector", "importPriceChange", "scope"]);
    if (p.importPriceChange === undefined)
      throw r.err("$.priceShock.importPriceChange", {
        ja: "輸入価格の変化率を指定してください（例: 0.5 = 50% 上昇）",
        en: "give the relative change of the import price (e.g. 0.5 = up 50%)",
      });
    const ps: NonNullable<DisruptionSpec["priceShock"]> = {
      importPriceChange: r.number(p.importPriceChange, "$.priceShock.importPriceChange", (x) => x > -1, RULES.price, "0.5"),
    };
    if (p.sector !== undefined) ps.sector = r.string(p.sector, "$.priceShock.sector", '"03 製造業"');
    if (p.scope !== undefined) {
      if (p.scope !== "good" && p.scope !== "sector")
        throw r.err("$.priceShock.scope", {
          ja: `${show(p.scope)} は使えません。"good"（途絶した財の輸入だけ）か "sector"（部門の輸入すべて）にしてください`,
          en: `${show(p.scope)} is not allowed; use "good" (the disrupted good's imports only) or "sector" (all imports of the sector)`,
        });
      ps.scope = p.scope;
    }
    spec.priceShock = ps;
  }
  if (o.extraction !== undefined) spec.extraction = r.boolean(o.extraction, "$.extraction");
  if (o.ghosh !== undefined) {
    if (typeof o.ghosh === "boolean") spec.ghosh = o.ghosh;
    else {
      const g = r.object(o.ghosh, "$.ghosh", ["primaryInputChange"]);
      const pic = r.object(g.primaryInputChange, "$.ghosh.primaryInputChange", Object.keys(isObject(g.primaryInputChange) ? g.primaryInputChange : {}));
      const out: Record<string, number> = {};
      for (const [k, v] of Object.entries(pic))
        out[k] = r.number(v, keyPath("$.ghosh.primaryInputChange", k), () => true, RULES.finite, "-10000");
      if (Object.keys(out).length === 0)
        throw r.err("$.ghosh.primaryInputChange", {
          ja: "部門ごとの本源的投入の変化（表の単位）を 1 つ以上指定するか、ghosh を true にしてください",
          en: "give at least one sector's primary-input change (table units), or set ghosh to true",
        });
      spec.ghosh = { primaryInputChange: out };
    }
  }
  return spec;
}

/** JSON text -> spec; a syntax error names the file and says what to do. */
export function parseDisruptionSpecText(text: string, where: Where = {}): DisruptionSpec {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw specError("$", {
      ja: `JSON として読めません（${(e as Error).message}）。カンマや引用符を確認してください`,
      en: `is not valid JSON (${(e as Error).message}); check commas and quotes`,
    }, where);
  }
  return parseDisruptionSpec(json, where);
}
