// The bodies of the disruption functions (functions.ts holds their JSDoc): RIPPLE.INOPERABILITY
// (static inoperability of one disrupted sector) and RIPPLE.PRICEEFFECT (cost-push prices of an
// import-price rise), both from the engine's disruption models.

import { costPushPrices, inoperabilityFromModel, staticInoperability } from "../engine/disruption";
import { both, cellOf, headersFlag, type SpillCell, withHeaders } from "./spill";
import { type ArgumentAddresses, modelOfArgument, SECTOR_LABEL, sectorArg, TOTAL_LABEL } from "./tableArgument";

/** RIPPLE.INOPERABILITY(table, sector, perturbation, [headers]); `addresses` by that order. */
export function inoperabilitySpill(
  table: unknown[][],
  sector: string,
  perturbation: number,
  headers: boolean | undefined,
  addresses: ArgumentAddresses,
): SpillCell[][] {
  const model = modelOfArgument(table, addresses?.[0]);
  const k = sectorArg(model, sector, "sector");
  const c = new Array<number>(model.n).fill(0);
  c[k] = Number(perturbation);
  const r = staticInoperability(inoperabilityFromModel(model), c);
  const loss = r.loss as number[];
  const body: SpillCell[][] = r.q.map((q, i) => [q, loss[i]]);
  body.push([cellOf(null), r.totalLoss as number]);
  const unit = model.table.unit ? `［${model.table.unit}］` : "";
  return withHeaders(
    body,
    headersFlag(headers),
    both(SECTOR_LABEL),
    [both({ ja: "不稼働率 q", en: "Inoperability q" }), both({ ja: `損失額${unit}`, en: `Loss${unit}` })],
    [...model.sectors, both(TOTAL_LABEL)],
  );
}

/** RIPPLE.PRICEEFFECT(table, sector, change, [headers]); `addresses` by that argument order.
 * A domestic-use table has one import row, so the sector is only read for competitive tables. */
export function priceEffectSpill(
  table: unknown[][],
  sector: string,
  change: number,
  headers: boolean | undefined,
  addresses: ArgumentAddresses,
): SpillCell[][] {
  const model = modelOfArgument(table, addresses?.[0]);
  let importPriceChange: number | number[] = Number(change);
  if (model.importType === "competitive") {
    const v = new Array<number>(model.n).fill(0);
    v[sectorArg(model, sector, "sector")] = Number(change);
    importPriceChange = v;
  }
  const r = costPushPrices(model, { importPriceChange });
  const body: SpillCell[][] = r.percent.map((p) => [p]);
  return withHeaders(
    body,
    headersFlag(headers),
    both(SECTOR_LABEL),
    [both({ ja: "価格上昇率（%）", en: "Price change (%)" })],
    model.sectors,
  );
}
