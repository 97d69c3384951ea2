// Margin rates from a labelled sheet as prefectures publish it beside their tables, e.g. Aomori's
// 産業連関表分析ファイル 2015, sheet 「(参考)マージン率」: title rows, then a header band
//   (百万円)                                   (百万円)
//   購入者価格 需要合計 …                      生産者価格 民間消費支出 …
//   取引基本表 商業マージン表 国内貨物運賃表 商業マージン率 運輸マージン率 | (the same again)
//   D=B/A E=C/A                                 d=Y/X e=Z/X
// and one row per sector: row number, code, name, then per group the amounts and the two rates.
// The rates are found by their header cells (商業マージン率 / 運輸マージン率); each pair is one
// group of demand (需要合計, 民間消費支出, …), named by the header cells above it. With several
// groups the user names one — a rate for household consumption is not one for total demand.
// Where the group prints its margin amounts (商業マージン表, 国内貨物運賃表) beside the purchaser
// amounts they divide, every printed rate is recomputed and must agree to its printed digits.

import { RippleError, type Bilingual } from "../errors";
import { columnLetters, gridAddress, gridWidth, type Grid } from "../grid";
import { dataAt, textAt } from "./cells";
import { normalizeLabelText } from "./labelText";
import { isCodeLike } from "./normalize";
import { marginLineSector, rateCell, TRADE, TRANSPORT } from "./marginRate";
import { SectorIndex } from "./sectorMatch";
import type { IOTable } from "./types";
import type { MarginRates, MarginRow, MarginSheetInfo } from "./margins";

const norm = (t: string) => normalizeLabelText(t).toLowerCase();
const isTradeRate = (t: string) => /商業マージン率|^trade margin rates?$/.test(t);
const isTransportRate = (t: string) => /(運輸マージン|貨物運賃)率|^transport margin rates?$/.test(t);
const isTradeAmount = (t: string) => /商業マージン|^trade margins?$/.test(t) && !/率|rate/.test(t);
const isTransportAmount = (t: string) => /運輸マージン|貨物運賃|^transport margins?$/.test(t) && !/率|rate/.test(t);
const isPurchaserAmount = (t: string) => /取引基本表|購入者価格|purchaser/.test(t);
// Header cells that say how, not what: units and the valuation; they do not name a group.
const UNIT = /^[(]?(単位[:]?)?\s*(百万円|千円|億円|円|%|million yen)[)]?$/;
const BASIS = /^(購入者価格|生産者価格)(評価)?$|^(purchaser|producer)s?'? prices?$/;
// A total line is not a sector: skipped, not refused.
const TOTAL = /^(合計|総計|計|内生部門計|total)$/;

/** One group of demand: its rate columns, its name, and the amounts the rates are ratios of. */
export interface MarginGroup {
  /** The header cells above the pair that name it, joined ("需要合計"); "" when none. */
  name: string;
  parts: string[];
  trade: number;
  transport: number;
  /** Purchaser amount (A) and margin amounts (B, C) columns, when the group prints them. */
  amounts: { a: number; b: number | null; c: number | null } | null;
}

interface Header {
  row: number;
  groups: MarginGroup[];
  /** Sector column: names when there are any, else codes. */
  label: number;
}

const cellText = (grid: Grid, r: number, c: number): string | null => {
  const d = dataAt(grid, r, c);
  return d.kind === "text" ? norm(d.text) : null;
};

