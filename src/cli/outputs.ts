// The outputs every command writes, in one place: the results workbook (never over an existing
// file), its public version when asked for, the JSON, and the lines that say where they went.

import { resolve } from "node:path";
import type { Bilingual, Lang } from "../engine/errors";
import { withImbalanceNotice } from "../report/imbalanceNotice";
import { publicFileName } from "../report/deliverable";
import type { WorkbookSpec } from "../report/spec";
import { writeXlsx } from "../workbook/xlsx";
import { say, writeJson } from "./analyze";
import type { CliIO } from "./io";
import { freePath } from "./outputPath";

export interface OutputRequest {
  out?: string;
  json?: string;
  defaultOut: string;
  /** The workbooks, built only when one is written (full; public or null). */
  specs: () => { full: WorkbookSpec; public?: WorkbookSpec | null };
  /** Said after the title of every sheet (a table used with --allow-imbalance). */
  notice?: Bilingual | null;
  /** Write the public version too (--public). */
  wantPublic?: boolean;
  jsonValue: () => unknown;
  /** The human summary on stdout (not with --json -). */
  summary: () => string;
}

export async function writeOutputs(io: CliIO, lang: Lang, r: OutputRequest): Promise<{ workbook: string | null; publicWorkbook: string | null }> {
  let workbook: string | null = null;
  let publicWorkbook: string | null = null;
  // With neither --out nor --json, the default workbook.
  if (r.out !== undefined || r.json === undefined) {
    const requested = resolve(io.cwd, r.out ?? r.defaultOut);
    workbook = freePath(requested);
    const specs = r.specs();
    await writeXlsx(withImbalanceNotice(specs.full, r.notice ?? null), workbook);
    if (workbook !== requested)
      say(io, lang, {
        ja: `${requested} は既にあるため上書きせず、${workbook} に書きました。`,
        en: `${requested} exists, so it was left alone; wrote ${workbook} instead.`,
      });
    if (r.wantPublic && specs.public) {
      publicWorkbook = freePath(publicFileName(requested, lang));
      await writeXlsx(withImbalanceNotice(specs.public, r.notice ?? null), publicWorkbook);
    }
  }
  if (r.json !== undefined) await writeJson(r.json, r.jsonValue(), io, lang);
  if (r.json !== "-") {
    io.stdout.write(r.summary());
    if (workbook) io.stdout.write(`${lang === "ja" ? "結果のブック" : "Results workbook"}: ${workbook}\n`);
    if (publicWorkbook) io.stdout.write(`${lang === "ja" ? "公開版のブック" : "Public version"}: ${publicWorkbook}\n`);
    if (r.json !== undefined) io.stdout.write(`JSON: ${resolve(io.cwd, r.json)}\n`);
  } else if (workbook) {
    say(io, lang, { ja: `結果のブック: ${workbook}`, en: `results workbook: ${workbook}` });
    if (publicWorkbook) say(io, lang, { ja: `公開版のブック: ${publicWorkbook}`, en: `public version: ${publicWorkbook}` });
  }
  return { workbook, publicWorkbook };
}
