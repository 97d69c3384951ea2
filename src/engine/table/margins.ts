// Purchaser-price shocks (capex budgets are priced as the buyer pays) to the producer prices the
// model's final demand is valued at. MODELS.md §3 takes Δf at producer prices and is silent on the
// conversion; the convention here (README, method sheet) is the usual one of the MIC/prefectural
// 経済波及効果 tools: for each commodity i with trade margin rate t_i and transport margin rate r_i
// (shares of the purchaser price),
//   producer_i = purchaser_i × (1 − t_i − r_i),
// the trade margins Σ purchaser_i t_i are added to the commerce sector (商業) and the transport
// margins Σ purchaser_i r_i to the transport sector (運輸), so the total is unchanged.

import { RippleError, type Where } from "../errors";
import { gridAddress, gridWidth, type Grid } from "../grid";
import { dataAt, isEmpty, textAt } from "./cells";
import { checkRate, checkRateSum, marginLineSector, rateCell, TRADE, TRANSPORT } from "./marginRate";
import { parseMarginSheet } from "./marginSheet";
import { normalizeLabelText } from "./labelText";
import { SectorIndex, sectorList } from "./sectorMatch";
import type { IOTable } from "./types";

export interface MarginRow {
  sector: number;
  /** NaN where a labelled sheet's cell holds no number (refused if the sector is shocked). */
  trade: number;
  transport: number;
  where: Where;
  /** The rate cells of a labelled sheet, whose rates are checked only for shocked sectors. */
  cells?: { trade: Where; transport: Where };
}

/** A labelled margin sheet (marginSheet.ts): which group and columns the rates came from. */
export interface MarginSheetInfo {
  sheet: string;
  /** The group chosen (需要合計, 民間消費支出, …); null when the sheet has one unnamed pair. */
  group: string | null;
  /** Column letters of the trade and transport rates, and of the purchaser amounts (A). */
  trade: string;
  transport: string;
  a: string | null;
  /** The rates were recomputed from the printed amounts (margin ÷ purchaser amount). */
  checked: boolean;
}

/** Margin rates by sector (rows not given: none) and where the margins go. */
export interface MarginRates {
  rows: MarginRow[];
  /** What the rates were read from, for messages ("margins.csv", "マージン!A1:C14"). */
  source: string;
  /** Set when the rates came from a labelled sheet rather than three columns. */
  sheet?: MarginSheetInfo;
}

export interface PurchaserConversion {
  purchaser: number[];
  producer: number[];
  /** purchaser_i t_i: the trade margin taken off each sector (0 without a line). */
  tradeMargins: number[];
  /** purchaser_i r_i: the transport margin taken off each sector (0 without a line). */
  transportMargins: number[];
  /** Σ purchaser_i t_i, added to the commerce sector. */
  tradeMargin: number;
  /** Σ purchaser_i r_i, added to the transport sector. */
  transportMargin: number;
  tradeSector: number;
  transportSector: number;
  rates: MarginRates;
}

function rate(grid: Grid, r: number, c: number, label: string, what: { ja: string; en: string }): number {
  return checkRate(rateCell(grid, r, c)?.value ?? NaN, { sheet: grid.sheet, cell: gridAddress(grid, r, c) }, label, what);
}

/** Margin rates from three columns (sector, trade margin rate, transport margin rate; a header
 * row is optional), or from a labelled sheet as prefectures publish it (marginSheet.ts; `group`
 * names the set of rates when it has several). Unknown, repeated sectors, rates outside 0–1 or
 * summing above 1 are refused with their cell. */