/** The row holding 商業マージン率 / 運輸マージン率 header cells, with the pairs in column order. */
function rateRow(grid: Grid): { row: number; pairs: [number, number][] } | null {
  for (let r = 0; r < grid.values.length; r++) {
    const trade: number[] = [];
    const transport: number[] = [];
    for (let c = 0; c < gridWidth(grid); c++) {
      const t = cellText(grid, r, c);
      if (t === null) continue;
      if (isTradeRate(t)) trade.push(c);
      else if (isTransportRate(t)) transport.push(c);
    }
    if (trade.length === 0 && transport.length === 0) continue;
    const pairs = trade.map((c, k): [number, number] => [c, transport[k]]);
    const ordered = pairs.every(([a, b], k) => b !== undefined && (k === 0 || Math.min(a, b) > Math.max(...pairs[k - 1])));
    if (trade.length !== transport.length || !ordered)
      throw new RippleError(
        "margins.pairs",
        {
          ja: `マージン率の見出し行で、商業マージン率（${trade.length} 列）と運輸マージン率（${transport.length} 列）が組になりません。各組で 2 列を並べてください。`,
          en: `In the margin rates' header row, the trade margin rate columns (${trade.length}) and transport margin rate columns (${transport.length}) do not pair up. Put each pair side by side.`,
        },
        { sheet: grid.sheet, cell: gridAddress(grid, r, Math.min(...trade, ...transport)) },
      );
    return { row: r, pairs };
  }
  return null;
}

/** The sector column left of the first rates: the one with the most names (text that is not a
 * code); without names, the one whose cells match the most sectors (codes). Codes beside names
 * are not used: a published sheet may carry another classification's codes (Aomori's sheet
 * has the national 37-sector codes, 鉱業 = 06, while the prefecture's table numbers it 05). */
function sectorColumn(grid: Grid, below: number, before: number, index: SectorIndex): number {
  const count = (ok: (r: number, c: number) => boolean) => {
    let best = -1;
    let most = 0;
    for (let c = 0; c < before; c++) {
      let n = 0;
      for (let r = below + 1; r < grid.values.length; r++) if (ok(r, c)) n++;
      if (n > most) [best, most] = [c, n];
    }
    return best;
  };
  const names = count((r, c) => {
    const d = dataAt(grid, r, c);
    return d.kind === "text" && !isCodeLike(d.text);
  });
  if (names >= 0) return names;
  const codes = count((r, c) => {
    const t = textAt(grid, r, c);
    return t !== null && index.find(t) !== null;
  });
  if (codes >= 0) return codes;
  throw new RippleError(
    "margins.no-sectors",
    {
      ja: "マージン率の表に部門名（またはコード）の列が見つかりません。率の列の左に、表の部門名の列を置いてください。",
      en: "The margin rates have no column of sector names (or codes). Put the table's sector names in a column left of the rates.",
    },
    { sheet: grid.sheet, cell: gridAddress(grid, below + 1, 0) },
  );
}

/** Header cells above the rate row within columns from..to that name the group (units and the
 * valuation left out), top row first; the band ends at a row with nothing there or at the units. */
function groupParts(grid: Grid, row: number, from: number, to: number): string[] {
  const parts: string[] = [];
  for (let r = row - 1; r >= Math.max(0, row - 3); r--) {
    const texts: string[] = [];
    for (let c = from; c <= to; c++) {
      const t = cellText(grid, r, c);
      if (t !== null) texts.push(t);
    }
    const named = texts.filter((t) => !UNIT.test(t) && !BASIS.test(t));
    parts.unshift(...named);
    if (texts.length === 0 || named.length === 0) break;
  }
  return parts;
}

/** Purchaser (A) and margin (B, C) amount columns of a group, by the rate row's headers: B and C
 * by their names, A the column just left of B when its header (or the merged header it sits
 * under) names the purchaser-price table. */
function amountColumns(grid: Grid, row: number, from: number, to: number): MarginGroup["amounts"] {
  let b: number | null = null;
  let c: number | null = null;
  for (let k = from; k <= to; k++) {
    const t = cellText(grid, row, k);
    if (t === null) continue;
    if (b === null && isTradeAmount(t)) b = k;
    else if (c === null && isTransportAmount(t)) c = k;
  }
  if (b === null || b - 1 < from) return null;
  let head: string | null = null;
  for (let k = b - 1; k >= from && head === null; k--) head = cellText(grid, row, k);
  return head !== null && isPurchaserAmount(head) ? { a: b - 1, b, c } : null;
}

