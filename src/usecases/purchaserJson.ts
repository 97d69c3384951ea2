// The purchaser-price conversion in the analysis JSON (`purchaserPrices`): what the user gave,
// what was taken off each sector and where it went, so a script can check the producer-price
// shock the model ran on. Arrays are in sector order like the rest of the JSON, full precision;
// the numbers are the engine's (engine/table/margins.ts), nothing is recomputed here.

import type { PurchaserConversion } from "../engine/table/margins";
import type { IOTable } from "../engine/table/types";

export interface PurchaserPricesJson {
  /** Where the margin rates came from (file, or sheet and range). */
  source: string;
  /** The sectors receiving the summed trade and transport margins (labels as in `sectors`). */
  tradeSector: string;
  transportSector: string;
  /** The shock as given, at purchaser prices. */
  purchaser: number[];
  /** The rates (shares of the purchaser price); null for a sector without a margins line, or
   * whose labelled-sheet cell holds no number (allowed only where the shock is 0). */
  tradeRate: (number | null)[];
  transportRate: (number | null)[];
  /** purchaser_i × rate_i: the margins taken off each sector. */
  tradeMargin: number[];
  transportMargin: number[];
  /** Σ of the margins above, added to tradeSector / transportSector. */
  tradeMarginTotal: number;
  transportMarginTotal: number;
  /** The shock the model ran on: purchaser_i − margins_i, plus the totals at the receiving sectors. */
  producer: number[];
}

const orNull = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? null : v);

export function purchaserJson(c: PurchaserConversion, table: IOTable): PurchaserPricesJson {
  const rate = new Map(c.rates.rows.map((r) => [r.sector, r]));
  const label = (i: number) => table.sectors[i].label;
  return {
    source: c.rates.source,
    tradeSector: label(c.tradeSector),
    transportSector: label(c.transportSector),
    purchaser: c.purchaser,
    tradeRate: c.purchaser.map((_, i) => orNull(rate.get(i)?.trade)),
    transportRate: c.purchaser.map((_, i) => orNull(rate.get(i)?.transport)),
    tradeMargin: c.tradeMargins,
    transportMargin: c.transportMargins,
    tradeMarginTotal: c.tradeMargin,
    transportMarginTotal: c.transportMargin,
    producer: c.producer,
  };
}