export function parseMarginsGrid(table: IOTable, grid: Grid, source: string, group?: string): MarginRates {
  const used: number[] = [];
  for (let c = 0; c < gridWidth(grid) && used.length < 4; c++) if (grid.values.some((row) => !isEmpty(row[c] ?? null))) used.push(c);
  // A fourth column means this is not a three-column rates table: read it only as a labelled
  // sheet (rates found by their header cells); otherwise (e.g. a purchaser-price or coefficient
  // table picked by mistake) its second and third columns would be read as rates, so it is refused.
  if (used.length > 3) return parseMarginSheet(table, grid, source, group) ?? refuseWide(grid, used[3]);
  if (group !== undefined && group.trim() !== "") refuseGroup(grid, group);
  if (used.length < 3)
    throw new RippleError(
      "margins.shape",
      {
        ja: "マージン率の表には 3 列（部門、商業マージン率、運輸マージン率）が必要です。",
        en: "Margin rates need three columns: sector, trade margin rate, transport margin rate.",
      },
      { sheet: grid.sheet, cell: gridAddress(grid, 0, 0) },
    );
  const [lc, tc, rc] = used;
  const index = new SectorIndex(table);
  const rows: MarginRow[] = [];
  const seen = new Map<number, string>();
  let first = true;
  for (let r = 0; r < grid.values.length; r++) {
    const label = textAt(grid, r, lc);
    const t = dataAt(grid, r, tc);
    if (label === null && t.kind === "empty" && dataAt(grid, r, rc).kind === "empty") continue;
    const header = first && t.kind === "text";
    first = false;
    if (header) continue;
    const where = { sheet: grid.sheet, cell: gridAddress(grid, r, lc) };
    const i = marginLineSector(table, index, seen, label, where);
    const trade = rate(grid, r, tc, label!, TRADE);
    const transport = rate(grid, r, rc, label!, TRANSPORT);
    checkRateSum(trade, transport, { sheet: grid.sheet, cell: gridAddress(grid, r, tc) }, label!);
    rows.push({ sector: i, trade, transport, where });
  }
  return { rows, source };
}

/** A group named for three columns, which have one unnamed pair: not silently ignored. */
function refuseGroup(grid: Grid, group: string): never {
  throw new RippleError(
    "margins.group-unknown",
    {
      ja: `マージン率の組「${group}」が指定されましたが、この範囲は 3 列（部門、商業マージン率、運輸マージン率）で組は 1 つだけです。--margins-column を外してください。`,
      en: `The set of margin rates '${group}' was named, but this range is three columns (sector, trade margin rate, transport margin rate) with one set only. Leave out --margins-column.`,
    },
    { sheet: grid.sheet, cell: gridAddress(grid, 0, 0) },
  );
}

function refuseWide(grid: Grid, c: number): never {
  const r = grid.values.findIndex((row) => !isEmpty(row[c] ?? null));
  throw new RippleError(
    "margins.wide",
    {
      ja: "マージン率の表は 3 列（部門、商業マージン率、運輸マージン率）だけにしてください。4 列目に値があります。購入者価格評価表や係数表の列はマージン率として読みません（率は 商業マージン_i ÷ 購入者価格_i などで求め、3 列の表にしてください）。",
      en: "Margin rates must be exactly three columns (sector, trade margin rate, transport margin rate); this range has a fourth. Columns of a purchaser-price or coefficient table are not read as rates (work the rates out, e.g. trade margin_i ÷ purchaser value_i, into a three-column table).",
    },
    { sheet: grid.sheet, cell: gridAddress(grid, Math.max(r, 0), c) },
  );
}

const TRADE_LABEL = [/商業/, /卸売.*小売|小売.*卸売/, /\b(wholesale|retail|commerce|trade)\b/i];
const TRANSPORT_LABEL = [/運輸/, /\btransport/i];

/** The one sector whose label names commerce (商業) or transport (運輸), else a refusal asking the
 * user to name it. `given`: the user's choice, matched like a shock's label. */