function header(grid: Grid, index: SectorIndex): Header | null {
  const found = rateRow(grid);
  if (!found) return null;
  const { row, pairs } = found;
  const label = sectorColumn(grid, row, Math.min(...pairs[0]), index);
  let from = label + 1;
  const groups = pairs.map(([trade, transport]) => {
    const to = Math.max(trade, transport);
    const parts = groupParts(grid, row, from, to);
    const g: MarginGroup = { name: parts.join(" "), parts, trade, transport, amounts: amountColumns(grid, row, from, to) };
    from = to + 1;
    return g;
  });
  return { row, groups, label };
}

/** A labelled margin sheet? (the rate header cells are there) */
export function isMarginSheet(grid: Grid): boolean {
  return rateRow(grid) !== null;
}

/** The names of the groups a labelled sheet offers (the pane's dropdown); [] for other layouts. */
export function marginGroups(table: IOTable, grid: Grid): string[] {
  const h = header(grid, new SectorIndex(table));
  return h ? h.groups.map((g) => groupName(grid, g)) : [];
}

/** A group's name; without header cells above it, its rate columns ("H:I"). */
const groupName = (grid: Grid, g: MarginGroup) =>
  g.name || `${columnLetters(g.trade + grid.origin.col)}:${columnLetters(g.transport + grid.origin.col)}`;

/** The group the user named (by its whole name or one of its header cells); the only one when
 * there is one; else refused, listing them. */
function chooseGroup(grid: Grid, h: Header, asked: string | undefined): MarginGroup {
  const names = h.groups.map((g) => groupName(grid, g));
  const at = { sheet: grid.sheet, cell: gridAddress(grid, h.row, h.groups[0].trade) };
  const list = names.map((n) => `「${n}」`).join("");
  if (asked === undefined || asked.trim() === "") {
    if (h.groups.length === 1) return h.groups[0];
    throw new RippleError(
      "margins.group-needed",
      {
        ja: `シート「${grid.sheet}」にはマージン率の組が ${names.length} つあります（${list}）。どれを使うか --margins-column（作業ウィンドウでは「マージン率の列」）で選んでください。`,
        en: `Sheet '${grid.sheet}' has ${names.length} sets of margin rates (${names.join(", ")}). Choose one with --margins-column (in the task pane: 'Margin rate columns').`,
      },
      at,
    );
  }
  const key = norm(asked);
  const hits = h.groups.filter((g, k) => names[k].toLowerCase() === key || g.parts.includes(key));
  if (hits.length === 1) return hits[0];
  throw new RippleError(
    "margins.group-unknown",
    {
      ja: `マージン率の組「${asked}」がシート「${grid.sheet}」にありません${hits.length > 1 ? "（複数に当てはまります）" : ""}。見つかった組: ${list}`,
      en: `Sheet '${grid.sheet}' has no${hits.length > 1 ? " single" : ""} set of margin rates '${asked}'. Found: ${names.join(", ")}`,
    },
    at,
  );
}

/** A printed rate that is not margin ÷ purchaser amount to its printed digits is refused. */
function checkDerived(grid: Grid, r: number, g: MarginGroup, which: "trade" | "transport", label: string): void {
  const am = g.amounts;
  const m = am && (which === "trade" ? am.b : am.c);
  if (!am || m === null || m === undefined) return;
  const col = which === "trade" ? g.trade : g.transport;
  const rate = rateCell(grid, r, col);
  const a = dataAt(grid, r, am.a);
  const num = dataAt(grid, r, m);
  if (!rate || a.kind !== "number" || num.kind !== "number" || a.value === 0) return;
  const q = num.value / a.value;
  const tol = 0.5 * 10 ** -rate.decimals + 4 * Number.EPSILON * Math.abs(q);
  if (Math.abs(q - rate.value) <= tol) return;
  const what = which === "trade" ? TRADE : TRANSPORT;
  const cell = (c: number) => gridAddress(grid, r, c);
  throw new RippleError(
    "margins.derived",
    {
      ja: `部門「${label}」の${what.ja} ${rate.value}（${cell(col)}）が、マージン額 ${num.value}（${cell(m)}）÷ 購入者価格の額 ${a.value}（${cell(am.a)}）= ${q} と表示桁の範囲で合いません。列の見出しと値を確かめてください。`,
      en: `The ${what.en} of '${label}', ${rate.value} (${cell(col)}), is not the margin ${num.value} (${cell(m)}) ÷ the purchaser amount ${a.value} (${cell(am.a)}) = ${q} to its printed digits. Check the columns' headers and values.`,
    },
    { sheet: grid.sheet, cell: cell(col) },
  );
}

