// Which sheet of a workbook a job reads: one named by the user (found loosely, '54部門 ' typed
// without its trailing space), or the first on which a table is recognised. Pure: the hosts pass
// the grids they read; the option names in the messages are the command line's.

import { RippleError } from "../engine/errors";
import type { Grid } from "../engine/grid";
import { recognizeLayout } from "../engine/table";
import type { ImportType, TableLayout, TableMapping } from "../engine/table/types";

export function findSheet(sheets: Grid[], name: string, file: string, option = "--sheet"): Grid {
  // Exactly, else ignoring case, else ignoring width and the spaces around the name ('54部門 ' as
  // published, typed without its trailing space), when that names one sheet only.
  const loose = (t: string) => t.normalize("NFKC").trim().toLowerCase();
  const near = sheets.filter((g) => loose(g.sheet) === loose(name));
  const exact =
    sheets.find((g) => g.sheet === name) ??
    sheets.find((g) => g.sheet.toLowerCase() === name.toLowerCase()) ??
    (near.length === 1 ? near[0] : undefined);
  if (exact) return exact;
  const names = sheets.map((g) => `'${g.sheet}'`).join(", ");
  throw new RippleError(
    "sheet-not-found",
    {
      ja: `シート「${name}」がありません。あるシート: ${names}。${option} で名前を指定し直してください。`,
      en: `there is no sheet '${name}'. Sheets: ${names}. Give one of them with ${option}.`,
    },
    { file },
  );
}

/** The sheet to read: --sheet, else the first sheet on which a table is recognised. */
export function chooseSheet(
  sheets: Grid[],
  file: string,
  opts: { sheet?: string; mapping?: TableMapping; importType?: ImportType; skip?: ReadonlySet<string> },
): { grid: Grid; layout: TableLayout; searched: boolean } {
  const ropts = { mapping: opts.mapping, importType: opts.importType };
  if (opts.sheet) {
    const grid = findSheet(sheets, opts.sheet, file);
    return { grid, layout: recognizeLayout(grid, ropts), searched: false };
  }
  let first: unknown = null;
  for (const grid of sheets) {
    if (opts.skip?.has(grid.sheet)) continue;
    try {
      return { grid, layout: recognizeLayout(grid, ropts), searched: sheets.length > 1 };
    } catch (e) {
      if (!(e instanceof RippleError)) throw e;
      first ??= e;
    }
  }
  if (sheets.length === 1 && first) throw first;
  const names = sheets.map((g) => `'${g.sheet}'`).join(", ");
  const why = first instanceof RippleError ? first.text : { ja: "", en: "" };
  throw new RippleError(
    "no-table",
    {
      ja: `産業連関表と認識できるシートがありません（${names}）。--sheet でシートを指定してください。最初のシートの問題: ${why.ja}`,
      en: `no sheet holds a recognisable input-output table (${names}). Name the sheet with --sheet. First sheet: ${why.en}`,
    },
    { file },
  );
}

