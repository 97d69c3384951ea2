// The outputs every command writes, in one place: the results workbook, its public version when
// asked for, the JSON, and the lines that say where they went. All of them are staged beside
// their targets and published together (atomicWrite.ts): never over an existing file (the next
// free name, -2, -3, …, is taken and said), never half-written, and none of them left behind
// when the run fails or is cancelled.

import { resolve } from "node:path";
import type { Bilingual, Lang } from "../engine/errors";
import { withImbalanceNotice } from "../report/imbalanceNotice";
import { publicFileName } from "../report/deliverable";
import type { WorkbookSpec } from "../report/spec";
import { writeXlsxBuffer } from "../workbook/xlsx";
import { say } from "./say";
import { OutputSet, checkTarget, throwIfCancelled } from "./atomicWrite";
import { checkFiniteJson, checkFiniteSpec } from "./finiteResults";
import type { CliIO } from "./io";
import { jsonTerminalSafe, terminalSafe } from "./terminalText";

export interface OutputRequest {
  out?: string;
  json?: string;
  defaultOut: string;
  /** The workbooks, built only when one is written (full; public or null); `checkpoint` throws
   * on Ctrl+C, for a builder to call between its long steps. */
  specs: (checkpoint?: () => void) => { full: WorkbookSpec; public?: WorkbookSpec | null };
  /** Said after the title of every sheet (a table used with --allow-imbalance). */
  notice?: Bilingual | null;
  /** Write the public version too (--public). */
  wantPublic?: boolean;
  jsonValue: () => unknown;
  /** The human summary on stdout (not with --json -). */
  summary: () => string;
}

const WHAT = {
  workbook: { ja: "結果のブック", en: "results workbook" },
  public: { ja: "公開版のブック", en: "public version" },
  json: { ja: "JSON", en: "JSON" },
} satisfies Record<string, Bilingual>;

export async function writeOutputs(io: CliIO, lang: Lang, r: OutputRequest): Promise<{ workbook: string | null; publicWorkbook: string | null }> {
  const set = new OutputSet();
  const typedOut = r.out ?? r.defaultOut;
  // With neither --out nor --json, the default workbook.
  const wantWorkbook = r.out !== undefined || r.json === undefined;
  const requested = { workbook: resolve(io.cwd, typedOut), public: "", json: r.json && r.json !== "-" ? resolve(io.cwd, r.json) : "" };
  let jsonText = "";
  // Ctrl+C between the long steps and inside the workbook writer: the shared flag is read too,
  // since the writer's synchronous work does not let the cancel message in (CliIO.pollCancel).
  const checkpoint = () => {
    io.pollCancel?.();
    throwIfCancelled(io.signal);
  };
  try {
    // Targets that can never be written are refused before any work.
    if (wantWorkbook) checkTarget(requested.workbook, typedOut);
    if (requested.json) checkTarget(requested.json, r.json);
    if (wantWorkbook) {
      checkpoint();
      const raw = r.specs(checkpoint);
      // Every sheet says so when the table was run with --allow-imbalance (imbalanceNotice).
      const specs = { full: withImbalanceNotice(raw.full, r.notice ?? null), public: raw.public ? withImbalanceNotice(raw.public, r.notice ?? null) : raw.public };
      checkFiniteSpec(specs.full, checkpoint);
      checkpoint();
      await set.stage(requested.workbook, await writeXlsxBuffer(specs.full, checkpoint), { typed: typedOut, freeName: true, what: WHAT.workbook, signal: io.signal });
      if (r.wantPublic && specs.public) {
        checkFiniteSpec(specs.public, checkpoint);
        requested.public = publicFileName(requested.workbook, lang);
        checkpoint();
        await set.stage(requested.public, await writeXlsxBuffer(specs.public, checkpoint), { freeName: true, what: WHAT.public, signal: io.signal });
      }
    }
    if (r.json !== undefined) {
      checkpoint();
      const value = r.jsonValue();
      checkFiniteJson(value, checkpoint);
      checkpoint();
      jsonText = JSON.stringify(value) + "\n";
      checkpoint();
      // Staged last, so a replaced JSON (--replace-json) is the last step of the run.
      if (requested.json) await set.stage(requested.json, jsonText, { typed: r.json, freeName: !io.replaceJson, what: WHAT.json, signal: io.signal });
    }
    checkpoint();
    const finals = new Map((await set.publish(io.signal)).map((p) => [p.requested, p.final]));
    set.keep();
    return report(io, lang, r, requested, finals, jsonText);
  } catch (e) {
    await set.discard();
    throw e;
  }
}

function report(
  io: CliIO,
  lang: Lang,
  r: OutputRequest,
  requested: { workbook: string; public: string; json: string },
  finals: Map<string, string>,
  jsonText: string,
): { workbook: string | null; publicWorkbook: string | null } {
  const workbook = finals.get(requested.workbook) ?? null;
  const publicWorkbook = requested.public ? (finals.get(requested.public) ?? null) : null;
  const json = requested.json ? (finals.get(requested.json) ?? null) : null;
  for (const [asked, got] of finals)
    if (asked !== got)
      say(io, lang, {
        ja: `${asked} は既にあるため上書きせず、${got} に書きました。`,
        en: `${asked} exists, so it was left alone; wrote ${got} instead.`,
      });
  if (r.json === "-") {
    io.stdout.write(jsonTerminalSafe(jsonText));
    if (workbook) say(io, lang, { ja: `結果のブック: ${workbook}`, en: `results workbook: ${workbook}` });
    if (publicWorkbook) say(io, lang, { ja: `公開版のブック: ${publicWorkbook}`, en: `public version: ${publicWorkbook}` });
    return { workbook, publicWorkbook };
  }
  io.stdout.write(terminalSafe(r.summary()));
  if (workbook) io.stdout.write(terminalSafe(`${lang === "ja" ? "結果のブック" : "Results workbook"}: ${workbook}\n`));
  if (publicWorkbook) io.stdout.write(terminalSafe(`${lang === "ja" ? "公開版のブック" : "Public version"}: ${publicWorkbook}\n`));
  if (json) io.stdout.write(terminalSafe(`JSON: ${json}\n`));
  return { workbook, publicWorkbook };
}

/** The JSON alone (`ripple inspect --json`): to stdout ("-"), or staged and published like every
 * output — never over an existing file unless --replace-json, never half-written. */
export async function writeJson(target: string, value: unknown, io: CliIO, lang: Lang): Promise<string | null> {
  const text = JSON.stringify(value) + "\n";
  if (target === "-") {
    io.stdout.write(jsonTerminalSafe(text));
    return null;
  }
  const requested = resolve(io.cwd, target);
  checkTarget(requested, target);
  const set = new OutputSet();
  try {
    await set.stage(requested, text, { typed: target, freeName: !io.replaceJson, what: WHAT.json, signal: io.signal });
    const [published] = await set.publish(io.signal);
    set.keep();
    if (published.final !== requested)
      say(io, lang, {
        ja: `${requested} は既にあるため上書きせず、${published.final} に書きました。`,
        en: `${requested} exists, so it was left alone; wrote ${published.final} instead.`,
      });
    return published.final;
  } catch (e) {
    await set.discard();
    throw e;
  }
}
