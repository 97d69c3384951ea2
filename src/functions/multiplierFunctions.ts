// The bodies of the per-sector indicator functions (functions.ts holds their JSDoc):
// RIPPLE.MULTIPLIER, RIPPLE.LINKAGE and RIPPLE.LEONTIEF. Each reads its kind argument, takes the
// numbers from the engine's indicators (cached per model, tableArgument.ts) and spills one
// column per sector, or the whole inverse.

import { RippleError } from "../engine/errors";
import { GhoshModel, type IOModel, type SectorIndicators } from "../engine/model";
import { squash } from "./args";
import { textArg } from "./argumentCells";
import { both, cellOf, checkSize, headersFlag, type SpillCell, withHeaders } from "./spill";
import {
  type ArgumentAddresses,
  indicatorsOf,
  modelOf,
  modelOfArgument,
  noEmploymentError,
  resolveTable,
  SECTOR_LABEL,
} from "./tableArgument";

type MultiplierKind =
  | { family: "output" }
  | { family: "effect"; measure: "valueAdded" | "compensation" | "employment" }
  | { family: "typeI"; measure: "valueAdded" | "compensation" | "employment" | "income" }
  | { family: "typeII"; measure: "output" | "valueAdded" | "compensation" | "employment" | "income" };

const MULTIPLIER_KINDS: Record<string, MultiplierKind> = {
  output: { family: "output" },
  valueadded: { family: "effect", measure: "valueAdded" },
  compensation: { family: "effect", measure: "compensation" },
  employment: { family: "effect", measure: "employment" },
  typeivalueadded: { family: "typeI", measure: "valueAdded" },
  typeicompensation: { family: "typeI", measure: "compensation" },
  typeiemployment: { family: "typeI", measure: "employment" },
  typeiincome: { family: "typeI", measure: "income" },
  typeiioutput: { family: "typeII", measure: "output" },
  typeiivalueadded: { family: "typeII", measure: "valueAdded" },
  typeiicompensation: { family: "typeII", measure: "compensation" },
  typeiiemployment: { family: "typeII", measure: "employment" },
  typeiiincome: { family: "typeII", measure: "income" },
};

const MULTIPLIER_KIND_NAMES =
  "output, valueAdded, compensation, employment, typeI-valueAdded, typeI-compensation, typeI-employment, typeI-income, typeII-output, typeII-valueAdded, typeII-compensation, typeII-employment, typeII-income";

const MULTIPLIER_LABELS: Record<string, { ja: string; en: string }> = {
  output: { ja: "生産誘発（逆行列係数の列和）", en: "Output multiplier (column sum of L)" },
  "effect:valueAdded": { ja: "粗付加価値誘発係数", en: "Value-added effect per unit of final demand" },
  "effect:compensation": { ja: "雇用者所得誘発係数", en: "Compensation effect per unit of final demand" },
  "effect:employment": { ja: "就業誘発係数", en: "Employment effect per unit of final demand" },
};

const MULTIPLIER_MEASURES = {
  output: { ja: "生産", en: "output" },
  valueAdded: { ja: "粗付加価値", en: "value-added" },
  compensation: { ja: "雇用者所得", en: "compensation" },
  employment: { ja: "就業者", en: "employment" },
  income: { ja: "所得", en: "income" },
};

function multiplierLabel(kind: MultiplierKind): { ja: string; en: string } {
  if (kind.family === "output") return MULTIPLIER_LABELS.output;
  if (kind.family === "effect") return MULTIPLIER_LABELS[`effect:${kind.measure}`];
  const m = MULTIPLIER_MEASURES[kind.measure];
  return kind.family === "typeI"
    ? { ja: `Type I ${m.ja}乗数`, en: `Type I ${m.en} multiplier` }
    : { ja: `Type II ${m.ja}乗数（閉鎖型）`, en: `Type II ${m.en} multiplier (closed model)` };
}

function parseMultiplierKind(kind: unknown): MultiplierKind {
  if (textArg(kind) === null) return { family: "output" };
  const k = MULTIPLIER_KINDS[squash(String(kind))];
  if (k) return k;
  throw new RippleError("function-kind", {
    ja: `種類「${String(kind)}」はありません。${MULTIPLIER_KIND_NAMES} のいずれかにしてください`,
    en: `there is no kind "${String(kind)}"; use one of ${MULTIPLIER_KIND_NAMES}`,
  });
}