/** The rates of the chosen group, one line per sector row. Rates are kept as printed (NaN where
 * the cell holds no number): they are range-checked only for the sectors a shock changes
 * (purchaserToProducer), since a rate multiplies a zero change for every other sector. Rows not
 * in the table and repeated rows are refused; a total line is skipped. Null: not this layout. */
export function parseMarginSheet(table: IOTable, grid: Grid, source: string, asked?: string): MarginRates | null {
  const index = new SectorIndex(table);
  const h = header(grid, index);
  if (!h) return null;
  const g = chooseGroup(grid, h, asked);
  const rows: MarginRow[] = [];
  const seen = new Map<number, string>();
  for (let r = h.row + 1; r < grid.values.length; r++) {
    const label = textAt(grid, r, h.label);
    if (label === null || TOTAL.test(norm(label))) continue;
    const where = { sheet: grid.sheet, cell: gridAddress(grid, r, h.label) };
    const i = marginLineSector(table, index, seen, label, where);
    checkDerived(grid, r, g, "trade", label);
    checkDerived(grid, r, g, "transport", label);
    const at = (c: number) => ({ sheet: grid.sheet, cell: gridAddress(grid, r, c) });
    rows.push({
      sector: i,
      trade: rateCell(grid, r, g.trade)?.value ?? NaN,
      transport: rateCell(grid, r, g.transport)?.value ?? NaN,
      where,
      cells: { trade: at(g.trade), transport: at(g.transport) },
    });
  }
  const letters = (c: number) => columnLetters(c + grid.origin.col);
  return {
    rows,
    source,
    sheet: {
      sheet: grid.sheet,
      group: h.groups.length > 1 || g.name ? groupName(grid, g) : null,
      trade: letters(g.trade),
      transport: letters(g.transport),
      checked: !!g.amounts && (g.amounts.b !== null || g.amounts.c !== null),
      a: g.amounts ? letters(g.amounts.a) : null,
    },
  };
}

/** What the method sheet and the JSON's `source` say of a labelled sheet: sheet, group, columns,
 * and the rule (the check, and that unshocked sectors' rates are not used). */
export function marginSheetDescription(m: MarginSheetInfo): Bilingual {
  const group = m.group === null ? { ja: "", en: "" } : { ja: `「${m.group}」の`, en: ` of '${m.group}'` };
  // ja: シート「X」の「需要合計」の商業マージン率…
  const check = m.checked
    ? {
        ja: `率はどの行もマージン額 ÷ 購入者価格の額（${m.a}列）と表示桁まで一致することを確かめました。`,
        en: `every row's rates were checked to equal margin ÷ purchaser amount (column ${m.a}) to their printed digits.`,
      }
    : { ja: "マージン額の列がないため率の検算はしていません。", en: "no margin amounts are printed, so the rates were not recomputed." };
  return {
    ja: `シート「${m.sheet}」の${group.ja}商業マージン率（${m.trade}列）と運輸マージン率（${m.transport}列）。${check.ja}需要変化のない部門の率は使わないため、範囲を問いません。`,
    en: `sheet '${m.sheet}', trade margin rate (column ${m.trade}) and transport margin rate (column ${m.transport})${group.en}; ${check.en} Rates of sectors the change does not touch are not used, so their range is not checked.`,
  };
}
