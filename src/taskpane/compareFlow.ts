// 比較 in the pane: the earlier results workbook is a file the user picks (read in the browser),
// the later one is this workbook (its run record, read through the gateway); runCompare
// (usecases/compare.ts, the runner `ripple compare` calls) recomputes and attributes, and the
// 比較 sheet is written into this workbook as a new sheet.

import type { Lang } from "../engine/errors";
import { RUN_RECORD_NAMESPACE } from "../report/runRecordPart";
import type { CompareResult } from "../report/compareModel";
import { runCompare } from "../usecases/compare";
import * as gateway from "../workbook/office/gateway";
import type { RunControl } from "./progress";
import { VERSION } from "./runAnalysis";

export interface CompareOutcome {
  result: CompareResult;
  sheets: string[];
}

export async function compareWithFile(file: { name: string; bytes: Uint8Array }, lang: Lang, control: RunControl): Promise<CompareOutcome> {
  control.onProgress?.({ stage: "read", fraction: 0 });
  // JSZip comes with the xlsx chunk the public version loads too, only when asked for.
  const { readCustomXmlParts } = await import(/* webpackChunkName: "xlsx-writer" */ "../workbook/xlsx/customXml");
  let oldParts: string[];
  try {
    oldParts = await readCustomXmlParts(file.bytes);
  } catch {
    oldParts = []; // not an .xlsx package: refused below as a workbook without a run record
  }
  const newParts = await gateway.readCustomXml(RUN_RECORD_NAMESPACE);
  control.onProgress?.({ stage: "build", fraction: 0 });
  const { result, spec } = await runCompare({
    old: { file: file.name, parts: oldParts },
    new: { file: lang === "ja" ? "このブック" : "this workbook", parts: newParts },
    lang,
    version: VERSION,
  });
  control.onProgress?.({ stage: "write", fraction: 0 });
  const written = await gateway.writeReport(spec, { signal: control.signal });
  return { result, sheets: written.sheets };
}