function noTypeIIError(ind: SectorIndicators): RippleError {
  return new RippleError(
    "no-type-ii",
    ind.typeIINote ?? {
      ja: "閉鎖型モデル（Type II）の乗数を計算できません",
      en: "Type II multipliers cannot be computed for this table",
    },
  );
}

function multiplierValues(model: IOModel, kind: MultiplierKind): (number | null)[] {
  const ind = indicatorsOf(model);
  switch (kind.family) {
    case "output":
      return ind.outputMultipliers;
    case "effect": {
      const v = ind.effects[kind.measure];
      if (v === null) throw noEmploymentError();
      return v;
    }
    case "typeI": {
      const v = ind.typeI[kind.measure];
      if (v === null) throw noEmploymentError();
      return v;
    }
    case "typeII": {
      if (!ind.typeII) throw noTypeIIError(ind);
      const v = ind.typeII[kind.measure];
      if (v === null) throw noEmploymentError();
      return v;
    }
  }
}

/** RIPPLE.MULTIPLIER(table, [kind], [headers]); `addresses` by that argument order. */
export function multiplierSpill(
  table: unknown[][],
  kind: string | undefined,
  headers: boolean | undefined,
  addresses: ArgumentAddresses,
): SpillCell[][] {
  const k = parseMultiplierKind(kind);
  const model = modelOfArgument(table, addresses?.[0]);
  const values = multiplierValues(model, k);
  const body = values.map((v) => [cellOf(v)]);
  const label = multiplierLabel(k);
  return withHeaders(body, headersFlag(headers), both(SECTOR_LABEL), [both(label)], model.sectors);
}

const LINKAGE_KINDS: Record<string, "backward" | "forward" | "ghosh"> = {
  backward: "backward",
  影響力係数: "backward",
  影響力: "backward",
  forward: "forward",
  感応度係数: "forward",
  感応度: "forward",
  ghosh: "ghosh",
  ゴーシュ: "ghosh",
};

const LINKAGE_HEADERS = {
  backward: { ja: "影響力係数", en: "Backward linkage index" },
  forward: { ja: "感応度係数", en: "Forward linkage index" },
  ghosh: { ja: "前方連関（ゴーシュ型、供給側）", en: "Forward linkage (Ghosh, supply side)" },
};

/** RIPPLE.LINKAGE(table, [kind], [headers]); `addresses` by that argument order. */
export function linkageSpill(
  table: unknown[][],
  kind: string | undefined,
  headers: boolean | undefined,
  addresses: ArgumentAddresses,
): SpillCell[][] {
  const text = textArg(kind) ?? "backward";
  const k = LINKAGE_KINDS[squash(text)];
  if (!k)
    throw new RippleError("function-kind", {
      ja: `種類「${text}」はありません。backward（影響力係数）, forward（感応度係数）, ghosh のいずれかにしてください`,
      en: `there is no kind "${text}"; use backward, forward or ghosh`,
    });
  const model = modelOfArgument(table, addresses?.[0]);
  let values: number[];
  if (k === "ghosh") values = GhoshModel.of(model).forwardLinkages(true);
  else {
    const ind = indicatorsOf(model);
    values = k === "backward" ? ind.backwardLinkage : ind.forwardLinkage;
  }
  const body = values.map((v) => [cellOf(v)]);
  return withHeaders(body, headersFlag(headers), both(SECTOR_LABEL), [both(LINKAGE_HEADERS[k])], model.sectors);
}

/** RIPPLE.LEONTIEF(table, [headers]); `addresses` by that argument order. */
export function leontiefSpill(table: unknown[][], headers: boolean | undefined, addresses: ArgumentAddresses): SpillCell[][] {
  const source = resolveTable(table, addresses?.[0]);
  const n = source.table.sectors.length;
  // Checked before the inverse is built: a 2000-sector L would be 4 million cells.
  checkSize(n + 1, n + 1, { ja: "逆行列係数表", en: "the Leontief inverse" });
  const model = modelOf(source);
  const body: SpillCell[][] = model.leontief();
  return withHeaders(body, headersFlag(headers), both(model.leontiefLabel), model.sectors, model.sectors);
}