export function marginSector(table: IOTable, kind: "trade" | "transport", given?: string): number {
  const what = kind === "trade" ? { ja: "商業", en: "commerce (trade)", opt: "--trade-sector" } : { ja: "運輸", en: "transport", opt: "--transport-sector" };
  if (given !== undefined && given.trim() !== "") {
    const i = new SectorIndex(table).find(given);
    if (i === null)
      throw new RippleError("margins.sector-unknown", {
        ja: `${what.ja}マージンを受ける部門「${given}」が表にありません。表の部門名かコード（例: ${sectorList(table)}）を指定してください。`,
        en: `The ${what.en} margin sector '${given}' is not in the table. Give a sector name or code of the table (e.g. ${sectorList(table)}).`,
      });
    return i;
  }
  const patterns = kind === "trade" ? TRADE_LABEL : TRANSPORT_LABEL;
  const found = table.sectors.map((s, i) => ({ i, name: normalizeLabelText(s.name ?? s.label) })).filter((s) => patterns.some((p) => p.test(s.name)));
  if (found.length === 1) return found[0].i;
  const names = found.map((f) => table.sectors[f.i].label).join(", ");
  throw new RippleError(kind === "trade" ? "margins.trade-sector" : "margins.transport-sector", {
    ja:
      found.length === 0
        ? `${what.ja}マージンを受ける部門（ラベルに「${what.ja}」を含む部門）が表にありません。部門を ${what.opt}（作業ウィンドウでは欄）で指定してください。`
        : `${what.ja}マージンを受ける部門が 1 つに決まりません（${names}）。${what.opt}（作業ウィンドウでは欄）で 1 つ指定してください。`,
    en:
      found.length === 0
        ? `No sector of the table is labelled ${what.en} to receive the ${what.en} margins. Name it with ${what.opt} (in the task pane: the field).`
        : `The ${what.en} margins could go to several sectors (${names}). Name one with ${what.opt} (in the task pane: the field).`,
  });
}

/** The purchaser-price shock at producer prices; a shocked sector without margin rates is
 * refused (a missing line is not read as zero margins: give 0 explicitly). */
export function purchaserToProducer(
  table: IOTable,
  purchaser: number[],
  rates: MarginRates,
  sectors: { trade?: string; transport?: string } = {},
): PurchaserConversion {
  const bySector = new Map(rates.rows.map((r) => [r.sector, r]));
  const missing = purchaser.map((v, i) => (v !== 0 && !bySector.has(i) ? table.sectors[i].label : null)).filter((x) => x !== null);
  if (missing.length)
    throw new RippleError("margins.missing", {
      ja: `マージン率（${rates.source}）に、需要変化のある部門 ${missing.join("、")} の行がありません。マージンがなければ 0 を入れてください。`,
      en: `The margin rates (${rates.source}) have no line for ${missing.join(", ")}, which the shock changes. Enter 0 where there is no margin.`,
    });
  // A labelled sheet's rates are checked here, for the sectors the shock changes only.
  for (const r of rates.rows) {
    if (!r.cells || purchaser[r.sector] === 0) continue;
    const label = table.sectors[r.sector].label;
    checkRate(r.trade, r.cells.trade, label, TRADE);
    checkRate(r.transport, r.cells.transport, label, TRANSPORT);
    checkRateSum(r.trade, r.transport, r.cells.trade, label);
  }
  const tradeSector = marginSector(table, "trade", sectors.trade);
  const transportSector = marginSector(table, "transport", sectors.transport);
  let tradeMargin = 0;
  let transportMargin = 0;
  const tradeMargins = purchaser.map(() => 0);
  const transportMargins = purchaser.map(() => 0);
  const producer = purchaser.map((v, i) => {
    const r = bySector.get(i);
    // No line, or no change: nothing to take off (an unshocked sector's rate is never used).
    if (!r || v === 0) return v;
    // The margins themselves are subtracted, so the total is kept to the last digit.
    const t = v * r.trade;
    const q = v * r.transport;
    tradeMargins[i] = t;
    transportMargins[i] = q;
    tradeMargin += t;
    transportMargin += q;
    return v - t - q;
  });
  producer[tradeSector] += tradeMargin;
  producer[transportSector] += transportMargin;
  return { purchaser, producer, tradeMargins, transportMargins, tradeMargin, transportMargin, tradeSector, transportSector, rates };
}
