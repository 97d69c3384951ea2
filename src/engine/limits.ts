// The largest inputs Ripple reads, stated once and checked before anything is inflated or
// allocated: above them a file is refused at once with a message (exit 2), instead of running
// for minutes and ending in "heap out of memory". They hold the largest tables analysts use
// with room to spare (MIC's basic table has 509 sectors; a 4,000-sector square table is 16
// million cells) and stop inflation bombs and runaway files.

export const LIMITS = {
  /** Rows of one sheet or CSV: a table of 4,000 sectors and its margins has about 4,100. */
  rows: 100_000,
  /** Columns of one sheet or CSV: Excel's own maximum (XFD). */
  cols: 16_384,
  /** Cells of one CSV (rows × width): a 4,000 × 4,000 table. */
  csvCells: 16_000_000,
  /** CSV file size: the text of 16 million cells of up to 16 characters. */
  csvBytes: 256 * 1024 * 1024,
  /** Cells of one workbook: a 2,000-sector table with its margins (the workbook reader keeps an
   * object per cell, about 500 bytes each). */
  xlsxCells: 5_000_000,
  /** Workbook file size on disk. */
  xlsxBytes: 128 * 1024 * 1024,
  /** Inflated size of one part of a workbook (a sheet's XML: about 40 bytes per cell). */
  partBytes: 256 * 1024 * 1024,
  /** Inflated size of all parts of a workbook together. */
  totalBytes: 512 * 1024 * 1024,
  /** Nesting of elements in one XML part of a workbook: OOXML parts go about 20 deep (a chart's
   * text properties); the workbook reader's parser keeps a frame per open element, so a few kB
   * of nested tags cost it seconds and gigabytes (10 million levels: 47 s, 3.5 GB). */
  xmlDepth: 256,
} as const;

export type LimitName = keyof typeof LIMITS;

const WHAT: Record<LimitName, { ja: string; en: string }> = {
  rows: { ja: "行数", en: "rows" },
  cols: { ja: "列数", en: "columns" },
  csvCells: { ja: "セル数", en: "cells" },
  csvBytes: { ja: "ファイルの大きさ（バイト）", en: "bytes" },
  xlsxCells: { ja: "セル数", en: "cells" },
  xlsxBytes: { ja: "ファイルの大きさ（バイト）", en: "bytes" },
  partBytes: { ja: "展開後の部品の大きさ（バイト）", en: "inflated bytes of one part" },
  totalBytes: { ja: "展開後の合計の大きさ（バイト）", en: "inflated bytes in all" },
  xmlDepth: { ja: "XML の入れ子の深さ（段）", en: "levels of XML nesting" },
};

const n = (x: number) => x.toLocaleString("en");

/** The message for an input over a limit; `found` is what was seen ("at least" when counting
 * stopped at the limit). */
export function overLimitText(limit: LimitName, found: number, atLeast = false): { ja: string; en: string } {
  const w = WHAT[limit];
  const seen = atLeast ? { ja: `${n(found)} 以上`, en: `at least ${n(found)}` } : { ja: n(found), en: n(found) };
  return {
    ja: `${w.ja}が ${seen.ja} あり、Ripple が読む上限 ${n(LIMITS[limit])} を超えます。表の範囲だけを残したファイルにしてください。`,
    en: `${seen.en} ${w.en}, more than the ${n(LIMITS[limit])} Ripple reads. Keep only the table in the file.`,
  };
}
