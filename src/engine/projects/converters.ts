// The capex converter sheet -> converters: each converter spreads a plan's capex over the table's
// sectors (shares summing to 1), with an optional self-sufficiency override per sector for the
// investment phase. Every problem is collected with its cell.

import { type Bilingual, RippleError, RippleErrorList } from "../errors";
import { type Grid, gridAddress } from "../grid";
import { dataAt, textAt } from "../table/cells";
import { SectorIndex } from "../table/sectorMatch";
import type { IOTable } from "../table/types";
import { headerRowOf, matchesHeader, problem, rowIsEmpty } from "./sheetRows";

export interface Converter {
  name: string;
  /** Share of capex by sector index; sums to 1. */
  shares: Map<number, number>;
  source: string;
  /** The source written on each sector's row (when the sheet gives one per row). */
  rowSources?: Map<number, string>;
  /** Self-sufficiency override per sector for the investment phase (e.g. construction 1.0). */
  selfSufficiency: Map<number, number>;
}

/** The converter sheet's columns, shared with the template (report/projectTemplate.ts). */
export const CONVERTER_HEADERS = {
  name: { ja: "転換表", en: "Converter" },
  sector: { ja: "部門", en: "Sector" },
  share: { ja: "比率", en: "Share" },
  selfSufficiency: { ja: "自給率（上書き）", en: "Self-sufficiency (override)" },
  source: { ja: "出典", en: "Source" },
} satisfies Record<string, Bilingual>;

/** Whether a sheet is laid out as a converter sheet (its header row names at least three of the
 * converter columns), so a workbook's converter sheet can be found whatever its name. */
export function looksLikeConverterSheet(grid: Grid): boolean {
  return headerRowOf(grid, CONVERTER_HEADERS, 3) >= 0;
}

/** Read the converter sheet: rows of (converter name, sector, share, [self-sufficiency], source).
 * Shares of each converter must sum to 1. */
export function parseConverters(grid: Grid, table: IOTable): Map<string, Converter> {
  const { converters, problems } = readConverters(grid, table);
  if (problems.length) throw new RippleErrorList("converters-invalid", problems);
  return converters;
}

/** The converters of a sheet and every problem found (a converter with a problem is still
 * listed by name, so that project rows naming it are not reported as well). */
export function readConverters(grid: Grid, table: IOTable): { converters: Map<string, Converter>; problems: RippleError[] } {
  const headerRow = headerRowOf(grid, CONVERTER_HEADERS, 3);
  if (headerRow < 0)
    return {
      converters: new Map(),
      problems: [
        new RippleError("converters-no-header", {
          ja: "転換表シートの見出し（転換表・部門・比率・出典）が見つかりません",
          en: "The converter sheet has no header row (Converter, Sector, Share, Source)",
        }, { sheet: grid.sheet }),
      ],
    };
  const col: Partial<Record<keyof typeof CONVERTER_HEADERS, number>> = {};
  for (let c = 0; c < (grid.values[headerRow]?.length ?? 0); c++) {
    const t = textAt(grid, headerRow, c);
    if (!t) continue;
    for (const [k, h] of Object.entries(CONVERTER_HEADERS)) if (matchesHeader(t, h)) col[k as keyof typeof CONVERTER_HEADERS] = c;
  }
  const problems: RippleError[] = [];
  for (const k of ["name", "sector", "share"] as const)
    if (col[k] === undefined)
      problems.push(new RippleError("converters-missing-column", {
        ja: `転換表シートに「${CONVERTER_HEADERS[k].ja}」の列がありません`,
        en: `The converter sheet has no '${CONVERTER_HEADERS[k].en}' column`,
      }, { sheet: grid.sheet, cell: gridAddress(grid, headerRow, 0) }));
  if (problems.length) return { converters: new Map(), problems };

  const out = new Map<string, Converter>();
  const sectors = new SectorIndex(table);
  const firstRow = new Map<string, number>();
  for (let r = headerRow + 1; r < grid.values.length; r++) {
    if (rowIsEmpty(grid, r)) continue;
    const name = textAt(grid, r, col.name!);
    const sectorText = textAt(grid, r, col.sector!);
    const share = dataAt(grid, r, col.share!);
    if (!name) {
      problems.push(problem(grid, r, col.name!, "converters-missing-name", { ja: "転換表の名前が空欄です", en: "The converter name is empty" }));
      continue;
    }
    if (!out.has(name)) {
      out.set(name, { name, shares: new Map(), source: "", selfSufficiency: new Map() });
      firstRow.set(name, r);
    }
    const sector = sectorText === null ? null : sectors.find(sectorText);
    if (sector === null) {
      problems.push(problem(grid, r, col.sector!, "converters-unknown-sector", {
        ja: `部門「${sectorText ?? ""}」は産業連関表にありません`,
        en: `Sector '${sectorText ?? ""}' is not in the IO table`,
      }));
      continue;
    }
    if (share.kind !== "number" || share.value < 0 || share.value > 1) {
      problems.push(problem(grid, r, col.share!, "converters-bad-share", {
        ja: "比率は 0〜1 の数値にしてください",
        en: "The share must be a number between 0 and 1",
      }));
      continue;
    }
    const conv = out.get(name)!;
    conv.shares.set(sector, (conv.shares.get(sector) ?? 0) + share.value);
    const src = col.source !== undefined ? textAt(grid, r, col.source) : null;
    if (src && !conv.source.includes(src)) conv.source = conv.source ? `${conv.source}; ${src}` : src;
    if (src) (conv.rowSources ??= new Map()).set(sector, src);
    if (col.selfSufficiency !== undefined) {
      const ss = dataAt(grid, r, col.selfSufficiency);
      if (ss.kind === "number") {
        if (ss.value < 0 || ss.value > 1)
          problems.push(problem(grid, r, col.selfSufficiency, "converters-bad-self-sufficiency", {
            ja: "自給率は 0〜1 の数値にしてください",
            en: "Self-sufficiency must be a number between 0 and 1",
          }));
        else conv.selfSufficiency.set(sector, ss.value);
      } else if (ss.kind === "text")
        problems.push(problem(grid, r, col.selfSufficiency, "converters-bad-self-sufficiency", {
          ja: "自給率は 0〜1 の数値にしてください",
          en: "Self-sufficiency must be a number between 0 and 1",
        }));
    }
  }
  for (const conv of out.values()) {
    const total = [...conv.shares.values()].reduce((s, v) => s + v, 0);
    if (Math.abs(total - 1) > 1e-6)
      problems.push(problem(grid, firstRow.get(conv.name)!, col.share!, "converters-shares-sum", {
        ja: `転換表「${conv.name}」の比率の合計が ${total} です。合計を 1 にしてください`,
        en: `The shares of converter '${conv.name}' add up to ${total}; make them add up to 1`,
      }));
  }
  return { converters: out, problems };
}
