// The public version (公開版) from the pane, handed over in whichever way the host allows:
// - opened as a NEW workbook (Excel.createWorkbook, ExcelApi 1.8): the .xlsx is made in the
//   browser from the public spec of the same run (the xlsx writer — ExcelJS + JSZip — is loaded
//   only now, in a chunk of its own, so the pane starts without it);
// - written as new sheets of this workbook through the Office API (every host; the user moves
//   them to a new workbook with Excel's own "Move or Copy");
// - a browser download, only where task panes can download: Excel on Mac and iPad runs the pane
//   in a web view that ignores downloads, so there the pane says so instead of offering a link
//   that does nothing.

import type { Lang } from "../engine/errors";
import { publicFileName } from "../report/deliverable/deliverables";
import { isFormulaCell, renameSheetsInFormula, uniqueSheetName, type RangeRef, type WorkbookSpec } from "../report/spec";
import * as gateway from "../workbook/office/gateway";
import type { RunControl } from "./progress";

/** Platforms whose task pane cannot download a file (Office.context.platform). */
const NO_DOWNLOAD = new Set(["Mac", "iOS", "Android"]);

export function downloadsWork(platform: string | null): boolean {
  return platform === null || !NO_DOWNLOAD.has(platform);
}

/** The public spec with every sheet named "公開版 …" ("Public …"), so its sheets cannot be taken
 * for the full version's next to them; formulas, charts and drop-downs follow the new names. */
export function publicSheetsSpec(spec: WorkbookSpec, lang: Lang): WorkbookSpec {
  const prefix = lang === "ja" ? "公開版 " : "Public ";
  const taken: string[] = [];
  const renamed = new Map<string, string>();
  for (const s of spec.sheets) {
    const name = uniqueSheetName(prefix + s.name, taken);
    taken.push(name);
    renamed.set(s.name, name);
  }
  const fix = (r: RangeRef | undefined): RangeRef | undefined => (r && r.sheet && renamed.has(r.sheet) ? { ...r, sheet: renamed.get(r.sheet) } : r);
  return {
    ...spec,
    sheets: spec.sheets.map((s) => ({
      ...s,
      name: renamed.get(s.name)!,
      blocks: s.blocks.map((b) => ({
        ...b,
        values: b.values.map((row) => row.map((v) => (isFormulaCell(v) ? { ...v, formula: renameSheetsInFormula(v.formula, renamed) } : v))),
      })),
      charts: s.charts?.map((c) => ({ ...c, categories: fix(c.categories), series: c.series.map((se) => ({ ...se, values: fix(se.values)!, x: fix(se.x) })) })),
      validations: s.validations?.map((v) => ({ ...v, range: fix(v.range)!, source: fix(v.source) })),
    })),
  };
}

/** Write the public version into new sheets of this workbook (never over a sheet); returns
 * their names. Completes or removes what it started, like every write of the pane. */
export async function writePublicSheets(spec: WorkbookSpec, lang: Lang, control: RunControl = {}): Promise<string[]> {
  const out = await gateway.writeReport(publicSheetsSpec(spec, lang), { signal: control.signal });
  return out.sheets;
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface PublicFile {
  /** e.g. "ripple-政策評価-公開版.xlsx" */
  fileName: string;
  bytes: Uint8Array;
  base64: string;
}

/** Base64 of bytes, in slices so a large workbook does not overflow the argument list. */
export function bytesToBase64(bytes: Uint8Array): string {
  let bin = "";
  const SLICE = 0x8000;
  for (let i = 0; i < bytes.length; i += SLICE) bin += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  return btoa(bin);
}

/** The .xlsx of the public spec; `base` names the full workbook ("ripple-政策評価"). */
export async function makePublicFile(spec: WorkbookSpec, base: string, lang: Lang): Promise<PublicFile> {
  const { xlsxBytes } = await import(/* webpackChunkName: "xlsx-writer" */ "../workbook/xlsx/xlsxBytes");
  const bytes = await xlsxBytes(spec);
  return { fileName: publicFileName(`${base}.xlsx`, lang), bytes, base64: bytesToBase64(bytes) };
}

export interface PublicOffer {
  file: PublicFile;
  /** Excel opened it as a new workbook. */
  opened: boolean;
  /** Why it could not be opened (older Excel, …); the download link is then the way. */
  openError: unknown;
}

/** Make the public file and, when Excel can (`open`), open it as a new workbook; the caller
 * offers the download where the host can download. */
export async function offerPublicVersion(spec: WorkbookSpec, base: string, lang: Lang, open = true): Promise<PublicOffer> {
  const file = await makePublicFile(spec, base, lang);
  if (!open) return { file, opened: false, openError: null };
  try {
    await gateway.openNewWorkbook(file.base64);
    return { file, opened: true, openError: null };
  } catch (e) {
    return { file, opened: false, openError: e };
  }
}
