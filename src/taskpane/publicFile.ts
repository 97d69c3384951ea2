// The public version (公開版) from the pane, without putting confidential data into the open
// workbook: the .xlsx is made in the browser from the public spec of the same run (the xlsx
// writer — ExcelJS + JSZip — is loaded only now, in a chunk of its own, so the pane starts
// without it), then opened as a NEW workbook (Excel.createWorkbook) and offered as a download.

import type { Lang } from "../engine/errors";
import { publicFileName } from "../report/deliverable/deliverables";
import type { WorkbookSpec } from "../report/spec";
import * as gateway from "../workbook/office/gateway";

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

/** Make the public file and open it as a new workbook; the caller offers the download too. */
export async function offerPublicVersion(spec: WorkbookSpec, base: string, lang: Lang): Promise<PublicOffer> {
  const file = await makePublicFile(spec, base, lang);
  try {
    await gateway.openNewWorkbook(file.base64);
    return { file, opened: true, openError: null };
  } catch (e) {
    return { file, opened: false, openError: e };
  }
}
