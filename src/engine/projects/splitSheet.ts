// The split sheet (MODELS.md 7): new sectors split out of a parent sector of the table, e.g.
// ネオジム磁石 out of 03 製造業, each with its output (or output share) and its own input
// structure. One row per input of a new sector:
//   新部門 | 親部門 | 生産額（百万円） | 産出シェア | 投入部門 | 投入係数 | 出典・根拠
// The parent and the output (or share) are given on the new sector's first row (later rows may
// leave them blank or repeat them). Inputs not listed are 0; a new sector with no input rows
// buys like its parent. Gross value added = 1 − Σ input coefficients, split over the primary-
// input rows in the parent's proportions. A project names the new sector in its IO-sector cell.

import { type Grid, gridAddress } from "../grid";
import { type Bilingual, RippleError, RippleErrorList } from "../errors";
import { splitSector } from "../model/split";
import { dataAt, textAt } from "../table/cells";
import { labelKey } from "../table/normalize";
import { SectorIndex } from "../table/sectorMatch";
import type { IOTable } from "../table/types";
import { findHeaderRow, hasAll, headerWords } from "../sheetHeader";

export const SPLIT_HEADERS = {
  label: { ja: "新部門", en: "New sector" },
  parent: { ja: "親部門", en: "Parent sector" },
  output: { ja: "生産額（百万円）", en: "Output (million yen)" },
  share: { ja: "産出シェア", en: "Output share" },
  input: { ja: "投入部門", en: "Input from" },
  coefficient: { ja: "投入係数", en: "Input coefficient" },
  source: { ja: "出典・根拠", en: "Source and reasoning" },
} satisfies Record<string, Bilingual>;

export const SPLIT_NOTES: Record<keyof typeof SPLIT_HEADERS, Bilingual> = {
  label: { ja: "新しい部門の名前（計画シートの「産業部門」にこの名前を書く）", en: "Name of the new sector (write it in the project sheet's IO-sector column)" },
  parent: { ja: "分割元の部門（表の部門コードか名称）", en: "Sector it is split from (code or name in the table)" },
  output: { ja: "新部門の国内生産額（表の単位）。産出シェアとどちらか一方", en: "Output of the new sector in table units; give this or the share" },
  share: { ja: "親部門の生産額に占める割合（0〜1）", en: "Share of the parent's output (0 to 1)" },
  input: { ja: "新部門が購入する部門（分割前の表の部門）", en: "Sector the new sector buys from (a sector of the table before the split)" },
  coefficient: { ja: "生産額1単位あたりの購入額。書かない部門は 0。行がなければ親部門と同じ投入構造", en: "Purchases per unit of output; sectors not listed are 0; no rows = the parent's structure" },
  source: { ja: "数値の出典と決め方", en: "Where the numbers come from and how they were chosen" },
};

export interface SplitInput {
  /** Index in the table before any split. */
  sector: number;
  label: string;
  coefficient: number;
  source: string;
}

export interface SplitDefinition {
  label: string;
  /** Parent index in the table before any split, and its label. */
  parent: number;
  parentLabel: string;
  share: number;
  /** Output in table units when the sheet gave it (else share × parent output). */
  output: number;
  outputGiven: boolean;
  /** Input coefficients over the table before the split; null = the parent's column. */
  inputs: SplitInput[] | null;
  sources: string[];
  /** A1 of the definition's first row (for messages). */
  cell: string;
}

export interface SplitResult {
  table: IOTable;
  definitions: SplitDefinition[];
}

/** Read the split sheet and apply every split, in order. Throws a RippleErrorList naming each
 * bad cell; `labels` of the definitions are returned in `knownLabels` even when values are bad,
 * so a caller can still check the project sheet against them. */
export function readSplits(grid: Grid, table: IOTable): { result: SplitResult | null; labels: string[]; problems: RippleError[] } {
  const problems: RippleError[] = [];
  const at = (r: number, c: number) => ({ sheet: grid.sheet, cell: gridAddress(grid, r, c) });
  const bad = (r: number, c: number, code: string, ja: string, en: string) => problems.push(new RippleError(code, { ja, en }, at(r, c)));

  const header = findHeaderRow(grid, headerWords(SPLIT_HEADERS), hasAll(["label", "parent"] as const));
  if (!header) {
    problems.push(new RippleError("split-no-header", {
      ja: `部門分割シートの見出し（${SPLIT_HEADERS.label.ja}・${SPLIT_HEADERS.parent.ja}・${SPLIT_HEADERS.share.ja} など）が見つかりません`,
      en: `The split sheet has no header row (${SPLIT_HEADERS.label.en}, ${SPLIT_HEADERS.parent.en}, ${SPLIT_HEADERS.share.en} …)`,
    }, { sheet: grid.sheet }));
    return { result: null, labels: [], problems };
  }
  const { row: headerRow, col } = header;
  if (col.output === undefined && col.share === undefined)
    bad(headerRow, 0, "split-missing-column", `「${SPLIT_HEADERS.output.ja}」か「${SPLIT_HEADERS.share.ja}」の列が必要です`, `A '${SPLIT_HEADERS.output.en}' or '${SPLIT_HEADERS.share.en}' column is needed`);
  if ((col.input === undefined) !== (col.coefficient === undefined))
    bad(headerRow, 0, "split-missing-column", `「${SPLIT_HEADERS.input.ja}」と「${SPLIT_HEADERS.coefficient.ja}」の列は両方必要です`, `'${SPLIT_HEADERS.input.en}' and '${SPLIT_HEADERS.coefficient.en}' go together`);

  const sectors = new SectorIndex(table);
  const defs = new Map<string, SplitDefinition & { rows: number[]; shareCell: [number, number] | null }>();
  for (let r = headerRow + 1; r < grid.values.length; r++) {
    const label = textAt(grid, r, col.label!);
    const rowHasData = (grid.values[r] ?? []).some((v) => v !== null && !(typeof v === "string" && v.trim() === ""));
    if (!rowHasData) continue;
    if (!label) {
      bad(r, col.label!, "split-missing-label", `「${SPLIT_HEADERS.label.ja}」が空欄です`, `'${SPLIT_HEADERS.label.en}' is empty`);
      continue;
    }
    let def = defs.get(labelKey(label));
    if (!def) {
      if (sectors.find(label) !== null)
        bad(r, col.label!, "split-label-taken", `新部門名「${label}」は表に既にある部門です。別の名前にしてください`, `'${label}' is already a sector of the table; choose another name`);
      def = { label, parent: -1, parentLabel: "", share: NaN, output: NaN, outputGiven: false, inputs: null, sources: [], cell: gridAddress(grid, r, col.label!), rows: [], shareCell: null };
      defs.set(labelKey(label), def);
    }
    def.rows.push(r);
    const parentText = textAt(grid, r, col.parent!);
    if (parentText) {
      const p = sectors.find(parentText);
      if (p === null) bad(r, col.parent!, "split-unknown-parent", `親部門「${parentText}」は産業連関表にありません`, `Parent sector '${parentText}' is not in the IO table`);
      else if (def.parent >= 0 && def.parent !== p) bad(r, col.parent!, "split-parent-differs", `「${label}」の親部門が行によって違います`, `The parent of '${label}' differs between rows`);
      else {
        def.parent = p;
        def.parentLabel = table.sectors[p].label;
      }
    } else if (def.rows.length === 1) bad(r, col.parent!, "split-missing-parent", `「${label}」の最初の行に親部門を入力してください`, `Give the parent sector on the first row of '${label}'`);

    const num = (c: number | undefined, what: Bilingual): number | null => {
      if (c === undefined) return null;
      const d = dataAt(grid, r, c);
      if (d.kind === "empty") return null;
      if (d.kind === "text") {
        bad(r, c, "split-not-a-number", `「${what.ja}」は数値にしてください（「${d.text}」）`, `'${what.en}' must be a number (found '${d.text}')`);
        return null;
      }
      return d.value;
    };
    const output = num(col.output, SPLIT_HEADERS.output);
    const share = num(col.share, SPLIT_HEADERS.share);
    if (output !== null || share !== null) {
      if (def.shareCell === null) {
        def.shareCell = [r, output !== null ? col.output! : col.share!];
        if (output !== null) {
          def.output = output;
          def.outputGiven = true;
        }
        if (share !== null) def.share = share;
      } else if ((output !== null && (!def.outputGiven || output !== def.output)) || (share !== null && share !== def.share))
        // Repeated on a later row: it must say the same as the first.
        bad(r, output !== null ? col.output! : col.share!, "split-output-differs", `「${label}」の生産額・産出シェアが行によって違います`, `The output or share of '${label}' differs between rows`);
    }
    const inputText = col.input !== undefined ? textAt(grid, r, col.input) : null;
    const coef = num(col.coefficient, SPLIT_HEADERS.coefficient);
    if (inputText !== null || coef !== null) {
      const i = inputText === null ? null : sectors.find(inputText);
      if (inputText === null) bad(r, col.input!, "split-missing-input", "投入部門が空欄です", "The input sector is empty");
      else if (i === null) bad(r, col.input!, "split-unknown-input", `投入部門「${inputText}」は産業連関表にありません`, `Input sector '${inputText}' is not in the IO table`);
      if (coef === null) bad(r, col.coefficient!, "split-missing-coefficient", "投入係数が空欄です", "The input coefficient is empty");
      else if (coef < 0 || coef > 1) bad(r, col.coefficient!, "split-bad-coefficient", `投入係数は 0〜1 にしてください（${coef}）`, `The input coefficient must be between 0 and 1 (found ${coef})`);
      if (i !== null && i !== undefined && coef !== null && coef >= 0 && coef <= 1) {
        def.inputs ??= [];
        if (def.inputs.some((x) => x.sector === i))
          bad(r, col.input!, "split-duplicate-input", `「${label}」の投入部門「${inputText}」が2回あります`, `'${inputText}' is listed twice for '${label}'`);
        else def.inputs.push({ sector: i, label: table.sectors[i].label, coefficient: coef, source: col.source !== undefined ? (textAt(grid, r, col.source) ?? "") : "" });
      }
    }
    const src = col.source !== undefined ? textAt(grid, r, col.source) : null;
    if (src && !def.sources.includes(src) && inputText === null) def.sources.push(src);
  }

  for (const def of defs.values()) {
    if (def.parent < 0) continue;
    const xp = table.x[def.parent];
    const cell = def.shareCell ?? [def.rows[0], col.share ?? col.output ?? col.label!];
    if (def.outputGiven) {
      const s = def.output / xp;
      if (!Number.isNaN(def.share) && Math.abs(def.share - s) > 1e-9)
        bad(cell[0], col.share!, "split-output-differs", `生産額 ${def.output} と産出シェア ${def.share} が合いません（生産額÷親部門の生産額 = ${s}）。どちらか一方にしてください`, `Output ${def.output} and share ${def.share} disagree (output ÷ parent output = ${s}); give one of them`);
      def.share = s;
    } else if (!Number.isNaN(def.share)) def.output = def.share * xp;
    if (Number.isNaN(def.share))
      bad(cell[0], cell[1], "split-missing-output", `「${def.label}」の生産額か産出シェアを入力してください`, `Give the output or the output share of '${def.label}'`);
    else if (!(def.share > 0 && def.share < 1))
      bad(cell[0], cell[1], "split-bad-share", `「${def.label}」の産出シェア ${def.share} は 0 より大きく 1 より小さくしてください（親部門の生産額 ${xp}）`, `The output share of '${def.label}' (${def.share}) must be between 0 and 1 (the parent's output is ${xp})`);
    if (def.inputs) {
      const total = def.inputs.reduce((s, x) => s + x.coefficient, 0);
      if (total >= 1)
        bad(def.rows[0], col.coefficient!, "split-coefficients-sum", `「${def.label}」の投入係数の合計が ${total} です。粗付加価値が残るよう 1 未満にしてください`, `The input coefficients of '${def.label}' add up to ${total}; keep them below 1 so value added remains`);
    }
  }
  const labels = [...defs.values()].map((d) => d.label);
  if (defs.size === 0)
    problems.push(new RippleError("split-empty", {
      ja: "部門分割シートに新部門の行がありません",
      en: "The split sheet defines no new sector",
    }, at(headerRow + 1, 0)));
  if (problems.length) return { result: null, labels, problems };

  // Apply in order; inputs are mapped by label, since each split shifts the later indices.
  let current = table;
  const definitions: SplitDefinition[] = [];
  for (const def of defs.values()) {
    const { rows: _rows, shareCell: _cell, ...plain } = def;
    const now = new SectorIndex(current);
    const parentNow = now.find(def.parentLabel)!;
    let coefficients: number[] | undefined;
    if (def.inputs) {
      coefficients = new Array<number>(current.sectors.length).fill(0);
      for (const x of def.inputs) coefficients[now.find(x.label)!] = x.coefficient;
    }
    try {
      current = splitSector(current, parentNow, { label: def.label, share: def.share, inputCoefficients: coefficients });
    } catch (e) {
      if (!(e instanceof RippleError)) throw e;
      problems.push(new RippleError(e.code, e.text, { sheet: grid.sheet, cell: def.cell }, e.kind));
      continue;
    }
    definitions.push(plain);
  }
  if (problems.length) return { result: null, labels, problems };
  return { result: { table: current, definitions }, labels, problems };
}

/** readSplits, throwing every problem together. */
export function parseSplits(grid: Grid, table: IOTable): SplitResult {
  const { result, problems } = readSplits(grid, table);
  if (problems.length || !result) throw new RippleErrorList("split-invalid", problems);
  return result;
}
